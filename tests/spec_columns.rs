//! Spec columns of a computer store ("Cpu", "Gpu": too many different
//! values to be facets) are still words a shopper can ask for ("i7",
//! "gtx 1050"), its "Company" column is the brand, and a Brazilian
//! scrape's plural headers ("Produtos", "Preços") are the title and the
//! price. Checked through the import and `Engine::turn` on catalogs
//! written here.

mod common;

use common::conversation;
use vitrine::Engine;
use vitrine::index::ProductIndex;

fn laptops() -> String {
    let mut csv = String::from("laptop_ID,Company,Product,TypeName,Cpu,Gpu,Price_euros\n");
    let companies = [
        "Dell", "HP", "Lenovo", "Asus", "Acer", "MSI", "Toshiba", "Apple",
    ];
    for i in 0..40 {
        let company = companies[i % companies.len()];
        let (cpu, gpu) = match i % 4 {
            0 => (
                format!("Intel Core i7 {}HQ 2.8GHz", 7700 + i),
                "Nvidia GeForce GTX 1050",
            ),
            1 => (
                format!("Intel Core i5 {}U 2.5GHz", 7200 + i),
                "Intel HD Graphics 620",
            ),
            2 => (
                format!("Intel Core i3 {}U 2.0GHz", 6006 + i),
                "Intel HD Graphics 520",
            ),
            _ => (format!("AMD A9-Series {} 3GHz", 9420 + i), "AMD Radeon R5"),
        };
        csv.push_str(&format!(
            "{},{company},Model {i},Notebook,{cpu},{gpu},{}\n",
            i + 1,
            500 + i * 10
        ));
    }
    csv
}

#[test]
fn words_of_spec_columns_are_understood_and_found() {
    let dir = common::index_of(&laptops());
    let index = ProductIndex::open(dir.path()).expect("open");
    let brands = index.vocabulary().values("brand").len();
    assert_eq!(brands, 8, "Company is the brand");
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["i7 notebook"]);
    assert_eq!(turns[0].0.len(), 10, "{}", turns[0].1);
    let turns = conversation(&engine, &["notebook with gtx 1050", "dell"]);
    assert_eq!(turns[0].0.len(), 10, "{}", turns[0].1);
    // Dell's are models 0, 8, 16, 24 and 32: those with a GTX 1050 are 0,
    // 8, 16, 24 and 32 too (every fourth model has one).
    assert_eq!(turns[1].0.len(), 5, "{}", turns[1].1);
}

#[test]
fn plural_portuguese_headers_are_the_title_and_the_price() {
    let csv = "Produtos,Preços\n\
        \"Smartphone E22 128gb 4g Motorola Cor Preto\",729\n\
        \"Air Fryer Mondial 4l Preta\",\"299,90\"\n\
        \"Fone Bluetooth JBL Tune 510bt\",249\n";
    let dir = common::index_of(csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["air fryer até 400 reais"]);
    assert_eq!(turns[0].0.len(), 1, "{}", turns[0].1);
}

/// A Brazilian hardware store's scrape: `Nomes;Valor`, titles of
/// Portuguese full of English terms, prices in reais. Its language is
/// Portuguese (the currency tips it), so a shopper's first message is
/// answered in Portuguese even when it is only model words.
#[test]
fn a_reais_store_of_english_terms_speaks_portuguese() {
    let mut csv = String::from("Nomes;Valor\n");
    let cards = [
        (
            "XFX RX 9060 XT OC Gaming AMD Radeon, 16GB, GDDR6, Triple Fan",
            "3.239,90",
        ),
        (
            "ASUS TUF RTX 4060 OC White Gaming, 8GB, GDDR6, RGB, Dual Fan",
            "2.449,99",
        ),
        (
            "MSI RTX 5070 Ti Ventus 3X Black, 16GB, Ray Tracing, DLSS",
            "6.299,90",
        ),
        (
            "Gigabyte RTX 4060 Windforce OC, 8GB, GDDR6, Dual Fan, DLSS",
            "2.199,90",
        ),
        (
            "PowerColor RX 7600 Fighter AMD Radeon, 8GB, GDDR6, Dual Fan",
            "1.699,90",
        ),
        (
            "Galax RTX 3050 EX Black, 6GB, GDDR6, 1-Click OC",
            "1.199,00",
        ),
    ];
    for (i, (title, price)) in cards.iter().cycle().take(24).enumerate() {
        csv.push_str(&format!("Placa de Vídeo {title} - {i};R$ {price}\n"));
    }
    let dir = common::index_of(&csv);
    let engine = Engine::open(dir.path()).expect("open the index");
    assert_eq!(engine.language(), vitrine::model::Lang::Pt);
    assert_eq!(engine.info().currency, "BRL");
    let turns = conversation(&engine, &["rtx 4060"]);
    assert_eq!(turns[0].0.len(), 8, "{}", turns[0].1);
    assert!(turns[0].1.starts_with("Encontrei"), "{}", turns[0].1);
}
