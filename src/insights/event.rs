//! One line of the demand log: what a turn asked for and how it was
//! answered ([`TurnEvent`]), or how many turns the writer had to drop
//! ([`DroppedEvent`]). The format is JSON Lines, documented in
//! `docs/insights.md`; every field name is stable. No message text is
//! kept beyond the words the catalog did not know, and those are filtered
//! ([`not_understood`]). Depends on `model` only.

use crate::model::{ConstraintKind, Constraints, FacetFilter, Lang, Slot};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version written in every record (`"v"`).
pub const FORMAT_VERSION: u32 = 1;

/// Most not-understood words kept per turn.
pub const MAX_UNKNOWN_WORDS: usize = 8;
/// Longest not-understood word kept, in characters.
pub const MAX_WORD_CHARS: usize = 32;

/// How a turn was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answered {
    /// Products matching everything asked.
    Exact,
    /// No exact match: alternatives shown with constraints set aside.
    Relaxed,
    /// Results were looked up and nothing at all was shown.
    Empty,
    /// The details of one product.
    Details,
    /// Greeting, thanks, help, a message not understood: no search.
    Chat,
}

impl Answered {
    /// True for the answers of a search (exact, relaxed, empty).
    pub fn is_search(self) -> bool {
        matches!(self, Answered::Exact | Answered::Relaxed | Answered::Empty)
    }
}

/// What a front end hands the demand log after a turn: the facts the log
/// keeps, nothing else (no reply, no products, no message).
#[derive(Debug, Clone, PartialEq)]
pub struct TurnFacts {
    /// The language of the turn.
    pub lang: Lang,
    /// How it was answered.
    pub answered: Answered,
    /// Everything the shopper asks for after this message.
    pub asked: Constraints,
    /// Products matching (the exact ones, or the relaxed ones when `relaxed` is not empty).
    pub total: u64,
    /// The constraints set aside to show alternatives.
    pub relaxed: Vec<ConstraintKind>,
    /// Words of the message the catalog's vocabulary does not know.
    pub unknown: Vec<String>,
}

/// What a shopper asked for, as the log keeps it: the facet filters by
/// facet name, the price range, the lowest rating and the words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Asked {
    /// Facet filters by facet name (`type`, `brand`, `color`, `gender`,
    /// `size`, `material`, or an extra column's name).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facets: BTreeMap<String, FacetFilter>,
    /// Lowest price (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_min: Option<f64>,
    /// Highest price (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_max: Option<f64>,
    /// Lowest rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_rating: Option<f64>,
    /// Words the products must contain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// Words the products must not contain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_text: Vec<String>,
}

fn sorted(values: &[String]) -> Vec<String> {
    let mut v = values.to_vec();
    v.sort();
    v.dedup();
    v
}

impl Asked {
    /// The constraints as the log keeps them (the order of results is not
    /// demand, and is left out); values sorted, so "black or white" and
    /// "white or black" are one combination.
    pub fn of(c: &Constraints) -> Asked {
        Asked {
            facets: c
                .facets
                .iter()
                .filter(|(_, f)| !f.is_empty())
                .map(|(slot, f)| {
                    let filter = FacetFilter {
                        any_of: sorted(&f.any_of),
                        none_of: sorted(&f.none_of),
                        and_of: f.and_of.iter().map(|g| sorted(g)).collect(),
                    };
                    (slot.facet().to_string(), filter)
                })
                .collect(),
            price_min: c.price_min,
            price_max: c.price_max,
            min_rating: c.min_rating,
            text: sorted(&c.text),
            excluded_text: sorted(&c.excluded_text),
        }
    }

    /// Back to constraints, to count the products that match.
    pub fn constraints(&self) -> Constraints {
        Constraints {
            facets: self
                .facets
                .iter()
                .map(|(name, f)| (Slot::from_facet(name), f.clone()))
                .collect(),
            price_min: self.price_min,
            price_max: self.price_max,
            min_rating: self.min_rating,
            text: self.text.clone(),
            excluded_text: self.excluded_text.clone(),
            ..Constraints::default()
        }
    }

    /// True when nothing is asked.
    pub fn is_empty(&self) -> bool {
        self.facets.values().all(FacetFilter::is_empty)
            && self.price_min.is_none()
            && self.price_max.is_none()
            && self.min_rating.is_none()
            && self.text.is_empty()
            && self.excluded_text.is_empty()
    }

    /// A key equal for equal combinations (the canonical JSON).
    pub fn key(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The required values of one facet.
    pub fn values(&self, facet: &str) -> &[String] {
        self.facets.get(facet).map_or(&[], |f| f.any_of.as_slice())
    }
}

/// One turn, as one line of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnEvent {
    /// When, in Unix milliseconds.
    pub at: u64,
    /// The conversation: a keyed hash of its session id (HMAC-SHA256 with
    /// the deployment's key, 128 bits in hex), never the id itself.
    pub session: String,
    /// The turn's language.
    pub lang: Lang,
    /// How it was answered.
    pub answer: Answered,
    /// Everything the shopper asks for after this message.
    #[serde(default)]
    pub asked: Asked,
    /// Products matching everything asked (0 when constraints were relaxed).
    pub exact: u64,
    /// Products matching what was shown (the relaxed constraints when `relaxed` is not empty).
    pub total: u64,
    /// The constraints set aside to show alternatives (`brand`, `color`, `price`...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relaxed: Vec<ConstraintKind>,
    /// Words of the message the catalog did not know.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
}

/// Turns the writer could not keep up with and dropped, since the last such line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DroppedEvent {
    /// When the drops were noticed, in Unix milliseconds.
    pub at: u64,
    /// How many turns were not logged.
    pub dropped: u64,
}

/// One line of the log. Lines are read and written one at a time, never
/// kept in bulk, so the size of the turn variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record {
    /// A turn.
    Turn {
        /// The format version.
        v: u32,
        /// The turn.
        #[serde(flatten)]
        event: TurnEvent,
    },
    /// Turns dropped.
    Dropped {
        /// The format version.
        v: u32,
        /// How many.
        #[serde(flatten)]
        event: DroppedEvent,
    },
}

impl TurnEvent {
    /// The event of `facts` at `at`, for the conversation whose hashed id is `session`.
    pub fn new(at: u64, session: String, facts: &TurnFacts) -> TurnEvent {
        let exact = if facts.answered == Answered::Exact {
            facts.total
        } else {
            0
        };
        TurnEvent {
            at,
            session,
            lang: facts.lang,
            answer: facts.answered,
            asked: Asked::of(&facts.asked),
            exact,
            total: facts.total,
            relaxed: facts.relaxed.clone(),
            unknown: not_understood(&facts.unknown),
        }
    }
}

/// The not-understood words the log keeps: at most [`MAX_UNKNOWN_WORDS`],
/// each at most [`MAX_WORD_CHARS`] characters, lowercased, and never a word
/// that looks like personal data rather than a product word: four digits
/// or more (phone, card, postcode and document numbers), or an `@`.
pub fn not_understood(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        if digits >= 4 || w.contains('@') || w.chars().count() > MAX_WORD_CHARS || w.is_empty() {
            continue;
        }
        let w = w.to_lowercase();
        if !out.contains(&w) {
            out.push(w);
        }
        if out.len() == MAX_UNKNOWN_WORDS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> TurnFacts {
        let mut asked = Constraints::default();
        asked.facets.insert(
            Slot::Color,
            FacetFilter {
                any_of: vec!["White".into(), "Black".into()],
                none_of: vec![],
                and_of: vec![],
            },
        );
        asked.facets.insert(Slot::Brand, FacetFilter::default());
        asked.price_max = Some(1000.0);
        asked.sort = crate::model::Sort::PriceAsc;
        TurnFacts {
            lang: Lang::En,
            answered: Answered::Relaxed,
            asked,
            total: 12,
            relaxed: vec![ConstraintKind::Facet(Slot::Color)],
            unknown: vec!["Trainers".into(), "98765432".into(), "a@b".into()],
        }
    }

    #[test]
    fn a_turn_is_one_stable_json_line() {
        let event = TurnEvent::new(1_700_000_000_000, "ab".repeat(16), &facts());
        let record = Record::Turn {
            v: FORMAT_VERSION,
            event: event.clone(),
        };
        let line = serde_json::to_string(&record).unwrap();
        assert_eq!(
            line,
            r#"{"type":"turn","v":1,"at":1700000000000,"session":"abababababababababababababababab","lang":"en","answer":"relaxed","asked":{"facets":{"color":{"any_of":["Black","White"]}},"price_max":1000.0},"exact":0,"total":12,"relaxed":["color"],"unknown":["trainers"]}"#
        );
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, record);
        // The combination survives the trip back to constraints.
        assert_eq!(Asked::of(&event.asked.constraints()), event.asked);
    }

    #[test]
    fn dropped_lines_parse() {
        let line = r#"{"type":"dropped","v":1,"at":5,"dropped":17}"#;
        let record: Record = serde_json::from_str(line).unwrap();
        assert_eq!(
            record,
            Record::Dropped {
                v: 1,
                event: DroppedEvent { at: 5, dropped: 17 }
            }
        );
    }

    #[test]
    fn personal_looking_words_are_not_kept() {
        let words: Vec<String> = [
            "Tênis",
            "11987654321",
            "ana@mail",
            "xl",
            "x".repeat(40).as_str(),
        ]
        .iter()
        .map(|s| s.to_string())
        .chain((0..20).map(|i| format!("w{i}")))
        .collect();
        let kept = not_understood(&words);
        assert_eq!(kept.len(), MAX_UNKNOWN_WORDS);
        assert_eq!(&kept[..3], ["tênis", "xl", "w0"]);
    }
}
