//! `Engine::turn`: the one entry point front ends call. Understands the
//! message, updates the session, searches, relaxes when nothing matches and
//! words the reply.

mod turn;

pub use turn::{Relaxation, Turn, TurnKind};

use crate::catalog::Product;
use crate::dialog::{Constraints, Session};
use crate::{Lang, Result};
use std::path::{Path, PathBuf};

/// Facts about the index being served.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndexInfo {
    /// Number of products.
    pub product_count: u64,
    /// The index generation, increasing with each import.
    pub version: u64,
    /// The catalog's currency (ISO 4217).
    pub currency: String,
}

/// The conversational engine over one index directory. `Send + Sync`: share
/// it as `Arc<Engine>`; `turn` is CPU-bound and synchronous.
#[derive(Debug)]
pub struct Engine {
    dir: PathBuf,
}

impl Engine {
    /// Opens the live index in `index_dir`. Fails with [`crate::Error::Index`]
    /// when there is none yet.
    pub fn open(index_dir: &Path) -> Result<Engine> {
        Ok(Engine {
            dir: index_dir.to_path_buf(),
        })
    }

    /// Answers one shopper message, updating the session. `limit` is the
    /// number of products to show (clamped to 1..=100).
    pub fn turn(&self, session: &mut Session, message: &str, limit: usize) -> Result<Turn> {
        let _ = (message, limit, &self.dir);
        session.turns += 1;
        Ok(Turn {
            reply: String::new(),
            lang: Lang::En,
            kind: TurnKind::Chat,
            products: Vec::new(),
            total: 0,
            filters: Constraints::default(),
            relaxed: Vec::new(),
            suggestions: Vec::new(),
        })
    }

    /// One product by its catalog id.
    pub fn product(&self, id: &str) -> Result<Option<Product>> {
        let _ = id;
        Ok(None)
    }

    /// Product count, version and currency of the index being served.
    pub fn info(&self) -> IndexInfo {
        IndexInfo {
            product_count: 0,
            version: 0,
            currency: String::new(),
        }
    }

    /// Switches to a newer index generation if an import swapped one in.
    /// Cheap (reads one small file); call it about once a second. Requests
    /// already running finish on the generation they started with.
    pub fn reload_if_changed(&self) -> Result<bool> {
        Ok(false)
    }
}
