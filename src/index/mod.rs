//! The tantivy index: schema, building a new index beside the live one and
//! swapping it in atomically, opening readers, and the facet vocabulary
//! saved with each index. Depends on `catalog` for the `Product` record.

mod analyzer;
mod build;
mod facet_table;
mod import;
pub mod layout;
mod product_index;
mod schema;
pub mod stored;
mod types;
mod vocabulary;

pub use analyzer::{analyzer, tokens};
pub use build::{IndexBuilder, Manifest, build_from_products, extra_facet_name, split_sizes};
pub use facet_table::{DocIds, FacetColumn, FacetTable};
pub use import::{ImportOptions, ImportSummary, Progress, import, import_with_progress};
pub use product_index::ProductIndex;
pub use schema::{FACET_FIELDS, Fields, SCHEMA_VERSION};
pub use types::HeadPosition;
pub use vocabulary::{FacetValue, Vocabulary, facet};
