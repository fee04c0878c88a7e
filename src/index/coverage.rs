//! Where each attribute of the products came from and how many products
//! have it, recorded in the manifest at import so `vitrine stats` can show a
//! merchant what the bot can filter on. Depends on nothing of ours.

use serde::{Deserialize, Serialize};

/// One attribute's sources and coverage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AttributeCoverage {
    /// The attribute: a facet name (`type`, `brand`, `color`, `gender`,
    /// `size`, `material`) or `price`.
    pub attribute: String,
    /// Products whose value came from a catalog column.
    pub from_column: u64,
    /// Products without a column value whose value was learned from the
    /// title, the category path or a labelled description.
    pub learned: u64,
    /// Products whose column value their own title contradicts ("Black
    /// … Flats" in a "Red" cell), given the title's value instead.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub corrected: u64,
    /// Products whose column value is one their catalog's titles
    /// contradict too often to be believed (a default the export writes,
    /// as Myntra's "Red") and whose own title names none: the value is
    /// set aside, the product has no such attribute.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub set_aside: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl AttributeCoverage {
    /// Products that have the attribute.
    pub fn covered(&self) -> u64 {
        self.from_column + self.learned
    }

    /// The share of `products` that have the attribute, 0 to 1.
    pub fn share(&self, products: u64) -> f64 {
        if products == 0 {
            0.0
        } else {
            self.covered() as f64 / products as f64
        }
    }

    /// Where the values came from, in a merchant's words. A product type's
    /// column is the category path; the others' their own column.
    pub fn source(&self) -> &'static str {
        let typed = self.attribute == "type";
        match (self.from_column > 0, self.learned > 0, typed) {
            (true, true, true) => "category column + learned from titles",
            (true, false, true) => "category column",
            (false, true, true) => "learned from titles",
            (true, true, false) => "column + learned from titles and categories",
            (true, false, false) => "column",
            (false, true, false) => "learned from titles and categories",
            (false, false, _) => "none",
        }
    }
}

/// Counts sources per attribute while products are added.
#[derive(Debug, Clone, Default)]
pub struct CoverageCounter {
    rows: Vec<AttributeCoverage>,
}

impl CoverageCounter {
    /// A counter for these attributes, in this order.
    pub fn new(attributes: &[&str]) -> CoverageCounter {
        CoverageCounter {
            rows: attributes
                .iter()
                .map(|a| AttributeCoverage {
                    attribute: a.to_string(),
                    ..AttributeCoverage::default()
                })
                .collect(),
        }
    }

    /// Counts one product's attribute at position `i`: from a column, learned, or neither.
    /// Counts one product's attribute `i`: from its column, or learned.
    pub fn count(&mut self, i: usize, from_column: bool, learned: bool) {
        if let Some(row) = self.rows.get_mut(i) {
            if from_column {
                row.from_column += 1;
            } else if learned {
                row.learned += 1;
            }
        }
    }

    /// Counts one product whose column value of attribute `i` its title
    /// contradicted (see [`AttributeCoverage::corrected`]).
    pub fn corrected(&mut self, i: usize) {
        if let Some(row) = self.rows.get_mut(i) {
            row.corrected += 1;
        }
    }

    /// Counts one product whose column value of attribute `i` was set
    /// aside (see [`AttributeCoverage::set_aside`]).
    pub fn set_aside(&mut self, i: usize) {
        if let Some(row) = self.rows.get_mut(i) {
            row.set_aside += 1;
        }
    }

    /// The counts.
    pub fn finish(self) -> Vec<AttributeCoverage> {
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_shares() {
        let mut c = CoverageCounter::new(&["color", "brand"]);
        c.count(0, true, false);
        c.count(0, false, true);
        c.count(0, false, false);
        c.count(1, true, true);
        let rows = c.finish();
        assert_eq!(
            rows[0].source(),
            "column + learned from titles and categories"
        );
        assert!((rows[0].share(3) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(rows[1].source(), "column");
        assert_eq!(rows[1].covered(), 1);
    }
}
