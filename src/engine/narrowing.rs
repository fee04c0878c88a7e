//! Another product type said while one is being looked at, read as a word
//! that narrows it when the catalog's titles say so: "jackets", then
//! "bomber" is bomber jackets (26 jackets titled "… Bomber Jacket") rather
//! than the 10 products typed Bomber; "shoes" after jackets is shoes, since
//! no jacket's title says "shoes". The words narrow when more products of
//! the current type have them in their titles than the other type has
//! products. Depends on the index, search and the understanding's
//! operators.

use crate::dialog::Session;
use crate::error::Result;
use crate::index::ProductIndex;
use crate::model::{Constraints, FacetFilter, SearchSpec, Slot};
use crate::understand::{Op, Understanding};

/// `u` with a one-word type that narrows the session's type asked as that
/// word of titles.
pub(super) fn narrowed(
    index: &ProductIndex,
    session: &Session,
    mut u: Understanding,
) -> Result<Understanding> {
    let Some(current) = session
        .constraints
        .facet(&Slot::Type)
        .map(|f| f.any_of.clone())
        .filter(|v| !v.is_empty())
    else {
        return Ok(u);
    };
    for op in &mut u.ops {
        let Op::Set(Slot::Type, other) = op else {
            continue;
        };
        let [value] = other.as_slice() else {
            continue;
        };
        let word = crate::text::key(value);
        if current.contains(value) || word.is_empty() || word.contains(' ') {
            continue;
        }
        let within = count(index, &current, Some(&word))?;
        if within > 0 && within >= count(index, other, None)? {
            *op = Op::Text(word);
        }
    }
    Ok(u)
}

/// Products of `types`, with `word` in their text when given.
pub(super) fn count(index: &ProductIndex, types: &[String], word: Option<&str>) -> Result<u64> {
    let mut constraints = Constraints::default();
    constraints.facets.insert(
        Slot::Type,
        FacetFilter {
            any_of: types.to_vec(),
            ..FacetFilter::default()
        },
    );
    constraints.text = word.map(str::to_string).into_iter().collect();
    let spec = SearchSpec {
        constraints,
        limit: 0,
        ..SearchSpec::default()
    };
    crate::search::count(index, &spec)
}
