//! The variant groups of an opened generation, numbered once when it
//! opens from the `group` column (the hash of each product's group key,
//! see [`super::group`]): each document's group, and each group's members.
//! Only groups of two products or more are numbered; a product alone in its
//! group has none, and costs a turn nothing. A group made from titles whose
//! rows do not all differ in their variant signature (`group_variant`: two
//! rows of one colour and size) is not a model's variants but several
//! products a generic title does not tell apart: it is not numbered. A turn
//! reads a document's group with one array read (distinct pages, model
//! totals), and a shown product's variants from the member list, without a
//! query.
//!
//! Depends on tantivy only; knows nothing of queries or turns.

use rustc_hash::FxHashMap;
use std::sync::Arc;
use tantivy::{DocAddress, DocId, Searcher};

/// A document's group in [`VariantGroups::segment`] when it has none.
pub const NO_GROUP: u32 = u32::MAX;

/// The name of the fast column holding each product's group key hash.
pub const GROUP_FIELD: &str = "group";

/// The name of the fast column holding the hash of a title-grouped
/// product's variant signature.
pub const VARIANT_FIELD: &str = "group_variant";

/// Every group of two or more products of a generation.
#[derive(Debug, Default)]
pub struct VariantGroups {
    /// Segment ordinal -> each document's group ([`NO_GROUP`] for none);
    /// `None` for a segment without grouped documents.
    docs: Vec<Option<Arc<[u32]>>>,
    /// Group -> where its members start in `members` (one more entry than
    /// groups).
    starts: Vec<u32>,
    /// Every grouped document, group by group, in index order within each.
    members: Vec<DocAddress>,
    /// One bit per group: its members lie in more than one segment.
    split: Arc<[u64]>,
}

impl VariantGroups {
    /// Reads the `group` column of every segment (an index without it has
    /// no groups).
    pub fn build(searcher: &Searcher) -> tantivy::Result<VariantGroups> {
        // (hash, document) of every document with a group key, in index
        // order, and (hash, signature) of those grouped by their titles.
        let mut keyed: Vec<(u64, DocAddress)> = Vec::new();
        let mut signed: Vec<(u64, u64)> = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let fast = segment.fast_fields();
            let Some(column) = fast.column_opt::<u64>(GROUP_FIELD)? else {
                continue;
            };
            let variants = fast.column_opt::<u64>(VARIANT_FIELD)?;
            let alive = segment.alive_bitset();
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                if let Some(hash) = column.first(doc) {
                    keyed.push((hash, DocAddress::new(ord as u32, doc)));
                    if let Some(variant) = variants.as_ref().and_then(|v| v.first(doc)) {
                        signed.push((hash, variant));
                    }
                }
            }
        }
        // hash -> (members, group id once numbered)
        let mut groups: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        groups.reserve(keyed.len());
        for &(hash, _) in &keyed {
            groups.entry(hash).or_insert((0, NO_GROUP)).0 += 1;
        }
        // Two rows of one title group alike: not variants; none is grouped.
        signed.sort_unstable();
        for pair in signed.windows(2) {
            if pair[0] == pair[1]
                && let Some(group) = groups.get_mut(&pair[0].0)
            {
                group.0 = 1;
            }
        }
        let segments = searcher.segment_readers();
        let mut docs: Vec<Option<Vec<u32>>> = vec![None; segments.len()];
        let mut sizes: Vec<u32> = Vec::new();
        // Numbered in index order of their first member.
        for &(hash, address) in &keyed {
            let Some(entry) = groups.get_mut(&hash) else {
                continue;
            };
            if entry.0 < 2 {
                continue;
            }
            if entry.1 == NO_GROUP {
                entry.1 = sizes.len() as u32;
                sizes.push(entry.0);
            }
            let seg = address.segment_ord as usize;
            let (Some(slot), Some(reader)) = (docs.get_mut(seg), segments.get(seg)) else {
                continue;
            };
            let ids = slot.get_or_insert_with(|| vec![NO_GROUP; reader.max_doc() as usize]);
            if let Some(id) = ids.get_mut(address.doc_id as usize) {
                *id = entry.1;
            }
        }
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for &n in &sizes {
            total += n;
            starts.push(total);
        }
        let mut next: Vec<u32> = starts[..sizes.len()].to_vec();
        let mut members = vec![DocAddress::new(0, 0); total as usize];
        for &(hash, address) in &keyed {
            let Some(&(_, group)) = groups.get(&hash) else {
                continue;
            };
            if group == NO_GROUP {
                continue;
            }
            if let Some(at) = next.get_mut(group as usize) {
                if let Some(slot) = members.get_mut(*at as usize) {
                    *slot = address;
                }
                *at += 1;
            }
        }
        // Members are in index order: a group spans segments when its
        // first and last members are in different ones.
        let mut split = vec![0u64; sizes.len().div_ceil(64)];
        for (g, pair) in starts.windows(2).enumerate() {
            let (first, last) = (
                members.get(pair[0] as usize),
                members.get(pair[1].saturating_sub(1) as usize),
            );
            if let (Some(a), Some(b)) = (first, last)
                && a.segment_ord != b.segment_ord
                && let Some(word) = split.get_mut(g / 64)
            {
                *word |= 1 << (g % 64);
            }
        }
        Ok(VariantGroups {
            docs: docs.into_iter().map(|d| d.map(Arc::from)).collect(),
            starts,
            members,
            split: split.into(),
        })
    }

    /// Number of groups (of two products or more).
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// True when no two products are variants of one model.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of products in groups.
    pub fn grouped_products(&self) -> usize {
        self.members.len()
    }

    /// Each document's group in a segment ([`NO_GROUP`] for none); `None`
    /// when no document of the segment has a group.
    pub fn segment(&self, segment: usize) -> Option<&Arc<[u32]>> {
        self.docs.get(segment).and_then(Option::as_ref)
    }

    /// The group of a document, if it has one.
    pub fn group_of(&self, address: DocAddress) -> Option<u32> {
        let id = *self
            .segment(address.segment_ord as usize)?
            .get(address.doc_id as usize)?;
        (id != NO_GROUP).then_some(id)
    }

    /// The members of a group, in index order (empty for an unknown group).
    pub fn members(&self, group: u32) -> &[DocAddress] {
        let g = group as usize;
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => self.members.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// One bit per group (`group / 64`, bit `group % 64`): its members lie
    /// in more than one segment, so each of them meets it (see
    /// [`spans_segments`]).
    pub fn split(&self) -> &Arc<[u64]> {
        &self.split
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        let docs: usize = self.docs.iter().flatten().map(|d| d.len() * 4).sum();
        docs + self.starts.len() * 4
            + self.members.len() * std::mem::size_of::<DocAddress>()
            + self.split.len() * 8
    }
}

/// Whether `group`'s bit is set in [`VariantGroups::split`].
#[inline]
pub fn spans_segments(split: &[u64], group: u32) -> bool {
    split
        .get(group as usize / 64)
        .is_some_and(|w| w >> (group % 64) & 1 == 1)
}

/// The group of `doc` in a segment's array ([`VariantGroups::segment`]).
#[inline]
pub fn group_in(ids: &[u32], doc: DocId) -> u32 {
    ids.get(doc as usize).copied().unwrap_or(NO_GROUP)
}
