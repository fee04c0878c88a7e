//! The product as stored in the index: one text of its fields in a fixed
//! order, separated by U+001F (unit separator). Compact, and written and
//! read without the escaping and parsing JSON needs (imports store every
//! product, turns read ten); stored as text, which the doc store copies
//! in one piece.
//!
//! A value's own U+001B and U+001F are escaped as U+001B `e` and U+001B
//! `u`; an absent optional value is U+001B `n`, so it differs from an empty
//! one; a product's several category paths are apart by U+001B `c` in its
//! category field. After the fifteen fixed fields come the extra columns as header,
//! value pairs. Numbers are written in their shortest round-trip form (ryu).

use crate::catalog::{Product, Variant};
use std::collections::BTreeMap;

const SEP: char = '\u{1F}';
const ESC: char = '\u{1B}';
const NONE: &str = "\u{1B}n";
const FIXED_FIELDS: usize = 17;
/// Between a product's category paths when it has several.
const PATHS: &str = "\u{1B}c";

fn push_text(out: &mut String, value: &str) {
    // A fold over the bytes (vectorised); in UTF-8 these bytes are only ever
    // the two control characters.
    let plain = !value
        .as_bytes()
        .iter()
        .fold(false, |acc, &b| acc | (b == 0x1F) | (b == 0x1B));
    if plain {
        out.push_str(value);
        return;
    }
    for c in value.chars() {
        match c {
            ESC => out.push_str("\u{1B}e"),
            SEP => out.push_str("\u{1B}u"),
            c => out.push(c),
        }
    }
}

fn push_field(out: &mut String, value: Option<&str>) {
    out.push(SEP);
    match value {
        Some(v) => push_text(out, v),
        None => out.push_str(NONE),
    }
}

fn push_float(out: &mut String, value: Option<f64>) {
    out.push(SEP);
    match value {
        Some(v) => out.push_str(ryu::Buffer::new().format(v)),
        None => out.push_str(NONE),
    }
}

fn push_integer(out: &mut String, value: Option<i64>) {
    out.push(SEP);
    match value {
        Some(v) => out.push_str(itoa::Buffer::new().format(v)),
        None => out.push_str(NONE),
    }
}

/// Replaces `out` with the stored text of `p`.
pub fn encode(p: &Product, out: &mut String) {
    out.clear();
    push_text(out, &p.id);
    push_field(out, Some(&p.title));
    push_field(out, Some(&p.description));
    push_field(out, p.brand.as_deref());
    if p.categories.is_empty() {
        push_field(out, p.category.as_deref());
    } else {
        // Several paths: apart by U+001B `c`, which no escaped value holds.
        for (i, path) in p.categories.iter().enumerate() {
            out.push_str(if i == 0 { "\u{1F}" } else { PATHS });
            push_text(out, path);
        }
    }
    push_float(out, p.price);
    push_field(out, p.currency.as_deref());
    push_field(out, p.color.as_deref());
    push_field(out, p.size.as_deref());
    push_field(out, p.gender.as_deref());
    push_field(out, p.material.as_deref());
    push_float(out, p.rating);
    push_integer(out, p.stock);
    push_field(out, p.url.as_deref());
    push_field(out, p.image_url.as_deref());
    push_float(out, p.list_price);
    push_field(out, p.group_id.as_deref());
    for (header, value) in &p.extra {
        push_field(out, Some(header));
        push_field(out, Some(value));
    }
}

/// One field: `None` when absent, unescaped otherwise.
fn field(raw: &str) -> Result<Option<String>, String> {
    if raw == NONE {
        return Ok(None);
    }
    if !raw.as_bytes().contains(&0x1B) {
        return Ok(Some(raw.to_string()));
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != ESC {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('e') => out.push(ESC),
            Some('u') => out.push(SEP),
            _ => return Err(format!("bad escape in {raw:?}")),
        }
    }
    Ok(Some(out))
}

fn number<T: std::str::FromStr>(raw: &str, name: &str) -> Result<Option<T>, String> {
    match field(raw)? {
        None => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|_| format!("{name} is not a number: {text:?}")),
    }
}

/// The product stored as `text`.
pub fn decode(text: &str) -> Result<Product, String> {
    let parts: Vec<&str> = text.split(SEP).collect();
    if parts.len() < FIXED_FIELDS || !(parts.len() - FIXED_FIELDS).is_multiple_of(2) {
        return Err(format!("{} fields", parts.len()));
    }
    let required = |i: usize| field(parts[i])?.ok_or_else(|| format!("field {i} is absent"));
    let mut extra = BTreeMap::new();
    for pair in parts[FIXED_FIELDS..].chunks_exact(2) {
        let header = field(pair[0])?.unwrap_or_default();
        extra.insert(header, field(pair[1])?.unwrap_or_default());
    }
    let (category, categories) = if parts[4].contains(PATHS) {
        let paths = parts[4]
            .split(PATHS)
            .map(|p| field(p).map(Option::unwrap_or_default))
            .collect::<Result<Vec<String>, String>>()?;
        (paths.first().cloned(), paths)
    } else {
        (field(parts[4])?, Vec::new())
    };
    Ok(Product {
        id: required(0)?,
        title: required(1)?,
        description: required(2)?,
        brand: field(parts[3])?,
        category,
        categories,
        price: number(parts[5], "price")?,
        currency: field(parts[6])?,
        color: field(parts[7])?,
        size: field(parts[8])?,
        gender: field(parts[9])?,
        material: field(parts[10])?,
        rating: number(parts[11], "rating")?,
        stock: number(parts[12], "stock")?,
        url: field(parts[13])?,
        image_url: field(parts[14])?,
        list_price: number(parts[15], "list price")?,
        group_id: field(parts[16])?,
        extra,
        feed_audience: None,
        variants: Vec::new(),
    })
}

/// What a variant of a shown product needs of the product stored as
/// `text` (id, colour, size, price), without copying its other fields.
pub fn decode_variant(text: &str) -> Result<Variant, String> {
    let mut parts = text.split(SEP);
    let mut next = || parts.next().ok_or_else(|| "too few fields".to_string());
    let id = field(next()?)?.ok_or("the id is absent")?;
    let price = number(next_nth(&mut next, 4)?, "price")?;
    let color = field(next_nth(&mut next, 1)?)?;
    let size = field(next()?)?;
    Ok(Variant {
        id,
        color,
        size,
        price,
    })
}

/// The field `skip` fields after the last one read.
fn next_nth<'a>(
    next: &mut impl FnMut() -> Result<&'a str, String>,
    skip: usize,
) -> Result<&'a str, String> {
    for _ in 0..skip {
        next()?;
    }
    next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_comes_back() {
        let full = Product {
            id: "SKU-1".into(),
            title: "Tênis \"Corre\" 3 — Preto".into(),
            description: "Line one\nline two, with ; and , and \u{1F45F} \u{1F}\u{1B}n \u{1B}"
                .into(),
            brand: Some("Olympikus".into()),
            category: Some("Calçados > Tênis".into()),
            price: Some(0.1 + 0.2),
            currency: Some("BRL".into()),
            color: Some(String::new()),
            size: Some("38/39/40".into()),
            gender: Some("Masculino".into()),
            material: Some("\u{1B}n".into()),
            rating: Some(4.5),
            stock: Some(-3),
            url: Some("https://example.com/p/1".into()),
            image_url: Some("https://example.com/i/1.jpg".into()),
            list_price: Some(1999.9),
            group_id: Some("G-1\u{1F}".into()),
            extra: BTreeMap::from([
                ("Fit".into(), "Slim".into()),
                ("Pack".into(), "".into()),
                ("\u{1F}".into(), "\u{1B}u".into()),
            ]),
            categories: Vec::new(),
            feed_audience: None,
            variants: Vec::new(),
        };
        // Listed under two categories, one holding the escapes.
        let twice = Product {
            id: "3".into(),
            title: "STIG".into(),
            category: Some("Bar furniture".into()),
            categories: vec!["Bar furniture".into(), "Chairs \u{1B}c\u{1F}".into()],
            ..Product::default()
        };
        let bare = Product {
            id: "2".into(),
            title: "x".into(),
            ..Product::default()
        };
        let mut text = String::new();
        for p in [full, twice, bare] {
            encode(&p, &mut text);
            let variant = Variant {
                id: p.id.clone(),
                color: p.color.clone(),
                size: p.size.clone(),
                price: p.price,
            };
            assert_eq!(decode_variant(&text), Ok(variant));
            assert_eq!(decode(&text), Ok(p));
        }
    }

    #[test]
    fn damaged_records_are_errors() {
        let mut text = String::new();
        encode(&Product::default(), &mut text);
        assert!(decode(&text[..text.len() - 3]).is_err());
        assert!(decode("").is_err());
        let mut parts: Vec<&str> = text.split('\u{1F}').collect();
        parts[5] = "abc";
        assert_eq!(
            decode(&parts.join("\u{1F}")),
            Err("price is not a number: \"abc\"".into())
        );
        assert!(decode(&format!("{text}\u{1F}odd")).is_err());
        assert!(decode(&text.replacen("\u{1B}n", "\u{1B}x", 1)).is_err());
    }
}
