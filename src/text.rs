//! Text normalisation shared by the index and the message understanding, so
//! a catalog value and a shopper's word meet on the same key: lowercase,
//! accents folded (`tênis` -> `tenis`), punctuation inside words dropped
//! (`T-shirt` -> `tshirt`, `U.S.` -> `us`), whitespace collapsed.

/// Folds one character to its unaccented lowercase ASCII form when it has one.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            'a'
        }
        'ç' | 'Ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => {
            'o'
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'š' | 'Š' | 'ś' => 's',
        'ž' | 'Ž' | 'ź' | 'ż' => 'z',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// True for characters that join two word parts without separating them
/// (`t-shirt`, `u.s.`, `levi's`).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '\'' | '’')
}

/// Splits text into normalised words: folded, lowercase, alphanumeric, with
/// joiners inside a word removed (`T-Shirts` -> `tshirts`, `U.S.` -> `us`).
/// Calls `emit` with each word and its byte range in `text`.
pub fn for_each_word(text: &str, mut emit: impl FnMut(&str, std::ops::Range<usize>)) {
    if text.is_ascii() {
        for_each_ascii_word(text, &mut emit);
    } else {
        for_each_char_word(text, &mut emit);
    }
}

/// [`for_each_word`] over ASCII text, byte by byte. A word already in
/// lowercase without joiners (most words) is passed as a slice of `text`.
fn for_each_ascii_word(text: &str, emit: &mut impl FnMut(&str, std::ops::Range<usize>)) {
    let b = text.as_bytes();
    let mut copy = String::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut upper = false;
        let mut joined = false;
        loop {
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                upper |= b[i].is_ascii_uppercase();
                i += 1;
            }
            let joiner = i + 1 < b.len()
                && matches!(b[i], b'-' | b'.' | b'\'')
                && b[i + 1].is_ascii_alphanumeric();
            if !joiner {
                break;
            }
            joined = true;
            i += 1;
        }
        let word = &text[start..i];
        if !upper && !joined {
            emit(word, start..i);
            continue;
        }
        copy.clear();
        if joined {
            copy.extend(word.chars().filter(char::is_ascii_alphanumeric));
        } else {
            copy.push_str(word);
        }
        copy.make_ascii_lowercase();
        emit(&copy, start..i);
    }
}

/// [`for_each_word`] over any text, char by char.
fn for_each_char_word(text: &str, emit: &mut impl FnMut(&str, std::ops::Range<usize>)) {
    let mut word = String::new();
    let mut start = 0;
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            word.push(fold_char(c));
            end = i + c.len_utf8();
        } else if is_joiner(c)
            && !word.is_empty()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
        {
            // joined: keep accumulating the same word
        } else if !word.is_empty() {
            emit(&word, start..end);
            word.clear();
        }
    }
    if !word.is_empty() {
        emit(&word, start..end);
    }
}

/// The normalised words of a text.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w, _| out.push(w.to_string()));
    out
}

/// The normalised key of a facet value: its words joined by single spaces
/// (`" Black"` -> `black`, `U.S. Polo Assn.` -> `us polo assn`).
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |w, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// `text` cut to `width` characters, with `…` when cut. Control characters
/// (from a hostile catalog) are replaced so they cannot drive the terminal.
pub fn cell(text: &str, width: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= width {
        clean
    } else {
        let mut cut: String = clean.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// A count joined to a noun ("2-door", "3seat", "4-piece"): the count and
/// the noun's letters (`("2", "door")`). `None` for anything else, a
/// measurement's short unit ("8gb", "3xl": fewer than three letters)
/// included.
pub fn count_compound(word: &str) -> Option<(&str, String)> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let (count, rest) = word.split_at(digits);
    let noun: String = rest.chars().filter(|&c| c != '-').collect();
    (digits > 0 && digits <= 3 && noun.len() >= 3 && noun.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some((count, noun))
}

/// A model code of letters glued to digits ("rx580", "rtx4060ti",
/// "iphone13"): its runs of letters and of digits (`["rx", "580"]`), which
/// other titles write apart ("RX 580"). `None` for anything else: a code
/// starting with a digit (a count or a measurement: "2door", "8gb"), one
/// with a run of one character ("s23", "i5", "ps5": the parts alone would
/// find unrelated products) or of more than three runs.
pub fn glued_code(word: &str) -> Option<Vec<&str>> {
    if !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let mut runs = Vec::new();
    let mut start = 0;
    let bytes = word.as_bytes();
    for i in 1..=bytes.len() {
        let boundary =
            i == bytes.len() || bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit();
        if boundary {
            runs.push(&word[start..i]);
            start = i;
        }
    }
    let plain = bytes
        .iter()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    (plain && (2..=3).contains(&runs.len()) && runs.iter().all(|r| r.len() >= 2)).then_some(runs)
}

/// Parses a number written with `.` and `,` as thousands or decimal
/// separators, in English (`1,299.90`) or Portuguese (`1.299,90`) style.
///
/// When both appear, the last one is the decimal separator. When only one
/// kind appears: repeated, or followed by exactly three digits, it groups
/// thousands (`1.299`, `1,299`, `1.000.000`); otherwise it is the decimal
/// separator (`2.5`, `299,90`).
pub fn parse_number(raw: &str) -> Option<f64> {
    let dots = raw.matches('.').count();
    let commas = raw.matches(',').count();
    let decimal = if dots > 0 && commas > 0 {
        let last_dot = raw.rfind('.').unwrap_or(0);
        let last_comma = raw.rfind(',').unwrap_or(0);
        Some(if last_dot > last_comma { '.' } else { ',' })
    } else if dots + commas == 1 {
        let sep = if dots == 1 { '.' } else { ',' };
        let after = raw.rsplit(sep).next().map_or(0, str::len);
        if after == 3 { None } else { Some(sep) }
    } else {
        None
    };
    let mut clean = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii_digit() {
            clean.push(c);
        } else if Some(c) == decimal {
            clean.push('.');
        }
    }
    if decimal.is_some() && raw.matches(decimal.unwrap_or('.')).count() > 1 {
        return None;
    }
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all_words(text: &str, ascii: bool) -> Vec<(String, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        let mut push = |w: &str, r: std::ops::Range<usize>| out.push((w.to_string(), r));
        if ascii {
            for_each_ascii_word(text, &mut push);
        } else {
            for_each_char_word(text, &mut push);
        }
        out
    }

    proptest! {
        #[test]
        fn the_ascii_path_splits_like_the_general_one(text in "[a-zA-Z0-9 .,'&/()-]{0,40}") {
            prop_assert_eq!(all_words(&text, true), all_words(&text, false));
        }
    }

    #[test]
    fn glued_codes_are_split_into_their_runs() {
        assert_eq!(glued_code("rx580"), Some(vec!["rx", "580"]));
        assert_eq!(glued_code("rtx4060ti"), Some(vec!["rtx", "4060", "ti"]));
        assert_eq!(glued_code("iphone13"), Some(vec!["iphone", "13"]));
        for not_one in [
            "s23",
            "i5",
            "ps5",
            "2door",
            "8gb",
            "rx",
            "580",
            "wh1000xm5",
            "rx-580",
            "",
        ] {
            assert_eq!(glued_code(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn ascii_words_fold_and_join() {
        for text in [
            "U.S. Polo",
            "T-Shirt's--x",
            "a.",
            "-a-",
            "x'",
            "ABC def",
            "it's 3.5mm",
        ] {
            assert_eq!(all_words(text, true), all_words(text, false), "{text}");
        }
        assert_eq!(
            words("Levi's T-Shirts, U.S."),
            vec!["levis", "tshirts", "us"]
        );
    }

    #[test]
    fn counts_joined_to_nouns() {
        assert_eq!(count_compound("2door"), Some(("2", "door".to_string())));
        assert_eq!(count_compound("3-seat"), Some(("3", "seat".to_string())));
        assert_eq!(count_compound("8gb"), None);
        assert_eq!(count_compound("3xl"), None);
        assert_eq!(count_compound("door"), None);
        assert_eq!(count_compound("i5"), None);
    }

    #[test]
    fn keys_fold_case_accents_and_joiners() {
        assert_eq!(key(" Black"), "black");
        assert_eq!(key("Tênis  Masculino"), "tenis masculino");
        assert_eq!(key("T-Shirt"), "tshirt");
        assert_eq!(key("U.S. Polo Assn. Kids"), "us polo assn kids");
        assert_eq!(key("Levi's"), "levis");
        assert_eq!(key("a - b"), "a b");
        assert_eq!(key("CALÇA"), "calca");
        assert_eq!(key(""), "");
    }

    #[test]
    fn words_report_their_byte_ranges() {
        let text = "tênis até R$ 300";
        let mut seen = Vec::new();
        for_each_word(text, |w, r| seen.push((w.to_string(), text[r].to_string())));
        assert_eq!(
            seen,
            vec![
                ("tenis".into(), "tênis".into()),
                ("ate".into(), "até".into()),
                ("r".into(), "R".into()),
                ("300".into(), "300".into())
            ]
        );
    }
}
