//! Arbitrary bytes as a catalog file: `CatalogReader::open` with default
//! options, then every row (stray-quote recovery, per-row decoding and NUL
//! removal included). Checks: no panic; every row error and every kept-row
//! notice is on line 2 or later (line 1 at least is the header), in file
//! order; no product title holds a NUL byte.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use vitrine::catalog::{CatalogReader, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(data).expect("write temp file");
    file.flush().expect("flush temp file");
    let Ok(mut reader) = CatalogReader::open(file.path(), &ReadOptions::default()) else {
        return;
    };
    let mut last = 0;
    while let Some(row) = reader.next() {
        match row {
            Err(bad) => {
                assert!(bad.line >= 2, "row error on line {}: {bad} (input {data:?})", bad.line);
                assert!(bad.line > last, "line {} after line {last} (input {data:?})", bad.line);
                last = bad.line;
            }
            Ok(p) => assert!(!p.title.contains('\0'), "NUL in {:?} (input {data:?})", p.title),
        }
        for notice in reader.take_notices() {
            assert!(notice.line >= 2, "notice on line {}: {notice} (input {data:?})", notice.line);
        }
    }
});
