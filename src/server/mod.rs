//! The HTTP front end: the JSON chat API, the demo store page and the
//! embeddable widget, with the limits that keep one process healthy under
//! abuse.
//!
//! [`router`] builds the whole application from an [`AppState`]; [`serve`]
//! runs it on a listener with connection-level protections and graceful
//! shutdown. Routes:
//!
//! | route | what |
//! | --- | --- |
//! | `POST /api/chat` | one conversational turn ([`api::ChatRequest`] → [`api::ChatResponse`]) |
//! | `GET /api/products/{id}` | one product, every attribute |
//! | `GET /api/health` | `{"status":"ok","products":N,"index_version":V}` |
//! | `GET /api/openapi.json` | the OpenAPI 3 document |
//! | `GET /`, `/store.css`, `/widget.js`, `/widget.css` | the store page and the widget |
//! | `GET /demo/images/{name}` | the demo catalogs' product pictures |
//!
//! Limits: bodies over 16 KiB (`413`), messages over 2,000 characters
//! (`400`), a per-IP token bucket (`429` + `Retry-After`), a global
//! concurrency limit on the engine routes that sheds load (`503` +
//! `Retry-After`), a per-request timeout that includes reading the body
//! (`504`), a header read timeout and a connection cap in [`serve`]. A panic
//! in a handler becomes a JSON `500`. Knows nothing of tantivy.

pub mod api;
mod assets;
pub mod error;
mod extract;
pub mod limits;
pub mod openapi;
mod routes;
pub mod sessions;

pub use error::ApiError;
pub use sessions::{MemorySessionStore, SessionStore};

use crate::Engine;
use axum::Router;
use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{ConnectInfo, DefaultBodyLimit};
use axum::http::{HeaderName, HeaderValue, Method, Request, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Settings of the HTTP server. Defaults live in [`ServerConfig::default`].
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Longest accepted chat message, in characters (default 2,000).
    pub max_message_chars: usize,
    /// Requests per minute per client IP on the engine routes; `None` = unlimited (default 120).
    pub rate_limit_per_minute: Option<u32>,
    /// Engine requests served at once before new ones are shed with `503` (default 64).
    pub max_concurrent_requests: usize,
    /// Longest time one engine request may take, body upload included (default 10 s).
    pub request_timeout: Duration,
    /// Origins allowed to call the API from a browser (CORS); none by default.
    pub allowed_origins: Vec<String>,
    /// Idle time after which a session is forgotten (default 30 min).
    pub session_ttl: Duration,
    /// Most sessions kept in memory; the least recently used is evicted (default 100,000).
    pub max_sessions: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_message_chars: 2_000,
            rate_limit_per_minute: Some(120),
            max_concurrent_requests: 64,
            request_timeout: Duration::from_secs(10),
            allowed_origins: Vec::new(),
            session_ttl: Duration::from_secs(30 * 60),
            max_sessions: 100_000,
        }
    }
}

/// What every handler shares. Cheap to clone (a few `Arc`s).
#[derive(Debug, Clone)]
pub struct AppState {
    /// The engine answering messages.
    pub engine: Arc<Engine>,
    /// Where sessions live between requests.
    pub sessions: Arc<dyn SessionStore>,
    /// The per-client rate limiter, if enabled.
    pub rate_limiter: Option<Arc<limits::RateLimiter>>,
    /// The settings.
    pub config: Arc<ServerConfig>,
}

impl AppState {
    /// State for `engine` with an in-memory session store sized by `config`.
    pub fn new(engine: Arc<Engine>, config: ServerConfig) -> Self {
        let sessions = Arc::new(MemorySessionStore::new(
            config.session_ttl,
            config.max_sessions,
        ));
        AppState::with_store(engine, sessions, config)
    }

    /// State with a given session store.
    pub fn with_store(
        engine: Arc<Engine>,
        sessions: Arc<dyn SessionStore>,
        config: ServerConfig,
    ) -> Self {
        AppState {
            engine,
            sessions,
            rate_limiter: config
                .rate_limit_per_minute
                .map(|n| Arc::new(limits::RateLimiter::new(n))),
            config: Arc::new(config),
        }
    }
}

fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".to_string());
    ApiError::Internal(format!("handler panicked: {detail}")).into_response()
}

fn cors_layer(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE])
            .max_age(Duration::from_secs(3600)),
    )
}

/// The whole application: routes, fallbacks and protective layers.
pub fn router(state: AppState) -> Router {
    let config = state.config.clone();
    let engine_routes = Router::new()
        .route("/api/chat", post(routes::chat))
        .route("/api/products/{id}", get(routes::product))
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    limits::rate_limit,
                ))
                .layer(HandleErrorLayer::new(limits::layer_error))
                .load_shed()
                .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
                    config.max_concurrent_requests.max(1),
                ))
                .timeout(config.request_timeout),
        );
    let app = Router::new()
        .route("/api/health", get(routes::health))
        .route("/api/openapi.json", get(routes::openapi_json))
        .route("/", get(assets::index_html))
        .route("/widget.js", get(assets::widget_js))
        .route("/widget.css", get(assets::widget_css))
        .route("/store.css", get(assets::store_css))
        .route("/demo/images/{name}", get(assets::demo_image))
        .merge(engine_routes)
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state);
    let app = match cors_layer(&config.allowed_origins) {
        Some(cors) => app.layer(cors),
        None => app,
    };
    let request_id = HeaderName::from_static("x-request-id");
    app.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path())
                })
                .on_response(
                    tower_http::trace::DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Millis),
                ),
            )
            .layer(PropagateRequestIdLayer::new(request_id))
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            )),
    )
}

/// Connection-level limits of [`serve`].
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// Time a client has to send a request's headers, and longest idle time
    /// of a keep-alive connection between requests (default 10 s). A new
    /// connection also has this long to send its first bytes. Defends
    /// against slow-header (slowloris) and half-open clients.
    pub header_read_timeout: Duration,
    /// Most open connections; more are accepted and closed at once, without
    /// a response (default 1,024). A slot is freed when its connection ends.
    pub max_connections: usize,
    /// How long shutdown waits for requests in flight (default 10 s).
    pub shutdown_grace: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(10),
            max_connections: 1_024,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then stops
/// accepting, lets requests in flight finish (up to the grace period) and
/// returns.
///
/// Unlike `axum::serve`, this sets hyper's header read timeout (axum's
/// `serve` configures no timer, so a client could hold a connection open by
/// sending headers one byte at a time) and caps the number of connections.
/// Slow request *bodies* are cut by the per-request timeout of [`router`].
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use tower::ServiceExt;

    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(64)
        .keep_alive_interval(Some(Duration::from_secs(30)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let header_read_timeout = limits.header_read_timeout;
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    // Tells connections still waiting for their first bytes that shutdown began.
    let (stopping_tx, stopping_rx) = tokio::sync::watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: back off briefly.
                    tracing::warn!(%err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tracing::warn!(%peer, "connection limit reached; closing new connection");
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = app
            .clone()
            .map_request(move |mut req: Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(peer));
                req.map(Body::new)
            });
        let service = hyper_util::service::TowerToHyperService::new(service);
        let builder = builder.clone();
        // Subscribed here, before any shutdown signal, so no connection is missed.
        let watcher = graceful.watcher();
        let mut stopping = stopping_rx.clone();
        tokio::spawn(async move {
            let first_bytes = tokio::select! {
                arrived = tokio::time::timeout(
                    header_read_timeout,
                    protocol_bytes_arrived(&stream),
                ) => arrived.unwrap_or(false),
                _ = stopping.wait_for(|stop| *stop) => false,
            };
            if !first_bytes {
                tracing::debug!(%peer, "no request within the header read timeout; closing");
                drop(permit);
                return;
            }
            let connection = builder
                .serve_connection_with_upgrades(TokioIo::new(stream), service)
                .into_owned();
            if let Err(err) = watcher.watch(connection).await {
                tracing::debug!(%peer, %err, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    let _ = stopping_tx.send(true);
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(limits.shutdown_grace) => {
            tracing::warn!("shutdown grace period over; closing remaining connections");
        }
    }
    Ok(())
}

/// The HTTP/2 connection preface (RFC 9113, section 3.4).
const H2_PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

/// Waits until `stream` has sent enough bytes to tell HTTP/1 from HTTP/2:
/// one byte that leaves the HTTP/2 preface, or the whole preface. False on
/// end of stream or error.
///
/// hyper-util's protocol detection reads these bytes with no timeout, and
/// hyper's header read timeout only starts after it, so without this wait
/// (under [`ConnectionLimits::header_read_timeout`]) a client that connects
/// and sends nothing would hold a connection slot forever.
async fn protocol_bytes_arrived(stream: &tokio::net::TcpStream) -> bool {
    let mut buf = [0u8; 24];
    loop {
        match stream.peek(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(n) if n >= H2_PREFACE.len() || buf[..n] != H2_PREFACE[..n] => return true,
            // A prefix of the HTTP/2 preface: `peek` would return at once
            // with the same bytes, so wait a little for the rest.
            Ok(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(%err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(%err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Calls [`Engine::reload_if_changed`] every `every` on the blocking pool,
/// so a new import is served without a restart. Runs until the task is
/// aborted or the runtime stops.
pub async fn reload_loop(engine: Arc<Engine>, every: Duration) {
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let reloading = engine.clone();
        match tokio::task::spawn_blocking(move || reloading.reload_if_changed()).await {
            Ok(Ok(true)) => {
                let info = engine.info();
                tracing::info!(
                    version = info.version,
                    products = info.product_count,
                    "index reloaded"
                );
            }
            Ok(Ok(false)) => {}
            Ok(Err(err)) => {
                tracing::warn!(%err, "index reload failed; still serving the previous one");
            }
            Err(err) => tracing::error!(%err, "index reload task failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_becomes_a_json_500() {
        async fn boom() -> &'static str {
            panic!("secret detail")
        }
        let app = Router::new()
            .route("/boom", get(boom))
            .layer(CatchPanicLayer::custom(panic_response));
        let response = app
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"error": {"code": "internal", "message": "Something went wrong on our side."}})
        );
    }
}
