//! An audience the products of a request do not say: set aside alone,
//! before anything else the shopper asked.

use crate::dialog::{Fallback, Session};
use crate::error::Result;
use crate::index::ProductIndex;
use crate::model::{ConstraintKind, SearchSpec, Slot};
use crate::search::{self, SearchResult};

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
