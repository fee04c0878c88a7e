//! Vitrine: a conversational product-search shopping assistant.
//!
//! A merchant's CSV catalog becomes a tantivy index; a shopper's message
//! becomes constraints; the constraints become a query; the results become a
//! reply. Data flows one way: `catalog` → `index` → `understand` → `dialog`
//! → `search` → `reply`, all behind [`Engine::turn`].
//!
//! ```
//! use vitrine::{Engine, Session};
//! use vitrine::index::{import, ImportOptions};
//!
//! # fn main() -> vitrine::Result<()> {
//! let dir = tempfile::tempdir().expect("temp dir");
//! let csv = dir.path().join("catalog.csv");
//! std::fs::write(
//!     &csv,
//!     "id,title,brand,color,gender,price\n\
//!      1,Puma Men Black Running Shoes,Puma,Black,Men,2499\n\
//!      2,Nike Women White Sneakers,Nike,White,Women,3999\n\
//!      3,Puma Men White Sneakers,Puma,White,Men,1999\n",
//! )
//! .expect("write catalog");
//! let index_dir = dir.path().join("index");
//! let summary = import(&csv, &index_dir, &ImportOptions::default())?;
//! assert_eq!(summary.indexed, 3);
//!
//! let engine = Engine::open(&index_dir)?;
//! let mut session = Session::default();
//! let turn = engine.turn(&mut session, "white sneakers for men", 10)?;
//! assert_eq!(turn.total, 1);
//! assert_eq!(turn.products[0].id, "3");
//! let turn = engine.turn(&mut session, "start over", 10)?;
//! assert!(turn.products.is_empty());
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod catalog;
pub mod chat;
pub mod cli;
pub mod dialog;
pub mod engine;
pub(crate) mod error;
pub mod r#gen;
pub mod index;
pub mod insights;
pub mod language;
pub mod model;
pub mod reply;
pub mod search;
pub mod server;
pub mod text;
pub mod understand;

pub use catalog::{Field, Product};
pub use dialog::Session;
pub use engine::{Engine, IndexInfo, Relaxation, Turn, TurnKind, open_or_import};
pub use error::{CatalogReason, ConfigReason, Error, IndexReason, Result};
pub use r#gen::{GenOptions, GenSummary, MessyCounts, generate};
pub use index::Vocabulary;
pub use model::{ConstraintKind, Constraints, FacetFilter, Lang, Slot, Sort};
pub use understand::{Op, Understanding};
