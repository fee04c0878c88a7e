//! The index generation being served, with the lexicon built from its
//! vocabulary and the merchant's synonyms, swapped for a newer one when an
//! import publishes a generation or the synonyms file changes.
//!
//! Both are polled by [`Live::reload_if_changed`] (about once a second in
//! `vitrine serve`): the index by its `CURRENT` file, the synonyms by the
//! file's modification time and size. A synonyms file that cannot be read
//! keeps the previous rules (and says so in the log); lines it cannot
//! parse are logged with their numbers and the rest applies.

use crate::error::Result;
use crate::index::{ProductIndex, layout};
use crate::understand::{Lexicon, Synonyms};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

/// One index generation with the lexicon built from its vocabulary.
pub(crate) struct Loaded {
    pub index: Arc<ProductIndex>,
    pub lexicon: Lexicon,
    /// What a shopper could ask this catalog, shown in the greeting and
    /// the help ([`example`]).
    pub example: Option<crate::model::Constraints>,
    /// Whether the store labels each product type asked with audiences,
    /// as counted once (see `audience::widen_to_unlabelled`).
    pub labelled_kinds: super::audience::LabelledKinds,
}

impl Loaded {
    fn open(dir: &Path, synonyms: Option<&Synonyms>) -> Result<Loaded> {
        Ok(Loaded::with(Arc::new(ProductIndex::open(dir)?), synonyms))
    }

    /// The lexicon of `index`, with `synonyms` applied.
    fn with(index: Arc<ProductIndex>, synonyms: Option<&Synonyms>) -> Loaded {
        let mut lexicon = Lexicon::for_catalog(index.vocabulary(), index.manifest().language);
        if let Some(synonyms) = synonyms {
            lexicon = lexicon.with_synonyms(synonyms);
        }
        let example = example(&index);
        Loaded {
            index,
            lexicon,
            example,
            labelled_kinds: Default::default(),
        }
    }

    /// The catalog's currency, when it has one.
    pub fn currency(&self) -> Option<&str> {
        self.index.manifest().currency.as_deref()
    }

    /// True when some product of the catalog has a price.
    pub fn priced(&self) -> bool {
        self.index.vocabulary().price_range.is_some()
    }
}

/// A request this catalog answers, to show shoppers what to ask: its most
/// common product type of no narrower ones (a built-in concept's first),
/// in that type's most common colour, under a round
/// price between its cheapest and dearest (their geometric mean to one
/// significant digit): "blue shirts under ₹2,000", "rações até R$ 40".
/// `None` for a catalog without product types, or when it cannot be read.
fn example(index: &ProductIndex) -> Option<crate::model::Constraints> {
    use crate::model::{Constraints, FacetFilter, SearchSpec, Slot, facet};
    let plain =
        |v: &str| v.chars().count() >= 3 && !v.chars().any(|c| c.is_ascii_digit() || c == '/');
    let vocabulary = index.vocabulary();
    // The most common type that no other narrows ("Sneakers", not
    // "Apparel"), one the language files name if any ("Tênis" rather than
    // a category level such as "Áudio").
    let leaves: Vec<&crate::index::FacetValue> = vocabulary
        .values(facet::TYPE)
        .iter()
        .filter(|v| plain(&v.value) && !vocabulary.type_tree.has_narrower(&v.value))
        .collect();
    let kind = leaves
        .iter()
        .find(|v| crate::language::names::type_concept(&v.value).is_some())
        .or(leaves.first())?;
    let only = |value: &str| FacetFilter {
        any_of: vec![value.to_string()],
        ..FacetFilter::default()
    };
    let mut example = Constraints::default();
    example.facets.insert(Slot::Type, only(&kind.value));
    let found = crate::search::search(
        index,
        &SearchSpec {
            constraints: example.clone(),
            count_open_facets: true,
            ..SearchSpec::default()
        },
    )
    .ok()?;
    // A colour most of the type's products share, not one a few have.
    if let Some((colour, _)) = found.facets.get(&Slot::Color).and_then(|counts| {
        counts
            .iter()
            .find(|(v, n)| plain(v) && *n * 10 >= found.total)
    }) {
        example.facets.insert(Slot::Color, only(colour));
    }
    if let Some((low, high)) = found.price_span.filter(|(l, h)| *l > 0.0 && h >= l) {
        let typical = (low * high).sqrt();
        let magnitude = 10f64.powf(typical.log10().floor());
        let round = (typical / magnitude).round() * magnitude;
        example.price_max = (round.is_finite() && round > 0.0).then_some(round);
    }
    Some(example)
}

/// A file's modification time and size: when either changes, it is read again.
type Stamp = (SystemTime, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The merchant's synonyms file, watched.
struct SynonymFile {
    path: PathBuf,
    /// The version of the file the rules come from (`None`: not read yet or gone).
    stamp: Option<Stamp>,
    /// The rules in force.
    rules: Option<Arc<Synonyms>>,
    /// The version that failed to read, so the failure is logged once.
    failed: Option<Option<Stamp>>,
}

impl SynonymFile {
    /// New rules when the file changed and could be read.
    fn poll(&mut self) -> Option<Arc<Synonyms>> {
        let now = stamp(&self.path);
        if now == self.stamp || (now.is_none() && self.rules.is_none()) {
            return None;
        }
        if now.is_none() {
            if self.failed != Some(None) {
                tracing::warn!(
                    "synonyms file {} is gone: keeping the previous rules",
                    self.path.display()
                );
                self.failed = Some(None);
            }
            return None;
        }
        match Synonyms::read(&self.path) {
            Ok(rules) => {
                for e in &rules.errors {
                    tracing::warn!("synonyms file {}: {e}", self.path.display());
                }
                let rules = Arc::new(rules);
                self.stamp = now;
                self.failed = None;
                self.rules = Some(Arc::clone(&rules));
                Some(rules)
            }
            Err(err) => {
                if self.failed != Some(now) {
                    tracing::error!(%err, "cannot read the synonyms file: keeping the previous rules");
                    self.failed = Some(now);
                }
                None
            }
        }
    }
}

/// The live generation of an index directory.
pub(crate) struct Live {
    dir: PathBuf,
    current: RwLock<Arc<Loaded>>,
    synonyms: Mutex<Option<SynonymFile>>,
}

impl Live {
    /// Opens the live generation in `dir`.
    pub fn open(dir: &Path) -> Result<Live> {
        Ok(Live {
            dir: dir.to_path_buf(),
            current: RwLock::new(Arc::new(Loaded::open(dir, None)?)),
            synonyms: Mutex::new(None),
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

    fn set(&self, loaded: Loaded) {
        let loaded = Arc::new(loaded);
        match self.current.write() {
            Ok(mut guard) => *guard = loaded,
            Err(poisoned) => *poisoned.into_inner() = loaded,
        }
    }

    fn watched(&self) -> std::sync::MutexGuard<'_, Option<SynonymFile>> {
        match self.synonyms.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Reads the merchant's synonyms from `path` and watches it from now
    /// on. A file that does not exist (yet) is no error: its rules apply
    /// when it appears. One that exists and cannot be read is.
    pub fn watch_synonyms(&self, path: &Path) -> Result<()> {
        let now = stamp(path);
        let rules = match now {
            Some(_) => Some(Arc::new(Synonyms::read(path)?)),
            None => None,
        };
        if let Some(rules) = &rules {
            self.set(Loaded::with(Arc::clone(&self.get().index), Some(rules)));
        }
        *self.watched() = Some(SynonymFile {
            path: path.to_path_buf(),
            stamp: now,
            rules,
            failed: None,
        });
        Ok(())
    }

    /// The synonyms in force and the file they come from.
    pub fn synonyms(&self) -> Option<(PathBuf, Option<Arc<Synonyms>>)> {
        self.watched()
            .as_ref()
            .map(|f| (f.path.clone(), f.rules.clone()))
    }

    /// Switches to a newer generation if an import published one, and to
    /// the synonyms file's new rules if it changed. True when the index changed.
    pub fn reload_if_changed(&self) -> Result<bool> {
        let (new_rules, rules) = {
            let mut watched = self.watched();
            match watched.as_mut() {
                Some(file) => {
                    let new = file.poll();
                    (new.is_some(), file.rules.clone())
                }
                None => (false, None),
            }
        };
        let live = layout::current_number(&self.dir);
        let index_changed = live.is_some() && live != Some(self.get().index.version());
        if !index_changed && !new_rules {
            return Ok(false);
        }
        let index = if index_changed {
            match ProductIndex::open(&self.dir) {
                Ok(index) => Arc::new(index),
                Err(err) => {
                    if new_rules {
                        self.set(Loaded::with(
                            Arc::clone(&self.get().index),
                            rules.as_deref(),
                        ));
                    }
                    return Err(err);
                }
            }
        } else {
            Arc::clone(&self.get().index)
        };
        let loaded = Loaded::with(index, rules.as_deref());
        if new_rules {
            tracing::info!(
                rules = loaded.lexicon.synonym_rules(),
                not_applied = loaded.lexicon.synonym_issues().len(),
                "synonyms reloaded"
            );
        }
        for issue in loaded.lexicon.synonym_issues() {
            tracing::warn!("synonyms: {issue}");
        }
        self.set(loaded);
        Ok(index_changed)
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
