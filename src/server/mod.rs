//! The HTTP front end: the JSON chat API, the demo store page and the
//! embeddable widget, with the limits that keep it healthy under abuse
//! without throttling its customers.
//!
//! [`router`] builds the whole application from an [`AppState`]; [`serve`]
//! runs it on a listener with connection-level protections and graceful
//! shutdown. Routes:
//!
//! | route | what |
//! | --- | --- |
//! | `POST /api/chat` | one conversational turn ([`api::ChatRequest`] → [`api::ChatResponse`]) |
//! | `GET /api/products/{id}` | one product, every attribute |
//! | `GET /api/welcome` | what a chat opens with: a greeting with an example of the catalog's, first suggestions |
//! | `GET /api/health` | what is served: index generation, products, session store |
//! | `GET /api/openapi.json` | the OpenAPI 3 document |
//! | `GET /`, `/store.css`, `/widget.js`, `/widget.css` | the store page and the widget |
//! | `GET /demo/images/{name}` | the demo catalogs' product pictures |
//! | `GET /admin/insights` (`.json`, `.css`), `POST /admin/login`, `/admin/logout` | the merchant's demand insights, only with an admin token ([`admin`]) |
//!
//! Limits ([`limits`], [`listener`]): bodies over 16 KiB (`413`), messages
//! over 2,000 characters (`400`), new sessions per client address and turns
//! per session (`429` + `Retry-After`), an opt-in per-address request rate,
//! a global concurrency limit on the engine routes that sheds load (`503` +
//! `Retry-After`), a per-request timeout that includes reading the body
//! (`504`), and in [`serve`] header and idle timeouts and connection caps
//! per address and in all. Sessions live in a [`SessionStore`]: memory, or
//! Redis shared by replicas (`503 sessions_unavailable` while it is
//! unreachable). A panic in a handler becomes a JSON `500`; every error,
//! hyper's own included, is `{"error": {"code", "message"}}`. Each
//! answered turn is handed to the demand log, when there is one
//! ([`AppState::with_demand_log`], [`demand`]). Knows nothing of tantivy.

pub mod admin;
pub mod api;
mod assets;
pub mod client_addr;
pub mod config;
pub mod demand;
pub mod error;
mod extract;
mod limits;
mod listener;
mod openapi;
mod raw_errors;
mod routes;
pub mod sessions;
mod stamp;
mod summary;

pub use client_addr::{Cidr, TrustedProxies};
pub use config::{AdminConfig, ConnectionLimits, ServerConfig, defaults};
pub use demand::{InsightsQuery, insights_report, turn_facts};
pub use error::ApiError;
pub use listener::serve;
pub use sessions::{MemorySessionStore, RedisSessionStore, SessionStore};

use crate::engine::Engine;
use axum::Router;
use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Method, Request, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

/// What every handler shares: one `Arc`, so the clones axum makes per
/// request (the state extractor, middleware) are one reference count each,
/// not one per field.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Shared>);

/// The contents of [`AppState`].
#[derive(Debug, Clone)]
pub struct Shared {
    /// The engine answering messages.
    pub engine: Arc<Engine>,
    /// Where sessions live between requests.
    pub sessions: Arc<dyn SessionStore>,
    /// The opt-in per-address request rate limiter.
    rate_limiter: Option<Arc<limits::RateLimiter>>,
    /// New sessions per client address.
    new_sessions: Option<Arc<limits::RateLimiter>>,
    /// Counters for the periodic summary line.
    summary: Arc<summary::Summary>,
    /// Where each answered turn is logged for the merchant's insights.
    pub demand: Option<Arc<crate::insights::DemandLog>>,
    /// The admin insights page, when there is an admin token.
    admin: Option<Arc<admin::Admin>>,
    /// The settings.
    pub config: Arc<ServerConfig>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
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
        AppState(Arc::new(Shared {
            engine,
            sessions,
            rate_limiter: config
                .rate_limit_per_minute
                .map(|n| Arc::new(limits::RateLimiter::new(n))),
            new_sessions: config
                .new_sessions_per_minute
                .map(|n| Arc::new(limits::RateLimiter::new(n))),
            summary: Arc::default(),
            demand: None,
            admin: config
                .admin
                .as_ref()
                .map(|a| Arc::new(admin::Admin::new(a))),
            config: Arc::new(config),
        }))
    }

    /// The state with every answered turn handed to `log`.
    pub fn with_demand_log(self, log: Arc<crate::insights::DemandLog>) -> Self {
        let mut shared = Arc::unwrap_or_clone(self.0);
        shared.demand = Some(log);
        AppState(Arc::new(shared))
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
                .layer(HandleErrorLayer::new(limits::layer_error))
                .load_shed()
                .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
                    config.max_concurrent_requests.max(1),
                ))
                .timeout(config.request_timeout),
        );
    // The opt-in per-address rate, outside the load shedding; not in the
    // path at all when it is off (the default).
    let engine_routes = match state.rate_limiter {
        Some(_) => engine_routes.layer(axum::middleware::from_fn_with_state(
            state.clone(),
            limits::rate_limit,
        )),
        None => engine_routes,
    };
    let summary = Arc::clone(&state.summary);
    let admin_routes = match state.admin {
        Some(_) => admin::routes(),
        None => Router::new(),
    };
    let app = Router::new()
        .route("/api/health", get(routes::health))
        .route("/api/welcome", get(routes::welcome))
        .route("/api/openapi.json", get(openapi::openapi_json))
        .route("/", get(assets::index_html))
        .route("/widget.js", get(assets::widget_js))
        .route("/widget.css", get(assets::widget_css))
        .route("/store.css", get(assets::store_css))
        .route("/demo/images/{name}", get(assets::demo_image))
        .merge(engine_routes)
        .merge(admin_routes)
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(defaults::MAX_BODY_BYTES))
        .with_state(state);
    let app = match cors_layer(&config.allowed_origins) {
        Some(cors) => app.layer(cors),
        None => app,
    };
    // Innermost first: a panic becomes a JSON 500 inside the trace span,
    // and the stamp (request id, security headers, the summary's count)
    // sees every response, the panic's included.
    let app = app.layer(CatchPanicLayer::custom(panic_response));
    // Requests are logged at `debug` (`RUST_LOG=vitrine=debug,tower_http=debug`);
    // at the default level the summary line counts them, and the trace
    // layer is left out of the path altogether.
    let app = if tracing::enabled!(target: "tower_http::trace", tracing::Level::DEBUG) {
        app.layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<Body>| {
                    let id = req
                        .headers()
                        .get(&stamp::REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::debug_span!("request", id, method = %req.method(), path = %req.uri().path())
                })
                .on_response(
                    tower_http::trace::DefaultOnResponse::new()
                        .level(tracing::Level::DEBUG)
                        .latency_unit(tower_http::LatencyUnit::Millis),
                ),
        )
    } else {
        app
    };
    app.layer(stamp::StampLayer::new(summary))
}

/// Completes on Ctrl-C or, on Unix, SIGTERM. The handlers are installed
/// when this is called (inside the runtime), not when the future is first
/// polled: the accept loop may answer requests before it polls it, and a
/// SIGTERM arriving then would kill the process without its graceful stop
/// (the demand log's last turns unwritten).
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let (interrupt, terminate) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let wait = |installed: std::io::Result<tokio::signal::unix::Signal>,
                        name: &'static str| async move {
                match installed {
                    Ok(mut signal) => {
                        signal.recv().await;
                    }
                    Err(err) => {
                        tracing::error!(%err, "cannot listen for {name}");
                        std::future::pending::<()>().await;
                    }
                }
            };
            tokio::select! {
                () = wait(interrupt, "Ctrl-C") => {},
                () = wait(terminate, "SIGTERM") => {},
            }
        }
        #[cfg(not(unix))]
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(%err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutting down");
    }
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
