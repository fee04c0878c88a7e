//! `import`: a CSV catalog read by [`crate::catalog::CatalogReader`] becomes a
//! new index generation, published atomically. Bad rows are collected with
//! their line numbers, and so are rows kept with a change; valid rows are
//! never lost. Audiences a product feed gives as codes are written in the
//! catalog's own language, decided from its first rows.

use super::brand_cells::BrandsSetAside;
use super::build::IndexBuilder;
use super::extra_columns::StoredColumn;
use super::layout;
use super::unpriced::{PriceTally, UnpricedProducts};
use crate::catalog::{CatalogReader, Field, NoticeKind, Product, ReadOptions, RowError, RowNotice};
use crate::error::{CatalogReason, Error, Result};
use crate::language::detect::priced_catalog_language as detect_catalog_language;
use std::path::Path;
use std::time::{Duration, Instant};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// How to read the CSV (mapping overrides, delimiter, encoding, default currency).
    pub read: ReadOptions,
    /// Validate only: read every row and report, write no index.
    pub dry_run: bool,
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportSummary {
    /// Data rows read (valid and bad).
    pub rows_read: u64,
    /// Products indexed.
    pub indexed: u64,
    /// Every bad row, in file order.
    pub errors: Vec<RowError>,
    /// Every row kept with a change (re-decoded, NUL bytes removed...), in file order.
    pub notices: Vec<RowNotice>,
    /// Every row listing an earlier row's product again under another
    /// category, merged into it (its id and other cells the same), in file
    /// order: the product is in both categories.
    pub merged: Vec<RowNotice>,
    /// Wall time.
    pub elapsed: Duration,
    /// The header mapping as printed for the merchant.
    pub mapping: String,
    /// Products whose title (a product line's name) was completed with
    /// their short description (see [`super::subtitles`]).
    pub titles_completed: u64,
    /// Detected or forced encoding.
    pub encoding: String,
    /// Detected or forced delimiter.
    pub delimiter: char,
    /// The catalog's currency, when known.
    pub currency: Option<String>,
    /// Facet name -> number of distinct values.
    pub facets: Vec<(String, usize)>,
    /// Extra columns stored but offered to shoppers as no facet, and why.
    pub stored_only: Vec<StoredColumn>,
    /// Brand cells that named no brand, set aside.
    pub brands_set_aside: Option<BrandsSetAside>,
    /// The products kept without a price, and the categories none of
    /// whose products has one.
    pub unpriced: UnpricedProducts,
    /// The new generation number (none for a dry run).
    pub generation: Option<u64>,
    /// Size of the new generation on disk, in bytes.
    pub index_bytes: u64,
}

impl ImportSummary {
    /// Rows per second over the whole import.
    pub fn rows_per_second(&self) -> f64 {
        self.rows_read as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Rows read before building starts: they decide the catalog's language
/// and title style.
const SAMPLE_ROWS: usize = 2000;

/// The most memory those rows may take (estimated by [`footprint`]).
const SAMPLE_BYTES: usize = 32 << 20;

/// About how much memory a product takes.
fn footprint(p: &Product) -> usize {
    let strings = [
        &p.brand,
        &p.category,
        &p.color,
        &p.size,
        &p.gender,
        &p.url,
        &p.image_url,
    ]
    .into_iter()
    .flatten()
    .map(String::len)
    .sum::<usize>();
    let extra: usize = p
        .extra
        .iter()
        .map(|(k, v)| k.len() + v.len() + 96)
        .sum::<usize>()
        + p.categories.iter().map(|c| c.len() + 24).sum::<usize>();
    512 + p.id.len() + p.title.len() + p.description.len() + strings + extra
}

/// Progress callback: bytes read and total bytes of the file.
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

/// Imports `csv` into `index_dir` (a new generation replaces the live one).
pub fn import(csv: &Path, index_dir: &Path, opts: &ImportOptions) -> Result<ImportSummary> {
    import_with_progress(csv, index_dir, opts, &mut |_, _| {})
}

/// [`import`] reporting progress about every thousand rows.
pub fn import_with_progress(
    csv: &Path,
    index_dir: &Path,
    opts: &ImportOptions,
    progress: Progress<'_>,
) -> Result<ImportSummary> {
    let start = Instant::now();
    // A product listed again under another category (the same id, every
    // other cell the same) is one product in both, its first row carrying
    // every path: a file that has such rows is read a second time, the
    // rows found by the first reading merged (the first build discarded).
    // (A second reading merges and never asks for a third.)
    let mut merges = None;
    let mut summary = loop {
        match one_pass(csv, index_dir, opts, &mut *progress, merges.take())? {
            Pass::Done(summary) => break *summary,
            Pass::Again(found) => merges = Some(found),
        }
    };
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// What one reading of the file did: imported it, or found rows to merge
/// into earlier ones and must read it again with them.
enum Pass {
    Done(Box<ImportSummary>),
    Again(crate::catalog::CategoryMerges),
}

/// One reading of the file (see [`import_with_progress`]); with `merges`,
/// the rows the first reading found are merged.
fn one_pass(
    csv: &Path,
    index_dir: &Path,
    opts: &ImportOptions,
    progress: Progress<'_>,
    merges: Option<crate::catalog::CategoryMerges>,
) -> Result<Pass> {
    let second = merges.is_some();
    let mut reader = CatalogReader::open(csv, &opts.read)?;
    if let Some(merges) = merges {
        reader.merge_categories(merges);
    }
    // One import at a time writes into an index directory (held until return).
    let _lock = if opts.dry_run {
        None
    } else {
        Some(layout::ImportLock::acquire(index_dir)?)
    };
    let mut summary = ImportSummary {
        mapping: reader.mapping().to_string(),
        encoding: reader.encoding().to_string(),
        delimiter: char::from(reader.delimiter()),
        ..ImportSummary::default()
    };
    take_notices(&mut reader, &mut summary);
    let total_bytes = reader.total_bytes();
    // Read a sample first: it decides the catalog's language and title style.
    // Bounded in rows and in bytes: a catalog of thousands of columns
    // would otherwise hold gigabytes here.
    let mut sample: Vec<Product> = Vec::new();
    let mut sample_bytes = 0;
    for row in reader.by_ref() {
        summary.rows_read += 1;
        match row {
            Ok(p) => {
                sample_bytes += footprint(&p);
                sample.push(p);
            }
            Err(e) => summary.errors.push(e),
        }
        if sample.len() >= SAMPLE_ROWS || sample_bytes >= SAMPLE_BYTES {
            break;
        }
    }
    take_notices(&mut reader, &mut summary);
    // Feed audiences in the catalog's language ("Menino" in a Portuguese
    // one), for a catalog that has them (the detection reads every sample text).
    let feed_audiences = reader.mapping().column(Field::AgeGroup).is_some()
        || sample.iter().any(|p| p.feed_audience.is_some());
    for p in sample.iter_mut().filter(|p| p.currency.is_none()) {
        p.currency = reader.currency();
    }
    let language = if feed_audiences {
        detect_catalog_language(
            sample
                .iter()
                .flat_map(|p| [p.title.as_str(), p.description.as_str()]),
            super::learn::sample_currency(&sample),
        )
        .code()
    } else {
        "en"
    };
    let localize = |p: &mut Product| {
        if let Some(audience) = p.feed_audience {
            p.gender = Some(audience.label(language).to_string());
        }
    };
    let subtitles = super::subtitles::Subtitles::judge(&sample);
    let mut titles_completed = 0;
    let mut localize = |p: &mut Product| {
        localize(p);
        titles_completed += u64::from(subtitles.complete(p));
    };
    for p in &mut sample {
        localize(p);
    }
    let build_dir = if opts.dry_run {
        None
    } else {
        Some(layout::new_build_dir(index_dir)?)
    };
    let mut prices = PriceTally::default();
    let result = (|| -> Result<Option<crate::catalog::CategoryMerges>> {
        let mut builder = match &build_dir {
            Some(dir) => Some(IndexBuilder::create(dir, &sample)?),
            None => None,
        };
        let default_currency = |reader: &CatalogReader, p: &mut Product| {
            if p.currency.is_none() {
                p.currency = reader.currency();
            }
        };
        for mut p in std::mem::take(&mut sample) {
            default_currency(&reader, &mut p);
            if let Some(b) = builder.as_mut() {
                b.add(&p)?;
            }
            prices.add(&p);
            summary.indexed += 1;
        }
        while let Some(row) = reader.next() {
            summary.rows_read += 1;
            match row {
                Ok(mut p) => {
                    default_currency(&reader, &mut p);
                    localize(&mut p);
                    if let Some(b) = builder.as_mut() {
                        b.add(&p)?;
                    }
                    prices.add(&p);
                    summary.indexed += 1;
                }
                Err(e) => summary.errors.push(e),
            }
            take_notices(&mut reader, &mut summary);
            if summary.rows_read.is_multiple_of(1024) {
                progress(reader.bytes_read(), total_bytes);
            }
        }
        // The last rows' (a merged row yields no product).
        take_notices(&mut reader, &mut summary);
        if !second {
            let merges = reader.take_category_merges();
            if merges.products() > 0 {
                return Ok(Some(merges));
            }
        }
        progress(total_bytes, total_bytes);
        // Merged rows are read too, though no product of their own.
        summary.rows_read += summary.merged.len() as u64;
        summary.currency = reader.currency();
        if summary.indexed == 0 {
            return Err(Error::catalog(
                csv,
                CatalogReason::NoValidRow {
                    rows: summary.rows_read,
                    first: summary.errors.first().cloned().map(Box::new),
                },
            ));
        }
        if let Some(b) = builder {
            let (dir, manifest, vocab) = b.finish(csv)?;
            summary.currency = manifest.currency.clone();
            summary.stored_only = manifest.stored_only.clone();
            summary.brands_set_aside = manifest.brands_set_aside.clone();
            summary.facets = vocab
                .facets
                .iter()
                .map(|(name, values)| (name.clone(), values.len()))
                .collect();
            summary.index_bytes = dir_size(&dir);
            summary.generation = Some(layout::publish(index_dir, &dir)?);
        }
        Ok(None)
    })();
    match result {
        Ok(None) => {}
        Ok(Some(merges)) => {
            if let Some(dir) = &build_dir {
                layout::discard_build(dir);
            }
            return Ok(Pass::Again(merges));
        }
        Err(e) => {
            if let Some(dir) = &build_dir {
                layout::discard_build(dir);
            }
            return Err(e);
        }
    }
    summary.titles_completed = titles_completed;
    summary.unpriced = prices.finish();
    Ok(Pass::Done(Box::new(summary)))
}

/// The reader's notices since the last call: rows kept with a change, and
/// rows merged into an earlier row's product.
fn take_notices(reader: &mut CatalogReader, summary: &mut ImportSummary) {
    for notice in reader.take_notices() {
        match notice.kind {
            NoticeKind::MergedCategory { .. } => summary.merged.push(notice),
            _ => summary.notices.push(notice),
        }
    }
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
