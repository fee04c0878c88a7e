//! A deterministic generator of realistic product catalogs, for benchmarks
//! and load tests (`vitrine gen`).
//!
//! The same [`GenOptions`] give the same bytes on any machine: the module
//! carries its own PRNG (xoshiro256**, see `rng.rs`) and never calls the
//! platform's floating-point library functions. What a catalog looks like:
//!
//! - ~300 brands per catalog: well-known names plus pronounceable generated
//!   ones ("Velora", "Brastin Home"), each selling in one department, drawn
//!   with a Zipf-like long tail so a few brands dominate;
//! - 65 product types (t-shirts to wall clocks) with titles in store style,
//!   `Brand Audience Colour Descriptors Type` in English
//!   ("Roadster Men Black Slim Fit Casual Shirt") and
//!   `Type Brand Descriptors Audience Colour` in Portuguese, with gender
//!   agreement ("Camisa Reserva Slim Masculina Preta");
//! - log-normal prices around a per-type median, scaled by a per-brand tier,
//!   ending in .99/.49/.00 (`R$ …,90` in Portuguese);
//! - ratings skewed towards 4–4.5, stock with some zeros, descriptions of
//!   150–400 characters composed from templates;
//! - `messy_percent` of rows with one defect each: stray spaces, a missing
//!   title, an unparsable price, a duplicate id, or a wrong column count.
//!
//! English output is comma-separated UTF-8 with LF line ends and prices in
//! USD (`currency` column). Portuguese output is what a Brazilian spreadsheet
//! exports: UTF-8 with BOM, `;`, CRLF, decimal comma, `R$ 1.299,90`, and the
//! Portuguese header of `catalog/demo-pt.csv` (no currency column).
//!
//! Depends on nothing in the crate besides [`Lang`] and the error type.
//!
//! Files: `catalog.rs` draws a product (brands, types, title, category),
//! `values.rs` formats cell values (id, price, rating, stock, size),
//! `describe.rs` writes descriptions, `messy.rs` injects defects, `row.rs`
//! writes CSV rows, `rng.rs` is the PRNG and `tables/` holds the word data.

mod catalog;
mod describe;
mod messy;
mod rng;
mod row;
mod tables;
mod values;

use crate::error::{Error, Result};
use crate::model::Lang;
use catalog::Catalog;
use messy::mess_up;
use rng::{Rng, splitmix64};
use row::{Columns, Row, Style};
use std::io::Write;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct GenOptions {
    /// Number of data rows (the header is not counted).
    pub rows: u64,
    /// Seed: the whole output is a function of the options.
    pub seed: u64,
    /// English (comma, USD) or Brazilian Portuguese (`;`, decimal comma, R$).
    pub lang: Lang,
    /// Share of rows, in percent (0–100), that carry one deliberate defect.
    pub messy_percent: f64,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions {
            rows: 1000,
            seed: 42,
            lang: Lang::En,
            messy_percent: 2.0,
        }
    }
}

/// How many messy rows of each kind were written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MessyCounts {
    /// Leading, trailing or doubled spaces in title, brand and colour.
    pub stray_spaces: u64,
    /// An empty title.
    pub missing_title: u64,
    /// A price that is not a number ("N/A", "12..99", "consulte").
    pub bad_price: u64,
    /// An id already used by an earlier row.
    pub duplicate_id: u64,
    /// One or two columns too few, or one too many.
    pub wrong_columns: u64,
}

impl MessyCounts {
    /// All messy rows.
    pub fn total(&self) -> u64 {
        self.stray_spaces
            + self.missing_title
            + self.bad_price
            + self.duplicate_id
            + self.wrong_columns
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct GenSummary {
    /// Data rows written (messy ones included).
    pub rows: u64,
    /// Messy rows by kind.
    pub messy: MessyCounts,
    /// Distinct brands the catalog draws from.
    pub brands: usize,
    /// Bytes written, header and BOM included.
    pub bytes: u64,
}

/// Writes a catalog of `opts.rows` products, header first, to `out`.
///
/// Output is buffered here; pass a raw `File` or `StdoutLock`.
///
/// ```
/// let opts = vitrine::GenOptions { rows: 3, ..Default::default() };
/// let mut csv = Vec::new();
/// let summary = vitrine::generate(&opts, &mut csv).unwrap();
/// assert_eq!(summary.rows, 3);
/// assert!(csv.starts_with(b"id,title,description,brand,category,price,currency,"));
/// ```
pub fn generate(opts: &GenOptions, out: &mut impl Write) -> Result<GenSummary> {
    if !(0.0..=100.0).contains(&opts.messy_percent) {
        return Err(Error::Config(crate::error::ConfigReason::MessyPercent {
            value: opts.messy_percent,
        }));
    }
    let catalog = Catalog::new(opts.seed);
    let style = Style::for_lang(opts.lang);
    let mut out = CountingWriter {
        inner: std::io::BufWriter::with_capacity(1 << 17, out),
        bytes: 0,
    };
    let io = |e| Error::io("<output>", e);

    let mut line = String::with_capacity(1024);
    if style.pt {
        line.push('\u{feff}');
    }
    line.push_str(style.header);
    line.push_str(style.eol);
    out.write_all(line.as_bytes()).map_err(io)?;

    // Three independent streams, so the clean content of row i does not
    // depend on the messy percentage.
    let mut mix = opts.seed ^ 0x5EED_CA7A_1060_0000;
    let mut rng = Rng::new(splitmix64(&mut mix));
    let mut mess_rng = Rng::new(splitmix64(&mut mix));
    let mut row = Row::default();
    let mut messy = MessyCounts::default();
    let p_messy = opts.messy_percent / 100.0;
    for i in 0..opts.rows {
        catalog.fill(&mut row, i, &style, &mut rng);
        let extra = if mess_rng.chance(p_messy) {
            mess_up(&mut row, i, &style, &mut mess_rng, &mut messy)
        } else {
            Columns::Exact
        };
        line.clear();
        row.write(&mut line, &style, extra);
        out.write_all(line.as_bytes()).map_err(io)?;
    }
    out.inner.flush().map_err(io)?;
    Ok(GenSummary {
        rows: opts.rows,
        messy,
        brands: catalog.brand_count(),
        bytes: out.bytes,
    })
}

/// Counts what goes through to the buffered writer.
struct CountingWriter<W: Write> {
    inner: std::io::BufWriter<W>,
    bytes: u64,
}

impl<W: Write> CountingWriter<W> {
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.bytes += buf.len() as u64;
        self.inner.write_all(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn run(rows: u64, seed: u64, lang: Lang, messy_percent: f64) -> (Vec<u8>, GenSummary) {
        let opts = GenOptions {
            rows,
            seed,
            lang,
            messy_percent,
        };
        let mut out = Vec::new();
        let summary = generate(&opts, &mut out).unwrap();
        assert_eq!(summary.bytes, out.len() as u64);
        (out, summary)
    }

    fn records(bytes: &[u8], delimiter: u8) -> (csv::StringRecord, Vec<csv::StringRecord>) {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(bytes);
        let header = reader.headers().unwrap().clone();
        let rows = reader.records().map(|r| r.unwrap()).collect();
        (header, rows)
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let (a, _) = run(500, 7, Lang::En, 2.0);
        let (b, _) = run(500, 7, Lang::En, 2.0);
        let (c, _) = run(500, 8, Lang::En, 2.0);
        assert_eq!(a, b);
        assert_ne!(a, c);
        let (p, _) = run(500, 7, Lang::Pt, 2.0);
        let (q, _) = run(500, 7, Lang::Pt, 2.0);
        assert_eq!(p, q);
    }

    #[test]
    fn pinned_output_does_not_drift() {
        // A fingerprint of seed 1: if this changes, benchmark catalogs
        // changed; update it only on purpose.
        let (bytes, _) = run(200, 1, Lang::En, 2.0);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in &bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
        let text = String::from_utf8(bytes).unwrap();
        let second = text.lines().nth(1).unwrap();
        assert!(second.starts_with("SKU00000001,"), "{second}");
        assert_eq!(h, PINNED_FNV, "output of seed 1 changed");
    }

    const PINNED_FNV: u64 = 11_115_102_096_057_631_889;

    #[test]
    fn english_has_header_rows_and_columns() {
        let (bytes, summary) = run(2000, 3, Lang::En, 0.0);
        let (header, rows) = records(&bytes, b',');
        assert_eq!(header.len(), 15);
        assert_eq!(&header[0], "id");
        assert_eq!(&header[14], "image_url");
        assert_eq!(rows.len(), 2000);
        assert_eq!(summary.messy.total(), 0);
        let mut ids = HashSet::new();
        for r in &rows {
            assert_eq!(r.len(), 15, "{r:?}");
            assert!(ids.insert(r[0].to_string()));
            assert!(!r[1].is_empty());
            let price: f64 = r[5].parse().unwrap();
            assert!(
                price > 0.0 && r[5].split('.').nth(1).map(str::len) == Some(2),
                "{}",
                &r[5]
            );
            assert_eq!(&r[6], "USD");
            let len = r[2].chars().count();
            assert!((150..=400).contains(&len), "{len}: {}", &r[2]);
            if !r[11].is_empty() {
                let rating: f64 = r[11].parse().unwrap();
                assert!((1.0..=5.0).contains(&rating));
            }
            r[12].parse::<u32>().unwrap();
        }
        let brands: HashSet<&str> = rows.iter().map(|r| r.get(3).unwrap()).collect();
        assert!(brands.len() > 150, "{} brands", brands.len());
        assert!(summary.brands >= 250);
    }

    #[test]
    fn portuguese_uses_semicolons_bom_crlf_and_decimal_comma() {
        let (bytes, _) = run(1000, 5, Lang::Pt, 0.0);
        assert!(bytes.starts_with("\u{feff}código;nome;".as_bytes()));
        let text = std::str::from_utf8(&bytes).unwrap();
        assert_eq!(text.matches("\r\n").count(), 1001);
        let (header, rows) = records(&bytes, b';');
        assert_eq!(header.len(), 14);
        assert_eq!(&header[5], "preço");
        for r in &rows {
            assert_eq!(r.len(), 14);
            let price = &r[5];
            assert!(price.starts_with("R$ "), "{price}");
            let (_, cents) = price.rsplit_once(',').unwrap();
            assert_eq!(cents.len(), 2, "{price}");
            assert!(r[10].is_empty() || r[10].contains(','), "{}", &r[10]);
            let len = r[2].chars().count();
            assert!((150..=400).contains(&len), "{len}: {}", &r[2]);
        }
        assert!(
            rows.iter().any(|r| r[5].contains('.')),
            "some prices over R$ 1.000"
        );
    }

    #[test]
    fn messy_rows_are_roughly_the_requested_share() {
        let (bytes, summary) = run(20_000, 11, Lang::En, 10.0);
        let total = summary.messy.total();
        assert!((1_700..=2_300).contains(&total), "{total} messy rows");
        let m = summary.messy;
        for kind in [
            m.stray_spaces,
            m.missing_title,
            m.bad_price,
            m.duplicate_id,
            m.wrong_columns,
        ] {
            assert!(kind > 250, "{m:?}");
        }
        let (_, rows) = records(&bytes, b',');
        let wrong = rows.iter().filter(|r| r.len() != 15).count() as u64;
        assert_eq!(wrong, m.wrong_columns);
        let untitled = rows
            .iter()
            .filter(|r| r.len() > 1 && r[1].is_empty())
            .count() as u64;
        assert_eq!(untitled, m.missing_title);
        // A duplicate id is an earlier row's number in place of this row's own.
        let moved = (1..)
            .zip(&rows)
            .filter(|(n, r)| r[0] != format!("SKU{n:08}"))
            .count() as u64;
        assert_eq!(moved, m.duplicate_id);
    }

    #[test]
    fn clean_content_does_not_depend_on_messy_percent() {
        let (clean, _) = run(300, 9, Lang::En, 0.0);
        let (messy, _) = run(300, 9, Lang::En, 50.0);
        let clean = String::from_utf8(clean).unwrap();
        let messy = String::from_utf8(messy).unwrap();
        let same = clean
            .lines()
            .zip(messy.lines())
            .filter(|(a, b)| a == b)
            .count();
        assert!(same > 100 && same < 300, "{same}");
    }

    #[test]
    fn titles_read_like_store_titles() {
        let (bytes, _) = run(300, 2, Lang::En, 0.0);
        let (_, rows) = records(&bytes, b',');
        let r = &rows[0];
        // Brand first; colour in the title matches the colour column.
        assert!(r[1].starts_with(&r[3]), "{r:?}");
        assert!(r[1].contains(&r[7]), "{r:?}");
        let (bytes, _) = run(300, 2, Lang::Pt, 0.0);
        let (_, rows) = records(&bytes, b';');
        assert!(rows.iter().any(|r| r[1].ends_with(" Preta")));
        assert!(rows.iter().any(|r| r[1].ends_with(" Preto")));
    }

    #[test]
    fn rejects_messy_percent_out_of_range() {
        let opts = GenOptions {
            messy_percent: 101.0,
            ..Default::default()
        };
        assert!(generate(&opts, &mut Vec::new()).is_err());
    }
}
