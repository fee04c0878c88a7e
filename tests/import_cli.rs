//! The `vitrine import` and `vitrine stats` commands, run as a merchant runs
//! them: the real binary over real files.

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
    // Colours were trimmed: " Black" is "Black"; one of the 894 rows
    // without a colour names it in its title (1640 from the column).
    let color = text.lines().find(|l| l.starts_with("color:")).unwrap();
    assert!(
        color.contains("Black (1641)") && !color.contains(" (894)"),
        "{color}"
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
