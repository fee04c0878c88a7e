//! A grocery store's colour words that name what it sells: a colour word
//! that also names other things ("chocolate", "coffee", "lemon") is no
//! colour in a store whose categories or titles sell it as a kind ("Fruit
//! N Nut Chocolate" is no brown product), and a shopper's "green tea" is
//! the tea the titles name, not any green product, as the language files
//! list such names. Checked through the real import and `Engine::turn` on
//! a catalog written here.

mod common;

use vitrine::{Engine, Session};

fn store() -> String {
    let mut csv = String::from("id,title,category,brand,price\n");
    let rows = [
        (
            "c1",
            "Dark Chocolate",
            "Snacks > Chocolates & Candies",
            "Amul",
            25,
        ),
        (
            "c2",
            "Sugar Free Dark Chocolate",
            "Snacks > Chocolates & Candies",
            "Amul",
            30,
        ),
        (
            "c3",
            "Fruit N Nut Chocolate",
            "Snacks > Chocolates & Candies",
            "Amul",
            90,
        ),
        (
            "c4",
            "Dark Chocolate 75%",
            "Snacks > Chocolates & Candies",
            "Heidi",
            270,
        ),
        (
            "c5",
            "Milk Chocolate Bar",
            "Snacks > Chocolates & Candies",
            "Heidi",
            120,
        ),
        (
            "t1",
            "Green Tea - Pure Green",
            "Beverages > Tea",
            "Eco Valley",
            350,
        ),
        (
            "t2",
            "Green Tea - Mint",
            "Beverages > Tea",
            "Wagh Bakri",
            75,
        ),
        ("t3", "Classic Green Tea", "Beverages > Tea", "Lipton", 150),
        (
            "t4",
            "Green Tea - Honey, Lemon",
            "Beverages > Tea",
            "Lipton",
            150,
        ),
        ("t5", "Masala Chai Tea", "Beverages > Tea", "Tata", 120),
        (
            "k1",
            "Coffee Powder - Filter",
            "Beverages > Coffee",
            "Bru",
            200,
        ),
        ("k2", "Instant Coffee", "Beverages > Coffee", "Nescafe", 180),
        (
            "b1",
            "Water Bottle - Orange",
            "Kitchen > Bottles",
            "Cello",
            180,
        ),
        (
            "b2",
            "Water Bottle - Blue",
            "Kitchen > Bottles",
            "Cello",
            180,
        ),
        (
            "b3",
            "Lunch Box - Green",
            "Kitchen > Lunch Boxes",
            "Milton",
            250,
        ),
        (
            "b4",
            "Lunch Box - Brown",
            "Kitchen > Lunch Boxes",
            "Milton",
            250,
        ),
    ];
    for (id, title, category, brand, price) in rows {
        csv.push_str(&format!("{id},\"{title}\",{category},{brand},{price}\n"));
    }
    csv
}

fn turn(engine: &Engine, message: &str) -> (Vec<String>, String) {
    let mut session = Session::default();
    let turn = engine.turn(&mut session, message, 20).expect("turn");
    let mut ids: Vec<String> = turn.products.iter().map(|p| p.id.clone()).collect();
    ids.sort();
    (ids, turn.reply)
}

#[test]
fn what_the_store_sells_is_no_colour() {
    let dir = common::index_of(&store());
    let engine = Engine::open(dir.path()).expect("open the index");
    let colours: Vec<String> = engine
        .vocabulary()
        .values("color")
        .iter()
        .map(|v| v.value.clone())
        .collect();
    for food in ["Chocolate", "Dark Chocolate", "Coffee"] {
        assert!(!colours.contains(&food.to_string()), "{colours:?}");
    }
    // Colours of the things that have one are still learned.
    for colour in ["Orange", "Blue", "Green", "Brown"] {
        assert!(colours.contains(&colour.to_string()), "{colours:?}");
    }

    let (ids, reply) = turn(&engine, "dark chocolate");
    assert_eq!(ids, ["c1", "c2", "c4"], "{reply}");
    assert!(!reply.contains("brown"), "{reply}");

    // The tea the titles name, not the green lunch box nor only the
    // teas whose colour was read as green.
    let (ids, reply) = turn(&engine, "green tea");
    assert_eq!(ids, ["t1", "t2", "t3", "t4"], "{reply}");

    // A green thing is still green.
    let (ids, reply) = turn(&engine, "green lunch box");
    assert_eq!(ids, ["b3"], "{reply}");
}
