//! Nouns in the singular and the plural, as catalogs and shoppers write
//! them in English and Portuguese: "shirts" meets "Shirt", "curtain" meets
//! "Curtains", and an English reply says "240 bags" for the type "Bag".
//! Conservative: nouns used only in the plural ("jeans", from the data
//! files) and short words are kept as they are.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Every language's plural-only nouns, folded.
fn plural_only() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        super::every()
            .flat_map(|(_, d)| d.plural_only.iter())
            .map(|w| crate::text::key(w))
            .collect()
    })
}

/// The singular form of a normalised English/Portuguese noun, for matching
/// "shirts" with "Shirt" and "curtain" with "Curtains". Conservative:
/// plural-only nouns ("jeans") and short words are kept.
pub fn singular(word: &str) -> &str {
    if word.len() <= 3 || plural_only().contains(word) {
        return word;
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if word.ends_with(suffix) {
            return &word[..word.len() - 2];
        }
    }
    if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return &word[..word.len() - 1];
    }
    word
}

/// The plural form of a normalised singular noun.
pub fn plural(word: &str) -> String {
    if plural_only().contains(word) || word.ends_with('s') && singular(word) != word {
        return word.to_string();
    }
    if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|s| word.ends_with(s))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// A Portuguese type value in the plural, as a reply names what was
/// asked for ("Geladeira" -> "Geladeiras", "Placa de Vídeo" -> "Placas de
/// Vídeo", "Fogão" -> "Fogões"): its first word, the head of a Portuguese
/// noun phrase, when that word is a common Portuguese word in the
/// singular, and the adjectives that agree with it ("Camisa Social" ->
/// "Camisas Sociais", "Garrafa Térmica" -> "Garrafas Térmicas").
pub fn portuguese_plural(value: &str) -> String {
    if value.contains(' ') && is_english_compound(value) {
        // "Air Fryer" is said as in English.
        return english_plural(value);
    }
    let mut words = value.split(' ');
    let first = words.next().unwrap_or(value);
    let key = crate::text::key(first);
    // A Portuguese word, however rare, not an English one; or a word the
    // list lacks that ends in a vowel, which takes an "s" in either
    // language ("comedouro").
    let vowel_ending =
        key.chars().all(|c| c.is_ascii_alphabetic()) && key.ends_with(['a', 'e', 'o']);
    let known = (vowel_ending || super::rank(crate::model::Lang::Pt, &key).is_some())
        && !super::is_english_loanword(&key);
    if !known || key.ends_with('s') || key.chars().count() < 3 {
        return value.to_string();
    }
    let Some(head) = plural_word(first) else {
        return value.to_string();
    };
    let mut out = head;
    let mut agreeing = true;
    for word in words {
        out.push(' ');
        let key = crate::text::key(word);
        // "de Vídeo", "com Tampa": what follows is another noun's.
        agreeing &= !matches!(
            key.as_str(),
            "de" | "da" | "do" | "das" | "dos" | "com" | "para" | "e"
        );
        match plural_word(word).filter(|_| agreeing && is_adjective(&key)) {
            Some(plural) => out.push_str(&plural),
            None => out.push_str(word),
        }
    }
    out
}

/// A shopper's Portuguese word after a plural product type: in the plural
/// when it is an adjective ("garrafas térmicas"), else as written.
pub fn portuguese_agreeing(word: &str) -> String {
    match plural_word(word) {
        Some(plural) if is_adjective(&crate::text::key(word)) => plural,
        _ => word.to_string(),
    }
}

/// True when a folded Portuguese word has an adjective's ending ("social",
/// "térmica", "dobrável", "esportivo"), which agrees with its noun; not
/// "-al" alone, which nouns share ("Colchão Casal").
fn is_adjective(key: &str) -> bool {
    key.chars().count() > 4
        && ["ial", "ico", "ica", "oso", "osa", "ivo", "iva", "vel"]
            .iter()
            .any(|end| key.ends_with(end))
}

/// One Portuguese word in the plural, by its ending; `None` when no rule
/// says how.
fn plural_word(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ão") {
        Some(format!("{stem}ões"))
    } else if let Some(stem) = word
        .strip_suffix("al")
        .or_else(|| word.strip_suffix("el"))
        .or_else(|| word.strip_suffix("ol"))
    {
        let vowel = &word[stem.len()..stem.len() + 1];
        Some(format!("{stem}{vowel}is"))
    } else if word.ends_with(['r', 'z']) {
        Some(format!("{word}es"))
    } else if word.ends_with(['a', 'e', 'i', 'o', 'u', 'á', 'é', 'ê', 'ó', 'ô']) {
        Some(format!("{word}s"))
    } else {
        word.strip_suffix('m').map(|stem| format!("{stem}ns"))
    }
}

/// True when every word of `value` is an English loanword (see
/// [`super::is_english_loanword`]): an English compound a Portuguese
/// title uses as is ("Air Fryer"), whose head is its last word.
pub fn is_english_compound(value: &str) -> bool {
    let mut words = value.split(' ').filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| super::is_english_loanword(&crate::text::key(w)))
}

/// An English type value in the plural, as a reply names what was asked
/// for ("Casual Shirt" -> "Casual Shirts", "Bag" -> "Bags"): only when its
/// last word is a singular noun that the built-in type concepts also know
/// in the plural, so mass nouns and unknown words ("Footwear",
/// "Accessory") stay as the catalog spells them.
pub fn english_plural(value: &str) -> String {
    let last = value.rsplit(' ').next().unwrap_or(value);
    let key = crate::text::key(last);
    let plural_key = plural(&key);
    // Every built-in type name, hashed once (this runs in every reply).
    static NAMES: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        super::concepts(|d| &d.types)
            .into_values()
            .flatten()
            .collect()
    });
    let known = names.contains(key.as_str()) && names.contains(plural_key.as_str());
    let Some(suffix) = plural_key.strip_prefix(key.as_str()) else {
        return value.to_string();
    };
    if !known || suffix.is_empty() || singular(&key) != key {
        return value.to_string();
    }
    let shouting = last.chars().any(char::is_alphabetic) && !last.chars().any(char::is_lowercase);
    if shouting {
        format!("{value}{}", suffix.to_uppercase())
    } else {
        format!("{value}{suffix}")
    }
}

/// True when a product type value names several kinds of product
/// ("T-shirts & Polos", "Shirts, Tops and Tunics", "Cama, Mesa e Banho"),
/// as marketplace sub-categories do: its last (or first) word is no head
/// noun of the whole.
pub fn names_several(value: &str) -> bool {
    if value.contains(['&', ',', '+']) {
        return true;
    }
    let mut joined = false;
    crate::text::for_each_word(value, |w, _| {
        joined |= matches!(w, "and" | "e" | "y" | "et");
    });
    joined
}

/// The kinds a value naming several ([`names_several`]) names, as
/// written: "Stuffed Animals & Teddy Bears" -> "Stuffed Animals", "Teddy
/// Bears"; "Shirts, Tops and Tunics" -> "Shirts", "Tops", "Tunics".
pub fn kinds(group: &str) -> Vec<String> {
    let mut kinds = Vec::new();
    for part in group.split(['&', ',', '+', '/']) {
        let mut kind: Vec<&str> = Vec::new();
        for w in part.split_whitespace().chain(std::iter::once("and")) {
            if !matches!(crate::text::key(w).as_str(), "and" | "e" | "y" | "et") {
                kind.push(w);
            } else if !kind.is_empty() {
                kinds.push(kind.join(" "));
                kind.clear();
            }
        }
    }
    kinds
}

/// The [`kinds`] of `group` that `title` names by one of their end words:
/// "Teddy Bears" of "Stuffed Animals & Teddy Bears" for "HANSA Snuggles
/// The Bear Plush", nothing for a horse plush that says neither. Which
/// kind of the group a product is, its title tells, or nothing does.
pub fn kinds_named(group: &str, title: &str) -> Vec<String> {
    let mut said: Vec<String> = Vec::new();
    crate::text::for_each_word(title, |w, _| said.push(singular(w).to_string()));
    let named = |word: &str| {
        let word = crate::text::key(word);
        said.iter().any(|s| s == singular(&word))
    };
    // How well the title names a kind: by its first and its last word (a
    // kind of one word by it), or by one of them. Only the best named
    // count: "Loose Setting Powder" is the "Powder" of "Setting Spray &
    // Powder", not its "Setting Spray".
    let score = |kind: &str| {
        let mut words = kind.split_whitespace();
        let first = words.next();
        let last = words.last().or(first);
        usize::from(first.is_some_and(named)) + usize::from(last.is_some_and(named))
    };
    let mut kinds: Vec<(usize, String)> =
        kinds(group).into_iter().map(|k| (score(&k), k)).collect();
    let best = kinds.iter().map(|(s, _)| *s).max().unwrap_or(0);
    kinds.retain(|(s, _)| *s > 0 && *s == best);
    kinds.into_iter().map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_english_compound_is_said_as_in_english_in_portuguese() {
        assert_eq!(portuguese_plural("Air Fryer"), "Air Fryer");
        assert!(is_english_compound("Air Fryer"));
        assert!(!is_english_compound("Notebook Gamer"));
        assert!(!is_english_compound("Cadeira Gamer"));
        assert_eq!(portuguese_plural("Cadeira Gamer"), "Cadeiras Gamer");
        assert_eq!(portuguese_plural("Camisa Social"), "Camisas Sociais");
        assert_eq!(portuguese_plural("Garrafa Térmica"), "Garrafas Térmicas");
        assert_eq!(portuguese_plural("Mesa Dobrável"), "Mesas Dobráveis");
        assert_eq!(portuguese_plural("Placa de Vídeo"), "Placas de Vídeo");
        assert_eq!(portuguese_plural("Camisa Polo"), "Camisas Polo");
        // Not in the word list, but a vowel ending takes an "s".
        assert_eq!(portuguese_plural("Comedouro"), "Comedouros");
    }

    use super::*;

    #[test]
    fn a_title_tells_which_kind_of_a_group_it_is() {
        assert_eq!(
            kinds("Airplane & Jet Kits, Toys and Games"),
            ["Airplane", "Jet Kits", "Toys", "Games"]
        );
        let group = "Stuffed Animals & Teddy Bears";
        assert_eq!(
            kinds_named(group, "HANSA Snuggles The Bear Plush"),
            ["Teddy Bears"]
        );
        assert_eq!(
            kinds_named(group, "Wild Republic Horse Plush, Stuffed Animal"),
            ["Stuffed Animals"]
        );
        assert!(kinds_named(group, "Aurora Rattlesnake Plush, Green").is_empty());
        assert_eq!(
            kinds_named("Cama, Mesa e Banho", "Jogo de Cama Casal 4 Peças"),
            ["Cama"]
        );
        assert_eq!(
            kinds_named("Shirts, Tops and Tunics", "Floral Tunic Top"),
            ["Tops", "Tunics"]
        );
        let group = "Setting Spray & Powder";
        assert_eq!(kinds_named(group, "Loose Setting Powder"), ["Powder"]);
        assert_eq!(
            kinds_named(group, "Dewy Set Setting Spray"),
            ["Setting Spray"]
        );
    }

    #[test]
    fn portuguese_type_values_in_the_plural() {
        assert_eq!(portuguese_plural("Geladeira"), "Geladeiras");
        assert_eq!(portuguese_plural("Placa de Vídeo"), "Placas de Vídeo");
        assert_eq!(portuguese_plural("Fogão"), "Fogões");
        assert_eq!(portuguese_plural("Colchão Casal"), "Colchões Casal");
        assert_eq!(portuguese_plural("Ventilador"), "Ventiladores");
        assert_eq!(portuguese_plural("Tênis"), "Tênis");
        assert_eq!(portuguese_plural("Xyzzy"), "Xyzzy");
    }

    #[test]
    fn singular_and_plural() {
        assert_eq!(singular("shirts"), "shirt");
        assert_eq!(singular("dresses"), "dress");
        assert_eq!(singular("watches"), "watch");
        assert_eq!(singular("jeans"), "jeans");
        assert_eq!(singular("tenis"), "tenis");
        assert_eq!(singular("shoes"), "shoe");
        assert_eq!(plural("curtain"), "curtains");
        assert_eq!(plural("watch"), "watches");
        assert_eq!(plural("shoes"), "shoes");
    }

    #[test]
    fn english_type_values_in_the_plural() {
        assert_eq!(english_plural("Bag"), "Bags");
        assert_eq!(english_plural("Casual Shirt"), "Casual Shirts");
        assert_eq!(english_plural("T-shirt"), "T-shirts");
        assert_eq!(english_plural("Watch"), "Watches");
        assert_eq!(english_plural("DRESS"), "DRESSES");
        // already plural, plural-only, mass nouns, unknown words
        assert_eq!(english_plural("Sneakers"), "Sneakers");
        assert_eq!(english_plural("Jeans"), "Jeans");
        assert_eq!(english_plural("Footwear"), "Footwear");
        assert_eq!(english_plural("Accessory"), "Accessory");
        assert_eq!(english_plural("Shorts"), "Shorts");
    }
}
