//! Message understanding speed: a few hundred realistic messages (English
//! and Portuguese, with typos) over the fixture vocabulary and over a
//! synthetic 50k-term vocabulary. Prints per-message p50/p99 (each message
//! timed many times, its median kept) before the criterion runs.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Instant;
use vitrine::Vocabulary;
use vitrine::index::FacetValue;
use vitrine::understand::{Lang, Lexicon};

const BASE: &[&str] = &[
    "black sneakers for men under 3000",
    "only Puma",
    "cheaper",
    "actually white",
    "start over",
    "shirts",
    "tshirt",
    "pepe jeans",
    "calvin klein jeans for women",
    "white or grey kurtas",
    "snekers",
    "blak shoes",
    "pumma",
    "tommy hilfigr shirts",
    "runing shoes",
    "not Nike",
    "no leather",
    "anything but black",
    "without hood",
    "non-leather bags",
    "not Nike or Puma",
    "also red",
    "or Nike",
    "make it red",
    "in blue instead",
    "any brand",
    "forget the brand",
    "any price",
    "show more",
    "next",
    "the second one",
    "#2",
    "more like this",
    "similar to 2",
    "hi",
    "thanks",
    "help",
    "size 10",
    "XL shirts",
    "jeans size 32",
    "4 stars and up",
    "rated 4+",
    "highly rated",
    "cheapest first",
    "price low to high",
    "most expensive",
    "best rated",
    "between 500 and 1000",
    "500-1000",
    "around 2000",
    "1k to 2.5k",
    "under rs. 1,299.50",
    "dresses for my wife",
    "for my son",
    "kids shoes",
    "slim fit jeans",
    "printed kurta",
    "qwzx plorf",
    "i want a red dress please",
    "looking for a watch for my dad",
    "white puma sneakers for women size 8 under 4000",
    "blue jeans for men, not Levis, between 1000 and 2000",
    "womens dreses",
    "addidas",
    "tênis preto masculino até R$ 300",
    "só Nike",
    "mais barato",
    "na verdade branco",
    "recomeçar",
    "camisetta",
    "calça jeans",
    "bermuda azul marinho",
    "vestido vermelho ou rosa",
    "tênis de corrida",
    "sem couro",
    "exceto preto",
    "não quero vermelho",
    "sem Nike ou Adidas",
    "também vermelho",
    "qualquer marca",
    "sem filtro de marca",
    "ver mais",
    "o segundo",
    "parecidos com o 2",
    "olá, bom dia",
    "tamanho M",
    "numero 40",
    "entre 100 e 200",
    "de 100 a 200 reais",
    "acima de R$ 500",
    "uns 200 reais",
    "R$ 1.299,90",
    "mais barato primeiro",
    "melhor avaliado",
    "4 estrelas ou mais",
    "bolsa para minha esposa",
    "camiseta básica manga longa",
    "quero uma calça jeans feminina azul até 200 reais",
    "tenys",
    "vestdo",
    "havainas",
];

fn messages() -> Vec<String> {
    let mut out: Vec<String> = BASE.iter().map(|s| s.to_string()).collect();
    for (i, b) in BASE.iter().enumerate() {
        out.push(format!("{b} under {}", 500 + 250 * i));
        out.push(format!("hmm, {b}, please"));
    }
    out
}

fn load(name: &str) -> Vocabulary {
    let path = format!("{}/tests/fixtures/vocab/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("parses")
}

/// The fixture vocabulary plus 50k synthetic catalog words.
fn synthetic_50k() -> Vocabulary {
    let mut v = load("myntra.json");
    const SYL: &[&str] = &[
        "ka", "lo", "mi", "ne", "ra", "tu", "vo", "sa", "pe", "di", "go", "fu", "ba", "ze", "ri",
        "ma", "no", "te", "la", "si", "co", "de", "pa", "re",
    ];
    let mut seed: u64 = 42;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let mut words = std::collections::BTreeSet::new();
    while words.len() < 50_000 {
        let n = 2 + next() % 3;
        let w: String = (0..n).map(|_| SYL[next() % SYL.len()]).collect();
        words.insert(w);
    }
    v.terms
        .extend(words.into_iter().enumerate().map(|(i, w)| FacetValue {
            value: w,
            count: 1 + (i as u64 * 7919) % 500,
        }));
    v
}

fn percentiles(lx: &Lexicon, msgs: &[String], label: &str) {
    let mut per_message: Vec<f64> = msgs
        .iter()
        .map(|m| {
            let mut runs: Vec<f64> = (0..101)
                .map(|_| {
                    let t = Instant::now();
                    black_box(lx.understand(black_box(m), Lang::En));
                    t.elapsed().as_secs_f64() * 1e6
                })
                .collect();
            runs.sort_by(f64::total_cmp);
            runs[50]
        })
        .collect();
    per_message.sort_by(f64::total_cmp);
    let at = |q: f64| per_message[((per_message.len() - 1) as f64 * q) as usize];
    println!(
        "{label}: {} messages, per-message median time p50 {:.2} µs, p90 {:.2} µs, p99 {:.2} µs, max {:.2} µs",
        per_message.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}

fn bench(c: &mut Criterion) {
    let msgs = messages();
    let fixture = Lexicon::new(&load("myntra.json"));
    let t = Instant::now();
    let big = Lexicon::new(&synthetic_50k());
    println!(
        "Lexicon::new over 50k terms: {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    percentiles(&fixture, &msgs, "fixture vocabulary");
    percentiles(&big, &msgs, "synthetic 50k-term vocabulary");

    let mut group = c.benchmark_group("understand");
    group.throughput(Throughput::Elements(msgs.len() as u64));
    group.bench_function("fixture", |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(fixture.understand(black_box(m), Lang::En));
            }
        })
    });
    group.bench_function("synthetic_50k", |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(big.understand(black_box(m), Lang::En));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
