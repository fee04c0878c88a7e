//! A type's narrower kinds are found by its name, never the other way
//! round (`[type_broader]` in the language files): derbys, brogues,
//! loafers, flats and heels are shoes; a sneaker is no "sapato" in
//! Portuguese and sandals are no shoes. Through `Engine::turn` on indexes
//! imported from catalog files.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

const ENGLISH: &str = "id,title,brand,gender,price
1,Red Tape Men Black Leather Formal Derbys,Red Tape,Men,2499
2,Red Tape Men Brown Leather Formal Brogues,Red Tape,Men,2799
3,Red Tape Men Tan Leather Formal Loafers,Red Tape,Men,1999
4,San Frissco Men Black Glossy Formal Shoes,San Frissco,Men,997
5,Puma Men White Sneakers,Puma,Men,2999
6,Bata Men Brown Sandals,Bata,Men,799
7,Inc 5 Women Pink Ballerinas,Inc 5,Women,899
8,Inc 5 Women Black Heels,Inc 5,Women,1299
9,Mochi Women Tan Flats,Mochi,Women,999
";

#[test]
fn kinds_of_shoes_are_shoes() {
    let dir = common::index_of(ENGLISH);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["formal shoes for men", "brown"]);
    assert_eq!(turns[0].0, ids(&["1", "2", "3", "4"]), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&["2"]), "{}", turns[1].1);
    let turns = conversation(&engine, &["shoes for women"]);
    assert_eq!(turns[0].0, ids(&["7", "8", "9"]), "{}", turns[0].1);
    // A narrower kind stays narrow.
    let turns = conversation(&engine, &["flats"]);
    assert_eq!(turns[0].0, ids(&["7", "9"]), "{}", turns[0].1);
    let turns = conversation(&engine, &["loafers"]);
    assert_eq!(turns[0].0, ids(&["3"]), "{}", turns[0].1);
}

const PORTUGUESE: &str = "id,title,brand,gender,price
1,Sapato Social Masculino Preto Couro,Democrata,Masculino,299
2,Mocassim Masculino Marrom Couro,Democrata,Masculino,249
3,Tênis Olympikus Corre Masculino Preto,Olympikus,Masculino,399
4,Sapatilha Feminina Rosa,Moleca,Feminino,99
5,Sandália Masculina Preta,Rider,Masculino,89
";

#[test]
fn a_sneaker_is_no_sapato() {
    let dir = common::index_of(PORTUGUESE);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["sapatos masculinos"]);
    assert_eq!(turns[0].0, ids(&["1", "2"]), "{}", turns[0].1);
    let turns = conversation(&engine, &["mocassim"]);
    assert_eq!(turns[0].0, ids(&["2"]), "{}", turns[0].1);
}

const SHIRTS: &str = "id,title,brand,gender,price
1,Park Avenue Men Blue Slim Fit Formal Shirt,Park Avenue,Men,1299
2,Raymond Men White Regular Fit Formal Shirt,Raymond,Men,1499
3,Roadster Men Blue Checked Casual Shirt,Roadster,Men,699
4,HRX Men Blue Solid T-shirt,HRX,Men,399
";

#[test]
fn a_formal_shirt_is_a_shirt_and_a_camisa_social() {
    let dir = common::index_of(SHIRTS);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["camisa social masculina azul"]);
    assert_eq!(turns[0].0, ids(&["1"]), "{}", turns[0].1);
    let turns = conversation(&engine, &["formal shirts", "white"]);
    assert_eq!(turns[0].0, ids(&["1", "2"]), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&["2"]), "{}", turns[1].1);
    let turns = conversation(&engine, &["blue shirts for men"]);
    assert_eq!(turns[0].0, ids(&["1", "3"]), "{}", turns[0].1);
}
