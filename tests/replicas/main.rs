//! Replicas behind a real load balancer (issue 17): two `vitrine serve`
//! processes sharing one index directory and one Redis (`--sessions
//! redis://…`), behind nginx, each started by the test on loopback ports
//! of its own in a temporary directory and stopped at the end.
//!
//! - A conversation whose turns alternate between the replicas keeps its
//!   whole state, and keeps it when every replica is restarted.
//! - Redis stopped and restarted under load: `503 sessions_unavailable`
//!   meanwhile (never a 500, never another session's state), and the
//!   conversations carry on once it is back.
//! - A re-import under traffic through nginx: no failed request, and every
//!   answer wholly from one catalog.
//!
//! Needs `redis-server` and `nginx` (Debian packages of those names;
//! `.ci/run` installs them). Without them each test prints a notice and
//! returns, except under `CI=true`, where it fails.

mod cluster;
#[path = "../common/reimport.rs"]
mod reimport;

use cluster::{Nginx, Redis, Replica, client, tools, wait_until};
use reimport::{catalog_products, old_and_new_catalogs, vitrine_ok};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// One chat turn through `addr`: status, the replica that answered, the body.
fn say(
    client: &reqwest::blocking::Client,
    addr: SocketAddr,
    session: Option<&str>,
    message: &str,
) -> (u16, String, Value) {
    let response = client
        .post(format!("http://{addr}/api/chat"))
        .json(&json!({"message": message, "session_id": session, "limit": 5}))
        .send()
        .unwrap();
    let status = response.status().as_u16();
    let upstream = response
        .headers()
        .get("x-upstream")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (status, upstream, response.json().unwrap_or(Value::Null))
}

/// The demo catalog imported into a fresh index directory.
fn demo_index(dir: &Path) -> PathBuf {
    let index = dir.join("index");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/demo.csv");
    vitrine_ok(
        &[
            "import",
            demo.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ],
        Stdio::null(),
    );
    index
}

fn facet(answer: &Value, name: &str) -> Value {
    answer["filters"]["facets"][name]["any_of"].clone()
}

#[test]
fn a_conversation_hops_between_replicas_and_survives_restarting_them_all() {
    let Some((redis_bin, nginx_bin)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = demo_index(dir.path());
    let redis = Redis::start(&redis_bin);
    let mut a = Replica::start(&index, &redis, dir.path());
    let mut b = Replica::start(&index, &redis, dir.path());
    let nginx = Nginx::start(&nginx_bin, &[&a, &b]);
    let http = client();

    // Every replica serves the same generation from the shared directory.
    let (ha, hb) = (a.health(), b.health());
    assert_eq!(ha["index_version"], hb["index_version"]);
    assert_eq!(ha["sessions"], json!({"store": "redis", "available": true}));
    assert_eq!(ha["status"], "ok");

    let (status, first_upstream, first) = say(&http, nginx.addr(), None, "black sneakers for men");
    assert_eq!(status, 200, "{first}");
    let id = first["session_id"].as_str().unwrap().to_string();
    assert_eq!(facet(&first, "color"), json!(["Black"]), "{first}");
    let mut upstreams = vec![first_upstream];
    let (status, upstream, nike) = say(&http, nginx.addr(), Some(&id), "only Nike");
    assert_eq!(status, 200, "{nike}");
    upstreams.push(upstream);
    assert_eq!(nike["session_id"], id.as_str());
    // The second replica knows what the first one was told.
    assert_eq!(facet(&nike, "color"), json!(["Black"]), "{nike}");
    assert_eq!(facet(&nike, "brand"), json!(["Nike"]), "{nike}");
    for p in nike["products"].as_array().unwrap() {
        assert_eq!(p["brand"], "Nike", "{p}");
    }
    let (status, upstream, more) = say(&http, nginx.addr(), Some(&id), "for women");
    assert_eq!(status, 200, "{more}");
    upstreams.push(upstream);
    assert_eq!(facet(&more, "brand"), json!(["Nike"]), "{more}");
    assert_eq!(facet(&more, "color"), json!(["Black"]), "{more}");
    let distinct: std::collections::BTreeSet<&String> = upstreams.iter().collect();
    assert_eq!(distinct.len(), 2, "turns did not alternate: {upstreams:?}");
    // Stored compactly: a format byte and CBOR, well under the ~3 KB the
    // session takes in memory.
    let stored = redis.strlen(&format!("vitrine:session:{id}"));
    eprintln!("a 3-turn session is {stored} bytes in Redis");
    assert!((50..3_000).contains(&stored), "{stored} bytes");

    // Every replica restarted: the conversation goes on where it was.
    a.restart();
    b.restart();
    let (status, _, after) = say(&http, nginx.addr(), Some(&id), "only Adidas");
    assert_eq!(status, 200, "{after}");
    assert_eq!(after["session_id"], id.as_str(), "{after}");
    assert_eq!(facet(&after, "brand"), json!(["Adidas"]), "{after}");
    assert_eq!(facet(&after, "gender"), facet(&more, "gender"), "{after}");
    let (status, _, again) = say(&http, nginx.addr(), Some(&id), "any brand");
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["session_id"], id.as_str());
    assert_eq!(facet(&again, "color"), json!(["Black"]), "{again}");
}

#[test]
fn redis_stopped_and_restarted_under_load_answers_503_then_carries_on() {
    let Some((redis_bin, nginx_bin)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = demo_index(dir.path());
    let mut redis = Redis::start(&redis_bin);
    let a = Replica::start(&index, &redis, dir.path());
    let b = Replica::start(&index, &redis, dir.path());
    let nginx = Nginx::start(&nginx_bin, &[&a, &b]);
    let addr = nginx.addr();

    // Each worker keeps 8 conversations, each about its own brand; every
    // answer is checked to be its own.
    let brands = ["Nike", "Adidas", "Vans", "Puma"];
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = brands
        .iter()
        .map(|brand| {
            let (stop, brand) = (stop.clone(), brand.to_string());
            std::thread::spawn(move || {
                let http = client();
                let mut sessions: Vec<Option<String>> = vec![None; 8];
                let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
                let mut bad: Vec<String> = Vec::new();
                let mut turn = 0usize;
                let mut last_ok = Instant::now();
                while !stop.load(Ordering::Relaxed) {
                    let slot = turn % sessions.len();
                    turn += 1;
                    let message = match &sessions[slot] {
                        None => format!("{brand} sneakers"),
                        Some(_) => format!("only {brand}"),
                    };
                    let (status, _, answer) = say(&http, addr, sessions[slot].as_deref(), &message);
                    *statuses.entry(status).or_default() += 1;
                    match status {
                        200 => {
                            let id = answer["session_id"].as_str().unwrap_or("").to_string();
                            if let Some(known) = &sessions[slot]
                                && *known != id
                            {
                                bad.push(format!("session {known} came back as {id}"));
                            }
                            if facet(&answer, "brand") != json!([brand]) {
                                bad.push(format!("{brand} conversation answered {answer}"));
                            }
                            sessions[slot] = Some(id);
                            last_ok = Instant::now();
                        }
                        503 => {
                            let expected = json!({"error": {"code": "sessions_unavailable",
                                "message": "Conversations are unavailable for a moment; retry shortly."}});
                            if answer != expected {
                                bad.push(format!("503 {answer}"));
                            }
                        }
                        other => bad.push(format!("status {other}: {answer}")),
                    }
                    std::thread::sleep(Duration::from_millis(25));
                }
                (statuses, bad, last_ok)
            })
        })
        .collect();

    std::thread::sleep(Duration::from_secs(2));
    redis.stop();
    let stopped = Instant::now();
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(a.health()["status"], "degraded");
    assert_eq!(
        b.health()["sessions"],
        json!({"store": "redis", "available": false})
    );
    redis.restart();
    let restarted = Instant::now();
    wait_until("recovery", Duration::from_secs(20), || {
        a.health()["status"] == "ok" && b.health()["status"] == "ok"
    });
    std::thread::sleep(Duration::from_secs(2));
    stop.store(true, Ordering::Relaxed);

    let mut total: BTreeMap<u16, usize> = BTreeMap::new();
    for worker in workers {
        let (statuses, bad, last_ok) = worker.join().unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        assert!(last_ok > restarted, "a worker never recovered");
        for (status, n) in statuses {
            *total.entry(status).or_default() += n;
        }
    }
    eprintln!(
        "statuses {total:?}; Redis down for {:?}",
        restarted - stopped
    );
    assert!(total.get(&503).copied().unwrap_or(0) > 0, "{total:?}");
    assert!(total.get(&200).copied().unwrap_or(0) > 0, "{total:?}");
    assert_eq!(total.keys().copied().collect::<Vec<_>>(), vec![200, 503]);
}

#[test]
fn a_reimport_under_traffic_through_nginx_fails_nothing_and_mixes_no_catalogs() {
    let Some((redis_bin, nginx_bin)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let (old_csv, new_csv) = old_and_new_catalogs(dir.path());
    // Same ids (SKU00000001...), other titles and prices.
    let (old, new) = (
        Arc::new(catalog_products(&old_csv)),
        Arc::new(catalog_products(&new_csv)),
    );
    let index_arg = index.to_str().unwrap();
    vitrine_ok(
        &["import", old_csv.to_str().unwrap(), "--index", index_arg],
        Stdio::null(),
    );
    let redis = Redis::start(&redis_bin);
    let a = Replica::start(&index, &redis, dir.path());
    let b = Replica::start(&index, &redis, dir.path());
    let nginx = Nginx::start(&nginx_bin, &[&a, &b]);
    let addr = nginx.addr();

    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = (0..3)
        .map(|w| {
            let (stop, old, new) = (stop.clone(), old.clone(), new.clone());
            std::thread::spawn(move || {
                let http = client();
                let script = [
                    "black tops for women",
                    "cheaper",
                    "white sneakers",
                    "in blue",
                ];
                let (mut failures, mut from_old, mut from_new) = (Vec::new(), 0, 0);
                let mut session: Option<String> = None;
                let mut turn = w;
                while !stop.load(Ordering::Relaxed) {
                    // A shopper's conversation is a few turns; then another.
                    if turn % 8 == 0 {
                        session = None;
                    }
                    let message = script[turn % script.len()];
                    turn += 1;
                    let (status, _, answer) = say(&http, addr, session.as_deref(), message);
                    if status != 200 {
                        failures.push(format!("status {status}: {answer}"));
                        continue;
                    }
                    session = answer["session_id"].as_str().map(str::to_string);
                    let products = answer["products"].as_array().cloned().unwrap_or_default();
                    let matches = |c: &HashMap<String, (String, f64)>, p: &Value| {
                        c.get(p["id"].as_str().unwrap_or(""))
                            .is_some_and(|(t, price)| {
                                p["title"] == t.as_str() && p["price"].as_f64() == Some(*price)
                            })
                    };
                    let in_old = products.iter().all(|p| matches(&old, p));
                    let in_new = products.iter().all(|p| matches(&new, p));
                    assert!(
                        in_old || in_new,
                        "an answer mixes catalogs or shows an unknown product: {products:?}"
                    );
                    from_old += usize::from(in_old && !in_new);
                    from_new += usize::from(in_new && !in_old);
                }
                (failures, from_old, from_new)
            })
        })
        .collect();

    std::thread::sleep(Duration::from_millis(1_000));
    vitrine_ok(
        &["import", new_csv.to_str().unwrap(), "--index", index_arg],
        Stdio::null(),
    );
    wait_until(
        "both replicas on generation 2",
        Duration::from_secs(20),
        || a.health()["index_version"] == 2 && b.health()["index_version"] == 2,
    );
    std::thread::sleep(Duration::from_millis(1_000));
    stop.store(true, Ordering::Relaxed);

    let (mut failures, mut from_old, mut from_new) = (Vec::new(), 0, 0);
    for worker in workers {
        let (f, o, n) = worker.join().unwrap();
        failures.extend(f);
        from_old += o;
        from_new += n;
    }
    assert!(failures.is_empty(), "failed requests: {failures:?}");
    assert!(
        from_old > 0 && from_new > 0,
        "old {from_old}, new {from_new}"
    );
    for replica in [&a, &b] {
        assert_eq!(replica.health()["products"], new.len());
    }
}
