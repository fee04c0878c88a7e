//! Test inputs that live outside the repository — the real datasets in
//! `../shared/datasets/` (see its README) and, for the browser test,
//! Chromium — found, or skipped *visibly*: a plain `cargo test` shows a
//! `NOTICE` line for every test that ran without its input (libtest captures
//! `println!`/`eprintln!`, not a direct write to the process's stderr), and
//! under `CI=true` a missing input fails the test instead.
//!
//! Include it alone where a test needs nothing else from `common`:
//! `#[path = "common/datasets.rs"] mod datasets;`. Depends on std only.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the shared datasets live, relative to the repository root.
pub const DATASETS: &str = "../shared/datasets";

/// True when missing test inputs are failures (`CI=true`).
pub fn required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The dataset file `relative` (e.g. `myntra/products.csv`) under
/// `../shared/datasets/`, or `None` after a visible notice naming the
/// running test. Panics when the file is missing and [`required`].
pub fn dataset(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(DATASETS)
        .join(relative);
    if path.is_file() {
        return Some(path);
    }
    let shown = format!("{DATASETS}/{relative}");
    assert!(
        !required(),
        "{shown} is missing (datasets are required when CI=true)"
    );
    skipped(&format!("{shown} not found"));
    None
}

/// Says, past libtest's output capture, that the running test skipped its
/// checks and why; panics instead when [`required`].
pub fn skipped(why: &str) {
    assert!(!required(), "{why} (required when CI=true)");
    let thread = std::thread::current();
    let test = thread.name().filter(|n| *n != "main").unwrap_or("a test");
    // One write of one line, so parallel tests' notices do not interleave.
    let line = format!("NOTICE: {test} skipped its checks: {why}\n");
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
