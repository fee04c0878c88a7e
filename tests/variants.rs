//! Variant grouping end to end (issue 13, item 6): fixture feeds imported
//! as `vitrine import` does, then real chat turns through the engine and a
//! real server on a loopback port. A page shows each product model once,
//! by the variant that satisfies the filters ("size 42" shows the model's
//! 42, "blue" its blue), lists the model's other sizes and colours as
//! `variants`, counts models in `total`, and paging never repeats a model.
//!
//! `tests/fixtures/variants/feed.csv`: a Google-feed style file, 13 running
//! shoe models in 29 rows grouped by `item_group_id` (two models without
//! one). `tests/fixtures/variants/titles.csv`: a Brazilian feed without it,
//! where one model is several rows of one title differing by size and
//! colour, next to another model number, and two different T-shirts of one
//! generic title that must stay apart.

mod common;

use reqwest::blocking::Client;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;
use vitrine::catalog::Variant;
use vitrine::index::{ImportOptions, ProductIndex, import, spans_segments};
use vitrine::{Engine, Product, Session};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/variants")
        .join(name)
}

/// The fixture `name` imported into a fresh directory.
fn imported(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let summary = import(&fixture(name), dir.path(), &ImportOptions::default()).expect("import");
    assert!(summary.errors.is_empty(), "{name}: {:?}", summary.errors);
    assert_eq!(
        summary.indexed, summary.rows_read,
        "{name} imports every row"
    );
    dir
}

/// Each feed row's item_group_id (or its own id when it has none): the
/// model each product belongs to, read from the file itself.
fn models_of_feed() -> BTreeMap<String, String> {
    let mut reader = csv::Reader::from_path(fixture("feed.csv")).expect("feed");
    let headers = reader.headers().expect("headers").clone();
    let at = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (id, group) = (at("id"), at("item_group_id"));
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            let model = match &r[group] {
                "" => r[id].to_string(),
                g => g.to_string(),
            };
            (r[id].to_string(), model)
        })
        .collect()
}

fn ids(products: &[Product]) -> Vec<&str> {
    products.iter().map(|p| p.id.as_str()).collect()
}

fn say(engine: &Engine, session: &mut Session, message: &str) -> vitrine::Turn {
    engine.turn(session, message, 10).expect("turn")
}

#[test]
fn a_page_shows_ten_models_and_more_continues_without_repeating_one() {
    let dir = imported("feed.csv");
    let engine = Engine::open(dir.path()).expect("engine");
    let models = models_of_feed();
    assert_eq!(models.len(), 29);
    let mut session = Session::default();
    let first = say(&engine, &mut session, "running shoes");
    assert!(first.relaxed.is_empty(), "{:?}", first.relaxed);
    assert_eq!(first.products.len(), 10, "{:?}", ids(&first.products));
    assert_eq!(first.total, 13, "13 models (29 rows) match");
    let page1: BTreeSet<&str> = first
        .products
        .iter()
        .map(|p| models[&p.id].as_str())
        .collect();
    assert_eq!(
        page1.len(),
        10,
        "ten different models: {:?}",
        ids(&first.products)
    );

    let more = say(&engine, &mut session, "show more");
    assert_eq!(more.products.len(), 3, "{:?}", ids(&more.products));
    let page2: BTreeSet<&str> = more
        .products
        .iter()
        .map(|p| models[&p.id].as_str())
        .collect();
    assert_eq!(page2.len(), 3);
    assert!(page1.is_disjoint(&page2), "{page1:?} then {page2:?}");
    let every: BTreeSet<&str> = models.values().map(String::as_str).collect();
    let shown: BTreeSet<&str> = page1.union(&page2).copied().collect();
    assert_eq!(shown, every, "the two pages show every model once");
}

#[test]
fn a_size_filter_shows_each_model_that_has_it_by_the_variant_that_has_it() {
    let dir = imported("feed.csv");
    let engine = Engine::open(dir.path()).expect("engine");
    let models = models_of_feed();
    let turn = say(&engine, &mut Session::default(), "running shoes size 42");
    assert!(turn.relaxed.is_empty(), "{:?}", turn.relaxed);
    assert_eq!(turn.total, 4, "{:?}", ids(&turn.products));
    let shown: BTreeSet<&str> = turn
        .products
        .iter()
        .map(|p| models[&p.id].as_str())
        .collect();
    let expected: BTreeSet<&str> = ["RUN-AIR", "RUN-GLIDE", "RUN-SPRINT", "RUN-DRIFT"].into();
    assert_eq!(shown, expected);
    for p in &turn.products {
        assert_eq!(p.size.as_deref(), Some("42"), "{} shown for size 42", p.id);
    }
    let air = turn
        .products
        .iter()
        .find(|p| models[&p.id] == "RUN-AIR")
        .expect("the Air Runner");
    assert_eq!(air.id, "AIR-BLK-42", "the Air Runner's only 42");
    // Its other sizes and colours are listed all the same.
    let others: BTreeSet<&str> = air.variants.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(
        others,
        ["AIR-BLK-40", "AIR-BLK-41", "AIR-BLU-40", "AIR-BLU-41"].into()
    );
}

#[test]
fn a_colour_filter_shows_the_variant_of_that_colour() {
    let dir = imported("feed.csv");
    let engine = Engine::open(dir.path()).expect("engine");
    let models = models_of_feed();
    let turn = say(&engine, &mut Session::default(), "blue running shoes");
    assert!(turn.relaxed.is_empty(), "{:?}", turn.relaxed);
    let shown: BTreeSet<&str> = turn
        .products
        .iter()
        .map(|p| models[&p.id].as_str())
        .collect();
    assert_eq!(shown, ["RUN-AIR", "RUN-SPRINT", "RUN-PEAK"].into());
    assert_eq!(turn.total, 3);
    for p in &turn.products {
        assert_eq!(p.color.as_deref(), Some("Blue"), "{} shown for blue", p.id);
    }
    let peak = turn.products.iter().find(|p| models[&p.id] == "RUN-PEAK");
    assert_eq!(peak.map(|p| p.id.as_str()), Some("PK-BLU-45"));

    // Both filters hold on one variant: the Air Runner has a blue and a 42,
    // never a blue 42.
    let turn = say(
        &engine,
        &mut Session::default(),
        "blue running shoes size 42",
    );
    assert_eq!(ids(&turn.products), ["SPR-BLU-42"]);
    assert_eq!(turn.total, 1);
}

#[test]
fn variants_list_the_other_rows_of_the_model_with_their_size_colour_and_price() {
    let dir = imported("feed.csv");
    let index = ProductIndex::open(dir.path()).expect("index");
    let (_, air) = index
        .product_by_id("AIR-BLU-41")
        .expect("read")
        .expect("AIR-BLU-41");
    let variant = |id: &str, colour: &str, size: &str, price: f64| Variant {
        id: id.into(),
        color: Some(colour.into()),
        size: Some(size.into()),
        price: Some(price),
    };
    // By colour, then size.
    assert_eq!(
        air.variants,
        vec![
            variant("AIR-BLK-40", "Black", "40", 89.9),
            variant("AIR-BLK-41", "Black", "41", 89.9),
            variant("AIR-BLK-42", "Black", "42", 89.9),
            variant("AIR-BLU-40", "Blue", "40", 94.9),
        ]
    );
    // A model of one row, grouped or not, has none.
    for id in ["TRL-BRN-44", "DSH-GRN-39", "SWF-YLW-41"] {
        let (_, p) = index.product_by_id(id).expect("read").expect(id);
        assert_eq!(p.variants, vec![], "{id}");
    }
    let groups = index.facet_table().groups();
    assert_eq!(groups.len(), 9, "nine models of two rows or more");
    assert_eq!(groups.grouped_products(), 29 - 4);
}

#[test]
fn rows_of_one_title_differing_by_size_and_colour_are_one_model() {
    let dir = imported("titles.csv");
    let engine = Engine::open(dir.path()).expect("engine");
    let turn = say(&engine, &mut Session::default(), "tênis");
    assert!(turn.relaxed.is_empty(), "{:?}", turn.relaxed);
    // Corre 3 (4 rows), Corre 2, Racer Carbon (2), Wave Rider 27 (2), 26.
    assert_eq!(turn.total, 5, "{:?}", ids(&turn.products));
    assert_eq!(turn.products.len(), 5);
    let by_id: BTreeMap<&str, &Product> =
        turn.products.iter().map(|p| (p.id.as_str(), p)).collect();
    let corre3: Vec<&&Product> = by_id
        .values()
        .filter(|p| p.id.starts_with("OLY-C3"))
        .collect();
    assert_eq!(corre3.len(), 1, "Corre 3 shown once: {:?}", by_id.keys());
    let others: BTreeSet<(String, String)> = corre3[0]
        .variants
        .iter()
        .map(|v| {
            (
                v.color.clone().unwrap_or_default(),
                v.size.clone().unwrap_or_default(),
            )
        })
        .collect();
    let mut every: BTreeSet<(String, String)> = [
        ("Azul", "40"),
        ("Azul", "42"),
        ("Preto", "41"),
        ("Preto", "42"),
    ]
    .iter()
    .map(|(c, s)| (c.to_string(), s.to_string()))
    .collect();
    let own = (
        corre3[0].color.clone().unwrap_or_default(),
        corre3[0].size.clone().unwrap_or_default(),
    );
    assert!(every.remove(&own), "{own:?}");
    assert_eq!(others, every, "the other three rows of Corre 3");
    // Another model number is another model.
    assert!(by_id.contains_key("OLY-C2-42-AZ"), "{:?}", by_id.keys());
    assert!(by_id.contains_key("MIZ-WR26-42"), "{:?}", by_id.keys());
    assert_eq!(by_id["OLY-C2-42-AZ"].variants, vec![]);

    // "Size 42" shows the Corre 3 by one of its 42s.
    let turn = say(&engine, &mut Session::default(), "tênis tamanho 42");
    assert_eq!(turn.total, 4, "{:?}", ids(&turn.products));
    for p in &turn.products {
        assert_eq!(p.size.as_deref(), Some("42"), "{}", p.id);
    }
}

#[test]
fn products_a_generic_title_does_not_tell_apart_are_not_variants() {
    let dir = imported("titles.csv");
    let engine = Engine::open(dir.path()).expect("engine");
    let turn = say(&engine, &mut Session::default(), "camiseta");
    let mut shown = ids(&turn.products);
    shown.sort_unstable();
    assert_eq!(shown, ["HER-CB-1", "HER-CB-2"]);
    assert_eq!(turn.total, 2);
    assert!(turn.products.iter().all(|p| p.variants.is_empty()));
}

#[test]
fn the_chat_api_answers_variants_and_counts_models() {
    let server = common::TestServer::serve(
        imported("feed.csv"),
        vitrine::server::ServerConfig::default(),
        None,
    );
    let client = Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client");
    let url = |path: &str| format!("http://{}{}", server.addr, path);
    let response = client
        .post(url("/api/chat"))
        .json(&json!({ "message": "blue running shoes size 42" }))
        .send()
        .expect("chat");
    assert_eq!(response.status(), 200);
    let answer: Value = response.json().expect("json");
    assert_eq!(answer["total"], 1, "{answer}");
    let product = &answer["products"][0];
    assert_eq!(product["id"], "SPR-BLU-42", "{answer}");
    assert_eq!(product["size"], "42");
    assert_eq!(
        product["variants"],
        json!([
            { "id": "SPR-BLU-43", "color": "Blue", "size": "43", "price": 79.0 },
            { "id": "SPR-WHT-42", "color": "White", "size": "42", "price": 82.0 },
        ])
    );

    // A model of one row answers an empty list; the detail lists them too.
    let response = client
        .get(url("/api/products/TRL-BRN-44"))
        .send()
        .expect("detail");
    assert_eq!(response.status(), 200);
    let detail: Value = response.json().expect("json");
    assert_eq!(detail["variants"], json!([]), "{detail}");
    let detail: Value = client
        .get(url("/api/products/PK-BLK-45"))
        .send()
        .expect("detail")
        .json()
        .expect("json");
    assert_eq!(
        detail["variants"],
        json!([{ "id": "PK-BLU-45", "color": "Blue", "size": "45", "price": 130.0 }]),
        "{detail}"
    );
}

/// A large catalog is indexed by several threads into several segments; a
/// model's rows listed together (as exports list variants) land in one of
/// them, so each segment meets whole models.
#[test]
fn variants_listed_together_are_indexed_into_one_segment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("catalog.csv");
    let mut out = String::from("id,title,brand,color,size,price\n");
    let colours = ["Black", "White", "Blue", "Red", "Green"];
    for model in 0..800 {
        for (v, size) in ["38", "39", "40", "41", "42"].iter().enumerate() {
            out.push_str(&format!(
                "M{model}-{v},Trail Runner {model} Shoes,Brand{},{},{size},{}.90\n",
                model % 7,
                colours[model % colours.len()],
                50 + model % 90,
            ));
        }
    }
    std::fs::write(&csv, out).expect("write");
    let index_dir = dir.path().join("index");
    let summary = import(&csv, &index_dir, &ImportOptions::default()).expect("import");
    assert_eq!(summary.indexed, 4_000);
    let index = ProductIndex::open(&index_dir).expect("open");
    let groups = index.facet_table().groups();
    assert_eq!(groups.len(), 800, "each model's five sizes are one model");
    let segments = index.searcher().segment_readers().len();
    if std::thread::available_parallelism().map_or(1, |n| n.get()) > 1 {
        assert!(segments > 1, "{segments} segment(s) from several threads");
    }
    let spanning = (0..groups.len() as u32)
        .filter(|&g| spans_segments(groups.split(), g))
        .count();
    assert_eq!(spanning, 0, "models split among {segments} segments");
}
