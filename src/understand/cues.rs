//! What the spans around one tell of it, for [`super::intent`]: a number
//! after a product line is its model ("iphone 15"), one before a type
//! counts its parts ("2 portas"), a colour after a part's name is the
//! part's ("switch red"), a negation closed by a comma answers no ("não,
//! consul"). Depends on the lexicon, spans and tokens only.

use super::lexicon::Lexicon;
use super::span::{Item, Span};
use super::token::Tokens;
use crate::model::Slot;

/// True when the span at `i` follows the Portuguese "número"/"numero",
/// which announces a shoe size as often as a position.
pub(super) fn pick_is_pt_number(tokens: &Tokens, spans: &[Span<'_>], i: usize) -> bool {
    (0..=i).rev().take(2).any(|j| {
        spans
            .get(j)
            .is_some_and(|s| matches!(tokens.key(s.start), "numero" | "num"))
    })
}

/// True when a short number right after `before` is that product line's
/// model number or size ("iphone 15", "playstation 5", "tv samsung 55"):
/// `before` is a product type, a brand or a catalog word, not an audience
/// or a colour ("men 15" is no model).
pub(super) fn names_a_model(lx: &Lexicon, before: &Span<'_>) -> bool {
    match before.item {
        Item::Term(_) => true,
        Item::Facet { facet, .. } => lx
            .facet(facet)
            .is_some_and(|f| matches!(f.slot, Slot::Type | Slot::Brand)),
        _ => false,
    }
}

/// True when the span at `i`, a value of `facet`, is a product type
/// counted by the number right before it ("2 portas").
pub(super) fn counted_feature(
    lx: &Lexicon,
    spans: &[Span<'_>],
    used: &[bool],
    i: usize,
    facet: u16,
) -> bool {
    i > 0
        && !used[i - 1]
        && matches!(spans[i - 1].item, Item::Num(n) if n >= 2.0 && n.fract() == 0.0)
        && lx.facet(facet).is_some_and(|f| f.slot == Slot::Type)
}

/// True when the colour at span `i` follows a word after which the index
/// reads no colour in titles ("Switch Gateron Red", "LED Azul"), a word
/// of more than three letters (not "de").
pub(super) fn names_a_part(
    lx: &Lexicon,
    spans: &[Span<'_>],
    i: usize,
    facet: u16,
    before: &str,
) -> bool {
    if i == 0 || lx.facet(facet).is_none_or(|f| f.slot != Slot::Color) {
        return false;
    }
    if spans[i - 1].end != spans[i - 1].start + 1 {
        return false;
    }
    // A shade's modifier ("light blue") is part of the colour.
    before.len() > 3
        && matches!(spans[i - 1].item, Item::Term(_) | Item::Stop)
        && crate::language::every().any(|(_, d)| {
            d.learning.not_color_before.iter().any(|w| w == before)
                && !d.color_modifiers.iter().any(|w| w == before)
        })
}

/// True when the colour of `span` and the words beside it (up to two
/// before or after) make a phrase a language lists as naming something
/// else ("green tea", "cha verde", "azeite de oliva"): the index learns
/// no colour there, and neither does a message.
pub(super) fn colour_in_a_name(lx: &Lexicon, tokens: &Tokens, span: &Span<'_>, facet: u16) -> bool {
    if lx.facet(facet).is_none_or(|f| f.slot != Slot::Color) {
        return false;
    }
    let len = tokens.toks.len();
    let (start, end) = (span.start, span.end.min(len));
    let phrase = |from: usize, to: usize| {
        (from..to)
            .map(|t| tokens.key(t))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let candidates: Vec<String> = (1..=2)
        .flat_map(|n| {
            [
                start.checked_sub(n).map(|from| phrase(from, end)),
                (end + n <= len).then(|| phrase(start, end + n)),
            ]
        })
        .flatten()
        .collect();
    candidates
        .iter()
        .any(|c| crate::language::names_no_colour(c))
}

/// True when span `later` comes right after span `earlier`, stop words aside.
pub(super) fn follows(spans: &[Span<'_>], used: &[bool], earlier: usize, later: usize) -> bool {
    (earlier + 1..later).all(|j| used[j] || matches!(spans[j].item, Item::Stop))
}

/// True when the negation at span `i` opens the message and a comma or a
/// stop closes it ("não, consul", "no. puma"): the shopper answers no to
/// what was shown, and what follows is what they want.
pub(super) fn answers_no(tokens: &Tokens, spans: &[Span<'_>], i: usize) -> bool {
    spans[..i].iter().all(|s| matches!(s.item, Item::Stop))
        && tokens.toks.get(spans[i].end).is_some_and(|t| t.gap)
}
