//! Category paths in every real shape (`tests/fixtures/categories/`): the
//! product types and audiences each import learns from them, exactly, and
//! what `Engine::turn` returns for a shopper's words reaching them
//! ("men's watches", "skin care", "mobile accessories").

mod common;

use common::TestServer;
use std::path::Path;
use tempfile::TempDir;
use vitrine::index::{ImportOptions, ProductIndex, import};
use vitrine::server::ServerConfig;
use vitrine::{Engine, Session, Slot};

fn imported(name: &str) -> TempDir {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/categories")
        .join(name);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some("USD".into());
    import(&csv, dir.path(), &opts).unwrap_or_else(|e| panic!("import {name}: {e}"));
    dir
}

/// id -> (sorted types, gender) for every product of a fixture.
fn learned(dir: &TempDir, ids: &[&str]) -> Vec<(String, Vec<String>, Option<String>)> {
    let index = ProductIndex::open(dir.path()).expect("open");
    ids.iter()
        .map(|id| {
            let (address, p) = index.product_by_id(id).expect("lookup").expect(id);
            let mut types: Vec<String> = index
                .facets_of(address)
                .into_iter()
                .filter(|(slot, _)| *slot == Slot::Type)
                .flat_map(|(_, v)| v.into_iter().map(|(value, _)| value))
                .collect();
            types.sort();
            (id.to_string(), types, p.gender)
        })
        .collect()
}

fn expect(rows: &[(&str, &[&str], Option<&str>)]) -> Vec<(String, Vec<String>, Option<String>)> {
    rows.iter()
        .map(|(id, types, gender)| {
            let mut types: Vec<String> = types.iter().map(|t| t.to_string()).collect();
            types.sort();
            (id.to_string(), types, gender.map(str::to_string))
        })
        .collect()
}

fn ids(rows: &[(&str, &[&str], Option<&str>)]) -> Vec<&'static str> {
    rows.iter()
        .map(|(id, _, _)| &*Box::leak(id.to_string().into_boxed_str()))
        .collect()
}

fn check(fixture: &str, rows: &[(&str, &[&str], Option<&str>)]) -> TempDir {
    let dir = imported(fixture);
    assert_eq!(learned(&dir, &ids(rows)), expect(rows), "{fixture}");
    dir
}

/// The ids a turn shows, sorted.
fn shown(engine: &Engine, message: &str) -> Vec<String> {
    let mut session = Session::default();
    let turn = engine.turn(&mut session, message, 20).expect("turn");
    assert!(
        turn.relaxed.is_empty(),
        "{message:?} relaxed {:?}",
        turn.relaxed
    );
    let mut ids: Vec<String> = turn.products.iter().map(|p| p.id.clone()).collect();
    ids.sort();
    ids
}

#[test]
fn angle_brackets_with_audience_roots() {
    check(
        "angle.csv",
        &[
            ("a1", &["Shoes", "Sneakers"], Some("Men")),
            ("a2", &["Shoes", "Sneakers"], Some("Women")),
            ("a3", &["Shoes", "Sandals"], Some("Women")),
            ("a4", &["Shoes", "Boots"], Some("Men")),
            ("a5", &["Shoes", "Boots"], Some("Kids")),
        ],
    );
}

#[test]
fn json_arrays_of_double_angle_paths_cut_short_or_ending_in_the_name() {
    check(
        "double_angle_json.csv",
        &[
            ("j1", &["Clothing", "Shorts"], Some("Women")),
            (
                "j2",
                &[
                    "Furniture",
                    "Living Room Furniture",
                    "Sofa Beds & Futons",
                    // The kind of the group its title names.
                    "Sofa Beds",
                    "Bed",
                ],
                None,
            ),
            ("j3", &["Pet Supplies", "Grooming", "Shampoo"], None),
            ("j4", &["Weights"], None),
            ("j5", &["Footwear", "Ballerinas", "Bellies"], Some("Women")),
            ("j6", &["Watches", "Wrist Watches"], Some("Men")),
        ],
    );
}

#[test]
fn slashes_and_pipes() {
    check(
        "slash.csv",
        &[
            ("s1", &["Beauty", "Skin Care", "Serums"], None),
            ("s2", &["Beauty", "Skin Care", "Moisturisers"], None),
            ("s3", &["Beauty", "Makeup", "Mascara"], None),
            (
                "s4",
                &["Beauty", "Grooming", "Beard Care", "Oil"],
                Some("Men"),
            ),
        ],
    );
    check(
        "pipe.csv",
        &[
            ("p1", &["Electronics", "Audio", "Headphones"], None),
            // "Mini Bluetooth Speaker": a kind a language file names too
            (
                "p2",
                &["Electronics", "Audio", "Speakers", "Bluetooth Speaker"],
                None,
            ),
            ("p3", &["Electronics", "Mobile Accessories", "Cables"], None),
            ("p4", &["Headphones"], Some("Girls")),
        ],
    );
}

#[test]
fn slugs_reach_the_shoppers_words() {
    let dir = check(
        "slugs.csv",
        &[
            ("g1", &["Watches"], Some("Men")),
            ("g2", &["Watches"], Some("Men")),
            ("g3", &["Watches"], Some("Women")),
            ("g4", &["Skin Care", "Serum"], None),
            ("g5", &["Skin Care", "Cream"], None),
            ("g6", &["Mobile Accessories", "Holder"], None),
            ("g7", &["Mobile Accessories", "Protector"], None),
            ("g8", &["Shirts"], Some("Men")),
        ],
    );
    let engine = Engine::open(dir.path()).expect("engine");
    assert_eq!(shown(&engine, "men's watches"), ["g1", "g2"]);
    assert_eq!(shown(&engine, "watches for women"), ["g3"]);
    assert_eq!(shown(&engine, "skin care"), ["g4", "g5"]);
    assert_eq!(shown(&engine, "mobile accessories"), ["g6", "g7"]);
    // "Day Cream" names the product: no colour learned from it.
    let index = ProductIndex::open(dir.path()).expect("open");
    let (_, cream) = index.product_by_id("g5").expect("lookup").expect("g5");
    assert_eq!(cream.color, None);
}

#[test]
fn angle_brackets_reach_the_shoppers_words() {
    let dir = imported("angle.csv");
    let engine = Engine::open(dir.path()).expect("engine");
    assert_eq!(shown(&engine, "women's sneakers"), ["a2"]);
    assert_eq!(shown(&engine, "boots for kids"), ["a5"]);
}

#[test]
fn the_api_shows_the_learned_audience_and_colour() {
    let dir = imported("slash.csv");
    let server = TestServer::serve(
        dir,
        ServerConfig {
            rate_limit_per_minute: None,
            ..ServerConfig::default()
        },
        None,
    );
    let client = reqwest::blocking::Client::new();
    let get = |id: &str| -> serde_json::Value {
        let response = client
            .get(format!("http://{}/api/products/{id}", server.addr))
            .send()
            .expect("request");
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        response.json().expect("json")
    };
    // "Men's Beard Oil" under "Beauty / Men's Grooming / Beard Care".
    assert_eq!(get("s4")["gender"], "Men");
    // "Volume Mascara Black": the colour ends the title.
    assert_eq!(get("s3")["color"], "Black");
    assert!(get("s1")["gender"].is_null());
}

/// A marketplace tree with a level per brand, alone or before the name of
/// the level above: the level is the brand of the products whose cell
/// names none, and never a product type.
#[test]
fn brand_levels_are_brands_not_types() {
    let dir = check(
        "brand_levels.csv",
        &[
            ("b1", &["Watches", "Wrist Watches"], Some("Men")),
            ("b3", &["Watches", "Wrist Watches"], Some("Men")),
            ("b8", &["Footwear", "Shoes", "Sports Shoes"], Some("Men")),
            ("b11", &["Coffee Mugs", "Mug"], None),
            ("b14", &["Beauty", "Makeup", "Kajal"], None),
        ],
    );
    let index = ProductIndex::open(dir.path()).expect("open");
    let brand = |id: &str| {
        let (_, p) = index.product_by_id(id).expect("lookup").expect(id);
        p.brand
    };
    assert_eq!(brand("b1").as_deref(), Some("Titan"));
    assert_eq!(brand("b3").as_deref(), Some("Fastrack"));
    assert_eq!(brand("b8").as_deref(), Some("Port"));
    assert_eq!(brand("b11").as_deref(), Some("Prithish"));
    assert_eq!(brand("b14").as_deref(), Some("Maybelline"));
    let engine = Engine::open(dir.path()).expect("engine");
    assert_eq!(shown(&engine, "titan watches"), ["b1", "b2"]);
    // Another brand said next replaces the first.
    let mut session = Session::default();
    engine
        .turn(&mut session, "watches for men", 20)
        .expect("turn");
    engine
        .turn(&mut session, "any from Titan?", 20)
        .expect("turn");
    let turn = engine
        .turn(&mut session, "what about Fastrack", 20)
        .expect("turn");
    let mut ids: Vec<String> = turn.products.iter().map(|p| p.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, ["b3", "b4"]);
    assert!(turn.relaxed.is_empty(), "{:?}", turn.relaxed);
}

/// A store's promotion and calendar categories ("Specialbuys > Thursday
/// 19th May", "Online Exclusives", "Ofertas da Semana") are no product
/// types: the product's type comes from its other levels or its title.
#[test]
fn promotion_and_date_categories_are_no_types() {
    let dir = imported("merchandising.csv");
    let index = ProductIndex::open(dir.path()).expect("open");
    let types: Vec<String> = index
        .vocabulary()
        .values("type")
        .iter()
        .map(|v| v.value.clone())
        .collect();
    for label in [
        "Specialbuys",
        "Thursday 19th May",
        "Just Arrived",
        "Online Exclusives",
        "Ofertas da Semana",
    ] {
        assert!(!types.iter().any(|t| t == label), "{label}: {types:?}");
    }
    for kind in ["Bedding", "Whisky", "Panelas"] {
        assert!(types.iter().any(|t| t == kind), "{kind}: {types:?}");
    }
}
