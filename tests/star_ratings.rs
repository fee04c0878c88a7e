//! "5 star" in a store whose titles say "N Star" (appliances' energy
//! ratings): the titles' words, not a customer rating; "4 stars and up"
//! still rates. Checked through `Engine::turn` on a catalog written here.

mod common;

use vitrine::{Engine, Session};

fn catalog() -> String {
    let mut csv = String::from("id,title,brand,price,rating\n");
    for i in 0..12 {
        let stars = [3, 5, 4][i % 3];
        csv.push_str(&format!(
            "a{i},Cool{i} 1.5 Ton {stars} Star Inverter Split AC,Cool{i},{},{}\n",
            30000 + i * 1000,
            ["3.9", "4.4", "4.1"][i % 3],
        ));
    }
    csv
}

#[test]
fn a_star_count_the_titles_say_is_their_words() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "5 star inverter ac", 20)
        .expect("turn");
    assert!(turn.relaxed.is_empty(), "{}", turn.reply);
    assert_eq!(turn.total, 4, "{}", turn.reply);
    for p in &turn.products {
        assert!(p.title.contains("5 Star"), "{}", p.title);
    }
    assert!(turn.filters.min_rating.is_none(), "{}", turn.reply);
    // Rated as ever with "and up".
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "ac 4 stars and up", 20)
        .expect("turn");
    assert_eq!(turn.filters.min_rating, Some(4.0), "{}", turn.reply);
}
