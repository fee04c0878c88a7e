//! Words no title has are looked for in descriptions, and the reply says
//! so: a product found by its description is not presented as one whose
//! title matches. Through `Engine::turn` on indexes imported from files.

mod common;

use vitrine::Engine;

const BEDS: &str = "id,title,brand,price,description
1,Cama Barcelona Rosa - P,Bichinho Chic,259.90,Uma cama macia com o grande segredo do conforto
2,Cama Iglu Azul,Fabrica Pet,379.90,Cama grande e espaçosa para cães de porte grande
3,Cama Canadá Bege,Flicks,159.90,Cama acolchoada para cães pequenos
";

#[test]
fn a_match_in_descriptions_only_is_said_to_be_one() {
    let dir = common::index_of(BEDS);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["cama grande"]);
    assert_eq!(turns[0].0.len(), 2, "{}", turns[0].1);
    assert!(
        turns[0]
            .1
            .contains("“grande” aparece na descrição, não no título"),
        "{}",
        turns[0].1
    );
    // A title match says nothing of descriptions.
    let turns = common::conversation(&engine, &["cama iglu"]);
    assert!(!turns[0].1.contains("descrição"), "{}", turns[0].1);
}

#[test]
fn an_english_reply_says_it_too() {
    let csv = "id,title,brand,price,description
1,Pepe Jeans Boys Printed Polo T-shirt,Pepe Jeans,524,Printed with oversized leaves
2,Roadster Men White T-shirt,Roadster,499,A regular fit t-shirt
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["oversized t-shirts"]);
    assert_eq!(turns[0].0.len(), 1, "{}", turns[0].1);
    assert!(
        turns[0]
            .1
            .contains("“oversized” is in their descriptions, not their titles"),
        "{}",
        turns[0].1
    );
}

#[test]
fn a_word_some_titles_have_is_said_to_be_in_some_descriptions() {
    let csv = "id,title,brand,price,description
1,Notebook Gamer Acer Nitro,Acer,4999,Leve e potente para jogos
2,Notebook Dell Inspiron,Dell,3999,Um notebook gamer leve para o dia a dia
3,Notebook Lenovo IdeaPad,Lenovo,2999,Para estudar
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["notebook gamer leve"]);
    assert_eq!(turns[0].0.len(), 2, "{}", turns[0].1);
    let reply = &turns[0].1;
    assert!(
        reply.contains("“leve” aparece na descrição, não no título"),
        "{reply}"
    );
    assert!(
        reply.contains("Alguns têm “gamer” só na descrição"),
        "{reply}"
    );
}
