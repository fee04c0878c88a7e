//! A collector wrapper letting through only the candidates whose price and
//! rating pass a [`NumericFilter`], read from fast-field columns opened once
//! per index generation.

use super::checked::NumericFilter;
use crate::index::FacetTable;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Wraps `inner`, collecting only documents `filter` accepts.
pub struct Filtered<C> {
    inner: C,
    filter: NumericFilter,
    table: Arc<FacetTable>,
}

impl<C> Filtered<C> {
    /// Filters what `inner` sees.
    pub fn new(inner: C, filter: NumericFilter, table: Arc<FacetTable>) -> Self {
        Filtered {
            inner,
            filter,
            table,
        }
    }
}

/// Per-segment state of [`Filtered`].
pub struct FilteredSegment<S> {
    inner: S,
    filter: NumericFilter,
    price: Option<Column<f64>>,
    rating: Option<Column<f64>>,
}

impl<C: Collector> Collector for Filtered<C> {
    type Fruit = C::Fruit;
    type Child = FilteredSegment<C::Child>;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let at = segment_ord as usize;
        Ok(FilteredSegment {
            inner: self.inner.for_segment(segment_ord, segment)?,
            filter: self.filter,
            price: self.table.price(at).cloned(),
            rating: self.table.rating(at).cloned(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<C::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<C::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<S: SegmentCollector> SegmentCollector for FilteredSegment<S> {
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let price = self.price.as_ref().and_then(|c| c.first(doc));
        let rating = self.rating.as_ref().and_then(|c| c.first(doc));
        if self.filter.accepts(price, rating) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> S::Fruit {
        self.inner.harvest()
    }
}
