//! Applying a parsed synonyms file to a lexicon: phrases mapped to one
//! meaning are registered in the word trie, phrases mapped to several
//! words become rewrites of the message, ignored words become stop words.
//! The file is parsed by [`crate::understand::synonyms`]. Depends on the
//! lexicon's internals, the parsed rules, `token` and `text`; not on the
//! server, the engine or the index beyond the lexicon's vocabulary.

use super::{Lexicon, Meaning};
use crate::text;
use crate::understand::synonyms::{Rule, SynonymError, SynonymIssue, Synonyms, Target};
use crate::understand::token::{TokKind, Tokens, phrase_words};
use rustc_hash::{FxHashMap, FxHashSet};

/// What the synonyms did to a lexicon: the rewrites of messages, and the
/// rules it could not apply.
#[derive(Debug, Default)]
pub(crate) struct Applied {
    /// Phrase key (words joined by spaces) → the text it is read as.
    rewrites: FxHashMap<String, String>,
    /// First words of the rewritten phrases.
    first: FxHashSet<String>,
    /// Most words in a rewritten phrase.
    longest: usize,
    /// Rules applied.
    pub rules: usize,
    /// Rules left out.
    pub issues: Vec<SynonymIssue>,
}

/// What a phrase resolves to in a lexicon.
enum Resolved {
    /// The meanings of one lexicon entry.
    Meanings(Vec<Meaning>),
    /// Text the lexicon reads as several things.
    Rewrite(String),
}

impl Lexicon {
    /// The lexicon with the merchant's synonyms applied; rules it cannot
    /// apply are in [`Lexicon::synonym_issues`].
    pub fn with_synonyms(mut self, synonyms: &Synonyms) -> Lexicon {
        self.apply_synonyms(synonyms);
        self
    }

    /// The rules of the last [`Lexicon::with_synonyms`] this catalog could
    /// not apply.
    pub fn synonym_issues(&self) -> &[SynonymIssue] {
        &self.synonyms.issues
    }

    /// How many rules were applied.
    pub fn synonym_rules(&self) -> usize {
        self.synonyms.rules
    }

    fn apply_synonyms(&mut self, synonyms: &Synonyms) {
        let mut touched: Vec<Vec<String>> = Vec::new();
        for rule in &synonyms.rules {
            match rule {
                Rule::OneWay { line, from, to } => match self.resolve(to, *line) {
                    Ok(resolved) => {
                        for phrase in from {
                            self.define(phrase, &resolved, &mut touched);
                        }
                        self.synonyms.rules += 1;
                    }
                    Err(issue) => self.synonyms.issues.push(issue),
                },
                Rule::TwoWay { line, phrases } => self.equivalent(phrases, *line, &mut touched),
                Rule::Ignore { phrases, .. } => {
                    for phrase in phrases {
                        let words = phrase_words(phrase);
                        self.clear_entry(&words);
                        self.add(&words, Meaning::Stop);
                        if let [word] = words.as_slice() {
                            let id = self.word_id(word);
                            self.info[id as usize].stop = true;
                        }
                    }
                    self.synonyms.rules += 1;
                }
            }
        }
        let ranks: Vec<u8> = self.facets.iter().map(|f| f.rank).collect();
        for words in touched {
            if let Some(e) = self.lookup(&words) {
                self.entries[e].sort_by_key(|m| match m {
                    Meaning::Facet { facet, .. } => {
                        ranks.get(*facet as usize).copied().unwrap_or(9)
                    }
                    Meaning::Marker(_) => 10,
                    Meaning::Absent { .. } | Meaning::Phrase(_) => 9,
                    Meaning::Slot(_) => 11,
                    Meaning::Stop => 12,
                });
            }
        }
        self.build_typo_index();
    }

    /// Empties the entry of a phrase, if it has one.
    fn clear_entry(&mut self, words: &[String]) {
        if let Some(e) = self.lookup(words) {
            self.entries[e].clear();
        }
    }

    /// The meanings of a phrase that is one entry of the lexicon.
    fn meanings(&self, words: &[String]) -> Option<Vec<Meaning>> {
        let e = self.lookup(words)?;
        let meanings = self.entries.get(e)?;
        let useful = meanings.iter().any(|m| !matches!(m, Meaning::Stop));
        useful.then(|| meanings.clone())
    }

    /// True when every word of the phrase is known to the lexicon.
    fn knows(&self, words: &[String]) -> bool {
        !words.is_empty() && words.iter().all(|w| self.words.contains_key(w.as_str()))
    }

    fn resolve(&self, target: &Target, line: usize) -> std::result::Result<Resolved, SynonymIssue> {
        match target {
            Target::Value { facet, value } => {
                let Some(f) = self.facets.iter().position(|fi| fi.slot.facet() == facet) else {
                    return Err(SynonymError {
                        line,
                        message: format!("this catalog has no `{facet}` attribute"),
                    });
                };
                let key = text::key(value);
                let values = &self.facets[f].values;
                match values.iter().position(|v| text::key(v) == key) {
                    Some(i) => Ok(Resolved::Meanings(vec![Meaning::Facet {
                        facet: f as u16,
                        values: vec![i as u32],
                        literal: vec![i as u32],
                        caps_only: false,
                    }])),
                    None => {
                        let closest = values
                            .iter()
                            .map(|v| (strsim::jaro_winkler(&key, &text::key(v)), v))
                            .filter(|(s, _)| *s >= 0.8)
                            .max_by(|a, b| a.0.total_cmp(&b.0))
                            .map(|(_, v)| format!(" (closest: `{v}`)"))
                            .unwrap_or_default();
                        Err(SynonymError {
                            line,
                            message: format!("{facet} `{value}` is not in this catalog{closest}"),
                        })
                    }
                }
            }
            Target::Words(phrase) => {
                let words = phrase_words(phrase);
                if let Some(meanings) = self.meanings(&words) {
                    return Ok(Resolved::Meanings(meanings));
                }
                if words.iter().any(|w| self.words.contains_key(w.as_str())) {
                    return Ok(Resolved::Rewrite(phrase.clone()));
                }
                Err(SynonymError {
                    line,
                    message: format!("`{phrase}` means nothing in this catalog either"),
                })
            }
        }
    }

    /// Gives `phrase` the resolved meaning.
    fn define(&mut self, phrase: &str, resolved: &Resolved, touched: &mut Vec<Vec<String>>) {
        let words = phrase_words(phrase);
        if words.is_empty() {
            return;
        }
        match resolved {
            Resolved::Meanings(meanings) => {
                self.clear_entry(&words);
                for m in meanings {
                    if let Meaning::Facet { facet, .. } = m {
                        self.mark_facet_words(&words, *facet);
                    }
                    self.add(&words, m.clone());
                }
                touched.push(words);
            }
            Resolved::Rewrite(text) => {
                let key = words.join(" ");
                self.synonyms.longest = self.synonyms.longest.max(words.len());
                self.synonyms.first.insert(words[0].clone());
                self.synonyms.rewrites.insert(key, text.clone());
            }
        }
    }

    /// Two-way: every phrase gets the meanings of all the phrases the
    /// lexicon knows as one entry; failing that, the phrases it does not
    /// know are read as one it knows word by word.
    fn equivalent(&mut self, phrases: &[String], line: usize, touched: &mut Vec<Vec<String>>) {
        let mut union: Vec<Meaning> = Vec::new();
        for phrase in phrases {
            if let Some(meanings) = self.meanings(&phrase_words(phrase)) {
                union.extend(meanings);
            }
        }
        if !union.is_empty() {
            let resolved = Resolved::Meanings(union);
            for phrase in phrases {
                self.define(phrase, &resolved, touched);
            }
            self.synonyms.rules += 1;
            return;
        }
        let known = phrases.iter().find(|p| self.knows(&phrase_words(p)));
        match known {
            Some(known) => {
                let resolved = Resolved::Rewrite(known.clone());
                let others: Vec<String> = phrases.iter().filter(|p| *p != known).cloned().collect();
                for phrase in others {
                    if !self.knows(&phrase_words(&phrase)) {
                        self.define(&phrase, &resolved, touched);
                    }
                }
                self.synonyms.rules += 1;
            }
            None => self.synonyms.issues.push(SynonymError {
                line,
                message: format!(
                    "none of `{}` means anything in this catalog",
                    phrases.join("`, `")
                ),
            }),
        }
    }

    /// The message with the merchant's multi-word synonyms replaced by
    /// what they mean, when it has any.
    pub(in crate::understand) fn rewrite_synonyms(
        &self,
        message: &str,
        tokens: &Tokens,
    ) -> Option<String> {
        let applied = &self.synonyms;
        if applied.rewrites.is_empty() {
            return None;
        }
        // Tokens that take part in phrases ("M&S" is the words m, s).
        let at: Vec<usize> = (0..tokens.toks.len())
            .filter(|&i| tokens.toks[i].kind != TokKind::Sym('&'))
            .collect();
        let mut out: Option<String> = None;
        let mut copied = 0;
        let mut i = 0;
        while i < at.len() {
            if !applied.first.contains(tokens.key(at[i])) {
                i += 1;
                continue;
            }
            let mut matched = None;
            for len in (1..=applied.longest.min(at.len() - i)).rev() {
                let key: Vec<&str> = at[i..i + len].iter().map(|&t| tokens.key(t)).collect();
                if let Some(target) = applied.rewrites.get(&key.join(" ")) {
                    matched = Some((len, target));
                    break;
                }
            }
            let Some((len, target)) = matched else {
                i += 1;
                continue;
            };
            let start = tokens.toks[at[i]].raw.start;
            let end = tokens.toks[at[i + len - 1]].raw.end;
            let text = out.get_or_insert_with(String::new);
            text.push_str(message.get(copied..start).unwrap_or(""));
            text.push(' ');
            text.push_str(target);
            text.push(' ');
            copied = end;
            i += len;
        }
        let mut text = out?;
        text.push_str(message.get(copied..).unwrap_or(""));
        Some(text)
    }
}
