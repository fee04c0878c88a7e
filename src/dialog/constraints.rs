//! The active constraints of a conversation: what every shown product must satisfy.

use crate::understand::{Slot, Sort};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Accepted and rejected values of one facet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetFilter {
    /// The product must have one of these values (empty = any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// The product must have none of these values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none_of: Vec<String>,
}

impl FacetFilter {
    /// True when the filter accepts everything.
    pub fn is_empty(&self) -> bool {
        self.any_of.is_empty() && self.none_of.is_empty()
    }
}

/// Everything the shopper currently asks for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// Facet filters by slot.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facets: BTreeMap<Slot, FacetFilter>,
    /// Lowest acceptable price (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_min: Option<f64>,
    /// Highest acceptable price (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_max: Option<f64>,
    /// Lowest acceptable rating (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_rating: Option<f64>,
    /// Words that must appear in the product's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// Words that must not appear in the product's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_text: Vec<String>,
    /// Result ordering.
    #[serde(default)]
    pub sort: Sort,
}

impl Constraints {
    /// True when nothing is constrained (sorting aside).
    pub fn is_empty(&self) -> bool {
        self.facets.values().all(FacetFilter::is_empty)
            && self.price_min.is_none()
            && self.price_max.is_none()
            && self.min_rating.is_none()
            && self.text.is_empty()
            && self.excluded_text.is_empty()
    }

    /// The filter of one slot, if any.
    pub fn facet(&self, slot: &Slot) -> Option<&FacetFilter> {
        self.facets.get(slot).filter(|f| !f.is_empty())
    }
}
