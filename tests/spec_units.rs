//! The units of a hydroponics or solar shop's specifications (gallons,
//! quarts, CFM, GPH, kW, Ah; "galão" in Portuguese) are measurements: "at
//! least 600 cfm" asks for airflow, not a budget of $600; "1 gal" meets
//! "1 gallon"; and a title ending in its size ("Flora Micro 1 Gal") is no
//! product of the type "Gal". Through `Engine::turn` on a catalog written
//! here.

mod common;

use vitrine::Engine;

const SHOP: &str = "id,title,price
f1,Can-Fan Max Fan 6 inch 440 CFM,189.95
f2,Can-Fan Max Fan 8 inch 750 CFM,259.95
f3,Can-Fan Max Fan 10 inch 1019 CFM,319.95
f4,Hurricane Inline Fan 6 inch 420 CFM,99.95
n1,Flora Micro 1 Gal,46.90
n2,Flora Micro 1 Qt,14.95
n3,Flora Bloom 1 Gal,44.90
n4,Flora Bloom 1 Qt,13.95
n5,Flora Gro 2.5 Gal,89.95
p1,Mag Drive Pump 350 GPH,74.95
p2,Mag Drive Pump 700 GPH,104.49
";

#[test]
fn spec_units_are_measurements_not_budgets_nor_types() {
    let dir = common::index_of(SHOP);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["inline fan", "at least 600 cfm"]);
    let (shown, reply) = &turns[1];
    assert_eq!(shown, &common::ids(&["f2", "f3"]), "{reply}");
    assert!(!reply.contains("$600"), "{reply}");
    for (message, want) in [
        ("flora micro 1 gallon", &["n1"][..]),
        ("flora bloom 1 quart", &["n4"][..]),
        ("pump 700 gph", &["p2"][..]),
        ("flora micro 1 galão", &["n1"][..]),
    ] {
        let turns = common::conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &common::ids(want), "{message}: {reply}");
    }
    let types = common::values(dir.path(), "type");
    assert!(
        !types
            .iter()
            .any(|t| ["gal", "qt"].contains(&t.to_lowercase().as_str())),
        "{types:?}"
    );
}
