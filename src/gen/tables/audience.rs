//! Who a product is for ([`Audience`]): its words in the `gender` column,
//! the category and the Portuguese title, and the audience mixes a product
//! type draws from.

/// Who a product is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    Men,
    Women,
    Unisex,
    Boys,
    Girls,
}

impl Audience {
    /// The `gender` column in English.
    pub(crate) fn en(self) -> &'static str {
        match self {
            Audience::Men => "Men",
            Audience::Women => "Women",
            Audience::Unisex => "Unisex",
            Audience::Boys => "Boys",
            Audience::Girls => "Girls",
        }
    }

    /// The first category segment in English.
    pub(crate) fn en_department(self) -> &'static str {
        match self {
            Audience::Boys | Audience::Girls => "Kids",
            other => other.en(),
        }
    }

    /// The `gênero` column in Portuguese.
    pub(crate) fn pt(self) -> &'static str {
        match self {
            Audience::Men => "Masculino",
            Audience::Women => "Feminino",
            Audience::Unisex => "Unissex",
            Audience::Boys => "Menino",
            Audience::Girls => "Menina",
        }
    }

    /// The word in a Portuguese title, agreeing with the noun.
    pub(crate) fn pt_title(self, feminine: bool) -> &'static str {
        match (self, feminine) {
            (Audience::Men, false) => "Masculino",
            (Audience::Men, true) => "Masculina",
            (Audience::Women, false) => "Feminino",
            (Audience::Women, true) => "Feminina",
            (Audience::Unisex, _) => "Unissex",
            (Audience::Boys, _) => "Infantil Menino",
            (Audience::Girls, _) => "Infantil Menina",
        }
    }

    /// The first category segment in Portuguese.
    pub(crate) fn pt_department(self) -> &'static str {
        match self {
            Audience::Boys | Audience::Girls => "Infantil",
            other => other.pt(),
        }
    }

    pub(crate) fn is_kid(self) -> bool {
        matches!(self, Audience::Boys | Audience::Girls)
    }
}

/// Audience mixes with weights.
pub(super) type Audiences = &'static [(Audience, f64)];
pub(super) const ALL_AUD: Audiences = &[
    (Audience::Men, 40.0),
    (Audience::Women, 40.0),
    (Audience::Unisex, 5.0),
    (Audience::Boys, 8.0),
    (Audience::Girls, 7.0),
];
pub(super) const ADULTS: Audiences = &[
    (Audience::Men, 45.0),
    (Audience::Women, 45.0),
    (Audience::Unisex, 10.0),
];
pub(super) const MEN_WOMEN: Audiences = &[(Audience::Men, 50.0), (Audience::Women, 50.0)];
pub(super) const WOMEN_GIRLS: Audiences = &[(Audience::Women, 85.0), (Audience::Girls, 15.0)];
pub(super) const WOMEN: Audiences = &[(Audience::Women, 1.0)];
pub(super) const MOSTLY_WOMEN: Audiences = &[
    (Audience::Women, 70.0),
    (Audience::Men, 15.0),
    (Audience::Unisex, 15.0),
];
pub(super) const UNISEX: Audiences = &[
    (Audience::Unisex, 70.0),
    (Audience::Men, 15.0),
    (Audience::Women, 15.0),
];
pub(super) const NONE: Audiences = &[];
