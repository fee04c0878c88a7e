//! Limits keyed to the right thing (issue 17), against a real server on
//! loopback (`vitrine::server::serve` in-process, or the `vitrine` binary)
//! with real HTTP clients and raw sockets from distinct loopback addresses
//! (127.0.0.2, 127.0.0.3, ...: all of 127.0.0.0/8 is this machine):
//!
//! - an API client running 20,000 turns over 1,000 sessions at full speed
//!   from one address gets no `429` at the defaults;
//! - new sessions per address and turns per session are limited, with the
//!   whole JSON error and `Retry-After`;
//! - `X-Forwarded-For` is believed only from `--trusted-proxy` networks;
//! - one address holding 1,100 sockets (slow headers and idle HTTP/2)
//!   leaves another address's client at 99% success or more, while the
//!   same attack without the per-address cap locks it out;
//! - idle HTTP/2 connections are closed; hyper's own 400/414/431 answers
//!   are JSON; refused connections are summarised, not logged one by one.

use reqwest::StatusCode;
use reqwest::blocking::Client;
use serde_json::{Value, json};
use std::io::{BufRead, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
mod common;

use common::{TestServer, index_of};
use vitrine::server::{Cidr, ConnectionLimits, ServerConfig, TrustedProxies};

/// A small catalog: turns are cheap, so the tests measure the limits.
fn catalog() -> String {
    let mut csv = String::from("id,title,brand,color,gender,category,price\n");
    let brands = ["Puma", "Nike", "Adidas", "Vans"];
    let colors = ["Black", "White", "Red", "Blue"];
    for i in 0..32 {
        let (brand, color) = (brands[i % 4], colors[(i / 4) % 4]);
        let gender = if i % 2 == 0 { "Men" } else { "Women" };
        csv.push_str(&format!(
            "S{i},{brand} {color} sneakers,{brand},{color},{gender},{gender} > Shoes > Sneakers,{}\n",
            30 + i * 3
        ));
    }
    csv
}

fn start(config: ServerConfig, limits: ConnectionLimits) -> TestServer {
    TestServer::serve(index_of(&catalog()), config, Some(limits))
}

fn client_from(ip: &str) -> Client {
    Client::builder()
        .local_address(ip.parse::<IpAddr>().unwrap())
        .timeout(Duration::from_secs(20))
        .no_proxy()
        .build()
        .unwrap()
}

fn chat(client: &Client, addr: SocketAddr, body: Value) -> (StatusCode, Option<u64>, Value) {
    let response = client
        .post(format!("http://{addr}/api/chat"))
        .json(&body)
        .send()
        .unwrap();
    let status = response.status();
    let retry = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok()?.parse().ok());
    (status, retry, response.json().unwrap())
}

fn error_json(code: &str, message: &str) -> Value {
    json!({ "error": { "code": code, "message": message } })
}

#[test]
fn an_api_client_running_20000_turns_over_1000_sessions_is_not_throttled() {
    let server = start(ServerConfig::default(), ConnectionLimits::default());
    let addr = server.addr;
    let script = ["black sneakers", "only Puma", "cheaper", "in white", "hi"];
    let statuses = Arc::new(std::sync::Mutex::new(std::collections::BTreeMap::new()));
    // 8 workers, 125 sessions each: every session is opened first (1,000
    // new sessions from one address within moments), then each gets 19
    // more turns, interleaved, as fast as the server answers.
    std::thread::scope(|scope| {
        for _ in 0..8 {
            let statuses = Arc::clone(&statuses);
            scope.spawn(move || {
                let client = client_from("127.0.0.1");
                let mut ids: Vec<String> = Vec::new();
                let count = |status: StatusCode| {
                    *statuses.lock().unwrap().entry(status.as_u16()).or_insert(0) += 1;
                };
                for _ in 0..125 {
                    let (status, _, answer) =
                        chat(&client, addr, json!({"message": script[0], "limit": 3}));
                    count(status);
                    if let Some(id) = answer["session_id"].as_str() {
                        ids.push(id.to_string());
                    }
                }
                for turn in 1..20 {
                    for id in &ids {
                        let message = script[turn % script.len()];
                        let (status, _, answer) = chat(
                            &client,
                            addr,
                            json!({"message": message, "session_id": id, "limit": 3}),
                        );
                        count(status);
                        assert_eq!(answer["session_id"], id.as_str(), "{answer}");
                    }
                }
            });
        }
    });
    let statuses = statuses.lock().unwrap().clone();
    assert_eq!(
        statuses,
        std::collections::BTreeMap::from([(200, 20_000)]),
        "statuses"
    );
}

#[test]
fn new_sessions_per_address_and_turns_per_session_are_limited() {
    let server = start(
        ServerConfig {
            new_sessions_per_minute: Some(2),
            turns_per_session_per_minute: Some(3),
            ..ServerConfig::default()
        },
        ConnectionLimits::default(),
    );
    let (addr, me, other) = (
        server.addr,
        client_from("127.0.0.4"),
        client_from("127.0.0.5"),
    );
    let (_, _, first) = chat(&me, addr, json!({"message": "sneakers"}));
    let id = first["session_id"].as_str().unwrap().to_string();
    chat(&me, addr, json!({"message": "hi"}));
    // A third new session from this address is refused, for about the
    // 30 s a new one takes to be allowed at 2 a minute.
    let (status, retry, body) = chat(&me, addr, json!({"message": "hi"}));
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let retry = retry.unwrap();
    assert!((25..=30).contains(&retry), "{retry}");
    assert_eq!(
        body,
        error_json(
            "new_session_rate_limited",
            &format!(
                "Too many new conversations from this address; continue an existing one \
(send its `session_id`) or retry in {retry} s."
            )
        )
    );
    // ... an unknown id counts as a new session ...
    let (status, _, _) = chat(
        &me,
        addr,
        json!({"message": "hi", "session_id": "0123456789abcdef0123456789abcdef"}),
    );
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // ... another address is not affected ...
    let (status, _, _) = chat(&other, addr, json!({"message": "hi"}));
    assert_eq!(status, StatusCode::OK);
    // ... and the existing conversation goes on, up to 3 turns a minute.
    for message in ["only Puma", "cheaper"] {
        let (status, _, answer) = chat(&me, addr, json!({"message": message, "session_id": id}));
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["session_id"], id.as_str());
    }
    let (status, retry, body) = chat(&me, addr, json!({"message": "in red", "session_id": id}));
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let retry = retry.unwrap();
    assert!((15..=20).contains(&retry), "{retry}");
    assert_eq!(
        body,
        error_json(
            "session_rate_limited",
            &format!("Too many messages in this conversation; retry in {retry} s.")
        )
    );
}

#[test]
fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
    let config = |trusted: &[&str]| ServerConfig {
        new_sessions_per_minute: Some(1),
        trusted_proxies: TrustedProxies::new(
            trusted.iter().map(|c| Cidr::parse(c).unwrap()).collect(),
        ),
        ..ServerConfig::default()
    };
    let new_session_as = |server: &TestServer, from: &str, forwarded: &str| {
        client_from(from)
            .post(format!("http://{}/api/chat", server.addr))
            .header("x-forwarded-for", forwarded)
            .json(&json!({"message": "hi"}))
            .send()
            .unwrap()
            .status()
    };
    // Untrusted: a client cannot pose as many by forging the header.
    let server = start(config(&[]), ConnectionLimits::default());
    assert_eq!(new_session_as(&server, "127.0.0.6", "198.51.100.1"), 200);
    assert_eq!(new_session_as(&server, "127.0.0.6", "198.51.100.2"), 429);
    // Trusted proxy 127.0.0.7: each forwarded client has its own budget,
    // and a client's forged entry left of the proxy's is skipped.
    let server = start(config(&["127.0.0.7/32"]), ConnectionLimits::default());
    assert_eq!(new_session_as(&server, "127.0.0.7", "198.51.100.1"), 200);
    assert_eq!(new_session_as(&server, "127.0.0.7", "198.51.100.2"), 200);
    assert_eq!(
        new_session_as(&server, "127.0.0.7", "203.0.113.50, 198.51.100.1"),
        429
    );
    // The same headers from an address that is not the proxy: ignored.
    assert_eq!(new_session_as(&server, "127.0.0.8", "198.51.100.3"), 200);
    assert_eq!(new_session_as(&server, "127.0.0.8", "198.51.100.4"), 429);
}

/// The HTTP/2 preface and an empty SETTINGS frame (RFC 9113).
const H2C_HELLO: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00";

/// Holds `sockets` connections from `ip` to `server` until `stop`: half
/// trickle a request head one header line at a time (slowloris), half are
/// idle HTTP/2 connections. Closed ones are reopened every 100 ms. Returns
/// how many connections the server closed.
fn hold_sockets(
    ip: &str,
    server: SocketAddr,
    sockets: usize,
    stop: Arc<AtomicBool>,
    closed: Arc<AtomicUsize>,
    opened: Arc<AtomicUsize>,
) -> std::thread::JoinHandle<()> {
    let ip: IpAddr = ip.parse().unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let connect = |slow: bool| async move {
                let socket = tokio::net::TcpSocket::new_v4().ok()?;
                socket.bind(SocketAddr::new(ip, 0)).ok()?;
                let mut stream = socket.connect(server).await.ok()?;
                let hello: &[u8] = if slow {
                    b"GET /api/health HTTP/1.1\r\nHost: x\r\n"
                } else {
                    H2C_HELLO
                };
                stream.write_all(hello).await.ok()?;
                Some(stream)
            };
            let mut held: Vec<Option<tokio::net::TcpStream>> = Vec::new();
            for i in 0..sockets {
                let stream = connect(i % 2 == 0).await;
                if stream.is_some() {
                    opened.fetch_add(1, Ordering::Relaxed);
                }
                held.push(stream);
            }
            opened.fetch_add(1 << 20, Ordering::Relaxed); // all attempted
            let mut buf = [0u8; 1024];
            while !stop.load(Ordering::Relaxed) {
                for (i, slot) in held.iter_mut().enumerate() {
                    let slow = i % 2 == 0;
                    let alive = match slot {
                        Some(stream) => {
                            // Closed by the server? (EOF or reset; data such
                            // as the server's SETTINGS is fine.)
                            let gone = matches!(
                                tokio::time::timeout(
                                    Duration::from_millis(0),
                                    stream.read(&mut buf),
                                )
                                .await,
                                Ok(Ok(0)) | Ok(Err(_))
                            );
                            !gone && (!slow || stream.write_all(b"X-Slow: 1\r\n").await.is_ok())
                        }
                        None => false,
                    };
                    if !alive {
                        if slot.is_some() {
                            closed.fetch_add(1, Ordering::Relaxed);
                        }
                        *slot = connect(slow).await;
                    }
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
    })
}

/// Share of `n` requests from `ip`, each on a new connection, that succeed.
fn success_rate(ip: &str, server: SocketAddr, n: usize) -> f64 {
    let client = Client::builder()
        .local_address(ip.parse::<IpAddr>().unwrap())
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(0)
        .no_proxy()
        .build()
        .unwrap();
    let ok = (0..n)
        .filter(|i| {
            let response = if i % 2 == 0 {
                client.get(format!("http://{server}/api/health")).send()
            } else {
                client
                    .post(format!("http://{server}/api/chat"))
                    .json(&json!({"message": "black sneakers"}))
                    .send()
            };
            std::thread::sleep(Duration::from_millis(10));
            response.is_ok_and(|r| r.status() == StatusCode::OK)
        })
        .count();
    ok as f64 / n as f64
}

/// Waits until the attacker has tried all its sockets (on a busy machine
/// that takes a while), then a moment for the server to take them in.
fn wait_for_attack(opened: &AtomicUsize) {
    let started = std::time::Instant::now();
    while opened.load(Ordering::Relaxed) < 1 << 20 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));
}

#[test]
fn one_address_holding_1100_sockets_cannot_lock_others_out() {
    common::raise_open_file_limit();
    // The old global cap (1,024), so that 1,100 sockets would fill it.
    let limits = ConnectionLimits {
        max_connections: 1_024,
        ..ConnectionLimits::default()
    };
    let server = start(ServerConfig::default(), limits.clone());
    let (stop, closed) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicUsize::new(0)),
    );
    let opened = Arc::new(AtomicUsize::new(0));
    let attacker = hold_sockets(
        "127.0.0.2",
        server.addr,
        1_100,
        stop.clone(),
        closed.clone(),
        opened.clone(),
    );
    wait_for_attack(&opened);
    let rate = success_rate("127.0.0.3", server.addr, 200);
    stop.store(true, Ordering::Relaxed);
    attacker.join().unwrap();
    assert!(rate >= 0.99, "legitimate success rate {rate}");
    // The cap did the work: all but 256 of the attacker's sockets were closed.
    assert!(
        closed.load(Ordering::Relaxed) >= 1_100 - 256,
        "closed {}",
        closed.load(Ordering::Relaxed)
    );

    // The same attack without a per-address cap takes every slot.
    let server = start(
        ServerConfig::default(),
        ConnectionLimits {
            max_connections_per_address: usize::MAX,
            ..limits
        },
    );
    let (stop, closed) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicUsize::new(0)),
    );
    let opened = Arc::new(AtomicUsize::new(0));
    let attacker = hold_sockets(
        "127.0.0.2",
        server.addr,
        1_100,
        stop.clone(),
        closed,
        opened.clone(),
    );
    wait_for_attack(&opened);
    let rate = success_rate("127.0.0.3", server.addr, 20);
    stop.store(true, Ordering::Relaxed);
    attacker.join().unwrap();
    assert!(rate <= 0.5, "without the per-address cap: {rate}");
}

#[test]
fn idle_http2_connections_are_closed() {
    let server = start(
        ServerConfig::default(),
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(1),
            ..ConnectionLimits::default()
        },
    );
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream.write_all(H2C_HELLO).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    let mut frames = Vec::new();
    let mut buf = [0u8; 4096];
    let closed = loop {
        match stream.read(&mut buf) {
            Ok(0) => break true,
            Ok(n) => frames.extend_from_slice(&buf[..n]),
            Err(err) => {
                break !matches!(
                    err.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                );
            }
        }
    };
    assert!(closed, "an idle HTTP/2 connection stayed open for 10 s");
    assert!(started.elapsed() < Duration::from_secs(9));
    // The server said goodbye with a GOAWAY frame (type 7) before closing.
    let mut at = 0;
    let mut kinds = Vec::new();
    while at + 9 <= frames.len() {
        let length = usize::from(frames[at]) << 16
            | usize::from(frames[at + 1]) << 8
            | usize::from(frames[at + 2]);
        kinds.push(frames[at + 3]);
        at += 9 + length;
    }
    assert!(kinds.contains(&7), "frame types {kinds:?}");
}

/// Sends `request` and reads until the server closes the connection.
fn raw_exchange(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn hypers_own_errors_are_json() {
    let server = start(ServerConfig::default(), ConnectionLimits::default());
    let many_headers: String = (0..101).map(|i| format!("X-H{i}: v\r\n")).collect();
    let long_target = format!("/{}", "a".repeat(70_000));
    let cases = [
        (
            b"GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n".to_vec(),
            "400 Bad Request",
            "bad_request",
            "The request is not valid HTTP.",
        ),
        (
            format!("GET /api/health HTTP/1.1\r\nHost: x\r\n{many_headers}\r\n").into_bytes(),
            "431 Request Header Fields Too Large",
            "header_fields_too_large",
            "The request headers are too large or too many.",
        ),
        (
            format!("GET {long_target} HTTP/1.1\r\nHost: x\r\n\r\n").into_bytes(),
            "414 URI Too Long",
            "uri_too_long",
            "The request target is too long.",
        ),
    ];
    for (request, status, code, message) in cases {
        let response = raw_exchange(server.addr, &request);
        assert!(
            response.starts_with(&format!("HTTP/1.1 {status}\r\n")),
            "{response}"
        );
        let (head, body) = response.split_once("\r\n\r\n").unwrap();
        let head = head.to_ascii_lowercase();
        assert!(
            head.contains("\r\ncontent-type: application/json\r\n"),
            "{head}"
        );
        assert!(
            head.contains(&format!("\r\ncontent-length: {}", body.len())),
            "{head}"
        );
        let body: Value = serde_json::from_str(body).unwrap();
        assert_eq!(body, error_json(code, message));
    }
}

#[test]
fn refused_connections_are_summarised_in_one_line_per_interval() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("catalog.csv");
    std::fs::write(&csv, catalog()).unwrap();
    let log = dir.path().join("serve.log");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(["serve", "--addr", "127.0.0.1:0", "--log-summary", "1"])
        .args(["--max-connections-per-address", "2", "--index"])
        .arg(dir.path().join("index"))
        .arg("--catalog")
        .arg(&csv)
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr: SocketAddr = line
        .trim()
        .rsplit_once("http://")
        .map(|(_, a)| a.trim_end_matches('/'))
        .unwrap()
        .parse()
        .unwrap();
    // Two connections held, 48 more refused one by one.
    let held: Vec<TcpStream> = (0..2).map(|_| TcpStream::connect(addr).unwrap()).collect();
    for _ in 0..48 {
        let mut refused = TcpStream::connect(addr).unwrap();
        refused
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let _ = refused.read(&mut [0u8; 16]);
    }
    drop(held);
    // Answers are counted too, error answers by their code. The server may
    // not have seen the held connections close yet: a connection it still
    // refuses is one more refused, counted with the others.
    let client = Client::new();
    let mut refused_while_closing = 0;
    for body in [json!({ "message": "shoes" }), json!({ "message": "" })] {
        let mut tries = 0;
        loop {
            let sent = client
                .post(format!("http://{addr}/api/chat"))
                .json(&body)
                .send();
            match sent {
                Ok(_) => break,
                Err(e) if tries < 100 => {
                    assert!(e.is_request() || e.is_connect(), "{e}");
                    refused_while_closing += 1;
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => panic!("the server never admitted the client again: {e}"),
            }
        }
    }
    std::thread::sleep(Duration::from_millis(2_500));
    let _ = child.kill();
    let _ = child.wait();
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("per-address cap"))
        .collect();
    let total: usize = lines
        .iter()
        .filter_map(|l| {
            let at = l.find(" connections over the per-address cap")?;
            l[..at].rsplit(' ').next()?.parse::<usize>().ok()
        })
        .sum();
    assert_eq!(total, 48 + refused_while_closing, "{text}");
    assert!((1..=3).contains(&lines.len()), "{text}");
    assert!(lines.iter().all(|l| l.contains("WARN")), "{text}");
    assert!(lines[0].contains("most refused: 127.0.0.1 ×"), "{text}");
    let answered: usize = text
        .lines()
        .filter_map(|l| {
            let at = l.find(" requests")?;
            l[..at].rsplit(' ').next()?.parse::<usize>().ok()
        })
        .sum();
    assert_eq!(answered, 2, "{text}");
    assert!(text.contains("error answers: empty_message ×1"), "{text}");
}
