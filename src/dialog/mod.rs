//! The session: applying a message's operators to the active constraints,
//! choosing what to relax when nothing matches, and the clarifying question.
//! Knows nothing of tantivy or HTTP.

mod apply;
mod constraints;

pub use apply::{Action, Changes, PriceMove, apply, drop_constraint, relaxation_order};
pub use constraints::{Constraints, FacetFilter};

use crate::understand::Lang;
use serde::{Deserialize, Serialize};

/// One shopper's conversation state. Small, cloneable and serialisable so a
/// session store can keep it anywhere (memory, Redis).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The active constraints.
    pub constraints: Constraints,
    /// The language of the last message.
    pub lang: Lang,
    /// Zero-based page of the current result list.
    pub page: usize,
    /// Ids of the products shown by the last results turn, in order.
    pub shown: Vec<String>,
    /// Lowest and highest price among the products last shown.
    pub shown_prices: Option<(f64, f64)>,
    /// Product whose neighbours are being shown ("more like this").
    pub similar_to: Option<String>,
    /// Number of messages in this session.
    pub turns: u32,
}
