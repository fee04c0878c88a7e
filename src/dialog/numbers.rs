//! Amounts in a message read in the conversation's context: a number said
//! alone (another size of the measurement asked for, a new budget, a pick
//! of the list, a word of titles), a small amount in the thousands of the
//! budget before, and the prices just below or above those shown.

use crate::model::Constraints;
use crate::understand::{Op, Understanding};

/// `u` with each number said alone read in context ([`Op::Number`]):
/// another amount of the measurement asked for ("monitor 24 polegadas",
/// then "27" asks for 27"), else the catalog's word it is ("501"), else
/// an item of the list ("2"), else, beyond the list shown, a word of
/// titles ("iphone", then "13"); a number that is none is not understood.
/// `None` when `u` has none.
pub(super) fn read_numbers(
    u: &Understanding,
    c: &Constraints,
    shown: usize,
) -> Option<Understanding> {
    // "tem o 16?" after one iPhone 15: beyond a page, a pick is the
    // number of a model, not the sixteenth product.
    let beyond = |n: usize| n > shown.max(crate::model::DEFAULT_PAGE_SIZE) && !c.is_empty();
    if !u.ops.iter().any(|op| match op {
        Op::Number(..) => true,
        Op::Select(n) => beyond(*n),
        _ => false,
    }) {
        return None;
    }
    let mut read = u.clone();
    read.ops = Vec::with_capacity(u.ops.len());
    for op in &u.ops {
        if let Op::Select(n) = op
            && beyond(*n)
        {
            read.ops.push(Op::Text(n.to_string()));
            continue;
        }
        let Op::Number(amount, word) = op else {
            read.ops.push(op.clone());
            continue;
        };
        let measurement = c
            .text
            .iter()
            .rev()
            .find_map(|w| crate::language::units::another_amount(w, *amount));
        // "make it 800" after "under 500": a new bound of the budget, an
        // amount within ten times the one before.
        let budget = (!c.price_relative)
            .then_some(
                c.price_max
                    .map(|m| (m, true))
                    .or(c.price_min.map(|m| (m, false))),
            )
            .flatten()
            .filter(|(bound, _)| (bound / 10.0..=bound * 10.0).contains(amount))
            .filter(|_| !(amount.fract() == 0.0 && *amount <= 50.0 && *amount <= shown as f64));
        if let Some(token) = measurement {
            read.ops.push(Op::Text(token));
        } else if let Some((_, upper)) = budget {
            read.ops.push(if upper {
                Op::Price {
                    min: None,
                    max: Some(*amount),
                }
            } else {
                Op::Price {
                    min: Some(*amount),
                    max: None,
                }
            });
        } else if let Some(word) = word {
            read.ops.push(Op::Text(word.clone()));
        } else if amount.fract() == 0.0 && (1.0..=50.0).contains(amount) && *amount <= shown as f64
        {
            read.ops.push(Op::Select(*amount as usize));
        } else if amount.fract() == 0.0 && *amount >= 1.0 && !c.is_empty() {
            read.ops.push(Op::Text(format!("{amount}")));
        } else {
            read.ignored.push(amount.to_string());
        }
    }
    Some(read)
}

/// A small whole amount said after a budget in the thousands ("até 6"
/// after "até 5 mil") is in thousands too, when that puts it within ten
/// times the budget before; any other amount is as said.
pub(super) fn in_thousands_of(amount: f64, before: Option<f64>) -> f64 {
    match before {
        Some(b)
            if b >= 1000.0
                && amount.fract() == 0.0
                && (1.0..100.0).contains(&amount)
                && (b / 10.0..=b * 10.0).contains(&(amount * 1000.0)) =>
        {
            amount * 1000.0
        }
        _ => amount,
    }
}

pub(super) fn next_below(price: f64) -> f64 {
    if price.fract() == 0.0 {
        price - 1.0
    } else {
        price - 0.01
    }
    .max(0.0)
}

pub(super) fn next_above(price: f64) -> f64 {
    if price.fract() == 0.0 {
        price + 1.0
    } else {
        price + 0.01
    }
}
