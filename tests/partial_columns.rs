//! A column that describes some products only: a Shopify "Choose Material"
//! option listing the metals of a jewellery store's rings and necklaces,
//! empty for its leather bracelets. A material asked is found in the
//! column and in the titles, so "leather bracelet" is the bracelet titled
//! leather, not nothing. Checked through `Engine::turn` on a catalog
//! written here.

mod common;

use vitrine::{Engine, Session};

fn store() -> String {
    let mut csv = String::from("id,title,material,price\n");
    for i in 0..6 {
        let metal = if i % 2 == 0 { "Gold" } else { "Silver" };
        csv.push_str(&format!("r{i},Stacking Ring {i},{metal},{}\n", 30 + i));
        csv.push_str(&format!("b{i},Chain Bracelet {i},{metal},{}\n", 40 + i));
    }
    csv.push_str("l1,Leather Projection Bracelet,,31.99\n");
    csv.push_str("l2,Braided Leather Bracelet for Men,,35.00\n");
    // Not leather, whatever its column says.
    csv.push_str("f1,Faux Leather Cuff Bracelet,,19.00\n");
    csv.push_str("f2,Faux Leather Wrap Bracelet,Faux Leather,21.00\n");
    csv
}

#[test]
fn a_material_no_column_value_names_is_read_in_titles() {
    let dir = common::index_of(&store());
    let engine = Engine::open(dir.path()).expect("open the index");
    for message in ["leather bracelet", "pulseira de couro"] {
        let mut session = Session::default();
        let turn = engine.turn(&mut session, message, 10).expect("turn");
        let mut ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["l1", "l2"], "{message}: {}", turn.reply);
        assert!(turn.relaxed.is_empty(), "{message}: {}", turn.reply);
    }
    // The column's own values still filter by it.
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "gold bracelet", 10)
        .expect("turn");
    let mut ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["b0", "b2", "b4"], "{}", turn.reply);
}

/// A jewellery store whose metal is both the colour and an option of
/// each product's variants ("Choose Material: Gold / Silver"): after
/// "silver", the clarifying question does not offer the metal again.
#[test]
fn no_question_restates_a_choice_made_in_another_facet() {
    let mut csv = String::from("id,title,color,material,price\n");
    for i in 0..12 {
        let (metal, kind) = match i % 3 {
            0 => ("Silver", "Heart"),
            1 => ("Gold", "Heart"),
            _ => ("Silver", "Star"),
        };
        csv.push_str(&format!(
            "n{i},{kind} Pendant Necklace {i},{metal},{option},{}\n",
            30 + i,
            option = if i % 2 == 0 { "Gold" } else { "Silver" }
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "silver necklace", 2)
        .expect("turn");
    assert!(turn.total >= 4, "{}", turn.reply);
    assert!(
        !turn.reply.contains("Gold ("),
        "the metal asked again: {} {:?}",
        turn.reply,
        turn.filters
    );
}

/// Earrings a jewellery store titles by their kind ("Moonstone Studs",
/// "Gold Hoops") are earrings.
#[test]
fn studs_and_hoops_are_earrings() {
    let mut csv = String::from("id,title,price\n");
    for (id, title) in [
        ("s1", "Lexi Moonstone Studs"),
        ("s2", "Rose Quartz Studs (Gold)"),
        ("s3", "Birthstone Studs"),
        ("h1", "Classic Gold Hoops"),
        ("n1", "Minimal Initial Necklace"),
        ("n2", "Zodiac Sign Necklace"),
        ("n3", "Heart Pendant Necklace"),
    ] {
        csv.push_str(&format!("{id},{title},30\n"));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "earrings", 10).expect("turn");
    let mut ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["h1", "s1", "s2", "s3"], "{}", turn.reply);
}
