//! A catalog without a brand column has its brands learned from where its
//! titles put them: leading the title ("Roadster Men Black Slim Fit
//! Jeans"), or right after the type where titles start with it
//! ("Geladeira Electrolux Frost Free"). Checked through `Engine::turn` on
//! catalogs written here, and on Myntra's real export with its brand
//! column taken out, against that column.

mod common;
#[path = "common/datasets.rs"]
mod datasets;

use common::{conversation, ids};
use vitrine::Engine;
use vitrine::index::{ImportOptions, ProductIndex, import};
use vitrine::text::key;

/// An English store whose titles lead with the brand, without a brand
/// column: four brands, several kinds of product each.
fn english() -> String {
    let mut csv = String::from("id,title,price\n");
    let mut id = 0;
    for brand in ["Roadster", "Puma", "Levi's", "Van Heusen"] {
        for (kind, price) in [
            ("Men Black Slim Fit Jeans", 1999),
            ("Men White Sneakers", 2499),
            ("Women Blue Casual Shirt", 999),
            ("Men Grey T-shirt", 599),
            ("Women Black Backpack", 1499),
            ("Men Navy Track Pants", 1299),
        ] {
            id += 1;
            csv.push_str(&format!("{id},{brand} {kind},{price}\n"));
        }
    }
    csv
}

#[test]
fn brands_leading_english_titles_are_the_brands() {
    let dir = common::index_of(&english());
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["puma sneakers", "only roadster", "any brand"]);
    assert_eq!(turns[0].0, ids(&["8"]), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&["2"]), "{}", turns[1].1);
    assert_eq!(turns[2].0, ids(&["2", "8", "14", "20"]), "{}", turns[2].1);
    // Two words always together, used by no other brand's titles.
    let turns = conversation(&engine, &["van heusen shirts"]);
    assert_eq!(turns[0].0, ids(&["21"]), "{}", turns[0].1);
    // The product shows its brand, and the brand's words are not its type.
    let index = ProductIndex::open(dir.path()).expect("open");
    let (_, p) = index
        .product_by_id("19")
        .expect("lookup")
        .expect("product 19");
    assert_eq!(p.brand.as_deref(), Some("Van Heusen"));
    let turns = conversation(&engine, &["jeans"]);
    assert_eq!(turns[0].0, ids(&["1", "7", "13", "19"]), "{}", turns[0].1);
}

/// A Portuguese store whose titles name the brand after the type.
fn portuguese() -> String {
    let mut csv = String::from("id,title,price\n");
    let mut id = 0;
    for brand in ["Electrolux", "Brastemp", "Consul"] {
        for (kind, rest, price) in [
            ("Geladeira", "Frost Free 310L Branca", 2999),
            ("Fogão", "4 Bocas Branco", 1299),
            ("Micro-ondas", "20L Branco", 599),
            ("Lavadora", "12kg Branca", 1999),
            ("Cooktop", "5 Bocas Preto", 899),
            ("Depurador", "60cm Inox", 699),
            ("Forno", "Elétrico 44L", 799),
        ] {
            id += 1;
            csv.push_str(&format!("{id},{kind} {brand} {rest},{price}\n"));
        }
    }
    csv
}

#[test]
fn brands_after_the_type_of_portuguese_titles_are_the_brands() {
    let dir = common::index_of(&portuguese());
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["geladeira", "electrolux", "na verdade consul"]);
    assert_eq!(turns[0].0, ids(&["1", "8", "15"]), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&["1"]), "{}", turns[1].1);
    assert_eq!(turns[2].0, ids(&["15"]), "{}", turns[2].1);
    let index = ProductIndex::open(dir.path()).expect("open");
    let (_, p) = index
        .product_by_id("9")
        .expect("lookup")
        .expect("product 9");
    assert_eq!(p.brand.as_deref(), Some("Brastemp"));
}

#[test]
fn a_catalog_with_a_brand_column_keeps_its_brands() {
    // Brand cells name the brands: nothing is learned from titles, even
    // where a cell is empty.
    let mut csv = String::from("id,title,brand,price\n");
    for n in 1..=30 {
        let brand = if n % 10 == 0 { "" } else { "Acme" };
        csv.push_str(&format!("{n},Roadster Men Black Jeans {n},{brand},999\n"));
    }
    let dir = common::index_of(&csv);
    let index = ProductIndex::open(dir.path()).expect("open");
    let (_, p) = index
        .product_by_id("10")
        .expect("lookup")
        .expect("product 10");
    assert_eq!(p.brand, None);
    let (_, p) = index
        .product_by_id("11")
        .expect("lookup")
        .expect("product 11");
    assert_eq!(p.brand.as_deref(), Some("Acme"));
}

#[test]
fn myntra_without_its_brand_column_learns_brands_its_column_confirms() {
    let Some(csv) = datasets::dataset("myntra/products.csv") else {
        return;
    };
    let mut reader = csv::Reader::from_path(&csv).expect("csv");
    let headers = reader.headers().expect("headers").clone();
    let brand_at = headers
        .iter()
        .position(|h| h == "Product_Brand")
        .expect("brand column");
    let id_at = headers
        .iter()
        .position(|h| h == "Product_ID")
        .expect("id column");
    let dir = tempfile::tempdir().expect("tempdir");
    let stripped = dir.path().join("no-brands.csv");
    let mut writer = csv::Writer::from_path(&stripped).expect("write");
    let keep = |r: &csv::StringRecord| -> Vec<String> {
        r.iter()
            .enumerate()
            .filter(|(i, _)| *i != brand_at)
            .map(|(_, v)| v.to_string())
            .collect()
    };
    writer.write_record(keep(&headers)).expect("header");
    let mut brands = std::collections::HashMap::new();
    for record in reader.records() {
        let record = record.expect("row");
        brands.insert(record[id_at].trim().to_string(), key(&record[brand_at]));
        writer.write_record(keep(&record)).expect("row");
    }
    writer.flush().expect("flush");
    let index_dir = tempfile::tempdir().expect("tempdir");
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some("INR".to_string());
    import(&stripped, index_dir.path(), &opts).expect("import");
    let index = ProductIndex::open(index_dir.path()).expect("open");
    let (mut learned, mut agreeing) = (0, 0);
    for (id, cell) in &brands {
        let Some((_, p)) = index.product_by_id(id).expect("lookup") else {
            continue;
        };
        if let Some(brand) = p.brand {
            learned += 1;
            // The learned brand is the cell, or its first words ("Next" of
            // "Next Look").
            let brand = key(&brand);
            if *cell == brand || cell.starts_with(&format!("{brand} ")) {
                agreeing += 1;
            }
        }
    }
    println!(
        "{learned} of {} products given a brand, {agreeing} agreeing with the column",
        brands.len()
    );
    assert!(learned * 4 >= brands.len(), "{learned} of {}", brands.len());
    assert!(
        agreeing * 100 >= learned * 97,
        "{agreeing} of {learned} agree"
    );
}

/// A toy store without a brand column whose titles lead with the brand,
/// where one brand is a name other brands' titles carry too ("LEGO Harry
/// Potter ..."), and a franchise says "star" with no rating meant.
fn toys() -> String {
    let mut csv = String::from("id,title,price\n");
    let rows = [
        "Harry Potter Hermione Plush",
        "Harry Potter Hogwarts Mug",
        "Harry Potter Elder Wand",
        "Harry Potter Gryffindor Scarf",
        "LEGO Harry Potter Hogwarts Castle Building Set",
        "LEGO City Fire Station Building Set",
        "LEGO Star Wars X-Wing Building Set",
        "LEGO Friends Cafe Building Set",
        "Funko Pop Star Wars Yoda Figure",
        "Funko Pop Marvel Iron Man Figure",
        "Funko Pop Harry Potter Ron Figure",
        "Funko Pop Disney Mickey Figure",
        "Hasbro Star Wars Darth Vader Helmet",
        "Hasbro Marvel Thor Helmet",
        "Hasbro Nerf Elite Blaster",
        "Hasbro Nerf Mega Blaster",
        "Airfix Vietnam War Helicopter Model Kit",
        "Airfix Spitfire Model Kit",
        "Airfix Lancaster Model Kit",
        "Mattel Star Fish Bath Toy",
        "Mattel Barbie Doll",
        "Mattel Ken Doll",
        "Aurora Teddy Bear Plush",
        "Aurora Bunny Plush",
        "Aurora Kitten Plush",
        "Disney Frozen Elsa Doll",
        "Disney Mickey Mug",
        "Disney Minnie Plush",
    ];
    for (i, title) in rows.iter().enumerate() {
        csv.push_str(&format!("{},{title},{}\n", i + 1, 10 + i));
    }
    csv
}

#[test]
fn a_name_other_titles_carry_too_is_one_brand() {
    let dir = common::index_of(&toys());
    let index = ProductIndex::open(dir.path()).expect("open");
    let (_, p) = index
        .product_by_id("2")
        .expect("lookup")
        .expect("product 2");
    assert_eq!(p.brand.as_deref(), Some("Harry Potter"));
    let engine = Engine::open(dir.path()).expect("open the index");
    // "star" with no number rates nothing: the titles' word, with "wars"
    // (not "Vietnam War", not "Star Fish").
    let turns = conversation(&engine, &["star wars"]);
    assert_eq!(turns[0].0, ids(&["7", "9", "13"]), "{}", turns[0].1);
    // A number before it still rates.
    let turns = conversation(&engine, &["4 star plush"]);
    assert!(turns[0].1.contains("4+"), "{}", turns[0].1);
}

/// A Brazilian affiliate feed whose titles lead with the type and its
/// audience, then descriptors and the model, and name the brand right
/// before the product's reference code ("Sandália Feminina Salto Grosso
/// Beira Rio 8436235 PRETO 34").
fn coded_feed() -> String {
    let mut csv = String::from("id,title,price\n");
    let kinds = [
        "Sandália Feminina Salto Grosso",
        "Tamanco Feminino Flat",
        "Sapato Feminino Casual",
        "Tênis Feminino Casual",
        "Sapatilha Feminina Flat",
    ];
    let mut id = 0;
    for (b, brand) in ["Beira Rio", "Vizzano", "Modare", "Via Marte"]
        .iter()
        .enumerate()
    {
        for (k, kind) in kinds.iter().enumerate() {
            for colour in ["PRETO", "BRANCO"] {
                id += 1;
                let code = 8_400_000 + b * 1000 + k * 10;
                let sep = if b % 2 == 0 { "" } else { " -" };
                csv.push_str(&format!(
                    "{id},{kind} {brand}{sep} {code} {colour} 3{},99.90\n",
                    id % 8
                ));
            }
        }
    }
    csv
}

#[test]
fn brands_before_the_reference_code_of_type_first_titles_are_the_brands() {
    let dir = common::index_of(&coded_feed());
    let index = ProductIndex::open(dir.path()).expect("open");
    let brands: Vec<String> = index
        .vocabulary()
        .values("brand")
        .iter()
        .map(|v| format!("{} ({})", v.value, v.count))
        .collect();
    assert_eq!(
        brands,
        [
            "Beira Rio (10)",
            "Modare (10)",
            "Via Marte (10)",
            "Vizzano (10)"
        ],
        "descriptors after the audience word (Flat, Casual, Salto) are no brands"
    );
    let (_, p) = index
        .product_by_id("1")
        .expect("lookup")
        .expect("product 1");
    assert_eq!(p.brand.as_deref(), Some("Beira Rio"));
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["tamanco vizzano"]);
    assert_eq!(turns[0].0, ids(&["13", "14"]), "{}", turns[0].1);
}

/// A fashion label's own export: titles are product names ("Luna skinny
/// RW", "Skinny Ankle Denim"), and a descriptor that leads some titles is
/// written in lower case in others.
#[test]
fn a_word_titles_also_write_in_lower_case_is_no_brand() {
    let mut csv = String::from("id,title,price\n");
    let names = ["Luna", "Kim", "Jade", "Greta"];
    let mut id = 0;
    for round in 0..6 {
        id += 1;
        let name = names[round % names.len()];
        csv.push_str(&format!("{id},{name} skinny {round} Jeans,19.99\n"));
        for kind in ["Ankle Denim", "Cheapo Jeans", "Bargain Trousers"] {
            id += 1;
            csv.push_str(&format!("{id},Skinny {kind} {round},14.99\n"));
        }
    }
    let brands = brands_of(&csv);
    assert!(!brands.iter().any(|b| b == "Skinny"), "{brands:?}");
}

/// A discounter's export without a brand column: its own brands lead many
/// titles; a pattern ("Check", "Linear"), an audience ("Ladies") or a
/// quality ("Dark") leads a few, and is no brand. A line name written in
/// capitals ("LACK") is one, however common the word.
#[test]
fn patterns_audiences_and_qualities_leading_a_few_titles_are_no_brands() {
    let mut csv = String::from("id,title,price\n");
    let rows = [
        "Gardenline Grey Wooden Deck Chair",
        "Gardenline Bistro Set",
        "Gardenline Parasol",
        "Gardenline Garden Hose",
        "Gardenline Planter",
        "Gardenline Sun Lounger",
        "Ferrex Cordless Drill",
        "Ferrex Electric Lawnmower",
        "Ferrex Pressure Washer",
        "Ferrex Jigsaw",
        "Ferrex Sander",
        "Ferrex Leaf Blower",
        "Check Double Duvet Set",
        "Check Single Duvet Set",
        "Check King Duvet Set",
        "Linear Double Duvet Set",
        "Linear Single Duvet Set",
        "Linear King Duvet Set",
        "Ladies Walking Boots",
        "Ladies Rain Jacket",
        "Ladies Slippers",
        "Dark Chocolate Bar",
        "Dark Roast Coffee",
        "Dark Cherry Jam",
        "LACK Side table, white",
        "LACK Coffee table, black",
        "LACK Wall shelf, white",
    ];
    for (id, title) in rows.iter().enumerate() {
        csv.push_str(&format!("{},\"{title}\",9.99\n", id + 1));
    }
    let brands = brands_of(&csv);
    for brand in ["Gardenline", "Ferrex", "LACK"] {
        assert!(brands.iter().any(|b| b == brand), "{brand}: {brands:?}");
    }
    for word in ["Check", "Linear", "Ladies", "Dark"] {
        assert!(!brands.iter().any(|b| b == word), "{word}: {brands:?}");
    }
}

/// The sizes and colours of one model, titled alike, are one title: a
/// model name leading them ("Chaz Kangeroo Hoodie" in fifteen rows) is no
/// brand, while a brand leading several models is.
#[test]
fn the_rows_of_one_model_are_one_title() {
    let mut csv = String::from("id,title,size,price\n");
    let mut id = 0;
    let mut row = |title: &str, size: &str| {
        id += 1;
        csv.push_str(&format!("{id},{title},{size},52\n"));
    };
    for model in [
        "Chaz Kangeroo Hoodie",
        "Teton Pullover Hoodie",
        "Orion Running Tee",
    ] {
        for size in ["XS", "S", "M", "L", "XL"] {
            row(model, size);
        }
    }
    for kind in [
        "Fleece Jacket",
        "Rain Jacket",
        "Yoga Pants",
        "Running Shorts",
    ] {
        row(&format!("Northwind {kind}"), "M");
    }
    for kind in ["Trail Shoes", "Gym Bag", "Water Bottle"] {
        row(&format!("Fjallmark {kind}"), "M");
    }
    for (n, kind) in [
        "Beanie", "Scarf", "Gloves", "Socks", "Cap", "Belt", "Wallet",
    ]
    .iter()
    .enumerate()
    {
        row(&format!("Model{n} {kind}"), "M");
    }
    let brands = brands_of(&csv);
    for brand in ["Northwind", "Fjallmark"] {
        assert!(brands.iter().any(|b| b == brand), "{brand}: {brands:?}");
    }
    for word in ["Chaz", "Teton", "Orion"] {
        assert!(!brands.iter().any(|b| b == word), "{word}: {brands:?}");
    }
}

/// The brands the import of `csv` learned.
fn brands_of(csv: &str) -> Vec<String> {
    common::brands(common::index_of(csv).path())
}

/// A shoe shop's scrape (Netshoes' "Nomes;Valor"): nearly every title
/// starts with the one type, "Tênis", so no name follows several types;
/// the brands are the names there that are no common words, also after
/// an audience ("Tênis Masculino Skechers"). Style and material words
/// in that place ("Casual", "Couro") are no brands.
#[test]
fn brands_after_the_one_type_of_a_shoe_shop_are_the_brands() {
    let mut csv = String::from("Nomes;Valor\n");
    let brands = [
        "Asics",
        "Mizuno",
        "Olympikus",
        "Skechers",
        "Diadora",
        "Qix",
        "Hocks",
        "Reebok",
        "Joma",
        "Everlast",
        "Redley",
        "Mormaii",
    ];
    let lines = [
        "Gel Pulse",
        "Wave Rider",
        "Corre 3",
        "Go Run",
        "Float",
        "Street",
        "Pro",
        "Classic",
        "Indoor",
        "Forceknit",
        "Sunset",
        "Vibe",
    ];
    let mut n = 0;
    for (b, brand) in brands.iter().enumerate() {
        for i in 0..5 {
            n += 1;
            let model = lines[(b + i) % lines.len()];
            let audience = ["Masculino", "Feminino", "Unissex"][n % 3];
            csv.push_str(&format!(
                "Tênis {brand} {model} {i} {audience};R$ {},90\n",
                150 + n
            ));
        }
    }
    for i in 0..3 {
        csv.push_str(&format!(
            "Tênis Masculino Skechers Go Walk {i};R$ 2{i}9,90\n"
        ));
        csv.push_str(&format!(
            "Tênis Casual Couro Marrom {i} Masculino;R$ 1{i}9,90\n"
        ));
    }
    let found = brands_of(&csv);
    for brand in brands {
        assert!(found.iter().any(|b| b == brand), "{brand}: {found:?}");
    }
    for word in ["Casual", "Couro", "Masculino", "Marrom"] {
        assert!(!found.iter().any(|b| b == word), "{word}: {found:?}");
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = vitrine::Session::default();
    let turn = engine
        .turn(&mut session, "tênis skechers", 40)
        .expect("turn");
    assert_eq!(turn.total, 8, "{}", turn.reply);
    assert!(
        turn.products
            .iter()
            .all(|p| p.brand.as_deref() == Some("Skechers")),
        "{}",
        turn.reply
    );
}

/// An electronics marketplace (Amazon India's export): phones and TVs lead
/// with their maker, and the cables, cases and chargers of other makers
/// name the same makers after "compatible with" or "for". Those mentions
/// are what the accessories fit, not the maker's titles elsewhere: the
/// maker is still a brand, and "only Samsung" shows its own products.
#[test]
fn a_maker_others_are_made_to_fit_is_still_a_brand() {
    let mut csv = String::from("id,title,price\n");
    let mut n = 0;
    let mut row = |csv: &mut String, title: String, price: u32| {
        n += 1;
        csv.push_str(&format!("{n},{title},{price}\n"));
    };
    for (maker, lines) in [
        ("Samsung", ["Galaxy M14", "Galaxy A54", "Crystal 4K TV"]),
        ("Samsung", ["Galaxy S23", "Galaxy Tab A8", "Galaxy Buds 2"]),
        ("OnePlus", ["Nord CE 3", "Nord 3", "Bullets Wireless Z2"]),
    ] {
        for (i, line) in lines.iter().enumerate() {
            row(
                &mut csv,
                format!("{maker} {line} 128GB Black"),
                15999 + i as u32,
            );
        }
    }
    for (accessory, price) in [
        (
            "Wayona Nylon Braided USB C Cable Compatible with Samsung Galaxy and OnePlus",
            299,
        ),
        ("Ambrane Fast Charger for Samsung Galaxy Phones", 499),
        (
            "Portronics Type C Cable Compatible for Samsung OnePlus Xiaomi",
            199,
        ),
        (
            "Wayona Fast Charging Cable for iPhone Samsung and OnePlus",
            349,
        ),
        ("Ambrane Silicone Case for Samsung Galaxy M14", 249),
        ("Portronics Car Charger Compatible with OnePlus Nord", 599),
        ("Wayona Screen Guard for Samsung Galaxy A54", 199),
        ("Ambrane Power Bank for iPhone and OnePlus", 999),
    ] {
        row(&mut csv, accessory.to_string(), price);
    }
    for brand in ["Wayona", "Ambrane", "Portronics"] {
        for line in ["Lightning Cable", "Wireless Earbuds", "Bluetooth Speaker"] {
            row(&mut csv, format!("{brand} {line}"), 899);
        }
    }
    let found = brands_of(&csv);
    for brand in ["Samsung", "OnePlus", "Wayona", "Ambrane", "Portronics"] {
        assert!(found.iter().any(|b| b == brand), "{brand}: {found:?}");
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    // The maker's own products, not the accessories fitting them.
    let turns = conversation(&engine, &["samsung"]);
    let (shown, reply) = &turns[0];
    assert_eq!(shown, &ids(&["1", "2", "3", "4", "5", "6"]), "{reply}");
}
