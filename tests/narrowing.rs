//! A type the store has no value of, said after a type was asked, narrows
//! that type when its words are in the titles: "t-shirts", then "polo" is
//! the polo-collar t-shirts; "backpack", then "laptop" the laptop
//! backpacks. Said first, it is still a type the store lacks. Through
//! `Engine::turn` on an index imported from a catalog file.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

const CATALOG: &str = "id,title,brand,gender,price
1,Roadster Men Navy Blue Polo Collar T-shirt,Roadster,Men,599
2,Roadster Men White Round Neck T-shirt,Roadster,Men,399
3,HRX Men Black Polo Collar T-shirt,HRX,Men,699
4,HRX Men Grey Round Neck T-shirt,HRX,Men,349
5,Wildcraft Unisex Black Laptop Backpack,Wildcraft,Unisex,1999
6,Puma Unisex Blue Graphic Backpack,Puma,Unisex,1299
7,Wildcraft Unisex Grey Rucksack Backpack,Wildcraft,Unisex,2499
8,Mast & Harbour Women Black Laptop Bag,Mast & Harbour,Women,1499
";

#[test]
fn a_type_the_store_lacks_narrows_the_type_asked_before() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["t-shirts for men", "polo"]);
    assert_eq!(turns[0].0, ids(&["1", "2", "3", "4"]), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&["1", "3"]), "{}", turns[1].1);
    let turns = conversation(&engine, &["backpack", "laptop", "wildcraft"]);
    assert_eq!(turns[1].0, ids(&["5"]), "{}", turns[1].1);
    assert_eq!(turns[2].0, ids(&["5"]), "{}", turns[2].1);
}

#[test]
fn said_first_a_type_the_store_lacks_is_still_that_type() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["laptop"]);
    let (shown, reply) = &turns[0];
    // No laptop bag or backpack is a laptop.
    assert!(shown.is_empty(), "{shown:?} {reply}");
    assert!(reply.contains("laptop"), "{reply}");
}

/// A narrower kind a title names before its head is that kind too:
/// "Hooded Sweatshirt" is a hoodie (and still a sweatshirt), "Shoulder
/// Bag" and "Handheld Bag" are handbags, not backpacks.
#[test]
fn a_narrower_kind_before_the_head_is_found_by_its_name() {
    let csv = "id,title,brand,gender,price
1,Roadster Men Grey Hooded Sweatshirt,Roadster,Men,999
2,HRX Men Black Hoodie,HRX,Men,1099
3,Roadster Men Blue Solid Sweatshirt,Roadster,Men,899
4,Lavie Women Black Shoulder Bag,Lavie,Women,1499
5,Lavie Women Tan Handheld Bag,Lavie,Women,1699
6,Wildcraft Unisex Grey Backpack,Wildcraft,Unisex,1999
7,Caprese Women Red Solid Sling Bag,Caprese,Women,1299
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        ("hoodie", &["1", "2"][..]),
        ("sweatshirts", &["1", "2", "3"]),
        ("handbag", &["4", "5"]),
        ("bags", &["4", "5", "7"]),
    ] {
        let turns = conversation(&engine, &[message]);
        assert_eq!(turns[0].0, ids(want), "{message}: {}", turns[0].1);
    }
}
