//! The turn policy: applying a message's operators to the session
//! ([`next_step`]), what to show when nothing matches ([`fall_back`]:
//! descriptions, then relaxation through a counting closure), what the
//! session remembers of the results, the clarifying question and the
//! suggestions ([`shown`]). Depends on `understand`'s operators and on
//! `model`; knows nothing of tantivy, replies' words or HTTP.

mod apply;
mod question;
mod relax;
mod step;

pub use apply::{Action, Changes, apply};
pub use question::{Page, openers, question, shown};
pub use relax::{Fallback, described, drop_constraint, fall_back, relaxation_order};
pub use step::{Step, next_step, paged, selected, similar};

pub use crate::model::{Constraints, FacetFilter};

use crate::model::Lang;
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
    /// The words of that product's title, which rank its neighbours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub similar_words: Vec<String>,
    /// Number of messages in this session.
    pub turns: u32,
}
