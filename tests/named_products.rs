//! Words said with the product type name the product ("necklace set",
//! "remote control car"): when nothing matches the whole request, the
//! budget and the attributes are set aside before them, so the shopper
//! sees the product they named, not any "set" under the budget. Checked
//! through `Engine::turn` on a catalog written here.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

fn catalog() -> String {
    let mut csv = String::from("id,title,brand,color,price\n");
    for i in 0..8 {
        csv.push_str(&format!(
            "p{i},Greenly Plant Container Set {i},Greenly,Red,{}\n",
            300 + i * 10
        ));
    }
    csv.push_str("n1,Kundan Stone Necklace Set,Aurum,Gold,1400\n");
    csv.push_str("n2,Pearl Choker Necklace Set,Aurum,White,1499\n");
    for i in 0..5 {
        csv.push_str(&format!(
            "c{i},Speedy Remote Control Racing Car {i},Speedy,Blue,{}\n",
            900 + i * 10
        ));
        csv.push_str(&format!(
            "t{i},Tiny Friction Toy Car {i},Tiny,Red,{}\n",
            200 + i * 10
        ));
    }
    for i in 0..4 {
        csv.push_str(&format!(
            "s{i},Glow Scented Candle {i},Glow,White,{}\n",
            20 + i
        ));
    }
    csv.push_str("j1,Peony Blush Suede Candle,Jo Malone London,Pink,70\n");
    csv.push_str("j2,English Pear Freesia Candle,Jo Malone London,White,70\n");
    csv
}

#[test]
fn a_brand_named_after_the_words_outlasts_them() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    // No scented candle says Jo Malone: Jo Malone's candles, not Glow's.
    let turns = conversation(&engine, &["scented candle", "jo malone"]);
    assert_eq!(turns[0].0, ids(&["s0", "s1", "s2", "s3"]), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&["j1", "j2"]), "{}", turns[1].1);
    assert!(turns[1].1.contains("Without"), "{}", turns[1].1);
}

#[test]
fn the_product_named_outlasts_the_budget_and_the_colour() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    // No necklace set under 500: the two at any price, not plant sets.
    let turns = conversation(&engine, &["red necklace set under 500"]);
    assert_eq!(turns[0].0, ids(&["n1", "n2"]), "{}", turns[0].1);
    assert!(turns[0].1.contains("Without"), "{}", turns[0].1);
    // No red remote control car: the other colours, not red toy cars.
    let turns = conversation(&engine, &["remote control car", "red one"]);
    let remote: Vec<String> = (0..5).map(|i| format!("c{i}")).collect();
    let remote: Vec<&str> = remote.iter().map(String::as_str).collect();
    assert_eq!(turns[0].0, ids(&remote), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&remote), "{}", turns[1].1);
    assert!(turns[1].1.contains("Without the colour"), "{}", turns[1].1);
}

/// A price word said with no amount names the product where titles use it
/// ("air max": the Air Max shoes, not every "air" with "max" left out).
#[test]
fn a_price_word_without_an_amount_is_the_titles_word() {
    let csv = "id,title,brand,price
m1,Nike Air Max 90,Nike,9995
m2,Nike Air Max 97,Nike,14995
m3,Nike Air Max Dia SE,Nike,8995
f1,Nike Air Force 1 '07,Nike,7495
z1,Nike Air Zoom Pegasus 37,Nike,9995
h1,Nike Air Huarache,Nike,8495
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["air max"]);
    assert_eq!(turns[0].0, ids(&["m1", "m2", "m3"]), "{}", turns[0].1);
    // With an amount it is still a budget.
    let turns = conversation(&engine, &["nike air max 9000"]);
    assert!(turns[0].1.contains("9,000"), "{}", turns[0].1);
}
