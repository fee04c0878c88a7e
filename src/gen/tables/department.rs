//! Store departments ([`Group`]): how many brands each has, its well-known
//! brand names, the suffixes and syllables generated brand names are made
//! of, and its category root.

/// A store department: decides the category root, the brand pool and the
/// description sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    Apparel,
    Footwear,
    Bags,
    Accessories,
    Electronics,
    Home,
}

impl Group {
    pub(crate) const ALL: [Group; 6] = [
        Group::Apparel,
        Group::Footwear,
        Group::Bags,
        Group::Accessories,
        Group::Electronics,
        Group::Home,
    ];

    /// How many brands of the catalog's few hundred sell in this department.
    pub(crate) fn brand_count(self) -> usize {
        match self {
            Group::Apparel => 110,
            Group::Footwear => 50,
            Group::Bags => 30,
            Group::Accessories => 30,
            Group::Electronics => 45,
            Group::Home => 35,
        }
    }

    /// Well-known brands of the department (mixed with generated ones).
    pub(crate) fn real_brands(self) -> &'static [&'static str] {
        match self {
            Group::Apparel => &[
                "Nike",
                "Adidas",
                "Puma",
                "Levi's",
                "H&M",
                "Zara",
                "Uniqlo",
                "Mango",
                "Tommy Hilfiger",
                "Calvin Klein",
                "U.S. Polo Assn.",
                "Pepe Jeans",
                "Hering",
                "Reserva",
                "Osklen",
                "Malwee",
                "Roadster",
                "Gap",
                "Champion",
                "The North Face",
            ],
            Group::Footwear => &[
                "Nike",
                "Adidas",
                "New Balance",
                "Skechers",
                "Asics",
                "Mizuno",
                "Olympikus",
                "Havaianas",
                "Vans",
                "Converse",
                "Clarks",
                "Bata",
            ],
            Group::Bags => &[
                "Samsonite",
                "American Tourister",
                "JanSport",
                "Wildcraft",
                "Herschel",
                "Michael Kors",
            ],
            Group::Accessories => &["Fossil", "Casio", "Ray-Ban", "Titan", "Technos", "Timex"],
            Group::Electronics => &[
                "Sony",
                "JBL",
                "boAt",
                "Samsung",
                "Xiaomi",
                "Anker",
                "Logitech",
                "Philips",
                "Bose",
                "Multilaser",
            ],
            Group::Home => &["IKEA", "Tramontina", "Tok&Stok", "Oxford", "Home Centre"],
        }
    }

    /// Second words some generated brands carry ("Velora Home").
    pub(crate) fn brand_suffixes(self) -> &'static [&'static str] {
        match self {
            Group::Apparel => &["Clothing", "Apparel", "Studio", "Denim", "& Co."],
            Group::Footwear => &["Footwear", "Shoes", "Walk"],
            Group::Bags => &["Bags", "Leather", "Travel"],
            Group::Accessories => &["Time", "Eyewear", "Atelier"],
            Group::Electronics => &["Audio", "Tech", "Labs", "Electronics"],
            Group::Home => &["Home", "Living", "Ceramics", "Casa"],
        }
    }

    /// Category path segment after the audience: (English, Portuguese).
    pub(crate) fn section(self) -> (&'static str, &'static str) {
        match self {
            Group::Apparel => ("Clothing", "Roupas"),
            Group::Footwear => ("Footwear", "Calçados"),
            Group::Bags => ("Bags", "Bolsas"),
            Group::Accessories => ("Accessories", "Acessórios"),
            Group::Electronics => ("Electronics", "Eletrônicos"),
            Group::Home => ("Home", "Casa"),
        }
    }
}

/// Syllables for pronounceable generated brand names.
pub(crate) const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr",
    "fl", "gr", "kl", "pr", "st", "tr", "sh", "ch", "j", "h",
];
pub(crate) const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "o", "ai", "ea", "io", "ou", "y",
];
pub(crate) const CODAS: &[&str] = &[
    "", "", "", "", "n", "r", "s", "l", "x", "m", "nd", "rk", "st",
];
