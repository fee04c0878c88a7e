//! Cleaning and parsing of cell values other than prices: whitespace
//! (`" Black"` -> `Black`), long texts that keep their paragraphs, ratings
//! (`4.5`, `4,5`, `4.5/5`, `90%`) and stock counts.

/// Trims a short value and collapses every run of whitespace (newlines
/// included) to one space: `"  Blue \n Navy "` -> `Blue Navy`.
pub(crate) fn clean_short(s: &str) -> String {
    let t = s.trim();
    // A character reference ("Pots &amp; Containers", "Cal&ccedil;a"):
    // what a WordPress or feed export escaped, as the shop shows it.
    if t.contains('&') && super::html::has_markup(t) {
        return super::html::to_text(t);
    }
    if !needs_collapse(t) {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when a trimmed text holds a whitespace run or whitespace other than
/// a plain space. Written as folds over bytes, without early exits, so the
/// compiler vectorises them: this runs on every cell.
fn needs_collapse(t: &str) -> bool {
    let b = t.as_bytes();
    let control = b
        .iter()
        .fold(false, |acc, &c| acc | matches!(c, b'\t'..=b'\r'));
    let double = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |acc, (&x, &y)| acc | ((x == b' ') & (y == b' ')));
    control || double || (!t.is_ascii() && t.chars().any(|c| c.is_whitespace() && c != ' '))
}

/// Cleans a long text (a description): trimmed, line endings made `\n`,
/// spaces collapsed within each line, and at most one blank line between
/// paragraphs.
pub(crate) fn clean_long(s: &str) -> String {
    let t = s.trim();
    if !has_line_break(t) {
        return clean_short(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut blank_lines = 0;
    for line in t.lines() {
        let line = clean_short(line);
        if line.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(&line);
    }
    out
}

/// True when a text holds `\n` or `\r` (a fold, so it vectorises).
fn has_line_break(t: &str) -> bool {
    t.as_bytes()
        .iter()
        .fold(false, |acc, &c| acc | (c == b'\n') | (c == b'\r'))
}

/// Parses a rating on a 0..=5 scale: `4.5`, `4,5`, `4.5/5`, `9/10`,
/// `4.5 out of 5`, `4,5 de 5`, `4.2 stars`, `90%` (a percentage is scaled to
/// five stars). Out of range or unreadable gives `None`.
pub(crate) fn parse_rating(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    // The common case, a plain number ("4.5").
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && let Ok(value) = t.parse::<f64>()
    {
        return on_scale(value);
    }
    let value = if let Some(pct) = t.strip_suffix('%') {
        leading_number(pct.trim())? / 20.0
    } else if let Some((value, scale)) = split_scale(t) {
        let scale = leading_number(scale.trim())?;
        if scale <= 0.0 {
            return None;
        }
        leading_number(value.trim())? / scale * 5.0
    } else {
        leading_number(t)?
    };
    on_scale(value)
}

/// A rating on the 0..=5 scale; 0 is none: no star system gives fewer
/// than one, so 0 is what an export writes for a product nobody rated
/// (WooCommerce's average rating).
fn on_scale(value: f64) -> Option<f64> {
    (value > 0.0 && value <= 5.0).then_some(value)
}

/// Splits `4.5/5`, `4.5 out of 5`, `4,5 de 5` into value and scale.
fn split_scale(t: &str) -> Option<(&str, &str)> {
    if let Some(pair) = t.split_once('/') {
        return Some(pair);
    }
    let lower = t.to_lowercase();
    for word in [" out of ", " de ", " of "] {
        if let Some(i) = lower.find(word) {
            // ASCII-only separators: byte offsets agree between `t` and `lower`
            // as long as what precedes them is ASCII, which a number is.
            if t.is_char_boundary(i) && t.is_char_boundary(i + word.len()) {
                return Some((&t[..i], &t[i + word.len()..]));
            }
        }
    }
    None
}

/// The number a text starts with, decimal comma accepted: `4,5 stars` -> 4.5.
fn leading_number(t: &str) -> Option<f64> {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(t.len());
    let rest = t[end..].trim();
    // Only words may follow the number (`stars`, `estrelas`), not more digits.
    if rest.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let num = &t[..end];
    if num.is_empty() || num.matches([',', '.']).count() > 1 {
        return None;
    }
    num.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// Parses a stock count: `12`, `1,200`, `1.200`, `12.0`, `-3`. Anything else
/// (`in stock`, `12.5`) gives `None`.
pub(crate) fn parse_stock(s: &str) -> Option<i64> {
    let t = s.trim();
    if let Ok(n) = t.parse::<i64>() {
        return Some(n);
    }
    let (amount, _) = crate::catalog::price::parse_amount_in(t, None)?;
    if amount.currency.is_some() || amount.amount.fract() != 0.0 || amount.amount.abs() > 9.0e15 {
        return None;
    }
    Some(amount.amount as i64)
}

/// True for a yes/no value (`TRUE`, `N`, `Sim`, `0`; the `[flag values]`
/// of the language files).
pub(crate) fn is_flag_value(s: &str) -> bool {
    super::aliases::aliases().is_flag(s)
}

/// True for a brand cell that names no brand: what exports write for
/// unbranded or unknown-brand products ("Generic", Amazon's convention;
/// "Genérico", "Sem marca", "Unbranded", "N/A"). Such a product has no
/// brand; a brand its title names still finds it.
pub(crate) fn is_placeholder_brand(s: &str) -> bool {
    matches!(
        crate::text::key(s).as_str(),
        "generic"
            | "generics"
            | "genericos"
            | "genericas"
            | "generico"
            | "generica"
            | "unbranded"
            | "no brand"
            | "nobrand"
            | "not branded"
            | "sem marca"
            | "marca generica"
            | "na"
            | "n a"
            | "none"
            | "null"
            | "nil"
            | "unknown"
            | "desconhecida"
            | "desconhecido"
    ) || s.trim().chars().all(|c| !c.is_alphanumeric())
}

/// True for a reference to nothing: `0`, `-1` or a placeholder (a
/// WooCommerce or database export's parent id of a product with none).
pub(crate) fn is_null_reference(s: &str) -> bool {
    let s = s.trim();
    s.bytes().all(|b| b == b'0') || s == "-1" || is_placeholder_value(s)
}

/// True for an attribute cell that says the value is missing rather than
/// giving one: "N/A", "NA", "none", "null", "unknown", "-". A colour,
/// size or material cell holding it is empty (split at its slash, "N/A"
/// would be the colours "N" and "A").
pub(crate) fn is_placeholder_value(s: &str) -> bool {
    // Every cell of a colour, size and material column comes here: the
    // placeholders are short and start with n or u, and only those are
    // folded (no allocation for "Black", "XL").
    let first = s
        .trim_start()
        .bytes()
        .next()
        .map(|b| b.to_ascii_lowercase());
    if s.len() > 16 || !matches!(first, Some(b'n' | b'u')) {
        return s.trim().chars().all(|c| !c.is_alphanumeric());
    }
    matches!(
        crate::text::key(s).as_str(),
        "na" | "n a"
            | "none"
            | "null"
            | "nil"
            | "undefined"
            | "unknown"
            | "not available"
            | "not applicable"
            | "no aplica"
            | "nao se aplica"
    ) || s.trim().chars().all(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_values_name_no_value() {
        for s in ["N/A", "n/a", "NA", "-", "Unknown", "null", " / "] {
            assert!(is_placeholder_value(s), "{s}");
        }
        for s in ["Navy", "A-line", "XL", "36", "Black/White"] {
            assert!(!is_placeholder_value(s), "{s}");
        }
    }

    #[test]
    fn placeholder_brands_name_no_brand() {
        for s in [
            "Generic",
            "GENÉRICO",
            "GENERICOS",
            "Sem Marca",
            "N/A",
            "-",
            "unbranded",
        ] {
            assert!(is_placeholder_brand(s), "{s}");
        }
        for s in ["Electrolux", "Generation", "NA-KD", "Nike"] {
            assert!(!is_placeholder_brand(s), "{s}");
        }
    }

    #[test]
    fn short_values_are_trimmed_and_collapsed() {
        assert_eq!(clean_short(" Black"), "Black");
        assert_eq!(clean_short("  Navy   Blue \n"), "Navy Blue");
        assert_eq!(clean_short("a\tb\r\nc"), "a b c");
        assert_eq!(clean_short("Tênis\u{a0}Azul"), "Tênis Azul");
        assert_eq!(clean_short("Tênis Azul"), "Tênis Azul");
        assert_eq!(clean_short(""), "");
        assert_eq!(clean_short("Pots &amp; Containers"), "Pots & Containers");
        assert_eq!(clean_short("Cal&ccedil;as"), "Calças");
        assert_eq!(clean_short("Black & White"), "Black & White");
    }

    #[test]
    fn long_values_keep_paragraphs() {
        assert_eq!(clean_long("  one line  "), "one line");
        assert_eq!(
            clean_long(" First  line\r\nsecond\r\n\r\n\r\n  Para  two \n"),
            "First line\nsecond\n\nPara two"
        );
    }

    #[test]
    fn ratings() {
        let cases: &[(&str, Option<f64>)] = &[
            ("4.5", Some(4.5)),
            ("4,5", Some(4.5)),
            ("5", Some(5.0)),
            ("0", None),
            ("0.00", None),
            ("0/5", None),
            ("4.5/5", Some(4.5)),
            ("9/10", Some(4.5)),
            ("4.5 out of 5", Some(4.5)),
            ("4,5 de 5", Some(4.5)),
            ("4.2 stars", Some(4.2)),
            ("90%", Some(4.5)),
            ("6", None),
            ("-1", None),
            ("4/0", None),
            ("", None),
            ("great", None),
            ("4.5.1", None),
            ("4 5", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_rating(text), *want, "{text:?}");
        }
    }

    #[test]
    fn stock_counts() {
        assert_eq!(parse_stock("12"), Some(12));
        assert_eq!(parse_stock(" 1,200 "), Some(1200));
        assert_eq!(parse_stock("12.0"), Some(12));
        assert_eq!(parse_stock("-3"), Some(-3));
        assert_eq!(parse_stock("12.5"), None);
        assert_eq!(parse_stock("in stock"), None);
        assert_eq!(parse_stock(""), None);
    }
}
