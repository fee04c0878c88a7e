//! What the re-import-under-traffic tests share (`tests/reload.rs` over one
//! server, `tests/replicas` behind nginx): the `vitrine` binary run to
//! success, and two generated catalogs with the same ids but other titles
//! and prices, read back as the importer reads them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs `vitrine ARGS` with `stdout`, and asserts it succeeds.
pub fn vitrine_ok(args: &[&str], stdout: Stdio) {
    let status = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "vitrine {args:?}: {status}");
}

/// Id -> (title, price) of a catalog, read as the importer reads it.
pub fn catalog_products(path: &Path) -> HashMap<String, (String, f64)> {
    let opts = vitrine::catalog::ReadOptions::default();
    vitrine::catalog::CatalogReader::open(path, &opts)
        .unwrap()
        .flatten()
        .map(|p| (p.id, (p.title, p.price.unwrap_or(f64::NAN))))
        .collect()
}

/// Two generated 1,000-row catalogs in `dir` (`old.csv`, `new.csv`): the
/// same ids (SKU00000001...), other titles and prices.
pub fn old_and_new_catalogs(dir: &Path) -> (PathBuf, PathBuf) {
    let (old_csv, new_csv) = (dir.join("old.csv"), dir.join("new.csv"));
    for (seed, path) in [("1", &old_csv), ("2", &new_csv)] {
        let file = std::fs::File::create(path).unwrap();
        vitrine_ok(
            &[
                "gen",
                "--rows",
                "1000",
                "--seed",
                seed,
                "--messy-percent",
                "0",
                "-q",
            ],
            file.into(),
        );
    }
    (old_csv, new_csv)
}
