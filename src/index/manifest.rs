//! What is saved beside each index generation: the manifest (schema
//! version, catalog file, row counts, import time, language, currency,
//! where each attribute came from) and the vocabulary, as JSON files, and
//! reading them back (an unreadable file is a damaged index, never a
//! panic). Depends on the index's schema version, coverage and vocabulary
//! types, `model` and the error type; never on tantivy.

use super::brand_cells::BrandsSetAside;
use super::coverage::AttributeCoverage;
use super::extra_columns::StoredColumn;
use super::types::HeadPosition;
use crate::error::{Error, IndexReason, Result};
use crate::model::Lang;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// File name of the manifest inside a generation.
pub const MANIFEST_FILE: &str = "manifest.json";
/// File name of the vocabulary inside a generation.
pub const VOCABULARY_FILE: &str = "vocabulary.json";

/// Facts about one index generation, saved beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`crate::index::SCHEMA_VERSION`] of the build.
    pub schema_version: u32,
    /// The catalog file it was built from.
    pub catalog_file: String,
    /// Unix time of the import.
    pub imported_at: u64,
    /// Products indexed.
    pub products: u64,
    /// The catalog's language (chooses the stemmer).
    pub language: Lang,
    /// Where titles put the product type.
    pub title_head: HeadPosition,
    /// The catalog's currency, when known.
    pub currency: Option<String>,
    /// Extra columns kept as facets, by facet name -> column header.
    pub extra_facets: Vec<(String, String)>,
    /// Extra columns stored with the products but offered to shoppers as
    /// no facet, and why, by header.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stored_only: Vec<StoredColumn>,
    /// Brand cells that named no brand (a colour, a word titles use to
    /// describe products), set aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brands_set_aside: Option<BrandsSetAside>,
    /// Per attribute: products with a value from a column, and learned.
    #[serde(default)]
    pub attributes: Vec<AttributeCoverage>,
}

/// The attributes whose sources and coverage the manifest records, in
/// [`Manifest::attributes`] order.
pub const COVERED: [&str; 7] = [
    "type", "brand", "color", "gender", "size", "material", "price",
];

pub(super) fn write_json(path: &Path, value: &impl Serialize) -> Result<()> {
    use std::io::Write;
    let bytes = serde_json::to_vec(value).map_err(|e| Error::io(path, std::io::Error::other(e)))?;
    // Made durable with the rest of the generation (`build_directory::sync_all`).
    let mut file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    file.write_all(&bytes).map_err(|e| Error::io(path, e))
}

/// Reads a JSON file of a generation.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        let detail = format!("unreadable: {e}");
        Error::index(path, IndexReason::Damaged { detail })
    })
}
