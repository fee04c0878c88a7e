//! What a message asks the engine to do, once its operators are applied:
//! search (a first page, or the next one), show a product, show similar
//! products, or answer without searching.

use super::Session;
use super::apply::{Action, Changes, apply};
use crate::model::{Canned, ConstraintKind, Constraints, Lang, SearchSpec, Slot};
use crate::understand::{Op, Understanding};

/// The engine's next step for one message.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A new search, first page; when it matches nothing,
    /// [`super::fall_back`] says what to show instead.
    Search {
        /// The search.
        spec: SearchSpec,
        /// What the message changed (for relaxation).
        changes: Changes,
        /// The session before the message.
        before: Box<Session>,
    },
    /// The next page of the current search (without the constraints set
    /// aside: those the pages shown may break).
    Page(SearchSpec),
    /// Details of the shown product at `position` (1-based); `id` is `None`
    /// when nothing was shown there.
    Details {
        /// Its position in the last page.
        position: usize,
        /// Its id.
        id: Option<String>,
        /// What the message asked of it ("is the first one cotton?":
        /// `cotton`), answered from its text.
        asked: Vec<String>,
    },
    /// Products like a shown one: `id` is `None` when nothing was shown.
    Similar {
        /// The product to start from.
        id: Option<String>,
    },
    /// An answer without products.
    Say(Canned),
}

/// What the turn policy knows of the catalog and the page.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Products per page.
    pub limit: usize,
    /// The catalog's currency (ISO 4217), when known.
    pub currency: Option<&'a str>,
    /// Whether any product has a price: in a store listing none, what the
    /// shopper says of prices is not applied, and a note says so.
    pub priced: bool,
}

/// Applies the message to the session and says what to do next.
pub fn next_step(session: &mut Session, u: &Understanding, ctx: &Context<'_>) -> Step {
    let limit = ctx.limit;
    let before = Box::new(session.clone());
    let (action, changes) = if ctx.priced {
        apply(session, u, ctx.currency)
    } else {
        super::apply::apply_unpriced(session, u)
    };
    let base = |constraints: Constraints, offset: usize| SearchSpec {
        constraints,
        offset,
        limit,
        count_open_facets: true,
        ..SearchSpec::default()
    };
    match action {
        // "cheaper" with nothing shown (a request that found nothing, a new
        // conversation): nothing to be cheaper than.
        Action::Search
            if changes.moved_price.is_some()
                && before.shown.is_empty()
                && changes.touched.iter().all(|k| *k == ConstraintKind::Price) =>
        {
            *session = *before;
            Step::Say(Canned::NothingShown)
        }
        Action::Search => Step::Search {
            spec: base(session.constraints.clone(), 0),
            changes,
            before,
        },
        Action::More if session.shown.is_empty() => Step::Say(Canned::NothingShown),
        Action::More => {
            let mut spec = base(session.applied(), (session.page + 1) * limit);
            if let Some(id) = &session.similar_to {
                spec.boost_words = session.similar_words.clone();
                spec.exclude_id = Some(id.clone());
            }
            Step::Page(spec)
        }
        Action::Select(n) => Step::Details {
            position: n,
            id: session.shown.get(n.wrapping_sub(1)).cloned(),
            asked: u
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::Text(w) => Some(w.clone()),
                    // "is the first one leather?", "a segunda é preta?":
                    // the value as named (its own spelling ranks first).
                    Op::Set(slot, values) if *slot != Slot::Type => {
                        values.first().map(|v| v.to_lowercase())
                    }
                    _ => None,
                })
                .collect(),
        },
        Action::Similar(n) => Step::Similar {
            id: match n {
                Some(n) => session.shown.get(n.wrapping_sub(1)).cloned(),
                None => session
                    .similar_to
                    .clone()
                    .or_else(|| session.shown.first().cloned()),
            },
        },
        Action::Reset => Step::Say(Canned::Reset),
        Action::Greeting => Step::Say(Canned::Greeting),
        Action::Thanks => Step::Say(Canned::Thanks),
        Action::Help => Step::Say(Canned::Help),
        // "quanto custa?": the product looked at (the one shown alone, or
        // the last one opened), else the list again, prices and all.
        Action::PriceAsked => {
            let looked_at = match session.shown.as_slice() {
                [only] => Some(only),
                shown => session.similar_to.as_ref().filter(|id| shown.contains(id)),
            };
            match looked_at {
                Some(id) => Step::Details {
                    position: session
                        .shown
                        .iter()
                        .position(|s| s == id)
                        .map_or(1, |p| p + 1),
                    id: Some(id.clone()),
                    asked: Vec::new(),
                },
                None if session.shown.is_empty() => Step::Say(Canned::NothingShown),
                None => Step::Search {
                    spec: base(session.applied(), 0),
                    changes,
                    before,
                },
            }
        }
        Action::NotUnderstood => Step::Say(Canned::NotUnderstood),
    }
}

/// The language to assume when a message shows none: the conversation's,
/// or before the first message the client's (the request's `language`),
/// else the catalog's.
pub fn prior_language(session: &Session, catalog: Lang) -> Lang {
    if session.turns == 0 {
        session.client_lang.unwrap_or(catalog)
    } else {
        session.lang
    }
}

/// The next page was shown.
pub fn paged(session: &mut Session) {
    session.page += 1;
}

/// A product's details were shown: "more like this" starts from it.
pub fn selected(session: &mut Session, id: &str) {
    session.similar_to = Some(id.to_string());
}

/// The search for products like `id`: the same kind of product (its
/// narrowest type: the one fewest products share) for the same audience,
/// ranked by the words of its title, itself left out. `facets` holds the
/// product's own values with their catalog counts. The session starts over
/// from it.
pub fn similar(
    session: &mut Session,
    id: &str,
    title_words: Vec<String>,
    facets: &[(Slot, Vec<(String, u64)>)],
    limit: usize,
) -> SearchSpec {
    let mut c = Constraints::default();
    for (slot, values) in facets {
        let chosen: Vec<String> = match slot {
            Slot::Type => values
                .iter()
                .min_by_key(|(_, count)| *count)
                .map(|(v, _)| v.clone())
                .into_iter()
                .collect(),
            Slot::Gender => values.iter().map(|(v, _)| v.clone()).collect(),
            _ => continue,
        };
        if !chosen.is_empty() {
            c.facets.entry(slot.clone()).or_default().any_of = chosen;
        }
    }
    session.constraints = c.clone();
    session.set_aside.clear();
    session.page = 0;
    session.similar_to = Some(id.to_string());
    session.similar_words = title_words.clone();
    SearchSpec {
        constraints: c,
        limit,
        count_open_facets: true,
        boost_words: title_words,
        exclude_id: Some(id.to_string()),
        ..SearchSpec::default()
    }
}
