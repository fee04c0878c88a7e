//! The facet values of an opened generation, numbered once when it opens:
//! for each keyword column, every segment's term ordinals mapped to one value
//! id, and each id's facet name and display value. Counting facets then
//! increments integers and never reads the (compressed) term dictionaries.
//! The price and rating columns are opened here once too.

use crate::Result;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{Searcher, SegmentReader};

/// One counted keyword column (a canonical facet, or the shared column of
/// extra facets whose keys are `name=value`).
pub struct FacetColumn {
    /// The fast field's name.
    pub field: &'static str,
    /// Value id -> (facet name, display value).
    pub values: Vec<(String, String)>,
    /// Value id -> the stored key (`name=key` in the extra facets' column).
    pub keys: Vec<String>,
    /// Segment ordinal -> the opened column (opening one costs microseconds
    /// per query) and its term ordinal -> value id map.
    pub segments: Vec<Option<(StrColumn, Arc<[u32]>)>>,
    /// Segment ordinal -> each document's value id ([`NO_VALUE`] for none),
    /// for a column holding at most one value per document and fewer than
    /// 65,535 values: counting a document is then one array read.
    pub dense: Vec<Option<Arc<[u16]>>>,
}

/// The value id of a document without a value in [`FacetColumn::dense`].
pub const NO_VALUE: u16 = u16::MAX;

/// Each document's value id, when the column is single-valued with
/// fewer than [`NO_VALUE`] values.
fn dense_ids(column: &StrColumn, ids: &[u32], max_doc: u32) -> Option<Arc<[u16]>> {
    if column.ords().get_cardinality() == tantivy::columnar::Cardinality::Multivalued {
        return None;
    }
    let mut out = vec![NO_VALUE; max_doc as usize];
    for (doc, slot) in out.iter_mut().enumerate() {
        if let Some(ord) = column.term_ords(doc as u32).next() {
            let id = *ids.get(ord as usize)?;
            *slot = u16::try_from(id).ok().filter(|id| *id != NO_VALUE)?;
        }
    }
    Some(Arc::from(out))
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
    /// Segment ordinal -> every document's price, NaN for none (`None`
    /// when the segment has no prices or a price that is NaN): one array
    /// read per candidate instead of a column lookup.
    dense_prices: Vec<Option<Arc<[f64]>>>,
    /// Segment ordinal -> the rating column.
    ratings: Vec<Option<Column<f64>>>,
    /// Segment ordinal -> segment id.
    segment_ids: Vec<SegmentId>,
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
            let mut keys: Vec<String> = Vec::new();
            let mut segments = Vec::with_capacity(searcher.segment_readers().len());
            let mut dense = Vec::with_capacity(searcher.segment_readers().len());
            for segment in searcher.segment_readers() {
                let Some(column) = segment.fast_fields().str(field)? else {
                    segments.push(None);
                    dense.push(None);
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
                            keys.push(text.into_owned());
                            ids.insert(key.to_vec(), id);
                            id
                        }
                    };
                    ord_to_id.push(id);
                }
                dense.push(dense_ids(&column, &ord_to_id, segment.max_doc()));
                segments.push(Some((column, Arc::from(ord_to_id))));
            }
            columns.push(FacetColumn {
                field,
                values,
                keys,
                segments,
                dense,
            });
        }
        let mut prices = Vec::with_capacity(searcher.segment_readers().len());
        let mut ratings = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            prices.push(segment.fast_fields().column_opt::<f64>("price")?);
            ratings.push(segment.fast_fields().column_opt::<f64>("rating")?);
        }
        let dense_prices = searcher
            .segment_readers()
            .iter()
            .zip(&prices)
            .map(|(segment, column)| dense(column.as_ref()?, segment.max_doc()))
            .collect();
        Ok(FacetTable {
            columns,
            prices,
            dense_prices,
            ratings,
            segment_ids: searcher
                .segment_readers()
                .iter()
                .map(SegmentReader::segment_id)
                .collect(),
        })
    }

    /// The ordinal of a segment of this generation.
    pub fn segment_of(&self, reader: &SegmentReader) -> Option<usize> {
        let id = reader.segment_id();
        self.segment_ids.iter().position(|s| *s == id)
    }

    /// The rating column of a segment.
    pub fn rating(&self, segment: usize) -> Option<&Column<f64>> {
        self.ratings.get(segment).and_then(Option::as_ref)
    }

    /// Every document's price in a segment, NaN for none (see
    /// [`FacetTable::price`] when this is `None`).
    pub fn dense_prices(&self, segment: usize) -> Option<&Arc<[f64]>> {
        self.dense_prices.get(segment).and_then(Option::as_ref)
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

/// The values of a single-valued column by document, NaN for none; `None`
/// when a value is NaN itself.
fn dense(column: &Column<f64>, max_doc: u32) -> Option<Arc<[f64]>> {
    let mut values = vec![f64::NAN; max_doc as usize];
    for (doc, slot) in values.iter_mut().enumerate() {
        if let Some(v) = column.first(doc as u32) {
            if v.is_nan() {
                return None;
            }
            *slot = v;
        }
    }
    Some(Arc::from(values))
}
