//! Demand against supply: for each attribute shoppers name (product type,
//! brand, colour, audience, size, material, extra facets) and for price
//! bands, each value's share of the requests against its share of the
//! catalog. Price bands are drawn from the catalog's own price range
//! (geometric, with round edges); a request falls in the band of its
//! budget (the highest price asked, else the lowest).

use super::request::Request;
use super::shape::{FacetDemand, ValueDemand, share};
use super::supply::{Catalog, Probe};
use super::words::{Words, fill};
use crate::error::Result;
use crate::model::{ConstraintKind, Constraints, Lang, Slot};
use crate::reply::{Money, book};
use crate::text;
use std::collections::HashMap;

/// Bands the catalog's price range is cut into (at most).
const PRICE_BANDS: usize = 5;

/// The order attributes are shown in.
fn facet_order(name: &str) -> (usize, String) {
    let rank = Slot::from_facet(name)
        .canonical_index()
        .unwrap_or(Slot::CANONICAL.len());
    (rank, name.to_string())
}

/// Demand against supply for every facet some request names.
pub(super) fn demand_vs_supply(
    requests: &[Request<'_>],
    catalog: &Catalog,
    top: usize,
    lang: Lang,
) -> Vec<FacetDemand> {
    // facet -> value key -> (value as asked, requests)
    let mut asked: HashMap<&str, HashMap<String, (&str, u64)>> = HashMap::new();
    let mut naming: HashMap<&str, u64> = HashMap::new();
    for r in requests {
        for (facet, filter) in &r.event.asked.facets {
            if filter.any_of.is_empty() {
                continue;
            }
            *naming.entry(facet.as_str()).or_default() += 1;
            let values = asked.entry(facet.as_str()).or_default();
            for v in &filter.any_of {
                values.entry(text::key(v)).or_insert((v.as_str(), 0)).1 += 1;
            }
        }
    }
    let mut facets: Vec<&str> = asked.keys().copied().collect();
    facets.sort_by_key(|f| facet_order(f));
    facets
        .into_iter()
        .map(|facet| {
            let requests_naming = naming.get(facet).copied().unwrap_or(0);
            let supply: Vec<(String, String, u64)> = catalog
                .facets
                .get(facet)
                .map(|values| {
                    values
                        .iter()
                        .map(|(v, n)| (text::key(v), v.clone(), *n))
                        .collect()
                })
                .unwrap_or_default();
            let demanded = &asked[facet];
            let mut rows: Vec<ValueDemand> = Vec::new();
            let mut seen: Vec<String> = Vec::new();
            for (key, (value, n)) in demanded {
                let found = supply.iter().find(|(k, _, _)| k == key);
                let (value, products) = match found {
                    Some((_, written, count)) => (written.clone(), *count),
                    None => (value.to_string(), 0),
                };
                seen.push(key.clone());
                rows.push(value_row(
                    value,
                    *n,
                    requests_naming,
                    products,
                    catalog.products,
                ));
            }
            // The most stocked values nobody asked for, to show over-supply.
            for (key, written, count) in &supply {
                if rows.len() >= top.max(demanded.len().min(top)) {
                    break;
                }
                if !seen.contains(key) {
                    rows.push(value_row(
                        written.clone(),
                        0,
                        requests_naming,
                        *count,
                        catalog.products,
                    ));
                }
            }
            rows.sort_by(|a, b| {
                b.requests
                    .cmp(&a.requests)
                    .then(b.products.cmp(&a.products))
                    .then(a.value.cmp(&b.value))
            });
            rows.truncate(top);
            FacetDemand {
                facet: facet.to_string(),
                label: book(lang).constraint(&ConstraintKind::Facet(Slot::from_facet(facet))),
                requests: requests_naming,
                values: rows,
            }
        })
        .collect()
}

fn value_row(value: String, requests: u64, naming: u64, products: u64, all: u64) -> ValueDemand {
    ValueDemand {
        label: value.clone(),
        value,
        requests,
        demand_share: share(requests, naming),
        products,
        supply_share: share(products, all),
        min: None,
        max: None,
    }
}

/// A round number near `x`: 1, 2, 2.5 or 5 times a power of ten.
fn round_price(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 0.0;
    }
    let unit = 10f64.powf(x.log10().floor());
    let m = x / unit;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .min_by(|a, b| (a - m).abs().total_cmp(&(b - m).abs()))
        .unwrap_or(1.0);
    nice * unit
}

/// The inner edges of the price bands of `lo..=hi`, increasing.
fn band_edges(lo: f64, hi: f64) -> Vec<f64> {
    let lo = lo.max(1.0);
    if hi <= lo * 1.5 {
        return Vec::new();
    }
    let ratio = (hi / lo).powf(1.0 / PRICE_BANDS as f64);
    let mut edges: Vec<f64> = Vec::new();
    for i in 1..PRICE_BANDS {
        let edge = round_price(lo * ratio.powi(i as i32));
        if edge > lo && edge < hi && edges.last().is_none_or(|&last| edge > last) {
            edges.push(edge);
        }
    }
    edges
}

/// The budget of a request: the highest price asked, else the lowest.
fn budget(c: &super::event::Asked) -> Option<f64> {
    c.price_max.or(c.price_min)
}

/// Demand against supply per price band, when the catalog has prices.
pub(super) fn price_bands(
    requests: &[Request<'_>],
    catalog: &Catalog,
    probe: Probe<'_>,
    money: &Money,
    words: &Words,
) -> Result<Option<FacetDemand>> {
    let Some((lo, hi)) = catalog.price_range else {
        return Ok(None);
    };
    let edges = band_edges(lo, hi);
    let mut bounds: Vec<(Option<f64>, Option<f64>)> = Vec::new();
    let mut from = None;
    for &edge in &edges {
        bounds.push((from, Some(edge)));
        from = Some(edge);
    }
    bounds.push((from, None));
    let mut asked = vec![0u64; bounds.len()];
    let mut naming = 0;
    for r in requests {
        if let Some(b) = budget(&r.event.asked) {
            naming += 1;
            let band = bounds
                .iter()
                .position(|(_, max)| max.is_none_or(|m| b < m))
                .unwrap_or(bounds.len() - 1);
            asked[band] += 1;
        }
    }
    let mut counts = Vec::with_capacity(bounds.len());
    for (min, max) in &bounds {
        let c = Constraints {
            price_min: *min,
            // Bands include their lower edge and stop a cent below the next.
            price_max: max.map(|m| m - 0.005),
            ..Constraints::default()
        };
        counts.push(probe(&c)?.count);
    }
    let priced: u64 = counts.iter().sum();
    let values = bounds
        .iter()
        .zip(asked.iter().zip(&counts))
        .map(|((min, max), (&requests, &products))| {
            let label = match (min, max) {
                (None, Some(max)) => fill(words.band_under, &[("max", &money.price(*max))]),
                (Some(min), None) => fill(words.band_over, &[("min", &money.price(*min))]),
                (Some(min), Some(max)) => fill(
                    words.band_between,
                    &[("min", &money.price(*min)), ("max", &money.price(*max))],
                ),
                (None, None) => String::new(),
            };
            ValueDemand {
                value: label.clone(),
                label,
                requests,
                demand_share: share(requests, naming),
                products,
                supply_share: share(products, priced),
                min: *min,
                max: *max,
            }
        })
        .collect();
    Ok(Some(FacetDemand {
        facet: "price".into(),
        label: book(money.lang).constraint(&ConstraintKind::Price),
        requests: naming,
        values,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_bands_have_round_edges() {
        assert_eq!(round_price(1234.0), 1000.0);
        assert_eq!(round_price(2300.0), 2500.0);
        assert_eq!(round_price(4.1), 5.0);
        assert_eq!(
            band_edges(199.0, 9999.0),
            vec![500.0, 1000.0, 2000.0, 5000.0]
        );
        assert_eq!(band_edges(10.0, 12.0), Vec::<f64>::new());
        let edges = band_edges(0.0, 100.0);
        assert!(edges.windows(2).all(|w| w[0] < w[1]), "{edges:?}");
    }
}
