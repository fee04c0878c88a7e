//! Shapes seen in real platform exports, each in a small fixture written
//! like the export it stands for: a Shopify export whose `Body (HTML)`
//! spans lines (one of them holding as many commas as the columns before
//! it), its `Choose …` option names, its free add-ons and its Markets
//! price columns; a VTEX SKU import sheet (`_IDSKU`, `_NomeSKU`,
//! `_NomeProduto`...).

use std::path::{Path, PathBuf};
use vitrine::catalog::{CatalogReader, Product, ReadOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/platforms")
        .join(name)
}

/// The products and the reported rows (as printed) of a fixture.
fn read(name: &str) -> (Vec<Product>, Vec<String>) {
    let mut reader = CatalogReader::open(&fixture(name), &ReadOptions::default()).unwrap();
    let (mut products, mut errors) = (Vec::new(), Vec::new());
    for row in &mut reader {
        match row {
            Ok(p) => products.push(p),
            Err(e) => errors.push(e.to_string()),
        }
    }
    (products, errors)
}

fn product<'a>(products: &'a [Product], id: &str) -> &'a Product {
    products
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no product {id}"))
}

#[test]
fn a_shopify_body_over_several_lines_is_one_cell_never_rows() {
    // The body's last line, read alone, has as many fields as a row; the
    // record is well-formed and its first line stops short of a row: one
    // multi-line cell, not a stray quote.
    let (products, errors) = read("shopify_markets.csv");
    assert!(
        errors
            .iter()
            .all(|e| !e.contains("unbalanced quote") && !e.contains("not found before it")),
        "{errors:#?}"
    );
    // Nine records, one of them a further image of its product.
    assert_eq!(products.len() + errors.len(), 8, "{errors:#?}");
    let bracelet = product(&products, "INF-G");
    assert_eq!(bracelet.title, "Infinity Engraved Bracelet Set");
    assert!(
        bracelet.description.starts_with("INFINITY LOVE BRACELETS")
            && bracelet
                .description
                .ends_with("regardless of the miles between you."),
        "{:?}",
        bracelet.description
    );
    let ring = product(&products, "BR-G-17");
    assert!(ring.description.contains("17 / 54 and 18 / 56"));
    for p in &products {
        assert!(
            !p.id.contains('<') && !p.title.contains("commitment") && !p.title.contains("Sizes"),
            "a piece of a body became a product: {p:?}"
        );
    }
}
