//! Colours said together: "black and white sneakers", "cadeira preta e
//! vermelha" ask for a two-tone product, not for either colour ("black or
//! white"). Two colours joined by the language's "and" (nothing else
//! between but stop words) are one such request; a catalog value naming
//! both ("Black and White") is matched whole before this is asked.

use super::builtin::Marker;
use super::lexicon::Lexicon;
use super::ops::Op;
use super::span::{Item, Span};

/// One colour named in the message: where, its facet, its values.
pub(super) type Said = (usize, u16, Vec<u32>);

/// The colours of the first run of colours joined by "and" in `said`
/// (two or more; commas may join the first ones: "red, black and
/// white"), as one list of values each; `None` when there is none.
pub(super) fn colour_groups(spans: &[Span<'_>], said: &[Said]) -> Option<(u16, Vec<Vec<u32>>)> {
    let mut run: Vec<&Said> = Vec::new();
    let mut anded = false;
    for colour in said {
        let between = run
            .last()
            .filter(|last| last.1 == colour.1)
            .and_then(|last| spans.get(last.0 + 1..colour.0));
        let linked = between.is_some_and(|between| {
            between.iter().all(|s| {
                matches!(
                    s.item,
                    Item::Marker(Marker::And) | Item::Stop | Item::Sym(',')
                )
            })
        });
        if !linked {
            if run.len() >= 2 && anded {
                break;
            }
            run.clear();
            anded = false;
        }
        anded |= between.is_some_and(|between| {
            linked
                && between
                    .iter()
                    .any(|s| matches!(s.item, Item::Marker(Marker::And)))
        });
        run.push(colour);
    }
    (run.len() >= 2 && anded).then(|| (run[0].1, run.iter().map(|(_, _, v)| v.clone()).collect()))
}

/// The operator asking for `groups` (from [`colour_groups`]) together,
/// when they are of `facet`.
pub(super) fn op(lx: &Lexicon, (of, groups): &(u16, Vec<Vec<u32>>), facet: u16) -> Option<Op> {
    let f = lx.facet(facet).filter(|_| *of == facet)?;
    let named = |v: &u32| f.values.get(*v as usize).cloned();
    let groups = groups.iter().map(|g| g.iter().filter_map(named).collect());
    Some(Op::SetTogether(f.slot.clone(), groups.collect()))
}
