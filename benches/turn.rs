//! A full chat turn in-process (understanding + dialog + search + facet
//! counts + reply) against generated catalogs of 10k and 100k products (1M
//! with `VITRINE_BENCH_1M=1`), next to the floor: the same structured query
//! written by hand directly on tantivy over the same documents (an index
//! of its own built from vitrine's, with tantivy fast-field columns on the
//! facets, which vitrine does without; see `floor_index`) — a
//! BooleanQuery of TermQuery facet filters (the type on its `type_key` term)
//! and a RangeQuery on price, TopDocs top-10, the value counts of the same
//! facets (ordinals counted per segment, the top four values of each read
//! from the dictionary) and the ten stored documents of the page.
//! `turn/broad` times first messages matching 30% or more of the catalog
//! ("for women", "under {a third of the price range}", "cheapest first").
//!
//! Messages come from the catalog itself: real products give the type,
//! colour, gender, brand and price of "{colour} {type} for {gender} under
//! {price}", then the refinements "only {brand}", "cheaper", "in {colour2}".
//!
//! `collector/rows` and `collector/models` time the turn collector alone on
//! the constraints the first turns ended with, paging rows and paging one
//! product per model (variant groups, as every turn does), in the same run:
//! their ratio is what grouping variants costs a turn's search.
//!
//! `turn/first+log`, `turn/refine+log`: the same turns, each handed to the
//! demand log as `vitrine serve` does (`DemandLog::record`). Criterion
//! times the request thread only; the log's writer thread works on
//! another core, so the cost of logging is also measured as process CPU
//! (every thread, `getrusage`) per turn: with and without the log in
//! alternated runs of 1,200 turns, and the CPU of logging alone (20,000
//! turns' facts recorded, written and synced) as a share of the turn's.
//!
//! Catalogs and indexes are cached in `target/bench-data/` (delete it to
//! rebuild). Before the criterion runs, prints p50/p99 of single turns and
//! of the floor, and how many turns matched nothing or were relaxed.

mod common;

/// The `vitrine` binary's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use common::{catalog, data_dir};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::collections::HashSet;
use std::hint::black_box;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::Value;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};
use vitrine::index::{FACET_FIELDS, ImportOptions, ProductIndex};
use vitrine::insights::{DemandLog, DemandLogConfig};
use vitrine::model::SearchSpec;
use vitrine::search::{Rank, TurnCollector, query};
use vitrine::server::turn_facts;
use vitrine::{Constraints, Engine, Session, Sort};

const LIMIT: usize = 10;
const SCENARIOS: usize = 40;

/// The engine over the imported catalog of `rows` products (imported once,
/// re-imported when the cached index no longer opens, e.g. a schema bump).
fn engine(rows: u64) -> (Engine, PathBuf) {
    let csv = catalog(rows, 1);
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

/// Broad first messages: each matches 30% or more of the catalog (checked
/// and printed): the most common gender or two, a price bound above the
/// median, cheapest first.
fn broad_steps(engine: &Engine) -> Vec<Step> {
    let vocab = engine.vocabulary();
    let total = engine.info().product_count.max(1);
    let mut messages: Vec<String> = Vec::new();
    for g in vocab.values("gender").iter().take(2) {
        messages.push(format!("for {}", g.value.to_lowercase()));
    }
    if let Some((lo, hi)) = vocab.price_range {
        let cap = ((lo + (hi - lo) / 3.0) / 10.0).ceil() * 10.0;
        messages.push(format!("under {cap}"));
        if let Some(g) = vocab.values("gender").first() {
            messages.push(format!("{} under {cap}", g.value.to_lowercase()));
        }
    }
    messages.push("cheapest first".into());
    let mut steps = Vec::new();
    for message in messages {
        let session = Session::default();
        let turn = engine
            .turn(&mut session.clone(), &message, LIMIT)
            .expect("turn");
        let share = turn.total as f64 / total as f64;
        eprintln!(
            "  broad {message:?}: {} of {total} ({:.0}%){}",
            turn.total,
            share * 100.0,
            if share < 0.3 {
                " - under 30%, left out"
            } else {
                ""
            }
        );
        if share >= 0.3 {
            steps.push(Step { session, message });
        }
    }
    steps
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
    type_key: Field,
    price: Field,
}

/// The floor's facet counts: per facet column, counts by term ordinal.
struct OrdCounts {
    columns: Vec<String>,
}

struct OrdCountsSegment {
    columns: Vec<(StrColumn, Vec<u32>)>,
}

impl Collector for OrdCounts {
    /// Per column, its top four (value, count).
    type Fruit = Vec<Vec<(String, u32)>>;
    type Child = OrdCountsSegment;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<OrdCountsSegment> {
        let mut columns = Vec::new();
        for name in &self.columns {
            if let Some(c) = segment.fast_fields().str(name)? {
                let n = c.num_terms();
                columns.push((c, vec![0; n]));
            }
        }
        Ok(OrdCountsSegment { columns })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut merged: Vec<std::collections::HashMap<String, u32>> =
            vec![Default::default(); self.columns.len()];
        for fruit in fruits {
            for (i, values) in fruit.into_iter().enumerate() {
                for (v, n) in values {
                    *merged[i].entry(v).or_default() += n;
                }
            }
        }
        Ok(merged
            .into_iter()
            .map(|m| {
                let mut v: Vec<(String, u32)> = m.into_iter().collect();
                v.sort_by_key(|e| std::cmp::Reverse(e.1));
                v.truncate(4);
                v
            })
            .collect())
    }
}

impl SegmentCollector for OrdCountsSegment {
    type Fruit = Vec<Vec<(String, u32)>>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        for (column, counts) in &mut self.columns {
            for ord in column.term_ords(doc) {
                counts[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.columns
            .into_iter()
            .map(|(column, counts)| {
                let mut top: Vec<(usize, u32)> = counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, n)| *n > 0)
                    .collect();
                top.sort_by_key(|e| std::cmp::Reverse(e.1));
                top.truncate(4);
                top.into_iter()
                    .map(|(ord, n)| {
                        let mut s = String::new();
                        column.ord_to_str(ord as u64, &mut s).expect("dictionary");
                        (s, n)
                    })
                    .collect()
            })
            .collect()
    }
}

/// A constraint set lowered to keyword terms (keys computed up front).
struct FloorQuery {
    terms: Vec<Vec<Term>>,
    excluded: Vec<Term>,
    price: (Option<f64>, Option<f64>),
    sort: Sort,
    /// Facet columns counted: those without a chosen value.
    counted: Vec<String>,
}

/// The floor's own index, built once from vitrine's index of the same
/// catalog (cached beside it): the same keyword keys (`type_key` runs and
/// the six facet keys) and price, with tantivy fast-field columns on the
/// facets so stock tantivy can count them (vitrine counts from its own
/// per-document arrays and keeps no such columns), and the same stored text.
fn floor_index(rows: u64, index_dir: &Path) -> PathBuf {
    let dir = data_dir().join(format!("floor-index-{rows}"));
    let done = dir.join("complete");
    let version = format!("schema {}", vitrine::index::SCHEMA_VERSION);
    if std::fs::read_to_string(&done).is_ok_and(|v| v == version) {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("floor dir");
    let product_index = ProductIndex::open(index_dir).expect("product index");
    let ours = product_index.searcher();
    let source_field = product_index.fields().source;
    let table = product_index.facet_table();
    let facet_names = ["type", "brand", "color", "gender", "size", "material"];
    let mut b = tantivy::schema::Schema::builder();
    let type_key = b.add_text_field("type_key", tantivy::schema::STRING);
    let facets: Vec<Field> = facet_names
        .iter()
        .map(|n| b.add_text_field(n, tantivy::schema::STRING | tantivy::schema::FAST))
        .collect();
    let price = b.add_f64_field("price", tantivy::schema::INDEXED | tantivy::schema::FAST);
    let source = b.add_text_field("source", tantivy::schema::STORED);
    let settings = tantivy::IndexSettings {
        docstore_blocksize: 4096,
        ..tantivy::IndexSettings::default()
    };
    let index = tantivy::Index::builder()
        .settings(settings)
        .schema(b.build())
        .create_in_dir(&dir)
        .expect("floor index");
    let mut writer: tantivy::IndexWriter = index.writer(200_000_000).expect("writer");
    for (ord, segment) in ours.segment_readers().iter().enumerate() {
        let prices = segment
            .fast_fields()
            .column_opt::<f64>("price")
            .expect("price column");
        for doc in 0..segment.max_doc() {
            let mut out = TantivyDocument::default();
            for (name, field) in facet_names.iter().zip(&facets) {
                let (_, column) = table.column(name).expect("facet column");
                let Some(ids) = column.doc_ids.get(ord).and_then(Option::as_ref) else {
                    continue;
                };
                ids.for_each(doc, |id| {
                    let key = &column.keys[id as usize];
                    out.add_text(*field, key);
                    if *name == "type" {
                        // Every run of the key's words, as vitrine indexes them.
                        let words: Vec<&str> = key.split(' ').collect();
                        for start in 0..words.len() {
                            for end in start + 1..=words.len() {
                                out.add_text(type_key, words[start..end].join(" "));
                            }
                        }
                    }
                });
            }
            if let Some(p) = prices.as_ref().and_then(|c| c.first(doc)) {
                out.add_f64(price, p);
            }
            let stored: TantivyDocument = ours
                .doc(DocAddress::new(ord as u32, doc))
                .expect("stored product");
            if let Some(text) = stored.get_first(source_field).and_then(|v| v.as_str()) {
                out.add_text(source, text);
            }
            writer.add_document(out).expect("floor document");
        }
    }
    writer.commit().expect("floor commit");
    writer.wait_merging_threads().expect("floor merge");
    std::fs::write(&done, version).expect("floor marker");
    dir
}

impl Floor {
    fn open(dir: &Path) -> Floor {
        let index = tantivy::Index::open_in_dir(dir).expect("tantivy open");
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
            type_key: schema.get_field("type_key").expect("type_key"),
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
            counted: self
                .facets
                .iter()
                .map(|(f, _)| f.clone())
                .filter(|f| {
                    c.facets
                        .iter()
                        .all(|(slot, filter)| slot.facet() != f || filter.any_of.is_empty())
                })
                .collect(),
        };
        for (slot, filter) in &c.facets {
            let name = slot.facet();
            let Some((_, field)) = self.facets.iter().find(|(f, _)| f == name) else {
                continue;
            };
            let field = if name == "type" {
                self.type_key
            } else {
                *field
            };
            let term = |v: &String| Term::from_field_text(field, &index.facet_key(name, v));
            if !filter.any_of.is_empty() {
                q.terms.push(filter.any_of.iter().map(term).collect());
            }
            q.excluded.extend(filter.none_of.iter().map(term));
        }
        q
    }

    /// Builds and runs the query: top 10, the facet counts, the stored
    /// documents of the page. Returns (documents, facets counted).
    fn run(&self, q: &FloorQuery) -> (usize, usize) {
        self.run_with(q, true)
    }

    /// Top 10 and the count only (no facets, no stored documents): the
    /// least any search does, for reference.
    fn run_bare(&self, q: &FloorQuery) -> (usize, usize) {
        self.run_with(q, false)
    }

    fn run_with(&self, q: &FloorQuery, full: bool) -> (usize, usize) {
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
        if !full {
            let (hits, n) = self
                .searcher
                .search(&query, &(top.order_by_score(), Count))
                .expect("search");
            return (hits.len(), n);
        }
        let facets = OrdCounts {
            columns: q.counted.clone(),
        };
        let (addresses, counts): (Vec<DocAddress>, _) = match q.sort {
            Sort::PriceAsc | Sort::PriceDesc => {
                let order = if q.sort == Sort::PriceAsc {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let collector = top.order_by_fast_field::<f64>("price", order);
                let (hits, counts) = self
                    .searcher
                    .search(&query, &(collector, facets))
                    .expect("search");
                (hits.into_iter().map(|(_, a)| a).collect(), counts)
            }
            _ => {
                let (hits, counts) = self
                    .searcher
                    .search(&query, &(top.order_by_score(), facets))
                    .expect("search");
                (hits.into_iter().map(|(_, a)| a).collect(), counts)
            }
        };
        let docs: Vec<TantivyDocument> = addresses
            .into_iter()
            .map(|a| self.searcher.doc(a).expect("doc"))
            .collect();
        (docs.len(), counts.len())
    }
}

/// The turn collector alone on `c` (top 10 and every facet column
/// counted), paging rows or one product per model: (page, total).
fn collect(index: &ProductIndex, c: &Constraints, distinct: bool) -> (usize, u64) {
    let spec = SearchSpec {
        constraints: c.clone(),
        limit: LIMIT,
        ..SearchSpec::default()
    };
    let plan = query::plan(index, &spec);
    let table = index.facet_table();
    let mut facets: Vec<usize> = FACET_FIELDS
        .iter()
        .filter_map(|f| table.column(f).map(|(p, _)| p))
        .collect();
    facets.dedup();
    let rank = Rank::of(c.sort, plan.constant_score);
    let mut collector = TurnCollector::new(Arc::clone(table), facets, plan.checks, rank, 0, LIMIT);
    if distinct {
        collector = collector.distinct();
    }
    let fruit = index
        .searcher()
        .search(plan.query.as_ref(), &collector)
        .expect("search");
    (fruit.page.len(), fruit.counts.total)
}

/// CPU time of the calling thread, in µs (unaffected by time spent waiting
/// for a core on a shared machine).
fn thread_cpu_us() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e6 + ts.tv_nsec as f64 / 1e3
}

/// Times `f`: (wall µs, CPU µs).
fn timed<T>(f: impl FnOnce() -> T) -> (f64, f64) {
    let (t, cpu) = (Instant::now(), thread_cpu_us());
    black_box(f());
    (t.elapsed().as_secs_f64() * 1e6, thread_cpu_us() - cpu)
}

/// Prints wall and CPU percentiles of (wall, cpu) samples.
fn report(label: &str, samples: Vec<(f64, f64)>) {
    let (wall, cpu): (Vec<f64>, Vec<f64>) = samples.into_iter().unzip();
    percentile_line(&format!("{label} wall"), wall);
    percentile_line(&format!("{label} cpu "), cpu);
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

/// Prints the `n` messages of `steps` with the highest median CPU time in
/// `samples` (as [`latencies`] gives them: round after round of every
/// step): with a few dozen messages, they are what sets the p99.
fn slowest(steps: &[Step], samples: &[(f64, f64)], n: usize) {
    let mut medians: Vec<(f64, &str)> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mut cpu: Vec<f64> = samples
                .iter()
                .skip(i)
                .step_by(steps.len())
                .map(|s| s.1)
                .collect();
            cpu.sort_by(f64::total_cmp);
            (cpu[cpu.len() / 2], step.message.as_str())
        })
        .collect();
    medians.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (cpu, message) in medians.iter().take(n) {
        println!("  slowest: {cpu:.0} µs (median) {message:?}");
    }
}

/// Single-turn latencies: every step timed `rounds` times.
fn latencies(engine: &Engine, steps: &[Step], rounds: usize) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(steps.len() * rounds);
    for _ in 0..rounds {
        for step in steps {
            let mut session = step.session.clone();
            out.push(timed(|| {
                engine
                    .turn(&mut session, &step.message, LIMIT)
                    .expect("turn")
            }));
        }
    }
    out
}

/// CPU time of the whole process (every thread), in µs.
fn process_cpu_us() -> f64 {
    // SAFETY: `usage` is a valid, writable rusage.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let us = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
    us(usage.ru_utime) + us(usage.ru_stime)
}

/// Process CPU per turn over `rounds` of `steps`, each turn handed to
/// `log` when there is one (and the log flushed and synced at the end, so
/// the writer's work is counted).
fn process_cpu_per_turn(
    engine: &Engine,
    steps: &[Step],
    rounds: usize,
    log: Option<&DemandLog>,
) -> f64 {
    let before = process_cpu_us();
    let mut turns = 0;
    for round in 0..rounds {
        for (i, step) in steps.iter().enumerate() {
            let mut session = step.session.clone();
            let turn = engine
                .turn(&mut session, &step.message, LIMIT)
                .expect("turn");
            if let Some(log) = log {
                log.record(
                    &format!("{:032x}", round * steps.len() + i),
                    turn_facts(&turn),
                );
            }
            black_box(turn);
            turns += 1;
        }
    }
    if let Some(log) = log {
        log.flush();
    }
    (process_cpu_us() - before) / turns as f64
}

/// Process CPU per logged turn: the facts of `steps`' turns recorded
/// 20,000 times under distinct session ids (none reused, so every one is
/// hashed), then flushed: the handle's work and the writer's (hash, JSON,
/// write, one fsync).
fn log_cpu_per_record(engine: &Engine, steps: &[Step], log: &DemandLog) -> f64 {
    let facts: Vec<_> = steps
        .iter()
        .map(|step| {
            let mut session = step.session.clone();
            turn_facts(
                &engine
                    .turn(&mut session, &step.message, LIMIT)
                    .expect("turn"),
            )
        })
        .collect();
    let n = 20_000;
    let before = process_cpu_us();
    for i in 0..n {
        log.record(&format!("{i:032x}"), facts[i % facts.len()].clone());
    }
    log.flush();
    (process_cpu_us() - before) / n as f64
}

/// The demand log's share of a turn's CPU, two ways: runs with and without
/// it, alternated (the difference of two noisy figures), and the CPU of
/// logging alone against the turn's (the steadier figure). Prints medians.
fn demand_log_cost(engine: &Engine, steps: &[Step], log: &DemandLog, label: &str) {
    let runs = 9;
    let rounds = (1_200 / steps.len()).max(1);
    let (mut without, mut with, mut alone) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        without.push(process_cpu_per_turn(engine, steps, rounds, None));
        with.push(process_cpu_per_turn(engine, steps, rounds, Some(log)));
        alone.push(log_cpu_per_record(engine, steps, log));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (a, b, c) = (median(&mut without), median(&mut with), median(&mut alone));
    println!(
        "{label}: process CPU per turn, median of {runs} alternated runs of {} turns: {a:.1} µs without the demand log, {b:.1} µs with it: {:+.1}% ({:.3}x); logging alone {c:.2} µs a turn = {:.1}% of the turn without it",
        rounds * steps.len(),
        (b / a - 1.0) * 100.0,
        b / a,
        c / a * 100.0
    );
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
        let scenarios = scenarios(&catalog(rows, 1), &engine);
        eprintln!("{rows} products, {} conversations", scenarios.len());
        let (firsts, refines, first_c, refine_c) = prepare(&engine, &scenarios);
        let floor = Floor::open(&floor_index(rows, &dir));
        let index = ProductIndex::open(&dir).expect("product index");
        let lower = |cs: &[Constraints]| -> Vec<FloorQuery> {
            cs.iter().map(|c| floor.lower(c, &index)).collect()
        };
        let (floor_first, floor_refine) = (lower(&first_c), lower(&refine_c));

        let broad = broad_steps(&engine);
        report(
            &format!("turn/broad/{rows} ({} messages)", broad.len()),
            latencies(&engine, &broad, 10),
        );
        let first_samples = latencies(&engine, &firsts, 20);
        report(&format!("turn/first/{rows}"), first_samples.clone());
        slowest(&firsts, &first_samples, 3);
        report(
            &format!("turn/refine/{rows}"),
            latencies(&engine, &refines, 10),
        );
        for (label, queries) in [("first", &floor_first), ("refine", &floor_refine)] {
            let mut samples = Vec::new();
            for _ in 0..20 {
                for q in queries {
                    samples.push(timed(|| floor.run(q)));
                }
            }
            report(&format!("floor/{label}/{rows}"), samples);
            let mut samples = Vec::new();
            for _ in 0..20 {
                for q in queries {
                    samples.push(timed(|| floor.run_bare(q)));
                }
            }
            report(&format!("bare top-10+count/{label}/{rows}"), samples);
        }
        let groups = index.facet_table().groups();
        eprintln!(
            "{rows} products: {} variant groups holding {} products",
            groups.len(),
            groups.grouped_products()
        );
        let (mut rows_total, mut models_total) = (0, 0);
        for c in &first_c {
            rows_total += collect(&index, c, false).1;
            models_total += collect(&index, c, true).1;
        }
        eprintln!("first turns match {rows_total} rows, {models_total} models");
        for (label, distinct) in [("rows", false), ("models", true)] {
            let mut samples = Vec::new();
            for _ in 0..20 {
                for c in &first_c {
                    samples.push(timed(|| collect(&index, c, distinct)));
                }
            }
            report(&format!("collector/{label}/first/{rows}"), samples);
        }

        let demand = tempfile::tempdir().expect("demand log dir");
        let log =
            DemandLog::open(&DemandLogConfig::new(demand.path(), "bench")).expect("demand log");
        demand_log_cost(&engine, &firsts, &log, &format!("turn/first+log/{rows}"));
        demand_log_cost(&engine, &refines, &log, &format!("turn/refine+log/{rows}"));

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
        for (label, steps) in [("first+log", &firsts), ("refine+log", &refines)] {
            let mut i = 0;
            group.bench_function(BenchmarkId::new(label, rows), |b| {
                b.iter_batched(
                    || {
                        i = (i + 1) % steps.len();
                        (i, steps[i].clone())
                    },
                    |(i, mut step)| {
                        let turn = engine.turn(&mut step.session, &step.message, LIMIT);
                        if let Ok(turn) = &turn {
                            log.record(&format!("{i:032x}"), turn_facts(turn));
                        }
                        turn
                    },
                    BatchSize::SmallInput,
                )
            });
        }
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
        log.close();
        let stats = log.stats();
        println!(
            "demand log during the bench: {} turns recorded, {} written, {} dropped",
            stats.recorded, stats.written, stats.dropped
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
