//! Running constraints against the index: the query (see [`query`]),
//! ranking, sorting, paging, and facet counts of the whole result set.
//! Knows nothing of sessions or HTTP.

mod facets;
pub mod query;

pub use facets::{FacetCollector, FacetCounts};
pub use query::QueryOptions;

use crate::Result;
use crate::catalog::Product;
use crate::dialog::Constraints;
use crate::index::ProductIndex;
use crate::understand::Sort;
use std::collections::BTreeMap;
use tantivy::collector::{Count, TopDocs};
use tantivy::{DocAddress, Order};

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
    /// Facet name -> (display value, count), most frequent first.
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
    let query = query::build(index, constraints, &request.options);
    let searcher = index.searcher();
    let mut wanted_fields: Vec<(String, &'static str, String)> = Vec::new();
    for name in &request.facets {
        let (field, prefix) = index.facet_column(name);
        wanted_fields.push((name.clone(), field, prefix));
    }
    let mut columns: Vec<String> = wanted_fields
        .iter()
        .map(|(_, f, _)| f.to_string())
        .collect();
    columns.sort();
    columns.dedup();
    let facet_collector = FacetCollector::new(columns);
    let limit = request.limit.max(1);
    let top = TopDocs::with_limit(limit).and_offset(request.offset);
    let (addresses, counts): (Vec<DocAddress>, FacetCounts) = match constraints.sort {
        Sort::Relevance => {
            let (hits, counts) =
                searcher.search(&query, &(top.order_by_score(), facet_collector))?;
            (hits.into_iter().map(|(_, a)| a).collect(), counts)
        }
        Sort::PriceAsc | Sort::PriceDesc | Sort::RatingDesc => {
            let (field, order) = match constraints.sort {
                Sort::PriceAsc => ("price", Order::Asc),
                Sort::PriceDesc => ("price", Order::Desc),
                _ => ("rating", Order::Desc),
            };
            let collector = top.order_by_fast_field::<f64>(field, order);
            let (hits, counts) = searcher.search(&query, &(collector, facet_collector))?;
            (hits.into_iter().map(|(_, a)| a).collect(), counts)
        }
    };
    let products = addresses
        .into_iter()
        .map(|a| index.product_at(a))
        .collect::<Result<Vec<_>>>()?;
    let mut facets = BTreeMap::new();
    for (name, field, prefix) in wanted_fields {
        let Some(values) = counts.counts.get(field) else {
            continue;
        };
        let mut list: Vec<(String, u64)> = values
            .iter()
            .filter_map(|(key, n)| {
                let key = key.strip_prefix(prefix.as_str())?;
                Some((index.display_value(&name, key), *n))
            })
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        facets.insert(name, list);
    }
    Ok(SearchResult {
        products,
        total: counts.total,
        facets,
        price_span: counts.price_span,
    })
}

/// Number of products matching `constraints` (used to probe relaxations).
pub fn count(
    index: &ProductIndex,
    constraints: &Constraints,
    options: &QueryOptions,
) -> Result<u64> {
    let query = query::build(index, constraints, options);
    Ok(index.searcher().search(&query, &Count)? as u64)
}
