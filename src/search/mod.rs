//! Running constraints against the index: the query (see [`query`]),
//! ranking, sorting, paging one product per model (the variants of a model
//! listed on the product shown for it), and facet counts of the whole
//! result set. Knows nothing of sessions or HTTP.

mod checked;
mod collect;
mod facets;
mod filter;
pub mod query;
mod titled;
mod top;
mod words;

pub use checked::{CheckedQuery, Checks, ColumnCheck, NumericFilter};
pub use collect::{Rank, TurnCollector, TurnFruit};
pub use facets::{FacetCollector, FacetCounts, FacetSampler, Seen};
pub use filter::Filtered;

use crate::catalog::Product;
use crate::error::Result;
use crate::index::ProductIndex;
use crate::model::{SearchSpec, Slot, ValueCounts};
use std::sync::Arc;

/// One page of results with the counts of the whole result set.
#[derive(Debug, Clone, Default)]
pub struct SearchResult {
    /// The page of products, best first: one per product model (the
    /// model's best-ranked variant among the matches), each with its
    /// [`Product::variants`].
    pub products: Vec<Product>,
    /// Number of matching product models: the variants of one model (rows
    /// of one variant group) count once. Pages are counted in models too.
    pub total: u64,
    /// Number of matching rows, every variant counted.
    pub rows: u64,
    /// Facet -> (display value, count), most frequent first, for the facets
    /// the spec left open. Counts of very large result sets are estimates
    /// from a sample, rounded to two significant figures (see [`facets`]).
    pub facets: ValueCounts,
    /// Lowest and highest price among all matching products.
    pub price_span: Option<(f64, f64)>,
}

/// The facets worth counting for `spec`: every facet of the catalog the
/// constraints leave open (those the next question may ask about).
fn open_facets(index: &ProductIndex, spec: &SearchSpec) -> Vec<Slot> {
    if !spec.count_open_facets {
        return Vec::new();
    }
    let vocab = index.vocabulary();
    // A type asked for may have narrower ones to choose from.
    let nested = !vocab.type_tree.is_empty();
    vocab
        .facets
        .keys()
        .map(|name| Slot::from_facet(name))
        .filter(|slot| {
            (nested && *slot == Slot::Type)
                || spec
                    .constraints
                    .facet(slot)
                    .is_none_or(|f| f.any_of.is_empty())
        })
        .collect()
}

/// Runs `spec` and returns a page of products with facet counts.
pub fn search(index: &ProductIndex, spec: &SearchSpec) -> Result<SearchResult> {
    let plan = query::plan(index, spec);
    let searcher = index.searcher();
    let table = index.facet_table();
    // Facet -> position of its column among the counted ones.
    let mut columns: Vec<usize> = Vec::new();
    let mut wanted: Vec<(Slot, usize)> = Vec::new();
    for slot in open_facets(index, spec) {
        let Some((position, _)) = table.column(index.facet_column(slot.facet())) else {
            continue;
        };
        let at = match columns.iter().position(|&p| p == position) {
            Some(at) => at,
            None => {
                columns.push(position);
                columns.len() - 1
            }
        };
        wanted.push((slot, at));
    }
    let rank = Rank::of(spec.constraints.sort, plan.constant_score);
    let collector = TurnCollector::new(
        Arc::clone(table),
        columns.clone(),
        plan.checks,
        rank,
        spec.offset,
        spec.limit,
    )
    .distinct()
    .excluding_group(excluded_group(index, spec)?);
    let TurnFruit { page, counts } = searcher.search(plan.query.as_ref(), &collector)?;
    let products = page
        .into_iter()
        .map(|a| {
            let mut product = index.product_at(a)?;
            product.variants = index.variants_of(a)?;
            Ok(product)
        })
        .collect::<Result<Vec<_>>>()?;
    let mut facets = ValueCounts::new();
    for (slot, at) in wanted {
        let (Some(values), Some(column)) = (
            counts.counts.get(at),
            columns.get(at).and_then(|&p| table.column_at(p)),
        ) else {
            continue;
        };
        let name = slot.facet();
        let mut list: Vec<(String, u64)> = values
            .iter()
            .filter_map(|&(id, n)| {
                let (facet, shown) = column.values.get(id as usize)?;
                (facet == name).then(|| (shown.clone(), n))
            })
            .collect();
        if counts.sampled {
            // Estimates: shown to two significant figures, never as zero.
            for (_, n) in &mut list {
                *n = two_significant_figures(*n).max(1);
            }
        }
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        facets.insert(slot, list);
    }
    Ok(SearchResult {
        products,
        total: counts.total,
        rows: counts.rows,
        facets,
        price_span: counts.price_span,
    })
}

/// Number of product models matching `spec` (used to probe relaxations),
/// counted as [`SearchResult::total`]: the same query plan as [`search`],
/// without a page or facet counts.
pub fn count(index: &ProductIndex, spec: &SearchSpec) -> Result<u64> {
    let plan = query::plan(index, spec);
    let rank = Rank::of(spec.constraints.sort, plan.constant_score);
    let collector = TurnCollector::new(
        Arc::clone(index.facet_table()),
        Vec::new(),
        plan.checks,
        rank,
        0,
        0,
    )
    .distinct()
    .excluding_group(excluded_group(index, spec)?);
    let fruit = index.searcher().search(plan.query.as_ref(), &collector)?;
    Ok(fruit.counts.total)
}

/// The variant group of the product a search leaves out ("more like
/// this"): its other sizes and colours are not "similar products".
fn excluded_group(index: &ProductIndex, spec: &SearchSpec) -> Result<Option<u32>> {
    let Some(id) = spec.exclude_id.as_deref() else {
        return Ok(None);
    };
    if index.facet_table().groups().is_empty() {
        return Ok(None);
    }
    let address = index.address_of(id)?;
    Ok(address.and_then(|a| index.facet_table().groups().group_of(a)))
}

/// `n` rounded to two significant figures (12,345 -> 12,000).
fn two_significant_figures(n: u64) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

#[cfg(test)]
mod tests {
    use super::two_significant_figures;

    #[test]
    fn estimates_keep_two_significant_figures() {
        assert_eq!(two_significant_figures(0), 0);
        assert_eq!(two_significant_figures(7), 7);
        assert_eq!(two_significant_figures(99), 99);
        assert_eq!(two_significant_figures(123), 120);
        assert_eq!(two_significant_figures(12_345), 12_000);
        assert_eq!(two_significant_figures(12_500), 13_000);
        assert_eq!(two_significant_figures(996), 1_000);
    }
}
