//! One pass over the matches of a turn's query: facet filters left to the
//! keyword columns, the numeric filter, the exact total and price span, the
//! sampled facet counts and the page, with each match's price read once.
//!
//! When every match scores the same (filters only, no words to rank by),
//! the page is the first matches in index order, as tantivy's `TopDocs`
//! would rank equal scores, and the query is iterated without computing
//! scores, a block of documents at a time.

use super::checked::{Checks, SegmentChecks};
use super::facets::{FacetCounts, FacetSampler, merge_counts, merge_span};
use crate::index::FacetTable;
use crate::model::Sort;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::MonotonicallyMappableToU64;
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Order, Score, SegmentOrdinal, SegmentReader};

/// How the page is ordered. Ties go to the earlier document, products
/// without the sorting value last, as with tantivy's `TopDocs`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rank {
    /// By score, best first; `constant` when every match scores the same.
    Score {
        /// Scores need not be computed: index order decides.
        constant: bool,
    },
    /// By price.
    Price(Order),
    /// By rating.
    Rating(Order),
}

impl Rank {
    /// The order a shopper's sort asks for; `constant_score` when nothing
    /// ranks the matches by relevance (see [`super::query::plan`]).
    pub fn of(sort: Sort, constant_score: bool) -> Rank {
        match sort {
            Sort::Relevance => Rank::Score {
                constant: constant_score,
            },
            Sort::PriceAsc => Rank::Price(Order::Asc),
            Sort::PriceDesc => Rank::Price(Order::Desc),
            Sort::RatingDesc => Rank::Rating(Order::Desc),
        }
    }
}

/// The page and the counts of a turn's query.
#[derive(Debug, Clone, Default)]
pub struct TurnFruit {
    /// The page, best first.
    pub page: Vec<DocAddress>,
    /// Facet counts, total and price span of all the matches.
    pub counts: FacetCounts,
}

/// Collects a [`TurnFruit`].
pub struct TurnCollector {
    table: Arc<FacetTable>,
    /// Positions of the counted facet columns in the table.
    facets: Vec<usize>,
    checks: Checks,
    rank: Rank,
    offset: usize,
    limit: usize,
}

impl TurnCollector {
    /// A page of `limit` products from `offset`, ranked by `rank`, of the
    /// matches passing `checks`, counting the facet columns at positions
    /// `facets` of `table`.
    pub fn new(
        table: Arc<FacetTable>,
        facets: Vec<usize>,
        checks: Checks,
        rank: Rank,
        offset: usize,
        limit: usize,
    ) -> Self {
        TurnCollector {
            table,
            facets,
            checks,
            rank,
            offset,
            limit: limit.max(1),
        }
    }
}

/// Sort key: smaller ranks first.
type Key = u128;

/// The best `n` documents of a segment by (key, doc); documents come in
/// increasing order, so a key equal to the threshold never gets in.
struct TopK {
    n: usize,
    buffer: Vec<(Key, DocId)>,
    threshold: Option<Key>,
}

impl TopK {
    fn new(n: usize) -> TopK {
        TopK {
            n,
            buffer: Vec::with_capacity(2 * n.max(1)),
            threshold: None,
        }
    }

    #[inline]
    fn push(&mut self, key: Key, doc: DocId) {
        if self.threshold.is_some_and(|t| key >= t) {
            return;
        }
        if self.buffer.len() == self.buffer.capacity() {
            self.truncate();
        }
        self.buffer.push((key, doc));
    }

    #[inline(never)]
    fn truncate(&mut self) {
        if self.buffer.len() <= self.n {
            return;
        }
        self.buffer.select_nth_unstable(self.n);
        self.threshold = self.buffer.get(self.n).map(|e| e.0);
        self.buffer.truncate(self.n);
    }

    fn into_vec(mut self) -> Vec<(Key, DocId)> {
        self.truncate();
        self.buffer
    }
}

/// Per-segment state of [`TurnCollector`].
pub struct TurnSegment {
    segment: SegmentOrdinal,
    checks: SegmentChecks,
    rank: Rank,
    sampler: FacetSampler,
    total: u64,
    price_span: Option<(f64, f64)>,
    top: TopK,
}

/// The key of an optional fast-field value: present values first, in
/// `order`, by tantivy's order-preserving `u64` mapping.
#[inline]
fn value_key(value: Option<f64>, order: Order) -> Key {
    match value {
        None => 1 << 64,
        Some(v) => {
            let mapped = v.to_u64();
            Key::from(match order {
                Order::Asc => mapped,
                Order::Desc => !mapped,
            })
        }
    }
}

/// The key of a score: higher scores first.
#[inline]
fn score_key(score: Score) -> Key {
    // -0.0 and 0.0 compare equal, as in tantivy.
    let bits = (score + 0.0).to_bits();
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    Key::from(u32::MAX - ordered)
}

impl TurnSegment {
    #[inline]
    fn collect_one(&mut self, doc: DocId, score: Score) {
        if !self.checks.columns_accept(doc) {
            return;
        }
        let price = self.checks.price(doc);
        if !self.checks.numbers_accept(doc, price) {
            return;
        }
        self.total += 1;
        if let Some(p) = price {
            self.price_span = merge_span(self.price_span, Some((p, p)));
        }
        self.sampler.add(doc);
        match self.rank {
            Rank::Score { constant: true } => {
                if self.top.buffer.len() < self.top.n {
                    self.top.buffer.push((0, doc));
                }
            }
            Rank::Score { constant: false } => self.top.push(score_key(score), doc),
            Rank::Price(order) => self.top.push(value_key(price, order), doc),
            Rank::Rating(order) => self
                .top
                .push(value_key(self.checks.rating(doc), order), doc),
        }
    }
}

/// What one segment found.
pub struct SegmentFruit {
    segment: SegmentOrdinal,
    top: Vec<(Key, DocId)>,
    counts: FacetCounts,
}

impl SegmentCollector for TurnSegment {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.collect_one(doc, score);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for &doc in docs {
            self.collect_one(doc, 0.0);
        }
    }

    fn harvest(self) -> SegmentFruit {
        let (counts, sampled) = self.sampler.harvest();
        SegmentFruit {
            segment: self.segment,
            top: self.top.into_vec(),
            counts: FacetCounts {
                sampled,
                counts,
                total: self.total,
                price_span: self.price_span,
            },
        }
    }
}

impl Collector for TurnCollector {
    type Fruit = TurnFruit;
    type Child = TurnSegment;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        _segment: &SegmentReader,
    ) -> tantivy::Result<TurnSegment> {
        let at = segment_ord as usize;
        Ok(TurnSegment {
            segment: segment_ord,
            checks: self.checks.for_segment(&self.table, at),
            rank: self.rank,
            sampler: FacetSampler::new(&self.table, &self.facets, at),
            total: 0,
            price_span: None,
            top: TopK::new(self.offset + self.limit),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.rank == Rank::Score { constant: false }
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFruit> {
        let mut segment = self.for_segment(segment_ord, reader)?;
        let alive = reader.alive_bitset();
        if self.requires_scoring() {
            weight.for_each(reader, &mut |doc, score| {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    segment.collect_one(doc, score);
                }
            })?;
        } else {
            weight.for_each_no_score(reader, &mut |docs| {
                for &doc in docs {
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        segment.collect_one(doc, 0.0);
                    }
                }
            })?;
        }
        Ok(segment.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<TurnFruit> {
        let mut hits: Vec<(Key, SegmentOrdinal, DocId)> = Vec::new();
        let mut counts = Vec::with_capacity(fruits.len());
        for fruit in fruits {
            hits.extend(fruit.top.into_iter().map(|(k, d)| (k, fruit.segment, d)));
            counts.push(fruit.counts);
        }
        hits.sort_unstable();
        let page = hits
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .map(|(_, segment, doc)| DocAddress::new(segment, doc))
            .collect();
        Ok(TurnFruit {
            page,
            counts: merge_counts(&self.table, &self.facets, counts),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_keys_rank_higher_scores_first_and_zeroes_together() {
        let scores = [-3.5f32, -0.0, 0.0, 0.25, 1.0, 7.5];
        for pair in scores.windows(2) {
            assert!(score_key(pair[0]) >= score_key(pair[1]), "{pair:?}");
        }
        assert_eq!(score_key(-0.0), score_key(0.0));
    }

    #[test]
    fn value_keys_put_missing_values_last_in_both_orders() {
        for order in [Order::Asc, Order::Desc] {
            assert!(value_key(Some(-5.0), order) < value_key(None, order));
            assert!(value_key(Some(1e300), order) < value_key(None, order));
        }
        assert!(value_key(Some(1.0), Order::Asc) < value_key(Some(2.0), Order::Asc));
        assert!(value_key(Some(2.0), Order::Desc) < value_key(Some(1.0), Order::Desc));
    }

    #[test]
    fn top_k_keeps_the_smallest_keys_and_the_earliest_of_ties() {
        let mut top = TopK::new(3);
        for (doc, key) in [5u128, 1, 3, 1, 9, 0, 3, 1, 2].into_iter().enumerate() {
            top.push(key, doc as DocId);
        }
        let mut kept = top.into_vec();
        kept.sort_unstable();
        assert_eq!(kept, vec![(0, 5), (1, 1), (1, 3)]);
    }
}
