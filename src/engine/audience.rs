//! An audience the products of a request do not say: set aside alone,
//! before anything else the shopper asked.

use crate::dialog::{Fallback, Session};
use crate::error::Result;
use crate::index::ProductIndex;
use crate::model::{ConstraintKind, SearchSpec, Slot};
use crate::search::{self, SearchResult};

/// A kind of product is labelled with audiences when more than one in
/// this many of its products is.
const LABELLED_SHARE: u64 = 5;

/// The audience asked, set aside alone, when the relaxation set aside
/// something else instead (a budget, a colour) and the request without the
/// audience finds products none of which is labelled with one ("brincos
/// femininos até 300" where no earring says whom it is for): the store does
/// not tell, so the rest of what was asked still holds, and the reply says
/// so (see the engine's `unlabelled`). `None` otherwise.
pub(super) fn set_aside_alone(
    index: &ProductIndex,
    session: &mut Session,
    spec: &SearchSpec,
    fallback: Option<&Fallback>,
) -> Result<Option<(Fallback, SearchResult)>> {
    let gender = ConstraintKind::Facet(Slot::Gender);
    let Some(Fallback::Relaxed { dropped, .. }) = fallback else {
        return Ok(None);
    };
    if dropped.iter().any(|d| d.kind == gender) || !spec.constraints.has(&gender) {
        return Ok(None);
    }
    let mut alone = SearchSpec {
        count_open_facets: true,
        ..spec.clone()
    };
    let set_aside = alone.constraints.remove(&gender);
    let mut found = search::search(index, &alone)?;
    if found.total == 0 && !alone.constraints.text.is_empty() && !alone.with_description {
        alone.with_description = true;
        found = search::search(index, &alone)?;
    }
    let labelled = found
        .facets
        .get(&Slot::Gender)
        .is_some_and(|v| !v.is_empty());
    if found.total == 0 || labelled {
        return Ok(None);
    }
    // Words or attributes may narrow the request to the few products not
    // labelled; the kind as a whole (its type, else the request without
    // its words) tells whether the store labels it ("leather bag for
    // women": one unlabelled leather backpack, where a fifth or more of
    // the bags say whom they are for).
    let typed = alone.constraints.facet(&Slot::Type).cloned();
    if typed.is_some() && alone.constraints.kinds().len() > 1 || !alone.constraints.text.is_empty()
    {
        let mut kind = SearchSpec {
            with_description: false,
            ..alone.clone()
        };
        match typed {
            Some(filter) => {
                kind.constraints = Default::default();
                kind.constraints.facets.insert(Slot::Type, filter);
            }
            None => {
                kind.constraints.text.clear();
                kind.constraints.contrasted.clear();
            }
        }
        let of_kind = search::search(index, &kind)?;
        let labelled: u64 = of_kind
            .facets
            .get(&Slot::Gender)
            .map_or(0, |v| v.iter().map(|(_, n)| n).sum());
        if labelled.saturating_mul(LABELLED_SHARE) > of_kind.total {
            return Ok(None);
        }
    }
    session.set_aside = vec![gender];
    session.kept_words.clear();
    Ok(Some((
        Fallback::Relaxed {
            spec: alone,
            dropped: vec![set_aside],
        },
        found,
    )))
}
