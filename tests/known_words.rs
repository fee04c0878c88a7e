//! A known word of the shopper's language is no typo of a rarer one:
//! "cabelo cacheado" (curly hair) was corrected into "cabeado" (wired),
//! whose opposite made the search exclude every wireless product.
//! Checked through `Engine::turn` on a catalog written here.

mod common;

use vitrine::{Engine, Session};

#[test]
fn a_known_word_is_not_corrected_into_a_rarer_one() {
    let mut csv = String::from("id,title,price\n");
    for i in 0..4 {
        csv.push_str(&format!("s{i},Shampoo Cachos Definidos {i},{}\n", 30 + i));
        csv.push_str(&format!("f{i},Fone de Ouvido Sem Fio {i},{}\n", 100 + i));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "shampoo para cabelo cacheado", 20)
        .expect("turn");
    let filters = format!("{:?}", turn.filters);
    assert!(!filters.contains("sem fio"), "{filters} {}", turn.reply);
    assert!(!turn.reply.contains("sem fio"), "{}", turn.reply);
    // A typo is still corrected.
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "shampo", 20).expect("turn");
    assert!(
        turn.products.iter().all(|p| p.id.starts_with('s')),
        "{}",
        turn.reply
    );
    assert!(!turn.products.is_empty(), "{}", turn.reply);
}
