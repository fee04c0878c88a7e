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
