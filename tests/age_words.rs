//! An age said of no person may be the product's ("single malt 12 year
//! old": the whisky titled "12 Year Old"), while a child's age still says
//! whom the product is for ("a dress for a 5 year old"). Checked through
//! `Engine::turn` on a catalog written here.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

fn catalog() -> String {
    let mut csv = String::from("id,title,brand,gender,price\n");
    for (id, title) in [
        ("w1", "12 Year Old Single Malt Whisky"),
        ("w2", "Speyside Single Malt Whisky"),
        ("w3", "18 Year Old Single Malt Whisky"),
        ("w4", "12 Year Old Blended Whisky"),
        ("w5", "Islay Single Malt Whisky"),
    ] {
        csv.push_str(&format!("{id},{title},Highland Cellars,,19.99\n"));
    }
    for (id, title, gender) in [
        ("d1", "Floral Party Dress", "Girls"),
        ("d2", "Ruffle Sleeve Dress", "Girls"),
        ("d3", "Wrap Midi Dress", "Women"),
        ("d4", "Linen Shirt Dress", "Women"),
    ] {
        csv.push_str(&format!("{id},{title},Bloom,{gender},24\n"));
    }
    csv
}

#[test]
fn an_age_said_of_no_person_is_the_titles_words() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["whisky", "single malt 12 year old"]);
    assert_eq!(turns[1].0, ids(&["w1"]), "{}", turns[1].1);
    assert!(!turns[1].1.contains("kids"), "{}", turns[1].1);
    let turns = conversation(&engine, &["12 year old whisky"]);
    assert_eq!(turns[0].0, ids(&["w1", "w4"]), "{}", turns[0].1);
}

#[test]
fn a_childs_age_still_says_whom_it_is_for() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["a dress for a 5 year old"]);
    assert_eq!(turns[0].0, ids(&["d1", "d2"]), "{}", turns[0].1);
    let turns = conversation(&engine, &["dress for my 10 year old daughter"]);
    assert_eq!(turns[0].0, ids(&["d1", "d2"]), "{}", turns[0].1);
}
