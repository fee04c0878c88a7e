//! [`CatalogReader`]: opens a CSV catalog (encoding, delimiter, header
//! mapping decided from the first 64 KiB), then streams it row by row as
//! `Result<Product, RowError>`, in file order, in bounded memory. A record
//! that spans lines goes through [`super::recovery`] first, so a stray
//! quote loses only its own row.

use super::encoding::{self, Counting, Decoding, Detected, Mode, RowDecoder, SAMPLE_BYTES};
use super::first_values::{IdValues, id_candidates, is_parent_level, unique_id_column};
use super::header::{HeaderMapping, MAX_COLUMNS};
use super::platform::{self, Outcome, PlatformRows};
use super::price::{self, DecimalVotes};
use super::records::{MAX_RECORD_BYTES, Next, RecordReader};
use super::recovery::{self, Reading};
use super::row::RowParser;
use super::{Field, Product, RowError, RowErrorKind, RowNotice, sniff};
use crate::error::{CatalogReason, ConfigReason, Error, Result};
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What a first reading found that earlier rows need: per id, the other
/// category paths of products listed again, and the variants a platform's
/// product listed after them (see [`CatalogReader::take_category_merges`]).
#[derive(Debug, Clone, Default)]
pub struct CategoryMerges(
    rustc_hash::FxHashMap<Box<str>, Vec<String>>,
    platform::Claims,
);

impl CategoryMerges {
    /// How many products are listed under more than one category, or
    /// continued by variants listed late.
    pub fn products(&self) -> usize {
        self.0.len() + self.1.len()
    }
}

/// How to read a catalog; every field is optional (`Default` detects all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// `--map FIELD=COLUMN` overrides: the column by header name
    /// (case-insensitive) or 1-based position; an empty column leaves the
    /// field unmapped.
    pub map: Vec<(Field, String)>,
    /// The delimiter; sniffed among `,` `;` tab `|` when `None`.
    pub delimiter: Option<u8>,
    /// An encoding label (`utf-8`, `latin1`, `windows-1252`...); detected when `None`.
    pub encoding: Option<String>,
    /// The currency of rows that name none (ISO code such as `INR`).
    pub default_currency: Option<String>,
}

/// Parses one `--map` argument, `FIELD=COLUMN` (`title=Nome`, `price=3`).
/// FIELD is a field name (`image_url`) or an alias (`colour`, `preço`).
pub fn parse_map_arg(arg: &str) -> Result<(Field, String)> {
    let (field, column) = arg.split_once('=').ok_or_else(|| {
        Error::Config(ConfigReason::MapSyntax {
            arg: arg.to_string(),
        })
    })?;
    let field = super::header_names::field_named(field).ok_or_else(|| {
        Error::Config(ConfigReason::MapUnknownField {
            arg: arg.to_string(),
            field: field.trim().to_string(),
            fields: Field::ALL.iter().map(|f| f.name()).collect(),
        })
    })?;
    Ok((field, column.trim().to_string()))
}

/// A CSV catalog being read: an iterator of products and bad rows.
///
/// ```no_run
/// # use vitrine::catalog::{CatalogReader, ReadOptions};
/// # fn main() -> vitrine::Result<()> {
/// let opts = ReadOptions { default_currency: Some("INR".into()), ..ReadOptions::default() };
/// let reader = CatalogReader::open("products.csv".as_ref(), &opts)?;
/// let (products, errors): (Vec<_>, Vec<_>) = reader.partition(|r| r.is_ok());
/// # Ok(())
/// # }
/// ```
pub struct CatalogReader {
    records: RecordReader<Box<dyn BufRead + Send>>,
    rows: RowParser,
    /// The row stage of a platform's export, when the header is one.
    platform: Option<PlatformRows>,
    delimiter: u8,
    bytes_read: Arc<AtomicU64>,
    total_bytes: u64,
    done: bool,
}

impl std::fmt::Debug for CatalogReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CatalogReader")
            .field("encoding", &self.encoding())
            .field("delimiter", &(self.delimiter as char))
            .field("mapping", &self.rows.mapping)
            .field("bytes_read", &self.bytes_read())
            .field("total_bytes", &self.total_bytes)
            .finish_non_exhaustive()
    }
}

impl CatalogReader {
    /// Opens a catalog: detects its encoding and delimiter (unless given),
    /// reads the header and maps its columns.
    ///
    /// Fails when the file cannot be read (missing, a directory), is empty
    /// or binary, has no header, a header wider than [`MAX_COLUMNS`], no
    /// column that maps to the title, or when an option is invalid
    /// (unknown encoding, `--map` naming no column). A header with no rows
    /// is fine.
    pub fn open(path: &Path, opts: &ReadOptions) -> Result<CatalogReader> {
        let catalog_error = |reason| Error::catalog(path, reason);
        let forced = match &opts.encoding {
            Some(name) => Some(
                encoding_rs::Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
                    Error::Config(ConfigReason::UnknownEncoding { name: name.clone() })
                })?,
            ),
            None => None,
        };
        if let Some(d) = opts.delimiter
            && (d == b'"' || d == b'\n' || d == b'\r')
        {
            return Err(Error::Config(ConfigReason::BadDelimiter {
                delimiter: d as char,
            }));
        }

        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(catalog_error(CatalogReason::IsDirectory));
        }
        let total_bytes = meta.len();
        let bytes_read = Arc::new(AtomicU64::new(0));
        let mut file = Counting::new(file, Arc::clone(&bytes_read));
        let sample = read_sample(&mut file, path)?;
        if sample.is_empty() {
            return Err(catalog_error(CatalogReason::Empty));
        }
        let truncated = sample.len() == SAMPLE_BYTES;
        let detected = encoding::detect(&sample, truncated, forced)
            .map_err(|_| catalog_error(CatalogReason::NotText))?;
        let text = encoding::sample_text(&sample, &detected).into_owned();
        let delimiter = opts
            .delimiter
            .unwrap_or_else(|| sniff::sniff_delimiter(&text, truncated));

        let mut decoder = RowDecoder::new(&detected);
        let mut records = RecordReader::new(stream(sample, file, &detected), delimiter);
        let headers = match records.next_record() {
            Ok(Next::Record(_)) => RowParser::header_text(&mut decoder, records.record()),
            Ok(Next::TooLong { .. }) => {
                return Err(catalog_error(CatalogReason::HeaderTooLong {
                    max_kib: MAX_RECORD_BYTES / 1024,
                }));
            }
            Ok(Next::End) => return Err(catalog_error(CatalogReason::Blank)),
            Err(e) => return Err(Error::io(path, e)),
        };
        if headers.len() > MAX_COLUMNS {
            return Err(catalog_error(CatalogReason::TooManyColumns {
                found: headers.len(),
                max: MAX_COLUMNS,
            }));
        }
        let shape = platform::recognise(&headers);
        let mut mapping = HeaderMapping::with_platform(&headers, &opts.map, shape.as_ref())?;
        let platform = shape.map(|s| PlatformRows::new(s, &headers));
        if mapping.column(Field::Title).is_none() {
            return Err(catalog_error(CatalogReason::NoTitleColumn {
                columns: headers,
            }));
        }
        let header_len = headers.len();
        let required_len = headers
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1);
        let mut id_columns = if platform.is_some() {
            Vec::new()
        } else {
            id_candidates(&mapping)
        };
        // The category and type columns' values too: whether the category
        // is the type's parent level.
        let levels = [Field::Category, Field::Type].map(|f| mapping.column(f));
        if let [Some(category), Some(kind)] = levels {
            id_columns.extend([category, kind]);
        }
        // The description's too: whether it holds labels instead; and the
        // type's: whether it holds a platform's kinds of listing.
        let description = mapping.column(Field::Description);
        id_columns.extend(description);
        let kind = mapping
            .column(Field::Type)
            .filter(|c| !id_columns.contains(c));
        id_columns.extend(kind);
        // The columns that may be levels of one category path, and their
        // first values: whether they nest.
        let level_candidates = super::category_levels::candidates(&mapping);
        let level_columns: Vec<usize> = level_candidates.iter().map(|&(c, _)| c).collect();
        let prescan = prescan(
            &text,
            truncated,
            delimiter,
            &mapping,
            header_len,
            &id_columns,
            &level_columns,
        );
        mapping.set_empty_in_sample(&prescan.non_empty);
        if let Some(column) = description
            && super::first_values::holds_labels(&prescan.ids, column)
        {
            mapping.description_to_extra(column);
        }
        if let Some(column) = mapping.column(Field::Type)
            && super::first_values::holds_listing_kinds(&prescan.ids, column)
        {
            mapping.type_to_listing_kinds();
        }
        if let Some(column) = unique_id_column(&mapping, &prescan.ids) {
            mapping.choose_id(column);
        }
        // A category column over a type column is read as before (the
        // type the path's last level); levels are for more columns.
        let chain = super::category_levels::choose(&level_candidates, &prescan.levels);
        if chain.iter().any(|c| !levels.contains(&Some(*c))) {
            mapping.set_category_levels(chain);
        } else if let [Some(category), Some(kind)] = levels
            && mapping.column(Field::Type) == Some(kind)
            && !is_parent_level(&prescan.ids, category, kind)
        {
            mapping.category_to_type();
        }

        let not_compared = super::same_product::not_compared(&mapping, &prescan.row_numbers);
        let mut rows = RowParser::new(mapping, header_len, required_len, decoder);
        rows.not_compared = not_compared;
        rows.default_currency = opts
            .default_currency
            .as_deref()
            .map(|c| price::normalize_currency(c).unwrap_or_else(|| c.trim().to_uppercase()))
            .filter(|c| !c.is_empty());
        rows.sample_currency = prescan.currency;
        rows.decimals = prescan.decimals;
        Ok(CatalogReader {
            records,
            rows,
            platform,
            delimiter,
            bytes_read,
            total_bytes,
            done: false,
        })
    }

    /// Which column went where. `Display` prints it as a table.
    pub fn mapping(&self) -> &HeaderMapping {
        &self.rows.mapping
    }

    /// The platform whose export the file is (`Shopify product export`),
    /// when its header is one's.
    pub fn platform(&self) -> Option<&'static str> {
        self.platform.as_ref().map(PlatformRows::name)
    }

    /// The file's encoding: `UTF-8`, `UTF-8 (BOM)`, `windows-1252`,
    /// `UTF-16LE (BOM)`... (a row in another one is decoded in it and
    /// reported as a [`RowNotice`]).
    pub fn encoding(&self) -> &'static str {
        self.rows.encoding()
    }

    /// The delimiter used.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Bytes of the file read so far (ahead of the rows yielded by at most a buffer).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// Size of the file.
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// The rows kept with a change since the last call (re-decoded, NUL
    /// bytes removed, a negative stock read as 0, a bad sale price ignored).
    pub fn take_notices(&mut self) -> Vec<RowNotice> {
        self.rows.take_notices()
    }

    /// The catalog's currency as known so far: the most common one the rows
    /// have named (currency column or price symbols), else the one seen in
    /// the file's first rows, else the price header's (`Price (INR)`), else
    /// the default currency option, else the recognised platform's.
    pub fn currency(&self) -> Option<String> {
        let mut best: Option<&(String, u64)> = None;
        for entry in &self.rows.currencies {
            if best.is_none_or(|b| entry.1 > b.1) {
                best = Some(entry);
            }
        }
        best.map(|(c, _)| c.clone())
            .or_else(|| self.rows.sample_currency.clone())
            .or_else(|| self.rows.mapping.header_currency().map(str::to_string))
            .or_else(|| self.rows.default_currency.clone())
            .or_else(|| self.rows.mapping.platform_currency().map(str::to_string))
    }

    /// The other categories of the products listed again under another
    /// category in the rows read so far (see [`NoticeKind::MergedCategory`]
    /// (super::NoticeKind::MergedCategory)): read a file to its end, then
    /// give them to a new reader of the same file with
    /// [`CatalogReader::merge_categories`], so each product's first row
    /// carries all its categories.
    pub fn take_category_merges(&mut self) -> CategoryMerges {
        let late = self.platform.as_mut().map(PlatformRows::take_late);
        CategoryMerges(
            std::mem::take(&mut self.rows.other_categories),
            late.unwrap_or_default(),
        )
    }

    /// Gives each product the categories of the rows that list it again,
    /// as an earlier reader of the same file found them.
    pub fn merge_categories(&mut self, merges: CategoryMerges) {
        self.rows.other_categories = merges.0;
        if let Some(p) = self.platform.as_mut() {
            p.claim(merges.1);
        }
    }

    /// Reads the current record again from its second line, reporting its
    /// first line as broken by a stray quote.
    fn recover(&mut self, line: u64) -> RowError {
        let id = first_line_id(&self.rows, &self.records);
        self.records.replay_after_first_line();
        RowError {
            line,
            id,
            kind: RowErrorKind::UnbalancedQuote,
        }
    }
}

/// The id on the first line of a record (the fields before a stray quote
/// are whole there).
fn first_line_id<R: BufRead>(rows: &RowParser, records: &RecordReader<R>) -> Option<String> {
    let raw = records.raw();
    let end = memchr::memchr2(b'\n', b'\r', raw).unwrap_or(raw.len());
    let mut line = records.sibling(&raw[..end]);
    match line.next_record() {
        Ok(Next::Record(_)) => Some(rows.id_of(line.record())).filter(|id| !id.is_empty()),
        _ => None,
    }
}

impl Iterator for CatalogReader {
    type Item = std::result::Result<Product, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.records.next_record() {
                Ok(Next::Record(line)) => {
                    if self.records.spans_lines()
                        && recovery::decide(&self.rows, &self.records, self.delimiter, false)
                            == Reading::FromSecondLine
                    {
                        return Some(Err(self.recover(line)));
                    }
                    if self.records.record().is_blank() {
                        continue;
                    }
                    let Some(platform) = self.platform.as_mut() else {
                        match self.rows.row(self.records.record(), line) {
                            Ok(Some(product)) => return Some(Ok(product)),
                            // Merged into an earlier row's product.
                            Ok(None) => continue,
                            Err(e) => return Some(Err(e)),
                        }
                    };
                    match platform.row(&mut self.rows, self.records.record(), line) {
                        Outcome::Row(row) => return Some(row),
                        Outcome::Absorbed => continue,
                    }
                }
                Ok(Next::TooLong { line }) => {
                    if recovery::decide(&self.rows, &self.records, self.delimiter, true)
                        == Reading::FromSecondLine
                    {
                        return Some(Err(self.recover(line)));
                    }
                    return Some(match self.records.skip_record() {
                        Ok(end_line) => Err(RowError {
                            line,
                            id: None,
                            kind: RowErrorKind::RecordTooLong {
                                end_line,
                                max_bytes: MAX_RECORD_BYTES,
                            },
                        }),
                        Err(e) => {
                            self.done = true;
                            Err(RowError {
                                line: self.records.line(),
                                id: None,
                                kind: RowErrorKind::ReadFailed(e.to_string()),
                            })
                        }
                    });
                }
                Ok(Next::End) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(RowError {
                        line: self.records.line(),
                        id: None,
                        kind: RowErrorKind::ReadFailed(e.to_string()),
                    }));
                }
            }
        }
        None
    }
}

/// Reads the first [`SAMPLE_BYTES`] of the file (less when it is shorter).
fn read_sample(file: &mut impl Read, path: &Path) -> Result<Vec<u8>> {
    let mut sample = Vec::with_capacity(SAMPLE_BYTES);
    file.take(SAMPLE_BYTES as u64)
        .read_to_end(&mut sample)
        .map_err(|e| Error::io(PathBuf::from(path), e))?;
    Ok(sample)
}

/// The whole file as a stream of bytes: the sample already read, then the
/// rest; decoded to UTF-8 when the encoding is read as a stream.
fn stream(sample: Vec<u8>, rest: Counting<File>, detected: &Detected) -> Box<dyn BufRead + Send> {
    let mut head = Cursor::new(sample);
    head.set_position(detected.bom_len as u64);
    let raw = head.chain(rest);
    match detected.mode {
        Mode::Rows(_) => Box::new(BufReader::with_capacity(64 * 1024, raw)),
        Mode::Stream(enc) => Box::new(Decoding::new(raw, enc)),
    }
}

/// What the first rows tell before streaming starts.
struct Prescan {
    /// Per column: has a non-blank value in some row of the sample.
    non_empty: Vec<bool>,
    /// The price columns' decimal separator, from their clear values.
    decimals: DecimalVotes,
    /// The most common currency of the sample's rows (currency column, else
    /// price symbols).
    currency: Option<String>,
    /// The values of the columns that may be the id (see [`id_candidates`]).
    ids: Vec<IdValues>,
    /// Per row, the cells of the columns that may be category levels.
    levels: Vec<Vec<String>>,
    /// The columns counting the rows (`X1`, `index`: 0, 1, 2...).
    row_numbers: Vec<usize>,
}

/// Reads the records of the sample (the last one too only when the sample
/// is the whole file) for the price convention, the currency and which
/// columns are empty.
fn prescan(
    text: &[u8],
    truncated: bool,
    delimiter: u8,
    mapping: &HeaderMapping,
    header_len: usize,
    id_columns: &[usize],
    level_columns: &[usize],
) -> Prescan {
    let mut reader = RecordReader::new(text, delimiter);
    let mut ids: Vec<IdValues> = id_columns
        .iter()
        .map(|&column| IdValues {
            column,
            ..IdValues::default()
        })
        .collect();
    let mut non_empty = vec![false; header_len];
    let mut decimals = DecimalVotes::default();
    let mut currencies: Vec<(String, u64)> = Vec::new();
    let price_cols: Vec<usize> = [Field::Price, Field::SalePrice, Field::ListPrice]
        .into_iter()
        .filter_map(|f| mapping.column(f))
        .collect();
    let currency_col = mapping.column(Field::Currency);
    let mut first = true;
    // Per column: its last number while every row's is the one before
    // plus one (a row count), else `None` once a row's is not.
    let mut counting: Vec<Option<Option<u64>>> = vec![Some(None); header_len];
    let mut counted_rows = 0usize;
    let mut pending_numbers: Option<Vec<Option<u64>>> = None;
    // One record behind, so the last (perhaps cut) record can be left out.
    type Row = (
        Vec<usize>,
        Vec<String>,
        Option<String>,
        Vec<String>,
        Vec<String>,
    );
    let mut pending: Option<Row> = None;
    let mut levels: Vec<Vec<String>> = Vec::new();
    let mut take = |row: Row| {
        if !level_columns.is_empty() {
            levels.push(row.4);
        }
        for (v, cell) in ids.iter_mut().zip(row.3) {
            v.rows += 1;
            if !cell.is_empty() {
                v.filled += 1;
                v.values.insert(cell);
            }
        }
        for i in row.0 {
            if let Some(seen) = non_empty.get_mut(i) {
                *seen = true;
            }
        }
        let mut named = row.2;
        for p in row.1 {
            if let Some((parsed, evidence)) = super::price_cell::parse_price_in(&p, None) {
                decimals.add(evidence);
                named = named.or(parsed.currency.map(str::to_string));
            }
        }
        // A currency column names the row's currency first.
        if let Some(c) = named {
            match currencies.iter_mut().find(|(k, _)| *k == c) {
                Some(entry) => entry.1 += 1,
                None => currencies.push((c, 1)),
            }
        }
    };
    while let Ok(Next::Record(_)) = reader.next_record() {
        if first {
            first = false;
            continue;
        }
        let record = reader.record();
        // Counted one record behind too (the last may be cut).
        let numbers: Vec<Option<u64>> = (0..header_len)
            .map(|i| {
                std::str::from_utf8(record.field(i))
                    .ok()
                    .and_then(|c| c.trim().parse::<u64>().ok())
            })
            .collect();
        if let Some(numbers) = pending_numbers.replace(numbers) {
            count_rows(&mut counting, &numbers);
            counted_rows += 1;
        }
        let filled = (0..header_len.min(record.len()))
            .filter(|&i| !record.blank(i))
            .collect();
        let prices = price_cols
            .iter()
            .filter(|&&i| !record.blank(i))
            .map(|&i| String::from_utf8_lossy(record.field(i)).into_owned())
            .collect();
        let currency = currency_col
            .filter(|&i| !record.blank(i))
            .and_then(|i| price::normalize_currency(&String::from_utf8_lossy(record.field(i))));
        let id_cells = id_columns
            .iter()
            .map(|&i| {
                let cell = record.field(i);
                String::from_utf8_lossy(cell).trim().to_string()
            })
            .collect();
        let level_cells = level_columns
            .iter()
            .map(|&i| String::from_utf8_lossy(record.field(i)).trim().to_string())
            .collect();
        if let Some(row) = pending.replace((filled, prices, currency, id_cells, level_cells)) {
            take(row);
        }
    }
    if let Some(row) = pending
        && !truncated
    {
        take(row);
    }
    let mut best: Option<&(String, u64)> = None;
    for entry in &currencies {
        if best.is_none_or(|b| entry.1 > b.1) {
            best = Some(entry);
        }
    }
    let currency = best.map(|(c, _)| c.clone());
    if let Some(numbers) = pending_numbers
        && !truncated
    {
        count_rows(&mut counting, &numbers);
        counted_rows += 1;
    }
    let row_numbers = if counted_rows >= 3 {
        counting
            .iter()
            .enumerate()
            .filter(|(_, state)| state.is_some())
            .map(|(i, _)| i)
            .collect()
    } else {
        Vec::new()
    };
    Prescan {
        non_empty,
        decimals,
        currency,
        ids,
        levels,
        row_numbers,
    }
}

/// One row's numbers against the columns still counting rows: a column
/// stops when its number is not the one before plus one.
fn count_rows(counting: &mut [Option<Option<u64>>], numbers: &[Option<u64>]) {
    for (state, number) in counting.iter_mut().zip(numbers) {
        let Some(last) = *state else { continue };
        *state = match (last, *number) {
            (None, Some(n)) => Some(Some(n)),
            (Some(prev), Some(n)) if prev.checked_add(1) == Some(n) => Some(Some(n)),
            _ => None,
        };
    }
}
