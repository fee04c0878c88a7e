//! The platforms' export shapes, read once from `headers/platforms.txt`
//! (compiled in): how each one is recognised from a header, and each
//! shape resolved against one file's header into column positions
//! ([`Resolved`]), for the mapping and for the row stage.
//!
//! Depends on the catalog's [`Field`] and header folding only.

use crate::catalog::Field;
use crate::catalog::aliases::fold;
use std::sync::OnceLock;

/// The data file: one section per platform.
const FILE: &str = include_str!("../headers/platforms.txt");

/// A header pattern, folded: a whole name, a prefix (`variant*`), or a
/// numbered name (`option # name`: prefix `option`, suffix `name`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(String),
    Prefix(String),
    Numbered(String, String),
}

impl Pattern {
    fn parse(text: &str) -> Pattern {
        let text = text.trim();
        if let Some((before, after)) = text.split_once('#') {
            return Pattern::Numbered(fold(before), fold(after));
        }
        match text.strip_suffix('*') {
            Some(prefix) => Pattern::Prefix(fold(prefix)),
            None => Pattern::Exact(fold(text)),
        }
    }

    /// The option number a folded header has under this pattern (0 for
    /// a pattern without a number), if it matches.
    fn matches(&self, folded: &str) -> Option<u32> {
        match self {
            Pattern::Exact(name) => (folded == name).then_some(0),
            Pattern::Prefix(prefix) => folded.starts_with(prefix.as_str()).then_some(0),
            Pattern::Numbered(before, after) => {
                let middle = folded.strip_prefix(before.as_str())?;
                let digits = middle.strip_suffix(after.as_str())?;
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok()
            }
        }
    }
}

/// One platform's export shape, as the data file describes it.
#[derive(Debug, Default)]
pub(crate) struct Shape {
    /// The section's key (`shopify`).
    pub(crate) key: String,
    /// What the import prints (`Shopify product export`).
    pub(crate) name: String,
    detect: Vec<Vec<String>>,
    fields: Vec<(Field, Vec<Pattern>)>,
    group: Vec<Pattern>,
    parent: Vec<Pattern>,
    keys: Vec<Pattern>,
    parents: Option<(Pattern, Vec<String>)>,
    children: Vec<Pattern>,
    attributes: Vec<Pattern>,
    kind: Vec<Pattern>,
    option: Option<(Pattern, Pattern)>,
    variant_columns: Vec<Pattern>,
    product_columns: Vec<Pattern>,
    hide: Vec<(Pattern, Vec<String>)>,
    html: Vec<Pattern>,
    list: Vec<Pattern>,
    ignore: Vec<Pattern>,
    category_path: Vec<Pattern>,
    variant_name: Vec<Pattern>,
    /// The currency the platform's prices are in when the file names none.
    pub(crate) currency: Option<String>,
    pub(crate) title_options: bool,
    /// The first level of every category path is the store's root
    /// (Magento's `Default Category`), no level of a product's.
    pub(crate) category_root: bool,
}

/// Every shape of the data file, and what could not be parsed.
#[derive(Debug, Default)]
pub(crate) struct Shapes {
    pub(crate) shapes: Vec<Shape>,
    pub(crate) problems: Vec<String>,
}

/// The shapes, parsed on first use.
pub(crate) fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| Shapes::parse(FILE))
}

fn patterns(words: &str) -> Vec<Pattern> {
    words
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(Pattern::parse)
        .collect()
}

/// How a flag cell is compared: folded (`NÃO` = `nao`), a negative
/// number as written (`-1`, which folding would make `1`).
pub(crate) fn value_key(cell: &str) -> String {
    let cell = cell.trim();
    if cell.starts_with('-') {
        cell.to_string()
    } else {
        fold(cell)
    }
}

/// `h = v1, v2` -> (pattern of h, compared values).
fn column_values(text: &str) -> Option<(Pattern, Vec<String>)> {
    let (column, values) = text.split_once('=')?;
    let values = values
        .split(',')
        .map(value_key)
        .filter(|v| !v.is_empty())
        .collect();
    Some((Pattern::parse(column), values))
}

impl Shapes {
    fn parse(text: &str) -> Shapes {
        let mut out = Shapes::default();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = format!("platforms.txt line {}", n + 1);
            if let Some(key) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                out.shapes.push(Shape {
                    key: key.trim().to_string(),
                    ..Shape::default()
                });
                continue;
            }
            let Some(shape) = out.shapes.last_mut() else {
                out.problems.push(format!("{at}: outside a [platform]"));
                continue;
            };
            let Some((key, value)) = line.split_once(':') else {
                out.problems.push(format!("{at}: no `key: value`"));
                continue;
            };
            let value = value.trim();
            match key.trim() {
                "name" => shape.name = value.to_string(),
                "source" => {}
                "detect" => shape.detect.push(
                    value
                        .split(',')
                        .map(fold)
                        .filter(|w| !w.is_empty())
                        .collect(),
                ),
                "group" => shape.group = patterns(value),
                "parent" => shape.parent = patterns(value),
                "key" => shape.keys = patterns(value),
                "kind" => shape.kind = patterns(value),
                "children" => shape.children = patterns(value),
                "attributes" => shape.attributes = patterns(value),
                "parents" => match column_values(value) {
                    Some(cv) => shape.parents = Some(cv),
                    None => out.problems.push(format!("{at}: `parents: h = v, ...`")),
                },
                "option" => match value.split_once('/') {
                    Some((name, val)) => {
                        shape.option = Some((Pattern::parse(name), Pattern::parse(val)))
                    }
                    None => out
                        .problems
                        .push(format!("{at}: `option: name # / value #`")),
                },
                "variant columns" => shape.variant_columns = patterns(value),
                "product columns" => shape.product_columns = patterns(value),
                "hide" => match column_values(value) {
                    Some(cv) => shape.hide.push(cv),
                    None => out.problems.push(format!("{at}: `hide: h = v, ...`")),
                },
                "html" => shape.html = patterns(value),
                "list" => shape.list = patterns(value),
                "ignore" => shape.ignore = patterns(value),
                "title options" => shape.title_options = value == "yes",
                "category root" => shape.category_root = value == "yes",
                "category path" => shape.category_path = patterns(value),
                "variant name" => shape.variant_name = patterns(value),
                "currency" => match crate::catalog::price::normalize_currency(value) {
                    Some(code) => shape.currency = Some(code),
                    None => out
                        .problems
                        .push(format!("{at}: unknown currency {value:?}")),
                },
                other => match crate::catalog::header_names::field_named(other)
                    .filter(|f| f.name() == other)
                {
                    Some(field) => shape.fields.push((field, patterns(value))),
                    None => out.problems.push(format!("{at}: unknown key {other:?}")),
                },
            }
        }
        for s in &out.shapes {
            if s.name.is_empty() || s.detect.is_empty() {
                out.problems
                    .push(format!("[{}] needs a name and a detect line", s.key));
            }
        }
        out
    }

    /// The shape a header is in, by the first platform one of whose
    /// `detect` lines it holds entirely.
    pub(crate) fn recognise(&self, folded: &[String]) -> Option<&Shape> {
        self.shapes.iter().find(|s| {
            s.detect
                .iter()
                .any(|names| names.iter().all(|n| folded.iter().any(|h| h == n)))
        })
    }
}

/// What a platform does with a column it reads itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Rows sharing it are one product's variants.
    Group,
    /// Names the row's parent product.
    Parent,
    /// Lists the row's variants.
    Children,
    /// Name=value pairs of attributes.
    Attributes,
    /// The platform's product type (simple, variable...).
    Kind,
    /// An option's name.
    OptionName,
    /// An option's value (size, colour or another attribute).
    OptionValue,
    /// A value of it says the product is not for sale.
    Hide,
    /// Platform bookkeeping, not product data.
    Ignored,
    /// One level of the category path, joined with the others in order.
    CategoryLevel,
    /// The variant's name: its product's name, then its options.
    VariantName,
}

impl Role {
    /// How the mapping names the role.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Role::Group => "variant group (rows with no title continue its product)",
            Role::Parent => "parent product (variants)",
            Role::Children => "the product's variants (their SKUs)",
            Role::Attributes => "attributes (name=value: size, color or others)",
            Role::Kind => "product kind (not a category)",
            Role::OptionName => "option name",
            Role::OptionValue => "option value (size, color or an attribute)",
            Role::Hide => "not for sale when unpublished",
            Role::Ignored => "ignored (platform bookkeeping)",
            Role::CategoryLevel => "category level (the levels joined: department > category)",
            Role::VariantName => "variant name (the product's name, then its size or options)",
        }
    }
}

/// A shape resolved against one header: positions of its columns.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    /// The shape.
    pub(crate) shape: &'static Shape,
    /// The fields the shape maps, each with its columns in order of preference.
    pub(crate) fields: Vec<(Field, Vec<usize>)>,
    /// The columns the platform reads itself, with their role.
    pub(crate) roles: Vec<(usize, Role)>,
    pub(crate) group: Option<usize>,
    pub(crate) parent: Option<usize>,
    /// Lists the variants of the row's product.
    pub(crate) children: Option<usize>,
    /// Cells of name=value attribute pairs.
    pub(crate) attributes: Option<usize>,
    pub(crate) keys: Vec<usize>,
    pub(crate) parents: Option<(usize, Vec<String>)>,
    /// (name column, value column), by option number.
    pub(crate) options: Vec<(usize, usize)>,
    /// Per column: a variant's own cell, never inherited.
    pub(crate) variant: Vec<bool>,
    /// Per column: the product's cell, even where the variant has one.
    pub(crate) product: Vec<bool>,
    pub(crate) hide: Vec<(usize, Vec<String>)>,
    pub(crate) html: Vec<usize>,
    pub(crate) list: Vec<usize>,
    /// The category path's levels, coarsest first.
    pub(crate) category_path: Vec<usize>,
    pub(crate) variant_name: Option<usize>,
}

/// The first column matching any of `patterns`, in pattern order.
fn first(folded: &[String], patterns: &[Pattern]) -> Option<usize> {
    patterns
        .iter()
        .find_map(|p| folded.iter().position(|h| p.matches(h).is_some()))
}

/// Every column matching any of `patterns`, in pattern order.
fn all(folded: &[String], patterns: &[Pattern]) -> Vec<usize> {
    let mut out = Vec::new();
    for p in patterns {
        for (i, h) in folded.iter().enumerate() {
            if p.matches(h).is_some() && !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// Per column: matches any of `patterns`.
fn mask(folded: &[String], patterns: &[Pattern]) -> Vec<bool> {
    folded
        .iter()
        .map(|h| patterns.iter().any(|p| p.matches(h).is_some()))
        .collect()
}

impl Resolved {
    /// Resolves `shape` against a header (folded names).
    pub(crate) fn new(shape: &'static Shape, folded: &[String]) -> Resolved {
        let fields = shape
            .fields
            .iter()
            .map(|(f, ps)| (*f, all(folded, ps)))
            .filter(|(_, cols)| !cols.is_empty())
            .collect();
        let mut roles = Vec::new();
        let mut role = |col: Option<usize>, r: Role| {
            if let Some(c) = col {
                roles.push((c, r));
            }
            col
        };
        let group = role(first(folded, &shape.group), Role::Group);
        let parent = role(first(folded, &shape.parent), Role::Parent);
        let children = role(first(folded, &shape.children), Role::Children);
        let attributes = role(first(folded, &shape.attributes), Role::Attributes);
        role(first(folded, &shape.kind), Role::Kind);
        let variant_name = role(first(folded, &shape.variant_name), Role::VariantName);
        let keys = all(folded, &shape.keys);
        let category_path: Vec<usize> = shape
            .category_path
            .iter()
            .filter_map(|p| first(folded, std::slice::from_ref(p)))
            .collect();
        for &c in &category_path {
            roles.push((c, Role::CategoryLevel));
        }
        let parents = shape.parents.as_ref().and_then(|(p, values)| {
            first(folded, std::slice::from_ref(p)).map(|c| (c, values.clone()))
        });
        let mut options = Vec::new();
        if let Some((name, value)) = &shape.option {
            for (i, h) in folded.iter().enumerate() {
                let Some(n) = name.matches(h) else { continue };
                if let Some(v) = folded.iter().position(|x| value.matches(x) == Some(n)) {
                    options.push((n, i, v));
                }
            }
        }
        options.sort_unstable();
        let options: Vec<(usize, usize)> = options.into_iter().map(|(_, n, v)| (n, v)).collect();
        for &(n, v) in &options {
            roles.push((n, Role::OptionName));
            roles.push((v, Role::OptionValue));
        }
        let hide: Vec<(usize, Vec<String>)> = shape
            .hide
            .iter()
            .filter_map(|(p, values)| {
                first(folded, std::slice::from_ref(p)).map(|c| (c, values.clone()))
            })
            .collect();
        for (c, _) in &hide {
            roles.push((*c, Role::Hide));
        }
        for c in all(folded, &shape.ignore) {
            roles.push((c, Role::Ignored));
        }
        // A column is read one way: its first role wins.
        let mut seen = vec![false; folded.len()];
        roles.retain(|&(c, _)| !std::mem::replace(&mut seen[c], true));
        Resolved {
            shape,
            fields,
            roles,
            group,
            parent,
            children,
            attributes,
            keys,
            parents,
            options,
            variant: mask(folded, &shape.variant_columns),
            product: mask(folded, &shape.product_columns),
            hide,
            html: all(folded, &shape.html),
            list: all(folded, &shape.list),
            category_path,
            variant_name,
        }
    }
}

/// The shape of a header, resolved, if it is a platform's export.
pub(crate) fn recognise(headers: &[String]) -> Option<Resolved> {
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    let shape = shapes().recognise(&folded)?;
    Some(Resolved::new(shape, &folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    #[test]
    fn the_data_file_parses_without_problems() {
        let s = shapes();
        assert!(s.problems.is_empty(), "{:#?}", s.problems);
        let keys: Vec<&str> = s.shapes.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "shopify",
                "woocommerce",
                "nuvemshop",
                "bling",
                "vtex",
                "magento"
            ]
        );
    }

    #[test]
    fn patterns_match_folded_headers() {
        assert_eq!(
            Pattern::parse("option # name").matches(&fold("Option2 Name")),
            Some(2)
        );
        assert_eq!(
            Pattern::parse("option # name").matches(&fold("Option Name")),
            None
        );
        assert_eq!(
            Pattern::parse("attribute # value s").matches(&fold("Attribute 12 value(s)")),
            Some(12)
        );
        assert_eq!(
            Pattern::parse("variant*").matches(&fold("Variant Grams")),
            Some(0)
        );
        assert_eq!(
            Pattern::parse("body html").matches(&fold("Body (HTML)")),
            Some(0)
        );
    }

    #[test]
    fn shapes_are_recognised_by_their_distinctive_columns() {
        let name = |line: &str| recognise(&headers(line)).map(|r| r.shape.key.clone());
        assert_eq!(
            name("Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant Price"),
            Some("shopify".into())
        );
        assert_eq!(
            name("URL handle,Title,Description,Vendor,Option1 name,Option1 value,SKU,Price"),
            Some("shopify".into())
        );
        assert_eq!(
            name("ID,Type,SKU,Name,Published,Regular price,Sale price,Parent"),
            Some("woocommerce".into())
        );
        assert_eq!(
            name("Identificador URL,Nome,Categorias,Nome da variação 1,Valor da variação 1,Preço"),
            Some("nuvemshop".into())
        );
        assert_eq!(
            name("ID,Código,Descrição,Unidade,Preço,Situação,Marca"),
            Some("bling".into())
        );
        assert_eq!(
            name("_IDSKU,_NomeSKU,_IDProduto,_NomeProduto,_Marca,_Preço"),
            Some("vtex".into())
        );
        assert_eq!(
            name("sku,store_view_code,attribute_set_code,product_type,categories,name,price"),
            Some("magento".into())
        );
        assert_eq!(name("id,title,price,sale_price,item_group_id"), None);
        assert_eq!(name("Código;Nome;Preço De;Preço Por"), None);
    }

    #[test]
    fn a_resolved_shape_knows_its_columns() {
        let h = headers(
            "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Image Src,Status,Published,Body (HTML)",
        );
        let r = recognise(&h).map(|r| {
            (
                r.group,
                r.options.clone(),
                r.variant[6],
                r.product[8],
                r.hide.iter().map(|h| h.0).collect::<Vec<_>>(),
                r.html.clone(),
            )
        });
        assert_eq!(
            r,
            Some((
                Some(0),
                vec![(2, 3), (4, 5)],
                true,
                true,
                vec![10, 9],
                vec![11]
            ))
        );
    }
}
