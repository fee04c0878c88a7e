//! The JSON types of the HTTP API, documented for OpenAPI, and their
//! conversions from engine types. Engine types carry no HTTP or OpenAPI
//! derives: this module is the boundary.

use crate::catalog::Product;
use crate::engine::{Relaxation, Turn, TurnKind};
use crate::model::{Constraints, Lang, Sort};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// `POST /api/chat` request body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatRequest {
    /// What the shopper typed: 1 to 2,000 characters, not only whitespace
    /// (the pattern is the complement of Unicode `White_Space`).
    #[serde(default)]
    #[schema(
        required = true,
        min_length = 1,
        max_length = 2000,
        pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
        example = "black sneakers for men under $80"
    )]
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
    /// The language the shopper reads, as the client knows it: a BCP 47
    /// tag such as `en` or `pt-BR` (the widget sends its page's). The
    /// answer follows the language the shopper writes in; this one is used
    /// when a message does not tell, such as a first message of product
    /// names, brands or numbers ("wireless headphones" in a Brazilian
    /// store), where the catalog's language is used otherwise. A language
    /// Vitrine does not speak is ignored.
    #[serde(default)]
    #[schema(example = "en")]
    pub language: Option<String>,
}

/// `POST /api/chat` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatResponse {
    /// The session id to send with the next message (32 lowercase hex characters).
    #[schema(pattern = "^[0-9a-f]{32}$")]
    pub session_id: String,
    /// The assistant's reply, plain text.
    pub reply: String,
    /// The reply's language.
    pub language: Language,
    /// What kind of answer this is.
    pub kind: ReplyKind,
    /// The products shown, best first.
    pub products: Vec<ProductSummary>,
    /// How many products match in all (exact, or after relaxation when
    /// `relaxed` is not empty), counting product models: the sizes and
    /// colours of one model (listed in its `variants`) count once.
    pub total: u64,
    /// The active filters after this message.
    pub filters: Filters,
    /// Constraints dropped to find these products (empty for exact matches).
    pub relaxed: Vec<RelaxedConstraint>,
    /// Short replies the shopper can tap; send one back as `message`.
    pub suggestions: Vec<String>,
}

/// The language of a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// English.
    En,
    /// Brazilian Portuguese.
    Pt,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::En => Language::En,
            Lang::Pt => Language::Pt,
        }
    }
}

/// What kind of answer a chat turn is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReplyKind {
    /// Products matching the filters (possibly relaxed).
    Results,
    /// Details of one product the shopper picked.
    Details,
    /// Greeting, thanks, help or a message not understood: no search ran.
    Chat,
}

impl From<TurnKind> for ReplyKind {
    fn from(kind: TurnKind) -> Self {
        match kind {
            TurnKind::Results => ReplyKind::Results,
            TurnKind::Details => ReplyKind::Details,
            TurnKind::Chat => ReplyKind::Chat,
        }
    }
}

/// The order of the products in an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Best match first.
    #[default]
    Relevance,
    /// Cheapest first.
    PriceAsc,
    /// Most expensive first.
    PriceDesc,
    /// Best rated first.
    RatingDesc,
}

impl From<Sort> for SortOrder {
    fn from(sort: Sort) -> Self {
        match sort {
            Sort::Relevance => SortOrder::Relevance,
            Sort::PriceAsc => SortOrder::PriceAsc,
            Sort::PriceDesc => SortOrder::PriceDesc,
            Sort::RatingDesc => SortOrder::RatingDesc,
        }
    }
}

/// A product as listed in a chat answer. Every field is always present
/// (absent attributes are `null`) but `categories`, present only for a
/// product the catalog lists under several categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProductSummary {
    /// The merchant's product id.
    pub id: String,
    /// Product name.
    pub title: String,
    /// Brand.
    #[schema(required = true)]
    pub brand: Option<String>,
    /// Price in `currency` units, e.g. `79.9`: what the shopper pays (the
    /// sale price when the catalog gives one).
    #[schema(required = true)]
    pub price: Option<f64>,
    /// The regular price before a discount, when higher than `price`
    /// (show it struck through), else `null`.
    #[schema(required = true)]
    pub list_price: Option<f64>,
    /// ISO 4217 currency code, e.g. `USD`.
    #[schema(required = true)]
    pub currency: Option<String>,
    /// Colour.
    #[schema(required = true)]
    pub color: Option<String>,
    /// Category, possibly a path such as `Men > Shoes > Sneakers`: the
    /// first of the product's categories when it has several.
    #[schema(required = true)]
    pub category: Option<String>,
    /// Every category path of a product the catalog lists under several
    /// (`category` first); absent when it has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Audience (Men, Women, Unisex, Kids...).
    #[schema(required = true)]
    pub gender: Option<String>,
    /// Size or sizes.
    #[schema(required = true)]
    pub size: Option<String>,
    /// Average rating, usually 0 to 5.
    #[schema(required = true)]
    pub rating: Option<f64>,
    /// Product page.
    #[schema(required = true)]
    pub url: Option<String>,
    /// Product image.
    #[schema(required = true)]
    pub image_url: Option<String>,
    /// Description.
    #[schema(required = true)]
    pub description: Option<String>,
    /// The other sizes and colours of this product model: the rows of the
    /// catalog grouped with it (by the feed's `item_group_id`, or by the
    /// same brand and title differing only in size or colour), by colour
    /// then size (numbers by value, letter sizes from the smallest), at
    /// most 50; empty for a product without variants. A chat
    /// answer shows each model once, by the variant that best matches the
    /// filters, and counts models in `total`.
    pub variants: Vec<ProductVariant>,
}

/// Another size or colour of a product model. Every field is always
/// present; absent attributes are `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProductVariant {
    /// The variant's own product id (`GET /api/products/{id}`).
    pub id: String,
    /// Its colour.
    #[schema(required = true)]
    pub color: Option<String>,
    /// Its size or sizes.
    #[schema(required = true)]
    pub size: Option<String>,
    /// Its price in the product's `currency` units.
    #[schema(required = true)]
    pub price: Option<f64>,
}

impl From<crate::catalog::Variant> for ProductVariant {
    fn from(v: crate::catalog::Variant) -> Self {
        ProductVariant {
            id: v.id,
            color: v.color,
            size: v.size,
            price: v.price,
        }
    }
}

/// `GET /api/products/{id}` answer: every attribute of one product, every
/// field always present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProductDetail {
    /// The attributes also listed in chat answers.
    #[serde(flatten)]
    pub summary: ProductSummary,
    /// Main material.
    #[schema(required = true)]
    pub material: Option<String>,
    /// Units in stock.
    #[schema(required = true)]
    pub stock: Option<i64>,
    /// Every other catalog column, by its header.
    pub extra: BTreeMap<String, String>,
}

/// The active filters of a conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Filters {
    /// Facet filters by facet name: `brand`, `color`, `type`, `gender`,
    /// `size`, `material`, or an extra column's name.
    #[schema(example = json!({"brand": {"any_of": ["Puma"], "none_of": [], "and_of": []}}))]
    pub facets: BTreeMap<String, FacetFilter>,
    /// Price range, or `null` for any price.
    #[schema(required = true)]
    pub price: Option<PriceRange>,
    /// Lowest acceptable rating, or `null`.
    #[schema(required = true)]
    pub min_rating: Option<f64>,
    /// Words that must appear in the product text; a measurement is one
    /// canonical word (`55in`, `3.2l`), and one asked with a bound ends in
    /// `+` (that much or more: `400l+`) or `-` (that much or less: `2l-`).
    pub text: Vec<String>,
    /// Words that must not appear in the product text.
    pub excluded_text: Vec<String>,
    /// The order of the products.
    pub sort: SortOrder,
}

/// Accepted and rejected values of one facet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FacetFilter {
    /// The product must have one of these values (empty = any).
    pub any_of: Vec<String>,
    /// The product must have none of these values.
    pub none_of: Vec<String>,
    /// Further values the product must have together with one of
    /// `any_of`, one of each list: the colours of a two-tone product
    /// ("black and white": `any_of` `["Black"]`, `and_of` `[["White"]]`).
    pub and_of: Vec<Vec<String>>,
}

/// An inclusive price range; a `null` bound is open.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PriceRange {
    /// Lowest price, or `null`.
    #[schema(required = true)]
    pub min: Option<f64>,
    /// Highest price, or `null`.
    #[schema(required = true)]
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

/// `GET /api/welcome` answer: what a chat opens with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Welcome {
    /// The greeting, with a request this catalog answers ("Hi! Tell me
    /// what you're looking for, e.g. “white sneakers under $100”.").
    #[schema(example = "Hi! Tell me what you're looking for, e.g. “white sneakers under $100”.")]
    pub reply: String,
    /// The language of `reply`.
    pub lang: Language,
    /// Things to ask first: the catalog's main product types.
    pub suggestions: Vec<String>,
}

/// Query of `GET /api/welcome` (documentation: the handler reads it).
#[derive(Debug, Clone, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WelcomeQuery {
    /// `en` or `pt`; the catalog's language when absent or another.
    pub lang: Option<String>,
}

/// `GET /api/health` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok`, or `degraded` when the session store is unreachable (chat
    /// answers `503 sessions_unavailable` meanwhile).
    #[schema(pattern = "^(ok|degraded)$", example = "ok")]
    pub status: String,
    /// Number of products in the index being served.
    pub products: u64,
    /// The index generation being served (increases with each import).
    /// Replicas sharing an index directory, or copies of it, serve the
    /// same catalog when they report the same generation.
    pub index_version: u64,
    /// The catalog's currency (ISO 4217), empty when unknown.
    pub currency: String,
    /// Where conversations are kept.
    pub sessions: SessionsHealth,
}

/// The session store in `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SessionsHealth {
    /// `memory` (this process) or `redis` (shared by replicas).
    #[schema(pattern = "^(memory|redis)$", example = "redis")]
    pub store: String,
    /// Whether the store answered just now.
    pub available: bool,
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl ProductSummary {
    /// The summary of `product`, taking its strings (no copies: a chat
    /// answer lists ten products); `default_currency` (the catalog's) is
    /// used when the product has none.
    pub fn from_product(product: Product, default_currency: &str) -> Self {
        ProductSummary {
            id: product.id,
            title: product.title,
            brand: product.brand,
            price: product.price,
            list_price: product.list_price,
            currency: product.currency.or_else(|| non_empty(default_currency)),
            color: product.color,
            category: product.category,
            categories: product.categories,
            gender: product.gender,
            size: product.size,
            rating: product.rating,
            url: product.url,
            image_url: product.image_url,
            description: if product.description.trim().len() == product.description.len() {
                (!product.description.is_empty()).then_some(product.description)
            } else {
                non_empty(&product.description)
            },
            variants: product
                .variants
                .into_iter()
                .map(ProductVariant::from)
                .collect(),
        }
    }
}

impl ProductDetail {
    /// Every attribute of `product`.
    pub fn from_product(mut product: Product, default_currency: &str) -> Self {
        let (material, stock) = (product.material.take(), product.stock);
        let extra = std::mem::take(&mut product.extra);
        ProductDetail {
            summary: ProductSummary::from_product(product, default_currency),
            material,
            stock,
            extra,
        }
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
                            and_of: f.and_of.clone(),
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
            sort: SortOrder::from(c.sort),
        }
    }
}

impl From<&Relaxation> for RelaxedConstraint {
    fn from(r: &Relaxation) -> Self {
        RelaxedConstraint {
            constraint: r.constraint.name().to_string(),
            values: r.values.clone(),
        }
    }
}

impl ChatResponse {
    /// The answer for one engine turn (its strings are moved, not copied).
    pub fn from_turn(session_id: String, turn: Turn, default_currency: &str) -> Self {
        ChatResponse {
            session_id,
            language: Language::from(turn.lang),
            kind: ReplyKind::from(turn.kind),
            filters: Filters::from(&turn.filters),
            relaxed: turn.relaxed.iter().map(RelaxedConstraint::from).collect(),
            reply: turn.reply,
            products: turn
                .products
                .into_iter()
                .map(|p| ProductSummary::from_product(p, default_currency))
                .collect(),
            total: turn.total,
            suggestions: turn.suggestions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Slot;

    #[test]
    fn filters_have_a_stable_shape() {
        let mut c = Constraints::default();
        c.facets.insert(
            Slot::Brand,
            crate::model::FacetFilter {
                any_of: vec!["Puma".into()],
                ..Default::default()
            },
        );
        c.facets
            .insert(Slot::Color, crate::model::FacetFilter::default());
        c.price_max = Some(80.0);
        let json = serde_json::to_value(Filters::from(&c)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "facets": {"brand": {"any_of": ["Puma"], "none_of": [], "and_of": []}},
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
        let s = ProductSummary::from_product(p.clone(), "BRL");
        assert_eq!(s.currency.as_deref(), Some("BRL"));
        assert_eq!(s.description, None);
        let s = ProductSummary::from_product(p.clone(), "");
        assert_eq!(s.currency, None);
        let described = |d: &str| Product {
            description: d.into(),
            ..p.clone()
        };
        let s = ProductSummary::from_product(described("  Soft. \n"), "");
        assert_eq!(s.description.as_deref(), Some("Soft."));
        let s = ProductSummary::from_product(described("Soft."), "");
        assert_eq!(s.description.as_deref(), Some("Soft."));
        let s = ProductSummary::from_product(described(" \t"), "");
        assert_eq!(s.description, None);
    }
}
