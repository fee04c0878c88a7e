//! `vitrine serve`: the chat API, the store page and the widget over HTTP.
//!
//! Resolves the arguments into a [`ServerConfig`], imports the demo catalog
//! when the index is empty (first start on a fresh checkout), opens the
//! engine, reloads it when an import swaps in a new index, and serves until
//! Ctrl-C or SIGTERM.

use crate::Engine;
use crate::server::{self, AppState, ConnectionLimits, ServerConfig};
use anyhow::Context;
use clap::Args;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Arguments of `vitrine serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The index directory.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Catalog imported first when the index directory is empty.
    #[arg(long, default_value = "catalog/demo.csv")]
    pub catalog: PathBuf,
    /// An origin allowed to call the API from the browser (CORS), e.g.
    /// `https://shop.example`. Repeat for several; none by default.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,
    /// Requests per minute per client IP on the chat and product routes:
    /// `N/min`, `N`, or `off`.
    #[arg(long, default_value = "120/min", value_parser = parse_rate)]
    pub rate_limit: RateArg,
    /// Most sessions kept in memory (least recently used evicted).
    #[arg(long, default_value_t = 100_000)]
    pub max_sessions: usize,
    /// Seconds of inactivity after which a session is forgotten.
    #[arg(long, default_value_t = 1_800)]
    pub session_ttl: u64,
    /// Chat/product requests served at once; more are answered 503.
    #[arg(long, default_value_t = 64)]
    pub max_concurrent: usize,
    /// Seconds one chat/product request may take (body upload included).
    #[arg(long, default_value_t = 10)]
    pub request_timeout: u64,
    /// Seconds a client has to send request headers (and longest keep-alive idle time).
    #[arg(long, default_value_t = 10)]
    pub header_timeout: u64,
    /// Most open connections.
    #[arg(long, default_value_t = 1_024)]
    pub max_connections: usize,
}

/// A parsed `--rate-limit`: requests per minute, or `None` for off.
#[derive(Debug, Clone, Copy)]
pub struct RateArg(pub Option<u32>);

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

/// True when `dir` holds no published index yet.
fn index_is_empty(dir: &Path) -> bool {
    !matches!(crate::index::layout::live_generation(dir), Ok(Some(_)))
}

fn import_catalog(csv: &Path, index: &Path) -> anyhow::Result<()> {
    eprintln!(
        "No index in {}: importing {} first...",
        index.display(),
        csv.display()
    );
    let summary = crate::index::import(csv, index, &crate::index::ImportOptions::default())
        .map_err(|e| anyhow::anyhow!("cannot import {}: {e}", csv.display()))?;
    eprintln!(
        "Imported {} products ({} rows skipped) in {:.2}s.",
        summary.indexed,
        summary.errors.len(),
        summary.elapsed.as_secs_f64()
    );
    Ok(())
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

/// Runs `vitrine serve`.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    init_logging();
    if index_is_empty(&args.index) {
        import_catalog(&args.catalog, &args.index)?;
    }
    let engine = Engine::open(&args.index)
        .with_context(|| format!("cannot open the index in {}", args.index.display()))?;
    let engine = Arc::new(engine);
    let config = ServerConfig {
        rate_limit_per_minute: args.rate_limit.0,
        max_concurrent_requests: args.max_concurrent.max(1),
        request_timeout: Duration::from_secs(args.request_timeout.max(1)),
        allowed_origins: args.allow_origins,
        session_ttl: Duration::from_secs(args.session_ttl.max(1)),
        max_sessions: args.max_sessions.max(1),
        ..ServerConfig::default()
    };
    let limits = ConnectionLimits {
        header_read_timeout: Duration::from_secs(args.header_timeout.max(1)),
        max_connections: args.max_connections.max(1),
        ..ConnectionLimits::default()
    };
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
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        let info = engine.info();
        tracing::info!(
            products = info.product_count,
            index_version = info.version,
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
        let app = server::router(AppState::new(engine, config));
        server::serve(listener, app, limits, server::shutdown_signal()).await?;
        reload.abort();
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
    }
}
