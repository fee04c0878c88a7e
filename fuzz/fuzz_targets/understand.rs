//! `lexicon.understand(msg, Lang::En)` on arbitrary UTF-8, with a lexicon
//! built once from the Myntra vocabulary fixture. Checks: no panic, and every
//! facet value in a Set/Add/Exclude op is one of the vocabulary's (trimmed)
//! values for that slot's facet, no such op has an empty value list, and
//! every price bound and rating is finite and non-negative (ratings at most 5).
#![no_main]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vitrine::understand::{Lang, Lexicon, Op};
use vitrine::Vocabulary;

struct Fixture {
    lexicon: Lexicon,
    values: BTreeMap<String, BTreeSet<String>>,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let vocab: Vocabulary =
        serde_json::from_str(include_str!("../../tests/fixtures/vocab/myntra.json"))
            .expect("fixture vocabulary parses");
    let values = vocab
        .facets
        .iter()
        .map(|(facet, vs)| {
            // Ops carry values trimmed (` Black` -> `Black`), see `Slot`.
            let trimmed = vs.iter().map(|v| v.value.trim().to_string()).collect();
            (facet.clone(), trimmed)
        })
        .collect();
    Fixture {
        lexicon: Lexicon::new(&vocab),
        values,
    }
});

fuzz_target!(|data: &[u8]| {
    let Ok(msg) = std::str::from_utf8(data) else {
        return;
    };
    let fx = &*FIXTURE;
    let u = fx.lexicon.understand(msg, Lang::En);
    for op in &u.ops {
        match op {
            Op::Set(slot, vals) | Op::Add(slot, vals) | Op::Exclude(slot, vals) => {
                assert!(!vals.is_empty(), "empty values in {op:?} (message {msg:?})");
                let known = fx.values.get(slot.facet());
                for v in vals {
                    assert!(
                        known.is_some_and(|k| k.contains(v)),
                        "op {op:?} carries {v:?}, not a value of facet {:?} in the vocabulary (message {msg:?})",
                        slot.facet()
                    );
                }
            }
            Op::Price { min, max } => {
                for b in [min, max].into_iter().flatten() {
                    assert!(b.is_finite() && *b >= 0.0, "price bound {b} in {op:?} (message {msg:?})");
                }
            }
            Op::MinRating(r) => {
                assert!(r.is_finite() && *r >= 0.0 && *r <= 5.0, "rating {r} (message {msg:?})");
            }
            _ => {}
        }
    }
});
