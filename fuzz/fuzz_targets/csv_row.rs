//! Arbitrary bytes as a catalog file: `CatalogReader::open` with default
//! options, then every row. Checks: no panic; every row error is on line 2 or
//! later (line 1 at least is the header).
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use vitrine::catalog::{CatalogReader, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(data).expect("write temp file");
    file.flush().expect("flush temp file");
    let Ok(reader) = CatalogReader::open(file.path(), &ReadOptions::default()) else {
        return;
    };
    for row in reader {
        if let Err(bad) = row {
            assert!(bad.line >= 2, "row error on line {}: {bad} (input {data:?})", bad.line);
        }
    }
});
