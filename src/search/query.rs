//! Turning a [`SearchSpec`]'s constraints into a tantivy query: facet filters as keyword
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

use super::checked::{CheckedQuery, Checks, ColumnCheck, NumericFilter};
use super::titled::{
    brandless_titled, shade_families, titled_colours, titled_modifiers, titled_shade,
    untold_colour, untold_material,
};
use super::words::{
    animal_query, any_of, exclusion, facet_term, facet_value_query, filter_term, for_animals,
    negated_in_title, same_amount_query, text_fields, within_query, word_query,
};
use crate::index::{HeadPosition, ProductIndex};
use crate::model::{SearchSpec, Slot, Sort, facet};
use std::ops::Bound;
use std::sync::Arc;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery,
};
use tantivy::schema::Field;

type Clause = (Occur, Box<dyn Query>);

/// The rank given to products of the value a shopper named literally, over
/// those a concept widened to: above any title-word score.
const LITERAL_BOOST: f32 = 8.0;

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

/// A query plus the numeric bounds left to check per candidate.
pub struct Built {
    /// The tantivy query.
    pub query: Box<dyn Query>,
    /// Bounds not expressed in `query`.
    pub filter: NumericFilter,
}

/// A query, the checks left to the collector, and whether every match
/// scores the same.
pub struct Plan {
    /// The tantivy query.
    pub query: Box<dyn Query>,
    /// Per-candidate checks not expressed in `query`.
    pub checks: Checks,
    /// True when all matches score the same (no words ranked, no boosts).
    pub constant_score: bool,
    /// Facet filters checked on their columns instead of the postings.
    pub column_filters: usize,
}

/// Builds the query for `constraints`, every facet filter in the query.
pub fn build(index: &ProductIndex, spec: &SearchSpec) -> Built {
    let plan = build_plan(index, spec, false);
    Built {
        query: plan.query,
        filter: plan.checks.filter,
    }
}

/// Builds the query for `constraints`, leaving to column checks the facet
/// filters matching at least twice as many products as the most selective
/// one, which drives the intersection; the checks run inside the query,
/// below the ranking boosts, when there are boosts, else in the collector.
pub fn plan(index: &ProductIndex, spec: &SearchSpec) -> Plan {
    build_plan(index, spec, true)
}

/// Products having one of `values` of `slot`, by the posting lists (an
/// upper bound for alternatives); `None` when unknown.
fn postings_size(index: &ProductIndex, slot: &Slot, values: &[&String]) -> Option<u64> {
    let searcher = index.searcher();
    let mut total = 0u64;
    for v in values {
        total += searcher.doc_freq(&facet_term(index, slot, v)).ok()?;
    }
    Some(total)
}

/// True when the words of `needle` are a run of the words of `hay` that
/// keeps its head noun (how `type_key` indexes a product type's words):
/// its last words when types end with their head (`Last`: "shoe" in "trail
/// run shoe"), its first words otherwise (`First`: "tenis" in "tenis
/// corrida"). Keys are words joined by single spaces. Runs on every key of
/// the type column in a turn's plan: no allocation.
fn is_head_run(needle: &str, hay: &str, head: HeadPosition) -> bool {
    if needle.is_empty() || needle.split(' ').any(str::is_empty) {
        return false;
    }
    if hay == needle {
        return true;
    }
    let bytes = hay.as_bytes();
    match head {
        HeadPosition::Last => {
            hay.ends_with(needle) && bytes.get(hay.len() - needle.len() - 1) == Some(&b' ')
        }
        HeadPosition::First => hay.starts_with(needle) && bytes.get(needle.len()) == Some(&b' '),
    }
}

/// The alternatives whose products the others do not already cover: a
/// product type whose key holds another alternative's key as a head run
/// ("travel bag" and "bag") matches a subset of it, so the union needs only
/// the shorter one.
fn needed_alternatives<'a>(
    index: &ProductIndex,
    slot: &Slot,
    values: &'a [String],
) -> Vec<&'a String> {
    if *slot != Slot::Type || values.len() < 2 {
        return values.iter().collect();
    }
    let keys: Vec<String> = values
        .iter()
        .map(|v| index.facet_key(facet::TYPE, v))
        .collect();
    let head = index.manifest().title_head;
    values
        .iter()
        .enumerate()
        .filter(|&(i, _)| {
            !keys.iter().enumerate().any(|(j, other)| {
                // Covered by another; of two equal keys the first stays.
                j != i && is_head_run(other, &keys[i], head) && (other != &keys[i] || j < i)
            })
        })
        .map(|(_, v)| v)
        .collect()
}

/// The column check matching the same products as the filter's query.
fn column_check(index: &ProductIndex, slot: &Slot, values: &[String]) -> Option<ColumnCheck> {
    let name = slot.facet();
    let table = index.facet_table();
    let (position, column) = table.column(index.facet_column(name))?;
    // The stored keys are the terms' texts (see `facet_term`).
    let keys: Vec<String> = values
        .iter()
        .filter_map(|v| Some(facet_term(index, slot, v).value().as_str()?.to_string()))
        .collect();
    let head = index.manifest().title_head;
    let accepted = column
        .keys
        .iter()
        .map(|stored| {
            keys.iter().any(|k| {
                if name == facet::TYPE {
                    is_head_run(k, stored, head)
                } else {
                    k == stored
                }
            })
        })
        .collect();
    Some(ColumnCheck { position, accepted })
}

/// Whether per-candidate checks stay out of the query: always for the
/// general path (`build`), and when no boost would score the candidates.
fn checks_in_collector_only(
    checks_allowed: bool,
    boosts: &[Box<dyn Query>],
    checks: &Checks,
) -> bool {
    !checks_allowed || boosts.is_empty() || checks.is_empty()
}

fn build_plan(index: &ProductIndex, spec: &SearchSpec, checks_allowed: bool) -> Plan {
    let (c, opts) = (&spec.constraints, spec);
    let f = index.fields();
    let mut required: Vec<Box<dyn Query>> = Vec::new();
    let mut excluded: Vec<Box<dyn Query>> = Vec::new();
    let mut boosts: Vec<Box<dyn Query>> = Vec::new();
    let mut column_checks: Vec<ColumnCheck> = Vec::new();
    let mut to_columns: Vec<&Slot> = Vec::new();
    // Each filter's alternatives, once: sizing and querying both use them.
    let needed: Vec<(&Slot, Vec<&String>)> = c
        .facets
        .iter()
        .filter(|(_, filter)| !filter.any_of.is_empty())
        .map(|(slot, filter)| (slot, needed_alternatives(index, slot, &filter.any_of)))
        .collect();
    if checks_allowed && needed.len() > 1 {
        let sizes: Vec<(&Slot, u64, bool)> = needed
            .iter()
            .filter_map(|(slot, alternatives)| {
                let size = postings_size(index, slot, alternatives)?;
                Some((*slot, size, alternatives.len() > 1))
            })
            .collect();
        if let Some(&(driver, smallest, _)) = sizes.iter().min_by_key(|(_, n, _)| *n) {
            // A union seeks every one of its posting lists: a column check
            // is cheaper as soon as another clause drives.
            to_columns.extend(
                sizes
                    .iter()
                    .filter(|(slot, n, union)| {
                        *slot != driver && (*union || *n >= smallest.saturating_mul(2))
                    })
                    .map(|(slot, _, _)| *slot),
            );
        }
    }
    for (slot, filter) in &c.facets {
        if !filter.any_of.is_empty() {
            // A brand is also read from brandless products' titles, and a
            // shade from the titles of its family's colour: no column holds
            // either; a colour from colourless products' titles where few
            // products have one.
            let mut untold = match slot {
                Slot::Color => untold_colour(index, &filter.any_of),
                _ => None,
            };
            let titled = match slot {
                Slot::Brand => index.has_brandless(),
                // A material is also what a title says the product is made
                // of: "leather" where the material column (a Shopify
                // option) lists only metals, or covers some products.
                Slot::Material => true,
                // A type of several words is also its head's products
                // whose titles name the others ("Running Shoes").
                Slot::Type => filter.any_of.iter().any(|v| v.contains(' ')),
                Slot::Color => {
                    !filter.and_of.is_empty()
                        || untold.is_some()
                        || filter
                            .any_of
                            .first()
                            .is_some_and(|v| shade_families(index, v, &filter.any_of).is_some())
                }
                _ => false,
            };
            let check = if to_columns.contains(&slot) && !titled {
                column_check(index, slot, &filter.any_of)
            } else {
                None
            };
            match check {
                Some(check) => column_checks.push(check),
                None => {
                    let values = needed
                        .iter()
                        .find(|(s, _)| *s == slot)
                        .map(|(_, values)| values.as_slice())
                        .unwrap_or_default();
                    let mut alternatives: Vec<Box<dyn Query>> = values
                        .iter()
                        .map(|v| facet_value_query(index, slot, v))
                        .collect();
                    match slot {
                        Slot::Brand => alternatives
                            .extend(values.iter().filter_map(|v| brandless_titled(index, v))),
                        Slot::Material => {
                            alternatives.extend(untold_material(index, &filter.any_of))
                        }
                        Slot::Type => alternatives
                            .extend(values.iter().filter_map(|v| titled_modifiers(index, v))),
                        // Only the colour the shopper said (the first; the
                        // rest are its catalog spellings and shades).
                        Slot::Color => {
                            alternatives.extend(
                                filter
                                    .any_of
                                    .first()
                                    .and_then(|v| titled_shade(index, v, &filter.any_of)),
                            );
                            alternatives.extend(untold.take());
                        }
                        _ => {}
                    }
                    if !filter.and_of.is_empty() {
                        // Two colours together: each is the colour column's
                        // or named in the title ("Red & Black" shirts have
                        // one colour in the column; colours learned from
                        // titles have both, read with care: not a
                        // keyboard's "Switch Red").
                        let titled = index.colours_from_column();
                        if titled {
                            alternatives.extend(titled_colours(index, &filter.any_of));
                        }
                        for group in &filter.and_of {
                            let mut either: Vec<Box<dyn Query>> = group
                                .iter()
                                .map(|v| facet_value_query(index, slot, v))
                                .collect();
                            if titled {
                                either.extend(titled_colours(index, group));
                            }
                            required.push(Box::new(ConstScoreQuery::new(any_of(either), 0.0)));
                        }
                    }
                    // Filters do not score; ranking comes from the boosts below.
                    required.push(Box::new(ConstScoreQuery::new(any_of(alternatives), 0.0)));
                }
            }
            // Products naming the type or colour in their title rank higher
            // (the first two alternatives: each boost is a posting list to seek).
            if matches!(slot, Slot::Type | Slot::Color) {
                for v in filter.any_of.iter().take(2) {
                    boosts.extend(word_query(index, v, &[(f.title, 1.0)]));
                }
                // The first alternative is the shopper's own word (see
                // `understand`): products of that very value come first,
                // before those a synonym or a colour family widened to.
                if let (Some(first), true) = (filter.any_of.first(), filter.any_of.len() > 1) {
                    boosts.push(Box::new(BoostQuery::new(
                        Box::new(ConstScoreQuery::new(
                            facet_value_query(index, slot, first),
                            1.0,
                        )),
                        LITERAL_BOOST,
                    )));
                }
            }
        }
        for v in &filter.none_of {
            excluded.push(exclusion(facet_value_query(index, slot, v)));
            match slot {
                Slot::Brand => excluded.extend(brandless_titled(index, v).map(exclusion)),
                // A product its title names so is one, whatever its type
                // ("Brinquedo de Pelúcia" is typed a toy; "não de pelúcia"
                // leaves it out) or its colour column ("Red & Black" shirts
                // have one colour there; "not black" leaves them out).
                Slot::Type | Slot::Color => {
                    excluded.extend(word_query(index, v, &[(f.title, 1.0)]).map(exclusion));
                }
                _ => {}
            }
        }
        if *slot == Slot::Color
            && let Some(shade) = filter.none_of.first()
        {
            excluded.extend(titled_shade(index, shade, &filter.none_of).map(exclusion));
        }
    }
    let fields = text_fields(index, opts.with_description);
    // A measurement, a model number or code is the product's own in its
    // title or attributes; a description's "10 kg" is as often a feeding
    // table or a pet's weight, its "15" anything, its "S23" the model a
    // combo replaces.
    let measured = text_fields(index, false);
    // Both ends of one quantity asked: a range ("de 10 a 20 kg").
    let bounds: Vec<_> = c
        .text
        .iter()
        .filter_map(|w| crate::language::units::bound_of(w))
        .collect();
    let ranged = |w: &str| {
        crate::language::units::bound_of(w).is_some_and(|(bound, _, quantity)| {
            bounds.iter().any(|(b, _, q)| *b != bound && *q == quantity)
        })
    };
    // A word read by its contrast: titles without the other kind's mark.
    let (contrasted, text): (Vec<&String>, Vec<&String>) =
        c.text.iter().partition(|w| c.contrasted.contains(w));
    for word in contrasted {
        if let Some(marked) = crate::language::contrast(&crate::text::key(word)) {
            excluded.extend(word_query(index, marked, &[(f.title, 1.0)]).map(exclusion));
        }
    }
    required.extend(text.into_iter().filter_map(|w| {
        // "15", "s23", "4k", "42151": a number or a model code (a phrase
        // with a number, "2 portas", may be in descriptions).
        let coded = !w.contains(' ') && w.bytes().any(|b| b.is_ascii_digit());
        if let Some(within) = within_query(index, w, &measured, ranged(w)) {
            Some(within)
        } else if coded {
            // A measurement also in the catalog's other units ("2000gb"
            // finds "2TB").
            let own = word_query(index, w, &measured);
            match (own, same_amount_query(index, w, &measured)) {
                (Some(own), Some(same)) => Some(any_of(vec![own, same])),
                (own, same) => own.or(same),
            }
        } else if for_animals(w) {
            animal_query(index, w, &fields)
        } else {
            word_query(index, w, &fields)
        }
    }));
    // "padded" is not "Non Padded", "fio" not "sem Fio".
    excluded.extend(
        c.text
            .iter()
            .filter_map(|w| negated_in_title(index, w))
            .map(exclusion),
    );
    let constant_score = c.text.is_empty() && boosts.is_empty() && opts.boost_words.is_empty();
    // A word the shopper excludes is looked for in descriptions too ("no
    // sleeveless": a top whose description says sleeveless is one): better
    // a product too few than one they said no to. Not a phrase there, whose
    // words a description keeps in no order.
    let (exclude_words, exclude_phrases) = (text_fields(index, true), text_fields(index, false));
    for word in &c.excluded_text {
        let fields = match word.contains(' ') {
            true => &exclude_phrases,
            false => &exclude_words,
        };
        if let Some(q) = word_query(index, word, fields) {
            // "non padded": a "Non Padded" bra names padding only to deny
            // it, and is what the shopper wants.
            let q = match negated_in_title(index, word) {
                Some(negated) => Box::new(BooleanQuery::new(vec![
                    (Occur::Must, q),
                    (Occur::MustNot, exclusion(negated)),
                ])),
                None => q,
            };
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
    // A price bound alone is checked on every product's cached price (one
    // array read) rather than by a range scan of the column plus a read.
    let prices_cached = checks_allowed && filter.min_rating.is_none();
    if required.is_empty() && !prices_cached {
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
    let column_filters = column_checks.len();
    let mut checks = Checks {
        filter,
        columns: column_checks,
    };
    if checks_in_collector_only(checks_allowed, &boosts, &checks) {
        // Keep the checks for the collector.
    } else {
        // Rejected candidates are not scored by the boosts.
        query = Box::new(CheckedQuery::new(
            query,
            std::mem::take(&mut checks),
            Arc::clone(index.facet_table()),
        ));
    }
    // One optional clause per level: tantivy pairs a required scorer with a
    // single optional one by seeking it, where several optional clauses
    // would be merged in a union that scans blocks of every posting list.
    for boost in boosts {
        query = Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Should, boost),
        ]));
    }
    Plan {
        query,
        checks,
        constant_score,
        column_filters,
    }
}

#[cfg(test)]
mod tests {
    use super::{HeadPosition, ProductIndex, Slot, is_head_run};

    #[test]
    fn type_keys_match_runs_that_keep_the_head_noun() {
        use HeadPosition::{First, Last};
        assert!(is_head_run("shirt", "t shirt", Last));
        assert!(is_head_run("t shirt", "t shirt", Last));
        assert!(is_head_run("run shoe", "trail run shoe", Last));
        assert!(!is_head_run("trail", "trail run shoe", Last));
        assert!(!is_head_run("run", "trail run shoe", Last));
        assert!(!is_head_run("shirt", "shirts", Last));
        assert!(!is_head_run("hirt", "t shirt", Last));
        assert!(is_head_run("tenis", "tenis corrida", First));
        assert!(!is_head_run("racao", "medidor de racao", First));
        assert!(!is_head_run("tenis", "tenisx", First));
        assert!(!is_head_run("", "shoe", Last));
        assert!(!is_head_run("shoe", "", Last));
        assert!(!is_head_run("shoe ", "shoe x", First));
    }

    proptest::proptest! {
        /// Same answer as comparing the word windows at the head's end.
        #[test]
        fn head_runs_are_head_windows(needle in "[ab é]{0,6}", hay in "[ab é]{0,12}") {
            let words: Vec<&str> = needle.split(' ').collect();
            let hay_words: Vec<&str> = hay.split(' ').collect();
            let valid = !needle.is_empty() && words.iter().all(|w| !w.is_empty());
            let n = words.len();
            let last = valid && hay_words.len() >= n && hay_words[hay_words.len() - n..] == words[..];
            let first = valid && hay_words.len() >= n && hay_words[..n] == words[..];
            proptest::prop_assert_eq!(is_head_run(&needle, &hay, HeadPosition::Last), last);
            proptest::prop_assert_eq!(is_head_run(&needle, &hay, HeadPosition::First), first);
        }
    }

    #[test]
    fn covered_type_alternatives_are_left_out_of_the_union() {
        let dir = tempfile::tempdir().expect("tempdir");
        // English titles, their type last.
        let products: Vec<crate::catalog::Product> = ["Bags", "Travel Bags", "Handbags"]
            .iter()
            .zip(["Acme", "Zeta", "Moda"])
            .enumerate()
            .map(|(i, (t, brand))| crate::catalog::Product {
                id: format!("P{i}"),
                title: format!("{brand} Leather {t}"),
                category: Some(format!("Accessories > {t}")),
                ..crate::catalog::Product::default()
            })
            .collect();
        crate::index::build_from_products(dir.path(), &products, std::path::Path::new("t.csv"))
            .expect("build");
        let index = ProductIndex::open(dir.path()).expect("open");
        let values: Vec<String> = ["Travel Bags", "Bags", "Handbags", "bags"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let kept = super::needed_alternatives(&index, &Slot::Type, &values);
        assert_eq!(kept, vec![&values[1], &values[2]]);
        let colours = vec!["Blue".to_string(), "Navy Blue".to_string()];
        assert_eq!(
            super::needed_alternatives(&index, &Slot::Color, &colours).len(),
            2
        );
    }
}
