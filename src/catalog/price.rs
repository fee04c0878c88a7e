//! Price parsing in every local format merchants use, with the currency
//! read from symbols and codes (`$`, `US$`, `R$`, `₹`, `Rs.`, `INR`, `€`,
//! `EUR`, `£`...).
//!
//! # Decimal or thousands separator?
//!
//! * With both `.` and `,` (or a space or `'`) in the number, the last one is
//!   the decimal separator: `1,299.90`, `1.299,90`, `1 299,90`.
//! * The same separator repeated is a thousands separator: `1.299.000`,
//!   `1,29,999` (Indian grouping is accepted).
//! * A single `.` or `,` followed by other than three digits is the decimal
//!   separator: `12.5`, `1299,90`, `4,99`.
//! * A single `.` or `,` followed by exactly three digits (`1.299`, `1,299`)
//!   is ambiguous. Prices rarely have three decimals, so it is read as a
//!   thousands separator (1299), unless the column is known to use that very
//!   character as its decimal separator (the reader learns this from the
//!   column's unambiguous values, the file's first 64 KiB included), in which
//!   case `1.299` is 1.299. A leading `0` group (`0.999`) or a first group of
//!   more than three digits (`1234.567`) can only be decimal.
//!
//! # Minor units
//!
//! `45p` is £0.45 (pence: `p` names sterling only); `99¢` and `99c` are
//! 0.99 of the catalog's currency (cents of a dollar or a euro, so no
//! currency is read from them). A symbol before the number with one of
//! these after it (`£45p`) is no price.
//!
//! A cell may also hold a label, a range, one amount written twice or an
//! amount with a unit-price note (`Price: $12.99`, `$74.99 - $249.99`,
//! `$6.94 $ 6 . 94`, `£1.29 £2.58 per kg`): see [`super::price_cell`].
//!
//! Currency names (`reais`, `rupees`) come from the language data files
//! ([`super::aliases`]); otherwise this module depends on nothing else in
//! the crate.

/// A price read from a cell: the amount and, when the text names one, its
/// currency as an ISO 4217 code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedPrice {
    /// The amount; negative when the text carries a minus sign.
    pub amount: f64,
    /// `USD`, `BRL`, `INR`, `EUR`, `GBP`... when a symbol or code was present.
    pub currency: Option<&'static str>,
}

/// Which character a column uses as its decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecimalSep {
    /// `12.50`
    Dot,
    /// `12,50`
    Comma,
}

/// Tally of the decimal separators a price column has shown so far.
#[derive(Debug, Clone, Default)]
pub(crate) struct DecimalVotes {
    dot: u64,
    comma: u64,
}

impl DecimalVotes {
    /// Records what one parsed value proved about the column.
    pub(crate) fn add(&mut self, evidence: Option<DecimalSep>) {
        match evidence {
            Some(DecimalSep::Dot) => self.dot += 1,
            Some(DecimalSep::Comma) => self.comma += 1,
            None => {}
        }
    }

    /// The column's decimal separator, when its values agree on one.
    pub(crate) fn decimal(&self) -> Option<DecimalSep> {
        match self.dot.cmp(&self.comma) {
            std::cmp::Ordering::Greater => Some(DecimalSep::Dot),
            std::cmp::Ordering::Less => Some(DecimalSep::Comma),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// Currency symbols and codes, matched against a token in ASCII upper case.
const CURRENCY_TOKENS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("U$", "USD"),
    ("USD", "USD"),
    ("R$", "BRL"),
    ("BRL", "BRL"),
    ("$", "USD"),
    ("₹", "INR"),
    ("₨", "INR"),
    ("RS", "INR"),
    ("RS.", "INR"),
    ("INR", "INR"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("CAD", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("AUD", "AUD"),
    ("MX$", "MXN"),
    ("MXN", "MXN"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("CHF", "CHF"),
    ("ARS", "ARS"),
    ("CLP", "CLP"),
    ("COP", "COP"),
    ("PEN", "PEN"),
];

/// The ISO code for a currency symbol or code such as `R$`, `rs.`, `usd`.
pub(crate) fn currency_token(token: &str) -> Option<&'static str> {
    let token = token.trim();
    if token.is_empty() || token.len() > 4 {
        return None;
    }
    let upper = token.to_ascii_uppercase();
    CURRENCY_TOKENS
        .iter()
        .find(|(t, _)| *t == upper)
        .map(|&(_, code)| code)
}

/// A currency named anywhere in a column header such as `Price (INR)`,
/// `price_usd` or `Preço (R$)`.
pub(crate) fn currency_in_header(header: &str) -> Option<&'static str> {
    for (symbol, code) in [
        ("US$", "USD"),
        ("R$", "BRL"),
        ("₹", "INR"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("$", "USD"),
    ] {
        if header.contains(symbol) {
            return Some(code);
        }
    }
    let names = super::aliases::aliases();
    header
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 2)
        .find_map(|w| currency_token(w).or_else(|| names.currency(w)))
}

/// Normalises a currency cell (`usd`, `R$`, `Reais`) to an ISO code: a
/// known symbol, code or currency name, or any three ASCII letters upper-cased.
pub(crate) fn normalize_currency(cell: &str) -> Option<String> {
    let cell = cell.trim();
    if let Some(code) = currency_token(cell) {
        return Some(code.to_string());
    }
    if let Some(code) = super::aliases::aliases().currency(cell) {
        return Some(code.to_string());
    }
    if cell.len() == 3 && cell.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(cell.to_ascii_uppercase());
    }
    None
}

/// The longest text read as one amount, in bytes.
pub(crate) const MAX_PRICE_TEXT: usize = 64;

/// One amount with its currency, such as `R$ 1.299,90` (no label, range
/// or repeat), in a column whose decimal separator is known (or not),
/// with what it proves about the column's separator.
pub(crate) fn parse_amount_in(
    text: &str,
    column: Option<DecimalSep>,
) -> Option<(ParsedPrice, Option<DecimalSep>)> {
    let mut s = text.trim();
    if s.is_empty() || s.len() > MAX_PRICE_TEXT {
        return None;
    }
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    // Split into prefix, number and suffix: the number runs from the first
    // digit (or a separator right before one, as in `.99`) to the last digit.
    let first = s.find(|c: char| c.is_ascii_digit())?;
    let last = s.rfind(|c: char| c.is_ascii_digit())?;
    let mut start = first;
    // `.99` and `$.99` start with a separator, but the dot of `Rs.1,299`
    // belongs to the currency.
    if let Some(c) = s[..first].chars().next_back()
        && (c == '.' || c == ',')
        && currency_part(&s[..first]).is_none()
    {
        start = first - 1;
    }
    let (mut prefix, number, mut suffix) = (&s[..start], &s[start..=last], &s[last + 1..]);

    // Signs sit before or after a currency symbol: `-$12`, `R$ -12,00`, `−12`.
    let mut strip_sign = |part: &mut &str, at_end: bool| {
        let t = part.trim();
        let stripped = if at_end {
            t.strip_suffix('-').or_else(|| t.strip_suffix('−'))
        } else {
            t.strip_prefix('-')
                .or_else(|| t.strip_prefix('−'))
                .or_else(|| t.strip_suffix('-'))
                .or_else(|| t.strip_suffix('−'))
        };
        match stripped {
            Some(rest) => {
                negative = !negative;
                *part = rest;
            }
            None => {
                let plus = if at_end { None } else { t.strip_prefix('+') };
                *part = plus.unwrap_or(t);
            }
        }
    };
    strip_sign(&mut prefix, false);
    if suffix.trim() == "-" {
        strip_sign(&mut suffix, true);
    }
    let prefix_currency = currency_part(prefix)?;
    // `45p`, `99¢`, `99c`: an amount in hundredths, after a bare number only.
    let minor = minor_unit(suffix);
    let suffix_currency = match minor {
        Some(currency) if prefix.trim().is_empty() => currency,
        Some(_) => return None,
        None => currency_part(suffix)?,
    };
    let currency = match (prefix_currency, suffix_currency) {
        (Some(a), Some(b)) if a == b => Some(a),
        // `$ 10 CAD`: the code is more precise than the bare dollar sign.
        (Some("USD"), Some(b)) if prefix.trim() == "$" => Some(b),
        (Some(_), Some(_)) => return None,
        (a, b) => a.or(b),
    };

    let (amount, evidence) = parse_number(number, column)?;
    let amount = if minor.is_some() {
        amount / 100.0
    } else {
        amount
    };
    // `-0` is zero, not a negative zero printed as `-0.0`.
    let amount = if negative && amount != 0.0 {
        -amount
    } else {
        amount
    };
    Some((ParsedPrice { amount, currency }, evidence))
}

/// A prefix or suffix around the number: empty (`Ok(None)`), a currency
/// (`Ok(Some)`), or something else that makes the text no price (`None`).
fn currency_part(part: &str) -> Option<Option<&'static str>> {
    let part = part.trim();
    if part.is_empty() {
        return Some(None);
    }
    currency_token(part).map(Some)
}

/// A suffix naming an amount in hundredths of a currency: `p` (pence,
/// sterling's only minor unit written so) and `¢` or `c` (cents of a
/// dollar or euro: the catalog's currency, not named). Lower case only:
/// `45P` is no price.
fn minor_unit(suffix: &str) -> Option<Option<&'static str>> {
    match suffix.trim() {
        "p" => Some(Some("GBP")),
        "¢" | "c" => Some(None),
        _ => None,
    }
}

/// The separators a number may contain, in order of appearance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Dot,
    Comma,
    /// A space, non-breaking space or apostrophe: thousands only.
    Group,
}

/// Parses the digits-and-separators part of a price.
fn parse_number(number: &str, column: Option<DecimalSep>) -> Option<(f64, Option<DecimalSep>)> {
    // Digit groups and the separators between them.
    let mut groups: Vec<&str> = Vec::with_capacity(4);
    let mut seps: Vec<Sep> = Vec::with_capacity(3);
    let mut group_start = 0;
    for (i, c) in number.char_indices() {
        let sep = match c {
            '0'..='9' => continue,
            '.' => Sep::Dot,
            ',' => Sep::Comma,
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’' => Sep::Group,
            _ => return None,
        };
        groups.push(&number[group_start..i]);
        seps.push(sep);
        group_start = i + c.len_utf8();
    }
    groups.push(&number[group_start..]);
    // Two separators in a row, or a trailing one, make no number.
    if groups[1..].iter().any(|g| g.is_empty()) {
        return None;
    }

    let Some(&last_sep) = seps.last() else {
        return number.parse::<f64>().ok().map(|v| (v, None));
    };
    let last_group = groups[groups.len() - 1];
    let others = &seps[..seps.len() - 1];
    let decimal = match last_sep {
        Sep::Group => None,
        Sep::Dot | Sep::Comma if others.contains(&last_sep) => None,
        Sep::Dot | Sep::Comma if !others.is_empty() => Some(last_sep),
        // A single `.` or `,`.
        _ if last_group.len() != 3 => Some(last_sep),
        _ => {
            let as_decimal = match (last_sep, column) {
                (Sep::Dot, Some(DecimalSep::Dot)) | (Sep::Comma, Some(DecimalSep::Comma)) => true,
                _ => !valid_grouping(&groups),
            };
            as_decimal.then_some(last_sep)
        }
    };

    let (int_groups, fraction) = match decimal {
        Some(_) => (&groups[..groups.len() - 1], Some(last_group)),
        None => (&groups[..], None),
    };
    if int_groups.len() > 1 && !valid_grouping(int_groups) {
        return None;
    }
    let mut digits = String::with_capacity(number.len() + 1);
    for g in int_groups {
        digits.push_str(g);
    }
    if digits.is_empty() {
        digits.push('0');
    }
    if let Some(f) = fraction {
        digits.push('.');
        digits.push_str(f);
    }
    let value = digits.parse::<f64>().ok().filter(|v| v.is_finite())?;

    // What this value proves about the column's decimal separator.
    let evidence = match decimal {
        Some(Sep::Dot) => Some(DecimalSep::Dot),
        Some(Sep::Comma) => Some(DecimalSep::Comma),
        _ => {
            // `1,299,000` shows the comma groups thousands, so the decimal is a dot.
            let repeated = |s| seps.iter().filter(|&&x| x == s).count() > 1;
            if repeated(Sep::Comma) {
                Some(DecimalSep::Dot)
            } else if repeated(Sep::Dot) {
                Some(DecimalSep::Comma)
            } else {
                None
            }
        }
    };
    // A lone ambiguous `1.299` proves nothing; only evidence from clear cases counts.
    let evidence = if seps.len() == 1 && last_group.len() == 3 && valid_grouping(&groups) {
        None
    } else {
        evidence
    };
    Some((value, evidence))
}

/// True when digit groups read as thousands groups: a first group of one to
/// three digits not starting with `0`, then groups of two or three digits
/// (Indian lakh grouping), the last of three.
fn valid_grouping(groups: &[&str]) -> bool {
    let Some((first, rest)) = groups.split_first() else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return true;
    };
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && last.len() == 3
        && middle.iter().all(|g| g.len() == 2 || g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::price_cell::{parse_price, parse_price_in};

    type Amount = Option<(f64, Option<&'static str>)>;

    fn p(text: &str) -> Amount {
        parse_price(text).map(|p| (p.amount, p.currency))
    }

    #[test]
    fn price_table() {
        let cases: &[(&str, Amount)] = &[
            ("1299", Some((1299.0, None))),
            ("  1299  ", Some((1299.0, None))),
            ("0", Some((0.0, None))),
            ("12.5", Some((12.5, None))),
            ("12.50", Some((12.5, None))),
            (".99", Some((0.99, None))),
            ("$.99", Some((0.99, Some("USD")))),
            ("1,299.90", Some((1299.9, None))),
            ("$1,299.90", Some((1299.9, Some("USD")))),
            ("$ 1,299.90", Some((1299.9, Some("USD")))),
            ("US$ 1,299.90", Some((1299.9, Some("USD")))),
            ("U$ 10", Some((10.0, Some("USD")))),
            ("1,299.90 USD", Some((1299.9, Some("USD")))),
            ("usd 5", Some((5.0, Some("USD")))),
            ("R$ 1.299,90", Some((1299.9, Some("BRL")))),
            ("R$1.299,90", Some((1299.9, Some("BRL")))),
            ("R$ 49,90", Some((49.9, Some("BRL")))),
            ("BRL 49,90", Some((49.9, Some("BRL")))),
            ("1.299,90", Some((1299.9, None))),
            ("1299,90", Some((1299.9, None))),
            ("1299,9", Some((1299.9, None))),
            ("₹ 899", Some((899.0, Some("INR")))),
            ("₹899", Some((899.0, Some("INR")))),
            ("Rs. 899", Some((899.0, Some("INR")))),
            ("Rs 899", Some((899.0, Some("INR")))),
            ("rs.1,299", Some((1299.0, Some("INR")))),
            ("INR 899", Some((899.0, Some("INR")))),
            ("₹ 1,29,999.00", Some((129999.0, Some("INR")))),
            ("€12,50", Some((12.5, Some("EUR")))),
            ("12,50 €", Some((12.5, Some("EUR")))),
            ("12.5 EUR", Some((12.5, Some("EUR")))),
            ("£9.99", Some((9.99, Some("GBP")))),
            ("GBP 9.99", Some((9.99, Some("GBP")))),
            ("1 299,90", Some((1299.9, None))),
            ("1\u{a0}299,90 €", Some((1299.9, Some("EUR")))),
            ("1'299.90", Some((1299.9, None))),
            ("CHF 1'299.90", Some((1299.9, Some("CHF")))),
            ("1.299.000", Some((1299000.0, None))),
            ("1,299,000", Some((1299000.0, None))),
            ("1.299.000,50", Some((1299000.5, None))),
            // Ambiguous: three digits after a single separator read as thousands.
            ("1.299", Some((1299.0, None))),
            ("1,299", Some((1299.0, None))),
            ("R$ 1.299", Some((1299.0, Some("BRL")))),
            // ...unless the grouping cannot be thousands.
            ("0.999", Some((0.999, None))),
            ("1234.567", Some((1234.567, None))),
            ("-12.50", Some((-12.5, None))),
            ("-0", Some((0.0, None))),
            ("-0.00", Some((0.0, None))),
            ("-$12.50", Some((-12.5, Some("USD")))),
            ("$-12.50", Some((-12.5, Some("USD")))),
            ("R$ -12,50", Some((-12.5, Some("BRL")))),
            ("(12.50)", Some((-12.5, None))),
            ("+5", Some((5.0, None))),
            ("C$ 20", Some((20.0, Some("CAD")))),
            ("$ 20 CAD", Some((20.0, Some("CAD")))),
            // A cell's other shapes (see `price_cell`): a range's lowest
            // amount, an amount written twice, a label before it.
            ("$74.99 - $249.99", Some((74.99, Some("USD")))),
            ("R$ 1.299,90 - R$ 1.599,90", Some((1299.9, Some("BRL")))),
            ("$6.94 $ 6 . 94", Some((6.94, Some("USD")))),
            ("Total price: $12.99", Some((12.99, Some("USD")))),
            ("Preço: R$ 49,90", Some((49.9, Some("BRL")))),
            ("Total price:", None),
            ("", None),
            ("   ", None),
            ("abc", None),
            ("free", None),
            ("N/A", None),
            ("12 apples", None),
            ("10-20", None),
            ("1.2.3", None),
            ("1.29.9", None),
            ("1,,299", None),
            ("1299.", None),
            // Minor units: pence are sterling, cents the catalog's currency.
            ("45p", Some((0.45, Some("GBP")))),
            ("99.9p", Some((0.999, Some("GBP")))),
            ("99c", Some((0.99, None))),
            ("99¢", Some((0.99, None))),
            ("-5p", Some((-0.05, Some("GBP")))),
            ("£45p", None),
            ("$99c", None),
            ("45P", None),
            ("45 pp", None),
            ("12.50 €$", None),
            ("R$ 10 USD", None),
            ("1e5", None),
            ("$", None),
            ("--5", None),
        ];
        for (text, want) in cases {
            let got = p(text);
            match (got, want) {
                (Some((a, c)), Some((wa, wc))) => {
                    assert!((a - wa).abs() < 1e-9, "{text:?}: got {a}, want {wa}");
                    assert_eq!(
                        a.is_sign_negative(),
                        wa.is_sign_negative(),
                        "{text:?}: sign"
                    );
                    assert_eq!(c, *wc, "{text:?}: currency");
                }
                (None, None) => {}
                _ => panic!("{text:?}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn a_column_convention_resolves_ambiguous_values() {
        let amount = |t, c| parse_price_in(t, c).map(|(p, _)| p.amount);
        assert_eq!(amount("1.299", Some(DecimalSep::Comma)), Some(1299.0));
        assert_eq!(amount("1.299", Some(DecimalSep::Dot)), Some(1.299));
        assert_eq!(amount("1,299", Some(DecimalSep::Comma)), Some(1.299));
        assert_eq!(amount("1,299", Some(DecimalSep::Dot)), Some(1299.0));
        assert_eq!(amount("12,50", Some(DecimalSep::Dot)), Some(12.5));
    }

    #[test]
    fn clear_values_vote_for_a_decimal_separator() {
        let ev = |t| parse_price_in(t, None).and_then(|(_, e)| e);
        assert_eq!(ev("12,50"), Some(DecimalSep::Comma));
        assert_eq!(ev("1.299,90"), Some(DecimalSep::Comma));
        assert_eq!(ev("1.299.000"), Some(DecimalSep::Comma));
        assert_eq!(ev("12.5"), Some(DecimalSep::Dot));
        assert_eq!(ev("1,299,000"), Some(DecimalSep::Dot));
        assert_eq!(ev("1.299"), None);
        assert_eq!(ev("1299"), None);
        let mut votes = DecimalVotes::default();
        assert_eq!(votes.decimal(), None);
        votes.add(ev("12,50"));
        votes.add(ev("1299"));
        assert_eq!(votes.decimal(), Some(DecimalSep::Comma));
    }

    #[test]
    fn currencies_in_headers_and_cells() {
        assert_eq!(currency_in_header("Price (INR)"), Some("INR"));
        assert_eq!(currency_in_header("price_usd"), Some("USD"));
        assert_eq!(currency_in_header("Preço (R$)"), Some("BRL"));
        assert_eq!(currency_in_header("Price (Rs.)"), Some("INR"));
        assert_eq!(currency_in_header("Price"), None);
        assert_eq!(currency_in_header("Preço de venda"), None);
        assert_eq!(normalize_currency(" usd "), Some("USD".into()));
        assert_eq!(normalize_currency("R$"), Some("BRL".into()));
        assert_eq!(normalize_currency("sek"), Some("SEK".into()));
        assert_eq!(normalize_currency("reais"), Some("BRL".into()));
        assert_eq!(normalize_currency("Rupees"), Some("INR".into()));
        assert_eq!(normalize_currency("money"), None);
        assert_eq!(currency_in_header("Preço em Reais"), Some("BRL"));
        assert_eq!(currency_in_header("Price in rupees"), Some("INR"));
    }
}
