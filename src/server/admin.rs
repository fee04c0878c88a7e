//! The admin insights page: `GET /admin/insights` (HTML with SVG charts),
//! `GET /admin/insights.json` (the same figures), its stylesheet, and
//! signing in and out. The routes exist only when the server has an admin
//! token ([`super::config::AdminConfig`]); otherwise they answer `404`
//! like any unknown path.
//!
//! Credentials: `Authorization: Bearer <token>`, or a sign-in cookie set
//! by the form (`POST /admin/login`): `HttpOnly`, `SameSite=Strict`,
//! `Path=/admin`, `Secure` behind an HTTPS proxy, valid 12 hours, an HMAC
//! of its expiry under a key derived from the token (so replicas sharing
//! the token accept each other's cookies, and a new token signs everyone
//! out). Tokens and cookies are compared in constant time. Without
//! credentials the answer is `401` (a browser gets the sign-in form with
//! it, anyone else the JSON error); with wrong ones, `403`.

use super::AppState;
use super::assets::PAGE_CSP;
use super::config::{AdminConfig, defaults};
use super::demand::{InsightsQuery, insights_report};
use super::error::ApiError;
use crate::insights::time::{now_ms, parse_since};
use crate::insights::{AdminControls, Report, Stylesheet, render_html, render_login};
use crate::model::Lang;
use axum::Router;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use subtle::ConstantTimeEq;

/// The page.
pub const PAGE_PATH: &str = "/admin/insights";
/// The figures as JSON.
pub const JSON_PATH: &str = "/admin/insights.json";
/// The stylesheet.
pub const CSS_PATH: &str = "/admin/insights.css";
/// Where the sign-in form posts.
pub const LOGIN_PATH: &str = "/admin/login";
/// Where the sign-out form posts.
pub const LOGOUT_PATH: &str = "/admin/logout";
/// The sign-in cookie.
const COOKIE: &str = "vitrine_admin";
/// How long a computed report is reused.
const CACHE_FOR: Duration = Duration::from_secs(5);

type HmacSha256 = hmac::Hmac<Sha256>;

/// The admin page's secrets and its report cache.
pub struct Admin {
    /// SHA-256 of the token.
    digest: [u8; 32],
    /// Signs sign-in cookies.
    cookie_key: [u8; 32],
    /// The demand logs read.
    logs: Vec<PathBuf>,
    /// The last report: (period, language) → when, report.
    cache: Mutex<Option<(String, Instant, Arc<Report>)>>,
}

impl std::fmt::Debug for Admin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Admin").field("logs", &self.logs).finish()
    }
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Admin {
    /// The page's state for `config`.
    pub fn new(config: &AdminConfig) -> Admin {
        let digest = sha256(config.token.as_bytes());
        let mut cookie_input = b"vitrine admin cookie key\0".to_vec();
        cookie_input.extend_from_slice(config.token.as_bytes());
        Admin {
            digest,
            cookie_key: sha256(&cookie_input),
            logs: config.logs.clone(),
            cache: Mutex::new(None),
        }
    }

    fn token_is_right(&self, token: &str) -> bool {
        bool::from(sha256(token.as_bytes()).ct_eq(&self.digest))
    }

    fn cookie_mac(&self, expires: u64) -> String {
        // The key is 32 bytes: HMAC accepts any length.
        let mac = HmacSha256::new_from_slice(&self.cookie_key).map(|mut mac| {
            mac.update(format!("vitrine-admin|{expires}").as_bytes());
            mac.finalize().into_bytes()
        });
        mac.map(|m| hex(&m)).unwrap_or_default()
    }

    /// A sign-in cookie valid until `expires` (Unix seconds).
    fn cookie_value(&self, expires: u64) -> String {
        format!("{expires}.{}", self.cookie_mac(expires))
    }

    /// What the request's credentials are worth.
    fn access(&self, headers: &HeaderMap) -> Access {
        if let Some(value) = headers.get(header::AUTHORIZATION) {
            let value = value.to_str().unwrap_or("");
            let bearer = value
                .split_once(' ')
                .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                .map(|(_, token)| token.trim());
            return match bearer {
                Some(token) if self.token_is_right(token) => Access::Granted,
                Some(_) => Access::Wrong,
                None => Access::Missing,
            };
        }
        let Some(cookie) = cookie(headers, COOKIE) else {
            return Access::Missing;
        };
        let Some((expires, mac)) = cookie.split_once('.') else {
            return Access::Wrong;
        };
        let Ok(expires) = expires.parse::<u64>() else {
            return Access::Wrong;
        };
        let right = self.cookie_mac(expires);
        if !bool::from(right.as_bytes().ct_eq(mac.as_bytes())) {
            return Access::Wrong;
        }
        if expires < now_ms() / 1000 {
            return Access::Missing;
        }
        Access::Granted
    }
}

/// What a request's credentials are worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Granted,
    /// None, or a sign-in that expired.
    Missing,
    Wrong,
}

/// The value of cookie `name`, if the request sends it.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v.trim())
        })
}

/// True when a browser asks (it accepts HTML).
fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// True behind a proxy that says the client came over HTTPS.
fn over_https(headers: &HeaderMap) -> bool {
    let forwarded_proto = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
    let forwarded = headers
        .get(header::FORWARDED)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("proto=https"));
    forwarded_proto || forwarded
}

/// The admin routes, for [`super::router`] when there is an admin token.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PAGE_PATH, get(page))
        .route(JSON_PATH, get(json))
        .route(CSS_PATH, get(stylesheet))
        .route(LOGIN_PATH, post(login))
        .route(LOGOUT_PATH, post(logout))
}

/// The language asked with `?lang=`, if it is one of ours.
fn asked_lang(params: &HashMap<String, String>) -> Option<Lang> {
    let code = params.get("lang")?;
    Lang::ALL.into_iter().find(|l| l.code() == code.as_str())
}

/// A page with the admin headers: the CSP, never cached.
fn html_response(status: StatusCode, body: String, lang: Lang) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CSP),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(if lang == Lang::Pt { "pt-BR" } else { "en" }),
    );
    response
}

/// `401`/`403` for a page request: the sign-in form for a browser, the
/// JSON error otherwise.
fn refused(state: &AppState, headers: &HeaderMap, access: Access, lang: Option<Lang>) -> Response {
    let error = if access == Access::Wrong {
        ApiError::Forbidden
    } else {
        ApiError::Unauthorized
    };
    if !wants_html(headers) {
        return error.into_response();
    }
    let lang = lang.unwrap_or_else(|| state.engine.info().language);
    let body = render_login(lang, LOGIN_PATH, CSS_PATH, access == Access::Wrong);
    let mut response = html_response(error.status(), body, lang);
    if access != Access::Wrong {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"vitrine admin\""),
        );
    }
    response
}

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The report for the query's period and language, from the cache when fresh.
async fn report(
    state: &AppState,
    admin: &Arc<Admin>,
    params: &HashMap<String, String>,
) -> Result<(Arc<Report>, String), ApiError> {
    let since_text = params
        .get("since")
        .map_or(defaults::INSIGHTS_PERIOD, String::as_str)
        .to_string();
    let now = now_ms();
    let since = parse_since(&since_text, now)
        .map_err(|why| ApiError::InvalidParameter(format!("since: {why}")))?;
    let lang = asked_lang(params);
    let key = format!("{since_text}|{}", lang.map_or("", Lang::code));
    if let Ok(cache) = admin.cache.lock()
        && let Some((cached, at, report)) = cache.as_ref()
        && *cached == key
        && at.elapsed() < CACHE_FOR
    {
        return Ok((Arc::clone(report), since_text));
    }
    let query = InsightsQuery {
        logs: admin.logs.iter().filter(|p| p.exists()).cloned().collect(),
        since,
        lang,
        top: defaults::INSIGHTS_TOP,
        now,
    };
    let engine = Arc::clone(&state.engine);
    let report = tokio::task::spawn_blocking(move || insights_report(&engine, &query))
        .await
        .map_err(|e| ApiError::Internal(format!("insights task failed: {e}")))??;
    let report = Arc::new(report);
    if let Ok(mut cache) = admin.cache.lock() {
        *cache = Some((key, Instant::now(), Arc::clone(&report)));
    }
    Ok((report, since_text))
}

type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

fn params(query: Params) -> Result<HashMap<String, String>, ApiError> {
    query
        .map(|Query(p)| p)
        .map_err(|e| ApiError::InvalidParameter(e.body_text()))
}

/// `GET /admin/insights`: the page.
async fn page(State(state): State<AppState>, headers: HeaderMap, query: Params) -> Response {
    let Some(admin) = state.admin.clone() else {
        return ApiError::NotFound.into_response();
    };
    let params = match params(query) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let access = admin.access(&headers);
    if access != Access::Granted {
        return refused(&state, &headers, access, asked_lang(&params));
    }
    let (report, since) = match report(&state, &admin, &params).await {
        Ok(found) => found,
        Err(e) => return e.into_response(),
    };
    let json_href = format!(
        "{JSON_PATH}?since={}&lang={}",
        encode(&since),
        report.language.code()
    );
    let controls = AdminControls {
        since: &since,
        json_href: &json_href,
        sign_out_action: LOGOUT_PATH,
    };
    let body = render_html(&report, Stylesheet::Link(CSS_PATH), Some(controls));
    html_response(StatusCode::OK, body, report.language)
}

/// `GET /admin/insights.json`: the figures.
async fn json(State(state): State<AppState>, headers: HeaderMap, query: Params) -> Response {
    let Some(admin) = state.admin.clone() else {
        return ApiError::NotFound.into_response();
    };
    let params = match params(query) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    match admin.access(&headers) {
        Access::Granted => {}
        Access::Missing => return ApiError::Unauthorized.into_response(),
        Access::Wrong => return ApiError::Forbidden.into_response(),
    }
    match report(&state, &admin, &params).await {
        Ok((report, _)) => {
            let mut response = axum::Json(report.as_ref()).into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => e.into_response(),
    }
}

/// `GET /admin/insights.css`.
async fn stylesheet() -> Response {
    let mut response = crate::insights::html::STYLESHEET.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The sign-in form's fields.
#[derive(Debug, serde::Deserialize)]
struct LoginForm {
    token: String,
}

fn see_other(to: &str, cookie: String) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(to) {
        headers.insert(header::LOCATION, location);
    }
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        headers.insert(header::SET_COOKIE, cookie);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `POST /admin/login`: checks the token, sets the sign-in cookie.
async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    let Some(admin) = state.admin.clone() else {
        return ApiError::NotFound.into_response();
    };
    let Ok(Form(form)) = form else {
        return refused(&state, &headers, Access::Missing, None);
    };
    if !admin.token_is_right(form.token.trim()) {
        return refused(&state, &headers, Access::Wrong, None);
    }
    let max_age = defaults::ADMIN_SESSION_SECS;
    let expires = now_ms() / 1000 + max_age;
    let secure = if over_https(&headers) { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE}={}; Path=/admin; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}",
        admin.cookie_value(expires)
    );
    see_other(PAGE_PATH, cookie)
}

/// `POST /admin/logout`: forgets the sign-in cookie.
async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if state.admin.is_none() {
        return ApiError::NotFound.into_response();
    }
    let secure = if over_https(&headers) { "; Secure" } else { "" };
    let cookie = format!("{COOKIE}=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict{secure}");
    see_other(PAGE_PATH, cookie)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admin() -> Admin {
        Admin::new(&AdminConfig {
            token: "correct horse battery staple".into(),
            logs: Vec::new(),
        })
    }

    fn with(name: header::HeaderName, value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(name, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn bearer_tokens_and_cookies_are_checked() {
        let a = admin();
        assert_eq!(a.access(&HeaderMap::new()), Access::Missing);
        let bearer = |t: &str| with(header::AUTHORIZATION, &format!("Bearer {t}"));
        assert_eq!(
            a.access(&bearer("correct horse battery staple")),
            Access::Granted
        );
        assert_eq!(a.access(&bearer("wrong")), Access::Wrong);
        assert_eq!(
            a.access(&with(header::AUTHORIZATION, "Basic abc")),
            Access::Missing
        );
        let later = now_ms() / 1000 + 60;
        let good = format!("x=1; {COOKIE}={}", a.cookie_value(later));
        assert_eq!(a.access(&with(header::COOKIE, &good)), Access::Granted);
        let forged = format!("{COOKIE}={}.{}", later + 1, a.cookie_mac(later));
        assert_eq!(a.access(&with(header::COOKIE, &forged)), Access::Wrong);
        let expired = format!("{COOKIE}={}", a.cookie_value(1));
        assert_eq!(a.access(&with(header::COOKIE, &expired)), Access::Missing);
        // Another token's cookie is not accepted.
        let other = Admin::new(&AdminConfig {
            token: "another token of sixteen".into(),
            logs: Vec::new(),
        });
        let theirs = format!("{COOKIE}={}", other.cookie_value(later));
        assert_eq!(a.access(&with(header::COOKIE, &theirs)), Access::Wrong);
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode("7d"), "7d");
        assert_eq!(encode("2026-01-31T10:00"), "2026-01-31T10%3A00");
    }
}
