//! Building a new index generation from products: tantivy documents, the
//! facet vocabulary with counts, and the manifest. Where a product lacks a
//! gender or colour cell, the audience and colour learned from its title,
//! category path and labelled description ([`super::learn`]) are stored in
//! the product as if the catalog had them. Facet values and the catalog's
//! words are counted by [`super::facet_counts`] and
//! [`super::term_counts`]; the manifest and vocabulary are written by
//! [`super::manifest`]. Depends on the rest of `index` below it, the
//! catalog's `Product` and the error type; nothing above `index`.

use super::analyzer;
use super::audience_columns::AudienceColumns;
use super::brand_cells::SetAsideCounter;
use super::coverage::CoverageCounter;
use super::extra_columns::ExtraColumns;
use super::facet_counts::{FacetCounts, facet_key, split_sizes};
use super::group::{group_hash, group_key};
use super::layout;
use super::learn::{Learned, Learner};
use super::manifest::{COVERED, MANIFEST_FILE, Manifest, VOCABULARY_FILE, write_json};
use super::schema::{self, FACET_FIELDS, Fields};
use super::term_counts::TermCounts;
use super::type_tree::TypesTogether;
use super::types::HeadPosition;
use super::vocabulary::Vocabulary;
use crate::catalog::Product;
use crate::error::{Error, Result};
use crate::model::Slot;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use tantivy::indexer::UserOperation;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexWriter, TantivyDocument};

/// The (start, end) byte ranges of the words of a key (words joined by
/// single spaces).
fn word_starts(key: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    key.split(' ').map(move |w| {
        let range = (at, at + w.len());
        at += w.len() + 1;
        range
    })
}

/// Where the type counts are in [`IndexBuilder::facets`] (the canonical
/// slots' order).
const TYPE_COUNTS: usize = 0;

/// Builds one generation in a build directory.
pub struct IndexBuilder {
    build_dir: PathBuf,
    writer: IndexWriter,
    fields: Fields,
    analyzer: TextAnalyzer,
    /// What the catalog's first products taught, applied to each product.
    learner: Learner,
    /// The extra columns whose labels say whom products are for.
    audience_columns: AudienceColumns,
    facets: Vec<FacetCounts>,
    coverage: CoverageCounter,
    /// The extra columns' values (see [`super::extra_columns`]).
    extras: ExtraColumns,
    /// The brand cells set aside (see [`super::brand_cells`]).
    brands_set_aside: SetAsideCounter,
    /// The words of branded products' titles, but their own brand's.
    branded_titles: TermCounts,
    terms: TermCounts,
    currencies: FxHashMap<String, u64>,
    price_range: Option<(f64, f64)>,
    products: u64,
    /// Scratch space for the stored text of a product.
    stored: String,
    /// Scratch space of [`IndexBuilder::add`]: one product's facet keys,
    /// as (facet, start, end) in the string.
    scratch_keys: (String, Vec<(Slot, usize, usize)>),
    /// Which types products carry together (how the types nest).
    types_together: TypesTogether,
    /// Documents not yet handed to the writer, and the variant group of
    /// the last (see [`IndexBuilder::queue`]).
    batch: (Vec<UserOperation>, Option<u64>),
}

/// Documents handed to the writer together (one channel send, one
/// segment), unless a group's rows run on.
const BATCH: usize = 64;

/// A group's rows run on past [`BATCH`] up to this many.
const BATCH_MAX: usize = 4_096;

impl IndexBuilder {
    /// Creates the index in `build_dir`, choosing the language and title
    /// style from `sample` (the first products of the catalog).
    pub fn create(build_dir: &Path, sample: &[Product]) -> Result<IndexBuilder> {
        let learner = Learner::from_sample(sample);
        let audience_columns = AudienceColumns::judge(sample);
        // Small store blocks: a turn reads ten products from random places,
        // and each read decompresses a whole block. The indexing threads
        // compress their own blocks: a dedicated compressor thread is woken
        // for every 4 KB block, and those wake-ups (a context switch each,
        // 28k for 100k products) cost more than the compression.
        let settings = tantivy::IndexSettings {
            docstore_blocksize: 4096,
            docstore_compress_dedicated_thread: false,
            ..tantivy::IndexSettings::default()
        };
        let index = Index::create(
            super::build_directory::BuildDirectory::open(build_dir)?,
            schema::build_schema(),
            settings,
        )?;
        analyzer::register(&index, learner.lang);
        // A catalog smaller than the sample is indexed by one thread, into
        // one segment: a model's rows then count once in every facet
        // count, the same on every import (several threads share rows out
        // differently each time, and a model split across segments counts
        // once per segment). Large catalogs keep every core.
        let threads = if sample.len() < 2_000 {
            1
        } else {
            std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4))
        };
        let writer = index.writer_with_num_threads(threads, threads * 60_000_000)?;
        let fields = Fields::from_schema(&index.schema())?;
        Ok(IndexBuilder {
            build_dir: build_dir.to_path_buf(),
            writer,
            fields,
            analyzer: analyzer::analyzer(learner.lang),
            learner,
            audience_columns,
            facets: FACET_FIELDS
                .iter()
                .map(|_| FacetCounts::default())
                .collect(),
            coverage: CoverageCounter::new(&COVERED),
            extras: ExtraColumns::default(),
            brands_set_aside: SetAsideCounter::default(),
            terms: TermCounts::default(),
            branded_titles: TermCounts::default(),
            currencies: FxHashMap::default(),
            price_range: None,
            products: 0,
            stored: String::new(),
            scratch_keys: (String::new(), Vec::new()),
            types_together: TypesTogether::default(),
            batch: (Vec::with_capacity(BATCH), None),
        })
    }

    /// Adds one product.
    pub fn add(&mut self, p: &Product) -> Result<()> {
        // The audience its label columns name, as if the catalog had a
        // gender column (see `audience_columns`).
        let with_audience;
        let p = match self.audience_columns.audience_of(p, self.learner.lang) {
            Some(label) => {
                let mut copy = p.clone();
                copy.gender = Some(label.to_string());
                with_audience = copy;
                &with_audience
            }
            None => p,
        };
        let learned = self.learner.learn(p);
        self.count_coverage(p, &learned);
        // The learned values are stored in the product, as if the catalog had them.
        let with_learned;
        let p = if learned.gender.is_some()
            || learned.color.is_some()
            || learned.color_set_aside
            || learned.brand.is_some()
            || learned.brand_set_aside.is_some()
        {
            let mut copy = p.clone();
            if learned.brand.is_some() || learned.brand_set_aside.is_some() {
                copy.brand = learned.brand.clone();
            }
            if learned.gender.is_some() {
                copy.gender = learned.gender;
            }
            if learned.color.is_some() || learned.color_set_aside {
                copy.color = learned.color;
            }
            with_learned = copy;
            &with_learned
        } else {
            p
        };
        let brand_end = learned.brand_end;
        let product_types = learned.types;
        // Facet keys and their counts; a value's key is counted once per
        // product ("Clock" and "Clocks" are one type). Written to a scratch
        // buffer as (facet, range in `keys`).
        let values_of = |slot: &Slot| -> Vec<&str> {
            match slot {
                Slot::Type => product_types.iter().map(String::as_str).collect(),
                Slot::Brand => p.brand.as_deref().into_iter().collect(),
                Slot::Color => p
                    .color
                    .as_deref()
                    .map(split_sizes)
                    .into_iter()
                    .flatten()
                    .collect(),
                Slot::Gender => p.gender.as_deref().into_iter().collect(),
                Slot::Size => p
                    .size
                    .as_deref()
                    .map(split_sizes)
                    .into_iter()
                    .flatten()
                    .collect(),
                Slot::Material => p.material.as_deref().into_iter().collect(),
                Slot::Extra(_) => Vec::new(),
            }
        };
        let (keys, spans) = &mut self.scratch_keys;
        keys.clear();
        spans.clear();
        // The keys of types naming several kinds ("T-shirts & Polos").
        let mut several: Vec<(usize, usize)> = Vec::new();
        // `facets` holds the counts of the canonical slots, in their order.
        for (slot, counts) in Slot::CANONICAL.iter().zip(self.facets.iter_mut()) {
            for value in values_of(slot) {
                let analyzer = &mut self.analyzer;
                let key = counts.key(value, |v| facet_key(slot.facet(), v, analyzer));
                let seen = spans
                    .iter()
                    .any(|(facet, a, b)| facet == slot && &keys[*a..*b] == key);
                if key.is_empty() || seen {
                    continue;
                }
                let at = keys.len();
                keys.push_str(key);
                spans.push((slot.clone(), at, keys.len()));
                if *slot == Slot::Type && crate::language::noun::names_several(value) {
                    several.push((at, keys.len()));
                }
                counts.count(value);
            }
        }
        let type_keys = spans.iter().filter(|(facet, _, _)| *facet == Slot::Type);
        self.types_together
            .add(type_keys.map(|&(_, a, b)| &keys[a..b]));
        let mut extra_keys: Vec<String> = Vec::new();
        self.extras.add(&p.extra, &p.title, &mut extra_keys);

        // The document, its fields in schema order (the indexer groups a
        // document's values by field, which costs least when they are).
        let f = &self.fields;
        let text_bytes = p.title.len() + p.description.len() + 2 * p.id.len() + 512;
        let mut doc = TantivyDocument::with_capacity(2 * text_bytes);
        doc.add_text(f.id, &p.id);
        // Searched without its leading brand (see `Learned::brand_end`).
        doc.add_text(f.title, p.title.get(brand_end..).unwrap_or(&p.title));
        match &p.brand {
            Some(brand) => doc.add_text(f.brand_text, brand),
            None => doc.add_text(f.no_brand, super::schema::NO_BRAND),
        }
        // A type naming several kinds ("Stuffed Animals & Teddy Bears") is
        // searched by the kinds its title names, types of their own (see
        // `Learner::learn`): "teddy bear" finds no horse plush.
        for t in product_types
            .iter()
            .filter(|t| !crate::language::noun::names_several(t))
        {
            doc.add_text(f.type_text, t);
        }
        for attr in learned.category_words.iter().chain(
            [&p.color, &p.material, &p.gender, &p.size]
                .into_iter()
                .flatten()
                .chain(p.extra.values().filter(|v| !is_prose(v))),
        ) {
            doc.add_text(f.attrs_text, attr);
        }
        if !p.description.is_empty() {
            doc.add_text(f.description, &p.description);
        }
        // Prose in another column ("Technical Details", "Product
        // Specification") is read as a description is, as a last resort:
        // its "perfect for friends and family … game nights" is no
        // attribute of a T-shirt.
        for prose in p.extra.values().filter(|v| is_prose(v)) {
            doc.add_text(f.description, prose);
        }
        // Every run of each type's words that keeps its head noun: the
        // last words of an English type ("shoe", "running shoe"), the first
        // of a Portuguese one ("tenis", "tenis corrida"); so "shoes" finds
        // running shoes, and "ração" is not a "medidor de ração". A type
        // naming several kinds has no head noun: "polos" is no run of
        // "T-shirts & Polos".
        for &(_, a, b) in spans.iter().filter(|(facet, _, _)| *facet == Slot::Type) {
            let key = &keys[a..b];
            if several.contains(&(a, b)) {
                doc.add_text(f.type_key, key);
                continue;
            }
            for (start, end) in word_starts(key) {
                match self.learner.head {
                    HeadPosition::Last => doc.add_text(f.type_key, &key[start..]),
                    HeadPosition::First => doc.add_text(f.type_key, &key[..end]),
                }
            }
        }
        for (slot, a, b) in spans.iter() {
            if let Some(field) = f.facet_of(slot) {
                doc.add_text(field, &keys[*a..*b]);
            }
        }
        for key in extra_keys {
            doc.add_text(f.extra, key);
        }
        if let Some(price) = p.price {
            doc.add_f64(self.fields.price, price);
            self.price_range = Some(match self.price_range {
                Some((lo, hi)) => (lo.min(price), hi.max(price)),
                None => (price, price),
            });
        }
        if let Some(rating) = p.rating {
            doc.add_f64(self.fields.rating, rating);
        }
        let mut group = None;
        if let Some(key) = group_key(p) {
            let hash = group_hash(&key.group);
            group = Some(hash);
            doc.add_u64(self.fields.group, hash);
            if let Some(variant) = &key.variant {
                doc.add_u64(self.fields.group_variant, group_hash(variant));
            }
        }
        if let Some(currency) = &p.currency {
            match self.currencies.get_mut(currency) {
                Some(n) => *n += 1,
                None => {
                    self.currencies.insert(currency.clone(), 1);
                }
            }
        }
        super::stored::encode(p, &mut self.stored);
        doc.add_text(self.fields.source, &self.stored);
        let texts = [
            Some(&p.title),
            p.brand.as_ref(),
            p.color.as_ref(),
            p.material.as_ref(),
        ];
        // The words of its other attributes too ("i7" of a Cpu column no
        // facet lists): a shopper saying them is understood, and they are
        // searched where the attributes are.
        let attributes = p.extra.values().filter(|v| !is_prose(v));
        let texts = texts
            .into_iter()
            .flatten()
            .chain(&product_types)
            .chain(attributes);
        self.terms.count(self.products, texts.map(String::as_str));
        if let Some(brand) = p.brand.as_deref().filter(|b| !b.trim().is_empty()) {
            let own = crate::text::words(brand);
            self.branded_titles
                .count_except(self.products, &p.title, &own);
        }
        self.queue(doc, group)?;
        self.products += 1;
        Ok(())
    }

    /// Queues one document of variant `group`. Documents go to the writer
    /// in batches, and a batch lands in one segment: rows of a model listed
    /// together (as exports list variants) are not shared out among the
    /// indexing threads' segments, so a model is met in one segment.
    fn queue(&mut self, doc: TantivyDocument, group: Option<u64>) -> Result<()> {
        let (pending, last) = &mut self.batch;
        let runs_on = group.is_some() && group == *last && pending.len() < BATCH_MAX;
        if pending.len() >= BATCH && !runs_on {
            self.flush()?;
        }
        let (pending, last) = &mut self.batch;
        pending.push(UserOperation::Add(doc));
        *last = group;
        Ok(())
    }

    /// Hands the queued documents to the writer.
    fn flush(&mut self) -> Result<()> {
        let (pending, _) = &mut self.batch;
        if pending.is_empty() {
            return Ok(());
        }
        let ops = std::mem::replace(pending, Vec::with_capacity(BATCH));
        if let Err(e) = self.writer.run(ops) {
            return Err(self.worker_failure(e));
        }
        Ok(())
    }

    /// Counts where one product's attributes came from.
    fn count_coverage(&mut self, p: &Product, learned: &Learned) {
        let has = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
        let c = &mut self.coverage;
        c.count(0, learned.from_category, !learned.types.is_empty());
        let brand_cell = has(&p.brand) && learned.brand_set_aside.is_none();
        c.count(1, brand_cell, learned.brand.is_some());
        if let (Some(why), Some(cell)) = (&learned.brand_set_aside, &p.brand) {
            c.set_aside(1);
            self.brands_set_aside
                .count(cell, why, learned.colour_from_brand);
        }
        let color_cell = has(&p.color) && !learned.color_set_aside;
        c.count(2, color_cell, learned.color.is_some());
        // An unreliable cell's product whose title names the same colour
        // keeps it: corrected only when the value changes.
        if color_cell
            && learned
                .color
                .as_deref()
                .is_some_and(|l| p.color.as_deref().is_none_or(|cell| cell.trim() != l))
        {
            c.corrected(2);
        }
        if learned.color_set_aside {
            c.set_aside(2);
        }
        c.count(3, has(&p.gender), learned.gender.is_some());
        c.count(4, has(&p.size), false);
        c.count(5, has(&p.material), false);
        c.count(6, p.price.is_some(), false);
    }

    /// `add_document` only says that an indexing thread died; joining the
    /// threads gives its error (usually the disk's: full, file too large).
    fn worker_failure(&mut self, e: tantivy::TantivyError) -> Error {
        let cause = match self.writer.prepare_commit() {
            Err(cause) => cause,
            Ok(_) => e,
        };
        Error::index_write(&self.build_dir, cause)
    }

    /// Number of products added so far.
    pub fn products(&self) -> u64 {
        self.products
    }

    /// Commits the index and writes the manifest and vocabulary. Returns them
    /// with the build directory, ready for [`layout::publish`].
    pub fn finish(mut self, catalog_file: &Path) -> Result<(PathBuf, Manifest, Vocabulary)> {
        self.flush()?;
        let written = |e| Error::index_write(&self.build_dir, e);
        self.writer.commit().map_err(written)?;
        self.writer.wait_merging_threads().map_err(written)?;
        let currency = self
            .currencies
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(c, _)| c);
        let mut vocab = Vocabulary {
            currency: currency.clone().unwrap_or_default(),
            product_count: self.products,
            price_range: self.price_range,
            ..Vocabulary::default()
        };
        let types = self.facets[TYPE_COUNTS].spellings();
        vocab.type_tree = self
            .types_together
            .tree(|key| types.get(key).map(|(_, shown)| shown.to_string()));
        drop(types);
        for (slot, counts) in Slot::CANONICAL.iter().zip(self.facets) {
            // Every value, one-off types included: a value missing here
            // would be shown to shoppers as its bare index key.
            let values = counts.into_values(1);
            if !values.is_empty() {
                vocab.facets.insert(slot.facet().to_string(), values);
            }
        }
        let judged = self.extras.finish(self.products);
        let mut extra_facets = Vec::new();
        for (name, header, values) in judged.facets {
            vocab.facets.insert(name.clone(), values);
            extra_facets.push((name, header));
        }
        vocab.terms = self.terms.into_values();
        let brand_words: rustc_hash::FxHashSet<String> = vocab
            .values(crate::model::facet::BRAND)
            .iter()
            .flat_map(|v| crate::text::words(&v.value))
            .collect();
        vocab.other_brands_titles = self
            .branded_titles
            .into_values()
            .into_iter()
            .filter(|t| brand_words.contains(&t.value))
            .collect();
        let manifest = Manifest {
            schema_version: schema::SCHEMA_VERSION,
            catalog_file: catalog_file.display().to_string(),
            imported_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            products: self.products,
            language: self.learner.lang,
            title_head: self.learner.head,
            currency,
            extra_facets,
            stored_only: judged.stored_only,
            brands_set_aside: Some(self.brands_set_aside.finish()).filter(|b| b.rows() > 0),
            attributes: self.coverage.finish(),
        };
        write_json(&self.build_dir.join(MANIFEST_FILE), &manifest)?;
        write_json(&self.build_dir.join(VOCABULARY_FILE), &vocab)?;
        // Every file of the generation durable at once, before it is published.
        super::build_directory::sync_all(&self.build_dir)
            .map_err(|e| Error::io(&self.build_dir, e))?;
        Ok((self.build_dir, manifest, vocab))
    }
}

/// Builds and publishes a generation from products (used by tests, benches
/// and the importer). Returns the generation number.
pub fn build_from_products(
    index_dir: &Path,
    products: &[Product],
    catalog_file: &Path,
) -> Result<u64> {
    let _lock = layout::ImportLock::acquire(index_dir)?;
    let build_dir = layout::new_build_dir(index_dir)?;
    let result = (|| {
        let sample = &products[..products.len().min(2000)];
        let mut builder = IndexBuilder::create(&build_dir, sample)?;
        for p in products {
            builder.add(p)?;
        }
        builder.finish(catalog_file)
    })();
    match result {
        Ok((dir, _, _)) => layout::publish(index_dir, &dir),
        Err(e) => {
            layout::discard_build(&build_dir);
            Err(e)
        }
    }
}

/// True when a column's value is prose rather than an attribute's value:
/// more words than any attribute has ("Cotton", "17 / 54", "Sports Shoes,
/// Casual Shoes & Sneakers").
fn is_prose(value: &str) -> bool {
    const MOST_WORDS_OF_A_VALUE: usize = 8;
    value
        .split_whitespace()
        .nth(MOST_WORDS_OF_A_VALUE)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(id: &str, title: &str, brand: &str, color: &str) -> Product {
        Product {
            id: id.to_string(),
            title: title.to_string(),
            brand: Some(brand.to_string()),
            color: Some(color.to_string()),
            ..Product::default()
        }
    }

    #[test]
    fn a_word_counts_the_products_using_it_once_each() {
        let dir = tempfile::tempdir().expect("tempdir");
        let products = [
            // "black" three times and "sneakers" twice in one product.
            product("1", "Black Sneakers black sneakers", "Black Label", "Black"),
            product("2", "White Sneakers", "Acme", "White"),
            product("3", "Black Boots", "Acme", "Black"),
        ];
        let mut builder = IndexBuilder::create(dir.path(), &products).expect("create");
        for p in &products {
            builder.add(p).expect("add");
        }
        let (_, _, vocab) = builder
            .finish(&dir.path().join("catalog.csv"))
            .expect("finish");
        let count = |word: &str| {
            vocab
                .terms
                .iter()
                .find(|t| t.value == word)
                .map(|t| t.count)
        };
        assert_eq!(count("black"), Some(2));
        assert_eq!(count("sneakers"), Some(2));
        assert_eq!(count("acme"), Some(2));
        assert_eq!(count("label"), Some(1));
        assert_eq!(count("boots"), Some(1));
        assert_eq!(count("red"), None);
        // Most used first, then alphabetical.
        assert_eq!(vocab.terms[0].value, "acme");
    }
}
