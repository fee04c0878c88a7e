//! Queries for the shopper's words: where each is looked for (titles,
//! brands, types, attributes, and descriptions as a last resort), with its
//! other spellings and translations, and the titles that negate it; and the
//! term queries of facet values and exclusions the other query builders
//! share.

use crate::index::ProductIndex;
use crate::model::{Slot, facet};
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

/// Where shopper words are looked for, and their ranking weight.
pub(super) fn text_fields(index: &ProductIndex, with_description: bool) -> Vec<(Field, f32)> {
    let f = index.fields();
    let mut fields = vec![
        (f.title, 3.0),
        (f.brand_text, 2.0),
        (f.type_text, 2.0),
        (f.attrs_text, 1.5),
    ];
    if with_description {
        fields.push((f.description, 0.5));
    }
    fields
}

/// True when `word` (folded) names an animal a product is for ("gato",
/// "dogs": the language files' `animal_words`).
pub(super) fn for_animals(word: &str) -> bool {
    crate::language::every().any(|(_, d)| d.learning.animal_words.iter().any(|a| a == word))
}

/// The products for the animal `word` names: by `fields`, or by their
/// description when neither it nor their title names another animal. A cat
/// scratcher's title seldom says for whom ("Arranhador Torre Savana"),
/// its description does; but a title naming an animal has said it ("Ração
/// … Cães Filhotes" is no cat food, though its maker's blurb is "para cães
/// e gatos").
pub(super) fn animal_query(
    index: &ProductIndex,
    word: &str,
    fields: &[(Field, f32)],
) -> Option<Box<dyn Query>> {
    let named = word_query(index, word, fields)?;
    let f = index.fields();
    let Some(described) = word_query(index, word, &[(f.description, 0.5)]) else {
        return Some(named);
    };
    // The animals `word` is not: every language's words of another animal.
    let groups = || crate::language::every().flat_map(|(_, d)| d.learning.animals.iter());
    let own: Vec<&String> = groups()
        .filter(|(_, words)| words.iter().any(|w| w == word))
        .map(|(animal, _)| animal)
        .collect();
    let others: Vec<&String> = groups()
        .filter(|(animal, _)| !own.contains(animal))
        .flat_map(|(_, words)| words)
        .collect();
    let naming_others = |field: Field| {
        any_of(
            others
                .iter()
                .filter_map(|a| word_query(index, a, &[(field, 1.0)]))
                .collect(),
        )
    };
    // Neither its title nor its description may name another animal: a
    // description has no word order, and "protege o seu cão … não
    // utilizar em gatos" is no cat's.
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, named),
        (
            Occur::Should,
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, described),
                (Occur::MustNot, naming_others(f.title)),
                (Occur::MustNot, naming_others(f.description)),
            ])),
        ),
    ])))
}

pub(super) fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A term that only filters (no frequencies read).
pub(super) fn filter_term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// Matches the analysed `tokens` in `field`: as a phrase in the title (the
/// only field with positions), by all of them elsewhere.
pub(super) fn phrase_query(
    index: &ProductIndex,
    field: Field,
    tokens: &[String],
) -> Box<dyn Query> {
    match tokens {
        [] => Box::new(EmptyQuery),
        [one] => term_query(field, one),
        many if field == index.fields().title => Box::new(PhraseQuery::new(
            many.iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        )),
        many => Box::new(BooleanQuery::new(
            many.iter()
                .map(|t| (Occur::Must, term_query(field, t)))
                .collect(),
        )),
    }
}

/// Any of `queries` (an empty list matches nothing).
pub(super) fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries
            .into_iter()
            .next()
            .unwrap_or_else(|| Box::new(EmptyQuery));
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// A word must appear in one of `fields` (each of its analysed tokens).
/// The description indexes content words only: a function word is not
/// looked for there.
pub(super) fn word_query(
    index: &ProductIndex,
    word: &str,
    fields: &[(Field, f32)],
) -> Option<Box<dyn Query>> {
    let tokens = crate::index::tokens(&mut index.analyzer(), word);
    if tokens.is_empty() {
        return None;
    }
    let description = index.fields().description;
    // The description has no positions: a phrase is looked for there as
    // its words anywhere, which for a phrase with a function word is
    // another phrase ("sem fio" in "Com Fio … sem fadiga").
    let titles = &crate::language::data(index.manifest().language).titles;
    let function_word = || {
        crate::text::words(word).iter().any(|w| {
            crate::language::is_function_word(w)
                || titles.denials().any(|n| n == w)
                || titles.negators_after.contains(w)
        })
    };
    // A word of the catalog's titles is the product's, not its brand's:
    // "silk" is no "Varkala Silk Sarees … Cotton Blend Saree" (titles are
    // indexed without their leading brand). A word only brands have
    // ("klein") still finds them.
    let brand_text = index.fields().brand_text;
    // Whether the titles use every token: asked once, here and of its
    // translations (see `other_spellings`).
    let titled = {
        let searcher = index.searcher();
        let title = index.fields().title;
        tokens.iter().all(|token| {
            searcher
                .doc_freq(&Term::from_field_text(title, token))
                .is_ok_and(|n| n > 0)
        })
    };
    let fields: Vec<(Field, f32)> = fields
        .iter()
        .copied()
        .filter(|&(field, _)| field != description || !function_word())
        .collect();
    let fields: Vec<(Field, f32)> = match fields.iter().any(|&(f, _)| f == brand_text) && titled {
        true => fields
            .into_iter()
            .filter(|&(f, _)| f != brand_text)
            .collect(),
        false => fields,
    };
    let mut spellings = vec![tokens];
    spellings.extend(other_spellings(index, word, titled, &fields));
    let per_field: Vec<Box<dyn Query>> = spellings
        .iter()
        .flat_map(|tokens| {
            fields.iter().map(|&(field, boost)| {
                Box::new(BoostQuery::new(phrase_query(index, field, tokens), boost))
                    as Box<dyn Query>
            })
        })
        .collect();
    // A product whose brand is the word itself ("Dipirona", a generic drug
    // in a scraped brand column, its title indexed without it).
    let mut per_field = per_field;
    if titled && fields.iter().any(|&(f, _)| f == index.fields().title) {
        let brand = facet_term(index, &Slot::Brand, word);
        if index.searcher().doc_freq(&brand).is_ok_and(|n| n > 0) {
            per_field.push(Box::new(TermQuery::new(brand, IndexRecordOption::Basic)));
        }
    }
    Some(any_of(per_field))
}

/// The tokens of a word's other regional spellings ("analogue" for
/// "analog") and of its translations ("gato" for "cat", "sem fio" for
/// "wireless") that the catalog uses: either finds both.
pub(super) fn other_spellings(
    index: &ProductIndex,
    word: &str,
    titled: bool,
    fields: &[(Field, f32)],
) -> Vec<Vec<String>> {
    let searcher = index.searcher();
    let mut others = if word.contains(' ') {
        Vec::new()
    } else {
        crate::language::spellings(word)
    };
    // A word the catalog's titles use (`titled`) is the catalog's own: the
    // taxonomy's names of it are other things there ("coffee table" is no
    // "Café furniture" table in an English store).
    if titled {
        others.extend(crate::language::hand_translations(word));
    } else {
        others.extend(crate::language::translations(word));
    }
    others.extend(crate::language::implied_by(word));
    // "chileno" is also "Chile", "Chilean".
    others.extend(crate::language::origins::other_names(word));
    // "2-door": the count before its noun too ("Wardrobe with 2 doors").
    let joined = crate::text::key(word);
    if !crate::language::units::is_measurement(&joined)
        && let Some((count, noun)) = crate::text::count_compound(&joined)
    {
        others.push(format!("{count} {noun}"));
    } else if let Some(other) = hyphen_respelt(word) {
        // "sulfate-free" is also "Sulfate Free", and the other way round.
        others.push(other);
    }
    // "rx580" is also "RX 580" (and "RX580" is indexed as "rx 580" too:
    // `crate::index::analyzer`).
    if let Some(runs) = crate::text::glued_code(&joined) {
        others.push(runs.join(" "));
    }
    // "sem parabenos" is also "Livre de Parabenos"; "sulfate free" also
    // "Without Sulfates".
    others.extend(claim_spellings(
        &crate::language::data(index.manifest().language).titles,
        word,
    ));
    // "monitor 27", "ração 15": a bare number is also the catalog's
    // measurement of it ("27in", "15kg"), whichever unit the titles use.
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        others.extend(
            crate::language::units::symbols()
                .iter()
                .map(|symbol| format!("{word}{symbol}")),
        );
    }
    others
        .into_iter()
        .map(|w| crate::index::tokens(&mut index.analyzer(), &w))
        .filter(|tokens| {
            !tokens.is_empty()
                && tokens.iter().all(|token| {
                    fields.iter().any(|&(field, _)| {
                        let term = Term::from_field_text(field, token);
                        searcher.doc_freq(&term).is_ok_and(|n| n > 0)
                    })
                })
        })
        .collect()
}

/// The other ways `titles` claim a product lacks what `phrase` says it
/// lacks ("sem X": "livre de X", "zero X"; "X free": "without X", "X-free");
/// empty when `phrase` is no such claim.
fn claim_spellings(titles: &crate::language::Titles, phrase: &str) -> Vec<String> {
    // One word claims nothing (and most words are one).
    if !phrase.contains([' ', '-']) {
        return Vec::new();
    }
    let key = crate::text::key(&phrase.replace('-', " "));
    let lacked = titles
        .negators
        .iter()
        .find_map(|n| key.strip_prefix(n.as_str())?.strip_prefix(' '))
        .or_else(|| {
            (titles.negators_after.iter())
                .find_map(|n| key.strip_suffix(n.as_str())?.strip_suffix(' '))
        });
    // A word of letters: "400l-free" would be read as the measurement alone.
    let Some(lacked) = lacked.filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
    else {
        return Vec::new();
    };
    titles
        .lack_phrases(lacked)
        .filter(|other| *other != key)
        .collect()
}

/// `word` with its two parts joined by a hyphen written apart, or the two
/// words of a phrase joined by one; `None` for anything else (a code's
/// parts are indexed apart already, and a longer phrase is no compound).
fn hyphen_respelt(word: &str) -> Option<String> {
    let letters = |part: &str| !part.is_empty() && part.chars().all(char::is_alphabetic);
    let split = |sep: char| {
        word.split_once(sep)
            .filter(|(a, b)| letters(a) && letters(b))
    };
    if let Some((a, b)) = split('-') {
        Some(format!("{a} {b}"))
    } else {
        split(' ').map(|(a, b)| format!("{a}-{b}"))
    }
}

/// The products whose title says they lack `word` or its translation: a
/// negator of the catalog's language right before it ("Non Padded", "sem
/// Fio", "Faux Leather" for "couro") or after it ("Sulfate Free",
/// "Sulfate-Free"); `None` when no title says so. Asked for every word a
/// turn searches: only phrases whose every token the titles have are
/// queried.
pub(super) fn negated_in_title(index: &ProductIndex, word: &str) -> Option<Box<dyn Query>> {
    let lang = index.manifest().language;
    let titles = &crate::language::data(lang).titles;
    let mut analyzer = index.analyzer();
    let mut phrases: Vec<Box<dyn Query>> = Vec::new();
    for w in std::iter::once(word.to_string()).chain(crate::language::translations(word)) {
        // A word no title has is denied by none ("Sulfate-Free" is one
        // token, asked below, but then "sulfate" matches no title either).
        if titled_phrase(index, &mut analyzer, &w).is_none() {
            continue;
        }
        let imitated = titles.imitations.iter().map(|n| format!("{n} {w}"));
        for phrase in titles.lack_phrases(&w).chain(imitated) {
            phrases.extend(titled_phrase(index, &mut analyzer, &phrase));
        }
    }
    (!phrases.is_empty()).then(|| any_of(phrases))
}

/// `text` as a phrase of titles, when the titles have each of its tokens;
/// `None` otherwise (it would match nothing).
pub(super) fn titled_phrase(
    index: &ProductIndex,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    text: &str,
) -> Option<Box<dyn Query>> {
    let title = index.fields().title;
    let tokens = crate::index::tokens(analyzer, text);
    let searcher = index.searcher();
    let titled = !tokens.is_empty()
        && tokens.iter().all(|t| {
            searcher
                .doc_freq(&Term::from_field_text(title, t))
                .is_ok_and(|n| n > 0)
        });
    titled.then(|| phrase_query(index, title, &tokens))
}

/// The products with a measurement within the bounded one `word` asks for
/// ("400l+": 414 L and 528 L freezers; "1tb+": 1 TB and 2000 GB drives), in
/// `fields`; `None` when `word` is no bounded measurement. Nothing matches
/// when the catalog has no measurement within it. An upper bound also
/// leaves out what measures more in the same quantity: a 2 TB drive is
/// not "no more than 256 GB" for its "Leitura 530MB/s", nor a kit of a 27"
/// and a 24" monitor "up to 24 inches". The lower bound of a range
/// (`ranged`: "de 10 a 20 kg") also leaves out what measures less in the
/// unit asked: "Bravecto 4,5 a 10 kg" is no dose for a dog of 10 to 20 kg
/// (its "250 mg" is another unit and stays).
pub(super) fn within_query(
    index: &ProductIndex,
    word: &str,
    fields: &[(Field, f32)],
    ranged: bool,
) -> Option<Box<dyn Query>> {
    use crate::language::units::{Bound, bound_of, measure};
    let (bound, asked, quantity) = bound_of(word)?;
    let unit = measure(&word[..word.len() - 1]).map(|m| m.unit);
    // Only the rounding of a unit's conversion is slack: 24.1" is over 24".
    let slack = asked * 1e-6;
    let (mut within, mut beyond): (Vec<&String>, Vec<&String>) = (Vec::new(), Vec::new());
    let floor_only = bound == Bound::AtLeast && !ranged;
    for m in index
        .measurements()
        .iter()
        .filter(|m| m.quantity == quantity)
    {
        let inside = match bound {
            Bound::AtLeast => m.amount >= asked - slack,
            Bound::AtMost => m.amount <= asked + slack,
        };
        match inside {
            true => within.push(&m.token),
            false if bound == Bound::AtMost || Some(m.unit) == unit => beyond.push(&m.token),
            false => {}
        }
    }
    let terms = |tokens: &[&String]| token_queries(tokens.iter().copied(), fields);
    if within.is_empty() {
        return Some(Box::new(EmptyQuery));
    }
    let inside = any_of(terms(&within));
    if floor_only || beyond.is_empty() {
        return Some(inside);
    }
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, inside),
        (Occur::MustNot, any_of(terms(&beyond))),
    ])))
}

/// The products whose measurement is the one `word` names in another unit
/// ("2000gb": the "2TB" drives; "2l": the "2000ml" bottles), in `fields`;
/// `None` when `word` is no measurement or no other token is the same.
pub(super) fn same_amount_query(
    index: &ProductIndex,
    word: &str,
    fields: &[(Field, f32)],
) -> Option<Box<dyn Query>> {
    use crate::language::units::{measure, same_measure};
    if word.ends_with(['+', '-']) {
        return None;
    }
    let asked = measure(word)?;
    let same = index
        .measurements()
        .iter()
        .filter(|m| m.token != word && same_measure(m, &asked))
        .map(|m| &m.token);
    let same = token_queries(same, fields);
    (!same.is_empty()).then(|| any_of(same))
}

/// One term query per token and field: the tokens are the index's own
/// ([`ProductIndex::measurements`]), so no analysis is needed.
fn token_queries<'t>(
    tokens: impl Iterator<Item = &'t String>,
    fields: &[(Field, f32)],
) -> Vec<Box<dyn Query>> {
    tokens
        .flat_map(|token| {
            fields.iter().map(move |&(field, _)| {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, token),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
        })
        .collect()
}

/// The indexed term of a facet value: a type on its `type_key`, a
/// canonical facet on its keyword field, an extra facet as `name=key`.
pub(super) fn facet_term(index: &ProductIndex, slot: &Slot, value: &str) -> Term {
    let f = index.fields();
    let name = slot.facet();
    let key = index.facet_key(name, value);
    if name == facet::TYPE {
        return Term::from_field_text(f.type_key, &key);
    }
    match f.facet(name) {
        Some(field) => Term::from_field_text(field, &key),
        None => Term::from_field_text(f.extra, &format!("{name}={key}")),
    }
}

/// The query matching a facet value.
pub(super) fn facet_value_query(index: &ProductIndex, slot: &Slot, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        facet_term(index, slot, value),
        IndexRecordOption::Basic,
    ))
}

/// A query fit for `Occur::MustNot`. tantivy 0.27's phrase scorer asserts
/// (debug builds) that an exclusion never seeks behind its current doc, which
/// `Exclude` does as soon as the first excluded phrase match lies after the
/// first candidate (tantivy issue #2811). A union of the query with itself
/// matches the same documents and seeks safely.
pub(super) fn exclusion(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, q.box_clone()),
        (Occur::Should, q),
    ]))
}
