//! A product type naming several kinds ("T-shirts & Polos", as Amazon's
//! sub-categories do) is reached by one of its kinds only where no type
//! names that kind alone: "polo" is the polos, not every T-shirt filed
//! with them. Checked through `Engine::turn` on a catalog written here.

mod common;

use vitrine::{Engine, Session};

#[test]
fn a_kind_asked_is_the_type_naming_it_alone() {
    let mut csv = String::from("id,title,product type,price\n");
    for i in 0..8 {
        csv.push_str(&format!(
            "t{i},Roadster Men Round Neck Cotton Tee {i},T-shirts & Polos,{}\n",
            300 + i
        ));
    }
    for i in 0..3 {
        csv.push_str(&format!(
            "p{i},Allen Solly Men Regular Fit Polo {i},Polo,{}\n",
            600 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "polo", 20).expect("turn");
    let mut ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["p0", "p1", "p2"], "{} {:?}", turn.reply, turn.filters);
}

/// A category of a marketplace tree, "Toys & Games > Stuffed Animals &
/// Teddy Bears": the kinds of several words it names are found by their
/// names, and its words find only the products whose titles say which of
/// its kinds they are (a horse plush is no teddy bear).
fn toy_store() -> String {
    let mut csv = String::from("id,title,category,price\n");
    let rows = [
        (
            "b1",
            "HANSA Snuggles The Bear Plush",
            "Stuffed Animals & Teddy Bears",
            40,
        ),
        (
            "b2",
            "Aurora Graduation Bear, White Cap",
            "Stuffed Animals & Teddy Bears",
            13,
        ),
        (
            "h1",
            "Wild Republic Horse Plush, Stuffed Animal",
            "Stuffed Animals & Teddy Bears",
            16,
        ),
        (
            "h2",
            "Wild Republic T-Rex Plush, Stuffed Animal",
            "Stuffed Animals & Teddy Bears",
            14,
        ),
        (
            "h3",
            "Aurora Rattlesnake Plush, Green",
            "Stuffed Animals & Teddy Bears",
            11,
        ),
        (
            "s1",
            "Elenco Line Tracking Robot Kit",
            "Science Kits & Toys",
            29,
        ),
        (
            "s2",
            "Snap Circuits Jr. Electronics Exploration Kit",
            "Science Kits & Toys",
            25,
        ),
        (
            "s3",
            "National Geographic Crystal Growing Kit",
            "Science Kits & Toys",
            19,
        ),
        (
            "c1",
            "Color My Heart Pendant Necklace Craft Kit",
            "Craft Kits",
            9,
        ),
        ("c2", "Bead Gallery Craft Kit", "Craft Kits", 12),
        ("c3", "Kindness Craft Kit with 8 Projects", "Craft Kits", 15),
        ("m1", "Revell Mustang Model Kit", "Model Kits", 22),
        ("m2", "Airfix Spitfire Model Kit", "Model Kits", 18),
        ("m3", "Tamiya Tiger Tank Model Kit", "Model Kits", 35),
    ];
    for (id, title, kind, price) in rows {
        csv.push_str(&format!("{id},\"{title}\",Toys & Games > {kind},{price}\n"));
    }
    csv
}

fn ids_for(engine: &Engine, message: &str) -> Vec<String> {
    let mut session = Session::default();
    let turn = engine.turn(&mut session, message, 20).expect("turn");
    let mut ids: Vec<String> = turn.products.iter().map(|p| p.id.clone()).collect();
    ids.sort();
    ids
}

#[test]
fn a_kind_of_a_group_is_found_by_its_name() {
    let dir = common::index_of(&toy_store());
    let engine = Engine::open(dir.path()).expect("open the index");
    assert_eq!(ids_for(&engine, "science kit"), ["s1", "s2", "s3"]);
    assert_eq!(ids_for(&engine, "science kits under $26"), ["s2", "s3"]);
}

#[test]
fn a_group_s_words_find_the_kind_the_title_names() {
    let dir = common::index_of(&toy_store());
    let engine = Engine::open(dir.path()).expect("open the index");
    let bears = ids_for(&engine, "plush teddy bear");
    assert!(
        bears.iter().all(|id| id.starts_with('b')) && !bears.is_empty(),
        "{bears:?}"
    );
}

/// Sephora's tree, "Makeup > Face > Setting Spray & Powder": a category
/// shared by many titles is no product's own name though its words are in
/// them, and a title is the kind its head names ("Loose Setting Powder"
/// is a powder, not a setting spray).
#[test]
fn a_shared_category_is_each_title_s_kind() {
    let mut csv = String::from("id,title,category,price\n");
    let rows = [
        ("s1", "Dewy Set Setting Spray"),
        ("s2", "Veil Setting Spray"),
        ("s3", "Airbrush Flawless Setting Spray"),
        ("p1", "Loose Setting Powder"),
        ("p2", "Translucent Setting Powder"),
        ("p3", "Luminous Silk Glow Setting Powder"),
    ];
    for (id, title) in rows {
        csv.push_str(&format!(
            "{id},{title},Makeup > Face > Setting Spray & Powder,30\n"
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    assert_eq!(ids_for(&engine, "setting spray"), ["s1", "s2", "s3"]);
    assert_eq!(ids_for(&engine, "setting powder"), ["p1", "p2", "p3"]);
}
