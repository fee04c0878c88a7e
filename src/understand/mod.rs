//! Turning one shopper message into intent operators.
//!
//! The lexicon is built once per index version from the catalog's
//! [`Vocabulary`](crate::index::Vocabulary) plus a built-in English/Portuguese
//! vocabulary (colours, audiences, product types, prices, sorting, negation,
//! conversation control). Typos are matched with strsim on a few candidates
//! found by exact multi-pattern matching and first-letter/length buckets.
//! Knows nothing of sessions, tantivy or HTTP.

mod ops;

pub use ops::{Lang, Op, Slot, Sort, Understanding};
