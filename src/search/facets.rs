//! Counting facet values over every matching product, from fast-field
//! ordinals: one array increment per value per document, strings resolved
//! once per segment at the end.

use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts of the values of several keyword fields, plus the matching
/// products' price span and count.
#[derive(Debug, Clone, Default)]
pub struct FacetCounts {
    /// Field name -> indexed key -> number of matching products.
    pub counts: HashMap<String, HashMap<String, u64>>,
    /// Number of matching products.
    pub total: u64,
    /// Lowest and highest price among the matching products.
    pub price_span: Option<(f64, f64)>,
}

/// Collects [`FacetCounts`] for the given keyword fields.
pub struct FacetCollector {
    fields: Vec<String>,
}

impl FacetCollector {
    /// Counts the values of these fast keyword fields.
    pub fn new(fields: Vec<String>) -> Self {
        FacetCollector { fields }
    }
}

/// Per-segment state of [`FacetCollector`].
pub struct FacetSegmentCollector {
    columns: Vec<(String, StrColumn, Vec<u32>)>,
    price: Option<tantivy::columnar::Column<f64>>,
    total: u64,
    price_span: Option<(f64, f64)>,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let fast = segment.fast_fields();
        let mut columns = Vec::with_capacity(self.fields.len());
        for name in &self.fields {
            if let Some(column) = fast.str(name)? {
                let terms = column.num_terms();
                columns.push((name.clone(), column, vec![0u32; terms]));
            }
        }
        let price = fast.column_opt::<f64>("price")?;
        Ok(FacetSegmentCollector {
            columns,
            price,
            total: 0,
            price_span: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut merged = FacetCounts::default();
        for fruit in fruits {
            merged.total += fruit.total;
            merged.price_span = merge_span(merged.price_span, fruit.price_span);
            for (field, counts) in fruit.counts {
                let target = merged.counts.entry(field).or_default();
                for (key, n) in counts {
                    *target.entry(key).or_default() += n;
                }
            }
        }
        Ok(merged)
    }
}

fn merge_span(a: Option<(f64, f64)>, b: Option<(f64, f64)>) -> Option<(f64, f64)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (x, None) | (None, x) => x,
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        for (_, column, counts) in &mut self.columns {
            for ord in column.term_ords(doc) {
                if let Some(c) = counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
        if let Some(price) = self.price.as_ref().and_then(|c| c.first(doc)) {
            self.price_span = merge_span(self.price_span, Some((price, price)));
        }
    }

    fn harvest(self) -> FacetCounts {
        let mut counts = HashMap::with_capacity(self.columns.len());
        let mut buf = String::new();
        for (name, column, ords) in self.columns {
            let mut values = HashMap::new();
            for (ord, &n) in ords.iter().enumerate() {
                if n > 0 && column.ord_to_str(ord as u64, &mut buf).unwrap_or(false) {
                    values.insert(buf.clone(), u64::from(n));
                }
            }
            counts.insert(name, values);
        }
        FacetCounts {
            counts,
            total: self.total,
            price_span: self.price_span,
        }
    }
}
