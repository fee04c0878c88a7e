//! Demand insights end to end. Scripted conversations through the real
//! HTTP server write a demand log; `vitrine insights` (the real binary)
//! reports exactly the unmet combinations, with the closest supply counted
//! in the catalog, and the words not understood, with what the shoppers
//! said instead; it suggests synonyms from them. The admin page refuses
//! missing and wrong credentials and does not exist without a token. A
//! `vitrine serve` killed with SIGKILL under traffic leaves a log whose
//! complete lines all parse, and a torn last line is skipped and counted.

mod common;

use common::{TestServer, index_of};
use reqwest::blocking::Client;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vitrine::Engine;
use vitrine::insights::{DemandLog, DemandLogConfig};
use vitrine::server::{AdminConfig, AppState, ServerConfig};

const CATALOG: &str = include_str!("fixtures/insights/catalog.csv");
const TOKEN: &str = "insights-test-token-0123456789";

/// A server over the fixture catalog logging demand into its own directory.
struct Logged {
    server: TestServer,
    log: Arc<DemandLog>,
    index: PathBuf,
    demand: tempfile::TempDir,
}

fn logged_server(admin: bool) -> Logged {
    let index = index_of(CATALOG);
    let path = index.path().to_path_buf();
    let demand = tempfile::tempdir().unwrap();
    let log = Arc::new(DemandLog::open(&DemandLogConfig::new(demand.path(), "test")).unwrap());
    let config = ServerConfig {
        admin: admin.then(|| AdminConfig {
            token: TOKEN.into(),
            logs: vec![demand.path().to_path_buf()],
        }),
        ..ServerConfig::default()
    };
    let engine = Arc::new(Engine::open(index.path()).unwrap());
    let state = AppState::new(engine, config).with_demand_log(Arc::clone(&log));
    Logged {
        server: TestServer::with_state(index, state, None),
        log,
        index: path,
        demand,
    }
}

/// Sends one conversation, each message continuing the session.
fn converse(base: &str, messages: &[&str]) -> Vec<Value> {
    let client = Client::new();
    let mut session: Option<String> = None;
    messages
        .iter()
        .map(|message| {
            let mut body = json!({ "message": message });
            if let Some(id) = &session {
                body["session_id"] = json!(id);
            }
            let answer: Value = client
                .post(format!("{base}/api/chat"))
                .json(&body)
                .send()
                .unwrap()
                .error_for_status()
                .unwrap()
                .json()
                .unwrap();
            session = answer["session_id"].as_str().map(str::to_string);
            answer
        })
        .collect()
}

/// `vitrine insights ARGS...`, which must succeed; its standard output.
fn insights(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .arg("insights")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "vitrine insights {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn without_times(mut unmet: Value) -> Value {
    for u in unmet.as_array_mut().unwrap() {
        let u = u.as_object_mut().unwrap();
        assert!(u.remove("first_asked").unwrap().is_string());
        assert!(u.remove("last_asked").unwrap().is_string());
    }
    unmet
}

#[test]
fn scripted_conversations_report_unmet_demand_and_gaps_exactly() {
    let logged = logged_server(false);
    let base = format!("http://{}", logged.server.addr);
    let conversations: [&[&str]; 9] = [
        // Paging through the answer does not ask again.
        &["red sneakers for women under 1000", "show more"],
        // The same combination in Portuguese.
        &["tênis vermelho feminino até 1000"],
        &["red sneakers for women under 1000"],
        // A product's details do not ask again either.
        &["black jeans for women", "the first one"],
        &["black jeans for women"],
        // "pumps" is not understood (no such product: not kept); both
        // shoppers then say "sneakers".
        &["pumps for women", "sneakers for women"],
        &["pumps for women", "sneakers"],
        &["jersey for men"],
        &["hi", "black sneakers for men"],
    ];
    let mut turns = 0;
    for messages in conversations {
        turns += converse(&base, messages).len();
    }
    logged.log.flush();
    assert_eq!(logged.log.stats().written, turns as u64);

    let dir = logged.demand.path().to_str().unwrap();
    let index = logged.index.to_str().unwrap();
    let report: Value = serde_json::from_str(&insights(&[
        dir, "--index", index, "--format", "json", "--since", "all",
    ]))
    .unwrap();

    let closest = |relax: &[&str], count: u64, lowest: f64, highest: f64, label: &str| json!({"relax": relax, "count": count, "lowest_price": lowest, "highest_price": highest, "label": label});
    let facet = |values: &[&str]| json!({"any_of": values});
    assert_eq!(
        without_times(report["unmet"].clone()),
        json!([
            {
                "asked": {"facets": {"color": facet(&["Red"]), "gender": facet(&["Women"]), "type": facet(&["Sneakers"])}, "price_max": 1000.0},
                "label": "red sneakers for women under ₹1,000",
                "requests": 3, "conversations": 3, "matching_now": 0,
                "closest": [
                    closest(&["type"], 1, 799.0, 799.0, "1 in other product types"),
                    closest(&["color"], 1, 899.0, 899.0, "1 in other colours"),
                    closest(&["price"], 1, 3499.0, 3499.0, "1 above ₹1,000 (from ₹3,499)"),
                ]
            },
            {
                "asked": {"facets": {"color": facet(&["Black"]), "gender": facet(&["Women"]), "type": facet(&["Jeans"])}},
                "label": "black jeans for women",
                "requests": 2, "conversations": 2, "matching_now": 0,
                "closest": [
                    closest(&["type"], 1, 1999.0, 1999.0, "1 in other product types"),
                    closest(&["color"], 1, 2999.0, 2999.0, "1 in other colours"),
                    closest(&["gender"], 1, 2599.0, 2599.0, "1 for other audiences"),
                ]
            },
            {
                "asked": {"facets": {"gender": facet(&["Women"])}, "text": ["pumps"]},
                "label": "products matching “pumps” for women",
                "requests": 2, "conversations": 2, "matching_now": 0,
                "closest": [closest(&["text"], 5, 799.0, 3999.0, "5 without “pumps”")]
            },
            {
                "asked": {"facets": {"gender": facet(&["Men"])}, "text": ["jersey"]},
                "label": "products matching “jersey” for men",
                "requests": 1, "conversations": 1, "matching_now": 0,
                "closest": [closest(&["text"], 4, 1299.0, 4599.0, "4 without “jersey”")]
            },
        ])
    );
    assert_eq!(
        report["gaps"],
        json!([
            {
                "word": "pumps", "turns": 2, "conversations": 2,
                "likely": [{
                    "facet": "type", "value": "Sneakers", "products": 5,
                    "evidence": "rephrased", "rephrased": 2, "similarity": 0.13,
                    "label": "product type Sneakers (rephrased as this 2×)"
                }]
            },
            {"word": "jersey", "turns": 1, "conversations": 1, "likely": []},
        ])
    );
    let health = &report["health"];
    assert_eq!(health["turns"], json!(turns));
    assert_eq!(health["conversations"], json!(9));
    assert_eq!(
        (
            &health["exact"],
            &health["relaxed"],
            &health["details"],
            &health["chat"]
        ),
        // "pumps for women" and "jersey for men" find nothing (not any
        // product for women or men); the sneakers after pumps are exact.
        (&json!(3), &json!(5), &json!(1), &json!(2)),
        "{health}"
    );
    assert_eq!(health["languages"], json!({"en": 13, "pt": 1}));
    assert_eq!(health["median_turns_per_conversation"], json!(2.0));
    assert_eq!(report["log"]["skipped_lines"], json!(0));
    // Demand against supply: red and black were each asked in 3 of the 6
    // requests naming a colour (3 products each; ties go by name).
    let colours = report["demand"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["facet"] == "color")
        .unwrap();
    assert_eq!(colours["requests"], json!(6));
    let row = |i: usize| {
        let v = &colours["values"][i];
        (
            v["value"].clone(),
            v["requests"].clone(),
            v["demand_share"].clone(),
            v["products"].clone(),
        )
    };
    assert_eq!(row(0), (json!("Black"), json!(3), json!(0.5), json!(3)));
    assert_eq!(row(1), (json!("Red"), json!(3), json!(0.5), json!(3)));
    let timeline = &report["timeline"];
    assert_eq!(timeline["bucket"], json!("hour"));
    let requests: u64 = timeline["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["requests"].as_u64().unwrap())
        .sum();
    assert_eq!(requests, 11);

    // The same report in Portuguese, as a table, and as HTML.
    let table = insights(&[dir, "--index", index, "--since", "all", "--lang", "pt"]);
    assert!(table.contains("Demanda não atendida"), "{table}");
    assert!(
        table.contains("tênis vermelhos femininos até ₹1.000"),
        "{table}"
    );
    let html = insights(&[dir, "--index", index, "--since", "all", "--format", "html"]);
    assert!(html.contains("<svg class=\"chart supply wide\""), "{html}");
    assert!(!html.contains("<script"), "{html}");

    // Suggested synonyms, for review; an existing file is never overwritten.
    let suggested = logged.demand.path().join("suggested.txt");
    let path = suggested.to_str().unwrap();
    insights(&[
        dir,
        "--index",
        index,
        "--since",
        "all",
        "--suggest-synonyms",
        path,
    ]);
    let text = std::fs::read_to_string(&suggested).unwrap();
    let rules: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert_eq!(rules, ["pumps -> type: Sneakers"], "{text}");
    let again = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args([
            "insights",
            dir,
            "--index",
            index,
            "--suggest-synonyms",
            path,
        ])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("never overwritten"));
    let parsed = vitrine::understand::Synonyms::parse(&text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
}

fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn error_code(response: reqwest::blocking::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let body: Value = response.json().unwrap();
    (status, body["error"]["code"].clone())
}

#[test]
fn the_admin_page_exists_only_with_a_token_and_refuses_wrong_credentials() {
    // Without a token the routes do not exist.
    let plain = logged_server(false);
    let base = format!("http://{}", plain.server.addr);
    for path in [
        "/admin/insights",
        "/admin/insights.json",
        "/admin/insights.css",
    ] {
        let (status, code) = error_code(client().get(format!("{base}{path}")).send().unwrap());
        assert_eq!((status, code), (404, json!("not_found")), "{path}");
    }
    let (status, _) = error_code(
        client()
            .post(format!("{base}/admin/login"))
            .body("token=x")
            .send()
            .unwrap(),
    );
    assert_eq!(status, 404);

    let logged = logged_server(true);
    let base = format!("http://{}", logged.server.addr);
    converse(&base, &["red sneakers for women under 1000"]);
    logged.log.flush();
    let page = format!("{base}/admin/insights");
    let json_url = format!("{base}/admin/insights.json?since=all");

    // Missing: 401, JSON for an API client, the sign-in form for a browser.
    let response = client().get(&page).send().unwrap();
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"vitrine admin\""
    );
    assert_eq!(error_code(response), (401, json!("unauthorized")));
    assert_eq!(
        error_code(client().get(&json_url).send().unwrap()),
        (401, json!("unauthorized"))
    );
    let form = client()
        .get(&page)
        .header("accept", "text/html")
        .send()
        .unwrap();
    assert_eq!(form.status().as_u16(), 401);
    let html = form.text().unwrap();
    assert!(
        html.contains("<form method=\"post\" action=\"/admin/login\">"),
        "{html}"
    );
    // Wrong: 403; an empty bearer token is no credential.
    let response = client()
        .get(&json_url)
        .bearer_auth("wrong-token-of-some-length")
        .send()
        .unwrap();
    assert_eq!(error_code(response), (403, json!("forbidden")));
    let response = client().get(&json_url).bearer_auth("").send().unwrap();
    assert_eq!(error_code(response), (401, json!("unauthorized")));
    // Right: the page, under the Content-Security-Policy, and the figures.
    let response = client().get(&page).bearer_auth(TOKEN).send().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("style-src 'self'"),
        "{csp}"
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    let html = response.text().unwrap();
    assert!(
        html.contains("red sneakers for women under ₹1,000"),
        "{html}"
    );
    assert!(
        !html.contains("style=") && !html.contains("<script"),
        "inline style or script"
    );
    let report: Value = client()
        .get(&json_url)
        .bearer_auth(TOKEN)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(report["unmet"][0]["requests"], json!(1));
    let (status, code) = error_code(
        client()
            .get(format!("{base}/admin/insights.json?since=yesterday"))
            .bearer_auth(TOKEN)
            .send()
            .unwrap(),
    );
    assert_eq!((status, code), (400, json!("invalid_parameter")));

    // The sign-in form: a wrong token is refused, the right one sets a
    // cookie that only this site's requests carry and scripts cannot read.
    let login = |token: &str| {
        client()
            .post(format!("{base}/admin/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .body(format!("token={token}"))
            .send()
            .unwrap()
    };
    let refused = login("not-the-token-at-all");
    assert_eq!(refused.status().as_u16(), 403);
    assert!(refused.text().unwrap().contains("That token is not right."));
    let signed_in = login(TOKEN);
    assert_eq!(signed_in.status().as_u16(), 303);
    assert_eq!(signed_in.headers()["location"], "/admin/insights");
    let cookie = signed_in.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    for flag in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/admin",
        "Max-Age=43200",
    ] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    let pair = cookie.split(';').next().unwrap().to_string();
    let with_cookie = client().get(&page).header("cookie", &pair).send().unwrap();
    assert_eq!(with_cookie.status().as_u16(), 200);
    let forged = pair.replace('.', ".0");
    let (status, code) = error_code(
        client()
            .get(&json_url)
            .header("cookie", forged)
            .send()
            .unwrap(),
    );
    assert_eq!((status, code), (403, json!("forbidden")));
    let signed_out = client()
        .post(format!("{base}/admin/logout"))
        .header("cookie", &pair)
        .send()
        .unwrap();
    assert_eq!(signed_out.status().as_u16(), 303);
    assert!(
        signed_out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
}

/// A `vitrine serve` in its own process, on a port it chose.
struct Served {
    child: std::process::Child,
    base: String,
}

/// A loopback port free a moment ago.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `vitrine serve` on `port` (its demand log file is named after it).
fn spawn_serve(index: &Path, demand: &Path, port: u16) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(["serve", "--turns-per-session", "off"])
        .arg("--addr")
        .arg(format!("127.0.0.1:{port}"))
        .args(["--new-sessions-per-minute", "off"])
        .arg("--index")
        .arg(index)
        .arg("--demand-log")
        .arg(demand)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Served {
        child,
        base: url.trim_end_matches('/').to_string(),
    }
}

/// Lines of every log file: (complete lines, last line without its newline).
fn log_lines(dir: &Path) -> (Vec<String>, Vec<String>) {
    let mut complete = Vec::new();
    let mut torn = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().extension().is_none_or(|e| e != "jsonl") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let mut lines: Vec<&str> = text.split('\n').collect();
        let last = lines.pop().unwrap_or("");
        complete.extend(
            lines
                .into_iter()
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
        if !last.is_empty() {
            torn.push(last.to_string());
        }
    }
    (complete, torn)
}

#[test]
fn a_killed_server_leaves_a_readable_log() {
    let index = index_of(CATALOG);
    let demand = tempfile::tempdir().unwrap();
    let port = free_port();
    let served = spawn_serve(index.path(), demand.path(), port);
    let stop = Arc::new(AtomicBool::new(false));
    let acked: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let messages = [
        "red sneakers for women under 1000",
        "only puma",
        "cheaper",
        "pumps for women",
        "black jeans",
        "show more",
    ];
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (stop, acked, base) = (Arc::clone(&stop), Arc::clone(&acked), served.base.clone());
            std::thread::spawn(move || {
                let client = Client::builder()
                    .timeout(Duration::from_secs(5))
                    .build()
                    .unwrap();
                let mut session: Option<String> = None;
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let mut body = json!({"message": messages[i % messages.len()]});
                    if let Some(id) = &session {
                        body["session_id"] = json!(id);
                    }
                    let Ok(response) = client.post(format!("{base}/api/chat")).json(&body).send()
                    else {
                        break;
                    };
                    let Ok(answer) = response.json::<Value>() else {
                        break;
                    };
                    acked.lock().unwrap().push(Instant::now());
                    session = answer["session_id"].as_str().map(str::to_string);
                    i += 1;
                    if i % messages.len() == 0 {
                        session = None;
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(3_000));
    let mut child = served.child;
    child.kill().unwrap(); // SIGKILL
    let killed_at = Instant::now();
    child.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() > 20,
        "too little traffic: {} answers",
        acked.len()
    );

    // Every complete line parses; what was answered more than about a
    // second before the kill is there.
    let (complete, torn) = log_lines(demand.path());
    for line in &complete {
        serde_json::from_str::<vitrine::insights::Record>(line)
            .unwrap_or_else(|e| panic!("{e}: {line}"));
    }
    let settled = acked
        .iter()
        .filter(|at| killed_at.duration_since(**at) > Duration::from_millis(1_500))
        .count();
    assert!(
        complete.len() >= settled,
        "{} lines logged, {settled} answers were more than 1.5 s old at the kill",
        complete.len()
    );

    // A line torn by a crash is skipped and counted, never fatal.
    let file = std::fs::read_dir(demand.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .unwrap();
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .unwrap();
    if torn.is_empty() {
        f.write_all(br#"{"type":"turn","v":1,"at":17"#).unwrap();
    }
    drop(f);
    let report: Value = serde_json::from_str(&insights(&[
        demand.path().to_str().unwrap(),
        "--index",
        index.path().to_str().unwrap(),
        "--format",
        "json",
        "--since",
        "all",
    ]))
    .unwrap();
    assert_eq!(report["log"]["torn_lines"], json!(1), "{}", report["log"]);
    assert_eq!(report["log"]["skipped_lines"], json!(1));
    assert_eq!(report["log"]["turns"], json!(complete.len()));

    // Restarted on the same log, the server closes the torn line and goes on.
    let mut again = spawn_serve(index.path(), demand.path(), port);
    converse(&again.base, &["white sneakers for men"]);
    // SIGTERM: a graceful stop writes what is queued.
    // SAFETY: kill(2) on the child this test started.
    let pid = i32::try_from(again.child.id()).unwrap();
    unsafe { libc::kill(pid, libc::SIGTERM) };
    again.child.wait().unwrap();
    let (after, _) = log_lines(demand.path());
    let parsed = after
        .iter()
        .filter(|l| serde_json::from_str::<vitrine::insights::Record>(l).is_ok())
        .count();
    assert_eq!(parsed, complete.len() + 1);
    assert_eq!(
        after.len(),
        complete.len() + 2,
        "the torn line stands alone"
    );
}
