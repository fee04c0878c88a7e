//! Brands told by category paths. Marketplace trees often file products
//! under a level per brand, alone ("Beauty > Makeup > Maybelline") or
//! followed by the name of the level above ("Watches >> Wrist Watches >>
//! Titan Wrist Watches"), and product-feed titles lead with the brand
//! ("Titan 1639SL03 Analog Watch"). Such a level is the product's brand,
//! never a product type: a shopper asks for "watches by Titan", not for
//! "Titan Wrist Watches".
//!
//! Whether a catalog's paths have brand levels is judged once, on its first
//! products: where a product names its brand in a cell too, the level must
//! agree with the cell for most of them; where no product has a brand cell,
//! the levels must be a systematic part of the tree (many products, many
//! brands). Depends on [`super::category`]'s levels, [`super::types`] and
//! [`super::words`] for the words that are never brands, and `text`.

use super::category::{Level, brand_words};
use super::words::TextWords;
use rustc_hash::FxHashSet;

/// Sample products with both a brand level and a brand cell needed to
/// judge the levels by the cells.
const MIN_WITH_CELL: usize = 5;
/// Share of those whose level must agree with their cell.
const AGREE_SHARE: f64 = 0.6;
/// Without brand cells: sample products with a brand level needed, and
/// their share of the products with a category path.
const MIN_LEVELS: usize = 20;
const LEVEL_SHARE: f64 = 0.2;
/// Without brand cells: distinct brands the levels must name.
const MIN_BRANDS: usize = 5;

/// Whether a catalog's category paths name its products' brands.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct CategoryBrands {
    trusted: bool,
}

/// The brand level of a path, for a product titled `title_keys` (folded
/// words): the level's index and how many of its first words are the
/// brand. A level after the first whose words lead the title, either all
/// of them ("Maybelline", up to three words) or all but the level above's
/// ("Titan" of "Titan Wrist Watches" under "Wrist Watches"); the brand's
/// first word is no product type, colour, audience or number, and the title
/// goes on after the brand.
pub fn brand_level(levels: &[Level], title_keys: &[&str]) -> Option<(usize, usize)> {
    (1..levels.len()).find_map(|i| {
        let n = brand_words(levels, i)?;
        let words = TextWords::new(&levels[i].text);
        (title_keys.len() > n
            && words.keys[..n].iter().zip(title_keys).all(|(w, t)| w == t)
            && can_be_brand(&words.keys[0]))
        .then_some((i, n))
    })
}

/// True unless `key` is a word the importer reads otherwise.
fn can_be_brand(key: &str) -> bool {
    let learn = super::words::learn_words();
    key.chars().any(char::is_alphabetic)
        && !key.chars().all(|c| c.is_ascii_digit())
        && !super::types::is_type_name(key)
        && !super::types::is_audience(key)
        && !learn.audience_words.contains_key(key)
        && learn.colors.get(key).is_none_or(|c| c.ambiguous)
        && !crate::language::is_function_word(key)
}

impl CategoryBrands {
    /// Judges the levels of a sample: `(levels, title, brand cell naming a
    /// brand)` for each product with a category path.
    pub(super) fn judge<'a>(
        sample: impl Iterator<Item = (Vec<Level>, &'a str, Option<&'a str>)>,
    ) -> CategoryBrands {
        let (mut paths, mut levels_found, mut with_cell, mut agree) = (0, 0, 0, 0);
        let mut brands: FxHashSet<String> = FxHashSet::default();
        for (levels, title, cell) in sample {
            paths += 1;
            let title_keys = crate::text::words(title);
            let keys: Vec<&str> = title_keys.iter().map(String::as_str).collect();
            let Some((_, n)) = brand_level(&levels, &keys) else {
                continue;
            };
            levels_found += 1;
            let brand = keys[..n].join(" ");
            if let Some(cell) = cell.filter(|c| !c.trim().is_empty()) {
                with_cell += 1;
                let cell = crate::text::words(cell).join(" ");
                if cell == brand
                    || cell.starts_with(&format!("{brand} "))
                    || brand.starts_with(&format!("{cell} "))
                {
                    agree += 1;
                }
            }
            brands.insert(brand);
        }
        let trusted = if with_cell >= MIN_WITH_CELL {
            agree as f64 >= with_cell as f64 * AGREE_SHARE
        } else {
            levels_found >= MIN_LEVELS
                && levels_found as f64 >= paths as f64 * LEVEL_SHARE
                && brands.len() >= MIN_BRANDS
        };
        CategoryBrands { trusted }
    }

    /// The brand the path `levels` names for a product titled `title`, as
    /// the title writes it, where the catalog's paths name brands.
    pub(super) fn brand_of(&self, levels: &[Level], title: &str) -> Option<String> {
        if !self.trusted {
            return None;
        }
        let words = TextWords::new(title);
        let (_, n) = brand_level(levels, &words.slices())?;
        let end = words.ranges.get(n - 1)?.end;
        Some(title[words.ranges[0].start..end].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::category::levels;

    fn judge(rows: &[(&str, &str, Option<&str>)]) -> CategoryBrands {
        CategoryBrands::judge(rows.iter().map(|(c, t, b)| (levels(c), *t, *b)))
    }

    #[test]
    fn a_level_before_the_name_above_is_the_brand() {
        let path = levels("Watches >> Wrist Watches >> Titan Wrist Watches");
        let title = crate::text::words("Titan 1639SL03 Analog Watch - For Boys, Men");
        let keys: Vec<&str> = title.iter().map(String::as_str).collect();
        assert_eq!(brand_level(&path, &keys), Some((2, 1)));
        assert!(crate::index::category::is_brand_level(&path, 2, &["titan"]));
        assert!(!crate::index::category::is_brand_level(
            &path,
            1,
            &["titan"]
        ));
        let path = levels("Beauty > Makeup > Maybelline");
        let title = crate::text::words("Maybelline Fit Me Foundation");
        let keys: Vec<&str> = title.iter().map(String::as_str).collect();
        assert_eq!(brand_level(&path, &keys), Some((2, 1)));
    }

    #[test]
    fn a_kind_of_product_is_no_brand() {
        // A type name or a colour leading the title is never a brand.
        let path = levels("Footwear > Shoes");
        let title = crate::text::words("Shoes for men, black");
        let keys: Vec<&str> = title.iter().map(String::as_str).collect();
        assert_eq!(brand_level(&path, &keys), None);
        let path = levels("Clothing > Black");
        let title = crate::text::words("Black Cotton Kurta");
        let keys: Vec<&str> = title.iter().map(String::as_str).collect();
        assert_eq!(brand_level(&path, &keys), None);
    }

    #[test]
    fn levels_are_trusted_when_the_cells_agree() {
        let agreeing: Vec<(&str, &str, Option<&str>)> = (0..6)
            .map(|_| {
                (
                    "Watches >> Wrist Watches >> Titan Wrist Watches",
                    "Titan 1639SL03 Analog Watch",
                    Some("Titan"),
                )
            })
            .collect();
        let judged = judge(&agreeing);
        let path = levels("Watches >> Wrist Watches >> Fastrack Wrist Watches");
        assert_eq!(
            judged
                .brand_of(&path, "Fastrack 38015PL01 Analog Watch")
                .as_deref(),
            Some("Fastrack")
        );
        // Subtypes that happen to lead their titles disagree with the cells.
        let disagreeing: Vec<(&str, &str, Option<&str>)> = (0..6)
            .map(|_| ("Shoes > Running", "Running Shoes Mesh", Some("Puma")))
            .collect();
        let path = levels("Shoes > Running");
        assert_eq!(judge(&disagreeing).brand_of(&path, "Running Shoes"), None);
    }

    #[test]
    fn without_cells_the_levels_must_be_systematic() {
        let brands = ["Acme", "Zeta", "Orbo", "Kilo", "Vamp"];
        let rows: Vec<(String, String)> = (0..25)
            .map(|i| {
                let b = brands[i % brands.len()];
                (
                    format!("Home > Lamps > {b} Lamps"),
                    format!("{b} Desk Lamp {i}"),
                )
            })
            .collect();
        let judged = CategoryBrands::judge(
            rows.iter()
                .map(|(c, t)| (levels(c), t.as_str(), None::<&str>)),
        );
        assert!(judged.trusted);
        let few = CategoryBrands::judge(
            rows[..3]
                .iter()
                .map(|(c, t)| (levels(c), t.as_str(), None::<&str>)),
        );
        assert!(!few.trusted);
    }
}
