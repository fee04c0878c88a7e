//! What one conversational turn returns to a front end.

use crate::catalog::Product;
use crate::model::{ConstraintKind, Constraints, Lang};
use serde::{Deserialize, Serialize};

/// A constraint dropped to find alternatives when nothing matched exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relaxation {
    /// Which constraint (serialised as `brand`, `color`, `type`, `gender`,
    /// `size`, `material`, an extra facet's name, `price`, `rating` or `text`).
    pub constraint: ConstraintKind,
    /// The dropped values as the shopper would say them, e.g. `Puma`, `under $30`.
    pub values: Vec<String>,
}

/// The kind of answer a turn gives, so front ends can render it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TurnKind {
    /// Products matching the constraints (possibly relaxed).
    Results,
    /// Details of one product the shopper picked.
    Details,
    /// Greeting, thanks, help or a message that was not understood: no search ran.
    Chat,
}

/// One answer of the assistant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// The reply text, in the shopper's language.
    pub reply: String,
    /// The language the reply is in.
    pub lang: Lang,
    /// What kind of answer this is.
    pub kind: TurnKind,
    /// The products shown, best first.
    pub products: Vec<Product>,
    /// How many products match (the exact constraints, or the relaxed ones when `relaxed` is not empty).
    pub total: u64,
    /// The active constraints after this message.
    pub filters: Constraints,
    /// Constraints dropped to find these products (empty when they are exact matches).
    pub relaxed: Vec<Relaxation>,
    /// Short replies the shopper can tap.
    pub suggestions: Vec<String>,
    /// Words of the message the catalog's vocabulary does not know (asked
    /// for as search text all the same): what merchants learn from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
}
