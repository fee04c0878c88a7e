//! Titles that name a product line, completed by a short description that
//! names the product.
//!
//! Some stores title a product with its line or model name alone and say
//! what it is in a short description: IKEA's export has "FREKVENS" as the
//! name and "Bar table, in/outdoor, 51x51 cm" beside it, and 607 names for
//! 3,694 rows. Such a title says neither the kind nor the size, and the
//! words a shopper types ("bar table", "3-seat sofa", "tv bench") are only
//! in the description, which a search reads last and never as exact. When
//! the catalog's first rows show that shape, short titles and short,
//! title-like descriptions, every title is completed with its description
//! ("FREKVENS Bar table, in/outdoor, 51x51 cm"), as the store's own site
//! shows it, and the product is learned and searched as so titled.

use crate::catalog::Product;

/// The most words of a title that may name a line only.
const LINE_TITLE_WORDS: usize = 3;
/// The most words of a description, at the median, read as a subtitle.
const SUBTITLE_MEDIAN_WORDS: usize = 8;
/// The most words of a description, at the 90th percentile.
const SUBTITLE_P90_WORDS: usize = 14;
/// The fewest sample products with a description for the judgement.
const FEWEST: usize = 20;

/// Whether the catalog's titles are completed by their descriptions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Subtitles {
    on: bool,
}

impl Subtitles {
    /// Judges the catalog from `sample`, its first products: most have a
    /// description; the titles are short (median at most
    /// [`LINE_TITLE_WORDS`] words); the descriptions are short too
    /// (median at most [`SUBTITLE_MEDIAN_WORDS`] words, nine in ten at most
    /// [`SUBTITLE_P90_WORDS`]), not sentences, and do not repeat their
    /// titles.
    pub fn judge(sample: &[Product]) -> Subtitles {
        let described: Vec<&Product> = sample
            .iter()
            .filter(|p| !p.description.trim().is_empty())
            .collect();
        if described.len() < FEWEST || described.len() * 5 < sample.len() * 4 {
            return Subtitles::default();
        }
        let mut title_words: Vec<usize> = described.iter().map(|p| words(&p.title)).collect();
        let mut desc_words: Vec<usize> = described.iter().map(|p| words(&p.description)).collect();
        title_words.sort_unstable();
        desc_words.sort_unstable();
        let at = |v: &[usize], share: usize| v[(v.len() - 1) * share / 100];
        let sentences = described
            .iter()
            .filter(|p| is_sentence(&p.description))
            .count();
        let repeating = described
            .iter()
            .filter(|p| repeats(&p.title, &p.description))
            .count();
        let on = at(&title_words, 50) <= LINE_TITLE_WORDS
            && at(&desc_words, 50) <= SUBTITLE_MEDIAN_WORDS
            && at(&desc_words, 90) <= SUBTITLE_P90_WORDS
            && sentences * 5 <= described.len()
            && repeating * 2 <= described.len();
        Subtitles { on }
    }

    /// True when titles are completed.
    #[cfg(test)]
    pub fn on(&self) -> bool {
        self.on
    }

    /// Completes `p`'s title with its description, when the catalog's
    /// titles are completed and the description is short and says more
    /// than the title. True when it did.
    pub fn complete(&self, p: &mut Product) -> bool {
        if !self.on {
            return false;
        }
        let description = p.description.split_whitespace().collect::<Vec<_>>();
        if description.is_empty()
            || description.len() > SUBTITLE_P90_WORDS * 2
            || repeats(&p.title, &p.description)
        {
            return false;
        }
        let title = p.title.split_whitespace().collect::<Vec<_>>().join(" ");
        p.title = if title.is_empty() {
            description.join(" ")
        } else {
            format!("{title} {}", description.join(" "))
        };
        true
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A description of sentences: one ending a sentence before its end, or
/// ending with a full stop after several words.
fn is_sentence(text: &str) -> bool {
    let text = text.trim();
    text.contains(". ") || text.contains("! ") || (text.ends_with('.') && words(text) > 5)
}

/// The description repeats the title (or the title the description).
fn repeats(title: &str, description: &str) -> bool {
    let t = crate::text::key(title);
    let d = crate::text::key(description);
    !t.is_empty() && !d.is_empty() && (d.contains(&t) || t.contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(title: &str, description: &str) -> Product {
        Product {
            id: title.to_string(),
            title: title.to_string(),
            description: description.to_string(),
            ..Product::default()
        }
    }

    #[test]
    fn line_names_are_completed_by_short_descriptions() {
        let sample: Vec<Product> = (0..30)
            .map(|i| {
                product(
                    ["FREKVENS", "BILLY", "MALM"][i % 3],
                    [
                        "Bar table, in/outdoor,    51x51 cm",
                        "Bookcase, white",
                        "Desk",
                    ][i % 3],
                )
            })
            .collect();
        let s = Subtitles::judge(&sample);
        assert!(s.on());
        let mut p = product("FREKVENS", "Bar table, in/outdoor,          51x51 cm");
        assert!(s.complete(&mut p));
        assert_eq!(p.title, "FREKVENS Bar table, in/outdoor, 51x51 cm");
    }

    #[test]
    fn full_titles_and_sentences_are_left_alone() {
        let titled: Vec<Product> = (0..30)
            .map(|_| product("Puma Men Black Running Shoes", "Light and comfortable"))
            .collect();
        assert!(!Subtitles::judge(&titled).on());
        let prose: Vec<Product> = (0..30)
            .map(|_| product("BILLY", "A classic. Sturdy shelves for books."))
            .collect();
        assert!(!Subtitles::judge(&prose).on());
        let repeated: Vec<Product> = (0..30).map(|_| product("Desk lamp", "Desk lamp")).collect();
        assert!(!Subtitles::judge(&repeated).on());
        let few: Vec<Product> = (0..10).map(|_| product("MALM", "Desk")).collect();
        assert!(!Subtitles::judge(&few).on());
    }
}
