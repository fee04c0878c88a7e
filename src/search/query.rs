//! Turning [`Constraints`] into a tantivy query: facet filters as keyword
//! terms, product types as (stemmed) phrase matches on the type field, price
//! and rating as ranges, shopper words as required terms over the title-like
//! fields, ranked by BM25 with field boosts.

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

/// Matches the analysed `tokens` as a phrase (or a term) in `field`.
fn phrase_query(field: Field, tokens: &[String]) -> Box<dyn Query> {
    match tokens {
        [] => Box::new(EmptyQuery),
        [one] => term_query(field, one),
        many => Box::new(PhraseQuery::new(
            many.iter()
                .map(|t| Term::from_field_text(field, t))
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
fn word_query(index: &ProductIndex, word: &str, fields: &[(Field, f32)]) -> Option<Box<dyn Query>> {
    let tokens = crate::index::tokens(&mut index.analyzer(), word);
    if tokens.is_empty() {
        return None;
    }
    let per_field: Vec<Box<dyn Query>> = fields
        .iter()
        .map(|&(field, boost)| {
            Box::new(BoostQuery::new(phrase_query(field, &tokens), boost)) as Box<dyn Query>
        })
        .collect();
    Some(any_of(per_field))
}

/// The query matching a facet value.
fn facet_value_query(index: &ProductIndex, slot: &Slot, value: &str) -> Box<dyn Query> {
    let f = index.fields();
    let name = slot.facet();
    if name == facet::TYPE {
        let tokens = crate::index::tokens(&mut index.analyzer(), value);
        return phrase_query(f.type_text, &tokens);
    }
    let key = index.facet_key(name, value);
    match f.facet(name) {
        Some(field) => term_query(field, &key),
        None => term_query(f.extra, &format!("{name}={key}")),
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

/// Builds the query for `constraints`.
pub fn build(index: &ProductIndex, c: &Constraints, opts: &QueryOptions) -> Box<dyn Query> {
    let f = index.fields();
    let mut clauses: Vec<Clause> = Vec::new();
    let mut has_required = false;
    for (slot, filter) in &c.facets {
        if !filter.any_of.is_empty() {
            let alternatives = filter
                .any_of
                .iter()
                .map(|v| facet_value_query(index, slot, v))
                .collect();
            // Filters do not score; ranking comes from the boosts below.
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(any_of(alternatives), 0.0)),
            ));
            has_required = true;
            // Products naming the type or colour in their title rank higher.
            if matches!(slot, Slot::Type | Slot::Color) {
                for v in &filter.any_of {
                    if let Some(q) = word_query(index, v, &[(f.title, 1.0)]) {
                        clauses.push((Occur::Should, q));
                    }
                }
            }
        }
        for v in &filter.none_of {
            clauses.push((Occur::MustNot, exclusion(facet_value_query(index, slot, v))));
        }
    }
    // Sorting by price shows only priced products: a range from the lowest
    // double requires a price without restricting it.
    let sorted_by_price = matches!(c.sort, Sort::PriceAsc | Sort::PriceDesc);
    let price_min = c.price_min.or(sorted_by_price.then_some(f64::MIN));
    if let Some(q) = f64_range(f.price, price_min, c.price_max) {
        clauses.push((Occur::Must, q));
        has_required = true;
    }
    if let Some(q) = f64_range(f.rating, c.min_rating, None) {
        clauses.push((Occur::Must, q));
        has_required = true;
    }
    let fields = text_fields(index, opts.with_description);
    for word in &c.text {
        if let Some(q) = word_query(index, word, &fields) {
            clauses.push((Occur::Must, q));
            has_required = true;
        }
    }
    let exclude_fields = text_fields(index, false);
    for word in &c.excluded_text {
        if let Some(q) = word_query(index, word, &exclude_fields) {
            clauses.push((Occur::MustNot, exclusion(q)));
        }
    }
    for word in &opts.boost_words {
        if let Some(q) = word_query(index, word, &[(f.title, 1.0), (f.type_text, 1.0)]) {
            clauses.push((Occur::Should, q));
        }
    }
    if let Some(id) = &opts.exclude_id {
        clauses.push((Occur::MustNot, term_query(f.id, id)));
    }
    if !has_required {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}
