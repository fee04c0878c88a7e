//! Attributes learned at import from real catalogs that lack a column for
//! them: audience, colour and product type from the titles of the
//! Brazilian retail feed (`../shared/datasets/br-retail`, no category,
//! gender or colour column), and the types Myntra's titles hide behind
//! model codes. Sampled rows have exact expectations read from the rows
//! themselves; aggregate checks cover every row.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tempfile::TempDir;
use vitrine::index::{ImportOptions, ProductIndex, import};
use vitrine::text::{key, words};
use vitrine::{Product, Slot};

struct Imported {
    _dir: TempDir,
    index: ProductIndex,
    rows: Vec<BTreeMap<String, String>>,
}

fn dataset(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{} is missing (required in CI)", path.display());
    }
    eprintln!("notice: {} not found; skipping", path.display());
    None
}

fn imported(rel: &str, currency: &str) -> Option<Imported> {
    let csv = dataset(rel)?;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some(currency.to_string());
    import(&csv, dir.path(), &opts).expect("import");
    let index = ProductIndex::open(dir.path()).expect("open");
    let mut reader = csv::Reader::from_path(&csv).expect("csv");
    let headers = reader.headers().expect("headers").clone();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.trim_start_matches('\u{feff}').to_string(), v.to_string()))
                .collect()
        })
        .collect();
    Some(Imported {
        _dir: dir,
        index,
        rows,
    })
}

fn br_retail() -> Option<&'static Imported> {
    static BR: OnceLock<Option<Imported>> = OnceLock::new();
    BR.get_or_init(|| imported("../shared/datasets/br-retail/products.csv", "BRL"))
        .as_ref()
}

fn myntra() -> Option<&'static Imported> {
    static MYNTRA: OnceLock<Option<Imported>> = OnceLock::new();
    MYNTRA
        .get_or_init(|| imported("../shared/datasets/myntra/products.csv", "INR"))
        .as_ref()
}

/// The stored product and its product types.
fn product(index: &ProductIndex, id: &str) -> (Product, Vec<String>) {
    let (address, p) = index
        .product_by_id(id)
        .expect("lookup")
        .unwrap_or_else(|| panic!("no product {id}"));
    let types = index
        .facets_of(address)
        .into_iter()
        .filter(|(slot, _)| *slot == Slot::Type)
        .flat_map(|(_, values)| values.into_iter().map(|(v, _)| v))
        .collect();
    (p, types)
}

/// The words of a text.
fn stems(text: &str) -> Vec<String> {
    words(text)
}

/// True when the text names `value` written as one word ("Offwhite" for
/// the shade "Off White").
fn names_run_together(text: &[String], value: &str) -> bool {
    let joined = key(value).replace(' ', "");
    text.contains(&joined)
}

/// True when `word` is among `text`, up to an inflection: "Roxo" and
/// "roxa", "Preto" and "pretas", "Azul" and "azuis" share all but their
/// last letter of the shorter.
fn has_form(text: &[String], word: &str) -> bool {
    text.iter().any(|t| {
        let shared = t
            .bytes()
            .zip(word.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        shared >= (t.len().min(word.len()).saturating_sub(1)).max(3) || t == word
    })
}

fn assert_learned(
    imported: &Imported,
    id: &str,
    gender: Option<&str>,
    color: Option<&str>,
    types: &[&str],
) {
    let (p, learned_types) = product(&imported.index, id);
    assert_eq!(p.gender.as_deref(), gender, "gender of {id} {:?}", p.title);
    assert_eq!(p.color.as_deref(), color, "colour of {id} {:?}", p.title);
    assert_eq!(learned_types, types, "types of {id} {:?}", p.title);
}

#[test]
fn br_retail_sampled_rows_learn_exactly_what_their_titles_say() {
    let Some(br) = br_retail() else { return };
    let t = |id, gender, color, types: &[&str]| assert_learned(br, id, gender, color, types);
    // "Fone de Ouvido JBL Infantil Junior 320, P2, Azul - 28913831"
    t(
        "876282",
        Some("Infantil"),
        Some("Azul"),
        &["Fone", "Fone de Ouvido"],
    );
    // "Mochila Acer Nitro NBG450, Ergonômica, Unissex, Capacidade 25 Litros, Preto - GP.BAG11.074"
    t("777058", Some("Unissex"), Some("Preto"), &["Mochila"]);
    // "Aparador de Pelos Faciais Masculino Panasonic Lâmina dupla de Aço inoxidável - ER-GN30-K572 - Pilhas"
    t(
        "er-gn30-k572",
        Some("Masculino"),
        None,
        &["Aparador", "Aparador de Pelos"],
    );
    // "Garrafa Térmica Flip Straw Kids Stanley Pool | 500ML": the two-word type a language file names
    t("285360", Some("Infantil"), None, &["Garrafa Térmica"]);
    // Characters, not audiences: "LEGO Chaveiro - Menina Llama", "LEGO Chaveiro - Homem de Ferro"
    t("2002822", None, None, &["Chaveiro"]);
    t("2003933", None, None, &["Chaveiro"]);
    // A band: "LEGO BrickHeadz - Homenagem às Spice Girls"
    t("2003351", None, None, &["BrickHeadz"]);
    // Puppies are not babies: "Tapete Higiênico MyHug Baby 60x55cm para Cães Filhotes"
    t("1129805", None, None, &["Tapete", "Tapete Higiênico"][..1]);
    // "Ração Golden Seleção Natural Cães Adultos Frango com Batata Doce - 12 kg" (Golden is the brand)
    t("1005812", None, None, &["Ração"]);
    // "Headset Gamer Corsair Void Elite Wireless, RGB, 7.1 Surround, Drivers 50mm, Branco - CA-9011202-NA"
    t("109994", None, Some("Branco"), &["Headset"]);
    // "Cobertor Ultra Soft Liso Azul Bebê Fábrica Pet - Único": baby blue, for a pet
    t("1164236", None, Some("Azul"), &["Cobertor"]);
    // "Teclado Sem Fio Logitech MX Keys Mini, ..., Recarregável, Grafite - 920-010505"
    t("275871", None, Some("Grafite"), &["Teclado"]);
    // "Gabinete Gamer Bluecase BG-050 X-frame SE, ..., Lateral em Vidro, Branco e Cinza - BG-050SEWGBX"
    t("690605", None, Some("Branco/Cinza"), &["Gabinete"]);
    // "Brinquedo Pelúcia Coelho Pernudo Rosa Fabrica Pet - Único"
    t("1174940", None, Some("Rosa"), &["Brinquedo"]);
    // A product line and fish colours in the description: "Ração Betta Black Line Poytara - 14 g"
    t("1004913", None, None, &["Ração"]);
    // The catalog's first "Placa de Vídeo" after its first rows carries only
    // its head; from the second on, the compound too:
    // "Placa de Vídeo RX 6600 CLD 8G ASRock AMD Radeon, 8GB, GDDR6 - 90-GA2RZZ-00UANF"
    t("235984", None, None, &["Placa"]);
    // "Placa de Vídeo PCyes NVIDIA RTX 2060 Graffiti Series, 6GB, GDDR6, Preto - PA2060RTX6GDF"
    t("348098", None, Some("Preto"), &["Placa", "Placa de Vídeo"]);
    // "Geladeira Samsung Bespoke Side by Side ... Cor Clean Navy e Clean White 220V"
    t("rs60cb760a7nbz", None, Some("Navy/White"), &["Geladeira"]);
}

#[test]
fn br_retail_every_learned_value_is_in_its_own_row() {
    let Some(br) = br_retail() else { return };
    let vocab = br.index.vocabulary();
    // Types: never a code, a number or stray punctuation; a catalog, not noise.
    let types = vocab.values("type");
    for t in types {
        assert!(
            !t.value.chars().any(|c| c.is_ascii_digit()),
            "type {:?}",
            t.value
        );
        let first = t.value.chars().next().unwrap();
        let last = t.value.chars().last().unwrap();
        assert!(
            first.is_alphanumeric() && last.is_alphanumeric(),
            "type {:?}",
            t.value
        );
    }
    // Function words are never a head: "Com" (65) and "De" (38) gave way to
    // the nouns after them (1,287 -> 1,302 types, "Ventoinha", "Parafuso").
    for junk in ["Com", "De"] {
        assert!(!types.iter().any(|t| t.value == junk), "type {junk}");
    }
    let one_off = types.iter().filter(|t| t.count == 1).count();
    assert!(
        types.len() < 1320 && one_off < 500,
        "{} types, {one_off} one-off",
        types.len()
    );
    let mut typed = 0;
    let mut audiences = Vec::new();
    let mut colours = 0;
    for row in &br.rows {
        let (p, product_types) = product(&br.index, &row["sku"]);
        typed += usize::from(!product_types.is_empty());
        // Each type is words of the title.
        let title = stems(&row["name"]);
        for t in &product_types {
            for w in stems(t) {
                assert!(has_form(&title, &w), "type {t:?} of {:?}", row["name"]);
            }
        }
        // Each colour is named in the title or the description.
        if let Some(colour) = &p.color {
            colours += 1;
            let text = stems(&format!("{} {}", row["name"], row["description"]));
            for value in colour.split('/') {
                for w in stems(value) {
                    assert!(
                        has_form(&text, &w) || names_run_together(&text, value),
                        "colour {colour:?} of {:?}",
                        row["name"]
                    );
                }
            }
        }
        if let Some(g) = &p.gender {
            audiences.push((row["sku"].clone(), g.clone()));
        }
    }
    assert!(
        typed * 100 >= br.rows.len() * 95,
        "{typed} of {} typed",
        br.rows.len()
    );
    assert!(colours * 100 >= br.rows.len() * 30, "{colours} colours");
    // Every audience the titles name, each read in its row: Stanley's and
    // HyperX's "Kids", Acer's "Unissex", JBL's "Infantil", Panasonic's "Masculino".
    audiences.sort();
    let expected: Vec<(String, String)> = [
        ("285360", "Infantil"),
        ("285361", "Infantil"),
        ("285362", "Infantil"),
        ("285375", "Infantil"),
        ("285376", "Infantil"),
        ("285539", "Infantil"),
        ("612825", "Infantil"),
        ("621158", "Infantil"),
        ("621159", "Infantil"),
        ("777057", "Unissex"),
        ("777058", "Unissex"),
        ("876282", "Infantil"),
        ("876283", "Infantil"),
        ("er-gn30-k572", "Masculino"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(audiences, expected);
    // The stats of the import: where each attribute came from.
    let m = br.index.manifest();
    let source = |a: &str| {
        m.attributes
            .iter()
            .find(|c| c.attribute == a)
            .cloned()
            .unwrap()
    };
    assert_eq!(source("color").from_column, 0);
    assert_eq!(source("color").learned, colours as u64);
    assert_eq!(source("gender").learned, 14);
    assert_eq!(source("type").learned, typed as u64);
    assert_eq!(source("brand").source(), "column");
}

#[test]
fn myntra_keeps_its_columns_and_finds_its_watches() {
    let Some(myntra) = myntra() else { return };
    let mut mens_watches = 0;
    let (mut corrected, mut set_aside) = (0, 0);
    for row in &myntra.rows {
        let (p, types) = product(&myntra.index, &row["Product_ID"]);
        assert_eq!(
            p.gender.as_deref(),
            Some(row["Gender"].trim()),
            "{}",
            row["Product_Name"]
        );
        let colour = row["Primary_Color"].trim();
        let stored = p.color.as_deref().unwrap_or_default();
        if !colour.is_empty() && stored != colour {
            // A cell its title contradicts ("Roadster Women Black … Flats"
            // in a "Red" cell) holds the title's colours instead.
            let title = words(&row["Product_Name"]);
            for value in stored.split('/') {
                assert!(
                    words(value).iter().all(|w| has_form(&title, w))
                        || names_run_together(&title, value),
                    "{stored:?} (cell {colour:?}) of {}",
                    row["Product_Name"]
                );
            }
            // The cell's colour is not in the title, but for the brand
            // leading it ("Red Tape Men Black … Derbys" in a "Red" cell),
            // or the cell is "Red", the store's default: its rows hold
            // their titles' colours ("Red & Grey Melange … Jacket": both).
            let brand = words(&row["Product_Brand"]);
            let after_brand: Vec<String> = title
                .iter()
                .skip_while(|w| brand.contains(w))
                .cloned()
                .collect();
            assert!(
                colour == "Red" || !words(colour).iter().all(|w| after_brand.contains(w)),
                "{stored:?} (cell {colour:?}) of {}",
                row["Product_Name"]
            );
            if stored.is_empty() {
                // A "Red" default whose title names no colour: none.
                assert_eq!(colour, "Red", "{}", row["Product_Name"]);
                set_aside += 1;
            } else {
                corrected += 1;
            }
        }
        for t in &types {
            assert!(
                !t.chars().any(|c| c.is_ascii_digit()),
                "type {t:?} of {}",
                row["Product_Name"]
            );
        }
        if row["Gender"] == "Men" && types.iter().any(|t| key(t).starts_with("watch")) {
            mens_watches += 1;
        }
    }
    assert!(mens_watches > 150, "{mens_watches} men's watches");
    // No type a shopper may see carries a code or stray punctuation.
    for t in myntra.index.vocabulary().values("type") {
        let ends = [t.value.chars().next(), t.value.chars().last()];
        assert!(
            ends.iter().all(|c| c.is_some_and(char::is_alphanumeric))
                && !t.value.chars().any(|c| c.is_ascii_digit()),
            "type {:?}",
            t.value
        );
    }
    let m = myntra.index.manifest();
    let colour = m
        .attributes
        .iter()
        .find(|c| c.attribute == "color")
        .unwrap();
    assert!(
        colour.from_column > 11_000 && colour.learned > 0,
        "{colour:?}"
    );
    // Mostly "Red" cells of black, beige or brown things: ~9% of the rows.
    assert_eq!(colour.corrected, corrected, "{colour:?}");
    assert_eq!(colour.set_aside, set_aside, "{colour:?}");
    // Only colours are corrected.
    for other in m.attributes.iter().filter(|a| a.attribute != "color") {
        assert_eq!(other.corrected, 0, "{other:?}");
    }
    assert!((800..1500).contains(&corrected), "{corrected} corrected");
    assert!((20..200).contains(&set_aside), "{set_aside} set aside");
}

/// A title that starts with its brand: the brand's words are no type, even
/// a type's name ("Pepe Jeans Boys Khaki Solid Chinos" is chinos, not
/// jeans).
#[test]
fn myntra_a_brand_naming_a_type_does_not_type_its_products() {
    let Some(myntra) = myntra() else { return };
    let (p, types) = product(&myntra.index, "10256371");
    assert_eq!(p.title, "Pepe Jeans Boys Khaki Solid Chinos");
    assert_eq!(types, ["Chinos"]);
    let (p, types) = product(&myntra.index, "10129069");
    assert_eq!(p.title, "Calvin Klein Jeans Men Black Printed Joggers");
    assert_eq!(types, ["Joggers"]);
    // The same brand's jeans are still jeans.
    let (p, types) = product(&myntra.index, "10257041");
    assert_eq!(p.title, "Pepe Jeans Boys Black Slim Fit Jeans");
    assert_eq!(types, ["Jeans"]);
}

/// A model code ending a title is not its type: "Nucleus Women Gold-Toned
/// Analogue Watch NPGWG" is a watch.
#[test]
fn myntra_a_model_code_ending_a_title_is_not_its_type() {
    let Some(myntra) = myntra() else { return };
    for id in ["10089009", "10089013"] {
        let (p, types) = product(&myntra.index, id);
        assert!(
            types.iter().any(|t| t.ends_with("Watch"))
                && !types.iter().any(|t| t.starts_with("NP")),
            "{:?}: {types:?}",
            p.title
        );
    }
}

/// Two words a language file names as one type start a Portuguese title:
/// "Ar Condicionado Split …" is an air conditioner, as the titles written
/// "Ar-Condicionado" are, not a "Condicionado".
#[test]
fn br_retail_a_two_word_type_at_the_start_of_a_title_is_the_type() {
    let Some(br) = br_retail() else { return };
    let (p, types) = product(&br.index, "326031561");
    assert!(p.title.starts_with("Ar Condicionado"), "{}", p.title);
    assert_eq!(types, ["Ar Condicionado"], "{}", p.title);
    // Three words: a washer-dryer, not a "Lava".
    let (p, types) = product(&br.index, "cv3012wc5-abwfbrs-essp-br");
    assert!(p.title.starts_with("Lava e Seca LG"), "{}", p.title);
    assert_eq!(types, ["Lava e Seca"], "{}", p.title);
}
