//! What an extra column's value is when it is no attribute a shopper
//! chooses from: a code, a slug, a path or a query string (`440114440_PP`,
//! `images-leadPOC-440114440-vestido-midi`, `/products/a.jpg`,
//! `&v=2447008`), or the product's own name written again (a site title,
//! a category named after its one product). Told from the value alone,
//! or with its row's title, so no header needs to be known; used by
//! [`super::extra_columns`].
//!
//! Depends on `text` only.

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
