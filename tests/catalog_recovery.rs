//! The reader keeps every valid row of hostile files (issue 15): stray
//! quotes, a quoted field of megabytes, a badly encoded row among good
//! ones, NUL bytes, headers of tens of thousands of columns, `-0` prices
//! and negative stocks. Small fixtures are written by
//! `tests/fixtures/csv/make_fixtures.py`; large files are generated here.

use std::path::{Path, PathBuf};
use vitrine::catalog::{
    CatalogReader, Field, MAX_COLUMNS, NoticeKind, Product, ReadOptions, RowError, RowErrorKind,
    RowNotice,
};
use vitrine::{CatalogReason, Error};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

/// Every product, bad row and kept-with-a-change row of a file.
fn read(path: &Path) -> (Vec<Product>, Vec<RowError>, Vec<RowNotice>) {
    let mut reader = CatalogReader::open(path, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut products, mut errors) = (Vec::new(), Vec::new());
    for row in &mut reader {
        match row {
            Ok(p) => products.push(p),
            Err(e) => errors.push(e),
        }
    }
    let notices = reader.take_notices();
    (products, errors, notices)
}

fn ids(products: &[Product]) -> Vec<&str> {
    products.iter().map(|p| p.id.as_str()).collect()
}

/// (line, id) of each bad row, all of `kind`.
fn lines_of(errors: &[RowError], kind: &RowErrorKind) -> Vec<(u64, Option<String>)> {
    for e in errors {
        assert_eq!(&e.kind, kind, "{e}");
    }
    errors.iter().map(|e| (e.line, e.id.clone())).collect()
}

/// A file in the temp dir holding `bytes`, removed on drop.
struct TempCsv {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn temp_csv(bytes: &[u8]) -> TempCsv {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.csv");
    std::fs::write(&path, bytes).expect("write");
    TempCsv { _dir: dir, path }
}

#[test]
fn stray_quotes_lose_only_their_own_rows() {
    let (products, errors, _) = read(&fixture("stray_quotes.csv"));
    assert_eq!(ids(&products), ["1", "3", "4", "5", "7", "10"]);
    assert_eq!(products[3].title, "Bowl, large");
    assert_eq!(
        lines_of(&errors, &RowErrorKind::UnbalancedQuote),
        [
            (3, Some("2".into())),
            (7, Some("6".into())),
            (9, Some("8".into())),
            (10, Some("9".into())),
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "line 3: unbalanced quote: the row is skipped and the lines after it are read as rows"
    );
}

#[test]
fn a_swallowed_line_that_is_a_row_is_read_as_one() {
    // `1,"Best lamp,10⏎2,Monitor 24",12` parses as one valid record: the
    // inch mark closes the stray quote. Its second line is a row.
    let (products, errors, _) = read(&fixture("stray_quote_inch.csv"));
    assert_eq!(ids(&products), ["2", "3"]);
    assert_eq!(products[0].title, "Monitor 24\"");
    assert_eq!(products[0].price, Some(12.0));
    assert_eq!(
        lines_of(&errors, &RowErrorKind::UnbalancedQuote),
        [(2, Some("1".into()))]
    );
}

#[test]
fn real_multi_line_fields_stay_whole() {
    let (products, errors, _) = read(&fixture("multiline_prose.csv"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(products.len(), 2);
    assert_eq!(products[0].description, "Warm light.\nSizes: S, M");
    assert_eq!(products[1].title, "Vase");
}

#[test]
fn one_unbalanced_quote_before_3000_rows_loses_one_row() {
    let mut text = String::from("id,title,price\n1,\"Broken lamp,10\n");
    for i in 2..=3001 {
        text.push_str(&format!("{i},Lamp {i},{i}\n"));
    }
    let csv = temp_csv(text.as_bytes());
    let (products, errors, _) = read(&csv.path);
    assert_eq!(products.len(), 3000);
    assert_eq!(products[0].id, "2");
    assert_eq!(products[2999].id, "3001");
    assert_eq!(
        lines_of(&errors, &RowErrorKind::UnbalancedQuote),
        [(2, Some("1".into()))]
    );
}

#[test]
fn a_stray_quote_swallowing_more_than_a_mebibyte_of_rows_is_recovered() {
    // The quote runs on past the record size limit: the first mebibyte is
    // read again, then the rest of the file.
    let mut text = String::from("id,title,price\n1,\"Broken lamp,10\n");
    for i in 2..=40_001 {
        text.push_str(&format!("{i},Lamp number {i},{i}.50\n"));
    }
    assert!(text.len() > 1 << 20);
    let csv = temp_csv(text.as_bytes());
    let (products, errors, _) = read(&csv.path);
    assert_eq!(products.len(), 40_000);
    assert_eq!(ids(&products[..2]), ["2", "3"]);
    assert_eq!(products[39_999].price, Some(40_001.5));
    assert_eq!(
        lines_of(&errors, &RowErrorKind::UnbalancedQuote),
        [(2, Some("1".into()))]
    );
}

#[test]
fn a_10_mb_quoted_field_is_one_skipped_row_and_the_rows_after_it_are_kept() {
    let mut text = String::from("id,title,description,price\n1,First,plain,5\n2,Huge,\"");
    let paragraph = "word ".repeat(200);
    for _ in 0..10_000 {
        text.push_str(&paragraph);
        text.push('\n');
    }
    text.push_str("\",7\n3,After,\"a, b\",8\n4,\"Quoted, title\",x,9\n");
    assert!(text.len() > 10_000_000);
    let csv = temp_csv(text.as_bytes());
    let (products, errors, _) = read(&csv.path);
    assert_eq!(ids(&products), ["1", "3", "4"]);
    assert_eq!(products[2].title, "Quoted, title");
    assert_eq!(
        errors,
        [RowError {
            line: 3,
            id: None,
            kind: RowErrorKind::RecordTooLong {
                end_line: 10_003,
                max_bytes: 1 << 20
            },
        }]
    );
}

#[test]
fn one_latin1_row_in_a_utf8_file_is_decoded_alone_and_reported() {
    let (products, errors, notices) = read(&fixture("mixed_encoding.csv"));
    assert!(errors.is_empty(), "{errors:?}");
    let titles: Vec<&str> = products.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Camiseta Algodão", "Calça Jeans", "Tênis Corrida"]);
    assert_eq!(
        notices,
        [RowNotice {
            line: 3,
            id: Some("2".into()),
            kind: NoticeKind::Encoding {
                file: "UTF-8",
                read_as: "windows-1252"
            },
        }]
    );

    // The case: 500 UTF-8 titles and one Latin-1 row among them.
    let mut bytes = b"id,title\n".to_vec();
    for i in 1..=500 {
        bytes.extend_from_slice(format!("{i},Camiseta Algodão {i}\n").as_bytes());
        if i == 250 {
            bytes.extend_from_slice(b"latin,Cal\xe7a de Algod\xe3o\n");
        }
    }
    let csv = temp_csv(&bytes);
    let reader = CatalogReader::open(&csv.path, &ReadOptions::default()).expect("open");
    assert_eq!(reader.encoding(), "UTF-8");
    let (products, errors, notices) = read(&csv.path);
    assert!(errors.is_empty());
    assert_eq!(products.len(), 501);
    assert!(
        products
            .iter()
            .filter(|p| p.id != "latin")
            .all(|p| p.title.starts_with("Camiseta Algodão ")),
        "a UTF-8 title was mangled"
    );
    let latin = products.iter().find(|p| p.id == "latin").expect("kept");
    assert_eq!(latin.title, "Calça de Algodão");
    assert_eq!(notices.iter().map(|n| n.line).collect::<Vec<_>>(), [252]);
}

#[test]
fn one_invalid_byte_is_that_rows_problem_only() {
    let mut bytes = b"id,title\n".to_vec();
    for i in 1..=300 {
        bytes.extend_from_slice(format!("{i},Tênis Corrida {i}\n").as_bytes());
    }
    bytes.extend_from_slice(b"301,Broken \xff byte\n302,Tail\n");
    let csv = temp_csv(&bytes);
    let (products, _, notices) = read(&csv.path);
    assert_eq!(products.len(), 302);
    assert!(products[..300].iter().all(|p| p.title.starts_with("Tênis")));
    assert_eq!(products[300].title, "Broken ÿ byte");
    assert_eq!(notices.len(), 1);
    assert_eq!(
        notices[0].kind,
        NoticeKind::Encoding {
            file: "UTF-8",
            read_as: "windows-1252"
        }
    );
}

#[test]
fn a_legacy_file_reads_its_utf8_rows_as_utf8() {
    let mut bytes = b"id,nome\n".to_vec();
    for i in 1..=40 {
        bytes.extend_from_slice(&[format!("{i},Cal").as_bytes(), b"\xe7a\n"].concat());
    }
    bytes.extend_from_slice("41,Tênis\n".as_bytes());
    let csv = temp_csv(&bytes);
    let (products, _, notices) = read(&csv.path);
    assert!(products[..40].iter().all(|p| p.title == "Calça"));
    assert_eq!(products[40].title, "Tênis");
    assert_eq!(
        notices
            .iter()
            .map(|n| (n.line, &n.kind))
            .collect::<Vec<_>>(),
        [(
            42,
            &NoticeKind::Encoding {
                file: "windows-1252",
                read_as: "UTF-8"
            }
        )]
    );
}

#[test]
fn nul_bytes_are_removed_from_their_rows_wherever_they_are() {
    let (products, errors, notices) = read(&fixture("nul_bytes.csv"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(products[0].title, "BadTitle");
    assert_eq!(
        notices,
        [RowNotice {
            line: 2,
            id: Some("1".into()),
            kind: NoticeKind::NulRemoved
        }]
    );
    // The same rule past the first 64 KiB.
    let mut bytes = b"id,title\n".to_vec();
    for i in 1..=5000 {
        bytes.extend_from_slice(format!("{i},Plain title {i}\n").as_bytes());
    }
    assert!(bytes.len() > 64 * 1024);
    bytes.extend_from_slice(b"late,Late\0Title\n");
    let csv = temp_csv(&bytes);
    let (products, _, notices) = read(&csv.path);
    assert_eq!(products.len(), 5001);
    assert_eq!(products[5000].title, "LateTitle");
    assert_eq!(
        notices
            .iter()
            .map(|n| (n.line, &n.kind))
            .collect::<Vec<_>>(),
        [(5002, &NoticeKind::NulRemoved)]
    );
}

#[test]
fn zero_is_never_negative_and_a_negative_stock_is_out_of_stock() {
    let (products, errors, notices) = read(&fixture("negative_values.csv"));
    assert_eq!(ids(&products), ["1", "2"]);
    // `-0` is 0, no negative price: the row is kept, and as a price of 0
    // sells nothing on its own, without a price.
    assert_eq!(products[0].price, None);
    assert!(!serde_json::to_string(&products[0]).unwrap().contains("-0"));
    assert_eq!(products[1].stock, Some(0));
    assert_eq!(
        notices,
        [
            RowNotice {
                line: 2,
                id: Some("1".into()),
                kind: NoticeKind::ZeroPrice
            },
            RowNotice {
                line: 3,
                id: Some("2".into()),
                kind: NoticeKind::NegativeStock(-1)
            }
        ]
    );
    assert_eq!(
        lines_of(&errors, &RowErrorKind::NegativePrice),
        [(4, Some("3".into()))]
    );
}

#[test]
fn a_header_at_the_column_limit_maps_and_a_wider_one_is_refused_at_once() {
    let wide = |columns: usize| {
        let mut header: Vec<String> = (0..columns).map(|i| format!("a{i}")).collect();
        header[0] = "title".into();
        header[1] = "price".into();
        let mut row: Vec<String> = (0..columns).map(|i| format!("v{i}")).collect();
        row[0] = "Wide lamp".into();
        row[1] = "12".into();
        format!("{}\n{}\n", header.join(","), row.join(","))
    };
    let csv = temp_csv(wide(MAX_COLUMNS).as_bytes());
    let reader = CatalogReader::open(&csv.path, &ReadOptions::default()).expect("open");
    assert_eq!(reader.mapping().column(Field::Price), Some(1));
    let (products, errors, _) = read(&csv.path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(products[0].extra.len(), MAX_COLUMNS - 2);

    for columns in [MAX_COLUMNS + 1, 100_000] {
        let csv = temp_csv(wide(columns).as_bytes());
        match CatalogReader::open(&csv.path, &ReadOptions::default()) {
            Err(Error::Catalog {
                reason: CatalogReason::TooManyColumns { found, max },
                ..
            }) => assert_eq!((found, max), (columns, MAX_COLUMNS)),
            other => panic!("{columns} columns: {other:?}"),
        }
    }
    // A header past the record size limit is refused as such.
    let long: Vec<String> = (0..100_000).map(|i| format!("attribute {i}")).collect();
    let csv = temp_csv(
        format!(
            "title,{}
x
",
            long.join(",")
        )
        .as_bytes(),
    );
    let err = CatalogReader::open(&csv.path, &ReadOptions::default()).map(|_| ());
    assert!(
        matches!(
            &err,
            Err(Error::Catalog {
                reason: CatalogReason::HeaderTooLong { max_kib: 1024 },
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn a_binary_file_is_still_refused() {
    let csv = temp_csv(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x00\x00\x00\x00");
    let err = CatalogReader::open(&csv.path, &ReadOptions::default()).map(|_| ());
    assert!(
        matches!(
            &err,
            Err(Error::Catalog {
                reason: CatalogReason::NotText,
                ..
            })
        ),
        "{err:?}"
    );
}

/// A generated catalog: its bytes, the rows to read (id, title, price),
/// the lines to report.
type Generated = (Vec<u8>, Vec<(String, String, f64)>, Vec<u64>);

/// A catalog driven by `data` (one byte per row): rows `r1`..`rN` of
/// `id,title,price,brand`, some with a real quoted field (commas inside,
/// or several lines of words), some after a blank line, some broken by a
/// stray quote opening their title or brand; LF or CRLF line ends.
/// Returns the file, the rows that must be read (id, title as cleaned,
/// price) and the lines of the broken rows, which must be reported.
/// `fuzz/fuzz_targets/csv_recovery.rs` runs the same property.
fn stray_quote_catalog(data: &[u8]) -> Generated {
    const WORDS: [&str; 8] = [
        "lamp", "mug", "vase", "desk", "chair", "warm", "light", "oak",
    ];
    let eol = if data.first().is_some_and(|b| b & 1 == 1) {
        "\r\n"
    } else {
        "\n"
    };
    let mut out = format!("id,title,price,brand{eol}");
    let mut line = 2u64;
    let (mut valid, mut broken) = (Vec::new(), Vec::new());
    for (i, &b) in data.iter().enumerate().skip(1).take(300) {
        let words: Vec<&str> = (0..1 + b as usize % 3)
            .map(|k| WORDS[(b as usize / 3 + k * 5 + i) % WORDS.len()])
            .collect();
        let price = format!("{i}.{:02}", b % 100);
        let id = format!("r{i}");
        if b % 8 == 4 {
            out.push_str(eol);
            line += 1;
        }
        let (row, lines) = match b % 8 {
            0 => (format!("{id},\"{},{price},Acme", words.join(" ")), 1),
            1 => (format!("{id},{},{price},\"Acme", words.join(" ")), 1),
            2 => (
                format!("{id},\"{}, large\",{price},Acme", words.join(" ")),
                1,
            ),
            3 => (
                format!("{id},\"{}\",{price},Acme", words.join(eol)),
                words.len() as u64,
            ),
            _ => (format!("{id},{},{price},Acme", words.join(" ")), 1),
        };
        match b % 8 {
            0 | 1 => broken.push(line),
            2 => valid.push((id, format!("{}, large", words.join(" ")), price)),
            _ => valid.push((id, words.join(" "), price)),
        }
        out.push_str(&row);
        out.push_str(eol);
        line += lines;
    }
    let valid = valid
        .into_iter()
        .map(|(id, title, price)| (id, title, price.parse().unwrap_or(f64::NAN)))
        .collect();
    (out.into_bytes(), valid, broken)
}

/// Reads a stray-quote catalog and checks that every valid row is read
/// whole and every broken one reported on its own line.
fn check_recovery(data: &[u8]) {
    let (bytes, valid, broken) = stray_quote_catalog(data);
    let csv = temp_csv(&bytes);
    let (products, errors, _) = read(&csv.path);
    let got: Vec<(String, String, f64)> = products
        .into_iter()
        .map(|p| (p.id, p.title, p.price.unwrap_or(f64::NAN)))
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(got, valid, "{text}");
    let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, broken, "{errors:?}\n{text}");
}

#[test]
fn every_valid_row_survives_stray_quotes_anywhere() {
    // Adjacent strays, a stray before a real multi-line field, one at the end.
    check_recovery(&[0, 0, 0, 5, 1, 3, 2, 0, 3, 6, 4, 1]);
    check_recovery(&[1, 3, 0, 2, 2, 7, 0]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
    #[test]
    fn stray_quotes_never_lose_a_valid_row(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..80)) {
        check_recovery(&data);
    }
}
