//! `vitrine serve`: the chat API, the store page and the widget over HTTP.
//!
//! Resolves the arguments into a [`ServerConfig`] and [`ConnectionLimits`]
//! (defaults from [`crate::server::defaults`]), opens the index with
//! [`crate::engine::open_or_import`] (importing the catalog first when
//! there is none; the demo catalogs are built into the binary, so `serve`
//! works outside the checkout), picks the session store (memory, or Redis
//! with `--sessions redis://…`), reloads the engine when an import swaps in
//! a new index or the synonyms file changes, logs every turn for the
//! merchant's insights (`--demand-log`, on by default in the index
//! directory), serves the insights page with `--admin-token`, and serves
//! until Ctrl-C or SIGTERM.

use crate::engine::Engine;
use crate::error::Error;
use crate::server::{
    self, AppState, Cidr, ConnectionLimits, MemorySessionStore, RedisSessionStore, ServerConfig,
    SessionStore, TrustedProxies, defaults,
};
use anyhow::Context;
use clap::Args;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Arguments of `vitrine serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The index directory (several replicas may share one).
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Catalog imported first when the index directory is empty. The demo
    /// catalogs (`catalog/demo.csv`, `catalog/demo-pt.csv`) are built in:
    /// used when no such file is on disk.
    #[arg(long, default_value = "catalog/demo.csv")]
    pub catalog: PathBuf,
    /// Where sessions live: `memory` (this process; lost on restart), or
    /// `redis://HOST:PORT/DB` (shared by replicas, kept across restarts).
    #[arg(
        long,
        default_value = "memory",
        value_name = "memory|redis://HOST:PORT/DB"
    )]
    pub sessions: String,
    /// An origin allowed to call the API from the browser (CORS), e.g.
    /// `https://shop.example`. Repeat for several; none by default.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,
    /// A reverse proxy (address or CIDR network, e.g. `127.0.0.1` or
    /// `10.0.0.0/8`) whose `X-Forwarded-For`/`Forwarded` headers name the
    /// client. Repeat for several. Without it those headers are ignored.
    #[arg(long = "trusted-proxy", value_name = "CIDR", value_parser = parse_cidr)]
    pub trusted_proxies: Vec<Cidr>,
    /// Requests per minute per client address on the chat and product
    /// routes: `N/min`, `N`, or `off` (an API client is not throttled).
    #[arg(long, default_value = "off", value_parser = parse_rate)]
    pub rate_limit: RateArg,
    /// New sessions per client address per minute: `N/min`, `N`, or `off`.
    #[arg(long, default_value_t = RateArg(Some(defaults::NEW_SESSIONS_PER_ADDRESS_PER_MINUTE)), value_parser = parse_rate)]
    pub new_sessions_per_minute: RateArg,
    /// Turns per session per minute: `N/min`, `N`, or `off`.
    #[arg(long, default_value_t = RateArg(Some(defaults::TURNS_PER_SESSION_PER_MINUTE)), value_parser = parse_rate)]
    pub turns_per_session: RateArg,
    /// Most sessions kept in memory (least recently used evicted; memory store only).
    #[arg(long, default_value_t = defaults::MAX_SESSIONS)]
    pub max_sessions: usize,
    /// Seconds of inactivity after which a session is forgotten (the Redis TTL too).
    #[arg(long, default_value_t = defaults::SESSION_TTL_SECS)]
    pub session_ttl: u64,
    /// Chat/product requests served at once; more are answered 503.
    #[arg(long, default_value_t = defaults::MAX_CONCURRENT_REQUESTS)]
    pub max_concurrent: usize,
    /// Seconds one chat/product request may take (body upload included).
    #[arg(long, default_value_t = defaults::REQUEST_TIMEOUT_SECS)]
    pub request_timeout: u64,
    /// Seconds a client has to send request headers; also the longest idle
    /// time of an HTTP/1 or HTTP/2 connection.
    #[arg(long, default_value_t = defaults::HEADER_TIMEOUT_SECS)]
    pub header_timeout: u64,
    /// Most open connections.
    #[arg(long, default_value_t = defaults::MAX_CONNECTIONS)]
    pub max_connections: usize,
    /// Most open connections from one client address (trusted proxies exempt).
    #[arg(long, default_value_t = defaults::MAX_CONNECTIONS_PER_ADDRESS)]
    pub max_connections_per_address: usize,
    /// Seconds between summary lines in the log (requests, errors, refusals).
    #[arg(long, default_value_t = defaults::LOG_SUMMARY_SECS)]
    pub log_summary: u64,
    /// The merchant's synonyms file, reloaded when it changes. Default: the
    /// `synonyms.txt` that `vitrine import --synonyms` installs in the
    /// index directory (watched even before it exists).
    #[arg(long, value_name = "FILE")]
    pub synonyms: Option<PathBuf>,
    /// Where every turn is logged for `vitrine insights` and the insights
    /// page: a directory (each replica writes its own files in it), or
    /// `off`. Default: `demand` in the index directory.
    #[arg(long, value_name = "DIR|off")]
    pub demand_log: Option<String>,
    /// The secret key of the demand log's conversation hashes. Default:
    /// `demand.key` in the log directory, created on first use; give
    /// replicas on different hosts the same key file.
    #[arg(long, value_name = "FILE")]
    pub demand_key: Option<PathBuf>,
    /// Size budget of this replica's demand log files, in MiB (the oldest
    /// rotated file is removed beyond it).
    #[arg(long, default_value_t = crate::insights::log::DEFAULT_MAX_MB, value_name = "MIB")]
    pub demand_log_max_mb: u64,
    /// Serve the merchant's insights page at /admin/insights to whoever
    /// has this token (at least 16 characters; e.g. `openssl rand -hex
    /// 16`). Without it the page does not exist. Prefer the environment
    /// variable: a command line is visible to the machine's other users.
    #[arg(
        long,
        env = "VITRINE_ADMIN_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub admin_token: Option<String>,
}

/// A parsed rate flag: per minute, or `None` for off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateArg(pub Option<u32>);

impl std::fmt::Display for RateArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(n) => write!(f, "{n}/min"),
            None => f.write_str("off"),
        }
    }
}

fn parse_rate(s: &str) -> Result<RateArg, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("off") {
        return Ok(RateArg(None));
    }
    let n = s.strip_suffix("/min").unwrap_or(s);
    match n.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(RateArg(Some(n))),
        _ => Err(format!("expected N/min (N ≥ 1) or off, got `{s}`")),
    }
}

fn parse_cidr(s: &str) -> Result<Cidr, String> {
    Cidr::parse(s)
}

/// The demo catalogs, built into the binary.
const EMBEDDED_DEMOS: [(&str, &[u8]); 2] = [
    ("demo.csv", include_bytes!("../../catalog/demo.csv")),
    ("demo-pt.csv", include_bytes!("../../catalog/demo-pt.csv")),
];

/// The catalog to import from: `catalog` itself when it is on disk;
/// otherwise, for a demo catalog's name, the built-in copy written into the
/// index directory (only when an import is due, so a read-only index
/// directory of replicas is never written).
fn catalog_to_import(catalog: &Path, index: &Path) -> anyhow::Result<PathBuf> {
    if catalog.exists() {
        return Ok(catalog.to_path_buf());
    }
    let name = catalog.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let Some((name, bytes)) = EMBEDDED_DEMOS.iter().find(|(demo, _)| *demo == name) else {
        return Ok(catalog.to_path_buf());
    };
    let copy = index.join("built-in").join(name);
    let due = match crate::index::ProductIndex::live_manifest(index) {
        Ok(Some(manifest)) => manifest.schema_version != crate::index::SCHEMA_VERSION,
        _ => true,
    };
    if due {
        let dir = index.join("built-in");
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        // Written beside and renamed, so a replica starting at the same
        // moment never reads half a file.
        let tmp = dir.join(format!(".{name}.{}", std::process::id()));
        std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &copy).with_context(|| format!("cannot write {}", copy.display()))?;
    }
    Ok(copy)
}

/// Opens the index, importing `catalog` first when there is none. While
/// another process (a replica starting at the same moment) imports into the
/// same directory, waits for it.
fn open_engine(index: &Path, catalog: &Path) -> anyhow::Result<Engine> {
    let fresh = !matches!(crate::index::layout::live_generation(index), Ok(Some(_)));
    let source = catalog_to_import(catalog, index)?;
    if fresh {
        let what = if source == catalog {
            catalog.display().to_string()
        } else {
            format!(
                "the built-in {} ({} is not on disk)",
                source.display(),
                catalog.display()
            )
        };
        eprintln!("No index in {}: importing {what} first...", index.display());
    }
    let started = Instant::now();
    loop {
        match crate::engine::open_or_import(index, &source) {
            Ok(engine) => {
                if fresh {
                    eprintln!(
                        "Imported {} products in {:.2}s.",
                        engine.info().product_count,
                        started.elapsed().as_secs_f64()
                    );
                }
                return Ok(engine);
            }
            Err(Error::ImportRunning { .. }) if started.elapsed() < Duration::from_secs(600) => {
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(err) => {
                return Err(err)
                    .with_context(|| format!("cannot open the index in {}", index.display()));
            }
        }
    }
}

/// Raises this process's open-file limit to its hard limit (as Go and
/// nginx do): every connection is a file descriptor. Returns the soft limit
/// now in force, if known.
fn raise_open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit/setrlimit only read and write the struct passed.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return None;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: limit.rlim_max,
                    rlim_max: limit.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit = raised;
                }
            }
        }
        Some(limit.rlim_cur)
    }
    #[cfg(not(unix))]
    None
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

/// The synonyms file to use: the one named, which must exist, else the
/// index directory's (which may appear later).
pub(super) fn synonyms_file(named: Option<&Path>, index: &Path) -> anyhow::Result<PathBuf> {
    match named {
        Some(path) if !path.is_file() => {
            anyhow::bail!("the synonyms file {} does not exist", path.display())
        }
        Some(path) => Ok(path.to_path_buf()),
        None => Ok(index.join(defaults::SYNONYMS_FILE)),
    }
}

/// Where the demand log goes: `None` when it is off.
fn demand_dir(args: &ServeArgs) -> Option<PathBuf> {
    match args.demand_log.as_deref().map(str::trim) {
        Some(off) if off.eq_ignore_ascii_case("off") => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => Some(args.index.join(defaults::DEMAND_LOG_DIR)),
    }
}

/// Where and how this replica logs demand, resolved from the flags.
struct DemandSettings {
    dir: Option<PathBuf>,
    /// Asked for by flag (then it must open).
    explicit: bool,
    key: Option<PathBuf>,
    max_bytes: u64,
}

/// Opens the demand log of this replica (named after the host and port).
/// A log asked for by flag must open; the default one is skipped with a
/// warning when its directory is not writable (a read-only index).
fn open_demand_log(
    settings: &DemandSettings,
    port: u16,
) -> anyhow::Result<Option<Arc<crate::insights::DemandLog>>> {
    let Some(dir) = &settings.dir else {
        return Ok(None);
    };
    let mut config = crate::insights::DemandLogConfig::new(dir, &format!("serve-{port}"));
    config.key_file = settings.key.clone();
    config.max_bytes = settings.max_bytes;
    match crate::insights::DemandLog::open(&config) {
        Ok(log) => {
            tracing::info!("demand log: {}", log.path().display());
            Ok(Some(Arc::new(log)))
        }
        Err(err) if !settings.explicit => {
            tracing::warn!(%err, "no demand log (pass --demand-log DIR to choose where)");
            Ok(None)
        }
        Err(err) => Err(err).context("cannot open the demand log"),
    }
}

/// Runs `vitrine serve`.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    init_logging();
    let admin = match args.admin_token.as_deref().map(str::trim) {
        Some(token) if token.chars().count() < crate::server::config::MIN_ADMIN_TOKEN_CHARS => {
            anyhow::bail!(
                "--admin-token needs at least {} characters (e.g. `openssl rand -hex 16`)",
                crate::server::config::MIN_ADMIN_TOKEN_CHARS
            )
        }
        Some(token) => Some(crate::server::AdminConfig {
            token: token.to_string(),
            // The replicas' logs: this one's directory, or where they log by default.
            logs: vec![
                demand_dir(&args).unwrap_or_else(|| args.index.join(defaults::DEMAND_LOG_DIR)),
            ],
        }),
        None => None,
    };
    let demand = DemandSettings {
        dir: demand_dir(&args),
        explicit: args.demand_log.is_some(),
        key: args.demand_key.clone(),
        max_bytes: args.demand_log_max_mb.max(1) * 1024 * 1024,
    };
    let synonyms = synonyms_file(args.synonyms.as_deref(), &args.index)?;
    let engine = open_engine(&args.index, &args.catalog)?
        .with_synonyms(&synonyms)
        .with_context(|| format!("cannot read the synonyms in {}", synonyms.display()))?;
    for issue in engine.synonym_issues() {
        tracing::warn!("synonyms: {issue}");
    }
    let engine = Arc::new(engine);
    let config = ServerConfig {
        rate_limit_per_minute: args.rate_limit.0,
        new_sessions_per_minute: args.new_sessions_per_minute.0,
        turns_per_session_per_minute: args.turns_per_session.0,
        max_concurrent_requests: args.max_concurrent.max(1),
        request_timeout: Duration::from_secs(args.request_timeout.max(1)),
        allowed_origins: args.allow_origins,
        session_ttl: Duration::from_secs(args.session_ttl.max(1)),
        max_sessions: args.max_sessions.max(1),
        trusted_proxies: TrustedProxies::new(args.trusted_proxies),
        log_summary_interval: Duration::from_secs(args.log_summary.max(1)),
        admin,
        ..ServerConfig::default()
    };
    let mut limits = ConnectionLimits {
        header_read_timeout: Duration::from_secs(args.header_timeout.max(1)),
        max_connections: args.max_connections.max(1),
        max_connections_per_address: args.max_connections_per_address.max(1),
        ..ConnectionLimits::default()
    };
    if let Some(files) = raise_open_file_limit() {
        // Keep descriptors for the index files, Redis and the log.
        let usable = usize::try_from(files.saturating_sub(256)).unwrap_or(usize::MAX);
        if limits.max_connections > usable {
            tracing::warn!(
                open_files = files,
                "--max-connections {} lowered to {usable}: the open-file limit is {files}",
                limits.max_connections
            );
            limits.max_connections = usable.max(1);
        }
    }
    let sessions = args.sessions.trim().to_string();
    // Turns run on the blocking pool and are CPU-bound: more threads than
    // twice the cores only time-slice them, and each thread keeps its own
    // allocator heap.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads((2 * cores).max(4))
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let store: Arc<dyn SessionStore> = if sessions.eq_ignore_ascii_case("memory") {
            Arc::new(MemorySessionStore::new(config.session_ttl, config.max_sessions))
        } else if sessions.starts_with("redis://") || sessions.starts_with("rediss://") {
            let store = RedisSessionStore::open(
                &sessions,
                config.session_ttl,
                config.session_store_timeout,
            )
            .map_err(anyhow::Error::msg)?;
            if let Err(err) = store.check().await {
                tracing::warn!(%err, "Redis is not reachable yet: chat answers 503 sessions_unavailable until it is");
            }
            Arc::new(store)
        } else {
            anyhow::bail!("--sessions must be `memory` or a redis:// URL, got `{sessions}`");
        };
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        let info = engine.info();
        tracing::info!(
            products = info.product_count,
            index_version = info.version,
            sessions = store.kind(),
            "serving {}",
            args.index.display()
        );
        // A closed stdout ends `serve` quietly (see `cli::main`), not with a panic.
        std::io::Write::write_fmt(
            &mut std::io::stdout(),
            format_args!(
                "Vitrine is serving {} products at http://{local}/\n",
                info.product_count
            ),
        )?;
        let reload = tokio::spawn(server::reload_loop(engine.clone(), Duration::from_secs(1)));
        let demand = open_demand_log(&demand, local.port())?;
        let mut state = AppState::with_store(engine, store, config);
        if let Some(log) = &demand {
            state = state.with_demand_log(Arc::clone(log));
        }
        server::serve(listener, state, limits, server::shutdown_signal()).await?;
        reload.abort();
        if let Some(log) = demand {
            log.close();
            let stats = log.stats();
            if stats.dropped + stats.failed > 0 {
                tracing::warn!(
                    logged = stats.written,
                    dropped = stats.dropped,
                    failed = stats.failed,
                    "demand log: some turns were not logged"
                );
            }
        }
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() {
        assert_eq!(parse_rate("60/min").unwrap().0, Some(60));
        assert_eq!(parse_rate("5").unwrap().0, Some(5));
        assert_eq!(parse_rate("off").unwrap().0, None);
        assert!(parse_rate("0/min").is_err());
        assert!(parse_rate("x/min").is_err());
        // Defaults print as they parse.
        let default = RateArg(Some(defaults::TURNS_PER_SESSION_PER_MINUTE));
        assert_eq!(parse_rate(&default.to_string()), Ok(default));
        assert_eq!(parse_rate(&RateArg(None).to_string()), Ok(RateArg(None)));
    }

    #[test]
    fn built_in_demos_are_the_checkout_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        for (name, bytes) in EMBEDDED_DEMOS {
            assert_eq!(std::fs::read(root.join(name)).unwrap(), bytes, "{name}");
        }
    }

    #[test]
    fn a_missing_demo_catalog_is_imported_from_the_built_in_copy() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        let missing = dir.path().join("nowhere").join("demo-pt.csv");
        let engine = open_engine(&index, &missing).unwrap();
        assert!(engine.info().product_count > 100);
        assert_eq!(engine.info().currency, "BRL");
        // Served again without importing: no new generation.
        let again = open_engine(&index, &missing).unwrap();
        assert_eq!(again.info().version, engine.info().version);
        // Another missing file is an error that names it.
        let err = open_engine(&dir.path().join("i2"), &dir.path().join("mine.csv"))
            .err()
            .unwrap();
        assert!(format!("{err:#}").contains("mine.csv"), "{err:#}");
    }
}
