//! The JSON types of the HTTP API, documented for OpenAPI, and their
//! conversions from engine types. Engine types carry no HTTP or OpenAPI
//! derives: this module is the boundary.

use crate::catalog::Product;
use crate::dialog::Constraints;
use crate::engine::{Relaxation, Turn, TurnKind};
use crate::understand::Sort;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// `POST /api/chat` request body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatRequest {
    /// What the shopper typed: 1 to 2,000 characters, not only whitespace.
    #[serde(default)]
    #[schema(example = "black sneakers for men under $80")]
    pub message: String,
    /// The session to continue, as returned by an earlier answer. Omit it to
    /// start a conversation. An unknown or expired id starts a new session
    /// under a new id (the id sent is never reused).
    #[serde(default)]
    pub session_id: Option<String>,
    /// How many products to return: an integer from 1 to 100 (default 10).
    #[serde(default)]
    #[schema(value_type = Option<u32>, minimum = 1, maximum = 100, example = 10)]
    pub limit: Option<serde_json::Value>,
}

/// `POST /api/chat` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatResponse {
    /// The session id to send with the next message (32 hex characters).
    pub session_id: String,
    /// The assistant's reply, plain text.
    pub reply: String,
    /// The reply's language: `en` or `pt`.
    #[schema(example = "en")]
    pub language: String,
    /// What kind of answer this is: `results`, `details` or `chat`.
    #[schema(example = "results")]
    pub kind: String,
    /// The products shown, best first.
    pub products: Vec<ProductSummary>,
    /// How many products match in all (exact, or after relaxation when `relaxed` is not empty).
    pub total: u64,
    /// The active filters after this message.
    pub filters: Filters,
    /// Constraints dropped to find these products (empty for exact matches).
    pub relaxed: Vec<RelaxedConstraint>,
    /// Short replies the shopper can tap; send one back as `message`.
    pub suggestions: Vec<String>,
}

/// A product as listed in a chat answer. Absent attributes are `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProductSummary {
    /// The merchant's product id.
    pub id: String,
    /// Product name.
    pub title: String,
    /// Brand.
    pub brand: Option<String>,
    /// Price in `currency` units, e.g. `79.9`.
    pub price: Option<f64>,
    /// ISO 4217 currency code, e.g. `USD`.
    pub currency: Option<String>,
    /// Colour.
    pub color: Option<String>,
    /// Category, possibly a path such as `Men > Shoes > Sneakers`.
    pub category: Option<String>,
    /// Audience (Men, Women, Unisex, Kids...).
    pub gender: Option<String>,
    /// Size or sizes.
    pub size: Option<String>,
    /// Average rating, usually 0 to 5.
    pub rating: Option<f64>,
    /// Product page.
    pub url: Option<String>,
    /// Product image.
    pub image_url: Option<String>,
    /// Description.
    pub description: Option<String>,
}

/// `GET /api/products/{id}` answer: every attribute of one product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProductDetail {
    /// The attributes also listed in chat answers.
    #[serde(flatten)]
    pub summary: ProductSummary,
    /// Main material.
    pub material: Option<String>,
    /// Units in stock.
    pub stock: Option<i64>,
    /// Every other catalog column, by its header.
    pub extra: BTreeMap<String, String>,
}

/// The active filters of a conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Filters {
    /// Facet filters by facet name: `brand`, `color`, `type`, `gender`,
    /// `size`, `material`, or an extra column's name.
    #[schema(example = json!({"brand": {"any_of": ["Puma"], "none_of": []}}))]
    pub facets: BTreeMap<String, FacetFilter>,
    /// Price range, or `null` for any price.
    pub price: Option<PriceRange>,
    /// Lowest acceptable rating, or `null`.
    pub min_rating: Option<f64>,
    /// Words that must appear in the product text.
    pub text: Vec<String>,
    /// Words that must not appear in the product text.
    pub excluded_text: Vec<String>,
    /// Ordering: `relevance`, `price_asc`, `price_desc` or `rating_desc`.
    #[schema(example = "relevance")]
    pub sort: String,
}

/// Accepted and rejected values of one facet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FacetFilter {
    /// The product must have one of these values (empty = any).
    pub any_of: Vec<String>,
    /// The product must have none of these values.
    pub none_of: Vec<String>,
}

/// An inclusive price range; a `null` bound is open.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PriceRange {
    /// Lowest price, or `null`.
    pub min: Option<f64>,
    /// Highest price, or `null`.
    pub max: Option<f64>,
}

/// A constraint dropped to find alternatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RelaxedConstraint {
    /// Which constraint: a facet name, `price`, `rating` or `text`.
    pub constraint: String,
    /// The dropped values as the shopper would say them, e.g. `Puma`, `under $30`.
    pub values: Vec<String>,
}

/// `GET /api/health` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the server answers.
    #[schema(example = "ok")]
    pub status: String,
    /// Number of products in the index being served.
    pub products: u64,
    /// The index generation being served (increases with each import).
    pub index_version: u64,
    /// The catalog's currency (ISO 4217), empty when unknown.
    pub currency: String,
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl ProductSummary {
    /// The summary of `product`; `default_currency` (the catalog's) is used
    /// when the product has none.
    pub fn from_product(product: &Product, default_currency: &str) -> Self {
        ProductSummary {
            id: product.id.clone(),
            title: product.title.clone(),
            brand: product.brand.clone(),
            price: product.price,
            currency: product
                .currency
                .clone()
                .or_else(|| non_empty(default_currency)),
            color: product.color.clone(),
            category: product.category.clone(),
            gender: product.gender.clone(),
            size: product.size.clone(),
            rating: product.rating,
            url: product.url.clone(),
            image_url: product.image_url.clone(),
            description: non_empty(&product.description),
        }
    }
}

impl ProductDetail {
    /// Every attribute of `product`.
    pub fn from_product(product: &Product, default_currency: &str) -> Self {
        ProductDetail {
            summary: ProductSummary::from_product(product, default_currency),
            material: product.material.clone(),
            stock: product.stock,
            extra: product.extra.clone(),
        }
    }
}

/// The API name of a sort order.
pub fn sort_name(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::PriceAsc => "price_asc",
        Sort::PriceDesc => "price_desc",
        Sort::RatingDesc => "rating_desc",
    }
}

impl From<&Constraints> for Filters {
    fn from(c: &Constraints) -> Self {
        Filters {
            facets: c
                .facets
                .iter()
                .filter(|(_, f)| !f.is_empty())
                .map(|(slot, f)| {
                    (
                        slot.facet().to_string(),
                        FacetFilter {
                            any_of: f.any_of.clone(),
                            none_of: f.none_of.clone(),
                        },
                    )
                })
                .collect(),
            price: (c.price_min.is_some() || c.price_max.is_some()).then_some(PriceRange {
                min: c.price_min,
                max: c.price_max,
            }),
            min_rating: c.min_rating,
            text: c.text.clone(),
            excluded_text: c.excluded_text.clone(),
            sort: sort_name(c.sort).to_string(),
        }
    }
}

impl From<&Relaxation> for RelaxedConstraint {
    fn from(r: &Relaxation) -> Self {
        RelaxedConstraint {
            constraint: r.constraint.clone(),
            values: r.values.clone(),
        }
    }
}

impl ChatResponse {
    /// The answer for one engine turn.
    pub fn from_turn(session_id: String, turn: &Turn, default_currency: &str) -> Self {
        ChatResponse {
            session_id,
            reply: turn.reply.clone(),
            language: turn.lang.code().to_string(),
            kind: match turn.kind {
                TurnKind::Results => "results",
                TurnKind::Details => "details",
                TurnKind::Chat => "chat",
            }
            .to_string(),
            products: turn
                .products
                .iter()
                .map(|p| ProductSummary::from_product(p, default_currency))
                .collect(),
            total: turn.total,
            filters: Filters::from(&turn.filters),
            relaxed: turn.relaxed.iter().map(RelaxedConstraint::from).collect(),
            suggestions: turn.suggestions.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Slot;

    #[test]
    fn filters_have_a_stable_shape() {
        let mut c = Constraints::default();
        c.facets.insert(
            Slot::Brand,
            crate::dialog::FacetFilter {
                any_of: vec!["Puma".into()],
                none_of: vec![],
            },
        );
        c.facets
            .insert(Slot::Color, crate::dialog::FacetFilter::default());
        c.price_max = Some(80.0);
        let json = serde_json::to_value(Filters::from(&c)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "facets": {"brand": {"any_of": ["Puma"], "none_of": []}},
                "price": {"min": null, "max": 80.0},
                "min_rating": null,
                "text": [],
                "excluded_text": [],
                "sort": "relevance"
            })
        );
    }

    #[test]
    fn product_currency_falls_back_to_the_catalog() {
        let p = Product {
            id: "7".into(),
            title: "Shoe".into(),
            ..Product::default()
        };
        let s = ProductSummary::from_product(&p, "BRL");
        assert_eq!(s.currency.as_deref(), Some("BRL"));
        assert_eq!(s.description, None);
        let s = ProductSummary::from_product(&p, "");
        assert_eq!(s.currency, None);
    }
}
