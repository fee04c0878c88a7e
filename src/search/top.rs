//! The best documents of a segment by sort key, optionally one per variant
//! group: the page of [`super::TurnCollector`] before segments are merged.
//! Depends on `index` only for the [`NO_GROUP`] marker.

use crate::index::NO_GROUP;
use tantivy::DocId;

/// Sort key: smaller ranks first.
pub(super) type Key = u128;

/// One candidate: its key, document and variant group ([`NO_GROUP`] when
/// it has none, or when groups are not being told apart).
pub(super) type Entry = (Key, DocId, u32);

/// The best `n` documents of a segment by (key, doc); documents come in
/// increasing order, so a key equal to the threshold never gets in. When
/// `distinct`, the best `n` groups instead: a group's best document stands
/// for it, and the others are dropped.
///
/// The threshold stays exact with groups: it is set only once `n` distinct
/// groups rank before it, and their best documents only get better; a
/// later document at or past it cannot put a new group among the best
/// `n`, nor improve one already there.
pub(super) struct TopK {
    pub(super) n: usize,
    distinct: bool,
    pub(super) buffer: Vec<Entry>,
    threshold: Option<Key>,
}

impl TopK {
    pub(super) fn new(n: usize, distinct: bool) -> TopK {
        TopK {
            n,
            distinct,
            buffer: Vec::with_capacity(2 * n.max(1)),
            threshold: None,
        }
    }

    #[inline]
    pub(super) fn push(&mut self, key: Key, doc: DocId, group: u32) {
        if self.threshold.is_some_and(|t| key >= t) {
            return;
        }
        if self.buffer.len() == self.buffer.capacity() {
            self.truncate();
        }
        self.buffer.push((key, doc, group));
    }

    /// Keeps the best entry of each group (entries without a group stay).
    fn dedup(&mut self) {
        self.buffer
            .sort_unstable_by_key(|&(key, doc, group)| (group, key, doc));
        self.buffer
            .dedup_by(|later, best| later.2 != NO_GROUP && later.2 == best.2);
    }

    #[inline(never)]
    fn truncate(&mut self) {
        if self.distinct {
            self.dedup();
        }
        if self.buffer.len() <= self.n {
            return;
        }
        self.buffer.select_nth_unstable(self.n);
        self.threshold = self.buffer.get(self.n).map(|e| e.0);
        self.buffer.truncate(self.n);
    }

    pub(super) fn into_vec(mut self) -> Vec<Entry> {
        self.truncate();
        self.buffer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_k_keeps_the_smallest_keys_and_the_earliest_of_ties() {
        let mut top = TopK::new(3, false);
        for (doc, key) in [5u128, 1, 3, 1, 9, 0, 3, 1, 2].into_iter().enumerate() {
            top.push(key, doc as DocId, NO_GROUP);
        }
        let mut kept = top.into_vec();
        kept.sort_unstable();
        assert_eq!(
            kept,
            vec![(0, 5, NO_GROUP), (1, 1, NO_GROUP), (1, 3, NO_GROUP)]
        );
    }

    /// Against sorting every candidate and keeping each group's first.
    #[test]
    fn distinct_top_k_keeps_each_groups_best_among_the_best_groups() {
        let mut state = 0x2545_f491u32;
        let mut next = move |m: u32| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state % m
        };
        for round in 0..200 {
            let n = 1 + (round % 7) as usize;
            let candidates: Vec<Entry> = (0..(5 + next(80)))
                .map(|doc| {
                    let group = if next(3) == 0 { NO_GROUP } else { next(6) };
                    (Key::from(next(10)), doc, group)
                })
                .collect();
            let mut top = TopK::new(n, true);
            for &(key, doc, group) in &candidates {
                top.push(key, doc, group);
            }
            let mut kept = top.into_vec();
            kept.sort_unstable();
            let mut all = candidates.clone();
            all.sort_unstable();
            let mut seen = Vec::new();
            let expected: Vec<Entry> = all
                .into_iter()
                .filter(|e| {
                    e.2 == NO_GROUP
                        || !seen.contains(&e.2) && {
                            seen.push(e.2);
                            true
                        }
                })
                .take(n)
                .collect();
            assert_eq!(kept, expected, "round {round}");
        }
    }
}
