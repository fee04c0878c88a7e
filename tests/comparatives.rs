//! "bigger", "smaller", "more powerful", "mais potente" said of the
//! products shown when no size was asked: the next size beyond those
//! shown that the products looked at come in, as a bound ("40" or more"),
//! in the unit the titles shown use; and power in watts meets the peak
//! watts of solar panels. Through `Engine::turn` on a catalog written
//! here.

mod common;

use vitrine::{Engine, Session};

const SHOP: &str = "id,title,price
t32,Acme 80 cm (32 inches) HD Ready Smart LED TV,200
t40,Acme 100 cm (40 inches) Full HD Smart LED TV,300
t43,Acme 108 cm (43 inches) 4K Ultra HD Smart LED TV,350
t50,Acme 126 cm (50 inches) 4K Ultra HD Smart LED TV,380
t55,Acme 139 cm (55 inches) 4K Ultra HD Smart LED TV,600
t65,Acme 164 cm (65 inches) 4K Ultra HD Smart LED TV,900
f1,Acme Frost Free Refrigerator 300L,500
k1,Acme Travel Backpack Black,40
k2,Acme School Backpack Blue,30
";

const LOJA: &str = "id,title,price
r1,Geladeira Frost Free 300L Inox,2500
a1,Ar Condicionado Split 9000 BTUs Frio,1500
a2,Ar Condicionado Split 12000 BTUs Frio,1800
a3,Ar Condicionado Split 18000 BTUs Frio,2600
a4,Ar Condicionado Split 24000 BTUs Frio,3400
p1,Painel Solar 550Wp Monocristalino,700
p2,Painel Solar 620Wp Monocristalino,820
";

/// The ids shown, the total found and the reply of each message, with
/// `limit` products a page.
fn chat(engine: &Engine, messages: &[&str], limit: usize) -> Vec<(Vec<String>, u64, String)> {
    let mut session = Session::default();
    messages
        .iter()
        .map(|message| {
            let turn = engine
                .turn(&mut session, message, limit)
                .unwrap_or_else(|e| panic!("{message}: {e}"));
            let shown = turn.products.iter().map(|p| p.id.clone()).collect();
            (shown, turn.total, turn.reply)
        })
        .collect()
}

#[test]
fn bigger_and_smaller_move_beyond_the_sizes_shown() {
    let dir = common::index_of(SHOP);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = chat(&engine, &["cheapest smart tv", "bigger", "smaller"], 2);
    assert_eq!(turns[0].0, ["t32", "t40"], "{}", turns[0].2);
    // Beyond the 40" shown: 43" or more, said in inches as the titles do.
    let (shown, total, reply) = &turns[1];
    assert_eq!(*total, 4, "{reply}");
    assert_eq!(shown, &["t43", "t50"], "{reply}");
    assert!(reply.contains("43\" or more"), "{reply}");
    // Below the 43" now shown: 40" or less, replacing the bound before.
    let (shown, total, reply) = &turns[2];
    assert_eq!(*total, 2, "{reply}");
    assert_eq!(shown, &["t32", "t40"], "{reply}");
    assert!(reply.contains("up to 40\""), "{reply}");
    // Titles without a size: the same products, and a word why.
    let turns = chat(&engine, &["backpack", "bigger"], 5);
    let (shown, total, reply) = &turns[1];
    assert_eq!((shown.len(), *total), (2, 2), "{reply}");
    assert!(reply.contains("don't give a size"), "{reply}");
}

#[test]
fn more_powerful_is_more_btus_or_watts() {
    let dir = common::index_of(LOJA);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = chat(&engine, &["ar condicionado mais barato", "mais potente"], 2);
    assert_eq!(turns[0].0, ["a1", "a2"], "{}", turns[0].2);
    let (shown, total, reply) = &turns[1];
    assert_eq!(shown, &["a3", "a4"], "{reply}");
    assert_eq!(*total, 2, "{reply}");
    assert!(reply.contains("18000 BTU ou mais"), "{reply}");
    // A panel of 620 W is sold as 620 Wp.
    let turns = chat(&engine, &["painel solar 620W"], 5);
    assert_eq!(turns[0].0, ["p2"], "{}", turns[0].2);
    let turns = chat(&engine, &["painel solar", "mais potente"], 1);
    assert_eq!(turns[1].0, ["p2"], "{}", turns[1].2);
}
