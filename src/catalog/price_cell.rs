//! What a price cell holds besides one amount, as scraped and exported
//! catalogs write it:
//!
//! * a leading label: `Total price: $12.99`, `Preço: R$ 49,90`. The label
//!   (letters and spaces ending in `:`) is ignored; a label with no amount
//!   after it (`Total price:`) is an empty cell;
//! * a range across the product's variants: `$74.99 - $249.99`,
//!   `R$ 1.299,90 - R$ 1.599,90`, `10 to 20`. The product's price is its
//!   "from" price, the lowest amount; the highest is no list price (a
//!   list price comes from its own column only);
//! * one amount written twice, as a page shows a price to the eye and to
//!   screen readers: `$6.94 $ 6 . 94`. It is that amount;
//! * an amount followed by a unit-price or quantity note: `£29.99 each`,
//!   `£1.29 £2.58 per kg`, `R$ 9,90 cada`. It is the leading amount (see
//!   [`super::price_note`]).
//!
//! A cell that reads as one plain amount never reaches these shapes, so
//! they cost nothing on clean catalogs. Depends on [`super::price`] and
//! [`super::price_note`] only.

use super::price::{DecimalSep, ParsedPrice, currency_token, parse_amount_in};

/// How a cell wrote the price read from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PriceForm {
    /// One amount, perhaps after a label.
    Amount,
    /// A range: the amount is its lowest, `high` its highest.
    Range {
        /// The range's highest amount.
        high: f64,
    },
    /// One amount written twice.
    Repeated,
    /// An amount followed by a unit-price or quantity note (`£1.29 £2.58
    /// per kg`, `£29.99 each`): the leading amount.
    UnitNote,
}

/// A price read from a cell, with what it proves about the column's
/// decimal separator and how the cell wrote it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CellPrice {
    /// The price: a range's lowest amount.
    pub(crate) price: ParsedPrice,
    /// What the cell proves about its column's decimal separator.
    pub(crate) evidence: Option<DecimalSep>,
    /// The shape of the cell.
    pub(crate) form: PriceForm,
}

/// The longest label ignored before an amount, in bytes.
const MAX_LABEL: usize = 32;

/// `text` without a leading label (`Total price:`): letters and spaces
/// ending in a colon, not a currency (`USD:` stays). Trimmed.
pub(crate) fn without_label(text: &str) -> &str {
    let text = text.trim();
    let Some(colon) = text.find(':') else {
        return text;
    };
    let label = text[..colon].trim();
    let is_label = !label.is_empty()
        && colon <= MAX_LABEL
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && currency_token(label).is_none()
        && super::aliases::aliases().currency(label).is_none();
    if is_label {
        text[colon + 1..].trim()
    } else {
        text
    }
}

/// Reads a price cell: one amount (after a label), a range, one amount
/// written twice, or an amount with a unit-price note. `None` when the
/// cell is none of these.
pub(crate) fn read_price(text: &str, column: Option<DecimalSep>) -> Option<CellPrice> {
    let text = without_label(text);
    if let Some((price, evidence)) = parse_amount_in(text, column) {
        return Some(CellPrice {
            price,
            evidence,
            form: PriceForm::Amount,
        });
    }
    if text.len() > 2 * super::price::MAX_PRICE_TEXT {
        return None;
    }
    range(text, column)
        .or_else(|| repeated(text, column))
        .or_else(|| {
            let (price, evidence) = super::price_note::leading_amount(text, column)?;
            Some(CellPrice {
                price,
                evidence,
                form: PriceForm::UnitNote,
            })
        })
}

/// The words and dashes that join the two ends of a range. A dash joins
/// them when spaced (`10 - 20`) or before a currency (`$10-$20`): `10-20`
/// may be a code.
const RANGE_WORDS: [&str; 3] = [" to ", " a ", " até "];
const RANGE_DASHES: [char; 4] = ['-', '–', '—', '~'];

/// A range of two amounts in one currency: its lowest.
fn range(text: &str, column: Option<DecimalSep>) -> Option<CellPrice> {
    let mut splits: Vec<(usize, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        if !RANGE_DASHES.contains(&c) {
            continue;
        }
        let end = at + c.len_utf8();
        let (before, after) = (&text[..at], &text[end..]);
        let spaced =
            before.ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace);
        let before_currency = after
            .trim_start()
            .starts_with(|c: char| !c.is_ascii_digit() && c != '-');
        if spaced || before_currency {
            splits.push((at, end));
        }
    }
    let lower = text.to_lowercase();
    if lower.len() == text.len() {
        for word in RANGE_WORDS {
            splits.extend(lower.match_indices(word).map(|(at, w)| (at, at + w.len())));
        }
    }
    splits.into_iter().find_map(|(at, end)| {
        let (low, low_ev) = parse_amount_in(&text[..at], column)?;
        let (high, high_ev) = parse_amount_in(&text[end..], column)?;
        if low.amount < 0.0 || high.amount < 0.0 {
            return None;
        }
        let currency = match (low.currency, high.currency) {
            (Some(a), Some(b)) if a != b => return None,
            (a, b) => a.or(b),
        };
        let evidence = match (low_ev, high_ev) {
            (Some(a), Some(b)) if a != b => None,
            (a, b) => a.or(b),
        };
        let (lo, hi) = if low.amount <= high.amount {
            (low.amount, high.amount)
        } else {
            (high.amount, low.amount)
        };
        Some(CellPrice {
            price: ParsedPrice {
                amount: lo,
                currency,
            },
            evidence,
            form: PriceForm::Range { high: hi },
        })
    })
}

/// One amount written twice, the second copy perhaps with spaces between
/// its digits (`$6.94 $ 6 . 94`).
fn repeated(text: &str, column: Option<DecimalSep>) -> Option<CellPrice> {
    let mut squeezed = String::with_capacity(text.len());
    text.char_indices()
        .filter(|&(at, c)| c.is_whitespace() && at > 0)
        .find_map(|(at, _)| {
            let (first, evidence) = parse_amount_in(&text[..at], column)?;
            squeezed.clear();
            squeezed.extend(text[at..].chars().filter(|c| !c.is_whitespace()));
            let (second, _) = parse_amount_in(&squeezed, column)?;
            let same_currency = first.currency.is_none()
                || second.currency.is_none()
                || first.currency == second.currency;
            (first.amount == second.amount && same_currency).then(|| CellPrice {
                price: ParsedPrice {
                    amount: first.amount,
                    currency: first.currency.or(second.currency),
                },
                evidence,
                form: PriceForm::Repeated,
            })
        })
}

/// Parses a price cell such as `1,299.90`, `R$ 1.299,90`, `₹ 899` or
/// `12.5 EUR`; also `Price: $12.99` (a label is ignored), a range
/// `$74.99 - $249.99` (its lowest amount, the "from" price) and one
/// amount written twice, `$6.94 $ 6 . 94`, and the leading amount of a
/// cell with a unit-price note, `£1.29 £2.58 per kg` (see [`read_price`]).
///
/// Returns `None` when the text is not a price (empty, words, two
/// different numbers, a malformed grouping such as `1.29.9`). Ambiguous
/// `1.299` reads as 1299; see the module documentation for the rules.
pub fn parse_price(text: &str) -> Option<ParsedPrice> {
    parse_price_in(text, None).map(|(p, _)| p)
}

/// [`parse_price`] for a column whose decimal separator is known (or not),
/// also returning what this value proves about the column's separator.
pub(crate) fn parse_price_in(
    text: &str,
    column: Option<DecimalSep>,
) -> Option<(ParsedPrice, Option<DecimalSep>)> {
    read_price(text, column).map(|c| (c.price, c.evidence))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (amount, currency, form) read from a cell.
    fn read(text: &str) -> Option<(f64, Option<&'static str>, PriceForm)> {
        read_price(text, None).map(|c| (c.price.amount, c.price.currency, c.form))
    }

    #[test]
    fn a_range_is_its_lowest_price() {
        assert_eq!(
            read("$74.99 - $249.99"),
            Some((74.99, Some("USD"), PriceForm::Range { high: 249.99 }))
        );
        assert_eq!(
            read("$895.00 - $2,497.50"),
            Some((895.0, Some("USD"), PriceForm::Range { high: 2497.5 }))
        );
        assert_eq!(
            read("R$ 1.299,90 - R$ 1.599,90"),
            Some((1299.9, Some("BRL"), PriceForm::Range { high: 1599.9 }))
        );
        assert_eq!(
            read("R$ 49,90 a R$ 89,90"),
            Some((49.9, Some("BRL"), PriceForm::Range { high: 89.9 }))
        );
        assert_eq!(
            read("₹499 – ₹999"),
            Some((499.0, Some("INR"), PriceForm::Range { high: 999.0 }))
        );
        assert_eq!(
            read("10 to 20"),
            Some((10.0, None, PriceForm::Range { high: 20.0 }))
        );
        assert_eq!(
            read("$10-$20"),
            Some((10.0, Some("USD"), PriceForm::Range { high: 20.0 }))
        );
        // Written high to low, still from the lowest.
        assert_eq!(read("$20 - $10").map(|(a, _, _)| a), Some(10.0));
        // One currency on one end only names both.
        assert_eq!(
            read("12,50 - 15,00 €").map(|(_, c, _)| c),
            Some(Some("EUR"))
        );
    }

    #[test]
    fn what_is_no_range_stays_unread() {
        // An unspaced dash between bare numbers may be a code or a size.
        assert_eq!(read("10-20"), None);
        // Two currencies.
        assert_eq!(read("$10 - R$ 20"), None);
        // A negative end.
        assert_eq!(read("$10 - -$5"), None);
        assert_eq!(read("$10 - abc"), None);
    }

    #[test]
    fn an_amount_written_twice_is_that_amount() {
        assert_eq!(
            read("$6.94 $ 6 . 94"),
            Some((6.94, Some("USD"), PriceForm::Repeated))
        );
        assert_eq!(
            read("$10.44 $10.44"),
            Some((10.44, Some("USD"), PriceForm::Repeated))
        );
        assert_eq!(
            read("R$ 1.299,90 R$ 1 . 299 , 90"),
            Some((1299.9, Some("BRL"), PriceForm::Repeated))
        );
        // Two different amounts are no price.
        assert_eq!(read("$6.94 $ 7 . 94"), None);
        assert_eq!(read("$ 19 99 $39.95"), None);
    }

    #[test]
    fn a_leading_label_is_ignored() {
        assert_eq!(
            read("Total price: $12.99"),
            Some((12.99, Some("USD"), PriceForm::Amount))
        );
        assert_eq!(
            read("Preço: R$ 1.299,90"),
            Some((1299.9, Some("BRL"), PriceForm::Amount))
        );
        assert_eq!(
            read("Price: $74.99 - $249.99"),
            Some((74.99, Some("USD"), PriceForm::Range { high: 249.99 }))
        );
        assert_eq!(without_label("Total price:"), "");
        assert_eq!(without_label("  Preço:  "), "");
        // No label: a currency, digits, or a long text before the colon.
        assert_eq!(without_label("USD: 10"), "USD: 10");
        assert_eq!(without_label("10:30"), "10:30");
        assert_eq!(
            without_label("this is a very long sentence of words: 10"),
            "this is a very long sentence of words: 10"
        );
        assert_eq!(read("Total price:"), None);
        assert_eq!(read("Price: free"), None);
    }
}
