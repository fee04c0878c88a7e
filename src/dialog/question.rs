//! After the results: what the session remembers of them, the clarifying
//! question, and the short replies offered.

use super::Session;
use crate::model::{Constraints, Question, Slot, Suggestion, ValueCounts};

/// Facets asked about, most useful first; extra facets follow.
const QUESTION_ORDER: [Slot; 6] = [
    Slot::Type,
    Slot::Gender,
    Slot::Brand,
    Slot::Color,
    Slot::Size,
    Slot::Material,
];

/// Values offered with a question.
const QUESTION_VALUES: usize = 4;

/// The most useful facet to ask about: unconstrained, and splitting the
/// results (its values cover at least half of them, and its top value
/// less than 90%).
pub fn question(c: &Constraints, facets: &ValueCounts, total: u64) -> Option<Question> {
    let extras = facets.keys().filter(|s| matches!(s, Slot::Extra(_)));
    for slot in QUESTION_ORDER.iter().chain(extras) {
        if c.facet(slot).is_some_and(|f| !f.any_of.is_empty()) {
            continue;
        }
        let Some(values) = facets.get(slot) else {
            continue;
        };
        let covered: u64 = values.iter().map(|(_, n)| n).sum();
        if values.len() < 2 || covered * 2 < total {
            continue;
        }
        if values[0].1 * 10 >= total * 9 {
            continue;
        }
        return Some(Question {
            slot: slot.clone(),
            values: values.iter().take(QUESTION_VALUES).cloned().collect(),
        });
    }
    None
}

/// One page of results as the session sees it.
pub struct Page<'a> {
    /// The shown products' ids and prices, in order.
    pub shown: &'a [(&'a str, Option<f64>)],
    /// Products skipped before this page.
    pub offset: usize,
    /// Products per page.
    pub limit: usize,
    /// Products matching in all.
    pub total: u64,
    /// Value counts of the facets left open.
    pub facets: &'a ValueCounts,
}

/// Records what a results page shows, and chooses the question and the
/// suggestions that follow it.
pub fn shown(session: &mut Session, page: &Page<'_>) -> (Option<Question>, Vec<Suggestion>) {
    session.shown = page.shown.iter().map(|(id, _)| id.to_string()).collect();
    session.shown_prices =
        page.shown
            .iter()
            .filter_map(|(_, price)| *price)
            .fold(None, |acc, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((v.min(lo), v.max(hi))),
            });
    let c = &session.constraints;
    let mut suggestions = Vec::new();
    let question = if page.total as usize > page.limit {
        question(c, page.facets, page.total)
    } else {
        None
    };
    if let Some(q) = &question {
        suggestions.extend(q.values.iter().map(|(v, _)| Suggestion::Value(v.clone())));
    }
    if ((page.offset + page.shown.len()) as u64) < page.total {
        suggestions.push(Suggestion::ShowMore);
    }
    if page.total > 1 && c.price_max.is_none() {
        suggestions.push(Suggestion::CheapestFirst);
    }
    if !c.is_empty() {
        suggestions.push(Suggestion::StartOver);
    }
    (question, suggestions)
}

/// The suggestions of an answer without products: a few of the catalog's
/// product types (most common first), to start from.
pub fn openers(types: impl Iterator<Item = String>) -> Vec<Suggestion> {
    types.take(QUESTION_VALUES).map(Suggestion::Value).collect()
}
