//! A shopper asking which values there are ("which brands?", "quais
//! cores?", "what brands do you sell?"): the answer lists the values the
//! results have, with their counts, more of them than a clarifying
//! question offers, as suggestions too. Checked through `Engine::turn` on a
//! catalog written here.

mod common;

use vitrine::{Engine, Session};

fn catalog() -> String {
    let brands = ["Titan", "Fastrack", "Sonata", "Timex", "Casio", "Maxima"];
    let colours = ["Black", "Silver", "Blue"];
    let mut csv = String::from("id,title,brand,color,price\n");
    for i in 0..36 {
        csv.push_str(&format!(
            "w{i},{b} Analog Watch {i},{b},{c},{}\n",
            900 + i * 10,
            b = brands[i % brands.len()],
            c = colours[i % colours.len()],
        ));
    }
    for i in 0..5 {
        csv.push_str(&format!(
            "s{i},Acme Leather Wallet {i},Acme,Brown,{}\n",
            400 + i
        ));
    }
    csv
}

/// The suggestions that are catalog values (not "show more" and the like).
fn values(turn: &vitrine::Turn) -> Vec<String> {
    let fixed = ["show more", "cheapest first", "start over", "mostrar mais"];
    let fixed_pt = ["mais barato primeiro", "recomeçar"];
    turn.suggestions
        .iter()
        .filter(|s| !fixed.contains(&s.as_str()) && !fixed_pt.contains(&s.as_str()))
        .cloned()
        .collect()
}

#[test]
fn asking_which_values_lists_those_of_the_results() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let first = engine.turn(&mut session, "watches", 10).expect("turn");
    assert_eq!(first.total, 36, "{}", first.reply);
    for message in ["which brands?", "what brands do you have", "quais marcas?"] {
        let turn = engine.turn(&mut session, message, 10).expect("turn");
        assert_eq!(turn.total, 36, "{message}: {}", turn.reply);
        let mut listed = values(&turn);
        listed.sort();
        assert_eq!(
            listed,
            ["Casio", "Fastrack", "Maxima", "Sonata", "Timex", "Titan"],
            "{message}: {}",
            turn.reply
        );
        assert!(
            turn.reply.contains("Titan (6)"),
            "{message}: {}",
            turn.reply
        );
    }
    let turn = engine
        .turn(&mut session, "what colours?", 10)
        .expect("turn");
    let mut listed = values(&turn);
    listed.sort();
    assert_eq!(listed, ["Black", "Blue", "Silver"], "{}", turn.reply);
    // Asked first, of the whole store.
    let mut session = Session::default();
    let turn = engine
        .turn(&mut session, "what brands do you sell?", 10)
        .expect("turn");
    assert!(
        values(&turn).contains(&"Acme".to_string()),
        "{}",
        turn.reply
    );
}

#[test]
fn asking_which_values_of_one_already_chosen_names_it() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut session = Session::default();
    let first = engine
        .turn(&mut session, "titan watches", 10)
        .expect("turn");
    assert_eq!(first.total, 6, "{}", first.reply);
    let turn = engine
        .turn(&mut session, "which brands?", 10)
        .expect("turn");
    assert_eq!(turn.total, 6, "{}", turn.reply);
    assert!(turn.reply.contains("Titan (6)"), "{}", turn.reply);
}
