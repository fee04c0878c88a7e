//! Header auto-mapping: which column is the title, the price, the colour...
//! from header names in English, Portuguese and the product-feed
//! conventions (Google Merchant Center, affiliate feeds), insensitive to
//! case, spaces, underscores and accents (`Product_Name`, `ProductName`,
//! `nome`, `Preço (R$)`, `sale_price`), with `--map FIELD=COLUMN`
//! overrides. The names live in the language data files (see
//! [`super::aliases`]), not here.
//!
//! Each column is matched once, by the first of three rounds that names a
//! field ([`super::header_names`]), and an earlier round beats a later one
//! anywhere in the header:
//! 1. the whole header is an alias (`Product_ID`, `descrição`, `image_link`);
//! 2. it is one once filler words and currencies are dropped (`Sale Price
//!    (INR)`, `Nome do Produto`);
//! 3. one of its words names exactly one field (`Average Rating`,
//!    `Brand Name`), unless a word says it is about something else
//!    (`Rating Count`, `Num_Images`, `Category ID`).
//!
//! Within a round the leftmost column wins and a field is never given two
//! columns, except the fields that take fallbacks ([`Field::takes_fallbacks`]):
//! their columns are ranked by how preferred their name is (`product_type`
//! before `product_category_tree` before `google_product_category`) and a
//! row takes the first non-empty one. Columns left over become
//! `Product::extra` entries under their header as written; unnamed columns
//! are ignored. Mapping is linear in the number of columns, and a header
//! wider than [`MAX_COLUMNS`] is refused by the reader.
//!
//! Depends on the catalog's field names, the currency a header names and a
//! recognised platform's shape; never on the row stage, which reads rows
//! through the mapping made here.

use super::Field;
use super::header_names::{Candidate, candidate};
use super::platform::shape::Resolved;
use super::price::currency_in_header;
use crate::error::{ConfigReason, Error, Result};
use crate::text;
use rustc_hash::FxHashSet;
use std::fmt;

/// The most columns a catalog may have. Product exports have tens of
/// columns, the widest marketplace templates about a thousand; a wider
/// header is a wrong delimiter or not a catalog, and each column costs
/// memory and time in every row.
pub const MAX_COLUMNS: usize = 4_096;

/// Columns listed one per line by `Display`; past this, the extra and
/// ignored columns are summed up in one line.
const LISTED_COLUMNS: usize = 60;

/// Where one column goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A canonical product field.
    Field(Field),
    /// A canonical field's next choice, read in a row whose earlier
    /// columns for that field are empty.
    Fallback(Field),
    /// An entry of `Product::extra`, under this key.
    Extra(String),
    /// Nowhere: the column has no name.
    Ignored,
    /// Nowhere: the column holds reviews or their authors (see
    /// [`super::header_names::names_opinions`]), no words of the product.
    Opinions,
    /// Read by the platform whose export the file is (a variant group, an
    /// option, a published flag...), as this label says.
    Platform(&'static str),
    /// One level of the category path several columns make, coarsest
    /// first: level `level` (1-based) of `of`.
    CategoryLevel {
        /// This column's level, 1 for the coarsest.
        level: usize,
        /// How many levels the path has.
        of: usize,
    },
}

/// One column of the file and where its values go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    /// 0-based position in the header.
    pub index: usize,
    /// The header as written, trimmed.
    pub header: String,
    /// Where the column's values go.
    pub target: Target,
    /// True when `--map` chose it.
    pub by_override: bool,
    /// True when the column had no value in the first rows read at open.
    pub empty_in_sample: bool,
    /// Why the first rows' values moved the column to its field, when they
    /// did (`unique values`, `values shared by rows`).
    pub by_values: Option<&'static str>,
}

/// Which column went where, as decided when the catalog was opened.
/// `Display` prints a table for the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMapping {
    columns: Vec<ColumnMapping>,
    fields: [Option<usize>; Field::ALL.len()],
    /// Per field, its fallback columns in order of preference.
    fallbacks: [Vec<usize>; Field::ALL.len()],
    /// The currency a price header names, and that column.
    currency: Option<(&'static str, usize)>,
    /// The platform whose export the file is, when recognised.
    platform: Option<&'static str>,
    /// The currency that platform's prices are in when nothing else says.
    platform_currency: Option<&'static str>,
    /// The columns that are levels of one category path, coarsest first
    /// (empty when the category is one column).
    levels: Vec<usize>,
}

impl HeaderMapping {
    /// Maps `headers` (as read, any case and accents) to fields, applying
    /// `overrides` first. A column given as `""` in an override leaves that
    /// field unmapped. Errors when an override names no column.
    pub fn new(headers: &[String], overrides: &[(Field, String)]) -> Result<HeaderMapping> {
        Self::with_platform(headers, overrides, None)
    }

    /// [`HeaderMapping::new`] for a platform's export: the platform's
    /// columns come after `overrides` and before the automatic names
    /// (which then match whole names only), and the columns the platform
    /// reads itself are its own.
    pub(crate) fn with_platform(
        headers: &[String],
        overrides: &[(Field, String)],
        platform: Option<&Resolved>,
    ) -> Result<HeaderMapping> {
        const N: usize = Field::ALL.len();
        let mut fields: [Option<usize>; N] = [None; N];
        let mut fallbacks: [Vec<usize>; N] = std::array::from_fn(|_| Vec::new());
        let mut taken = vec![false; headers.len()];
        let mut disabled = [false; N];
        let mut overridden = vec![false; headers.len()];
        let mut seen_override = [false; N];

        for (field, column) in overrides {
            let f = *field as usize;
            if seen_override[f] {
                return Err(Error::Config(ConfigReason::MapFieldTwice {
                    field: field.name(),
                }));
            }
            seen_override[f] = true;
            let column = column.trim();
            if column.is_empty() {
                disabled[f] = true;
                continue;
            }
            let index = find_column(headers, column).ok_or_else(|| {
                Error::Config(ConfigReason::MapNoSuchColumn {
                    field: field.name(),
                    column: column.to_string(),
                    columns: headers.to_vec(),
                })
            })?;
            fields[f] = Some(index);
            taken[index] = true;
            overridden[index] = true;
        }

        let mut roles: Vec<Option<&'static str>> = vec![None; headers.len()];
        if let Some(p) = platform {
            for &(index, role) in &p.roles {
                if !taken[index] {
                    taken[index] = true;
                    roles[index] = Some(role.label());
                }
            }
            for (field, columns) in &p.fields {
                let f = *field as usize;
                if seen_override[f] {
                    continue;
                }
                for &index in columns {
                    if taken[index] {
                        continue;
                    }
                    if fields[f].is_none() {
                        fields[f] = Some(index);
                    } else if field.takes_fallbacks() {
                        fallbacks[f].push(index);
                    } else {
                        continue;
                    }
                    taken[index] = true;
                }
            }
        }
        // Each free column's best match, then the matches in order: round
        // first, then (for fields with fallbacks) the name's rank, then
        // the column's position.
        let mut candidates: Vec<(Candidate, usize)> = headers
            .iter()
            .enumerate()
            .filter(|&(index, _)| !taken[index])
            .filter_map(|(index, h)| candidate(h).map(|c| (c, index)))
            // A platform's other columns are named by whole names only.
            .filter(|&((round, _, _), _)| platform.is_none() || round < 3)
            .map(|((round, rank, field), index)| {
                let rank = if field.takes_fallbacks() { rank } else { 0 };
                ((round, rank, field), index)
            })
            .collect();
        candidates.sort_unstable_by_key(|&((round, rank, _), index)| (round, rank, index));
        for ((_, _, field), index) in candidates {
            let f = field as usize;
            if disabled[f] {
                continue;
            }
            if fields[f].is_none() {
                fields[f] = Some(index);
                taken[index] = true;
            } else if field.takes_fallbacks() && !seen_override[f] {
                fallbacks[f].push(index);
                taken[index] = true;
            }
        }

        let mut target: Vec<Option<Target>> = vec![None; headers.len()];
        for (f, column) in fields.iter().enumerate() {
            if let Some(i) = column {
                target[*i] = Some(Target::Field(Field::ALL[f]));
            }
            for &i in &fallbacks[f] {
                target[i] = Some(Target::Fallback(Field::ALL[f]));
            }
        }
        // Extra keys are unique: a repeated header, or one that is the key
        // of an identifier field, is told apart by its position.
        let mut used: FxHashSet<String> = FxHashSet::default();
        for field in [Field::Gtin, Field::Mpn] {
            if fields[field as usize].is_some() {
                used.insert(field.name().to_string());
            }
        }
        let mut columns: Vec<ColumnMapping> = Vec::with_capacity(headers.len());
        for (index, (header, target)) in headers.iter().zip(target).enumerate() {
            let header = header.trim().to_string();
            let target = match (target, roles[index]) {
                (_, Some(role)) => Target::Platform(role),
                (Some(t), None) => t,
                (None, None) if header.is_empty() => Target::Ignored,
                (None, None) if super::header_names::names_opinions(&header) => Target::Opinions,
                (None, None) if used.contains(&header) => {
                    Target::Extra(format!("{header} (column {})", index + 1))
                }
                (None, None) => Target::Extra(header.clone()),
            };
            if let Target::Extra(key) = &target {
                used.insert(key.clone());
            }
            used.insert(header.clone());
            columns.push(ColumnMapping {
                index,
                header,
                target,
                by_override: overridden[index],
                empty_in_sample: false,
                by_values: None,
            });
        }
        let currency = [Field::Price, Field::SalePrice, Field::ListPrice]
            .into_iter()
            .filter_map(|f| fields[f as usize])
            .find_map(|i| currency_in_header(&headers[i]).map(|c| (c, i)));
        Ok(HeaderMapping {
            columns,
            fields,
            fallbacks,
            currency,
            platform: platform.map(|p| p.shape.name.as_str()),
            platform_currency: platform.and_then(|p| p.shape.currency.as_deref()),
            levels: Vec::new(),
        })
    }

    /// Every column, in file order.
    pub fn columns(&self) -> &[ColumnMapping] {
        &self.columns
    }

    /// The 0-based column mapped to `field`, if any.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields[field as usize]
    }

    /// The columns of `field` in order of preference: its column, then its
    /// fallbacks.
    pub fn columns_of(&self, field: Field) -> impl Iterator<Item = usize> + '_ {
        self.fields[field as usize]
            .into_iter()
            .chain(self.fallbacks[field as usize].iter().copied())
    }

    /// The platform whose export the file was recognised as (`Shopify
    /// product export`), if any.
    pub fn platform(&self) -> Option<&'static str> {
        self.platform
    }

    /// The currency the recognised platform's prices are in when neither
    /// the file nor `--currency` names one (VTEX's Brazilian sheet: BRL).
    pub fn platform_currency(&self) -> Option<&'static str> {
        self.platform_currency
    }

    /// The currency the price column's header names (`Price (INR)`).
    pub fn header_currency(&self) -> Option<&'static str> {
        self.currency.map(|(c, _)| c)
    }

    /// Makes `column` the id, as its values in the first rows say (unique
    /// where the id column's repeat, or where no column is named the id).
    /// The former id column, its values shared by rows (a style code
    /// shared by a product's colours), becomes the variant group when no
    /// column is, else an extra column. A column `--map` chose is never
    /// moved, nor one a platform reads.
    pub(crate) fn choose_id(&mut self, column: usize) {
        let (id, group) = (Field::Id as usize, Field::GroupId as usize);
        let Some(new) = self.columns.get(column) else {
            return;
        };
        if !matches!(new.target, Target::Extra(_)) {
            return;
        }
        if let Some(old) = self.fields[id] {
            if self.columns[old].by_override {
                return;
            }
            let target = if self.fields[group].is_none() {
                self.fields[group] = Some(old);
                Target::Field(Field::GroupId)
            } else {
                Target::Extra(self.columns[old].header.clone())
            };
            self.columns[old].target = target;
            self.columns[old].by_values = Some("values shared by rows");
        }
        self.fields[id] = Some(column);
        self.columns[column].target = Target::Field(Field::Id);
        self.columns[column].by_values = Some("unique values");
    }

    /// Leaves the category to the type column: the category columns, whose
    /// values the first rows show no coarser than the type's (a department
    /// or collection beside the product type, not its parent), are kept as
    /// extra columns.
    pub(crate) fn category_to_type(&mut self) {
        let columns = self.columns_of(Field::Category).collect();
        self.set_aside(Field::Category, columns, true, "no coarser than the type");
    }

    /// Makes the description column an extra column when its values in
    /// the first rows are labels (see `first_values::holds_labels`);
    /// another column named the description takes the field, if any.
    pub(crate) fn description_to_extra(&mut self, column: usize) {
        self.set_aside(
            Field::Description,
            vec![column],
            true,
            "a few short values, repeated",
        );
    }

    /// Sets the type column aside as a platform's kinds of listing
    /// (`simple`, `variable`: see `first_values::holds_listing_kinds`);
    /// another column named the type takes the field, if any.
    pub(crate) fn type_to_listing_kinds(&mut self) {
        let columns = self.fields[Field::Type as usize].into_iter().collect();
        self.set_aside(Field::Type, columns, false, "a platform's kinds of listing");
    }

    /// Takes `columns` (not given by `--map`) from `field`: extra columns
    /// when `extra`, else nowhere, for the `reason` their values in the
    /// first rows give. Another column of the field's names takes it.
    fn set_aside(&mut self, field: Field, columns: Vec<usize>, extra: bool, reason: &'static str) {
        let c = field as usize;
        for i in columns {
            if self.columns[i].by_override {
                continue;
            }
            self.columns[i].target = if extra {
                Target::Extra(self.columns[i].header.clone())
            } else {
                Target::Platform("not the product's kind")
            };
            self.columns[i].by_values = Some(reason);
            if self.fields[c] == Some(i) {
                self.fields[c] = None;
            }
            self.fallbacks[c].retain(|&f| f != i);
        }
        if self.fields[c].is_none() && !self.fallbacks[c].is_empty() {
            self.fields[c] = Some(self.fallbacks[c].remove(0));
        }
    }

    /// Makes `levels` (columns, coarsest first) the levels of one category
    /// path. A category or type column among them is no longer that
    /// field's; the category's other columns are read where every level is
    /// empty.
    pub(crate) fn set_category_levels(&mut self, levels: Vec<usize>) {
        let (c, t) = (Field::Category as usize, Field::Type as usize);
        if self.fields[t].is_some_and(|i| levels.contains(&i)) {
            self.fields[t] = None;
        }
        if self.fields[c].is_some_and(|i| levels.contains(&i)) {
            self.fields[c] = None;
        }
        self.fallbacks[c].retain(|i| !levels.contains(i));
        if self.fields[c].is_none() && !self.fallbacks[c].is_empty() {
            let first = self.fallbacks[c].remove(0);
            self.fields[c] = Some(first);
            self.columns[first].target = Target::Field(Field::Category);
        }
        for (n, &i) in levels.iter().enumerate() {
            if let Some(column) = self.columns.get_mut(i) {
                column.target = Target::CategoryLevel {
                    level: n + 1,
                    of: levels.len(),
                };
                column.by_values = Some("values nested");
            }
        }
        self.levels = levels;
    }

    /// The columns that are levels of one category path, coarsest first
    /// (empty when none are).
    pub fn category_levels(&self) -> &[usize] {
        &self.levels
    }

    /// Marks which columns had no value in the rows read at open.
    pub(crate) fn set_empty_in_sample(&mut self, non_empty: &[bool]) {
        for c in &mut self.columns {
            c.empty_in_sample = !non_empty.get(c.index).copied().unwrap_or(false);
        }
    }
}

impl fmt::Display for HeaderMapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = |c: &ColumnMapping| {
            if c.header.is_empty() {
                let empty = if c.empty_in_sample { ", empty" } else { "" };
                format!("(unnamed column {}{empty})", c.index + 1)
            } else {
                c.header.clone()
            }
        };
        match (self.platform, self.platform_currency) {
            (Some(platform), Some(currency)) => writeln!(
                f,
                "recognised: {platform} (prices in {currency} unless the file or --currency names another)"
            )?,
            (Some(platform), None) => writeln!(f, "recognised: {platform}")?,
            _ => {}
        }
        // A wide header lists its mapped columns and sums up the rest.
        let wide = self.columns.len() > LISTED_COLUMNS;
        let listed = |c: &&ColumnMapping| {
            !wide
                || matches!(
                    c.target,
                    Target::Field(_)
                        | Target::Fallback(_)
                        | Target::Platform(_)
                        | Target::CategoryLevel { .. }
                )
                || c.by_override
        };
        let width = self
            .columns
            .iter()
            .filter(listed)
            .map(|c| label(c).chars().count())
            .max()
            .unwrap_or(0);
        for c in self.columns.iter().filter(listed) {
            let l = label(c);
            let pad = width - l.chars().count();
            write!(f, "{l}{:pad$} -> ", "")?;
            match &c.target {
                Target::Field(field) => {
                    f.write_str(field.name())?;
                    if let Some((cur, column)) = self.currency
                        && column == c.index
                    {
                        write!(f, " (currency {cur})")?;
                    }
                }
                Target::Fallback(field) => {
                    write!(f, "{} (when the columns before are empty)", field.name())?
                }
                Target::Extra(key) if *key == c.header => f.write_str("extra")?,
                Target::Extra(key) => write!(f, "extra \"{key}\"")?,
                Target::Ignored => f.write_str("ignored")?,
                Target::Opinions => f.write_str("not read (reviews and their authors)")?,
                Target::Platform(role) => f.write_str(role)?,
                Target::CategoryLevel { level, of } => {
                    write!(f, "category, level {level} of {of}")?
                }
            }
            if c.by_override {
                f.write_str(" (--map)")?;
            }
            if let Some(why) = c.by_values {
                write!(f, " ({why} in the first rows)")?;
            }
            writeln!(f)?;
        }
        if wide {
            let extra = self
                .columns
                .iter()
                .filter(|c| !listed(c) && matches!(c.target, Target::Extra(_)))
                .count();
            let ignored = self
                .columns
                .iter()
                .filter(|c| !listed(c) && c.target == Target::Ignored)
                .count();
            writeln!(
                f,
                "(and {extra} more columns -> extra, {ignored} unnamed -> ignored)"
            )?;
        }
        Ok(())
    }
}

/// Finds the column `--map` names: by header (exact, then case-insensitive,
/// then by folded key), else by 1-based position.
fn find_column(headers: &[String], column: &str) -> Option<usize> {
    headers
        .iter()
        .position(|h| h.trim() == column)
        .or_else(|| {
            headers
                .iter()
                .position(|h| h.trim().to_lowercase() == column.to_lowercase())
        })
        .or_else(|| {
            let key = text::key(column);
            (!key.is_empty())
                .then(|| headers.iter().position(|h| text::key(h) == key))
                .flatten()
        })
        .or_else(|| {
            column
                .parse::<usize>()
                .ok()
                .filter(|&n| (1..=headers.len()).contains(&n))
                .map(|n| n - 1)
        })
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;
