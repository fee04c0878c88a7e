//! A query letting through only the documents whose price and rating pass a
//! [`NumericFilter`] and whose keyword columns pass some [`ColumnCheck`]s,
//! read from the per-document arrays of the generation's [`FacetTable`].
//!
//! Wrapped around the required clauses, below the optional ranking boosts,
//! so a candidate the checks reject is never scored by the boosts.

use crate::index::{DocIds, FacetTable};
use std::sync::Arc;
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Price and rating bounds checked per candidate on the fast fields.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NumericFilter {
    /// Inclusive price bounds; a bound of `f64::MIN` only requires a price.
    pub price: (Option<f64>, Option<f64>),
    /// Lowest rating.
    pub min_rating: Option<f64>,
}

impl NumericFilter {
    /// True when it lets every product through.
    pub fn is_empty(&self) -> bool {
        self.price == (None, None) && self.min_rating.is_none()
    }

    /// Whether a product with this price and rating passes.
    pub fn accepts(&self, price: Option<f64>, rating: Option<f64>) -> bool {
        let price_ok = match (self.price, price) {
            ((None, None), _) => true,
            (_, None) => false,
            ((lo, hi), Some(p)) => lo.is_none_or(|lo| p >= lo) && hi.is_none_or(|hi| p <= hi),
        };
        let rating_ok = match (self.min_rating, rating) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(min), Some(r)) => r >= min,
        };
        price_ok && rating_ok
    }
}

/// A facet filter checked on the ordinals of the facet's keyword column
/// instead of a union of posting lists.
#[derive(Debug, Clone)]
pub struct ColumnCheck {
    /// Position of the column in the [`crate::index::FacetTable`].
    pub position: usize,
    /// Value id -> accepted.
    pub accepted: Arc<[bool]>,
}

/// The per-candidate checks of a query, by column.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// Price and rating bounds.
    pub filter: NumericFilter,
    /// Facet filters on keyword columns.
    pub columns: Vec<ColumnCheck>,
}

impl Checks {
    /// True when every document passes.
    pub fn is_empty(&self) -> bool {
        self.filter.is_empty() && self.columns.is_empty()
    }

    /// The checks of one segment.
    pub fn for_segment(&self, table: &FacetTable, segment: usize) -> SegmentChecks {
        let columns = self
            .columns
            .iter()
            .map(|check| {
                let ids = table
                    .column_at(check.position)
                    .and_then(|c| c.doc_ids.get(segment))
                    .and_then(Option::as_ref)?;
                Some((ids.clone(), Arc::clone(&check.accepted)))
            })
            .collect();
        SegmentChecks {
            filter: self.filter,
            price: table.price(segment).cloned(),
            dense_prices: table.dense_prices(segment).cloned(),
            rating: table.rating(segment).cloned(),
            columns,
        }
    }
}

/// [`Checks`] opened on one segment.
pub struct SegmentChecks {
    filter: NumericFilter,
    price: Option<Column<f64>>,
    /// Prices by document, NaN for none, when the table has them.
    dense_prices: Option<Arc<[f64]>>,
    rating: Option<Column<f64>>,
    /// Each checked column's value ids and the accepted ones (by value
    /// id); `None` for a column the segment does not have: nothing passes.
    columns: Vec<Option<(DocIds, Arc<[bool]>)>>,
}

impl SegmentChecks {
    /// Whether `doc` passes the column checks.
    #[inline]
    pub fn columns_accept(&self, doc: DocId) -> bool {
        self.columns.iter().all(|c| {
            let Some((ids, accepted)) = c else {
                return false;
            };
            ids.any(doc, |id| {
                accepted.get(id as usize).copied().unwrap_or(false)
            })
        })
    }

    /// The price of `doc`.
    #[inline]
    pub fn price(&self, doc: DocId) -> Option<f64> {
        match &self.dense_prices {
            Some(prices) => prices.get(doc as usize).copied().filter(|p| !p.is_nan()),
            None => self.price.as_ref().and_then(|c| c.first(doc)),
        }
    }

    /// The rating of `doc`.
    #[inline]
    pub fn rating(&self, doc: DocId) -> Option<f64> {
        self.rating.as_ref().and_then(|c| c.first(doc))
    }

    /// Whether the bounds accept a product with this price (the rating is
    /// read only when bounded).
    #[inline]
    pub fn numbers_accept(&self, doc: DocId, price: Option<f64>) -> bool {
        let rating = if self.filter.min_rating.is_some() {
            self.rating(doc)
        } else {
            None
        };
        self.filter.accepts(price, rating)
    }

    /// Whether `doc` passes every check.
    #[inline]
    pub fn accept(&self, doc: DocId) -> bool {
        self.columns_accept(doc)
            && (self.filter.is_empty() || self.numbers_accept(doc, self.price(doc)))
    }
}

/// `inner`, restricted to the documents passing `checks`.
pub struct CheckedQuery {
    inner: Box<dyn Query>,
    checks: Arc<Checks>,
    table: Arc<FacetTable>,
}

impl Clone for CheckedQuery {
    fn clone(&self) -> Self {
        CheckedQuery {
            inner: self.inner.box_clone(),
            checks: Arc::clone(&self.checks),
            table: Arc::clone(&self.table),
        }
    }
}

impl std::fmt::Debug for CheckedQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckedQuery")
            .field("inner", &self.inner)
            .field("checks", &self.checks)
            .finish()
    }
}

impl CheckedQuery {
    /// Restricts `inner` to the documents passing `checks`.
    pub fn new(inner: Box<dyn Query>, checks: Checks, table: Arc<FacetTable>) -> Self {
        CheckedQuery {
            inner,
            checks: Arc::new(checks),
            table,
        }
    }
}

impl Query for CheckedQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(CheckedWeight {
            inner: self.inner.weight(enable_scoring)?,
            checks: Arc::clone(&self.checks),
            table: Arc::clone(&self.table),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct CheckedWeight {
    inner: Box<dyn Weight>,
    checks: Arc<Checks>,
    table: Arc<FacetTable>,
}

impl Weight for CheckedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let segment = self
            .table
            .segment_of(reader)
            .ok_or_else(|| tantivy::TantivyError::InternalError("unknown segment".into()))?;
        let mut scorer = CheckedScorer {
            inner: self.inner.scorer(reader, boost)?,
            checks: self.checks.for_segment(&self.table, segment),
        };
        scorer.settle();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

struct CheckedScorer {
    inner: Box<dyn Scorer>,
    checks: SegmentChecks,
}

impl CheckedScorer {
    /// Moves to the first accepted document at or after the current one.
    #[inline]
    fn settle(&mut self) -> DocId {
        let mut doc = self.inner.doc();
        while doc != TERMINATED && !self.checks.accept(doc) {
            doc = self.inner.advance();
        }
        doc
    }
}

impl DocSet for CheckedScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.inner.doc() < target {
            self.inner.seek(target);
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for CheckedScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}
