//! Attribute blobs: one cell holding a product's specification table as
//! key/value pairs, the way marketplace exports and crawls write it:
//!
//! * a list of `key`/`value` records, in Ruby's hash syntax (Flipkart's
//!   `{"product_specification"=>[{"key"=>"Color", "value"=>"Black"},
//!   {"key"=>"Ideal For", "value"=>"Women's"}]}`) or in JSON
//!   (`[{"key": "Color", "value": "Black"}]`);
//! * `Key: Value` pairs separated by `|`, line breaks or `;` (Amazon's
//!   "Technical Details": `Color: Black | Size: M`).
//!
//! A key that is a header name of the colour, size, material, brand or
//! audience field (the header aliases of `headers/*.txt`: "Color",
//! "Fabric", "Brand", "Manufacturer", "Ideal For") gives that field its
//! value in a row lacking it, as if the catalog had the column; other keys
//! ("Strap Color", "Style Code") are left in the stored cell. The audience
//! is resolved by the index, which knows the audience words
//! ([`spec_values`]). Depends on the header aliases and value cleaning of
//! the catalog only.

use super::aliases::{aliases, fold};
use super::value::{clean_short, is_placeholder_brand};
use super::{Field, Product};

/// The longest key read, in characters ("Number of Contents in Sales Package").
const MAX_KEY: usize = 40;
/// The longest value read, in characters: a specification value, not a
/// sentence ("This product is sold as M by the Brand").
const MAX_VALUE: usize = 40;
/// The most words a value read has.
const MAX_VALUE_WORDS: usize = 5;

/// The fields a blob's keys may fill.
const FILLED: [Field; 5] = [
    Field::Color,
    Field::Size,
    Field::Material,
    Field::Brand,
    Field::Gender,
];

/// The key/value pairs of an attribute blob cell, in order; none when the
/// cell is no blob.
pub(crate) fn spec_pairs(cell: &str) -> Vec<(String, String)> {
    if cell.contains("\"key\"") && cell.contains("\"value\"") {
        return records(cell);
    }
    if !cell.contains(':') {
        return Vec::new();
    }
    let separator: &[char] = if cell.contains(['|', '\n']) {
        &['|', '\n']
    } else {
        &[';']
    };
    cell.split(separator)
        .filter_map(|part| {
            let (key, value) = part.split_once(':')?;
            let key = key.trim();
            let usable = !key.is_empty()
                && key.chars().count() <= MAX_KEY
                && key.chars().any(char::is_alphabetic)
                && !key.chars().any(|c| c.is_ascii_digit());
            usable.then(|| (key.to_string(), value.trim().to_string()))
        })
        .collect()
}

/// The `key`/`value` records of a Ruby hash or JSON list.
fn records(cell: &str) -> Vec<(String, String)> {
    // Each record ends with `}`: a key and a value are paired within one.
    cell.split('}')
        .filter_map(|record| {
            let key = quoted_after(record, "\"key\"")?;
            let value = quoted_after(record, "\"value\"")?;
            Some((key, value))
        })
        .collect()
}

/// The quoted string after `name` and `=>` or `:` in `record`, unescaped.
fn quoted_after(record: &str, name: &str) -> Option<String> {
    let at = record.find(name)? + name.len();
    let rest = record[at..].trim_start();
    let rest = rest
        .strip_prefix("=>")
        .or_else(|| rest.strip_prefix(':'))?
        .trim_start();
    let body = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => out.push(chars.next()?),
            c => out.push(c),
        }
    }
    None
}

/// The field a blob key names, among those a blob may fill.
fn field_of(key: &str) -> Option<Field> {
    let (field, _) = aliases().field(&fold(key))?;
    FILLED.contains(&field).then_some(field)
}

/// A value fit for a field: short, a few words.
fn usable_value(value: &str) -> Option<String> {
    let value = clean_short(value);
    let fits = !value.is_empty()
        && value.chars().count() <= MAX_VALUE
        && value.split_whitespace().count() <= MAX_VALUE_WORDS;
    fits.then_some(value)
}

/// True when a specification's size names a size ("M", "Small (4-6x)",
/// "3T-4T", "Twin", "10"), not a measurement ("84 Inch", `12"`, "10x15",
/// "5.3 GB"), which crawled "Size:" fields hold as often: a size filter
/// on those would read "iphone 12 case" as size 12.
pub(crate) fn is_size_name(value: &str) -> bool {
    let quoted = value.contains(['"', '\'', '”', '′', '″']);
    let dimensions = value
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'x' | b'X') && w[2].is_ascii_digit());
    let mut measured = false;
    let mut words = 0;
    let mut after_number = false;
    crate::text::for_each_word(value, |key, _| {
        words += 1;
        // A unit after a number ("84 Inch", "5.3 GB"); not a size letter
        // alone ("M", "L").
        measured |= crate::language::units::is_measurement(key)
            || (after_number && crate::language::units::unit(key).is_some());
        after_number = key.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    });
    !quoted && !dimensions && !measured && words <= 3
}

/// A garment size written as a size chart's code, as variants' names and
/// options write it: a letter size of any language's size names (`PP`,
/// `M`, `GG`, `XS`; `XXL` and `2XL` as `L` with more X), a size number
/// (`38`, `7.5`, `16,5`), or two of them (`38/40`, `P-M`, `17 / 54`).
pub(crate) fn is_size_code(value: &str) -> bool {
    let value = value.trim();
    if let Some((a, b)) = value.split_once(['/', '-'])
        && !b.contains(['/', '-'])
    {
        return one_size_code(a) && one_size_code(b);
    }
    one_size_code(value)
}

fn one_size_code(value: &str) -> bool {
    let v = value.trim().to_lowercase();
    let number = |s: &str| {
        let (whole, fraction) = s.split_once(['.', ',']).unwrap_or((s, "0"));
        (1..=2).contains(&whole.len())
            && whole.bytes().all(|b| b.is_ascii_digit())
            && (1..=2).contains(&fraction.len())
            && fraction.bytes().all(|b| b.is_ascii_digit())
    };
    if number(&v) {
        return true;
    }
    let letters = v.trim_start_matches(|c: char| c.is_ascii_digit());
    let core = letters.trim_start_matches('x');
    if core.is_empty() || (letters.len() < v.len() && letters.len() == core.len()) {
        return false;
    }
    crate::language::every()
        .any(|(_, data)| data.size_names.contains_key(&v) || data.size_names.contains_key(core))
}

/// Fills the colour, size, material and brand a row lacks from the
/// attribute blobs among its extra cells (the first value found for a
/// field, the cells taken in their headers' order).
pub(crate) fn fill_from_specs(product: &mut Product) {
    let mut found: Vec<(Field, String)> = Vec::new();
    for cell in product.extra.values() {
        for (key, value) in spec_pairs(cell) {
            let (Some(field), Some(value)) = (field_of(&key), usable_value(&value)) else {
                continue;
            };
            if field == Field::Size && !is_size_name(&value) {
                continue;
            }
            let placeholder = field == Field::Brand && is_placeholder_brand(&value);
            if field != Field::Gender && !placeholder && !found.iter().any(|(f, _)| *f == field) {
                found.push((field, value));
            }
        }
    }
    for (field, value) in found {
        let slot = match field {
            Field::Color => &mut product.color,
            Field::Size => &mut product.size,
            Field::Material => &mut product.material,
            Field::Brand => &mut product.brand,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
}

/// The values the attribute blobs among `product`'s extra cells give
/// `field` (the index reads the audience from them: "Women's", "Men,
/// Boys").
pub(crate) fn spec_values(product: &Product, field: Field) -> Vec<String> {
    product
        .extra
        .values()
        .flat_map(|cell| spec_pairs(cell))
        .filter(|(key, _)| field_of(key) == Some(field))
        .filter_map(|(_, value)| usable_value(&value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_codes() {
        for v in [
            "PP", "P", "M", "G", "GG", "m", "l", "XS", "XXL", "2XL", "38", "16.5", "17 / 54", "P-M",
        ] {
            assert!(is_size_code(v), "{v}");
        }
        for v in ["Preta", "Azul Marinho", "x", "Gold", "110V", "100", "2X"] {
            assert!(!is_size_code(v), "{v}");
        }
    }

    #[test]
    fn sizes_are_names_not_measurements() {
        for size in [
            "M",
            "L",
            "Small",
            "Small (4-6x)",
            "3T-4T",
            "Twin",
            "10",
            "Extra Large",
        ] {
            assert!(is_size_name(size), "{size}");
        }
        for measure in [
            "84 Inch",
            "12\"",
            "8' x 6 1/2\"",
            "10x15",
            "5.3 GB",
            "20 inch",
        ] {
            assert!(!is_size_name(measure), "{measure}");
        }
    }

    fn pairs(cell: &str) -> Vec<(String, String)> {
        spec_pairs(cell)
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    const FLIPKART: &str = r#"{"product_specification"=>[{"key"=>"Number of Contents in Sales Package", "value"=>"Pack of 2"}, {"key"=>"Fabric", "value"=>"Cotton Lycra"}, {"key"=>"Type", "value"=>"Cycling Shorts"}, {"value"=>"Gentle Machine Wash in Lukewarm Water, Do Not Bleach"}, {"key"=>"Ideal For", "value"=>"Women's"}, {"key"=>"Color", "value"=>"Black"}, {"key"=>"Strap Color", "value"=>"Brown"}]}"#;

    #[test]
    fn ruby_and_json_records() {
        assert_eq!(
            pairs(FLIPKART),
            [
                pair("Number of Contents in Sales Package", "Pack of 2"),
                pair("Fabric", "Cotton Lycra"),
                pair("Type", "Cycling Shorts"),
                pair("Ideal For", "Women's"),
                pair("Color", "Black"),
                pair("Strap Color", "Brown"),
            ]
        );
        assert_eq!(
            pairs(r#"[{"key": "Color", "value": "Navy \"Blue\""}, {"key": "Size", "value": "M"}]"#),
            [pair("Color", "Navy \"Blue\""), pair("Size", "M")]
        );
    }

    #[test]
    fn key_value_pairs() {
        assert_eq!(
            pairs("Color: Black | Size: M | Style: Modern"),
            [
                pair("Color", "Black"),
                pair("Size", "M"),
                pair("Style", "Modern")
            ]
        );
        assert_eq!(
            pairs("Material: Cotton; Gender: Unisex"),
            [pair("Material", "Cotton"), pair("Gender", "Unisex")]
        );
        // Prose between pairs, and keys that are numbers, are skipped.
        assert_eq!(
            pairs("Go to your orders and start the return | Color: Red | 10:30 pm"),
            [pair("Color", "Red")]
        );
        assert!(pairs("A plain sentence with no pairs").is_empty());
    }

    #[test]
    fn blob_keys_fill_the_fields_a_row_lacks() {
        let mut p = Product {
            title: "Mynte Solid Women's Cycling Shorts".into(),
            brand: Some("Mynte".into()),
            extra: [
                ("product_specifications".to_string(), FLIPKART.to_string()),
                (
                    "Technical Details".to_string(),
                    "Size: M | Brand: Other | Fabric: Nylon".to_string(),
                ),
            ]
            .into(),
            ..Product::default()
        };
        fill_from_specs(&mut p);
        // The row's own brand stays; of two blobs' values, the first
        // (by header) is taken; "Strap Color" is no colour.
        assert_eq!(p.color.as_deref(), Some("Black"));
        assert_eq!(p.material.as_deref(), Some("Nylon"));
        assert_eq!(p.size.as_deref(), Some("M"));
        assert_eq!(p.brand.as_deref(), Some("Mynte"));
        // The audience is the index's to resolve.
        assert_eq!(p.gender, None);
        assert_eq!(spec_values(&p, Field::Gender), ["Women's"]);
    }

    #[test]
    fn long_values_and_placeholders_fill_nothing() {
        let mut p = Product {
            extra: [(
                "specs".to_string(),
                "Size: This product is sold as M by the Brand | Brand: Generic | Manufacturer: LEGO"
                    .to_string(),
            )]
            .into(),
            ..Product::default()
        };
        fill_from_specs(&mut p);
        assert_eq!(p.size, None);
        // "Generic" names no brand; the manufacturer does.
        assert_eq!(p.brand.as_deref(), Some("LEGO"));
    }
}
