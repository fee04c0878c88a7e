//! Diminutives read as the words they make smaller: "capinha pro galaxy"
//! is a capa (the typo corrector made it a "casinha", a hamster house),
//! "caminha pra cachorro" a cama. The endings are the language files'
//! (`[diminutives]`); a word is rewritten only when the catalog's titles do
//! not use it and use its base word. Depends on `language` and the lexicon.

use super::lexicon::Lexicon;
use super::token::{TokKind, Tokens};
use std::sync::OnceLock;

/// Titles that must use the base word.
const MIN_TITLES: u64 = 3;
/// The shortest base word.
const MIN_BASE: usize = 3;

/// Every language's diminutive endings, longest first: (ending, bases).
fn endings() -> &'static [(String, Vec<String>)] {
    static ENDINGS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut all: Vec<(String, Vec<String>)> = crate::language::every()
            .flat_map(|(_, d)| d.diminutives.iter())
            .map(|(ending, bases)| (ending.clone(), bases.clone()))
            .collect();
        all.sort_by_key(|(ending, _)| std::cmp::Reverse(ending.len()));
        all
    })
}

impl Lexicon {
    /// `message` with its diminutives the titles do not use written as
    /// their base words the titles do use; `None` when there is none.
    pub(super) fn undiminish(&self, message: &str, tokens: &Tokens) -> Option<String> {
        let count = |key: &str| self.content_count(key);
        let mut out: Option<String> = None;
        // Right to left, so the offsets of the words before stay true.
        for (i, t) in tokens.toks.iter().enumerate().rev() {
            let key = tokens.key(i);
            if t.kind != TokKind::Word || count(key) > 0 {
                continue;
            }
            let base = endings().iter().find_map(|(ending, bases)| {
                let stem = key.strip_suffix(ending.as_str())?;
                bases
                    .iter()
                    .map(|b| format!("{stem}{b}"))
                    .filter(|base| base.chars().count() >= MIN_BASE)
                    .max_by_key(|base| count(base))
                    .filter(|base| count(base) >= MIN_TITLES)
            });
            if let Some(base) = base {
                let s = out.get_or_insert_with(|| message.to_string());
                s.replace_range(t.raw.clone(), &base);
            }
        }
        out
    }
}
