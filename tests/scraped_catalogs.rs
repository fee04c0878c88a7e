//! What real exports and crawls carry besides their products' attributes,
//! imported from small CSV files written by each test: bookkeeping columns
//! (yes/no flags, timestamps, SKUs, sentences, file names) that are stored
//! but never asked about; prices written as ranges, twice, after a label,
//! or before a unit price, and cells saying there is no price yet; brand
//! cells holding a colour or a word titles use to describe products; specification cells holding the attributes a row's columns
//! lack. Through `vitrine::index::import` and the real binary's report.

use std::path::Path;
use vitrine::index::{ImportOptions, ImportSummary, ProductIndex, StoredOnly, import};
use vitrine::{Engine, Session};

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

/// Runs `vitrine import` on `csv` and returns what it printed.
fn import_report(csv: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.csv");
    std::fs::write(&path, csv).expect("write catalog");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(["import", s(&path), "--index", s(&dir.path().join("index"))])
        .output()
        .expect("the vitrine binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// A shirt catalog with the extra columns of a marketplace crawl and a
/// WooCommerce export beside two genuine attribute columns.
fn shirts_with_bookkeeping() -> String {
    let mut csv = String::from(
        "id,title,description,price,is_FK_Advantage_product,crawl_timestamp,sku,\
         short_description,download_name,Pattern,Occasion\n",
    );
    let patterns = ["Solid", "Printed", "Striped", "Checkered"];
    let occasions = ["Casual", "Party", "Formal"];
    let sentences = ["This is a simple product.", "This is a variable product."];
    for i in 0..24 {
        csv.push_str(&format!(
            "{i},Acme {pattern} Men's Shirt {i},A cotton shirt.,{price},{flag},2016-0{month}-1{day} 0{day}:22:56 +0000,\
             acme-shirt-{i},{sentence},shirt-{i}.pdf,{pattern},{occasion}\n",
            pattern = patterns[i % 4],
            price = 500 + i * 10,
            flag = if i % 3 == 0 { "TRUE" } else { "FALSE" },
            month = 1 + i % 6,
            day = i % 10,
            sentence = sentences[i % 2],
            occasion = occasions[i % 3],
        ));
    }
    csv
}

#[test]
fn bookkeeping_columns_are_stored_but_no_facets() {
    let (dir, summary) = imported(&shirts_with_bookkeeping());
    assert_eq!(summary.indexed, 24);
    let index = index_in(&dir);
    let facets: Vec<&str> = index
        .vocabulary()
        .facets
        .keys()
        .map(String::as_str)
        .collect();
    assert!(facets.contains(&"pattern"), "{facets:?}");
    assert!(facets.contains(&"occasion"), "{facets:?}");
    for junk in [
        "is_fk_advantage_product",
        "crawl_timestamp",
        "sku",
        "short_description",
        "download_name",
    ] {
        assert!(!facets.contains(&junk), "{junk} in {facets:?}");
    }
    let why = |header: &str| {
        summary
            .stored_only
            .iter()
            .find(|c| c.header == header)
            .map(|c| c.why.clone())
    };
    assert_eq!(why("is_FK_Advantage_product"), Some(StoredOnly::Flags));
    assert_eq!(why("crawl_timestamp"), Some(StoredOnly::Dates));
    assert_eq!(
        why("sku"),
        Some(StoredOnly::Identifiers {
            values: 24,
            rows: 24
        })
    );
    assert_eq!(why("short_description"), Some(StoredOnly::Text));
    assert_eq!(why("download_name"), Some(StoredOnly::Links));
    assert_eq!(why("Pattern"), None);
    assert_eq!(index.manifest().stored_only, summary.stored_only);

    // Still stored with the product, for API clients.
    let (_, shirt) = index.product_by_id("7").expect("read").expect("product 7");
    assert_eq!(
        shirt.extra.get("sku").map(String::as_str),
        Some("acme-shirt-7")
    );
    assert_eq!(
        shirt
            .extra
            .get("is_FK_Advantage_product")
            .map(String::as_str),
        Some("FALSE")
    );

    // The conversation offers the genuine attributes only.
    let engine = Engine::open(&dir.path().join("index")).expect("open the engine");
    let turn = engine
        .turn(&mut Session::default(), "shirts", 5)
        .expect("turn");
    let said = format!("{} {:?}", turn.reply, turn.suggestions).to_lowercase();
    for junk in [
        "advantage",
        "false",
        "timestamp",
        "acme-shirt",
        "variable product",
    ] {
        assert!(!said.contains(junk), "{junk}: {said}");
    }
}

#[test]
fn the_import_report_says_which_columns_are_stored_only_and_why() {
    let report = import_report(&shirts_with_bookkeeping());
    for line in [
        "stored only, not a facet: is_FK_Advantage_product (yes/no values)",
        "stored only, not a facet: crawl_timestamp (dates or times)",
        "stored only, not a facet: sku (about one value per row, an identifier or a name: 24 values in 24 rows)",
        "stored only, not a facet: short_description (sentences or long text)",
        "stored only, not a facet: download_name (web or e-mail addresses, or file names)",
    ] {
        assert!(report.contains(line), "{line:?} not in\n{report}");
    }
    assert!(!report.contains("not a facet: Pattern"), "{report}");
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

/// A grocer's crawl: prices followed by a unit price or a quantity, in
/// pence, not given yet, and recipes that have no price at all.
const UNIT_PRICES: &str = "id,title,category,price
1,Harrison Gin 70cl,Wine & Spirits > Gin,£15.99 £22.84 per litre
2,Baby Snuggle Nest,Baby > Sleep,£29.99 each
3,Bananas,Fruit & Veg,£1.29 (£2.58/kg)
4,Hand Wash,Household,45p per 100ml
5,Walking Socks,Clothing,£4.99 per pair
6,Sparkling Water,Drinks,£3.99 4pk
7,Cassis Royale,Recipes > Drinks,Price Coming Soon
8,Cabernet Sauvignon 75cl,Wine & Spirits > Red,£6.99 £9.32 per 75cl
9,Salmon Fillets,Fish,12 apples
10,Gin Fizz,Recipes > Drinks,
11,Roast Dinner,Recipes > Mains,
";

#[test]
fn a_price_followed_by_a_unit_price_or_a_quantity_is_its_leading_amount() {
    let (dir, summary) = imported(UNIT_PRICES);
    // Only the cell that is no price is skipped, with its line.
    let errors: Vec<String> = summary.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors, ["line 10: unparsable price \"12 apples\""]);
    assert_eq!(summary.indexed, 10);
    let index = index_in(&dir);
    let price = |id: &str| {
        let (_, p) = index.product_by_id(id).expect("read").expect("product");
        p.price
    };
    assert_eq!(price("1"), Some(15.99));
    assert_eq!(price("2"), Some(29.99));
    assert_eq!(price("3"), Some(1.29));
    assert_eq!(price("4"), Some(0.45));
    assert_eq!(price("5"), Some(4.99));
    assert_eq!(price("6"), Some(3.99));
    assert_eq!(price("7"), None);
    assert_eq!(price("8"), Some(6.99));
    // "Price Coming Soon" keeps the row without a price, and says so.
    let kept: Vec<String> = summary.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        kept,
        ["line 8: price \"Price Coming Soon\" says there is no price: kept without a price"]
    );
    // The recipes are the catalog's only unpriced products.
    assert_eq!(summary.unpriced.products, 3);
    assert_eq!(
        summary.unpriced.whole_categories,
        [("Recipes".to_string(), 3)]
    );
}

#[test]
fn the_import_report_names_a_category_without_any_price() {
    let report = import_report(UNIT_PRICES);
    assert!(
        report.contains(
            "3 products without a price (kept: found by name, never within a budget); \
             all in category \"Recipes\", where no product has a price"
        ),
        "{report}"
    );
}

#[test]
fn brazilian_unit_prices_are_read() {
    let csv = "id;nome;preço\n1;Queijo Minas;R$ 9,90 cada\n2;Picanha;R$ 69,90 / kg\n\
               3;Vinho Tinto;Sob consulta\n4;Azeite;R$ 39,90\n5;Vinho Branco;Esgotado\n";
    let (dir, summary) = imported(csv);
    assert_eq!(summary.indexed, 5, "{:?}", summary.errors);
    let index = index_in(&dir);
    let price = |id: &str| {
        let (_, p) = index.product_by_id(id).expect("read").expect("product");
        p.price
    };
    assert_eq!(price("1"), Some(9.9));
    // A price per kilo is what a product sold by weight costs.
    assert_eq!(price("2"), Some(69.9));
    assert_eq!(price("3"), None);
    // Sold out: no price, and out of stock.
    let (_, sold_out) = index.product_by_id("5").expect("read").expect("product");
    assert_eq!((sold_out.price, sold_out.stock), (None, Some(0)));
    assert_eq!(summary.notices.len(), 2, "{:?}", summary.notices);
}

/// A marketplace export whose titles lead with the brand, and whose brand
/// column sometimes holds the product's colour or its fit.
fn marketplace_with_junk_brands() -> String {
    let mut csv = String::from("id,title,brand,price\n");
    let mut id = 0;
    let mut row = |title: &str, brand: &str| {
        id += 1;
        csv.push_str(&format!("{id},{title},{brand},{}\n", 300 + id));
    };
    for brand in ["Clovia", "Grafion", "Vaishna", "Ploomz"] {
        row(&format!("{brand} Women's Full Coverage Bra"), brand);
        row(&format!("{brand} Women's T-Shirt Bra"), "Black");
        row(&format!("{brand} Women's Push-up Bra"), "Pink");
    }
    for brand in ["Pazel", "Police", "Powell", "Lee", "Wrangler", "Levi's"] {
        row(&format!("{brand} Slim Fit Men's Jeans"), brand);
        row(&format!("{brand} Regular Fit Men's Jeans"), brand);
        row(&format!("{brand} Men's Solid Casual Shirt"), "Slim");
        row(
            &format!("{brand} Men's Printed Casual Shirt"),
            "Regular Fit",
        );
    }
    // Ordinary words that are brands: their own titles lead with them.
    row("Apple iPhone 6 Case", "Apple");
    row("Apple AirPort Express Base Station", "Apple");
    for phone in ["6", "6S", "5", "5S", "7"] {
        row(&format!("Acme Back Cover for Apple iPhone {phone}"), "Acme");
    }
    row("Royal Men's Kurta and Pyjama Set", "Royal");
    row("Royal Men's Pathani Suit Set", "Royal");
    csv
}

#[test]
fn colour_and_fit_words_in_the_brand_column_are_no_brands() {
    let (dir, summary) = imported(&marketplace_with_junk_brands());
    let index = index_in(&dir);
    let brands: Vec<&str> = index
        .vocabulary()
        .values("brand")
        .iter()
        .map(|v| v.value.as_str())
        .collect();
    for junk in ["Black", "Pink", "Slim", "Regular Fit"] {
        assert!(!brands.contains(&junk), "{junk} in {brands:?}");
    }
    for brand in ["Clovia", "Pazel", "Apple", "Royal", "Acme"] {
        assert!(brands.contains(&brand), "{brand} not in {brands:?}");
    }
    // The colour became the product's colour.
    let (_, bra) = index.product_by_id("2").expect("read").expect("bra");
    assert_eq!(bra.brand, None);
    assert_eq!(bra.color.as_deref(), Some("Black"));
    let (_, shirt) = index.product_by_id("35").expect("read").expect("shirt");
    assert_eq!(shirt.title, "Levi's Men's Solid Casual Shirt");
    assert_eq!((shirt.brand, shirt.color), (None, None));

    let set_aside = summary.brands_set_aside.expect("brand cells set aside");
    assert_eq!((set_aside.colours, set_aside.to_colour), (8, 8));
    assert_eq!(set_aside.qualifiers, 12);
    assert_eq!(index.manifest().brands_set_aside, Some(set_aside));

    // "black bra" is a colour, not the brand Black.
    let engine = Engine::open(&dir.path().join("index")).expect("open the engine");
    let turn = engine
        .turn(&mut Session::default(), "black bra", 10)
        .expect("turn");
    assert_eq!(turn.products.len(), 4, "{}", turn.reply);
    assert!(
        turn.products
            .iter()
            .all(|p| p.color.as_deref() == Some("Black")),
        "{}",
        turn.reply
    );
    assert!(!turn.reply.contains("by Black"), "{}", turn.reply);
}

#[test]
fn the_import_report_counts_the_brand_cells_set_aside() {
    let report = import_report(&marketplace_with_junk_brands());
    assert!(
        report.contains(
            "brand cells set aside, not brands: 20 rows (8 a colour (8 given it as their colour); \
             12 a word the titles use to describe products); commonest: "
        ),
        "{report}"
    );
    assert!(report.contains("Slim (6)"), "{report}");
}

/// A specification cell as Flipkart's export writes it (Ruby's hash syntax).
fn flipkart_specs(pairs: &[(&str, &str)]) -> String {
    let records: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{{\"key\"=>\"{k}\", \"value\"=>\"{v}\"}}"))
        .collect();
    format!("{{\"product_specification\"=>[{}]}}", records.join(", "))
}

/// A CSV cell, quoted.
fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// Boots whose colour and audience only their specification cell gives.
fn boots_with_specs() -> String {
    let mut csv = String::from(
        "uniq_id,product_name,product_category_tree,retail_price,discounted_price,brand,\
         product_specifications\n",
    );
    let rows = [
        ("b1", "Kielz Boots", "Black", "Women's", "Leather"),
        ("b2", "Kielz Boots", "Brown", "Women", "Suede"),
        ("b3", "Bruno Manetti Boots", "Black", "Men's", "Leather"),
        (
            "b4",
            "Salt N Pepper Boots",
            "Black",
            "Women, Girls",
            "Synthetic",
        ),
        ("b5", "Steppings Boots", "Tan", "Women's", "Leather"),
    ];
    for (id, title, colour, ideal_for, fabric) in rows {
        let specs = flipkart_specs(&[
            ("Occasion", "Casual"),
            ("Ideal For", ideal_for),
            ("Strap Color", "Silver"),
            ("Color", colour),
            ("Fabric", fabric),
        ]);
        let brand = title.split(' ').next().unwrap_or_default();
        csv.push_str(&format!(
            "{id},{title},Footwear >> Boots,1999,999,{brand},{}\n",
            quoted(&specs)
        ));
    }
    csv
}

#[test]
fn a_specification_cell_gives_the_attributes_a_row_lacks() {
    let (dir, summary) = imported(&boots_with_specs());
    assert_eq!(summary.indexed, 5, "{:?}", summary.errors);
    let index = index_in(&dir);
    let product = |id: &str| {
        let (_, p) = index.product_by_id(id).expect("read").expect("product");
        (p.color, p.gender, p.material)
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        product("b1"),
        (some("Black"), some("Women"), some("Leather"))
    );
    assert_eq!(product("b2"), (some("Brown"), some("Women"), some("Suede")));
    assert_eq!(product("b3"), (some("Black"), some("Men"), some("Leather")));
    // "Women, Girls": the grown-ups' product, which fits the girls too.
    assert_eq!(
        product("b4"),
        (some("Black"), some("Women"), some("Synthetic"))
    );
    // The cell itself is still stored, as written.
    let (_, boot) = index.product_by_id("b1").expect("read").expect("b1");
    assert!(
        boot.extra["product_specifications"].contains("\"Strap Color\", \"value\"=>\"Silver\""),
        "{:?}",
        boot.extra
    );

    let engine = Engine::open(&dir.path().join("index")).expect("open the engine");
    let turn = engine
        .turn(&mut Session::default(), "black boots for women", 10)
        .expect("turn");
    let ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.contains(&"b1"), "{ids:?}: {}", turn.reply);
    for other in ["b2", "b3", "b5"] {
        assert!(!ids.contains(&other), "{other} in {ids:?}: {}", turn.reply);
    }
}

#[test]
fn key_value_pairs_in_crawled_details_give_colour_size_and_brand() {
    let csv = "Uniq Id,Product Name,Selling Price,About Product,Product Specification,\
        Technical Details\n\
        a1,City Fire Truck Building Kit,$19.99,A fire truck to build.,\
        ProductDimensions:10x5x3inches|ItemWeight:1pounds|Manufacturer:LEGO|ASIN:B07X,\
        Go to your orders and start the return | Color: Red | Size: Small\n\
        a2,Plush Bear,$9.99,A soft bear.,ASIN:B08Y,Soft and cuddly\n";
    let (dir, summary) = imported(csv);
    assert_eq!(summary.indexed, 2, "{:?}", summary.errors);
    let index = index_in(&dir);
    let (_, truck) = index.product_by_id("a1").expect("read").expect("a1");
    assert_eq!(truck.color.as_deref(), Some("Red"));
    assert_eq!(truck.size.as_deref(), Some("Small"));
    assert_eq!(truck.brand.as_deref(), Some("LEGO"));
    let (_, bear) = index.product_by_id("a2").expect("read").expect("a2");
    assert_eq!((bear.color, bear.size, bear.brand), (None, None, None));
}

#[test]
fn a_brand_one_specification_names_is_still_learned_from_the_other_titles() {
    let mut csv = String::from("id,title,price,Product Specification\n");
    let kinds = ["Plush Bear", "Action Figure", "Board Game", "Jigsaw Puzzle"];
    let mut id = 0;
    for brand in [
        "Funko",
        "Mattel",
        "Hasbro",
        "Ravensburger",
        "Melissa",
        "Crayola",
    ] {
        for kind in kinds {
            id += 1;
            let specs = if id == 1 {
                "ASIN:B07X|Manufacturer:Funko"
            } else {
                "ASIN:B08Y"
            };
            csv.push_str(&format!("{id},{brand} {kind} {id},{}.99,{specs}\n", 9 + id));
        }
    }
    let (dir, summary) = imported(&csv);
    assert_eq!(summary.indexed, 24, "{:?}", summary.errors);
    let index = index_in(&dir);
    for id in ["1", "2", "3", "4"] {
        let (_, p) = index.product_by_id(id).expect("read").expect("product");
        assert_eq!(p.brand.as_deref(), Some("Funko"), "{}", p.title);
    }
    let (_, p) = index.product_by_id("5").expect("read").expect("product");
    assert_eq!(p.brand.as_deref(), Some("Mattel"), "{}", p.title);
}

/// A marketplace scrape of products and one review each (Amazon India's
/// `amazon.csv` shape): the reviews talk of other products ("better than
/// my old Samsung", "I have used boat before"), so their columns and their
/// authors are not read; a discount in percent and a count that is mostly
/// 0 are numbers, not a vocabulary to ask about nor yes/no values. The
/// titles end with "Model N": "Model" is no type.
#[test]
fn reviews_and_their_authors_are_not_the_products_words() {
    let mut csv = String::from(
        "product_id,product_name,brand,discounted_price,discount_percentage,bought_last_month,user_name,review_title,review_content\n",
    );
    let brands = ["Redmi", "Samsung", "boAt", "Noise"];
    for i in 0..40 {
        let brand = brands[i % 4];
        let other = brands[(i + 1) % 4];
        csv.push_str(&format!(
            "p{i},{brand} Wireless Earbuds Model {i},{brand},{},{}%,{},Reviewer {i},\"Better than {other}\",\"I have used {other} earbuds before and these are much better than my old {other} pair, great sound for the price.\"\n",
            500 + 10 * i,
            5 + 5 * (i % 7),
            if i % 10 == 0 { 50 * (i + 1) } else { 0 },
        ));
    }
    let report = import_report(&csv);
    for column in ["user_name", "review_title", "review_content"] {
        assert!(
            report.lines().any(|l| l.trim_start().starts_with(column)
                && l.ends_with("-> not read (reviews and their authors)")),
            "{column} read in\n{report}"
        );
    }
    for line in [
        "stored only, not a facet: discount_percentage (numbers)",
        "stored only, not a facet: bought_last_month (numbers)",
    ] {
        assert!(report.contains(line), "{line:?} not in\n{report}");
    }
    let (dir, _) = imported(&csv);
    let engine = Engine::open(&dir.path().join("index")).expect("open the index");
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "wireless earbuds", 40)
        .expect("turn");
    assert_eq!(turn.total, 40, "{}", turn.reply);
    let turn = engine.turn(&mut session, "only samsung", 40).expect("turn");
    assert_eq!(turn.total, 10, "{}", turn.reply);
    assert!(
        turn.products
            .iter()
            .all(|p| p.brand.as_deref() == Some("Samsung")),
        "{}",
        turn.reply
    );
}
