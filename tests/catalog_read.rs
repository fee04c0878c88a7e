//! Reading catalogs of every shape: encodings, delimiters, quoting, bad
//! rows with their line numbers, and the real myntra catalog when present.
//! Fixtures are written by `tests/fixtures/csv/make_fixtures.py`.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use vitrine::catalog::{
    CatalogReader, Field, Product, ReadOptions, RowError, RowErrorKind, Target, parse_map_arg,
    parse_price,
};
#[path = "common/datasets.rs"]
mod datasets;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

fn open(name: &str) -> CatalogReader {
    open_with(name, &ReadOptions::default())
}

fn open_with(name: &str, opts: &ReadOptions) -> CatalogReader {
    match CatalogReader::open(&fixture(name), opts) {
        Ok(r) => r,
        Err(e) => panic!("{name}: {e}"),
    }
}

fn read_all(reader: CatalogReader) -> (Vec<Product>, Vec<RowError>) {
    let mut products = Vec::new();
    let mut errors = Vec::new();
    for row in reader {
        match row {
            Ok(p) => products.push(p),
            Err(e) => errors.push(e),
        }
    }
    (products, errors)
}

fn read(name: &str) -> (Vec<Product>, Vec<RowError>) {
    read_all(open(name))
}

fn ids(products: &[Product]) -> Vec<&str> {
    products.iter().map(|p| p.id.as_str()).collect()
}

fn titles(products: &[Product]) -> Vec<&str> {
    products.iter().map(|p| p.title.as_str()).collect()
}

fn prices(products: &[Product]) -> Vec<Option<f64>> {
    products.iter().map(|p| p.price).collect()
}

#[test]
fn utf8_with_bom() {
    let reader = open("utf8_bom.csv");
    assert_eq!(reader.encoding(), "UTF-8 (BOM)");
    assert_eq!(reader.delimiter(), b',');
    // The BOM does not stick to the first header.
    assert_eq!(reader.mapping().column(Field::Id), Some(0));
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["B1", "B2"]);
    assert_eq!(titles(&products), ["Camiseta Básica", "Tênis"]);
    assert_eq!(prices(&products), [Some(10.0), Some(20.0)]);
}

#[test]
fn windows_1252_is_detected_and_decoded() {
    let reader = open("windows1252.csv");
    assert_eq!(reader.encoding(), "windows-1252");
    assert_eq!(reader.mapping().column(Field::Id), Some(0));
    assert_eq!(reader.mapping().column(Field::Price), Some(2));
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["W1", "W2", "W3"]);
    assert_eq!(
        titles(&products),
        ["Calça Jeans", "Tênis Corrida", "Moletom Açaí"]
    );
    assert_eq!(prices(&products), [Some(129.9), Some(299.0), Some(89.9)]);
    assert_eq!(products[2].color.as_deref(), Some("Marrom"));
}

#[test]
fn encoding_can_be_forced() {
    let opts = ReadOptions {
        encoding: Some("latin1".into()),
        ..ReadOptions::default()
    };
    let reader = open_with("windows1252.csv", &opts);
    assert_eq!(reader.encoding(), "windows-1252");
    let (products, _) = read_all(reader);
    assert_eq!(products[0].title, "Calça Jeans");

    let bad = ReadOptions {
        encoding: Some("klingon".into()),
        ..ReadOptions::default()
    };
    let err = CatalogReader::open(&fixture("windows1252.csv"), &bad).map(|_| ());
    assert!(
        matches!(
            &err,
            Err(vitrine::Error::Config(vitrine::ConfigReason::UnknownEncoding { name }))
                if name == "klingon"
        ),
        "{err:?}"
    );
}

#[test]
fn utf16_with_bom() {
    let reader = open("utf16le_bom.csv");
    assert_eq!(reader.encoding(), "UTF-16LE (BOM)");
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["U1"]);
    assert_eq!(titles(&products), ["Calça"]);
}

#[test]
fn semicolons_decimal_comma_and_reais() {
    let reader = open("semicolon_brl.csv");
    assert_eq!(reader.delimiter(), b';');
    assert_eq!(reader.encoding(), "UTF-8");
    // Known from the first rows, before any is read.
    assert_eq!(reader.currency().as_deref(), Some("BRL"));
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["P1", "P2", "P3", "P4"]);
    // `1.299` in a decimal-comma column is 1299.
    assert_eq!(
        prices(&products),
        [Some(1299.9), Some(49.9), Some(1299.0), Some(9.9)]
    );
    let currencies: Vec<_> = products.iter().map(|p| p.currency.as_deref()).collect();
    assert_eq!(currencies, [Some("BRL"), Some("BRL"), None, Some("BRL")]);
    assert_eq!(products[0].brand.as_deref(), Some("Levi's"));
    assert_eq!(products[2].category.as_deref(), Some("Calçados"));
}

#[test]
fn tab_delimited() {
    let reader = open("tab.tsv");
    assert_eq!(reader.delimiter(), b'\t');
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["T1", "T2"]);
    assert_eq!(titles(&products), ["Shirt, blue", "Jeans \"Slim\""]);
    assert_eq!(prices(&products), [Some(19.99), Some(1299.0)]);
    assert_eq!(products[0].color.as_deref(), Some("Navy"));
    assert_eq!(products[0].rating, Some(4.5));
    assert_eq!(products[1].rating, Some(4.5));
    assert_eq!(products[0].currency, None);
    assert_eq!(products[1].currency.as_deref(), Some("USD"));
}

#[test]
fn pipe_delimited() {
    let reader = open("pipe.csv");
    assert_eq!(reader.delimiter(), b'|');
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["X1", "X2"]);
    assert_eq!(titles(&products), ["Mug, large", "Plate; flat"]);
    assert_eq!(prices(&products), [Some(12.5), Some(8.5)]);
    assert_eq!(products[0].stock, Some(1200));
    assert_eq!(products[1].currency.as_deref(), Some("EUR"));
}

#[test]
fn quoted_newlines_keep_line_numbers_right() {
    let (products, errors) = read("quoted_newlines.csv");
    assert_eq!(ids(&products), ["Q1", "Q3"]);
    assert_eq!(
        products[0].description,
        "Line one\n\nLine two, with \"quotes\""
    );
    assert_eq!(
        errors,
        [RowError {
            line: 5,
            id: Some("Q2".into()),
            kind: RowErrorKind::UnparsablePrice("abc".into()),
        }]
    );
    assert_eq!(errors[0].to_string(), "line 5: unparsable price \"abc\"");
}

#[test]
fn crlf_and_blank_lines() {
    let (products, errors) = read("crlf.csv");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["C1", "C2", "C3"]);
    assert_eq!(prices(&products), [Some(1299.0), Some(899.0), Some(499.0)]);
    assert_eq!(products[2].gender.as_deref(), Some("Women"));
    assert!(products.iter().all(|p| !p.title.contains('\r')));
}

#[test]
fn trailing_empty_columns() {
    let reader = open("trailing_columns.csv");
    let last = reader.mapping().columns().last().map(|c| c.target.clone());
    assert_eq!(last, Some(Target::Ignored));
    assert!(
        reader
            .mapping()
            .to_string()
            .contains("(unnamed column 5, empty) -> ignored")
    );
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&products), ["1", "2", "3"]);
    let colors: Vec<_> = products.iter().map(|p| p.color.as_deref()).collect();
    assert_eq!(colors, [Some("Black"), None, Some("Red")]);
    assert!(products.iter().all(|p| p.extra.is_empty()));
}

#[test]
fn bad_rows_are_reported_with_lines_and_good_rows_kept() {
    let (products, errors) = read("bad_rows.csv");
    assert_eq!(ids(&products), ["1", "7", "line-12", "8", "9"]);
    assert_eq!(products[3].title, "Multi line title");
    assert_eq!(products[4].price, None);
    let got: Vec<_> = errors
        .iter()
        .map(|e| (e.line, e.id.as_deref(), e.kind.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (3, Some("2"), RowErrorKind::MissingTitle),
            (4, None, RowErrorKind::MissingTitle),
            (5, Some("3"), RowErrorKind::UnparsablePrice("abc".into())),
            (6, Some("4"), RowErrorKind::NegativePrice),
            (7, Some("1"), RowErrorKind::DuplicateId(2)),
            (
                8,
                Some("5"),
                RowErrorKind::WrongColumnCount {
                    expected: 4,
                    found: 3
                }
            ),
            (
                9,
                Some("6"),
                RowErrorKind::WrongColumnCount {
                    expected: 4,
                    found: 5
                }
            ),
            (15, Some("8"), RowErrorKind::DuplicateId(13)),
        ]
    );
}

#[test]
fn map_overrides_and_their_errors() {
    let opts = ReadOptions {
        map: vec![
            parse_map_arg("title=brand").unwrap_or_else(|e| panic!("{e}")),
            parse_map_arg("brand=2").unwrap_or_else(|e| panic!("{e}")),
        ],
        ..ReadOptions::default()
    };
    let (products, _) = read_all(open_with("bad_rows.csv", &opts));
    assert_eq!(products[0].title, "Acme");
    assert_eq!(products[0].brand.as_deref(), Some("Good One"));

    assert!(matches!(parse_map_arg("colour= Cor "), Ok((Field::Color, c)) if c == "Cor"));
    assert!(matches!(
        parse_map_arg("image-url=3"),
        Ok((Field::ImageUrl, _))
    ));
    assert!(parse_map_arg("flavour=x").is_err());
    assert!(parse_map_arg("title").is_err());
    let opts = ReadOptions {
        map: vec![(Field::Title, "nope".into())],
        ..ReadOptions::default()
    };
    assert!(CatalogReader::open(&fixture("bad_rows.csv"), &opts).is_err());
}

#[test]
fn default_currency_fills_rows_without_one() {
    let opts = ReadOptions {
        default_currency: Some("inr".into()),
        ..ReadOptions::default()
    };
    let reader = open_with("crlf.csv", &opts);
    assert_eq!(reader.currency().as_deref(), Some("INR"));
    let (products, _) = read_all(reader);
    assert!(
        products
            .iter()
            .all(|p| p.currency.as_deref() == Some("INR"))
    );
}

#[test]
fn open_errors_are_clear() {
    let err = |name: &str| match CatalogReader::open(&fixture(name), &ReadOptions::default()) {
        Ok(_) => panic!("{name} opened"),
        Err(e) => e.to_string(),
    };
    assert!(
        err("no_title.csv").contains("title"),
        "{}",
        err("no_title.csv")
    );
    assert!(err("empty.csv").contains("empty"));
    assert!(err("missing.csv").contains("missing.csv"));
    assert!(err("").contains("directory"));
    // A header alone is a catalog with no rows.
    let (products, errors) = read("header_only.csv");
    assert!(products.is_empty() && errors.is_empty());
}

#[test]
fn binary_files_are_refused() {
    let path = temp_file("binary", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    let result = CatalogReader::open(&path, &ReadOptions::default());
    let _ = std::fs::remove_file(&path);
    match result {
        Err(e) => assert!(e.to_string().contains("NUL"), "{e}"),
        Ok(_) => panic!("binary file opened"),
    }
}

fn temp_file(tag: &str, bytes: &[u8]) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "vitrine-catalog-{tag}-{}-{n}.csv",
        std::process::id()
    ));
    if let Err(e) = std::fs::write(&path, bytes) {
        panic!("{}: {e}", path.display());
    }
    path
}

/// The real myntra catalog, kept outside the repository.
fn myntra() -> Option<PathBuf> {
    datasets::dataset("myntra/products.csv")
}

#[test]
fn myntra_catalog_reads_whole_and_clean() {
    let Some(path) = myntra() else { return };
    let reader = match CatalogReader::open(&path, &ReadOptions::default()) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let mapping = reader.mapping();
    assert_eq!(mapping.column(Field::Id), Some(0));
    assert_eq!(mapping.column(Field::Title), Some(1));
    assert_eq!(mapping.column(Field::Brand), Some(2));
    assert_eq!(mapping.column(Field::Gender), Some(3));
    assert_eq!(mapping.column(Field::Price), Some(4));
    assert_eq!(mapping.column(Field::Description), Some(6));
    assert_eq!(mapping.column(Field::Color), Some(7));
    let table = mapping.to_string();
    println!("{table}");
    assert!(
        table.contains("Num_Images") && table.contains("-> extra"),
        "{table}"
    );
    assert!(
        table.contains("(unnamed column 9, empty) -> ignored"),
        "{table}"
    );
    assert_eq!(reader.encoding(), "UTF-8");
    assert_eq!(reader.currency(), None);
    let total = reader.total_bytes();

    let mut reader = reader;
    let mut products = Vec::new();
    let mut errors = Vec::new();
    for row in &mut reader {
        match row {
            Ok(p) => products.push(p),
            Err(e) => errors.push(e),
        }
    }
    assert_eq!(reader.bytes_read(), total);
    assert_eq!(reader.currency(), None);
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(5)]);
    assert_eq!(products.len(), 12_491);
    let first = &products[0];
    assert_eq!(first.id, "10017413");
    assert_eq!(
        first.title,
        "DKNY Unisex Black & Grey Printed Medium Trolley Bag"
    );
    assert_eq!(first.brand.as_deref(), Some("DKNY"));
    assert_eq!(first.gender.as_deref(), Some("Unisex"));
    assert_eq!(first.price, Some(11745.0));
    assert_eq!(first.color.as_deref(), Some("Black"));
    assert_eq!(first.extra.get("Num_Images").map(String::as_str), Some("7"));
    assert_eq!(first.extra.len(), 1);
    assert!(first.description.starts_with("Black and grey printed"));
    assert!(products.iter().all(|p| p.currency.is_none()));
    assert!(products.iter().all(|p| p.price.is_some_and(|v| v > 0.0)));
    let no_color = products.iter().filter(|p| p.color.is_none()).count();
    assert_eq!(no_color, 894);
    assert!(
        products
            .iter()
            .filter_map(|p| p.color.as_deref())
            .all(|c| c == c.trim() && !c.is_empty())
    );

    let opts = ReadOptions {
        default_currency: Some("INR".into()),
        ..ReadOptions::default()
    };
    let mut reader = match CatalogReader::open(&path, &opts) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(reader.currency().as_deref(), Some("INR"));
    let first = reader.next().and_then(Result::ok);
    assert_eq!(first.and_then(|p| p.currency).as_deref(), Some("INR"));
}

proptest! {
    #[test]
    fn parse_price_never_panics(text in ".{0,40}") {
        let _ = parse_price(&text);
    }

    #[test]
    fn parse_price_never_panics_on_pricey_text(text in "[-+ (R$US€£₹Rs.INR0-9,.'\u{a0})]{0,24}") {
        if let Some(p) = parse_price(&text) {
            prop_assert!(p.amount.is_finite());
        }
    }

    #[test]
    fn reader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_reader(&bytes);
    }

    #[test]
    fn reader_never_panics_on_csvish_bytes(
        bytes in proptest::collection::vec(
            prop::sample::select(b"name,price;id\t|\"\r\n a1.-$\xc3\xa7\xe7\xff\0".to_vec()),
            0..600,
        )
    ) {
        check_reader(&bytes);
    }
}

/// Opens and reads `bytes` as a catalog: errors are fine, panics are not,
/// and every row is either a product or a line-numbered error.
fn check_reader(bytes: &[u8]) {
    let path = temp_file("prop", bytes);
    if let Ok(reader) = CatalogReader::open(&path, &ReadOptions::default()) {
        // `\r\n`, `\n` and a lone `\r` each end a line.
        let breaks = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count()
            - bytes.windows(2).filter(|w| w == b"\r\n").count();
        let lines = breaks as u64 + 1;
        let _ = reader.mapping().to_string();
        for row in reader {
            if let Err(e) = row {
                assert!(e.line >= 1 && e.line <= lines, "{e} of {lines}");
            }
        }
    }
    let _ = std::fs::remove_file(&path);
}

/// Any feed's title and description may carry HTML (affiliate feeds and
/// store exports escape `&` and keep `<p>`): read as text.
#[test]
fn html_in_any_feed_is_read_as_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.csv");
    std::fs::write(
        &path,
        "id,title,description,price\n\
         a1,Bath &amp; Body Works Candle,\"<p>Hand-poured.</p><p>Burns 50&nbsp;hours &mdash; even.</p>\",26.95\n\
         a2,Mouse Sem Fio,O Futuro &eacute; Sem Fio: conveni&ecirc;ncia &amp; alcance,59.99\n\
         a3,Size < 40 & wide,Plain text & more,10\n",
    )
    .expect("write");
    let reader = CatalogReader::open(&path, &ReadOptions::default()).expect("open");
    let (products, errors) = read_all(reader);
    assert!(errors.is_empty(), "{errors:?}");
    let got: Vec<(&str, &str)> = products
        .iter()
        .map(|p| (p.title.as_str(), p.description.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Bath & Body Works Candle",
                "Hand-poured. Burns 50 hours — even."
            ),
            (
                "Mouse Sem Fio",
                "O Futuro é Sem Fio: conveniência & alcance"
            ),
            ("Size < 40 & wide", "Plain text & more"),
        ]
    );
}
