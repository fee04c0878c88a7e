//! Running constraints against the index: the query (see [`query`]),
//! ranking, sorting, paging, and facet counts of the whole result set.
//! Knows nothing of sessions or HTTP.

mod checked;
mod collect;
mod facets;
mod filter;
pub mod query;

pub use checked::{CheckedQuery, Checks};
pub use collect::{Rank, TurnCollector, TurnFruit};
pub use facets::{FacetCollector, FacetCounts, FacetSampler};
pub use filter::Filtered;
pub use query::{ColumnCheck, NumericFilter, QueryOptions};

use crate::Result;
use crate::catalog::Product;
use crate::dialog::Constraints;
use crate::index::FacetTable;
use crate::index::ProductIndex;
use std::collections::BTreeMap;
use std::sync::Arc;
use tantivy::Searcher;
use tantivy::collector::{Collector, Count};
use tantivy::query::Query;

/// What to fetch.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Products to skip (paging).
    pub offset: usize,
    /// Products to return.
    pub limit: usize,
    /// Facets whose value counts to return (facet names).
    pub facets: Vec<String>,
    /// Query options beyond the constraints.
    pub options: QueryOptions,
}

/// One page of results with the counts of the whole result set.
#[derive(Debug, Clone, Default)]
pub struct SearchResult {
    /// The page of products, best first.
    pub products: Vec<Product>,
    /// Number of matching products.
    pub total: u64,
    /// Facet name -> (display value, count), most frequent first. Counts of
    /// very large result sets are estimates from a sample, rounded to two
    /// significant figures (see [`facets`]).
    pub facets: BTreeMap<String, Vec<(String, u64)>>,
    /// Lowest and highest price among all matching products.
    pub price_span: Option<(f64, f64)>,
}

/// Runs `constraints` and returns a page of products with facet counts.
pub fn search(
    index: &ProductIndex,
    constraints: &Constraints,
    request: &SearchRequest,
) -> Result<SearchResult> {
    let plan = query::plan(index, constraints, &request.options);
    let searcher = index.searcher();
    let table = index.facet_table();
    // Facet name -> position of its column among the counted ones.
    let mut columns: Vec<usize> = Vec::new();
    let mut wanted: Vec<(&str, usize)> = Vec::new();
    for name in &request.facets {
        let Some((position, _)) = table.column(index.facet_column(name)) else {
            continue;
        };
        let at = match columns.iter().position(|&p| p == position) {
            Some(at) => at,
            None => {
                columns.push(position);
                columns.len() - 1
            }
        };
        wanted.push((name.as_str(), at));
    }
    let rank = Rank::of(constraints.sort, plan.constant_score);
    let collector = TurnCollector::new(
        Arc::clone(table),
        columns.clone(),
        plan.checks,
        rank,
        request.offset,
        request.limit,
    );
    let TurnFruit { page, counts } = searcher.search(plan.query.as_ref(), &collector)?;
    let addresses = page;
    let products = addresses
        .into_iter()
        .map(|a| index.product_at(a))
        .collect::<Result<Vec<_>>>()?;
    let mut facets = BTreeMap::new();
    for (name, at) in wanted {
        let (Some(values), Some(column)) = (
            counts.counts.get(at),
            columns.get(at).and_then(|&p| table.column_at(p)),
        ) else {
            continue;
        };
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
        facets.insert(name.to_string(), list);
    }
    Ok(SearchResult {
        products,
        total: counts.total,
        facets,
        price_span: counts.price_span,
    })
}

/// `n` rounded to two significant figures (12,345 -> 12,000).
fn two_significant_figures(n: u64) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

/// Runs `collector`, through the numeric filter when there is one.
fn run_filtered<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: C,
    filter: &NumericFilter,
    table: &Arc<FacetTable>,
) -> Result<C::Fruit> {
    if filter.is_empty() {
        Ok(searcher.search(query, &collector)?)
    } else {
        let filtered = Filtered::new(collector, *filter, Arc::clone(table));
        Ok(searcher.search(query, &filtered)?)
    }
}

/// Number of products matching `constraints` (used to probe relaxations).
pub fn count(
    index: &ProductIndex,
    constraints: &Constraints,
    options: &QueryOptions,
) -> Result<u64> {
    let built = query::build(index, constraints, options);
    let n = run_filtered(
        index.searcher(),
        built.query.as_ref(),
        Count,
        &built.filter,
        index.facet_table(),
    )?;
    Ok(n as u64)
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
