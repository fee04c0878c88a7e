//! Property tests of message understanding: any input is understood without
//! panicking, and every facet value in an operator is one of the catalog's
//! or, for a built-in concept the catalog has no value of ("red" where
//! nothing is red), the shopper's own word: never an invented value.

use proptest::prelude::*;
use std::sync::OnceLock;
use vitrine::Vocabulary;
use vitrine::understand::{Lang, Lexicon, Op, parse_price_expression};

fn vocab(name: &str) -> &'static Vocabulary {
    static MYNTRA: OnceLock<Vocabulary> = OnceLock::new();
    static LOJA: OnceLock<Vocabulary> = OnceLock::new();
    let cell = if name == "myntra.json" {
        &MYNTRA
    } else {
        &LOJA
    };
    cell.get_or_init(|| {
        let path = format!("{}/tests/fixtures/vocab/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("parses")
    })
}

fn lexicons() -> &'static [(Lexicon, &'static Vocabulary); 2] {
    static LX: OnceLock<[(Lexicon, &'static Vocabulary); 2]> = OnceLock::new();
    LX.get_or_init(|| {
        let a = vocab("myntra.json");
        let b = vocab("loja_br.json");
        [(Lexicon::new(a), a), (Lexicon::new(b), b)]
    })
}

fn check(message: &str) {
    for (lx, vocab) in lexicons() {
        for prior in [Lang::En, Lang::Pt] {
            let u = lx.understand(message, prior);
            for op in &u.ops {
                if let Op::Set(slot, values) | Op::Add(slot, values) | Op::Exclude(slot, values) =
                    op
                {
                    assert!(!values.is_empty(), "{message:?}: empty values in {op:?}");
                    let known = vocab.values(slot.facet());
                    let said = vitrine::text::key(message);
                    for v in values {
                        assert!(
                            known.iter().any(|k| k.value.trim() == v)
                                || !v.is_empty() && said.contains(&vitrine::text::key(v)),
                            "{message:?}: {v:?} is not a {} value nor the shopper's word",
                            slot.facet()
                        );
                    }
                }
                if let Op::Price { min, max } = op {
                    assert!(min.is_some() || max.is_some());
                    assert!(min.is_none_or(f64::is_finite) && max.is_none_or(f64::is_finite));
                }
            }
        }
    }
    let _ = parse_price_expression(message);
}

/// Words a shopper might mix: vocabulary values, built-in words, numbers, symbols.
fn piece() -> impl Strategy<Value = String> {
    let words: Vec<String> = {
        let mut w: Vec<String> = Vec::new();
        for v in [vocab("myntra.json"), vocab("loja_br.json")] {
            for values in v.facets.values() {
                w.extend(values.iter().take(40).map(|f| f.value.clone()));
            }
            w.extend(v.terms.iter().take(200).map(|t| t.value.clone()));
        }
        w.extend(
            [
                "not",
                "sem",
                "or",
                "ou",
                "and",
                "e",
                "any",
                "qualquer",
                "under",
                "até",
                "between",
                "entre",
                "around",
                "stars",
                "estrelas",
                "size",
                "tamanho",
                "the",
                "o",
                "second",
                "more",
                "mais",
                "cheaper",
                "barato",
                "forget",
                "also",
                "também",
                "k",
                "mil",
                "rated",
                "similar",
                "#",
                "$",
                "R$",
                "₹",
                "-",
                "+",
                "~",
                "<",
                ">",
                ",",
                ".",
                "1.299,90",
                "1,299.90",
                "2.5k",
                "0",
                "00000000000000000000000000",
                "4+",
                "2nd",
                "3º",
            ]
            .map(str::to_string),
        );
        w
    };
    prop_oneof![
        proptest::sample::select(words),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[a-zà-ü]{1,12}",
        "\\PC{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics(message in "\\PC{0,80}") {
        check(&message);
    }

    #[test]
    fn arbitrary_bytes_as_text_never_panic(message in ".{0,60}") {
        check(&message);
    }

    #[test]
    fn vocabulary_mixes_yield_only_catalog_values(pieces in proptest::collection::vec(piece(), 0..12)) {
        check(&pieces.join(" "));
        check(&pieces.concat());
    }
}

/// Inputs proptest once found wrong, kept so they stay right: a size the
/// catalog does not list is the shopper's number as written ("1.5", not
/// the digits "15"; "1.299,90", not "129990"); an age phrase whose words
/// a single message word folds to ("0 Y!o": "y o") does not panic.
#[test]
fn found_counterexamples_stay_fixed() {
    check("Free Size 1.299,90 ìõelgòîn 96837 wûäs 12379 Girls ceramic");
    check("size 1.5");
    check("0 Y!o");
    check("0Y!o 10 y!o");
    let (lx, _) = &lexicons()[0];
    let u = lx.understand("size 1.5", Lang::En);
    assert!(
        u.ops
            .iter()
            .any(|op| matches!(op, Op::Set(_, v) if v == &["1.5".to_string()])),
        "{:?}",
        u.ops
    );
}
