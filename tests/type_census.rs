//! Census of the product types learned from real catalogs: how many
//! distinct types, how many products carry one, the largest ones (printed
//! with `cargo test --test type_census -- --nocapture`, recorded in
//! BENCHMARKS.md), held to bounds: a type vocabulary is a catalog of the
//! store's kinds of product, not one value per product.

use std::path::Path;
use vitrine::index::{ImportOptions, ProductIndex, import};

/// Imports a dataset and checks its distinct types (at most `max_types`)
/// and the share of products typed (at least `min_typed`).
fn census(rel: &str, currency: &str, max_types: usize, min_typed: f64) {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if !csv.is_file() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{rel} missing in CI"
        );
        eprintln!("notice: {rel} not found; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some(currency.into());
    import(&csv, dir.path(), &opts).unwrap();
    let index = ProductIndex::open(dir.path()).unwrap();
    let v = index.vocabulary();
    let types = v.values("type");
    let (_, column) = index.facet_table().column("type").expect("type column");
    let mut typed = 0u64;
    for (s, segment) in index.searcher().segment_readers().iter().enumerate() {
        if let Some(Some(ids)) = column.doc_ids.get(s) {
            for doc in 0..segment.max_doc() {
                let mut any = false;
                ids.for_each(doc, |_| any = true);
                typed += u64::from(any);
            }
        }
    }
    println!(
        "{rel}: {} products, {} distinct types indexed, {} used by 2+ products, {:.1}% of products typed",
        v.product_count,
        column.values.len(),
        types.iter().filter(|t| t.count >= 2).count(),
        100.0 * typed as f64 / v.product_count as f64
    );
    let share = typed as f64 / v.product_count as f64;
    assert!(
        column.values.len() <= max_types,
        "{rel}: {} types",
        column.values.len()
    );
    assert!(share >= min_typed, "{rel}: {share} typed");
    let top: Vec<String> = types
        .iter()
        .take(40)
        .map(|t| format!("{} {}", t.value, t.count))
        .collect();
    println!("  top: {}", top.join(", "));
    for facet in ["gender", "color"] {
        let vals = v.values(facet);
        let covered: u64 = vals.iter().map(|t| t.count).sum();
        println!("  {facet}: {} values, {covered} product-values", vals.len());
    }
}

#[test]
fn census_of_real_catalogs() {
    // Before learning skipped codes, colours and brand words: br-retail
    // 1,040 distinct types, Myntra 1,064. Function words never a head:
    // br-retail 1,287 -> 1,302 ("Com" and "De" gave way to their nouns).
    census(
        "../shared/datasets/br-retail/products.csv",
        "BRL",
        1320,
        0.99,
    );
    census("../shared/datasets/myntra/products.csv", "INR", 400, 0.99);
}
