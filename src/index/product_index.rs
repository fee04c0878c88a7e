//! One opened index generation: the tantivy searcher plus the manifest,
//! vocabulary and facet display names loaded with it. Immutable once opened;
//! a new import is picked up by opening the new generation.
//!
//! A published generation is never written again, so it is opened through
//! [`ReadOnlyDirectory`]: no lock file, no write of any kind. Serving and
//! `vitrine stats` work on a read-only filesystem and beside a running
//! import.

use super::analyzer;
use super::facet_counts::facet_key;
use super::facet_table::FacetTable;
use super::layout::{self, Generation};
use super::manifest::{MANIFEST_FILE, Manifest, VOCABULARY_FILE, read_json};
use super::schema::{EXTRA_FIELD, FACET_FIELDS, Fields, SCHEMA_VERSION};
use super::vocabulary::Vocabulary;
use crate::catalog::{Product, Variant};
use crate::error::{Error, IndexReason, Result};
use crate::model::Slot;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, ReloadPolicy, Searcher, TantivyDocument, Term};

/// The most variants listed beside one product: enough for every size and
/// colour of a real model, bounded for a group id shared by a whole catalog.
pub const MAX_VARIANTS: usize = 50;

/// Decompressed document-store blocks kept in memory, in all segments
/// (~4 KB each, so at most ~16 MB). Every product shown is read from the
/// store, whose blocks hold ~10 products each: with tantivy's default of
/// 100 blocks per segment a 100k catalog's shown products were nearly
/// always a block decompression away, and a turn there took ~1.3× as
/// long (BENCHMARKS.md, "Document-store cache").
const DOC_STORE_CACHE_BLOCKS: usize = 4096;

/// The document-store cache of each of `segments` segments: the budget
/// shared out, never below tantivy's default.
fn doc_store_cache_blocks(segments: usize) -> usize {
    (DOC_STORE_CACHE_BLOCKS / segments.max(1)).max(100)
}

/// A published generation's directory, opened for reading only.
///
/// tantivy's [`MmapDirectory`] creates and locks `.tantivy-meta.lock`
/// whenever a reader opens segments, to keep a writer's garbage collection
/// away from them; a published generation has no writer, so the lock is
/// granted without touching the disk, and every write is refused.
#[derive(Debug, Clone)]
pub struct ReadOnlyDirectory {
    inner: MmapDirectory,
}

impl ReadOnlyDirectory {
    /// Opens `path` for reading.
    pub fn open(path: &Path) -> Result<ReadOnlyDirectory> {
        Ok(ReadOnlyDirectory {
            inner: MmapDirectory::open(path)?,
        })
    }
}

fn read_only(path: &Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        format!(
            "{}: a published index generation is read-only",
            path.display()
        ),
    )
}

impl Directory for ReadOnlyDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> std::io::Result<()> {
        Err(read_only(path))
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(WatchHandle::empty())
    }
}

/// An opened, immutable index generation.
pub struct ProductIndex {
    generation: Generation,
    searcher: Searcher,
    fields: Fields,
    manifest: Manifest,
    vocabulary: Vocabulary,
    analyzer: TextAnalyzer,
    /// Facet values numbered per segment, for counting.
    facet_table: Arc<FacetTable>,
    /// Shade colour value -> the colour values of its broader families,
    /// for the shades the titles name more often than the colour column
    /// ([`ProductIndex::shade_families`]); read at first use.
    shade_families: std::sync::OnceLock<rustc_hash::FxHashMap<String, Vec<String>>>,
    /// Whether some product has no brand, read at first use.
    has_brandless: std::sync::OnceLock<bool>,
    /// The measurement tokens of the titles ("400l", "55in"), read at
    /// first use.
    measurements: std::sync::OnceLock<Vec<crate::language::units::Measure>>,
}

impl std::fmt::Debug for ProductIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProductIndex")
            .field("generation", &self.generation)
            .field("products", &self.manifest.products)
            .finish()
    }
}

impl ProductIndex {
    /// Opens the live generation of `index_dir`.
    pub fn open(index_dir: &Path) -> Result<ProductIndex> {
        let generation = layout::live_generation(index_dir)?
            .ok_or_else(|| Error::index(index_dir, IndexReason::Missing))?;
        Self::open_generation(generation)
    }

    fn open_generation(generation: Generation) -> Result<ProductIndex> {
        let path = generation.path.clone();
        let manifest: Manifest = read_json(&path.join(MANIFEST_FILE))?;
        if manifest.schema_version != SCHEMA_VERSION {
            let index_dir = path.parent().map_or(path.clone(), Path::to_path_buf);
            return Err(Error::index(
                index_dir,
                IndexReason::SchemaVersion {
                    found: manifest.schema_version,
                    expected: SCHEMA_VERSION,
                },
            ));
        }
        let vocabulary: Vocabulary = read_json(&path.join(VOCABULARY_FILE))?;
        let index = Index::open(ReadOnlyDirectory::open(&path)?)?;
        analyzer::register(&index, manifest.language);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(doc_store_cache_blocks(
                index.searchable_segment_metas()?.len(),
            ))
            .try_into()?;
        let searcher = reader.searcher();
        let fields = Fields::from_schema(&index.schema())?;
        let mut analyzer = analyzer::analyzer(manifest.language);
        let mut display: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (facet, values) in &vocabulary.facets {
            let map = display.entry(facet.clone()).or_default();
            for v in values {
                map.insert(facet_key(facet, &v.value, &mut analyzer), v.value.clone());
            }
        }
        let mut columns: Vec<&'static str> = FACET_FIELDS.to_vec();
        columns.push(EXTRA_FIELD);
        let facet_table = FacetTable::build(&searcher, &columns, |field, stored| {
            let (facet, key) = match (field, stored.split_once('=')) {
                (EXTRA_FIELD, Some((facet, key))) => (facet, key),
                _ => (field, stored),
            };
            let shown = display
                .get(facet)
                .and_then(|m| m.get(key))
                .cloned()
                .unwrap_or_else(|| key.to_string());
            (facet.to_string(), shown)
        })?;
        Ok(ProductIndex {
            generation,
            searcher,
            fields,
            manifest,
            vocabulary,
            analyzer,
            facet_table: Arc::new(facet_table),
            shade_families: std::sync::OnceLock::new(),
            has_brandless: std::sync::OnceLock::new(),
            measurements: std::sync::OnceLock::new(),
        })
    }

    /// True when some product has no brand (its `no_brand` keyword), whose
    /// title a brand filter reads.
    pub fn has_brandless(&self) -> bool {
        *self.has_brandless.get_or_init(|| {
            let marker = Term::from_field_text(self.fields.no_brand, super::schema::NO_BRAND);
            self.searcher.doc_freq(&marker).is_ok_and(|n| n > 0)
        })
    }

    /// True when most colours came from a catalog column, not from the
    /// titles: a column names one colour of a two-tone product, whose
    /// title names both ("Red & Black"); learned colours have both.
    pub fn colours_from_column(&self) -> bool {
        self.manifest
            .attributes
            .iter()
            .find(|a| a.attribute == super::facet::COLOR)
            .is_some_and(|a| a.from_column > a.learned)
    }

    /// True when every product has a value of `facet` (`gender`): none is
    /// left out of a filter on it for saying nothing.
    pub fn every_product_has(&self, facet: &str) -> bool {
        self.manifest
            .attributes
            .iter()
            .find(|a| a.attribute == facet)
            .is_some_and(|a| a.covered() >= self.manifest.products)
    }

    /// Every measurement token of the titles ("400l", "55in", "1tb"),
    /// sorted and read as measures: what a bounded measurement ("mais de
    /// 400 litros") or one in another unit matches among. Read from the
    /// titles' term dictionaries at first use.
    pub fn measurements(&self) -> &[crate::language::units::Measure] {
        self.measurements.get_or_init(|| {
            let mut tokens: Vec<String> = Vec::new();
            for segment in self.searcher.segment_readers() {
                let Ok(inverted) = segment.inverted_index(self.fields.title) else {
                    continue;
                };
                // Measurement tokens start with a digit.
                let Ok(mut terms) = inverted.terms().range().ge(b"0").lt(b":").into_stream() else {
                    continue;
                };
                while terms.advance() {
                    if let Ok(term) = std::str::from_utf8(terms.key()) {
                        tokens.push(term.to_string());
                    }
                }
            }
            tokens.sort_unstable();
            tokens.dedup();
            tokens
                .iter()
                .filter_map(|t| crate::language::units::measure(t))
                .collect()
        })
    }

    /// The catalog's colour values of the families the colour value
    /// `shade` is a shade of ("Navy" -> "Blue"), when its titles name the
    /// shade notably more often than its colour cells do: Myntra has
    /// "Navy" in 54 colour cells and 1,363 titles, most of them coloured
    /// "Blue". `None` for any other colour, and where the column has the
    /// shade wherever the titles name it.
    pub fn shade_families(&self, shade: &str) -> Option<&[String]> {
        self.shade_families
            .get_or_init(|| self.read_shade_families())
            .get(shade)
            .map(Vec::as_slice)
    }

    fn read_shade_families(&self) -> rustc_hash::FxHashMap<String, Vec<String>> {
        use crate::language::names::{colour_concept, colour_families_of_shade};
        let colours = self.vocabulary.values(super::facet::COLOR);
        let mut analyzer = self.analyzer();
        let mut out = rustc_hash::FxHashMap::default();
        for shade in colours {
            let families = colour_families_of_shade(&shade.value);
            if families.is_empty() {
                continue;
            }
            let broader: Vec<String> = colours
                .iter()
                .filter(|v| {
                    v.value != shade.value
                        && colour_concept(&v.value).is_some_and(|c| families.contains(&c))
                })
                .map(|v| v.value.clone())
                .collect();
            // Titles naming it, written apart or as one word ("Off White",
            // "Off-White" and "Offwhite" are one shade).
            let mut titles_naming = |spelling: &str| {
                super::analyzer::tokens(&mut analyzer, spelling)
                    .iter()
                    .map(|token| {
                        let term = Term::from_field_text(self.fields.title, token);
                        self.searcher.doc_freq(&term).unwrap_or(0)
                    })
                    .min()
                    .unwrap_or(0)
            };
            let titles =
                titles_naming(&shade.value).max(titles_naming(&shade.value.replace(' ', "")));
            if !broader.is_empty() && titles > shade.count + shade.count / 5 {
                out.insert(shade.value.clone(), broader);
            }
        }
        out
    }

    /// The manifest of the live generation of `index_dir`, whatever its
    /// schema version (`None` when there is no index yet).
    pub fn live_manifest(index_dir: &Path) -> Result<Option<Manifest>> {
        match layout::live_generation(index_dir)? {
            Some(generation) => Ok(Some(read_json(&generation.path.join(MANIFEST_FILE))?)),
            None => Ok(None),
        }
    }

    /// The generation number (increases with each import).
    pub fn version(&self) -> u64 {
        self.generation.number
    }

    /// The generation's directory.
    pub fn path(&self) -> &PathBuf {
        &self.generation.path
    }

    /// The searcher over this generation.
    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The manifest saved with the generation.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The catalog vocabulary saved with the generation.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// A fresh copy of the catalog's text analyzer (analysers need `&mut`).
    pub fn analyzer(&self) -> TextAnalyzer {
        self.analyzer.clone()
    }

    /// The indexed key of a facet value, as filters must use it.
    pub fn facet_key(&self, facet: &str, value: &str) -> String {
        facet_key(facet, value, &mut self.analyzer())
    }

    /// The fast-field name a facet is counted on (extra facets share one
    /// field as `name=value` keys).
    pub fn facet_column(&self, facet: &str) -> &'static str {
        FACET_FIELDS
            .iter()
            .find(|f| **f == facet)
            .copied()
            .unwrap_or(EXTRA_FIELD)
    }

    /// Facet values numbered per segment, for counting.
    pub fn facet_table(&self) -> &Arc<FacetTable> {
        &self.facet_table
    }

    /// Number of products.
    pub fn product_count(&self) -> u64 {
        self.searcher.num_docs()
    }

    /// Loads the stored product of a document.
    pub fn product_at(&self, address: DocAddress) -> Result<Product> {
        let doc: TantivyDocument = self.searcher.doc(address)?;
        let text = doc
            .get_first(self.fields.source)
            .and_then(|v| v.as_str())
            .ok_or_else(|| self.corrupt("a document has no stored product"))?;
        super::stored::decode(text).map_err(|e| self.corrupt(&format!("stored product: {e}")))
    }

    /// One product by its catalog id, with its variants.
    pub fn product_by_id(&self, id: &str) -> Result<Option<(DocAddress, Product)>> {
        let Some(address) = self.address_of(id)? else {
            return Ok(None);
        };
        let mut product = self.product_at(address)?;
        product.variants = self.variants_of(address)?;
        Ok(Some((address, product)))
    }

    /// The document of a catalog id.
    pub fn address_of(&self, id: &str) -> Result<Option<DocAddress>> {
        let term = Term::from_field_text(self.fields.id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let hits = self.searcher.search(
            &query,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        Ok(hits.first().map(|(_, address)| *address))
    }

    /// The other products of a document's variant group (the same model in
    /// other sizes or colours), at most [`MAX_VARIANTS`], by colour then
    /// size (see [`super::variant_order`]). Each is one read of the
    /// document store, whose block is usually cached: a feed lists a
    /// model's rows together.
    pub fn variants_of(&self, address: DocAddress) -> Result<Vec<Variant>> {
        let groups = self.facet_table.groups();
        let Some(group) = groups.group_of(address) else {
            return Ok(Vec::new());
        };
        let mut variants = groups
            .members(group)
            .iter()
            .filter(|&&member| member != address)
            .take(MAX_VARIANTS)
            .map(|&member| {
                let doc: TantivyDocument = self.searcher.doc(member)?;
                let text = doc
                    .get_first(self.fields.source)
                    .and_then(|v| v.as_str())
                    .ok_or_else(|| self.corrupt("a document has no stored product"))?;
                super::stored::decode_variant(text)
                    .map_err(|e| self.corrupt(&format!("stored product: {e}")))
            })
            .collect::<Result<Vec<_>>>()?;
        super::variant_order::sort_variants(&mut variants);
        Ok(variants)
    }

    /// A document's facet values by slot, each with its number of products
    /// in the catalog.
    pub fn facets_of(&self, address: DocAddress) -> Vec<(Slot, Vec<(String, u64)>)> {
        let mut out: Vec<(Slot, Vec<(String, u64)>)> = Vec::new();
        let values = self
            .facet_table
            .values_of(address.segment_ord as usize, address.doc_id);
        for (facet, shown) in values {
            let slot = Slot::from_facet(facet);
            let count = self
                .vocabulary
                .values(facet)
                .iter()
                .find(|v| v.value == shown)
                .map_or(0, |v| v.count);
            match out.iter_mut().find(|(s, _)| *s == slot) {
                Some((_, list)) => list.push((shown.to_string(), count)),
                None => out.push((slot, vec![(shown.to_string(), count)])),
            }
        }
        out
    }

    /// True when the catalog's descriptions use `word` (every token it
    /// analyses into is in the description index).
    pub fn describes(&self, word: &str) -> bool {
        let mut analyzer = super::analyzer::analyzer(self.manifest.language);
        let tokens = super::analyzer::tokens(&mut analyzer, word);
        !tokens.is_empty()
            && tokens.iter().all(|t| {
                let term = Term::from_field_text(self.fields.description, t);
                self.searcher.doc_freq(&term).is_ok_and(|n| n > 0)
            })
    }

    fn corrupt(&self, message: &str) -> Error {
        Error::index(
            &self.generation.path,
            IndexReason::Damaged {
                detail: message.to_string(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_store_cache_budget_is_shared_by_the_segments() {
        assert_eq!(doc_store_cache_blocks(1), DOC_STORE_CACHE_BLOCKS);
        assert_eq!(doc_store_cache_blocks(0), DOC_STORE_CACHE_BLOCKS);
        assert_eq!(doc_store_cache_blocks(4), DOC_STORE_CACHE_BLOCKS / 4);
        // Never less than tantivy's own default.
        assert_eq!(doc_store_cache_blocks(1_000), 100);
    }
}
