//! "cheaper" after a page shown without something the shopper asked
//! ("still without the colour filter") moves within what that page
//! showed: the cheaper products without it, not "nothing cheaper" while
//! cheaper ones are there. Checked through `Engine::turn` on a catalog
//! written here.

mod common;

use vitrine::{Engine, Session};

#[test]
fn cheaper_moves_within_a_page_shown_without_a_constraint() {
    let mut csv = String::from("id,title,brand,color,price\n");
    let brands = ["Noise", "Fire-Boltt", "boAt", "Titan"];
    let colours = ["Black", "Blue", "Green"];
    for i in 0..24 {
        csv.push_str(&format!(
            "w{i},{} Smart Watch {i},{},{},{}\n",
            brands[i % 4],
            brands[i % 4],
            colours[i % 3],
            500 + 100 * i
        ));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    // No red smart watch: the colour is set aside; the page shows the
    // dearest first.
    let turn = engine
        .turn(&mut session, "red smart watch", 3)
        .expect("turn");
    assert!(!turn.relaxed.is_empty(), "{}", turn.reply);
    let turn = engine
        .turn(&mut session, "most expensive first", 3)
        .expect("turn");
    let shown_min = turn
        .products
        .iter()
        .filter_map(|p| p.price)
        .fold(f64::INFINITY, f64::min);
    assert!(shown_min > 1000.0, "{}", turn.reply);
    let turn = engine.turn(&mut session, "cheaper", 3).expect("turn");
    assert!(!turn.products.is_empty(), "{}", turn.reply);
    assert!(
        turn.products
            .iter()
            .all(|p| p.price.is_some_and(|price| price < shown_min)),
        "{}",
        turn.reply
    );
    assert!(
        !turn.reply.to_lowercase().contains("nothing cheaper"),
        "{}",
        turn.reply
    );
    // Still said to be without the colour asked.
    assert!(turn.reply.contains("red"), "{}", turn.reply);
}
