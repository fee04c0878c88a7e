//! Import throughput (rows/s) for generated catalogs of 10k and 100k rows
//! (1M with `VITRINE_BENCH_1M=1`), next to the floor: a bare tantivy
//! indexing loop over the same file (csv crate, a minimal schema of three
//! text fields title/brand/description with the default tokenizer, the same
//! writer threads and memory budget as the importer, commit + merge wait).
//!
//! Catalogs are cached in `target/bench-data/`; every import writes to a
//! fresh temporary directory.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tantivy::schema::{Schema, TEXT};
use tantivy::{Index, TantivyDocument};
use vitrine::index::ImportOptions;
use vitrine::{GenOptions, Lang};

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

fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("import-")
        .tempdir_in(data_dir())
        .expect("tempdir")
}

/// The floor: parse with the csv crate, index title/brand/description.
fn floor_import(csv: &Path, dir: &Path) -> u64 {
    let mut b = Schema::builder();
    let title = b.add_text_field("title", TEXT);
    let brand = b.add_text_field("brand", TEXT);
    let description = b.add_text_field("description", TEXT);
    let index = Index::create_in_dir(dir, b.build()).expect("create");
    // Same writer as the importer: up to 4 threads, 60 MB each.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
    let mut writer = index
        .writer_with_num_threads(threads, threads * 60_000_000)
        .expect("writer");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(csv)
        .expect("csv");
    let headers = reader.headers().expect("headers").clone();
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
        let csv = catalog(rows);
        // One untimed pass of each, printed as rows/s.
        let dir = scratch();
        let summary =
            vitrine::index::import(&csv, dir.path(), &ImportOptions::default()).expect("import");
        let t = Instant::now();
        let dir2 = scratch();
        let n = floor_import(&csv, dir2.path());
        let floor_rate = n as f64 / t.elapsed().as_secs_f64();
        println!(
            "import/{rows}: {} rows read, {} indexed, {} bad, {:.0} rows/s, index {:.1} MB; floor {floor_rate:.0} rows/s",
            summary.rows_read,
            summary.indexed,
            summary.errors.len(),
            summary.rows_per_second(),
            summary.index_bytes as f64 / 1e6
        );
        drop((dir, dir2));

        group.throughput(Throughput::Elements(rows));
        if rows >= 1_000_000 {
            group.measurement_time(Duration::from_secs(60));
        }
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
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
