//! One record becomes one [`Product`] or one [`RowError`]: the row is
//! decoded (per row, see [`super::encoding`]), validated (column count,
//! title, prices, duplicate id) and its cells cleaned and parsed into the
//! product's fields, feed conventions included (sale vs list price,
//! audience from gender and age group, availability). Changes to a kept
//! row are collected as [`RowNotice`]s.

use super::encoding::{RowDecoder, RowText};
use super::feed::{self, PriceCells};
use super::header::{HeaderMapping, Target};
use super::price::{self, DecimalVotes};
use super::records::Record;
use super::value::{clean_long, clean_short, parse_rating, parse_stock};
use super::{Field, NoticeKind, Product, RowError, RowErrorKind, RowNotice};
use rustc_hash::FxHashMap;

/// What each column does with its cell, decided once from the mapping.
#[derive(Debug, Clone)]
enum Slot {
    /// A field read cell by cell.
    Field(Field),
    /// Read after the loop, from the field's columns in order of preference.
    Later,
    /// An extra value under this key.
    Extra(String),
    Ignored,
}

/// The fields read from several cells at once, after the other cells.
const LATER: [Field; 13] = [
    Field::Id,
    Field::Title,
    Field::Type,
    Field::Price,
    Field::SalePrice,
    Field::ListPrice,
    Field::Category,
    Field::Url,
    Field::ImageUrl,
    Field::Gender,
    Field::AgeGroup,
    Field::Availability,
    Field::SoldOut,
];

/// Turns records into products, keeping what the rows teach about the file
/// (decimal separator, currencies, ids seen, the legacy encoding).
pub(crate) struct RowParser {
    pub(crate) mapping: HeaderMapping,
    slots: Vec<Slot>,
    header_len: usize,
    /// Fields a row needs: the header less its trailing unnamed columns.
    pub(crate) required_len: usize,
    decoder: RowDecoder,
    pub(crate) default_currency: Option<String>,
    pub(crate) sample_currency: Option<String>,
    pub(crate) currencies: Vec<(String, u64)>,
    pub(crate) decimals: DecimalVotes,
    /// Ids seen: their row's line, variant group and what else it holds
    /// (see [`Seen`]).
    ids: FxHashMap<Box<str>, Seen>,
    notices: Vec<RowNotice>,
    /// The extra columns a row repeating an id may differ in and still be
    /// the same product: row numbers and category-like columns.
    pub(crate) not_compared: rustc_hash::FxHashSet<String>,
    /// Per id, the other category paths of the rows that list its product
    /// again (found by this pass, or given by an earlier pass over the
    /// same file so the product's first row carries them all).
    pub(crate) other_categories: FxHashMap<Box<str>, Vec<String>>,
}

/// What is kept of a row whose id is seen.
#[derive(Debug, Clone, Copy)]
struct Seen {
    /// The line the row starts on.
    line: u64,
    /// A hash of its variant group (0 when it has none).
    group: u64,
    /// A hash of its cells but its category ([`super::same_product`]).
    same: u64,
    /// A hash of its category path.
    category: u64,
}

impl RowParser {
    /// A parser for rows under `mapping` (a header of `header_len` fields).
    pub(crate) fn new(
        mapping: HeaderMapping,
        header_len: usize,
        required_len: usize,
        decoder: RowDecoder,
    ) -> RowParser {
        let slots = mapping
            .columns()
            .iter()
            .map(|c| match &c.target {
                Target::Field(f) | Target::Fallback(f) if LATER.contains(f) => Slot::Later,
                Target::Field(f) | Target::Fallback(f) => Slot::Field(*f),
                Target::Extra(key) => Slot::Extra(key.clone()),
                // Read after the loop, with the path's other levels.
                Target::CategoryLevel { .. } => Slot::Later,
                Target::Ignored | Target::Opinions | Target::Platform(_) => Slot::Ignored,
            })
            .collect();
        RowParser {
            mapping,
            slots,
            header_len,
            required_len,
            decoder,
            default_currency: None,
            sample_currency: None,
            currencies: Vec::new(),
            decimals: DecimalVotes::default(),
            ids: FxHashMap::default(),
            notices: Vec::new(),
            not_compared: rustc_hash::FxHashSet::default(),
            other_categories: FxHashMap::default(),
        }
    }

    /// The file's encoding, as shown to the user.
    pub(crate) fn encoding(&self) -> &'static str {
        self.decoder.label()
    }

    /// The notices of the rows read since the last call.
    pub(crate) fn take_notices(&mut self) -> Vec<RowNotice> {
        std::mem::take(&mut self.notices)
    }

    /// The cleaned text of the first non-empty cell among `field`'s columns.
    fn first(&self, rec: Record<'_>, text: &RowText<'_>, field: Field) -> String {
        self.mapping
            .columns_of(field)
            .filter(|&i| !rec.blank(i))
            .map(|i| clean_short(&text.field(i)))
            .find(|v| {
                !v.is_empty() && (!matches!(field, Field::Category | Field::Type) || !is_number(v))
            })
            .unwrap_or_default()
    }

    /// The category path the level columns make (`Fragrance > Men >
    /// Cologne`), coarsest first: empty levels and numbers left out, a
    /// level repeating the one before it one level. Empty when the file
    /// has no level columns or the row none filled.
    fn level_path(&self, rec: Record<'_>, text: &RowText<'_>) -> String {
        let mut path = String::new();
        let mut last = String::new();
        for &i in self.mapping.category_levels() {
            if rec.blank(i) {
                continue;
            }
            let level = clean_short(&text.field(i));
            let key = crate::text::key(&level);
            if key.is_empty() || is_number(&level) || key == last {
                continue;
            }
            if !path.is_empty() {
                path.push_str(" > ");
            }
            path.push_str(&level);
            last = key;
        }
        path
    }

    /// The row's id as written, cleaned (empty when it has none).
    pub(crate) fn id_of(&self, rec: Record<'_>) -> String {
        let text = self.decoder.peek(rec);
        self.first(rec, &text, Field::Id)
    }

    /// Whether a record would make a product (column count, title,
    /// prices), without reading it: for records read on trial.
    pub(crate) fn check(&self, rec: Record<'_>) -> Result<(), RowErrorKind> {
        let text = self.decoder.peek(rec);
        self.validate(rec, &text).map(|_| ())
    }

    /// The checks every row passes: its title and resolved prices, or what
    /// is wrong.
    fn validate(
        &self,
        rec: Record<'_>,
        text: &RowText<'_>,
    ) -> Result<(String, feed::Prices), RowErrorKind> {
        let found = rec.len();
        let surplus_used = (self.header_len..found).any(|i| !rec.blank(i));
        if found < self.required_len || surplus_used {
            return Err(RowErrorKind::WrongColumnCount {
                expected: self.header_len,
                found,
            });
        }
        let mut title = self.first(rec, text, Field::Title);
        if super::html::has_markup(&title) {
            title = super::html::to_text(&title);
        }
        if title.is_empty() {
            return Err(RowErrorKind::MissingTitle);
        }
        let cell = |field| {
            self.mapping
                .column(field)
                .map(|i| text.field(i))
                .unwrap_or_default()
        };
        let (price, sale, list) = (
            cell(Field::Price),
            cell(Field::SalePrice),
            cell(Field::ListPrice),
        );
        let cells = PriceCells {
            price: price.trim(),
            sale: sale.trim(),
            list: list.trim(),
        };
        let prices = feed::resolve_prices(cells, self.decimals.decimal())?;
        Ok((title, prices))
    }

    /// Validates a record and builds its product (none when the row lists
    /// an earlier row's product again, under another category).
    pub(crate) fn row(&mut self, rec: Record<'_>, line: u64) -> Result<Option<Product>, RowError> {
        let coding = self.decoder.decide(rec);
        self.row_text(rec, coding, line, None, "")
    }

    /// Decodes a record (learning the file's legacy encoding from it).
    pub(crate) fn decide<'a>(&mut self, rec: Record<'a>) -> RowText<'a> {
        self.decoder.decide(rec)
    }

    /// Validates a record already decoded as `coding` and builds its product.
    /// `group` is the row's variant group when a platform's export names it
    /// (else the group id column's cell is), `options` its option values
    /// (`Rosa:M`, empty when it has none). `None` for a row listing an
    /// earlier row's product again under another category (its id and
    /// every other cell the same): that row's product is in both
    /// categories, and the row is reported as merged.
    pub(crate) fn row_text(
        &mut self,
        rec: Record<'_>,
        coding: RowText<'_>,
        line: u64,
        group: Option<&str>,
        options: &str,
    ) -> Result<Option<Product>, RowError> {
        let raw_id = self.first(rec, &coding, Field::Id);
        let id_opt = (!raw_id.is_empty()).then(|| raw_id.clone());
        let fail = |kind| RowError {
            line,
            id: id_opt.clone(),
            kind,
        };
        let (title, prices) = self.validate(rec, &coding).map_err(fail)?;
        let mut id = if raw_id.is_empty() {
            format!("line-{line}")
        } else {
            raw_id
        };
        let group_cell;
        let group = match group {
            Some(g) => g.trim(),
            None => {
                group_cell = self
                    .mapping
                    .column(Field::GroupId)
                    .filter(|&i| !rec.blank(i))
                    .map(|i| coding.field(i));
                group_cell.as_deref().map_or("", str::trim)
            }
        };
        let group_hash = group_hash(group);
        let mut derived = None;
        let mut repeats = None;
        if let Some(&seen) = self.ids.get(id.as_str()) {
            let (first, first_group) = (seen.line, seen.group);
            // The same id in another variant group (two products given one
            // supplier's option code as SKU) is a product of its own: its
            // id is made unique with its group, and the row reported as kept.
            // In its own group, a variant of other options than the row
            // with its id (110V and 220V given one SKU) is its id and options.
            let made = if group_hash != 0 && first_group != group_hash {
                format!("{group}:{id}")
            } else if !options.is_empty() {
                format!("{id}:{options}")
            } else {
                // The same product listed again? Decided once it is read.
                String::new()
            };
            if made.is_empty() {
                repeats = Some(seen);
            } else {
                if let Some(seen) = self.ids.get(made.as_str()) {
                    return Err(fail(RowErrorKind::DuplicateId(seen.line)));
                }
                derived = Some((std::mem::replace(&mut id, made), first));
            }
        }

        let mut product = Product {
            id,
            title,
            price: prices.price,
            list_price: prices.list_price,
            ..Product::default()
        };
        let mut row_currency = None;
        for (i, slot) in self.slots.iter().enumerate().take(rec.len()) {
            if matches!(slot, Slot::Later | Slot::Ignored) || rec.blank(i) {
                continue;
            }
            let cell = coding.field(i);
            let short = || Some(clean_short(&cell)).filter(|s| !s.is_empty());
            let attribute = || short().filter(|s| !super::value::is_placeholder_value(s));
            match slot {
                Slot::Field(Field::Description) if super::html::has_markup(&cell) => {
                    product.description = super::html::to_text(&cell)
                }
                Slot::Field(Field::Description) => product.description = clean_long(&cell),
                Slot::Field(Field::Brand) => {
                    product.brand = short().filter(|b| !super::value::is_placeholder_brand(b))
                }
                Slot::Field(Field::Currency) => row_currency = price::normalize_currency(&cell),
                Slot::Field(Field::Color) => product.color = attribute(),
                Slot::Field(Field::Size) => product.size = attribute(),
                Slot::Field(Field::Material) => product.material = attribute(),
                Slot::Field(Field::Rating) => product.rating = parse_rating(&cell),
                Slot::Field(Field::Stock) => product.stock = parse_stock(&cell),
                // Parent id 0 (WooCommerce, SQL dumps): no parent, no group.
                Slot::Field(Field::GroupId) => {
                    product.group_id = short().filter(|g| !super::value::is_null_reference(g))
                }
                Slot::Field(field @ (Field::Gtin | Field::Mpn)) => {
                    if let Some(v) = short() {
                        product.extra.insert(field.name().to_string(), v);
                    }
                }
                Slot::Field(_) | Slot::Later | Slot::Ignored => {}
                Slot::Extra(key) => {
                    let value = clean_long(&cell);
                    if !value.is_empty() {
                        product.extra.insert(key.clone(), value);
                    }
                }
            }
        }
        // A specification table in one cell fills the attributes the
        // row's columns left empty.
        super::specs::fill_from_specs(&mut product);
        let non_empty = |s: String| (!s.is_empty()).then_some(s);
        let category = match self.level_path(rec, &coding) {
            path if path.is_empty() => self.first(rec, &coding, Field::Category),
            path => path,
        };
        product.category = non_empty(under_category(
            category,
            self.first(rec, &coding, Field::Type),
        ));
        product.url = non_empty(self.first(rec, &coding, Field::Url));
        product.image_url = non_empty(self.first(rec, &coding, Field::ImageUrl));
        let gender = self.first(rec, &coding, Field::Gender);
        let age = self.first(rec, &coding, Field::AgeGroup);
        let feed = self.mapping.column(Field::AgeGroup).is_some();
        (product.gender, product.feed_audience) = feed::gender_and_audience(&gender, &age, feed);

        let mut notices: Vec<NoticeKind> = prices.ignored;
        // A price of 0 sells nothing: shown as the cheapest product, a free
        // add-on would answer every "cheapest" and every budget.
        if product.price == Some(0.0) {
            product.price = None;
            product.list_price = None;
            notices.push(NoticeKind::ZeroPrice);
        }
        if let Some((shared, first)) = derived {
            notices.push(NoticeKind::IdMadeUnique {
                shared,
                first,
                id: product.id.clone(),
            });
        }
        if let Some(n) = product.stock.filter(|&n| n < 0) {
            notices.push(NoticeKind::NegativeStock(n));
            product.stock = Some(0);
        }
        if product.stock.is_none() {
            let availability = self.first(rec, &coding, Field::Availability);
            product.stock = feed::availability_stock(&availability);
        }
        if product.stock.is_none() {
            let sold_out = self.first(rec, &coding, Field::SoldOut);
            product.stock = feed::sold_out_stock(&sold_out);
        }
        if product.stock.is_none() && prices.sold_out {
            product.stock = Some(0);
        }
        let same =
            super::same_product::fingerprint(&product, row_currency.as_deref(), &self.not_compared);
        let category = super::same_product::category_hash(product.category.as_deref());
        if let Some(seen) = repeats {
            // Its id, and every cell but its category, an earlier row's:
            // that product, in one more category. Platform exports say
            // where a product's categories are; theirs are not merged.
            let merges =
                seen.same == same && seen.category != category && self.mapping.platform().is_none();
            let Some(path) = product.category.take().filter(|_| merges) else {
                return Err(fail(RowErrorKind::DuplicateId(seen.line)));
            };
            let others = self
                .other_categories
                .entry(product.id.clone().into_boxed_str())
                .or_default();
            if !others.contains(&path) {
                others.push(path.clone());
            }
            self.notices.push(RowNotice {
                line,
                id: Some(product.id),
                kind: NoticeKind::MergedCategory {
                    first: seen.line,
                    category: path,
                },
            });
            return Ok(None);
        }
        self.ids.insert(
            product.id.clone().into_boxed_str(),
            Seen {
                line,
                group: group_hash,
                same,
                category,
            },
        );
        // The row is kept: what its prices taught counts now.
        for evidence in prices.evidence {
            self.decimals.add(evidence);
        }
        // The categories of the rows that list it again (an earlier pass's).
        if let Some(others) = self.other_categories.get(product.id.as_str()) {
            let mut all: Vec<String> = product.category.iter().cloned().collect();
            for other in others {
                if !all.contains(other) {
                    all.push(other.clone());
                }
            }
            product.category = all.first().cloned();
            if all.len() >= 2 {
                product.categories = all;
            }
        }
        if let Some(read_as) = coding.departs {
            notices.push(NoticeKind::Encoding {
                file: self.decoder.label(),
                read_as,
            });
        }
        if coding.nul {
            notices.push(NoticeKind::NulRemoved);
        }
        for kind in notices {
            self.notices.push(RowNotice {
                line,
                id: Some(product.id.clone()),
                kind,
            });
        }

        let detected = row_currency
            .or_else(|| prices.currency.map(str::to_string))
            .or_else(|| self.mapping.header_currency().map(str::to_string));
        if let Some(c) = &detected {
            match self.currencies.iter_mut().find(|(k, _)| k == c) {
                Some(entry) => entry.1 += 1,
                None => self.currencies.push((c.clone(), 1)),
            }
        }
        product.currency = detected.or_else(|| self.default_currency.clone());
        Ok(Some(product))
    }

    /// Decodes a header record (its NUL bytes dropped).
    pub(crate) fn header_text(decoder: &mut RowDecoder, rec: Record<'_>) -> Vec<String> {
        let text = decoder.decide(rec);
        (0..rec.len())
            .map(|i| text.field(i).trim().to_string())
            .collect()
    }
}

/// The category path with the type column's value as its last level
/// (`moda` and `Vestido` -> `moda > Vestido`), unless the path ends with it.
fn under_category(category: String, kind: String) -> String {
    if kind.is_empty() {
        return category;
    }
    if category.is_empty() {
        return kind;
    }
    let last = category
        .rsplit(['>', '|', '/', '\\', '›', '»'])
        .next()
        .unwrap_or("");
    if crate::text::key(last) == crate::text::key(&kind) {
        return category;
    }
    format!("{category} > {kind}")
}

/// A hash of a variant group's value, 0 for none.
fn group_hash(group: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    if group.is_empty() {
        return 0;
    }
    BuildHasherDefault::<rustc_hash::FxHasher>::default()
        .hash_one(group)
        .max(1)
}

/// True for a value made of digits only: an id, not a category path.
fn is_number(v: &str) -> bool {
    v.bytes().all(|b| b.is_ascii_digit())
}
