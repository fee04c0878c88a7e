//! How a product type is sized ([`Sizing`]) and the size scales, in US/UK
//! and Brazilian conventions, for adults and kids.

/// How a type is sized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sizing {
    /// XS–XXL (PP–XGG), ages for kids.
    Letters,
    /// Waist 28–38 (Brazil: 36–48), ages for kids.
    Waist,
    /// US 6–12 (Brazil: 34–44), kids' sizes for kids.
    Shoes,
    /// "One Size" / "Tamanho Único".
    OneSize,
    /// No size column value.
    Unsized,
}

pub(crate) const LETTERS_EN: &[&str] = &["XS", "S", "M", "L", "XL", "XXL"];
pub(crate) const LETTERS_PT: &[&str] = &["PP", "P", "M", "G", "GG", "XGG"];
pub(crate) const KID_AGES_EN: &[&str] = &["2-3Y", "4-5Y", "6-7Y", "8-9Y", "10-11Y", "12-13Y"];
pub(crate) const KID_AGES_PT: &[&str] = &["2", "4", "6", "8", "10", "12"];
pub(crate) const WAIST_EN: &[&str] = &["28", "30", "32", "34", "36", "38"];
pub(crate) const WAIST_PT: &[&str] = &["36", "38", "40", "42", "44", "46", "48"];
pub(crate) const SHOES_EN: &[&str] = &["6", "7", "8", "9", "10", "11", "12"];
pub(crate) const SHOES_PT: &[&str] = &[
    "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44",
];
pub(crate) const KID_SHOES_EN: &[&str] = &["11C", "12C", "13C", "1Y", "2Y", "3Y", "4Y"];
pub(crate) const KID_SHOES_PT: &[&str] = &["26", "27", "28", "29", "30", "31", "32", "33"];
