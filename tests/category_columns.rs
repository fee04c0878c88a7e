//! Category columns beyond the first, and one product listed under
//! several categories, through the real import, the index and a chat turn:
//! `primary_category`, `secondary_category`, `tertiary_category` (a
//! beauty store's export) and `category`, `sub_category`, `type` (a
//! grocer's) are levels of one path, a department found with every
//! category is not; the same id on rows differing only in their category
//! (a furniture store's `;`-separated export with a row-number column) is
//! one product in both categories, a repeated id with another price is
//! still a duplicate; an `out_of_stock` flag of 1 is out of stock. The
//! catalogs are written by each test in the shape of those exports.

use std::path::Path;
use vitrine::catalog::RowErrorKind;
use vitrine::index::{ImportOptions, ImportSummary, ProductIndex, import};
use vitrine::{Engine, Session, Slot};

/// Imports `csv` (written to a temporary file) into a new index.
fn imported(csv: &str) -> (tempfile::TempDir, ImportSummary) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.csv");
    std::fs::write(&path, csv).expect("write catalog");
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some("USD".into());
    let summary = import(&path, &dir.path().join("index"), &opts).expect("import");
    (dir, summary)
}

fn index_in(dir: &tempfile::TempDir) -> ProductIndex {
    ProductIndex::open(&dir.path().join("index")).expect("open the index")
}

/// Where the printed mapping sends `column`.
fn target_of<'m>(mapping: &'m str, column: &str) -> &'m str {
    mapping
        .lines()
        .find_map(|l| {
            let (name, target) = l.split_once(" -> ")?;
            (name.trim() == column).then_some(target)
        })
        .unwrap_or("")
}

/// The product types the index gives a product.
fn types_of(index: &ProductIndex, id: &str) -> Vec<String> {
    let (address, _) = index.product_by_id(id).expect("lookup").expect(id);
    index
        .facets_of(address)
        .into_iter()
        .filter(|(slot, _)| *slot == Slot::Type)
        .flat_map(|(_, v)| v.into_iter().map(|(value, _)| value))
        .collect()
}

/// The ids a turn shows, sorted, and its reply.
fn shown(engine: &Engine, message: &str) -> (Vec<String>, String) {
    let mut session = Session::default();
    let turn = engine.turn(&mut session, message, 20).expect("turn");
    let mut ids: Vec<String> = turn.products.iter().map(|p| p.id.clone()).collect();
    ids.sort();
    (ids, turn.reply)
}

/// A beauty store's export in Sephora's shape: three category levels, the
/// audience in the second ("Fragrance > Men > Cologne"), the kind in the
/// third; an `out_of_stock` flag.
fn beauty_store() -> String {
    let mut csv = String::from(
        "product_id,product_name,brand_name,price_usd,out_of_stock,\
         primary_category,secondary_category,tertiary_category\n",
    );
    let rows = [
        (
            "P1",
            "Bleu de Chanel",
            "CHANEL",
            120,
            0,
            "Fragrance",
            "Men",
            "Cologne",
        ),
        (
            "P2",
            "Sauvage",
            "Dior",
            110,
            1,
            "Fragrance",
            "Men",
            "Cologne",
        ),
        (
            "P3",
            "Aventus",
            "Creed",
            390,
            0,
            "Fragrance",
            "Men",
            "Cologne",
        ),
        (
            "P4",
            "Ombré Leather",
            "Tom Ford",
            180,
            0,
            "Fragrance",
            "Men",
            "Cologne",
        ),
        (
            "P5",
            "Gucci Bloom",
            "Gucci",
            98,
            0,
            "Fragrance",
            "Women",
            "Perfume",
        ),
        (
            "P6",
            "Coco Mademoiselle",
            "CHANEL",
            150,
            0,
            "Fragrance",
            "Women",
            "Perfume",
        ),
        (
            "P7",
            "J'adore",
            "Dior",
            130,
            0,
            "Fragrance",
            "Women",
            "Perfume",
        ),
        (
            "P8",
            "Good Girl",
            "Carolina Herrera",
            125,
            0,
            "Fragrance",
            "Women",
            "Perfume",
        ),
        (
            "P9",
            "Rouge Allure Velvet",
            "CHANEL",
            45,
            0,
            "Makeup",
            "Lip",
            "Lipstick",
        ),
        (
            "P10",
            "Matte Revolution",
            "Charlotte Tilbury",
            35,
            0,
            "Makeup",
            "Lip",
            "Lipstick",
        ),
        (
            "P11",
            "Gloss Bomb",
            "Fenty Beauty",
            21,
            0,
            "Makeup",
            "Lip",
            "Lip Gloss",
        ),
        (
            "P12",
            "Lash Sensational",
            "Maybelline",
            12,
            0,
            "Makeup",
            "Eye",
            "Mascara",
        ),
        (
            "P13",
            "Better Than Sex",
            "Too Faced",
            29,
            0,
            "Makeup",
            "Eye",
            "Mascara",
        ),
        (
            "P14",
            "Supersonic",
            "Dyson",
            429,
            0,
            "Hair",
            "Tools",
            "Hair Dryers",
        ),
        (
            "P15",
            "Buttercup Blow-Dryer",
            "Drybar",
            199,
            0,
            "Hair",
            "Tools",
            "Hair Dryers",
        ),
        (
            "P16",
            "Airwrap",
            "Dyson",
            599,
            0,
            "Hair",
            "Tools",
            "Curling Irons",
        ),
        (
            "P17",
            "Dry Shampoo",
            "Living Proof",
            26,
            0,
            "Hair",
            "Shampoo & Conditioner",
            "Shampoo",
        ),
        (
            "P18",
            "Bond Maintenance",
            "Olaplex",
            30,
            0,
            "Hair",
            "Shampoo & Conditioner",
            "Shampoo",
        ),
        (
            "P19",
            "Brow Wiz",
            "Anastasia Beverly Hills",
            25,
            0,
            "Makeup",
            "Eye",
            "Eyebrow",
        ),
        (
            "P20",
            "Lip Pencil",
            "MAC",
            22,
            0,
            "Makeup",
            "Lip",
            "Lip Liner",
        ),
        (
            "P21",
            "English Pear",
            "Jo Malone London",
            35,
            0,
            "Fragrance",
            "Women",
            "Rollerballs",
        ),
        (
            "P22",
            "Platinum+ Styler",
            "ghd",
            249,
            0,
            "Hair",
            "Tools",
            "Flat Irons",
        ),
        (
            "P23",
            "Bond Conditioner",
            "Olaplex",
            30,
            0,
            "Hair",
            "Shampoo & Conditioner",
            "Conditioner",
        ),
    ];
    for (id, name, brand, price, out, primary, secondary, tertiary) in rows {
        csv.push_str(&format!(
            "{id},{name},{brand},{price},{out},{primary},{secondary},{tertiary}\n"
        ));
    }
    csv
}

#[test]
fn ordinal_category_columns_are_one_path() {
    let (dir, summary) = imported(&beauty_store());
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    for (column, target) in [
        ("primary_category", "category, level 1 of 3"),
        ("secondary_category", "category, level 2 of 3"),
        ("tertiary_category", "category, level 3 of 3"),
    ] {
        let found = target_of(&summary.mapping, column);
        assert!(found.starts_with(target), "{column}: {found}");
    }
    let index = index_in(&dir);
    let (_, cologne) = index.product_by_id("P1").expect("read").expect("P1");
    assert_eq!(
        cologne.category.as_deref(),
        Some("Fragrance > Men > Cologne")
    );
    assert_eq!(cologne.gender.as_deref(), Some("Men"), "the audience level");
    let (_, perfume) = index.product_by_id("P5").expect("read").expect("P5");
    assert_eq!(perfume.gender.as_deref(), Some("Women"));
    assert!(types_of(&index, "P9").contains(&"Lipstick".to_string()));
    assert!(types_of(&index, "P15").contains(&"Hair Dryers".to_string()));

    let engine = Engine::open(&dir.path().join("index")).expect("engine");
    // The men's colognes, and no women's perfume: the audience is the path's.
    let (ids, reply) = shown(&engine, "men's cologne");
    assert_eq!(ids, ["P1", "P2", "P3", "P4"], "{reply}");
    // Kinds the titles never name.
    let (ids, reply) = shown(&engine, "lipstick");
    assert_eq!(ids, ["P10", "P9"], "{reply}");
    let (ids, reply) = shown(&engine, "hair dryer");
    assert_eq!(ids, ["P14", "P15"], "{reply}");
}

#[test]
fn an_out_of_stock_flag_is_out_of_stock() {
    let (dir, summary) = imported(&beauty_store());
    assert_eq!(target_of(&summary.mapping, "out_of_stock"), "sold_out");
    let index = index_in(&dir);
    let (_, sold_out) = index.product_by_id("P2").expect("read").expect("P2");
    assert_eq!(sold_out.stock, Some(0), "out_of_stock 1");
    let (_, in_stock) = index.product_by_id("P1").expect("read").expect("P1");
    assert_eq!(in_stock.stock, None, "out_of_stock 0 says no count");
    // Portuguese: `esgotado` is the same flag.
    let (dir, _) =
        imported("sku;nome;preco;esgotado\nA;Vestido Midi;99,90;sim\nB;Saia Longa;79,90;não\n");
    let index = index_in(&dir);
    let stock = |id: &str| index.product_by_id(id).expect("read").expect(id).1.stock;
    assert_eq!((stock("A"), stock("B")), (Some(0), None));
}

/// A grocer's export in BigBasket's shape: `category`, `sub_category`,
/// then a finer `type` after the brand and prices.
fn grocer() -> String {
    let mut csv =
        String::from("index,product,category,sub_category,brand,sale_price,market_price,type\n");
    let rows = [
        (
            "Dishwash Gel - Lemon",
            "Cleaning & Household",
            "All Purpose Cleaners",
            "Vim",
            "Dishwash Liquids & Pastes",
        ),
        (
            "Dishwash Bar",
            "Cleaning & Household",
            "All Purpose Cleaners",
            "Exo",
            "Dishwash Bars & Powders",
        ),
        (
            "Floor Cleaner - Pine",
            "Cleaning & Household",
            "All Purpose Cleaners",
            "Lizol",
            "Floor & Other Cleaners",
        ),
        (
            "Toilet Cleaner",
            "Cleaning & Household",
            "All Purpose Cleaners",
            "Harpic",
            "Toilet Cleaners",
        ),
        (
            "Detergent Powder",
            "Cleaning & Household",
            "Detergents & Dishwash",
            "Surf Excel",
            "Detergent Powder & Bars",
        ),
        (
            "Liquid Detergent",
            "Cleaning & Household",
            "Detergents & Dishwash",
            "Ariel",
            "Liquid Detergents",
        ),
        (
            "Fabric Conditioner",
            "Cleaning & Household",
            "Detergents & Dishwash",
            "Comfort",
            "Fabric Softeners",
        ),
        (
            "Basmati Rice",
            "Foodgrains, Oil & Masala",
            "Rice & Rice Products",
            "India Gate",
            "Basmati Rice",
        ),
        (
            "Sona Masoori Rice",
            "Foodgrains, Oil & Masala",
            "Rice & Rice Products",
            "Fortune",
            "Raw Rice",
        ),
        (
            "Poha",
            "Foodgrains, Oil & Masala",
            "Rice & Rice Products",
            "Tata",
            "Poha, Sabudana & Murmura",
        ),
        (
            "Sunflower Oil",
            "Foodgrains, Oil & Masala",
            "Edible Oils & Ghee",
            "Fortune",
            "Sunflower, Rice Bran Oil",
        ),
        (
            "Cow Ghee",
            "Foodgrains, Oil & Masala",
            "Edible Oils & Ghee",
            "Amul",
            "Ghee & Vanaspati",
        ),
    ];
    for (i, (product, category, sub, brand, kind)) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "{},{product},\"{category}\",\"{sub}\",{brand},{},{},\"{kind}\"\n",
            i + 1,
            90 + i,
            100 + i
        ));
    }
    csv
}

#[test]
fn a_finer_type_column_is_the_last_level() {
    let (dir, summary) = imported(&grocer());
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    for (column, target) in [
        ("category", "category, level 1 of 3"),
        ("sub_category", "category, level 2 of 3"),
        ("type", "category, level 3 of 3"),
    ] {
        let found = target_of(&summary.mapping, column);
        assert!(found.starts_with(target), "{column}: {found}");
    }
    let index = index_in(&dir);
    let (_, gel) = index.product_by_id("line-2").expect("read").expect("row 1");
    assert_eq!(
        gel.category.as_deref(),
        Some("Cleaning & Household > All Purpose Cleaners > Dishwash Liquids & Pastes")
    );
    assert!(!gel.extra.contains_key("type"), "{:?}", gel.extra);
    let engine = Engine::open(&dir.path().join("index")).expect("engine");
    let (ids, reply) = shown(&engine, "dishwash liquid");
    assert_eq!(ids, ["line-2"], "{reply}");
}

#[test]
fn a_department_found_with_every_category_is_no_level() {
    // `department` names the audience, and each category is in several:
    // no path of the two; the category column is the category, as before.
    let csv = "id,title,department,category,price\n\
               1,Runner,Men,Shoes,50\n\
               2,Runner W,Women,Shoes,50\n\
               3,Oxford Shirt,Men,Shirts,30\n\
               4,Silk Shirt,Women,Shirts,40\n\
               5,Kids Runner,Kids,Shoes,25\n\
               6,Kids Tee,Kids,Shirts,10\n\
               7,Tote,Women,Bags,60\n\
               8,Backpack,Men,Bags,45\n";
    let (dir, summary) = imported(csv);
    assert!(!summary.mapping.contains("level"), "{}", summary.mapping);
    let index = index_in(&dir);
    let (_, p) = index.product_by_id("3").expect("read").expect("row 3");
    assert_eq!(p.category.as_deref(), Some("Shirts"));
}

/// A furniture store's export in IKEA's shape: `;`-separated, decimal
/// commas, a BOM, a row-number column, and a product listed under each of
/// its categories (the same id, every other cell the same).
fn furniture_store() -> String {
    let mut csv = String::from("\u{feff}X1;item_id;name;category;price;link;short_description\n");
    let rows = [
        (
            "80155205",
            "STIG",
            "Bar furniture",
            "75,0",
            "stig-bar-stool",
            "Bar stool with backrest, 74 cm",
        ),
        (
            "90420332",
            "FREKVENS",
            "Bar furniture",
            "265,0",
            "frekvens-bar-table",
            "Bar table, in/outdoor",
        ),
        (
            "10368814",
            "NORDVIKEN",
            "Bar furniture",
            "995,0",
            "nordviken-bar-table",
            "Bar table, 140x80 cm",
        ),
        ("40385512", "ADDE", "Chairs", "30,0", "adde-chair", "Chair"),
        (
            "20353512",
            "TOBIAS",
            "Chairs",
            "295,0",
            "tobias-chair",
            "Chair",
        ),
        (
            "80155205",
            "STIG",
            "Chairs",
            "75,0",
            "stig-bar-stool",
            "Bar stool with backrest, 74 cm",
        ),
        (
            "50245421",
            "LACK",
            "Tables & desks",
            "35,0",
            "lack-side-table",
            "Side table",
        ),
        (
            "70391505",
            "MELLTORP",
            "Tables & desks",
            "199,0",
            "melltorp-table",
            "Table, 125x75 cm",
        ),
        (
            "90420332",
            "FREKVENS",
            "Outdoor furniture",
            "265,0",
            "frekvens-bar-table",
            "Bar table, in/outdoor",
        ),
        // The same id with another price: a duplicate, reported as before.
        (
            "50245421",
            "LACK",
            "Tables & desks",
            "45,0",
            "lack-side-table",
            "Side table",
        ),
    ];
    for (i, (id, name, category, price, slug, description)) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "{i};{id};{name};{category};{price};https://www.ikea.com/sa/en/p/{slug}-{id}/;{description}\n"
        ));
    }
    csv
}

#[test]
fn a_product_listed_under_two_categories_is_one_product_in_both() {
    let (dir, summary) = imported(&furniture_store());
    assert_eq!(summary.rows_read, 10);
    assert_eq!(summary.indexed, 7);
    assert_eq!(summary.merged.len(), 2, "{:?}", summary.merged);
    // The repeated id with another price stays a duplicate, skipped with
    // the line of its first row.
    let duplicates: Vec<_> = summary.errors.iter().map(|e| (e.line, &e.kind)).collect();
    assert_eq!(duplicates, [(11, &RowErrorKind::DuplicateId(8))]);

    let index = index_in(&dir);
    let (_, stool) = index
        .product_by_id("80155205")
        .expect("read")
        .expect("STIG");
    assert_eq!(
        stool.category.as_deref(),
        Some("Bar furniture"),
        "the first"
    );
    assert_eq!(stool.categories, ["Bar furniture", "Chairs"]);
    let (_, table) = index
        .product_by_id("90420332")
        .expect("read")
        .expect("FREKVENS");
    assert_eq!(table.categories, ["Bar furniture", "Outdoor furniture"]);
    let (_, chair) = index
        .product_by_id("40385512")
        .expect("read")
        .expect("ADDE");
    assert!(
        chair.categories.is_empty(),
        "one category: {:?}",
        chair.categories
    );
    let types = types_of(&index, "80155205");
    for t in ["Bar furniture", "Chairs"] {
        assert!(types.contains(&t.to_string()), "{t} in {types:?}");
    }

    let engine = Engine::open(&dir.path().join("index")).expect("engine");
    let (ids, reply) = shown(&engine, "chairs");
    assert_eq!(ids, ["20353512", "40385512", "80155205"], "{reply}");
    let (ids, reply) = shown(&engine, "outdoor furniture");
    assert_eq!(ids, ["90420332"], "{reply}");
}

#[test]
fn the_import_report_counts_the_merged_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("ikea.csv");
    std::fs::write(&csv, furniture_store()).expect("write");
    let report = dir.path().join("report.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(["import", s(&csv), "--index", s(&dir.path().join("index"))])
        .args(["--currency", "SAR", "--report", s(&report)])
        .output()
        .expect("the vitrine binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains(
            "merged 2 rows listing a product of an earlier row again under another category \
             (line 7 into line 2): 2 products are in each of their categories"
        ),
        "{text}"
    );
    assert!(
        text.contains("10 rows read, 7 indexed, 2 merged, 1 skipped"),
        "{text}"
    );
    let report = std::fs::read_to_string(&report).expect("report");
    assert!(
        report.contains(
            "7,80155205,\"kept: the product of line 2 again, in another category: merged, in \"\"Chairs\"\" too\""
        ),
        "{report}"
    );
    assert!(report.contains("11,50245421,duplicate id"), "{report}");
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}
