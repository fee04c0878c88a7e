//! `vitrine import` when things go wrong around it: a second import into the
//! same index, the process killed at any moment, a directory it may not
//! write, a file size limit hit halfway through the build, and a large file
//! with many broken rows. The real binary over real files; after every fault
//! the previous catalog is still served.

use std::fs;
use std::io::BufWriter;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};
use vitrine::index::{ProductIndex, layout};
use vitrine::{Engine, GenOptions, Lang, Session};

fn vitrine_command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vitrine"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn vitrine(args: &[&str]) -> Output {
    vitrine_command(args)
        .output()
        .expect("the vitrine binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// A small catalog, distinct from the generated ones (ids O1..O3).
fn write_small_catalog(path: &Path) {
    fs::write(
        path,
        "id,title,color,price\nO1,Red mug,Red,10\nO2,Blue mug,Blue,12\nO3,Red lamp,Red,30\n",
    )
    .unwrap();
}

/// A synthetic catalog of `rows` valid products (ids `SKU00000001`...).
fn write_generated_catalog(path: &Path, rows: u64, seed: u64) {
    let mut out = BufWriter::new(fs::File::create(path).unwrap());
    let opts = GenOptions {
        rows,
        seed,
        lang: Lang::En,
        messy_percent: 0.0,
    };
    vitrine::generate(&opts, &mut out).unwrap();
    out.flush().unwrap();
}

/// Imports `csv` into `index` and asserts that it succeeded.
fn import_ok(csv: &Path, index: &Path) {
    let out = vitrine(&["import", s(csv), "--index", s(index)]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// What `vitrine stats` says the index holds: (products, catalog file).
fn stats(index: &Path) -> (u64, String) {
    let out = vitrine(&["stats", "--index", s(index)]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    // "N products (generation G, from FILE)"
    let first = stdout.lines().next().unwrap_or_default();
    let (count, rest) = first.split_once(" products (generation ").expect(first);
    let (_, from) = rest.split_once(", from ").expect(first);
    let from = from.strip_suffix(')').expect(first);
    (count.parse().expect(first), from.to_string())
}

/// Opens the index with the library and asks for a product the catalog has.
fn assert_searchable(index: &Path, id: &str) {
    let engine = Engine::open(index).unwrap();
    let product = engine
        .product(id)
        .unwrap()
        .unwrap_or_else(|| panic!("{id} is not in the index"));
    let mut session = Session::default();
    let turn = engine.turn(&mut session, &product.title, 10).unwrap();
    assert!(
        turn.products.iter().any(|p| p.id == id),
        "searching {:?} does not find {id}: {}",
        product.title,
        turn.reply
    );
}

/// Names in the index directory that start with `prefix`.
fn entries(index: &Path, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(index)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    names
}

fn assert_no_build_dir(index: &Path) {
    let builds = entries(index, ".build-");
    assert!(builds.is_empty(), "left behind: {builds:?}");
}

/// SplitMix64: a small seeded generator for the kill delays.
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Serialises the tests that run long imports, so one does not slow
/// another down (the kill test spreads its kills over a measured time).
fn heavy() -> std::sync::MutexGuard<'static, ()> {
    static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    HEAVY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Waits (bounded) until `child` holds the import lock of `index`.
fn wait_for_lock(child: &mut Child, index: &Path) {
    let lock = index.join(".import.lock");
    let pid = child.id().to_string();
    let deadline = Instant::now() + Duration::from_secs(60);
    while fs::read_to_string(&lock).ok().as_deref() != Some(pid.as_str()) {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the first import ended ({status}) before it was seen holding the lock");
        }
        assert!(Instant::now() < deadline, "no lock taken within 60 s");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_second_concurrent_import_fails_fast_and_the_first_completes() {
    let _serial = heavy();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let old = dir.path().join("old.csv");
    write_small_catalog(&old);
    import_ok(&old, &index);
    let big = dir.path().join("big.csv");
    write_generated_catalog(&big, 10_000, 7);

    let mut first = vitrine_command(&["import", s(&big), "--index", s(&index)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_lock(&mut first, &index);
    let second = vitrine(&["import", s(&old), "--index", s(&index)]);
    let still_running = first.try_wait().unwrap().is_none();
    let first = first.wait_with_output().unwrap();

    let err = text(&second.stderr);
    assert!(!second.status.success(), "the second import succeeded");
    assert!(
        still_running,
        "the first import ended before the second was refused: cannot tell"
    );
    let expected = format!("another import into {} is running (pid ", index.display());
    assert!(err.contains(&expected), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        first.status.success(),
        "{}{}",
        text(&first.stdout),
        text(&first.stderr)
    );
    assert_eq!(stats(&index), (10_000, s(&big).to_string()));
    assert_searchable(&index, "SKU00000001");
    assert_no_build_dir(&index);
    // The refused import lost nothing: run again, it replaces the catalog.
    import_ok(&old, &index);
    assert_eq!(stats(&index), (3, s(&old).to_string()));
}

/// The build directory of the import run by process `pid`, if there is one.
fn build_dir_of(index: &Path, pid: u32) -> Option<std::path::PathBuf> {
    let prefix = format!(".build-{pid}-");
    entries(index, &prefix).first().map(|name| index.join(name))
}

/// Where the import run by process `pid` was killed, judged from what it
/// left in the index directory.
fn phase(index: &Path, live_before: Option<u64>, pid: u32) -> &'static str {
    let live = layout::current_number(index);
    let build = build_dir_of(index, pid);
    let lock = fs::read_to_string(index.join(".import.lock")).unwrap_or_default();
    let newer_generation = entries(index, "gen-")
        .iter()
        .filter_map(|g| g.strip_prefix("gen-")?.parse::<u64>().ok())
        .any(|n| Some(n) > live);
    if index.join(format!("CURRENT.tmp-{pid}")).exists() {
        "publish: CURRENT.tmp written, not renamed"
    } else if live != live_before {
        "publish: CURRENT replaced, not exited"
    } else if build
        .as_ref()
        .is_some_and(|b| b.join("manifest.json").exists())
    {
        "finish: committed, manifest written, not published"
    } else if build.is_some() {
        "build"
    } else if lock != pid.to_string() {
        "start: lock not taken yet"
    } else if newer_generation {
        "publish: generation renamed, CURRENT not replaced"
    } else {
        "start: lock taken, no build directory yet"
    }
}

/// When a killed import gets its SIGKILL.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// After this fraction of the time a whole import takes.
    At(f64),
    /// As soon as its build directory holds the manifest (tantivy committed).
    Committed,
    /// As soon as it publishes: its build directory renamed away, or its
    /// `CURRENT.tmp-` file written.
    Publishing,
}

/// Runs one import of `csv` into `index` and kills it as `kill` says
/// (`full`: how long a whole import takes). Returns whether it finished
/// first, how long it ran, and its pid.
fn import_and_kill(csv: &Path, index: &Path, kill: Kill, full: Duration) -> (bool, Duration, u32) {
    let mut child = vitrine_command(&["import", s(csv), "--index", s(index)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let started = Instant::now();
    let mut built = false;
    loop {
        let build = build_dir_of(index, pid);
        let due = match kill {
            Kill::At(fraction) => started.elapsed() >= full.mul_f64(fraction),
            Kill::Committed => build.is_some_and(|b| b.join("manifest.json").exists()),
            Kill::Publishing => {
                built |= build.is_some();
                (built && build.is_none()) || index.join(format!("CURRENT.tmp-{pid}")).exists()
            }
        };
        if due || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let elapsed = started.elapsed();
    child.kill().unwrap();
    (child.wait().unwrap().success(), elapsed, pid)
}

#[test]
fn an_import_killed_at_any_moment_leaves_a_complete_catalog() {
    let _serial = heavy();
    const RANDOM_KILLS: u32 = 7;
    const ROWS: u64 = 5_000;
    let seed = std::env::var("VITRINE_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("kill delays seeded with VITRINE_KILL_SEED={seed}");
    let mut rng = SplitMix(seed);

    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.csv");
    write_small_catalog(&old);
    let new = dir.path().join("new.csv");
    write_generated_catalog(&new, ROWS, 11);
    let old_stats = (3, s(&old).to_string());
    let new_stats = (ROWS, s(&new).to_string());

    // How long a whole import takes here, to spread the kills over it
    // (updated whenever an import finishes before its kill: load varies).
    let scratch = dir.path().join("scratch");
    let started = Instant::now();
    import_ok(&new, &scratch);
    let mut full = started.elapsed();
    eprintln!("a full import takes {} ms", full.as_millis());

    // One random point in each seventh of 105% of the import time, then
    // kills aimed at the short last phases a random delay rarely hits.
    let mut plan: Vec<Kill> = (0..RANDOM_KILLS)
        .map(|i| Kill::At((f64::from(i) + rng.unit()) / f64::from(RANDOM_KILLS) * 1.05))
        .collect();
    plan.extend([Kill::Committed, Kill::Publishing, Kill::Publishing]);

    let index = dir.path().join("index");
    import_ok(&old, &index);
    for (i, kill) in plan.into_iter().enumerate() {
        let live_before = layout::current_number(&index);
        let (finished, after, pid) = import_and_kill(&new, &index, kill, full);
        let phase = if finished {
            full = after;
            "finished before the kill"
        } else {
            phase(&index, live_before, pid)
        };
        eprintln!(
            "kill {i} ({kill:?}) after {} ms: {phase}",
            after.as_millis()
        );

        let now = stats(&index);
        assert!(
            now == old_stats || now == new_stats,
            "kill {i} ({phase}): the index holds {now:?}"
        );
        let id = if now == old_stats {
            "O1"
        } else {
            "SKU00000001"
        };
        assert_searchable(&index, id);
    }

    // A normal import after all that succeeds (the lock the killed imports
    // held died with them) and removes what they left.
    import_ok(&new, &index);
    assert_eq!(stats(&index), new_stats);
    assert_searchable(&index, "SKU00000001");
    assert_no_build_dir(&index);
    assert_eq!(entries(&index, "CURRENT.tmp-"), Vec::<String>::new());
    let live = ProductIndex::open(&index).unwrap().version();
    let kept: Vec<String> = [live - 1, live]
        .iter()
        .map(|n| format!("gen-{n:06}"))
        .collect();
    let gens = entries(&index, "gen-");
    assert!(
        gens.contains(&kept[1]) && gens.iter().all(|g| kept.contains(g)),
        "only the live and the previous generation: {gens:?}"
    );
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The stderr of a failed import, checked to be one plain paragraph.
fn failure_message(out: &Output) -> String {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "the import succeeded: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one paragraph: {err}");
    for debug_dump in ["Os {", "code:", "kind:", "IoError(", "Error {"] {
        assert!(!err.contains(debug_dump), "a Debug dump: {err}");
    }
    err
}

#[test]
fn an_index_directory_it_may_not_write_fails_clearly_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Readable and traversable by the unprivileged user the import runs as.
    chmod(dir.path(), 0o755);
    let index = dir.path().join("index");
    let old = dir.path().join("old.csv");
    write_small_catalog(&old);
    import_ok(&old, &index);
    let new = dir.path().join("new.csv");
    write_generated_catalog(&new, 2_000, 3);
    chmod(&new, 0o644);

    chmod(&index, 0o555);
    let mut cmd = vitrine_command(&["import", s(&new), "--index", s(&index)]);
    if is_root() {
        // root writes anywhere: run the import as `nobody`, from the temp
        // dir and through a link there, as the checkout may be out of its reach.
        let exe = dir.path().join("vitrine");
        if fs::hard_link(env!("CARGO_BIN_EXE_vitrine"), &exe).is_err() {
            fs::copy(env!("CARGO_BIN_EXE_vitrine"), &exe).unwrap();
        }
        cmd = Command::new(&exe);
        cmd.args(["import", s(&new), "--index", s(&index)])
            .current_dir(dir.path())
            .uid(65534)
            .gid(65534);
    }
    let out = cmd.output().unwrap();
    chmod(&index, 0o755);

    let err = failure_message(&out);
    assert!(err.contains(s(&index)), "names the index: {err}");
    assert!(
        err.to_lowercase().contains("permission denied"),
        "says why: {err}"
    );
    assert_no_build_dir(&index);
    assert_eq!(stats(&index), (3, s(&old).to_string()));
    assert_searchable(&index, "O1");
}

#[test]
fn a_write_failing_midway_through_the_build_fails_clearly_and_changes_nothing() {
    let _serial = heavy();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let old = dir.path().join("old.csv");
    write_small_catalog(&old);
    import_ok(&old, &index);
    let new = dir.path().join("new.csv");
    write_generated_catalog(&new, 20_000, 5);

    // No file the import writes may grow past 256 KiB: the index files of
    // 20,000 products do, so a write fails (EFBIG) in the middle of the build.
    const LIMIT: libc::rlim_t = 256 * 1024;
    let mut cmd = vitrine_command(&["import", s(&new), "--index", s(&index)]);
    // SAFETY: the closure runs in the forked child before exec and only
    // calls async-signal-safe functions (setrlimit, signal).
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: LIMIT,
                rlim_max: LIMIT,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // A write past the limit then fails with EFBIG instead of killing.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();

    let err = failure_message(&out);
    assert!(err.contains(s(&index)), "names the index: {err}");
    assert!(
        err.to_lowercase().contains("file too large"),
        "says why: {err}"
    );
    assert_no_build_dir(&index);
    assert_eq!(stats(&index), (3, s(&old).to_string()));
    assert_searchable(&index, "O1");
}

/// One broken row of the large file: its line, id and the reason the report gives.
type Broken = (u64, String, String);

/// Writes a 100,000-row catalog where every 20th row is broken in one of
/// eight ways; some rows span two lines (a quoted newline) and blank lines
/// are scattered, so line numbers differ from row numbers. Returns the
/// valid ids and the broken rows in file order.
fn write_messy_catalog(path: &Path) -> (Vec<String>, Vec<Broken>) {
    let mut out = BufWriter::new(fs::File::create(path).unwrap());
    writeln!(out, "id,title,description,brand,price").unwrap();
    let huge = "x".repeat(1_100_000);
    let mut line = 2u64;
    let mut valid: Vec<String> = Vec::new();
    let mut broken: Vec<Broken> = Vec::new();
    let mut last_valid: (String, u64) = (String::new(), 0);
    for i in 0..100_000u64 {
        let id = format!("P{i:06}");
        let brand = ["Acme", "Borealis", "Cobalt", "Dune"][(i % 4) as usize];
        let title = format!("{brand} lamp {i}");
        let description = if i % 10 == 3 {
            format!("\"Sturdy and light.\nModel {i}.\"")
        } else {
            format!("Model {i}")
        };
        let price = format!("{}.{:02}", 5 + i % 300, i % 100);
        let good = format!("{id},{title},{description},{brand},{price}");
        let (row, fault) = if i % 20 != 13 {
            (good, None)
        } else if matches!(i / 20, 1000 | 2500 | 4000) {
            let reason = format!("record longer than 1024 KiB: skipped up to line {line}");
            let row = format!("{id},{title},{huge},{brand},{price}");
            (row, Some((String::new(), reason)))
        } else {
            let (row, reason) = match (i / 20) % 7 {
                0 => (
                    format!("{id},,{description},{brand},{price}"),
                    "missing title".to_string(),
                ),
                1 => (
                    format!("{id},{title},{description},{brand},abc"),
                    "unparsable price \"abc\"".to_string(),
                ),
                2 => (
                    format!("{id},{title},{description},{brand},-{price}"),
                    "negative price".to_string(),
                ),
                3 => (
                    good.replacen(&id, &last_valid.0, 1),
                    format!("duplicate id (first on line {})", last_valid.1),
                ),
                4 => (
                    format!("{id},{title}"),
                    "wrong column count: expected 5, found 2".to_string(),
                ),
                5 => (
                    format!("{good},surplus"),
                    "wrong column count: expected 5, found 6".to_string(),
                ),
                _ => (
                    format!("{id},{title},{description},{brand},12.5.0"),
                    "unparsable price \"12.5.0\"".to_string(),
                ),
            };
            let row_id = row.split(',').next().unwrap_or_default().to_string();
            (row, Some((row_id, reason)))
        };
        match fault {
            Some((row_id, reason)) => broken.push((line, row_id, reason)),
            None => {
                valid.push(id.clone());
                last_valid = (id, line);
            }
        }
        writeln!(out, "{row}").unwrap();
        line += 1 + row.matches('\n').count() as u64;
        if i % 1000 == 999 {
            writeln!(out).unwrap();
            line += 1;
        }
    }
    out.flush().unwrap();
    (valid, broken)
}

/// Every id in the index's id field.
fn indexed_ids(index: &Path) -> Vec<String> {
    let index = ProductIndex::open(index).unwrap();
    let mut ids = Vec::new();
    for segment in index.searcher().segment_readers() {
        let terms = segment.inverted_index(index.fields().id).unwrap();
        let mut stream = terms.terms().stream().unwrap();
        while stream.advance() {
            ids.push(String::from_utf8(stream.key().to_vec()).unwrap());
        }
    }
    ids.sort();
    ids
}

#[test]
fn a_100k_row_file_with_5_percent_broken_rows_keeps_every_valid_row_and_reports_every_broken_one() {
    let _serial = heavy();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("messy.csv");
    let (valid, broken) = write_messy_catalog(&csv);
    assert_eq!(valid.len(), 95_000);
    assert_eq!(broken.len(), 5_000);
    let index = dir.path().join("index");
    let report = dir.path().join("report.csv");

    let started = Instant::now();
    let out = vitrine(&[
        "import",
        s(&csv),
        "--index",
        s(&index),
        "--report",
        s(&report),
    ]);
    eprintln!(
        "import of 100,000 rows: {} ms",
        started.elapsed().as_millis()
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("100000 rows read, 95000 indexed, 5000 skipped"),
        "{stdout}"
    );

    assert_eq!(stats(&index), (95_000, s(&csv).to_string()));
    let mut expected_ids = valid;
    expected_ids.sort();
    assert_eq!(indexed_ids(&index), expected_ids);

    let mut reader = csv::Reader::from_path(&report).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(vec!["line", "id", "reason"])
    );
    let reported: Vec<Broken> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].parse().unwrap(), r[1].to_string(), r[2].to_string())
        })
        .collect();
    assert_eq!(reported.len(), broken.len());
    for (got, want) in reported.iter().zip(&broken) {
        assert_eq!(got, want);
    }
}
