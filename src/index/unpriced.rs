//! Products kept without a price, counted for the import report. An empty
//! price is legal (a product found by name, never within a budget), but a
//! whole category without one in a catalog whose other products are priced
//! (a shop's recipes or gift guides crawled with its products) is worth
//! the merchant's eye, so the report names it.
//!
//! Depends on the catalog's [`Product`] only.

use crate::catalog::Product;
use rustc_hash::FxHashMap;

/// How many categories the report names at most.
const NAMED_CATEGORIES: usize = 5;

/// The products an import kept without a price.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnpricedProducts {
    /// Products indexed without a price.
    pub products: u64,
    /// Products indexed with a price.
    pub priced: u64,
    /// The top-level categories none of whose products has a price, with
    /// their product counts, most first (at most five): named only when
    /// most of the catalog's products are priced.
    pub whole_categories: Vec<(String, u64)>,
}

impl UnpricedProducts {
    /// The products of [`UnpricedProducts::whole_categories`].
    pub fn in_whole_categories(&self) -> u64 {
        self.whole_categories.iter().map(|(_, n)| n).sum()
    }
}

/// Counts products with and without a price per top-level category.
#[derive(Debug, Default)]
pub(crate) struct PriceTally {
    /// Top-level category -> (priced, unpriced) products.
    categories: FxHashMap<String, (u64, u64)>,
    priced: u64,
    unpriced: u64,
}

impl PriceTally {
    /// Counts one indexed product.
    pub(crate) fn add(&mut self, p: &Product) {
        let priced = p.price.is_some();
        if priced {
            self.priced += 1;
        } else {
            self.unpriced += 1;
        }
        let Some(top) = p.category.as_deref().and_then(top_level) else {
            return;
        };
        // No allocation for a category already seen: this runs on every product.
        let entry = match self.categories.get_mut(top) {
            Some(entry) => entry,
            None => self.categories.entry(top.to_string()).or_default(),
        };
        if priced {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }

    /// What the report says.
    pub(crate) fn finish(self) -> UnpricedProducts {
        let mut whole: Vec<(String, u64)> = if self.priced > self.unpriced {
            self.categories
                .into_iter()
                .filter(|&(_, (priced, unpriced))| priced == 0 && unpriced > 0)
                .map(|(name, (_, unpriced))| (name, unpriced))
                .collect()
        } else {
            Vec::new()
        };
        whole.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        whole.truncate(NAMED_CATEGORIES);
        UnpricedProducts {
            products: self.unpriced,
            priced: self.priced,
            whole_categories: whole,
        }
    }
}

/// The first level of a category path (`Recipes` of `Recipes > 4 People`).
fn top_level(path: &str) -> Option<&str> {
    let top = path
        .split(['>', '|', '›', '»'])
        .next()
        .unwrap_or(path)
        .trim();
    (!top.is_empty()).then_some(top)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(category: &str, price: Option<f64>) -> Product {
        Product {
            category: Some(category.to_string()),
            price,
            ..Product::default()
        }
    }

    #[test]
    fn a_category_without_any_price_is_named() {
        let mut tally = PriceTally::default();
        for i in 0..6 {
            tally.add(&product("Wine & Spirits > Gin", Some(20.0 + f64::from(i))));
        }
        tally.add(&product("Home > Bedding", None));
        tally.add(&product("Home > Lamps", Some(9.99)));
        for _ in 0..3 {
            tally.add(&product("Recipes > 4 People", None));
        }
        tally.add(&product("Recipes", None));
        let unpriced = tally.finish();
        assert_eq!(unpriced.products, 5);
        assert_eq!(unpriced.priced, 7);
        assert_eq!(unpriced.whole_categories, vec![("Recipes".to_string(), 4)]);
        assert_eq!(unpriced.in_whole_categories(), 4);
    }

    #[test]
    fn a_mostly_unpriced_catalog_names_no_category() {
        let mut tally = PriceTally::default();
        tally.add(&product("Shoes", Some(10.0)));
        tally.add(&product("Bags", None));
        tally.add(&product("Hats", None));
        let unpriced = tally.finish();
        assert_eq!(unpriced.products, 2);
        assert!(unpriced.whole_categories.is_empty());
    }
}
