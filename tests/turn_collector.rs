//! The one-pass turn collector (`vitrine::search::TurnCollector`, with facet
//! filters of several alternatives checked on the keyword columns and
//! scores skipped when all matches score the same) must find exactly what
//! the general path finds: the whole query in tantivy, `TopDocs` by score or
//! by fast field, `FacetCollector` and the per-candidate numeric filter.
//! Same page in the same order, same total, same price span, same facet
//! counts (estimates included: both sample the same matches).
//!
//! Paging product models (`TurnCollector::distinct`, one product per variant
//! group, as every turn does) must equal the general path's full ranking
//! with each group's later members dropped: the same page at every offset,
//! a model total equal to the groups and ungrouped products among the
//! matches, the row total and price span of the rows, and facet counts of
//! models: each value once per group (or ungrouped product) having it,
//! exactly, a group whose matches lie in several segments included (the
//! import's threads share a model's rows out among segments differently
//! each time: counting it once per segment made counts change from one
//! import to the next).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, OnceLock};
use tantivy::collector::{Collector, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Order};
use vitrine::dialog::FacetFilter;
use vitrine::index::{FACET_FIELDS, ImportOptions, ProductIndex, import};
use vitrine::model::SearchSpec;
use vitrine::search::query;
use vitrine::search::{FacetCollector, FacetCounts, Filtered, Rank, TurnCollector};
use vitrine::{Constraints, GenOptions, Slot, Sort};

/// A generated catalog of 30,000 products, imported once.
fn index() -> &'static ProductIndex {
    static INDEX: OnceLock<(tempfile::TempDir, ProductIndex)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let csv = dir.path().join("catalog.csv");
            let opts = GenOptions {
                rows: 30_000,
                seed: 7,
                ..GenOptions::default()
            };
            let mut file = std::fs::File::create(&csv).expect("csv");
            vitrine::generate(&opts, &mut file).expect("generate");
            let index_dir = dir.path().join("index");
            import(&csv, &index_dir, &ImportOptions::default()).expect("import");
            let index = ProductIndex::open(&index_dir).expect("open");
            (dir, index)
        })
        .1
}

/// Every facet column's position, as the engine counts them.
fn counted(index: &ProductIndex) -> Vec<usize> {
    let table = index.facet_table();
    let mut positions: Vec<usize> = FACET_FIELDS
        .iter()
        .filter_map(|f| table.column(f).map(|(p, _)| p))
        .collect();
    positions.dedup();
    positions
}

/// The general path: (page, counts).
fn general(
    index: &ProductIndex,
    c: &Constraints,
    offset: usize,
    limit: usize,
) -> (Vec<DocAddress>, FacetCounts) {
    let built = query::build(index, &spec_of(c));
    let table = Arc::clone(index.facet_table());
    let facets = FacetCollector::new(Arc::clone(&table), counted(index));
    let top = TopDocs::with_limit(limit).and_offset(offset);
    fn run<C: Collector>(
        index: &ProductIndex,
        query: &dyn Query,
        collector: C,
        built: &query::Built,
    ) -> C::Fruit {
        if built.filter.is_empty() {
            index.searcher().search(query, &collector).expect("search")
        } else {
            let filtered = Filtered::new(collector, built.filter, Arc::clone(index.facet_table()));
            index.searcher().search(query, &filtered).expect("search")
        }
    }
    match c.sort {
        Sort::Relevance => {
            let (hits, counts) = run(
                index,
                built.query.as_ref(),
                (top.order_by_score(), facets),
                &built,
            );
            (hits.into_iter().map(|(_, a)| a).collect(), counts)
        }
        sort => {
            let (field, order) = match sort {
                Sort::PriceAsc => ("price", Order::Asc),
                Sort::PriceDesc => ("price", Order::Desc),
                _ => ("rating", Order::Desc),
            };
            let (hits, counts) = run(
                index,
                built.query.as_ref(),
                (top.order_by_fast_field::<f64>(field, order), facets),
                &built,
            );
            (hits.into_iter().map(|(_, a)| a).collect(), counts)
        }
    }
}

/// The turn collector: (page, counts, facet filters left to columns).
fn one_pass(
    index: &ProductIndex,
    c: &Constraints,
    offset: usize,
    limit: usize,
) -> (Vec<DocAddress>, FacetCounts, usize) {
    one_pass_with(index, c, offset, limit, |collector| collector)
}

/// The turn collector paging product models.
fn one_pass_distinct(
    index: &ProductIndex,
    c: &Constraints,
    offset: usize,
    limit: usize,
    excluded: Option<u32>,
) -> (Vec<DocAddress>, FacetCounts) {
    let (page, counts, _) = one_pass_with(index, c, offset, limit, |collector| {
        collector.distinct().excluding_group(excluded)
    });
    (page, counts)
}

fn one_pass_with(
    index: &ProductIndex,
    c: &Constraints,
    offset: usize,
    limit: usize,
    configure: impl FnOnce(TurnCollector) -> TurnCollector,
) -> (Vec<DocAddress>, FacetCounts, usize) {
    let plan = query::plan(index, &spec_of(c));
    let rank = Rank::of(c.sort, plan.constant_score);
    let checks = plan.column_filters;
    let collector = configure(TurnCollector::new(
        Arc::clone(index.facet_table()),
        counted(index),
        plan.checks,
        rank,
        offset,
        limit,
    ));
    let fruit = index
        .searcher()
        .search(plan.query.as_ref(), &collector)
        .expect("search");
    (fruit.page, fruit.counts, checks)
}

fn values(index: &ProductIndex, facet: &str, n: usize) -> Vec<String> {
    index
        .vocabulary()
        .values(facet)
        .iter()
        .take(n)
        .map(|v| v.value.clone())
        .collect()
}

fn with(mut c: Constraints, slot: Slot, any_of: Vec<String>) -> Constraints {
    c.facets.insert(
        slot,
        FacetFilter {
            any_of,
            none_of: vec![],
            and_of: vec![],
        },
    );
    c
}

/// Constraint sets covering broad and narrow filters, alternatives on the
/// type (runs of words) and colour, exclusions, words, price and rating
/// bounds, every sort.
fn cases(index: &ProductIndex) -> Vec<Constraints> {
    let genders = values(index, "gender", 2);
    let colours = values(index, "color", 4);
    let types = values(index, "type", 12);
    let brands = values(index, "brand", 3);
    let (lo, hi) = index.vocabulary().price_range.expect("prices");
    let cap = lo + (hi - lo) / 3.0;
    let base = Constraints::default();
    let mut out = vec![
        base.clone(),
        with(base.clone(), Slot::Gender, genders[..1].to_vec()),
        with(base.clone(), Slot::Gender, genders.clone()),
        with(base.clone(), Slot::Color, colours[..2].to_vec()),
        with(base.clone(), Slot::Type, types[..3].to_vec()),
        with(base.clone(), Slot::Type, types[5..].to_vec()),
        Constraints {
            price_max: Some(cap),
            ..base.clone()
        },
        Constraints {
            min_rating: Some(4.0),
            ..base.clone()
        },
        Constraints {
            text: vec!["cotton".into()],
            ..base.clone()
        },
    ];
    for t in types.iter().take(6) {
        let mut c = with(base.clone(), Slot::Type, vec![t.clone(), types[11].clone()]);
        c = with(c, Slot::Color, colours[..2].to_vec());
        c = with(c, Slot::Gender, genders[..1].to_vec());
        c.price_max = Some(cap);
        out.push(c.clone());
        let mut single_colour = with(c.clone(), Slot::Color, colours[2..3].to_vec());
        single_colour.price_min = Some(lo + 1.0);
        out.push(single_colour);
        let mut no_single = c.clone();
        no_single.facets.remove(&Slot::Gender);
        out.push(no_single);
        let mut excluding = c.clone();
        excluding.facets.entry(Slot::Brand).or_default().none_of = brands[..1].to_vec();
        excluding.price_max = None;
        out.push(excluding);
        let mut worded = with(c, Slot::Brand, brands.clone());
        worded.text = vec!["cotton".into()];
        out.push(worded);
    }
    let mut all = Vec::new();
    for c in out {
        for sort in [
            Sort::Relevance,
            Sort::PriceAsc,
            Sort::PriceDesc,
            Sort::RatingDesc,
        ] {
            all.push(Constraints { sort, ..c.clone() });
        }
    }
    all
}

#[test]
fn one_pass_finds_what_the_general_path_finds() {
    let index = index();
    let (mut checked, mut constant) = (0, 0);
    for c in cases(index) {
        for (offset, limit) in [(0, 10), (10, 10), (0, 1), (3, 25)] {
            let (page, counts) = general(index, &c, offset, limit);
            let (page2, counts2, checks) = one_pass(index, &c, offset, limit);
            assert_eq!(page2, page, "page of {c:?} from {offset}");
            assert_eq!(counts2.total, counts.total, "total of {c:?}");
            assert_eq!(counts2.price_span, counts.price_span, "span of {c:?}");
            assert_eq!(counts2.sampled, counts.sampled, "sampled {c:?}");
            assert_eq!(counts2.counts, counts.counts, "facets of {c:?}");
            checked += usize::from(checks > 0);
        }
        let plan = query::plan(index, &spec_of(&c));
        constant += usize::from(plan.constant_score && c.sort == Sort::Relevance);
    }
    // The fast paths were taken, not only the general one.
    assert!(
        checked >= 20,
        "{checked} cases checked alternatives on columns"
    );
    assert!(constant >= 5, "{constant} cases skipped scores");
}

#[test]
fn broad_sets_sample_the_same_matches_on_both_paths() {
    let index = index();
    let mut c = with(
        Constraints::default(),
        Slot::Gender,
        values(index, "gender", 2),
    );
    c.sort = Sort::PriceAsc;
    let (page, counts) = general(index, &c, 0, 10);
    let (page2, counts2, _) = one_pass(index, &c, 0, 10);
    assert!(counts.sampled, "{} matches were not sampled", counts.total);
    assert_eq!(page2, page);
    assert_eq!(counts2.total, counts.total);
    assert_eq!(counts2.counts, counts.counts);
}

/// Every match of the general path in rank order, each variant group kept
/// by its first (best) match: the models, best first, and the row counts.
fn general_models(
    index: &ProductIndex,
    c: &Constraints,
    excluded: Option<u32>,
) -> (Vec<DocAddress>, FacetCounts) {
    let (all, counts) = general(index, c, 0, index.product_count() as usize + 1);
    assert_eq!(all.len() as u64, counts.total, "every match of {c:?}");
    let groups = index.facet_table().groups();
    let mut seen = HashSet::new();
    let models = all
        .into_iter()
        .filter(|&a| match groups.group_of(a) {
            None => true,
            Some(g) => Some(g) != excluded && seen.insert(g),
        })
        .collect();
    (models, counts)
}

/// Per counted column, (value id, count).
type ColumnCounts = Vec<Vec<(u32, u64)>>;
/// (column, value id) -> model -> the segments it was met in.
type Met = BTreeMap<(usize, u32), HashMap<(u32, u32), HashSet<u32>>>;

/// Facet counts of models among `matches`: per counted column, (value id,
/// groups or ungrouped products having it); and the (column, value id)
/// pairs some group reaches from more than one segment.
fn model_counts(
    index: &ProductIndex,
    matches: &[DocAddress],
) -> (ColumnCounts, HashSet<(usize, u32)>) {
    let table = index.facet_table();
    let groups = table.groups();
    let mut met = Met::new();
    let columns = counted(index);
    for &a in matches {
        let model = match groups.group_of(a) {
            Some(g) => (u32::MAX, g),
            None => (a.segment_ord, a.doc_id),
        };
        for (c, &position) in columns.iter().enumerate() {
            let Some(Some(ids)) = table
                .column_at(position)
                .and_then(|col| col.doc_ids.get(a.segment_ord as usize))
            else {
                continue;
            };
            ids.for_each(a.doc_id, |id| {
                met.entry((c, id))
                    .or_default()
                    .entry(model)
                    .or_default()
                    .insert(a.segment_ord);
            });
        }
    }
    let mut counts = vec![Vec::new(); columns.len()];
    let mut spanning = HashSet::new();
    for ((c, id), models) in met {
        counts[c].push((id, models.len() as u64));
        if models.values().any(|segments| segments.len() > 1) {
            spanning.insert((c, id));
        }
    }
    (counts, spanning)
}

#[test]
fn distinct_pages_are_the_general_ranking_one_product_per_model() {
    let index = index();
    let groups = index.facet_table().groups();
    assert!(
        groups.len() > 500,
        "the generated catalog has variant groups ({} groups)",
        groups.len()
    );
    // Groups spanning segments: each segment's best groups are merged.
    let spanning = (0..groups.len() as u32)
        .filter(|&g| {
            let members = groups.members(g);
            members
                .iter()
                .any(|m| m.segment_ord != members[0].segment_ord)
        })
        .count();
    assert!(spanning > 100, "{spanning} groups span segments");
    let (mut grouped_cases, mut constant, mut spanning_values) = (0, 0, 0);
    for c in cases(index) {
        let (models, counts) = general_models(index, &c, None);
        for (offset, limit) in [(0, 10), (10, 10), (0, 1), (3, 25), (40, 10)] {
            let (page, counts2) = one_pass_distinct(index, &c, offset, limit, None);
            let expected: Vec<DocAddress> =
                models.iter().skip(offset).take(limit).copied().collect();
            assert_eq!(page, expected, "page of {c:?} from {offset}");
            assert_eq!(counts2.total, models.len() as u64, "models of {c:?}");
            assert_eq!(counts2.rows, counts.total, "rows of {c:?}");
            assert_eq!(counts2.price_span, counts.price_span, "span of {c:?}");
            assert_eq!(counts2.sampled, counts.sampled, "sampled {c:?}");
            if !counts.sampled {
                let (all, _) = general(index, &c, 0, index.product_count() as usize + 1);
                let (exact, spanning) = model_counts(index, &all);
                spanning_values += spanning.len();
                for (col, (got, want)) in counts2.counts.iter().zip(&exact).enumerate() {
                    let got: HashMap<u32, u64> = got.iter().copied().collect();
                    for &(id, n) in want {
                        let seen = got.get(&id).copied().unwrap_or(0);
                        assert_eq!(seen, n, "models with value {id} of column {col}, {c:?}");
                    }
                    assert_eq!(got.len(), want.len(), "values of column {col}, {c:?}");
                }
            }
        }
        grouped_cases += usize::from((models.len() as u64) < counts.total);
        let plan = query::plan(index, &spec_of(&c));
        constant += usize::from(plan.constant_score && c.sort == Sort::Relevance);
    }
    // Variants were merged, on the fast paths too.
    assert!(grouped_cases >= 40, "{grouped_cases} cases merged variants");
    assert!(constant >= 5, "{constant} cases skipped scores");
    // Exact counts were checked where a model's rows lie in several segments.
    assert!(spanning_values > 0, "no value counted across segments");
}

#[test]
fn an_excluded_group_is_left_out_of_distinct_pages_and_totals() {
    let index = index();
    let groups = index.facet_table().groups();
    for c in cases(index).into_iter().step_by(7) {
        let (models, _) = general_models(index, &c, None);
        let Some(group) = models.iter().find_map(|&a| groups.group_of(a)) else {
            continue;
        };
        let (without, _) = general_models(index, &c, Some(group));
        assert_eq!(without.len() + 1, models.len(), "{c:?}");
        let (page, counts) = one_pass_distinct(index, &c, 0, 10, Some(group));
        let expected: Vec<DocAddress> = without.iter().take(10).copied().collect();
        assert_eq!(page, expected, "{c:?} without group {group}");
        assert_eq!(counts.total, without.len() as u64);
    }
}

/// The constraints alone as a search.
fn spec_of(c: &Constraints) -> SearchSpec {
    SearchSpec {
        constraints: c.clone(),
        ..SearchSpec::default()
    }
}
