//! Measurements: a number and the unit of measure after it ("15 kg",
//! "15kg", "3,2L", "12.000 BTUs", `55"`), read into one canonical token
//! ("15kg", "3.2l", "12000btu", "55in") so a shopper's measurement meets a
//! title's however either writes it. The units are the `[units]` tables
//! of every language's file: a shopper may write "55 inch" to a
//! Portuguese store. Titles and messages are read by the same function
//! ([`measurement_at`]): the index's analyzer and the message tokenizer
//! both call it.

use rustc_hash::FxHashMap;

/// Unit spellings of every language, folded -> the unit's symbol.
fn spellings() -> &'static FxHashMap<String, &'static str> {
    static TABLE: std::sync::OnceLock<FxHashMap<String, &'static str>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for (_, data) in super::every() {
            for (symbol, names) in &data.units {
                for name in names {
                    table.insert(fold(name), symbol.as_str());
                }
            }
        }
        table
    })
}

fn fold(word: &str) -> String {
    word.chars().map(crate::text::fold_char).collect()
}

/// True when a phrase counts or measures: a digit, or a number said in
/// words ("ryzen 7", "55 polegadas", "duas portas", "two pack").
pub fn counts(phrase: &str) -> bool {
    static CARDINALS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    let cardinals = CARDINALS.get_or_init(|| {
        super::every()
            .flat_map(|(_, d)| d.cardinals.values().flatten())
            .map(|w| crate::text::key(w))
            .collect()
    });
    phrase.bytes().any(|b| b.is_ascii_digit())
        || crate::text::words(phrase)
            .iter()
            .any(|w| cardinals.contains(w))
}

/// The symbol of the unit `word` spells ("quilos" -> "kg"), if any.
pub fn unit(word: &str) -> Option<&'static str> {
    spellings().get(&fold(word)).copied()
}

/// Every unit's symbol, once each ("kg", "l", "in", …).
pub fn symbols() -> &'static [&'static str] {
    static SYMBOLS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SYMBOLS.get_or_init(|| {
        let mut symbols: Vec<&'static str> = spellings().values().copied().collect();
        symbols.sort_unstable();
        symbols.dedup();
        symbols
    })
}

/// True for a canonical measurement token ([`measurement_at`]'s "15kg",
/// "3.2l"): a number, then a unit's symbol.
pub fn is_measurement(token: &str) -> bool {
    unit_of(token).is_some()
}

/// The number and the unit's symbol of a canonical measurement token
/// ("3.2l" -> ("3.2", "l")).
fn split(token: &str) -> Option<(&str, &'static str)> {
    let token = token.trim_end_matches(['+', '-']);
    let unit_at = token.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let (number, symbol) = token.split_at(unit_at);
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let symbol = symbols().iter().find(|s| **s == symbol)?;
    Some((number, symbol))
}

/// Which way a measurement asked for is open: "mais de 400 litros" is at
/// least 400 L, "até 2 litros" at most 2 L.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// This much or more ("400l+").
    AtLeast,
    /// This much or less ("2l-").
    AtMost,
}

/// The measurement token `token` open one way ("400l" -> "400l+"): a
/// constraint word, matched by every measurement of the catalog within it.
pub fn bounded(token: &str, bound: Bound) -> String {
    let exact = token.trim_end_matches(['+', '-']);
    match bound {
        Bound::AtLeast => format!("{exact}+"),
        Bound::AtMost => format!("{exact}-"),
    }
}

/// The bound of a measurement constraint word ("400l+"), with its amount
/// in the quantity's first unit and that unit ("1tb+" and "1000gb+" alike);
/// `None` for an exact one or any other word.
pub fn bound_of(word: &str) -> Option<(Bound, f64, &'static str)> {
    let bound = match word.as_bytes().last()? {
        b'+' => Bound::AtLeast,
        b'-' => Bound::AtMost,
        _ => return None,
    };
    let (amount, quantity) = in_quantity(word)?;
    Some((bound, amount, quantity))
}

/// A canonical measurement token read once: what comparing measurements
/// needs, so a catalog's list of them is parsed at first use and not at
/// every turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// The token as the index has it ("2048gb").
    pub token: String,
    /// Its number (2048).
    pub number: f64,
    /// Its unit's symbol ("gb").
    pub unit: &'static str,
    /// Its amount in its quantity's first unit (2.048).
    pub amount: f64,
    /// Its quantity, by that first unit ("tb").
    pub quantity: &'static str,
}

/// `token` read as a [`Measure`]; `None` for any other word.
pub fn measure(token: &str) -> Option<Measure> {
    let (number, unit) = split(token)?;
    let number: f64 = number.parse().ok()?;
    let scale = match unit {
        "g" | "gb" | "ml" | "w" | "wp" | "wh" | "mah" => 1e-3,
        "mg" | "mb" => 1e-6,
        "cl" => 1e-2,
        "lb" => 0.453_592,
        "oz" => 0.028_349_5,
        "cm" => 1.0 / 2.54,
        "mm" => 1.0 / 25.4,
        "ft" => 12.0,
        // US liquid measure, as US feeds sell by it.
        "gal" => 3.785_411_784,
        "qt" => 0.946_352_946,
        _ => 1.0,
    };
    Some(Measure {
        token: token.to_string(),
        number,
        unit,
        amount: number * scale,
        quantity: quantity_of_unit(unit),
    })
}

/// A measurement token's amount in its quantity's first unit, with that
/// unit ("500gb" -> (0.5, "tb"), "140cm" -> (55.1…, "in")).
pub fn in_quantity(token: &str) -> Option<(f64, &'static str)> {
    measure(token).map(|m| (m.amount, m.quantity))
}

/// True when two measurement tokens are one amount in other units
/// ("2l" and "2000ml", "1kg" and "1000g"); across data units also in
/// binary multiples, as storage is sold ("2tb" and "2048gb"), while one
/// unit's amounts stay apart ("500gb" is not "512gb").
pub fn same_amount(a: &str, b: &str) -> bool {
    match (measure(a), measure(b)) {
        (Some(a), Some(b)) => same_measure(&a, &b),
        _ => false,
    }
}

/// [`same_amount`] of two measures read already.
pub fn same_measure(a: &Measure, b: &Measure) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-3 * x.abs().max(y.abs());
    if a.quantity != b.quantity {
        return false;
    }
    if a.quantity != "tb" || a.unit == b.unit {
        return close(a.amount, b.amount);
    }
    // A data size in gigabytes, read both ways a step of unit is counted.
    let gigabytes = |m: &Measure| -> [f64; 2] {
        match m.unit {
            "tb" => [m.number * 1000.0, m.number * 1024.0],
            "mb" => [m.number / 1000.0, m.number / 1024.0],
            _ => [m.number, m.number],
        }
    };
    let (ga, gb) = (gigabytes(a), gigabytes(b));
    ga.iter().any(|x| gb.iter().any(|y| close(*x, *y)))
}

/// The unit's symbol of a canonical measurement token ("55in" -> "in").
pub fn unit_of(token: &str) -> Option<&'static str> {
    split(token).map(|(_, symbol)| symbol)
}

/// Units measuring the same quantity, by symbol: a shopper who said
/// "500gb" and then "1tb" changed the size they want.
/// Peak watts (a solar panel's "620Wp") are power as a shopper says it
/// ("a 620W panel"), so the two units meet.
const QUANTITIES: [&[&str]; 7] = [
    &["kg", "g", "mg", "lb", "oz"],
    &["l", "ml", "cl", "gal", "qt"],
    &["tb", "gb", "mb"],
    &["in", "cm", "mm", "ft"],
    &["kw", "w", "kwp", "wp"],
    &["kwh", "wh"],
    &["ah", "mah"],
];

/// What a canonical measurement token measures: its quantity's first
/// unit ("1tb" and "500gb" -> "tb"), or its own unit for one alone.
pub fn quantity_of(token: &str) -> Option<&'static str> {
    unit_of(token).map(quantity_of_unit)
}

/// A unit's place among the units of its quantity, the customary first
/// ("in" before "cm"; 0 for a unit alone).
pub fn unit_rank(unit: &str) -> usize {
    QUANTITIES
        .iter()
        .find_map(|units| units.iter().position(|u| *u == unit))
        .unwrap_or(0)
}

/// The quantity a unit measures, by its first unit ("gb" -> "tb").
fn quantity_of_unit(unit: &'static str) -> &'static str {
    QUANTITIES
        .iter()
        .find(|units| units.contains(&unit))
        .and_then(|units| units.first().copied())
        .unwrap_or(unit)
}

/// The measurement token `token` in the other units of its quantity, where
/// that is a plain number of at most three decimals ("100cl" -> "1l",
/// "1000ml"; "70cl" -> "0.7l", "700ml"), so a shopper's "1 litre" meets a
/// size column's "100cl". Data sizes are left alone (their units step by
/// 1,000 or 1,024), as are bounds.
pub fn other_units(token: &str) -> Vec<String> {
    let Some(m) = measure(token).filter(|m| m.quantity != "tb") else {
        return Vec::new();
    };
    if token.ends_with(['+', '-']) {
        return Vec::new();
    }
    let Some(units) = QUANTITIES.iter().find(|units| units.contains(&m.unit)) else {
        return Vec::new();
    };
    units
        .iter()
        .filter(|u| **u != m.unit)
        .filter_map(|u| {
            let scale = measure(&format!("1{u}"))?.amount;
            let number = m.amount / scale;
            let rounded = (number * 1000.0).round() / 1000.0;
            let plain = (number - rounded).abs() <= 1e-9 * number.abs().max(1.0);
            (plain && (0.01..1e6).contains(&rounded)).then(|| {
                if rounded.fract() == 0.0 {
                    format!("{}{u}", rounded as i64)
                } else {
                    format!("{rounded}{u}")
                }
            })
        })
        .collect()
}

/// The amount of a data size in terabytes ("512gb" -> 0.512), `None`
/// for any other measurement.
pub fn data_size(token: &str) -> Option<f64> {
    in_quantity(token)
        .filter(|(_, quantity)| *quantity == "tb")
        .map(|(amount, _)| amount)
}

/// The measurement `token` with another amount in the same unit ("24in"
/// and 27 -> "27in"), when that amount is a plausible change of it: not
/// the same, and no more than twice or less than half of it (a shopper
/// looking at 24" monitors who says "2" picks the second one).
pub fn another_amount(token: &str, amount: f64) -> Option<String> {
    let (number, symbol) = split(token)?;
    let old: f64 = number.parse().ok()?;
    let plausible =
        amount > 0.0 && old > 0.0 && amount != old && amount <= 2.0 * old && amount >= old / 2.0;
    plausible.then(|| format!("{amount}{symbol}"))
}

/// A canonical measurement token as a reply writes it: the number with
/// the language's decimal mark, then the unit's symbol, inches with a
/// quote mark ("3.2l" -> "3,2 L" in Portuguese, "55in" -> `55"`).
pub fn display(token: &str, lang: crate::model::Lang) -> Option<String> {
    let (number, symbol) = split(token)?;
    let number = match lang {
        crate::model::Lang::Pt => number.replace('.', ","),
        crate::model::Lang::En => number.to_string(),
    };
    Some(match symbol {
        "in" => format!("{number}\""),
        // The SI symbol of the litre is an upper-case L next to digits.
        "l" => format!("{number} L"),
        "btu" | "tb" | "gb" | "mb" => format!("{number} {}", symbol.to_uppercase()),
        // Units named after people, and their multiples, as SI writes them.
        "mah" => format!("{number} mAh"),
        "hz" => format!("{number} Hz"),
        "w" | "v" | "wp" | "wh" | "ah" => format!("{number} {}", capitalised(symbol)),
        "kw" | "kwp" | "kwh" => format!("{number} k{}", capitalised(&symbol[1..])),
        "db" => format!("{number} dB"),
        _ => format!("{number} {symbol}"),
    })
    .map(|shown| match (bound_of(token).map(|b| b.0), lang) {
        (None, _) => shown,
        (Some(Bound::AtLeast), crate::model::Lang::Pt) => format!("{shown} ou mais"),
        (Some(Bound::AtLeast), crate::model::Lang::En) => format!("{shown} or more"),
        (Some(Bound::AtMost), crate::model::Lang::Pt) => format!("até {shown}"),
        (Some(Bound::AtMost), crate::model::Lang::En) => format!("up to {shown}"),
    })
}

/// `symbol` with its first letter in upper case ("wp" -> "Wp").
fn capitalised(symbol: &str) -> String {
    let mut chars = symbol.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The measurement that starts at byte `start` of `text` (an ASCII digit):
/// its canonical token, the number without thousands separators and with
/// a decimal point, then the unit's symbol ("3,2 litros" -> "3.2l"), and
/// the byte where it ends. `None` when no unit follows the number, or
/// letters that are no unit do ("4k", "3xl").
pub fn measurement_at(text: &str, start: usize) -> Option<(String, usize)> {
    number_at(text, start, false)
}

/// Every measurement `text` writes ([`measurement_at`] at each number
/// that starts a word): a title's "Smart TV 80 cm (32 inches)" measures
/// "80cm" and "32in".
pub fn measurements_in(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'));
        if starts && let Some((tokens, end)) = dimensions_at(text, i) {
            found.extend(tokens);
            i = end.max(i + 1);
        } else if starts && let Some((token, end)) = measurement_at(text, i) {
            found.push(token);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    found
}

/// The dimensions written at byte `start` of `text` ("140x80 cm",
/// "120 x 40 x 38 cm", "51×51cm"): each number with the unit written
/// after the last, and the byte where they end; `None` for fewer than two
/// numbers, no unit after them ("160x200" alone is a name), or one of no
/// length ("2x10W" is two of 10 W).
pub fn dimensions_at(text: &str, start: usize) -> Option<(Vec<String>, usize)> {
    let bytes = text.as_bytes();
    let number_end = |mut i: usize| {
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || matches!(bytes[i], b'.' | b',')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        }
        i
    };
    let mut numbers = Vec::new();
    let mut at = start;
    loop {
        if !bytes.get(at)?.is_ascii_digit() {
            return None;
        }
        let end = number_end(at);
        numbers.push(crate::text::parse_number(&text[at..end])?);
        let rest = &text[end..];
        let after_times = ["x", "X", "×", " x ", " X ", " × "]
            .iter()
            .find_map(|times| rest.strip_prefix(times))
            .filter(|after| after.starts_with(|c: char| c.is_ascii_digit()));
        match after_times {
            Some(after) => at = text.len() - after.len(),
            None => {
                at = end;
                break;
            }
        }
    }
    if numbers.len() < 2 {
        return None;
    }
    // Lengths only: "2x10W" is two of 10 W.
    let (symbol, end) = unit_after(text, at).filter(|(s, _)| quantity_of_unit(s) == "in")?;
    let tokens = numbers
        .iter()
        .map(|&value| {
            if value.fract() == 0.0 && value.abs() < 1e15 {
                format!("{}{symbol}", value as i64)
            } else {
                format!("{value}{symbol}")
            }
        })
        .collect();
    Some((tokens, end))
}

/// As [`measurement_at`], and the first number of a range takes the unit
/// written after the second, ending where the number does: a title's
/// "Cães 4,5 a 10 kg" measures 4.5 kg to 10 kg. For indexing titles; a
/// shopper's "de 4 a 10 kg" is read as a range by the understanding.
pub fn measurement_or_range_at(text: &str, start: usize) -> Option<(String, usize)> {
    number_at(text, start, true)
}

fn number_at(text: &str, start: usize, ranges: bool) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    if !bytes.get(start)?.is_ascii_digit() {
        return None;
    }
    let mut i = start;
    while i < bytes.len() {
        let separator =
            matches!(bytes[i], b'.' | b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if bytes[i].is_ascii_digit() || separator {
            i += 1;
        } else {
            break;
        }
    }
    let mut value = crate::text::parse_number(&text[start..i])?;
    // "12 mil btus", "9 thousand btu": a capacity said in thousands.
    let thousands = [" mil ", " thousand "].iter().find_map(|word| {
        let rest = text.get(i..)?;
        let head = rest.get(..word.len())?;
        head.eq_ignore_ascii_case(word)
            .then(|| unit_after(text, i + word.len() - 1))
            .flatten()
    });
    if let Some(found) = thousands {
        value *= 1000.0;
        let number = format!("{}", value as i64);
        return (value.fract() == 0.0 && value.abs() < 1e15)
            .then(|| (format!("{number}{}", found.0), found.1));
    }
    let (symbol, end) = unit_after(text, i).or_else(|| {
        ranges
            .then(|| range_unit(text, i).map(|u| (u, i)))
            .flatten()
    })?;
    let number = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    Some((format!("{number}{symbol}"), end))
}

/// The unit of a range whose first number ends at byte `at` of `text`:
/// " a 10 kg", " to 20kg", "-10kg", " até 7,5 kg".
fn range_unit(text: &str, at: usize) -> Option<&'static str> {
    let rest = text.get(at..)?;
    let after = ["-", "–", " - ", " – ", " a ", " to ", " até ", " ate "]
        .iter()
        .find_map(|joiner| rest.strip_prefix(joiner))?;
    let second = at + (rest.len() - after.len());
    if !after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut end = second;
    let bytes = text.as_bytes();
    while end < bytes.len()
        && (bytes[end].is_ascii_digit()
            || matches!(bytes[end], b'.' | b',')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
    {
        end += 1;
    }
    unit_after(text, end).map(|(symbol, _)| symbol)
}

/// The unit written at byte `at` of `text`, right after a number: a quote
/// mark for inches, letters touching the number ("15kg"), or a word after
/// one space ("15 kg"); with the byte where it ends.
fn unit_after(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = &text[at..];
    for quote in ["\"", "''", "”", "″"] {
        if rest.starts_with(quote) {
            return Some(("in", at + quote.len()));
        }
    }
    let (skip, word_rest) = match rest.strip_prefix(' ') {
        Some(after) => (1, after),
        None => (0, rest),
    };
    let len = word_rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(word_rest.len(), |(i, _)| i);
    // "15 kg", not "15 kg2" nor the first letters of a longer code.
    let next = word_rest[len..].chars().next();
    if len == 0 || next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // "530MB/s", "120 km/h": a rate, not a size.
    if next == Some('/')
        && word_rest[len + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
    {
        return None;
    }
    unit(&word_rest[..len]).map(|symbol| (symbol, at + skip + len))
}

#[cfg(test)]
#[path = "units_tests.rs"]
mod tests;
