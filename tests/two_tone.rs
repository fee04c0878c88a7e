//! Two colours said together ask for a product of both ("black and red
//! shirts", "cadeira preta e vermelha"), not for either: by the colour
//! column or by the title, since a column names one colour of a two-tone
//! product. Through `Engine::turn` on indexes imported from catalog files.

mod common;

use std::collections::BTreeSet;
use vitrine::Engine;

fn ids(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Shirts whose colour column names one colour of two.
const SHIRTS: &str = "id,title,brand,price,color
1,Roadster Men Red & Black Checked Casual Shirt,Roadster,900,Red
2,Parx Men Black Slim Fit Shirt,Parx,950,Black
3,Basics Men Red Regular Shirt,Basics,800,Red
4,Highlander Men Black & White Striped Shirt,Highlander,850,White
5,ColorPlus Men Black Red Colourblocked Shirt,ColorPlus,990,Black
";

#[test]
fn two_colours_joined_by_and_are_one_two_tone_product() {
    let dir = common::index_of(SHIRTS);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["black and red shirts"]);
    assert_eq!(turns[0].0, ids(&["1", "5"]), "{}", turns[0].1);
    assert!(turns[0].1.contains("black and red"), "{}", turns[0].1);
    // "or" still asks for either colour of the column.
    let turns = common::conversation(&engine, &["black or red shirts"]);
    assert_eq!(turns[0].0, ids(&["1", "2", "3", "5"]), "{}", turns[0].1);
    // Said as a follow-up, and then one of them excluded: the other stays.
    let turns = common::conversation(&engine, &["shirts", "black & white", "not white"]);
    assert_eq!(turns[1].0, ids(&["4"]), "{}", turns[1].1);
    assert_eq!(turns[2].0, ids(&["2", "5"]), "{}", turns[2].1);
}

#[test]
fn portuguese_colours_learned_from_titles_are_asked_together() {
    let csv = "id,title,brand,price
1,Cadeira Gamer Alpha Zeta Preto e Vermelho,Alpha Gamer,700
2,Cadeira Gamer Husky Preta,Husky,800
3,Cadeira Gamer ThunderX3 Vermelha,ThunderX3,900
4,Cadeira Gamer DT3 Preto e Branco,DT3,950
5,Cadeira Gamer XT Racer Vermelho e Preto,XT Racer,650
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["cadeira gamer preta e vermelha"]);
    assert_eq!(turns[0].0, ids(&["1", "5"]), "{}", turns[0].1);
    assert!(turns[0].1.contains("pretas e vermelhas"), "{}", turns[0].1);
}

#[test]
fn colours_no_product_has_together_are_shown_either_and_said_so() {
    let csv = "id,title,brand,price,color
1,Adidas Samba Sneakers Black,Adidas,80,Black
2,Adidas Stan Smith Sneakers White,Adidas,90,White
3,Adidas Stan Smith Sneakers Green,Adidas,95,Green
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["black and white sneakers", "under 85"]);
    assert_eq!(turns[0].0, ids(&["1", "2"]), "{}", turns[0].1);
    assert!(
        turns[0].1.contains("black or white sneakers")
            && turns[0].1.contains("None is black and white at once"),
        "{}",
        turns[0].1
    );
    // The conversation goes on with either colour.
    assert_eq!(turns[1].0, ids(&["1"]), "{}", turns[1].1);
}
