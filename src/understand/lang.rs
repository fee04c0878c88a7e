//! The language of one message: the evidence of its words, weighed by the
//! one language detector ([`crate::language::detect`]). A message without
//! evidence ("Puma", "42") keeps the session's language.

use super::token::{TokKind, Tokens};
use crate::language::detect::Evidence;
use crate::model::Lang;

/// Detects the language of a tokenised message; `prior` (the
/// conversation's language, or the catalog's before the first message)
/// when there is no evidence: a message of brand names, model numbers or
/// emoji keeps it. Words of the catalog's own values (`value_word`) count
/// only by their letters ("tênis"): "gift card" in a Brazilian store is a
/// product's name, not English. Two exceptions: a word of a language's
/// evidence list ([`crate::language::detect::evidence_word`]: "only",
/// "for", "black") is its language's even when a catalog value is spelt
/// like it ("black stanley tumbler" in a Brazilian store whose colours
/// include Black); and a catalog value that is a common word of the
/// conversation's language alone ("cabo" in a Brazilian store) keeps the
/// conversation in it: "cabo hdmi" is not English for its "hdmi".
#[cfg(test)]
pub(crate) fn detect(
    raw: &str,
    tokens: &Tokens,
    prior: super::Prior,
    value_word: &dyn Fn(&str) -> bool,
) -> Lang {
    detect_with_titles(raw, tokens, prior, value_word, &|_| false, &|_| false)
}

/// As [`detect`], and words the catalog's titles use often (`title_word`)
/// count only by their letters too, function words included: in a
/// Brazilian store, "refrigerador side by side", "fone over ear" and
/// "black inox" are its products' names, not English. The caller says so
/// only of a catalog in the conversation's language. A word that names one
/// of that catalog's product types in its language alone (`own_type`:
/// "lavadora", "fone") weighs as much as a letter of it: "fone over ear"
/// and "lavadora top load" are Portuguese with English product terms.
pub(crate) fn detect_with_titles(
    raw: &str,
    tokens: &Tokens,
    prior: super::Prior,
    value_word: &dyn Fn(&str) -> bool,
    title_word: &dyn Fn(&str) -> bool,
    own_type: &dyn Fn(&str) -> bool,
) -> Lang {
    let super::Prior {
        lang: prior,
        settled,
    } = prior;
    let mut evidence = Evidence::default();
    for (i, tok) in tokens.toks.iter().enumerate() {
        if tok.kind == TokKind::Word {
            let raw_word = raw.get(tok.raw.clone()).unwrap_or("");
            let key = tokens.key(i);
            // A language's evidence word is its evidence even when a
            // brand is spelt like it ("only", Myntra's brand ONLY).
            if crate::language::units::is_measurement(key) {
                // "55 inch" is one token, "55in": its unit as written
                // ("inch", "polegadas") is a word of its language; a
                // symbol ("hz", "gb", "kg") is everyone's.
                let unit = raw_word.trim_start_matches(|c: char| !c.is_alphabetic());
                if unit.chars().count() >= 4 {
                    evidence.word(&crate::text::key(unit), unit);
                }
            } else if raw_word.contains('-') {
                // A compound ("a-line", "t-shirt") names a style or a
                // product, and folded whole it can spell a word of another
                // language ("aline").
                evidence.letters(raw_word);
            } else if own_type(key) {
                evidence.letters(raw_word);
                evidence.product_name(prior);
            } else if value_word(key)
                && (settled || !crate::language::detect::evidence_word(key))
                // "spanish" reaches a country column's "Espanha" and is
                // still English.
                && crate::language::origins::language_of(key).is_none()
            {
                // In a settled conversation a word of the catalog's values
                // is a name there ("teclado mecânico", then "switch red").
                evidence.letters(raw_word);
                evidence.common_in_only(key, prior);
            } else if title_word(key) {
                evidence.letters(raw_word);
            } else {
                evidence.word(tokens.key(i), raw_word);
            }
        }
    }
    // A currency's sign tells the store's currency more than the
    // shopper's language ("laptop under R$ 7000" is English): it decides
    // only a message whose words do not.
    if evidence.is_empty() {
        evidence.signs(raw);
    }
    let lang = evidence.message_language(prior);
    // A settled conversation changes language on more than one common
    // word's worth of evidence: two words, a function word, or a letter.
    if settled && lang != prior && evidence.score(lang) < 2 && evidence.strong(lang) == 0 {
        return prior;
    }
    lang
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::token::tokenize;

    fn lang(text: &str, prior: Lang) -> Lang {
        in_catalog(&[], text, prior)
    }

    /// The language of `text` in a catalog whose values have these words.
    fn in_catalog(values: &[&str], text: &str, prior: Lang) -> Lang {
        detect(text, &tokenize(text), prior.into(), &|k| {
            values.contains(&k)
        })
    }

    #[test]
    fn a_conversation_changes_language_on_more_than_one_word() {
        let settled = |text: &str, lang: Lang| {
            let prior = super::super::Prior {
                lang,
                settled: true,
            };
            detect(text, &tokenize(text), prior, &|_| false)
        };
        // A lone term of another language's list is a name in the
        // conversation's ("placa de vídeo", then "nvidia").
        for word in ["nvidia", "duplex", "hdmi", "gas"] {
            assert_eq!(settled(word, Lang::Pt), Lang::Pt, "{word}");
        }
        // More evidence switches: two words, a function word, a letter.
        assert_eq!(settled("black sneakers", Lang::Pt), Lang::En);
        assert_eq!(settled("only nike", Lang::Pt), Lang::En);
        assert_eq!(settled("tênis", Lang::En), Lang::Pt);
        assert_eq!(settled("quero uma camiseta", Lang::En), Lang::Pt);
        // Before the first message, one word tells.
        assert_eq!(lang("hdmi", Lang::Pt), Lang::En);
    }

    /// The language of `text` in a Portuguese store whose titles use
    /// `titles` often and whose types `types` name.
    fn in_store(text: &str, titles: &[&str], types: &[&str]) -> Lang {
        detect_with_titles(
            text,
            &tokenize(text),
            Lang::Pt.into(),
            &|_| false,
            &|k| titles.contains(&k),
            &|k| types.contains(&k),
        )
    }

    #[test]
    fn words_of_the_titles_are_names_in_the_catalog_language() {
        let titles = ["side", "by", "duplex", "over", "ear", "inox", "black"];
        let detect_in = |text: &str| in_store(text, &titles, &[]);
        for text in [
            "refrigerador side by side",
            "side by side",
            "refrigerador duplex",
            "fone over ear",
            "geladeira black inox",
        ] {
            assert_eq!(detect_in(text), Lang::Pt, "{text}");
        }
        // Other English words still tell.
        assert_eq!(detect_in("black sneakers for men"), Lang::En);
        // Unless a word names the store's products in its language.
        let detect_in = |text: &str| in_store(text, &[], &["lavadora", "fone"]);
        for text in ["lavadora top load", "fone over ear", "lavadora front load"] {
            assert_eq!(detect_in(text), Lang::Pt, "{text}");
        }
        assert_eq!(detect_in("washing machine top load"), Lang::En);
    }

    #[test]
    fn detects_by_evidence() {
        assert_eq!(lang("tênis preto masculino até R$ 300", Lang::En), Lang::Pt);
        assert_eq!(
            lang("black sneakers for men under 3000", Lang::Pt),
            Lang::En
        );
        assert_eq!(lang("Puma", Lang::Pt), Lang::Pt);
        assert_eq!(lang("42", Lang::En), Lang::En);
        assert_eq!(lang("quero uma camiseta", Lang::En), Lang::Pt);
        assert_eq!(lang("geladeira inox", Lang::En), Lang::Pt);
        // A currency's sign decides only when no word does.
        assert_eq!(lang("laptop under R$ 7000", Lang::Pt), Lang::En);
        assert_eq!(lang("R$ 300", Lang::En), Lang::Pt);
    }

    #[test]
    fn catalog_words_count_by_their_letters_but_function_words_count() {
        let values = ["gift", "card", "only", "bata", "black"];
        let detect_in = |text: &str, prior: Lang| in_catalog(&values, text, prior);
        assert_eq!(detect_in("gift card", Lang::Pt), Lang::Pt);
        assert_eq!(detect_in("geladeira black", Lang::Pt), Lang::Pt);
        // "only" is English though a brand is spelt so; "bata" then weighs
        // no more than a catalog word.
        assert_eq!(detect_in("only bata", Lang::En), Lang::En);
        // In a Portuguese conversation, "bata" (a common Portuguese word
        // and a catalog value) weighs as much as "only": it stays.
        assert_eq!(detect_in("only bata", Lang::Pt), Lang::Pt);
    }

    #[test]
    fn a_catalog_word_of_the_conversation_language_keeps_it() {
        let values = ["cabo", "dresses", "line", "gift", "card"];
        let detect_in = |text: &str, prior: Lang| in_catalog(&values, text, prior);
        assert_eq!(detect_in("cabo hdmi", Lang::Pt), Lang::Pt);
        assert_eq!(detect_in("hdmi", Lang::Pt), Lang::En);
        assert_eq!(detect_in("gift card", Lang::Pt), Lang::Pt);
        assert_eq!(detect_in("cabo hdmi", Lang::En), Lang::En);
        // A compound is no evidence by its folded spelling ("aline").
        assert_eq!(detect_in("a-line dresses", Lang::En), Lang::En);
        // An evidence word is its language's though the catalog has it.
        let values = ["black", "stanley", "tumbler", "geladeira"];
        let detect_in = |text: &str, prior: Lang| in_catalog(&values, text, prior);
        assert_eq!(detect_in("black stanley tumbler", Lang::Pt), Lang::En);
        assert_eq!(detect_in("geladeira black", Lang::Pt), Lang::Pt);
        assert_eq!(lang("a-line", Lang::En), Lang::En);
        // A measurement's unit as written tells its language.
        assert_eq!(lang("55 inch tv", Lang::Pt), Lang::En);
        assert_eq!(lang("monitor 144hz", Lang::Pt), Lang::Pt);
        assert_eq!(lang("monitor gamer 27 240hz", Lang::Pt), Lang::Pt);
        assert_eq!(lang("tv 55 polegadas", Lang::En), Lang::Pt);
        assert_eq!(lang("tv 55\"", Lang::Pt), Lang::Pt);
    }
}
