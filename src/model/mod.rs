//! The shared vocabulary of the house: the types every layer speaks —
//! [`Lang`], [`Slot`] and the facet names, [`Sort`], [`ConstraintKind`],
//! [`Constraints`] with their [`FacetFilter`]s, the [`SearchSpec`]
//! `dialog` hands to `search`, and what `dialog` decides a turn says
//! ([`Canned`], [`Dropped`], [`Question`], [`Suggestion`]) for `reply`. No logic beyond these types, and no
//! dependency on any other module of the crate: everything depends down on
//! `model`, and `model` on nothing of ours. Constraint kinds and facet
//! names are typed here; they become snake_case strings only at the HTTP
//! boundary (and in the files an index saves).

mod answer;
mod constraints;
mod kind;
mod lang;
mod slot;
mod spec;
mod types;

pub use answer::{Canned, Dropped, Note, PriceMove, Question, Suggestion};
pub use constraints::{Constraints, FacetFilter};
pub use kind::ConstraintKind;
pub use lang::Lang;
pub use slot::{Slot, Sort, facet};
pub use spec::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SearchSpec, ValueCounts, page_size};
pub use types::TypeTree;
