//! Numbers that name a model or count a product's parts: "iphone 15" is
//! the iPhone 15, not every iPhone; "geladeira 2 portas" and "fogão 4
//! bocas" are two-door fridges and four-burner stoves, not fridges or
//! doors. A model number is asked of titles and attributes, never of
//! descriptions (whose "15" is anything). Through `Engine::turn` on an
//! index imported from a catalog file.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

const CATALOG: &str = "id,title,brand,price,description
1,iPhone 15 Apple 128GB Preto,Apple,4999.00,Tela de 6.1 polegadas
2,iPhone 15 Pro Apple 256GB Titânio,Apple,7999.00,Chip A17 Pro
3,iPhone 16 Apple 128GB Branco,Apple,5999.00,Carregamento de 15 W e 20 horas de vídeo
4,iPhone 14 Apple 128GB Azul,Apple,3999.00,Até 15 horas de vídeo
5,Geladeira Consul Frost Free Duplex 2 Portas 400L,Consul,3299.00,Duas portas
6,Geladeira Brastemp French Door 3 Portas 554L,Brastemp,8999.00,Três portas
7,Combo Porta Ovos 2 Andares para Geladeira,Consul,39.90,Acessório
8,Geladeira Electrolux Degelo 2 Portas 260L,Electrolux,1999.00,Compacta
9,Fogão Atlas 4 Bocas Branco,Atlas,899.00,Acendimento automático
10,Fogão Electrolux 5 Bocas Inox,Electrolux,1899.00,Mesa de vidro
11,Porta de Madeira Maciça 2 Folhas,Madeiral,799.00,Para entrada
12,\"Monitor LG 27\"\" Full HD IPS\",LG,1099.00,Tela de 27 polegadas
13,Monitor Samsung 24 polegadas Full HD,Samsung,799.00,Ideal para 27 jogos
14,Ração Golden Cães Adultos 15 kg,Golden,189.90,Para cães de 15 a 25 kg
15,Ração Golden Cães Adultos 3 kg,Golden,59.90,Para cães de até 15 kg
16,Galaxy Book 4 Intel Core i5 16GB,Samsung,4999.00,Notebook
17,Galaxy Book 3 Pro 14 polegadas,Samsung,6999.00,Notebook
18,Galaxy S24+ + Music Frame Combo,Samsung,9999.00,Mais novo que o Galaxy S23
19,Smartphone Samsung Galaxy S23 128GB Preto,Samsung,3999.00,Celular
20,Smartphone Samsung Galaxy S23 Ultra 256GB Verde,Samsung,6999.00,Celular
21,\"Smart TV Samsung 55\"\" Crystal UHD\",Samsung,2999.00,Tela grande
22,\"Smart TV Samsung 65\"\" Crystal UHD\",Samsung,3999.00,Tela de 55 polegadas é menor
";

#[test]
fn a_short_number_after_a_product_line_is_its_model() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        ("iphone 15", &["1", "2"][..]),
        ("iphone 16", &["3"]),
        ("iphone 15 pro", &["2"]),
        ("iphone 14 até 5000", &["4"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &ids(want), "{message}: {reply}");
    }
}

#[test]
fn a_model_number_is_not_read_in_descriptions() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    // iPhones 16 and 14 have "15" in their descriptions only.
    let turns = conversation(&engine, &["iphone 15"]);
    assert!(!turns[0].0.contains("3") && !turns[0].0.contains("4"));
    // A model the catalog does not have is said so, and the products
    // shown instead are not presented as it.
    let turns = conversation(&engine, &["iphone 13"]);
    let (shown, reply) = &turns[0];
    assert!(!shown.is_empty(), "{reply}");
    assert!(
        reply.to_lowercase().contains("não encontrei")
            || reply.to_lowercase().contains("didn't find")
            || reply.to_lowercase().contains("no "),
        "{reply}"
    );
}

#[test]
fn a_number_before_a_type_counts_parts_of_the_type_before_it() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        // not the egg holder "Porta Ovos 2 Andares", nor the door
        ("geladeira 2 portas", &["5", "8"][..]),
        ("geladeira 3 portas", &["6"]),
        ("fogão 4 bocas", &["9"]),
        ("geladeira frost free 2 portas", &["5"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &ids(want), "{message}: {reply}");
    }
    // Said alone, the type is the type.
    let turns = conversation(&engine, &["porta 2 folhas"]);
    assert!(turns[0].0.contains("11"), "{}", turns[0].1);
    // Taken back as a whole: "sem 3 portas".
    let turns = conversation(&engine, &["geladeira sem 3 portas"]);
    assert_eq!(turns[0].0, ids(&["5", "8"]), "{}", turns[0].1);
}

#[test]
fn a_bare_number_is_also_the_catalogs_measurement_of_it() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        // `27"` in the title; the 24" monitor names 27 in its description only
        ("monitor 27", &["12"][..]),
        ("monitor 24", &["13"]),
        ("ração 15", &["14"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &ids(want), "{message}: {reply}");
    }
}

#[test]
fn a_model_after_a_brand_or_a_product_line_is_asked_of_titles() {
    let dir = common::index_of(CATALOG);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        // "Galaxy" is the type of the Galaxy Book titles; the S23 phones
        // are smartphones, and the combo names the S23 in its description
        ("galaxy s23", &["19", "20"][..]),
        ("tv samsung 55", &["21"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &ids(want), "{message}: {reply}");
    }
}

/// Titles write a model code glued ("RX580", "RTX4060-8G") or apart ("RX
/// 580"): a shopper's either spelling finds both, and not the neighbours
/// whose code only shares a part ("RX 5800", "RTX 4070").
const CARDS: &str = "id,title,price
1,Placa de Vídeo Gamer Delta RX580 8GB 256Bits,980.90
2,Placa De Vídeo Brx Amd Radeon Rx 580 8GB GDDR5,999.90
3,Placa de Vídeo Pcyes Rx580-8gd5 2048sp,899.90
4,Placa de Vídeo Asus Radeon RX 5800 16GB,4999.00
5,Placa de Vídeo Galax RTX4060 8GB GDDR6,2449.99
6,Placa de Vídeo Zotac Nvidia RTX 4060 Twin Edge,2873.72
7,Placa de Vídeo MSI RTX 4070 Ventus 12GB,4299.00
8,Placa de Vídeo Gigabyte GeForce RTX4070 Windforce,4399.00
9,Fonte Corsair 580W 80 Plus Bronze,499.00
";

#[test]
fn a_model_code_glued_or_apart_is_one_code() {
    let dir = common::index_of(CARDS);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        ("rx 580", &["1", "2", "3"][..]),
        ("rx580", &["1", "2", "3"]),
        ("placa de vídeo rx580", &["1", "2", "3"]),
        ("rtx 4060", &["5", "6"]),
        ("rtx4060", &["5", "6"]),
        ("rtx4070 até 4300", &["7"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &ids(want), "{message}: {reply}");
    }
}
