//! A price cell whose amount is followed by a note saying what it is the
//! price of, and a cell saying there is no price yet.
//!
//! UK and EU shops must show a unit price beside the selling price, and
//! scraped pages keep both in one cell: `£29.99 each`, `£1.29 £2.58 per
//! kg`, `£1.29 (£2.58/kg)`, `£6.99 £9.32 per 75cl`, `£3.99 4pk`, `£4.99 per
//! pair`, `45p per 100ml`, `R$ 9,90 cada`, `R$ 12,90 o kg`. The cell's
//! leading amount is the price; the note after it (a second amount that is
//! the unit price, `per` or `/` and a unit, a unit word, a count such as
//! `4pk`, `x 6` or `6x`) is read only to know it is one.
//!
//! A cell whose only amount is a price per unit (`R$ 19,90 / kg`,
//! `£2.58 per kg`) is a product sold by weight or length: that amount is
//! what the shopper pays for one unit, so it is the price too.
//!
//! The words come from the language data files (`[price notes]`), so a
//! reviewer adds one by editing a line. Depends on [`super::price`] and
//! [`super::aliases`] only.

use super::aliases::{Availability, PriceWord, aliases};
use super::price::{DecimalSep, ParsedPrice, currency_token, parse_amount_in};

/// The leading amount of `text` when the rest of it is a unit-price or
/// quantity note, with what it proves about the column's separator.
pub(crate) fn leading_amount(
    text: &str,
    column: Option<DecimalSep>,
) -> Option<(ParsedPrice, Option<DecimalSep>)> {
    // Where a note may start: a space, `(` or `/` after the amount. The
    // longest amount first: `R$ 1 299,90 / kg` is 1299.90, not 1.
    let starts = text
        .char_indices()
        .filter(|&(at, c)| at > 0 && (c.is_whitespace() || c == '(' || c == '/'));
    let starts: Vec<usize> = starts.map(|(at, _)| at).collect();
    starts.into_iter().rev().find_map(|at| {
        let (head, note) = (&text[..at], &text[at..]);
        let first = note_words(note)?;
        // `£3.99 100 g`, `£12 100 g`: the head swallowed the quantity.
        if swallows_quantity(head, first) {
            return None;
        }
        parse_amount_in(head, column)
    })
}

/// True when a cell says there is no price yet (`Price Coming Soon`,
/// `Sob consulta`) or that the product is sold out (`Esgotado`, `Sold
/// out`: an availability, not a yes/no flag such as `no`).
pub(crate) fn says_no_price(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    let words = aliases();
    words.price_word(text) == Some(PriceWord::NoPrice)
        || (words.availability(text) == Some(Availability::OutOfStock) && !words.is_flag(text))
}

/// One token of a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// `per`, `/`: a unit follows.
    Per,
    /// A unit (`kg`, `each`) or a count (`4pk`, `x6`, `100ml`).
    Unit,
    /// An amount or a bare number: a unit price, a quantity.
    Number,
    /// A currency symbol on its own (`R$` of `R$ 2,58/kg`).
    Currency,
    /// `of`, `o`, `de`.
    Joining,
}

/// The tokens of a note, split at spaces, brackets and dashes, `/` a token
/// of its own: `None` when it is no note (a word that is no unit, no unit
/// or count at all, `per` with nothing after it). On success, the first token.
fn note_words(note: &str) -> Option<Token> {
    let words = aliases();
    let mut tokens: Vec<Token> = Vec::with_capacity(6);
    let pieces = note
        .split(|c: char| c.is_whitespace() || "()[]|;–—".contains(c))
        .flat_map(split_slashes)
        .map(|p| p.trim_end_matches([',', '.', ':']).trim_start_matches('-'))
        .filter(|p| !p.is_empty());
    for piece in pieces {
        let after_per = tokens.last() == Some(&Token::Per);
        let token = if piece == "/" {
            Token::Per
        } else if is_count(piece) || piece == "x" || piece == "×" {
            Token::Unit
        } else if parse_amount_in(piece, None).is_some() {
            Token::Number
        } else if piece.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        } else if currency_token(piece).is_some() {
            Token::Currency
        } else {
            match words.price_word(piece) {
                Some(PriceWord::Per) => Token::Per,
                Some(PriceWord::Unit) => Token::Unit,
                Some(PriceWord::Joining) => Token::Joining,
                // After `per`, any one word is a unit: `per tile`.
                _ if after_per && piece.chars().all(char::is_alphabetic) => Token::Unit,
                _ => return None,
            }
        };
        tokens.push(token);
    }
    let ends_in_per = tokens.last() == Some(&Token::Per);
    let has_unit = tokens.contains(&Token::Unit);
    (has_unit && !ends_in_per)
        .then(|| tokens.first().copied())
        .flatten()
}

/// `each/£9.99` -> `each`, `/`, `£9.99`.
fn split_slashes(piece: &str) -> impl Iterator<Item = &str> {
    let mut rest = piece;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (token, tail) = match rest.find('/') {
            Some(0) => rest.split_at(1),
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        rest = tail;
        Some(token)
    })
}

/// A count or quantity in one word: a number and a unit (`4pk`, `100ml`,
/// `75cl`, `2,5kg`), `x6` or `6x`.
fn is_count(piece: &str) -> bool {
    let lower = piece.to_lowercase();
    let lower = lower.replace('×', "x");
    if let Some(n) = lower.strip_prefix('x') {
        return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    }
    let digits = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(lower.len());
    let (number, unit) = lower.split_at(digits);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) || unit.is_empty() {
        return false;
    }
    unit == "x" || aliases().price_word(unit) == Some(PriceWord::Unit)
}

/// True when the last word of `head` is a bare number and the note starts
/// with a unit, or `head`'s number has a space after its decimals: a
/// quantity (`100 g`) glued onto the amount before it.
fn swallows_quantity(head: &str, first: Token) -> bool {
    let last = head.rsplit(char::is_whitespace).next().unwrap_or(head);
    let bare = head.contains(char::is_whitespace)
        && !last.is_empty()
        && last.bytes().all(|b| b.is_ascii_digit());
    if bare && first == Token::Unit {
        return true;
    }
    // `3.99 100`: after a `.` or `,` and its digits, a space, then digits.
    let Some(sep) = head.find(['.', ',']) else {
        return false;
    };
    let after = &head[sep + 1..];
    let rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < after.len()
        && rest.starts_with(char::is_whitespace)
        && rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(text: &str) -> Option<(f64, Option<&'static str>)> {
        leading_amount(text, None).map(|(p, _)| (p.amount, p.currency))
    }

    #[test]
    fn the_leading_amount_before_a_unit_note_is_the_price() {
        let gbp = |a| Some((a, Some("GBP")));
        let brl = |a| Some((a, Some("BRL")));
        assert_eq!(lead("£29.99 each"), gbp(29.99));
        assert_eq!(lead("£29.99 Each"), gbp(29.99));
        assert_eq!(lead("£1.29 £2.58 per kg"), gbp(1.29));
        assert_eq!(lead("£6.99 £9.32 per 75cl"), gbp(6.99));
        assert_eq!(lead("£1.29 £2.58 per litre"), gbp(1.29));
        assert_eq!(lead("£2.49 £0.25 per 100ml"), gbp(2.49));
        assert_eq!(lead("£1.29 (£2.58/kg)"), gbp(1.29));
        assert_eq!(lead("£4.99 per pair"), gbp(4.99));
        assert_eq!(lead("£4.99 Per Pack"), gbp(4.99));
        assert_eq!(lead("£9.99 per set"), gbp(9.99));
        assert_eq!(lead("£3.99 4pk"), gbp(3.99));
        assert_eq!(lead("£19.99 6 pack"), gbp(19.99));
        assert_eq!(lead("£5 x 6"), gbp(5.0));
        assert_eq!(lead("£1.99 99.9p per 100ml"), gbp(1.99));
        assert_eq!(lead("£1.99 9.99 per pair"), gbp(1.99));
        assert_eq!(lead("£29.99 each/£4.99 per tile"), gbp(29.99));
        assert_eq!(lead("£2,149.99 each"), gbp(2149.99));
        assert_eq!(lead("45p per 100ml"), gbp(0.45));
        assert_eq!(lead("99c each"), Some((0.99, None)));
        assert_eq!(lead("$2.99/lb"), Some((2.99, Some("USD"))));
        assert_eq!(lead("2,49 € / 100 g"), Some((2.49, Some("EUR"))));
        assert_eq!(lead("R$ 9,90 cada"), brl(9.9));
        assert_eq!(lead("R$ 4,99 unid."), brl(4.99));
        assert_eq!(lead("R$ 12,90 o kg"), brl(12.9));
        assert_eq!(lead("R$ 29,90 pacote de 6"), brl(29.9));
        // A price per unit alone is the price of one unit (sold by weight).
        assert_eq!(lead("R$ 19,90 / kg"), brl(19.9));
        assert_eq!(lead("R$ 19,90/kg"), brl(19.9));
        // Thousands grouped by a space stay one amount...
        assert_eq!(lead("R$ 1 299,90 / kg"), brl(1299.9));
        // ...but a quantity after the amount is no part of it.
        assert_eq!(lead("£3.99 100 g"), gbp(3.99));
        assert_eq!(lead("£12 100 g"), gbp(12.0));
    }

    #[test]
    fn what_is_no_unit_note_stays_unread() {
        for text in [
            "12 apples",
            "£1.29 £2.58",
            "£1.29 per",
            "10/20",
            "R$ 10 USD",
            "£5 for 2",
            "£1.29 (see below)",
            "each",
            "per kg",
            "£ per kg",
        ] {
            assert_eq!(lead(text), None, "{text:?}");
        }
    }

    #[test]
    fn cells_saying_there_is_no_price_yet() {
        for text in [
            "Price Coming Soon",
            "coming soon",
            "Price on request",
            "POA",
            "Sob consulta",
            "Preço sob consulta",
            "Em breve",
            "Indisponível",
            "Esgotado",
            "Sold out",
        ] {
            assert!(says_no_price(text), "{text:?}");
        }
        for text in ["", "no", "0", "N/A", "free", "£1.29", "abc"] {
            assert!(!says_no_price(text), "{text:?}");
        }
    }
}
