//! A pharmacy's scraped brand column: the maker at the end of a generic's
//! title ("Losartana 50mg 30 Comprimidos Medley Genérico") is its brand,
//! while a generic drug's name put in the brand column of a few rows
//! ("Dipirona"), and carried by many makers' titles, is a word of titles:
//! "dipirona gotas" finds every maker's drops. Checked through the import
//! and `Engine::turn` on a catalog written here.

mod common;

use common::conversation;
use vitrine::Engine;

fn catalog() -> String {
    let mut csv = String::from("Produto,Preço,Marca\n");
    let mut row = |title: &str, brand: &str| {
        csv.push_str(&format!("{title},\"R$ 9,90\",{brand}\n"));
    };
    // Brand-name medicines lead their titles with the brand.
    for (title, brand) in [
        ("Novalgina Dipirona 500mg Gotas 20ml", "Novalgina"),
        ("Novalgina Dipirona 1g 10 Comprimidos", "Novalgina"),
        ("Dorflex Dipirona 300mg 10 Comprimidos", "Dorflex"),
        ("Lisador Dipirona Gotas 20ml", "Lisador"),
        ("Magnopyrol Dipirona Gotas 10ml", "Magnopyrol"),
        ("Anador Dipirona 1g 10 Comprimidos", "Anador"),
        ("Doralgina Dipirona 20 Comprimidos", "Doralgina"),
        ("Dipimed Dipirona 1g 4 Comprimidos", "Dipimed"),
        ("Tylenol Paracetamol 750mg 20 Comprimidos", "Tylenol"),
        ("Tylenol Paracetamol Gotas 15ml", "Tylenol"),
        ("Buscopan Composto 20 Comprimidos", "Buscopan"),
        ("Buscopan Gotas 20ml", "Buscopan"),
        ("Neosaldina 30 Drágeas", "Neosaldina"),
        ("Neosaldina Gotas 15ml", "Neosaldina"),
        ("Eno Sal De Fruta 5g", "Eno"),
        ("Eno Sal De Fruta Limão 5g", "Eno"),
        ("Torsilax 30 Comprimidos", "Torsilax"),
        ("Torsilax 10 Comprimidos", "Torsilax"),
        ("Engov 6 Comprimidos", "Engov"),
        ("Engov 12 Comprimidos", "Engov"),
        ("Cataflam 50mg 10 Comprimidos", "Cataflam"),
        ("Cataflam Gel 60g", "Cataflam"),
        ("Advil 400mg 8 Cápsulas", "Advil"),
        ("Advil 400mg 20 Cápsulas", "Advil"),
    ] {
        row(title, brand);
    }
    // Generics end with their maker.
    for maker in ["Medley", "Ems"] {
        for generic in [
            "Losartana Potássica 50mg 30 Comprimidos",
            "Atenolol 25mg 30 Comprimidos",
            "Sinvastatina 20mg 30 Comprimidos",
            "Omeprazol 20mg 28 Cápsulas",
            "Dipirona Gotas 20ml",
            "Ibuprofeno 600mg 20 Comprimidos",
        ] {
            row(&format!("{generic} {maker} Genérico"), maker);
        }
    }
    // The generic's name in the brand column of two rows.
    row(
        "Dipirona Monoidratada 500mg 10 Comprimidos Sanofi Genérico",
        "Dipirona",
    );
    row("Dipirona Gotas 10ml Biosintética Genérico", "Dipirona");
    csv
}

#[test]
fn a_maker_ending_its_generics_titles_is_their_brand() {
    let dir = common::index_of(&catalog());
    let brands = common::brands(dir.path());
    for maker in ["Medley", "Ems"] {
        assert!(brands.iter().any(|b| b == maker), "{maker}: {brands:?}");
    }
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["losartana 50mg", "da medley"]);
    assert_eq!(turns[0].0.len(), 2, "{}", turns[0].1);
    assert_eq!(turns[1].0.len(), 1, "{}", turns[1].1);
    assert!(turns[1].1.contains("Medley"), "{}", turns[1].1);
    // "Genérico" ending the titles is no type: the generics are tablets.
    let turns = conversation(&engine, &["losartana 30 comprimidos"]);
    assert_eq!(turns[0].0.len(), 2, "{}", turns[0].1);
}

#[test]
fn a_generic_name_in_the_brand_column_is_a_word_of_titles() {
    let dir = common::index_of(&catalog());
    let engine = Engine::open(dir.path()).expect("open the index");
    let turns = conversation(&engine, &["dipirona gotas"]);
    // Every maker's dipirona drops: Novalgina, Lisador, Magnopyrol,
    // Medley's, Ems's and the one whose brand cell says "Dipirona".
    assert_eq!(turns[0].0.len(), 6, "{}", turns[0].1);
    let all = conversation(&engine, &["dipirona"]);
    assert_eq!(all[0].0.len(), 12, "{}", all[0].1);
}
