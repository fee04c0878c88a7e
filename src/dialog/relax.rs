//! When nothing matches: which constraints to drop, in which order, and
//! the search that finally shows something. The searching itself is
//! handed in as a counting closure, so this policy knows nothing of the
//! index.

use super::Session;
use super::apply::Changes;
use super::order::relaxation_order;
use crate::error::Result;
use crate::model::{
    ConstraintKind, Constraints, Dropped, FacetFilter, PriceMove, SearchSpec, Slot, Sort,
};

/// What to show when the exact search matched nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Fallback {
    /// The same constraints match once words no title says are read by
    /// their contrast ("ração seca": the rações not marked "Úmida").
    Contrasted(SearchSpec),
    /// The same constraints match once words may match descriptions.
    Described(SearchSpec),
    /// These constraints were set aside; `spec` matches without them.
    Relaxed {
        /// The search to show.
        spec: SearchSpec,
        /// The constraints set aside, with their values.
        dropped: Vec<Dropped>,
    },
    /// No product has the colours asked together ("black and white"):
    /// `spec` asks for either, and the session does from now on.
    Apart {
        /// The search to show.
        spec: SearchSpec,
        /// The colours asked together, the first said of each.
        together: Vec<String>,
    },
    /// "cheaper"/"pricier" went past the end: the constraints before the
    /// message are back, and `spec` shows them by price.
    NothingBeyond {
        /// The search to show.
        spec: SearchSpec,
        /// Which way the price moved.
        moved: PriceMove,
    },
    /// Attributes kept from another product type (the brand of the TVs
    /// after "agora ração pra gato") that no product of the new type has:
    /// forgotten, as the shopper never asked them of it; `spec` matches.
    Unkept {
        /// The search to show.
        spec: SearchSpec,
        /// What was forgotten.
        unkept: Vec<Dropped>,
    },
    /// Nothing matches even with every constraint but the last set aside:
    /// the store has no such product.
    Nothing,
}

/// Sets one constraint kind of `c` aside; returns what it asked for.
/// What the shopper excluded stays excluded ("sem Electrolux" is never
/// answered with Electrolux): only what a kind asks for is dropped.
pub fn drop_constraint(c: &mut Constraints, kind: &ConstraintKind) -> Dropped {
    let mut dropped = c.remove(kind);
    let excluded = std::mem::take(&mut dropped.none_of);
    match kind {
        ConstraintKind::Text => c.excluded_text = excluded,
        ConstraintKind::Facet(slot) if !excluded.is_empty() => {
            c.facets.insert(
                slot.clone(),
                FacetFilter {
                    none_of: excluded,
                    ..FacetFilter::default()
                },
            );
        }
        _ => {}
    }
    dropped
}

/// True when the constraint `kind` of `c` asks for something: exclusions
/// alone ask for nothing, and are never set aside.
fn asks(c: &Constraints, kind: &ConstraintKind) -> bool {
    match kind {
        ConstraintKind::Text => !c.text.is_empty(),
        ConstraintKind::Facet(slot) => c
            .facet(slot)
            .is_some_and(|f| !f.any_of.is_empty() || !f.and_of.is_empty()),
        _ => c.has(kind),
    }
}

/// How many constraints of `c` ask for something.
fn asking(c: &Constraints) -> usize {
    c.kinds().iter().filter(|kind| asks(c, kind)).count()
}

/// True for a kind of constraint that says what the product is (a type,
/// words, a brand, a colour...): not a budget, a rating or an audience,
/// which alone match any product.
fn defines(kind: &ConstraintKind) -> bool {
    !matches!(
        kind,
        ConstraintKind::Price | ConstraintKind::Rating | ConstraintKind::Facet(Slot::Gender)
    )
}

/// How many constraints of `c` say what the product is.
fn defining(c: &Constraints) -> usize {
    c.kinds()
        .iter()
        .filter(|kind| defines(kind) && asks(c, kind))
        .count()
}

/// What the session becomes once the search for `spec` (all it asks)
/// found `total` products, and what to show instead when it found none:
/// words matched in descriptions too, else constraints set aside one by
/// one (see [`relaxation_order`]) until `count` finds products — then
/// those not needed after all are put back. A price move past the end
/// ("cheaper" below the cheapest) restores `before` and shows it by price.
/// `None`: the products found are exact matches.
pub fn after_search(
    session: &mut Session,
    spec: &SearchSpec,
    changes: &Changes,
    before: &Session,
    total: u64,
    mut count: impl FnMut(&SearchSpec) -> Result<u64>,
) -> Result<Option<Fallback>> {
    if total > 0 {
        session.set_aside.clear();
        return Ok(None);
    }
    if let Some(contrasted) = super::reread::contrasted(spec, &mut count)? {
        session.constraints.contrasted = contrasted.constraints.contrasted.clone();
        session.set_aside.clear();
        return Ok(Some(Fallback::Contrasted(contrasted)));
    }
    if let Some(described) = super::reread::described(spec)
        && count(&described)? > 0
    {
        session.set_aside.clear();
        return Ok(Some(Fallback::Described(described)));
    }
    if let Some(unkept) = unkept(spec, changes, &mut count)? {
        let mut shown = spec.clone();
        let unkept = unkept
            .iter()
            .map(|kind| {
                drop_constraint(&mut session.constraints, kind);
                drop_constraint(&mut shown.constraints, kind)
            })
            .collect();
        session.set_aside.clear();
        // "agora ração seca": the new type's words read as ever.
        let shown = match super::reread::contrasted(&shown, &mut count)? {
            Some(contrasted) => {
                session.constraints.contrasted = contrasted.constraints.contrasted.clone();
                contrasted
            }
            None => settle(shown, &mut count)?,
        };
        return Ok(Some(Fallback::Unkept {
            spec: shown,
            unkept,
        }));
    }
    // A price move from a page shown without something the shopper asked
    // ("still without the audience") goes on without it, as that page did.
    if changes.moved_price.is_some()
        && let Some((within, dropped)) = within_set_aside(spec, before, &mut count)?
    {
        session.set_aside = dropped.iter().map(|d| d.kind.clone()).collect();
        session.kept_words = before.kept_words.clone();
        return Ok(Some(Fallback::Relaxed {
            spec: settle(within, &mut count)?,
            dropped,
        }));
    }
    // Past the end: what was shown, by price.
    if let Some(moved) = changes.moved_price {
        session.constraints = before.constraints.clone();
        session.set_aside = before.set_aside.clone();
        // What was shown, from the cheapest (or the dearest) on, so the
        // answer "these are the lowest-priced" shows it.
        session.constraints.sort = match moved {
            PriceMove::Cheaper => Sort::PriceAsc,
            PriceMove::Pricier => Sort::PriceDesc,
        };
        let previous = SearchSpec {
            constraints: session.applied(),
            ..spec.clone()
        };
        return Ok(Some(Fallback::NothingBeyond {
            spec: settle(previous, &mut count)?,
            moved,
        }));
    }
    // Colours asked together that no product has together: either of
    // them, before anything else is set aside ("black and white
    // sneakers": the black ones and the white ones).
    if let Some(apart) = colours_apart(&spec.constraints) {
        let trial = SearchSpec {
            constraints: apart,
            ..spec.clone()
        };
        if count(&trial)? > 0 {
            let together = drop_constraint(&mut spec.constraints.clone(), &COLOUR).any_of;
            if let (Some(now), Some(f)) = (
                trial.constraints.facet(&Slot::Color),
                session.constraints.facets.get_mut(&Slot::Color),
            ) {
                *f = now.clone();
            }
            session.set_aside.clear();
            return Ok(Some(Fallback::Apart {
                spec: settle(trial, &mut count)?,
                together,
            }));
        }
    }
    let order = relaxation_order(&spec.constraints, changes, &session.set_aside);
    let mut attempt = SearchSpec {
        with_description: true,
        ..spec.clone()
    };
    let mut dropped: Vec<ConstraintKind> = Vec::new();
    let mut found = false;
    for kind in order {
        // The last constraint is never set aside: showing everything
        // would answer a question nobody asked.
        if asking(&attempt.constraints) <= 1 {
            break;
        }
        if !asks(&attempt.constraints, &kind) {
            continue;
        }
        // Nor the last that says what the product is: "algodão até 700"
        // is not any product under 700, but cotton ones at any price.
        if defines(&kind) && defining(&attempt.constraints) <= 1 {
            continue;
        }
        drop_constraint(&mut attempt.constraints, &kind);
        dropped.push(kind);
        if count(&attempt)? > 0 {
            found = true;
            break;
        }
    }
    // Words alone, or beside what is never set aside: the word naming the
    // product (the last in English, the first in Portuguese) may match
    // without the others ("cough syrup" where titles say "Xarope", never
    // "tosse"); when it does not, nothing does ("electric toothbrush" is
    // no electric anything).
    let mut head = None;
    if !found
        && spec.constraints.text.len() >= 2
        && asks(&attempt.constraints, &ConstraintKind::Text)
    {
        let text = &spec.constraints.text;
        let word = match session.lang {
            crate::model::Lang::En => text.last(),
            crate::model::Lang::Pt => text.first(),
        };
        let mut trial = attempt.clone();
        trial.constraints.text = word.into_iter().cloned().collect();
        if word.is_some() && count(&trial)? > 0 {
            drop_constraint(&mut attempt.constraints, &ConstraintKind::Text);
            dropped.push(ConstraintKind::Text);
            head = word.cloned();
            found = true;
        }
    }
    if !found {
        return Ok(Some(Fallback::Nothing));
    }
    // Put back what turned out not to be in the way (all but the last
    // dropped, which made the difference).
    for at in (0..dropped.len().saturating_sub(1)).rev() {
        let mut restored = spec.constraints.clone();
        for (i, kind) in dropped.iter().enumerate() {
            if i != at {
                drop_constraint(&mut restored, kind);
            }
        }
        let trial = SearchSpec {
            constraints: restored,
            ..attempt.clone()
        };
        if count(&trial)? > 0 {
            attempt = trial;
            dropped.remove(at);
        }
    }
    // Of the shopper's words, only those in the way are set aside: "silk"
    // stays when "wedding" is what no saree mentions. The newest word is
    // kept first, as the newest request wins a conflict: "tv lg oled",
    // then "e qned?" is the QNED TVs, not the OLEDs again.
    let mut kept_words: Vec<String> = head.into_iter().collect();
    if dropped.contains(&ConstraintKind::Text) {
        for word in spec.constraints.text.iter().rev() {
            if kept_words.contains(word) {
                continue;
            }
            let mut trial = attempt.clone();
            trial.constraints.text = kept_words.iter().chain([word]).cloned().collect();
            if count(&trial)? > 0 {
                kept_words.push(word.clone());
            }
        }
        kept_words.reverse();
        attempt.constraints.text = kept_words.clone();
    }
    let mut held = spec.constraints.clone();
    let dropped: Vec<Dropped> = dropped
        .iter()
        .map(|kind| {
            let mut d = drop_constraint(&mut held, kind);
            if *kind == ConstraintKind::Text {
                d.any_of.retain(|w| !kept_words.contains(w));
            }
            d
        })
        .collect();
    session.set_aside = dropped.iter().map(|d| d.kind.clone()).collect();
    session.kept_words = kept_words;
    Ok(Some(Fallback::Relaxed {
        spec: settle(attempt, &mut count)?,
        dropped,
    }))
}

const COLOUR: ConstraintKind = ConstraintKind::Facet(Slot::Color);

/// `spec` with what was set aside `before` it set aside again (of the
/// words, those not kept; never the budget, which the move sets), and
/// what that sets aside, when it matches: a price moved from a page shown
/// without them ("cheaper" after "still without the audience") moves
/// within what that page showed.
fn within_set_aside(
    spec: &SearchSpec,
    before: &Session,
    count: &mut impl FnMut(&SearchSpec) -> Result<u64>,
) -> Result<Option<(SearchSpec, Vec<Dropped>)>> {
    let mut trial = SearchSpec {
        with_description: true,
        ..spec.clone()
    };
    let mut dropped = Vec::new();
    for kind in &before.set_aside {
        if *kind == ConstraintKind::Price || !asks(&trial.constraints, kind) {
            continue;
        }
        let asked = trial.constraints.text.clone();
        let mut d = drop_constraint(&mut trial.constraints, kind);
        if *kind == ConstraintKind::Text {
            let kept: Vec<String> = asked
                .into_iter()
                .filter(|w| before.kept_words.contains(w))
                .collect();
            d.any_of.retain(|w| !kept.contains(w));
            trial.constraints.text = kept;
        }
        dropped.push(d);
    }
    if dropped.is_empty() || asking(&trial.constraints) == 0 || count(&trial)? == 0 {
        return Ok(None);
    }
    Ok(Some((trial, dropped)))
}

/// The attributes kept from the type before (see [`Changes::kept`]) that
/// stand in the way of every product of the new one: the fewest whose
/// dropping matches, one at a time, else all. A budget and an audience
/// are the shopper's, whatever the product: they are set aside with a
/// notice instead.
fn unkept(
    spec: &SearchSpec,
    changes: &Changes,
    count: &mut impl FnMut(&SearchSpec) -> Result<u64>,
) -> Result<Option<Vec<ConstraintKind>>> {
    let kept: Vec<ConstraintKind> = changes
        .kept
        .iter()
        .filter(|k| {
            matches!(k, ConstraintKind::Facet(slot) if *slot != Slot::Gender && *slot != Slot::Type)
        })
        .filter(|k| asks(&spec.constraints, k))
        .cloned()
        .collect();
    if kept.is_empty() {
        return Ok(None);
    }
    let without = |kinds: &[ConstraintKind]| {
        let mut trial = spec.clone();
        trial.with_description = true;
        for kind in kinds {
            drop_constraint(&mut trial.constraints, kind);
        }
        trial
    };
    for kind in &kept {
        if count(&without(std::slice::from_ref(kind)))? > 0 {
            return Ok(Some(vec![kind.clone()]));
        }
    }
    Ok((kept.len() > 1 && count(&without(&kept))? > 0).then_some(kept))
}

/// `c` with its colours asked together ("black and white") asked as
/// alternatives instead; `None` when it has none together.
fn colours_apart(c: &Constraints) -> Option<Constraints> {
    let f = c.facet(&Slot::Color).filter(|f| !f.and_of.is_empty())?;
    let mut apart = c.clone();
    let either = apart.facets.get_mut(&Slot::Color)?;
    for value in f.and_of.iter().flatten() {
        if !either.any_of.contains(value) {
            either.any_of.push(value.clone());
        }
    }
    either.and_of.clear();
    Some(apart)
}

/// `spec` as words-in-titles search when that matches, else with
/// descriptions.
fn settle(
    mut spec: SearchSpec,
    count: &mut impl FnMut(&SearchSpec) -> Result<u64>,
) -> Result<SearchSpec> {
    spec.with_description = false;
    if !spec.constraints.text.is_empty() && count(&spec)? == 0 {
        spec.with_description = true;
    }
    Ok(spec)
}

/// True when the search that ended in `a` is closer to what the shopper
/// asked than the one that ended in `b` (`None`: exact matches): exact
/// first, then words found in descriptions, then fewer constraints set
/// aside, then "nothing beyond", then nothing.
pub fn closer(a: Option<&Fallback>, b: Option<&Fallback>) -> bool {
    fn distance(f: Option<&Fallback>) -> usize {
        match f {
            None => 0,
            Some(
                Fallback::Contrasted(_)
                | Fallback::Described(_)
                | Fallback::Apart { .. }
                | Fallback::Unkept { .. },
            ) => 1,
            Some(Fallback::Relaxed { dropped, .. }) => 2 + dropped.len(),
            Some(Fallback::NothingBeyond { .. }) => 50,
            Some(Fallback::Nothing) => 100,
        }
    }
    distance(a) < distance(b)
}

impl Fallback {
    /// The search to show, if any.
    pub fn spec(&self) -> Option<&SearchSpec> {
        match self {
            Fallback::Contrasted(spec)
            | Fallback::Described(spec)
            | Fallback::Apart { spec, .. }
            | Fallback::Relaxed { spec, .. }
            | Fallback::Unkept { spec, .. }
            | Fallback::NothingBeyond { spec, .. } => Some(spec),
            Fallback::Nothing => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialog::{apply, understood as ops};
    use crate::understand::Op;

    #[test]
    fn the_last_word_saying_what_the_product_is_stays() {
        let mut s = Session::default();
        let (_, ch) = apply(
            &mut s,
            &ops(vec![
                Op::Text("algodão".into()),
                Op::Price {
                    min: None,
                    max: Some(700.0),
                },
            ]),
            None,
        );
        let spec = spec_of(&s);
        let before = s.clone();
        // Nothing says "algodão" under 700; everything else is under 700.
        let count = |spec: &SearchSpec| -> Result<u64> {
            let c = &spec.constraints;
            Ok(match (c.text.is_empty(), c.price_max.is_some()) {
                (false, true) => 0,
                (false, false) => 4,
                (true, _) => 12_163,
            })
        };
        let fallback = after_search(&mut s, &spec, &ch, &before, 0, count).unwrap();
        // The budget is set aside, not the only word: cotton at any price.
        let Some(Fallback::Relaxed { spec, dropped }) = fallback else {
            panic!("{fallback:?}");
        };
        assert_eq!(spec.constraints.text, vec!["algodão".to_string()]);
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].kind, ConstraintKind::Price);
        // With no product of the word at all, nothing: not everything.
        let mut s = before.clone();
        let none = |spec: &SearchSpec| -> Result<u64> {
            Ok(u64::from(spec.constraints.text.is_empty()) * 12_163)
        };
        let fallback = after_search(&mut s, &spec_of(&before), &ch, &before, 0, none).unwrap();
        assert_eq!(fallback, Some(Fallback::Nothing));
    }

    #[test]
    fn only_the_words_in_the_way_are_set_aside() {
        let mut s = Session::default();
        let (_, ch) = apply(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Type, vec!["Saree".into()]),
                Op::Text("wedding".into()),
                Op::Text("silk".into()),
            ]),
            None,
        );
        let spec = spec_of(&s);
        let before = s.clone();
        // Sarees say "silk", none says "wedding".
        let count = |spec: &SearchSpec| -> Result<u64> {
            Ok(u64::from(!spec.constraints.text.iter().any(|w| w == "wedding")) * 37)
        };
        let fallback = after_search(&mut s, &spec, &ch, &before, 0, count).unwrap();
        let Some(Fallback::Relaxed { spec, dropped }) = fallback else {
            panic!("{fallback:?}")
        };
        assert_eq!(spec.constraints.text, vec!["silk".to_string()]);
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].any_of, vec!["wedding".to_string()]);
        assert_eq!(s.applied().text, vec!["silk".to_string()]);
        let aside = s.set_aside_values();
        assert_eq!(aside[0].any_of, vec!["wedding".to_string()]);
    }

    #[test]
    fn what_the_shopper_excluded_is_never_set_aside() {
        let mut s = Session::default();
        apply(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Type, vec!["Heels".into()]),
                Op::Exclude(Slot::Color, vec!["Black".into()]),
                Op::ExcludeText("platform".into()),
            ]),
            None,
        );
        let (_, ch) = apply(
            &mut s,
            &ops(vec![Op::Set(Slot::Color, vec!["Red".into()])]),
            None,
        );
        let spec = spec_of(&s);
        let before = s.clone();
        // No red heels: any other colour is shown, black never.
        let count = |spec: &SearchSpec| -> Result<u64> {
            let c = &spec.constraints;
            let red = c.facet(&Slot::Color).is_some_and(|f| !f.any_of.is_empty());
            Ok(if red { 0 } else { 12 })
        };
        let fallback = after_search(&mut s, &spec, &ch, &before, 0, count).unwrap();
        let Some(Fallback::Relaxed { spec, dropped }) = fallback else {
            panic!("{fallback:?}")
        };
        let colour = spec.constraints.facet(&Slot::Color).expect("colour kept");
        assert!(colour.any_of.is_empty());
        assert_eq!(colour.none_of, vec!["Black".to_string()]);
        assert_eq!(spec.constraints.excluded_text, vec!["platform".to_string()]);
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].any_of, vec!["Red".to_string()]);
        assert!(dropped[0].none_of.is_empty());
        assert_eq!(
            s.applied().facet(&Slot::Color).unwrap().none_of,
            vec!["Black".to_string()]
        );
        // Nothing but the exclusions in the way: nothing is shown, the
        // type is not set aside for them.
        let count = |spec: &SearchSpec| -> Result<u64> {
            let c = &spec.constraints;
            Ok(if c.facet(&Slot::Type).is_some() {
                0
            } else {
                40
            })
        };
        let mut s2 = before.clone();
        let fallback = after_search(&mut s2, &spec_of(&before), &ch, &before, 0, count).unwrap();
        assert_eq!(fallback, Some(Fallback::Nothing));
    }

    fn spec_of(s: &Session) -> SearchSpec {
        SearchSpec {
            constraints: s.constraints.clone(),
            ..SearchSpec::default()
        }
    }
}
