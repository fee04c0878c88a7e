//! Stray-quote recovery (issue 15): arbitrary bytes drive a catalog of rows
//! `r1`..`rN` of `id,title,price,brand`, one byte per row choosing a plain
//! row, a blank line before it, a real quoted field (commas inside, or
//! several lines of words) or a stray quote opening the title or the brand;
//! LF or CRLF line ends. Checks: no panic; every row without a stray quote
//! is read, whole (id, title, price); every row with one is reported on its
//! own line, and no other line is reported. `tests/catalog_recovery.rs`
//! runs the same property with proptest on stable.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use vitrine::catalog::{CatalogReader, ReadOptions};

type Expected = (Vec<u8>, Vec<(String, String, f64)>, Vec<u64>);

fn catalog(data: &[u8]) -> Expected {
    const WORDS: [&str; 8] = ["lamp", "mug", "vase", "desk", "chair", "warm", "light", "oak"];
    let eol = if data.first().is_some_and(|b| b & 1 == 1) { "\r\n" } else { "\n" };
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
            2 => (format!("{id},\"{}, large\",{price},Acme", words.join(" ")), 1),
            3 => (format!("{id},\"{}\",{price},Acme", words.join(eol)), words.len() as u64),
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

fuzz_target!(|data: &[u8]| {
    let (bytes, valid, broken) = catalog(data);
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(&bytes).expect("write temp file");
    file.flush().expect("flush temp file");
    let reader = CatalogReader::open(file.path(), &ReadOptions::default()).expect("a catalog");
    let mut got = Vec::new();
    let mut lines = Vec::new();
    for row in reader {
        match row {
            Ok(p) => got.push((p.id, p.title, p.price.unwrap_or(f64::NAN))),
            Err(bad) => lines.push(bad.line),
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(got, valid, "rows lost or changed in:\n{text}");
    assert_eq!(lines, broken, "reported lines in:\n{text}");
});
