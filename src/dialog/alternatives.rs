//! A word said now that is another of the kind of a word asked before
//! replaces it, as the catalog shows: "ração royal canin gato", then "na
//! verdade pra cachorro" is dog food, not the one product for "cães e
//! gatos"; "tv oled", then "e qned?" is QNED TVs. Two words are of a kind
//! when the products with both are few beside those with the new one in
//! the search as it stands: each names what the other is not.

use super::Session;
use super::context::Count;
use crate::error::Result;
use crate::understand::{Op, Understanding};

/// Products with both words, at most this share of those with the new one.
const TOGETHER_AT_MOST: u64 = 10;

/// Products with the new word, at least, for it to replace another.
const MIN_PRODUCTS: u64 = 3;

/// `u` with [`Op::DropText`] before each new word for the words asked
/// before that it replaces.
pub fn replacing(
    session: &Session,
    mut u: Understanding,
    count: &mut Count<'_>,
) -> Result<Understanding> {
    let before = &session.constraints.text;
    let new: Vec<String> = u
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Text(w) if !before.contains(w) => Some(w.clone()),
            _ => None,
        })
        .collect();
    // Measurements have their own reading ("na verdade 24").
    let words = |w: &&String| !crate::language::units::is_measurement(w);
    if new.is_empty() || !before.iter().any(|w| words(&w)) {
        return Ok(u);
    }
    let mut dropped: Vec<String> = Vec::new();
    for word in new.iter().filter(words) {
        for old in before.iter().filter(words) {
            if dropped.contains(old) || word.contains(old.as_str()) || old.contains(word.as_str()) {
                continue;
            }
            let mut without = session.applied();
            without.text.retain(|w| w != old);
            without.text.push(word.clone());
            let alone = count(&without)?;
            if alone < MIN_PRODUCTS {
                continue;
            }
            without.text.push(old.clone());
            let together = count(&without)?;
            if together * TOGETHER_AT_MOST <= alone {
                dropped.push(old.clone());
            }
        }
    }
    let mut ops: Vec<Op> = dropped.into_iter().map(Op::DropText).collect();
    ops.append(&mut u.ops);
    u.ops = ops;
    Ok(u)
}
