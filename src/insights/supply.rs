//! The supply side of the report: what it knows of the live catalog (its
//! vocabulary with counts, [`Catalog`]) and how it counts the products
//! matching a combination ([`Probe`], a closure the front end hands in,
//! so supply is exact for any combination). Depends on `model`, the
//! vocabulary type of `index` and the error type; knows nothing of
//! tantivy or of the report built from it.

use crate::error::Result;
use crate::index::Vocabulary;
use crate::model::{Constraints, Lang};
use std::collections::BTreeMap;

/// What the report knows of the catalog: its vocabulary with counts.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Products in the index.
    pub products: u64,
    /// The catalog's currency (ISO 4217).
    pub currency: Option<String>,
    /// The catalog's language.
    pub language: Lang,
    /// The index generation.
    pub version: u64,
    /// Facet name → values with product counts, most frequent first.
    pub facets: BTreeMap<String, Vec<(String, u64)>>,
    /// Catalog words with product counts.
    pub terms: Vec<(String, u64)>,
    /// Lowest and highest price.
    pub price_range: Option<(f64, f64)>,
}

impl Catalog {
    /// The facts of a catalog's vocabulary.
    pub fn new(vocab: &Vocabulary, language: Lang, version: u64) -> Catalog {
        Catalog {
            products: vocab.product_count,
            currency: Some(vocab.currency.clone()).filter(|c| !c.is_empty()),
            language,
            version,
            facets: vocab
                .facets
                .iter()
                .map(|(name, values)| {
                    let values = values.iter().map(|v| (v.value.clone(), v.count)).collect();
                    (name.clone(), values)
                })
                .collect(),
            terms: vocab
                .terms
                .iter()
                .map(|t| (t.value.clone(), t.count))
                .collect(),
            price_range: vocab.price_range,
        }
    }
}

/// How many products match a combination, and their price span.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measure {
    /// Products matching.
    pub count: u64,
    /// Their lowest price.
    pub lowest: Option<f64>,
    /// Their highest price.
    pub highest: Option<f64>,
}

/// Counts the products matching constraints in the live catalog.
pub type Probe<'a> = &'a dyn Fn(&Constraints) -> Result<Measure>;
