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
