//! The same request read again when its words match no title, before
//! anything is set aside: words no title says by the mark titles give the
//! other kind ("ração seca": the rações not marked "Úmida"), or words in
//! descriptions too.

use crate::error::Result;
use crate::model::SearchSpec;

/// The same search with the words no title says read by their contrast
/// (`[contrasts]`: "seca" is any title not marked "úmida"), when the
/// catalog marks the other kind among these products (some "Ração Úmida"
/// would match) and the unmarked ones exist. A word titles never mark
/// against ("shampoo para pele seca") is left to descriptions.
pub(super) fn contrasted(
    spec: &SearchSpec,
    count: &mut impl FnMut(&SearchSpec) -> Result<u64>,
) -> Result<Option<SearchSpec>> {
    let c = &spec.constraints;
    if spec.with_description {
        return Ok(None);
    }
    let words: Vec<(&String, &str)> = c
        .text
        .iter()
        .filter(|w| !c.contrasted.contains(w))
        .filter_map(|w| crate::language::contrast(&crate::text::key(w)).map(|m| (w, m)))
        .collect();
    if words.is_empty() {
        return Ok(None);
    }
    for (word, marked) in &words {
        let mut other = spec.clone();
        for w in &mut other.constraints.text {
            if w == *word {
                *w = marked.to_string();
            }
        }
        if count(&other)? == 0 {
            return Ok(None);
        }
    }
    let mut trial = spec.clone();
    trial
        .constraints
        .contrasted
        .extend(words.iter().map(|(w, _)| (*w).clone()));
    Ok((count(&trial)? > 0).then_some(trial))
}

/// The same search with the shopper's words matched in descriptions too,
/// when it has words and does not already.
pub fn described(spec: &SearchSpec) -> Option<SearchSpec> {
    (!spec.constraints.text.is_empty() && !spec.with_description).then(|| SearchSpec {
        with_description: true,
        ..spec.clone()
    })
}
