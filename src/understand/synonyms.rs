//! The merchant's own words: a synonyms file, parsed with line-numbered
//! errors ([`Synonyms::parse`]), and applied to a catalog's lexicon
//! ([`crate::understand::Lexicon::with_synonyms`], in the lexicon's
//! `synonyms`).
//!
//! The format is plain text, one rule per line, close to the Solr and
//! Elasticsearch synonym files (`a, b => c` one-way, `a, b = c` two-way):
//!
//! ```text
//! # Vitrine synonyms. `#` starts a comment.
//! trainers = sneakers                      two-way: each means what the other means
//! trainers, kicks = sneakers               several words at once
//! tênis de corrida -> type: Running Shoes  one-way, to a catalog value (`=>` works too)
//! M&S -> brand: Marks & Spencer            a brand alias
//! joggers -> track pants                   one-way, to words the bot understands
//! ignore: please, kindly                   words that mean nothing in this store
//! ```
//!
//! Facets: `type`, `brand`, `color` (`colour`), `gender` (`audience`),
//! `size`, `material`, or another column's facet name. A bad line is
//! reported with its number and the rest still loads; a rule whose target
//! this catalog does not have is reported when the lexicon is built
//! ([`SynonymIssue`]) and left out.
//!
//! A phrase mapped to one meaning of the lexicon (a facet value, a
//! concept, a function word) is registered in the word trie under that
//! meaning, replacing what the phrase meant before, so it is matched like
//! any catalog word (typos included). A phrase mapped to several words
//! ("hoodie -> hooded sweatshirt") is rewritten in the message before it
//! is read. Depends on the tokenizer's phrase words and `text`; not on the
//! lexicon it is applied to, the engine, the server or the index.

use super::token::phrase_words;
use crate::error::{Error, Result};
use crate::model::facet;
use crate::text;
use std::path::Path;

/// Longest line accepted, in characters.
const MAX_LINE_CHARS: usize = 1_000;
/// Most words in one phrase.
const MAX_PHRASE_WORDS: usize = 8;
/// Largest synonyms file, in bytes.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// What a rule maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A catalog value of a facet (`type: Running Shoes`).
    Value {
        /// The facet name (`type`, `brand`, ...).
        facet: String,
        /// The value as the merchant wrote it.
        value: String,
    },
    /// Words, read as a shopper's words would be (`sneakers`).
    Words(String),
}

/// One rule of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Each phrase means the target.
    OneWay {
        /// Line number (1-based).
        line: usize,
        /// The shopper's phrases.
        from: Vec<String>,
        /// What they mean.
        to: Target,
    },
    /// The phrases mean the same, whichever the lexicon knows.
    TwoWay {
        /// Line number (1-based).
        line: usize,
        /// The phrases.
        phrases: Vec<String>,
    },
    /// Phrases that mean nothing.
    Ignore {
        /// Line number (1-based).
        line: usize,
        /// The phrases.
        phrases: Vec<String>,
    },
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymError {
    /// Line number (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for SynonymError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A rule this catalog cannot apply (its target is not in the catalog).
pub type SynonymIssue = SynonymError;

/// A parsed synonyms file: its rules and the lines that were not read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// Lines that could not be read.
    pub errors: Vec<SynonymError>,
}

/// Canonical facet name of a name the merchant may write.
fn facet_name(name: &str) -> String {
    let key = text::key(name).replace(' ', "_");
    match key.as_str() {
        "type" | "tipo" | "category" | "categoria" | "product_type" => facet::TYPE.into(),
        "brand" | "marca" => facet::BRAND.into(),
        "color" | "colour" | "cor" => facet::COLOR.into(),
        "gender" | "audience" | "genero" | "publico" => facet::GENDER.into(),
        "size" | "tamanho" => facet::SIZE.into(),
        "material" => facet::MATERIAL.into(),
        _ => key,
    }
}

/// `facet: value`, when the text starts with a facet name and a colon.
fn facet_value(text: &str) -> Option<Target> {
    let (name, value) = text.split_once(':')?;
    let name = name.trim();
    let plausible = !name.is_empty()
        && name.chars().count() <= 40
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ' ' || c == '-');
    let value = value.trim();
    (plausible && !value.is_empty()).then(|| Target::Value {
        facet: facet_name(name),
        value: value.to_string(),
    })
}

/// The comma-separated phrases of one side of a rule.
fn phrases(side: &str, line: usize) -> std::result::Result<Vec<String>, SynonymError> {
    let mut out = Vec::new();
    for phrase in side.split(',') {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            continue;
        }
        let words = phrase_words(phrase);
        if words.is_empty() {
            return Err(SynonymError {
                line,
                message: format!("`{phrase}` has no word"),
            });
        }
        if words.len() > MAX_PHRASE_WORDS {
            return Err(SynonymError {
                line,
                message: format!("`{phrase}` has more than {MAX_PHRASE_WORDS} words"),
            });
        }
        out.push(phrase.to_string());
    }
    if out.is_empty() {
        return Err(SynonymError {
            line,
            message: "a side of the rule is empty".into(),
        });
    }
    Ok(out)
}

/// The text of a line without its comment (`#` at the start or after a space).
fn without_comment(line: &str) -> &str {
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        if c == '#' && previous.is_whitespace() {
            return &line[..i];
        }
        previous = c;
    }
    line
}

fn parse_line(text: &str, line: usize) -> std::result::Result<Option<Rule>, SynonymError> {
    let err = |message: String| SynonymError { line, message };
    if text.chars().count() > MAX_LINE_CHARS {
        return Err(err(format!("longer than {MAX_LINE_CHARS} characters")));
    }
    let text = without_comment(text).trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_lowercase();
    for prefix in ["ignore:", "ignorar:", "stop:"] {
        if lower.starts_with(prefix) {
            let rest = &text[prefix.len()..];
            return Ok(Some(Rule::Ignore {
                line,
                phrases: phrases(rest, line)?,
            }));
        }
    }
    let arrows: Vec<(usize, &str)> = ["->", "=>", "→"]
        .iter()
        .flat_map(|op| text.match_indices(op))
        .collect();
    match arrows.as_slice() {
        [(at, op)] => {
            let (left, right) = (&text[..*at], &text[at + op.len()..]);
            if left.contains('=') || right.contains('=') {
                return Err(err(
                    "a rule is one-way (`->`) or two-way (`=`), not both".into()
                ));
            }
            if facet_value(left).is_some() {
                return Err(err(
                    "the left side lists the shopper's words; the catalog value goes on the right (`words -> facet: value`)".into(),
                ));
            }
            let from = phrases(left, line)?;
            let to = match facet_value(right) {
                Some(target) => target,
                None => {
                    let targets = phrases(right, line)?;
                    if targets.len() > 1 {
                        return Err(err(
                            "a one-way rule has one target; for alternatives write one rule each"
                                .into(),
                        ));
                    }
                    Target::Words(targets[0].clone())
                }
            };
            Ok(Some(Rule::OneWay { line, from, to }))
        }
        [] => {
            let sides: Vec<&str> = text.split('=').collect();
            match sides.as_slice() {
                [left, right] => {
                    if let Some(target) = facet_value(right) {
                        return Ok(Some(Rule::OneWay {
                            line,
                            from: phrases(left, line)?,
                            to: target,
                        }));
                    }
                    if let Some(target) = facet_value(left) {
                        return Ok(Some(Rule::OneWay {
                            line,
                            from: phrases(right, line)?,
                            to: target,
                        }));
                    }
                    let mut all = phrases(left, line)?;
                    all.extend(phrases(right, line)?);
                    Ok(Some(Rule::TwoWay { line, phrases: all }))
                }
                [_] => Err(err(
                    "no rule here: write `words = words`, `words -> facet: value` or `ignore: words`".into(),
                )),
                _ => Err(err("more than one `=` on the line".into())),
            }
        }
        _ => Err(err("more than one `->` on the line".into())),
    }
}

impl Synonyms {
    /// Parses the text of a synonyms file. Never fails: unreadable lines
    /// are in [`Synonyms::errors`] and every other line is kept.
    pub fn parse(text: &str) -> Synonyms {
        let mut out = Synonyms::default();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = if i == 0 {
                line.trim_start_matches('\u{feff}')
            } else {
                line
            };
            match parse_line(line, line_no) {
                Ok(Some(rule)) => out.rules.push(rule),
                Ok(None) => {}
                Err(e) => out.errors.push(e),
            }
        }
        out
    }

    /// Reads and parses a synonyms file. UTF-8 is expected; a line that is
    /// not is read as Windows-1252 (spreadsheet exports). Fails only when
    /// the file cannot be read.
    pub fn read(path: &Path) -> Result<Synonyms> {
        let size = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(Error::Config(
                crate::error::ConfigReason::SynonymsTooLarge {
                    path: path.display().to_string(),
                    size,
                    max: MAX_FILE_BYTES,
                },
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => e
                .as_bytes()
                .split(|&b| b == b'\n')
                .map(|line| match std::str::from_utf8(line) {
                    Ok(s) => s.to_string(),
                    Err(_) => encoding_rs::WINDOWS_1252.decode(line).0.into_owned(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        Ok(Synonyms::parse(&text))
    }

    /// True when there is no rule.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{FacetValue, Vocabulary};
    use crate::model::{Lang, Slot};
    use crate::understand::{Lexicon, Op};

    fn vocab() -> Vocabulary {
        let mut v = Vocabulary::default();
        let values = |xs: &[&str]| {
            xs.iter()
                .map(|x| FacetValue {
                    value: x.to_string(),
                    count: 5,
                })
                .collect()
        };
        v.facets.insert(
            "type".into(),
            values(&["Sneakers", "Running Shoes", "Sweatshirts"]),
        );
        v.facets
            .insert("brand".into(), values(&["Marks & Spencer", "Puma"]));
        v.facets.insert("color".into(), values(&["Black"]));
        v.terms = [
            "hooded",
            "running",
            "shoes",
            "sneakers",
            "sweatshirts",
            "black",
            "puma",
        ]
        .iter()
        .map(|t| FacetValue {
            value: t.to_string(),
            count: 3,
        })
        .collect();
        v
    }

    const FILE: &str = "\u{feff}# Our words\n\
        plimsolls = sneakers   # two-way\n\
        tênis de corrida -> type: Running Shoes\n\
        M&S => brand: Marks & Spencer\n\
        hoodie -> hooded sweatshirts\n\
        ignore: pretty please, kindly\n\
        \n\
        bad line without a rule\n\
        x -> y -> z\n\
        brand: Puma -> pumas\n\
        wellies -> brand: Hunter\n\
        fleece = type: Sweaters\n";

    #[test]
    fn bad_lines_are_numbered_and_the_rest_loads() {
        let s = Synonyms::parse(FILE);
        assert_eq!(s.rules.len(), 7, "{:?}", s.rules);
        let lines: Vec<usize> = s.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [8, 9, 10]);
        assert_eq!(
            s.rules[1],
            Rule::OneWay {
                line: 3,
                from: vec!["tênis de corrida".into()],
                to: Target::Value {
                    facet: "type".into(),
                    value: "Running Shoes".into()
                }
            }
        );
        assert!(
            s.errors[2]
                .to_string()
                .starts_with("line 10: the left side")
        );
    }

    #[test]
    fn synonyms_change_what_messages_mean() {
        let s = Synonyms::parse(FILE);
        let lx = Lexicon::new(&vocab()).with_synonyms(&s);
        let ops = |m: &str| lx.understand(m, Lang::En).ops;
        assert_eq!(ops("black plimsolls"), ops("black sneakers"));
        assert_eq!(
            ops("tênis de corrida"),
            vec![Op::Set(Slot::Type, vec!["Running Shoes".into()])]
        );
        assert_eq!(
            ops("M&S please"),
            vec![Op::Set(Slot::Brand, vec!["Marks & Spencer".into()])]
        );
        // A typo of a merchant's word is still that word.
        assert_eq!(ops("plimsols"), ops("sneakers"));
        // Several words: the message is rewritten.
        assert_eq!(ops("black hoodie"), ops("black hooded sweatshirts"));
        let u = lx.understand("pretty please kindly puma", Lang::En);
        assert_eq!(u.ops, vec![Op::Set(Slot::Brand, vec!["Puma".into()])]);
        assert!(u.unknown.is_empty(), "{u:?}");
        // Targets this catalog lacks are reported, with the nearest value.
        let issues: Vec<String> = lx.synonym_issues().iter().map(|i| i.to_string()).collect();
        assert_eq!(
            issues,
            [
                "line 11: brand `Hunter` is not in this catalog",
                "line 12: type `Sweaters` is not in this catalog (closest: `Sweatshirts`)"
            ]
        );
        assert_eq!(lx.synonym_rules(), 5);
    }

    #[test]
    fn without_synonyms_nothing_changes() {
        let plain = Lexicon::new(&vocab());
        let empty = Lexicon::new(&vocab()).with_synonyms(&Synonyms::default());
        for m in ["black plimsolls", "M&S", "hoodie"] {
            assert_eq!(plain.understand(m, Lang::En), empty.understand(m, Lang::En));
        }
    }
}
