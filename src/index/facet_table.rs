//! The facet values of an opened generation, numbered once when it opens:
//! for each keyword column, every segment's term ordinals mapped to one value
//! id, and each id's facet name and display value. Counting facets then
//! increments integers and never reads the (compressed) term dictionaries.
//! The price and rating columns are opened here once too.

use crate::Result;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::Searcher;
use tantivy::columnar::{Column, StrColumn};

/// One counted keyword column (a canonical facet, or the shared column of
/// extra facets whose keys are `name=value`).
pub struct FacetColumn {
    /// The fast field's name.
    pub field: &'static str,
    /// Value id -> (facet name, display value).
    pub values: Vec<(String, String)>,
    /// Segment ordinal -> the opened column (opening one costs microseconds
    /// per query) and its term ordinal -> value id map.
    pub segments: Vec<Option<(StrColumn, Arc<[u32]>)>>,
}

impl std::fmt::Debug for FacetColumn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FacetColumn")
            .field("field", &self.field)
            .field("values", &self.values.len())
            .finish()
    }
}

/// Every counted column of a generation.
#[derive(Default)]
pub struct FacetTable {
    columns: Vec<FacetColumn>,
    /// Segment ordinal -> the price column.
    prices: Vec<Option<Column<f64>>>,
    /// Segment ordinal -> the rating column.
    ratings: Vec<Option<Column<f64>>>,
}

impl std::fmt::Debug for FacetTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FacetTable")
            .field("columns", &self.columns)
            .finish()
    }
}

impl FacetTable {
    /// Reads each column's term dictionary in every segment once.
    /// `describe(field, stored key)` gives the value's facet name and display
    /// value.
    pub fn build(
        searcher: &Searcher,
        fields: &[&'static str],
        describe: impl Fn(&'static str, &str) -> (String, String),
    ) -> Result<FacetTable> {
        let mut columns = Vec::with_capacity(fields.len());
        for &field in fields {
            let mut ids: HashMap<Vec<u8>, u32> = HashMap::new();
            let mut values: Vec<(String, String)> = Vec::new();
            let mut segments = Vec::with_capacity(searcher.segment_readers().len());
            for segment in searcher.segment_readers() {
                let Some(column) = segment.fast_fields().str(field)? else {
                    segments.push(None);
                    continue;
                };
                let mut ord_to_id = Vec::with_capacity(column.num_terms());
                let mut stream = column
                    .dictionary()
                    .stream()
                    .map_err(tantivy::TantivyError::from)?;
                while stream.advance() {
                    let key = stream.key();
                    let id = match ids.get(key) {
                        Some(&id) => id,
                        None => {
                            let id = values.len() as u32;
                            let text = String::from_utf8_lossy(key);
                            values.push(describe(field, &text));
                            ids.insert(key.to_vec(), id);
                            id
                        }
                    };
                    ord_to_id.push(id);
                }
                segments.push(Some((column, Arc::from(ord_to_id))));
            }
            columns.push(FacetColumn {
                field,
                values,
                segments,
            });
        }
        let mut prices = Vec::with_capacity(searcher.segment_readers().len());
        let mut ratings = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            prices.push(segment.fast_fields().column_opt::<f64>("price")?);
            ratings.push(segment.fast_fields().column_opt::<f64>("rating")?);
        }
        Ok(FacetTable {
            columns,
            prices,
            ratings,
        })
    }

    /// The rating column of a segment.
    pub fn rating(&self, segment: usize) -> Option<&Column<f64>> {
        self.ratings.get(segment).and_then(Option::as_ref)
    }

    /// The price column of a segment.
    pub fn price(&self, segment: usize) -> Option<&Column<f64>> {
        self.prices.get(segment).and_then(Option::as_ref)
    }

    /// The position and table of the column stored in fast field `field`.
    pub fn column(&self, field: &str) -> Option<(usize, &FacetColumn)> {
        self.columns
            .iter()
            .enumerate()
            .find(|(_, c)| c.field == field)
    }

    /// The column at a position returned by [`FacetTable::column`].
    pub fn column_at(&self, position: usize) -> Option<&FacetColumn> {
        self.columns.get(position)
    }
}
