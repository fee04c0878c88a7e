//! What `dialog` asks `search` to run, and the facet counts it gets back.

use super::constraints::Constraints;
use super::slot::Slot;
use std::collections::BTreeMap;

/// Facet -> (display value, products), most frequent first.
pub type ValueCounts = BTreeMap<Slot, Vec<(String, u64)>>;

/// One search: the constraints, the page, and how the words are matched
/// and ranked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchSpec {
    /// What every product must satisfy.
    pub constraints: Constraints,
    /// Products to skip (paging).
    pub offset: usize,
    /// Products to return.
    pub limit: usize,
    /// Count the values of every facet the constraints leave open (what the
    /// next clarifying question may ask about).
    pub count_open_facets: bool,
    /// Let shopper words match the description too (tried before relaxing).
    pub with_description: bool,
    /// Words that raise a product's rank without being required ("more like this").
    pub boost_words: Vec<String>,
    /// A product id never to return (the one "more like this" starts from).
    pub exclude_id: Option<String>,
}

impl SearchSpec {
    /// This search with nothing excluded ([`Constraints::without_exclusions`]).
    pub fn without_exclusions(&self) -> SearchSpec {
        SearchSpec {
            constraints: self.constraints.without_exclusions(),
            ..self.clone()
        }
    }
}

/// Products per page when a front end does not say.
pub const DEFAULT_PAGE_SIZE: usize = 10;

/// The most products one page may hold.
pub const MAX_PAGE_SIZE: usize = 100;

/// A requested page size brought within `1..=MAX_PAGE_SIZE`.
pub fn page_size(requested: usize) -> usize {
    requested.clamp(1, MAX_PAGE_SIZE)
}
