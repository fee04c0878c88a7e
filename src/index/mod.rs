//! The tantivy index: schema, building a new index beside the live one and
//! swapping it in atomically, opening readers, the facet vocabulary saved
//! with each index, and the attributes learned from titles, category paths
//! and descriptions where the catalog has no column for them (product
//! type, audience, colour), and the variant groups that make the rows of one
//! product model show as one product. Depends on `catalog` for the `Product` record,
//! and on `language`, `model` and `text`.

mod analyzer;
mod audience;
mod audience_columns;
mod brand_cells;
mod build;
mod build_directory;
mod category;
mod category_brands;
mod color;
mod colour_slots;
mod coverage;
mod extra_columns;
mod extra_values;
mod facet_counts;
mod facet_table;
mod group;
mod import;
pub mod layout;
mod learn;
mod manifest;
mod product_index;
mod schema;
pub mod stored;
mod subtitles;
mod term_counts;
mod title_brands;
mod type_tree;
mod types;
mod unpriced;
mod variant_groups;
mod variant_order;
mod vocabulary;
mod words;

pub use analyzer::{analyzer, tokens};
pub use brand_cells::BrandsSetAside;
pub use build::{IndexBuilder, build_from_products};
pub use coverage::AttributeCoverage;
pub use extra_columns::{StoredColumn, StoredOnly};
pub use facet_counts::{extra_facet_name, split_sizes};
pub use facet_table::{DocIds, FacetColumn, FacetTable};
pub use group::{GroupKey, group_hash, group_key};
pub use import::{ImportOptions, ImportSummary, Progress, import, import_with_progress};
pub use manifest::{COVERED, Manifest};
pub use product_index::{MAX_VARIANTS, ProductIndex};
pub use schema::{FACET_FIELDS, Fields, NO_BRAND, SCHEMA_VERSION};
pub use types::{HeadPosition, is_part_head};
pub use unpriced::UnpricedProducts;
pub use variant_groups::{NO_GROUP, VariantGroups, group_in, spans_segments};
pub use variant_order::sort_variants;
pub use vocabulary::{FacetValue, Vocabulary, facet};
