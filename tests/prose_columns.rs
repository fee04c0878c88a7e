//! A column of prose the importer does not know ("Technical Details",
//! "Product Specification" of marketplace scrapes) is read as a
//! description is: its words find a product only when no title says them,
//! and the reply says so. As an attribute, "perfect for friends and family
//! … game nights" made a T-shirt the one "board game for family night".
//! Checked through `Engine::turn` on a catalog written here.

mod common;

use vitrine::{Engine, Session};

fn store() -> String {
    let prose = "This funny tee says The Meeples. Perfect for board game addicts, \
                 a great gift for friends and family who host regular game nights";
    let mut csv = String::from("id,title,category,price,about product,technical details,finish\n");
    csv.push_str(&format!(
        "t1,The Meeples Board Game Addict T-Shirt,Games > Board Games,17.99,Cotton tee,\"{prose}\",Glossy\n"
    ));
    for (id, title) in [
        ("g1", "Bear Valley Board Game"),
        ("g2", "Smugglers Family Board Game"),
        ("g3", "SET Junior Board Game"),
    ] {
        csv.push_str(&format!(
            "{id},{title},Games > Board Games,20,A game,Ages 8 and up,Matte\n"
        ));
    }
    csv
}

fn turn(engine: &Engine, message: &str) -> vitrine::Turn {
    let mut session = Session::default();
    engine.turn(&mut session, message, 20).expect("turn")
}

#[test]
fn prose_in_another_column_is_no_attribute() {
    let dir = common::index_of(&store());
    let engine = Engine::open(dir.path()).expect("open the index");
    // A title's word is found by its title only: the T-shirt's prose says
    // "family" too.
    let family = turn(&engine, "family board game");
    let ids: Vec<&str> = family.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["g2"], "{}", family.reply);
    // Words only the prose says find it as a description's words would,
    // and the reply tells.
    let nights = turn(&engine, "board game nights");
    let ids: Vec<&str> = nights.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["t1"], "{}", nights.reply);
    assert!(nights.reply.contains("description"), "{}", nights.reply);
    // A short value of an unknown column is still an attribute.
    let cotton = turn(&engine, "glossy board game");
    let ids: Vec<&str> = cotton.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["t1"], "{}", cotton.reply);
    assert!(!cotton.reply.contains("description"), "{}", cotton.reply);
}
