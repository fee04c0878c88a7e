//! The tantivy index: schema, building a new index beside the live one and
//! swapping it in atomically, opening and reloading readers, and the facet
//! vocabulary saved with each index.

mod vocabulary;

pub use vocabulary::{FacetValue, Vocabulary, facet};
