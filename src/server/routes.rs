//! The API handlers: parse and validate, load the session, run the engine
//! on the blocking pool, save the session, answer JSON. Each is documented
//! for OpenAPI with every status it (or the layers in front of it) can
//! answer. The OpenAPI document itself is served by [`super::openapi`].

use super::AppState;
use super::api::{
    ChatRequest, ChatResponse, Health, ProductDetail, SessionsHealth, Welcome, WelcomeQuery,
};
use super::config::defaults::{MAX_PRODUCTS_PER_ANSWER, PRODUCTS_PER_ANSWER};
use super::error::{ApiError, ErrorBody};
use super::extract::ApiJson;
use super::limits::ClientIp;
use super::sessions::{SessionRecord, StoreError, new_session_id};
use super::summary::Refusal;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// Default number of products per answer.
const DEFAULT_LIMIT: usize = PRODUCTS_PER_ANSWER;
/// Largest `limit` accepted.
const MAX_LIMIT: u64 = MAX_PRODUCTS_PER_ANSWER as u64;

/// `limit` as a count. Like JSON Schema's `integer`, a number with a zero
/// fraction (`10.0`) is an integer.
fn validate_limit(limit: Option<&serde_json::Value>) -> Result<usize, ApiError> {
    match limit {
        None | Some(serde_json::Value::Null) => Ok(DEFAULT_LIMIT),
        Some(value) => value
            .as_u64()
            .or_else(|| {
                value
                    .as_f64()
                    .filter(|f| f.fract() == 0.0 && (1.0..=MAX_LIMIT as f64).contains(f))
                    // In 1..=100 with no fraction: the cast is exact.
                    .map(|f| f as u64)
            })
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .and_then(|n| usize::try_from(n).ok())
            .ok_or(ApiError::InvalidLimit),
    }
}

fn validate_message(message: &str, max_chars: usize) -> Result<(), ApiError> {
    if message.trim().is_empty() {
        return Err(ApiError::EmptyMessage);
    }
    if message.chars().count() > max_chars {
        return Err(ApiError::MessageTooLong { max: max_chars });
    }
    Ok(())
}

/// One conversational turn.
#[utoipa::path(
    post,
    path = "/api/chat",
    tag = "chat",
    request_body = ChatRequest,
    responses(
        (status = 200, description = "The assistant's answer", body = ChatResponse),
        (status = 400, description = "`invalid_json`, `invalid_request`, `empty_message`, `message_too_long` or `invalid_limit`", body = ErrorBody),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: body over 16 KiB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not `application/json`", body = ErrorBody),
        (status = 429, description = "`session_rate_limited`: this conversation sent more than the turns allowed per minute; \
`new_session_rate_limited`: this address started more than the new conversations allowed per minute; \
`rate_limited`: over the opt-in per-address request rate", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 500, description = "`internal`", body = ErrorBody),
        (status = 503, description = "`overloaded`: at the concurrency limit; `sessions_unavailable`: the session store (Redis) is unreachable", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 504, description = "`timeout`: over the per-request timeout", body = ErrorBody),
    )
)]
pub async fn chat(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(request): ApiJson<ChatRequest>,
) -> Result<Response, ApiError> {
    validate_message(&request.message, state.config.max_message_chars)?;
    let limit = validate_limit(request.limit.as_ref())?;
    let known = match request.session_id.as_deref() {
        // Ids are ours: anything else cannot name a session, and is not
        // worth a round trip to the store.
        Some(id) if is_session_id(id) => state
            .sessions
            .load(id)
            .await
            .map_err(|e| unavailable(&state, e))?
            .map(|record| (id.to_string(), record)),
        _ => None,
    };
    let (session_id, mut record) = match known {
        Some(found) => found,
        None => {
            if let Some(limiter) = &state.new_sessions
                && let Err(retry_after) = limiter.check(client)
            {
                state
                    .summary
                    .refused(Refusal::NewSessionLimited, Some(client));
                return Err(ApiError::NewSessionRateLimited { retry_after });
            }
            let id = new_session_id().map_err(|e| ApiError::Internal(e.to_string()))?;
            (id, SessionRecord::default())
        }
    };
    if let Some(per_minute) = state.config.turns_per_session_per_minute
        && let Err(retry_after) = record.budget.take(per_minute, unix_ms())
    {
        state
            .summary
            .refused(Refusal::SessionTurnLimited, Some(client));
        return Err(ApiError::SessionRateLimited { retry_after });
    }
    // The turn runs here, on the runtime's worker thread (one per core),
    // not on the blocking pool: it is short CPU work (median ~80 µs at
    // 100k products), and handing it to another thread and back cost more
    // than the turn itself in context switches and cross-thread frees
    // (BENCHMARKS.md, "The HTTP path"). While it runs, the other workers
    // go on serving connections.
    if let Some(lang) = request.language.as_deref().and_then(crate::Lang::from_tag) {
        record.session.client_lang = Some(lang);
    }
    let answer = state
        .engine
        .turn(&mut record.session, &request.message, limit)
        .map(|turn| {
            if let Some(log) = &state.demand {
                log.record(&session_id, super::demand::turn_facts(&turn));
            }
            let currency = state.engine.info().currency;
            ChatResponse::from_turn(String::new(), turn, &currency)
        });
    let mut answer = answer?;
    state
        .sessions
        .save(&session_id, record)
        .await
        .map_err(|e| unavailable(&state, e))?;
    answer.session_id = session_id;
    Ok(json_answer(&answer))
}

/// `value` as a JSON response, serialised into a buffer sized for a chat
/// answer (axum's `Json` starts at 128 bytes and grows several times).
fn json_answer<T: serde::Serialize>(value: &T) -> Response {
    let mut body = Vec::with_capacity(8 * 1024);
    match serde_json::to_writer(&mut body, value) {
        Ok(()) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(err) => {
            ApiError::Internal(format!("cannot serialise the answer: {err}")).into_response()
        }
    }
}

/// True for what [`new_session_id`] makes: 32 lowercase hex characters.
fn is_session_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn unavailable(state: &AppState, err: StoreError) -> ApiError {
    let StoreError::Unavailable(detail) = err;
    state.summary.store_failed(&detail);
    ApiError::SessionsUnavailable
}

/// Milliseconds since the Unix epoch (0 for a clock before it).
fn unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// One product with all its attributes.
#[utoipa::path(
    get,
    path = "/api/products/{id}",
    tag = "catalog",
    params(("id" = String, Path, description = "The catalog's product id (URL-encoded)")),
    responses(
        (status = 200, description = "The product", body = ProductDetail),
        (status = 404, description = "`product_not_found` (also for an id that is not UTF-8 once decoded)", body = ErrorBody),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
        (status = 429, description = "`rate_limited`: over the opt-in per-address request rate", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 500, description = "`internal`", body = ErrorBody),
        (status = 503, description = "`overloaded`", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 504, description = "`timeout`", body = ErrorBody),
    )
)]
pub async fn product(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<ProductDetail>, ApiError> {
    let id = match id {
        Ok(Path(id)) => id,
        // Catalog ids are text: a percent-encoded id that does not decode
        // to UTF-8 names no product.
        Err(PathRejection::FailedToDeserializePathParams(rejection)) => {
            return Err(ApiError::ProductNotFound(rejection.body_text()));
        }
        Err(other) => return Err(ApiError::Internal(other.body_text())),
    };
    let engine = state.engine.clone();
    let lookup = id.clone();
    let found = tokio::task::spawn_blocking(move || engine.product(&lookup))
        .await
        .map_err(|e| ApiError::Internal(format!("product task failed: {e}")))??;
    let product = found.ok_or(ApiError::ProductNotFound(id))?;
    let currency = state.engine.info().currency;
    Ok(Json(ProductDetail::from_product(product, &currency)))
}

/// Liveness and what is being served: the index generation (the same on
/// every replica once each has reloaded) and the session store's state.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "service",
    responses(
        (status = 200, description = "The server is up (`status` says whether sessions can be kept)", body = Health),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
        (status = 500, description = "`internal`", body = ErrorBody),
    )
)]
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    let info = state.engine.info();
    let sessions_ok = state.sessions.check().await.is_ok();
    Json(Health {
        status: if sessions_ok { "ok" } else { "degraded" }.to_string(),
        products: info.product_count,
        index_version: info.version,
        currency: info.currency,
        sessions: SessionsHealth {
            store: state.sessions.kind().to_string(),
            available: sessions_ok,
        },
    })
}

/// What a chat opens with, in the shopper's language: a greeting showing a
/// request this catalog answers, and its main product types to start
/// with. The widget shows them before the first message.
#[utoipa::path(
    get,
    path = "/api/welcome",
    tag = "chat",
    params(WelcomeQuery),
    responses(
        (status = 200, description = "The greeting and first suggestions", body = Welcome),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
        (status = 500, description = "`internal`", body = ErrorBody),
    )
)]
pub async fn welcome(State(state): State<AppState>, RawQuery(query): RawQuery) -> Json<Welcome> {
    // Read by hand: any query string is accepted, an unknown one ignored.
    let asked = query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == "lang").then(|| value.to_ascii_lowercase())
        });
    let lang = asked
        .as_deref()
        .and_then(crate::Lang::from_tag)
        .unwrap_or(state.engine.info().language);
    let turn = state.engine.welcome(lang);
    Json(Welcome {
        reply: turn.reply,
        lang: turn.lang.into(),
        suggestions: turn.suggestions,
    })
}

/// Fallback for unknown paths.
pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// Fallback for known paths with the wrong method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn limits() {
        assert_eq!(validate_limit(None), Ok(DEFAULT_LIMIT));
        assert_eq!(validate_limit(Some(&json!(null))), Ok(DEFAULT_LIMIT));
        assert_eq!(validate_limit(Some(&json!(1))), Ok(1));
        assert_eq!(validate_limit(Some(&json!(100))), Ok(100));
        assert_eq!(validate_limit(Some(&json!(10.0))), Ok(10));
        assert_eq!(validate_limit(Some(&json!(1e2))), Ok(100));
        for bad in [
            json!(0),
            json!(101),
            json!(-1),
            json!(2.5),
            json!(0.0),
            json!(100.5),
            json!(1e300),
            json!("10"),
            json!([]),
        ] {
            assert_eq!(
                validate_limit(Some(&bad)),
                Err(ApiError::InvalidLimit),
                "{bad}"
            );
        }
    }

    #[test]
    fn only_our_ids_reach_the_store() {
        assert!(is_session_id(&new_session_id().unwrap()));
        for bad in ["", "x", "0123456789ABCDEF0123456789abcdef", &"a".repeat(33)] {
            assert!(!is_session_id(bad), "{bad}");
        }
    }

    #[test]
    fn messages() {
        assert_eq!(validate_message("", 5), Err(ApiError::EmptyMessage));
        assert_eq!(validate_message(" \n\t", 5), Err(ApiError::EmptyMessage));
        assert_eq!(validate_message("ééééé", 5), Ok(()));
        assert_eq!(
            validate_message("abcdef", 5),
            Err(ApiError::MessageTooLong { max: 5 })
        );
    }
}
