//! The order a product's variants are listed in: by colour, then by size
//! as a shopper reads a size chart (numbers by value, letter sizes from
//! the smallest: XS S M L XL, and Brazil's PP P M G GG), then by id. The
//! index's own order is not the catalog's (rows are indexed in parallel),
//! so a fixed order keeps the list stable from one import to the next.
//!
//! Depends on `catalog` (the variant) only.

use crate::catalog::Variant;
use std::cmp::Ordering;

/// Letter sizes from the smallest, English and Brazilian, as one scale.
const LETTERS: [&[&str]; 9] = [
    &["XXXS", "3XS"],
    &["XXS", "2XS"],
    &["XS", "PP"],
    &["S", "P"],
    &["M"],
    &["L", "G"],
    &["XL", "GG"],
    &["XXL", "2XL", "XG", "XGG", "EG"],
    &["XXXL", "3XL", "EGG"],
];

/// Where a size stands on a size chart: numbers first by value, then
/// letter sizes by scale, then anything else by its text.
#[derive(Debug, PartialEq, PartialOrd)]
enum SizeRank<'a> {
    Number(f64),
    Letter(usize),
    Text(&'a str),
}

fn size_rank(size: &str) -> SizeRank<'_> {
    let size = size.trim();
    if let Ok(n) = size.replace(',', ".").parse::<f64>()
        && n.is_finite()
    {
        return SizeRank::Number(n);
    }
    let upper = size.to_uppercase();
    match LETTERS
        .iter()
        .position(|names| names.contains(&upper.as_str()))
    {
        Some(at) => SizeRank::Letter(at),
        None => SizeRank::Text(size),
    }
}

fn by_size(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => size_rank(a)
            .partial_cmp(&size_rank(b))
            .unwrap_or(Ordering::Equal),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

/// Sorts `variants` by colour (case-insensitive, none last), size chart
/// order and id.
pub fn sort_variants(variants: &mut [Variant]) {
    variants.sort_by(|a, b| {
        let colour = |v: &Variant| v.color.as_deref().map(str::to_lowercase);
        colour(a)
            .is_none()
            .cmp(&colour(b).is_none())
            .then_with(|| colour(a).cmp(&colour(b)))
            .then_with(|| by_size(a.size.as_deref(), b.size.as_deref()))
            .then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: &str, color: Option<&str>, size: Option<&str>) -> Variant {
        Variant {
            id: id.into(),
            color: color.map(Into::into),
            size: size.map(Into::into),
            price: None,
        }
    }

    #[test]
    fn variants_go_by_colour_then_size_chart_then_id() {
        let mut list = vec![
            v("9", None, Some("M")),
            v("1", Some("preto"), Some("XL")),
            v("2", Some("Azul"), Some("42")),
            v("3", Some("Azul"), Some("9,5")),
            v("4", Some("Preto"), Some("s")),
            v("5", Some("Preto"), Some("One Size")),
            v("6", Some("Preto"), None),
            v("7", Some("Azul"), Some("10")),
            v("8", Some("Preto"), Some("GG")),
            v("0", Some("Preto"), Some("S")),
        ];
        sort_variants(&mut list);
        let order: Vec<&str> = list.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(order, ["3", "7", "2", "0", "4", "1", "8", "5", "6", "9"]);
    }
}
