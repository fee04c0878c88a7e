//! The demo store page and the embeddable widget, compiled into the binary
//! (`static/`), served with their content types and, for the page, a strict
//! Content-Security-Policy (no inline script or style).

use super::error::ErrorBody;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

const INDEX_HTML: &str = include_str!("../../static/index.html");
const WIDGET_JS: &str = include_str!("../../static/widget.js");
const WIDGET_CSS: &str = include_str!("../../static/widget.css");
const STORE_CSS: &str = include_str!("../../static/store.css");

/// The page's Content-Security-Policy: scripts, styles and API calls from
/// this origin only; product images from anywhere over http(s) or data URLs.
pub const PAGE_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' https: http: data:; connect-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The demo store page with the chat widget open.
#[utoipa::path(get, path = "/", tag = "page",
    responses(
        (status = 200, description = "The demo store page", content_type = "text/html"),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
    ))]
pub async fn index_html() -> Response {
    let mut response = asset(INDEX_HTML, "text/html; charset=utf-8");
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CSP),
    );
    response
}

/// The embeddable widget: `<script src=".../widget.js" data-vitrine-api="https://...">`.
#[utoipa::path(get, path = "/widget.js", tag = "page",
    responses(
        (status = 200, description = "The widget script", content_type = "text/javascript"),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
    ))]
pub async fn widget_js() -> Response {
    asset(WIDGET_JS, "text/javascript; charset=utf-8")
}

/// The widget's stylesheet (loaded by `widget.js`).
#[utoipa::path(get, path = "/widget.css", tag = "page",
    responses(
        (status = 200, description = "The widget stylesheet", content_type = "text/css"),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
    ))]
pub async fn widget_css() -> Response {
    asset(WIDGET_CSS, "text/css; charset=utf-8")
}

/// The demo store page's stylesheet.
#[utoipa::path(get, path = "/store.css", tag = "page",
    responses(
        (status = 200, description = "The demo page stylesheet", content_type = "text/css"),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
    ))]
pub async fn store_css() -> Response {
    asset(STORE_CSS, "text/css; charset=utf-8")
}
