//! A message read in the context of the conversation and the catalog
//! before it is applied: the type narrowed, lone numbers read as sizes,
//! "bigger" as the next size of what is shown, corrections as
//! replacements (the policies are `dialog`'s; this only gives them the
//! index to count with).

use super::live::Loaded;
use crate::dialog::{self, Session};
use crate::error::Result;
use crate::model::{Constraints, SearchSpec, Slot};
use crate::search;
use crate::understand::Understanding;

/// `understood` read in the context of `session` and `loaded`'s catalog.
pub(super) fn in_context(
    loaded: &Loaded,
    session: &Session,
    mut understood: Understanding,
    message: &str,
) -> Result<Understanding> {
    let index = &loaded.index;
    if session.constraints.facet(&Slot::Type).is_some() {
        understood = loaded.lexicon.narrowing(understood);
    }
    let mut titled = |constraints: &Constraints| {
        let spec = SearchSpec {
            constraints: constraints.clone(),
            limit: 0,
            ..SearchSpec::default()
        };
        search::count(index, &spec)
    };
    // The titles of the products last shown, read only for a message
    // that needs them ("bigger" when no size was asked).
    let mut shown_titles = || -> Result<Vec<String>> {
        let mut titles = Vec::with_capacity(session.shown.len());
        for id in session.shown.iter().take(crate::model::DEFAULT_PAGE_SIZE) {
            if let Some(address) = index.address_of(id)? {
                titles.push(index.product_at(address)?.title);
            }
        }
        Ok(titles)
    };
    let understood = dialog::measured(
        session,
        understood,
        index.measurements(),
        &mut titled,
        &mut shown_titles,
    )?;
    let understood = dialog::narrowed(session, understood, &mut titled)?;
    if crate::language::corrects(message) {
        dialog::replacing(session, understood, &mut titled)
    } else {
        Ok(understood)
    }
}
