//! A store whose catalog lists no prices (a crawl of names and links):
//! a budget, "cheaper" or an order by price is not applied, and the reply
//! says the store lists no prices rather than "these are the cheapest" or
//! "nothing under R$ 100". Through `Engine::turn` on a catalog written
//! here.

mod common;

use vitrine::{Engine, Session};

const CRAWL: &str = "id,title,url
p1,Perfume Floral Feminino Eau de Parfum 50ml,https://example.com/p1
p2,Perfume Amadeirado Masculino Eau de Toilette 100ml,https://example.com/p2
p3,Perfume Cítrico Feminino Eau de Toilette 30ml,https://example.com/p3
s1,Shampoo Hidratante 300ml,https://example.com/s1
";

#[test]
fn prices_asked_of_a_store_without_any_are_said_to_be_missing() {
    let dir = common::index_of(CRAWL);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let first = engine
        .turn(&mut session, "perfume feminino até 100 reais", 10)
        .expect("turn");
    let mut shown: Vec<String> = first.products.iter().map(|p| p.id.clone()).collect();
    shown.sort();
    assert_eq!(shown, ["p1", "p3"], "{}", first.reply);
    assert!(
        first.reply.contains("não informa preços"),
        "{}",
        first.reply
    );
    assert!(first.relaxed.is_empty(), "{:?}", first.relaxed);
    let cheaper = engine.turn(&mut session, "mais barato", 10).expect("turn");
    assert_eq!(cheaper.products.len(), 2, "{}", cheaper.reply);
    assert!(
        cheaper.reply.contains("não informa preços"),
        "{}",
        cheaper.reply
    );
    assert!(
        !cheaper.reply.contains("mais em conta"),
        "{}",
        cheaper.reply
    );
    let mut session = Session::default();
    let sorted = engine
        .turn(&mut session, "perfume sorted by price", 10)
        .expect("turn");
    assert_eq!(sorted.products.len(), 3, "{}", sorted.reply);
    assert!(
        sorted.reply.contains("doesn't list prices"),
        "{}",
        sorted.reply
    );
}
