//! A word a title negates is not what the product has: "padded" does not
//! find a "Non Padded" bra, "rodinhas" not a "Mochila sem Rodinhas". The
//! negators are the catalog language's (`[titles] negators`). Through
//! `Engine::turn` on indexes imported from catalog files.

mod common;

use std::collections::BTreeSet;
use vitrine::{Engine, Session};

fn shown(csv: &str, message: &str) -> (BTreeSet<String>, String) {
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turn = engine
        .turn(&mut Session::default(), message, 20)
        .expect("turn");
    let ids = turn.products.iter().map(|p| p.id.clone()).collect();
    (ids, turn.reply)
}

/// Bras, padded and not, written either way.
const BRAS: &str = "id,title,brand,price
1,Soie Women Black Non Padded Everyday Bra,Soie,500
2,Amante Women Black Padded Push-Up Bra,Amante,700
3,Zivame Women Pink Lightly Padded Bra,Zivame,600
4,Clovia Women Blue Non-Padded Bralette Bra,Clovia,400
5,Enamor Women White Wireless Bra,Enamor,450
";

fn ids(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_english_title_negating_the_word_is_left_out() {
    let (found, reply) = shown(BRAS, "padded bra");
    assert_eq!(found, ids(&["2", "3"]), "{reply}");
}

#[test]
fn a_portuguese_title_negating_the_word_is_left_out() {
    let csv = "id,title,brand,price
1,Mochila Escolar com Rodinhas Azul,Sestini,199.90
2,Mochila Escolar sem Rodinhas Azul,Sestini,149.90
3,Mochila Escolar Rodinhas Rosa,Dermiwil,179.90
4,Mochila Notebook Preta,Samsonite,299.90
";
    let (found, reply) = shown(csv, "mochila com rodinhas");
    assert_eq!(found, ids(&["1", "3"]), "{reply}");
}

#[test]
fn a_shopper_negating_the_word_finds_the_titles_that_negate_it_too() {
    let (found, reply) = shown(BRAS, "non padded bra");
    assert_eq!(found, ids(&["1", "4", "5"]), "{reply}");
}

/// A phrase with a negator is never read in descriptions, which keep no
/// word order: "sem fio" there is "sem" and "fio" anywhere, as in a wired
/// headset's "Com Fio … joga por horas sem fadiga".
#[test]
fn a_phrase_with_a_negator_is_not_read_in_descriptions_as_loose_words() {
    let csv = "id,title,brand,price,description
1,Fone de Ouvido Sem Fio JBL Tune 520BT,JBL,299.90,Bluetooth 5.3
2,Fone de Ouvido JBL Tune 310C USB-C,JBL,99.90,O Fone de Ouvido Com Fio JBL para ouvir sem parar
3,Headset Gamer Kalkan Hugin RGB,Kalkan,71.99,Jogue por horas a fio sem fadiga
4,Fone de Ouvido Bluetooth Sem Fio QCY T13,QCY,119.90,Estojo de carga
";
    let (found, reply) = shown(csv, "fone de ouvido sem fio");
    assert_eq!(found, ids(&["1", "4"]), "{reply}");
    // Under R$ 100 there is none: said so, not a wired headset as one.
    let (found, reply) = shown(csv, "fone de ouvido sem fio até 100 reais");
    assert!(!reply.starts_with("Encontrei"), "{found:?} {reply}");
    assert!(reply.contains("sem fio"), "{reply}");
}

/// A title word can imply the shopper's, one way: a Bluetooth headset is
/// wireless ("sem fio", "wireless"), a wireless 2.4 GHz mouse is not
/// Bluetooth.
#[test]
fn bluetooth_is_wireless_but_wireless_is_not_bluetooth() {
    let csv = "id,title,brand,price
1,Fone de Ouvido Sem Fio JBL Tune 520BT,JBL,299.90
2,Fone de Ouvido Bluetooth JBL Tune 720BT,JBL,399.90
3,Fone de Ouvido com Fio JBL Tune 310C,JBL,99.90
4,Mouse Sem Fio Logitech M170 2.4GHz,Logitech,59.90
5,Mouse Bluetooth Logitech Pebble M350,Logitech,129.90
";
    let (found, reply) = shown(csv, "fone de ouvido sem fio");
    assert_eq!(found, ids(&["1", "2"]), "{reply}");
    let (found, reply) = shown(csv, "wireless headphones");
    assert_eq!(found, ids(&["1", "2"]), "{reply}");
    let (found, reply) = shown(csv, "mouse bluetooth");
    assert_eq!(found, ids(&["5"]), "{reply}");
}

/// Tops, some sleeveless by their title or only by their description.
const TOPS: &str = "id,title,description,brand,gender,price
1,ONLY Women Navy Top,A tank top: sleeveless with a racerback.,ONLY,Women,500
2,Cation Women Black Top,Round neck and short sleeves.,Cation,Women,600
3,Vero Moda Women White Sleeveless Top,Cotton.,Vero Moda,Women,700
4,Mango Women Red Top,Long sleeves and a round neck.,Mango,Women,800
";

#[test]
fn a_word_the_shopper_excludes_is_read_in_descriptions_too() {
    let dir = common::index_of(TOPS);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["tops for women", "no sleeveless"]);
    assert_eq!(turns[0].0, ids(&["1", "2", "3", "4"]), "{}", turns[0].1);
    // The first is sleeveless by its description only.
    assert_eq!(turns[1].0, ids(&["2", "4"]), "{}", turns[1].1);
}

/// Toys typed by their head noun, one of them plush by a compound.
const TOYS: &str = "id,title,brand,price
1,Brinquedo de Pelúcia Cachorro Caramelo,Savana,40
2,Brinquedo Mordedor de Borracha para Cachorro,Kong,50
3,Brinquedo Bola de Corda para Cachorro,Flicks,30
4,Pelúcia Dinossauro Verde,Savana,60
5,Pelúcia Urso Marrom,Savana,70
6,Pelúcia Coelho Branco,Savana,65
";

#[test]
fn an_excluded_type_leaves_out_the_titles_naming_it() {
    let dir = common::index_of(TOYS);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["brinquedo", "que não seja de pelúcia"]);
    assert!(turns[0].0.contains("1"), "{}", turns[0].1);
    assert_eq!(turns[1].0, ids(&["2", "3"]), "{}", turns[1].1);
}

/// Shirts of two colours, whose colour column names one.
const SHIRTS: &str = "id,title,brand,price,color
1,Roadster Men Navy & Yellow Checked Casual Shirt,Roadster,900,Yellow
2,Parx Men Red & Black Checked Slim Fit Shirt,Parx,950,Red
3,Basics Men Green Checked Regular Shirt,Basics,800,Green
4,Highlander Men Blue Checked Casual Shirt,Highlander,850,Blue
5,ColorPlus Men White & Green Checked Formal Shirt,ColorPlus,990,White
6,Arrow Men Navy Checked Formal Shirt,Arrow,1200,Navy
";

#[test]
fn an_excluded_colour_leaves_out_the_titles_naming_it() {
    let dir = common::index_of(SHIRTS);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = common::conversation(&engine, &["checked shirts", "not black"]);
    assert_eq!(turns[0].0.len(), 6, "{}", turns[0].1);
    assert_eq!(
        turns[1].0,
        ids(&["1", "3", "4", "5", "6"]),
        "{}",
        turns[1].1
    );
    // "not blue" leaves out its shades the catalog has ("Navy"), in the
    // colour column and in titles.
    let turns = common::conversation(&engine, &["checked shirts", "not blue"]);
    assert_eq!(turns[1].0, ids(&["2", "3", "5"]), "{}", turns[1].1);
}

/// Shampoos claiming to lack sulfates, written both ways, and others.
const SHAMPOOS: &str = "id,title,brand,price
1,Normcore Sulfate Free Shampoo,Briogeo,34
2,Curl Manifesto Sulfate-Free Shampoo for Curly Hair,Kerastase,40
3,Clarifying Shampoo with Sulfates,Ouai,28
4,Detox Dry Shampoo,Drybar,39
5,Daily Repair Shampoo,Ouai,30
6,Oil Free Moisturizer,Clinique,35
";

/// "Without" a substance means the products that say they lack it
/// ("Sulfate Free", "Sulfate-Free"), not every one that does not name it,
/// in the shopper's words or the catalog's language.
#[test]
fn a_shopper_without_a_substance_finds_the_titles_claiming_to_lack_it() {
    for message in [
        "shampoo without sulfates",
        "sulfate free shampoo",
        "sulfate-free shampoo",
        "shampoo sem sulfato",
    ] {
        let (found, reply) = shown(SHAMPOOS, message);
        assert_eq!(found, ids(&["1", "2"]), "{message}: {reply}");
    }
}

/// A claim the titles make in Portuguese, with a negator before the word
/// ("Livre de Parabenos", "Zero Açúcar").
#[test]
fn a_portuguese_claim_of_lacking_is_found_for_sem() {
    let csv = "id,title,brand,price
1,Hidratante Facial Livre de Parabenos 50g,Nivea,39.90
2,Hidratante Corporal com Parabenos 200ml,Dove,19.90
3,Hidratante Corporal Amêndoas 400ml,Monange,15.90
6,Hidratante Labial Sem Parabenos,Nivea,12.90
4,Refrigerante Cola Zero Açúcar 2L,Coca-Cola,9.90
5,Refrigerante Cola 2L,Coca-Cola,8.90
";
    let (found, reply) = shown(csv, "hidratante sem parabenos");
    assert_eq!(found, ids(&["1", "6"]), "{reply}");
}

/// "paraben free" where no title names parabens: asked as one phrase and
/// not found, never "free" alone ("Oil Free") shown as the match.
#[test]
fn a_claim_the_catalog_never_makes_is_not_found_as_its_last_word() {
    let (found, reply) = shown(SHAMPOOS, "paraben free moisturizer");
    assert!(
        !found.contains("6") || !reply.starts_with("Found"),
        "{found:?} {reply}"
    );
    assert!(reply.contains("paraben free"), "{reply}");
}

/// "non-stick" in a store that writes "Antiaderente" is one adjective, not
/// the exclusion of a "stick" no product has.
#[test]
fn a_joined_negation_of_an_unknown_word_is_one_word() {
    let csv = "id,title,brand,price
1,Panela Antiaderente Tramontina 24cm,Tramontina,129.90
2,Panela de Pressão Inox 4,5L,Tramontina,189.90
3,Frigideira Antiaderente Rochedo 26cm,Rochedo,89.90
4,Panela Cerâmica Branca 20cm,Oxford,149.90
";
    let (found, reply) = shown(csv, "non-stick pan");
    assert_eq!(found, ids(&["1", "3"]), "{reply}");
}
