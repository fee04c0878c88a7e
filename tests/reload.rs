//! A new import is served without a restart: the engine switches to the new
//! generation on `reload_if_changed`, turns in flight finish on the old one,
//! and sessions carry on.

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
