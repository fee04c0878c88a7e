//! Prices as shoppers read them: `$1,299.90`, `R$ 1.299,90`, `₹3,000`.

use crate::model::Lang;

/// Amounts and counts in one conversation's language and the catalog's
/// currency: the one money formatter of every front end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money<'a> {
    /// The catalog's currency (ISO 4217), `None` when the catalog gave none.
    pub currency: Option<&'a str>,
    /// The language numbers are written for.
    pub lang: Lang,
}

impl<'a> Money<'a> {
    /// Amounts in `currency` (empty or `None`: plain numbers), for `lang`.
    pub fn new(currency: Option<&'a str>, lang: Lang) -> Self {
        Money {
            currency: currency.filter(|c| !c.is_empty()),
            lang,
        }
    }

    /// An amount: `$1,299.90`, `R$ 1.299,90`, `₹3,000`.
    pub fn price(&self, amount: f64) -> String {
        format_price(amount, self.currency, self.lang)
    }

    /// A count: `12,345`, `12.345`.
    pub fn count(&self, n: u64) -> String {
        format_count(n, self.lang)
    }
}

/// Groups the integer part with `sep` every three digits.
fn group(int: u64, sep: char) -> String {
    let digits = int.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// A count as shoppers read it: `12,345` (English), `12.345` (Portuguese).
pub fn format_count(n: u64, lang: Lang) -> String {
    group(n, if lang == Lang::Pt { '.' } else { ',' })
}

/// Formats an amount in a currency (ISO code, or none for a plain number).
/// Cents are shown only when the amount has them.
pub fn format_price(amount: f64, currency: Option<&str>, lang: Lang) -> String {
    let amount = if amount.is_finite() {
        amount.max(0.0)
    } else {
        0.0
    };
    let cents_total = (amount * 100.0).round() as u64;
    let (int, cents) = (cents_total / 100, cents_total % 100);
    // Portuguese replies, and Brazilian reais anywhere, use the decimal comma.
    let comma_decimal = lang == Lang::Pt || currency == Some("BRL");
    let (thousands, decimal) = if comma_decimal {
        ('.', ',')
    } else {
        (',', '.')
    };
    let mut number = group(int, thousands);
    if cents != 0 {
        number.push(decimal);
        number.push_str(&format!("{cents:02}"));
    }
    match currency {
        // "$" alone is ambiguous where reais are written "R$".
        Some("USD") if lang == Lang::Pt => format!("US$ {number}"),
        // US dollars beside another country's dollars (see `reply::notes`).
        Some("US$") => format!("US${number}"),
        Some("USD") => format!("${number}"),
        Some("AUD") => format!("A${number}"),
        Some("CAD") => format!("C${number}"),
        Some("NZD") => format!("NZ${number}"),
        Some("SGD") => format!("S${number}"),
        Some("HKD") => format!("HK${number}"),
        Some("MXN") => format!("MX${number}"),
        Some("MYR") => format!("RM{number}"),
        Some("JPY") => format!("¥{number}"),
        Some("BRL") => format!("R$ {number}"),
        Some("INR") => format!("₹{number}"),
        Some("EUR") => format!("€{number}"),
        Some("GBP") => format!("£{number}"),
        Some(code) if !code.is_empty() => format!("{number} {code}"),
        _ => number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands_per_language() {
        assert_eq!(format_count(7, Lang::En), "7");
        assert_eq!(format_count(403_650, Lang::En), "403,650");
        assert_eq!(format_count(1_234_567, Lang::Pt), "1.234.567");
    }

    #[test]
    fn formats_by_currency() {
        assert_eq!(format_price(1299.9, Some("USD"), Lang::En), "$1,299.90");
        assert_eq!(format_price(1299.9, Some("BRL"), Lang::Pt), "R$ 1.299,90");
        assert_eq!(format_price(3000.0, Some("INR"), Lang::En), "₹3,000");
        assert_eq!(format_price(549.0, None, Lang::En), "549");
        assert_eq!(format_price(1234567.0, None, Lang::En), "1,234,567");
        assert_eq!(format_price(12.5, Some("CHF"), Lang::En), "12.50 CHF");
        assert_eq!(format_price(f64::NAN, Some("USD"), Lang::En), "$0");
        // Portuguese replies write numbers the Portuguese way.
        assert_eq!(format_price(1596.0, None, Lang::Pt), "1.596");
        assert_eq!(format_price(79.9, Some("USD"), Lang::Pt), "US$ 79,90");
    }
}
