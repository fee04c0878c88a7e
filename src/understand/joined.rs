//! Splitting an unknown joined word ("non-leather") into its words, unless
//! it is one adjective the catalog does not know ("non-stick").

use super::lexicon::Lexicon;
use super::token::{TokKind, Tokens};

impl Lexicon {
    /// The message with an unknown joined word's joiners made spaces ("non-leather").
    pub(super) fn split_unknown_joined(&self, message: &str, tokens: &Tokens) -> Option<String> {
        let mut out: Option<String> = None;
        for (i, t) in tokens.toks.iter().enumerate() {
            // A count joined to its noun stays one word ("2-door").
            if t.joined
                && t.kind == TokKind::Word
                && !self.words.contains_key(tokens.key(i))
                && crate::text::count_compound(tokens.key(i)).is_none()
                && !self.denies_unknown(message.get(t.raw.clone()).unwrap_or(""))
            {
                let s = out.get_or_insert_with(|| message.to_string());
                let piece = message.get(t.raw.clone()).unwrap_or("");
                let replaced: String = piece
                    .chars()
                    .map(|c| {
                        if matches!(c, '-' | '.' | '\'' | '’') {
                            " ".repeat(c.len_utf8())
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                if replaced.len() == piece.len() {
                    s.replace_range(t.raw.clone(), &replaced);
                }
            }
        }
        out
    }

    /// True for a joined word made of a negator and a word the catalog does
    /// not know ("non-stick" in a store of "Antiaderente" pans): one
    /// adjective asked as it is, not the exclusion of a word no product has.
    fn denies_unknown(&self, piece: &str) -> bool {
        let Some((first, rest)) = piece.split_once(['-', '.', '\'', '’']) else {
            return false;
        };
        let rest = crate::text::key(rest);
        !rest.is_empty()
            && !rest.contains(' ')
            && !self.words.contains_key(rest.as_str())
            && crate::language::every().any(|(_, d)| {
                d.titles
                    .negators
                    .iter()
                    .any(|n| *n == crate::text::key(first))
            })
    }
}
