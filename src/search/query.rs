//! Turning [`Constraints`] into a tantivy query: facet filters as keyword
//! terms (product types as one term of the `type_key` field, which holds every
//! run of words of each product type), price and rating as ranges, shopper
//! words as required terms over the title-like fields, ranked by BM25 with
//! field boosts.
//!
//! Price and rating bounds become a [`NumericFilter`] checked on each
//! candidate's fast-field value when other clauses already narrow the
//! candidates: a fast-field range query seeked by a selective intersection
//! rescans the column between candidates, a per-candidate check costs one
//! read.

use crate::dialog::Constraints;
use crate::index::{ProductIndex, facet};
use crate::understand::{Slot, Sort};
use std::ops::Bound;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

type Clause = (Occur, Box<dyn Query>);

/// Where shopper words are looked for, and their ranking weight.
fn text_fields(index: &ProductIndex, with_description: bool) -> Vec<(Field, f32)> {
    let f = index.fields();
    let mut fields = vec![
        (f.title, 3.0),
        (f.brand_text, 2.0),
        (f.type_text, 2.0),
        (f.attrs_text, 1.5),
    ];
    if with_description {
        fields.push((f.description, 0.5));
    }
    fields
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A term that only filters (no frequencies read).
fn filter_term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// Matches the analysed `tokens` in `field`: as a phrase in the title (the
/// only field with positions), by all of them elsewhere.
fn phrase_query(index: &ProductIndex, field: Field, tokens: &[String]) -> Box<dyn Query> {
    match tokens {
        [] => Box::new(EmptyQuery),
        [one] => term_query(field, one),
        many if field == index.fields().title => Box::new(PhraseQuery::new(
            many.iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        )),
        many => Box::new(BooleanQuery::new(
            many.iter()
                .map(|t| (Occur::Must, term_query(field, t)))
                .collect(),
        )),
    }
}

/// Any of `queries` (an empty list matches nothing).
fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries
            .into_iter()
            .next()
            .unwrap_or_else(|| Box::new(EmptyQuery));
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// A word must appear in one of `fields` (each of its analysed tokens).
/// The description indexes content words only: a function word is not
/// looked for there.
fn word_query(index: &ProductIndex, word: &str, fields: &[(Field, f32)]) -> Option<Box<dyn Query>> {
    let tokens = crate::index::tokens(&mut index.analyzer(), word);
    if tokens.is_empty() {
        return None;
    }
    let description = index.fields().description;
    let function_word = || {
        crate::text::words(word)
            .iter()
            .all(|w| crate::index::is_function_word(w))
    };
    let per_field: Vec<Box<dyn Query>> = fields
        .iter()
        .filter(|&&(field, _)| field != description || !function_word())
        .map(|&(field, boost)| {
            Box::new(BoostQuery::new(phrase_query(index, field, &tokens), boost)) as Box<dyn Query>
        })
        .collect();
    Some(any_of(per_field))
}

/// The query matching a facet value.
fn facet_value_query(index: &ProductIndex, slot: &Slot, value: &str) -> Box<dyn Query> {
    let f = index.fields();
    let name = slot.facet();
    let key = index.facet_key(name, value);
    if name == facet::TYPE {
        return filter_term(f.type_key, &key);
    }
    match f.facet(name) {
        Some(field) => filter_term(field, &key),
        None => filter_term(f.extra, &format!("{name}={key}")),
    }
}

fn f64_range(field: Field, min: Option<f64>, max: Option<f64>) -> Option<Box<dyn Query>> {
    let bound = |v: Option<f64>| match v {
        Some(v) if v.is_finite() => Bound::Included(Term::from_field_f64(field, v)),
        _ => Bound::Unbounded,
    };
    let (lo, hi) = (bound(min), bound(max));
    if matches!((&lo, &hi), (Bound::Unbounded, Bound::Unbounded)) {
        return None;
    }
    Some(Box::new(RangeQuery::new(lo, hi)))
}

/// A query fit for `Occur::MustNot`. tantivy 0.27's phrase scorer asserts
/// (debug builds) that an exclusion never seeks behind its current doc, which
/// `Exclude` does as soon as the first excluded phrase match lies after the
/// first candidate (tantivy issue #2811). A union of the query with itself
/// matches the same documents and seeks safely.
fn exclusion(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, q.box_clone()),
        (Occur::Should, q),
    ]))
}

/// Options beyond the constraints.
#[derive(Debug, Clone, Default)]
pub struct QueryOptions {
    /// Let shopper words match the description too (a fallback before relaxing).
    pub with_description: bool,
    /// Words that raise a product's rank without being required ("more like this").
    pub boost_words: Vec<String>,
    /// A product id never to return (the one "more like this" starts from).
    pub exclude_id: Option<String>,
}

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

/// A query plus the numeric bounds left to check per candidate.
pub struct Built {
    /// The tantivy query.
    pub query: Box<dyn Query>,
    /// Bounds not expressed in `query`.
    pub filter: NumericFilter,
}

/// Builds the query for `constraints`.
pub fn build(index: &ProductIndex, c: &Constraints, opts: &QueryOptions) -> Built {
    let f = index.fields();
    let mut required: Vec<Box<dyn Query>> = Vec::new();
    let mut excluded: Vec<Box<dyn Query>> = Vec::new();
    let mut boosts: Vec<Box<dyn Query>> = Vec::new();
    for (slot, filter) in &c.facets {
        if !filter.any_of.is_empty() {
            let alternatives = filter
                .any_of
                .iter()
                .map(|v| facet_value_query(index, slot, v))
                .collect();
            // Filters do not score; ranking comes from the boosts below.
            required.push(Box::new(ConstScoreQuery::new(any_of(alternatives), 0.0)));
            // Products naming the type or colour in their title rank higher
            // (the first two alternatives: each boost is a posting list to seek).
            if matches!(slot, Slot::Type | Slot::Color) {
                for v in filter.any_of.iter().take(2) {
                    boosts.extend(word_query(index, v, &[(f.title, 1.0)]));
                }
            }
        }
        for v in &filter.none_of {
            excluded.push(exclusion(facet_value_query(index, slot, v)));
        }
    }
    let fields = text_fields(index, opts.with_description);
    required.extend(c.text.iter().filter_map(|w| word_query(index, w, &fields)));
    let exclude_fields = text_fields(index, false);
    for word in &c.excluded_text {
        if let Some(q) = word_query(index, word, &exclude_fields) {
            excluded.push(exclusion(q));
        }
    }
    for word in &opts.boost_words {
        boosts.extend(word_query(
            index,
            word,
            &[(f.title, 1.0), (f.type_text, 1.0)],
        ));
    }
    if let Some(id) = &opts.exclude_id {
        excluded.push(filter_term(f.id, id));
    }
    // Sorting by price shows only priced products: a lowest bound of the
    // lowest double requires a price without restricting it.
    let sorted_by_price = matches!(c.sort, Sort::PriceAsc | Sort::PriceDesc);
    let mut filter = NumericFilter {
        price: (
            c.price_min.or(sorted_by_price.then_some(f64::MIN)),
            c.price_max,
        ),
        min_rating: c.min_rating,
    };
    if required.is_empty() {
        // Nothing narrows the candidates: the ranges do, from the index.
        required.extend(f64_range(f.price, filter.price.0, filter.price.1));
        required.extend(f64_range(f.rating, filter.min_rating, None));
        filter = NumericFilter::default();
    }
    let mut clauses: Vec<Clause> = required.into_iter().map(|q| (Occur::Must, q)).collect();
    if clauses.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    clauses.extend(excluded.into_iter().map(|q| (Occur::MustNot, q)));
    let mut query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
    // One optional clause per level: tantivy pairs a required scorer with a
    // single optional one by seeking it, where several optional clauses
    // would be merged in a union that scans blocks of every posting list.
    for boost in boosts {
        query = Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Should, boost),
        ]));
    }
    Built { query, filter }
}
