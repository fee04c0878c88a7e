//! The `vitrine import` and `vitrine stats` commands, run as a merchant runs
//! them: the real binary over real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
#[path = "common/datasets.rs"]
mod datasets;

fn vitrine(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the vitrine binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn myntra_imports_every_row_with_auto_mapping_and_stats_shows_six_genders() {
    let Some(csv) = datasets::dataset("myntra/products.csv") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().to_str().unwrap();
    let out = vitrine(&[
        "import",
        csv.to_str().unwrap(),
        "--index",
        index,
        "--currency",
        "INR",
    ]);
    let text = stdout(&out);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("12491 rows read, 12491 indexed, 0 skipped"),
        "{text}"
    );
    assert!(
        text.contains("Product_Name") && text.contains("-> title"),
        "{text}"
    );
    assert!(
        text.contains("Primary_Color") && text.contains("-> color"),
        "{text}"
    );
    assert!(
        text.contains("677 brands") && text.contains("6 genders"),
        "{text}"
    );

    let out = vitrine(&["stats", "--index", index]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.starts_with("12491 products"), "{text}");
    let gender = text.lines().find(|l| l.starts_with("gender:")).unwrap();
    assert!(gender.starts_with("gender: 6 values"), "{gender}");
    for g in [
        "Women (5126)",
        "Men (4591)",
        "Unisex (1188)",
        "Boys (1100)",
        "Girls (440)",
        "Unisex Kids (46)",
    ] {
        assert!(gender.contains(g), "{gender}");
    }
    // Colours were trimmed: " Black" is "Black" (1640 from the column,
    // one of the 894 rows without a colour names it in its title), and
    // the "Red" cells of titles saying black are black: "Red" is what the
    // export writes where it knows no colour, so a "Red" row is its
    // title's colours ("Black & Red" is black too).
    let color = text.lines().find(|l| l.starts_with("color:")).unwrap();
    let black: u32 = color
        .split("Black (")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{color}"));
    assert!(
        (1750..1950).contains(&black) && !color.contains(" (894)"),
        "{color}"
    );
    assert!(
        text.contains("column value contradicted by their title")
            && text.contains("column value set aside: a value their titles often contradict"),
        "{text}"
    );
    // Where each attribute came from, and its coverage.
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("gender")
            && l.contains("100.0%")
            && l.ends_with(" column")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("color")
            && l.ends_with("column + learned from titles and categories")),
        "{text}"
    );
    assert!(text.contains("prices ₹90 to ₹63,090"), "{text}");
}

#[test]
fn reimport_replaces_the_catalog_and_a_failed_import_keeps_the_previous_one() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let first = dir.path().join("first.csv");
    std::fs::write(&first, "id,title,price\n1,Red mug,10\n2,Blue mug,12\n").unwrap();
    let second = dir.path().join("second.csv");
    std::fs::write(&second, "id,title,price\n7,Green lamp,30\n").unwrap();

    assert!(
        vitrine(&["import", first.to_str().unwrap(), "--index", index])
            .status
            .success()
    );
    assert!(stdout(&vitrine(&["stats", "--index", index])).starts_with("2 products"));
    assert!(
        vitrine(&["import", second.to_str().unwrap(), "--index", index])
            .status
            .success()
    );
    assert!(stdout(&vitrine(&["stats", "--index", index])).starts_with("1 products"));

    // A file with no valid row fails, names the problem, and changes nothing.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,title,price\n1,,10\n2,Lamp,abc\n").unwrap();
    let out = vitrine(&["import", bad.to_str().unwrap(), "--index", index]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no valid product"), "{err}");
    // A missing file fails too.
    let out = vitrine(&["import", "does/not/exist.csv", "--index", index]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does/not/exist.csv"));
    let stats = stdout(&vitrine(&["stats", "--index", index]));
    assert!(stats.starts_with("1 products"), "{stats}");
    // No build directory is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(index)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".build"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn bad_rows_are_reported_with_lines_and_valid_rows_kept() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "id,title,price\n1,Mug,10\n2,,5\n3,Lamp,abc\n1,Dup,4\n4,=HYPERLINK(\"x\"),3\n\
         =1+1,,5\n+cmd,Lamp,abc\n-2,Lamp,-3\n@SUM(A1),Vase,x\n",
    )
    .unwrap();
    let report = dir.path().join("report.csv");
    let index = dir.path().join("index");
    let out = vitrine(&[
        "import",
        csv.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("9 rows read, 2 indexed, 7 skipped"), "{text}");
    assert!(
        text.contains("line 3") && text.contains("line 4") && text.contains("line 5"),
        "{text}"
    );
    // Every bad row, and ids that a spreadsheet would run as formulas
    // (`=`, `+`, `-`, `@`) start with an apostrophe.
    let report = std::fs::read_to_string(report).unwrap();
    assert_eq!(
        report,
        "line,id,reason\n\
         3,2,missing title\n\
         4,3,\"unparsable price \"\"abc\"\"\"\n\
         5,1,duplicate id (first on line 2)\n\
         7,'=1+1,missing title\n\
         8,'+cmd,\"unparsable price \"\"abc\"\"\"\n\
         9,'-2,negative price\n\
         10,'@SUM(A1),\"unparsable price \"\"x\"\"\"\n"
    );

    // --dry-run validates without writing an index.
    let dry = dir.path().join("dry");
    let out = vitrine(&[
        "import",
        csv.to_str().unwrap(),
        "--index",
        dry.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("dry run"));
    assert!(!dry.join("CURRENT").exists());
}

#[test]
fn demo_catalogs_import_cleanly() {
    for (csv, products) in [("catalog/demo.csv", 459), ("catalog/demo-pt.csv", 205)] {
        let dir = tempfile::tempdir().unwrap();
        let out = vitrine(&["import", csv, "--index", dir.path().to_str().unwrap()]);
        let text = stdout(&out);
        assert!(out.status.success(), "{text}");
        assert!(
            text.contains(&format!("{products} indexed, 0 skipped")),
            "{csv}: {text}"
        );
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

#[test]
fn a_stray_quote_before_3000_rows_loses_one_row_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("stray.csv");
    let mut text = String::from("id,title,price\n1,\"Broken lamp,10\n");
    for i in 2..=3001 {
        text.push_str(&format!("{i},Lamp {i},{i}\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let index = dir.path().join("index");
    let report = dir.path().join("report.csv");
    let out = vitrine(&[
        "import",
        s(&csv),
        "--index",
        s(&index),
        "--report",
        s(&report),
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(
        text.contains("3001 rows read, 3000 indexed, 1 skipped"),
        "{text}"
    );
    assert!(
        text.contains(
            "skipped line 2: unbalanced quote: the row is skipped and the lines after it are read as rows"
        ),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "line,id,reason\n2,1,unbalanced quote: the row is skipped and the lines after it are read as rows\n"
    );
    assert!(stdout(&vitrine(&["stats", "--index", s(&index)])).starts_with("3000 products"));
}

#[test]
fn rows_kept_with_a_change_are_printed_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let report = dir.path().join("report.csv");
    for (name, changed, expected) in [
        (
            "mixed_encoding.csv",
            1,
            "line,id,reason\n3,2,kept: not UTF-8 like the rest of the file: read as windows-1252\n",
        ),
        (
            "negative_values.csv",
            2,
            "line,id,reason\n2,1,kept: price 0: not for sale on its own (a free add-on or gift); \
             kept without a price\n3,2,kept: negative stock -1: read as 0 (out of stock)\n\
             4,3,negative price\n",
        ),
    ] {
        let csv = fixture(name);
        let out = vitrine(&[
            "import",
            s(&csv),
            "--index",
            s(&index),
            "--report",
            s(&report),
        ]);
        let text = stdout(&out);
        assert!(out.status.success(), "{text}{}", stderr(&out));
        assert!(
            text.contains(&format!("({changed} of them with a change)")),
            "{text}"
        );
        assert_eq!(
            std::fs::read_to_string(&report).unwrap(),
            expected,
            "{name}"
        );
    }
    let engine = vitrine::Engine::open(&index).unwrap();
    // `-0` is a price of 0: the product is kept without a price.
    let zero = engine.product("1").unwrap().expect("product 1");
    assert_eq!(zero.price, None);
    assert_eq!(engine.product("2").unwrap().expect("2").stock, Some(0));
}

/// The `gender:` line of `vitrine stats`.
fn gender_line(index: &Path) -> String {
    let text = stdout(&vitrine(&["stats", "--index", s(index)]));
    text.lines()
        .find(|l| l.starts_with("gender:"))
        .unwrap_or_else(|| panic!("no gender line: {text}"))
        .to_string()
}

#[test]
fn feeds_import_with_list_prices_and_audiences_in_the_catalogs_language() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("pt");
    let out = vitrine(&["import", s(&fixture("vtex_feed.csv")), "--index", s(&index)]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let genders = gender_line(&index);
    for g in ["Menino (1)", "Feminino (1)", "Unissex (1)"] {
        assert!(genders.contains(g), "{genders}");
    }
    let engine = vitrine::Engine::open(&index).unwrap();
    let shoe = engine.product("V1").unwrap().expect("V1");
    assert_eq!((shoe.price, shoe.list_price), (Some(149.9), Some(199.9)));
    assert_eq!(shoe.gender.as_deref(), Some("Menino"));

    let index = dir.path().join("en");
    let out = vitrine(&[
        "import",
        s(&fixture("google_feed.tsv")),
        "--index",
        s(&index),
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(
        text.contains("google_product_category -> category (when the columns before are empty)"),
        "{text}"
    );
    let genders = gender_line(&index);
    for g in ["Men (2)", "Girls (1)", "Baby (1)", "Unisex (1)"] {
        assert!(genders.contains(g), "{genders}");
    }
    let engine = vitrine::Engine::open(&index).unwrap();
    let shoe = engine.product("SH-42-BLK").unwrap().expect("shoe");
    assert_eq!((shoe.price, shoe.list_price), (Some(69.9), Some(89.9)));
    assert_eq!(shoe.group_id.as_deref(), Some("SH-RUN"));
}

#[test]
fn a_header_too_wide_fails_at_once_and_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("wide.csv");
    let header: Vec<String> = (0..20_000).map(|i| format!("c{i}")).collect();
    std::fs::write(&csv, format!("title,{}\nLamp\n", header.join(","))).unwrap();
    let out = vitrine(&["import", s(&csv), "--index", s(&dir.path().join("i"))]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        format!(
            "error: cannot import {}: the header has 20001 columns, more than the 4096 a catalog \
             may have (is the delimiter right? --delimiter chooses it)\n",
            s(&csv)
        )
    );
}

#[test]
fn messages_say_once_what_is_missing_and_what_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("nowhere");
    let out = vitrine(&["stats", "--index", s(&index)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "error: no index in {} yet: run `vitrine import FILE` to build one from your catalog\n",
            s(&index)
        )
    );
    // `chat` says where it looked once, not in its context and again in the cause.
    let out = vitrine(&["chat", "--index", s(&index)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "error: no index in {} yet: run `vitrine import FILE` to build one from your catalog\n",
            s(&index)
        )
    );
    let out = vitrine(&["import", "does/not/exist.csv", "--index", s(&index)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: cannot import does/not/exist.csv: No such file or directory (os error 2)\n"
    );
}

/// Runs `args` with a standard output nobody reads (the pipe's reading end
/// closed before the command starts) and `input` on its standard input.
fn with_closed_stdout(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input);
    drop(stdin);
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("vitrine {args:?} kept running with its stdout closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let csv = fixture("stray_quotes.csv");
    assert!(
        vitrine(&["import", s(&csv), "--index", s(&index)])
            .status
            .success()
    );
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .to_string();
    let commands: [(&[&str], &[u8]); 5] = [
        (&["import", s(&csv), "--index", s(&index)], b""),
        (&["stats", "--index", s(&index)], b""),
        (&["chat", "--index", s(&index)], b"mug\nvase\n"),
        (&["gen", "--rows", "100000", "-q"], b""),
        (&["serve", "--index", s(&index), "--addr", &addr], b""),
    ];
    for (args, input) in commands {
        let out = with_closed_stdout(args, input);
        let err = stderr(&out);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
        if args[0] == "serve" {
            // Logs only: serve ignores SIGPIPE for its sockets and ends
            // with success when its banner cannot be written.
            assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
            assert!(!err.contains("error"), "{err}");
        } else {
            // Ended by SIGPIPE, like `ls | head`, before or after its work.
            assert_eq!(out.status.signal(), Some(libc::SIGPIPE), "{args:?}: {err}");
            assert_eq!(err, "", "{args:?}");
        }
    }
}
