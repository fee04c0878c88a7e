//! Sizes in a message: a size value the context allows bare ("42", "XL",
//! "M" in capitals), one named before "size"/"tamanho" ("medium size"),
//! and a garment size the catalog does not list.

use super::lexicon::Lexicon;
use super::span::{Item, SlotRef, Span};
use super::token::Tokens;
use crate::model::Slot;

/// The size values a one-token span names, when the context allows a bare
/// size: after "size"/"tamanho", a key of two characters or more ("42",
/// "xl", "gg"), or a single capital letter ("M", "P").
pub(super) fn size_here<'a>(
    lx: &'a Lexicon,
    raw: &str,
    tokens: &Tokens,
    span: &Span<'_>,
    pending: bool,
) -> Option<(u16, &'a [u32])> {
    if span.end != span.start + 1 {
        return None;
    }
    let key = tokens.key(span.start);
    // A size by its name ("medium") only right after "size"/"tamanho".
    if pending && let Some(named) = lx.size_name_values(key) {
        return Some(named);
    }
    let (f, values) = lx.size_values(key)?;
    let tok = tokens.toks.get(span.start)?;
    let raw_tok = raw.get(tok.raw.clone()).unwrap_or("");
    let single_capital = raw_tok.chars().count() == 1 && raw_tok.chars().all(char::is_uppercase);
    (pending || key.chars().count() >= 2 || single_capital).then_some((f, values))
}

/// A garment size the shopper named after "size"/"tamanho" that the
/// catalog may not list: a letter size (EN 13402 / ASTM D5585: "xs",
/// "m", "xl", "3xl"; Brazil's ABNT: "pp", "p", "g", "gg", "xg") in
/// capitals, or a size name's letter ("medium" -> "M"). `None` for any
/// other word.
pub(super) fn unlisted_size(key: &str) -> Option<String> {
    let letters = key.trim_start_matches(|c: char| c.is_ascii_digit());
    let letter_size = matches!(
        letters,
        "s" | "m" | "l" | "pp" | "p" | "g" | "gg" | "xg" | "xgg" | "eg" | "egg"
    ) || letters.ends_with(['s', 'l'])
        && letters.len() >= 2
        && letters[..letters.len() - 1].chars().all(|c| c == 'x');
    if letter_size && (letters.len() == key.len() || letters.starts_with('x')) {
        return Some(key.to_uppercase());
    }
    crate::language::every()
        .flat_map(|(_, d)| d.size_names.iter())
        .find(|(_, names)| names.iter().any(|n| crate::text::key(n) == key))
        .map(|(letter, _)| letter.to_uppercase())
}

/// True when the span at `i` is a size name right before "size"/"tamanho"
/// ("medium size", "médio tamanho"): the size, and the cue word is used.
pub(super) fn size_named_before_cue(
    lx: &Lexicon,
    tokens: &Tokens,
    spans: &[Span<'_>],
    i: usize,
) -> bool {
    let Some(span) = spans.get(i) else {
        return false;
    };
    span.end == span.start + 1
        && lx.size_name_values(tokens.key(span.start)).is_some()
        && spans.get(i + 1).is_some_and(
            |next| matches!(next.item, Item::Slot(slot, _) if *slot == SlotRef::Slot(Slot::Size)),
        )
}
