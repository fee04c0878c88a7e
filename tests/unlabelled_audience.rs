//! A store that labels some products with an audience and not others
//! (clothes say "Women", jewellery says nothing): asking for an audience
//! the products asked for are not labelled with keeps the rest of the
//! request, and the reply says the store does not tell. Checked through
//! `Engine::turn` on a catalog written here.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

fn catalog() -> String {
    let mut csv = String::from("id,title,brand,gender,price\n");
    for i in 0..12 {
        csv.push_str(&format!(
            "e{i},Pearl Alloy Stud Earring {i},Brand{i},,{}\n",
            150 + i * 10
        ));
    }
    csv.push_str("e99,Gold Plated Drop Earring,Aurum,Women,1800\n");
    for i in 0..10 {
        csv.push_str(&format!(
            "d{i},Floral Midi Dress {i},Dressy,Women,{}\n",
            900 + i * 10
        ));
        csv.push_str(&format!(
            "s{i},Slim Fit Formal Shirt {i},Shirtco,Men,{}\n",
            700 + i * 10
        ));
    }
    csv
}

#[test]
fn an_audience_the_products_do_not_say_is_set_aside_alone() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    // Not the one labelled earring at 1,800 without the budget: the
    // twelve under 300, whom they are for unsaid.
    let turns = conversation(&engine, &["earrings for women under 300"]);
    let twelve: Vec<String> = (0..12).map(|i| format!("e{i}")).collect();
    let twelve: Vec<&str> = twelve.iter().map(String::as_str).collect();
    assert_eq!(turns[0].0, ids(&twelve), "{}", turns[0].1);
    assert!(turns[0].1.contains("doesn't say who"), "{}", turns[0].1);
    // Products labelled with another audience are not "unsaid".
    let turns = conversation(&engine, &["shirts for women"]);
    assert!(!turns[0].1.contains("doesn't say who"), "{}", turns[0].1);
}

#[test]
fn words_narrowing_to_unlabelled_products_of_a_labelled_kind_keep_the_audience() {
    let mut csv = String::from("id,title,brand,gender,price\n");
    for i in 0..6 {
        csv.push_str(&format!(
            "w{i},Canvas Tote Bag {i},Baggit,Women,{}\n",
            900 + i
        ));
    }
    csv.push_str("k1,Leather School Bag,Skybags,,1499\n");
    for i in 0..4 {
        csv.push_str(&format!(
            "m{i},Canvas Messenger Bag {i},Wildcraft,Men,{}\n",
            800 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    // Bags say whom they are for: the one unlabelled leather bag is not
    // shown as if its audience were unknown to the store.
    let turns = conversation(&engine, &["leather bag for women"]);
    assert!(!turns[0].1.contains("doesn't say who"), "{}", turns[0].1);
    assert!(!turns[0].0.contains("k1"), "{}", turns[0].1);
}

#[test]
fn a_few_labelled_products_of_a_mostly_unlabelled_kind_come_first_with_the_others() {
    let mut csv = String::from("id,title,brand,gender,price\n");
    csv.push_str("h0,Puma Women Black PU Hand Bag,Puma,Women,3999\n");
    for i in 1..13 {
        csv.push_str(&format!(
            "h{i},Glory Fashion Hand Bag {i},Glory,,{}\n",
            250 + i
        ));
    }
    csv.push_str("m1,Wildcraft Men Hand Bag,Wildcraft,Men,1200\n");
    for i in 0..10 {
        csv.push_str(&format!(
            "d{i},Floral Midi Dress {i},Dressy,Women,{}\n",
            900 + i * 10
        ));
        csv.push_str(&format!(
            "s{i},Slim Fit Formal Shirt {i},Shirtco,Men,{}\n",
            700 + i * 10
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = vitrine::Session::default();
    let turn = engine
        .turn(&mut session, "hand bag for women", 20)
        .expect("turn");
    // The one labelled for women first, then the unlabelled ones; never
    // the one labelled for men.
    assert_eq!(turn.products.first().map(|p| p.id.as_str()), Some("h0"));
    assert_eq!(turn.total, 13, "{}", turn.reply);
    assert!(turn.products.iter().all(|p| p.id != "m1"), "{}", turn.reply);
    assert!(
        turn.reply.contains("Only 1 of these says"),
        "{}",
        turn.reply
    );
    assert_eq!(turn.relaxed.len(), 1, "{}", turn.reply);
    // A kind the store labels keeps the audience exact.
    let turns = conversation(&engine, &["formal shirts for men"]);
    let shirts: Vec<String> = (0..10).map(|i| format!("s{i}")).collect();
    let shirts: Vec<&str> = shirts.iter().map(String::as_str).collect();
    assert_eq!(turns[0].0, ids(&shirts), "{}", turns[0].1);
    assert!(!turns[0].1.contains("Only"), "{}", turns[0].1);
}

/// A brand whose titles never say whom a shoe is for, in a store whose
/// other brand says it of every shoe: the audience asked is set aside for
/// that brand's shoes, not the brand for the other brand's.
#[test]
fn a_brand_whose_products_say_no_audience_keeps_the_brand() {
    let mut csv = String::from("id,title,brand,price\n");
    for i in 0..6 {
        csv.push_str(&format!(
            "a{i},Men's adidas Running Model{i} Sneakers,Adidas,{}\n",
            3000 + i
        ));
        csv.push_str(&format!(
            "w{i},Women's adidas Running Model{i} Sneakers,Adidas,{}\n",
            3000 + i
        ));
        csv.push_str(&format!(
            "n{i},Nike Air Zoom Model{i} Sneakers,Nike,{}\n",
            5000 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    for message in ["tênis nike masculino", "nike sneakers for men"] {
        let turns = conversation(&engine, &[message]);
        let nike: Vec<String> = (0..6).map(|i| format!("n{i}")).collect();
        let nike: Vec<&str> = nike.iter().map(String::as_str).collect();
        assert_eq!(turns[0].0, ids(&nike), "{message}: {}", turns[0].1);
    }
}
