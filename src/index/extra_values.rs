//! What an extra column's value is when it is no attribute a shopper
//! chooses from: a code, a slug, a path or a query string (`440114440_PP`,
//! `images-leadPOC-440114440-vestido-midi`, `/products/a.jpg`,
//! `&v=2447008`), the product's own name written again (a site title, a
//! category named after its one product), a yes/no flag, a date, a link
//! or file name, a sentence, or a number. Told from the value alone, or
//! with its row's title, so no header needs to be known; used by
//! [`super::extra_columns`].
//!
//! Depends on `text` and the catalog's yes/no words only.

/// A value written for machines rather than shoppers: one token (no
/// space) that is a query string or a path, a slug of three or more
/// parts (`images-leadPOC-440114440-vestido`, `long-sleeve-shirt`), or a
/// code mixing digits with letters or separators (`440114440_PP`,
/// `SKU-88231`). Short mixed values (`110V`, `2XL`, `4K`) are no codes.
pub(super) fn is_code(value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() || v.contains(char::is_whitespace) {
        return false;
    }
    if v.starts_with(['&', '?', '/', '\\', '#']) || v.contains('=') || v.starts_with("./") {
        return true;
    }
    // Runs of separators are one (`bermuda-em-sarja---bona`).
    let parts: Vec<&str> = v.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    let plain = |p: &&str| p.chars().all(|c| c.is_alphanumeric());
    if parts.len() >= 3 && parts.iter().all(plain) && parts.iter().any(|p| p.len() >= 3) {
        return true;
    }
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let others = v.chars().count() - digits;
    v.chars().count() >= 6 && digits >= 3 && others >= 1
}

/// True when a value is its row's title again (a site title, a category
/// level named after its one product), up to case and accents.
pub(super) fn is_title_copy(value: &str, title: &str) -> bool {
    let value = crate::text::key(value);
    !value.is_empty() && value == crate::text::key(title)
}

/// The parts of a cell listing several values (`Yes, No`, `S/M`).
pub(super) fn parts(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ';', '|', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// A number, or a percentage (`12%`, `-12 %`: a discount is a measure,
/// no vocabulary to ask about).
pub(super) fn is_number(value: &str) -> bool {
    let value = value.trim();
    let value = value.strip_suffix('%').map_or(value, str::trim_end);
    value.parse::<f64>().is_ok()
}

/// A yes/no value, or a list of them (`Yes, No`).
pub(super) fn is_flags(value: &str) -> bool {
    let mut any = false;
    for part in parts(value) {
        if !crate::catalog::is_flag_value(part) {
            return false;
        }
        any = true;
    }
    any
}

/// A date or a timestamp: `2016-03-25 22:59:23 +0000`, `2023-01-31T10:00Z`,
/// `31/01/2023`, `01.31.23`.
pub(super) fn is_date(value: &str) -> bool {
    let value = value.trim();
    let zones = ["UTC", "GMT", "AM", "PM"];
    let rest_ok = value
        .split_whitespace()
        .skip(1)
        .all(|w| zones.contains(&w) || w.chars().all(|c| c.is_ascii_digit() || ":+-.".contains(c)));
    let Some(first) = value.split_whitespace().next() else {
        return false;
    };
    // The date before an ISO time (`2023-01-31T10:00:00Z`).
    let (date, time) = first.split_once('T').unwrap_or((first, ""));
    let time_ok = time
        .chars()
        .all(|c| c.is_ascii_digit() || ":+-.Z".contains(c));
    if !rest_ok || !time_ok {
        return false;
    }
    let Some(sep) = date.chars().find(|c| !c.is_ascii_digit()) else {
        return false;
    };
    if !['-', '/', '.'].contains(&sep) {
        return false;
    }
    let groups: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = groups.as_slice() else {
        return false;
    };
    let number = |g: &str| {
        (!g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
            .then(|| g.parse::<u32>().ok())
            .flatten()
    };
    let (Some(x), Some(y), Some(z)) = (number(a), number(b), number(c)) else {
        return false;
    };
    let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    match (a.len(), b.len(), c.len()) {
        // 2016-03-25
        (4, 1..=2, 1..=2) => day_month(z, y),
        // 25/03/2016, 03/25/16
        (1..=2, 1..=2, 2 | 4) => day_month(x, y) || day_month(y, x),
        _ => false,
    }
}

/// File extensions that make a one-word value a file name.
const FILE_EXTENSIONS: [&str; 24] = [
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "pdf", "zip", "rar", "mp3",
    "mp4", "wav", "doc", "docx", "xls", "xlsx", "csv", "txt", "json", "xml", "html",
];

/// A web address (or a list of them), an e-mail address or a file name.
pub(super) fn is_link(value: &str) -> bool {
    let v = value.trim_start_matches(['[', '"', '\'', ' ']);
    if is_email(v) {
        return true;
    }
    let lower = v.get(..8).unwrap_or(v).to_ascii_lowercase();
    if ["http://", "https://", "ftp://", "www.", "//"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let v = v.trim_end_matches([']', '"', '\'', ' ']);
    !v.contains(char::is_whitespace)
        && v.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty() && FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
        })
}

/// An e-mail address (`shop@example.com`): one word, a name before one
/// `@`, a domain with a dot after it.
fn is_email(v: &str) -> bool {
    let v = v.trim();
    !v.contains(char::is_whitespace)
        && v.split_once('@').is_some_and(|(name, domain)| {
            !name.is_empty() && !domain.contains('@') && domain.contains('.')
        })
}

/// A sentence (`This is a variable product.`) or a run of words too long
/// for a value; a list of short values is none (`Casual, Party, Festive`),
/// nor are measurements (`14.7 x 11.1 x 10.2 inches`).
pub(super) fn is_sentence(value: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count()
    };
    let sentence_end = value.trim_end().ends_with(['.', '!', '?']);
    parts(value).any(|p| words(p) >= 6) || (sentence_end && words(value) >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_slugs_paths_and_query_strings() {
        for v in [
            "&v=2447008",
            "images-leadPOC-440114440-vestido-midi-ombro-ombro",
            "440114440_PP",
            "SKU-88231",
            "/collections/rings",
            "long-sleeve-shirt",
            "images-leadPOC-30103281-bermuda-em-sarja---bona",
            "?variant=1",
        ] {
            assert!(is_code(v), "{v}");
        }
        for v in [
            "110V", "2XL", "Bivolt", "S-M-L", "T-shirt", "Slim Fit", "38/40", "220V", "Cotton",
            "4K",
        ] {
            assert!(!is_code(v), "{v}");
        }
    }

    #[test]
    fn a_title_written_again() {
        let title = "Vestido Midi Ombro À Ombro";
        assert!(is_title_copy("Vestido Midi Ombro à Ombro", title));
        assert!(!is_title_copy("Vestido Midi", title));
        assert!(!is_title_copy("Vestido", title));
        assert!(!is_title_copy("Feminino", title));
    }
}
