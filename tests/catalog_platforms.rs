//! Platforms' product exports read as their platforms mean them: one
//! fixture per platform (Shopify, WooCommerce, Nuvemshop, Bling, Magento) with
//! variants, HTML, multi-value cells, unpublished products and a variant
//! of a missing product; exact expectations of every product and every
//! row reported, through the reader and through the real `vitrine import`;
//! a conversation over the Shopify export; and a property check that a
//! variant row never becomes a product from nothing.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use vitrine::catalog::{CatalogReader, Product, ReadOptions};
use vitrine::index::{ImportOptions, import};
use vitrine::{Engine, Session};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/platforms")
        .join(name)
}

/// A product as one line: id | title | brand | category | price | list
/// price | colour | size | group | description.
fn line(p: &Product) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let n = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    format!(
        "{} | {} | {} | {} | {} | {} | {} | {} | {} | {}",
        p.id,
        p.title,
        o(&p.brand),
        o(&p.category),
        n(p.price),
        n(p.list_price),
        o(&p.color),
        o(&p.size),
        o(&p.group_id),
        p.description
    )
}

struct Read {
    platform: Option<&'static str>,
    products: Vec<Product>,
    errors: Vec<String>,
}

fn read(name: &str) -> Read {
    read_from(CatalogReader::open(&fixture(name), &ReadOptions::default()).unwrap())
}

fn read_from(mut reader: CatalogReader) -> Read {
    let platform = reader.platform();
    let (mut products, mut errors) = (Vec::new(), Vec::new());
    for row in &mut reader {
        match row {
            Ok(p) => products.push(p),
            Err(e) => errors.push(e.to_string()),
        }
    }
    Read {
        platform,
        products,
        errors,
    }
}

fn lines(products: &[Product]) -> Vec<String> {
    products.iter().map(line).collect()
}

/// Runs the real `vitrine` binary: success and everything it printed.
fn vitrine(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(args)
        .output()
        .expect("the vitrine binary runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

// ---------------------------------------------------------------- Shopify

#[test]
fn shopify_variants_take_their_product_and_options_become_size_and_colour() {
    let r = read("shopify.csv");
    assert_eq!(r.platform, Some("Shopify product export"));
    let tee = "Northwind | Apparel & Accessories > Clothing > Shirts & Tops";
    let tee_text = "Soft 100% cotton tee – pre\u{2011}shrunk. Crew neck Machine wash";
    let shoe = "Trail Runner Shoe | Peakline | Apparel & Accessories > Shoes";
    assert_eq!(
        lines(&r.products),
        [
            format!("CT-M-BLK | Classic Crew Tee | {tee} | 19 | 25 | Black | M | classic-tee | {tee_text}"),
            format!("CT-L-BLK | Classic Crew Tee | {tee} | 19 | 25 | Black | L | classic-tee | {tee_text}"),
            format!("CT-M-WHT | Classic Crew Tee | {tee} | 21 |  | White | M | classic-tee | {tee_text}"),
            format!("TR-38-BLU | {shoe} | 89 |  | Blue | 38 | trail-runner | Grippy outsole for wet trails."),
            // No SKU: the handle and the option values make the id.
            format!("trail-runner:39:Blue:Mesh | {shoe} | 89 | 99 | Blue | 39 | trail-runner | Grippy outsole for wet trails."),
            // No Product Category: the Type is the category.
            "LB-1 | Leather Belt | Northwind | Belts | 35 |  |  |  | leather-belt | Full grain leather belt".to_string(),
            "WB-RED | Wool Beanie | Fjell | Apparel & Accessories > Clothing Accessories > Hats | 24 | 30 | Red |  | wool-beanie | Warm & soft merino".to_string(),
        ]
    );
    assert_eq!(
        r.errors,
        [
            "line 10: not published: Status is \"draft\"",
            "line 11: variant of the product on line 10, which is skipped",
            "line 12: not published: Published is \"FALSE\"",
            "line 13: variant of a product not found before it (\"ghost-sock\")",
            "line 15: not published: Status is \"archived\"",
        ]
    );
    let p = |id: &str| r.products.iter().find(|p| p.id == id).unwrap();
    // A variant's own image, else its product's first one (not the second
    // image Shopify lists on the variant's row).
    assert_eq!(
        p("CT-M-BLK").image_url.as_deref(),
        Some("https://cdn.example/ct-black.jpg")
    );
    assert_eq!(
        p("CT-L-BLK").image_url.as_deref(),
        Some("https://cdn.example/ct-black.jpg")
    );
    assert_eq!(
        p("CT-M-WHT").image_url.as_deref(),
        Some("https://cdn.example/ct-white.jpg")
    );
    // Product-level cells carried: the audience code, tags; variant cells not.
    assert_eq!(p("CT-L-BLK").gender.as_deref(), Some("Men"));
    assert_eq!(
        p("CT-L-BLK").extra.get("Tags").map(String::as_str),
        Some("men, cotton")
    );
    assert_eq!(p("CT-L-BLK").stock, Some(0));
    assert_eq!(
        p("CT-M-BLK").extra.get("gtin").map(String::as_str),
        Some("0001112223334")
    );
    assert_eq!(p("CT-M-WHT").extra.get("gtin"), None);
    // Options that are neither size nor colour.
    assert_eq!(p("TR-38-BLU").material.as_deref(), Some("Mesh"));
    assert_eq!(
        p("trail-runner:39:Blue:Mesh").material.as_deref(),
        Some("Mesh")
    );
    assert_eq!(
        p("WB-RED").extra.get("Fit").map(String::as_str),
        Some("Slim")
    );
    assert_eq!(
        p("LB-1").extra.get("Title"),
        None,
        "Shopify's Default Title is no option"
    );
    // Bookkeeping is not product data.
    assert_eq!(p("CT-M-BLK").extra.get("Variant Grams"), None);
    assert_eq!(p("CT-M-BLK").extra.get("Image Position"), None);
}

#[test]
fn shopify_export_imports_through_the_binary_and_says_what_it_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.csv");
    let csv = fixture("shopify.csv");
    let (ok, text) = vitrine(&[
        "import",
        csv.to_str().unwrap(),
        "--index",
        dir.path().join("index").to_str().unwrap(),
        "--currency",
        "USD",
        "--report",
        report.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    assert!(
        text.contains("recognised: Shopify product export"),
        "{text}"
    );
    for (column, target) in [
        ("Vendor", "brand"),
        ("Body (HTML)", "description"),
        ("Variant Compare At Price", "list_price"),
        ("Option1 Name", "option name"),
    ] {
        let mapped = text
            .lines()
            .any(|l| l.trim_start().starts_with(column) && l.ends_with(&format!("-> {target}")));
        assert!(mapped, "{column} -> {target}\n{text}");
    }
    assert!(
        text.contains("12 rows read, 7 indexed, 5 skipped"),
        "{text}"
    );
    assert!(
        text.contains("skipped line 10: not published: Status is \"draft\""),
        "{text}"
    );
    let report = std::fs::read_to_string(report).unwrap();
    assert!(
        report
            .contains("13,GS-M,\"variant of a product not found before it (\"\"ghost-sock\"\")\""),
        "{report}"
    );
}

#[test]
fn a_shopper_finds_the_variant_of_a_shopify_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some("USD".into());
    import(&fixture("shopify.csv"), dir.path(), &opts).unwrap();
    let engine = Engine::open(dir.path()).unwrap();
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "black tee size L", 10).unwrap();
    assert!(turn.relaxed.is_empty(), "{}", turn.reply);
    let found: Vec<(&str, Option<&str>, Option<&str>)> = turn
        .products
        .iter()
        .map(|p| (p.id.as_str(), p.color.as_deref(), p.size.as_deref()))
        .collect();
    assert_eq!(
        found,
        [("CT-L-BLK", Some("Black"), Some("L"))],
        "{}",
        turn.reply
    );
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "Peakline", 10).unwrap();
    // One model (the handle), its two sizes as one card's variants.
    assert_eq!(turn.total, 1, "{}", turn.reply);
    assert_eq!(turn.products.len(), 1, "{}", turn.reply);
    assert_eq!(turn.products[0].variants.len(), 1, "{:?}", turn.products[0]);
    assert!(
        turn.products
            .iter()
            .all(|p| p.brand.as_deref() == Some("Peakline")),
        "{}",
        turn.reply
    );
}

// ------------------------------------------------- carry-forward property

/// A Shopify-shaped row: handle, title, size, price.
fn shopify_row() -> impl Strategy<Value = (u8, bool, u8, u16)> {
    (0u8..4, any::<bool>(), 0u8..5, 1u16..500)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the order of rows, a row with no title becomes a product
    /// only as a variant of the titled row of its handle just before it
    /// (its group); every other row without a title is reported, never
    /// indexed, and nothing is invented.
    #[test]
    fn carry_forward_never_invents_a_product(rows in prop::collection::vec(shopify_row(), 1..24)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.csv");
        let mut text = String::from("Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status\n");
        for (i, (h, titled, size, price)) in rows.iter().enumerate() {
            let title = if *titled { format!("Product {h}") } else { String::new() };
            text.push_str(&format!("h{h},{title},,Brand{h},Size,S{size},SKU{i},{price},active\n"));
        }
        std::fs::write(&path, text).unwrap();
        let reader = CatalogReader::open(&path, &ReadOptions::default()).unwrap();
        let results: Vec<_> = reader.collect();
        prop_assert_eq!(results.len(), rows.len());
        let mut current: Option<u8> = None;
        for (i, ((h, titled, _, price), result)) in rows.iter().zip(&results).enumerate() {
            let continues = !titled && current == Some(*h);
            if *titled {
                current = Some(*h);
            }
            match result {
                Ok(p) => {
                    prop_assert!(*titled || continues, "row {} invented {:?}", i, p);
                    prop_assert_eq!(&p.title, &format!("Product {h}"));
                    prop_assert_eq!(p.brand.clone(), Some(format!("Brand{h}")));
                    prop_assert_eq!(p.group_id.clone(), Some(format!("h{h}")));
                    prop_assert_eq!(p.price, Some(f64::from(*price)));
                    prop_assert_eq!(&p.id, &format!("SKU{i}"));
                }
                Err(e) => {
                    prop_assert!(!titled && !continues, "row {} lost: {}", i, e);
                    prop_assert_eq!(e.line, i as u64 + 2);
                    let parent = format!("variant of a product not found before it (\"h{h}\")");
                    prop_assert!(e.to_string().ends_with(&parent), "{}", e);
                }
            }
        }
    }
}

// ------------------------------------------------------------ WooCommerce

#[test]
fn woocommerce_variations_take_their_parent_and_type_is_no_category() {
    let r = read("woocommerce.csv");
    assert_eq!(r.platform, Some("WooCommerce product export"));
    let hoodie = "Northwind | Clothing > Hoodies";
    let text = "Warm fleece hoodie with a printed logo. Machine wash.";
    assert_eq!(
        lines(&r.products),
        [
            format!("10 | Hoodie with Logo | {hoodie} |  |  | Blue, Red | S, M | 10 | {text}"),
            format!("11 | Hoodie with Logo - Blue S | {hoodie} | 39 | 45 | Blue | S | 10 | {text}"),
            format!("12 | Hoodie with Logo - Red M | {hoodie} | 45 |  | Red | M | 10 | {text}"),
            "13 | Baseball Cap | Fjell | Accessories | 18 |  | Black |  | 13 | Cotton cap & adjustable strap".to_string(),
            "16 | Gift Voucher |  | Gifts | 50 |  |  |  | 16 | Spend it at our partner".to_string(),
        ]
    );
    assert_eq!(
        r.errors,
        [
            "line 7: not published: Published is \"-1\"",
            "line 8: variant of a product not found before it (\"99\")",
            "line 10: not published: Visibility in catalog is \"hidden\"",
        ]
    );
    let p = |id: &str| r.products.iter().find(|p| p.id == id).unwrap();
    // Images: the first of the list; a variation without one takes its parent's.
    assert_eq!(
        p("10").image_url.as_deref(),
        Some("https://x.example/h1.jpg")
    );
    assert_eq!(
        p("11").image_url.as_deref(),
        Some("https://x.example/h-blue.jpg")
    );
    assert_eq!(
        p("12").image_url.as_deref(),
        Some("https://x.example/h1.jpg")
    );
    // In stock? 1/0 beside a stock count.
    assert_eq!(
        (p("10").stock, p("11").stock, p("12").stock),
        (None, Some(5), Some(0))
    );
    // Every category path is kept; the most specific is the category.
    assert_eq!(
        p("10").extra.get("Categories").map(String::as_str),
        Some("Clothing > Hoodies, Clothing")
    );
    assert_eq!(
        p("11").extra.get("SKU").map(String::as_str),
        Some("HOOD-1-BLUE-S")
    );
    assert_eq!(
        p("10").extra.get("Short description").map(String::as_str),
        Some("Cozy hoodie")
    );
    assert_eq!(
        p("16").url.as_deref(),
        Some("https://partner.example/voucher")
    );
    assert!(r.products.iter().all(|p| !p.extra.contains_key("Type")));
    assert!(
        r.products
            .iter()
            .all(|p| !p.extra.contains_key("Attribute 1 visible"))
    );
}

// -------------------------------------------------------------- Nuvemshop

#[test]
fn nuvemshop_variant_rows_continue_their_product() {
    let r = read("nuvemshop.csv");
    assert_eq!(r.platform, Some("Nuvemshop / Tiendanube product export"));
    let shirt = "Camiseta Básica | Vitrine Co | Roupas > Camisetas";
    let text = "Camiseta de algodão penteado. Lavar à mão.";
    let shoe = "Tênis de Corrida | Passo Firme | Calçados > Tênis > Corrida";
    assert_eq!(
        lines(&r.products),
        [
            format!("CB-PRE-P | {shirt} | 49.9 | 59.9 | Preto | P | camiseta-basica | {text}"),
            format!("CB-PRE-M | {shirt} | 59.9 |  | Preto | M | camiseta-basica | {text}"),
            format!(
                "camiseta-basica:Branco:G | {shirt} | 64.9 |  | Branco | G | camiseta-basica | {text}"
            ),
            format!(
                "TC-40 | {shoe} | 249 | 299 |  | 40 | tenis-corrida | Amortecimento para longas distâncias"
            ),
            format!(
                "TC-41 | {shoe} | 299 |  |  | 41 | tenis-corrida | Amortecimento para longas distâncias"
            ),
        ]
    );
    assert_eq!(
        r.errors,
        [
            "line 7: not published: Exibir na loja is \"NÃO\"",
            "line 8: variant of a product not found before it (\"fantasma\")",
        ]
    );
    let p = |id: &str| r.products.iter().find(|p| p.id == id).unwrap();
    assert_eq!(p("CB-PRE-M").stock, Some(8));
    assert_eq!(
        p("CB-PRE-M").extra.get("gtin").map(String::as_str),
        Some("7890000000028")
    );
    assert_eq!(p("TC-41").gender.as_deref(), Some("Women"));
}

// ------------------------------------------------------------------ Bling

#[test]
fn bling_descricao_is_the_name_and_variations_carry_their_options() {
    let r = read("bling.csv");
    assert_eq!(r.platform, Some("Bling ERP product export"));
    let polo = "Camiseta Polo | Marinha | Vestuário > Camisas Polo";
    let text = "Polo em piquet é confortável";
    assert_eq!(
        lines(&r.products),
        [
            format!("CAM-1 | {polo} | 89.9 |  |  |  | CAM-1 | {text}"),
            format!("CAM-1-AZ-M | {polo} | 89.9 |  | Azul | M | CAM-1 | {text}"),
            format!("CAM-1-VM-G | {polo} | 94.9 |  | Vermelho | G | CAM-1 | {text}"),
            "MOC-1 | Mochila Escolar | Viagem+ | Acessórios > Mochilas | 149 |  |  |  | MOC-1 | Mochila com 3 compartimentos".to_string(),
        ]
    );
    assert_eq!(
        r.errors,
        [
            "line 5: not published: Situação is \"Inativo\"",
            "line 6: variant of a product not found before it (\"BER-1\")",
        ]
    );
    let p = |id: &str| r.products.iter().find(|p| p.id == id).unwrap();
    assert_eq!(
        p("CAM-1").image_url.as_deref(),
        Some("https://img.example/p1.jpg")
    );
    assert_eq!(
        p("CAM-1-AZ-M").image_url.as_deref(),
        Some("https://img.example/p1.jpg")
    );
    assert_eq!(
        p("CAM-1-VM-G").image_url.as_deref(),
        Some("https://img.example/p-vm.jpg")
    );
    assert_eq!(p("CAM-1-AZ-M").stock, Some(5));
}

// ----------------------------------------------------- every platform, CLI

#[test]
fn every_platform_export_imports_through_the_binary() {
    let cases = [
        (
            "woocommerce.csv",
            "WooCommerce product export",
            "8 rows read, 5 indexed, 3 skipped",
            "skipped line 8: variant of a product not found before it (\"99\")",
        ),
        (
            "nuvemshop.csv",
            "Nuvemshop / Tiendanube product export",
            "7 rows read, 5 indexed, 2 skipped",
            "skipped line 7: not published: Exibir na loja is \"NÃO\"",
        ),
        (
            "magento.csv",
            "Magento 2 product export",
            "7 rows read, 5 indexed, 2 skipped",
            "skipped line 7: not published: visibility is \"Not Visible Individually\"",
        ),
        (
            "bling.csv",
            "Bling ERP product export",
            "6 rows read, 4 indexed, 2 skipped",
            "skipped line 5: not published: Situação is \"Inativo\"",
        ),
    ];
    for (file, platform, counts, skipped) in cases {
        let dir = tempfile::tempdir().unwrap();
        let csv = fixture(file);
        let (ok, text) = vitrine(&[
            "import",
            csv.to_str().unwrap(),
            "--index",
            dir.path().to_str().unwrap(),
        ]);
        assert!(ok, "{text}");
        assert!(text.contains(&format!("recognised: {platform}")), "{text}");
        assert!(text.contains(counts), "{text}");
        assert!(text.contains(skipped), "{text}");
    }
}

// -------------------------------------------------------------- Magento

/// Reads a file twice, as the import does when a first reading finds
/// variants listed by a product after them.
fn read_twice(name: &str) -> Read {
    let mut first = CatalogReader::open(&fixture(name), &ReadOptions::default()).unwrap();
    for _ in &mut first {}
    let merges = first.take_category_merges();
    let mut reader = CatalogReader::open(&fixture(name), &ReadOptions::default()).unwrap();
    reader.merge_categories(merges);
    read_from(reader)
}

#[test]
fn magento_children_join_the_configurable_product_that_lists_them() {
    // One reading alone: the children before their product are not
    // visible individually, the one after it is its variant.
    let once = read("magento.csv");
    assert_eq!(once.platform, Some("Magento 2 product export"));
    assert_eq!(
        once.errors[..2],
        [
            "line 2: not published: visibility is \"Not Visible Individually\"",
            "line 3: not published: visibility is \"Not Visible Individually\"",
        ]
    );
    let r = read_twice("magento.csv");
    let kit = "Beaumont Summit Kit |  | Men/Tops/Jackets";
    let text = "A light jacket for chilly runs. climate: Cool, Windy.";
    assert_eq!(
        lines(&r.products),
        [
            format!("MJ01-S-Red | {kit} | 42 |  | Red | S | MJ01 | {text}"),
            format!("MJ01-M-Blue | {kit} | 35 | 42 | Blue | M | MJ01 | {text}"),
            format!("MJ01 | {kit} | 42 |  |  |  | MJ01 | {text}"),
            format!("MJ01-L-Red | {kit} | 44 |  | Red | L | MJ01 | {text}"),
            "24-MB01 | Joust Duffle Bag |  | Gear/Bags | 34 |  |  |  | 24-MB01 | The sporty Joust Duffle Bag can't be beat. material: Nylon, Polyester. activity: Gym, Travel.".to_string(),
        ]
    );
    // A simple product no configurable lists, not visible on its own, and
    // a disabled one are not for sale.
    assert_eq!(
        r.errors,
        [
            "line 7: not published: visibility is \"Not Visible Individually\"",
            "line 8: not published: product_online is \"2\"",
        ]
    );
    let p = |id: &str| r.products.iter().find(|p| p.id == id).unwrap();
    // The product's attributes, the variant's own over them; flags
    // (eco_collection=Yes, has_options=0) say nothing.
    assert_eq!(p("MJ01-L-Red").material.as_deref(), Some("Fleece"));
    assert_eq!(
        p("MJ01-L-Red")
            .extra
            .get("style general")
            .map(String::as_str),
        Some("Jacket")
    );
    assert!(r.products.iter().all(|p| {
        !p.extra.contains_key("eco collection") && !p.extra.contains_key("has options")
    }));
    // product_type is the platform's kind of row, never a category.
    assert!(
        r.products
            .iter()
            .all(|p| !p.extra.contains_key("product_type"))
    );
    assert_eq!(
        (p("MJ01-M-Blue").stock, p("MJ01-L-Red").stock),
        (Some(0), None)
    );
}

#[test]
fn a_shopper_finds_the_sizes_and_colours_of_a_magento_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some("USD".into());
    import(&fixture("magento.csv"), dir.path(), &opts).unwrap();
    let engine = Engine::open(dir.path()).unwrap();
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "red jacket for men", 10).unwrap();
    assert!(turn.relaxed.is_empty(), "{}", turn.reply);
    // One model: its red sizes as one card.
    assert_eq!(turn.total, 1, "{}", turn.reply);
    assert_eq!(
        turn.products[0].color.as_deref(),
        Some("Red"),
        "{}",
        turn.reply
    );
    let turn = engine.turn(&mut session, "size M", 10).unwrap();
    // No red M: the colour is set aside, and the reply says so.
    assert!(!turn.relaxed.is_empty(), "{}", turn.reply);
    let found: Vec<(&str, Option<&str>)> = turn
        .products
        .iter()
        .map(|p| (p.id.as_str(), p.size.as_deref()))
        .collect();
    assert_eq!(found, [("MJ01-M-Blue", Some("M"))], "{}", turn.reply);
}

/// A 2022 Shopify export of a frozen-food wholesaler (its columns before
/// the 2024 rename): the merchant's "Custom Product Type" is the type, its
/// comma-separated Tags are searched but never asked about, and a budget
/// in ringgit is the store's currency.
#[test]
fn a_shopify_export_with_custom_product_types_and_tags() {
    let mut csv = String::from(
        "Handle,Title,Body (HTML),Vendor,Standard Product Type,Custom Product Type,Tags,Published,Variant SKU,Variant Price\n",
    );
    let rows = [
        (
            "wings",
            "Marinated Chicken Wing 1kg",
            "Chicken",
            "Malaysia, Marinated, Wing",
            "18.90",
        ),
        (
            "cajun",
            "Cajun Chicken Wing 1kg",
            "Chicken",
            "Malaysia, Marinated, Wing",
            "19.90",
        ),
        (
            "breast",
            "Boneless Chicken Breast 1kg",
            "Chicken",
            "Boneless Breast, Malaysia",
            "16.50",
        ),
        (
            "drum",
            "Chicken Drumstick 1kg",
            "Chicken",
            "Drumstick, Malaysia",
            "12.90",
        ),
        (
            "rack",
            "Lamb Rack Frenched",
            "Lamb",
            "New Zealand, Rack",
            "89.00",
        ),
        (
            "shoulder",
            "Lamb Shoulder Boneless",
            "Lamb",
            "Marinated, New Zealand, Shoulder",
            "45.00",
        ),
        (
            "ribeye",
            "Beef Ribeye Steak 250g",
            "Beef",
            "New Zealand, Ribeye, Steak",
            "39.90",
        ),
        (
            "striploin",
            "Beef Striploin Steak 250g",
            "Beef",
            "Australia, Steak, Striploin",
            "34.90",
        ),
        (
            "soup",
            "Cream of Mushroom Soup 500g",
            "Snack",
            "Mushroom, Retail, Soup",
            "8.90",
        ),
        (
            "csoup",
            "Chicken & Corn Soup 500g",
            "Snack",
            "Chicken, Retail, Soup",
            "9.50",
        ),
    ];
    for (handle, title, kind, tags, price) in rows {
        csv.push_str(&format!(
            "{handle},{title},<p>Frozen.</p>,Tong Hing,,{kind},\"Frozen, {tags}\",true,{handle}-1,{price}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("products_export_1.csv");
    std::fs::write(&path, csv).unwrap();
    let index = dir.path().join("index");
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some("MYR".into());
    let summary = import(&path, &index, &opts).unwrap();
    let tags = summary.stored_only.iter().find(|c| c.header == "Tags");
    assert!(
        tags.is_some_and(|c| c.why.to_string().contains("lists")),
        "{:?}",
        summary.stored_only
    );
    let engine = Engine::open(&index).unwrap();
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "lamb", 10).unwrap();
    let ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "{}", turn.reply);
    assert!(
        ids.iter().all(|id| ["rack-1", "shoulder-1"].contains(id)),
        "{}",
        turn.reply
    );
    assert!(!turn.reply.contains("Which tags"), "{}", turn.reply);
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "soup under 10 ringgit", 10)
        .unwrap();
    let ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "{}", turn.reply);
    assert!(!turn.reply.contains("ringgit"), "{}", turn.reply);
    // A tag is searched: the wings tagged "Marinated" are found by it.
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "marinated chicken", 10).unwrap();
    let ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.contains(&"cajun-1"), "{}", turn.reply);
}
