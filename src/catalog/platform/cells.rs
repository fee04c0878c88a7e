//! The cells of platforms' exports read as values: option names and
//! sizes, parent references, name=value attribute lists, list cells,
//! category paths and variant names. Pure functions of the cells.

use super::super::aliases::{aliases, fold, label_words};
use super::super::header_names::candidate;
use super::super::html;
use super::super::{Field, Product};
use std::borrow::Cow;

/// The size an option value names: the value, or its part before a
/// measurement in parentheses ("G (7cm)" -> "G"); none when it is a
/// measurement ("10cm Largura", "16cm").
pub(super) fn option_size(value: &str) -> Option<String> {
    if super::super::specs::is_size_name(value) {
        return Some(value.to_string());
    }
    let (size, rest) = value.split_once('(')?;
    let (size, inner) = (size.trim(), rest.trim_end().strip_suffix(')')?);
    (!size.is_empty()
        && super::super::specs::is_size_name(size)
        && !super::super::specs::is_size_name(inner))
    .then(|| size.to_string())
}

/// The field an option's name says it fills: the name, or its words
/// without a request to choose (`Choose Material`), read like a header
/// (`Ring Size` and `Box Color` name the size and the colour by one of
/// their words). Only the colour, the size and the material are options.
pub(super) fn option_field(name: &str) -> Option<Field> {
    let field = aliases()
        .field(&fold(name))
        .map(|(f, _)| f)
        .or_else(|| candidate(&label_words(name)).map(|(_, _, f)| f))?;
    matches!(field, Field::Color | Field::Size | Field::Material).then_some(field)
}

/// `id:10` names the product whose id is 10 (WooCommerce).
pub(super) fn parent_ref(cell: &str) -> &str {
    let cell = cell.trim();
    cell.strip_prefix("id:").map_or(cell, str::trim)
}

/// The keys of the variants a `children` cell lists
/// (`sku=MH01-XS-Black,size=XS,color=Black|sku=MH01-S-Black,...`): the
/// first value of each item.
pub(super) fn child_keys(cell: &str) -> Vec<&str> {
    cell.split('|')
        .filter_map(|item| {
            let first = item.split(',').next()?;
            let key = first.split_once('=').map_or(first, |(_, v)| v).trim();
            (!key.is_empty()).then_some(key)
        })
        .collect()
}

/// How [`attribute_pairs`] joins the values of an attribute of several.
pub(super) const LIST: &str = " | ";

/// The pairs of an attributes cell (`size=XS,color=Black,climate=Cool|Indoor`),
/// several values joined: a flag (`sale=Yes`, `has_options=1`) says
/// nothing a shopper asks by name and is left out.
pub(super) fn attribute_pairs(cell: &str) -> Vec<(String, String)> {
    let flag = |v: &str| ["0", "1", "yes", "no", "true", "false"].contains(&fold(v).as_str());
    cell.split(',')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            let values: Vec<&str> = value
                .split('|')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect();
            let name = name.trim().replace('_', " ");
            (!name.is_empty() && !values.is_empty() && !values.iter().all(|v| flag(v)))
                .then(|| (name, html::to_text(&values.join(LIST))))
        })
        .collect()
}

/// A cell as the row parser cleans a short value.
pub(super) fn clean(cell: &str) -> String {
    super::super::value::clean_short(cell)
}

/// The items of a list cell: split on `|` when it has one, else on `;`
/// (VTEX's image lists), else on `,`.
pub(super) fn split_list(cell: &str) -> Vec<&str> {
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
pub(super) fn category_path(columns: &[usize], cells: &[Cow<'_, str>]) -> Option<String> {
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
pub(super) fn variant_options(product: &mut Product, name: &str, header: &str) {
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
        if product.size.is_none() && super::super::specs::is_size_code(part) {
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
pub(super) fn after_title<'a>(name: &'a str, title: &str) -> Option<&'a str> {
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
pub(super) fn most_specific<'a>(paths: &[&'a str]) -> Option<&'a str> {
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
pub(super) fn title_options(title: &str) -> Option<(String, Vec<(String, String)>)> {
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
