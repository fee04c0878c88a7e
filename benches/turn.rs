//! A full chat turn in-process (understanding + dialog + search + facet
//! counts + reply) against generated catalogs of 10k and 100k products (1M
//! with `VITRINE_BENCH_1M=1`), next to the floor: the same structured query
//! written by hand directly on tantivy (a BooleanQuery of TermQuery facet
//! filters and a RangeQuery on price, TopDocs top-10 + Count), over the same
//! index directory.
//!
//! Messages come from the catalog itself: real products give the type,
//! colour, gender, brand and price of "{colour} {type} for {gender} under
//! {price}", then the refinements "only {brand}", "cheaper", "in {colour2}".
//!
//! Catalogs and indexes are cached in `target/bench-data/` (delete it to
//! rebuild). Before the criterion runs, prints p50/p99 of single turns and
//! of the floor, and how many turns matched nothing or were relaxed.

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::collections::HashSet;
use std::hint::black_box;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Order, Searcher, Term};
use vitrine::index::{ImportOptions, ProductIndex, layout};
use vitrine::{Constraints, Engine, GenOptions, Lang, Session, Sort};

const LIMIT: usize = 10;
const SCENARIOS: usize = 40;

fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data dir");
    dir
}

/// The generated catalog of `rows` products (seed 1, English, 2% messy rows).
fn catalog(rows: u64) -> PathBuf {
    let path = data_dir().join(format!("catalog-{rows}.csv"));
    if !path.exists() {
        let tmp = path.with_extension("csv.tmp");
        let mut file = std::fs::File::create(&tmp).expect("create catalog");
        let opts = GenOptions {
            rows,
            seed: 1,
            lang: Lang::En,
            messy_percent: 2.0,
        };
        vitrine::generate(&opts, &mut file).expect("generate");
        std::fs::rename(&tmp, &path).expect("rename catalog");
    }
    path
}

/// The engine over the imported catalog of `rows` products (imported once,
/// re-imported when the cached index no longer opens, e.g. a schema bump).
fn engine(rows: u64) -> (Engine, PathBuf) {
    let csv = catalog(rows);
    let dir = data_dir().join(format!("index-{rows}"));
    if let Ok(engine) = Engine::open(&dir) {
        return (engine, dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    let summary = vitrine::index::import(&csv, &dir, &ImportOptions::default()).expect("import");
    eprintln!(
        "imported {rows} rows in {:.1} s ({:.0} rows/s)",
        t.elapsed().as_secs_f64(),
        summary.rows_per_second()
    );
    (Engine::open(&dir).expect("open engine"), dir)
}

/// One conversation: a first message and its refinements.
struct Scenario {
    first: String,
    refinements: Vec<String>,
}

/// Conversations about real products of the catalog, so the first turn has
/// exact matches when understanding gets it right.
fn scenarios(csv: &Path, engine: &Engine) -> Vec<Scenario> {
    let vocab = engine.vocabulary();
    let colours: Vec<String> = vocab
        .values("color")
        .iter()
        .map(|v| v.value.clone())
        .collect();
    let mut reader = csv::Reader::from_path(csv).expect("catalog");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (c_brand, c_cat, c_price, c_color, c_gender) = (
        col("brand"),
        col("category"),
        col("price"),
        col("color"),
        col("gender"),
    );
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for record in reader.records().flatten() {
        let get = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let (brand, category, colour, gender) =
            (get(c_brand), get(c_cat), get(c_color), get(c_gender));
        let Ok(price) = get(c_price).parse::<f64>() else {
            continue;
        };
        let Some(kind) = category.rsplit('>').next().map(|s| s.trim().to_lowercase()) else {
            continue;
        };
        if brand.is_empty() || colour.is_empty() || gender.is_empty() || kind.is_empty() {
            continue;
        }
        if !seen.insert((kind.clone(), gender.clone())) {
            continue;
        }
        let colour2 = colours
            .iter()
            .find(|c| !c.eq_ignore_ascii_case(&colour))
            .cloned()
            .unwrap_or_else(|| "blue".into());
        let under = (price * 1.5 / 10.0).ceil() * 10.0;
        out.push(Scenario {
            first: format!(
                "{} {kind} for {} under {under}",
                colour.to_lowercase(),
                gender.to_lowercase()
            ),
            refinements: vec![
                format!("only {brand}"),
                "cheaper".into(),
                format!("in {}", colour2.to_lowercase()),
            ],
        });
        if out.len() == SCENARIOS {
            break;
        }
    }
    out
}

/// A step to time: the session before it and the message.
#[derive(Clone)]
struct Step {
    session: Session,
    message: String,
}

/// Runs every conversation once, keeping the session before each message
/// and the constraints after it (for the floor). Prints what happened.
/// Returns (first steps, refinement steps, constraints after first turns,
/// constraints after refinements).
type Prepared = (Vec<Step>, Vec<Step>, Vec<Constraints>, Vec<Constraints>);

fn prepare(engine: &Engine, scenarios: &[Scenario]) -> Prepared {
    let (mut firsts, mut refines) = (Vec::new(), Vec::new());
    let (mut first_c, mut refine_c) = (Vec::new(), Vec::new());
    let (mut empty, mut relaxed, mut turns) = (0, 0, 0);
    for (i, s) in scenarios.iter().enumerate() {
        let mut session = Session::default();
        for (j, message) in std::iter::once(&s.first).chain(&s.refinements).enumerate() {
            let step = Step {
                session: session.clone(),
                message: message.clone(),
            };
            let turn = engine.turn(&mut session, message, LIMIT).expect("turn");
            turns += 1;
            empty += usize::from(turn.products.is_empty());
            relaxed += usize::from(!turn.relaxed.is_empty());
            if i < 3 {
                eprintln!(
                    "  {message:?} -> {} of {}{}: {}",
                    turn.products.len(),
                    turn.total,
                    if turn.relaxed.is_empty() {
                        ""
                    } else {
                        " (relaxed)"
                    },
                    turn.reply.lines().next().unwrap_or("")
                );
            }
            if j == 0 {
                firsts.push(step);
                first_c.push(turn.filters);
            } else {
                refines.push(step);
                refine_c.push(turn.filters);
            }
        }
    }
    eprintln!("{turns} turns: {empty} showed nothing, {relaxed} relaxed a constraint");
    (firsts, refines, first_c, refine_c)
}

/// The hand-written floor: the index opened with tantivy alone.
struct Floor {
    searcher: Searcher,
    facets: Vec<(String, Field)>,
    price: Field,
}

/// A constraint set lowered to keyword terms (keys computed up front).
struct FloorQuery {
    terms: Vec<Vec<Term>>,
    excluded: Vec<Term>,
    price: (Option<f64>, Option<f64>),
    sort: Sort,
}

impl Floor {
    fn open(dir: &Path) -> Floor {
        let generation = layout::live_generation(dir).expect("layout").expect("live");
        let index = tantivy::Index::open_in_dir(&generation.path).expect("tantivy open");
        let schema = index.schema();
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .expect("reader");
        let searcher: Searcher = tantivy::IndexReader::searcher(&reader);
        let facets = ["type", "brand", "color", "gender", "size", "material"]
            .iter()
            .map(|f| (f.to_string(), schema.get_field(f).expect("facet field")))
            .collect();
        Floor {
            searcher,
            facets,
            price: schema.get_field("price").expect("price"),
        }
    }

    /// Lowers constraints; `keys` gives the indexed key of a facet value.
    fn lower(&self, c: &Constraints, index: &ProductIndex) -> FloorQuery {
        let mut q = FloorQuery {
            terms: Vec::new(),
            excluded: Vec::new(),
            price: (c.price_min, c.price_max),
            sort: c.sort,
        };
        for (slot, filter) in &c.facets {
            let name = slot.facet();
            let Some((_, field)) = self.facets.iter().find(|(f, _)| f == name) else {
                continue;
            };
            let term = |v: &String| Term::from_field_text(*field, &index.facet_key(name, v));
            if !filter.any_of.is_empty() {
                q.terms.push(filter.any_of.iter().map(term).collect());
            }
            q.excluded.extend(filter.none_of.iter().map(term));
        }
        q
    }

    /// Builds and runs the query: top 10 and the count.
    fn run(&self, q: &FloorQuery) -> (usize, usize) {
        let term = |t: &Term| -> Box<dyn Query> {
            Box::new(TermQuery::new(t.clone(), IndexRecordOption::Basic))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for alternatives in &q.terms {
            let clause = if alternatives.len() == 1 {
                term(&alternatives[0])
            } else {
                Box::new(BooleanQuery::new(
                    alternatives
                        .iter()
                        .map(|t| (Occur::Should, term(t)))
                        .collect(),
                ))
            };
            clauses.push((Occur::Must, clause));
        }
        for t in &q.excluded {
            clauses.push((Occur::MustNot, term(t)));
        }
        let bound = |v: Option<f64>| match v {
            Some(v) => Bound::Included(Term::from_field_f64(self.price, v)),
            None => Bound::Unbounded,
        };
        let sorted = matches!(q.sort, Sort::PriceAsc | Sort::PriceDesc);
        let lo = q.price.0.or(sorted.then_some(f64::MIN));
        if lo.is_some() || q.price.1.is_some() {
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(lo), bound(q.price.1))),
            ));
        }
        if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        let query = BooleanQuery::new(clauses);
        let top = TopDocs::with_limit(LIMIT);
        match q.sort {
            Sort::PriceAsc | Sort::PriceDesc => {
                let order = if q.sort == Sort::PriceAsc {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let collector = top.order_by_fast_field::<f64>("price", order);
                let (hits, n) = self
                    .searcher
                    .search(&query, &(collector, Count))
                    .expect("search");
                (hits.len(), n)
            }
            _ => {
                let (hits, n) = self
                    .searcher
                    .search(&query, &(top.order_by_score(), Count))
                    .expect("search");
                (hits.len(), n)
            }
        }
    }
}

fn percentile_line(label: &str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    println!(
        "{label}: {} samples, p50 {:.1} µs, p90 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        samples.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}

/// Single-turn latencies: every step timed `rounds` times.
fn latencies(engine: &Engine, steps: &[Step], rounds: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(steps.len() * rounds);
    for _ in 0..rounds {
        for step in steps {
            let mut session = step.session.clone();
            let t = Instant::now();
            black_box(
                engine
                    .turn(&mut session, &step.message, LIMIT)
                    .expect("turn"),
            );
            out.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    out
}

fn sizes() -> Vec<u64> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var("VITRINE_BENCH_1M").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

fn bench(c: &mut Criterion) {
    for rows in sizes() {
        let (engine, dir) = engine(rows);
        let scenarios = scenarios(&catalog(rows), &engine);
        eprintln!("{rows} products, {} conversations", scenarios.len());
        let (firsts, refines, first_c, refine_c) = prepare(&engine, &scenarios);
        let floor = Floor::open(&dir);
        let index = ProductIndex::open(&dir).expect("product index");
        let lower = |cs: &[Constraints]| -> Vec<FloorQuery> {
            cs.iter().map(|c| floor.lower(c, &index)).collect()
        };
        let (floor_first, floor_refine) = (lower(&first_c), lower(&refine_c));

        percentile_line(
            &format!("turn/first/{rows}"),
            latencies(&engine, &firsts, 20),
        );
        percentile_line(
            &format!("turn/refine/{rows}"),
            latencies(&engine, &refines, 10),
        );
        for (label, queries) in [("first", &floor_first), ("refine", &floor_refine)] {
            let mut samples = Vec::new();
            for _ in 0..20 {
                for q in queries {
                    let t = Instant::now();
                    black_box(floor.run(q));
                    samples.push(t.elapsed().as_secs_f64() * 1e6);
                }
            }
            percentile_line(&format!("floor/{label}/{rows}"), samples);
        }

        let mut group = c.benchmark_group("turn");
        let mut i = 0;
        group.bench_function(BenchmarkId::new("first", rows), |b| {
            b.iter_batched(
                || {
                    i = (i + 1) % firsts.len();
                    firsts[i].clone()
                },
                |mut step| engine.turn(&mut step.session, &step.message, LIMIT),
                BatchSize::SmallInput,
            )
        });
        let mut i = 0;
        group.bench_function(BenchmarkId::new("refine", rows), |b| {
            b.iter_batched(
                || {
                    i = (i + 1) % refines.len();
                    refines[i].clone()
                },
                |mut step| engine.turn(&mut step.session, &step.message, LIMIT),
                BatchSize::SmallInput,
            )
        });
        for (label, queries) in [
            ("floor_first", &floor_first),
            ("floor_refine", &floor_refine),
        ] {
            let mut i = 0;
            group.bench_function(BenchmarkId::new(label, rows), |b| {
                b.iter(|| {
                    i = (i + 1) % queries.len();
                    floor.run(&queries[i])
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
