//! After the results: what the session remembers of them, the clarifying
//! question, and the short replies offered.

use super::Session;
use crate::model::{Constraints, Question, Slot, Suggestion, TypeTree, ValueCounts};
use std::collections::HashSet;

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

/// Values listed when the shopper asks which values there are.
const ASKED_VALUES: usize = 8;

/// The most useful facet to ask about: unconstrained, and splitting the
/// results (its values cover at least half of the `total` matching, and
/// its top value less than 90%). Product types are offered one level at a time: the
/// broadest present first, then, once one is chosen, the kinds of it.
pub fn question(
    c: &Constraints,
    facets: &ValueCounts,
    total: u64,
    types: &TypeTree,
) -> Option<Question> {
    let extras = facets.keys().filter(|s| matches!(s, Slot::Extra(_)));
    // Values the shopper chose, by facet: a facet offering one of another
    // facet's choices restates it ("prata", then "which material? Gold,
    // Silver" where a jewellery store's metal is its colour and an option).
    let chosen: Vec<(&Slot, String)> = c
        .facets
        .iter()
        .flat_map(|(slot, f)| f.any_of.iter().map(move |v| (slot, crate::text::key(v))))
        .collect();
    for slot in QUESTION_ORDER.iter().chain(extras) {
        let Some(values) = facets.get(slot) else {
            continue;
        };
        let asked = c.facet(slot).map_or(&[][..], |f| f.any_of.as_slice());
        let (values, within) = match (slot, asked.is_empty()) {
            (Slot::Type, true) => (broadest(values, types), None),
            (Slot::Type, false) => narrower(values, types, asked),
            (_, true) => (values.clone(), None),
            (_, false) => continue,
        };
        let covered: u64 = values.iter().map(|(_, n)| n).sum();
        if values.len() < 2 || covered * 2 < total {
            continue;
        }
        let restates = values.iter().any(|(v, _)| {
            let key = crate::text::key(v);
            chosen.iter().any(|(other, k)| *other != slot && *k == key)
        });
        if restates {
            continue;
        }
        if values[0].1 * 10 >= total * 9 {
            continue;
        }
        return Some(Question {
            slot: slot.clone(),
            values: values.into_iter().take(QUESTION_VALUES).collect(),
            within,
        });
    }
    None
}

/// The values no other present value is broader than ("Shoes", not
/// "Sneakers" beside it).
fn broadest(values: &[(String, u64)], types: &TypeTree) -> Vec<(String, u64)> {
    let present = lowercase(values.iter().map(|(v, _)| v));
    values
        .iter()
        .filter(|(v, _)| !types.is_under_any(v, &present))
        .cloned()
        .collect()
}

/// `values` in lowercase, as a set.
fn lowercase<'a>(values: impl Iterator<Item = &'a String>) -> HashSet<String> {
    values.map(|v| v.to_lowercase()).collect()
}

/// The broadest present kinds of the types asked for, and the asked type
/// they are kinds of when it is one.
fn narrower(
    values: &[(String, u64)],
    types: &TypeTree,
    asked: &[String],
) -> (Vec<(String, u64)>, Option<String>) {
    let asked_set = lowercase(asked.iter());
    let kinds: Vec<(String, u64)> = values
        .iter()
        .filter(|(v, _)| {
            !asked_set.contains(&v.to_lowercase()) && types.is_under_any(v, &asked_set)
        })
        .cloned()
        .collect();
    let kinds = broadest(&kinds, types);
    let mut tops = asked.iter().filter(|a| !types.is_under_any(a, &asked_set));
    let within = match (tops.next(), tops.next()) {
        (Some(top), None) => Some(top.clone()),
        _ => None,
    };
    (kinds, within)
}

/// One page of results as the session sees it.
pub struct Page<'a> {
    /// The shown products' ids and prices, in order.
    pub shown: &'a [(&'a str, Option<f64>)],
    /// Products skipped before this page.
    pub offset: usize,
    /// Products per page.
    pub limit: usize,
    /// Products (models) matching in all, as the facet counts count them.
    pub total: u64,
    /// Value counts of the facets left open (and of the types).
    pub facets: &'a ValueCounts,
    /// How the catalog's types nest.
    pub types: &'a TypeTree,
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
    let asked = session.asked.take().and_then(|slot| {
        let counted = page.facets.get(&slot).filter(|v| !v.is_empty());
        // A slot the shopper has narrowed to one value is not counted:
        // every product shown has it ("which brands?" after "lego").
        let narrowed = || match c.facet(&slot).map(|f| f.any_of.as_slice()) {
            Some([one]) => Some(vec![(one.clone(), page.total)]),
            _ => None,
        };
        let values = match counted {
            Some(values) => values.iter().take(ASKED_VALUES).cloned().collect(),
            None => narrowed()?,
        };
        Some(Question {
            slot: slot.clone(),
            values,
            within: None,
        })
    });
    let question = if asked.is_some() {
        asked
    } else if page.total as usize > page.limit {
        question(c, page.facets, page.total, page.types)
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
