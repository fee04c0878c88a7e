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
