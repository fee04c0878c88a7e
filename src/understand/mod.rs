//! Turning one shopper message into intent operators.
//!
//! The [`Lexicon`] is built once per index version from the catalog's
//! [`Vocabulary`](crate::index::Vocabulary) plus a built-in English/Portuguese
//! vocabulary (colours, audiences, product types, materials, prices, sorting,
//! negation, conversation control), then [`Lexicon::understand`] turns each
//! message into [`Op`]s carrying the catalog's own facet values.
//!
//! The pipeline for one message ([`Lexicon::understand`], below): [`token`]
//! (words, numbers read from the raw text, symbols) → language detection
//! ([`lang`]) → longest-phrase segmentation with typo correction
//! ([`segment`], [`typo`]) into [`span`]s → prices and ratings ([`price`])
//! → everything else ([`intent`]). The merchant's [`Synonyms`] extend the
//! lexicon ([`Lexicon::with_synonyms`]).
//! Knows nothing of sessions, tantivy or HTTP.
//!
//! ```
//! use vitrine::understand::{Lexicon, Op};
//! use vitrine::model::Slot;
//! use vitrine::index::{FacetValue, Vocabulary};
//!
//! let mut vocab = Vocabulary::default();
//! vocab.facets.insert("brand".into(), vec![FacetValue { value: "Puma".into(), count: 3 }]);
//! vocab.facets.insert("color".into(), vec![FacetValue { value: "Black".into(), count: 5 }]);
//! let lexicon = Lexicon::new(&vocab);
//! let u = lexicon.understand("black pumma under 3000", vitrine::model::Lang::En);
//! assert_eq!(u.ops, vec![
//!     Op::Set(Slot::Color, vec!["Black".into()]),
//!     Op::Set(Slot::Brand, vec!["Puma".into()]),
//!     Op::Price { min: None, max: Some(3000.0) },
//! ]);
//! ```

mod brands;
mod builtin;
mod concept;
mod cues;
mod diminutive;
mod intent;
mod joined;
mod lang;
mod lexicon;
mod mapping;
mod measure;
mod ops;
mod pass;
mod price;
mod segment;
mod sizes;
mod span;
mod synonyms;
mod together;
mod token;
mod typo;

pub use crate::model::{Lang, Slot, Sort};
pub use lexicon::Lexicon;
pub use ops::{Measured, Op, Understanding};
pub use price::{AROUND, PriceRange, parse_price_expression, resolve_currency};
pub use synonyms::{Rule, SynonymError, SynonymIssue, Synonyms, Target};
pub use token::parse_number;

use token::tokenize;

/// Products whose titles use a word, at least, for it to be one of the
/// store's names for its products.
pub(super) const OFTEN_IN_TITLES: u64 = 10;

/// The language to assume for a message: the conversation's, kept when
/// the message shows none of its own. A `settled` one (the conversation
/// has had turns) changes only on clear evidence: one word that only
/// another language has ("nvidia", "duplex", "gas") is a name or a term
/// in the middle of a Portuguese conversation, not a switch to English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prior {
    /// The language.
    pub lang: Lang,
    /// True once the conversation has been in it.
    pub settled: bool,
}

impl From<Lang> for Prior {
    /// A language the conversation has not been in yet (the client's or
    /// the catalog's, before the first message).
    fn from(lang: Lang) -> Self {
        Prior {
            lang,
            settled: false,
        }
    }
}

impl Lexicon {
    /// Understands one message. `prior` is the session's language, kept when
    /// the message gives no evidence of its own.
    pub fn understand(&self, message: &str, prior: impl Into<Prior>) -> Understanding {
        self.understand_with(message, prior, &|_| false)
    }

    /// Understands one message, where `described` says whether a word the
    /// catalog's titles never use is one its descriptions do (such a word
    /// is asked for, not dropped as gibberish).
    pub fn understand_with(
        &self,
        message: &str,
        prior: impl Into<Prior>,
        described: &dyn Fn(&str) -> bool,
    ) -> Understanding {
        self.read(message, prior.into(), described, false)
    }

    /// The other reading of a message whose words are also brands ("só
    /// golden": the colour, or the brand Golden), each such word read as
    /// the brand; `None` when the message has no such word. The dialog
    /// tries it when the first reading matches nothing.
    pub fn brand_reading(
        &self,
        message: &str,
        prior: impl Into<Prior>,
        described: &dyn Fn(&str) -> bool,
        first: &Understanding,
    ) -> Option<Understanding> {
        let other = self.read(message, prior.into(), described, true);
        (other.ops != first.ops).then_some(other)
    }

    /// The reading of a message whose age is said of no person as those
    /// words of titles ("whisky 12 year old": the whisky titled "12 Year
    /// Old", not whisky for kids); `None` when it says no such age. The
    /// engine prefers it when it matches exactly.
    pub fn age_as_words(
        &self,
        message: &str,
        prior: impl Into<Prior>,
        described: &dyn Fn(&str) -> bool,
    ) -> Option<Understanding> {
        let (without, age) = crate::language::age_apart(message)?;
        let mut other = self.read(&without, prior.into(), described, false);
        other.ops.push(Op::Text(age));
        Some(other)
    }

    /// Once a type is asked, a type the catalog has no value of but whose
    /// words its titles use narrows that type instead of finding nothing:
    /// "t-shirts", then "polo" is polo t-shirts (titled "Polo Collar
    /// T-shirt"); "backpack", then "laptop" laptop backpacks. Said first,
    /// it stays the type the store lacks ("tênis" in a store whose titles
    /// say it only of tennis balls).
    pub fn narrowing(&self, mut u: Understanding) -> Understanding {
        for op in &mut u.ops {
            let Op::Set(Slot::Type, values) = op else {
                continue;
            };
            let [value] = values.as_slice() else {
                continue;
            };
            if let Some((_, false)) = self.titled_type(value) {
                *op = Op::Text(value.clone());
            }
        }
        u
    }

    /// The key of a type value whose words are all words of the titles,
    /// and whether the catalog lists it as a type (`false`: a type the
    /// language files know and the store lacks). The values of a listed
    /// type are the catalog's own strings, so they compare as they are.
    fn titled_type(&self, value: &str) -> Option<(String, bool)> {
        let key = crate::text::key(value);
        if key.is_empty() || !key.split(' ').all(|w| self.term(w).is_some()) {
            return None;
        }
        let listed = self
            .facets
            .iter()
            .filter(|f| f.slot == Slot::Type)
            .any(|f| f.values.iter().any(|v| v == value));
        Some((key, listed))
    }

    /// The reading of `first` with its type asked as words of titles,
    /// when the type's name is such words ("galaxy s23": the titles
    /// "Smartphone Samsung Galaxy S23", not the products typed "Galaxy");
    /// `None` when it names no type so, or no other word. The engine tries
    /// it when the first reading matches nothing.
    pub fn type_as_words(&self, first: &Understanding) -> Option<Understanding> {
        // With other words only ("galaxy s23"): a type alone, or one the
        // store lacks ("tênis" of tennis balls), is what was asked.
        if !first.ops.iter().any(|op| matches!(op, Op::Text(_))) {
            return None;
        }
        let mut other = first.clone();
        let mut changed = false;
        for op in &mut other.ops {
            let Op::Set(Slot::Type, values) = op else {
                continue;
            };
            let Some((word, true)) = values.first().and_then(|v| self.titled_type(v)) else {
                continue;
            };
            *op = Op::Text(word);
            changed = true;
        }
        changed.then_some(other)
    }

    /// The reading of `first` with its brands asked as words of titles,
    /// when their names are such words ("placas de vídeo da AMD": the
    /// cards titled "… AMD Radeon …", whose brand is the card maker's);
    /// `None` when it asks no such brand. The engine tries it when the
    /// first reading matches nothing.
    pub fn brand_as_words(&self, first: &Understanding) -> Option<Understanding> {
        let mut other = first.clone();
        let mut changed = false;
        for op in &mut other.ops {
            let Op::Set(Slot::Brand, values) = op else {
                continue;
            };
            let [value] = values.as_slice() else {
                continue;
            };
            let key = crate::text::key(value);
            if !key.is_empty() && key.split(' ').all(|w| self.in_titles(w)) {
                *op = Op::Text(key);
                changed = true;
            }
        }
        changed.then_some(other)
    }

    /// The reading of `first` with its price word asked as a word of
    /// titles, when the catalog's titles use it as a product-line name
    /// ("ração premium": the foods titled "Premium" or "Super Premium",
    /// not every food dearest first; "luxury watches"); `None` when the
    /// message has no such word. Only uncommon words qualify ("premium",
    /// "luxury", not "cheap" or "better", which titles use in passing).
    /// The engine prefers it when it matches exactly.
    pub fn price_word_as_words(
        &self,
        message: &str,
        first: &Understanding,
    ) -> Option<Understanding> {
        let at = first
            .ops
            .iter()
            .position(|op| matches!(op, Op::Pricier | Op::Cheap | Op::Cheaper))?;
        let tokens = tokenize(message);
        let word = (0..tokens.toks.len())
            .map(|i| tokens.key(i))
            .find(|&key| self.names_a_product_line(key))?;
        let mut other = first.clone();
        other.ops[at] = Op::Text(word.to_string());
        Some(other)
    }

    /// The reading of `first` with its one exclusion asked as the phrase
    /// titles use for a product without it ("fritadeira sem óleo", "areia
    /// sem perfume": the air fryers and the unscented sand, not fryers
    /// that are no oil, nor sand that is no perfume); `None` when the
    /// message has no such phrase. The engine prefers it when it matches
    /// exactly.
    pub fn negation_as_words(&self, message: &str, first: &Understanding) -> Option<Understanding> {
        let mut exclusions = first
            .ops
            .iter()
            .enumerate()
            .filter(|(_, op)| matches!(op, Op::Exclude(..) | Op::ExcludeText(_)));
        let (at, _) = exclusions.next()?;
        if exclusions.next().is_some() {
            return None;
        }
        let negators = &crate::language::data(self.catalog_language).titles.negators;
        let tokens = tokenize(message);
        let phrase = (0..tokens.toks.len().saturating_sub(1)).find_map(|i| {
            let (negator, word) = (tokens.key(i), tokens.key(i + 1));
            (negators.iter().any(|n| crate::text::key(n) == negator)
                && word.chars().count() >= 3
                && self.term(word).is_some())
            .then(|| format!("{negator} {word}"))
        })?;
        let mut other = first.clone();
        other.ops[at] = Op::Text(phrase);
        Some(other)
    }

    /// The readings of `first` with its one excluded word asked as the
    /// claims titles make of lacking it, in the catalog's language ("sem
    /// sulfato": the "Sulfate Free" and "Sulfate-Free" shampoos; "sem
    /// açúcar" in an English store: "Sugar Free"), the words after it first
    /// ("free"), then those before ("without", "sem"); none when the
    /// exclusion is no single word. The engine takes the first that
    /// matches exactly: a shopper saying "without" a substance means the
    /// products that say they lack it, not every one that does not name it.
    pub fn lack_claims(&self, first: &Understanding) -> Vec<Understanding> {
        /// Readings tried at most (each is a search).
        const MAX_CLAIMS: usize = 8;
        let mut excluded = first
            .ops
            .iter()
            .enumerate()
            .filter(|(_, op)| matches!(op, Op::Exclude(..) | Op::ExcludeText(_)));
        let (Some((at, Op::ExcludeText(word))), None) = (excluded.next(), excluded.next()) else {
            return Vec::new();
        };
        if word.contains(' ') || word.chars().count() < 3 {
            return Vec::new();
        }
        // In the catalog's words: "óleo" is "oil" in an English store.
        let singular = crate::language::noun::singular(word).to_string();
        let mut words: Vec<String> = [singular, word.clone()]
            .into_iter()
            .chain(crate::language::translations(word))
            .filter(|w| crate::text::words(w).iter().all(|k| self.term(k).is_some()))
            .collect();
        words.dedup();
        let titles = &crate::language::data(self.catalog_language).titles;
        let after = (titles.negators_after.iter())
            .flat_map(|n| words.iter().map(move |w| format!("{w} {n}")));
        let before =
            (titles.negators.iter()).flat_map(|n| words.iter().map(move |w| format!("{n} {w}")));
        after
            .chain(before)
            .take(MAX_CLAIMS)
            .map(|phrase| {
                let mut other = first.clone();
                other.ops[at] = Op::Text(phrase);
                other
            })
            .collect()
    }

    /// True when `key` is one word meaning a price move that is also a
    /// word of the catalog's titles and no common word of any language.
    fn names_a_product_line(&self, key: &str) -> bool {
        /// Titles using the word, at least.
        const MIN_TITLES: u64 = 3;
        /// Rank in a language's word list under which a word is common.
        const COMMON: u32 = 3_000;
        let price_marker = self.lookup(&[key.to_string()]).is_some_and(|e| {
            self.entries[e].iter().any(|m| {
                matches!(
                    m,
                    lexicon::Meaning::Marker(
                        builtin::Marker::Pricier
                            | builtin::Marker::Cheap
                            | builtin::Marker::Cheaper
                    )
                )
            })
        });
        price_marker
            && self.term_count(key) >= MIN_TITLES
            && Lang::ALL
                .into_iter()
                .all(|lang| crate::language::rank(lang, key).is_none_or(|r| r >= COMMON))
    }

    fn read(
        &self,
        message: &str,
        prior: Prior,
        described: &dyn Fn(&str) -> bool,
        brand_first: bool,
    ) -> Understanding {
        let expanded = crate::language::expand_abbreviations(message);
        let message = expanded.as_deref().unwrap_or(message);
        let ageless = crate::language::strip_ages(message);
        let message = ageless.as_deref().unwrap_or(message);
        let mut tokens = tokenize(message);
        let letters = self.expand_letters(message, &tokens);
        if let Some(text) = &letters {
            tokens = tokenize(text);
        }
        let message = letters.as_deref().unwrap_or(message);
        // The merchant's multi-word synonyms, read as what they mean.
        let rewritten = self.rewrite_synonyms(message, &tokens);
        if let Some(text) = &rewritten {
            tokens = tokenize(text);
        }
        let message = rewritten.as_deref().unwrap_or(message);
        let joined_letters = self.join_split_letters(message, &tokens);
        if let Some(joined) = &joined_letters {
            tokens = tokenize(joined);
        }
        let message = joined_letters.as_deref().unwrap_or(message);
        let joined_words = self.join_split_words(message, &tokens);
        if let Some(joined) = &joined_words {
            tokens = tokenize(joined);
        }
        let message = joined_words.as_deref().unwrap_or(message);
        let undiminished = self.undiminish(message, &tokens);
        if let Some(text) = &undiminished {
            tokens = tokenize(text);
        }
        let message = undiminished.as_deref().unwrap_or(message);
        let run_together = self.split_run_together(message, &tokens);
        if let Some(text) = &run_together {
            tokens = tokenize(text);
        }
        let message = run_together.as_deref().unwrap_or(message);
        let split;
        if let Some(s) = self.split_unknown_joined(message, &tokens) {
            split = s;
            tokens = tokenize(&split);
        } else {
            split = String::new();
        }
        let raw = if split.is_empty() {
            message
        } else {
            split.as_str()
        };
        // Words its titles use often are the store's names for its
        // products, in a store of the conversation's language.
        let own_titles = prior.lang == self.catalog_language;
        // A type named in the store's language alone tells that language,
        // except English's: other languages borrow its product words
        // ("legging feminina", "notebook gamer"), and a word of theirs
        // beside one tells more.
        let own_types = own_titles && self.catalog_language != Lang::En;
        let lang = lang::detect_with_titles(
            raw,
            &tokens,
            prior,
            &|k| self.is_value_word(k),
            &|k| own_titles && self.term_count(k) >= OFTEN_IN_TITLES,
            &|k| own_types && self.names_own_type(k),
        );
        let mut spans = self.segment(raw, &tokens, lang, brand_first);
        segment::qualify_compounds(self, &mut spans, &tokens, lang);
        let mut used = vec![false; spans.len()];
        let mut ops = Vec::new();
        price::extract(&spans, &tokens, &mut used, &mut ops);
        price::titled_stars(&spans, &tokens, &mut ops, &|k| {
            self.term_count(k) >= OFTEN_IN_TITLES
        });
        let mut understanding = Understanding {
            lang,
            ops: Vec::new(),
            ignored: Vec::new(),
            unknown: Vec::new(),
        };
        intent::extract(
            self,
            raw,
            &tokens,
            &spans,
            &used,
            ops,
            described,
            &mut understanding,
        );
        understanding
    }
}
