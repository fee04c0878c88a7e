//! Facets a shopper can constrain, their names, and result orderings.

use serde::{Deserialize, Serialize};

/// Facet names used for the canonical attributes, in the vocabulary, the
/// index and the API. Extra facets use their column header, lowercased.
pub mod facet {
    /// Brand.
    pub const BRAND: &str = "brand";
    /// Colour.
    pub const COLOR: &str = "color";
    /// Product type: category path components and the head nouns of titles.
    pub const TYPE: &str = "type";
    /// Audience / gender.
    pub const GENDER: &str = "gender";
    /// Size.
    pub const SIZE: &str = "size";
    /// Material.
    pub const MATERIAL: &str = "material";
}

/// A constrainable attribute: a facet of the catalog.
///
/// Values in constraints are always the catalog's own facet values as
/// written in its vocabulary (e.g. `Puma`, ` Black` trimmed to `Black`),
/// so `search` can filter on them exactly.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// Product type (category path component or title head noun).
    Type,
    /// Brand.
    Brand,
    /// Colour.
    Color,
    /// Audience.
    Gender,
    /// Size.
    Size,
    /// Material.
    Material,
    /// Any other low-cardinality column, by its facet name.
    Extra(String),
}

impl Slot {
    /// The canonical slots, in the order the index keeps their columns.
    pub const CANONICAL: [Slot; 6] = [
        Slot::Type,
        Slot::Brand,
        Slot::Color,
        Slot::Gender,
        Slot::Size,
        Slot::Material,
    ];

    /// The facet name in the vocabulary and the index.
    pub fn facet(&self) -> &str {
        match self {
            Slot::Type => facet::TYPE,
            Slot::Brand => facet::BRAND,
            Slot::Color => facet::COLOR,
            Slot::Gender => facet::GENDER,
            Slot::Size => facet::SIZE,
            Slot::Material => facet::MATERIAL,
            Slot::Extra(name) => name,
        }
    }

    /// The slot for a facet name.
    pub fn from_facet(name: &str) -> Slot {
        match name {
            facet::TYPE => Slot::Type,
            facet::BRAND => Slot::Brand,
            facet::COLOR => Slot::Color,
            facet::GENDER => Slot::Gender,
            facet::SIZE => Slot::Size,
            facet::MATERIAL => Slot::Material,
            other => Slot::Extra(other.to_string()),
        }
    }

    /// The position of a canonical slot in [`Slot::CANONICAL`].
    pub fn canonical_index(&self) -> Option<usize> {
        Slot::CANONICAL.iter().position(|s| s == self)
    }
}

/// Result ordering the shopper can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best text match first (BM25 with field boosts).
    #[default]
    Relevance,
    /// Cheapest first.
    PriceAsc,
    /// Most expensive first.
    PriceDesc,
    /// Best rated first.
    RatingDesc,
}
