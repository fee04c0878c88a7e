//! What the HTTP tests share: a real server on an ephemeral loopback port,
//! on its own tokio runtime in a thread, stopped gracefully on drop; test
//! indexes; the open-file limit.
// Each test file uses some of these.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use vitrine::Engine;
use vitrine::server::{AppState, ConnectionLimits, ServerConfig, router};

/// A server running on its own thread over the index in `index`.
pub struct TestServer {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _index: tempfile::TempDir,
}

impl TestServer {
    /// Serves the index in `index` with `config`. With `limits`, runs
    /// `vitrine::server::serve` (header read timeout, connection cap)
    /// instead of `axum::serve`.
    pub fn serve(
        index: tempfile::TempDir,
        config: ServerConfig,
        limits: Option<ConnectionLimits>,
    ) -> TestServer {
        let engine = Arc::new(Engine::open(index.path()).expect("open test index"));
        TestServer::with_state(index, AppState::new(engine, config), limits)
    }

    /// Serves `state` (built over the index in `index`).
    pub fn with_state(
        index: tempfile::TempDir,
        state: AppState,
        limits: Option<ConnectionLimits>,
    ) -> TestServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let shutdown = async {
                    let _ = stopped.await;
                };
                match limits {
                    Some(limits) => vitrine::server::serve(listener, state, limits, shutdown)
                        .await
                        .unwrap(),
                    None => axum::serve(
                        listener,
                        router(state).into_make_service_with_connect_info::<SocketAddr>(),
                    )
                    .with_graceful_shutdown(shutdown)
                    .await
                    .unwrap(),
                }
            });
        });
        TestServer {
            addr,
            stop: Some(stop),
            thread: Some(thread),
            _index: index,
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A fresh index of `csv` (the catalog's text) in a temporary directory,
/// imported as `vitrine import` would.
pub fn index_of(csv: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.csv");
    std::fs::write(&path, csv).expect("write catalog");
    let index = tempfile::tempdir().expect("temp dir");
    vitrine::index::import(
        &path,
        index.path(),
        &vitrine::index::ImportOptions::default(),
    )
    .expect("import test catalog");
    index
}

/// Raises this process's open-file limit to its hard limit, for tests that
/// hold many sockets.
pub fn raise_open_file_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read and write the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// A set of product ids, for comparing with what a turn shows.
pub fn ids(list: &[&str]) -> std::collections::BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// One conversation through `Engine::turn`: the ids each message showed
/// (up to 20), and the reply.
pub fn conversation(
    engine: &Engine,
    messages: &[&str],
) -> Vec<(std::collections::BTreeSet<String>, String)> {
    let mut session = vitrine::Session::default();
    messages
        .iter()
        .map(|message| {
            let turn = engine
                .turn(&mut session, message, 20)
                .unwrap_or_else(|e| panic!("{message}: {e}"));
            let shown = turn.products.iter().map(|p| p.id.clone()).collect();
            (shown, turn.reply)
        })
        .collect()
}

/// The brands of the index in `dir`, as written: its brand cells, or what
/// the import learned from titles and categories.
pub fn brands(dir: &std::path::Path) -> Vec<String> {
    values(dir, "brand")
}

/// The values of the facet `name` of the index in `dir`, most frequent
/// first.
pub fn values(dir: &std::path::Path, name: &str) -> Vec<String> {
    let index = vitrine::index::ProductIndex::open(dir).expect("open the index");
    index
        .vocabulary()
        .values(name)
        .iter()
        .map(|v| v.value.clone())
        .collect()
}

/// The facets of the index in `dir`: what shoppers can filter on.
pub fn facet_names(dir: &std::path::Path) -> Vec<String> {
    let index = vitrine::index::ProductIndex::open(dir).expect("open the index");
    index.vocabulary().facets.keys().cloned().collect()
}
