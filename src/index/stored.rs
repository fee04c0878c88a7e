//! The product as stored in the index: postcard bytes of every field in a
//! fixed order. Compact, and written and read without the escaping and
//! parsing JSON needs (imports store every product, turns read ten).

use crate::catalog::Product;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The fields of a [`Product`], borrowed, in the stored order. No field is
/// skipped: postcard is not self-describing.
#[derive(Serialize)]
struct StoredRef<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    brand: Option<&'a str>,
    category: Option<&'a str>,
    price: Option<f64>,
    currency: Option<&'a str>,
    color: Option<&'a str>,
    size: Option<&'a str>,
    gender: Option<&'a str>,
    material: Option<&'a str>,
    rating: Option<f64>,
    stock: Option<i64>,
    url: Option<&'a str>,
    image_url: Option<&'a str>,
    extra: &'a BTreeMap<String, String>,
}

/// The owned counterpart of [`StoredRef`].
#[derive(Deserialize)]
struct Stored {
    id: String,
    title: String,
    description: String,
    brand: Option<String>,
    category: Option<String>,
    price: Option<f64>,
    currency: Option<String>,
    color: Option<String>,
    size: Option<String>,
    gender: Option<String>,
    material: Option<String>,
    rating: Option<f64>,
    stock: Option<i64>,
    url: Option<String>,
    image_url: Option<String>,
    extra: BTreeMap<String, String>,
}

/// Replaces `out` with the stored bytes of `p`.
pub fn encode(p: &Product, out: &mut Vec<u8>) -> Result<(), postcard::Error> {
    out.clear();
    let stored = StoredRef {
        id: &p.id,
        title: &p.title,
        description: &p.description,
        brand: p.brand.as_deref(),
        category: p.category.as_deref(),
        price: p.price,
        currency: p.currency.as_deref(),
        color: p.color.as_deref(),
        size: p.size.as_deref(),
        gender: p.gender.as_deref(),
        material: p.material.as_deref(),
        rating: p.rating,
        stock: p.stock,
        url: p.url.as_deref(),
        image_url: p.image_url.as_deref(),
        extra: &p.extra,
    };
    let buffer = std::mem::take(out);
    *out = postcard::to_extend(&stored, buffer)?;
    Ok(())
}

/// The product stored as `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Product, postcard::Error> {
    let s: Stored = postcard::from_bytes(bytes)?;
    Ok(Product {
        id: s.id,
        title: s.title,
        description: s.description,
        brand: s.brand,
        category: s.category,
        price: s.price,
        currency: s.currency,
        color: s.color,
        size: s.size,
        gender: s.gender,
        material: s.material,
        rating: s.rating,
        stock: s.stock,
        url: s.url,
        image_url: s.image_url,
        extra: s.extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_comes_back() {
        let full = Product {
            id: "SKU-1".into(),
            title: "Tênis \"Corre\" 3 — Preto".into(),
            description: "Line one\nline two, with ; and , and \u{1F45F}".into(),
            brand: Some("Olympikus".into()),
            category: Some("Calçados > Tênis".into()),
            price: Some(299.9),
            currency: Some("BRL".into()),
            color: Some("Preto".into()),
            size: Some("38/39/40".into()),
            gender: Some("Masculino".into()),
            material: Some("Mesh".into()),
            rating: Some(4.5),
            stock: Some(-3),
            url: Some("https://example.com/p/1".into()),
            image_url: Some("https://example.com/i/1.jpg".into()),
            extra: BTreeMap::from([("Fit".into(), "Slim".into()), ("Pack".into(), "".into())]),
        };
        let bare = Product {
            id: "2".into(),
            title: "x".into(),
            ..Product::default()
        };
        let mut bytes = Vec::new();
        for p in [full, bare] {
            encode(&p, &mut bytes).unwrap();
            assert_eq!(decode(&bytes).unwrap(), p);
        }
        // A truncated record is an error, not a panic.
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
