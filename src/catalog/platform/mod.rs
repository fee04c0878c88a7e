//! E-commerce platforms' exports (Shopify, WooCommerce, Nuvemshop, Bling,
//! VTEX, Magento), recognised from their header and read as the platform
//! means them:
//!
//! - **variants**: a row with no title continues the product of its group
//!   (Shopify's `Handle`, Nuvemshop's `Identificador URL`), a row naming a
//!   parent (WooCommerce's `Parent`, Bling's `Código Pai`) continues that
//!   product: its empty cells are taken from the product's row, except the
//!   variant's own columns (SKU, prices, stock...); the group becomes
//!   `group_id`. A variant whose product never came before is reported,
//!   never made into a product from nothing. A product listing its
//!   variants (Magento's `configurable_variations`) claims them wherever
//!   they are: those before it are joined on a second reading
//!   ([`PlatformRows::take_late`]).
//! - **attributes**: `name=value,name=value` cells read like options.
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

mod cells;
pub(super) mod shape;

use cells::{
    LIST, attribute_pairs, category_path, child_keys, clean, most_specific, option_field,
    option_size, parent_ref, split_list, title_options, variant_options,
};

use shape::value_key;
pub(crate) use shape::{Resolved, recognise};

use super::aliases::fold;
use super::encoding::RowText;
use super::html;
use super::records::Record;
use super::row::RowParser;
use super::{Field, Product, RowError, RowErrorKind};
use rustc_hash::{FxHashMap, FxHashSet};
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

/// Variants by key with the product listing them, found by one reading.
#[derive(Debug, Clone, Default)]
pub struct Claims(FxHashMap<Box<str>, Rc<Parent>>);

impl Claims {
    /// How many variants.
    pub fn len(&self) -> usize {
        self.0.len()
    }
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
    /// Variants by key, with the product whose `children` cell lists them.
    claimed: FxHashMap<Box<str>, Rc<Parent>>,
    /// The keys of rows read with no product (children shapes).
    seen: FxHashSet<Box<str>>,
    /// Variants listed by a product after them: read again, they continue it.
    late: FxHashMap<Box<str>, Rc<Parent>>,
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl PlatformRows {
    /// The row stage of a recognised shape, for a file with these headers.
    pub(crate) fn new(r: Resolved, headers: &[String]) -> PlatformRows {
        PlatformRows {
            r,
            headers: headers.to_vec(),
            current: None,
            parents: FxHashMap::default(),
            claimed: FxHashMap::default(),
            seen: FxHashSet::default(),
            late: FxHashMap::default(),
            data: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// The variants listed by a product that came after them: a second
    /// reading of the file, given them, reads them as that product's.
    pub(crate) fn take_late(&mut self) -> Claims {
        Claims(std::mem::take(&mut self.late))
    }

    /// The variants an earlier reading of the file found listed late.
    pub(crate) fn claim(&mut self, claims: Claims) {
        self.claimed.extend(claims.0);
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

        // The product this row continues, if any: one that listed it, one
        // it names, or its group's.
        let claimed = id.as_deref().and_then(|i| self.claimed.get(i));
        let by_key = named.is_some() || claimed.is_some();
        let parent: Option<Rc<Parent>> = if let Some(p) = claimed {
            Some(Rc::clone(p))
        } else if let Some(p) = &named {
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
            if !by_key && (0..own.len()).all(|i| !variant(i) || blank(&own, i)) {
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
        if self.r.children.is_some()
            && parent.is_none()
            && let Some(i) = &id
        {
            self.seen.insert(i.as_str().into());
        }
        let may_parent = !by_key && (has_title || parent.is_none());
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
        if let Some(c) = self.r.children {
            let listed = cells.get(c).map_or(Vec::new(), |cell| child_keys(cell));
            let key = self.own_key(cells);
            let (Some(key), false) = (key, listed.is_empty()) else {
                return;
            };
            let parent = Rc::new(Parent {
                line,
                key,
                cells: product_cells(),
                hidden,
            });
            for k in listed {
                if self.seen.contains(k) {
                    self.late.insert(k.into(), Rc::clone(&parent));
                }
                self.claimed.insert(k.into(), Rc::clone(&parent));
            }
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
        // Name=value attributes: the product's, then the variant's own.
        if let Some(c) = self.r.attributes {
            let inherited = parent.and_then(|p| p.cells.get(c)).map_or("", |v| v);
            let own = cells.get(c).map_or("", |v| v.as_ref());
            options.extend(attribute_pairs(inherited));
            options.extend(attribute_pairs(own));
        }
        // An attribute of several values ("climate: Cool, Indoor") is no
        // one value to filter on: it is said in the description.
        let (options, several): (Vec<_>, Vec<_>) =
            options.into_iter().partition(|(_, v)| !v.contains(LIST));
        for (name, value) in several {
            let value = value.replace(LIST, ", ");
            let sep = if product.description.is_empty() {
                ""
            } else {
                " "
            };
            product.description = format!("{}{sep}{name}: {value}.", product.description);
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
        if let Some(path) = product.category.take() {
            product.category = self.without_root(path);
        }
    }

    /// The category path without the store's root level, where the shape
    /// says every path starts with it; `None` when only the root is left.
    fn without_root(&self, path: String) -> Option<String> {
        if !self.r.shape.category_root {
            return Some(path);
        }
        let (_, rest) = path.split_once(['/', '>'])?;
        let rest = rest.trim();
        (!rest.is_empty()).then(|| rest.to_string())
    }

    /// A parent-shape row's own key, when it can be a parent.
    fn own_key(&self, cells: &[Cow<'_, str>]) -> Option<String> {
        if self.r.parent.is_none() && self.r.children.is_none() {
            return None;
        }
        self.r
            .keys
            .iter()
            .filter_map(|&c| cells.get(c))
            .map(|c| c.trim().to_string())
            .find(|k| !k.is_empty())
    }
}
