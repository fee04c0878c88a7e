//! One pass over the matches of a turn's query: facet filters left to the
//! keyword columns, the numeric filter, the exact total and price span, the
//! sampled facet counts and the page, with each match's price read once.
//!
//! When every match scores the same (filters only, no words to rank by),
//! the page is the first matches in index order, as tantivy's `TopDocs`
//! would rank equal scores, and the query is iterated without computing
//! scores, a block of documents at a time.
//!
//! With [`TurnCollector::distinct`], the page holds one product per model,
//! as Algolia's `distinct`: each variant group (see
//! [`crate::index::VariantGroups`]) is ranked by its best match, which
//! stands for it (so "size 42" shows the variant that has a 42), and paging
//! counts models. The total counts models too (a bit per group); facet
//! counts and the price span stay per row.

use super::checked::{Checks, SegmentChecks};
use super::facets::{FacetCounts, FacetSampler, Seen, merge_counts, merge_span};
use super::top::{Key, TopK};
use crate::index::{FacetTable, NO_GROUP, group_in};
use crate::model::Sort;
use rustc_hash::FxHashSet;
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
    /// One product per variant group (see [`TurnCollector::distinct`]).
    distinct: bool,
    /// A group none of whose products is collected.
    excluded_group: Option<u32>,
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
            distinct: false,
            excluded_group: None,
        }
    }

    /// Pages product models instead of rows: at most one product per
    /// variant group, the group's best-ranked match; `offset` and `limit`
    /// count models, and so does the total ([`FacetCounts::rows`] keeps
    /// the rows). Facet counts and the price span stay per row.
    pub fn distinct(mut self) -> Self {
        self.distinct = true;
        self
    }

    /// When paging models, leaves out every product of a variant group (the
    /// variants of the product "more like this" starts from).
    pub fn excluding_group(mut self, group: Option<u32>) -> Self {
        self.excluded_group = group;
        self
    }
}

/// Distinct paging in one segment: which groups were met.
struct SegmentGroups {
    /// Each document's group; `None` when no document of the segment has one.
    ids: Option<Arc<[u32]>>,
    /// One bit per group of the generation: met in this segment.
    seen: Vec<u64>,
    /// Matches without a group (each a model of its own).
    singles: u64,
    excluded: u32,
}

impl SegmentGroups {
    /// The group of `doc`, `None` when it is excluded, and whether it is the
    /// first match of its group in the segment.
    #[inline]
    fn meet(&mut self, doc: DocId) -> Option<(u32, bool)> {
        let group = self
            .ids
            .as_deref()
            .map_or(NO_GROUP, |ids| group_in(ids, doc));
        if group == NO_GROUP {
            self.singles += 1;
            return Some((NO_GROUP, true));
        }
        if group == self.excluded {
            return None;
        }
        let (word, bit) = ((group / 64) as usize, 1u64 << (group % 64));
        let Some(slot) = self.seen.get_mut(word) else {
            return Some((group, true));
        };
        let first = *slot & bit == 0;
        *slot |= bit;
        Some((group, first))
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
    /// Present when paging models.
    groups: Option<SegmentGroups>,
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
        let (group, first) = match &mut self.groups {
            None => (NO_GROUP, true),
            Some(groups) => match groups.meet(doc) {
                Some(met) => met,
                None => return,
            },
        };
        self.total += 1;
        if let Some(p) = price {
            self.price_span = merge_span(self.price_span, Some((p, p)));
        }
        self.sampler.add(doc, group);
        match self.rank {
            // Equal keys in index order: a group's first match is its best.
            Rank::Score { constant: true } => {
                if first && self.top.buffer.len() < self.top.n {
                    self.top.buffer.push((0, doc, group));
                }
            }
            Rank::Score { constant: false } => self.top.push(score_key(score), doc, group),
            Rank::Price(order) => self.top.push(value_key(price, order), doc, group),
            Rank::Rating(order) => {
                self.top
                    .push(value_key(self.checks.rating(doc), order), doc, group)
            }
        }
    }
}

/// What one segment found.
pub struct SegmentFruit {
    segment: SegmentOrdinal,
    top: Vec<super::top::Entry>,
    counts: FacetCounts,
    /// When paging models: matches without a group, and the groups met.
    models: Option<(u64, Vec<u64>)>,
    /// The facet values counted exactly of models whose rows lie in
    /// several segments (for the merge to count each once).
    seen: Seen,
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
        let (counts, sampled, seen) = self.sampler.harvest();
        SegmentFruit {
            segment: self.segment,
            top: self.top.into_vec(),
            counts: FacetCounts {
                sampled,
                counts,
                total: self.total,
                rows: self.total,
                price_span: self.price_span,
            },
            models: self.groups.map(|g| (g.singles, g.seen)),
            seen,
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
        let groups = self.table.groups();
        let groups = self.distinct.then(|| SegmentGroups {
            ids: groups.segment(at).cloned(),
            seen: if groups.segment(at).is_some() {
                vec![0; groups.len().div_ceil(64)]
            } else {
                Vec::new()
            },
            singles: 0,
            excluded: self.excluded_group.unwrap_or(NO_GROUP),
        });
        Ok(TurnSegment {
            segment: segment_ord,
            checks: self.checks.for_segment(&self.table, at),
            rank: self.rank,
            sampler: FacetSampler::new(&self.table, &self.facets, at),
            total: 0,
            price_span: None,
            top: TopK::new(self.offset + self.limit, self.distinct),
            groups,
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
        let mut hits: Vec<(Key, SegmentOrdinal, DocId, u32)> = Vec::new();
        let mut counts = Vec::with_capacity(fruits.len());
        let mut seen_values = Vec::with_capacity(fruits.len());
        // Models: those without a group, plus every group met in some segment.
        let mut singles = 0u64;
        let mut seen: Vec<u64> = Vec::new();
        for fruit in fruits {
            hits.extend(
                fruit
                    .top
                    .into_iter()
                    .map(|(k, d, g)| (k, fruit.segment, d, g)),
            );
            counts.push(fruit.counts);
            seen_values.push(fruit.seen);
            if let Some((alone, met)) = fruit.models {
                singles += alone;
                if seen.len() < met.len() {
                    seen.resize(met.len(), 0);
                }
                seen.iter_mut().zip(&met).for_each(|(a, b)| *a |= b);
            }
        }
        hits.sort_unstable();
        // A group found in several segments is shown once, by its best match.
        let mut shown_groups: FxHashSet<u32> = FxHashSet::default();
        let page = hits
            .into_iter()
            .filter(|&(_, _, _, group)| group == NO_GROUP || shown_groups.insert(group))
            .skip(self.offset)
            .take(self.limit)
            .map(|(_, segment, doc, _)| DocAddress::new(segment, doc))
            .collect();
        let mut counts = merge_counts(&self.table, &self.facets, counts, seen_values);
        if self.distinct {
            let groups: u64 = seen.iter().map(|w| u64::from(w.count_ones())).sum();
            counts.total = singles + groups;
        }
        Ok(TurnFruit { page, counts })
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
}
