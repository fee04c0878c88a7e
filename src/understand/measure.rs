//! A measurement asked for with a bound: "mais de 400 litros", "10kg ou
//! mais", "at least 16gb", "até 2 litros". The bound is read from the
//! price markers around the measurement ("mais de", "ou mais", "up to"),
//! and the measurement becomes a bounded constraint word ("400l+", see
//! [`crate::language::units::bounded`]) that every catalog measurement
//! within it matches.

use super::builtin::Marker;
use super::span::{Item, Span};
use crate::language::units::{self, Bound};

/// `word` (a measurement token at span `i`) with the bound the markers
/// around it give, marking those markers `taken`; `None` when it has none.
pub(super) fn bounded(
    spans: &[Span<'_>],
    taken: &mut [bool],
    i: usize,
    word: &str,
) -> Option<String> {
    if !units::is_measurement(word) {
        return None;
    }
    // The price reader takes a bound next to a number though it makes no
    // price of a measurement: a bound marker right beside it is its own.
    let open = |j: usize| !taken[j] && !matches!(spans[j].item, Item::Stop);
    let before = (0..i).rev().find(|&j| open(j));
    let after = (i + 1..spans.len()).find(|&j| open(j));
    let marker = |j: Option<usize>| match j.map(|j| &spans[j].item) {
        Some(Item::Marker(m)) => Some(*m),
        _ => None,
    };
    let (bound, at) = match (marker(before), marker(after)) {
        (Some(Marker::Gt | Marker::From), _) => (Bound::AtLeast, before),
        (Some(Marker::Lt), _) => (Bound::AtMost, before),
        (_, Some(Marker::OrMore)) => (Bound::AtLeast, after),
        (_, Some(Marker::OrLess)) => (Bound::AtMost, after),
        _ => return None,
    };
    if let Some(at) = at {
        taken[at] = true;
    }
    Some(units::bounded(word, bound))
}

/// A measurement range said number first at span `i`: "de 50 a 55
/// polegadas", "entre 50 e 55 polegadas", "50 to 55 inches", "50-55"":
/// the lower and the upper bound words ("50in+", "55in-"), the measurement
/// two spans on. `None` when what follows is no such range.
pub(super) fn range_at<'k>(
    spans: &[Span<'_>],
    i: usize,
    key: &dyn Fn(&Span<'_>) -> &'k str,
) -> Option<(String, String)> {
    let Item::Num(low) = spans.get(i)?.item else {
        return None;
    };
    let (joint, upper) = (spans.get(i + 1)?, spans.get(i + 2)?);
    let joined = match joint.item {
        Item::Marker(Marker::And | Marker::Lt) | Item::Sym('-') => true,
        Item::Stop => matches!(key(joint), "a" | "to" | "ate"),
        _ => false,
    };
    let word = key(upper);
    let (high, unit) = (units::in_quantity(word)?, units::unit_of(word)?);
    let low_word = format!("{low}{unit}");
    let below = units::in_quantity(&low_word).is_some_and(|(l, _)| l < high.0);
    (joined && below && !word.ends_with(['+', '-'])).then(|| {
        (
            units::bounded(&low_word, Bound::AtLeast),
            units::bounded(word, Bound::AtMost),
        )
    })
}
