//! Vocabulary gaps: the words shoppers used that the catalog does not
//! know, with what they most likely mean, from two kinds of evidence:
//! what the same shoppers said next (a conversation that was not
//! understood and then named a catalog value within its next two turns
//! rephrased itself), and spelling (strsim's normalised Damerau-Levenshtein
//! similarity against the catalog's values and words). And
//! [`suggest_synonyms`]: the likely meanings as a synonyms file for the
//! merchant to review.

use super::event::TurnEvent;
use super::shape::{Evidence, Gap, Likely, Report};
use super::supply::Catalog;
use super::time::iso_date;
use super::words::{fill, words};
use crate::model::{ConstraintKind, Lang, Slot};
use crate::reply::book;
use crate::text;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Turns after a gap in which a rephrasing counts.
const REPHRASE_TURNS: usize = 2;
/// Longest pause between a gap and its rephrasing, in ms.
const REPHRASE_MS: u64 = 10 * 60 * 1000;
/// Lowest spelling similarity kept.
const MIN_SIMILARITY: f64 = 0.7;
/// Meanings kept per gap.
const LIKELY: usize = 3;

/// A candidate meaning: facet (`None`: a catalog word) and value as written.
type Meaning = (Option<String>, String);

/// The gaps of `events`, most used first.
pub(super) fn vocabulary_gaps(
    events: &[TurnEvent],
    catalog: &Catalog,
    top: usize,
    lang: Lang,
) -> Vec<Gap> {
    let mut used: HashMap<&str, (u64, HashSet<&str>)> = HashMap::new();
    for e in events {
        for w in &e.unknown {
            let entry = used.entry(w.as_str()).or_default();
            entry.0 += 1;
            entry.1.insert(e.session.as_str());
        }
    }
    let mut gaps: Vec<(&str, u64, usize)> = used
        .iter()
        .map(|(w, (n, sessions))| (*w, *n, sessions.len()))
        .collect();
    gaps.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    gaps.truncate(top);
    let wanted: HashSet<&str> = gaps.iter().map(|g| g.0).collect();
    let rephrased = rephrasings(events, &wanted);
    let index = CatalogWords::new(catalog);
    gaps.into_iter()
        .map(|(word, turns, conversations)| {
            let mut likely: Vec<Likely> = Vec::new();
            if let Some(found) = rephrased.get(word) {
                let mut found: Vec<(&Meaning, &usize)> = found.iter().collect();
                found.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                for ((facet, value), n) in found {
                    let similarity = similarity(word, &text::key(value));
                    likely.push(index.likely(
                        facet,
                        value,
                        Evidence::Rephrased,
                        *n as u64,
                        similarity,
                    ));
                }
            }
            for (facet, value, similarity) in index.spelt_like(word) {
                if !likely.iter().any(|l| l.facet == facet && l.value == value) {
                    likely.push(index.likely(&facet, &value, Evidence::Spelling, 0, similarity));
                }
            }
            likely.truncate(LIKELY);
            for l in &mut likely {
                l.label = likely_label(l, lang);
            }
            Gap {
                word: word.to_string(),
                turns,
                conversations: conversations as u64,
                likely,
            }
        })
        .collect()
}

/// For each gap word, the values its conversations named right after it,
/// counted once per conversation.
fn rephrasings<'a>(
    events: &'a [TurnEvent],
    wanted: &HashSet<&str>,
) -> HashMap<&'a str, BTreeMap<Meaning, usize>> {
    let mut by_session: HashMap<&str, Vec<&TurnEvent>> = HashMap::new();
    for e in events {
        by_session.entry(e.session.as_str()).or_default().push(e);
    }
    let mut found: HashMap<&str, BTreeMap<Meaning, HashSet<&str>>> = HashMap::new();
    for (session, turns) in &by_session {
        for (i, e) in turns.iter().enumerate() {
            for w in e.unknown.iter().filter(|w| wanted.contains(w.as_str())) {
                for next in turns.iter().skip(i + 1).take(REPHRASE_TURNS) {
                    if next.at.saturating_sub(e.at) > REPHRASE_MS || next.unknown.contains(w) {
                        break;
                    }
                    let new = named_after(e, next);
                    if new.is_empty() {
                        continue;
                    }
                    let counts = found.entry(w.as_str()).or_default();
                    for meaning in new {
                        counts.entry(meaning).or_default().insert(session);
                    }
                    break;
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(w, meanings)| {
            let counted = meanings.into_iter().map(|(m, s)| (m, s.len())).collect();
            (w, counted)
        })
        .collect()
}

/// The facet values and known words `next` asks for that `before` did not.
fn named_after(before: &TurnEvent, next: &TurnEvent) -> Vec<Meaning> {
    let mut out = Vec::new();
    for (facet, filter) in &next.asked.facets {
        let had = before.asked.values(facet);
        for v in &filter.any_of {
            if !had.contains(v) {
                out.push((Some(facet.clone()), v.clone()));
            }
        }
    }
    for w in &next.asked.text {
        if !before.asked.text.contains(w) && !next.unknown.contains(w) {
            out.push((None, w.clone()));
        }
    }
    out
}

/// Normalised Damerau-Levenshtein similarity, rounded to 0.01.
fn similarity(a: &str, b: &str) -> f64 {
    (strsim::normalized_damerau_levenshtein(a, b) * 100.0).round() / 100.0
}

/// The catalog's values and words by key, for spelling matches.
struct CatalogWords<'a> {
    /// (facet, value, key, products).
    values: Vec<(&'a str, &'a str, String, u64)>,
    /// (word, products).
    terms: &'a [(String, u64)],
}

impl<'a> CatalogWords<'a> {
    fn new(catalog: &'a Catalog) -> Self {
        let values = catalog
            .facets
            .iter()
            .filter(|(name, _)| name.as_str() != crate::model::facet::SIZE)
            .flat_map(|(name, values)| {
                values
                    .iter()
                    .map(move |(v, n)| (name.as_str(), v.as_str(), text::key(v), *n))
            })
            .collect();
        CatalogWords {
            values,
            terms: &catalog.terms,
        }
    }

    /// Products with a value (or word).
    fn products(&self, facet: &Option<String>, value: &str) -> u64 {
        match facet {
            Some(f) => self
                .values
                .iter()
                .find(|(name, v, _, _)| name == f && *v == value)
                .map_or(0, |x| x.3),
            None => self
                .terms
                .iter()
                .find(|(t, _)| t == value)
                .map_or(0, |x| x.1),
        }
    }

    fn likely(
        &self,
        facet: &Option<String>,
        value: &str,
        evidence: Evidence,
        rephrased: u64,
        similarity: f64,
    ) -> Likely {
        Likely {
            facet: facet.clone(),
            value: value.to_string(),
            products: self.products(facet, value),
            evidence,
            rephrased,
            similarity,
            label: String::new(),
        }
    }

    /// Values and words spelt like `word`, most similar first: facet
    /// values before plain words on a tie.
    fn spelt_like(&self, word: &str) -> Vec<(Option<String>, String, f64)> {
        let len = word.chars().count();
        let close = |key: &str| {
            let n = key.chars().count();
            n >= 3 && n.abs_diff(len) <= 3 && key != word
        };
        let mut out: Vec<(Option<String>, String, f64, u64)> = Vec::new();
        for (facet, value, key, n) in &self.values {
            let joined: String = key.split(' ').collect();
            for candidate in [key.as_str(), joined.as_str()] {
                if close(candidate) {
                    let s = similarity(word, candidate);
                    if s >= MIN_SIMILARITY {
                        out.push((Some(facet.to_string()), value.to_string(), s, *n));
                        break;
                    }
                }
            }
        }
        for (term, n) in self.terms {
            if close(term) && !term.contains(' ') {
                let s = similarity(word, term);
                if s >= MIN_SIMILARITY && !out.iter().any(|o| text::key(&o.1) == *term) {
                    out.push((None, term.clone(), s, *n));
                }
            }
        }
        out.sort_by(|a, b| {
            b.2.total_cmp(&a.2)
                .then(b.0.is_some().cmp(&a.0.is_some()))
                .then(b.3.cmp(&a.3))
                .then(a.1.cmp(&b.1))
        });
        out.truncate(LIKELY);
        out.into_iter().map(|(f, v, s, _)| (f, v, s)).collect()
    }
}

/// "product type Sneakers (rephrased as this 3×)", "the word “running” (spelt alike)".
fn likely_label(l: &Likely, lang: Lang) -> String {
    let words = words(lang);
    let what = match &l.facet {
        Some(f) => format!(
            "{} {}",
            book(lang).constraint(&ConstraintKind::Facet(Slot::from_facet(f))),
            l.value
        ),
        None => fill(words.word_label, &[("word", &l.value)]),
    };
    let why = match l.evidence {
        Evidence::Rephrased => fill(words.rephrased, &[("n", &l.rephrased.to_string())]),
        Evidence::Spelling => words.spelt_like.to_string(),
    };
    format!("{what} ({why})")
}

/// The likely meanings of the report's gaps as a synonyms file, every
/// rule commented with its evidence, for the merchant to review.
pub fn suggest_synonyms(report: &Report, now: u64) -> String {
    let words = words(report.language);
    let mut out = format!(
        "# {}\n\n",
        fill(words.suggest_header, &[("date", &iso_date(now))])
    );
    let mut any = false;
    for gap in &report.gaps {
        let Some(best) = gap.likely.first() else {
            continue;
        };
        any = true;
        out.push_str(&format!(
            "# {}\n",
            fill(
                words.suggest_line,
                &[
                    ("word", &gap.word),
                    ("n", &gap.turns.to_string()),
                    ("why", &best.label),
                ]
            )
        ));
        let target = match &best.facet {
            Some(facet) => format!("{facet}: {}", best.value),
            None => best.value.clone(),
        };
        out.push_str(&format!("{} -> {target}\n\n", gap.word));
    }
    if !any {
        out.push_str(&format!("# {}\n", words.suggest_none));
    }
    out
}
