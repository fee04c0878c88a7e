//! HTTP errors: one enum, a stable snake_case code per variant, one JSON shape.
//!
//! Every error the server sends, from a handler, an extractor or a protective
//! layer, is `{"error": {"code": "...", "message": "..."}}`. Request
//! validation errors are all `400` (the code tells which rule was broken);
//! there is no `422`. A `500` never shows its cause: it is logged instead.
//! Each response carries its code ([`ErrorCode`]) for the log summary.
//! Depends on the server's default limits only (the sizes a message names),
//! and on the crate's error type it maps.

use super::config::defaults;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The code of an error response, set by `ApiError`'s `IntoResponse` as a
/// response extension, where the server's log summary counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode(pub &'static str);

/// Everything a request can fail with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The body is not valid JSON (syntax error or truncated).
    InvalidJson(String),
    /// The body is JSON but not of the expected shape (wrong field type...).
    InvalidRequest(String),
    /// `message` is missing, empty or only whitespace.
    EmptyMessage,
    /// `message` is longer than the limit (in characters).
    MessageTooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// `limit` is not an integer in 1..=100.
    InvalidLimit,
    /// No route at this path.
    NotFound,
    /// No product with this id.
    ProductNotFound(String),
    /// The route exists but not for this method.
    MethodNotAllowed,
    /// The body is larger than the limit.
    PayloadTooLarge {
        /// The limit, in bytes.
        max: usize,
    },
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// This client sent too many requests (opt-in per-address rate); retry
    /// after the given seconds.
    RateLimited {
        /// Seconds until a request will be accepted again.
        retry_after: u64,
    },
    /// This client address started too many sessions; retry after the given seconds.
    NewSessionRateLimited {
        /// Seconds until a new session will be accepted again.
        retry_after: u64,
    },
    /// This session sent too many messages; retry after the given seconds.
    SessionRateLimited {
        /// Seconds until this session's next message will be accepted.
        retry_after: u64,
    },
    /// The session store (Redis) is unreachable; retry shortly.
    SessionsUnavailable,
    /// The server is at its concurrency limit; retry shortly.
    Overloaded,
    /// The request took longer than the per-request timeout.
    Timeout,
    /// An unexpected failure. The detail is logged, never sent.
    Internal(String),
    /// The request is not valid HTTP (answered by the connection layer).
    BadRequest,
    /// The request target is too long (answered by the connection layer).
    UriTooLong,
    /// The admin page was asked for without credentials (or with an expired sign-in).
    Unauthorized,
    /// The admin credentials sent are wrong.
    Forbidden,
    /// A query parameter is invalid (its name and why).
    InvalidParameter(String),
    /// The request headers are too large or too many (answered by the connection layer).
    HeaderFieldsTooLarge,
}

/// The error JSON body: `{"error": {"code", "message"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// One error: a stable machine code and a human message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable snake_case code, one of [`ApiError::CODES`].
    #[schema(schema_with = code_schema)]
    pub code: String,
    /// What went wrong, in English, for the developer.
    pub message: String,
}

/// The OpenAPI schema of [`ErrorDetail::code`]: an enumeration of every code.
fn code_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(
            "Stable snake_case code; each operation's responses say which codes come with which status.",
        ))
        .enum_values(Some(ApiError::CODES))
        .examples(["empty_message"])
        .build()
}

impl ApiError {
    /// Every code [`ApiError::code`] can return.
    pub const CODES: [&'static str; 23] = [
        "invalid_json",
        "invalid_request",
        "empty_message",
        "message_too_long",
        "invalid_limit",
        "not_found",
        "product_not_found",
        "method_not_allowed",
        "payload_too_large",
        "unsupported_media_type",
        "rate_limited",
        "new_session_rate_limited",
        "session_rate_limited",
        "sessions_unavailable",
        "overloaded",
        "timeout",
        "internal",
        "bad_request",
        "uri_too_long",
        "header_fields_too_large",
        "unauthorized",
        "forbidden",
        "invalid_parameter",
    ];

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::InvalidJson(_)
            | ApiError::InvalidRequest(_)
            | ApiError::EmptyMessage
            | ApiError::MessageTooLong { .. }
            | ApiError::InvalidLimit => StatusCode::BAD_REQUEST,
            ApiError::NotFound | ApiError::ProductNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::RateLimited { .. }
            | ApiError::NewSessionRateLimited { .. }
            | ApiError::SessionRateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::SessionsUnavailable | ApiError::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Timeout => StatusCode::GATEWAY_TIMEOUT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::BadRequest => StatusCode::BAD_REQUEST,
            ApiError::UriTooLong => StatusCode::URI_TOO_LONG,
            ApiError::HeaderFieldsTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::InvalidParameter(_) => StatusCode::BAD_REQUEST,
        }
    }

    /// The stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::InvalidJson(_) => "invalid_json",
            ApiError::InvalidRequest(_) => "invalid_request",
            ApiError::EmptyMessage => "empty_message",
            ApiError::MessageTooLong { .. } => "message_too_long",
            ApiError::InvalidLimit => "invalid_limit",
            ApiError::NotFound => "not_found",
            ApiError::ProductNotFound(_) => "product_not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::NewSessionRateLimited { .. } => "new_session_rate_limited",
            ApiError::SessionRateLimited { .. } => "session_rate_limited",
            ApiError::SessionsUnavailable => "sessions_unavailable",
            ApiError::Overloaded => "overloaded",
            ApiError::Timeout => "timeout",
            ApiError::Internal(_) => "internal",
            ApiError::BadRequest => "bad_request",
            ApiError::UriTooLong => "uri_too_long",
            ApiError::HeaderFieldsTooLarge => "header_fields_too_large",
            ApiError::Unauthorized => "unauthorized",
            ApiError::Forbidden => "forbidden",
            ApiError::InvalidParameter(_) => "invalid_parameter",
        }
    }

    /// The message sent to the client (never the detail of an internal error).
    pub fn message(&self) -> String {
        match self {
            ApiError::InvalidJson(detail) => format!("The body is not valid JSON: {detail}"),
            ApiError::InvalidRequest(detail) => format!("The request body is invalid: {detail}"),
            ApiError::EmptyMessage => "`message` must be a non-empty string.".to_string(),
            ApiError::MessageTooLong { max } => {
                format!("`message` must be at most {max} characters long.")
            }
            ApiError::InvalidLimit => format!(
                "`limit` must be an integer from 1 to {}.",
                defaults::MAX_PRODUCTS_PER_ANSWER
            ),
            ApiError::NotFound => "There is nothing at this address.".to_string(),
            ApiError::ProductNotFound(_) => "There is no product with this id.".to_string(),
            ApiError::MethodNotAllowed => "This method is not allowed here.".to_string(),
            ApiError::PayloadTooLarge { max } => {
                format!("The request body must be at most {max} bytes.")
            }
            ApiError::UnsupportedMediaType => {
                "The body must be JSON, sent with `Content-Type: application/json`.".to_string()
            }
            ApiError::RateLimited { retry_after } => {
                format!("Too many requests; retry in {retry_after} s.")
            }
            ApiError::NewSessionRateLimited { retry_after } => format!(
                "Too many new conversations from this address; continue an existing one (send its `session_id`) or retry in {retry_after} s."
            ),
            ApiError::SessionRateLimited { retry_after } => {
                format!("Too many messages in this conversation; retry in {retry_after} s.")
            }
            ApiError::SessionsUnavailable => {
                "Conversations are unavailable for a moment; retry shortly.".to_string()
            }
            ApiError::Overloaded => "The server is busy; retry in a moment.".to_string(),
            ApiError::Timeout => "The request took too long.".to_string(),
            ApiError::Internal(_) => "Something went wrong on our side.".to_string(),
            ApiError::BadRequest => "The request is not valid HTTP.".to_string(),
            ApiError::UriTooLong => "The request target is too long.".to_string(),
            ApiError::HeaderFieldsTooLarge => {
                "The request headers are too large or too many.".to_string()
            }
            ApiError::Unauthorized => {
                "Sign in first: send `Authorization: Bearer <admin token>`, or sign in with the form at this address.".to_string()
            }
            ApiError::Forbidden => "The admin token sent is not right.".to_string(),
            ApiError::InvalidParameter(detail) => format!("Invalid parameter: {detail}"),
        }
    }

    /// The JSON body.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.code().to_string(),
                message: self.message(),
            },
        }
    }
}

impl From<crate::error::Error> for ApiError {
    fn from(err: crate::error::Error) -> Self {
        ApiError::Internal(err.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let retry_after = match &self {
            ApiError::RateLimited { retry_after }
            | ApiError::NewSessionRateLimited { retry_after }
            | ApiError::SessionRateLimited { retry_after } => Some(*retry_after),
            ApiError::Overloaded | ApiError::SessionsUnavailable => Some(1),
            _ => None,
        };
        let mut response = (self.status(), Json(self.body())).into_response();
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self == ApiError::Unauthorized {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"vitrine admin\""),
            );
        }
        response.extensions_mut().insert(ErrorCode(self.code()));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_detail() {
        let err = ApiError::Internal("disk /secret/path failed".into());
        assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!err.message().contains("secret"));
    }

    #[test]
    fn codes_lists_every_code_once() {
        let every_variant = [
            ApiError::InvalidJson(String::new()),
            ApiError::InvalidRequest(String::new()),
            ApiError::EmptyMessage,
            ApiError::MessageTooLong { max: 1 },
            ApiError::InvalidLimit,
            ApiError::NotFound,
            ApiError::ProductNotFound(String::new()),
            ApiError::MethodNotAllowed,
            ApiError::PayloadTooLarge { max: 1 },
            ApiError::UnsupportedMediaType,
            ApiError::RateLimited { retry_after: 1 },
            ApiError::NewSessionRateLimited { retry_after: 1 },
            ApiError::SessionRateLimited { retry_after: 1 },
            ApiError::SessionsUnavailable,
            ApiError::Overloaded,
            ApiError::Timeout,
            ApiError::Internal(String::new()),
            ApiError::BadRequest,
            ApiError::UriTooLong,
            ApiError::HeaderFieldsTooLarge,
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::InvalidParameter(String::new()),
        ];
        let codes: Vec<&str> = every_variant.iter().map(ApiError::code).collect();
        assert_eq!(codes, ApiError::CODES);
    }

    #[test]
    fn retry_after_is_set() {
        let response = ApiError::RateLimited { retry_after: 7 }.into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "7");
        let response = ApiError::Overloaded.into_response();
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
    }
}
