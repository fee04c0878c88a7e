//! Typo correction without scanning the vocabulary: a symmetric-delete
//! index (SymSpell-style). Every dictionary word is stored under the hash of
//! itself and of each string obtained by deleting one of its letters; a
//! misspelt word looks up its own deletions (one, or two for long words),
//! and the few candidates found are scored with strsim's optimal string
//! alignment distance. Nothing is allocated per lookup but a small
//! candidate list.
//!
//! Thresholds by the length of the typed word: up to 3 letters, never
//! corrected; 4 letters, distance 1 and only towards built-in words
//! ("blak" -> "black"); 5 to 7 letters, distance 1, and 2 towards a
//! built-in word of the same length for 6 or 7 ("sandles" -> "sandals");
//! 8 or more, distance 2.
//! The first letter must be right. Among candidates the nearest wins, then
//! the built-in word, then the most frequent.

use rustc_hash::FxHashMap;

/// One word the index can correct to.
#[derive(Debug, Clone)]
struct Target {
    /// The word's id in the lexicon.
    id: u32,
    /// How often it occurs in the catalog, plus a large bonus for built-in words.
    score: u64,
    /// A built-in word (colour, type, control phrase).
    builtin: bool,
    /// Only ever part of a brand name: never reached from short words.
    brand_only: bool,
    /// The word itself.
    word: Box<str>,
}

/// The symmetric-delete index.
#[derive(Debug, Default)]
pub(crate) struct TypoIndex {
    targets: Vec<Target>,
    /// Deletion hash -> start of its run in `postings`.
    starts: FxHashMap<u64, (u32, u32)>,
    postings: Vec<u32>,
}

/// A word offered to the index.
pub(crate) struct Candidate<'a> {
    /// The normalised word.
    pub word: &'a str,
    /// Its lexicon id.
    pub id: u32,
    /// Catalog frequency.
    pub count: u64,
    /// Built-in word.
    pub builtin: bool,
    /// Only part of brand names.
    pub brand_only: bool,
}

const MIX: u64 = 0x517c_c1b7_2722_0a95;

fn hash_skipping(bytes: &[u8], skip_a: usize, skip_b: usize) -> u64 {
    let mut h: u64 = 0;
    let mut n = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        if i != skip_a && i != skip_b {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(MIX);
            n += 1;
        }
    }
    (h.rotate_left(5) ^ n).wrapping_mul(MIX)
}

/// How many times as many products a correction of a rare catalog word
/// must have.
const RARE_RATIO: u64 = 50;

/// Words longer than this are never corrected.
const MAX_WORD_LEN: usize = 40;

/// True for words the index handles: ASCII letters only, 4 to 40 letters.
/// How unlikely a slip turns `target` into `word`, one edit apart: 0 for a
/// doubled letter typed once ("gren" for "green"); 1 for another letter
/// left out, two letters swapped, a key next to the one meant, or a letter
/// typed twice; 2 for any other.
fn slip(word: &str, target: &str) -> u8 {
    let (w, t) = (word.as_bytes(), target.as_bytes());
    let first_diff = w
        .iter()
        .zip(t)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(t.len()));
    match t.len().cmp(&w.len()) {
        // A letter left out.
        std::cmp::Ordering::Greater => {
            let left_out = t[first_diff];
            let doubled = first_diff > 0 && t[first_diff - 1] == left_out
                || t.get(first_diff + 1) == Some(&left_out);
            u8::from(!doubled)
        }
        // A letter typed too many: twice, or a key beside its neighbour.
        std::cmp::Ordering::Less => {
            let extra = w[first_diff];
            let beside = |i: Option<usize>| {
                i.and_then(|i| w.get(i))
                    .is_some_and(|&n| n == extra || keys_adjacent(n, extra))
            };
            if beside(first_diff.checked_sub(1)) || beside(Some(first_diff + 1)) {
                1
            } else {
                2
            }
        }
        std::cmp::Ordering::Equal => {
            let swapped = w.get(first_diff + 1) == t.get(first_diff)
                && t.get(first_diff + 1) == w.get(first_diff);
            // A vowel for another is spelling by ear ("grean", "blak").
            let vowel = |c: u8| b"aeiouy".contains(&c);
            let by_ear = vowel(w[first_diff]) && vowel(t[first_diff]);
            if swapped || by_ear || keys_adjacent(w[first_diff], t[first_diff]) {
                1
            } else {
                2
            }
        }
    }
}

/// True when two letters are keys next to each other on a QWERTY keyboard
/// (rows staggered as on the keyboard).
fn keys_adjacent(a: u8, b: u8) -> bool {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    const OFFSET: [i32; 3] = [0, 1, 3];
    let at = |c: u8| {
        ROWS.iter().enumerate().find_map(|(r, row)| {
            let col = row.iter().position(|&k| k == c)?;
            Some((r as i32, 4 * col as i32 + OFFSET[r]))
        })
    };
    match (at(a), at(b)) {
        (Some((ra, xa)), Some((rb, xb))) => a != b && (ra - rb).abs() <= 1 && (xa - xb).abs() <= 4,
        _ => false,
    }
}

fn eligible(word: &str) -> bool {
    // No catalog word is longer than this; longer input is noise, and its
    // delete neighbourhood grows with the square of its length.
    (4..=MAX_WORD_LEN).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase())
}

impl TypoIndex {
    /// Builds the index over the given words.
    pub fn new<'a>(words: impl Iterator<Item = Candidate<'a>>) -> TypoIndex {
        let mut targets = Vec::new();
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for c in words {
            if !eligible(c.word) {
                continue;
            }
            let t = targets.len() as u32;
            let bytes = c.word.as_bytes();
            pairs.push((hash_skipping(bytes, usize::MAX, usize::MAX), t));
            for i in 0..bytes.len() {
                pairs.push((hash_skipping(bytes, i, usize::MAX), t));
            }
            targets.push(Target {
                id: c.id,
                score: c.count.saturating_add(if c.builtin { 1 << 40 } else { 0 }),
                builtin: c.builtin,
                brand_only: c.brand_only,
                word: c.word.into(),
            });
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut starts = FxHashMap::default();
        let mut postings = Vec::with_capacity(pairs.len());
        let mut i = 0;
        while i < pairs.len() {
            let h = pairs[i].0;
            let start = postings.len() as u32;
            while i < pairs.len() && pairs[i].0 == h {
                postings.push(pairs[i].1);
                i += 1;
            }
            starts.insert(h, (start, postings.len() as u32 - start));
        }
        TypoIndex {
            targets,
            starts,
            postings,
        }
    }

    /// The lexicon id of the best correction of `word`, if any.
    pub fn correct(&self, word: &str) -> Option<u32> {
        match self.nearest(word) {
            (false, best) => best.map(|(_, _, id)| id),
            (true, _) => None, // a known word is not a typo
        }
    }

    /// For a word the catalog has but rarely (`count` products: a typo in
    /// a description, "bluetoth"), the lexicon id of a word one letter
    /// away that [`RARE_RATIO`] times as many products use.
    pub fn correct_rare(&self, word: &str, count: u64) -> Option<u32> {
        match self.nearest(word) {
            (_, Some((1, score, id))) if score >= count.max(1).saturating_mul(RARE_RATIO) => {
                Some(id)
            }
            _ => None,
        }
    }

    /// Whether `word` is a target itself, and its best correction:
    /// (distance, score, lexicon id).
    fn nearest(&self, word: &str) -> (bool, Option<(usize, u64, u32)>) {
        if !eligible(word) {
            return (false, None);
        }
        let bytes = word.as_bytes();
        let len = bytes.len();
        let max = match len {
            4 | 5 => 1,
            _ => 2,
        };
        let mut seen: Vec<u32> = Vec::new();
        let mut exact = false;
        let mut best: Option<(usize, u8, u64, u32)> = None;
        let mut consider = |h: u64, seen: &mut Vec<u32>| {
            let Some(&(start, n)) = self.starts.get(&h) else {
                return;
            };
            for &t in self
                .postings
                .get(start as usize..(start + n) as usize)
                .unwrap_or(&[])
            {
                if seen.contains(&t) {
                    continue;
                }
                seen.push(t);
                let Some(target) = self.targets.get(t as usize) else {
                    continue;
                };
                if target.word.as_bytes().first() != bytes.first() {
                    continue;
                }
                if len == 4 && !target.builtin || len < 5 && target.brand_only {
                    continue;
                }
                let d = strsim::osa_distance(word, &target.word);
                if d == 0 {
                    exact = true;
                }
                if d == 0 || d > max {
                    continue;
                }
                // Two letters wrong in a word of 6 or 7 are a vowel
                // misheard ("sandles", "jakcet"), towards a built-in word
                // of the same length only.
                if d == 2 && len < 8 && !(target.builtin && target.word.len() == len) {
                    continue;
                }
                // One letter off: the likelier slip first ("gren" is a
                // "green" with a doubled letter typed once, not a "grey"
                // with a key far from the one meant).
                let slip = if d == 1 { slip(word, &target.word) } else { 0 };
                let better = match best {
                    None => true,
                    Some((bd, bslip, bs, _)) => {
                        (d, slip) < (bd, bslip) || (d, slip) == (bd, bslip) && target.score > bs
                    }
                };
                if better {
                    best = Some((d, slip, target.score, target.id));
                }
            }
        };
        consider(hash_skipping(bytes, usize::MAX, usize::MAX), &mut seen);
        for i in 0..len {
            consider(hash_skipping(bytes, i, usize::MAX), &mut seen);
        }
        if max >= 2 {
            for i in 0..len {
                for j in i + 1..len {
                    consider(hash_skipping(bytes, i, j), &mut seen);
                }
            }
        }
        (exact, best.map(|(d, _, score, id)| (d, score, id)))
    }

    /// Number of words the index can correct to.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.targets.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(words: &[(&str, u64, bool, bool)]) -> TypoIndex {
        TypoIndex::new(
            words
                .iter()
                .enumerate()
                .map(|(i, &(w, c, b, brand))| Candidate {
                    word: w,
                    id: i as u32,
                    count: c,
                    builtin: b,
                    brand_only: brand,
                }),
        )
    }

    #[test]
    fn the_likelier_slip_wins_between_words_one_letter_away() {
        assert_eq!(slip("gren", "green"), 0);
        assert_eq!(slip("gren", "grey"), 2);
        assert_eq!(slip("shrt", "shirt"), 1);
        assert_eq!(slip("shitr", "shirt"), 1);
        assert_eq!(slip("shirtt", "shirt"), 1);
        assert_eq!(slip("blsck", "black"), 1);
        assert_eq!(slip("grean", "green"), 1);
        let ix = index(&[("grey", 958, true, false), ("green", 658, true, false)]);
        assert_eq!(ix.correct("gren"), Some(1));
    }

    #[test]
    fn corrects_common_typos() {
        let ix = index(&[
            ("sneakers", 10, true, false),
            ("black", 10, true, false),
            ("back", 50, false, false),
            ("puma", 30, false, true),
            ("hilfiger", 5, false, true),
            ("running", 40, false, false),
            ("camiseta", 1, true, false),
        ]);
        assert_eq!(ix.len(), 7);
        assert_eq!(ix.correct("snekers"), Some(0));
        assert_eq!(ix.correct("blak"), Some(1));
        assert_eq!(ix.correct("pumma"), Some(3));
        assert_eq!(ix.correct("hilfigr"), Some(4));
        assert_eq!(ix.correct("runing"), Some(5));
        assert_eq!(ix.correct("camisetta"), Some(6));
        assert_eq!(ix.correct("sneakres"), Some(0));
        assert_eq!(ix.correct("pum"), None);
        assert_eq!(ix.correct("xyzzy"), None);
        assert_eq!(ix.correct("black"), None);
    }

    #[test]
    fn two_letters_wrong_in_a_short_word_only_towards_built_in_words() {
        let ix = index(&[
            ("sandals", 10, true, false),
            ("sanders", 50, false, false),
            ("jacket", 10, true, false),
        ]);
        assert_eq!(ix.correct("sandles"), Some(0));
        assert_eq!(ix.correct("jakcet"), Some(2));
        // Not towards a word of the catalog alone, nor of another length.
        assert_eq!(ix.correct("sandors"), Some(1));
        assert_eq!(ix.correct("sondirs"), None);
        assert_eq!(ix.correct("sandalsxy"), Some(0));
    }
}
