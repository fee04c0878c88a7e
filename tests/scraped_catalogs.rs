//! What real exports and crawls write besides clean values, imported from
//! small CSV files written by each test: prices written as ranges, twice,
//! or after a label. Through `vitrine::index::import`.

use vitrine::index::{ImportOptions, ImportSummary, ProductIndex, import};

/// Imports `csv` (written to a temporary file) into a new index.
fn imported(csv: &str) -> (tempfile::TempDir, ImportSummary) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.csv");
    std::fs::write(&path, csv).expect("write catalog");
    let index = dir.path().join("index");
    let summary = import(&path, &index, &ImportOptions::default()).expect("import");
    (dir, summary)
}

fn index_in(dir: &tempfile::TempDir) -> ProductIndex {
    ProductIndex::open(&dir.path().join("index")).expect("open the index")
}

/// Prices the way a crawl of product pages writes them.
const CRAWLED_PRICES: &str = "id,title,price,list price
1,Snow White Queen Costume,$33.67 - $102.46,
2,Wooden Train Set,$6.94 $ 6 . 94,
3,Plush Bear,Total price: $14.40,
4,Puzzle 1000 Pieces,Total price:,
5,Board Game,$19.99,$24.99
6,Doll House,$74.99 - $249.99,$299.99
7,Kite,call us,
";

#[test]
fn crawled_price_shapes_are_read() {
    let (dir, summary) = imported(CRAWLED_PRICES);
    // Only the row with words for a price is skipped.
    assert_eq!(summary.indexed, 6, "{:?}", summary.errors);
    assert_eq!(summary.errors.len(), 1);
    assert_eq!(summary.errors[0].line, 8);
    let index = index_in(&dir);
    let price = |id: &str| {
        let (_, p) = index.product_by_id(id).expect("read").expect("product");
        (p.price, p.list_price)
    };
    assert_eq!(price("1"), (Some(33.67), None));
    assert_eq!(price("2"), (Some(6.94), None));
    assert_eq!(price("3"), (Some(14.40), None));
    assert_eq!(price("4"), (None, None));
    assert_eq!(price("5"), (Some(19.99), Some(24.99)));
    assert_eq!(price("6"), (Some(74.99), Some(299.99)));
    // The range and the label without an amount are reported.
    let kept: Vec<String> = summary.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        kept.contains(
            &"line 2: price \"$33.67 - $102.46\" is a range: read as its lowest, 33.67".to_string()
        ),
        "{kept:?}"
    );
    assert!(
        kept.contains(&"line 5: price \"Total price:\" is not a price: ignored".to_string()),
        "{kept:?}"
    );
}

#[test]
fn brazilian_price_ranges_are_read() {
    let csv =
        "id;nome;preço\n1;Sofá 3 lugares;R$ 1.299,90 - R$ 1.599,90\n2;Mesa;Preço: R$ 499,90\n";
    let (dir, summary) = imported(csv);
    assert_eq!(summary.indexed, 2, "{:?}", summary.errors);
    let index = index_in(&dir);
    let (_, sofa) = index.product_by_id("1").expect("read").expect("sofa");
    assert_eq!(sofa.price, Some(1299.9));
    assert_eq!(sofa.currency.as_deref(), Some("BRL"));
    let (_, table) = index.product_by_id("2").expect("read").expect("table");
    assert_eq!(table.price, Some(499.9));
}
