//! The turn policy: applying a message's operators to the session
//! ([`next_step`]) once its numbers and types are read in context
//! ([`measured`], [`narrowed`]), what to show when nothing matches ([`fall_back`]:
//! descriptions, then relaxation through a counting closure), what the
//! session remembers of the results, the clarifying question and the
//! suggestions ([`shown`]). Depends on `understand`'s operators and on
//! `model`; knows nothing of tantivy, replies' words or HTTP.

mod alternatives;
mod apply;
mod context;
mod numbers;
mod order;
mod question;
mod relax;
mod reread;
mod step;

pub use alternatives::replacing;
pub use apply::{Action, Changes, apply};
pub use context::{Count, measured, narrowed};
pub use order::relaxation_order;
pub use question::{Page, openers, question, shown};
pub use relax::{Fallback, after_search, closer, drop_constraint};
pub use reread::described;
pub use step::{Context, Step, next_step, paged, prior_language, selected, similar};

pub use crate::model::{Constraints, FacetFilter};

use crate::model::{ConstraintKind, Dropped, Lang};
use serde::{Deserialize, Serialize};

/// One shopper's conversation state. Small, cloneable and serialisable so a
/// session store can keep it anywhere (memory, Redis).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Everything the shopper asked for and has not taken back, set-aside
    /// constraints included.
    pub constraints: Constraints,
    /// Constraints relaxed to show alternatives: still asked for, tried
    /// again first on every search, and flagged whenever the products
    /// shown may break them, until the shopper says them again or drops
    /// them ("any brand").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<ConstraintKind>,
    /// While the shopper's words are set aside, those of them the products
    /// shown still hold ("silk" of "wedding silk sarees"): only the others
    /// are set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept_words: Vec<String>,
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
    /// The language the shopper's client reads (the chat request's
    /// `language`): the language of a first message that does not tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_lang: Option<Lang>,
    /// The slot whose values this message asked about ("which brands?"),
    /// until the results answer it; never stored.
    #[serde(skip)]
    pub asked: Option<crate::model::Slot>,
}

impl Session {
    /// The constraints the products shown satisfy: the asked ones without
    /// those set aside.
    pub fn applied(&self) -> Constraints {
        let mut c = self.constraints.clone();
        for kind in &self.set_aside {
            drop_constraint(&mut c, kind);
        }
        if self.set_aside.contains(&ConstraintKind::Text) {
            c.text = self.kept_text();
        }
        c
    }

    /// The set-aside constraints with the values they hold.
    pub fn set_aside_values(&self) -> Vec<Dropped> {
        let mut c = self.constraints.clone();
        let kept = self.kept_text();
        self.set_aside
            .iter()
            .map(|kind| {
                let mut d = drop_constraint(&mut c, kind);
                if *kind == ConstraintKind::Text {
                    d.any_of.retain(|w| !kept.contains(w));
                }
                d
            })
            .collect()
    }

    /// The asked words in [`Session::kept_words`].
    fn kept_text(&self) -> Vec<String> {
        self.constraints
            .text
            .iter()
            .filter(|w| self.kept_words.contains(w))
            .cloned()
            .collect()
    }
}

/// A message understood as `ops`, in English: the dialog's tests.
#[cfg(test)]
pub(crate) fn understood(ops: Vec<crate::understand::Op>) -> crate::understand::Understanding {
    crate::understand::Understanding {
        lang: Lang::En,
        ops,
        ignored: vec![],
        unknown: vec![],
    }
}
