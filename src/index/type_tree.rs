//! Learns how the catalog's product types nest from the types each
//! product carries together: when nearly every product of one type also
//! has a broader one ("Running Shoes" and "Shoes"; "T-Shirts" and
//! "Apparel" from `Men > Apparel > T-Shirts`), the first is a kind of the
//! second. Counts type keys only; depends on `model` and nothing else.

use rustc_hash::FxHashMap;

use crate::model::TypeTree;

/// Share of a type's products that must also carry the broader one.
const NESTED_SHARE: (u64, u64) = (9, 10);

/// Types per product looked at (a product with more is a damaged row).
const MAX_TYPES: usize = 8;

/// Products per type and per pair of types, by type key.
#[derive(Default)]
pub struct TypesTogether {
    ids: FxHashMap<String, u32>,
    keys: Vec<String>,
    counts: Vec<u64>,
    /// (lower id, higher id) -> products with both, and how many of them
    /// list the lower id first (paths go from broad to narrow).
    pairs: FxHashMap<(u32, u32), (u64, u64)>,
    scratch: Vec<u32>,
}

impl TypesTogether {
    /// Counts one product's distinct type keys, broadest first (as its
    /// category path lists them).
    pub fn add<'k>(&mut self, keys: impl Iterator<Item = &'k str>) {
        self.scratch.clear();
        for key in keys.take(MAX_TYPES) {
            let id = match self.ids.get(key) {
                Some(&id) => id,
                None => {
                    let id = self.keys.len() as u32;
                    self.ids.insert(key.to_string(), id);
                    self.keys.push(key.to_string());
                    self.counts.push(0);
                    id
                }
            };
            if self.scratch.contains(&id) {
                continue;
            }
            self.counts[id as usize] += 1;
            for &earlier in &self.scratch {
                let pair = self
                    .pairs
                    .entry((id.min(earlier), id.max(earlier)))
                    .or_default();
                pair.0 += 1;
                pair.1 += u64::from(earlier < id);
            }
            self.scratch.push(id);
        }
    }

    /// The nesting learned, each type under the narrowest type that nearly
    /// all its products also carry; values shown as `display` spells the key.
    pub fn tree(&self, display: impl Fn(&str) -> Option<String>) -> TypeTree {
        // narrower id -> (broader id, its products)
        let mut parent: FxHashMap<u32, (u32, u64)> = FxHashMap::default();
        for (&(a, b), &(both, a_first)) in &self.pairs {
            let b_first = both - a_first;
            for (narrow, broad, broad_first) in
                [(a, b, b_first > a_first), (b, a, a_first > b_first)]
            {
                if !self.is_broader(broad, narrow, both, broad_first) {
                    continue;
                }
                let broad_count = self.counts[broad as usize];
                let narrower_than = |(id, n): &(u32, u64)| {
                    broad_count < *n
                        || (broad_count == *n
                            && self.keys[broad as usize] > self.keys[*id as usize])
                };
                match parent.get(&narrow) {
                    Some(current) if !narrower_than(current) => {}
                    _ => {
                        parent.insert(narrow, (broad, broad_count));
                    }
                }
            }
        }
        TypeTree::from_parents(parent.into_iter().filter_map(|(narrow, (broad, _))| {
            Some((
                display(&self.keys[narrow as usize])?,
                display(&self.keys[broad as usize])?,
            ))
        }))
    }

    /// True when nearly every product of `narrow` also has `broad`, and
    /// `broad` covers more products (or as many, and comes first).
    fn is_broader(&self, broad: u32, narrow: u32, both: u64, broad_first: bool) -> bool {
        let (nb, nn) = (self.counts[broad as usize], self.counts[narrow as usize]);
        let (share, of) = NESTED_SHARE;
        both * of >= nn * share && (nb > nn || (nb == nn && broad_first))
    }
}

#[cfg(test)]
mod tests {
    use super::TypesTogether;

    fn tree(products: &[&[&str]]) -> crate::model::TypeTree {
        let mut t = TypesTogether::default();
        for p in products {
            t.add(p.iter().copied());
        }
        t.tree(|k| Some(k.to_string()))
    }

    #[test]
    fn a_type_nests_in_the_narrowest_type_its_products_share() {
        let t = tree(&[
            &["footwear", "shoe", "running shoe"],
            &["footwear", "shoe", "running shoe"],
            &["footwear", "shoe", "sneaker"],
            &["footwear", "sandal"],
            &["apparel", "t shirt"],
            &["apparel", "t shirt"],
            &["apparel", "jacket"],
        ]);
        assert_eq!(t.parent("running shoe"), Some("shoe"));
        assert_eq!(t.parent("sneaker"), Some("shoe"));
        assert_eq!(t.parent("shoe"), Some("footwear"));
        assert_eq!(t.parent("sandal"), Some("footwear"));
        assert_eq!(t.parent("t shirt"), Some("apparel"));
        assert_eq!(t.parent("footwear"), None);
        assert_eq!(t.parent("apparel"), None);
    }

    #[test]
    fn types_that_merely_meet_do_not_nest() {
        // Half the bags are backpacks: a bag is not a kind of backpack,
        // and a backpack sold alone half the time is not a kind of bag.
        let t = tree(&[
            &["bag", "backpack"],
            &["bag"],
            &["backpack"],
            &["gift", "bag"],
            &["gift"],
        ]);
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn types_always_together_nest_as_their_paths_list_them() {
        let t = tree(&[&["kitchen", "mug"], &["kitchen", "mug"]]);
        assert_eq!(t.parent("mug"), Some("kitchen"));
        assert_eq!(t.parent("kitchen"), None);
    }
}
