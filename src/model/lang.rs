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
}
