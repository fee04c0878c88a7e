//! The active constraints of a conversation: what every shown product must
//! satisfy.

use super::answer::Dropped;
use super::kind::ConstraintKind;
use super::slot::{Slot, Sort};
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
    /// Further values the product must have together with one of
    /// `any_of`, one of each list: the colours of a two-tone product
    /// ("black and white sneakers": `any_of` black, `and_of` [white]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub and_of: Vec<Vec<String>>,
}

impl FacetFilter {
    /// True when the filter accepts everything.
    pub fn is_empty(&self) -> bool {
        self.any_of.is_empty() && self.none_of.is_empty() && self.and_of.is_empty()
    }

    /// The value the shopper said first of each list a product must have
    /// one of: one for a plain filter, two for "black and white".
    pub fn said_together(&self) -> Vec<&String> {
        match self.and_of.is_empty() {
            true => Vec::new(),
            false => self
                .any_of
                .first()
                .into_iter()
                .chain(self.and_of.iter().filter_map(|g| g.first()))
                .collect(),
        }
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
    /// The price bounds came from "cheaper" or "pricier": they are relative
    /// to the products shown then, so they do not follow the shopper to
    /// another product type.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub price_relative: bool,
    /// Lowest acceptable rating (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_rating: Option<f64>,
    /// Words that must appear in the product's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// Words that must not appear in the product's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_text: Vec<String>,
    /// Words of `text` that no title says where titles mark the other kind
    /// ("ração seca": no title says "seca", many say "Úmida"): a product
    /// matches them when its title lacks that mark (`[contrasts]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contrasted: Vec<String>,
    /// Words of `text` said with the product type, naming the product
    /// ("necklace" of "necklace set", "remote control" of "remote control
    /// car"): set aside only after the attributes asked of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named: Vec<String>,
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

    /// These constraints with nothing excluded: no facet value, no word.
    pub fn without_exclusions(&self) -> Constraints {
        let mut all = self.clone();
        for f in all.facets.values_mut() {
            f.none_of.clear();
        }
        all.excluded_text.clear();
        all
    }

    /// The filter of one slot, if any.
    pub fn facet(&self, slot: &Slot) -> Option<&FacetFilter> {
        self.facets.get(slot).filter(|f| !f.is_empty())
    }

    /// True when a constraint of this kind is set.
    pub fn has(&self, kind: &ConstraintKind) -> bool {
        match kind {
            ConstraintKind::Text => !self.text.is_empty() || !self.excluded_text.is_empty(),
            ConstraintKind::Price => self.price_min.is_some() || self.price_max.is_some(),
            ConstraintKind::Rating => self.min_rating.is_some(),
            ConstraintKind::Facet(slot) => self.facet(slot).is_some(),
        }
    }

    /// Removes the constraint of one kind; returns what it held.
    pub fn remove(&mut self, kind: &ConstraintKind) -> Dropped {
        let (any_of, none_of) = match kind {
            ConstraintKind::Text => (
                {
                    self.contrasted.clear();
                    self.named.clear();
                    std::mem::take(&mut self.text)
                },
                std::mem::take(&mut self.excluded_text),
            ),
            ConstraintKind::Price => {
                self.price_min = None;
                self.price_max = None;
                self.price_relative = false;
                (Vec::new(), Vec::new())
            }
            ConstraintKind::Rating => {
                self.min_rating = None;
                (Vec::new(), Vec::new())
            }
            // Colours asked together are dropped together, and named so
            // ("grey and pink"), not by the first's family alone.
            ConstraintKind::Facet(slot) => self
                .facets
                .remove(slot)
                .map(|f| match f.and_of.is_empty() {
                    true => (f.any_of, f.none_of),
                    false => (f.said_together().into_iter().cloned().collect(), f.none_of),
                })
                .unwrap_or_default(),
        };
        Dropped {
            kind: kind.clone(),
            any_of,
            none_of,
        }
    }

    /// The kinds of the constraints set, in a stable order.
    pub fn kinds(&self) -> Vec<ConstraintKind> {
        let mut kinds: Vec<ConstraintKind> = self
            .facets
            .iter()
            .filter(|(_, f)| !f.is_empty())
            .map(|(slot, _)| ConstraintKind::Facet(slot.clone()))
            .collect();
        for kind in [
            ConstraintKind::Price,
            ConstraintKind::Rating,
            ConstraintKind::Text,
        ] {
            if self.has(&kind) {
                kinds.push(kind);
            }
        }
        kinds
    }
}

impl PartialEq<&str> for ConstraintKind {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}
