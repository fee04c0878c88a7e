//! Escaping text for the admin page's HTML and its inline SVG charts, so
//! that a shopper's words in the demand log (a search for `<script>`)
//! are shown as text, never read as markup. Depends on nothing.

/// Escapes text for HTML and SVG.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_become_text() {
        assert_eq!(
            esc("<b onclick='x'>\"Tom & Jerry\"</b>\u{7}\n"),
            "&lt;b onclick=&#39;x&#39;&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt; \n"
        );
        assert_eq!(esc("tênis até R$ 300"), "tênis até R$ 300");
    }
}
