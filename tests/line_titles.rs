//! A store that titles products by their line's name ("FREKVENS") and says
//! what each one is in a short description ("Bar table, in/outdoor, 51x51
//! cm"), the shape of IKEA's export: the titles are completed with the
//! descriptions, so the kinds, counts and sizes in them are found as
//! title words; and a count joined to its noun ("3-seat", "2-door") is
//! asked as written and as the count before the noun ("Wardrobe with 2
//! doors"), never dropped. Checked through the real import (its report
//! too) and `Engine::turn` on a catalog written here.

mod common;

use std::process::Command;
use vitrine::{Engine, Session};

const ROWS: &[(&str, &str, &str, &str, &str)] = &[
    ("1", "KIVIK", "3-seat sofa", "Sofas & armchairs", "2995"),
    ("2", "KIVIK", "2-seat sofa", "Sofas & armchairs", "1695"),
    ("3", "GRÖNLID", "4-seat sofa", "Sofas & armchairs", "5700"),
    (
        "4",
        "VIMLE",
        "3-seat sofa, with chaise longue",
        "Sofas & armchairs",
        "3150",
    ),
    ("5", "POÄNG", "Armchair", "Sofas & armchairs", "395"),
    (
        "6",
        "BESTÅ",
        "TV bench,     120x40x38 cm",
        "TV & media furniture",
        "375",
    ),
    (
        "7",
        "LACK",
        "TV bench, 90x26x45 cm",
        "TV & media furniture",
        "99",
    ),
    (
        "8",
        "BRIMNES",
        "Wardrobe with 2 doors, 78x190 cm",
        "Wardrobes",
        "475",
    ),
    (
        "9",
        "BRIMNES",
        "Wardrobe with 3 doors, 117x190 cm",
        "Wardrobes",
        "645",
    ),
    (
        "10",
        "PAX",
        "Wardrobe with 6 doors, 300x60x236 cm",
        "Wardrobes",
        "2450",
    ),
    ("11", "MALM", "Desk, 140x65 cm", "Tables & desks", "495"),
    ("12", "LISABO", "Table, 140x78 cm", "Tables & desks", "595"),
    (
        "13",
        "LACK",
        "Coffee table, 90x55 cm",
        "Tables & desks",
        "99",
    ),
    (
        "14",
        "BILLY",
        "Bookcase, 80x28x202 cm",
        "Bookcases & shelving units",
        "229",
    ),
    (
        "15",
        "KALLAX",
        "Shelving unit, 77x147 cm",
        "Bookcases & shelving units",
        "295",
    ),
];

fn store() -> String {
    let mut csv = String::from("item_id;name;short_description;category;price\n");
    // The line names repeat, as in the real export: each row again.
    for round in 0..2 {
        for (id, name, description, category, price) in ROWS {
            csv.push_str(&format!(
                "{round}{id};{name};{description};{category};{price}\n"
            ));
        }
    }
    csv
}

fn titles(engine: &Engine, message: &str) -> (Vec<String>, String) {
    let mut session = Session::default();
    let turn = engine.turn(&mut session, message, 40).expect("turn");
    let titles = turn.products.iter().map(|p| p.title.clone()).collect();
    (titles, turn.reply)
}

#[test]
fn line_names_are_completed_and_counts_are_kept() {
    let dir = common::index_of(&store());
    let engine = Engine::open(dir.path()).expect("open the index");

    let (sofas, reply) = titles(&engine, "3-seat sofa");
    assert_eq!(sofas.len(), 4, "{reply}: {sofas:?}");
    assert!(sofas.iter().all(|t| t.contains("3-seat sofa")), "{sofas:?}");
    assert!(
        sofas.contains(&"KIVIK 3-seat sofa".to_string()),
        "{sofas:?}"
    );

    let (benches, reply) = titles(&engine, "tv bench");
    assert_eq!(benches.len(), 4, "{reply}: {benches:?}");
    assert!(
        benches.iter().all(|t| t.contains("TV bench")),
        "{benches:?}"
    );
    // The description's spaces are collapsed in the title.
    assert!(
        benches.contains(&"BESTÅ TV bench, 120x40x38 cm".to_string()),
        "{benches:?}"
    );

    // The count before its noun: only the wardrobes with 2 doors.
    for message in ["2-door wardrobe", "2door wardrobe"] {
        let (wardrobes, reply) = titles(&engine, message);
        assert_eq!(wardrobes.len(), 2, "{message}: {reply}: {wardrobes:?}");
        assert!(
            wardrobes.iter().all(|t| t.contains("with 2 doors")),
            "{message}: {wardrobes:?}"
        );
    }

    // A kind of a category naming several is the title's.
    let (desks, reply) = titles(&engine, "desk");
    assert!(!desks.is_empty(), "{reply}");
    assert!(desks.iter().all(|t| t.contains("Desk")), "{desks:?}");
}

#[test]
fn the_import_report_says_titles_were_completed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("ikea.csv");
    std::fs::write(&csv, store()).expect("write catalog");
    let index = dir.path().join("index");
    let out = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(["import", csv.to_str().expect("path"), "--index"])
        .arg(&index)
        .args(["--currency", "SAR"])
        .output()
        .expect("run vitrine import");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}");
    assert!(
        report.contains("titles: 30 completed with their short description"),
        "{report}"
    );
}

#[test]
fn full_titles_are_left_as_they_are() {
    // Titles naming the product already: a short description is no
    // subtitle to add.
    let mut csv = String::from("id,title,description,price\n");
    for i in 0..30 {
        csv.push_str(&format!(
            "{i},Puma Men Black Running Shoes {i},Light and comfortable,50\n"
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let (shoes, reply) = titles(&engine, "running shoes");
    assert!(!shoes.is_empty(), "{reply}");
    assert!(
        shoes.iter().all(|t| !t.contains("comfortable")),
        "{shoes:?}"
    );
}

#[test]
fn a_colour_only_the_product_s_address_names_is_learned() {
    // IKEA's colours are in the product page's address alone.
    let mut csv = String::from("item_id;name;short_description;link;price\n");
    let rows = [
        (
            "1",
            "STIG",
            "Bar stool with backrest, 74 cm",
            "stig-bar-stool-with-backrest-black-silver-colour-80155205",
        ),
        (
            "2",
            "STIG",
            "Bar stool with backrest, 63 cm",
            "stig-bar-stool-with-backrest-white-silver-colour-30155207",
        ),
        (
            "3",
            "FRANKLIN",
            "Bar stool with backrest, 74 cm",
            "franklin-bar-stool-with-backrest-foldable-white-white-20404057",
        ),
        (
            "4",
            "NORRARYD",
            "Bar stool with backrest, 74 cm",
            "norraryd-bar-stool-with-backrest-black-60397407",
        ),
        // A listing's address says nothing of the product.
        (
            "5",
            "KULLABERG",
            "Bar stool with backrest, 74 cm",
            "black-friday",
        ),
    ];
    for round in 0..6 {
        for (id, name, description, slug) in rows {
            csv.push_str(&format!(
                "{round}{id};{name};{description};https://www.ikea.com/sa/en/p/{slug}/;300\n"
            ));
        }
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "black bar stool", 40)
        .expect("turn");
    let mut ids: Vec<String> = turn
        .products
        .iter()
        .map(|p| p.id[1..].to_string())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids, ["1", "4"], "{}", turn.reply);
}
