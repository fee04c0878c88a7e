//! Whether a row repeating an earlier row's id lists the same product
//! again: a hash of every cell a product is made of but its category
//! (IKEA's export lists a bar stool under "Bar furniture" and again under
//! "Chairs", its other cells the same), and one of its category path. Row
//! numbers (`X1`, `index`: a spreadsheet's or a data frame's own count) and
//! category-like extra columns are not compared. Depends on the catalog's
//! [`Product`] only.

use super::Product;
use super::header::{HeaderMapping, Target};
use rustc_hash::{FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

/// A hash of `p`'s cells but its category, its row's currency cell, and
/// its extra columns but those in `not_compared`.
pub(crate) fn fingerprint(
    p: &Product,
    currency: Option<&str>,
    not_compared: &FxHashSet<String>,
) -> u64 {
    let mut h = FxHasher::default();
    (&p.title, &p.description).hash(&mut h);
    for text in [
        &p.brand,
        &p.color,
        &p.size,
        &p.gender,
        &p.material,
        &p.url,
        &p.image_url,
        &p.group_id,
    ] {
        text.hash(&mut h);
    }
    for number in [p.price, p.list_price, p.rating] {
        number.map(f64::to_bits).hash(&mut h);
    }
    (p.stock, currency).hash(&mut h);
    for (key, value) in &p.extra {
        if !not_compared.contains(key) {
            (key, value).hash(&mut h);
        }
    }
    h.finish()
}

/// The extra columns (their keys) a row listing an earlier row's product
/// again may differ in: row numbers (`row_numbers`, the columns counting
/// the first rows) and category-like columns.
pub(crate) fn not_compared(mapping: &HeaderMapping, row_numbers: &[usize]) -> FxHashSet<String> {
    mapping
        .columns()
        .iter()
        .filter(|c| {
            row_numbers.contains(&c.index)
                || super::category_levels::level_rank(&c.header).is_some()
        })
        .filter_map(|c| match &c.target {
            Target::Extra(key) => Some(key.clone()),
            _ => None,
        })
        .collect()
}

/// A hash of a category path, compared by its words (`Chairs` and
/// `chairs ` are one category).
pub(crate) fn category_hash(path: Option<&str>) -> u64 {
    let mut h = FxHasher::default();
    path.map(crate::text::key).hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_category_and_the_columns_not_compared_may_differ() {
        let stool = Product {
            id: "80155205".into(),
            title: "STIG".into(),
            category: Some("Bar furniture".into()),
            price: Some(75.0),
            extra: [("X1".to_string(), "12".to_string())].into(),
            ..Product::default()
        };
        let not_compared: FxHashSet<String> = ["X1".to_string()].into_iter().collect();
        let again = Product {
            category: Some("Chairs".into()),
            extra: [("X1".to_string(), "812".to_string())].into(),
            ..stool.clone()
        };
        assert_eq!(
            fingerprint(&stool, None, &not_compared),
            fingerprint(&again, None, &not_compared)
        );
        assert_ne!(
            category_hash(stool.category.as_deref()),
            category_hash(again.category.as_deref())
        );
        let dearer = Product {
            price: Some(80.0),
            ..again.clone()
        };
        assert_ne!(
            fingerprint(&stool, None, &not_compared),
            fingerprint(&dearer, None, &not_compared)
        );
        assert_ne!(
            fingerprint(&stool, None, &FxHashSet::default()),
            fingerprint(&again, None, &FxHashSet::default())
        );
    }
}
