//! Measures as shoppers ask for them against what catalogs write: a
//! furniture title's dimensions ("Desk, 140x80 cm") are lengths "at least
//! 120 cm wide" meets, the dimension's name saying nothing more; a size
//! column's "100cl" is the "1 litre" bottle; "over 55%" is a share, never
//! a budget; a currency's sign does not make an English message
//! Portuguese. Through `Engine::turn` on catalogs written here.

mod common;

use vitrine::Engine;

const FURNITURE: &str = "id,title,price
d1,MICKE Desk 142x50 cm,395
d2,PAHL Desk 128x58 cm,325
d3,LINNMON Desk 100x60 cm,199
d4,ALEX Desk 132x58 cm,650
b1,BESTA TV bench 120x40x38 cm,375
b2,LACK TV bench 90x26x45 cm,99
b3,HEMNES TV bench 148x47x57 cm,745
j1,Wide Leg Jeans Blue,59
j2,Slim Fit Jeans Blue,49
";

const SPIRITS: &str = "id,title,size,price
w1,Jack Daniel's Old No.7,70cl,24.95
w2,Jack Daniel's Old No.7 Litre,100cl,32.95
w3,Jack Daniel's Single Barrel,70cl,44.95
w4,Jack Daniel's Old No.7 Miniature,5cl,4.95
c1,Cask Strength Rye Whiskey 58.6% ABV,70cl,69.95
";

#[test]
fn a_length_meets_every_dimension_of_a_title() {
    let dir = common::index_of(FURNITURE);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["desk at least 120 cm wide under 500"]);
    let (shown, reply) = &turns[0];
    assert_eq!(shown, &common::ids(&["d1", "d2"]), "{reply}");
    assert!(
        !reply.contains("wide"),
        "the dimension's name is no keyword: {reply}"
    );
    let turns = common::conversation(&engine, &["tv bench 120 cm"]);
    assert_eq!(turns[0].0, common::ids(&["b1"]), "{}", turns[0].1);
    let turns = common::conversation(&engine, &["tv bench 57 cm high"]);
    assert_eq!(turns[0].0, common::ids(&["b3"]), "{}", turns[0].1);
    // Elsewhere the word is a word of titles.
    let turns = common::conversation(&engine, &["wide leg jeans"]);
    assert_eq!(turns[0].0, common::ids(&["j1"]), "{}", turns[0].1);
}

#[test]
fn a_size_in_other_units_a_share_and_a_sign() {
    let dir = common::index_of(SPIRITS);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["jack daniels 1 litre"]);
    assert_eq!(turns[0].0, common::ids(&["w2"]), "{}", turns[0].1);
    let turns = common::conversation(&engine, &["jack daniels 700 ml"]);
    assert_eq!(turns[0].0, common::ids(&["w1", "w3"]), "{}", turns[0].1);
    let turns = common::conversation(&engine, &["whiskey over 55% abv"]);
    let (_, reply) = &turns[0];
    assert!(
        !reply.contains("55.00") && !reply.contains("$55"),
        "{reply}"
    );
    let mut session = vitrine::Session::default();
    let turn = engine
        .turn(&mut session, "whisky under R$ 100", 5)
        .expect("turn");
    assert_eq!(turn.lang, vitrine::model::Lang::En, "{}", turn.reply);
}
