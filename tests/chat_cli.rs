//! `vitrine chat` as a shopper would use it from a pipe: the real binary,
//! stdin piped, the answer table read from stdout.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A fresh index of the browser fixture catalog.
fn fixture_index() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.csv");
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let headers = reader.headers().unwrap().clone();
    let products: Vec<vitrine::Product> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let get = |name: &str| {
                headers
                    .iter()
                    .position(|h| h == name)
                    .and_then(|i| r.get(i))
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
            };
            vitrine::Product {
                id: get("id").unwrap_or_default(),
                title: get("title").unwrap_or_default(),
                brand: get("brand"),
                category: get("category"),
                color: get("color"),
                gender: get("gender"),
                price: get("price").and_then(|p| p.parse().ok()),
                currency: get("currency"),
                ..vitrine::Product::default()
            }
        })
        .collect();
    vitrine::index::build_from_products(dir.path(), &products, &csv).unwrap();
    dir
}

fn chat(index: &Path, input: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .arg("chat")
        .arg("--index")
        .arg(index)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run vitrine chat");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn piped_chat_prints_an_aligned_product_table() {
    let index = fixture_index();
    let (ok, out, err) = chat(index.path(), "black sneakers\nquit\nthis is never read\n");
    assert!(ok, "stderr: {err}");
    assert!(out.starts_with("> "), "no plain prompt: {out:?}");
    let lines: Vec<&str> = out.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("#  id"))
        .unwrap_or_else(|| panic!("no table in {out}"));
    let columns = ["id", "title", "brand", "price"].map(|c| {
        lines[header]
            .find(c)
            .unwrap_or_else(|| panic!("no {c} column"))
    });
    let rows: Vec<&str> = lines[header + 1..]
        .iter()
        .take_while(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .copied()
        .collect();
    assert!(!rows.is_empty(), "no product rows in {out}");
    for (i, row) in rows.iter().enumerate() {
        assert!(row.trim_start().starts_with(&(i + 1).to_string()), "{row}");
        let id = row[columns[0]..].split_whitespace().next().unwrap();
        assert!(id.starts_with('H'), "id column misaligned: {row}");
        assert!(row.contains('$'), "no formatted price: {row}");
    }
    assert!(out.contains("Black"), "{out}");
    assert!(!out.contains("this is never read"));
}

#[test]
fn end_of_input_ends_the_chat() {
    let index = fixture_index();
    let (ok, out, err) = chat(index.path(), "hello");
    assert!(ok, "stderr: {err}");
    assert!(out.starts_with("> "));
    assert!(out.ends_with("> \n"), "{out:?}");
    let (ok, out, _) = chat(index.path(), "");
    assert!(ok);
    assert_eq!(out, "> \n");
}

/// A fresh index of the Portuguese demo catalog.
fn demo_pt_index() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/demo-pt.csv");
    vitrine::index::import(&csv, dir.path(), &vitrine::index::ImportOptions::default()).unwrap();
    dir
}

#[test]
fn a_portuguese_conversation_is_answered_in_portuguese_words_and_prices() {
    let index = demo_pt_index();
    let (ok, out, err) = chat(index.path(), "tênis preto masculino\nrecomeçar\nsair\n");
    assert!(ok, "stderr: {err}");
    assert!(out.contains("Encontrei"), "{out}");
    assert!(out.contains("Sugestões: "), "{out}");
    assert!(!out.contains("Try:") && !out.contains(" shown)"), "{out}");
    // Prices in reais, the Portuguese way.
    let priced = out
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| l.contains("R$ "))
        .count();
    assert!(priced > 0, "{out}");
    assert!(out.contains("Certo, vamos recomeçar"), "{out}");
    // "sair" ends the chat like "quit".
    assert!(out.ends_with("> "), "{out:?}");
}
