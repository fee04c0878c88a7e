//! Catalog reader throughput (rows/s): reads a CSV export with
//! `vitrine::catalog::CatalogReader` (encoding, column mapping, cleaning,
//! prices) and nothing else.
//!
//! `cargo run --release --example read_rate -- FILE.csv [ROUNDS]`
//! (default: 20 rounds of the Myntra dataset in `../shared/datasets/`).

use std::path::PathBuf;
use std::time::Instant;
use vitrine::catalog::{CatalogReader, ReadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/myntra/products.csv")
    });
    let rounds: u32 = args.next().map_or(Ok(20), |r| r.parse())?;
    let mut rows = 0usize;
    let mut bad = 0usize;
    let start = Instant::now();
    for _ in 0..rounds {
        for row in CatalogReader::open(&path, &ReadOptions::default())? {
            match row {
                Ok(_) => rows += 1,
                Err(_) => bad += 1,
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{}: {rounds} round(s), {rows} rows read ({bad} bad) in {secs:.2} s: {:.0} rows/s",
        path.display(),
        rows as f64 / secs
    );
    Ok(())
}
