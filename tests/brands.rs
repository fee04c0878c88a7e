//! Brands an export does not say: a placeholder brand cell ("Generic",
//! "Sem marca") names no brand and is never offered as one, and a brand a
//! brandless product's title names finds it, or leaves it out when that
//! brand is excluded. Through `Engine::turn` on an index imported from a
//! catalog file.

mod common;

use std::collections::BTreeSet;
use vitrine::{Engine, Session};

const CATALOG: &str = "id,title,brand,price
1,Air Fryer Electrolux 3L Preta,Generic,299.90
2,Air Fryer Electrolux 4L Branca,Generic,349.90
3,Air Fryer Mondial 4L Preta,Mondial,249.90
4,Air Fryer Philco 5L Preta,Sem marca,199.90
5,Geladeira Electrolux Frost Free 310L,Electrolux,2799.00
6,Geladeira Consul Frost Free 300L,Consul,2499.00
7,Air Fryer Britânia 4L Preta,Britânia,229.90
";

fn ids(turn: &vitrine::Turn) -> BTreeSet<&str> {
    turn.products.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn a_placeholder_brand_is_no_brand_and_the_title_names_the_brand() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    let brands: Vec<String> = engine
        .vocabulary()
        .facets
        .get("brand")
        .map(|values| values.iter().map(|v| v.value.clone()).collect())
        .unwrap_or_default();
    assert!(
        !brands.iter().any(|b| b == "Generic" || b == "Sem marca"),
        "{brands:?}"
    );

    let mut session = Session::default();
    let turn = engine.turn(&mut session, "air fryer", 20).expect("turn");
    assert_eq!(ids(&turn).len(), 5, "{}", turn.reply);
    assert!(!turn.reply.contains("Generic"), "{}", turn.reply);

    let turn = engine
        .turn(&mut session, "só da electrolux", 20)
        .expect("turn");
    assert_eq!(ids(&turn), BTreeSet::from(["1", "2"]), "{}", turn.reply);
    assert!(turn.relaxed.is_empty(), "{}", turn.reply);

    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "air fryer sem electrolux", 20)
        .expect("turn");
    assert_eq!(
        ids(&turn),
        BTreeSet::from(["3", "4", "7"]),
        "{}",
        turn.reply
    );

    // A brand cell and a brandless title both count.
    let mut session = Session::default();
    let turn = engine.turn(&mut session, "electrolux", 20).expect("turn");
    assert_eq!(
        ids(&turn),
        BTreeSet::from(["1", "2", "5"]),
        "{}",
        turn.reply
    );
}

/// A brand's own words are not the product's: "silk sarees" is not a
/// "Varkala Silk Sarees … Cotton Blend Saree", "not cotton" does not leave
/// out a "Cotton World" linen shirt; a word only a brand has ("klein")
/// still finds it, and the brand is still the brand.
#[test]
fn a_brands_words_are_not_the_products_words() {
    let csv = "id,title,brand,price
1,Varkala Silk Sarees Pink Silk Blend Woven Saree,Varkala Silk Sarees,1650
2,Varkala Silk Sarees Magenta Cotton Blend Solid Saree,Varkala Silk Sarees,1364
3,Mimosa Women Red Art Silk Saree,Mimosa,1199
4,Mimosa Women Green Cotton Saree,Mimosa,899
5,Cotton World Men Blue Linen Shirt,Cotton World,1499
6,Calvin Klein Jeans Men Black Slim Fit Jeans,Calvin Klein Jeans,3999
7,Roadster Men Grey Cotton Shirt,Roadster,799
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let ask = |message: &str| {
        let turn = engine
            .turn(&mut Session::default(), message, 20)
            .expect("turn");
        let shown: BTreeSet<String> = turn.products.iter().map(|p| p.id.clone()).collect();
        (shown, turn.reply)
    };
    let set = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let (shown, reply) = ask("silk sarees");
    assert_eq!(shown, set(&["1", "3"]), "{reply}");
    let (shown, reply) = ask("shirts not cotton");
    assert_eq!(shown, set(&["5"]), "{reply}");
    let (shown, reply) = ask("klein");
    assert_eq!(shown, set(&["6"]), "{reply}");
    let (shown, reply) = ask("varkala silk sarees");
    assert_eq!(shown, set(&["1", "2"]), "{reply}");
}
