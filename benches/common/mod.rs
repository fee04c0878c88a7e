//! What the benches share: the cache directory and the generated catalogs.

use std::path::{Path, PathBuf};
use vitrine::{GenOptions, Lang};

/// `target/bench-data/`, where catalogs and indexes are cached.
pub fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data dir");
    dir
}

/// The generated catalog of `rows` products with `seed` (English, 2% messy
/// rows), written once: `catalog-{rows}.csv` for seed 1,
/// `catalog-{rows}-seed{seed}.csv` otherwise (the bytes `vitrine gen
/// --rows N --seed S` writes).
pub fn catalog(rows: u64, seed: u64) -> PathBuf {
    let name = if seed == 1 {
        format!("catalog-{rows}.csv")
    } else {
        format!("catalog-{rows}-seed{seed}.csv")
    };
    let path = data_dir().join(name);
    if !path.exists() {
        let tmp = path.with_extension("csv.tmp");
        let mut file = std::fs::File::create(&tmp).expect("create catalog");
        let opts = GenOptions {
            rows,
            seed,
            lang: Lang::En,
            messy_percent: 2.0,
        };
        vitrine::generate(&opts, &mut file).expect("generate");
        std::fs::rename(&tmp, &path).expect("rename catalog");
    }
    path
}
