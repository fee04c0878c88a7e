//! The facet values of an opened generation, numbered once when it opens:
//! for each keyword field, every term of every segment mapped to one value
//! id with its facet name and display value, and each document's value ids
//! read from the posting lists. Checking and counting facets then reads
//! arrays and never the (compressed) term dictionaries; the keyword fields
//! need no fast-field columns.
//! The price and rating columns are opened here once too, and the variant
//! groups numbered (see [`super::VariantGroups`]).

use super::variant_groups::VariantGroups;
use crate::error::Result;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, SegmentReader, TERMINATED};

/// One counted keyword column (a canonical facet, or the shared column of
/// extra facets whose keys are `name=value`).
pub struct FacetColumn {
    /// The fast field's name.
    pub field: &'static str,
    /// Value id -> (facet name, display value).
    pub values: Vec<(String, String)>,
    /// Value id -> the stored key (`name=key` in the extra facets' column).
    pub keys: Vec<String>,
    /// Segment ordinal -> each document's value ids (`None` when the
    /// segment has no such column): checking or counting a document is an
    /// array read, never a column lookup.
    pub doc_ids: Vec<Option<DocIds>>,
}

/// The value id of a document without a value in [`DocIds::Single`].
pub const NO_VALUE: u16 = u16::MAX;

/// Each document's value ids in one segment.
#[derive(Clone)]
pub enum DocIds {
    /// A column holding at most one value per document, with fewer than
    /// [`NO_VALUE`] values: document -> value id, [`NO_VALUE`] (or past the
    /// end) for none.
    Single(Arc<[u16]>),
    /// Any column: document `d`'s ids are `ids[starts[d]..starts[d + 1]]`.
    Lists {
        /// Document -> where its ids start (one more entry than documents).
        starts: Arc<[u32]>,
        /// The ids of every document, in document order.
        ids: Arc<[u32]>,
    },
}

impl DocIds {
    /// Each document's value ids from `(document, value id)` pairs (in any
    /// order) of a segment of `max_doc` documents.
    fn from_pairs(pairs: &[(DocId, u32)], max_doc: u32) -> DocIds {
        let mut counts = vec![0u32; max_doc as usize];
        for &(doc, _) in pairs {
            if let Some(n) = counts.get_mut(doc as usize) {
                *n += 1;
            }
        }
        let single_valued = counts.iter().all(|&n| n <= 1);
        if single_valued && pairs.iter().all(|&(_, id)| id < u32::from(NO_VALUE)) {
            if pairs.is_empty() {
                // No values (an empty column): nothing to hold per document.
                return DocIds::Single(Arc::from([]));
            }
            let mut ids = vec![NO_VALUE; max_doc as usize];
            for &(doc, id) in pairs {
                if let (Some(slot), Ok(id)) = (ids.get_mut(doc as usize), u16::try_from(id)) {
                    *slot = id;
                }
            }
            return DocIds::Single(Arc::from(ids));
        }
        // Offsets from the counts, then each document's ids in place.
        let mut starts = Vec::with_capacity(max_doc as usize + 1);
        let mut total = 0u32;
        starts.push(0);
        for &n in &counts {
            total += n;
            starts.push(total);
        }
        let mut next: Vec<u32> = starts[..max_doc as usize].to_vec();
        let mut ids = vec![0u32; total as usize];
        for &(doc, id) in pairs {
            if let Some(at) = next.get_mut(doc as usize) {
                if let Some(slot) = ids.get_mut(*at as usize) {
                    *slot = id;
                }
                *at += 1;
            }
        }
        DocIds::Lists {
            starts: Arc::from(starts),
            ids: Arc::from(ids),
        }
    }

    /// Calls `f` with each value id of `doc`.
    #[inline]
    pub fn for_each(&self, doc: DocId, mut f: impl FnMut(u32)) {
        match self {
            DocIds::Single(ids) => {
                if let Some(&id) = ids.get(doc as usize)
                    && id != NO_VALUE
                {
                    f(u32::from(id));
                }
            }
            DocIds::Lists { starts, ids } => {
                if let Some(list) = Self::list(starts, ids, doc) {
                    list.iter().for_each(|&id| f(id));
                }
            }
        }
    }

    /// True when some value id of `doc` satisfies `f`.
    #[inline]
    pub fn any(&self, doc: DocId, f: impl Fn(u32) -> bool) -> bool {
        match self {
            DocIds::Single(ids) => ids
                .get(doc as usize)
                .is_some_and(|&id| id != NO_VALUE && f(u32::from(id))),
            DocIds::Lists { starts, ids } => {
                Self::list(starts, ids, doc).is_some_and(|list| list.iter().any(|&id| f(id)))
            }
        }
    }

    #[inline]
    fn list<'a>(starts: &[u32], ids: &'a [u32], doc: DocId) -> Option<&'a [u32]> {
        let doc = doc as usize;
        let (&a, &b) = (starts.get(doc)?, starts.get(doc + 1)?);
        ids.get(a as usize..b as usize)
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        match self {
            DocIds::Single(ids) => ids.len() * 2,
            DocIds::Lists { starts, ids } => (starts.len() + ids.len()) * 4,
        }
    }
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
    /// The groups of variants of one product model.
    groups: VariantGroups,
}

impl std::fmt::Debug for FacetTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FacetTable")
            .field("columns", &self.columns)
            .finish()
    }
}

impl FacetTable {
    /// Reads each keyword field's term dictionary and posting lists in every
    /// segment once. `describe(field, stored key)` gives the value's facet
    /// name and display value.
    pub fn build(
        searcher: &Searcher,
        fields: &[&'static str],
        describe: impl Fn(&'static str, &str) -> (String, String),
    ) -> Result<FacetTable> {
        let mut columns = Vec::with_capacity(fields.len());
        let mut pairs: Vec<(DocId, u32)> = Vec::new();
        for &field in fields {
            let Ok(schema_field) = searcher.schema().get_field(field) else {
                continue;
            };
            let mut ids: HashMap<Vec<u8>, u32> = HashMap::new();
            let mut values: Vec<(String, String)> = Vec::new();
            let mut keys: Vec<String> = Vec::new();
            let mut doc_ids = Vec::with_capacity(searcher.segment_readers().len());
            for segment in searcher.segment_readers() {
                let inverted = segment.inverted_index(schema_field)?;
                let mut stream = inverted
                    .terms()
                    .stream()
                    .map_err(tantivy::TantivyError::from)?;
                pairs.clear();
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
                    let mut postings = inverted
                        .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                        .map_err(tantivy::TantivyError::from)?;
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        pairs.push((doc, id));
                        doc = postings.advance();
                    }
                }
                doc_ids.push(Some(DocIds::from_pairs(&pairs, segment.max_doc())));
            }
            columns.push(FacetColumn {
                field,
                values,
                keys,
                doc_ids,
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
            groups: VariantGroups::build(searcher)?,
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

    /// The facet values of one document: `(facet name, display value)`
    /// for every value of every column.
    pub fn values_of(&self, segment: usize, doc: DocId) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        for column in &self.columns {
            if let Some(Some(ids)) = column.doc_ids.get(segment) {
                ids.for_each(doc, |id| {
                    if let Some((facet, shown)) = column.values.get(id as usize) {
                        out.push((facet.as_str(), shown.as_str()));
                    }
                });
            }
        }
        out
    }

    /// The variant groups of the generation.
    pub fn groups(&self) -> &VariantGroups {
        &self.groups
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

#[cfg(test)]
mod tests {
    use super::DocIds;
    use crate::catalog::Product;
    use crate::index::{ProductIndex, build_from_products, split_sizes};
    use tantivy::{DocAddress, Term};

    /// Every document's value ids name the keys of its stored product
    /// (colour: single-valued; sizes: several per product), and each value
    /// id is held by as many documents as its posting list has (types).
    #[test]
    fn document_value_ids_match_the_products() {
        let dir = tempfile::tempdir().expect("tempdir");
        let colours = ["Black", "White", "Navy Blue"];
        let products: Vec<Product> = (0..300)
            .map(|i| Product {
                id: format!("P{i}"),
                title: format!("Leather {}", ["Bag", "Travel Bag", "Wallet"][i % 3]),
                category: (i % 4 != 0).then(|| format!("Accessories > Bags > Item {}", i % 7)),
                color: (i % 5 != 0).then(|| colours[i % 3].to_string()),
                size: (i % 2 == 0).then(|| ["S/M/L", "M", "L, XL"][i % 3].to_string()),
                ..Product::default()
            })
            .collect();
        build_from_products(dir.path(), &products, std::path::Path::new("t.csv")).expect("build");
        let index = ProductIndex::open(dir.path()).expect("open");
        let table = index.facet_table();
        let ids_of = |field: &str, segment: usize, doc: u32| -> Vec<String> {
            let (_, column) = table.column(field).expect("column");
            let mut keys = Vec::new();
            if let Some(ids) = &column.doc_ids[segment] {
                ids.for_each(doc, |id| keys.push(column.keys[id as usize].clone()));
                for key in &keys {
                    assert!(ids.any(doc, |id| &column.keys[id as usize] == key));
                }
                assert!(!ids.any(doc, |_| false));
            }
            keys.sort();
            keys
        };
        let mut kinds = (0, 0);
        for (ord, segment) in index.searcher().segment_readers().iter().enumerate() {
            for field in ["color", "size", "type"] {
                let (_, column) = table.column(field).expect("column");
                match column.doc_ids[ord].as_ref().expect("ids") {
                    DocIds::Single(_) => kinds.0 += 1,
                    DocIds::Lists { .. } => kinds.1 += 1,
                }
            }
            for doc in 0..segment.max_doc() {
                let p = index
                    .product_at(DocAddress::new(ord as u32, doc))
                    .expect("product");
                let colour: Vec<String> = p
                    .color
                    .iter()
                    .map(|c| index.facet_key("color", c))
                    .collect();
                assert_eq!(ids_of("color", ord, doc), colour, "{}", p.id);
                let mut sizes: Vec<String> = p
                    .size
                    .iter()
                    .flat_map(|s| split_sizes(s))
                    .map(|s| index.facet_key("size", s))
                    .collect();
                sizes.sort();
                sizes.dedup();
                assert_eq!(ids_of("size", ord, doc), sizes, "{}", p.id);
            }
        }
        let (_, types) = table.column("type").expect("types");
        let field = index.fields().facet("type").expect("type field");
        for (id, key) in types.keys.iter().enumerate() {
            let holders: u64 = index
                .searcher()
                .segment_readers()
                .iter()
                .enumerate()
                .map(|(ord, segment)| {
                    (0..segment.max_doc())
                        .filter(|&doc| {
                            types.doc_ids[ord]
                                .as_ref()
                                .is_some_and(|ids| ids.any(doc, |i| i as usize == id))
                        })
                        .count() as u64
                })
                .sum();
            let postings = index
                .searcher()
                .doc_freq(&Term::from_field_text(field, key))
                .expect("doc freq");
            assert_eq!(holders, postings, "type {key}");
        }
        // Colour is single-valued; sizes and types are lists.
        assert!(kinds.0 >= 1 && kinds.1 >= 2, "{kinds:?}");
    }
}
