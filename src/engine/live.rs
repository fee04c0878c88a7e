//! The index generation being served, with the lexicon built from its
//! vocabulary, swapped for a newer one when an import publishes it.

use crate::error::Result;
use crate::index::{ProductIndex, layout};
use crate::understand::Lexicon;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

/// One index generation with the lexicon built from its vocabulary.
pub(crate) struct Loaded {
    pub index: ProductIndex,
    pub lexicon: Lexicon,
}

impl Loaded {
    fn open(dir: &Path) -> Result<Loaded> {
        let index = ProductIndex::open(dir)?;
        let lexicon = Lexicon::for_catalog(index.vocabulary(), index.manifest().language);
        Ok(Loaded { index, lexicon })
    }

    /// The catalog's currency, when it has one.
    pub fn currency(&self) -> Option<&str> {
        self.index.manifest().currency.as_deref()
    }
}

/// The live generation of an index directory.
pub(crate) struct Live {
    dir: PathBuf,
    current: RwLock<Arc<Loaded>>,
}

impl Live {
    /// Opens the live generation in `dir`.
    pub fn open(dir: &Path) -> Result<Live> {
        Ok(Live {
            dir: dir.to_path_buf(),
            current: RwLock::new(Arc::new(Loaded::open(dir)?)),
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The generation to answer with; a request keeps it to the end.
    pub fn get(&self) -> Arc<Loaded> {
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Switches to a newer generation if an import published one.
    pub fn reload_if_changed(&self) -> Result<bool> {
        let live = layout::current_number(&self.dir);
        if live.is_none() || live == Some(self.get().index.version()) {
            return Ok(false);
        }
        let loaded = Arc::new(Loaded::open(&self.dir)?);
        match self.current.write() {
            Ok(mut guard) => *guard = loaded,
            Err(poisoned) => *poisoned.into_inner() = loaded,
        }
        Ok(true)
    }
}

/// Opens the index in `dir`, importing `catalog` first when there is none.
pub fn open_or_import(dir: &Path, catalog: &Path) -> Result<super::Engine> {
    let Some(manifest) = ProductIndex::live_manifest(dir)? else {
        crate::index::import(catalog, dir, &crate::index::ImportOptions::default())?;
        return super::Engine::open(dir);
    };
    // An index an older vitrine built from this very catalog is rebuilt
    // (another catalog's import options are unknown here: that one must be
    // re-imported by hand, as the error from `open` says).
    let outdated = manifest.schema_version != crate::index::SCHEMA_VERSION;
    if outdated && Path::new(&manifest.catalog_file) == catalog {
        tracing::info!(
            "the index in {} was built by an older vitrine: re-importing {}",
            dir.display(),
            catalog.display()
        );
        crate::index::import(catalog, dir, &crate::index::ImportOptions::default())?;
    }
    super::Engine::open(dir)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_index_built_by_an_older_vitrine_from_the_same_catalog_is_rebuilt() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (index, csv) = (dir.path().join("index"), dir.path().join("c.csv"));
        std::fs::write(&csv, "id,title,price\n1,Black Shoes,10\n2,Red Shirt,5\n").expect("csv");
        let other = dir.path().join("other.csv");
        std::fs::write(&other, "id,title,price\n9,Blue Hat,3\n").expect("csv");
        let engine = super::open_or_import(&index, &csv).expect("first import");
        assert_eq!(engine.info().version, 1);
        // Pretend generation 1 was written by an older schema.
        let manifest = index.join("gen-000001").join("manifest.json");
        let text = std::fs::read_to_string(&manifest).expect("manifest");
        let current = format!("\"schema_version\":{}", crate::index::SCHEMA_VERSION);
        assert!(text.contains(&current), "{text}");
        std::fs::write(&manifest, text.replace(&current, "\"schema_version\":0")).expect("write");
        // Another catalog: not rebuilt from it, the schema error stands.
        let err = super::open_or_import(&index, &other).expect_err("outdated index");
        assert!(err.to_string().contains("re-import"), "{err}");
        // The catalog it was built from: rebuilt as a new generation.
        let engine = super::open_or_import(&index, &csv).expect("rebuilt");
        assert_eq!(engine.info().version, 2);
        assert_eq!(engine.info().product_count, 2);
    }
}
