//! The languages Vitrine speaks.

use serde::{Deserialize, Serialize};

/// A language of shoppers, replies and catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Brazilian Portuguese.
    Pt,
}

impl Lang {
    /// Every language, in the order data files are read.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Pt];

    /// `en` or `pt`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pt => "pt",
        }
    }

    /// The language of a BCP 47 tag by its primary subtag, any case
    /// (`pt`, `pt-BR`, `en_US`); `None` for a language not spoken here.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_tag() {
        assert_eq!(Lang::from_tag("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_tag("PT"), Some(Lang::Pt));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_tag(" en "), Some(Lang::En));
        assert_eq!(Lang::from_tag("es-AR"), None);
        assert_eq!(Lang::from_tag("english"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
