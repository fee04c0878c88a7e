//! The taxonomy's Portuguese product nouns ("escova de dente elétrica",
//! "mesa de centro") are read whole for a store in English, where their
//! translation finds the product; a Portuguese store reads them with its
//! own types and words, so the toothbrushes it sells are shown when none
//! is electric, as before the taxonomy. Checked through `Engine::turn` on
//! a catalog written here.

mod common;

use vitrine::{Engine, Session};

#[test]
fn a_portuguese_store_reads_a_taxonomy_phrase_with_its_own_types() {
    let mut csv = String::from("id,title,price\n");
    for i in 0..4 {
        csv.push_str(&format!(
            "e{i},Escova de Dente Infantil Formato U {i},{}\n",
            30 + i
        ));
    }
    for i in 0..4 {
        csv.push_str(&format!(
            "c{i},Creme Dental Infantil Morango {i},{}\n",
            10 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "escova de dente elétrica", 20)
        .expect("turn");
    let mut ids: Vec<&str> = turn.products.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["e0", "e1", "e2", "e3"], "{}", turn.reply);
    assert!(turn.reply.contains("Sem o filtro"), "{}", turn.reply);
}
