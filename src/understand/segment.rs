//! Segmenting a tokenised message into spans by longest phrase match in
//! the lexicon's word trie, correcting typos of unknown words, and
//! splitting words run together ("frostfree"); joined words are split in
//! [`super::joined`].

use super::builtin::Marker;
use super::lexicon::{Lexicon, Meaning, NONE};
use super::span::{Item, Span};
use super::token::{TokKind, Tokens};
use crate::model::{Lang, Slot};

impl Lexicon {
    /// When an unknown word that is no typo of a known one is two words of
    /// the catalog's titles run together ("frostfree", "airfryer"), the
    /// message with a space between them: the split whose rarer half the
    /// titles use most, each half a content word of three letters or more
    /// used by a few titles at least.
    pub(super) fn split_run_together(&self, message: &str, tokens: &Tokens) -> Option<String> {
        /// Titles using each half, at least.
        const MIN_TITLES: u64 = 3;
        let count = |key: &str| self.content_count(key);
        let mut out: Option<String> = None;
        // Right to left, so the offsets of the words before stay true.
        for (i, t) in tokens.toks.iter().enumerate().rev() {
            let key = tokens.key(i);
            if t.kind != TokKind::Word
                || key.len() < 6
                || !key.bytes().all(|b| b.is_ascii_lowercase())
                || self.words.contains_key(key)
                || crate::language::is_common_word(key)
                || self.typo.correct(key).is_some()
            {
                continue;
            }
            let best = (3..=key.len() - 3)
                .map(|at| (at, count(&key[..at]).min(count(&key[at..]))))
                .filter(|&(_, n)| n >= MIN_TITLES)
                .max_by_key(|&(_, n)| n);
            let raw = message.get(t.raw.clone()).unwrap_or("");
            if let Some((at, _)) = best
                && raw.len() == key.len()
            {
                let s = out.get_or_insert_with(|| message.to_string());
                s.insert(t.raw.start + at, ' ');
            }
        }
        out
    }

    /// A letter that stands for a word ("racao p gato": "p" is "para"),
    /// written out: only between two words, the next one no function
    /// word, colour or size ("camiseta p preta", "p e m" are sizes).
    pub(super) fn expand_letters(&self, message: &str, tokens: &Tokens) -> Option<String> {
        let mut out: Option<String> = None;
        for i in (1..tokens.toks.len().saturating_sub(1)).rev() {
            let (letter, next) = (&tokens.toks[i], &tokens.toks[i + 1]);
            let Some(long) = crate::language::letter_abbreviation(tokens.key(i)) else {
                continue;
            };
            let key = tokens.key(i + 1);
            let described = self.lookup(&[key.to_string()]).is_some_and(|e| {
                self.entries.get(e).is_some_and(|meanings| {
                    meanings.iter().any(|m| match m {
                        Meaning::Facet { facet, .. } | Meaning::Absent { facet } => self
                            .facet(*facet)
                            .is_some_and(|f| matches!(f.slot, Slot::Color | Slot::Size)),
                        Meaning::Stop | Meaning::Marker(_) => true,
                        _ => false,
                    })
                })
            });
            if letter.kind != TokKind::Word
                || next.kind != TokKind::Word
                || tokens.toks[i - 1].kind != TokKind::Word
                || key.chars().count() < 2
                || described
                || self.size_values(key).is_some()
            {
                continue;
            }
            out.get_or_insert_with(|| message.to_string())
                .replace_range(letter.raw.clone(), long);
        }
        out
    }

    /// When a single letter and the word after it are one word of the
    /// catalog's titles written apart ("v neck" for "V-Neck", "a line" for
    /// "A-Line"), the message with them joined by a hyphen.
    pub(super) fn join_split_letters(&self, message: &str, tokens: &Tokens) -> Option<String> {
        let mut out: Option<String> = None;
        for (i, pair) in tokens.toks.windows(2).enumerate() {
            let (letter, word) = (&pair[0], &pair[1]);
            if letter.kind != TokKind::Word
                || word.kind != TokKind::Word
                || tokens.key(i).chars().count() != 1
                || !tokens.key(i).chars().all(|c| c.is_ascii_alphabetic())
            {
                continue;
            }
            // A function word after the letter is no word's end: "e a
            // preta?" is "and the black one", not the type "EA".
            let stop = |key: &str| {
                self.words
                    .get(key)
                    .and_then(|&id| self.info.get(id as usize))
                    .is_some_and(|info| info.stop)
            };
            // Nor is a conjunction a word's start: "samsung e lg" is
            // Samsung and LG, not the brand "ELG".
            let conjunction = super::builtin::builtin()
                .markers
                .iter()
                .any(|(p, m)| *p == tokens.key(i) && matches!(m, Marker::And | Marker::Or));
            // Two letters apart are no word ("p u" is not "PU").
            if conjunction || stop(tokens.key(i + 1)) || tokens.key(i + 1).chars().count() < 2 {
                continue;
            }
            let count = |key: &str| {
                self.words
                    .get(key)
                    .and_then(|&id| self.info.get(id as usize))
                    .map_or(0, |info| info.count)
            };
            let joined = format!("{}{}", tokens.key(i), tokens.key(i + 1));
            // A letter that is also an article or a preposition ("qual a
            // tv", "a shirt") joins only a word the titles use less often
            // than the joined one ("a line" is "A-Line"; "a tv" is no ATV).
            let article = stop(tokens.key(i));
            let in_titles =
                count(&joined) > 0 && (!article || count(&joined) >= count(tokens.key(i + 1)));
            let between = message.get(letter.raw.end..word.raw.start).unwrap_or("");
            if in_titles && !between.is_empty() && between.chars().all(char::is_whitespace) {
                let s = out.get_or_insert_with(|| message.to_string());
                // Same length: one hyphen and spaces after it.
                let hyphen = format!("-{}", " ".repeat(between.len() - 1));
                s.replace_range(letter.raw.end..word.raw.start, &hyphen);
            }
        }
        out
    }

    /// When two words are one word of the catalog's titles written apart
    /// ("slip on" for "Slip-On", "high rise" for "High-Rise", "smart
    /// watch"), the message with them joined by a hyphen. Only when the
    /// titles use the joined word more than the rarer of the two, and the
    /// two begin no phrase of the lexicon ("red tape" stays the brand).
    pub(super) fn join_split_words(&self, message: &str, tokens: &Tokens) -> Option<String> {
        /// Titles using the joined word, at least.
        const MIN_TITLES: u64 = 3;
        let mut out: Option<String> = None;
        let info = |key: &str| {
            self.words
                .get(key)
                .and_then(|&id| self.info.get(id as usize))
        };
        let count = |key: &str| info(key).filter(|i| !i.stop).map_or(0, |i| i.count);
        // One buffer for every pair's joined word: this runs on every message.
        let mut joined = String::new();
        let mut i = 0;
        while i + 1 < tokens.toks.len() {
            let (first, second) = (&tokens.toks[i], &tokens.toks[i + 1]);
            let (a, b) = (tokens.key(i), tokens.key(i + 1));
            i += 1;
            if first.kind != TokKind::Word
                || second.kind != TokKind::Word
                || a.chars().count() < 2
                || b.chars().count() < 2
                || info(a).is_some_and(|w| w.stop)
            {
                continue;
            }
            joined.clear();
            joined.push_str(a);
            joined.push_str(b);
            let together = count(&joined);
            if together < MIN_TITLES || together <= count(a).min(count(b)) {
                continue;
            }
            let phrase = self
                .words
                .get(a)
                .and_then(|&x| self.edges.get(&(0, x)))
                .zip(self.words.get(b))
                .is_some_and(|(&node, &y)| self.edges.contains_key(&(node, y)));
            let between = message.get(first.raw.end..second.raw.start).unwrap_or("");
            if phrase || between.is_empty() || !between.chars().all(char::is_whitespace) {
                continue;
            }
            let s = out.get_or_insert_with(|| message.to_string());
            // Same length: one hyphen and spaces after it.
            let hyphen = format!("-{}", " ".repeat(between.len() - 1));
            s.replace_range(first.raw.end..second.raw.start, &hyphen);
            i += 1;
        }
        out
    }

    /// The lexicon id of token `i`, correcting typos of unknown words.
    fn token_id(&self, tokens: &Tokens, i: usize) -> Option<u32> {
        let key = tokens.key(i);
        if let Some(&id) = self.words.get(key) {
            // A word a product or two have, one letter from one hundreds
            // have, is a typo in a description ("bluetoth") and the
            // shopper's too.
            let rare = self
                .info
                .get(id as usize)
                .filter(|w| w.count <= 2 && !w.builtin && !w.literal && !w.in_brand && !w.stop);
            if let Some(w) = rare
                && tokens.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
                && !crate::language::is_common_word(key)
                && let Some(better) = self.typo.correct_rare(key, w.count)
            {
                return Some(better);
            }
            return Some(id);
        }
        match tokens.toks.get(i)?.kind {
            // A real word of a language is never a typo of something else
            // ("either" is not the brand Ether, "wire" not the colour wine).
            TokKind::Word if crate::language::is_common_word(key) => None,
            // A known word only into another ("cacheado" is no "cabeado").
            TokKind::Word => self.typo.correct(key).filter(|&id| {
                !crate::language::is_known_word(key)
                    || self
                        .info
                        .get(id as usize)
                        .is_some_and(|w| crate::language::is_known_word(&w.word))
            }),
            _ => None,
        }
    }

    /// Segments a tokenised message into spans by longest phrase match.
    pub(super) fn segment<'a>(
        &'a self,
        raw: &str,
        tokens: &Tokens,
        lang: Lang,
        brand_first: bool,
    ) -> Vec<Span<'a>> {
        let n = tokens.toks.len();
        let ids: Vec<Option<u32>> = (0..n).map(|i| self.token_id(tokens, i)).collect();
        let mut spans: Vec<Span<'a>> = Vec::with_capacity(n);
        let mut i = 0;
        while i < n {
            // longest phrase starting at i
            let mut best: Option<(usize, usize)> = None;
            let mut node = 0u32;
            let mut j = i;
            while j < n {
                let tok = &tokens.toks[j];
                if j > i && tok.kind == TokKind::Sym('&') {
                    j += 1;
                    continue;
                }
                // A comma ends a phrase: "não, quero consul" is no "não
                // quero" (a full stop may be an abbreviation's: "U.S. Polo").
                if j > i
                    && tok.gap
                    && raw
                        .get(tokens.toks[j - 1].raw.end..tok.raw.start)
                        .is_some_and(|between| between.contains([',', ';', '!', '?']))
                {
                    break;
                }
                let Some(id) = ids[j] else { break };
                let Some(&next) = self.edges.get(&(node, id)) else {
                    break;
                };
                node = next;
                j += 1;
                let e = self.node_entry[node as usize];
                if e != NONE
                    && self
                        .entry_item(e as usize, raw, tokens, (i, j), lang, brand_first)
                        .is_some()
                {
                    best = Some((j, e as usize));
                }
            }
            if let Some((end, e)) = best
                && let Some(item) = self.entry_item(e, raw, tokens, (i, end), lang, brand_first)
            {
                let item = match (item, ids[i]) {
                    (Item::Stop, Some(id)) if end == i + 1 && self.model_word_at(tokens, i, id) => {
                        Item::Term(&self.info[id as usize].word)
                    }
                    (item, _) => item,
                };
                spans.push(Span {
                    item,
                    start: i,
                    end,
                });
                i = end;
                continue;
            }
            let tok = &tokens.toks[i];
            let item = match tok.kind {
                TokKind::Num(v) => Item::Num(v),
                TokKind::Ordinal(o) => Item::Ordinal(o),
                TokKind::Sym(c) => Item::Sym(c),
                TokKind::Word => match ids[i].and_then(|id| self.info.get(id as usize)) {
                    Some(info) if info.count > 0 && !info.stop => Item::Term(&info.word),
                    Some(info) if ids[i].is_some_and(|id| self.model_word_at(tokens, i, id)) => {
                        Item::Term(&info.word)
                    }
                    Some(info) if info.stop => Item::Stop,
                    _ => Item::Unknown,
                },
            };
            spans.push(Span {
                item,
                start: i,
                end: i + 1,
            });
            i += 1;
        }
        merge_numbers(&mut spans, tokens);
        spans
    }

    /// True when the function word at token `i` (lexicon id `id`) is one
    /// of a language's `model_words` the titles use often: "pro" ("para o" in
    /// Portuguese chat) before a model number or a size ("macbook pro m3",
    /// "ipad pro 13"), or after one at the end ("iphone 16 pro").
    fn model_word_at(&self, tokens: &Tokens, i: usize, id: u32) -> bool {
        let digits = |k: usize| {
            tokens.toks.get(k).is_some_and(|t| match t.kind {
                TokKind::Num(_) => true,
                TokKind::Word => tokens.key(k).bytes().any(|b| b.is_ascii_digit()),
                _ => false,
            })
        };
        let after_word = i > 0
            && tokens
                .toks
                .get(i - 1)
                .is_some_and(|t| !matches!(t.kind, TokKind::Sym(_)));
        let next_has_digits = tokens.toks.get(i + 1).is_some_and(|t| !t.gap) && digits(i + 1);
        let last_after_digits = i + 1 == tokens.toks.len() && i.checked_sub(1).is_some_and(digits);
        after_word
            && (next_has_digits || last_after_digits)
            && crate::language::every()
                .any(|(_, d)| d.model_words.iter().any(|w| w == tokens.key(i)))
            && self
                .info
                .get(id as usize)
                .is_some_and(|w| w.stop && w.count >= super::OFTEN_IN_TITLES)
    }

    /// The item an entry means for tokens `start..end`, in context.
    fn entry_item(
        &self,
        e: usize,
        raw: &str,
        tokens: &Tokens,
        (start, end): (usize, usize),
        lang: Lang,
        brand_first: bool,
    ) -> Option<Item<'_>> {
        let entry = self.entries.get(e)?;
        // Right after "by"/"da"/"marca", a brand reading comes first ("só
        // da Golden" is the brand, not the colour); in the brand reading of
        // a message, always.
        if brand_first || after_brand_cue(tokens, start) || before_brand_word(tokens, end) {
            for m in entry {
                // A brand spelt like a common word ("ONLY") only as
                // written so, in this reading too: "only Aurelia" is
                // Aurelia alone.
                if let Meaning::Facet {
                    facet,
                    values,
                    literal,
                    caps_only,
                } = m
                    && (!*caps_only || brand_evidence(raw, tokens, start, end))
                    && self
                        .facets
                        .get(*facet as usize)
                        .is_some_and(|f| f.slot == crate::model::Slot::Brand)
                {
                    return Some(Item::Facet {
                        facet: *facet,
                        values,
                        literal,
                    });
                }
            }
        }
        let mut marker = None;
        let mut slot = None;
        let mut stop = false;
        let mut absent = None;
        for m in entry {
            match m {
                Meaning::Facet {
                    facet,
                    values,
                    literal,
                    caps_only,
                } => {
                    if *caps_only && !brand_evidence(raw, tokens, start, end) {
                        continue;
                    }
                    return Some(Item::Facet {
                        facet: *facet,
                        values,
                        literal,
                    });
                }
                Meaning::Absent { facet } => absent = absent.or(Some(*facet)),
                Meaning::Phrase(words) => return Some(Item::Term(words)),
                Meaning::Marker(m) => marker = marker.or(Some(*m)),
                Meaning::Slot(s) => slot = slot.or(Some(s)),
                Meaning::Stop => stop = true,
            }
        }
        if let Some(facet) = absent {
            return Some(Item::Absent { facet });
        }
        if let Some(s) = slot {
            return Some(Item::Slot(s, marker));
        }
        if let Some(m) = marker {
            return Some(match m {
                Marker::NoWord => {
                    let gap_after = tokens.toks.get(end).is_none_or(|t| t.gap);
                    if lang == Lang::Pt || gap_after {
                        Item::Stop
                    } else {
                        Item::Marker(Marker::Neg)
                    }
                }
                Marker::Cardinal(n) => Item::Num(f64::from(n)),
                Marker::Ordinal(n) => Item::Ordinal(n),
                m => Item::Marker(m),
            });
        }
        stop.then_some(Item::Stop)
    }
}

/// Marks the product types that qualify another ([`Item::Qualifier`]): of
/// two types side by side, the one away from the head (the first in
/// English, "laptop bag"; the second in Portuguese, "fone de ouvido
/// bluetooth", unless the first is an English loanword, "smart tv"); across a compound link ("bag for laptop", "bolsa para
/// notebook") the second. Types joined by "and", "or" or punctuation stay
/// a list.
pub(super) fn qualify_compounds(lx: &Lexicon, spans: &mut [Span<'_>], tokens: &Tokens, lang: Lang) {
    let is_type = |s: &Span<'_>| match s.item {
        Item::Facet { facet, .. } | Item::Absent { facet } => lx
            .facet(facet)
            .is_some_and(|f| f.slot == crate::model::Slot::Type),
        _ => false,
    };
    let gap_before = |s: &Span<'_>| tokens.toks.get(s.start).is_some_and(|t| t.gap);
    static LINKS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let links = LINKS.get_or_init(|| {
        crate::language::every()
            .flat_map(|(_, d)| d.compound_links.iter())
            .map(|l| crate::text::key(l))
            .collect()
    });
    let is_link = |s: &Span<'_>| s.end == s.start + 1 && links.contains(tokens.key(s.start));
    // A message that starts with a link and names one type qualifies the
    // type asked before ("com microfone" after "headset sem fio", "para
    // notebook" after "mochila"): a feature, not a new kind of product.
    // So does one after "and" ("e de mesa?" after "ventilador de coluna").
    let first = spans
        .iter()
        .take_while(|s| {
            s.end == s.start + 1 && matches!(tokens.key(s.start), "e" | "and" | "ou" | "or")
        })
        .count();
    if let (Some(link), Some(next)) = (spans.get(first), spans.get(first + 1))
        && is_link(link)
        && is_type(next)
        && spans.iter().filter(|s| is_type(s)).count() == 1
    {
        spans[first + 1].item = Item::Qualifier;
    }
    for i in 0..spans.len() {
        if !is_type(&spans[i]) {
            continue;
        }
        if let Some(next) = spans.get(i + 1)
            && is_type(next)
            && !gap_before(next)
        {
            // An English word before another type is English word order
            // in Portuguese too ("smart tv", "mouse pad").
            let english_first = spans[i].end == spans[i].start + 1
                && crate::language::is_english_loanword(tokens.key(spans[i].start));
            let modifier = if lang == Lang::Pt && !english_first {
                i + 1
            } else {
                i
            };
            spans[modifier].item = Item::Qualifier;
        } else if let (Some(link), Some(next)) = (spans.get(i + 1), spans.get(i + 2))
            && is_link(link)
            && is_type(next)
            && !gap_before(link)
            && !gap_before(next)
        {
            spans[i + 2].item = Item::Qualifier;
        }
    }
    // Across other words too: "headset gamer com microfone", "mouse sem fio
    // para notebook" (a list of types is joined by "and", "or" or a sign).
    let joins = |s: &Span<'_>| {
        matches!(s.item, Item::Marker(_))
            || matches!(tokens.key(s.start), "e" | "and" | "ou" | "or" | "nor")
    };
    // The link's phrase runs to the next join or sign, and every type in
    // it is a part or a feature ("notebook com 512gb ssd", "notebook com
    // webcam full hd").
    for j in 1..spans.len().saturating_sub(1) {
        if !is_link(&spans[j]) || gap_before(&spans[j]) {
            continue;
        }
        let phrase = (j + 1..spans.len())
            .take_while(|&k| !joins(&spans[k]) && (k == j + 1 || !gap_before(&spans[k])))
            .filter(|&k| is_type(&spans[k]))
            .collect::<Vec<_>>();
        if phrase.is_empty() {
            continue;
        }
        let typed_before = (0..j)
            .rev()
            .take_while(|&k| !joins(&spans[k]) && (k + 1 == j || !gap_before(&spans[k + 1])))
            .any(|k| is_type(&spans[k]));
        if typed_before {
            for k in phrase {
                spans[k].item = Item::Qualifier;
            }
        }
    }
}

/// True when a brand spelt like a common word ("Only", "Next", "W") is
/// meant as the brand: written in capitals ("ONLY"), capitalised inside a
/// sentence ("tops by Only", "t-shirts Only"), or after a brand cue ("by",
/// "da", "marca").
fn brand_evidence(raw: &str, tokens: &Tokens, start: usize, end: usize) -> bool {
    if all_caps(raw, tokens, start, end) {
        return true;
    }
    let capitalised = tokens
        .toks
        .get(start)
        .and_then(|t| raw.get(t.raw.clone()))
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    if capitalised && start > 0 {
        return true;
    }
    after_brand_cue(tokens, start)
}

/// True when the token before `start` is a brand cue ("by", "da", "marca").
fn after_brand_cue(tokens: &Tokens, start: usize) -> bool {
    static CUES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| {
        super::builtin::builtin()
            .markers
            .iter()
            .filter(|(_, m)| *m == Marker::BrandCue)
            .map(|(p, _)| crate::text::key(p))
            .collect()
    });
    start > 0 && cues.contains(tokens.key(start - 1))
}

/// True when the token at `end` names the brand slot ("golden brand",
/// "marca"): the words before it are the brand.
fn before_brand_word(tokens: &Tokens, end: usize) -> bool {
    static NAMES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        crate::language::every()
            .filter_map(|(_, d)| d.slots.get("brand"))
            .flatten()
            .map(|n| crate::text::key(n))
            .collect()
    });
    end < tokens.toks.len() && names.contains(tokens.key(end))
}

/// True when the raw text of tokens `start..end` has letters, all capitals.
fn all_caps(raw: &str, tokens: &Tokens, start: usize, end: usize) -> bool {
    let (Some(a), Some(b)) = (
        tokens.toks.get(start),
        tokens.toks.get(end.saturating_sub(1)),
    ) else {
        return false;
    };
    let text = raw.get(a.raw.start..b.raw.end).unwrap_or("");
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// "2 mil", "5 k", "3 thousand", "five hundred": one number; "mil" and
/// "thousand" alone are 1,000, "hundred" 100 ("under a thousand", "até
/// mil"), but never "k"; "mil e quinhentos", "2 mil e 500": one number.
fn merge_numbers(spans: &mut Vec<Span<'_>>, tokens: &Tokens) {
    let multiplier = |item: Item<'_>| match item {
        Item::Marker(Marker::Thousand) => Some(1000.0),
        Item::Marker(Marker::Hundred) => Some(100.0),
        _ => None,
    };
    let mut i = 0;
    while i < spans.len() {
        let times = multiplier(spans[i].item);
        if let (Some(Item::Num(v)), Some(times)) = (i.checked_sub(1).map(|p| spans[p].item), times)
        {
            spans[i - 1].item = Item::Num(v * times);
            spans[i - 1].end = spans[i].end;
            spans.remove(i);
            continue;
        }
        if let Some(times) = times {
            // Alone: a word ("mil", "thousand") is the number; "k" nothing.
            if tokens.key(spans[i].start) == "k" {
                spans[i].item = Item::Stop;
            } else {
                spans[i].item = Item::Num(times);
                // "a thousand", "one hundred", "um mil": the article with it.
                let article = i.checked_sub(1).filter(|&p| {
                    spans[p].end == spans[p].start + 1
                        && matches!(tokens.key(spans[p].start), "a" | "an" | "one" | "um")
                });
                if let Some(p) = article {
                    spans[i].start = spans[p].start;
                    spans.remove(p);
                    continue;
                }
            }
        }
        i += 1;
    }
    // Thousands, hundreds and tens said in parts, one number: joined by
    // "e"/"and" ("mil e quinhentos", "duzentos e cinquenta", "2 mil e
    // 500"), or in words one after the other ("one thousand two hundred").
    let word_at = |s: &Span<'_>| {
        tokens
            .toks
            .get(s.start)
            .is_some_and(|t| t.kind == TokKind::Word)
    };
    let joins = |a: f64, b: f64| {
        (a >= 1000.0 && a % 1000.0 == 0.0 && (1.0..1000.0).contains(&b))
            || (a >= 100.0 && a % 100.0 == 0.0 && (1.0..100.0).contains(&b) && a < 1000.0)
    };
    let mut i = 0;
    while i + 1 < spans.len() {
        let and = matches!(spans[i + 1].item, Item::Marker(Marker::And));
        let next = if and { i + 2 } else { i + 1 };
        if let (Item::Num(a), Some(Item::Num(b))) = (spans[i].item, spans.get(next).map(|s| s.item))
            && joins(a, b)
            && (and || word_at(&spans[next]) && word_at(&spans[i]))
        {
            spans[i].item = Item::Num(a + b);
            spans[i].end = spans[next].end;
            spans.drain(i + 1..=next);
            continue;
        }
        i += 1;
    }
}
