//! The catalog's words counted while an index is built: how many products
//! use each word of their title, brand, colour, material and types (a word
//! a product repeats counts once), saved in the vocabulary as its terms.
//! Depends on `text` and the vocabulary type only.

use super::vocabulary::FacetValue;
use rustc_hash::FxHashMap;

/// The most words a vocabulary keeps (the most used).
const MAX_TERMS: usize = 200_000;

/// How many products use a word, and the last one that counted it.
struct TermCount {
    count: u64,
    last: u64,
}

/// Products per word.
#[derive(Default)]
pub(super) struct TermCounts {
    terms: FxHashMap<String, TermCount>,
}

impl TermCounts {
    /// Counts the words of one product's `texts`, the product numbered
    /// `product` (each product counts a word once).
    pub(super) fn count<'a>(&mut self, product: u64, texts: impl IntoIterator<Item = &'a str>) {
        for text in texts {
            crate::text::for_each_word(text, |w, _| self.add(product, w));
        }
    }

    /// Counts the words of one product's `text` but those of `except`.
    pub(super) fn count_except(&mut self, product: u64, text: &str, except: &[String]) {
        crate::text::for_each_word(text, |w, _| {
            if !except.iter().any(|e| e == w) {
                self.add(product, w);
            }
        });
    }

    /// One use of `word` by the product numbered `product`: each word
    /// remembers the last product that counted it, so a word a product
    /// repeats counts once, without sorting its words.
    fn add(&mut self, product: u64, word: &str) {
        match self.terms.get_mut(word) {
            Some(term) => {
                if term.last != product {
                    term.last = product;
                    term.count += 1;
                }
            }
            None => {
                self.terms.insert(
                    word.to_string(),
                    TermCount {
                        count: 1,
                        last: product,
                    },
                );
            }
        }
    }

    /// The words, most used first (then alphabetical), at most [`MAX_TERMS`].
    pub(super) fn into_values(self) -> Vec<FacetValue> {
        let mut terms: Vec<FacetValue> = self
            .terms
            .into_iter()
            .map(|(value, term)| FacetValue {
                value,
                count: term.count,
            })
            .collect();
        terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        terms.truncate(MAX_TERMS);
        terms
    }
}
