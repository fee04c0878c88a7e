//! Counting facet values over the matching products: one array increment
//! per value per document, from the documents' value ids (numbered when the
//! index opened, see [`crate::index::FacetTable`]).
//!
//! Broad result sets are sampled: a segment counts its first
//! [`EXACT_DOCS`] matches exactly, then every second, every fourth... match,
//! each counted with the weight of its stride (the gap between counted
//! matches is drawn around the stride, so a catalog whose rows repeat with a
//! period cannot alias with it), so counts stay estimates of
//! the whole set while a match of a million documents costs about as much
//! as one of a few tens of thousands. The total and the price span are
//! always exact. When the turn pages product models, a value counts the
//! models having it (a model's variants once: exactly while counting
//! exactly, across segments too, since an import on several threads shares
//! a model's rows out among segments differently each time; by runs of a
//! group's rows once sampling).

use crate::index::{DocIds, FacetTable, NO_GROUP, spans_segments};
use rustc_hash::FxHashSet;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Matches per segment counted exactly before sampling starts; the stride
/// doubles after each further `EXACT_DOCS` counted documents.
pub const EXACT_DOCS: u32 = 4_096;

/// Counts of the values of some keyword columns, plus the matching
/// products' price span and count.
#[derive(Debug, Clone, Default)]
pub struct FacetCounts {
    /// True when some counts are estimates from a sample.
    pub sampled: bool,
    /// Per counted column (in the order asked): (value id, products — or
    /// models, when paging models), in value-id order, only values with
    /// products.
    pub counts: Vec<Vec<(u32, u64)>>,
    /// Number of matching products: product models (the variants of one
    /// group counted once) when the collector pages distinct models (see
    /// [`super::TurnCollector::distinct`]), else rows, as `rows`.
    pub total: u64,
    /// Number of matching rows: every variant counted.
    pub rows: u64,
    /// Lowest and highest price among the matching products.
    pub price_span: Option<(f64, f64)>,
}

/// Collects [`FacetCounts`] for some columns of a [`FacetTable`].
pub struct FacetCollector {
    table: Arc<FacetTable>,
    /// Positions of the counted columns in the table.
    columns: Vec<usize>,
}

impl FacetCollector {
    /// Counts the columns at these positions of `table` (see
    /// [`FacetTable::column`]).
    pub fn new(table: Arc<FacetTable>, columns: Vec<usize>) -> Self {
        FacetCollector { table, columns }
    }
}

/// One column being counted in one segment.
struct SegmentColumn {
    /// Each document's value ids.
    ids: DocIds,
    /// Value id -> products.
    by_id: Vec<u32>,
}

/// The sampled facet counts of one segment: feed it the matches in index
/// order with [`FacetSampler::add`].
pub struct FacetSampler {
    /// `None` for a column this segment does not have.
    columns: Vec<Option<SegmentColumn>>,
    /// Count every `stride`-th match, with weight `stride`.
    stride: u32,
    /// Matches until the next counted one.
    skip: u32,
    /// Xorshift state drawing the gaps (fixed seed: the same query gives
    /// the same estimates).
    rng: u32,
    /// Documents counted at the current stride.
    counted: u32,
    /// (column, value id, group) already counted while counting exactly:
    /// a model's further variants add only values it had not shown yet, so
    /// counts count models as the total does.
    seen: FxHashSet<u64>,
    /// The keys of `seen` whose group lies in several segments too: the
    /// only ones another segment may have counted.
    spanning: Vec<u64>,
    /// The generation's groups that span segments ([`crate::index::VariantGroups::split`]).
    split: Arc<[u64]>,
    /// Once sampling, the variant group counted last and its (column,
    /// value id) pairs: a group's rows listed together count once.
    group: (u32, Vec<(usize, u32)>),
}

impl FacetSampler {
    /// Counts the columns at `positions` of `table` in segment `segment_ord`.
    pub fn new(table: &FacetTable, positions: &[usize], segment_ord: usize) -> FacetSampler {
        let columns = positions
            .iter()
            .map(|&position| {
                let table_column = table.column_at(position)?;
                let ids = table_column.doc_ids.get(segment_ord)?.as_ref()?;
                Some(SegmentColumn {
                    ids: ids.clone(),
                    by_id: vec![0; table_column.values.len()],
                })
            })
            .collect();
        FacetSampler {
            columns,
            stride: 1,
            skip: 0,
            rng: 0x9E37_79B9 ^ segment_ord as u32,
            counted: 0,
            seen: FxHashSet::default(),
            spanning: Vec::new(),
            split: table.groups().split().clone(),
            group: (NO_GROUP, Vec::new()),
        }
    }

    /// One more match (matches come in increasing document order), of
    /// variant `group` ([`NO_GROUP`] when it has none or rows are counted).
    #[inline]
    pub fn add(&mut self, doc: DocId, group: u32) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        let weight = self.stride;
        let exact = weight == 1;
        let (current, counted) = &mut self.group;
        if group != *current {
            *current = group;
            counted.clear();
        }
        let (seen, spanning, split) = (&mut self.seen, &mut self.spanning, &self.split);
        for (c, column) in self.columns.iter_mut().enumerate() {
            let Some(SegmentColumn { ids, by_id }) = column else {
                continue;
            };
            ids.for_each(doc, |id| {
                if group != NO_GROUP {
                    let again = if exact {
                        // 8 bits of column, 24 of value id, 32 of group.
                        let key = (c as u64) << 56 | u64::from(id) << 32 | u64::from(group);
                        let first = seen.insert(key);
                        if first && spans_segments(split, group) {
                            spanning.push(key);
                        }
                        !first
                    } else {
                        counted.contains(&(c, id))
                    };
                    if again {
                        return;
                    }
                    counted.push((c, id));
                }
                if let Some(n) = by_id.get_mut(id as usize) {
                    *n = n.saturating_add(weight);
                }
            });
        }
        self.counted += 1;
        if self.counted == EXACT_DOCS {
            self.counted = 0;
            self.stride = self.stride.saturating_mul(2);
        }
        // A gap of 1..=2*stride-1 matches: stride on average.
        self.skip = if self.stride == 1 {
            0
        } else {
            self.rng ^= self.rng << 13;
            self.rng ^= self.rng >> 17;
            self.rng ^= self.rng << 5;
            self.rng % (2 * self.stride - 1)
        };
    }

    /// Per column, (value id, products) in value-id order, whether the
    /// counts are estimates, and the (column, value id, group) keys counted
    /// exactly of groups spanning segments, for [`merge_counts`] to count a
    /// model met in several segments once.
    pub fn harvest(self) -> (Vec<Vec<(u32, u64)>>, bool, Seen) {
        let counts = self
            .columns
            .into_iter()
            .map(|c| match c {
                None => Vec::new(),
                Some(SegmentColumn { by_id, .. }) => by_id
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(id, &n)| (id as u32, u64::from(n)))
                    .collect(),
            })
            .collect();
        (counts, self.stride > 1, Seen(self.spanning))
    }
}

/// The (column, value id, group) keys a segment counted exactly, of groups
/// whose rows lie in several segments (each key once): 8 bits of column,
/// 24 of value id, 32 of group.
#[derive(Debug, Default)]
pub struct Seen(Vec<u64>);

/// Per-segment state of [`FacetCollector`].
pub struct FacetSegmentCollector {
    sampler: FacetSampler,
    price: Option<Column<f64>>,
    total: u64,
    price_span: Option<(f64, f64)>,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        _segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let segment_ord = segment_ord as usize;
        Ok(FacetSegmentCollector {
            sampler: FacetSampler::new(&self.table, &self.columns, segment_ord),
            price: self.table.price(segment_ord).cloned(),
            total: 0,
            price_span: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        // Rows are counted (no groups): nothing is seen twice.
        Ok(merge_counts(&self.table, &self.columns, fruits, Vec::new()))
    }
}

/// Adds up the segments' counts of the columns at `positions` of `table`;
/// a model whose rows several segments counted exactly (`seen`, one per
/// segment) counts once.
pub(crate) fn merge_counts(
    table: &FacetTable,
    positions: &[usize],
    fruits: Vec<FacetCounts>,
    seen: Vec<Seen>,
) -> FacetCounts {
    let mut merged = FacetCounts {
        counts: Vec::with_capacity(positions.len()),
        ..FacetCounts::default()
    };
    for fruit in &fruits {
        merged.sampled |= fruit.sampled;
        merged.total += fruit.total;
        merged.rows += fruit.rows;
        merged.price_span = merge_span(merged.price_span, fruit.price_span);
    }
    let mut dense: Vec<Vec<u64>> = positions
        .iter()
        .enumerate()
        .map(|(i, &position)| {
            let values = table.column_at(position).map_or(0, |t| t.values.len());
            let mut dense = vec![0u64; values];
            for fruit in &fruits {
                for &(id, n) in fruit.counts.get(i).into_iter().flatten() {
                    if let Some(slot) = dense.get_mut(id as usize) {
                        *slot += n;
                    }
                }
            }
            dense
        })
        .collect();
    count_models_once(&mut dense, seen);
    merged.counts = dense
        .into_iter()
        .map(|dense| {
            dense
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(id, n)| (id as u32, n))
                .collect()
        })
        .collect();
    merged
}

/// Takes back from `dense` (column -> value id -> count) the second and
/// later counts of a (column, value, model) key several segments counted.
fn count_models_once(dense: &mut [Vec<u64>], seen: Vec<Seen>) {
    if seen.iter().filter(|s| !s.0.is_empty()).count() < 2 {
        return;
    }
    let mut union: FxHashSet<u64> = FxHashSet::default();
    union.reserve(seen.iter().map(|s| s.0.len()).max().unwrap_or(0));
    for Seen(set) in seen {
        for key in set {
            if union.insert(key) {
                continue;
            }
            let (column, id) = ((key >> 56) as usize, (key >> 32 & 0xFF_FFFF) as usize);
            if let Some(n) = dense.get_mut(column).and_then(|d| d.get_mut(id)) {
                *n = n.saturating_sub(1);
            }
        }
    }
}

pub(crate) fn merge_span(a: Option<(f64, f64)>, b: Option<(f64, f64)>) -> Option<(f64, f64)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (x, None) | (None, x) => x,
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        self.sampler.add(doc, NO_GROUP);
        if let Some(price) = self.price.as_ref().and_then(|c| c.first(doc)) {
            self.price_span = merge_span(self.price_span, Some((price, price)));
        }
    }

    fn harvest(self) -> FacetCounts {
        let (counts, sampled, _) = self.sampler.harvest();
        FacetCounts {
            sampled,
            counts,
            total: self.total,
            rows: self.total,
            price_span: self.price_span,
        }
    }
}
