//! A shopper who writes in another language than the store's titles: a
//! Portuguese shopper in an English store with no material or gender
//! column (attributes live in titles), as in Flipkart's export. Checked
//! through `Engine::turn` on a catalog written here.

mod common;

use common::{conversation, ids};
use vitrine::{Engine, Lang, Session};

fn catalog() -> String {
    let rows = [
        ("b1", "Grafion Cotton Floral Double Bedsheet", 749),
        ("b2", "Spaces Cotton Printed Double Bedsheet", 1960),
        ("b3", "Jaisayram Cotton Abstract Single Bedsheet", 280),
        ("b4", "ZAIN Polyester 3D Printed Double Bedsheet", 699),
        ("c1", "Quilt India Floral Cushions Cover", 500),
        ("c2", "Rajrang Cotton Cushions Cover", 180),
        ("t1", "Clovia Cotton Rich T Shirt", 180),
        ("t2", "Mast & Harbour Polyester T Shirt", 450),
        ("t3", "Roadster Cotton Solid T Shirt", 399),
        ("d1", "LAWMAN PG3 Flicker Deodorant Spray For Men", 447),
        ("d2", "Nivea Fresh Deodorant Spray For Women", 199),
        ("d3", "Fogg Marco Deodorant Spray For Men", 250),
        ("s1", "Olvin Wayfarer Sunglasses", 499),
        ("s2", "Speedwav Sun Shade For Maruti WagonR", 299),
        ("s3", "AdroitZ Car Window Sun Shade", 349),
        ("r1", "Campus Men's Running Shoes", 1299),
        ("r2", "ASIAN Men's Bouncer Sports Running Shoes", 543),
        ("r3", "Sparx Men's Casual Shoes", 899),
        ("a1", "Daikin 1.5 Ton 5 Star Inverter Split AC", 44990),
        ("a2", "Lloyd 1 Ton 3 Star Window AC", 26990),
        ("a3", "LG 1.5 Ton 3 Star Split AC", 38990),
        ("p1", "Aurora 8 inch Pink Unicorn Plush", 1051),
        ("p2", "Wild Republic T-Rex Dinosaur Plush", 1440),
        ("p3", "HANSA Snuggles The Bear Plush", 1406),
        ("n1", "Sterling Silver Initial Necklace", 2999),
        ("n2", "Gold Plated Heart Pendant Necklace", 1999),
        ("k1", "Prestige Electric Kettle 1.5 Litre", 749),
        ("k2", "Pigeon Amaze Plus Electric Kettle", 649),
        ("k3", "Hawkins Stainless Steel Stovetop Kettle", 899),
        ("o1", "CeraVe Foaming Cleanser for Oily Skin", 1299),
        ("o2", "Neutrogena Oil Free Moisturiser for Oily Skin", 899),
        ("o3", "CeraVe Moisturising Cream for Dry Skin", 1199),
        ("w1", "Frozen Chicken Wings 1kg", 499),
        ("w2", "Spicy Chicken Wings Marinated 500g", 399),
        ("l1", "Frozen Lamb Shoulder 1kg", 1599),
        ("f1", "Crinkle Cut French Fries 2.5kg", 699),
    ];
    let mut csv = String::from("id,title,price\n");
    for (id, title, price) in rows {
        csv.push_str(&format!("{id},{title},{price}\n"));
    }
    // More products, so titles read as the store's English.
    for i in 0..20 {
        csv.push_str(&format!(
            "x{i},Roadster Men Blue Slim Fit Jeans {i},{}\n",
            900 + i
        ));
    }
    csv
}

#[test]
fn portuguese_words_find_english_titles() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    for (messages, expected) in [
        (&["lençol de casal"][..], &["b1", "b2", "b4"][..]),
        (&["lençol de casal", "de algodão até 1000"], &["b1"]),
        (&["capa de almofada"], &["c1", "c2"]),
        (&["camiseta de algodão"], &["t1", "t3"]),
        (&["óculos de sol"], &["s1"]),
        (&["sunglasses"], &["s1"]),
        (&["tênis de corrida masculino"], &["r1", "r2"]),
        (&["ar condicionado split 1,5 tonelada"], &["a1", "a3"]),
        (&["1.5 ton ac"], &["a1", "a3"]),
        (&["pelúcia de unicórnio"], &["p1"]),
        (&["ursinho de pelúcia"], &["p3"]),
        (&["colar com inicial"], &["n1"]),
        (&["colar de coração"], &["n2"]),
        // An adjective agrees with its noun: "elétrica" is "electric".
        (&["chaleira elétrica"], &["k1", "k2"]),
        // Skin types, cuts of meat, fries: qualifiers and food words.
        (&["hidratante para pele oleosa"], &["o2"]),
        (&["asas de frango"], &["w1", "w2"]),
        (&["cordeiro congelado"], &["l1"]),
        (&["batata frita"], &["f1"]),
    ] {
        let turns = conversation(&engine, messages);
        let last = turns.last().expect("a turn");
        assert_eq!(last.0, ids(expected), "{messages:?}: {}", last.1);
    }
    // Answered in the shopper's language: "desodorante" is Portuguese,
    // not the English store's own name of its type.
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "desodorante masculino", 10)
        .expect("turn");
    assert_eq!(turn.lang, Lang::Pt, "{}", turn.reply);
    assert!(turn.products.iter().any(|p| p.id == "d1"), "{}", turn.reply);
}

/// The clarifying question names an English store's colours in the
/// Portuguese shopper's words, and the name said back is understood.
#[test]
fn a_question_names_the_colours_in_the_shoppers_language() {
    let mut csv = String::from("id,title,color,price\n");
    let colours = ["Black", "White", "Blue"];
    for i in 0..12 {
        csv.push_str(&format!(
            "t{i},Roadster Men Cotton T Shirt {i},{},{}\n",
            colours[i % 3],
            300 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "camiseta masculina", 3)
        .expect("turn");
    assert_eq!(turn.lang, Lang::Pt, "{}", turn.reply);
    assert!(turn.reply.contains("Qual cor?"), "{}", turn.reply);
    assert!(turn.reply.contains("Preto (4)"), "{}", turn.reply);
    assert!(!turn.reply.contains("Black ("), "{}", turn.reply);
    let turn = engine.turn(&mut session, "preto", 10).expect("turn");
    assert_eq!(turn.total, 4, "{}", turn.reply);
}

/// Home, beauty and grocery nouns, from Google's product taxonomy: a
/// Portuguese shopper in an English store, and an English shopper in a
/// Portuguese one, find the same products by their names.
#[test]
fn taxonomy_nouns_translate_both_ways() {
    let english = [
        ("h1", "LACK Coffee Table White", 149),
        ("h2", "MALM Dresser with 6 Drawers", 795),
        ("h3", "PAX Wardrobe White Stained Oak", 1450),
        ("h4", "SUNDVIK Crib Grey Brown", 595),
        ("h5", "LACK Side Table Black", 45),
        ("m1", "F1 Makeup Brush", 30),
        ("m2", "Kabuki Foundation Brush", 38),
        ("m3", "Soft Matte Liquid Foundation", 40),
        ("g1", "Choco Chip Cookies 200 g", 120),
        ("g2", "Classic Instant Coffee Jar", 210),
    ];
    let mut csv = String::from("id,title,price\n");
    for (id, title, price) in english {
        csv.push_str(&format!("{id},{title},{price}\n"));
    }
    for i in 0..20 {
        csv.push_str(&format!(
            "x{i},Cotton Rich Bath Towel Blue {i},{}\n",
            300 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, expected) in [
        ("mesa de centro", &["h1"][..]),
        ("cômoda", &["h2"]),
        ("guarda-roupa", &["h3"]),
        ("guarda roupa branco", &["h3"]),
        ("berço", &["h4"]),
        ("pincel de maquiagem", &["m1"]),
        ("biscoito", &["g1"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let last = turns.last().expect("a turn");
        assert_eq!(last.0, ids(expected), "{message}: {}", last.1);
    }

    let portuguese = [
        ("p1", "Mesa de Centro Retrô Madeira", 349),
        ("p2", "Cômoda 4 Gavetas Branca", 599),
        ("p3", "Guarda-Roupa Casal 6 Portas", 1299),
        ("p4", "Berço Americano Branco", 699),
        ("p5", "Mesa de Jantar 4 Lugares", 899),
        ("p6", "Pincel de Maquiagem Kabuki", 39),
    ];
    let mut csv = String::from("id,title,price\n");
    for (id, title, price) in portuguese {
        csv.push_str(&format!("{id},{title},{price}\n"));
    }
    for i in 0..20 {
        csv.push_str(&format!(
            "s{i},Sofá Retrátil de Três Lugares Cinza {i},{}\n",
            1500 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    // English phrases are read word by word ("coffee table" is a table
    // with the keyword "coffee"): the one-word names translate.
    for (message, expected) in [
        ("dresser", &["p2"][..]),
        ("wardrobe", &["p3"]),
        ("crib", &["p4"]),
        ("makeup brush", &["p6"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let last = turns.last().expect("a turn");
        assert_eq!(last.0, ids(expected), "{message}: {}", last.1);
    }
}

/// English product words are borrowed by other languages ("legging",
/// "top", "short"): a Portuguese word beside one tells the language,
/// though the English store types its products by that word.
#[test]
fn a_borrowed_english_type_does_not_outweigh_portuguese_words() {
    let mut csv = String::from("id,title,gender,color,price\n");
    let colours = ["Black", "Navy Blue", "Maroon"];
    for i in 0..12 {
        csv.push_str(&format!(
            "l{i},Roadster Women Solid Ankle-Length Leggings {i},Women,{},{}\n",
            colours[i % 3],
            400 + i
        ));
        csv.push_str(&format!(
            "t{i},Roadster Men Cotton T-shirt {i},Men,{},{}\n",
            colours[i % 3],
            300 + i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    assert_eq!(engine.language(), Lang::En);
    for message in [
        "legging preta",
        "legging feminina",
        "legging feminina preta",
    ] {
        let mut session = Session::default();
        let turn = engine.turn(&mut session, message, 10).expect("turn");
        assert_eq!(turn.lang, Lang::Pt, "{message}: {}", turn.reply);
        assert!(
            !turn.products.is_empty() && turn.products.iter().all(|p| p.id.starts_with('l')),
            "{message}: {}",
            turn.reply
        );
    }
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "black leggings", 10)
        .expect("turn");
    assert_eq!(turn.lang, Lang::En, "{}", turn.reply);
}
