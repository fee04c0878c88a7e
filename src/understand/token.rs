//! Splitting a raw message into tokens: words (normalised like
//! [`crate::text`] so they meet the index's keys), numbers parsed from the
//! raw text before any normalisation (`R$ 1.299,90`, `1,299.90`, `2.5k`), and
//! the few symbols that carry meaning (`$`, `<`, `#`, `+`, `-`, ...); and
//! the words of a phrase of the lexicon's, normalised the same way
//! ([`phrase_words`]). A number with a unit of measure is one word, as the
//! index reads it ("15 kg" -> `15kg`, [`crate::language::units`]).
//! Depends on [`crate::text`] and that module only.

use crate::text::fold_char;
use std::ops::Range;

/// The words of a phrase (built-in, a catalog value, a merchant's
/// synonym), normalised like messages are.
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in phrase.split_whitespace() {
        if piece.chars().all(|c| !c.is_alphanumeric()) {
            out.push(piece.to_string());
        } else {
            out.extend(crate::text::words(piece));
        }
    }
    out
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TokKind {
    /// A word (letters, possibly digits); its key is in the buffer.
    Word,
    /// A number (`300`, `1.299,90`, `2.5k`); its key is its digits.
    Num(f64),
    /// An ordinal written with digits: `2nd`, `3º`.
    Ordinal(u32),
    /// A meaningful symbol.
    Sym(char),
}

/// One token of a message.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Kind of token.
    pub kind: TokKind,
    /// Normalised key, as a range of [`Tokens::buf`].
    pub key: Range<usize>,
    /// Where the token is in the raw message.
    pub raw: Range<usize>,
    /// Punctuation (`,` `.` `;` `!` `?` `:`) separates it from the previous token.
    pub gap: bool,
    /// Written with joiners (`non-leather`, `t-shirt`).
    pub joined: bool,
}

/// A tokenised message.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    /// Normalised keys of all tokens, back to back.
    pub buf: String,
    /// The tokens in message order.
    pub toks: Vec<Tok>,
}

impl Tokens {
    /// The normalised key of token `i`.
    pub fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.buf.get(t.key.clone()))
            .unwrap_or("")
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '\'' | '’')
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '₹'
            | '€'
            | '£'
            | '<'
            | '>'
            | '≤'
            | '≥'
            | '~'
            | '≈'
            | '#'
            | '+'
            | '-'
            | '–'
            | '—'
            | '&'
            | '%'
    )
}

fn is_gap(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | '!' | '?' | ':' | '…' | '(' | ')' | '/' | '|'
    )
}

/// Tokenises `text`. Never panics; any input is accepted.
pub(crate) fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens {
        buf: String::with_capacity(text.len() + 8),
        toks: Vec::with_capacity(16),
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut gap = false;
    let mut i = 0;
    while let Some(&(b, c)) = chars.get(i) {
        if c.is_ascii_digit()
            && let Some((canonical, end)) = crate::language::units::measurement_at(text, b)
        {
            // "15 kg", "3,2L": one word, as the index reads it.
            let start = out.buf.len();
            out.buf.push_str(&canonical);
            out.toks.push(Tok {
                kind: TokKind::Word,
                key: start..out.buf.len(),
                raw: b..end,
                gap,
                joined: false,
            });
            gap = false;
            while chars.get(i).is_some_and(|&(at, _)| at < end) {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            let (next, tok) = number(text, &chars, i, gap, &mut out.buf);
            out.toks.push(tok);
            gap = false;
            i = next;
        } else if c.is_alphanumeric() {
            let start = out.buf.len();
            let mut joined = false;
            let mut j = i;
            while let Some(&(_, c)) = chars.get(j) {
                if c.is_alphanumeric() {
                    out.buf.push(fold_char(c));
                    j += 1;
                } else if is_joiner(c)
                    && chars.get(j + 1).is_some_and(|&(_, n)| {
                        // "t-shirt"; and "m.2" as the index reads it
                        // ("m2"), not "rs.500" (a price).
                        n.is_alphabetic() || n.is_ascii_digit() && j == i + 1
                    })
                {
                    joined = true;
                    j += 1;
                } else {
                    break;
                }
            }
            out.toks.push(Tok {
                kind: TokKind::Word,
                key: start..out.buf.len(),
                raw: b..end_of(j),
                gap,
                joined,
            });
            gap = false;
            i = j;
        } else if is_symbol(c) {
            let start = out.buf.len();
            out.buf.push(c);
            out.toks.push(Tok {
                kind: TokKind::Sym(c),
                key: start..out.buf.len(),
                raw: b..b + c.len_utf8(),
                gap,
                joined: false,
            });
            gap = false;
            i += 1;
        } else {
            if is_gap(c) {
                gap = true;
            }
            i += 1;
        }
    }
    out
}

/// Reads a number starting at `chars[i]` (a digit): digits with `.`/`,`
/// separators, then an optional adjacent suffix (`k`, an ordinal suffix, or
/// letters making it a word such as `3xl`).
fn number(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    gap: bool,
    buf: &mut String,
) -> (usize, Tok) {
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut j = i;
    while let Some(&(_, c)) = chars.get(j) {
        let separator =
            matches!(c, '.' | ',') && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
        if c.is_ascii_digit() || separator {
            j += 1;
        } else {
            break;
        }
    }
    let digits_raw = &text[end_of(i)..end_of(j)];
    let value = parse_number(digits_raw);
    // adjacent letters
    let mut k = j;
    while chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric()) {
        k += 1;
    }
    // A count joined to a noun by a hyphen ("3-seat", "2-door", "4-piece",
    // "2-in-1"): one word, as the index reads it ("3seat"); not an age
    // ("5-year-old"), whose words are read apart.
    if k == j
        && let Some(end) = hyphen_compound(chars, j)
    {
        let start = buf.len();
        buf.extend(digits_raw.chars().filter(char::is_ascii_digit));
        buf.extend(
            text[end_of(j)..end_of(end)]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .map(fold_char),
        );
        return (
            end,
            Tok {
                kind: TokKind::Word,
                key: start..buf.len(),
                raw: end_of(i)..end_of(end),
                gap,
                joined: true,
            },
        );
    }
    let suffix = &text[end_of(j)..end_of(k)];
    let start = buf.len();
    let suffix_lower: String = suffix.chars().map(fold_char).collect();
    let kind = match suffix_lower.as_str() {
        "" => value.map(TokKind::Num),
        "k" => value.map(|v| TokKind::Num(v * 1000.0)),
        "st" | "nd" | "rd" | "th" | "º" | "ª" | "o" | "a" => value
            .filter(|v| v.fract() == 0.0 && *v >= 1.0 && *v <= 1000.0)
            .map(|v| TokKind::Ordinal(v as u32)),
        _ => None,
    };
    match kind {
        Some(kind) => {
            buf.extend(digits_raw.chars().filter(char::is_ascii_digit));
            if matches!(kind, TokKind::Num(_)) && suffix_lower == "k" {
                buf.push('k');
            }
            (
                k,
                Tok {
                    kind,
                    key: start..buf.len(),
                    raw: end_of(i)..end_of(k),
                    gap,
                    joined: false,
                },
            )
        }
        None => {
            // a word made of digits and letters ("3xl", "4g"): keep it whole
            buf.extend(digits_raw.chars().filter(char::is_ascii_digit));
            buf.push_str(&suffix_lower);
            (
                k,
                Tok {
                    kind: TokKind::Word,
                    key: start..buf.len(),
                    raw: end_of(i)..end_of(k),
                    gap,
                    joined: false,
                },
            )
        }
    }
}

/// Where a hyphenated compound after a number at `chars[j]` ends: a hyphen,
/// letters, and any further joined parts ("-seat", "-in-1"). `None` when
/// no letter follows the hyphen or the letters begin an age phrase.
fn hyphen_compound(chars: &[(usize, char)], j: usize) -> Option<usize> {
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    if at(j) != Some('-') || !at(j + 1).is_some_and(char::is_alphabetic) {
        return None;
    }
    let mut k = j + 1;
    let mut first = String::new();
    while let Some(c) = at(k).filter(|c| c.is_alphabetic()) {
        first.push(fold_char(c));
        k += 1;
    }
    if crate::language::starts_an_age(&first) {
        return None;
    }
    // Further parts joined by a hyphen ("2-in-1").
    while at(k) == Some('-') && at(k + 1).is_some_and(char::is_alphanumeric) {
        k += 1;
        while at(k).is_some_and(char::is_alphanumeric) {
            k += 1;
        }
    }
    Some(k)
}

pub use crate::text::parse_number;

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokKind, String)> {
        let t = tokenize(text);
        (0..t.toks.len())
            .map(|i| (t.toks[i].kind, t.key(i).to_string()))
            .collect()
    }

    #[test]
    fn numbers_in_both_styles() {
        assert_eq!(parse_number("1.299,90"), Some(1299.9));
        assert_eq!(parse_number("1,299.90"), Some(1299.9));
        assert_eq!(parse_number("1.299"), Some(1299.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("299,90"), Some(299.9));
        assert_eq!(parse_number("1.000.000"), Some(1_000_000.0));
        assert_eq!(parse_number("3000"), Some(3000.0));
    }

    #[test]
    fn tokens_words_numbers_symbols() {
        let k = kinds("Tênis até R$ 1.299,90, 2.5k 2nd #3 T-shirt 3XL");
        assert_eq!(k[0], (TokKind::Word, "tenis".into()));
        assert_eq!(k[2], (TokKind::Word, "r".into()));
        assert_eq!(k[3], (TokKind::Sym('$'), "$".into()));
        assert_eq!(k[4].0, TokKind::Num(1299.9));
        assert_eq!(k[5].0, TokKind::Num(2500.0));
        assert_eq!(k[6].0, TokKind::Ordinal(2));
        assert_eq!(k[7].0, TokKind::Sym('#'));
        assert_eq!(k[8].0, TokKind::Num(3.0));
        assert_eq!(k[9], (TokKind::Word, "tshirt".into()));
        assert_eq!(k[10], (TokKind::Word, "3xl".into()));
        let k = kinds("3-seat sofa, 2-in-1 laptop, a 5-year-old, 10-20");
        assert_eq!(k[0], (TokKind::Word, "3seat".into()));
        assert_eq!(k[2], (TokKind::Word, "2in1".into()));
        assert_eq!(k[5].0, TokKind::Num(5.0));
        assert_eq!(k[6].0, TokKind::Sym('-'));
        assert_eq!(k[7], (TokKind::Word, "yearold".into()));
        assert_eq!(k[8].0, TokKind::Num(10.0));
        assert_eq!(k[9].0, TokKind::Sym('-'));
    }

    #[test]
    fn currency_glued_to_words() {
        let k = kinds("rs.500 ₹300 $50");
        assert_eq!(k[0], (TokKind::Word, "rs".into()));
        assert_eq!(k[1].0, TokKind::Num(500.0));
        assert_eq!(k[2].0, TokKind::Sym('₹'));
        assert_eq!(k[4].0, TokKind::Sym('$'));
    }
}
