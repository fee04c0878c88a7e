//! [`CatalogReader`]: opens a CSV catalog (encoding, delimiter, header
//! mapping decided from the first 64 KiB), then streams it row by row as
//! `Result<Product, RowError>`, in file order, in bounded memory.

use super::encoding::{self, Counting, Decoding, Detected, SAMPLE_BYTES};
use super::header::{HeaderMapping, Target};
use super::price::{self, DecimalVotes};
use super::records::{MAX_RECORD_BYTES, Next, RecordReader};
use super::value::{clean_long, clean_short, parse_rating, parse_stock};
use super::{Field, Product, RowError, RowErrorKind, sniff};
use crate::{Error, Result};
use rustc_hash::FxHashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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
/// FIELD is a field name (`image_url`) or a synonym (`colour`, `preço`).
pub fn parse_map_arg(arg: &str) -> Result<(Field, String)> {
    let (field, column) = arg
        .split_once('=')
        .ok_or_else(|| Error::Config(format!("--map {arg}: expected FIELD=COLUMN")))?;
    let field = super::header::field_named(field).ok_or_else(|| {
        let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        Error::Config(format!(
            "--map {arg}: unknown field {:?}; the fields are {}",
            field.trim(),
            names.join(", ")
        ))
    })?;
    Ok((field, column.trim().to_string()))
}

/// What each column does with its cell, decided once from the mapping.
#[derive(Debug, Clone)]
enum Slot {
    Field(Field),
    Extra(String),
    Ignored,
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
    utf8_input: bool,
    mapping: HeaderMapping,
    slots: Vec<Slot>,
    header_len: usize,
    /// Fields a row needs: the header less its trailing unnamed columns.
    required_len: usize,
    encoding: &'static str,
    delimiter: u8,
    bytes_read: Arc<AtomicU64>,
    total_bytes: u64,
    default_currency: Option<String>,
    sample_currency: Option<String>,
    currencies: Vec<(String, u64)>,
    decimals: DecimalVotes,
    ids: FxHashMap<Box<str>, u64>,
    done: bool,
}

impl std::fmt::Debug for CatalogReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CatalogReader")
            .field("encoding", &self.encoding)
            .field("delimiter", &(self.delimiter as char))
            .field("mapping", &self.mapping)
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
    /// or not text, has no header, has no column that maps to the title, or
    /// when an option is invalid (unknown encoding, `--map` naming no column).
    /// A header with no rows is fine.
    pub fn open(path: &Path, opts: &ReadOptions) -> Result<CatalogReader> {
        let catalog_error = |message: String| Error::Catalog {
            path: path.to_path_buf(),
            message,
        };
        let forced = match &opts.encoding {
            Some(name) => Some(
                encoding_rs::Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
                    Error::Config(format!(
                        "unknown encoding {name:?} (try utf-8, latin1, windows-1252)"
                    ))
                })?,
            ),
            None => None,
        };
        if let Some(d) = opts.delimiter
            && (d == b'"' || d == b'\n' || d == b'\r')
        {
            return Err(Error::Config(format!(
                "the delimiter cannot be {:?}",
                d as char
            )));
        }

        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(catalog_error("is a directory, not a CSV file".into()));
        }
        let total_bytes = meta.len();
        let bytes_read = Arc::new(AtomicU64::new(0));
        let mut file = Counting::new(file, Arc::clone(&bytes_read));
        let sample = read_sample(&mut file, path)?;
        if sample.is_empty() {
            return Err(catalog_error("the file is empty".into()));
        }
        let truncated = sample.len() == SAMPLE_BYTES;
        let detected = encoding::detect(&sample, truncated, forced).map_err(|_| {
            catalog_error(
                "does not look like a CSV text file (it contains NUL bytes); \
                 if it is UTF-16 or another encoding, say so with --encoding"
                    .into(),
            )
        })?;
        let text = encoding::decode_sample(&sample, &detected);
        let delimiter = opts
            .delimiter
            .unwrap_or_else(|| sniff::sniff_delimiter(&text, truncated));

        let mut records = RecordReader::new(stream(sample, file, &detected), delimiter);
        let headers = match records.next_record() {
            Ok(Next::Record(_)) => (0..records.len())
                .map(|i| encoding::field_text(records.field(i)).trim().to_string())
                .collect::<Vec<_>>(),
            Ok(Next::TooLong { .. }) => {
                return Err(catalog_error(format!(
                    "the header is longer than {} KiB: not a CSV file, or an unbalanced quote",
                    MAX_RECORD_BYTES / 1024
                )));
            }
            Ok(Next::End) => return Err(catalog_error("no header line: the file is blank".into())),
            Err(e) => return Err(Error::io(path, e)),
        };
        let mut mapping = HeaderMapping::new(&headers, &opts.map)?;
        if mapping.column(Field::Title).is_none() {
            return Err(catalog_error(format!(
                "no column maps to the title (the columns are {}); name it with --map title=COLUMN",
                headers
                    .iter()
                    .map(|h| format!("{h:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }

        let slots: Vec<Slot> = mapping
            .columns()
            .iter()
            .map(|c| match &c.target {
                Target::Field(f) => Slot::Field(*f),
                Target::Extra(key) => Slot::Extra(key.clone()),
                Target::Ignored => Slot::Ignored,
            })
            .collect();
        let header_len = headers.len();
        let required_len = headers
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1);
        let default_currency = opts
            .default_currency
            .as_deref()
            .map(|c| price::normalize_currency(c).unwrap_or_else(|| c.trim().to_uppercase()))
            .filter(|c| !c.is_empty());

        let prescan = prescan(&text, truncated, delimiter, &mapping, header_len);
        mapping.set_empty_in_sample(&prescan.non_empty);

        Ok(CatalogReader {
            records,
            utf8_input: detected.encoding == encoding_rs::UTF_8,
            mapping,
            slots,
            header_len,
            required_len,
            encoding: detected.label,
            delimiter,
            bytes_read,
            total_bytes,
            default_currency,
            sample_currency: prescan.currency,
            currencies: Vec::new(),
            decimals: prescan.decimals,
            ids: FxHashMap::default(),
            done: false,
        })
    }

    /// Which column went where. `Display` prints it as a table.
    pub fn mapping(&self) -> &HeaderMapping {
        &self.mapping
    }

    /// The encoding read: `UTF-8`, `UTF-8 (BOM)`, `windows-1252`, `UTF-16LE (BOM)`...
    pub fn encoding(&self) -> &'static str {
        self.encoding
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

    /// The catalog's currency as known so far: the most common one the rows
    /// have named (currency column or price symbols), else the one seen in
    /// the file's first rows, else the price header's (`Price (INR)`), else
    /// the default currency option.
    pub fn currency(&self) -> Option<String> {
        let mut best: Option<&(String, u64)> = None;
        for entry in &self.currencies {
            if best.is_none_or(|b| entry.1 > b.1) {
                best = Some(entry);
            }
        }
        best.map(|(c, _)| c.clone())
            .or_else(|| self.sample_currency.clone())
            .or_else(|| self.mapping.header_currency().map(str::to_string))
            .or_else(|| self.default_currency.clone())
    }

    /// The text of field `i` of the current record.
    fn cell(&self, i: Option<usize>) -> std::borrow::Cow<'_, str> {
        match i {
            Some(i) => self.text(self.records.field(i)),
            None => std::borrow::Cow::Borrowed(""),
        }
    }

    fn text<'a>(&self, bytes: &'a [u8]) -> std::borrow::Cow<'a, str> {
        if self.utf8_input {
            encoding::field_text(bytes)
        } else {
            // The decoder already produced UTF-8.
            String::from_utf8_lossy(bytes)
        }
    }

    /// True when every field of the current record is blank.
    fn blank_record(&self) -> bool {
        (0..self.records.len()).all(|i| self.records.field(i).iter().all(u8::is_ascii_whitespace))
    }

    /// Validates the current record and builds its product.
    fn row(&mut self, line: u64) -> std::result::Result<Product, RowError> {
        let found = self.records.len();
        let id_col = self.mapping.column(Field::Id);
        let raw_id = clean_short(&self.cell(id_col));
        let id_opt = (!raw_id.is_empty()).then(|| raw_id.clone());
        let fail = |kind| RowError {
            line,
            id: id_opt.clone(),
            kind,
        };

        let surplus_used = (self.header_len..found)
            .any(|i| !self.records.field(i).iter().all(u8::is_ascii_whitespace));
        if found < self.required_len || surplus_used {
            return Err(fail(RowErrorKind::WrongColumnCount {
                expected: self.header_len,
                found,
            }));
        }

        let title = clean_short(&self.cell(self.mapping.column(Field::Title)));
        if title.is_empty() {
            return Err(fail(RowErrorKind::MissingTitle));
        }

        let price_text = self.cell(self.mapping.column(Field::Price));
        let price_text = price_text.trim();
        let mut price = None;
        let mut price_currency = None;
        if !price_text.is_empty() {
            let parsed = price::parse_price_in(price_text, self.decimals.decimal());
            let Some((parsed, evidence)) = parsed else {
                return Err(fail(RowErrorKind::UnparsablePrice(price_text.to_string())));
            };
            if parsed.amount < 0.0 {
                return Err(fail(RowErrorKind::NegativePrice));
            }
            self.decimals.add(evidence);
            price = Some(parsed.amount);
            price_currency = parsed.currency;
        }

        let id = if raw_id.is_empty() {
            format!("line-{line}")
        } else {
            raw_id
        };
        if let Some(&first) = self.ids.get(id.as_str()) {
            return Err(fail(RowErrorKind::DuplicateId(first)));
        }
        self.ids.insert(id.clone().into_boxed_str(), line);

        let mut product = Product {
            id,
            title,
            price,
            ..Product::default()
        };
        let mut row_currency = None;
        for (i, slot) in self.slots.iter().enumerate().take(found) {
            let bytes = self.records.field(i);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let cell = self.text(bytes);
            let short = || Some(clean_short(&cell)).filter(|s| !s.is_empty());
            match slot {
                Slot::Field(Field::Id | Field::Title | Field::Price) | Slot::Ignored => {}
                Slot::Field(Field::Description) => product.description = clean_long(&cell),
                Slot::Field(Field::Brand) => product.brand = short(),
                Slot::Field(Field::Category) => product.category = short(),
                Slot::Field(Field::Currency) => row_currency = price::normalize_currency(&cell),
                Slot::Field(Field::Color) => product.color = short(),
                Slot::Field(Field::Size) => product.size = short(),
                Slot::Field(Field::Gender) => product.gender = short(),
                Slot::Field(Field::Material) => product.material = short(),
                Slot::Field(Field::Rating) => product.rating = parse_rating(&cell),
                Slot::Field(Field::Stock) => product.stock = parse_stock(&cell),
                Slot::Field(Field::Url) => product.url = short(),
                Slot::Field(Field::ImageUrl) => product.image_url = short(),
                Slot::Extra(key) => {
                    let value = clean_long(&cell);
                    if !value.is_empty() {
                        product.extra.insert(key.clone(), value);
                    }
                }
            }
        }

        let detected = row_currency
            .or_else(|| price_currency.map(str::to_string))
            .or_else(|| self.mapping.header_currency().map(str::to_string));
        if let Some(c) = &detected {
            match self.currencies.iter_mut().find(|(k, _)| k == c) {
                Some(entry) => entry.1 += 1,
                None => self.currencies.push((c.clone(), 1)),
            }
        }
        product.currency = detected.or_else(|| self.default_currency.clone());
        Ok(product)
    }
}

impl Iterator for CatalogReader {
    type Item = std::result::Result<Product, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.records.next_record() {
                Ok(Next::Record(line)) => {
                    if self.blank_record() {
                        continue;
                    }
                    return Some(self.row(line));
                }
                Ok(Next::TooLong { line, end_line }) => {
                    return Some(Err(RowError {
                        line,
                        id: None,
                        kind: RowErrorKind::RecordTooLong {
                            end_line,
                            max_bytes: MAX_RECORD_BYTES,
                        },
                    }));
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

/// The whole file as a UTF-8 (or UTF-8-compatible) stream: the sample
/// already read, then the rest, decoded when the encoding is not UTF-8.
fn stream(sample: Vec<u8>, rest: Counting<File>, detected: &Detected) -> Box<dyn BufRead + Send> {
    let mut head = Cursor::new(sample);
    head.set_position(detected.bom_len as u64);
    let raw = head.chain(rest);
    if detected.encoding == encoding_rs::UTF_8 {
        Box::new(BufReader::with_capacity(64 * 1024, raw))
    } else {
        Box::new(Decoding::new(raw, detected.encoding))
    }
}

/// What the first rows tell before streaming starts.
struct Prescan {
    /// Per column: has a non-blank value in some row of the sample.
    non_empty: Vec<bool>,
    /// The price column's decimal separator, from its clear values.
    decimals: DecimalVotes,
    /// The most common currency of the sample's prices.
    currency: Option<String>,
}

/// Reads the records of the decoded sample (the last one too only when the
/// sample is the whole file) for the price convention, the currency and
/// which columns are empty.
fn prescan(
    text: &str,
    truncated: bool,
    delimiter: u8,
    mapping: &HeaderMapping,
    header_len: usize,
) -> Prescan {
    let mut reader = RecordReader::new(text.as_bytes(), delimiter);
    let mut non_empty = vec![false; header_len];
    let mut decimals = DecimalVotes::default();
    let mut currencies: Vec<(&'static str, u64)> = Vec::new();
    let price_col = mapping.column(Field::Price);
    let mut first = true;
    // One record behind, so the last (perhaps cut) record can be left out.
    let mut pending: Option<(Vec<bool>, Option<String>)> = None;
    let mut take = |row: (Vec<bool>, Option<String>)| {
        for (seen, filled) in non_empty.iter_mut().zip(&row.0) {
            *seen |= filled;
        }
        if let Some(p) = row.1
            && let Some((parsed, evidence)) = price::parse_price_in(&p, None)
        {
            decimals.add(evidence);
            if let Some(c) = parsed.currency {
                match currencies.iter_mut().find(|(k, _)| *k == c) {
                    Some(entry) => entry.1 += 1,
                    None => currencies.push((c, 1)),
                }
            }
        }
    };
    while let Ok(Next::Record(_)) = reader.next_record() {
        if first {
            first = false;
            continue;
        }
        let filled = (0..header_len)
            .map(|i| !reader.field(i).iter().all(u8::is_ascii_whitespace))
            .collect();
        let price = price_col.map(|i| String::from_utf8_lossy(reader.field(i)).into_owned());
        if let Some(row) = pending.replace((filled, price)) {
            take(row);
        }
    }
    if let Some(row) = pending
        && !truncated
    {
        take(row);
    }
    let mut best: Option<(&'static str, u64)> = None;
    for &(c, n) in &currencies {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((c, n));
        }
    }
    Prescan {
        non_empty,
        decimals,
        currency: best.map(|(c, _)| c.to_string()),
    }
}
