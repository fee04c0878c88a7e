//! The catalog's own vocabulary, saved with each index: every distinct value
//! of every facet with its product count. `understand` builds its matcher
//! from it; `vitrine stats` prints it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One distinct facet value and how many products carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value as written in the catalog (trimmed), e.g. `Puma`, `Black`.
    pub value: String,
    /// Number of products with this value.
    pub count: u64,
}

use crate::model::TypeTree;
pub use crate::model::facet;

/// Every facet's values, plus the catalog-wide facts the conversation needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// Facet name -> its values, most frequent first.
    pub facets: BTreeMap<String, Vec<FacetValue>>,
    /// The catalog's currency (ISO 4217), e.g. `INR`.
    pub currency: String,
    /// Number of products in the index.
    pub product_count: u64,
    /// Lowest and highest price in the catalog, when prices exist.
    #[serde(default)]
    pub price_range: Option<(f64, f64)>,
    /// Every normalised word ([`crate::text::words`]) of the titles, brands,
    /// types and other facet values, with the number of products using it,
    /// most frequent first. Lets `understand` keep meaningful free-text words
    /// ("running", "hooded"), correct their typos, and ignore gibberish.
    #[serde(default)]
    pub terms: Vec<FacetValue>,
    /// Per word of a brand value: the products of another brand whose
    /// titles use it ("dipirona" in the titles of Novalgina's and
    /// Medley's products), most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_brands_titles: Vec<FacetValue>,
    /// How the product types nest ("Sneakers" are "Shoes"), by shown value.
    #[serde(default)]
    pub type_tree: TypeTree,
}

impl Vocabulary {
    /// The values of one facet (empty when the catalog does not have it).
    pub fn values(&self, facet: &str) -> &[FacetValue] {
        self.facets.get(facet).map(Vec::as_slice).unwrap_or(&[])
    }
}
