//! Words alone that no product matches together: the products matching
//! the word naming the product matches, said so, rather than nothing
//! ("cough syrup" in a store whose syrups are titled "Xarope", and none
//! "tosse"); never the others alone. Checked through
//! `Engine::turn` on a catalog written here.

mod common;

use common::conversation;
use vitrine::Engine;

fn catalog() -> String {
    let mut csv = String::from("Produto,Preço,Marca\n");
    for (title, brand) in [
        ("Xarope Expectorante Guaco 120ml", "Herbarium"),
        ("Xarope Infantil Sabor Morango 100ml", "Vick"),
        ("Xarope Mel e Própolis 150ml", "Apis Flora"),
        ("Dipirona Gotas 20ml", "Medley"),
        ("Pomada para Assaduras 45g", "Bepantol"),
        ("Protetor Solar FPS 50 200ml", "Nivea"),
    ] {
        csv.push_str(&format!("{title},\"R$ 19,90\",{brand}\n"));
    }
    csv
}

#[test]
fn words_no_product_matches_together_show_those_some_match() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["cough syrup"]);
    assert_eq!(turns[0].0.len(), 3, "{}", turns[0].1);
    assert!(turns[0].1.contains("cough"), "{}", turns[0].1);
    assert!(turns[0].1.contains("Without"), "{}", turns[0].1);
    // Words of which none matches are still not found, and nor are words
    // whose product word (the last in English) matches nothing.
    for message in ["dog collar", "syrup cough"] {
        let turns = conversation(&engine, &[message]);
        assert!(turns[0].0.is_empty(), "{message}: {}", turns[0].1);
    }
    // In Portuguese the product word comes first: "xarope de guaraná".
    let turns = conversation(&engine, &["xarope de guaraná"]);
    assert_eq!(turns[0].0.len(), 3, "{}", turns[0].1);
}
