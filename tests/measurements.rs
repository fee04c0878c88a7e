//! Measurements in titles and messages: "15 kg", "15kg" and "15 quilos",
//! `55"` and "55 polegadas", "12.000 BTUs" and "12000 btus" are one
//! measurement, so a shopper's finds a title's however either writes it;
//! a new one of the same unit replaces the last ("na verdade 50
//! polegadas"), and the reply writes it back with its unit. Through
//! `Engine::turn` on an index imported from a catalog file.

mod common;

use std::collections::BTreeSet;
use vitrine::{Engine, Session};

const CATALOG: &str = "id,title,brand,price
1,Ração Premier Cães Adultos 15 kg,Premier,259.90
2,Ração Golden Cães Adultos 15kg,Golden,189.90
3,Ração Golden Cães Adultos 3 kg,Golden,59.90
4,Ração Premier Filhotes 1 Quilo,Premier,39.90
5,\"TV Samsung 55\"\" QLED 4K\",Samsung,3549.00
6,TV LG 55 Polegadas 4K,LG,2069.00
7,\"TV Samsung 50\"\" Crystal 4K\",Samsung,3379.00
8,\"Air Fryer Mondial 3,2L Preta\",Mondial,299.90
9,Air Fryer Mondial 4L Preta,Mondial,349.90
10,Ar-Condicionado LG 12.000 BTUs Inverter,LG,2849.00
11,Ar-Condicionado LG 9.000 BTUs Inverter,LG,2149.00
12,SSD Kingston 1TB SATA,Kingston,599.00
13,SSD Kingston 480GB SATA,Kingston,299.00
";

struct Chat {
    engine: Engine,
    session: Session,
    log: Vec<String>,
}

impl Chat {
    fn new(engine: Engine) -> Chat {
        Chat {
            engine,
            session: Session::default(),
            log: Vec::new(),
        }
    }

    /// The ids shown for `message`, and the reply.
    fn say(&mut self, message: &str) -> (BTreeSet<String>, String) {
        let turn = self
            .engine
            .turn(&mut self.session, message, 20)
            .unwrap_or_else(|e| panic!("{message}: {e}"));
        self.log.push(format!("> {message}\n< {}", turn.reply));
        let ids = turn.products.iter().map(|p| p.id.clone()).collect();
        (ids, turn.reply)
    }
}

fn ids(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn chat() -> (tempfile::TempDir, Chat) {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    (dir, Chat::new(engine))
}

#[test]
fn a_measurement_finds_every_spelling_of_it_in_titles() {
    for (message, want) in [
        ("ração 15 kg", &["1", "2"][..]),
        ("ração 15kg", &["1", "2"]),
        ("ração de 15 quilos", &["1", "2"]),
        ("tv 55 polegadas", &["5", "6"]),
        ("tv 55\"", &["5", "6"]),
        ("air fryer 3,2 litros", &["8"]),
        ("ar condicionado 12000 btus", &["10"]),
        ("ar-condicionado 12.000 BTU", &["10"]),
        ("ssd 1 tb", &["12"]),
        ("55 inch tv", &["5", "6"]),
        // The same amount in another unit.
        ("ssd 1000gb", &["12"]),
        ("air fryer 4000 ml", &["9"]),
        ("ração 1000 gramas", &["4"]),
    ] {
        let (_dir, mut chat) = chat();
        let (shown, reply) = chat.say(message);
        assert_eq!(shown, ids(want), "{message}: {reply}");
    }
}

#[test]
fn a_new_measurement_of_the_same_unit_replaces_the_last() {
    let (_dir, mut chat) = chat();
    let (shown, _) = chat.say("tv 55 polegadas");
    assert_eq!(shown, ids(&["5", "6"]), "{}", chat.log.join("\n"));
    let (shown, reply) = chat.say("na verdade 50 polegadas");
    assert_eq!(shown, ids(&["7"]), "{}", chat.log.join("\n"));
    assert!(reply.contains("50\"") && !reply.contains("55"), "{reply}");
}

#[test]
fn the_reply_writes_a_measurement_with_its_unit() {
    let (_dir, mut chat) = chat();
    let (_, reply) = chat.say("air fryer 3,2 litros");
    assert!(reply.contains("3,2 L"), "{reply}");
    let (_, reply) = chat.say("começar de novo");
    assert!(!reply.contains("3,2"), "{reply}");
    let (shown, reply) = chat.say("ração sem 15kg");
    assert_eq!(shown, ids(&["3", "4"]), "{reply}");
    assert!(reply.contains("15 kg"), "{reply}");
}

#[test]
fn a_measurement_in_a_description_only_is_not_the_products() {
    // No title has 10 kg; a sachet's feeding table does ("gatos de até 10
    // kg"): it is no 10 kg bag, and is not shown as one.
    let csv = "id,title,description,brand,price
1,Ração Premier Gatos Adultos 7,5 kg,Ração seca para gatos adultos.,Premier,199.90
2,Ração Whiskas Sachê Gatos 85 g,Alimento úmido. Para gatos de até 10 kg: 3 sachês por dia.,Whiskas,3.50
3,Ração Golden Gatos Castrados 3kg,Ração seca.,Golden,89.90
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turn = engine
        .turn(&mut Session::default(), "ração para gatos 10kg", 20)
        .expect("turn");
    let exact = turn.relaxed.is_empty();
    assert!(
        !(exact && turn.products.iter().any(|p| p.id == "2")),
        "{}",
        turn.reply
    );
}

#[test]
fn a_bounded_measurement_finds_every_one_within_it() {
    for (message, want, said) in [
        ("ração de mais de 10 kg", &["1", "2"][..], "10 kg ou mais"),
        ("ração 3kg ou mais", &["1", "2", "3"], "3 kg ou mais"),
        ("ração até 3 kg", &["3", "4"], "até 3 kg"),
        ("tv de pelo menos 52 polegadas", &["5", "6"], "52\" ou mais"),
        ("air fryer de até 3,5 litros", &["8"], "até 3,5 L"),
        // 1 TB is 1000 GB: a larger unit is compared as the amount it is.
        ("ssd with at least 500gb", &["12"], "500 GB or more"),
        ("ssd de no máximo 500gb", &["13"], "até 500 GB"),
        ("tv acima de 60 polegadas", &[], "60\" ou mais"),
        // A range, number first.
        ("tv de 50 a 55 polegadas", &["5", "6", "7"], "50\" a 55\""),
        ("tv between 49 and 52 inches", &["7"], "49\" to 52\""),
        ("ração entre 2 e 5 kg", &["3"], "2 kg a 5 kg"),
    ] {
        let (_dir, mut chat) = chat();
        let (shown, reply) = chat.say(message);
        if want.is_empty() {
            // None that large: said so, and no TV presented as one.
            assert!(
                reply.contains(said) && reply.starts_with("Não encontrei"),
                "{message}: {reply}"
            );
        } else {
            assert_eq!(shown, ids(want), "{message}: {reply}");
            assert!(reply.contains(said), "{message}: {reply}");
        }
    }
    // A bounded measurement said again replaces the one before.
    let (_dir, mut chat) = chat();
    chat.say("tv 50 polegadas");
    let (shown, reply) = chat.say("mais de 52 polegadas");
    assert_eq!(shown, ids(&["5", "6"]), "{reply}");
}

#[test]
fn an_upper_bound_leaves_out_what_measures_more() {
    let csv = "id,title,brand,price
1,SSD WD Green 2TB SATA Leitura 530MB/s,WD,899.00
2,SSD Kingston A400 240GB SATA Leitura 500MB/s,Kingston,189.00
3,\"Kit Monitor LG 27\"\" + Monitor LG 24\"\"\",LG,1899.00
4,\"Monitor LG 24\"\" IPS\",LG,799.00
5,\"Monitor Zowie 24,1\"\" 144Hz\",Zowie,1299.00
6,Geladeira Consul 400 Litros Frost Free,Consul,2999.00
7,Geladeira Brastemp 450 Litros Frost Free,Brastemp,3499.00
";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let mut chat = Chat::new(engine);
    // "530MB/s" is a rate, not a size: the 2 TB drive is over 256 GB.
    let (shown, reply) = chat.say("ssd de no máximo 256gb");
    assert_eq!(shown, ids(&["2"]), "{reply}");
    // A kit with a 27" monitor is not "up to 24 inches", nor is 24.1".
    let (shown, reply) = chat.say("começar de novo");
    assert!(shown.is_empty(), "{reply}");
    let (shown, reply) = chat.say("monitor up to 24 inch");
    assert_eq!(shown, ids(&["4"]), "{reply}");
    // A number alone after litres is another amount, though titles have
    // it as a word too.
    let mut chat = Chat::new(Engine::open(dir.path()).expect("open the index"));
    let (shown, reply) = chat.say("geladeira 400 litros");
    assert_eq!(shown, ids(&["6"]), "{reply}");
    let (shown, reply) = chat.say("450");
    assert_eq!(shown, ids(&["7"]), "{}", chat.log.join("\n"));
    assert!(reply.contains("450 L") && !reply.contains("400"), "{reply}");
}
