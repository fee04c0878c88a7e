//! The HTTP API over a real socket: a server on an ephemeral loopback port
//! (`router` + `axum::serve` on a tokio runtime in a thread) and a real
//! HTTP client. Covers the conversation, sessions, every error status with
//! its whole JSON body, the OpenAPI document, CORS and security headers.

use reqwest::StatusCode;
use reqwest::blocking::Client;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};
mod common;

use common::TestServer;
use vitrine::server::{ConnectionLimits, ServerConfig};

impl TestServer {
    fn start(config: ServerConfig) -> TestServer {
        TestServer::start_with(config, None)
    }

    /// With `limits`, runs `vitrine::server::serve` (header read timeout,
    /// connection cap) instead of `axum::serve`.
    fn start_with(config: ServerConfig, limits: Option<ConnectionLimits>) -> TestServer {
        TestServer::serve(demo_index(), config, limits)
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    fn chat(&self, body: Value) -> (StatusCode, Value) {
        let response = client()
            .post(self.url("/api/chat"))
            .json(&body)
            .send()
            .unwrap();
        let status = response.status();
        (status, response.json().unwrap())
    }

    /// Sends `message` in `session` (None = new) and returns the answer.
    fn say(&self, session: Option<&str>, message: &str) -> Value {
        let mut body = json!({ "message": message });
        if let Some(id) = session {
            body["session_id"] = json!(id);
        }
        let (status, answer) = self.chat(body);
        assert_eq!(status, StatusCode::OK, "{answer}");
        answer
    }
}

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// A fresh index of the demo catalog in a temporary directory.
fn demo_index() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/demo.csv");
    let products = demo_products(&csv);
    vitrine::index::build_from_products(dir.path(), &products, &csv).expect("build test index");
    dir
}

/// The products of a catalog file.
fn demo_products(_csv: &Path) -> Vec<vitrine::Product> {
    // TODO(import): read catalog/demo.csv with the library import once it
    // lands in main; until then a few products in the demo's shape.
    let p = |id: &str, title: &str, brand: &str, color: &str, gender: &str, price: f64| {
        vitrine::Product {
            id: id.into(),
            title: title.into(),
            brand: Some(brand.into()),
            color: Some(color.into()),
            gender: Some(gender.into()),
            category: Some(format!("{gender} > Shoes > Sneakers")),
            price: Some(price),
            currency: Some("USD".into()),
            rating: Some(4.2),
            ..vitrine::Product::default()
        }
    };
    vec![
        p("S1", "Black running sneakers", "Puma", "Black", "Men", 59.9),
        p("S2", "Black leather sneakers", "Nike", "Black", "Men", 75.0),
        p(
            "S3",
            "White canvas sneakers",
            "Puma",
            "White",
            "Women",
            45.0,
        ),
        p("S4", "Black court sneakers", "Puma", "Black", "Men", 39.0),
        p("S5", "Red suede sneakers", "Adidas", "Red", "Women", 89.0),
    ]
}

fn error_json(code: &str, message: &str) -> Value {
    json!({ "error": { "code": code, "message": message } })
}

fn is_session_id(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| s.len() == 32 && s.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Sends raw bytes and returns the raw response (connection closed by us after reading).
fn raw_request(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                if String::from_utf8_lossy(&buf).contains("\r\n\r\n{") && buf.ends_with(b"}") {
                    break;
                }
            }
        }
    }
    String::from_utf8_lossy(&buf).into_owned()
}

fn open_config() -> ServerConfig {
    ServerConfig {
        rate_limit_per_minute: None,
        ..ServerConfig::default()
    }
}

#[test]
fn health_reports_the_index() {
    let server = TestServer::start(open_config());
    let response = client().get(server.url("/api/health")).send().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().unwrap();
    assert_eq!(body["status"], "ok");
    assert!(body["products"].is_u64());
    assert!(body["index_version"].is_u64());
    assert_eq!(
        body["sessions"],
        json!({"store": "memory", "available": true})
    );
}

#[test]
fn welcome_shows_a_request_this_catalog_answers_in_the_language_asked() {
    let server = TestServer::start(open_config());
    for (query, lang, example) in [
        ("?lang=en", "en", "sneakers under $"),
        ("?lang=pt-BR", "pt", "até US$"),
        ("", "en", "sneakers under $"),
        ("?lang=xx&y=%zz", "en", "sneakers under $"),
    ] {
        let response = client()
            .get(server.url(&format!("/api/welcome{query}")))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        let body: Value = response.json().unwrap();
        assert_eq!(body["lang"], lang, "{query}: {body}");
        let reply = body["reply"].as_str().unwrap_or_default();
        assert!(reply.contains(example), "{query}: {reply}");
        let suggestions = body["suggestions"].as_array().cloned().unwrap_or_default();
        assert!(!suggestions.is_empty(), "{query}: {body}");
    }
    let response = client().post(server.url("/api/welcome")).send().unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = response.json().unwrap();
    assert_eq!(body["error"]["code"], "method_not_allowed");
}

#[test]
fn the_clients_language_answers_a_first_message_that_does_not_tell() {
    let server = TestServer::start(open_config());
    let first = |message: &str, language: Option<&str>| {
        let mut body = json!({ "message": message });
        if let Some(language) = language {
            body["language"] = json!(language);
        }
        let (status, answer) = server.chat(body);
        assert_eq!(status, StatusCode::OK, "{answer}");
        answer
    };
    // Brand names say nothing of the shopper's language: the client's
    // decides, and the catalog's (English) without one it speaks.
    for (language, expected) in [
        (Some("pt-BR"), "pt"),
        (Some("PT"), "pt"),
        (Some("en-US"), "en"),
        (Some("es"), "en"),
        (None, "en"),
    ] {
        let answer = first("Nike", language);
        assert_eq!(answer["language"], expected, "{language:?}: {answer}");
        assert!(answer["total"].as_u64().unwrap_or(0) > 0, "{answer}");
    }
    let answer = first("Nike", Some("pt-BR"));
    let reply = answer["reply"].as_str().unwrap_or_default();
    assert!(reply.starts_with("Encontrei"), "{reply}");
    // The shopper's own words win over the client's language.
    let answer = first("black sneakers for men", Some("pt-BR"));
    assert_eq!(answer["language"], "en", "{answer}");
    let answer = first("tênis preto", Some("en"));
    assert_eq!(answer["language"], "pt", "{answer}");
    // Not a string: a JSON error, not a turn.
    let (status, answer) = server.chat(json!({ "message": "Nike", "language": 5 }));
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    assert!(answer["error"]["code"].is_string(), "{answer}");
}

#[test]
fn sessions_start_continue_and_never_reuse_client_ids() {
    let server = TestServer::start(open_config());
    let first = server.say(None, "hello");
    assert!(is_session_id(&first["session_id"]), "{first}");
    let id = first["session_id"].as_str().unwrap().to_string();
    for key in [
        "reply",
        "language",
        "kind",
        "products",
        "total",
        "filters",
        "relaxed",
        "suggestions",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }

    let second = server.say(Some(&id), "sneakers");
    assert_eq!(second["session_id"], id.as_str());

    for unknown in ["0123456789abcdef0123456789abcdef", "x", &"z".repeat(500)] {
        let answer = server.say(Some(unknown), "hello");
        assert!(is_session_id(&answer["session_id"]));
        assert_ne!(answer["session_id"], unknown);
        assert_ne!(answer["session_id"], id.as_str());
    }
}

#[test]
fn expired_sessions_get_a_new_id() {
    let server = TestServer::start(ServerConfig {
        session_ttl: Duration::from_millis(300),
        ..open_config()
    });
    let id = server.say(None, "hello")["session_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(server.say(Some(&id), "hello")["session_id"], id.as_str());
    std::thread::sleep(Duration::from_millis(700));
    let after = server.say(Some(&id), "hello");
    assert!(is_session_id(&after["session_id"]));
    assert_ne!(after["session_id"], id.as_str());
}

#[test]
fn least_recently_used_session_is_evicted_at_the_cap() {
    let server = TestServer::start(ServerConfig {
        max_sessions: 2,
        ..open_config()
    });
    let new_id = |server: &TestServer| {
        server.say(None, "hello")["session_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let a = new_id(&server);
    let b = new_id(&server);
    assert_eq!(server.say(Some(&a), "hi")["session_id"], a.as_str()); // b is now the oldest
    let c = new_id(&server);
    // b was evicted; a and c remain.
    assert_eq!(server.say(Some(&a), "hi")["session_id"], a.as_str());
    assert_eq!(server.say(Some(&c), "hi")["session_id"], c.as_str());
    assert_ne!(server.say(Some(&b), "hi")["session_id"], b.as_str());
}

#[test]
fn chat_validation_errors() {
    let server = TestServer::start(open_config());
    let cases = [
        (
            json!({}),
            "empty_message",
            "`message` must be a non-empty string.",
        ),
        (
            json!({"message": ""}),
            "empty_message",
            "`message` must be a non-empty string.",
        ),
        (
            json!({"message": " \n "}),
            "empty_message",
            "`message` must be a non-empty string.",
        ),
        (
            json!({"message": "a".repeat(2001)}),
            "message_too_long",
            "`message` must be at most 2000 characters long.",
        ),
        (
            json!({"message": "hi", "limit": 0}),
            "invalid_limit",
            "`limit` must be an integer from 1 to 100.",
        ),
        (
            json!({"message": "hi", "limit": 101}),
            "invalid_limit",
            "`limit` must be an integer from 1 to 100.",
        ),
        (
            json!({"message": "hi", "limit": "5"}),
            "invalid_limit",
            "`limit` must be an integer from 1 to 100.",
        ),
        (
            json!({"message": "hi", "limit": 2.5}),
            "invalid_limit",
            "`limit` must be an integer from 1 to 100.",
        ),
    ];
    for (body, code, message) in cases {
        let (status, answer) = server.chat(body.clone());
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer, error_json(code, message), "{body}");
    }
    // 2,000 characters (not bytes) are fine.
    let (status, _) = server.chat(json!({"message": "é".repeat(2000), "limit": 100}));
    assert_eq!(status, StatusCode::OK);
    // As in JSON Schema, a number with a zero fraction is an integer.
    let (status, answer) = server.chat(json!({"message": "sneakers", "limit": 2.0}));
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(
        answer["products"].as_array().unwrap().len() <= 2,
        "{answer}"
    );

    let (status, answer) = server.chat(json!({"message": 5}));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(answer["error"]["code"], "invalid_request");
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("The request body is invalid: ")
    );
    let (status, answer) = server.chat(json!("hi"));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(answer["error"]["code"], "invalid_request");
}

#[test]
fn transport_errors_are_json() {
    let server = TestServer::start(open_config());
    let http = client();
    let send = |request: reqwest::blocking::RequestBuilder| {
        let response = request.send().unwrap();
        let status = response.status();
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(content_type, "application/json", "{status}");
        (status, response.json::<Value>().unwrap())
    };

    let (status, body) = send(
        http.post(server.url("/api/chat"))
            .header("content-type", "application/json")
            .body("{\"message\": "),
    );
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_json");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("The body is not valid JSON: ")
    );

    let (status, body) = send(
        http.post(server.url("/api/chat"))
            .header("content-type", "text/plain")
            .body("{\"message\": \"hi\"}"),
    );
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        body,
        error_json(
            "unsupported_media_type",
            "The body must be JSON, sent with `Content-Type: application/json`."
        )
    );

    let (status, body) = send(http.post(server.url("/api/chat")).body("{}"));
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body["error"]["code"], "unsupported_media_type");

    let big = json!({ "message": "x".repeat(17 * 1024) });
    let (status, body) = send(http.post(server.url("/api/chat")).json(&big));
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        body,
        error_json(
            "payload_too_large",
            "The request body must be at most 16384 bytes."
        )
    );

    for path in ["/nope", "/api", "/api/chat/extra", "/widget.js/x"] {
        let (status, body) = send(http.get(server.url(path)));
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            body,
            error_json("not_found", "There is nothing at this address.")
        );
    }

    let (status, body) = send(http.get(server.url("/api/products/no-such-id")));
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body,
        error_json("product_not_found", "There is no product with this id.")
    );

    for request in [
        http.get(server.url("/api/chat")),
        http.delete(server.url("/api/health")),
        http.post(server.url("/api/products/S1")),
        http.put(server.url("/")),
    ] {
        let (status, body) = send(request);
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(
            body,
            error_json("method_not_allowed", "This method is not allowed here.")
        );
    }
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let server = TestServer::start(ServerConfig {
        rate_limit_per_minute: Some(3),
        ..ServerConfig::default()
    });
    for _ in 0..3 {
        server.say(None, "hello");
    }
    let response = client()
        .post(server.url("/api/chat"))
        .json(&json!({"message": "hello"}))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "20");
    let body: Value = response.json().unwrap();
    assert_eq!(
        body,
        error_json("rate_limited", "Too many requests; retry in 20 s.")
    );
    // Health is not rate limited.
    let response = client().get(server.url("/api/health")).send().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// Starts a chat request whose body never finishes arriving.
fn slow_upload(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(
            b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"mess",
        )
        .unwrap();
    stream
}

#[test]
fn slow_request_times_out_with_504() {
    let server = TestServer::start(ServerConfig {
        request_timeout: Duration::from_millis(400),
        ..open_config()
    });
    let mut stream = slow_upload(server.addr);
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    let mut response = vec![0u8; 4096];
    let n = stream.read(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response[..n]);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(response.starts_with("HTTP/1.1 504"), "{response}");
    assert!(
        response
            .ends_with(r#"{"error":{"code":"timeout","message":"The request took too long."}}"#),
        "{response}"
    );
}

#[test]
fn overload_sheds_with_503_and_retry_after() {
    let server = TestServer::start(ServerConfig {
        max_concurrent_requests: 1,
        request_timeout: Duration::from_secs(3),
        ..open_config()
    });
    let _busy = slow_upload(server.addr);
    std::thread::sleep(Duration::from_millis(300));
    let response = client()
        .post(server.url("/api/chat"))
        .json(&json!({"message": "hello"}))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(
        response.json::<Value>().unwrap(),
        error_json("overloaded", "The server is busy; retry in a moment.")
    );
    // Cheap routes are not shed.
    let response = client().get(server.url("/api/health")).send().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[test]
fn hostile_bytes_never_cause_a_500() {
    let server = TestServer::start(open_config());
    let bodies: Vec<Vec<u8>> = vec![
        b"\xff\xfe\x00garbage".to_vec(),
        b"null".to_vec(),
        b"{\"message\": \"\\ud800\"}".to_vec(),
        b"{\"message\": \"hi\", \"session_id\": 12}".to_vec(),
        format!("{{\"message\": \"{}\"}}", "[".repeat(1000)).into_bytes(),
        "[".repeat(10_000).into_bytes(),
        b"{\"message\": \"\\u0000<script>alert(1)</script>\"}".to_vec(),
    ];
    for body in bodies {
        let response = client()
            .post(server.url("/api/chat"))
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .unwrap();
        assert!(
            response.status().is_success() || response.status().is_client_error(),
            "{} for {:?}",
            response.status(),
            String::from_utf8_lossy(&body)
        );
        let json: Value = response.json().unwrap();
        assert!(json.is_object());
    }
    let raw = raw_request(
        server.addr,
        b"GET /api/products/%ff%fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    // An id that is not UTF-8 once decoded names no product.
    assert!(raw.starts_with("HTTP/1.1 404"), "{raw}");
    assert!(raw.contains("content-type: application/json"), "{raw}");
    assert!(
        raw.ends_with(r#"{"error":{"code":"product_not_found","message":"There is no product with this id."}}"#),
        "{raw}"
    );
}

#[test]
fn openapi_lists_every_route_and_error_status() {
    let server = TestServer::start(open_config());
    let doc: Value = client()
        .get(server.url("/api/openapi.json"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for route in [
        "/api/chat",
        "/api/products/{id}",
        "/api/health",
        "/api/openapi.json",
        "/",
        "/widget.js",
        "/widget.css",
        "/store.css",
    ] {
        assert!(
            paths.contains_key(route),
            "{route} not in {:?}",
            paths.keys()
        );
    }
    // Every status each operation (or a layer in front of it) can answer.
    let api_statuses = [
        (
            "/api/chat",
            "post",
            &[
                "200", "400", "405", "413", "415", "429", "500", "503", "504",
            ][..],
        ),
        (
            "/api/products/{id}",
            "get",
            &["200", "404", "405", "429", "500", "503", "504"][..],
        ),
        ("/api/health", "get", &["200", "405", "500"][..]),
        ("/api/openapi.json", "get", &["200", "405", "500"][..]),
        ("/", "get", &["200", "405"][..]),
        ("/widget.js", "get", &["200", "405"][..]),
        ("/widget.css", "get", &["200", "405"][..]),
        ("/store.css", "get", &["200", "405"][..]),
    ];
    for (path, method, statuses) in api_statuses {
        let responses = paths[path][method]["responses"].as_object().unwrap();
        let documented: Vec<&str> = responses.keys().map(String::as_str).collect();
        assert_eq!(documented, statuses, "{method} {path}");
        // Every error is the JSON error body.
        for (status, response) in responses.iter().filter(|(s, _)| !s.starts_with('2')) {
            assert_eq!(
                response["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/ErrorBody",
                "{method} {path} {status}"
            );
        }
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in [
        "ChatRequest",
        "ChatResponse",
        "Filters",
        "ErrorBody",
        "ProductDetail",
        "Language",
        "ReplyKind",
        "SortOrder",
    ] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
    // The request's rules are in the schema, so a schema-valid request is accepted.
    let request = &schemas["ChatRequest"];
    assert_eq!(request["required"], json!(["message"]));
    assert_eq!(request["properties"]["message"]["minLength"], 1);
    assert_eq!(request["properties"]["message"]["maxLength"], 2000);
    assert_eq!(request["properties"]["limit"]["minimum"], 1);
    assert_eq!(request["properties"]["limit"]["maximum"], 100);
    // Closed sets of values are enumerated.
    assert_eq!(schemas["Language"]["enum"], json!(["en", "pt"]));
    assert_eq!(
        schemas["ReplyKind"]["enum"],
        json!(["results", "details", "chat"])
    );
    assert_eq!(
        schemas["SortOrder"]["enum"],
        json!(["relevance", "price_asc", "price_desc", "rating_desc"])
    );
    assert_eq!(
        schemas["ErrorDetail"]["properties"]["code"]["enum"],
        json!(vitrine::server::ApiError::CODES)
    );
    // Nullable fields are always sent: they are required, not optional.
    let summary_required = schemas["ProductSummary"]["required"].as_array().unwrap();
    for field in [
        "id",
        "title",
        "brand",
        "price",
        "currency",
        "url",
        "description",
    ] {
        assert!(summary_required.contains(&json!(field)), "{field}");
    }
}

#[test]
fn page_has_security_headers_and_no_inline_script() {
    let server = TestServer::start(open_config());
    let response = client().get(server.url("/")).send().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["referrer-policy"],
        "strict-origin-when-cross-origin"
    );
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(headers.contains_key("x-request-id"));
    let html = response.text().unwrap();
    for (i, _) in html.match_indices("<script") {
        let tag_end = html[i..].find('>').unwrap() + i;
        assert!(
            html[i..tag_end].contains("src="),
            "inline script in the page"
        );
    }
    assert!(!html.contains(" style="), "inline style in the page");
    for (path, kind) in [
        ("/widget.js", "text/javascript"),
        ("/widget.css", "text/css"),
        ("/store.css", "text/css"),
    ] {
        let response = client().get(server.url(path)).send().unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    }
    let widget = client()
        .get(server.url("/widget.js"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    for sink in [
        ".innerHTML",
        ".outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!widget.contains(sink), "the widget must not use {sink}");
    }
}

#[test]
fn every_answer_carries_a_request_id_and_the_security_headers() {
    let server = TestServer::start(open_config());
    let ids: Vec<String> = (0..3)
        .map(|_| {
            let response = client()
                .post(server.url("/api/chat"))
                .json(&json!({ "message": "shoes" }))
                .send()
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response.headers()["x-request-id"]
                .to_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2],
        "{ids:?}"
    );
    // A client's own id is kept, on an error answer too.
    let response = client()
        .post(server.url("/api/chat"))
        .header("x-request-id", "client-trace-42")
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let headers = response.headers().clone();
    assert_eq!(headers["x-request-id"], "client-trace-42");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["referrer-policy"],
        "strict-origin-when-cross-origin"
    );
    let body: Value = response.json().unwrap();
    assert_eq!(body["error"]["code"], "invalid_json", "{body}");
}

#[test]
fn cors_only_for_allowed_origins() {
    let preflight = |server: &TestServer, origin: &str| {
        client()
            .request(reqwest::Method::OPTIONS, server.url("/api/chat"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
            .unwrap()
    };
    let simple = |server: &TestServer, origin: &str| {
        client()
            .post(server.url("/api/chat"))
            .header("origin", origin)
            .json(&json!({"message": "hello"}))
            .send()
            .unwrap()
    };

    let server = TestServer::start(ServerConfig {
        allowed_origins: vec!["https://shop.example".into()],
        ..open_config()
    });
    let response = preflight(&server, "https://shop.example");
    assert!(response.status().is_success());
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://shop.example"
    );
    let methods = response.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap();
    assert!(methods.contains("POST"), "{methods}");
    let response = simple(&server, "https://shop.example");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://shop.example"
    );
    let response = preflight(&server, "https://evil.example");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    let response = simple(&server, "https://evil.example");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );

    // No --allow-origin: no CORS at all.
    let server = TestServer::start(open_config());
    let response = simple(&server, "https://shop.example");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    let response = preflight(&server, "https://shop.example");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

#[test]
fn serve_closes_slow_header_connections_and_shuts_down_gracefully() {
    let server = TestServer::start_with(
        open_config(),
        Some(ConnectionLimits {
            header_read_timeout: Duration::from_millis(500),
            ..ConnectionLimits::default()
        }),
    );
    // A normal request works through `serve`, and the peer address reaches the rate limiter.
    assert_eq!(
        server.say(None, "hello")["session_id"]
            .as_str()
            .unwrap()
            .len(),
        32
    );

    let mut slow = TcpStream::connect(server.addr).unwrap();
    slow.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    let closed = match slow.read(&mut buf) {
        Ok(0) => true,
        Ok(n) => String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 408"),
        Err(_) => true,
    };
    assert!(closed, "slow header connection not closed");
    assert!(started.elapsed() < Duration::from_secs(5));

    let stop_started = Instant::now();
    drop(server);
    assert!(stop_started.elapsed() < Duration::from_secs(5));
}

/// Reads one HTTP/1.1 response with a `Content-Length` body from `stream`.
/// `None` when the server closes (or resets) the connection before a whole
/// response arrived; panics if nothing happens within 10 s.
fn read_response(stream: &mut TcpStream) -> Option<String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&buf).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap())
                })
                .expect("a content-length");
            if buf.len() >= end + 4 + length {
                return Some(text);
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(err)
                if matches!(
                    err.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                panic!(
                    "no response and no close within 10 s; got {:?}",
                    String::from_utf8_lossy(&buf)
                )
            }
            Err(_) => return None, // reset
        }
    }
}

/// Sends a keep-alive `GET /api/health` on `stream` and reads the answer.
fn health_on(stream: &mut TcpStream) -> Option<String> {
    if stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .is_err()
    {
        return None;
    }
    read_response(stream)
}

/// Retries `GET /api/health` with a fresh client until it succeeds (true)
/// or `within` has passed (false).
fn health_succeeds_within(server: &TestServer, within: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < within {
        let http = Client::builder()
            .timeout(Duration::from_secs(5))
            .pool_max_idle_per_host(0)
            .build()
            .unwrap();
        if let Ok(response) = http.get(server.url("/api/health")).send()
            && response.status() == StatusCode::OK
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn connection_cap_closes_excess_connections_until_a_slot_frees() {
    let server = TestServer::start_with(
        open_config(),
        Some(ConnectionLimits {
            max_connections: 4,
            // Long enough that the idle keep-alive connections below stay open.
            header_read_timeout: Duration::from_secs(60),
            shutdown_grace: Duration::from_secs(1),
            ..ConnectionLimits::default()
        }),
    );
    // Four keep-alive connections, each served once: they hold every slot.
    let mut held: Vec<TcpStream> = (0..4)
        .map(|i| {
            let mut stream = TcpStream::connect(server.addr).unwrap();
            let response = health_on(&mut stream);
            assert!(
                response
                    .as_deref()
                    .is_some_and(|r| r.starts_with("HTTP/1.1 200")),
                "connection {i} under the cap: {response:?}"
            );
            stream
        })
        .collect();

    // Over the cap, new connections are accepted and closed with no response.
    for i in 0..3 {
        let mut excess = TcpStream::connect(server.addr).unwrap();
        let response = health_on(&mut excess);
        assert_eq!(
            response,
            None,
            "connection {} over the cap was served",
            i + 5
        );
    }
    // The connections holding the slots are still served.
    for stream in &mut held {
        let response = health_on(stream);
        assert!(
            response
                .as_deref()
                .is_some_and(|r| r.starts_with("HTTP/1.1 200")),
            "{response:?}"
        );
    }

    // Once two clients leave, a new client is served again.
    held.truncate(2);
    assert!(
        health_succeeds_within(&server, Duration::from_secs(10)),
        "no slot freed after two connections closed"
    );
    let response = health_on(&mut held[0]);
    assert!(
        response
            .as_deref()
            .is_some_and(|r| r.starts_with("HTTP/1.1 200")),
        "{response:?}"
    );
}

#[test]
fn silent_and_slow_clients_cannot_hold_the_connection_cap() {
    let server = TestServer::start_with(
        open_config(),
        Some(ConnectionLimits {
            max_connections: 4,
            header_read_timeout: Duration::from_secs(1),
            shutdown_grace: Duration::from_secs(1),
            ..ConnectionLimits::default()
        }),
    );
    // Every slot taken by a client that never finishes a request: two send
    // nothing at all, one half a request head, one half the HTTP/2 preface.
    let mut hostile: Vec<TcpStream> = [
        &b""[..],
        b"",
        b"GET /api/health HTTP/1.1\r\nHost",
        b"PRI * HTTP/2.0\r\n",
    ]
    .into_iter()
    .map(|bytes| {
        let mut stream = TcpStream::connect(server.addr).unwrap();
        stream.write_all(bytes).unwrap();
        stream
    })
    .collect();

    // The server closes each of them (hyper may first answer 408) ...
    for (i, stream) in hostile.iter_mut().enumerate() {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut buf = [0u8; 1024];
        let closed = match stream.read(&mut buf) {
            Ok(0) => true,
            Ok(n) => String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 408"),
            Err(err) => !matches!(
                err.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ),
        };
        assert!(closed, "hostile connection {i} still open after 10 s");
    }
    // ... so a normal client is served.
    assert!(
        health_succeeds_within(&server, Duration::from_secs(10)),
        "the cap stayed exhausted"
    );
}

#[test]
fn concurrent_requests_on_one_session_keep_it_usable() {
    let server = TestServer::start(open_config());
    let id = server.say(None, "sneakers")["session_id"]
        .as_str()
        .unwrap()
        .to_string();
    std::thread::scope(|scope| {
        let handles: Vec<_> = [
            "only Puma",
            "cheaper",
            "black",
            "under $70",
            "more",
            "any brand",
        ]
        .into_iter()
        .map(|message| {
            let (server, id) = (&server, &id);
            scope.spawn(move || server.say(Some(id), message))
        })
        .collect();
        for handle in handles {
            let answer = handle.join().unwrap();
            assert_eq!(answer["session_id"], id.as_str());
        }
    });
    assert_eq!(
        server.say(Some(&id), "start over")["session_id"],
        id.as_str()
    );
}

fn products(answer: &Value) -> &Vec<Value> {
    answer["products"].as_array().unwrap()
}

#[test]
fn multi_turn_conversation_refines_and_sessions_are_isolated() {
    let server = TestServer::start(open_config());
    let first = server.say(None, "black sneakers for men under $80");
    let a = first["session_id"].as_str().unwrap().to_string();
    assert_eq!(first["kind"], "results", "{first}");
    assert!(!products(&first).is_empty(), "{first}");
    assert_eq!(first["filters"]["price"]["max"], json!(80.0), "{first}");
    assert_eq!(
        first["filters"]["facets"]["color"]["any_of"],
        json!(["Black"])
    );
    for p in products(&first) {
        assert_eq!(p["color"], "Black", "{p}");
        assert!(p["price"].as_f64().unwrap() <= 80.0, "{p}");
        assert!(p["id"].is_string() && p["title"].is_string());
        assert_eq!(p["currency"], "USD");
    }
    assert!(!first["reply"].as_str().unwrap().is_empty());
    assert!(first["total"].as_u64().unwrap() >= products(&first).len() as u64);

    // Another shopper meanwhile: none of the first one's filters.
    let other = server.say(None, "red sneakers");
    let b = other["session_id"].as_str().unwrap().to_string();
    assert_ne!(a, b);
    assert!(other["filters"]["facets"].get("brand").is_none(), "{other}");
    assert_eq!(other["filters"]["price"], Value::Null, "{other}");

    let puma = server.say(Some(&a), "only Puma");
    assert_eq!(puma["session_id"], a.as_str());
    assert_eq!(
        puma["filters"]["facets"]["brand"]["any_of"],
        json!(["Puma"]),
        "{puma}"
    );
    assert_eq!(
        puma["filters"]["facets"]["color"]["any_of"],
        json!(["Black"]),
        "{puma}"
    );
    assert!(!products(&puma).is_empty(), "{puma}");
    for p in products(&puma) {
        assert_eq!(p["brand"], "Puma", "{p}");
    }
    let cheapest_shown = products(&puma)
        .iter()
        .filter_map(|p| p["price"].as_f64())
        .fold(f64::INFINITY, f64::min);

    // Every Puma match was shown and none is cheaper than the cheapest of
    // them: the assistant says so and keeps the filters and products, now
    // shown cheapest first (issue 14: the answer must hold for the list).
    let cheaper = server.say(Some(&a), "cheaper");
    let mut kept = puma["filters"].clone();
    kept["sort"] = json!("price_asc");
    assert_eq!(cheaper["filters"], kept, "{cheaper}");
    assert!(
        cheaper["reply"]
            .as_str()
            .unwrap()
            .contains("nothing cheaper"),
        "{cheaper}"
    );
    for p in products(&cheaper) {
        assert!(p["price"].as_f64().unwrap() >= cheapest_shown, "{p}");
    }
    // Without the brand, best match first, one product shown: "cheaper"
    // goes below its price.
    let (_, any_brand) =
        server.chat(json!({"message": "any brand, most relevant", "session_id": a, "limit": 1}));
    let shown = products(&any_brand)[0]["price"].as_f64().unwrap();
    let (_, cheaper) = server.chat(json!({"message": "cheaper", "session_id": a, "limit": 10}));
    assert!(
        cheaper["filters"]["price"]["max"].as_f64().unwrap() < shown,
        "{cheaper}"
    );
    assert!(!products(&cheaper).is_empty(), "{cheaper}");
    for p in products(&cheaper) {
        assert!(p["price"].as_f64().unwrap() < shown, "{p}");
    }

    // The second session still has only its own filters.
    let again = server.say(Some(&b), "sneakers");
    assert_eq!(again["session_id"], b.as_str());
    assert!(again["filters"]["facets"].get("brand").is_none(), "{again}");
}

#[test]
fn product_detail_has_every_attribute() {
    let server = TestServer::start(open_config());
    let response = client().get(server.url("/api/products/S1")).send().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let product: Value = response.json().unwrap();
    assert_eq!(product["id"], "S1");
    assert_eq!(product["title"], "Black running sneakers");
    assert_eq!(product["brand"], "Puma");
    assert_eq!(product["price"], json!(59.9));
    assert_eq!(product["currency"], "USD");
    assert!(product["extra"].is_object());
    assert!(product.get("material").is_some() && product.get("stock").is_some());
}
