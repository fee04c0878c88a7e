//! HTTP load run against the real `vitrine serve` on loopback (issue 6),
//! the import-under-traffic check (issue 5), and replicas with Redis
//! sessions behind nginx (issue 17).
//!
//! ```text
//! cargo bench --bench load -- [--rows N] [--workers W] [--seconds S]
//!     [--turns T] [--sessions S] [--reimport] [--reimport-at S] [--log LEVEL]
//!     [--replicas R] [--redis] [--nginx] [--engine-turns N]
//! ```
//!
//! `--redis` starts a `redis-server` and gives every replica `--sessions
//! redis://…`; `--replicas R` starts R servers sharing the index directory,
//! with nginx in front (round robin, keep-alive upstreams, as in
//! docs/deploy.md; `--nginx` puts it in front of a single server too). The
//! servers run with `--turns-per-session off --new-sessions-per-minute off`:
//! the client replays each session at machine speed, which the default
//! per-session limit (60 turns a minute) would refuse. Before the HTTP run,
//! the bench replays the same conversations through `Engine::turn` in its
//! own process (`--engine-turns`, thread CPU time) and reports the
//! servers' CPU per turn as a multiple of it.
//!
//! What it does, in order:
//!
//! 1. Generates the catalog (`benches/common`: the bytes `vitrine gen
//!    --rows N --seed 1` writes) and imports it with `vitrine import` (the
//!    release binary cargo builds for benches), both cached in
//!    `target/bench-data/` under the names the other benches use
//!    (`catalog-N.csv`, `index-N/`).
//! 2. Starts `vitrine serve --rate-limit off` on `127.0.0.1` as a child
//!    process (with `--reimport`, on a copy of the index in a temporary
//!    directory, since the import replaces it), waits for `GET /api/health`,
//!    and kills it at the end, also on panic.
//! 3. Builds 4-turn conversations from the catalog's own values:
//!    "{colour} {type} for {gender} under {price}", "only {brand}",
//!    "cheaper", "in {other colour}".
//! 4. Runs `--workers` concurrent workers, each with one keep-alive HTTP/1.1
//!    connection (hyper's connection API, no pool), over `--sessions`
//!    distinct sessions: a worker cycles through its own sessions, one turn
//!    each, so sessions are interleaved as with real shoppers; a session
//!    keeps its id for the whole run (after its 4th turn it starts a new
//!    conversation in the same chat), so the server holds exactly that many
//!    live sessions. Stops after `--seconds` or `--turns`, whichever first.
//! 5. Reports turns/s, latency percentiles (exact, from every sample),
//!    errors by kind (any non-200 answer or transport error), sessions
//!    lost, and the server's RSS (`VmHWM`, and `RssAnon`/`RssFile` sampled
//!    every 100 ms from `/proc/PID/status`: tantivy's index is memory-mapped,
//!    so `RssFile` is page cache and `RssAnon` is the server's own memory).
//!
//! With `--reimport`, at `--reimport-at` seconds it runs `vitrine import` of
//! a second catalog (seed 2: same ids, other titles and prices) into the
//! served directory. Every answer is checked: each product's id, title and
//! price must match the old or the new catalog, and all products of one
//! answer must come from the same one. The run goes on until a few seconds
//! after the server switched. It exits non-zero on any error, lost session,
//! mixed answer, or (with `--reimport`) when the switch never happened.
//!
//! Only loopback is ever contacted. The client shares the machine with the
//! server: on a small box, measured throughput is that of both together.
//! Without `--bench` (e.g. `cargo test --benches`) it only prints how to run.

/// The server's allocator, so the in-process engine turn (the yardstick)
/// allocates as the server's turn does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "load/cluster.rs"]
mod cluster;
mod common;
#[path = "load/engine_cpu.rs"]
mod engine_cpu;

use clap::Parser;
use common::{catalog, data_dir};
use hyper::body::{Body, Bytes};
use hyper::client::conn::http1::SendRequest;
use hyper::header::{CONTENT_TYPE, HOST};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const VITRINE: &str = env!("CARGO_BIN_EXE_vitrine");

/// The `vitrine` binary the servers run: this build's, or another one
/// named by `VITRINE_LOAD_BIN` (to compare two builds' HTTP paths in the
/// same minutes of a shared machine).
fn vitrine_bin() -> std::ffi::OsString {
    std::env::var_os("VITRINE_LOAD_BIN").unwrap_or_else(|| VITRINE.into())
}
/// Seed of the served catalog (the one `benches/turn.rs` generates).
const SEED: u64 = 1;
/// Seed of the catalog imported under traffic.
const RESEED: u64 = 2;
/// Distinct first messages built from the catalog.
const SCENARIOS: usize = 200;
/// With `--reimport`, how long the run goes on after the switch was seen.
const AFTER_SWITCH: Duration = Duration::from_secs(3);

/// Command-line options.
#[derive(Debug, Parser)]
#[command(about = "HTTP load run against `vitrine serve` on loopback")]
struct Args {
    /// Products in the generated catalog.
    #[arg(long, default_value_t = 100_000)]
    rows: u64,
    /// Concurrent workers, one keep-alive connection each.
    #[arg(long, default_value_t = 32)]
    workers: usize,
    /// Measured run time in seconds (after the warm-up).
    #[arg(long, default_value_t = 20.0)]
    seconds: f64,
    /// Stop after this many turns in all (warm-up included); 0 = no limit.
    #[arg(long, default_value_t = 0)]
    turns: u64,
    /// Warm-up seconds, not measured.
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,
    /// Distinct live sessions (at least `--workers`).
    #[arg(long, default_value_t = 1_000)]
    sessions: usize,
    /// Re-import a second catalog (seed 2) while the load runs, and check
    /// that every answer comes wholly from one catalog.
    #[arg(long)]
    reimport: bool,
    /// Seconds after the start (warm-up included) at which to re-import.
    #[arg(long, default_value_t = 5.0)]
    reimport_at: f64,
    /// The server's log level (`RUST_LOG`); `vitrine serve` logs every
    /// request at `info`.
    #[arg(long, default_value = "info")]
    log: String,
    /// Threads of the client's tokio runtime (1 = current-thread runtime).
    /// Two measured better on the shared 2-core box: a lone client thread
    /// descheduled by the OS stalls every worker at once.
    #[arg(long, default_value_t = 2)]
    client_threads: usize,
    /// Servers sharing the index directory (more than one: nginx in front).
    #[arg(long, default_value_t = 1)]
    replicas: usize,
    /// Sessions in a Redis server the bench starts, instead of in memory.
    #[arg(long)]
    redis: bool,
    /// nginx in front even of a single server.
    #[arg(long)]
    nginx: bool,
    /// Turns per round replayed through `Engine::turn` in-process for the
    /// CPU baseline, three rounds before the load and three after (0: skip).
    #[arg(long, default_value_t = 2_000)]
    engine_turns: usize,
    /// The scheduling policy of the client's threads: `normal` (the
    /// default, as the issue measured) or `batch`. The client shares the
    /// server's cores here, unlike a real one; as a normal thread, each
    /// answer it is woken for can preempt the server thread that wrote it,
    /// in the middle of its `writev`. A `SCHED_BATCH` client is still woken
    /// for every answer and still shares the cores, but waits for its turn
    /// on the core instead (see BENCHMARKS.md, "HTTP path, session 7").
    #[arg(long, default_value = "normal", value_parser = ["batch", "normal"])]
    client_sched: String,
    /// Passed by `cargo bench`; without it, only print how to run.
    #[arg(long, hide = true)]
    bench: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !args.bench {
        println!("load: run with `cargo bench --bench load -- [options]` (see --help)");
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("load: {err}");
            ExitCode::FAILURE
        }
    }
}

type Fallible<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

// ---------------------------------------------------------------- data

/// Runs `vitrine ARGS`, stdout to `stdout` (or a log), stderr to the log.
fn vitrine(args: &[&str], stdout: Option<&Path>, log: &Path) -> Fallible<()> {
    let log_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)?;
    let out = match stdout {
        Some(path) => Stdio::from(std::fs::File::create(path)?),
        None => Stdio::from(log_file.try_clone()?),
    };
    let status = Command::new(vitrine_bin())
        .args(args)
        .stdout(out)
        .stderr(log_file)
        .status()?;
    if !status.success() {
        return Err(format!(
            "vitrine {} failed ({status}); see {}",
            args.join(" "),
            log.display()
        )
        .into());
    }
    Ok(())
}

/// The imported index of the seed-1 catalog of `rows` products.
fn index(rows: u64) -> Fallible<PathBuf> {
    let dir = data_dir().join(format!("index-{rows}"));
    // A cached index this build reads (an older schema is imported again).
    if matches!(vitrine::index::layout::live_generation(&dir), Ok(Some(_)))
        && vitrine::index::ProductIndex::open(&dir).is_ok()
    {
        return Ok(dir);
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    import(&catalog(rows, SEED), &dir)?;
    Ok(dir)
}

fn import(csv: &Path, dir: &Path) -> Fallible<()> {
    let t = Instant::now();
    let (csv, dir_arg) = (csv.display().to_string(), dir.display().to_string());
    vitrine(
        &["import", &csv, "--index", &dir_arg],
        None,
        &data_dir().join("load-import.log"),
    )?;
    eprintln!(
        "imported {csv} into {dir_arg} in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Copies the live generation of `from` (and `CURRENT`) into `to`.
fn copy_index(from: &Path, to: &Path) -> Fallible<()> {
    let live = vitrine::index::layout::live_generation(from)?.ok_or("no live generation")?;
    let name = live.path.file_name().ok_or("generation without a name")?;
    let target = to.join(name);
    std::fs::create_dir_all(&target)?;
    for entry in std::fs::read_dir(&live.path)? {
        let entry = entry?;
        std::fs::copy(entry.path(), target.join(entry.file_name()))?;
    }
    std::fs::copy(from.join("CURRENT"), to.join("CURRENT"))?;
    Ok(())
}

// ---------------------------------------------------------------- server

/// The `vitrine serve` child process; killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug, Deserialize)]
struct Health {
    products: u64,
    index_version: u64,
}

impl Server {
    fn start(index: &Path, args: &Args, sessions: &str, n: usize) -> Fallible<Server> {
        // A free loopback port (released just before the server binds it).
        let addr = TcpListener::bind("127.0.0.1:0")?.local_addr()?;
        let log = data_dir().join(format!("load-serve-{n}.log"));
        let log_file = std::fs::File::create(&log)?;
        let child = Command::new(vitrine_bin())
            .args(["serve", "--index"])
            .arg(index)
            .args(["--addr", &addr.to_string(), "--sessions", sessions])
            .args([
                "--turns-per-session",
                "off",
                "--new-sessions-per-minute",
                "off",
            ])
            .args(["--trusted-proxy", "127.0.0.1"])
            .args(["--max-concurrent", &(args.workers + 64).to_string()])
            // Never import anything else on start.
            .args(["--catalog", "/nonexistent/catalog.csv"])
            .env("RUST_LOG", &args.log)
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()?;
        let mut server = Server { child, addr, log };
        let t = Instant::now();
        loop {
            if let Some(status) = server.child.try_wait()? {
                return Err(format!(
                    "vitrine serve exited ({status}); see {}",
                    server.log.display()
                )
                .into());
            }
            if let Ok(health) = server.health() {
                eprintln!(
                    "server up on {addr} in {:.1} s: {} products, index version {}",
                    t.elapsed().as_secs_f64(),
                    health.products,
                    health.index_version
                );
                return Ok(server);
            }
            if t.elapsed() > Duration::from_secs(300) {
                return Err("vitrine serve did not answer /api/health in 300 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn health(&self) -> Fallible<Health> {
        let client = reqwest::blocking::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(5))
            .build()?;
        let url = format!("http://{}/api/health", self.addr);
        Ok(client.get(url).send()?.error_for_status()?.json()?)
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// Memory figures of a process, in kB, from `/proc/PID/status`.
#[derive(Debug, Clone, Copy, Default)]
struct Memory {
    rss: u64,
    hwm: u64,
    anon: u64,
    file: u64,
}

impl Memory {
    fn read(pid: u32) -> Option<Memory> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let mut m = Memory::default();
        for line in status.lines() {
            let (key, value) = line.split_once(':')?;
            let kb = || {
                value
                    .trim()
                    .trim_end_matches(" kB")
                    .parse::<u64>()
                    .unwrap_or(0)
            };
            match key {
                "VmRSS" => m.rss = kb(),
                "VmHWM" => m.hwm = kb(),
                "RssAnon" => m.anon = kb(),
                "RssFile" => m.file = kb(),
                _ => {}
            }
        }
        Some(m)
    }

    fn max(self, o: Memory) -> Memory {
        Memory {
            rss: self.rss.max(o.rss),
            hwm: self.hwm.max(o.hwm),
            anon: self.anon.max(o.anon),
            file: self.file.max(o.file),
        }
    }

    fn describe(&self) -> String {
        let mb = |kb: u64| kb as f64 / 1024.0;
        format!(
            "RSS {:.1} MB (anon {:.1} MB, file-backed {:.1} MB), VmHWM {:.1} MB",
            mb(self.rss),
            mb(self.anon),
            mb(self.file),
            mb(self.hwm)
        )
    }
}

/// Samples the server's memory every 100 ms until `stop`; returns the maxima.
fn sample_memory(pid: u32, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<Memory> {
    std::thread::spawn(move || {
        let mut peak = Memory::default();
        while !stop.load(Ordering::Relaxed) {
            if let Some(m) = Memory::read(pid) {
                peak = peak.max(m);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        peak
    })
}

// ---------------------------------------------------------------- conversations

/// One 4-turn conversation.
#[derive(Clone)]
struct Script {
    turns: [String; 4],
}

/// Conversations about real products of the catalog, one per distinct
/// (type, gender, colour), up to [`SCENARIOS`].
fn scripts(csv: &Path) -> Fallible<Vec<Script>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(csv)?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(format!("no {name} column"))
    };
    let (c_brand, c_cat, c_price, c_color, c_gender) = (
        col("brand")?,
        col("category")?,
        col("price")?,
        col("color")?,
        col("gender")?,
    );
    let mut colours: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut picked = Vec::new();
    for record in reader.records().flatten().take(50_000) {
        let get = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let (brand, category, colour, gender) =
            (get(c_brand), get(c_cat), get(c_color), get(c_gender));
        let Ok(price) = get(c_price).parse::<f64>() else {
            continue;
        };
        let kind = category
            .rsplit('>')
            .next()
            .unwrap_or("")
            .trim()
            .to_lowercase();
        if brand.is_empty() || colour.is_empty() || gender.is_empty() || kind.is_empty() {
            continue;
        }
        let colour = colour.to_lowercase();
        if !colours.contains(&colour) {
            colours.push(colour.clone());
        }
        if picked.len() < SCENARIOS && seen.insert((kind.clone(), gender.clone(), colour.clone())) {
            picked.push((kind, gender.to_lowercase(), colour, brand, price));
        }
    }
    if picked.is_empty() {
        return Err("no usable row to build conversations from".into());
    }
    Ok(picked
        .into_iter()
        .enumerate()
        .map(|(i, (kind, gender, colour, brand, price))| {
            let others: Vec<&String> = colours.iter().filter(|c| **c != colour).collect();
            let other = others
                .get(i % others.len().max(1))
                .map_or("blue", |c| c.as_str());
            let under = (price * 1.5 / 10.0).ceil() * 10.0;
            Script {
                turns: [
                    format!("{colour} {kind} for {gender} under {under}"),
                    format!("only {brand}"),
                    "cheaper".to_string(),
                    format!("in {other}"),
                ],
            }
        })
        .collect())
}

// ---------------------------------------------------------------- catalog check

/// Where the products of one answer come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    /// No product shown.
    Empty,
    /// Every product matches both catalogs (same id, title and price).
    Either,
    Old,
    New,
    /// Some products only in the old catalog, some only in the new one.
    Mixed,
    /// A product in neither catalog (id, title and price do not match).
    Unknown,
}

/// Id → (title, price) of the old and the new catalog.
struct Catalogs {
    old: HashMap<String, (String, Option<f64>)>,
    new: HashMap<String, (String, Option<f64>)>,
}

impl Catalogs {
    fn load(old: &Path, new: &Path) -> Fallible<Catalogs> {
        // The importer's own reader, so values are cleaned exactly as indexed.
        let read = |path: &Path| -> Fallible<HashMap<String, (String, Option<f64>)>> {
            let opts = vitrine::catalog::ReadOptions::default();
            let reader = vitrine::catalog::CatalogReader::open(path, &opts)?;
            Ok(reader
                .flatten()
                .map(|p| (p.id, (p.title, p.price)))
                .collect())
        };
        Ok(Catalogs {
            old: read(old)?,
            new: read(new)?,
        })
    }

    /// Checks the checker: a product from each catalog, alone and together.
    fn self_check(&self) -> Fallible<()> {
        let shown = |id: &str, (title, price): &(String, Option<f64>)| Shown {
            id: id.to_string(),
            title: title.clone(),
            price: *price,
        };
        let (id, old, new) = self
            .old
            .iter()
            .find_map(|(id, old)| {
                let new = self.new.get(id).filter(|new| *new != old)?;
                Some((id, old, new))
            })
            .ok_or("the catalogs do not differ")?;
        let (old, new) = (shown(id, old), shown(id, new));
        let mut wrong = shown(id, &self.old[id]);
        wrong.title.push('!');
        let cases = [
            (self.origin(std::slice::from_ref(&old)), Origin::Old),
            (self.origin(std::slice::from_ref(&new)), Origin::New),
            (self.origin(&[old, new]), Origin::Mixed),
            (self.origin(&[wrong]), Origin::Unknown),
        ];
        match cases.iter().find(|(got, want)| got != want) {
            Some((got, want)) => Err(format!("catalog check: got {got:?}, want {want:?}").into()),
            None => Ok(()),
        }
    }

    fn origin(&self, products: &[Shown]) -> Origin {
        let (mut old_only, mut new_only) = (false, false);
        for p in products {
            let matches = |m: &HashMap<String, (String, Option<f64>)>| {
                m.get(&p.id)
                    .is_some_and(|(title, price)| *title == p.title && *price == p.price)
            };
            match (matches(&self.old), matches(&self.new)) {
                (true, true) => {}
                (true, false) => old_only = true,
                (false, true) => new_only = true,
                (false, false) => return Origin::Unknown,
            }
        }
        match (products.is_empty(), old_only, new_only) {
            (true, _, _) => Origin::Empty,
            (_, true, true) => Origin::Mixed,
            (_, true, false) => Origin::Old,
            (_, false, true) => Origin::New,
            (_, false, false) => Origin::Either,
        }
    }
}

// ---------------------------------------------------------------- client

/// The parts of a chat answer the client reads.
#[derive(Debug, Deserialize)]
struct Answer {
    session_id: String,
    #[serde(default)]
    products: Vec<Shown>,
}

#[derive(Debug, Deserialize)]
struct Shown {
    id: String,
    title: String,
    price: Option<f64>,
}

#[derive(serde::Serialize)]
struct ChatRequest<'a> {
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_id: Option<&'a str>,
}

/// One keep-alive HTTP/1.1 connection.
struct Connection {
    sender: SendRequest<String>,
    host: String,
}

impl Connection {
    async fn open(addr: SocketAddr) -> Result<Connection, String> {
        let stream = tokio::net::TcpStream::connect(addr)
            .await
            .map_err(|e| format!("connect: {}", e.kind()))?;
        let _ = stream.set_nodelay(true);
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("handshake: {e}"))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(Connection {
            sender,
            host: addr.to_string(),
        })
    }

    /// Posts `body` to `/api/chat`; the status and the whole answer body.
    async fn chat(&mut self, body: String) -> Result<(StatusCode, Vec<u8>), String> {
        self.sender
            .ready()
            .await
            .map_err(|e| format!("connection: {e}"))?;
        let request = Request::post("/api/chat")
            .header(HOST, &self.host)
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .map_err(|e| format!("request: {e}"))?;
        let response = self
            .sender
            .send_request(request)
            .await
            .map_err(|e| format!("send: {e}"))?;
        let status = response.status();
        let mut incoming = response.into_body();
        let mut bytes = Vec::with_capacity(8 * 1024);
        while let Some(frame) =
            std::future::poll_fn(|cx| Pin::new(&mut incoming).poll_frame(cx)).await
        {
            let frame = frame.map_err(|e| format!("body: {e}"))?;
            if let Ok(data) = frame.into_data() {
                let data: Bytes = data;
                bytes.extend_from_slice(&data);
            }
        }
        Ok((status, bytes))
    }
}

/// One session's place in its conversation.
struct Slot {
    session_id: Option<String>,
    script: usize,
    turn: usize,
}

/// What the workers share.
struct Shared {
    addr: SocketAddr,
    scripts: Vec<Script>,
    catalogs: Option<Catalogs>,
    started: Instant,
    warmup: Duration,
    stop: AtomicBool,
    turns_started: AtomicU64,
    max_turns: u64,
}

/// What one worker saw.
#[derive(Default)]
struct Tally {
    /// Latency of each measured successful turn, µs, by turn number (0..4).
    latency: [Vec<u32>; 4],
    ok: u64,
    /// Successful turns, warm-up included.
    ok_all: u64,
    errors: BTreeMap<String, u64>,
    sessions_created: u64,
    sessions_lost: u64,
    /// Answers by origin (with `--reimport`).
    origins: BTreeMap<Origin, u64>,
    /// Completion time of the first wholly-new and the last wholly-old answer.
    first_new: Option<Duration>,
    last_old: Option<Duration>,
    /// Old answers after this worker had already seen a new one.
    went_back: u64,
    /// Per second since the start: successful turns and worst latency (µs).
    timeline: Vec<(u64, u32)>,
    /// An example of each error kind.
    examples: BTreeMap<String, String>,
}

impl Tally {
    fn error(&mut self, kind: String, detail: String) {
        self.examples.entry(kind.clone()).or_insert(detail);
        *self.errors.entry(kind).or_default() += 1;
    }

    fn merge(&mut self, o: Tally) {
        for (mine, theirs) in self.latency.iter_mut().zip(o.latency) {
            mine.extend(theirs);
        }
        self.ok += o.ok;
        self.ok_all += o.ok_all;
        for (k, v) in o.errors {
            *self.errors.entry(k).or_default() += v;
        }
        for (k, v) in o.examples {
            self.examples.entry(k).or_insert(v);
        }
        self.sessions_created += o.sessions_created;
        self.sessions_lost += o.sessions_lost;
        for (k, v) in o.origins {
            *self.origins.entry(k).or_default() += v;
        }
        self.first_new = match (self.first_new, o.first_new) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last_old = self.last_old.max(o.last_old);
        self.went_back += o.went_back;
        if self.timeline.len() < o.timeline.len() {
            self.timeline.resize(o.timeline.len(), (0, 0));
        }
        for (mine, theirs) in self.timeline.iter_mut().zip(o.timeline) {
            mine.0 += theirs.0;
            mine.1 = mine.1.max(theirs.1);
        }
    }
}

/// One worker: its own connection and its own sessions (`slots`).
async fn worker(shared: Arc<Shared>, mut slots: Vec<Slot>) -> Tally {
    let mut tally = Tally::default();
    let mut connection: Option<Connection> = None;
    let mut seen_new = false;
    let mut next = 0;
    while !shared.stop.load(Ordering::Relaxed) {
        if shared.max_turns > 0
            && shared.turns_started.fetch_add(1, Ordering::Relaxed) >= shared.max_turns
        {
            break;
        }
        let conn = match connection.as_mut() {
            Some(conn) => conn,
            None => match Connection::open(shared.addr).await {
                Ok(conn) => connection.insert(conn),
                Err(e) => {
                    tally.error("transport".into(), e);
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        let count = slots.len();
        let slot = &mut slots[next];
        next = (next + 1) % count;
        let script = &shared.scripts[slot.script];
        let turn = slot.turn;
        let body = serde_json::to_string(&ChatRequest {
            message: &script.turns[turn],
            session_id: slot.session_id.as_deref(),
        })
        .expect("request JSON");
        let sent = Instant::now();
        let result = conn.chat(body).await;
        let done = Instant::now();
        let micros = u32::try_from(done.duration_since(sent).as_micros()).unwrap_or(u32::MAX);
        let at = done.duration_since(shared.started);
        let (status, bytes) = match result {
            Ok(answer) => answer,
            Err(e) => {
                tally.error("transport".into(), e);
                connection = None;
                continue;
            }
        };
        if status != StatusCode::OK {
            let text = String::from_utf8_lossy(&bytes).chars().take(200).collect();
            tally.error(format!("status {}", status.as_u16()), text);
            continue;
        }
        let answer: Answer = match serde_json::from_slice(&bytes) {
            Ok(answer) => answer,
            Err(e) => {
                tally.error("bad json".into(), e.to_string());
                continue;
            }
        };
        match &slot.session_id {
            None => tally.sessions_created += 1,
            Some(id) if *id != answer.session_id => tally.sessions_lost += 1,
            Some(_) => {}
        }
        slot.session_id = Some(answer.session_id);
        slot.turn = (turn + 1) % 4;
        if slot.turn == 0 {
            slot.script = (slot.script + 7) % shared.scripts.len();
        }
        if let Some(catalogs) = &shared.catalogs {
            let origin = catalogs.origin(&answer.products);
            *tally.origins.entry(origin).or_default() += 1;
            match origin {
                Origin::New => {
                    seen_new = true;
                    tally.first_new = Some(tally.first_new.map_or(at, |t| t.min(at)));
                }
                Origin::Old => {
                    tally.last_old = Some(at);
                    tally.went_back += u64::from(seen_new);
                }
                Origin::Mixed | Origin::Unknown => {
                    let ids: Vec<&str> = answer.products.iter().map(|p| p.id.as_str()).collect();
                    tally
                        .examples
                        .entry(format!("{origin:?}"))
                        .or_insert(format!("{ids:?}"));
                }
                Origin::Empty | Origin::Either => {}
            }
        }
        let second = at.as_secs() as usize;
        if tally.timeline.len() <= second {
            tally.timeline.resize(second + 1, (0, 0));
        }
        tally.timeline[second].0 += 1;
        tally.timeline[second].1 = tally.timeline[second].1.max(micros);
        tally.ok_all += 1;
        if done.duration_since(shared.started) >= shared.warmup {
            tally.ok += 1;
            tally.latency[turn].push(micros);
        }
    }
    tally
}

// ---------------------------------------------------------------- re-import

/// When the re-import ran and when the server served it.
#[derive(Debug, Default)]
struct Reimport {
    started: Option<Duration>,
    finished: Option<Duration>,
    /// When `/api/health` first showed the new index version.
    served: Option<Duration>,
    error: Option<String>,
}

/// At `at`, imports `csv` into `index`, then polls health until the server
/// serves it. Sets `switched` when it does (or when the attempt is over).
fn reimport(
    server_addr: SocketAddr,
    csv: PathBuf,
    index: PathBuf,
    started: Instant,
    at: Duration,
    switched: Arc<AtomicBool>,
    report: Arc<Mutex<Reimport>>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let set = |f: &dyn Fn(&mut Reimport)| f(&mut report.lock().expect("report lock"));
        std::thread::sleep(at.saturating_sub(started.elapsed()));
        let probe = Server::probe(server_addr);
        let before = probe().map(|h| h.index_version).unwrap_or(0);
        set(&|r| r.started = Some(started.elapsed()));
        if let Err(e) = import(&csv, &index) {
            set(&|r| r.error = Some(e.to_string()));
            switched.store(true, Ordering::Relaxed);
            return;
        }
        set(&|r| r.finished = Some(started.elapsed()));
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if probe().is_ok_and(|h| h.index_version > before) {
                set(&|r| r.served = Some(started.elapsed()));
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        switched.store(true, Ordering::Relaxed);
    })
}

impl Server {
    /// A health probe usable from another thread.
    fn probe(addr: SocketAddr) -> impl Fn() -> Fallible<Health> {
        let client = reqwest::blocking::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("http client");
        move || {
            Ok(client
                .get(format!("http://{addr}/api/health"))
                .send()?
                .error_for_status()?
                .json()?)
        }
    }
}

// ---------------------------------------------------------------- run

fn run(args: &Args) -> Fallible<bool> {
    let workers = args.workers.max(1);
    let sessions = args.sessions.max(workers);
    let csv = catalog(args.rows, SEED);
    let cached = index(args.rows)?;
    let (served_dir, _scratch) = if args.reimport {
        let scratch = tempfile::Builder::new()
            .prefix("load-")
            .tempdir_in(data_dir())?;
        copy_index(&cached, scratch.path())?;
        (scratch.path().to_path_buf(), Some(scratch))
    } else {
        (cached, None)
    };
    let new_csv = if args.reimport {
        Some(catalog(args.rows, RESEED))
    } else {
        None
    };
    let catalogs = match &new_csv {
        Some(new) => {
            let catalogs = Catalogs::load(&csv, new)?;
            catalogs.self_check()?;
            Some(catalogs)
        }
        None => None,
    };
    let scripts = scripts(&csv)?;
    eprintln!(
        "{} conversations, e.g. {:?}",
        scripts.len(),
        scripts[0].turns
    );

    // The yardstick: `Engine::turn` in this process, three rounds now and
    // three after the load (a shared machine's speed drifts over a run),
    // quoted as the median of the six.
    let engine_rounds = |when: &str| -> Fallible<Vec<f64>> {
        let rounds = engine_cpu::micros_per_turn(&served_dir, &scripts, args.engine_turns, 3)?;
        eprintln!(
            "engine {when}: {} µs of thread CPU per turn (3 rounds of {} turns in-process)",
            rounds
                .iter()
                .map(|us| format!("{us:.0}"))
                .collect::<Vec<_>>()
                .join(" / "),
            args.engine_turns
        );
        Ok(rounds)
    };
    let mut engine_samples = if args.engine_turns > 0 {
        engine_rounds("before the load")?
    } else {
        Vec::new()
    };
    let redis = if args.redis {
        Some(cluster::Daemon::redis()?)
    } else {
        None
    };
    let sessions_arg = redis
        .as_ref()
        .map_or("memory".to_string(), |r| format!("redis://{}/0", r.addr));
    let mut servers = Vec::new();
    for n in 0..args.replicas.max(1) {
        let server = match Server::start(&served_dir, args, &sessions_arg, n) {
            Ok(server) => server,
            // A cached index the current binary cannot open (e.g. an older
            // schema): import it again, once.
            Err(e) if !args.reimport && n == 0 => {
                eprintln!("{e}; importing the catalog again");
                std::fs::remove_dir_all(&served_dir)?;
                import(&csv, &served_dir)?;
                Server::start(&served_dir, args, &sessions_arg, n)?
            }
            Err(e) => return Err(e),
        };
        servers.push(server);
    }
    let nginx = if args.replicas > 1 || args.nginx {
        let upstreams: Vec<SocketAddr> = servers.iter().map(|s| s.addr).collect();
        Some(cluster::Daemon::nginx(&upstreams)?)
    } else {
        None
    };
    let entry = nginx.as_ref().map_or(servers[0].addr, |n| n.addr);
    let server = &servers[0];
    let nginx_pids = || -> Vec<u32> {
        nginx.as_ref().map_or(Vec::new(), |n| {
            let mut pids = cluster::children(n.pid());
            pids.push(n.pid());
            pids
        })
    };
    let cpu_of = |pids: &[u32]| pids.iter().map(|&p| cpu_seconds(p)).sum::<f64>();
    let server_pids: Vec<u32> = servers.iter().map(Server::pid).collect();
    let redis_pids: Vec<u32> = redis.iter().map(cluster::Daemon::pid).collect();
    let idle = Memory::read(server.pid()).unwrap_or_default();
    let (server_cpu0, client_cpu0) = (cpu_of(&server_pids), cpu_seconds(std::process::id()));
    let (nginx_cpu0, redis_cpu0) = (cpu_of(&nginx_pids()), cpu_of(&redis_pids));
    let load0 = load_average();
    let stop_sampling = Arc::new(AtomicBool::new(false));
    let sampler = sample_memory(server.pid(), stop_sampling.clone());

    let warmup = Duration::from_secs_f64(args.warmup.max(0.0));
    let measured = Duration::from_secs_f64(args.seconds.max(0.1));
    let shared = Arc::new(Shared {
        addr: entry,
        scripts: scripts.clone(),
        catalogs,
        started: Instant::now(),
        warmup,
        stop: AtomicBool::new(false),
        turns_started: AtomicU64::new(0),
        max_turns: args.turns,
    });
    let switched = Arc::new(AtomicBool::new(false));
    let reimport_report = Arc::new(Mutex::new(Reimport::default()));
    let reimporter = new_csv.map(|new| {
        reimport(
            entry,
            new,
            served_dir.clone(),
            shared.started,
            Duration::from_secs_f64(args.reimport_at.max(0.0)),
            switched.clone(),
            reimport_report.clone(),
        )
    });

    let batch = args.client_sched == "batch";
    let runtime = if args.client_threads <= 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(args.client_threads)
            .on_thread_start(move || {
                if batch {
                    let param = libc::sched_param { sched_priority: 0 };
                    // SAFETY: sets the calling thread's own policy from a
                    // valid parameter; a failure leaves it as it was.
                    unsafe { libc::sched_setscheduler(0, libc::SCHED_BATCH, &param) };
                }
            })
            .enable_all()
            .build()?
    };
    let mut per_worker: Vec<Vec<Slot>> = (0..workers).map(|_| Vec::new()).collect();
    for s in 0..sessions {
        per_worker[s % workers].push(Slot {
            session_id: None,
            script: s % shared.scripts.len(),
            turn: 0,
        });
    }
    let (tally, elapsed) = runtime.block_on(async {
        let handles: Vec<_> = per_worker
            .into_iter()
            .map(|slots| tokio::spawn(worker(shared.clone(), slots)))
            .collect();
        let hard_stop = warmup + measured + Duration::from_secs(180);
        let mut switch_seen: Option<Instant> = None;
        loop {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let now = Instant::now();
            let elapsed = now.duration_since(shared.started);
            if switch_seen.is_none() && switched.load(Ordering::Relaxed) {
                switch_seen = Some(now);
            }
            let timed_out = elapsed >= warmup + measured
                && (reimporter.is_none()
                    || switch_seen.is_some_and(|t| now.duration_since(t) >= AFTER_SWITCH));
            let all_done = handles.iter().all(|h| h.is_finished());
            if timed_out || all_done || elapsed >= hard_stop {
                break;
            }
        }
        shared.stop.store(true, Ordering::Relaxed);
        let end = Instant::now();
        let mut tally = Tally::default();
        for handle in handles {
            tally.merge(handle.await.expect("worker task"));
        }
        (
            tally,
            end.duration_since(shared.started).saturating_sub(warmup),
        )
    });
    if let Some(handle) = reimporter {
        let _ = handle.join();
    }
    let after = Memory::read(server.pid()).unwrap_or_default();
    let server_cpu = cpu_of(&server_pids) - server_cpu0;
    let nginx_cpu = cpu_of(&nginx_pids()) - nginx_cpu0;
    let redis_cpu = cpu_of(&redis_pids) - redis_cpu0;
    let client_cpu = cpu_seconds(std::process::id()) - client_cpu0;
    let load1 = load_average();
    stop_sampling.store(true, Ordering::Relaxed);
    let peak = sampler.join().expect("memory sampler").max(after);
    let health = server.health().ok();
    drop(servers);
    drop(nginx);
    drop(redis);
    if args.engine_turns > 0 && !args.reimport {
        engine_samples.extend(engine_rounds("after the load")?);
    }
    let engine_us = (!engine_samples.is_empty()).then(|| engine_cpu::median(&engine_samples));

    // ------------------------------------------------------------ report
    let mut out = String::new();
    let all: Vec<u32> = {
        let mut v: Vec<u32> = tally.latency.iter().flatten().copied().collect();
        v.sort_unstable();
        v
    };
    let _ = writeln!(
        out,
        "load: {} products, {workers} workers (one keep-alive connection each), {sessions} sessions, server log {}, client {} thread(s) ({}), {:.1} s measured after {:.1} s warm-up",
        args.rows,
        args.log,
        args.client_threads.max(1),
        if batch { "SCHED_BATCH" } else { "SCHED_NORMAL" },
        elapsed.as_secs_f64(),
        warmup.as_secs_f64()
    );
    let _ = writeln!(
        out,
        "turns: {} ok, {:.0} turns/s; errors: {}{}",
        tally.ok,
        tally.ok as f64 / elapsed.as_secs_f64().max(1e-9),
        tally.errors.values().sum::<u64>(),
        if tally.errors.is_empty() {
            String::new()
        } else {
            format!(" {:?}", tally.errors)
        }
    );
    let per_turn = |cpu: f64| cpu * 1e6 / tally.ok_all.max(1) as f64;
    let _ = writeln!(
        out,
        "setup: {} server(s), sessions {}, {}",
        args.replicas.max(1),
        if args.redis { "in Redis" } else { "in memory" },
        if args.replicas > 1 || args.nginx {
            "nginx in front"
        } else {
            "no proxy"
        }
    );
    let _ = writeln!(
        out,
        "cpu: servers {server_cpu:.1} s, nginx {nginx_cpu:.1} s, redis {redis_cpu:.1} s, client {client_cpu:.1} s for {} turns (warm-up included): servers {:.0} µs/turn, nginx {:.0} µs/turn, redis {:.0} µs/turn, client {:.0} µs/turn; load average {load0} at start, {load1} at end (shared machine)",
        tally.ok_all,
        per_turn(server_cpu),
        per_turn(nginx_cpu),
        per_turn(redis_cpu),
        per_turn(client_cpu),
    );
    if let Some(engine_us) = engine_us {
        let _ = writeln!(
            out,
            "cpu: engine turn in-process {engine_us:.0} µs (median of {} rounds); servers' CPU per turn = {:.2}× the engine turn",
            engine_samples.len(),
            per_turn(server_cpu) / engine_us
        );
    }
    for (kind, example) in &tally.examples {
        let _ = writeln!(out, "  example {kind}: {example}");
    }
    let _ = writeln!(out, "latency all turns: {}", percentiles(&all));
    for (i, label) in ["first", "only <brand>", "cheaper", "in <colour>"]
        .iter()
        .enumerate()
    {
        let mut v = tally.latency[i].clone();
        v.sort_unstable();
        let _ = writeln!(out, "latency turn {} ({label}): {}", i + 1, percentiles(&v));
    }
    let _ = writeln!(
        out,
        "sessions: {} created, {} lost (server answered with another id)",
        tally.sessions_created, tally.sessions_lost
    );
    let _ = writeln!(out, "server memory idle: {}", idle.describe());
    let _ = writeln!(
        out,
        "server memory peak (100 ms samples + VmHWM): {}",
        peak.describe()
    );
    let _ = writeln!(out, "server memory after the run: {}", after.describe());
    let mut ok = tally.errors.is_empty() && tally.sessions_lost == 0;
    if args.reimport {
        let r = reimport_report.lock().expect("report lock");
        let secs = |d: Option<Duration>| {
            d.map_or("never".to_string(), |d| format!("{:.2} s", d.as_secs_f64()))
        };
        let _ = writeln!(
            out,
            "reimport: import started {}, finished {}, health showed the new version {}; first wholly-new answer {}, last wholly-old answer {}{}",
            secs(r.started),
            secs(r.finished),
            secs(r.served),
            secs(tally.first_new),
            secs(tally.last_old),
            r.error
                .as_deref()
                .map(|e| format!("; import error: {e}"))
                .unwrap_or_default()
        );
        let mixed = tally.origins.get(&Origin::Mixed).copied().unwrap_or(0)
            + tally.origins.get(&Origin::Unknown).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "reimport: answers by origin {:?}; mixed or unknown: {mixed}; old after new on one worker: {}",
            tally.origins, tally.went_back
        );
        let _ = writeln!(out, "timeline (s: turns, worst ms):");
        let mut line = String::new();
        for (s, (n, worst)) in tally.timeline.iter().enumerate() {
            let _ = write!(line, " {s}:{n},{:.0}", f64::from(*worst) / 1e3);
        }
        let _ = writeln!(out, "  {}", line.trim());
        let switched = r.served.is_some() && tally.first_new.is_some();
        ok &= mixed == 0 && tally.went_back == 0 && switched && r.error.is_none();
        if let Some(h) = &health {
            let _ = writeln!(
                out,
                "reimport: server now serves {} products, index version {}",
                h.products, h.index_version
            );
        }
    }
    let _ = writeln!(out, "result: {}", if ok { "PASS" } else { "FAIL" });
    print!("{out}");
    Ok(ok)
}

/// User + system CPU time of a process so far, in seconds (0 if unknown).
fn cpu_seconds(pid: u32) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields of the line, in clock ticks (100 per second).
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) as f64 / 100.0
}

/// The 1-minute load average, from `/proc/loadavg`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// "p50 … p90 … p99 … max …" in ms, from sorted µs samples.
fn percentiles(sorted: &[u32]) -> String {
    if sorted.is_empty() {
        return "no samples".into();
    }
    let at = |q: f64| f64::from(sorted[((sorted.len() - 1) as f64 * q).round() as usize]) / 1e3;
    format!(
        "{} samples, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, p99.9 {:.2} ms, max {:.2} ms",
        sorted.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(0.999),
        at(1.0)
    )
}
