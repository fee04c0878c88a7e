//! Which column is what, decided by the header names of several languages
//! and by the first rows' values: the id is a column whose values are
//! unique (a style code shared by a product's colours is its variant
//! group), a product-type column is the category path's last level, an
//! id shared by two products of different variant groups keeps both,
//! Spanish headers and prices, placeholder cells ("N/A") that are no
//! colour. Catalogs written by each test in the shape of real exports (an
//! H&M-style article table, a Spanish store's scrape, a Shopify export),
//! through `vitrine::index::import` and the real binary's report.

use std::path::Path;
use vitrine::index::{ImportOptions, ImportSummary, ProductIndex, import};

/// Imports `csv` (written to a temporary file) into a new index.
fn imported(csv: &[u8], opts: &ImportOptions) -> (tempfile::TempDir, ImportSummary) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.csv");
    std::fs::write(&path, csv).expect("write catalog");
    let summary = import(&path, &dir.path().join("index"), opts).expect("import");
    (dir, summary)
}

fn index_in(dir: &tempfile::TempDir) -> ProductIndex {
    ProductIndex::open(&dir.path().join("index")).expect("open the index")
}

fn values(index: &ProductIndex, facet: &str) -> Vec<(String, u64)> {
    index
        .vocabulary()
        .values(facet)
        .iter()
        .map(|v| (v.value.clone(), v.count))
        .collect()
}

/// Where the printed mapping sends `column`.
fn target_of<'m>(mapping: &'m str, column: &str) -> &'m str {
    mapping
        .lines()
        .find_map(|l| {
            let (name, target) = l.split_once(" -> ")?;
            (name.trim() == column).then_some(target)
        })
        .unwrap_or("")
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// An article table in H&M's shape: a style code shared by the colours of
/// one garment, the article id unique per row, numeric code columns beside
/// their names, a department finer than the product type.
fn article_table() -> String {
    let mut csv = String::from(
        ",article_id,product_code,prod_name,product_type_no,product_type_name,\
         colour_group_code,colour_group_name,department_no,department_name,\
         index_group_name,detail_desc,price\n",
    );
    let garments = [
        ("Trousers", 272),
        ("Dress", 265),
        ("Sweater", 252),
        ("Skirt", 275),
        ("Blazer", 296),
        ("Hoodie", 245),
    ];
    let colours = [(9, "Black"), (10, "White"), (73, "Dark Blue")];
    let mut row = 0;
    for style in 0..12 {
        let (kind, kind_no) = garments[style % garments.len()];
        for (c, (code, colour)) in colours.iter().enumerate().take(1 + style % 3) {
            csv.push_str(&format!(
                "{row},{article},{style_code},Style {style} {kind},{kind_no},{kind},{code},{colour},\
                 {dept_no},Department {dept},Ladieswear,A garment.,{price}\n",
                article = 100_000 + style * 10 + c,
                style_code = 5000 + style,
                dept_no = 1000 + style,
                dept = style,
                price = 10 + style,
            ));
            row += 1;
        }
    }
    csv
}

#[test]
fn a_unique_column_is_the_id_and_a_shared_code_the_variant_group() {
    let (dir, summary) = imported(article_table().as_bytes(), &ImportOptions::default());
    // 12 styles in 1, 2 or 3 colours: every row is a product.
    assert_eq!(summary.rows_read, 24);
    assert_eq!(summary.indexed, 24, "{:?}", summary.errors);
    assert!(summary.errors.is_empty());
    assert_eq!(
        target_of(&summary.mapping, "article_id"),
        "id (unique values in the first rows)"
    );
    assert_eq!(
        target_of(&summary.mapping, "product_code"),
        "group_id (values shared by rows in the first rows)"
    );
    let index = index_in(&dir);
    let (_, p) = index
        .product_by_id("100011")
        .expect("read")
        .expect("the second colour of style 1");
    assert_eq!(p.group_id.as_deref(), Some("5001"));
    assert_eq!(p.color.as_deref(), Some("White"));
}

#[test]
fn a_type_column_is_the_type_and_code_columns_no_category() {
    let (dir, summary) = imported(article_table().as_bytes(), &ImportOptions::default());
    for (column, target) in [
        ("product_type_name", "type"),
        ("product_type_no", "extra"),
        ("department_no", "extra"),
        ("department_name", "extra (no coarser than the type"),
    ] {
        let found = target_of(&summary.mapping, column);
        assert!(found.starts_with(target), "{column}: {found}");
    }
    let index = index_in(&dir);
    let (_, p) = index.product_by_id("100000").expect("read").expect("row 1");
    assert_eq!(p.category.as_deref(), Some("Trousers"));
    let types: Vec<String> = values(&index, "type").into_iter().map(|v| v.0).collect();
    for kind in ["Trousers", "Dress", "Sweater", "Skirt", "Blazer", "Hoodie"] {
        assert!(types.contains(&kind.to_string()), "{kind} in {types:?}");
    }
    assert!(
        !types
            .iter()
            .any(|t| t.starts_with("Department") || t == "1000"),
        "{types:?}"
    );
}

#[test]
fn a_coarser_category_column_is_the_types_parent() {
    let csv = "category,subcategory,name,price\n\
               Shoes,Sneakers,Runner One,10\n\
               Shoes,Boots,Hiker Two,20\n\
               Shoes,Sandals,Beach Three,30\n\
               Clothing,Dresses,Summer Four,40\n\
               Clothing,Skirts,Pleated Five,50\n\
               Clothing,Coats,Winter Six,60\n";
    let (dir, summary) = imported(csv.as_bytes(), &ImportOptions::default());
    assert!(
        summary.mapping.contains("subcategory -> type"),
        "{}",
        summary.mapping
    );
    let index = index_in(&dir);
    let (_, p) = index.product_by_id("line-5").expect("read").expect("row 4");
    assert_eq!(p.category.as_deref(), Some("Clothing > Dresses"));
}

/// A Spanish store's scrape: Spanish headers, prices as "20,99 €" (with a
/// no-break space), a colour column writing "N/A" where it has none, in
/// Windows-1252.
fn spanish_scrape() -> Vec<u8> {
    let mut csv =
        String::from("categoria,subcategoria,nombre,color,url,talla,precio,descripcion\n");
    let rows = [
        ("moda", "Vestido", "Nigi", "NEGRO", "20,99"),
        ("moda", "Falda", "Lena", "N/A", "15,99"),
        ("moda", "Blusa", "Coli", "BLANCO", "12,50"),
        ("zapatos", "Botín", "Aston", "N/A", "30,99"),
        ("zapatos", "Sandalia", "Clap", "MARRÓN", "22,99"),
        ("moda", "Camiseta", "Joe", "ROSA", "9,00"),
    ];
    for (i, (cat, sub, name, colour, price)) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "{cat},{sub}, {name},{colour},https://tienda.example/{i},8-talla-36,\"{price}\u{a0}€\",\
             Prenda de manga corta. Tejido fluido y ligero.\n"
        ));
    }
    // Windows-1252, as the store exported it.
    csv.chars()
        .map(|c| match c {
            '€' => 0x80,
            c if (c as u32) < 256 => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

#[test]
fn spanish_headers_and_prices_are_read() {
    let (dir, summary) = imported(&spanish_scrape(), &ImportOptions::default());
    assert_eq!(summary.indexed, 6, "{:?}", summary.errors);
    for (column, target) in [
        ("categoria", "category"),
        ("subcategoria", "type"),
        ("nombre", "title"),
        ("color", "color"),
        ("talla", "size"),
        ("precio", "price"),
        ("descripcion", "description"),
    ] {
        assert_eq!(target_of(&summary.mapping, column), target, "{column}");
    }
    assert_eq!(summary.currency.as_deref(), Some("EUR"));
    let index = index_in(&dir);
    let (_, p) = index.product_by_id("line-4").expect("read").expect("row 3");
    assert_eq!(p.price, Some(12.5));
    assert_eq!(p.category.as_deref(), Some("moda > Blusa"));
    // "N/A" is no colour: not "N" and "A".
    let colours: Vec<String> = values(&index, "color").into_iter().map(|v| v.0).collect();
    assert!(!colours.iter().any(|c| c.len() == 1), "{colours:?}");
    let (_, falda) = index.product_by_id("line-3").expect("read").expect("row 2");
    assert_eq!(falda.color, None);
}

#[test]
fn other_languages_name_the_standard_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    for header in [
        "référence;nom;marque;catégorie;prix;couleur;taille",
        "Artikelnummer;Artikelname;Marke;Kategorie;Preis;Farbe;Größe",
        "codice;titolo;produttore;categoria;prezzo;colore;taglia",
        "referencia;nombre;marca;categoría;precio;color;talla",
    ] {
        let path = dir.path().join("c.csv");
        std::fs::write(
            &path,
            format!("{header}\nA1;Produkt;Acme;Schuhe;12,50;Rot;42\n"),
        )
        .expect("write");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
            .args(["import", s(&path), "--dry-run"])
            .output()
            .expect("the vitrine binary runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{header}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for field in ["id", "title", "brand", "category", "price", "color", "size"] {
            assert!(
                text.contains(&format!("-> {field}\n")),
                "{header}: {field} in {text}"
            );
        }
    }
}

/// A Shopify export whose two products were given the same supplier
/// option code as SKU: both are kept, the second under `handle:SKU`; and
/// two variants of one product given one SKU, the second under
/// `SKU:options`.
#[test]
fn an_id_shared_by_two_products_of_different_groups_keeps_both() {
    let csv = "Handle,Title,Body (HTML),Vendor,Type,Published,Option1 Name,Option1 Value,\
               Variant SKU,Variant Price,Status\n\
               descascador,Máquina de Descascar Frutas,<p>Elétrica</p>,Loja,Cozinha,TRUE,Cor,Branco,\
               14:29#White,89.90,active\n\
               descascador,,,,,,,Preto,14:29#Black,89.90,active\n\
               dispensador,Dispensador Giratório 6.5 KG,<p>Cereais</p>,Loja,Cozinha,TRUE,Cor,Branco,\
               14:29#White,59.90,active\n\
               dispensador,,,,,,,Branco,14:29#White,59.90,active\n\
               triturador,Triturador Mini de Alimentos,<p>Elétrico</p>,Loja,Cozinha,TRUE,Voltagem,110V,\
               '33247795,181.90,active\n\
               triturador,,,,,,,220V,'33247795,189.90,active\n";
    let (dir, summary) = imported(csv.as_bytes(), &ImportOptions::default());
    assert_eq!(summary.indexed, 5, "{:?}", summary.errors);
    // The same SKU twice in one product is still a duplicate row.
    let errors: Vec<String> = summary.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors, ["line 5: duplicate id (first on line 4)"]);
    let notices: Vec<String> = summary.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        [
            "line 4: id \"14:29#White\" is also the id of the row on line 2: \
             read as \"dispensador:14:29#White\"",
            "line 7: id \"'33247795\" is also the id of the row on line 6: \
             read as \"'33247795:220V\""
        ]
    );
    let price = |id: &str| {
        index_in(&dir)
            .product_by_id(id)
            .ok()
            .flatten()
            .map(|(_, p)| p.price)
    };
    assert_eq!(price("'33247795"), Some(Some(181.9)));
    assert_eq!(price("'33247795:220V"), Some(Some(189.9)));
    let index = index_in(&dir);
    let (_, p) = index
        .product_by_id("dispensador:14:29#White")
        .expect("read")
        .expect("the second product");
    assert_eq!(p.title, "Dispensador Giratório 6.5 KG");
    let (_, first) = index
        .product_by_id("14:29#White")
        .expect("read")
        .expect("the first product");
    assert_eq!(first.title, "Máquina de Descascar Frutas");
}

/// Columns whose labels say whom products are for, though no header says
/// "gender": H&M's index group and section.
#[test]
fn label_columns_naming_audiences_give_the_audience() {
    let mut csv = String::from(
        "article_id,prod_name,product_type_name,index_group_name,section_name,price\n",
    );
    let groups = [
        ("Ladieswear", "Womens Everyday Collection", "Dress"),
        ("Menswear", "Men Underwear", "Boxers"),
        ("Baby/Children", "Kids Girl", "Dress"),
        ("Baby/Children", "Young Boy", "Hoodie"),
        ("Divided", "Divided Collection", "Top"),
    ];
    for i in 0..30 {
        let (group, section, kind) = groups[i % groups.len()];
        csv.push_str(&format!(
            "{id},Style {i} {kind},{kind},{group},{section},{price}\n",
            id = 700_000 + i,
            price = 10 + i
        ));
    }
    let (dir, summary) = imported(csv.as_bytes(), &ImportOptions::default());
    assert_eq!(summary.indexed, 30);
    let index = index_in(&dir);
    let gender = |id: &str| {
        index
            .product_by_id(id)
            .expect("read")
            .expect("product")
            .1
            .gender
    };
    assert_eq!(gender("700000").as_deref(), Some("Women"));
    assert_eq!(gender("700001").as_deref(), Some("Men"));
    assert_eq!(gender("700002").as_deref(), Some("Girls"));
    assert_eq!(gender("700003").as_deref(), Some("Boys"));
    assert_eq!(gender("700004"), None, "Divided names no one");
    let genders = values(&index, "gender");
    assert_eq!(
        genders,
        [
            ("Boys".to_string(), 6),
            ("Girls".to_string(), 6),
            ("Men".to_string(), 6),
            ("Women".to_string(), 6)
        ],
        "{genders:?}"
    );
}

/// A Shopify store whose Vendor column holds its own names ("Loja",
/// "marketplace", "Nuvem Shop"), never named by a title: no brands.
#[test]
fn a_vendor_column_of_the_stores_own_names_gives_no_brands() {
    let mut csv = String::from(
        "Handle,Title,Body (HTML),Vendor,Type,Published,Option1 Name,Option1 Value,\
         Variant SKU,Variant Price,Status\n",
    );
    let titles = [
        "Cinta Modeladora Feminina",
        "Escova Secadora 3 em 1",
        "Tênis Esportivo Masculino",
        "Coleira para Cachorro",
    ];
    let vendors = ["Loja", "marketplace", "Loja", "Nuvem Shop"];
    for i in 0..24 {
        csv.push_str(&format!(
            "item-{i},{} {i},<p>Produto</p>,{},Geral,TRUE,Title,Default Title,SKU-{i},49.90,active\n",
            titles[i % 4],
            vendors[i % 4]
        ));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("products_export.csv");
    std::fs::write(&path, csv).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(["import", s(&path), "--index", s(&dir.path().join("index"))])
        .output()
        .expect("the vitrine binary runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        report.contains(
            "brand cells set aside, not brands: 24 rows (24 the store's own name); \
             commonest: Loja (12), Nuvem Shop (6), marketplace (6)"
        ),
        "{report}"
    );
    let index = ProductIndex::open(&dir.path().join("index")).expect("open");
    assert!(values(&index, "brand").is_empty());
}

/// A Shopify size option holding measurements: "G (7cm)" is size G,
/// "10cm Largura" no size but an attribute under the option's name.
#[test]
fn size_options_that_are_measurements_are_no_sizes() {
    let csv = "Handle,Title,Body (HTML),Vendor,Type,Published,Option1 Name,Option1 Value,\
               Variant SKU,Variant Price,Status\n\
               faixa,Faixa de Compressão,<p>Faixa</p>,Acme,Saúde,TRUE,Tamanho,G (7cm),F-G,29.90,active\n\
               faixa,,,,,,,M (5cm),F-M,27.90,active\n\
               tapete,Tapete Antiderrapante,<p>Tapete</p>,Acme,Casa,TRUE,Tamanho,10cm Largura,T-10,19.90,active\n";
    let (dir, summary) = imported(csv.as_bytes(), &ImportOptions::default());
    assert_eq!(summary.indexed, 3, "{:?}", summary.errors);
    let index = index_in(&dir);
    let product = |id: &str| index.product_by_id(id).expect("read").expect("product").1;
    assert_eq!(product("F-G").size.as_deref(), Some("G"));
    assert_eq!(product("F-M").size.as_deref(), Some("M"));
    let mat = product("T-10");
    assert_eq!(mat.size, None);
    assert_eq!(
        mat.extra.get("Tamanho").map(String::as_str),
        Some("10cm Largura")
    );
}
