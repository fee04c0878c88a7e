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
use super::lexicon::Lexicon;
use super::ops::{Op, Understanding};
use super::span::{Item, SlotRef, Span};
use super::token::{TokKind, Tokens};
use crate::model::Slot;

/// Values of one facet gathered from a message.
struct Gathered {
    pos: usize,
    facet: u16,
    values: Vec<u32>,
}

fn gather(list: &mut Vec<Gathered>, pos: usize, facet: u16, values: &[u32]) {
    match list.iter_mut().find(|g| g.facet == facet) {
        Some(g) => {
            for v in values {
                if !g.values.contains(v) {
                    g.values.push(*v);
                }
            }
        }
        None => list.push(Gathered {
            pos,
            facet,
            values: values.to_vec(),
        }),
    }
}

/// What "any"/"forget" is waiting for.
#[derive(Clone, Copy, PartialEq)]
enum Clearing {
    /// "any", "qualquer": a slot name follows.
    Any,
    /// "forget", "remove", "clear": a slot name or a value follows.
    Forget { reset_alone: bool },
}

/// The state of the left-to-right pass.
#[derive(Default)]
struct Pass {
    positive: Vec<Gathered>,
    negative: Vec<Gathered>,
    texts: Vec<(usize, String)>,
    excluded_texts: Vec<(usize, String)>,
    ops: Vec<(usize, Op)>,
    deferred: Vec<(usize, Op)>,
    /// Negation armed by "not"/"sem".
    neg: bool,
    /// Facet (or `u16::MAX` for text) of the last negated entity, for lists.
    neg_list: Option<u16>,
    clearing: Option<(usize, Clearing)>,
    size_pending: bool,
    pick_pending: bool,
    skip_next: bool,
}

const TEXT: u16 = u16::MAX;

impl Pass {
    fn entity(&mut self, lx: &Lexicon, pos: usize, facet: u16, values: &[u32], gap: bool) {
        if std::mem::take(&mut self.skip_next) {
            return;
        }
        if let Some((_, Clearing::Forget { .. })) = self.clearing {
            self.clearing = None;
            if let Some(f) = lx.facet(facet) {
                self.ops.push((pos, Op::Clear(f.slot.clone())));
            }
            return;
        }
        self.clearing = None;
        let negated = self.neg || gap && self.neg_list == Some(facet);
        if negated {
            gather(&mut self.negative, pos, facet, values);
            self.neg_list = Some(facet);
        } else {
            gather(&mut self.positive, pos, facet, values);
            self.neg_list = None;
        }
        self.neg = false;
    }

    fn text(&mut self, pos: usize, word: &str, gap: bool) {
        if std::mem::take(&mut self.skip_next) {
            return;
        }
        self.clearing = None;
        let negated = self.neg || gap && self.neg_list == Some(TEXT);
        let list = if negated {
            self.neg_list = Some(TEXT);
            &mut self.excluded_texts
        } else {
            self.neg_list = None;
            &mut self.texts
        };
        if !list.iter().any(|(_, w)| w == word) {
            list.push((pos, word.to_string()));
        }
        self.neg = false;
    }

    /// Any other meaningful span ends negation lists and pending clearings.
    fn other(&mut self) {
        self.neg = false;
        self.neg_list = None;
        self.clearing = None;
    }
}

fn slot_op(slot: &SlotRef) -> Op {
    match slot {
        SlotRef::Slot(s) => Op::Clear(s.clone()),
        SlotRef::Price => Op::ClearPrice,
    }
}

/// Turns the spans not used by prices into operators, completing `out`.
pub(crate) fn extract(
    lx: &Lexicon,
    raw: &str,
    tokens: &Tokens,
    spans: &[Span<'_>],
    used: &[bool],
    price_ops: Vec<(usize, Op)>,
    out: &mut Understanding,
) {
    let meaningful = |i: usize| !used[i] && !matches!(spans[i].item, Item::Stop | Item::Unknown);
    let first = (0..spans.len()).find(|&i| meaningful(i));
    let adding = first.is_some_and(|i| {
        matches!(
            spans[i].item,
            Item::Marker(Marker::Or | Marker::And | Marker::Also)
        )
    }) || spans
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

    let mut i = 0;
    while i < spans.len() {
        let span = spans[i];
        if used[i] {
            i += 1;
            continue;
        }
        let gap = gap_of(&span);
        match span.item {
            Item::Stop | Item::Unknown => {
                if let Some((f, values)) = size_here(lx, raw, tokens, &span, p.size_pending) {
                    p.size_pending = false;
                    p.entity(lx, i, f, values, gap);
                } else {
                    for t in span.start..span.end {
                        if tokens.toks.get(t).is_some_and(|t| t.kind == TokKind::Word) {
                            out.ignored.push(tokens.key(t).to_string());
                        }
                    }
                }
            }
            Item::Term(word) => {
                if let Some((f, values)) = size_here(lx, raw, tokens, &span, p.size_pending) {
                    p.size_pending = false;
                    p.entity(lx, i, f, values, gap);
                } else {
                    p.text(i, word, gap);
                }
            }
            Item::Facet { facet, values } => {
                p.size_pending = false;
                if let Some((_, Clearing::Any)) = p.clearing {
                    p.clearing = None; // "any red one": just red
                }
                p.entity(lx, i, facet, values, gap);
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
                } else if let Some(n) = n.filter(|&n| n <= 50 && (pick_word || lone_number)) {
                    p.ops.push((i, Op::Select(n)));
                } else if let Some(word) = lx.term(key_of(&span)).filter(|w| w.len() >= 3) {
                    // model numbers ("501"), not counts ("2 pairs")
                    p.text(i, word, gap);
                } else {
                    out.ignored.push(key_of(&span).to_string());
                }
                p.other_keep_lists();
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
                if let Some((_, c)) = p.clearing {
                    let _ = c;
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
                }
                p.neg = p.neg && *slot != SlotRef::Price;
            }
            Item::Marker(m) => match m {
                Marker::Neg => {
                    p.neg = true;
                    p.neg_list = None;
                    p.clearing = None;
                }
                Marker::Or | Marker::And if p.neg_list.is_some() => p.neg = true,
                Marker::Also => {}
                Marker::InsteadOf => p.skip_next = true,
                Marker::Any | Marker::DontCare => p.clearing = Some((i, Clearing::Any)),
                Marker::Forget => p.clearing = Some((i, Clearing::Forget { reset_alone: false })),
                Marker::ClearWord => p.clearing = Some((i, Clearing::Forget { reset_alone: true })),
                Marker::Pick => p.pick_pending = true,
                Marker::More => more_at = more_at.or(Some(i)),
                Marker::Similar => {}
                Marker::Greeting | Marker::Thanks | Marker::Help => {
                    p.deferred.push((i, marker_op(m)))
                }
                Marker::Cheap
                | Marker::Cheaper
                | Marker::Pricier
                | Marker::Sort(_)
                | Marker::Reset => {
                    p.ops.push((i, marker_op(m)));
                    p.other();
                }
                _ => {}
            },
        }
        i += 1;
    }
    if let Some((at, Clearing::Forget { reset_alone: true })) = p.clearing {
        p.ops.push((at, Op::Reset));
    }
    let mut ops = p.ops;
    let values = |g: &Gathered| -> Option<(Slot, Vec<String>)> {
        let f = lx.facet(g.facet)?;
        let vals = g
            .values
            .iter()
            .filter_map(|&v| f.values.get(v as usize).cloned())
            .collect();
        Some((f.slot.clone(), vals))
    };
    for g in &p.positive {
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

impl Pass {
    /// A number ends pending clearings and negation (but keeps lists).
    fn other_keep_lists(&mut self) {
        self.clearing = None;
    }
}

/// True when the span at `i` follows the Portuguese "número"/"numero",
/// which announces a shoe size as often as a position.
fn pick_is_pt_number(tokens: &Tokens, spans: &[Span<'_>], i: usize) -> bool {
    (0..=i).rev().take(2).any(|j| {
        spans
            .get(j)
            .is_some_and(|s| matches!(tokens.key(s.start), "numero" | "num"))
    })
}

/// The size values a one-token span names, when the context allows a bare
/// size: after "size"/"tamanho", a key of two characters or more ("42",
/// "xl", "gg"), or a single capital letter ("M", "P").
fn size_here<'a>(
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
    let (f, values) = lx.size_values(key)?;
    let tok = tokens.toks.get(span.start)?;
    let raw_tok = raw.get(tok.raw.clone()).unwrap_or("");
    let single_capital = raw_tok.chars().count() == 1 && raw_tok.chars().all(char::is_uppercase);
    (pending || key.chars().count() >= 2 || single_capital).then_some((f, values))
}

fn marker_op(m: Marker) -> Op {
    match m {
        Marker::Cheap => Op::Cheap,
        Marker::Cheaper => Op::Cheaper,
        Marker::Pricier => Op::Pricier,
        Marker::Sort(s) => Op::Sort(s),
        Marker::Reset => Op::Reset,
        Marker::Greeting => Op::Greeting,
        Marker::Thanks => Op::Thanks,
        Marker::Help => Op::Help,
        _ => Op::More,
    }
}
