//! A WooCommerce store's products exported by a WordPress export plugin
//! (not WooCommerce's own exporter, so no platform shape recognises it):
//! `Parent id` 0 on every product that has no parent, `Type` holding the
//! kind of listing (simple, grouped), the post author's e-mail and names.
//! Every product stays its own, the listing kinds are no product types,
//! and nobody is asked about the author's e-mail. Through `import` and
//! `Engine::turn` on a file written here.

mod common;

use vitrine::Engine;
use vitrine::index::{ImportOptions, import};

const EXPORT: &str = "\u{feff}ID,\"Product Name\",\"Product description\",Brands,\"Product categories\",Type,\"Regular Price\",\"Sale Price\",\"Parent id\",\"Purchase Note\",\"Author Email\",\"Author First Name\",\"Wc Average Rating\"
101,\"FloraMicro 1 Quart\",\"Base nutrient for hydroponics.\",General Hydroponics,\"Nutrients &amp; Supplements > Base Nutrients\",simple,14.95,,0,,admin@hydro.example,Alex,0
102,\"FloraMicro 1 Gallon\",\"Base nutrient for hydroponics.\",General Hydroponics,\"Nutrients &amp; Supplements > Base Nutrients\",simple,39.95,34.95,0,,admin@hydro.example,Alex,0
103,\"FloraMicro 2.5 Gallon\",\"Base nutrient for hydroponics.\",General Hydroponics,\"Nutrients &amp; Supplements > Base Nutrients\",simple,89.95,,0,,sales@hydro.example,Sam,0
104,\"Big Bud Liquid 1 Liter\",\"Bloom booster.\",Advanced Nutrients,\"Nutrients &amp; Supplements > Bloom Boosters\",simple,49.95,,0,,admin@hydro.example,Alex,0
105,\"Big Bud Liquid 4 Liter\",\"Bloom booster.\",Advanced Nutrients,\"Nutrients &amp; Supplements > Bloom Boosters\",simple,129.95,,0,,sales@hydro.example,Sam,0
106,\"Metal Halide Lamp 1000W\",\"Grow light bulb.\",Plantmax,\"Grow Lights > Bulbs\",simple,79.95,,0,,admin@hydro.example,Alex,0
107,\"Metal Halide Lamp 400W\",\"Grow light bulb.\",Plantmax,\"Grow Lights > Bulbs\",simple,49.95,,0,,admin@hydro.example,Alex,0
108,\"HPS Lamp 1000W\",\"Grow light bulb.\",Plantmax,\"Grow Lights > Bulbs\",simple,69.95,,0,,sales@hydro.example,Sam,0
109,\"Inline Fan 6 inch\",\"Quiet inline duct fan.\",Max-Fan,\"Fans &amp; Blowers\",simple,119.95,,0,,admin@hydro.example,Alex,0
110,\"Inline Fan 8 inch\",\"Quiet inline duct fan.\",Max-Fan,\"Fans &amp; Blowers\",grouped,159.95,,0,,sales@hydro.example,Sam,0
";

#[test]
fn a_wordpress_plugins_export_keeps_every_product_its_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("Products-Export.csv");
    std::fs::write(&path, EXPORT).expect("write the export");
    let index = dir.path().join("index");
    let mut opts = ImportOptions::default();
    opts.read.default_currency = Some("USD".into());
    let summary = import(&path, &index, &opts).expect("import");
    assert_eq!(summary.indexed, 10);
    let engine = Engine::open(&index).expect("open the index");
    let turns = common::conversation(&engine, &["floramicro", "start over", "metal halide lamp"]);
    let (shown, reply) = &turns[0];
    assert_eq!(shown, &common::ids(&["101", "102", "103"]), "{reply}");
    // The price paid is the sale price where there is one.
    assert!(reply.contains("$14.95"), "{reply}");
    let (shown, reply) = &turns[2];
    assert_eq!(shown, &common::ids(&["106", "107"]), "{reply}");
    let names = common::facet_names(&index);
    assert!(
        !names.iter().any(|n| n.contains("email")),
        "e-mail addresses offered to shoppers: {names:?}"
    );
    // The type is the category path's last level, as the shop shows it.
    let types = common::values(&index, "type");
    assert!(
        types.iter().any(|t| t == "Fans & Blowers") && types.iter().any(|t| t == "Bulbs"),
        "{types:?}"
    );
    assert!(
        !types.iter().any(|t| t == "simple" || t == "grouped"),
        "listing kinds as product types: {types:?}"
    );
    let mut brands = common::brands(&index);
    brands.sort();
    assert_eq!(
        brands,
        [
            "Advanced Nutrients",
            "General Hydroponics",
            "Max-Fan",
            "Plantmax"
        ]
    );
    // Nobody rated these products: an average rating of 0 is none.
    let turns = common::conversation(&engine, &["bloom booster"]);
    let (shown, reply) = &turns[0];
    assert_eq!(shown, &common::ids(&["104", "105"]), "{reply}");
    assert!(!reply.contains('★'), "{reply}");
}
