//! The state of the left-to-right pass of [`super::intent`]: the facet
//! values gathered from a message (positive and negated), its words, the
//! operators read so far, and what negation, clearing ("any", "forget",
//! "another"), sizes and picks are waiting for.

use super::lexicon::Lexicon;
use super::ops::Op;
use crate::model::Slot;

/// Values of one facet gathered from a message.
pub(super) struct Gathered {
    pub(super) pos: usize,
    pub(super) facet: u16,
    pub(super) values: Vec<u32>,
    /// Words of built-in concepts this catalog has no value of ("red").
    pub(super) absent: Vec<String>,
}

pub(super) fn gather(
    list: &mut Vec<Gathered>,
    pos: usize,
    facet: u16,
    values: &[u32],
    absent: Option<&str>,
) {
    let g = match list.iter().position(|g| g.facet == facet) {
        Some(at) => &mut list[at],
        None => {
            list.push(Gathered {
                pos,
                facet,
                values: Vec::new(),
                absent: Vec::new(),
            });
            let last = list.len() - 1;
            &mut list[last]
        }
    };
    for v in values {
        if !g.values.contains(v) {
            g.values.push(*v);
        }
    }
    if let Some(word) = absent.filter(|w| !g.absent.iter().any(|a| a == w)) {
        g.absent.push(word.to_string());
    }
}

/// Which sexes and ages a set of audience values covers.
#[derive(Default)]
struct Covered {
    female: bool,
    male: bool,
    grown_ups: bool,
    children: bool,
}

impl Covered {
    fn of(lx: &Lexicon, facet: u16, values: &[u32]) -> Covered {
        use super::builtin::Audience::*;
        let mut c = Covered::default();
        let Some(f) = lx.facet(facet) else {
            return c;
        };
        for &v in values {
            let key = f.values.get(v as usize).map(|v| crate::text::key(v));
            match key.and_then(|k| super::concept::value_audience(&k)) {
                Some(Men) => (c.male, c.grown_ups) = (true, true),
                Some(Women) => (c.female, c.grown_ups) = (true, true),
                Some(Boys) => (c.male, c.children) = (true, true),
                Some(Girls) => (c.female, c.children) = (true, true),
                Some(Kids) => c.children = true,
                Some(Unisex) | None => {}
            }
        }
        c
    }

    /// Children of both sexes (or children in general), no grown-ups.
    fn children_alike(&self) -> bool {
        self.children && !self.grown_ups && self.female == self.male
    }

    /// One sex: `Some(true)` for female.
    fn one_sex(&self) -> Option<bool> {
        (self.female != self.male).then_some(self.female)
    }
}

/// What "any"/"forget" is waiting for.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Clearing {
    /// "any", "qualquer": a slot name follows.
    Any,
    /// "forget", "remove", "clear": a slot name or a value follows.
    Forget { reset_alone: bool },
    /// "another", "outra": a slot name follows.
    Other,
}

/// The state of the left-to-right pass.
#[derive(Default)]
pub(super) struct Pass {
    pub(super) positive: Vec<Gathered>,
    pub(super) negative: Vec<Gathered>,
    pub(super) texts: Vec<(usize, String)>,
    pub(super) excluded_texts: Vec<(usize, String)>,
    pub(super) ops: Vec<(usize, Op)>,
    pub(super) deferred: Vec<(usize, Op)>,
    /// Negation armed by "not"/"sem".
    pub(super) neg: bool,
    /// Facet (or `u16::MAX` for text) of the last negated entity, for lists.
    pub(super) neg_list: Option<u16>,
    pub(super) clearing: Option<(usize, Clearing)>,
    pub(super) size_pending: bool,
    pub(super) pick_pending: bool,
    pub(super) skip_next: bool,
    /// Where a sorting phrase was read.
    pub(super) sorted_at: Option<usize>,
    /// The colours asked for, each where it was said.
    pub(super) colours: Vec<super::together::Said>,
    /// A slot named with none of its values yet ("which brands?").
    pub(super) asked: Option<(usize, Slot)>,
}

pub(super) const TEXT: u16 = u16::MAX;

impl Pass {
    pub(super) fn entity(
        &mut self,
        lx: &Lexicon,
        pos: usize,
        facet: u16,
        values: &[u32],
        gap: bool,
    ) {
        self.entity_or_absent(lx, pos, facet, values, None, gap);
    }

    /// The audience values gathered so far and `values` read together,
    /// when one names children and the other a sex: the children of that
    /// sex (and children in general), not both sexes' ("baby girl",
    /// "tênis infantil para menina", "infantil feminino"). `None` to gather
    /// as ever.
    fn children_of_one_sex(&self, lx: &Lexicon, facet: u16, values: &[u32]) -> Option<Vec<u32>> {
        use super::builtin::Audience::{Boys, Girls, Kids};
        if lx.facet(facet)?.slot != Slot::Gender || values.is_empty() {
            return None;
        }
        let before = &self.positive.iter().find(|g| g.facet == facet)?.values;
        let (old, new) = (
            Covered::of(lx, facet, before),
            Covered::of(lx, facet, values),
        );
        let female = match (old.children_alike(), new.children_alike()) {
            (true, false) => new.one_sex()?,
            (false, true) => old.one_sex()?,
            _ => return None,
        };
        let child = if female { Girls } else { Boys };
        let f = lx.facet(facet)?;
        let audience = |v: &u32| {
            f.values
                .get(*v as usize)
                .and_then(|v| super::concept::value_audience(&crate::text::key(v)))
        };
        let all: Vec<u32> = before.iter().chain(values).copied().collect();
        let mut out: Vec<u32> = Vec::new();
        for wanted in [child, Kids] {
            for v in &all {
                if audience(v) == Some(wanted) && !out.contains(v) {
                    out.push(*v);
                }
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// An entity, or (`absent`) a concept word of the facet without values.
    pub(super) fn entity_or_absent(
        &mut self,
        lx: &Lexicon,
        pos: usize,
        facet: u16,
        values: &[u32],
        absent: Option<&str>,
        gap: bool,
    ) {
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
            // Excluding a value the catalog does not have excludes the
            // titles that name it ("not black" where a colour column says
            // "Red" of a "Red & Black" shirt), or nothing.
            if let Some(term) = absent
                .filter(|_| values.is_empty())
                .and_then(|w| lx.term(w))
            {
                let term = term.to_string();
                self.neg = true;
                self.text(pos, &term, gap);
            }
            gather(&mut self.negative, pos, facet, values, None);
            self.neg_list = Some(facet);
        } else {
            match self.children_of_one_sex(lx, facet, values) {
                Some(narrowed) => {
                    if let Some(g) = self.positive.iter_mut().find(|g| g.facet == facet) {
                        g.values = narrowed;
                    }
                }
                None => gather(&mut self.positive, pos, facet, values, absent),
            }
            if !values.is_empty() && lx.facet(facet).is_some_and(|f| f.slot == Slot::Color) {
                self.colours.push((pos, facet, values.to_vec()));
            }
            self.neg_list = None;
        }
        self.neg = false;
    }

    pub(super) fn text(&mut self, pos: usize, word: &str, gap: bool) {
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
        // "sulfate free": one phrase, the claim of lacking what comes before.
        let last = list.last_mut().filter(|(at, _)| *at + 1 == pos);
        if let Some((at, before)) = last.filter(|_| crate::language::denies_before(word)) {
            *before = format!("{before} {word}");
            *at = pos;
        } else if !list.iter().any(|(_, w)| w == word) {
            list.push((pos, word.to_string()));
        }
        self.neg = false;
    }

    /// Any other meaningful span ends negation lists and pending clearings.
    pub(super) fn other(&mut self) {
        self.neg = false;
        self.neg_list = None;
        self.clearing = None;
    }
}

impl Pass {
    /// A number ends pending clearings and negation (but keeps lists).
    pub(super) fn other_keep_lists(&mut self) {
        self.clearing = None;
    }
}
