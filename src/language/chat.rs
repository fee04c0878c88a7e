//! How shoppers write in chat, by the language files: abbreviations
//! ("p/", "w/o", a lone "p"), words denying a price bound ("nothing
//! above 2000"), phrases denying an attribute ("com fio"), and ages
//! ("for my 5 year old").

use super::every;
use std::sync::OnceLock;

/// `message` with the abbreviations of every language's `[abbreviations]`
/// written out ("ração p/ gato" -> "ração para gato"), or `None` when it
/// has none. Only at a word's start and before a word of two letters or
/// more: "Urinary S/O" is a name.
pub fn expand_abbreviations(message: &str) -> Option<String> {
    static TABLE: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        every()
            .flat_map(|(_, d)| d.abbreviations.iter())
            .map(|(short, long)| (short.to_lowercase(), long.clone()))
            .collect()
    });
    if !message.contains('/') {
        return None;
    }
    let mut out = String::with_capacity(message.len() + 8);
    let mut changed = false;
    let mut rest = message;
    let mut at_start = true;
    while let Some(c) = rest.chars().next() {
        let found = at_start
            .then(|| {
                table.iter().find(|(short, _)| {
                    rest.get(..short.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(short))
                        && {
                            let after = rest[short.len()..].trim_start();
                            let word = after
                                .split(|c: char| !c.is_alphabetic())
                                .next()
                                .unwrap_or("");
                            // A word ("c/ frete"), or a quantity ("c/ 512gb",
                            // "p/ 2 pessoas"); not a size pair ("P/M").
                            word.chars().count() >= 2
                                || after.starts_with(|c: char| c.is_ascii_digit())
                        }
                })
            })
            .flatten();
        if let Some((short, long)) = found {
            out.push_str(long);
            rest = &rest[short.len()..];
            if !rest.starts_with(char::is_whitespace) {
                out.push(' ');
            }
            changed = true;
            at_start = false;
            continue;
        }
        out.push(c);
        at_start = c.is_whitespace() || matches!(c, '(' | ',' | ';');
        rest = &rest[c.len_utf8()..];
    }
    changed.then_some(out)
}

/// What a word (folded) is to a price bound said after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetWord {
    /// It denies the bound ("nothing", "shouldn't", "nada").
    Negation,
    /// An answer that denies it only with fillers between ("no", "não").
    Answer,
    /// It may stand between a denial and its bound ("want", "spend").
    Filler,
}

/// What `key` (folded) is to a price bound after it, by every language's
/// `budget_negations`, `budget_answers` and `budget_fillers`.
pub fn budget_word(key: &str) -> Option<BudgetWord> {
    static TABLE: OnceLock<rustc_hash::FxHashMap<String, BudgetWord>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut table = rustc_hash::FxHashMap::default();
            for (_, d) in every() {
                for (list, kind) in [
                    (&d.budget_fillers, BudgetWord::Filler),
                    (&d.budget_answers, BudgetWord::Answer),
                    (&d.budget_negations, BudgetWord::Negation),
                ] {
                    for w in list {
                        table.insert(crate::text::key(w), kind);
                    }
                }
            }
            table
        })
        .get(key)
        .copied()
}

/// The word a letter stands for before another word in any language's
/// `[letter_abbreviations]` ("p" -> "para").
pub fn letter_abbreviation(letter: &str) -> Option<&'static str> {
    every()
        .flat_map(|(_, d)| d.letter_abbreviations.iter())
        .find(|(short, _)| short.as_str() == letter)
        .map(|(_, long)| long.as_str())
}

/// The attribute phrase that `phrase` (folded) denies in any language's
/// `[opposites]` ("com fio" -> "sem fio"), folded.
pub fn opposite(phrase: &str) -> Option<&'static str> {
    static TABLE: OnceLock<rustc_hash::FxHashMap<String, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            every()
                .flat_map(|(_, d)| d.opposites.iter())
                .map(|(said, denied)| (crate::text::key(said), crate::text::key(denied)))
                .collect()
        })
        .get(phrase)
        .map(String::as_str)
}

/// The word titles mark the other kind of product with, as written, for a
/// folded word of any language's `[contrasts]` ("seca" -> "úmida").
pub fn contrast(word: &str) -> Option<&'static str> {
    static TABLE: OnceLock<rustc_hash::FxHashMap<String, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            every()
                .flat_map(|(_, d)| d.contrasts.iter())
                .map(|(said, marked)| (crate::text::key(said), marked.clone()))
                .collect()
        })
        .get(word)
        .map(String::as_str)
}

/// The age of a child is 14 or less: "for a 5 year old" is for kids.
const CHILD_AGE: u32 = 14;

/// True when `phrase` (folded words, one space apart) is a phrase of some
/// language whose colour word names no colour ("green tea", "cha verde").
pub fn names_no_colour(phrase: &str) -> bool {
    static PHRASES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    PHRASES
        .get_or_init(|| {
            every()
                .flat_map(|(_, d)| &d.learning.not_color_phrases)
                .map(|p| crate::text::key(p))
                .collect()
        })
        .contains(phrase)
}

/// True when `key` (folded) is a colour word of some language that also
/// names other things ("olive", "cafe", "chocolate", "lemon").
pub fn is_ambiguous_colour(key: &str) -> bool {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            every()
                .flat_map(|(_, d)| &d.learning.ambiguous_colors)
                .map(|w| crate::text::key(w))
                .collect()
        })
        .contains(key)
}

/// True when `word` (folded, one word) is the first word of an age phrase
/// of some language ("year" of "year old", "anos").
pub fn starts_an_age(word: &str) -> bool {
    every().any(|(_, d)| {
        d.ages.as_ref().is_some_and(|ages| {
            ages.phrases
                .iter()
                .any(|p| crate::text::key(p.split([' ', '-']).next().unwrap_or_default()) == word)
        })
    })
}

/// An age said in a message: where it is (with its link: "of 5 years
/// old"), the phrase as said ("12 year old") and what replaces it.
struct AgeSaid {
    start: usize,
    end: usize,
    phrase: String,
    /// The language's word for kids when the age is a child's and no
    /// other word says whom it is for.
    kids: Option<&'static str>,
    /// Whether some word of the message names a person ("son", "filho").
    beside_a_person: bool,
}

/// The first age of some language's `age_phrases` in `message`.
fn age_said(message: &str) -> Option<AgeSaid> {
    let words: Vec<(usize, &str)> = message
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - message.as_ptr() as usize, w))
        .collect();
    let key = |i: usize| words.get(i).map(|(_, w)| crate::text::key(w));
    let in_audiences = |concepts: &[&str]| {
        (0..words.len()).any(|i| {
            let k = key(i).unwrap_or_default();
            every().any(|(_, d)| {
                d.audiences
                    .iter()
                    .filter(|(c, _)| concepts.is_empty() || concepts.contains(&c.as_str()))
                    .any(|(_, ws)| ws.iter().any(|w| crate::text::key(w) == k))
            })
        })
    };
    for (i, (_, word)) in words.iter().enumerate() {
        let Ok(age) = word.parse::<u32>() else {
            continue;
        };
        for (_, d) in every() {
            let Some(ages) = d.ages.as_ref() else {
                continue;
            };
            let said = ages.phrases.iter().find_map(|p| {
                let p = crate::text::key(p);
                let n = p.split(' ').count();
                let got: Vec<String> = (1..=n).filter_map(|k| key(i + k)).collect();
                // One message word may fold to two ("Y!o" -> "y o").
                (got.len() == n && got.join(" ") == p).then_some(n)
            });
            let Some(n) = said else {
                continue;
            };
            let beside_a_person = in_audiences(&[]);
            if ages.beside_a_person && !beside_a_person {
                continue;
            }
            // "de 10 anos", "of 5 years old": the link goes with the age.
            let first = match i.checked_sub(1).and_then(key) {
                Some(k) if ages.links.iter().any(|l| crate::text::key(l) == k) => i - 1,
                _ => i,
            };
            let Some(&(last_at, last)) = words.get(i + n) else {
                continue;
            };
            let end = last_at + last.len();
            let child = age <= CHILD_AGE && !in_audiences(&["boys", "girls", "kids"]);
            return Some(AgeSaid {
                start: words[first].0,
                end,
                phrase: message[words[i].0..end].to_string(),
                kids: child.then_some(ages.kids.as_str()),
                beside_a_person,
            });
        }
    }
    None
}

/// `message` without the ages of every language's `age_phrases` ("jeans
/// for my 10 year old son" -> "jeans for my son"), or `None` when it says
/// none: an age is no word of titles, nor "5" a pick of the fifth product.
/// A child's age said of no child ("a dress for a 5 year old") leaves the
/// language's word for kids. A language whose age phrase is also a word of
/// titles ("anos": "LEGO 90 Anos") reads it only beside a person
/// ("presente pra meu filho de 10 anos").
pub fn strip_ages(message: &str) -> Option<String> {
    let age = age_said(message)?;
    Some(format!(
        "{}{}{}",
        &message[..age.start],
        age.kids.unwrap_or_default(),
        &message[age.end..]
    ))
}

/// `message` without its age, and the age as said, when no word of it
/// names a person: "single malt 12 year old" may be the whisky's age, as
/// titles say ("12 Year Old Single Malt Whisky"), not a child's.
pub fn age_apart(message: &str) -> Option<(String, String)> {
    let age = age_said(message).filter(|a| !a.beside_a_person)?;
    let without = format!("{}{}", &message[..age.start], &message[age.end..]);
    Some((without, age.phrase))
}

/// How `lang`'s catalogs write the audience a shopper's word names
/// ("sogra", "bro" -> "feminino", "men"): what a reply names when the
/// catalog has no value of that audience, instead of the word itself.
pub fn audience_value(word: &str, lang: crate::model::Lang) -> Option<&'static str> {
    let key = crate::text::key(word);
    let concept = every().find_map(|(_, d)| {
        d.audiences
            .iter()
            .find(|(_, words)| words.iter().any(|w| crate::text::key(w) == key))
            .map(|(concept, _)| concept)
    })?;
    super::data(lang)
        .audience_values
        .get(concept)?
        .first()
        .map(String::as_str)
}

/// True when `message` corrects what was asked before by a phrase of some
/// language's `corrections` ("actually", "na verdade", "e se for"): a word
/// said now may replace one of its kind.
pub fn corrects(message: &str) -> bool {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        every()
            .flat_map(|(_, d)| d.corrections.iter())
            .map(|p| crate::text::key(p))
            .collect()
    });
    let key = format!(" {} ", crate::text::words(message).join(" "));
    phrases.iter().any(|p| key.contains(&format!(" {p} ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_written_out_only_before_a_word() {
        assert_eq!(
            expand_abbreviations("ração p/ gato").as_deref(),
            Some("ração para gato")
        );
        assert_eq!(
            expand_abbreviations("Mouse S/Fio c/ led").as_deref(),
            Some("Mouse sem Fio com led")
        );
        assert_eq!(
            expand_abbreviations("headphones w/o mic").as_deref(),
            Some("headphones without mic")
        );
        assert_eq!(
            expand_abbreviations("notebook c/ 512gb ssd").as_deref(),
            Some("notebook com 512gb ssd")
        );
        // A name, a fraction, a size.
        for kept in ["urinary s/o", "1/2 kg", "p/m", "tv 50\" 4k/8k"] {
            assert_eq!(expand_abbreviations(kept), None, "{kept}");
        }
    }

    #[test]
    fn an_audience_word_is_named_by_its_catalog_value() {
        use crate::model::Lang;
        assert_eq!(audience_value("sogra", Lang::Pt), Some("feminino"));
        assert_eq!(audience_value("bro", Lang::En), Some("men"));
        assert_eq!(audience_value("meu filho", Lang::En), None);
    }

    #[test]
    fn ages_are_no_words() {
        let s = |m: &str| strip_ages(m);
        assert_eq!(
            s("jeans for my 10 year old son").as_deref(),
            Some("jeans for my  son")
        );
        assert_eq!(
            s("a dress for a 5 year old").as_deref(),
            Some("a dress for a kids")
        );
        assert_eq!(
            s("tshirts for a 3 yr old boy").as_deref(),
            Some("tshirts for a  boy")
        );
        assert_eq!(
            s("presente pra meu filho de 10 anos").as_deref(),
            Some("presente pra meu filho ")
        );
        // Without a person, "anos" is a word of titles; no age, nothing.
        assert_eq!(s("lego 90 anos"), None);
        assert_eq!(s("tv 50 polegadas"), None);
        // Said of no person, the age may be a product's.
        assert_eq!(
            age_apart("single malt 12 year old"),
            Some(("single malt ".to_string(), "12 year old".to_string()))
        );
        assert_eq!(age_apart("jeans for my 10 year old son"), None);
    }
}
