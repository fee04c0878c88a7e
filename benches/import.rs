//! Import throughput (rows/s) for generated catalogs of 10k and 100k rows
//! (1M with `VITRINE_BENCH_1M=1`): `command`, the `vitrine import` binary
//! run as a merchant runs it (a fresh process: start, the whole import,
//! the summary, exit; first into a new index directory, then again into
//! the same one, as re-imports are), and `vitrine`, the library's
//! `import` in this process, next to two floors written on tantivy alone,
//! both reading the file with the csv crate and using the importer's
//! writer threads and memory budget (commit + merge wait):
//! - `floor`: the same documents — the importer's fields (title with
//!   positions; brand, type and attribute text with frequencies; the
//!   description's content words without frequencies; id, six keyword
//!   facet fields, price and rating, the row stored as one text)
//!   filled straight from the columns, with tantivy's stock `en_stem`
//!   analyzer (plus a stop-word filter on the description);
//! - `floor_min`: three text fields (title, brand, description), nothing
//!   stored — the least an index of the catalog does, for reference.
//!
//! Catalogs are cached in `target/bench-data/`; every import writes to a
//! fresh temporary directory. The bench runs on the allocator of the
//! `vitrine` binary (mimalloc), floors included.

mod common;

/// The `vitrine` binary's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use common::{catalog, data_dir};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::path::Path;
use std::time::{Duration, Instant};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TEXT, TextFieldIndexing,
    TextOptions,
};
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};
use tantivy::{Index, TantivyDocument};
use vitrine::index::ImportOptions;

fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("import-")
        .tempdir_in(data_dir())
        .expect("tempdir")
}

/// A writer like the importer's: up to 4 threads, 60 MB each.
fn writer(index: &Index) -> tantivy::IndexWriter {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
    index
        .writer_with_num_threads(threads, threads * 60_000_000)
        .expect("writer")
}

fn csv_reader(csv: &Path) -> (csv::Reader<std::fs::File>, csv::StringRecord) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(csv)
        .expect("csv");
    let headers = reader.headers().expect("headers").clone();
    (reader, headers)
}

/// The English function words the importer leaves out of descriptions.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "with",
    "by", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
    "those", "your", "you", "our", "we", "they", "their", "will", "can", "into", "so", "than",
    "then", "which", "who", "also", "very", "each", "every",
];

/// The floor: the importer's documents, built straight from the columns.
fn floor_import(csv: &Path, dir: &Path) -> u64 {
    let mut b = Schema::builder();
    let text = |tokenizer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(record),
        )
    };
    let with_freqs = text("en_stem", IndexRecordOption::WithFreqs);
    let id = b.add_text_field("id", STRING);
    let title = b.add_text_field(
        "title",
        text("en_stem", IndexRecordOption::WithFreqsAndPositions),
    );
    let brand_text = b.add_text_field("brand_text", with_freqs.clone());
    let type_text = b.add_text_field("type_text", with_freqs.clone());
    let attrs_text = b.add_text_field("attrs_text", with_freqs);
    let description = b.add_text_field(
        "description",
        text("en_stem_content", IndexRecordOption::Basic),
    );
    let type_key = b.add_text_field("type_key", STRING);
    let facet_names = ["type", "brand", "color", "gender", "size", "material"];
    let facets: Vec<Field> = facet_names
        .iter()
        .map(|n| b.add_text_field(n, STRING))
        .collect();
    let price = b.add_f64_field("price", INDEXED | FAST);
    let rating = b.add_f64_field("rating", INDEXED | FAST);
    let source = b.add_text_field("source", STORED);
    // The importer's store settings: small blocks, compressed by the
    // indexing thread itself.
    let settings = tantivy::IndexSettings {
        docstore_blocksize: 4096,
        docstore_compress_dedicated_thread: false,
        ..tantivy::IndexSettings::default()
    };
    let index = Index::builder()
        .settings(settings)
        .schema(b.build())
        .create_in_dir(dir)
        .expect("create");
    index.tokenizers().register(
        "en_stem_content",
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(StopWordFilter::remove(
                STOP_WORDS.iter().map(|w| w.to_string()),
            ))
            .filter(Stemmer::new(tantivy::tokenizer::Language::English))
            .build(),
    );
    let mut writer = writer(&index);
    let (mut reader, headers) = csv_reader(csv);
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let c_id = col("id");
    let c_title = col("title");
    let c_brand = col("brand");
    let c_desc = col("description");
    let c_cat = col("category");
    let c_price = col("price");
    let c_rating = col("rating");
    let attr_cols: Vec<usize> = ["category", "color", "material", "gender", "size"]
        .iter()
        .map(|n| col(n))
        .collect();
    let facet_cols: Vec<usize> = ["category", "brand", "color", "gender", "size", "material"]
        .iter()
        .map(|n| col(n))
        .collect();
    let mut rows = 0;
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).expect("record") {
        rows += 1;
        let get = |i: usize| record.get(i).unwrap_or("").trim();
        let mut doc = TantivyDocument::default();
        doc.add_text(id, get(c_id));
        doc.add_text(title, get(c_title));
        doc.add_text(brand_text, get(c_brand));
        doc.add_text(description, get(c_desc));
        let kind = get(c_cat).rsplit('>').next().unwrap_or("").trim();
        doc.add_text(type_text, kind);
        doc.add_text(type_key, kind.to_lowercase());
        for &c in &attr_cols {
            doc.add_text(attrs_text, get(c));
        }
        for (field, &c) in facets.iter().zip(&facet_cols) {
            doc.add_text(*field, get(c).to_lowercase());
        }
        if let Ok(p) = get(c_price).parse::<f64>() {
            doc.add_f64(price, p);
        }
        if let Ok(r) = get(c_rating).parse::<f64>() {
            doc.add_f64(rating, r);
        }
        let mut row = String::new();
        for (i, cell) in record.iter().enumerate() {
            if i > 0 {
                row.push('\u{1F}');
            }
            row.push_str(cell);
        }
        doc.add_text(source, &row);
        writer.add_document(doc).expect("add");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merge");
    rows
}

/// The minimal floor: title, brand and description, nothing stored.
fn floor_min_import(csv: &Path, dir: &Path) -> u64 {
    let mut b = Schema::builder();
    let title = b.add_text_field("title", TEXT);
    let brand = b.add_text_field("brand", TEXT);
    let description = b.add_text_field("description", TEXT);
    let index = Index::create_in_dir(dir, b.build()).expect("create");
    let mut writer = writer(&index);
    let (mut reader, headers) = csv_reader(csv);
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (c_title, c_brand, c_desc) = (col("title"), col("brand"), col("description"));
    let mut rows = 0;
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).expect("record") {
        rows += 1;
        let mut doc = TantivyDocument::default();
        doc.add_text(title, record.get(c_title).unwrap_or(""));
        doc.add_text(brand, record.get(c_brand).unwrap_or(""));
        doc.add_text(description, record.get(c_desc).unwrap_or(""));
        writer.add_document(doc).expect("add");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merge");
    rows
}

/// The `vitrine` binary of this build.
const VITRINE: &str = env!("CARGO_BIN_EXE_vitrine");

/// Runs `vitrine import csv --index index` as a merchant does and returns
/// its wall time.
fn command_import(csv: &Path, index: &Path) -> Duration {
    let start = Instant::now();
    let out = std::process::Command::new(VITRINE)
        .arg("import")
        .arg(csv)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run vitrine import");
    let elapsed = start.elapsed();
    assert!(
        out.status.success(),
        "vitrine import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    elapsed
}

/// CPU seconds used so far by this process's finished children.
fn children_cpu_s() -> f64 {
    // SAFETY: an all-zero rusage is a valid value for getrusage to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let s = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    s(usage.ru_utime) + s(usage.ru_stime)
}

/// The median of some figures.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Seven runs of the command into one index directory (the first creates
/// it, the others replace the catalog), printed with their wall and CPU
/// times and medians, next to seven in-process imports' (CPU of the whole
/// process, the importer's threads included).
fn merchant_runs(rows: u64, csv: &Path) {
    let dir = scratch();
    let index = dir.path().join("index");
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    for _ in 0..7 {
        let cpu = children_cpu_s();
        walls.push(command_import(csv, &index).as_secs_f64());
        cpus.push(children_cpu_s() - cpu);
    }
    let shown: Vec<String> = walls
        .iter()
        .zip(&cpus)
        .map(|(w, c)| format!("{w:.2} ({c:.2} CPU)"))
        .collect();
    let (wall, cpu) = (median(walls), median(cpus));
    println!(
        "import/{rows}: `vitrine import` seven runs into one index, s: {}; median {wall:.2} s ({:.0} rows/s), {cpu:.2} CPU s",
        shown.join(", "),
        rows as f64 / wall
    );
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    for _ in 0..7 {
        let (rate, cpu) = rate(|dir| {
            vitrine::index::import(csv, dir, &ImportOptions::default())
                .expect("import")
                .rows_read
        });
        walls.push(rows as f64 / rate);
        cpus.push(cpu);
    }
    let (wall, cpu) = (median(walls), median(cpus));
    println!(
        "import/{rows}: in-process import, seven runs: median {wall:.2} s ({:.0} rows/s), {cpu:.2} CPU s",
        rows as f64 / wall
    );
}

/// Rows per second of one run of `f` into a fresh directory, and its CPU
/// seconds (all threads of the process: the importer's writer threads
/// included; other processes on a shared machine excluded).
fn rate(f: impl FnOnce(&Path) -> u64) -> (f64, f64) {
    let dir = scratch();
    let (t, cpu) = (Instant::now(), process_cpu_s());
    let n = f(dir.path());
    (n as f64 / t.elapsed().as_secs_f64(), process_cpu_s() - cpu)
}

/// CPU seconds used so far by this process (all threads).
fn process_cpu_s() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

fn sizes() -> Vec<u64> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var("VITRINE_BENCH_1M").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for rows in sizes() {
        let csv = catalog(rows, 1);
        // One pass of each first, printed as rows/s and CPU µs per row.
        let mut summary = None;
        let (rate_v, cpu_v) = rate(|dir| {
            let s = vitrine::index::import(&csv, dir, &ImportOptions::default()).expect("import");
            let n = s.rows_read;
            summary = Some(s);
            n
        });
        let (rate_f, cpu_f) = rate(|dir| floor_import(&csv, dir));
        let (rate_m, cpu_m) = rate(|dir| floor_min_import(&csv, dir));
        let us_per_row = |cpu: f64| cpu * 1e6 / rows as f64;
        if let Some(s) = summary {
            println!(
                "import/{rows}: {} rows read, {} indexed, {} bad, index {:.1} MB ({} bytes/product)",
                s.rows_read,
                s.indexed,
                s.errors.len(),
                s.index_bytes as f64 / 1e6,
                s.index_bytes / s.indexed.max(1)
            );
        }
        println!(
            "import/{rows}: vitrine {rate_v:.0} rows/s ({:.1} CPU µs/row); floor {rate_f:.0} rows/s ({:.1} CPU µs/row); floor_min {rate_m:.0} rows/s ({:.1} CPU µs/row)",
            us_per_row(cpu_v),
            us_per_row(cpu_f),
            us_per_row(cpu_m)
        );

        merchant_runs(rows, &csv);

        group.throughput(Throughput::Elements(rows));
        if rows >= 1_000_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        group.bench_function(BenchmarkId::new("command", rows), |b| {
            b.iter_batched(
                scratch,
                |dir| {
                    command_import(&csv, &dir.path().join("index"));
                    dir
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function(BenchmarkId::new("vitrine", rows), |b| {
            b.iter_batched(
                scratch,
                |dir| {
                    vitrine::index::import(&csv, dir.path(), &ImportOptions::default())
                        .expect("import");
                    dir
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function(BenchmarkId::new("floor", rows), |b| {
            b.iter_batched(
                scratch,
                |dir| {
                    floor_import(&csv, dir.path());
                    dir
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function(BenchmarkId::new("floor_min", rows), |b| {
            b.iter_batched(
                scratch,
                |dir| {
                    floor_min_import(&csv, dir.path());
                    dir
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
