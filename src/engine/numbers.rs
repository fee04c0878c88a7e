//! A number said alone, read as the size the catalog sells the product
//! the shopper is looking at in: "tv de 43" and "tv 4k 55" are 43" and
//! 55" TVs, "tem de 50?" after TVs asks for 50" ones, "473" after Stanley
//! cups asks for 473 ml, because those are the measurements the catalog's
//! titles give those products in. Read only with a product type (from the
//! message or the conversation) and only when no measurement was asked for
//! yet (then [`crate::dialog`] reads the number as another amount of it);
//! a number no larger than the list just shown stays a pick from it ("2").
//! Depends on the index, search and the understanding's operators.

use crate::dialog::Session;
use crate::error::Result;
use crate::index::ProductIndex;
use crate::model::Slot;
use crate::understand::{Op, Understanding};

/// `u` with its lone numbers read as measurements where the catalog sells
/// the type in one at that number.
pub(super) fn measured(
    index: &ProductIndex,
    session: &Session,
    mut u: Understanding,
) -> Result<Understanding> {
    let said_type = u.ops.iter().rev().find_map(|op| match op {
        Op::Set(Slot::Type, values) if !values.is_empty() => Some(values.clone()),
        _ => None,
    });
    let Some(types) = said_type.or_else(|| {
        session
            .constraints
            .facet(&Slot::Type)
            .map(|f| f.any_of.clone())
            .filter(|v| !v.is_empty())
    }) else {
        return Ok(u);
    };
    let is_measurement = |w: &String| crate::language::units::is_measurement(w);
    let measured_already = session.constraints.text.iter().any(is_measurement)
        || u.ops
            .iter()
            .any(|op| matches!(op, Op::Text(w) if is_measurement(w)));
    if measured_already || index.measurements().is_empty() {
        return Ok(u);
    }
    let shown = session.shown.len().min(crate::model::DEFAULT_PAGE_SIZE);
    let mut ops = Vec::with_capacity(u.ops.len());
    for op in std::mem::take(&mut u.ops) {
        match op {
            Op::Number(n, _) if n > shown as f64 => match size_of(index, &types, n)? {
                Some(token) => ops.push(Op::Text(token)),
                None => ops.push(op),
            },
            other => ops.push(other),
        }
    }
    let mut ignored = Vec::with_capacity(u.ignored.len());
    for word in std::mem::take(&mut u.ignored) {
        let number = (word.len() <= 5 && word.bytes().all(|b| b.is_ascii_digit()))
            .then(|| word.parse::<f64>().ok())
            .flatten();
        match number {
            Some(n) if n > shown as f64 => match size_of(index, &types, n)? {
                Some(token) => ops.push(Op::Text(token)),
                None => ignored.push(word),
            },
            _ => ignored.push(word),
        }
    }
    u.ops = ops;
    u.ignored = ignored;
    Ok(u)
}

/// The catalog's measurement token with the number `n` that most products
/// of `types` have in their titles ("55in" for TVs, "473ml" for cups),
/// `None` when none has one.
fn size_of(index: &ProductIndex, types: &[String], n: f64) -> Result<Option<String>> {
    let mut best: Option<(u64, &str)> = None;
    for m in index.measurements().iter().filter(|m| m.number == n) {
        let count = super::narrowing::count(index, types, Some(&m.token))?;
        if count > 0 && best.is_none_or(|(most, _)| count > most) {
            best = Some((count, &m.token));
        }
    }
    Ok(best.map(|(_, token)| token.to_string()))
}
