//! The readers of an index (`vitrine stats`, `vitrine serve`) over an index
//! they may not write, as on a read-only filesystem: they work, take no
//! lock and write nothing. The real binary, run as an unprivileged user
//! when the tests run as root (root ignores permissions).

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn vitrine_command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vitrine"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Imports `csv` into `index` and asserts that it succeeded.
fn import_ok(csv: &Path, index: &Path) {
    let out = vitrine_command(&["import", s(csv), "--index", s(index)])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// Every file and directory under `dir`: (path, size, modification time).
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            }
            out.push((entry.path(), meta.len(), meta.modified().unwrap()));
        }
    }
    out.sort();
    out
}

/// Makes every file and directory under `dir` read-only (or writable again).
fn set_read_only(dir: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    for (path, _, _) in
        snapshot(dir)
            .into_iter()
            .chain([(dir.to_path_buf(), 0, std::time::UNIX_EPOCH)])
    {
        let is_dir = path.is_dir();
        let mode = match (is_dir, read_only) {
            (true, true) => 0o555,
            (true, false) => 0o755,
            (false, true) => 0o444,
            (false, false) => 0o644,
        };
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
    }
}

/// A command running the vitrine binary as a user who cannot write `index`:
/// as root (who writes anywhere) the user `nobody`, who owns the index as
/// a serving user would, through a link to the binary in `dir`.
fn unprivileged(dir: &Path, index: &Path, args: &[&str]) -> Command {
    if !is_root() {
        return vitrine_command(args);
    }
    for (path, _, _) in
        snapshot(index)
            .into_iter()
            .chain([(index.to_path_buf(), 0, std::time::UNIX_EPOCH)])
    {
        std::os::unix::fs::lchown(&path, Some(65534), Some(65534)).unwrap();
    }
    let exe = dir.join("vitrine");
    if !exe.exists() && fs::hard_link(env!("CARGO_BIN_EXE_vitrine"), &exe).is_err() {
        fs::copy(env!("CARGO_BIN_EXE_vitrine"), &exe).unwrap();
    }
    let mut cmd = Command::new(&exe);
    cmd.args(args).current_dir(dir).uid(65534).gid(65534);
    cmd
}

#[test]
fn a_read_only_index_is_served_and_read_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let index = dir.path().join("index");
    let csv = dir.path().join("feed.csv");
    fs::write(
        &csv,
        "id,title,color,price,sale_price\nO1,Red mug,Red,10,8\nO2,Blue mug,Blue,12,\nO3,Red lamp,Red,30,25\n",
    )
    .unwrap();
    import_ok(&csv, &index);
    let before = snapshot(&index);
    set_read_only(&index, true);

    let out = unprivileged(dir.path(), &index, &["stats", "--index", s(&index)])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.starts_with("3 products (generation 1"), "{stdout}");

    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut server = unprivileged(
        dir.path(),
        &index,
        &[
            "serve",
            "--index",
            s(&index),
            "--addr",
            &addr.to_string(),
            "--catalog",
            "/nonexistent/catalog.csv",
        ],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let client = reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let base = format!("http://{addr}");
    let started = Instant::now();
    let mut health = None;
    while health.is_none() {
        if let Some(status) = server.try_wait().unwrap() {
            let mut err = String::new();
            let _ = std::io::Read::read_to_string(&mut server.stderr.take().unwrap(), &mut err);
            panic!("serve ended ({status}) on a read-only index: {err}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "serve did not start"
        );
        health = client
            .get(format!("{base}/api/health"))
            .send()
            .ok()
            .filter(|r| r.status().is_success());
        std::thread::sleep(Duration::from_millis(50));
    }
    let product: serde_json::Value = client
        .get(format!("{base}/api/products/O1"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let answer: serde_json::Value = client
        .post(format!("{base}/api/chat"))
        .json(&serde_json::json!({"message": "red mug"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    server.kill().unwrap();
    server.wait().unwrap();

    assert_eq!(product["price"], 8.0, "{product}");
    assert_eq!(product["list_price"], 10.0, "{product}");
    assert_eq!(answer["products"][0]["id"], "O1", "{answer}");
    assert_eq!(answer["products"][0]["list_price"], 10.0, "{answer}");
    set_read_only(&index, false);
    assert_eq!(snapshot(&index), before, "reading wrote into the index");
}
