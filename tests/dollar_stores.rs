//! A budget in "$" or "dollars" in a store whose prices are dollars of
//! another country (an Australian jeweller's Shopify export, prices in
//! AUD) is a budget in the store's dollars, as its shoppers mean it; a
//! budget in US dollars there, or in dollars in a store priced in reais,
//! is still set aside with a word. Through `Engine::turn`.

mod common;

use vitrine::Engine;

const JEWELLER: &str = "id,title,price
r1,18ct White Gold Diamond Ring,4995.00
r2,9ct Yellow Gold Signet Ring,395.00
r3,Sterling Silver Band Ring,89.00
r4,Platinum Solitaire Diamond Ring,10495.00
";

fn index(csv: &str, currency: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("products.csv");
    std::fs::write(&path, csv).expect("write catalog");
    let index = tempfile::tempdir().expect("temp dir");
    let mut opts = vitrine::index::ImportOptions::default();
    opts.read.default_currency = Some(currency.into());
    vitrine::index::import(&path, index.path(), &opts).expect("import");
    index
}

#[test]
fn dollars_in_a_store_of_another_countrys_dollars_are_its_own() {
    let dir = index(JEWELLER, "AUD");
    let engine = Engine::open(dir.path()).expect("open the index");
    for message in [
        "ring under $1000",
        "rings under 1000 dollars",
        "anel até 1000 dólares",
    ] {
        let turns = common::conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &common::ids(&["r2", "r3"]), "{message}: {reply}");
        assert!(reply.contains("A$1"), "{message}: {reply}");
    }
    // US dollars, said so, are not the store's.
    let turns = common::conversation(&engine, &["ring under US$ 1000"]);
    let (shown, reply) = &turns[0];
    assert_eq!(shown.len(), 4, "{reply}");
    assert!(
        reply.contains("in A$, so I didn't apply under US$1,000"),
        "{reply}"
    );
}

#[test]
fn dollars_in_a_store_priced_in_reais_are_set_aside_with_a_word() {
    let dir = index(
        "nome;preco\nAnel de Prata;R$ 189,00\nAnel de Ouro 18k;R$ 2.490,00\n",
        "BRL",
    );
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["anel até 500 dólares"]);
    let (shown, reply) = &turns[0];
    assert_eq!(shown.len(), 2, "{reply}");
    assert!(reply.contains("US$"), "{reply}");
}
