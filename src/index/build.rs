//! Building a new index generation from products: tantivy documents, the
//! facet vocabulary with counts, and the manifest.

use super::analyzer::{self, ANALYZER};
use super::layout;
use super::schema::{self, FACET_FIELDS, Fields};
use super::types::{self, HeadPosition};
use super::vocabulary::{FacetValue, Vocabulary};
use crate::catalog::Product;
use crate::understand::Lang;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexWriter, TantivyDocument};

/// File name of the manifest inside a generation.
pub const MANIFEST_FILE: &str = "manifest.json";
/// File name of the vocabulary inside a generation.
pub const VOCABULARY_FILE: &str = "vocabulary.json";

/// Facts about one index generation, saved beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`schema::SCHEMA_VERSION`] of the build.
    pub schema_version: u32,
    /// The catalog file it was built from.
    pub catalog_file: String,
    /// Unix time of the import.
    pub imported_at: u64,
    /// Products indexed.
    pub products: u64,
    /// The catalog's language (chooses the stemmer).
    pub language: Lang,
    /// Where titles put the product type.
    pub title_head: HeadPosition,
    /// The catalog's currency, when known.
    pub currency: Option<String>,
    /// Extra columns kept as facets, by facet name -> column header.
    pub extra_facets: Vec<(String, String)>,
}

/// Counts of one facet's values: key -> (surface form counts, products).
#[derive(Default)]
struct FacetCounts {
    values: HashMap<String, (HashMap<String, u64>, u64)>,
}

impl FacetCounts {
    /// Counts one product with this value (allocating only for new spellings).
    fn add(&mut self, key: &str, surface: &str) {
        let entry = match self.values.get_mut(key) {
            Some(entry) => entry,
            None => self.values.entry(key.to_string()).or_default(),
        };
        match entry.0.get_mut(surface) {
            Some(n) => *n += 1,
            None => {
                entry.0.insert(surface.to_string(), 1);
            }
        }
        entry.1 += 1;
    }

    /// Distinct values, most frequent first; each shown in its most common spelling.
    fn into_values(self, min_count: u64) -> Vec<FacetValue> {
        let mut out: Vec<FacetValue> = self
            .values
            .into_values()
            .filter(|(_, count)| *count >= min_count)
            .filter_map(|(surfaces, count)| {
                let value = surfaces
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?
                    .0;
                Some(FacetValue { value, count })
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        out
    }
}

/// The key a facet value is indexed and filtered under. Types are stemmed so
/// "Curtain" and "Curtains" are one type; other facets are [`crate::text::key`]s.
pub fn facet_key(facet: &str, value: &str, analyzer: &mut TextAnalyzer) -> String {
    if facet == super::facet::TYPE {
        analyzer::tokens(analyzer, value).join(" ")
    } else {
        crate::text::key(value)
    }
}

/// The facet name of an extra column header (`Num_Images` -> `num_images`).
pub fn extra_facet_name(header: &str) -> String {
    let name = crate::text::key(header).replace(' ', "_");
    if FACET_FIELDS.contains(&name.as_str()) || name.is_empty() {
        format!("x_{name}")
    } else {
        name
    }
}

/// Splits a size cell listing several sizes ("S/M/L", "38, 39, 40").
pub fn split_sizes(size: &str) -> impl Iterator<Item = &str> {
    size.split(['/', ',', ';', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Builds one generation in a build directory.
pub struct IndexBuilder {
    build_dir: PathBuf,
    writer: IndexWriter,
    fields: Fields,
    analyzer: TextAnalyzer,
    lang: Lang,
    head: HeadPosition,
    skip_for_types: HashSet<String>,
    facets: Vec<FacetCounts>,
    extras: HashMap<String, (String, FacetCounts)>,
    terms: HashMap<String, u64>,
    currencies: HashMap<String, u64>,
    price_range: Option<(f64, f64)>,
    products: u64,
    /// Scratch space of [`IndexBuilder::count_terms`]: words and their spans.
    seen_words: (String, Vec<(usize, usize)>),
}

impl IndexBuilder {
    /// Creates the index in `build_dir`, choosing the language and title
    /// style from `sample` (the first products of the catalog).
    pub fn create(build_dir: &Path, sample: &[Product]) -> Result<IndexBuilder> {
        let lang = analyzer::detect_catalog_language(
            sample
                .iter()
                .flat_map(|p| [p.title.as_str(), p.description.as_str()]),
        );
        let mut skip_for_types: HashSet<String> = HashSet::new();
        for p in sample {
            for v in [&p.brand, &p.color, &p.gender].into_iter().flatten() {
                skip_for_types.insert(crate::text::key(v));
                for w in crate::text::words(v) {
                    skip_for_types.insert(w);
                }
            }
        }
        let head =
            types::choose_head_position(sample.iter().map(|p| p.title.as_str()), &skip_for_types);
        // Small store blocks: a turn reads ten products from random places,
        // and each read decompresses a whole block.
        let settings = tantivy::IndexSettings {
            docstore_blocksize: 4096,
            ..tantivy::IndexSettings::default()
        };
        let index = Index::builder()
            .settings(settings)
            .schema(schema::build_schema())
            .create_in_dir(build_dir)?;
        index
            .tokenizers()
            .register(ANALYZER, analyzer::analyzer(lang));
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
        let writer = index.writer_with_num_threads(threads, threads * 60_000_000)?;
        let fields = Fields::from_schema(&index.schema())?;
        Ok(IndexBuilder {
            build_dir: build_dir.to_path_buf(),
            writer,
            fields,
            analyzer: analyzer::analyzer(lang),
            lang,
            head,
            skip_for_types,
            facets: FACET_FIELDS
                .iter()
                .map(|_| FacetCounts::default())
                .collect(),
            extras: HashMap::new(),
            terms: HashMap::new(),
            currencies: HashMap::new(),
            price_range: None,
            products: 0,
            seen_words: (String::new(), Vec::new()),
        })
    }

    /// The product types of one product: category components and the title's head noun.
    fn product_types(&self, p: &Product) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(category) = &p.category {
            out.extend(types::category_components(category).map(str::to_string));
        }
        if let Some(head) = types::head_noun(&p.title, self.head, &self.skip_for_types) {
            out.push(head);
        }
        out
    }

    /// Adds one product.
    pub fn add(&mut self, p: &Product) -> Result<()> {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &p.id);
        doc.add_text(f.title, &p.title);
        if let Some(brand) = &p.brand {
            doc.add_text(f.brand_text, brand);
        }
        if !p.description.is_empty() {
            doc.add_text(f.description, &p.description);
        }
        let product_types = self.product_types(p);
        let mut type_keys: Vec<String> = Vec::with_capacity(product_types.len());
        for t in &product_types {
            doc.add_text(f.type_text, t);
            let tokens = analyzer::tokens(&mut self.analyzer, t);
            for start in 0..tokens.len() {
                for end in start + 1..=tokens.len() {
                    doc.add_text(f.type_key, tokens[start..end].join(" "));
                }
            }
            type_keys.push(tokens.join(" "));
        }
        for attr in [&p.category, &p.color, &p.material, &p.gender, &p.size]
            .into_iter()
            .flatten()
        {
            doc.add_text(f.attrs_text, attr);
        }
        // Facet keywords and their counts.
        let mut facet_values: [Vec<&str>; 6] = Default::default();
        facet_values[0] = product_types.iter().map(String::as_str).collect();
        facet_values[1].extend(p.brand.as_deref());
        facet_values[2].extend(p.color.as_deref());
        facet_values[3].extend(p.gender.as_deref());
        if let Some(size) = &p.size {
            facet_values[4].extend(split_sizes(size));
        }
        facet_values[5].extend(p.material.as_deref());
        for (i, values) in facet_values.iter().enumerate() {
            let mut keys_done: Vec<String> = Vec::with_capacity(values.len());
            for (j, value) in values.iter().enumerate() {
                let key = if i == 0 {
                    type_keys.get(j).cloned().unwrap_or_default()
                } else {
                    facet_key(FACET_FIELDS[i], value, &mut self.analyzer)
                };
                if key.is_empty() || keys_done.contains(&key) {
                    continue;
                }
                doc.add_text(self.fields.facets[i], &key);
                self.facets[i].add(&key, value);
                keys_done.push(key);
            }
        }
        for (header, value) in &p.extra {
            doc.add_text(self.fields.attrs_text, value);
            if value.chars().count() > 60 {
                continue;
            }
            let name = extra_facet_name(header);
            let key = crate::text::key(value);
            if key.is_empty() {
                continue;
            }
            doc.add_text(self.fields.extra, format!("{name}={key}"));
            let entry = self
                .extras
                .entry(name)
                .or_insert_with(|| (header.clone(), FacetCounts::default()));
            entry.1.add(&key, value);
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
        if let Some(currency) = &p.currency {
            *self.currencies.entry(currency.clone()).or_default() += 1;
        }
        let source = serde_json::to_string(p).map_err(|e| Error::Index {
            path: self.build_dir.clone(),
            message: format!("cannot serialise product {}: {e}", p.id),
        })?;
        doc.add_text(self.fields.source, source);
        self.count_terms(p, &product_types);
        if let Err(e) = self.writer.add_document(doc) {
            return Err(self.worker_failure(e));
        }
        self.products += 1;
        Ok(())
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

    /// Counts the words shoppers may type about this product (once per product).
    fn count_terms(&mut self, p: &Product, product_types: &[String]) {
        let texts = [
            Some(&p.title),
            p.brand.as_ref(),
            p.color.as_ref(),
            p.material.as_ref(),
        ];
        // The product's words, in one reused buffer: (start, end) in `words`.
        let (words, spans) = &mut self.seen_words;
        words.clear();
        spans.clear();
        for text in texts.into_iter().flatten().chain(product_types) {
            crate::text::for_each_word(text, |w, _| {
                let start = words.len();
                words.push_str(w);
                spans.push((start, words.len()));
            });
        }
        let word = |&(a, b): &(usize, usize)| &words[a..b];
        spans.sort_unstable_by(|x, y| word(x).cmp(word(y)));
        spans.dedup_by(|x, y| word(x) == word(y));
        for span in spans.iter() {
            let w = word(span);
            match self.terms.get_mut(w) {
                Some(n) => *n += 1,
                None => {
                    self.terms.insert(w.to_string(), 1);
                }
            }
        }
    }

    /// Number of products added so far.
    pub fn products(&self) -> u64 {
        self.products
    }

    /// Commits the index and writes the manifest and vocabulary. Returns them
    /// with the build directory, ready for [`layout::publish`].
    pub fn finish(mut self, catalog_file: &Path) -> Result<(PathBuf, Manifest, Vocabulary)> {
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
        for (i, counts) in self.facets.into_iter().enumerate() {
            // Learned types need two products to count as a type; others are catalog values.
            let min = if i == 0 { 2 } else { 1 };
            let values = counts.into_values(min);
            if !values.is_empty() {
                vocab.facets.insert(FACET_FIELDS[i].to_string(), values);
            }
        }
        let mut extra_facets = Vec::new();
        for (name, (header, counts)) in self.extras {
            let values = counts.into_values(1);
            let covered: u64 = values.iter().map(|v| v.count).sum();
            let numeric = values
                .iter()
                .filter(|v| v.value.trim().parse::<f64>().is_ok())
                .count();
            let is_facet = (2..=100).contains(&values.len())
                && numeric * 2 < values.len()
                && covered * 20 >= self.products;
            if is_facet {
                vocab.facets.insert(name.clone(), values);
                extra_facets.push((name, header));
            }
        }
        extra_facets.sort();
        let mut terms: Vec<FacetValue> = self
            .terms
            .into_iter()
            .map(|(value, count)| FacetValue { value, count })
            .collect();
        terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        terms.truncate(200_000);
        vocab.terms = terms;
        let manifest = Manifest {
            schema_version: schema::SCHEMA_VERSION,
            catalog_file: catalog_file.display().to_string(),
            imported_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            products: self.products,
            language: self.lang,
            title_head: self.head,
            currency,
            extra_facets,
        };
        write_json(&self.build_dir.join(MANIFEST_FILE), &manifest)?;
        write_json(&self.build_dir.join(VOCABULARY_FILE), &vocab)?;
        Ok((self.build_dir, manifest, vocab))
    }
}

fn write_json(path: &Path, value: &impl Serialize) -> Result<()> {
    use std::io::Write;
    let bytes = serde_json::to_vec(value).map_err(|e| Error::Index {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    file.write_all(&bytes)
        .and_then(|_| file.sync_all())
        .map_err(|e| Error::io(path, e))
}

/// Reads a JSON file of a generation.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| Error::Index {
        path: path.to_path_buf(),
        message: format!("unreadable: {e}"),
    })
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
