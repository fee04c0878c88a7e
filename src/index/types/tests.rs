//! Tests of [`super`]: head nouns, compounds and known types of real
//! title shapes.

use super::*;

fn none(_: &str) -> bool {
    false
}

fn head(title: &str, position: HeadPosition) -> Option<String> {
    head_noun(title, position, &none, &mut KnownTypes::default())
        .map(|h| h.compound.unwrap_or_else(|| h.word.to_string()))
}

#[test]
fn a_title_naming_its_category_type_has_no_other_type() {
    let speakers = ["Electronics".to_string(), "Speakers".to_string()];
    let at = HeadPosition::Last;
    let none = KnownTypes::default();
    let title = "Amazon Echo Dot (5th Gen) Smart Speaker with Alexa";
    assert!(names_category_type(title, "Dot", &speakers, at, &none));
    assert!(!names_category_type(title, "Speaker", &speakers, at, &none));
    let care = ["Grooming".to_string(), "Beard Care".to_string()];
    assert!(!names_category_type(
        "Ustraa Beard Oil",
        "Oil",
        &care,
        at,
        &none
    ));
    assert!(!names_category_type("Echo Dot", "Dot", &[], at, &none));
    let tenis = ["Calçados".to_string(), "Tênis".to_string()];
    let first = HeadPosition::First;
    assert!(names_category_type(
        "Kit Tênis Corrida",
        "Kit",
        &tenis,
        first,
        &none
    ));
}

#[test]
fn a_known_head_after_the_category_word_is_a_kind_of_the_category() {
    let yoga = ["Sports & Fitness".to_string(), "Yoga".to_string()];
    let at = HeadPosition::Last;
    let titles = [
        "Boldfit Yoga Mat for Women",
        "Cockatoo Anti Slip Exercise Mat",
        "Strauss Floor Mat",
        "Yoga Block Set",
    ];
    let known = KnownTypes::learn(titles.into_iter(), at, &none);
    let title = "Boldfit Yoga Mat for Men and Women 6mm";
    assert!(!names_category_type(title, "Mat", &yoga, at, &known));
    // Not a head the titles repeat: a word of a messy title, the
    // category's type stands.
    let sneakers = ["Shoes".to_string(), "Sneakers".to_string()];
    let quoted = "Sneaker \"quoted\" & more";
    assert!(names_category_type(quoted, "quoted", &sneakers, at, &known));
    // The category's word after the head is the type's own name.
    let dot = "Echo Dot Yoga Edition";
    assert!(names_category_type(dot, "Dot", &yoga, at, &known));
    // A category grouping several kinds names no type a title repeats.
    let fitness = ["Sports".to_string(), "All Exercise & Fitness".to_string()];
    let mantra = "Fitness Mantra EVA Yoga Mat for Gym Workout";
    assert!(!names_category_type(mantra, "Mat", &fitness, at, &known));
}

#[test]
fn a_part_or_service_leading_a_portuguese_title_is_its_type() {
    let pt = HeadPosition::First;
    assert_eq!(
        head("Garantia Estendida Microondas 24 Meses", pt).as_deref(),
        Some("Garantia")
    );
    assert_eq!(
        head("Bateria recarregável Notebook LG", pt).as_deref(),
        Some("Bateria")
    );
    assert_eq!(
        head("Notebook Lenovo IdeaPad 1i", pt).as_deref(),
        Some("Notebook")
    );
}

#[test]
fn a_portuguese_noun_before_a_known_type_is_the_head() {
    let titles = [
        "Geladeira Consul 300L",
        "Geladeira LG 400L",
        "Geladeira Brastemp",
    ];
    let none = |_: &str| false;
    let mut known = KnownTypes::learn(titles.into_iter(), HeadPosition::First, &none);
    let mut h = |t| head_noun(t, HeadPosition::First, &none, &mut known).map(|h| h.word);
    assert_eq!(h("Logotipo Geladeira LG MFT62346511"), Some("Logotipo"));
    assert_eq!(h("Smart Geladeira Samsung"), Some("Geladeira"));
}

#[test]
fn a_material_ending_an_english_title_is_not_its_type() {
    let en = HeadPosition::Last;
    assert_eq!(
        head(
            "Lakme Absolute Matte Melt Liquid Lip Color 13 Pink Silk",
            en
        )
        .as_deref(),
        Some("Color")
    );
    assert_eq!(head("Mitera Silk Saree", en).as_deref(), Some("Saree"));
}

#[test]
fn an_english_compound_in_a_portuguese_title_is_one_type_headed_last() {
    let pt = HeadPosition::First;
    let brands = |k: &str| matches!(k, "electrolux" | "kingston" | "logitech");
    let head_of = |title: &str| {
        head_noun(title, pt, &brands, &mut KnownTypes::default())
            .map(|h| (h.word.to_string(), h.compound))
    };
    assert_eq!(
        head_of("Air Fryer Electrolux 3,2L Preta"),
        Some(("Air Fryer".to_string(), None))
    );
    // A type then a brand, or words both languages use alike: the
    // first word is the head, as in any Portuguese title.
    assert_eq!(
        head_of("SSD Kingston 480GB"),
        Some(("SSD".to_string(), None))
    );
    assert_eq!(
        head_of("Mouse Gamer Logitech G203"),
        Some(("Mouse".to_string(), None))
    );
    assert_eq!(
        head_of("Notebook Gamer Acer Nitro"),
        Some(("Notebook".to_string(), None))
    );
}

#[test]
fn a_connector_inside_a_description_does_not_end_the_phrase() {
    let en = HeadPosition::Last;
    assert_eq!(
        head(
            "Fastrack Men Orange Leather Analogue and Digital Watch 38034SL01",
            en
        )
        .as_deref(),
        Some("Watch")
    );
    assert_eq!(
        head("Libas Women Kurta and Leggings", en).as_deref(),
        Some("Kurta")
    );
}

#[test]
fn head_nouns_of_english_titles() {
    let h = |t| head(t, HeadPosition::Last);
    assert_eq!(h("Puma Men Black Running Shoes").as_deref(), Some("Shoes"));
    assert_eq!(
        h("Roadster Men Navy Neck T-shirt").as_deref(),
        Some("T-shirt")
    );
    assert_eq!(
        h("EthnoVogue Women Kurta with Palazzos & Dupatta").as_deref(),
        Some("Kurta")
    );
    assert_eq!(
        h("Nivea Men Deodorant 150 ml").as_deref(),
        Some("Deodorant")
    );
    assert_eq!(h("Anouk Women Kurta & Dupatta").as_deref(), Some("Kurta"));
    assert_eq!(h("Libas Women Kurti & Leggings").as_deref(), Some("Kurti"));
    assert_eq!(
        h("DKNY Unisex Black & Grey Trolley Bag").as_deref(),
        Some("Bag")
    );
    assert_eq!(
        h("Titan Men Analogue Watch NK2480SM01").as_deref(),
        Some("Watch")
    );
    assert_eq!(
        h("Bering Women Solar Watches 14631-166").as_deref(),
        Some("Watches")
    );
    assert_eq!(h("Smart TV 55\" 4K UN55AU7700").as_deref(), Some("TV"));
    assert_eq!(h("Back Cover for iPad Air").as_deref(), Some("Cover"));
    assert_eq!(h("Vero Moda Women Off-White Top").as_deref(), Some("Top"));
    assert_eq!(h("Mitera Women Gold-Toned Kurta").as_deref(), Some("Kurta"));
}

#[test]
fn head_nouns_of_portuguese_titles() {
    let h = |t| head(t, HeadPosition::First);
    assert_eq!(
        h("Tênis Olympikus Corre 3 Masculino Preto").as_deref(),
        Some("Tênis")
    );
    assert_eq!(
        h("Camiseta Básica com Estampa").as_deref(),
        Some("Camiseta")
    );
    assert_eq!(h("Shorts de Futebol Masculino").as_deref(), Some("Shorts"));
    assert_eq!(h("Camiseta Regata Dry Fit").as_deref(), Some("Camiseta"));
    assert_eq!(h("Tênis de Corrida Azul 42").as_deref(), Some("Tênis"));
    assert_eq!(h("Preto Tênis 42").as_deref(), Some("Tênis"));
    assert_eq!(h("Gatô Areia Higiênica 4 kg").as_deref(), Some("Areia"));
    let brand = |k: &str| k == "lego";
    assert_eq!(
        head_noun(
            "LEGO Chaveiro - Homem Biscoito",
            HeadPosition::First,
            &brand,
            &mut KnownTypes::default()
        )
        .map(|h| h.word),
        Some("Chaveiro")
    );
}

#[test]
fn known_types_and_compounds_come_from_the_catalog() {
    let titles = [
        "Placa de Vídeo RTX 4060 8GB",
        "Placa de Vídeo RX 7600",
        "Placa de Vídeo GTX 1650",
        "Samsung Smart TV 50",
        "TV LG 55 OLED",
        "TV Philco 32",
        "TV TCL 43",
    ];
    let brand = |k: &str| k == "samsung";
    let mut known = KnownTypes::learn(titles.into_iter(), HeadPosition::First, &brand);
    let mut h = |t| {
        head_noun(t, HeadPosition::First, &brand, &mut known)
            .map(|h| h.compound.unwrap_or_else(|| h.word.to_string()))
    };
    assert_eq!(
        h("Placa de Vídeo Asus 4070").as_deref(),
        Some("Placa de Vídeo")
    );
    assert_eq!(h("Samsung AI Gaming TV 55").as_deref(), Some("TV"));
    // A compound becomes known on its second use after the sample.
    assert_eq!(h("Placa de Som A").as_deref(), Some("Placa"));
    assert_eq!(h("Placa de Som B").as_deref(), Some("Placa de Som"));
}

#[test]
fn position_follows_the_catalog() {
    let skip: FxHashSet<String> = ["puma", "nike", "levis", "black", "blue", "men", "women"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let skip = |k: &str| skip.contains(k);
    let en = [
        "Puma Men Black Running Shoes",
        "Nike Women Blue Sneakers",
        "Levis Men Blue Jeans",
        "Puma Women Black Jeans",
        "Nike Men Shoes",
    ];
    assert_eq!(
        choose_head_position(en.into_iter(), &skip),
        HeadPosition::Last
    );
    let pt = [
        "Tênis Nike Masculino Preto",
        "Tênis Puma Feminino Branco",
        "Calça Levis Masculina Azul",
        "Tênis Olympikus Corre",
        "Calça Jeans Skinny",
    ];
    assert_eq!(
        choose_head_position(pt.into_iter(), &skip),
        HeadPosition::First
    );
}

#[test]
fn a_pair_or_a_function_word_is_no_head() {
    // "Par de Alianças" is wedding rings: a pair is packaging, and "de"
    // (left once "Par" is skipped) is a function word.
    for title in ["Par de Alianças 4mm Abauladas", "Par Alianças 6mm com Anel"] {
        assert_eq!(
            head(title, HeadPosition::First).as_deref(),
            Some("Alianças"),
            "{title}"
        );
    }
}
