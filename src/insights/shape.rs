//! The report's JSON shape: the types `vitrine insights --format json`
//! and `/admin/insights.json` serialise, documented in `docs/insights.md`
//! and stable (fields are only added; a change of meaning bumps
//! [`super::report::REPORT_VERSION`]). Plain data: depends on `model` and
//! serde only; computed by [`super::report`].

use super::event::Asked;
use crate::model::{ConstraintKind, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`REPORT_VERSION`](super::report::REPORT_VERSION).
    pub version: u32,
    /// When it was computed (ISO 8601, UTC).
    pub generated_at: String,
    /// The language of the labels (`en`, `pt`).
    pub language: Lang,
    /// The period covered.
    pub period: Period,
    /// The catalog measured against.
    pub catalog: CatalogSummary,
    /// What was read.
    pub log: LogSummary,
    /// How conversations went.
    pub health: Health,
    /// Combinations asked for with no exact match, most asked first.
    pub unmet: Vec<Unmet>,
    /// Words not understood, most used first.
    pub gaps: Vec<Gap>,
    /// Demand against supply per attribute.
    pub demand: Vec<FacetDemand>,
    /// Requests and unmet requests over time.
    pub timeline: Timeline,
}

/// The period covered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    /// Its start, when one was asked for.
    pub since: Option<String>,
    /// Its end (when the report was made).
    pub until: String,
    /// The first turn in it.
    pub first_turn: Option<String>,
    /// The last turn in it.
    pub last_turn: Option<String>,
}

/// The catalog measured against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogSummary {
    /// Products in the index.
    pub products: u64,
    /// Its currency.
    pub currency: Option<String>,
    /// Its index generation.
    pub index_version: u64,
}

/// What was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogSummary {
    /// Log files read.
    pub files: usize,
    /// Turns in the period.
    pub turns: u64,
    /// Lines that did not parse (skipped).
    pub skipped_lines: u64,
    /// Of those, last lines torn by a crash.
    pub torn_lines: u64,
    /// Turns the writers dropped in the period.
    pub dropped_turns: u64,
    /// Turns logged before the period.
    pub turns_before: u64,
}

/// How conversations went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// Turns.
    pub turns: u64,
    /// Distinct conversations.
    pub conversations: u64,
    /// Search turns (exact + relaxed + empty).
    pub searches: u64,
    /// Searches answered with exact matches.
    pub exact: u64,
    /// Searches answered with alternatives.
    pub relaxed: u64,
    /// Searches that showed nothing.
    pub empty: u64,
    /// Product details.
    pub details: u64,
    /// Greetings, help, messages not understood.
    pub chat: u64,
    /// `exact / searches` (0 without searches).
    pub exact_share: f64,
    /// `relaxed / searches`.
    pub relaxed_share: f64,
    /// `empty / searches`.
    pub empty_share: f64,
    /// Turns per language (`en`, `pt`).
    pub languages: BTreeMap<String, u64>,
    /// The median number of turns of a conversation.
    pub median_turns_per_conversation: f64,
}

/// A combination asked for with no exact match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unmet {
    /// The combination.
    pub asked: Asked,
    /// It, in words: "red sneakers for women under ₹1,000".
    pub label: String,
    /// Requests for it.
    pub requests: u64,
    /// Conversations that asked for it.
    pub conversations: u64,
    /// The first request (ISO 8601).
    pub first_asked: String,
    /// The last request.
    pub last_asked: String,
    /// Products matching it exactly today.
    pub matching_now: u64,
    /// What the catalog has when one constraint is left out, most first.
    pub closest: Vec<Closest>,
}

/// The products matching a combination with one constraint left out (or
/// two, when leaving out one finds nothing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closest {
    /// The constraints left out (`color`, `brand`, `price`...).
    pub relax: Vec<ConstraintKind>,
    /// Products matching everything else (and not everything asked).
    pub count: u64,
    /// Their lowest price.
    pub lowest_price: Option<f64>,
    /// Their highest price.
    pub highest_price: Option<f64>,
    /// In words: "4 in other colours", "12 above ₹1,000 (from ₹1,199)",
    /// "19 sneakers for women" (two left out).
    pub label: String,
}

/// A word shoppers used that the catalog does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// The word (normalised: lowercase, accents folded).
    pub word: String,
    /// Turns that used it.
    pub turns: u64,
    /// Conversations that used it.
    pub conversations: u64,
    /// What it most likely means, best first.
    pub likely: Vec<Likely>,
}

/// Why a meaning is likely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Shoppers who were not understood said this next.
    Rephrased,
    /// It is spelt alike.
    Spelling,
}

/// A catalog value or word a gap likely means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Likely {
    /// The facet of the value; `None` for a catalog word.
    pub facet: Option<String>,
    /// The value or word as the catalog writes it.
    pub value: String,
    /// Products with it.
    pub products: u64,
    /// Why.
    pub evidence: Evidence,
    /// Conversations that rephrased the gap as this.
    pub rephrased: u64,
    /// Spelling similarity, 0 to 1.
    pub similarity: f64,
    /// In words: "product type Sneakers (rephrased as this 3×)".
    pub label: String,
}

/// Demand against supply for one attribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetDemand {
    /// `type`, `brand`, `color`, `gender`, `size`, `material`, an extra facet, or `price`.
    pub facet: String,
    /// Its name in the report's language.
    pub label: String,
    /// Requests naming this attribute.
    pub requests: u64,
    /// Values, most requested first.
    pub values: Vec<ValueDemand>,
}

/// Demand against supply for one value (or price band).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueDemand {
    /// The value as the catalog writes it (or as asked, when the catalog lacks it).
    pub value: String,
    /// The value in words (price bands: "₹500 to ₹1,000").
    pub label: String,
    /// Requests naming it.
    pub requests: u64,
    /// `requests / requests naming the attribute`.
    pub demand_share: f64,
    /// Products with it.
    pub products: u64,
    /// `products / products` (price bands: of products with a price).
    pub supply_share: f64,
    /// A price band's lower bound (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// A price band's upper bound (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// Requests over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// `hour`, `day` or `week`.
    pub bucket: String,
    /// One point per bucket, oldest first, empty buckets included.
    pub points: Vec<Point>,
}

/// One bucket of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Its start (ISO 8601).
    pub start: String,
    /// Its start as shown (`2026-11-25`, `2026-11-25 14:00`).
    pub label: String,
    /// Turns.
    pub turns: u64,
    /// Requests.
    pub requests: u64,
    /// Requests with no exact match.
    pub unmet: u64,
}

/// `part` of `whole` as a share from 0 to 1, to four decimals (0 when
/// `whole` is 0): the shares the report's JSON holds.
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
    }
}
