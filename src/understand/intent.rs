//! From spans to operators: facet values with negation ("not Nike or
//! Puma"), alternatives ("Puma or Nike" is one set; a message starting with
//! "or"/"also" adds), clearing ("any brand", "forget the colour"), sizes,
//! selection ("the second one", "o 2"), similarity, free text and
//! conversation control.
//!
//! Values of one slot mentioned several times in a message make one
//! operator, placed at the first mention. Greetings, thanks and help are
//! only reported when the message asks for nothing else; "more" / "mais"
//! alone asks for the next page.

use super::builtin::Marker;
use super::cues::{
    answers_no, colour_in_a_name, counted_feature, follows, names_a_model, names_a_part,
    pick_is_pt_number,
};
use super::lexicon::Lexicon;
use super::ops::{Op, Understanding};
use super::pass::{Clearing, Gathered, Pass};
use super::sizes::{size_here, size_named_before_cue, unlisted_size};
use super::span::{Item, SlotRef, Span};
use super::token::{TokKind, Tokens};
use crate::model::Slot;

fn slot_op(slot: &SlotRef) -> Op {
    match slot {
        SlotRef::Slot(s) => Op::Clear(s.clone()),
        SlotRef::Price => Op::ClearPrice,
    }
}

/// Turns the spans not used by prices into operators, completing `out`.
/// `described` says whether a word the catalog's titles do not use is in
/// its descriptions: such a word is asked for too.
#[allow(clippy::too_many_arguments)]
pub(crate) fn extract(
    lx: &Lexicon,
    raw: &str,
    tokens: &Tokens,
    spans: &[Span<'_>],
    used: &[bool],
    price_ops: Vec<(usize, Op)>,
    described: &dyn Fn(&str) -> bool,
    out: &mut Understanding,
) {
    let is_content_word = |word: &str| is_content_word(word, described);
    let content = |i: usize| {
        (spans[i].start..spans[i].end).any(|t| {
            tokens.toks.get(t).is_some_and(|t| t.kind == TokKind::Word)
                && is_content_word(tokens.key(t))
        })
    };
    let meaningful = |i: usize| {
        !used[i]
            && match spans[i].item {
                Item::Stop => false,
                Item::Unknown => content(i),
                _ => true,
            }
    };
    let first = (0..spans.len()).find(|&i| meaningful(i));
    // "or red", "also red", "ou vermelho" add an alternative; "and for
    // women?", "e em azul?" switch to it, like "what about red?".
    let adding = first
        .is_some_and(|i| matches!(spans[i].item, Item::Marker(Marker::Or | Marker::Also)))
        || spans
            .iter()
            .enumerate()
            .any(|(i, s)| !used[i] && matches!(s.item, Item::Marker(Marker::Also)));
    let similar_at = (0..spans.len())
        .find(|&i| !used[i] && matches!(spans[i].item, Item::Marker(Marker::Similar)));
    let lone_number = (0..spans.len()).filter(|&i| meaningful(i)).count() == 1;

    let mut p = Pass {
        ops: price_ops,
        ..Pass::default()
    };
    let mut similar_n: Option<usize> = None;
    let mut more_at: Option<usize> = None;
    let key_of = |s: &Span<'_>| tokens.key(s.start);
    let gap_of = |s: &Span<'_>| tokens.toks.get(s.start).is_some_and(|t| t.gap);

    // Cue words taken by the size name before them ("medium size"), and
    // words naming the dimension of a length ("120 cm wide").
    let mut taken = vec![false; spans.len()];
    dimension_words(spans, tokens, &mut taken);
    let mut i = 0;
    while i < spans.len() {
        let span = spans[i];
        if used[i] || taken[i] {
            i += 1;
            continue;
        }
        let gap = gap_of(&span);
        match span.item {
            Item::Stop | Item::Unknown => {
                let named = size_named_before_cue(lx, tokens, spans, i);
                if let Some((f, values)) =
                    size_here(lx, raw, tokens, &span, p.size_pending || named)
                {
                    p.size_pending = false;
                    if named {
                        taken[i + 1] = true;
                    }
                    p.entity(lx, i, f, values, gap);
                } else if span.end == span.start + 1
                    && p.size_pending
                    && let Some(size) = unlisted_size(tokens.key(span.start))
                {
                    // A size the catalog does not list ("size M" where it
                    // lists none): asked for all the same, and nothing
                    // matches it.
                    p.size_pending = false;
                    p.ops.push((i, Op::Set(Slot::Size, vec![size])));
                } else {
                    let unknown = matches!(span.item, Item::Unknown);
                    for t in span.start..span.end {
                        if !tokens.toks.get(t).is_some_and(|t| t.kind == TokKind::Word) {
                            continue;
                        }
                        let word = tokens.key(t);
                        // "iphone 15 pro": the word after a model number
                        // names the model, though "pro" is "para o" too.
                        let after_model = i > 0
                            && !gap
                            && p.texts.last().is_some_and(|(at, _)| *at == i - 1)
                            && matches!(spans[i - 1].item, Item::Num(_));
                        // "dark chocolate", "light bulb": a colour's
                        // modifier with no colour beside it is the titles'
                        // word.
                        let modifier_alone = !unknown
                            && super::builtin::builtin()
                                .color_modifiers
                                .iter()
                                .any(|m| m == word)
                            && !beside_a_colour(lx, spans, i);
                        if (after_model || modifier_alone) && lx.in_titles(word) {
                            p.text(i, &as_typed(raw, tokens, t, word), gap);
                        } else if unknown && (is_content_word(word) || denied_next(tokens, t)) {
                            // Not a word of this catalog's titles: still asked
                            // for (descriptions may have it), and reported.
                            let bounded = super::measure::bounded(spans, &mut taken, i, word);
                            let typed = bounded.unwrap_or_else(|| as_typed(raw, tokens, t, word));
                            p.text(i, &typed, gap);
                            out.unknown.push(word.to_string());
                        } else {
                            out.ignored.push(word.to_string());
                        }
                    }
                }
            }
            Item::Qualifier => {
                for t in span.start..span.end {
                    if tokens.toks.get(t).is_some_and(|t| t.kind == TokKind::Word) {
                        let word = tokens.key(t);
                        p.text(i, &as_typed(raw, tokens, t, word), gap);
                    }
                }
            }
            // "com fio", "wired": not the attribute it denies ("sem fio");
            // after a negation, that attribute ("not wired").
            Item::Term(word) if crate::language::opposite(word).is_some() => {
                let denied = crate::language::opposite(word).unwrap_or(word);
                p.neg = !p.neg;
                p.text(i, denied, gap);
            }
            Item::Term(word) => {
                let named = size_named_before_cue(lx, tokens, spans, i);
                if let Some((f, values)) =
                    size_here(lx, raw, tokens, &span, p.size_pending || named)
                {
                    p.size_pending = false;
                    if named {
                        taken[i + 1] = true;
                    }
                    p.entity(lx, i, f, values, gap);
                } else if span.end == span.start + 1
                    && p.size_pending
                    && let Some(size) = unlisted_size(word)
                {
                    p.size_pending = false;
                    p.ops.push((i, Op::Set(Slot::Size, vec![size])));
                } else if let Some(bounded) = super::measure::bounded(spans, &mut taken, i, word) {
                    p.text(i, &bounded, gap);
                } else {
                    let typed = (span.end == span.start + 1)
                        .then(|| as_typed(raw, tokens, span.start, word));
                    p.text(i, typed.as_deref().unwrap_or(word), gap);
                }
            }
            Item::Facet { facet, .. }
                if counted_feature(lx, spans, used, i, facet)
                    && p.positive.iter().any(|g| g.facet == facet) =>
            {
                // "geladeira 2 portas", "fogão 4 bocas": a count of parts
                // of the type named before, not another type; asked as the
                // phrase, so "Porta Ovos 2 Andares" is not one.
                let words: Vec<String> = (span.start..span.end)
                    .filter(|&t| tokens.toks.get(t).is_some_and(|t| t.kind == TokKind::Word))
                    .map(|t| as_typed(raw, tokens, t, tokens.key(t)))
                    .collect();
                let count = key_of(&spans[i - 1]).to_string();
                for list in [&mut p.texts, &mut p.excluded_texts] {
                    list.retain(|(at, w)| !(*at == i - 1 && *w == count));
                }
                p.text(i, &format!("{count} {}", words.join(" ")), gap);
            }
            // "green tea", "chá verde", "azeite de oliva": a colour word
            // in a name the language lists, as the index reads titles:
            // its words, not a colour.
            // "café solúvel", "oliva" where no product is of those
            // colours: a colour word that names other things is the
            // thing, not a colour nothing has.
            Item::Facet { facet, .. } | Item::Absent { facet }
                if colour_in_a_name(lx, tokens, &span, facet)
                    || matches!(span.item, Item::Absent { .. })
                        && lx.facet(facet).is_some_and(|f| f.slot == Slot::Color)
                        && (span.start..span.end)
                            .all(|t| crate::language::is_ambiguous_colour(tokens.key(t))) =>
            {
                for t in span.start..span.end {
                    if tokens.toks.get(t).is_some_and(|t| t.kind == TokKind::Word) {
                        let word = tokens.key(t);
                        p.text(i, &as_typed(raw, tokens, t, word), gap);
                    }
                }
            }
            // "switch red", "led azul": a word that makes the colour after
            // it a name of a part, as the index reads titles; asked as the
            // phrase.
            Item::Facet { facet, .. }
                if i > 0 && names_a_part(lx, spans, i, facet, key_of(&spans[i - 1])) =>
            {
                let before = key_of(&spans[i - 1]).to_string();
                let words: Vec<String> = (span.start..span.end)
                    .filter(|&t| tokens.toks.get(t).is_some_and(|t| t.kind == TokKind::Word))
                    .map(|t| as_typed(raw, tokens, t, tokens.key(t)))
                    .collect();
                for list in [&mut p.texts, &mut p.excluded_texts] {
                    list.retain(|(at, w)| !(*at == i - 1 && *w == before));
                }
                out.ignored.retain(|w| *w != before);
                p.text(i, &format!("{before} {}", words.join(" ")), gap);
            }
            Item::Facet {
                facet,
                values,
                literal,
            } => {
                p.size_pending = false;
                if let Some((_, Clearing::Any | Clearing::Other)) = p.clearing {
                    p.clearing = None; // "any red one", "another red one": just red
                }
                // The values named literally first: they rank first.
                let mut ordered: Vec<u32> = literal.to_vec();
                ordered.extend(values.iter().filter(|v| !literal.contains(v)));
                p.entity(lx, i, facet, &ordered, gap);
            }
            Item::Absent { facet } => {
                p.size_pending = false;
                if let Some((_, Clearing::Any | Clearing::Other)) = p.clearing {
                    p.clearing = None;
                }
                let mut word = (span.start..span.end)
                    .map(|t| tokens.key(t))
                    .collect::<Vec<_>>()
                    .join(" ");
                // "pra minha sogra" where no product is for women: named
                // as the audience ("feminino"), not as the word.
                if lx.facet(facet).is_some_and(|f| f.slot == Slot::Gender)
                    && let Some(value) = crate::language::audience_value(&word, out.lang)
                {
                    word = value.to_string();
                }
                p.entity_or_absent(lx, i, facet, &[], Some(&word), gap);
            }
            Item::Num(_) if super::measure::range_at(spans, i, &key_of).is_some() => {
                if let Some((low, high)) = super::measure::range_at(spans, i, &key_of) {
                    taken[i + 1] = true;
                    taken[i + 2] = true;
                    p.text(i, &low, gap);
                    p.text(i, &high, gap);
                }
            }
            Item::Num(v) => {
                let n = (v.fract() == 0.0 && (1.0..=1000.0).contains(&v)).then_some(v as usize);
                let prev_key = (0..i).rev().find(|&j| !used[j]).map(|j| key_of(&spans[j]));
                let pick_word = matches!(prev_key, Some("o" | "a" | "the" | "num"));
                if let (Some(s), Some(n)) = (similar_at, n)
                    && s < i
                {
                    similar_n = Some(n);
                } else if p.pick_pending
                    && n.is_some()
                    && !(pick_is_pt_number(tokens, spans, i)
                        && size_here(lx, raw, tokens, &span, true).is_some())
                {
                    p.pick_pending = false;
                    p.ops.push((i, Op::Select(n.unwrap_or(1))));
                } else if let Some((f, values)) = size_here(lx, raw, tokens, &span, true) {
                    p.size_pending = false;
                    p.pick_pending = false;
                    p.entity(lx, i, f, values, gap);
                } else if std::mem::take(&mut p.size_pending) {
                    // A size the catalog does not list is asked for all the
                    // same: nothing matches it, and the reply says so.
                    // As written ("1.5", "42,5"): the key's digits alone
                    // would make "1.5" a size 15.
                    p.pick_pending = false;
                    let written = tokens
                        .toks
                        .get(span.start)
                        .and_then(|t| raw.get(t.raw.clone()));
                    let size = written.unwrap_or(key_of(&span)).trim().to_string();
                    p.ops.push((i, Op::Set(Slot::Size, vec![size])));
                } else if let Some(n) = n.filter(|&n| n <= 50 && pick_word) {
                    p.ops.push((i, Op::Select(n)));
                } else if lone_number && key_of(&span).bytes().all(|b| b.is_ascii_digit()) {
                    // "27" alone: the dialog knows whether a measurement
                    // was asked for ("monitor 24 polegadas"); else it is
                    // the catalog's word ("501") or an item of the list.
                    let word = lx.term(key_of(&span)).filter(|w| w.len() >= 3);
                    p.ops.push((i, Op::Number(v, word.map(str::to_string))));
                } else if !gap && i > 0 && !used[i - 1] && names_a_model(lx, &spans[i - 1]) {
                    // "iphone 15": asked even when no title has it, so the
                    // reply says there is none instead of showing every
                    // iPhone as one.
                    let number = lx.term(key_of(&span)).unwrap_or(key_of(&span));
                    // A digit after a word of titles is one name with it
                    // ("ryzen 5" is no Ryzen 9 "até 5,5 GHz"); a longer
                    // number may be a size said apart ("oled 65").
                    // So is no count of what follows ("frost free 2 portas").
                    let counts_next = spans.get(i + 1).is_some_and(|next| {
                        matches!(next.item, Item::Term(_) | Item::Facet { .. })
                    });
                    let named = (matches!(spans[i - 1].item, Item::Term(_))
                        && number.len() == 1
                        && !counts_next)
                        .then(|| {
                            let before = p.texts.iter().position(|(at, _)| *at == i - 1)?;
                            Some(p.texts.remove(before).1)
                        })
                        .flatten();
                    match named {
                        Some(name) => p.text(i, &format!("{name} {number}"), gap),
                        None => p.text(i, number, gap),
                    }
                } else if let Some(word) = lx.term(key_of(&span)).filter(|w| {
                    // model numbers ("501"), resolutions ("4k") and
                    // measures ("55 polegadas", "12000 btus"), not counts
                    // ("2 pairs")
                    w.len() >= 3
                        || w.chars().any(char::is_alphabetic)
                        || spans
                            .get(i + 1)
                            .is_some_and(|next| !used[i + 1] && matches!(next.item, Item::Term(_)))
                }) {
                    let bounded = super::measure::bounded(spans, &mut taken, i, word);
                    p.text(i, bounded.as_deref().unwrap_or(word), gap);
                } else {
                    out.ignored.push(key_of(&span).to_string());
                }
                p.other_keep_lists();
            }
            // "best rated first", "mais baratos primeiro": the ordinal
            // belongs to the order, it selects nothing.
            Item::Ordinal(_) if p.sorted_at.is_some_and(|at| follows(spans, used, at, i)) => {
                p.other();
            }
            // "tv para o quarto": after a link, an ordinal's word is a noun
            // ("quarto" is a bedroom), no pick.
            Item::Ordinal(_) if ordinal_after_link(spans, tokens, i) => {
                p.other();
            }
            Item::Ordinal(n) => {
                if similar_at.is_some_and(|s| s < i) {
                    similar_n = Some(n as usize);
                } else {
                    p.ops.push((i, Op::Select(n as usize)));
                }
                p.other();
            }
            Item::Sym(_) => {}
            Item::Slot(slot, alt) => {
                let next = (i + 1..spans.len())
                    .find(|&j| !used[j] && !matches!(spans[j].item, Item::Stop));
                let dont_care =
                    next.filter(|&j| matches!(spans[j].item, Item::Marker(Marker::DontCare)));
                if let Some((_, Clearing::Other)) = p.clearing {
                    if let SlotRef::Slot(s) = slot {
                        p.ops.push((i, Op::Other(s.clone())));
                    }
                    p.clearing = None;
                } else if p.clearing.is_some() {
                    p.ops.push((i, slot_op(slot)));
                    p.clearing = None;
                } else if let Some(j) = dont_care {
                    p.ops.push((i, slot_op(slot)));
                    i = j + 1;
                    continue;
                } else if let Some(m @ (Marker::Cheap | Marker::Cheaper | Marker::Pricier)) = alt {
                    p.ops.push((i, marker_op(m)));
                } else if *slot == SlotRef::Slot(Slot::Size) {
                    p.size_pending = true;
                    if pick_is_pt_number(tokens, spans, i) {
                        p.pick_pending = true;
                    }
                    p.asked = Some((i, Slot::Size));
                } else if let SlotRef::Slot(s) = slot {
                    p.asked = Some((i, s.clone()));
                }
                p.neg = p.neg && *slot != SlotRef::Price;
            }
            Item::Marker(m) => match m {
                // "não, consul" after Brastemp: an answer (no), then what
                // the shopper wants instead; not "except Consul".
                Marker::Neg if answers_no(tokens, spans, i) => {}
                Marker::Neg => {
                    p.neg = true;
                    p.neg_list = None;
                    p.clearing = None;
                }
                Marker::Or | Marker::And if p.neg_list.is_some() => p.neg = true,
                // "any colour but blue": everything but what follows.
                Marker::But if matches!(p.ops.last(), Some((_, Op::Clear(_)))) => {
                    p.neg = true;
                    p.neg_list = None;
                }
                Marker::Also => {}
                // "star wars", "estrela do mar": no number rates nothing,
                // and the titles have the word.
                Marker::Stars if lx.term_count(key_of(&span)) > 0 => {
                    let word = as_typed(raw, tokens, span.start, key_of(&span));
                    p.text(i, &word, gap);
                }
                // "air max", "nike air max 97": a price bound with no
                // amount is the titles' word, where several titles use it.
                Marker::Lt | Marker::Gt
                    if span.end == span.start + 1
                        && lx.term_count(key_of(&span)) >= WORD_TITLES =>
                {
                    let word = as_typed(raw, tokens, span.start, key_of(&span));
                    p.text(i, &word, gap);
                }
                Marker::InsteadOf => p.skip_next = true,
                Marker::Any | Marker::DontCare => p.clearing = Some((i, Clearing::Any)),
                Marker::Other => p.clearing = Some((i, Clearing::Other)),
                // "esquece, quero um monitor": a new request after a
                // break, not the monitor forgotten.
                Marker::Forget | Marker::ClearWord
                    if (i + 1..spans.len())
                        .find(|&j| !used[j] && !matches!(spans[j].item, Item::Stop))
                        .is_some_and(|j| (i + 1..=j).any(|k| gap_of(&spans[k]))) =>
                {
                    p.ops.push((i, Op::Reset));
                    p.other();
                }
                Marker::Forget => p.clearing = Some((i, Clearing::Forget { reset_alone: false })),
                Marker::ClearWord => p.clearing = Some((i, Clearing::Forget { reset_alone: true })),
                Marker::Pick => p.pick_pending = true,
                Marker::More => more_at = more_at.or(Some(i)),
                Marker::Similar => {}
                Marker::Greeting | Marker::Thanks | Marker::Help | Marker::PriceAsked => {
                    p.deferred.push((i, marker_op(m)))
                }
                // "from most expensive to cheapest", "do mais caro para o
                // mais barato": the first order named is the one asked for.
                Marker::Sort(_) => {
                    if !p.ops.iter().any(|(_, op)| matches!(op, Op::Sort(_))) {
                        p.ops.push((i, marker_op(m)));
                    }
                    p.sorted_at = Some(i);
                    p.other();
                }
                Marker::Cheap
                | Marker::Cheaper
                | Marker::Pricier
                | Marker::Bigger(_)
                | Marker::Smaller(_)
                | Marker::Reset => {
                    p.ops.push((i, marker_op(m)));
                    p.other();
                }
                _ => {}
            },
        }
        i += 1;
    }
    // "other options", "mostra outros": nothing else named, the next ones.
    if let Some((at, Clearing::Other)) = p.clearing {
        more_at = more_at.or(Some(at));
    }
    if let Some((at, Clearing::Forget { reset_alone: true })) = p.clearing {
        p.ops.push((at, Op::Reset));
    }
    let mut ops = p.ops;
    let values = |g: &Gathered| -> Option<(Slot, Vec<String>)> {
        let f = lx.facet(g.facet)?;
        let mut vals: Vec<String> = g
            .values
            .iter()
            .filter_map(|&v| f.values.get(v as usize).cloned())
            .collect();
        vals.extend(g.absent.iter().cloned());
        (!vals.is_empty()).then(|| (f.slot.clone(), vals))
    };
    let together = super::together::colour_groups(spans, &p.colours).filter(|_| !adding);
    let asked_slot = p.asked.as_ref().map(|(_, s)| s.clone());
    // "what brands do you have": a function word is no value of the slot
    // asked about, whatever value it spells ("You").
    let spelled_by_function_word = |g: &Gathered| {
        asked_slot.is_some()
            && lx.facet(g.facet).map(|f| &f.slot) == asked_slot.as_ref()
            && crate::language::is_function_word(key_of(&spans[g.pos]))
    };
    p.positive.retain(|g| !spelled_by_function_word(g));
    for g in &p.positive {
        if let Some(op) = together
            .as_ref()
            .and_then(|t| super::together::op(lx, t, g.facet))
        {
            ops.push((g.pos, op));
            continue;
        }
        if let Some((slot, vals)) = values(g) {
            ops.push((
                g.pos,
                if adding {
                    Op::Add(slot, vals)
                } else {
                    Op::Set(slot, vals)
                },
            ));
        }
    }
    for g in &p.negative {
        if let Some((slot, vals)) = values(g) {
            ops.push((g.pos, Op::Exclude(slot, vals)));
        }
    }
    ops.extend(p.texts.into_iter().map(|(at, w)| (at, Op::Text(w))));
    ops.extend(
        p.excluded_texts
            .into_iter()
            .map(|(at, w)| (at, Op::ExcludeText(w))),
    );
    if let Some(at) = similar_at {
        ops.push((at, Op::Similar(similar_n)));
    }
    // A slot named with none of its values: its values are asked about.
    if let Some((at, slot)) = p.asked {
        let valued = ops.iter().any(|(_, op)| match op {
            Op::Set(s, _)
            | Op::Add(s, _)
            | Op::SetTogether(s, _)
            | Op::Exclude(s, _)
            | Op::Clear(s)
            | Op::Other(s) => *s == slot,
            _ => false,
        });
        if !valued {
            ops.push((at, Op::AskSlot(slot)));
        }
    }
    if ops.is_empty() {
        if let Some(at) = more_at {
            ops.push((at, Op::More));
        } else {
            for (at, op) in p.deferred {
                if !ops.iter().any(|(_, o)| *o == op) {
                    ops.push((at, op));
                }
            }
        }
    }
    ops.sort_by_key(|(at, _)| *at);
    out.ops = ops.into_iter().map(|(_, op)| op).collect();
}

/// True for a word that may name something the shopper wants: a real word
/// (a known word of a language, however rare — "upholstered" — or one the
/// catalog's descriptions use: "amortecimento", "breathable"; gibberish is
/// not understood, not searched), not laughter, at least three letters.
/// True when the ordinal at `i` is a word (not digits: "2º" picks) after a
/// word saying what a product is for ("para o quarto", "pro quarto"), an
/// article between; "a capacidade da primeira" still picks.
fn ordinal_after_link(spans: &[Span<'_>], tokens: &Tokens, i: usize) -> bool {
    let written = tokens
        .toks
        .get(spans[i].start)
        .is_some_and(|t| t.kind == TokKind::Word);
    let key = |k: usize| tokens.key(spans[k].start);
    let link = |k: usize| {
        crate::language::every().any(|(_, d)| d.purpose_links.iter().any(|l| l == key(k)))
    };
    let article = |k: usize| matches!(key(k), "o" | "a" | "os" | "as" | "the" | "um" | "uma");
    written
        && match i.checked_sub(1) {
            Some(k) if link(k) => true,
            Some(k) if article(k) => k.checked_sub(1).is_some_and(link),
            _ => false,
        }
}

/// True when the span before or after span `i` is a colour.
fn beside_a_colour(lx: &Lexicon, spans: &[Span<'_>], i: usize) -> bool {
    [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| spans.get(j))
        .any(|s| {
            matches!(s.item, Item::Facet { facet, .. } | Item::Absent { facet }
                if lx.facet(facet).is_some_and(|f| f.slot == Slot::Color))
        })
}

/// Titles that must use a price word said without an amount ("max") for
/// it to be read as theirs.
const WORD_TITLES: u64 = 3;

/// True when the word after token `t` denies it ("paraben free"): a word
/// the catalog does not know is what the shopper asks to be without, and
/// is asked for with its denial (as one phrase, [`Pass::text`]), never
/// left out to leave "free" alone.
fn denied_next(tokens: &Tokens, t: usize) -> bool {
    tokens
        .toks
        .get(t + 1)
        .is_some_and(|next| next.kind == TokKind::Word)
        && crate::language::denies_before(tokens.key(t + 1))
}

fn is_content_word(word: &str, described: &dyn Fn(&str) -> bool) -> bool {
    // "55in": a measurement is asked for whether or not a title has it.
    crate::language::units::is_measurement(word)
        || word.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && crate::language::laughter(word).next().is_none()
            && (crate::language::is_known_word(word)
                || described(word)
                // "2-door": a count and a noun, asked for as written and
                // as the count before the noun ("with 2 doors").
                || crate::text::count_compound(word)
                    .is_some_and(|(_, noun)| crate::language::is_known_word(&noun)))
}

/// Marks `taken` the words naming a dimension ("wide", "altura") beside a
/// length, stop words between ("120 cm de largura"): the length is asked
/// for, and a title's "140x80 cm" is measured in every dimension.
fn dimension_words(spans: &[Span<'_>], tokens: &Tokens, taken: &mut [bool]) {
    let one_word = |s: &Span<'_>| (s.end == s.start + 1).then(|| tokens.key(s.start));
    let is_length = |s: &Span<'_>| {
        one_word(s)
            .and_then(crate::language::units::quantity_of)
            .is_some_and(|q| q == "in")
    };
    let beside_length = |i: usize| {
        let open = |j: &usize| !matches!(spans[*j].item, Item::Stop);
        let before = (0..i).rev().find(open).map(|j| &spans[j]);
        let after = (i + 1..spans.len()).find(open).map(|j| &spans[j]);
        before.is_some_and(is_length) || after.is_some_and(is_length)
    };
    for (i, span) in spans.iter().enumerate() {
        if one_word(span).is_some_and(crate::language::is_dimension_word) && beside_length(i) {
            taken[i] = true;
        }
    }
}

fn marker_op(m: Marker) -> Op {
    match m {
        Marker::Cheap => Op::Cheap,
        Marker::Cheaper => Op::Cheaper,
        Marker::Pricier => Op::Pricier,
        Marker::Bigger(measured) => Op::Bigger(measured),
        Marker::Smaller(measured) => Op::Smaller(measured),
        Marker::Sort(s) => Op::Sort(s),
        Marker::Reset => Op::Reset,
        Marker::Greeting => Op::Greeting,
        Marker::Thanks => Op::Thanks,
        Marker::Help => Op::Help,
        Marker::PriceAsked => Op::PriceAsked,
        _ => Op::More,
    }
}
/// A word asked for as text, as the shopper wrote it ("mecânico", shown
/// back with its accent) when it is the word understood (`key`), else
/// `key` (a corrected typo is shown corrected).
fn as_typed(raw: &str, tokens: &Tokens, t: usize, key: &str) -> String {
    let typed = tokens
        .toks
        .get(t)
        .and_then(|tok| raw.get(tok.raw.clone()))
        .filter(|_| tokens.key(t) == key)
        .map(str::to_lowercase);
    typed
        .filter(|w| crate::text::key(w) == key)
        .unwrap_or_else(|| key.to_string())
}
