//! A product type of several words learned from some titles is also what
//! other titles say with a word between ("Men's adidas Running Ultraboost
//! Shoes" is a running shoe though typed "Shoes"; "Calça Wide Leg Jeans
//! Feminina" a "Calça Jeans" though typed "Calça"). Through `Engine::turn`
//! on indexes imported from catalog files.

mod common;

use common::{conversation, ids};
use std::collections::BTreeSet;
use vitrine::Engine;

fn shown(csv: &str, message: &str) -> (BTreeSet<String>, String) {
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    conversation(&engine, &[message]).remove(0)
}

#[test]
fn a_type_of_several_words_finds_its_head_with_the_other_words_in_the_title() {
    let csv = "id,title,brand,price
1,Women's adidas Vengeful Boost Running Shoes,Adidas,5999
2,Men's adidas Running Ultraboost 20 Shoes,Adidas,9999
3,Men's adidas Running Duramo 9 Shoes,Adidas,3999
4,Men's adidas Football Predator Shoes,Adidas,6999
5,Men's adidas Tennis Courtsmash Shoes,Adidas,3359
6,Women's adidas Originals Superstar Shoes,Adidas,7999
7,Men's adidas Running Socks,Adidas,499
";
    let (found, reply) = shown(csv, "running shoes");
    assert_eq!(found, ids(&["1", "2", "3"]), "{reply}");
    let (found, reply) = shown(csv, "men's running shoes");
    assert_eq!(found, ids(&["2", "3"]), "{reply}");
}

#[test]
fn a_portuguese_type_finds_its_head_with_the_other_words_in_the_title() {
    let csv = "id,title,brand,price
1,Calça Jeans Feminina Flare Cintura Alta,Shein,89.90
2,Calça Wide Leg Jeans Feminina Azul,Shein,99.90
3,Calça Cargo Jeans Feminina Bolso Lateral,Shein,79.90
4,Calça Wide Leg Alfaiataria Feminina,Shein,69.90
5,Calça Moletom Feminina,Shein,59.90
6,Jaqueta Jeans Feminina,Shein,129.90
";
    let (found, reply) = shown(csv, "calça jeans");
    assert_eq!(found, ids(&["1", "2", "3"]), "{reply}");
}

/// A skincare shop (Sephora's scrape): "Face" names what a mist, an oil or
/// a cream is for in most titles that use it, so "Face & Body Lotion" is a
/// lotion, not a product of type "Face"; a rating after the kind ("SPF 50",
/// "PA+++") is no kind either. Each is found by the kind the shopper asks.
#[test]
fn a_word_titles_mostly_use_before_their_kind_is_no_kind() {
    let mut csv = String::from("id,title,brand,price\n");
    let mut n = 0;
    let mut row = |csv: &mut String, title: &str, brand: &str| {
        n += 1;
        csv.push_str(&format!("{n},{title},{brand},{}\n", 10 + n));
    };
    for (brand, kinds) in [
        (
            "Caudalie",
            ["Face Mist 100ml", "Face Oil 30ml", "Face Cream 50ml"],
        ),
        (
            "Tatcha",
            ["Dewy Face Mist 50ml", "Face Serum 30ml", "Face Balm 50ml"],
        ),
        (
            "Drunk Elephant",
            ["Face Oil 15ml", "Face Cream 50ml", "Face Toner 150ml"],
        ),
        (
            "Clinique",
            ["Face Scrub 100ml", "Face Wash 150ml", "Face Cleanser 200ml"],
        ),
    ] {
        for kind in kinds {
            row(&mut csv, &format!("{brand} {kind}"), brand);
        }
    }
    // 13-15: lotions of face and body.
    row(
        &mut csv,
        "Bioderma Atoderm Face & Body Lotion 200ml",
        "Bioderma",
    );
    row(
        &mut csv,
        "Sephora Collection Face & Body Lotion 250ml",
        "Sephora",
    );
    row(&mut csv, "Shiseido Face and Body Lotion SPF50+", "Shiseido");
    // 16-18: sunscreens with their ratings.
    row(
        &mut csv,
        "Supergoop Unseen Sunscreen SPF 40 PA+++",
        "Supergoop",
    );
    row(&mut csv, "Merit Mineral Sunscreen SPF 50", "Merit");
    row(&mut csv, "Round Lab Birch Sunscreen PA++++", "Round Lab");
    for (brand, kind) in [
        ("CeraVe", "Hydrating Cleanser 236ml"),
        ("CeraVe", "Moisturising Lotion 236ml"),
        ("La Roche-Posay", "Effaclar Gel Cleanser 200ml"),
        ("The Ordinary", "Niacinamide Serum 30ml"),
        ("The Ordinary", "Squalane Cleanser 50ml"),
        ("Glow Recipe", "Watermelon Toner 150ml"),
    ] {
        row(&mut csv, &format!("{brand} {kind}"), brand);
    }
    let (found, reply) = shown(&csv, "lotion");
    assert_eq!(found, ids(&["13", "14", "15", "20"]), "{reply}");
    let (found, reply) = shown(&csv, "sunscreen");
    assert_eq!(found, ids(&["16", "17", "18"]), "{reply}");
}
