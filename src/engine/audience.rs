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

/// Products of a brand in a request, at least, none saying an audience,
/// for the brand's products to be unlabelled as a whole (fewer may be a
/// few products words narrow a labelled kind to).
const BRAND_UNLABELLED: u64 = 5;

/// Product types by whether the store mostly leaves them unlabelled,
/// counted once per loaded catalog: a request finding a few products of a
/// type asks it, and the count reads every product of the type.
#[derive(Debug, Default)]
pub(crate) struct LabelledKinds {
    by_type: std::sync::Mutex<rustc_hash::FxHashMap<Vec<String>, bool>>,
}

/// The most product types [`LabelledKinds`] remembers; past it, it starts
/// over.
const REMEMBERED_KINDS: usize = 10_000;

/// True when the kind of product `alone` asks for (its type, else the
/// request without its words) mostly says no audience: at most one
/// product in [`LABELLED_SHARE`] does. A type's answer is `known`'s. Words or attributes may narrow a
/// request to the few products not labelled ("leather bag for women": one
/// unlabelled leather backpack, where a fifth or more of the bags say whom
/// they are for); the kind as a whole tells whether the store labels it.
fn kind_mostly_unlabelled(
    index: &ProductIndex,
    known: &LabelledKinds,
    alone: &SearchSpec,
) -> Result<bool> {
    let typed = alone.constraints.facet(&Slot::Type).cloned();
    // A request with a type asks about the type alone (below).
    let key = typed
        .as_ref()
        .filter(|t| t.none_of.is_empty() && t.and_of.is_empty())
        .map(|t| t.any_of.clone());
    let remembered = |key: &Vec<String>| known.by_type.lock().ok()?.get(key).copied();
    if let Some(unlabelled) = key.as_ref().and_then(remembered) {
        return Ok(unlabelled);
    }
    let mut kind = if narrowed(alone) {
        let mut kind = SearchSpec {
            with_description: false,
            count_open_facets: true,
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
        kind.constraints.facets.remove(&Slot::Gender);
        kind
    } else {
        let mut kind = alone.clone();
        kind.count_open_facets = true;
        kind.constraints.facets.remove(&Slot::Gender);
        kind
    };
    // Counts only: no product of the kind is shown.
    kind.limit = 0;
    kind.offset = 0;
    let of_kind = search::search(index, &kind)?;
    let labelled: u64 = of_kind
        .facets
        .get(&Slot::Gender)
        .map_or(0, |v| v.iter().map(|(_, n)| n).sum());
    let unlabelled = labelled.saturating_mul(LABELLED_SHARE) <= of_kind.total;
    if let Some(key) = key
        && let Ok(mut map) = known.by_type.lock()
    {
        if map.len() >= REMEMBERED_KINDS {
            map.clear();
        }
        map.insert(key, unlabelled);
    }
    Ok(unlabelled)
}

/// True when words or attributes narrow the request `alone` within its
/// kind: its type and more, or words.
fn narrowed(alone: &SearchSpec) -> bool {
    let typed = alone.constraints.facet(&Slot::Type).is_some();
    let asked = alone
        .constraints
        .kinds()
        .into_iter()
        .filter(|k| *k != ConstraintKind::Facet(Slot::Gender))
        .count();
    typed && asked > 1 || !alone.constraints.text.is_empty()
}

/// Where a short list of products says the audience asked for
/// ("handbag for women": one of 85 hand bags says it), in a kind of
/// product the store mostly leaves unlabelled: the products of the request
/// labelled for no other audience, the labelled ones first, with the
/// audience set aside (API clients see it in `relaxed`), and how many say
/// it. `None` otherwise.
pub(super) fn widen_to_unlabelled(
    index: &ProductIndex,
    known: &LabelledKinds,
    session: &mut Session,
    spec: &SearchSpec,
    found: &SearchResult,
    limit: usize,
) -> Result<Option<(Fallback, SearchResult)>> {
    let gender = ConstraintKind::Facet(Slot::Gender);
    let Some(asked) = spec.constraints.facet(&Slot::Gender) else {
        return Ok(None);
    };
    // A store labelling every product leaves none unlabelled to show.
    if asked.any_of.is_empty()
        || found.total == 0
        || found.total >= limit as u64
        || index.every_product_has(Slot::Gender.facet())
    {
        return Ok(None);
    }
    // Labelled for no other audience: the asked values, or none.
    let others: Vec<String> = index
        .vocabulary()
        .values(Slot::Gender.facet())
        .iter()
        .map(|v| v.value.clone())
        .filter(|v| !asked.any_of.iter().any(|a| a == v))
        .chain(asked.none_of.iter().cloned())
        .collect();
    let mut wider = SearchSpec {
        count_open_facets: true,
        ..spec.clone()
    };
    let set_aside = wider.constraints.remove(&gender);
    if !others.is_empty() {
        wider.constraints.facets.insert(
            Slot::Gender,
            crate::model::FacetFilter {
                none_of: others,
                ..Default::default()
            },
        );
    }
    // Whether the store labels the kind first (counted once per type):
    // most kinds a request finds a few of are labelled, and the wider
    // request, whose exclusions cost as much as a search, is not run.
    if !kind_mostly_unlabelled(index, known, &wider)?
        || search::count(index, &wider)? <= found.total
    {
        return Ok(None);
    }
    let mut all = search::search(index, &wider)?;
    // The labelled ones first, then the others as ranked.
    let shown: Vec<String> = found.products.iter().map(|p| p.id.clone()).collect();
    all.products.retain(|p| !shown.contains(&p.id));
    let mut products = found.products.clone();
    products.extend(all.products);
    products.truncate(limit.max(found.products.len()));
    all.products = products;
    session.set_aside = vec![gender];
    session.kept_words.clear();
    Ok(Some((
        Fallback::Relaxed {
            spec: wider,
            dropped: vec![set_aside],
        },
        all,
    )))
}

/// The audience asked, set aside alone, when the relaxation set aside
/// something else instead (a budget, a colour) and the request without the
/// audience finds products none of which is labelled with one ("brincos
/// femininos até 300" where no earring says whom it is for): the store does
/// not tell, so the rest of what was asked still holds, and the reply says
/// so (see the engine's `unlabelled`). `None` otherwise.
pub(super) fn set_aside_alone(
    index: &ProductIndex,
    known: &LabelledKinds,
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
    // The results say no audience: the kind as a whole tells, where the
    // request narrows it; not where a brand does, whose products the
    // store labels or not as a whole ("tênis nike masculino" where adidas
    // titles say whom each shoe is for, and no Nike title does).
    let a_brand_unlabelled =
        alone.constraints.facet(&Slot::Brand).is_some() && found.total >= BRAND_UNLABELLED;
    if !a_brand_unlabelled && narrowed(&alone) && !kind_mostly_unlabelled(index, known, &alone)? {
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
