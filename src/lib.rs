//! Vitrine: a conversational product-search shopping assistant.
//!
//! A merchant's CSV catalog becomes a tantivy index; a shopper's message
//! becomes constraints; the constraints become a query; the results become a
//! reply. See `docs/architecture.md` for the data flow.

#![warn(missing_docs)]

pub mod catalog;
pub mod chat;
pub mod cli;
pub mod dialog;
pub mod engine;
mod error;
pub mod r#gen;
pub mod index;
pub mod reply;
pub mod search;
pub mod server;
pub mod text;
pub mod understand;

pub use catalog::{Field, Product};
pub use dialog::{Constraints, Session};
pub use engine::{Engine, IndexInfo, Relaxation, Turn, TurnKind, open_or_import};
pub use error::{Error, Result};
pub use r#gen::{GenOptions, GenSummary, MessyCounts, generate};
pub use index::Vocabulary;
pub use understand::{Lang, Op, Slot, Sort, Understanding};
