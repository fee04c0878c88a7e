//! Sizes a crawled catalog gives a few of its products ("Size: Twin" in
//! two specification cells) do not hide the other products whose titles
//! say the same word: "twin bedding" is the twin bedding, labelled or not.
//! Through `Engine::turn` on a catalog written here.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

fn catalog() -> String {
    let mut csv = String::from("id,title,size,price\n");
    let sized = ["t1", "t2"];
    for i in 1..=8 {
        let id = format!("t{i}");
        let size = if sized.contains(&id.as_str()) {
            "Twin"
        } else {
            ""
        };
        csv.push_str(&format!(
            "{id},Cozy Twin Bedding Set {i},{size},{}\n",
            40 + i
        ));
    }
    for i in 1..=6 {
        csv.push_str(&format!("q{i},Cozy Queen Bedding Set {i},,{}\n", 60 + i));
    }
    for (i, size) in ["S", "M", "L", "XL"].iter().enumerate() {
        csv.push_str(&format!("s{i},Cotton Crew T-Shirt {i},{size},{}\n", 10 + i));
    }
    csv
}

#[test]
fn a_size_few_products_have_is_the_titles_word() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["twin bedding"]);
    let all: Vec<String> = (1..=8).map(|i| format!("t{i}")).collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    assert_eq!(turns[0].0, ids(&all), "{}", turns[0].1);
    // Next to "size", it is the size.
    let turns = conversation(&engine, &["bedding size twin"]);
    assert_eq!(turns[0].0, ids(&["t1", "t2"]), "{}", turns[0].1);
    // Garment sizes still filter.
    let turns = conversation(&engine, &["t-shirt size M"]);
    assert_eq!(turns[0].0, ids(&["s1"]), "{}", turns[0].1);
}
