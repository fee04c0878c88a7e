//! How a catalog's product types nest: "Sneakers" and "Running Shoes"
//! are kinds of "Shoes", "T-Shirts" a kind of "Apparel". Learned by the
//! index from which types its products carry together; read by `dialog`
//! so a clarifying question offers one level at a time.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

/// Type value (as shown) -> the narrowest broader type value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TypeTree {
    parents: BTreeMap<String, String>,
}

/// Deeper than any real category tree; bounds a walk up a damaged file.
const MAX_DEPTH: usize = 16;

impl TypeTree {
    /// A tree from (narrower, broader) pairs.
    pub fn from_parents(parents: impl IntoIterator<Item = (String, String)>) -> Self {
        TypeTree {
            parents: parents.into_iter().filter(|(a, b)| a != b).collect(),
        }
    }

    /// True when no type nests in another.
    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    /// Number of types that have a broader one.
    pub fn len(&self) -> usize {
        self.parents.len()
    }

    /// True when some type is narrower than `value` ("Apparel" over
    /// "Dresses").
    pub fn has_narrower(&self, value: &str) -> bool {
        self.parents.values().any(|p| p == value)
    }

    /// The narrowest type `value` is a kind of.
    pub fn parent(&self, value: &str) -> Option<&str> {
        self.parents.get(value).map(String::as_str)
    }

    /// The types `value` is a kind of, narrowest first.
    pub fn ancestors<'a>(&'a self, value: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let mut at = value;
        (0..MAX_DEPTH).map_while(move |_| {
            let up = self.parent(at)?;
            at = up;
            Some(up)
        })
    }

    /// True when `value` is a kind of a type in `among` (lowercase values):
    /// one walk up, whatever the size of `among`.
    pub fn is_under_any(&self, value: &str, among: &HashSet<String>) -> bool {
        self.ancestors(value)
            .any(|a| among.contains(&a.to_lowercase()))
    }

    /// True when `value` is a kind of `broader` (letter case aside).
    pub fn is_under(&self, value: &str, broader: &str) -> bool {
        let want = broader.to_lowercase();
        self.ancestors(value).any(|a| a.to_lowercase() == want)
    }
}

#[cfg(test)]
mod tests {
    use super::TypeTree;

    #[test]
    fn walks_up_the_levels_and_stops_on_a_loop() {
        let tree = TypeTree::from_parents([
            ("Running Shoes".to_string(), "Shoes".to_string()),
            ("Shoes".to_string(), "Footwear".to_string()),
        ]);
        assert_eq!(
            tree.ancestors("Running Shoes").collect::<Vec<_>>(),
            ["Shoes", "Footwear"]
        );
        assert!(tree.is_under("Running Shoes", "footwear"));
        assert!(!tree.is_under("Shoes", "Running Shoes"));
        assert!(!tree.is_under("Footwear", "Footwear"));
        let looped = TypeTree::from_parents([
            ("A".to_string(), "B".to_string()),
            ("B".to_string(), "A".to_string()),
        ]);
        assert_eq!(looped.ancestors("A").count(), 16);
    }
}
