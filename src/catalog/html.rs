//! HTML cells reduced to text: the descriptions platforms export as HTML
//! (Shopify's `Body (HTML)`, WooCommerce's and Nuvemshop's `Descrição`).
//! Tags are dropped (with the contents of `script` and `style`), block
//! boundaries and line breaks become spaces, character references are
//! decoded (`&nbsp;`, `&eacute;`, `&#233;`, `&#xE9;`), runs of whitespace
//! collapse to one space. A `<` that opens no tag (`size < 40`) stays.
//!
//! Depends on nothing else in the crate.

/// True when `cell` holds a tag or a character reference: HTML that any
/// feed's text column may carry (`Bath &amp; Body`, `<p>…</p>`).
pub(crate) fn has_markup(cell: &str) -> bool {
    cell.match_indices(['<', '&']).any(|(i, c)| {
        let at = &cell[i..];
        if c == "<" {
            at.len() > 1 && tag(at).is_some()
        } else {
            entity(at).is_some()
        }
    })
}

/// The text of an HTML fragment, on one line.
pub(crate) fn to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        let at = &rest[i..];
        if let Some(after) = at.strip_prefix('&') {
            match entity(at) {
                Some((text, len)) => {
                    out.push_str(text.as_str());
                    rest = &at[len..];
                }
                None => {
                    out.push('&');
                    rest = after;
                }
            }
            continue;
        }
        match tag(at) {
            Some((name, len)) => {
                out.push(' ');
                rest = &at[len..];
                if name == "script" || name == "style" {
                    let close = format!("</{name}");
                    let end = rest.to_ascii_lowercase().find(&close);
                    rest = match end {
                        Some(e) => rest[e..].find('>').map_or("", |g| &rest[e + g + 1..]),
                        None => "",
                    };
                }
            }
            None => {
                out.push('<');
                rest = &at[1..];
            }
        }
    }
    out.push_str(rest);
    collapse(&out)
}

/// Collapses whitespace (non-breaking spaces included) to single spaces, trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A tag at the start of `at` (`<p>`, `</div>`, `<br/>`, `<!-- ... -->`):
/// its lowercase name and length; `None` when `<` opens no tag.
fn tag(at: &str) -> Option<(String, usize)> {
    let body = &at[1..];
    if let Some(comment) = body.strip_prefix("!--") {
        let end = comment.find("-->").map_or(at.len(), |e| 1 + 3 + e + 3);
        return Some((String::new(), end));
    }
    let first = body.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!' || first == '?') {
        return None;
    }
    let end = body.find('>')?;
    let name: String = body[..end]
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let closing = body.starts_with('/');
    Some((if closing { String::new() } else { name }, end + 2))
}

/// A character reference at the start of `at`: its text and length.
fn entity(at: &str) -> Option<(String, usize)> {
    let end = at[1..].find(';').filter(|&e| e > 0 && e <= 10)? + 1;
    let name = &at[1..end];
    let text = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?.to_string()
    } else {
        named(name)?.to_string()
    };
    Some((text, end + 1))
}

/// The named references found in product descriptions: HTML's basic ones,
/// typography, and the Latin-1 letters of Portuguese, Spanish and French.
fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" | "rsquo" | "lsquo" => "'",
        "ldquo" | "rdquo" => "\"",
        "laquo" => "«",
        "raquo" => "»",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "bull" | "middot" => "·",
        "trade" => "™",
        "reg" => "®",
        "copy" => "©",
        "deg" => "°",
        "ordm" => "º",
        "ordf" => "ª",
        "euro" => "€",
        "pound" => "£",
        "cent" => "¢",
        "times" => "×",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "Agrave" => "À",
        "acirc" => "â",
        "Acirc" => "Â",
        "atilde" => "ã",
        "Atilde" => "Ã",
        "auml" => "ä",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "ecirc" => "ê",
        "Ecirc" => "Ê",
        "euml" => "ë",
        "iacute" => "í",
        "Iacute" => "Í",
        "icirc" => "î",
        "iuml" => "ï",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ocirc" => "ô",
        "Ocirc" => "Ô",
        "otilde" => "õ",
        "Otilde" => "Õ",
        "ouml" => "ö",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "ugrave" => "ù",
        "ucirc" => "û",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "szlig" => "ß",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_dropped_and_paragraphs_become_spaces() {
        assert_eq!(
            to_text("<p>Soft <strong>cotton</strong> tee.</p><p>Machine&nbsp;wash.</p>"),
            "Soft cotton tee. Machine wash."
        );
        assert_eq!(
            to_text("<ul>\n<li>One</li><li>Two</li>\n</ul><br/>End"),
            "One Two End"
        );
        assert_eq!(
            to_text("<style>p{color:red}</style>Text<script>alert(1)</script> after"),
            "Text after"
        );
        assert_eq!(to_text("A<!-- note -->B"), "A B");
    }

    #[test]
    fn references_are_decoded() {
        assert_eq!(
            to_text("Cal&ccedil;a &eacute; &#233;tica &#xE9; R&amp;D &quot;x&quot;"),
            "Calça é ética é R&D \"x\""
        );
        assert_eq!(to_text("&unknown; & alone &#0;"), "&unknown; & alone &#0;");
    }

    #[test]
    fn markup_is_told_from_plain_text() {
        assert!(has_markup("Mouse &nbsp; O Futuro &eacute; Sem Fio"));
        assert!(has_markup("<p>Soft</p>"));
        assert!(has_markup("Bath &amp; Body Works"));
        assert!(!has_markup("Bath & Body Works"));
        assert!(!has_markup("size < 40 & > 38"));
        assert!(!has_markup("plain"));
    }

    #[test]
    fn text_that_is_not_html_stays() {
        assert_eq!(to_text("size < 40 and > 38"), "size < 40 and > 38");
        assert_eq!(to_text("  plain\ntext "), "plain text");
        assert_eq!(to_text("<p>unclosed"), "unclosed");
        assert_eq!(to_text("a <b"), "a <b");
    }
}
