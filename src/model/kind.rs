//! The kinds a constraint can be of: a facet, the price, the rating, or
//! words of the product's text.

use super::slot::Slot;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The kind of one constraint: what the shopper constrained. Serialised as
/// its snake_case name (`brand`, `color`, an extra facet's name, `price`,
/// `rating`, `text`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConstraintKind {
    /// A facet's values.
    Facet(Slot),
    /// The price range.
    Price,
    /// The lowest rating.
    Rating,
    /// Words the product text must (or must not) contain.
    Text,
}

impl ConstraintKind {
    /// The snake_case name used at the HTTP boundary.
    pub fn name(&self) -> &str {
        match self {
            ConstraintKind::Facet(slot) => slot.facet(),
            ConstraintKind::Price => "price",
            ConstraintKind::Rating => "rating",
            ConstraintKind::Text => "text",
        }
    }

    /// The kind a name stands for (the inverse of [`ConstraintKind::name`]).
    pub fn from_name(name: &str) -> ConstraintKind {
        match name {
            "price" => ConstraintKind::Price,
            "rating" => ConstraintKind::Rating,
            "text" => ConstraintKind::Text,
            facet => ConstraintKind::Facet(Slot::from_facet(facet)),
        }
    }
}

impl Serialize for ConstraintKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for ConstraintKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(ConstraintKind::from_name(&name))
    }
}
