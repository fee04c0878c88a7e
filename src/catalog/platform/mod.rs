//! E-commerce platforms' exports (Shopify, WooCommerce, Nuvemshop, Bling),
//! recognised from their header and read as the platform means them:
//!
//! - **variants**: a row with no title continues the product of its group
//!   (Shopify's `Handle`, Nuvemshop's `Identificador URL`), a row naming a
//!   parent (WooCommerce's `Parent`, Bling's `Código Pai`) continues that
//!   product: its empty cells are taken from the product's row, except the
//!   variant's own columns (SKU, prices, stock...); the group becomes
//!   `group_id`. A variant whose product never came before is reported,
//!   never made into a product from nothing.
//! - **options**: `Option1 Name`/`Option1 Value` pairs (and the platforms'
//!   equivalents) become the size or the colour when their name says so
//!   (the field names of `headers/{en,pt}.txt`), else an extra attribute
//!   under the option's name.
//! - **not for sale**: a draft, archived, unpublished or inactive product
//!   is skipped and reported (and so are its variants).
//! - **cells**: HTML descriptions reduced to text, lists of images (the
//!   first) and of category paths (the most specific).
//!
//! The shapes are data (`headers/platforms.txt`, [`shape`]). A file that is
//! no platform's export never reaches this module; the header mapping
//! takes a recognised shape from [`shape`] alone, not from here. Depends on
//! the catalog's row parser, aliases and HTML reduction only.

pub(super) mod shape;

use shape::value_key;
pub(crate) use shape::{Resolved, recognise};

use super::aliases::{aliases, fold, label_words};
use super::encoding::RowText;
use super::header_names::candidate;
use super::html;
use super::records::Record;
use super::row::RowParser;
use super::{Field, Product, RowError, RowErrorKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc as Rc;

/// What a row of a platform's export is.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // returned at once, never stored
pub(crate) enum Outcome {
    /// A product, or a row reported.
    Row(Result<Product, RowError>),
    /// More of the product before it, not a product (a Shopify row that
    /// only lists one more image of its product).
    Absorbed,
}

/// A product row that variants may continue: its product-level cells.
#[derive(Debug)]
struct Parent {
    line: u64,
    /// The group (handle) or the parent's own key (its id).
    key: String,
    cells: Vec<Box<str>>,
    /// Skipped as not for sale: its variants are too.
    hidden: bool,
}

/// Reads the rows of one platform's export.
pub(crate) struct PlatformRows {
    r: Resolved,
    headers: Vec<String>,
    /// The product of the current group (group shapes: a new group value
    /// starts a new product, as the platforms define it).
    current: Option<Rc<Parent>>,
    /// Products by id or key (parent shapes).
    parents: FxHashMap<Box<str>, Rc<Parent>>,
    data: Vec<u8>,
    ends: Vec<usize>,
}

/// The size an option value names: the value, or its part before a
/// measurement in parentheses ("G (7cm)" -> "G"); none when it is a
/// measurement ("10cm Largura", "16cm").
fn option_size(value: &str) -> Option<String> {
    if super::specs::is_size_name(value) {
        return Some(value.to_string());
    }
    let (size, rest) = value.split_once('(')?;
    let (size, inner) = (size.trim(), rest.trim_end().strip_suffix(')')?);
    (!size.is_empty() && super::specs::is_size_name(size) && !super::specs::is_size_name(inner))
        .then(|| size.to_string())
}

/// The field an option's name says it fills: the name, or its words
/// without a request to choose (`Choose Material`), read like a header
/// (`Ring Size` and `Box Color` name the size and the colour by one of
/// their words). Only the colour, the size and the material are options.
fn option_field(name: &str) -> Option<Field> {
    let field = aliases()
        .field(&fold(name))
        .map(|(f, _)| f)
        .or_else(|| candidate(&label_words(name)).map(|(_, _, f)| f))?;
    matches!(field, Field::Color | Field::Size | Field::Material).then_some(field)
}

/// `id:10` names the product whose id is 10 (WooCommerce).
fn parent_ref(cell: &str) -> &str {
    let cell = cell.trim();
    cell.strip_prefix("id:").map_or(cell, str::trim)
}

impl PlatformRows {
    /// The row stage of a recognised shape, for a file with these headers.
    pub(crate) fn new(r: Resolved, headers: &[String]) -> PlatformRows {
        PlatformRows {
            r,
            headers: headers.to_vec(),
            current: None,
            parents: FxHashMap::default(),
            data: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// The platform's name, as printed.
    pub(crate) fn name(&self) -> &'static str {
        self.r.shape.name.as_str()
    }

    /// Reads one record.
    pub(crate) fn row(&mut self, rows: &mut RowParser, rec: Record<'_>, line: u64) -> Outcome {
        let coding = rows.decide(rec);
        let own: Vec<Cow<'_, str>> = (0..rec.len()).map(|i| coding.field(i)).collect();
        let blank =
            |cells: &[Cow<'_, str>], i: usize| cells.get(i).is_none_or(|c| c.trim().is_empty());
        let title_col = rows.mapping.column(Field::Title);
        let has_title = title_col.is_some_and(|c| !blank(&own, c));
        let group = self
            .r
            .group
            .and_then(|c| own.get(c))
            .map(|c| c.trim().to_string())
            .filter(|g| !g.is_empty());
        let named = self
            .r
            .parent
            .and_then(|c| own.get(c))
            .map(|c| parent_ref(c).to_string())
            .filter(|p| !p.is_empty());
        let id = rows
            .mapping
            .column(Field::Id)
            .and_then(|c| own.get(c))
            .map(|c| c.trim().to_string())
            .filter(|i| !i.is_empty());
        let fail = |kind| {
            Outcome::Row(Err(RowError {
                line,
                id: id.clone(),
                kind,
            }))
        };

        // The product this row continues, if any.
        let parent: Option<Rc<Parent>> = if let Some(p) = &named {
            match self.parents.get(p.as_str()) {
                Some(parent) => Some(Rc::clone(parent)),
                None => return fail(RowErrorKind::ParentNotFound { parent: p.clone() }),
            }
        } else if let (Some(g), false) = (&group, has_title) {
            match &self.current {
                Some(cur) if cur.key == *g => Some(Rc::clone(cur)),
                _ => return fail(RowErrorKind::ParentNotFound { parent: g.clone() }),
            }
        } else {
            None
        };
        if let Some(p) = &parent {
            if p.hidden {
                return fail(RowErrorKind::ParentSkipped(p.line));
            }
            // A row of a group that holds no variant cell (Shopify's rows of
            // further images) is more of its product, not a product.
            let variant = |i: usize| self.r.variant.get(i).copied().unwrap_or(false);
            if named.is_none() && (0..own.len()).all(|i| !variant(i) || blank(&own, i)) {
                return Outcome::Absorbed;
            }
        }

        // The row's cells, its product's where it has none.
        let mut cells: Vec<Cow<'_, str>> = own;
        if let Some(p) = &parent {
            for (i, cell) in cells.iter_mut().enumerate() {
                let from_product = self.r.product.get(i).copied().unwrap_or(false);
                let variant_own = self.r.variant.get(i).copied().unwrap_or(false);
                let take = from_product || (!variant_own && cell.trim().is_empty());
                if take && let Some(v) = p.cells.get(i) {
                    *cell = Cow::Owned(v.to_string());
                }
            }
        }
        // The variant's option values ("110V", "Rosa:M 41-51CM"): with its
        // group, the id of a variant with no id of its own, and after its
        // id, the id of one whose id another variant of its product has.
        let mut values = String::new();
        for &(_, v) in &self.r.options {
            let value = cells.get(v).map(|v| v.trim()).unwrap_or("");
            if !value.is_empty() && fold(value) != "defaulttitle" {
                if !values.is_empty() {
                    values.push(':');
                }
                values.push_str(value);
            }
        }
        if id.is_none()
            && let (Some(g), Some(c)) = (&group, rows.mapping.column(Field::Id))
            && c < cells.len()
        {
            let made = if values.is_empty() {
                g.clone()
            } else {
                format!("{g}:{values}")
            };
            cells[c] = Cow::Owned(made);
        }
        let hidden = self.r.hide.iter().find_map(|(c, values)| {
            let cell = cells.get(*c)?.trim();
            values
                .contains(&value_key(cell))
                .then(|| (*c, cell.to_string()))
        });
        let may_parent = named.is_none() && (has_title || parent.is_none());
        if may_parent {
            self.remember(&cells, line, group.as_deref(), hidden.is_some());
        }
        if let Some((c, value)) = hidden {
            let column = self.headers.get(c).cloned().unwrap_or_default();
            return fail(RowErrorKind::NotPublished { column, value });
        }

        // The merged record, read like any row.
        self.data.clear();
        self.ends.clear();
        for cell in &cells {
            self.data.extend_from_slice(cell.as_bytes());
            self.ends.push(self.data.len());
        }
        let merged = Record::from_parts(&self.data, &self.ends);
        let text = RowText::rebuilt(merged, &coding);
        let result = rows.row_text(merged, text, line, group.as_deref(), &values);
        match result {
            Ok(Some(mut product)) => {
                self.finish(&mut product, &cells, group, parent.as_deref(), rows);
                Outcome::Row(Ok(product))
            }
            // Platform rows are never merged (see `RowParser::row_text`).
            Ok(None) => Outcome::Absorbed,
            Err(e) => Outcome::Row(Err(e)),
        }
    }

    /// Keeps a row's product-level cells for the variants after it.
    fn remember(&mut self, cells: &[Cow<'_, str>], line: u64, group: Option<&str>, hidden: bool) {
        let product_cells = || {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let own = self.r.variant.get(i).copied().unwrap_or(false);
                    if own { "".into() } else { c.trim().into() }
                })
                .collect::<Vec<Box<str>>>()
        };
        if let Some(g) = group {
            self.current = Some(Rc::new(Parent {
                line,
                key: g.to_string(),
                cells: product_cells(),
                hidden,
            }));
            return;
        }
        if self.r.parent.is_none() {
            return;
        }
        if let Some((c, values)) = &self.r.parents {
            let kind = cells.get(*c).map(|k| k.as_ref()).unwrap_or("");
            // `variable`, also written `variable, virtual`.
            if !kind.split(',').any(|k| values.contains(&value_key(k))) {
                return;
            }
        }
        let keys: Vec<String> = self
            .r
            .keys
            .iter()
            .filter_map(|&c| cells.get(c))
            .map(|c| c.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect();
        let Some(first) = keys.first() else { return };
        let parent = Rc::new(Parent {
            line,
            key: first.clone(),
            cells: product_cells(),
            hidden,
        });
        for k in keys {
            self.parents.insert(k.into_boxed_str(), Rc::clone(&parent));
        }
    }

    /// What the platform adds to a product read from its row: options,
    /// group, HTML reduced, list cells.
    fn finish(
        &self,
        product: &mut Product,
        cells: &[Cow<'_, str>],
        group: Option<String>,
        parent: Option<&Parent>,
        rows: &RowParser,
    ) {
        let mut options: Vec<(String, String)> = self
            .r
            .options
            .iter()
            .filter_map(|&(n, v)| {
                let name = cells.get(n)?.trim();
                let value = cells.get(v)?.trim();
                (!name.is_empty() && !value.is_empty())
                    .then(|| (name.to_string(), value.to_string()))
            })
            .collect();
        if self.r.shape.title_options
            && parent.is_some()
            && let Some((title, pairs)) = title_options(&product.title)
        {
            product.title = title;
            options.extend(pairs);
        }
        for (name, value) in options {
            // Shopify's product without options: one "Title" option.
            if fold(&name) == "title" && fold(&value) == "defaulttitle" {
                continue;
            }
            match option_field(&name) {
                Some(Field::Color) => product.color = Some(value),
                // A size option names a size ("G (7cm)" is G); a
                // measurement ("10cm Largura") is an attribute of its own.
                Some(Field::Size) => match option_size(&value) {
                    Some(size) => product.size = Some(size),
                    None => {
                        product.extra.insert(name, value);
                    }
                },
                Some(Field::Material) => product.material = Some(value),
                _ => {
                    product.extra.insert(name, value);
                }
            }
        }
        if let Some(path) = category_path(&self.r.category_path, cells) {
            product.category = Some(path);
        }
        if let Some(c) = self.r.variant_name
            && let Some(name) = cells.get(c)
        {
            let header = self.headers.get(c).map_or("", String::as_str);
            variant_options(product, name, header);
        }
        if product.group_id.is_none() {
            product.group_id = group
                .or_else(|| parent.map(|p| p.key.clone()))
                .or_else(|| self.own_key(cells));
        }
        for &c in &self.r.html {
            if rows.mapping.column(Field::Description) == Some(c) {
                product.description = html::to_text(&product.description);
            } else if let Some(h) = self.headers.get(c)
                && let Some(v) = product.extra.get_mut(h)
            {
                *v = html::to_text(v);
            }
        }
        for &c in &self.r.list {
            let Some(cell) = cells.get(c).map(|c| c.trim()).filter(|c| !c.is_empty()) else {
                continue;
            };
            let items = split_list(cell);
            if rows.mapping.columns_of(Field::ImageUrl).any(|i| i == c)
                && product.image_url.as_deref() == Some(clean(cell).as_str())
            {
                product.image_url = items.first().map(|s| s.to_string());
            }
            if rows.mapping.columns_of(Field::Category).any(|i| i == c)
                && product.category.as_deref() == Some(clean(cell).as_str())
                && items.len() > 1
            {
                product.category = most_specific(&items).map(str::to_string);
                if let Some(h) = self.headers.get(c) {
                    product.extra.insert(h.clone(), items.join(", "));
                }
            }
        }
    }

    /// A parent-shape row's own key, when it can be a parent.
    fn own_key(&self, cells: &[Cow<'_, str>]) -> Option<String> {
        self.r.parent?;
        self.r
            .keys
            .iter()
            .filter_map(|&c| cells.get(c))
            .map(|c| c.trim().to_string())
            .find(|k| !k.is_empty())
    }
}

/// A cell as the row parser cleans a short value.
fn clean(cell: &str) -> String {
    super::value::clean_short(cell)
}

/// The items of a list cell: split on `|` when it has one, else on `;`
/// (VTEX's image lists), else on `,`.
fn split_list(cell: &str) -> Vec<&str> {
    let sep = ['|', ';']
        .into_iter()
        .find(|&s| cell.contains(s))
        .unwrap_or(',');
    cell.split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The category path made of the level cells at `columns`, coarsest
/// first (`Feminino > Vestidos`); a level repeating the one before it is
/// one level.
fn category_path(columns: &[usize], cells: &[Cow<'_, str>]) -> Option<String> {
    let mut levels: Vec<String> = Vec::new();
    for &c in columns {
        let level = clean(cells.get(c).map_or("", |c| c.as_ref()));
        if !level.is_empty() && levels.last().is_none_or(|l| fold(l) != fold(&level)) {
            levels.push(level);
        }
    }
    (!levels.is_empty()).then(|| levels.join(" > "))
}

/// Reads a variant's name written as its product's title and its options
/// (VTEX's `_NomeSKU`: `Vestido Midi - PP`, `Camiseta - Preta - M`): a
/// garment size among the options is the size (when the row has none);
/// the others are an attribute under the column's header. A name that does
/// not start with the title says nothing.
fn variant_options(product: &mut Product, name: &str, header: &str) {
    let Some(rest) = after_title(name.trim(), &product.title) else {
        return;
    };
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || "-–—:|/,;".contains(c));
    if rest.is_empty() {
        return;
    }
    let mut others = Vec::new();
    for part in rest.split(['-', '–', '—', '|', ',', ';']).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        if product.size.is_none() && super::specs::is_size_code(part) {
            product.size = Some(part.to_string());
        } else {
            others.push(part);
        }
    }
    if !others.is_empty() && !header.is_empty() {
        product.extra.insert(header.to_string(), others.join(" - "));
    }
}

/// What follows `title` at the start of `name`, compared case-insensitively.
fn after_title<'a>(name: &'a str, title: &str) -> Option<&'a str> {
    let mut chars = name.char_indices();
    for t in title.chars() {
        let (_, n) = chars.next()?;
        if !n.to_lowercase().eq(t.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(i, _)| &name[i..]))
}

/// The category path with the most levels (the first of the deepest).
fn most_specific<'a>(paths: &[&'a str]) -> Option<&'a str> {
    let depth = |p: &str| p.matches('>').count() + p.matches('/').count();
    let mut best: Option<&'a str> = None;
    for &p in paths {
        if best.is_none_or(|b| depth(p) > depth(b)) {
            best = Some(p);
        }
    }
    best
}

/// A variant's title written as its product's name and its options
/// (Bling: `Camiseta Cor:Azul;Tamanho:M`): the name and the pairs.
fn title_options(title: &str) -> Option<(String, Vec<(String, String)>)> {
    let colon = title.find(':')?;
    let start = title[..colon].rfind(' ').map_or(0, |s| s + 1);
    let name = title[..start].trim();
    if name.is_empty() {
        return None;
    }
    let mut pairs = Vec::new();
    for pair in title[start..].split(';') {
        let (k, v) = pair.split_once(':')?;
        let (k, v) = (k.trim(), v.trim());
        let word = |c: char| c.is_alphabetic() || c == ' ';
        if k.is_empty() || v.is_empty() || !k.chars().all(word) {
            return None;
        }
        pairs.push((k.to_string(), v.to_string()));
    }
    Some((name.to_string(), pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_options_name_sizes_not_measurements() {
        assert_eq!(option_size("G").as_deref(), Some("G"));
        assert_eq!(option_size("42").as_deref(), Some("42"));
        assert_eq!(option_size("P-M").as_deref(), Some("P-M"));
        assert_eq!(option_size("G (7cm)").as_deref(), Some("G"));
        assert_eq!(option_size("10cm Largura"), None);
        assert_eq!(option_size("16cm"), None);
    }

    #[test]
    fn list_cells_and_category_paths() {
        assert_eq!(
            split_list("https://x/a.jpg, https://x/b.jpg"),
            ["https://x/a.jpg", "https://x/b.jpg"]
        );
        assert_eq!(split_list("a.jpg|b.jpg"), ["a.jpg", "b.jpg"]);
        assert_eq!(
            most_specific(&["Clothing", "Clothing > Hoodies", "Sale > Tops"]),
            Some("Clothing > Hoodies")
        );
    }

    #[test]
    fn a_variant_name_after_its_title_gives_the_size() {
        let read = |title: &str, name: &str| {
            let mut p = Product {
                title: title.into(),
                ..Product::default()
            };
            variant_options(&mut p, name, "_NomeSKU");
            (p.size, p.extra.get("_NomeSKU").cloned())
        };
        assert_eq!(
            read(
                "Vestido Midi Ombro À Ombro",
                "Vestido Midi Ombro à Ombro - PP"
            ),
            (Some("PP".into()), None)
        );
        assert_eq!(
            read("Camiseta", "Camiseta - Preta - m"),
            (Some("m".into()), Some("Preta".into()))
        );
        assert_eq!(read("Camiseta", "Blusa - M"), (None, None));
        assert_eq!(read("Camiseta", "Camiseta"), (None, None));
        assert_eq!(
            category_path(&[0, 1], &["Feminino".into(), "Vestidos".into()]),
            Some("Feminino > Vestidos".into())
        );
        assert_eq!(
            category_path(&[0, 1], &["".into(), "Vestidos".into()]),
            Some("Vestidos".into())
        );
        assert_eq!(split_list("a.jpg;b.jpg"), ["a.jpg", "b.jpg"]);
    }

    #[test]
    fn bling_titles_carry_their_options() {
        assert_eq!(
            title_options("Camiseta Básica Cor:Azul Marinho;Tamanho:M"),
            Some((
                "Camiseta Básica".into(),
                vec![
                    ("Cor".into(), "Azul Marinho".into()),
                    ("Tamanho".into(), "M".into())
                ]
            ))
        );
        assert_eq!(title_options("Cabo USB 2:1"), None);
        assert_eq!(title_options("Relógio Preto"), None);
        assert_eq!(title_options("Cor:Azul"), None);
    }
}
