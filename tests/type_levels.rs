//! A clarifying question offers product types one level at a time, as the
//! catalog's own category paths nest them: never "Shoes" beside
//! "Sneakers"; once the shopper taps a type, the next question offers its
//! kinds. The levels are read here from each catalog file's category
//! column, never from the engine.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use vitrine::catalog::{CatalogReader, ReadOptions};
use vitrine::index::{ImportOptions, import};
use vitrine::text::key;
use vitrine::{Engine, Session};

/// The category levels of a catalog: each level's key -> the keys of the
/// levels above it in some path.
struct Levels {
    above: HashMap<String, HashSet<String>>,
    /// Product id -> the keys of its path's levels.
    paths: HashMap<String, Vec<String>>,
}

impl Levels {
    fn read(csv: &Path) -> Levels {
        let mut reader = CatalogReader::open(csv, &ReadOptions::default()).expect("reader");
        let mut above: HashMap<String, HashSet<String>> = HashMap::new();
        let mut paths = HashMap::new();
        for p in (&mut reader).filter_map(Result::ok) {
            let levels: Vec<String> = p
                .category
                .as_deref()
                .unwrap_or("")
                .split('>')
                .map(key)
                .filter(|l| !l.is_empty())
                .collect();
            for (i, level) in levels.iter().enumerate() {
                above
                    .entry(level.clone())
                    .or_default()
                    .extend(levels[..i].iter().cloned());
            }
            paths.insert(p.id, levels);
        }
        Levels { above, paths }
    }

    fn is_level(&self, value: &str) -> bool {
        self.above.contains_key(&key(value))
    }

    /// True when `narrow` sits under `broad` in some path.
    fn is_under(&self, narrow: &str, broad: &str) -> bool {
        self.above
            .get(&key(narrow))
            .is_some_and(|up| up.contains(&key(broad)))
    }
}

fn walk(csv: &str, openers: &[&str]) {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join(csv);
    let dir = tempfile::tempdir().expect("tempdir");
    import(&csv, dir.path(), &ImportOptions::default()).expect("import");
    let engine = Engine::open(dir.path()).expect("engine");
    let levels = Levels::read(&csv);
    let mut drilled = 0;
    for opener in openers {
        let mut session = Session::default();
        let first = engine.turn(&mut session, opener, 10).expect("turn");
        let offered: Vec<&String> = first
            .suggestions
            .iter()
            .filter(|s| levels.is_level(s))
            .collect();
        assert!(
            offered.len() >= 2,
            "{opener:?}: a broad request is asked which type: {}",
            first.reply
        );
        for a in &offered {
            for b in &offered {
                assert!(
                    !levels.is_under(a, b),
                    "{opener:?}: {a} is offered beside {b}, a level above it: {}",
                    first.reply
                );
            }
        }
        for tapped in offered {
            let mut session = session.clone();
            let next = engine.turn(&mut session, tapped, 10).expect("turn");
            for p in &next.products {
                assert!(
                    levels.paths[&p.id].contains(&key(tapped)),
                    "{opener:?} then {tapped:?} showed {} ({:?})",
                    p.title,
                    p.category
                );
            }
            let kinds: Vec<&String> = next
                .suggestions
                .iter()
                .filter(|s| levels.is_level(s))
                .collect();
            for kind in &kinds {
                assert!(
                    levels.is_under(kind, tapped),
                    "{opener:?} then {tapped:?}: {kind} is not a kind of it: {}",
                    next.reply
                );
            }
            if kinds.len() >= 2 {
                drilled += 1;
            }
        }
    }
    assert!(
        drilled > 0,
        "no type was narrowed further in {}",
        csv.display()
    );
}

#[test]
fn english_store_asks_one_level_at_a_time() {
    walk(
        "catalog/demo.csv",
        &[
            "something for men",
            "something for women",
            "show me everything",
        ],
    );
}

#[test]
fn portuguese_store_asks_one_level_at_a_time() {
    walk(
        "catalog/demo-pt.csv",
        &["algo para homem", "algo para mulher", "quero ver tudo"],
    );
}
