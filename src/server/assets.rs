//! The demo store page, the embeddable widget and the demo catalogs'
//! product pictures, compiled into the binary (`static/`, `catalog/images/`),
//! served with their content types and, for the page, a strict
//! Content-Security-Policy (no inline script or style). Depends on nothing
//! but axum and the server's error type: no engine, no index.

use super::error::{ApiError, ErrorBody};
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};

const INDEX_HTML: &str = include_str!("../../static/index.html");
const INDEX_PT_HTML: &str = include_str!("../../static/index-pt.html");
const WIDGET_JS: &str = include_str!("../../static/widget.js");
const WIDGET_CSS: &str = include_str!("../../static/widget.css");
const STORE_CSS: &str = include_str!("../../static/store.css");

/// The demo catalogs' product pictures (WebP, about 1 KB each), sorted by
/// name; written with the table by `catalog/make_demo.py`.
const DEMO_IMAGES: &[(&str, &[u8])] = include!("../../catalog/images/images.rs");

/// The page's Content-Security-Policy: scripts, styles and API calls from
/// this origin only; product images from anywhere over http(s) or data URLs
/// (the widget shows them only in `<img>`, where SVG runs no script).
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

/// The languages the demo page is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageLang {
    En,
    Pt,
}

impl PageLang {
    /// `en`, `en-US`, `pt`, `pt-BR`... (case-insensitive); other tags are not ours.
    fn from_tag(tag: &str) -> Option<PageLang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(PageLang::En)
        } else if primary.eq_ignore_ascii_case("pt") {
            Some(PageLang::Pt)
        } else {
            None
        }
    }

    /// The page's language: `?lang=` when it names one of ours, else the
    /// best of ours in `Accept-Language` (RFC 9110 §12.5.4: highest `q`
    /// first, `q=0` never, the earlier range on a tie), else English.
    fn negotiate(query: Option<&str>, accept_language: Option<&str>) -> PageLang {
        let asked = query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .find_map(|pair| {
                let value = pair.strip_prefix("lang=")?;
                PageLang::from_tag(value)
            });
        if let Some(lang) = asked {
            return lang;
        }
        let mut best: Option<(PageLang, f32)> = None;
        for range in accept_language.unwrap_or_default().split(',') {
            let mut parts = range.split(';');
            let Some(lang) = parts.next().and_then(PageLang::from_tag) else {
                continue;
            };
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if q > 0.0 && best.is_none_or(|(_, top)| q > top) {
                best = Some((lang, q));
            }
        }
        best.map_or(PageLang::En, |(lang, _)| lang)
    }
}

/// The demo store page with the chat widget open, in English or Brazilian
/// Portuguese: `?lang=en|pt`, else the browser's `Accept-Language`.
#[utoipa::path(get, path = "/", tag = "page",
    params(("lang" = Option<String>, Query, description = "`en` or `pt`: the page's language (default: the browser's `Accept-Language`, else English)")),
    responses(
        (status = 200, description = "The demo store page", content_type = "text/html"),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
    ))]
pub async fn index_html(uri: Uri, headers: HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let (body, language) = match PageLang::negotiate(uri.query(), accept) {
        PageLang::En => (INDEX_HTML, "en"),
        PageLang::Pt => (INDEX_PT_HTML, "pt-BR"),
    };
    let mut response = asset(body, "text/html; charset=utf-8");
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CSP),
    );
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(language));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
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

/// One of the demo catalogs' product pictures, e.g.
/// `/demo/images/sneakers-black-0.webp` (the demo CSVs' `image_url`).
#[utoipa::path(get, path = "/demo/images/{name}", tag = "page",
    params(("name" = String, Path, description = "The picture's file name")),
    responses(
        (status = 200, description = "The picture", content_type = "image/webp"),
        (status = 404, description = "`not_found`: no demo picture has this name", body = ErrorBody),
        (status = 405, description = "`method_not_allowed`", body = ErrorBody),
    ))]
pub async fn demo_image(name: Result<Path<String>, PathRejection>) -> Result<Response, ApiError> {
    // A name that does not decode names no picture.
    let Ok(Path(name)) = name else {
        return Err(ApiError::NotFound);
    };
    let bytes = demo_image_bytes(&name).ok_or(ApiError::NotFound)?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/webp"));
    // Pictures change only with a new binary.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    Ok(response)
}

/// The bytes of the demo picture called `name`, if there is one.
fn demo_image_bytes(name: &str) -> Option<&'static [u8]> {
    DEMO_IMAGES
        .binary_search_by(|(candidate, _)| (*candidate).cmp(name))
        .ok()
        .map(|i| DEMO_IMAGES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_images_are_sorted_webp_files() {
        assert!(DEMO_IMAGES.len() > 100, "{} pictures", DEMO_IMAGES.len());
        assert!(DEMO_IMAGES.windows(2).all(|w| w[0].0 < w[1].0));
        for (name, bytes) in DEMO_IMAGES {
            assert!(name.ends_with(".webp"), "{name}");
            assert_eq!(&bytes[..4], b"RIFF", "{name}");
            assert_eq!(&bytes[8..12], b"WEBP", "{name}");
            assert!(bytes.len() < 8 * 1024, "{name}: {} bytes", bytes.len());
        }
    }

    /// Every `image_url` of both demo catalogs is a picture the binary serves.
    #[test]
    fn every_demo_product_has_its_picture() {
        for csv in [
            include_str!("../../catalog/demo.csv"),
            include_str!("../../catalog/demo-pt.csv"),
        ] {
            let urls: Vec<&str> = csv
                .lines()
                .skip(1)
                .map(|line| line.rsplit([',', ';']).next().unwrap_or_default().trim())
                .collect();
            assert!(urls.len() > 200);
            for url in urls {
                let name = url.strip_prefix("/demo/images/").unwrap_or(url);
                assert!(demo_image_bytes(name).is_some(), "no picture for {url}");
            }
        }
        assert_eq!(demo_image_bytes("../Cargo.toml"), None);
        assert_eq!(demo_image_bytes(""), None);
    }

    #[test]
    fn page_language_from_query_then_accept_language() {
        use PageLang::{En, Pt};
        let cases = [
            (None, None, En),
            (None, Some("pt-BR,pt;q=0.9,en;q=0.8"), Pt),
            (None, Some("en-US,en;q=0.9,pt-BR;q=0.8"), En),
            (None, Some("fr-FR, pt;q=0.5, de;q=0.9"), Pt),
            (None, Some("de, fr"), En),
            (None, Some("pt;q=0, en;q=0.1"), En),
            (None, Some("en;q=0.4, PT-br;q=0.7"), Pt),
            (None, Some("pt;q=bogus, en;q=0.2"), En),
            (Some("lang=pt"), Some("en"), Pt),
            (Some("x=1&lang=en"), Some("pt-BR"), En),
            (Some("lang=zz"), Some("pt-BR"), Pt),
            (Some("lang="), None, En),
        ];
        for (query, accept, expected) in cases {
            assert_eq!(
                PageLang::negotiate(query, accept),
                expected,
                "{query:?} {accept:?}"
            );
        }
    }

    #[tokio::test]
    async fn page_is_served_in_the_negotiated_language() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("pt-BR"));
        let response = index_html(Uri::from_static("/"), headers).await;
        assert_eq!(response.headers()[header::CONTENT_LANGUAGE], "pt-BR");
        assert_eq!(response.headers()[header::VARY], "Accept-Language");
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        let html = String::from_utf8(body.to_vec()).unwrap();
        assert!(html.contains(r#"<html lang="pt-BR">"#), "{html}");
        let response = index_html(Uri::from_static("/?lang=en"), HeaderMap::new()).await;
        assert_eq!(response.headers()[header::CONTENT_LANGUAGE], "en");
    }

    #[tokio::test]
    async fn demo_image_route_answers_webp_or_not_found() {
        let response = demo_image(Ok(Path(DEMO_IMAGES[0].0.to_string())))
            .await
            .unwrap();
        assert_eq!(response.headers()[header::CONTENT_TYPE], "image/webp");
        assert!(matches!(
            demo_image(Ok(Path("nope.webp".into()))).await,
            Err(ApiError::NotFound)
        ));
    }
}
