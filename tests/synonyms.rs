//! The merchant's synonyms with the real binary: `vitrine import
//! --synonyms` reports bad lines and targets the catalog lacks with their
//! line numbers and installs the file beside the index; a running `vitrine
//! serve` understands the next turn differently as soon as the file
//! changes, without a restart, and keeps the previous rules (logging why)
//! when the file cannot be read; `vitrine chat --synonyms` uses a file of
//! its own.

use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CATALOG: &str = include_str!("fixtures/insights/catalog.csv");

fn vitrine() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vitrine"))
}

/// The facets and words one fresh conversation's first turn asks for.
fn understood(base: &str, message: &str) -> (Value, Value) {
    let answer: Value = reqwest::blocking::Client::new()
        .post(format!("{base}/api/chat"))
        .json(&json!({ "message": message }))
        .send()
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .unwrap();
    (
        answer["filters"]["facets"].clone(),
        answer["filters"]["text"].clone(),
    )
}

fn types(facets: &Value) -> Value {
    facets["type"]["any_of"].clone()
}

/// Polls until `message` is understood with product types `expected`.
fn wait_for_types(base: &str, message: &str, expected: Value) {
    let started = Instant::now();
    loop {
        let (facets, _) = understood(base, message);
        if types(&facets) == expected {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{message:?} still reads as {facets} (expected type {expected})"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Kills the server on drop, however the test ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(index: &Path, log: &Path) -> (Server, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = vitrine()
        .args(["serve", "--demand-log", "off", "--turns-per-session", "off"])
        .arg("--addr")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--index")
        .arg(index)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while reqwest::blocking::get(format!("{base}/api/health")).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Server(child), base)
}

#[test]
fn a_synonyms_file_changes_the_next_turn_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("catalog.csv");
    std::fs::write(&csv, CATALOG).unwrap();
    let ours = dir.path().join("our-words.txt");
    std::fs::write(
        &ours,
        "# Our words\n\
         jersey -> type: T-Shirts\n\
         this line has no rule\n\
         M&S -> brand: Marks & Spencer\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let import = vitrine()
        .arg("import")
        .arg(&csv)
        .arg("--index")
        .arg(&index)
        .arg("--synonyms")
        .arg(&ours)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&import.stdout);
    assert!(import.status.success(), "{out}");
    assert!(
        out.contains("synonyms: skipped line 3: no rule here"),
        "{out}"
    );
    assert!(
        out.contains(
            "synonyms: not applied, line 4: brand `Marks & Spencer` is not in this catalog"
        ),
        "{out}"
    );
    assert!(
        out.contains("synonyms: 1 rules applied, installed as"),
        "{out}"
    );
    let installed = index.join("synonyms.txt");
    assert_eq!(
        std::fs::read_to_string(&installed).unwrap(),
        std::fs::read_to_string(&ours).unwrap()
    );

    let log = dir.path().join("serve.log");
    let (_server, base) = serve(&index, &log);
    // The installed synonyms apply from the start.
    let (facets, _) = understood(&base, "jersey for men");
    assert_eq!(types(&facets), json!(["T-Shirts"]));
    // "pumps" means nothing yet: it is asked for as a word.
    let (facets, text) = understood(&base, "pumps for women");
    assert_eq!((types(&facets), text), (Value::Null, json!(["pumps"])));

    // The merchant teaches it; the running server picks it up.
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&installed)
        .unwrap();
    file.write_all(b"pumps = sneakers\n").unwrap();
    drop(file);
    wait_for_types(&base, "pumps for women", json!(["Sneakers"]));
    let (_, text) = understood(&base, "pumps for women");
    assert_eq!(text, json!([]));

    // A file that cannot be read keeps the rules in force, and says so.
    std::fs::remove_file(&installed).unwrap();
    std::fs::create_dir(&installed).unwrap();
    let started = Instant::now();
    let said = loop {
        let text = std::fs::read_to_string(&log).unwrap();
        if text.contains("cannot read the synonyms file") {
            break text;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "no error logged: {text}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(said.contains("keeping the previous rules"), "{said}");
    let (facets, _) = understood(&base, "pumps for women");
    assert_eq!(types(&facets), json!(["Sneakers"]));

    // Readable again, with new rules: they apply.
    std::fs::remove_dir(&installed).unwrap();
    std::fs::write(&installed, "pumps -> type: Jeans\n").unwrap();
    wait_for_types(&base, "pumps for women", json!(["Jeans"]));
}

#[test]
fn chat_reads_a_synonyms_file_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("catalog.csv");
    std::fs::write(&csv, CATALOG).unwrap();
    let index = dir.path().join("index");
    assert!(
        vitrine()
            .arg("import")
            .arg(&csv)
            .arg("--index")
            .arg(&index)
            .output()
            .unwrap()
            .status
            .success()
    );
    let words = dir.path().join("words.txt");
    std::fs::write(&words, "pumps = sneakers\nwellies -> brand: Hunter\n").unwrap();
    let chat = |synonyms: &Path| {
        let mut child = vitrine()
            .arg("chat")
            .arg("--index")
            .arg(&index)
            .arg("--synonyms")
            .arg(synonyms)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A chat that refuses its synonyms file exits before reading: the
        // pipe may be closed by then.
        let _ = child.stdin.take().unwrap().write_all(b"pumps for women\n");
        child.wait_with_output().unwrap()
    };
    let out = chat(&words);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("sneakers for women"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2: brand `Hunter` is not in this catalog"),
        "{stderr}"
    );
    let missing = chat(&dir.path().join("missing.txt"));
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("does not exist"));
}
