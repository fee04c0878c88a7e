//! What the lexicon makes of messages: reads a vocabulary (an index's
//! `vocabulary.json`, or a test fixture) and prints, for each message on
//! standard input (one per line), the language and the operators
//! understood, and the words ignored.
//!
//! `cargo run --release --example understand -- tests/fixtures/vocab/myntra.json [pt] < messages.txt`

use std::io::BufRead;
use vitrine::Vocabulary;
use vitrine::understand::{Lang, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        return Err("usage: understand VOCABULARY.json [en|pt] < messages".into());
    };
    let lang = match args.next().as_deref() {
        Some("pt") => Lang::Pt,
        _ => Lang::En,
    };
    let vocabulary: Vocabulary = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let lexicon = Lexicon::new(&vocabulary);
    for message in std::io::stdin().lock().lines() {
        let message = message?;
        let u = lexicon.understand(&message, lang);
        println!(
            "{message:?} => {:?} {:?} ignored {:?}",
            u.lang, u.ops, u.ignored
        );
    }
    Ok(())
}
