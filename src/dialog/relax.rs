//! When nothing matches: which constraints to drop, in which order, and
//! the search that finally shows something. The searching itself is
//! handed in as a counting closure, so this policy knows nothing of the
//! index.

use super::Session;
use super::apply::Changes;
use crate::error::Result;
use crate::model::{ConstraintKind, Constraints, Dropped, PriceMove, SearchSpec, Slot};

/// What to show when the exact search matched nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Fallback {
    /// The same constraints match once words may match descriptions.
    Described(SearchSpec),
    /// These constraints were dropped; `spec` matches (or nothing does,
    /// when every constraint was dropped in vain).
    Relaxed {
        /// The search to show.
        spec: SearchSpec,
        /// The constraints dropped, in the order they were.
        dropped: Vec<Dropped>,
    },
    /// "cheaper"/"pricier" went past the end: the constraints before the
    /// message are back, and `spec` shows what was shown.
    NothingBeyond {
        /// The search to show.
        spec: SearchSpec,
        /// Which way the price moved.
        moved: PriceMove,
    },
}

/// The order in which constraints are dropped when nothing matches: what
/// this message just added first, then the least important ones. Types go last.
pub fn relaxation_order(c: &Constraints, changes: &Changes) -> Vec<ConstraintKind> {
    use ConstraintKind::{Facet, Price, Rating, Text};
    let by_importance = [
        Text,
        Rating,
        Facet(Slot::Material),
        Facet(Slot::Size),
        Facet(Slot::Color),
        Facet(Slot::Brand),
        Price,
        Facet(Slot::Gender),
        Facet(Slot::Type),
    ];
    let has = |kind: &ConstraintKind| match kind {
        Facet(slot) => c.facets.contains_key(slot),
        other => c.has(other),
    };
    let mut present: Vec<ConstraintKind> = Vec::new();
    let mut push = |kind: &ConstraintKind| {
        if !present.contains(kind) {
            present.push(kind.clone());
        }
    };
    for t in changes.touched.iter().rev() {
        if has(t) && *t != Facet(Slot::Type) {
            push(t);
        }
    }
    for extra in c.facets.keys().filter(|s| matches!(s, Slot::Extra(_))) {
        push(&Facet(extra.clone()));
    }
    for kind in &by_importance {
        if has(kind) {
            push(kind);
        }
    }
    present
}

/// Drops one constraint kind from `c`; returns what it held.
pub fn drop_constraint(c: &mut Constraints, kind: &ConstraintKind) -> Dropped {
    let (any_of, none_of) = match kind {
        ConstraintKind::Text => (
            std::mem::take(&mut c.text),
            std::mem::take(&mut c.excluded_text),
        ),
        ConstraintKind::Price => {
            c.price_min = None;
            c.price_max = None;
            (Vec::new(), Vec::new())
        }
        ConstraintKind::Rating => {
            c.min_rating = None;
            (Vec::new(), Vec::new())
        }
        ConstraintKind::Facet(slot) => c
            .facets
            .remove(slot)
            .map(|f| (f.any_of, f.none_of))
            .unwrap_or_default(),
    };
    Dropped {
        kind: kind.clone(),
        any_of,
        none_of,
    }
}

/// The search to show when `spec` matched nothing: words matched in
/// descriptions too, else constraints dropped one by one (see
/// [`relaxation_order`]) until `count` finds products. A price move past
/// the end ("cheaper" below the cheapest) restores `before` instead.
/// Every attempt lets words match descriptions; the final search does so
/// only when it must.
/// The session's constraints become those of the search to show.
pub fn fall_back(
    session: &mut Session,
    spec: &SearchSpec,
    changes: &Changes,
    before: &Constraints,
    mut count: impl FnMut(&SearchSpec) -> Result<u64>,
) -> Result<Fallback> {
    if let Some(described) = described(spec)
        && count(&described)? > 0
    {
        return Ok(Fallback::Described(described));
    }
    if let Some(moved) = changes.moved_price {
        let previous = settle(
            SearchSpec {
                constraints: before.clone(),
                ..spec.clone()
            },
            &mut count,
        )?;
        session.constraints = previous.constraints.clone();
        return Ok(Fallback::NothingBeyond {
            spec: previous,
            moved,
        });
    }
    let mut attempt = SearchSpec {
        with_description: true,
        ..spec.clone()
    };
    let mut dropped = Vec::new();
    for kind in relaxation_order(&spec.constraints, changes) {
        dropped.push(drop_constraint(&mut attempt.constraints, &kind));
        if count(&attempt)? > 0 {
            break;
        }
    }
    let spec = settle(attempt, &mut count)?;
    session.constraints = spec.constraints.clone();
    Ok(Fallback::Relaxed { spec, dropped })
}

/// The same search with the shopper's words matched in descriptions too,
/// when it has words and does not already.
pub fn described(spec: &SearchSpec) -> Option<SearchSpec> {
    (!spec.constraints.text.is_empty() && !spec.with_description).then(|| SearchSpec {
        with_description: true,
        ..spec.clone()
    })
}

impl Fallback {
    /// The search to show.
    pub fn spec(&self) -> &SearchSpec {
        match self {
            Fallback::Described(spec)
            | Fallback::Relaxed { spec, .. }
            | Fallback::NothingBeyond { spec, .. } => spec,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialog::apply;
    use crate::model::Lang;
    use crate::understand::{Op, Understanding};

    fn ops(ops: Vec<Op>) -> Understanding {
        Understanding {
            lang: Lang::En,
            ops,
            ignored: vec![],
        }
    }

    #[test]
    fn relaxation_starts_with_what_was_just_added() {
        let mut s = Session::default();
        apply(
            &mut s,
            &ops(vec![
                Op::Set(Slot::Type, vec!["Sneakers".into()]),
                Op::Set(Slot::Color, vec!["Black".into()]),
            ]),
        );
        let (_, ch) = apply(
            &mut s,
            &ops(vec![Op::Set(Slot::Brand, vec!["Puma".into()])]),
        );
        let order = relaxation_order(&s.constraints, &ch);
        assert_eq!(order, vec!["brand", "color", "type"]);
    }
}
