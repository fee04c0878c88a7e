//! Shapes seen in real platform exports, each in a small fixture written
//! like the export it stands for: a Shopify export whose `Body (HTML)`
//! spans lines (one of them holding as many commas as the columns before
//! it), its `Choose …` option names, its free add-ons and its Markets
//! price columns; a VTEX SKU import sheet (`_IDSKU`, `_NomeSKU`,
//! `_NomeProduto`...).

use std::path::{Path, PathBuf};
use vitrine::catalog::{CatalogReader, Product, ReadOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/platforms")
        .join(name)
}

/// The products and the reported rows (as printed) of a fixture.
fn read(name: &str) -> (Vec<Product>, Vec<String>) {
    let mut reader = CatalogReader::open(&fixture(name), &ReadOptions::default()).unwrap();
    let (mut products, mut errors) = (Vec::new(), Vec::new());
    for row in &mut reader {
        match row {
            Ok(p) => products.push(p),
            Err(e) => errors.push(e.to_string()),
        }
    }
    (products, errors)
}

fn product<'a>(products: &'a [Product], id: &str) -> &'a Product {
    products
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no product {id}"))
}

#[test]
fn a_shopify_body_over_several_lines_is_one_cell_never_rows() {
    // The body's last line, read alone, has as many fields as a row; the
    // record is well-formed and its first line stops short of a row: one
    // multi-line cell, not a stray quote.
    let (products, errors) = read("shopify_markets.csv");
    assert!(
        errors
            .iter()
            .all(|e| !e.contains("unbalanced quote") && !e.contains("not found before it")),
        "{errors:#?}"
    );
    // Nine records, one of them a further image of its product.
    assert_eq!(products.len() + errors.len(), 8, "{errors:#?}");
    let bracelet = product(&products, "INF-G");
    assert_eq!(bracelet.title, "Infinity Engraved Bracelet Set");
    assert!(
        bracelet.description.starts_with("INFINITY LOVE BRACELETS")
            && bracelet
                .description
                .ends_with("regardless of the miles between you."),
        "{:?}",
        bracelet.description
    );
    let ring = product(&products, "BR-G-17");
    assert!(ring.description.contains("17 / 54 and 18 / 56"));
    for p in &products {
        assert!(
            !p.id.contains('<') && !p.title.contains("commitment") && !p.title.contains("Sizes"),
            "a piece of a body became a product: {p:?}"
        );
    }
}

#[test]
fn shopify_options_named_choose_fill_material_and_size_by_their_words() {
    let (products, _) = read("shopify_markets.csv");
    let ring = product(&products, "BR-G-17");
    assert_eq!(ring.material.as_deref(), Some("Gold"));
    // `17 / 54`: the ring size in two systems, both values for the index.
    assert_eq!(ring.size.as_deref(), Some("17 / 54"));
    assert_eq!(
        vitrine::index::split_sizes("17 / 54").collect::<Vec<_>>(),
        ["17", "54"]
    );
    let silver = product(&products, "BR-S-18");
    assert_eq!(
        (silver.material.as_deref(), silver.size.as_deref()),
        (Some("Silver"), Some("18 / 56"))
    );
    let necklace = product(&products, "IN-A-G");
    assert_eq!(necklace.material.as_deref(), Some("Gold"));
    // An option of no field of ours keeps its name; its facet is named by
    // what it is about, without the request to choose.
    assert_eq!(
        necklace.extra.get("Choose Initial").map(String::as_str),
        Some("Initial: A")
    );
    assert_eq!(
        vitrine::index::extra_facet_name("Choose Initial"),
        "initial"
    );
    assert_eq!(
        vitrine::index::extra_facet_name("graphical_appearance_name"),
        "graphical_appearance"
    );
    assert_eq!(
        vitrine::index::extra_facet_name("_NomeCategoria"),
        "categoria"
    );
}

#[test]
fn a_vtex_sku_sheet_reads_without_a_map_one_product_per_id_produto() {
    let mut reader =
        CatalogReader::open(&fixture("vtex_skus.csv"), &ReadOptions::default()).unwrap();
    assert_eq!(reader.platform(), Some("VTEX SKU import sheet"));
    let (mut products, mut errors) = (Vec::new(), Vec::new());
    for row in &mut reader {
        match row {
            Ok(p) => products.push(p),
            Err(e) => errors.push(e.to_string()),
        }
    }
    assert_eq!(reader.currency().as_deref(), Some("BRL"));
    assert_eq!(
        errors,
        ["line 10: not published: _ProdutoAtivo is \"NÃO\""],
        "{errors:#?}"
    );
    let sizes: Vec<(&str, &str, &str)> = products
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.group_id.as_deref().unwrap_or(""),
                p.size.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        sizes,
        [
            ("44401", "440114440", "PP"),
            ("44402", "440114440", "P"),
            ("44403", "440114440", "M"),
            ("44404", "440114440", "G"),
            ("44405", "360130329", "P"),
            ("44406", "360130329", "M"),
            ("44407", "350111784", "m"),
            ("44408", "350111784", "l"),
        ]
    );
    let dress = &products[0];
    assert_eq!(dress.title, "Vestido Midi Ombro À Ombro");
    assert_eq!(dress.brand.as_deref(), Some("Colcci"));
    assert_eq!(dress.price, Some(467.0));
    assert_eq!(
        dress.category.as_deref(),
        Some("Feminino > Vestido Midi Ombro À Ombro")
    );
    assert!(
        dress
            .description
            .starts_with("Vestido Midi Ombro À Ombro – RIVIERA")
            && !dress.description.contains("<p>"),
        "{:?}",
        dress.description
    );
    assert_eq!(
        dress.image_url.as_deref(),
        Some("https://www.example.com.br/Products/2451752_vestido-midi-ombro-ombro_l1.webp")
    );
    assert!(!dress.extra.contains_key("_NomeSKU"));
}

#[test]
fn columns_of_codes_slugs_query_strings_or_the_title_again_are_never_facets() {
    let dir = tempfile::tempdir().unwrap();
    let summary = vitrine::index::import(
        &fixture("vtex_skus.csv"),
        &dir.path().join("index"),
        &vitrine::index::ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(summary.currency.as_deref(), Some("BRL"));
    let facets: Vec<&str> = summary.facets.iter().map(|(n, _)| n.as_str()).collect();
    for junk in [
        "link_texto",
        "base_url_imagens",
        "titulo_site",
        "codigo_referencia_sku",
    ] {
        assert!(!facets.contains(&junk), "{junk} is a facet: {facets:?}");
    }
    assert!(facets.contains(&"size"), "{facets:?}");
    let why = |header: &str| {
        summary
            .stored_only
            .iter()
            .find(|c| c.header == header)
            .map(|c| c.why.to_string())
    };
    assert_eq!(
        why("_LinkTexto").as_deref(),
        Some("codes, slugs, paths or query strings")
    );
    assert_eq!(
        why("_BaseUrlImagens").as_deref(),
        Some("codes, slugs, paths or query strings")
    );
    assert_eq!(
        why("_TituloSite").as_deref(),
        Some("the product's title again")
    );
}

#[test]
fn a_product_priced_0_is_kept_without_a_price_and_reported() {
    let mut reader =
        CatalogReader::open(&fixture("shopify_markets.csv"), &ReadOptions::default()).unwrap();
    let products: Vec<Product> = (&mut reader).filter_map(Result::ok).collect();
    let free = product(&products, "FREE-52");
    assert_eq!(
        (free.title.as_str(), free.price),
        ("FREE Stacking Ring", None)
    );
    assert_eq!(product(&products, "FREE-54").price, None);
    let notices: Vec<String> = reader
        .take_notices()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notices,
        [
            "line 10: price 0: not for sale on its own (a free add-on or gift); kept without a price",
            "line 11: price 0: not for sale on its own (a free add-on or gift); kept without a price",
        ]
    );
    assert_eq!(product(&products, "BR-G-17").price, Some(49.0));
}
