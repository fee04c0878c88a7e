//! Where products come from: a shopper names a country by its name or its
//! adjective, in English or Portuguese ("chileno", "Chilean", "do Chile"),
//! and finds the products a country column gives that country, or whose
//! titles name it any of those ways; an origin word in titles is never
//! taken for a brand. Through `Engine::turn` on catalogs written here.

mod common;

use common::{conversation, ids};
use vitrine::Engine;

/// A wine shop's export: the country in its own column (as a Brazilian
/// shop writes it), the kind in another; titles name neither.
const BY_COLUMN: &str = "nome;preco;pais;tipo
Casillero del Diablo Cabernet Sauvignon;R$59,90;Chile;Tinto
Santa Helena Reservado Merlot;R$39,90;Chile;Tinto
Gato Negro Sauvignon Blanc;R$34,90;Chile;Branco
Alamos Malbec;R$79,90;Argentina;Tinto
Trapiche Malbec;R$49,90;Argentina;Tinto
El Bautismo Torrontés;R$42,90;Argentina;Branco
Château Lafite Pauillac;R$1.999,00;França;Tinto
Maison Le Star Rosé;R$54,89;França;Rosé
Campo Viejo Tempranillo Rioja;R$89,90;Espanha;Tinto
Casa Valduga Cabernet Sauvignon;R$69,90;Brasil;Tinto
Miolo Seleção Merlot;R$44,90;Brasil;Tinto
Salton Moscatel Espumante;R$39,90;Brasil;Espumante
";

/// The ids of the products of `rows` (1 is the first after the header):
/// a file without ids names its products by their line.
fn lines(rows: &[u32]) -> std::collections::BTreeSet<String> {
    rows.iter().map(|r| format!("line-{}", r + 1)).collect()
}

#[test]
fn a_country_column_is_reached_by_the_countrys_names_and_adjectives() {
    let dir = common::index_of(BY_COLUMN);
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        ("tinto chileno", &[1, 2][..]),
        ("branco chileno", &[3]),
        ("chilenos", &[1, 2, 3]),
        ("malbec argentino", &[4, 5]),
        ("argentinian malbec", &[4, 5]),
        ("rosé francês", &[8]),
        ("something french", &[7, 8]),
        ("tinto brasileiro até 50", &[11]),
    ] {
        let turns = conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &lines(want), "{message}: {reply}");
    }
    // "actually" another country replaces the first.
    let turns = conversation(&engine, &["tinto chileno", "e argentino?"]);
    assert_eq!(turns[1].0, lines(&[4, 5]), "{}", turns[1].1);
    // An English adjective is English, though it reaches "Espanha".
    let turns = conversation(&engine, &["spanish tempranillo"]);
    let (shown, reply) = &turns[0];
    assert_eq!(shown, &lines(&[9]), "{reply}");
    assert!(reply.starts_with("Found"), "{reply}");
}

/// A scraped shop whose titles say where a wine is from, in capitals and
/// either way ("CHILENO", "Chile"), with no country column.
const IN_TITLES: &str = "id,title,price
1,VINHO TINTO CHILENO CASILLERO DEL DIABLO CABERNET 750ML,59.90
2,VINHO TINTO CHILENO SANTA HELENA MERLOT 750ML,39.90
3,VINHO BRANCO CHILENO GATO NEGRO SAUVIGNON BLANC 750ML,34.90
4,VINHO TINTO RESERVADO CONCHA Y TORO CHILE 750ML,45.90
5,VINHO TINTO ARGENTINO TRAPICHE MALBEC 750ML,49.90
6,VINHO TINTO ARGENTINO ALAMOS MALBEC 750ML,79.90
7,VINHO BRANCO ARGENTINO EL BAUTISMO TORRONTES 750ML,42.90
8,VINHO TINTO PORTUGUES PERIQUITA 750ML,54.90
9,VINHO TINTO PORTUGUES PERIQUITA RESERVA 750ML,79.90
10,VINHO BRANCO PORTUGUES GAZELA 750ML,39.90
11,VINHO TINTO FRANCES BARON DE LESTAC 750ML,89.90
12,VINHO ROSE FRANCES MAISON LE STAR 750ML,54.90
13,VINHO TINTO ITALIANO CHIANTI RUFFINO 750ML,99.90
14,VINHO TINTO ITALIANO LAMBRUSCO CELLA 750ML,39.90
15,VINHO ESPUMANTE ITALIANO PROSECCO MIONETTO 750ML,89.90
16,VINHO TINTO ESPANHOL CAMPO VIEJO RIOJA 750ML,89.90
17,VINHO TINTO ESPANHOL PROTOS CRIANZA 750ML,119.90
18,VINHO BRANCO ESPANHOL MARQUES DE CACERES 750ML,69.90
19,VINHO TINTO NACIONAL CASA VALDUGA 750ML,69.90
20,VINHO TINTO NACIONAL MIOLO SELECAO 750ML,44.90
21,VINHO TINTO NACIONAL SALTON INTENSO 750ML,29.90
22,VINHO TINTO SUL AFRICANO NEDERBURG 750ML,59.90
";

#[test]
fn titles_naming_a_country_either_way_are_found_by_both() {
    let dir = common::index_of(IN_TITLES);
    let brands = common::brands(dir.path());
    for origin in [
        "CHILENO",
        "ARGENTINO",
        "PORTUGUES",
        "ITALIANO",
        "ESPANHOL",
        "FRANCES",
    ] {
        assert!(!brands.iter().any(|b| b == origin), "{origin}: {brands:?}");
    }
    let engine = Engine::open(dir.path()).expect("open the index");
    for (message, want) in [
        ("vinho chileno", &["1", "2", "3", "4"][..]),
        ("chilean wine", &["1", "2", "3", "4"]),
        ("vinho do chile", &["1", "2", "3", "4"]),
        ("vinho tinto argentino", &["5", "6"]),
    ] {
        let turns = conversation(&engine, &[message]);
        let (shown, reply) = &turns[0];
        assert_eq!(shown, &ids(want), "{message}: {reply}");
    }
}
