//! A new import is served without a restart: the engine switches to the new
//! generation on `reload_if_changed`, turns in flight finish on the old one,
//! and sessions carry on. The last test does the same end to end: the real
//! `vitrine serve` chatted with over HTTP while `vitrine import` runs.

#[path = "common/reimport.rs"]
mod reimport;

use reimport::{catalog_products, old_and_new_catalogs, vitrine_ok};
use std::sync::Arc;
use vitrine::index::{ImportOptions, import};
use vitrine::{Engine, Session};

fn write(dir: &std::path::Path, name: &str, body: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path
}

#[test]
fn a_reimport_is_served_without_restart_and_every_answer_comes_from_one_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let old = write(
        dir.path(),
        "old.csv",
        "id,title,color,price\nO1,Red mug,Red,10\nO2,Blue mug,Blue,12\nO3,Red lamp,Red,30\n",
    );
    let new = write(
        dir.path(),
        "new.csv",
        "id,title,color,price\nN1,Red mug,Red,11\nN2,Green mug,Green,9\n",
    );
    import(&old, &index, &ImportOptions::default()).unwrap();
    let engine = Arc::new(Engine::open(&index).unwrap());
    assert_eq!(engine.info().product_count, 3);
    assert!(!engine.reload_if_changed().unwrap(), "nothing new yet");

    // Chat continuously from other threads while the catalog is replaced.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let engine = Arc::clone(&engine);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut turns = 0u32;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) || turns < 5 {
                    let mut session = Session::default();
                    let turn = engine.turn(&mut session, "red mugs", 10).unwrap();
                    // Wholly old (O ids) or wholly new (N ids), never a mix.
                    let prefixes: std::collections::BTreeSet<char> = turn
                        .products
                        .iter()
                        .filter_map(|p| p.id.chars().next())
                        .collect();
                    assert!(prefixes.len() <= 1, "{:?}", turn.products);
                    assert!(!turn.products.is_empty());
                    turns += 1;
                }
                turns
            })
        })
        .collect();

    let mut session = Session::default();
    let before = engine.turn(&mut session, "mugs", 10).unwrap();
    assert_eq!(before.total, 2);
    import(&new, &index, &ImportOptions::default()).unwrap();
    assert!(engine.reload_if_changed().unwrap());
    assert_eq!(engine.info().product_count, 2);
    assert_eq!(engine.info().version, 2);
    // The same session continues on the new catalog.
    let after = engine.turn(&mut session, "only green", 10).unwrap();
    assert_eq!(after.products.len(), 1);
    assert_eq!(after.products[0].id, "N2");
    assert!(engine.product("O1").unwrap().is_none());

    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for w in workers {
        assert!(w.join().unwrap() >= 5);
    }
}

/// `vitrine serve` on a loopback port; killed when dropped.
struct Served {
    child: std::process::Child,
    base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(serde::Deserialize)]
struct Health {
    products: u64,
    index_version: u64,
}

#[derive(serde::Deserialize)]
struct Answer {
    session_id: String,
    products: Vec<Shown>,
}

#[derive(serde::Deserialize)]
struct Shown {
    id: String,
    title: String,
    price: Option<f64>,
}

#[test]
fn a_reimport_under_http_traffic_fails_no_request_and_mixes_no_catalogs() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let (old_csv, new_csv) = old_and_new_catalogs(dir.path());
    // Same ids (SKU00000001...), other titles and prices.
    let (old, new) = (catalog_products(&old_csv), catalog_products(&new_csv));
    let index_arg = index.to_str().unwrap();
    vitrine_ok(
        &["import", old_csv.to_str().unwrap(), "--index", index_arg],
        std::process::Stdio::null(),
    );

    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(["serve", "--index", index_arg, "--addr", &addr.to_string()])
        // What is checked here is the catalogs, not the limits
        // (tests/limits.rs): no answer may fail for any other reason.
        .args([
            "--new-sessions-per-minute",
            "off",
            "--turns-per-session",
            "off",
            "--catalog",
            "/nonexistent/catalog.csv",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let server = Served {
        child,
        base: format!("http://{addr}"),
    };
    let client = reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap();
    let health = || -> Option<Health> {
        let url = format!("{}/api/health", server.base);
        client.get(url).send().ok()?.json().ok()
    };
    let started = std::time::Instant::now();
    while health().is_none() {
        assert!(started.elapsed().as_secs() < 30, "server did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }

    // Workers chat until told to stop; each answer is classified.
    let stop = Arc::new(AtomicBool::new(false));
    let (old, new) = (Arc::new(old), Arc::new(new));
    let workers: Vec<_> = (0..3)
        .map(|w| {
            let (stop, old, new) = (stop.clone(), old.clone(), new.clone());
            let url = format!("{}/api/chat", server.base);
            std::thread::spawn(move || {
                let client = reqwest::blocking::Client::builder()
                    .no_proxy()
                    .timeout(std::time::Duration::from_secs(10))
                    .build()
                    .unwrap();
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
                    // A shopper's conversation is a few turns (no one
                    // types 60 a minute); then another shopper's.
                    if turn % 8 == 0 {
                        session = None;
                    }
                    let body = serde_json::json!({
                        "message": script[turn % script.len()],
                        "session_id": session,
                    });
                    turn += 1;
                    let answer = match client.post(&url).json(&body).send() {
                        Ok(r) if r.status() == 200 => r.json::<Answer>().unwrap(),
                        Ok(r) => {
                            let status = r.status();
                            failures
                                .push(format!("status {status}: {}", r.text().unwrap_or_default()));
                            continue;
                        }
                        Err(e) => {
                            failures.push(e.to_string());
                            continue;
                        }
                    };
                    session = Some(answer.session_id);
                    let matches = |c: &std::collections::HashMap<String, (String, f64)>,
                                   p: &Shown| {
                        c.get(&p.id)
                            .is_some_and(|(t, price)| *t == p.title && Some(*price) == p.price)
                    };
                    let in_old = answer.products.iter().all(|p| matches(&old, p));
                    let in_new = answer.products.iter().all(|p| matches(&new, p));
                    assert!(
                        in_old || in_new,
                        "an answer mixes catalogs or shows an unknown product: {:?}",
                        answer.products.iter().map(|p| &p.id).collect::<Vec<_>>()
                    );
                    from_old += usize::from(in_old && !in_new);
                    from_new += usize::from(in_new && !in_old);
                }
                (failures, from_old, from_new)
            })
        })
        .collect();

    std::thread::sleep(std::time::Duration::from_millis(500));
    vitrine_ok(
        &["import", new_csv.to_str().unwrap(), "--index", index_arg],
        std::process::Stdio::null(),
    );
    let switched = std::time::Instant::now();
    while health().is_none_or(|h| h.index_version < 2) {
        assert!(
            switched.elapsed().as_secs() < 20,
            "the new catalog was never served"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    stop.store(true, Ordering::Relaxed);

    let (mut failures, mut from_old, mut from_new) = (Vec::new(), 0, 0);
    for w in workers {
        let (f, o, n) = w.join().unwrap();
        failures.extend(f);
        from_old += o;
        from_new += n;
    }
    assert!(
        failures.is_empty(),
        "{} failed requests, the first: {:?}",
        failures.len(),
        &failures[..failures.len().min(3)]
    );
    assert!(
        from_old > 0 && from_new > 0,
        "old {from_old}, new {from_new}"
    );
    assert_eq!(health().unwrap().products, new.len() as u64);
}
