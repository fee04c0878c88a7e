//! The `Product` record every importer yields and every front end shows.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One catalog product, with values cleaned (trimmed, prices parsed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// The merchant's own product id (or the line number when the file has no id column).
    pub id: String,
    /// The product's name as shown to shoppers.
    pub title: String,
    /// Free-text description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Brand, as written in the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Category, possibly a path such as `Men > Shoes > Sneakers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Price in the catalog's currency units (e.g. 1299.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    /// ISO 4217 code such as `USD`, `BRL`, `INR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Colour, as written in the catalog (trimmed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Size or sizes (e.g. `M`, `42`, `S/M/L`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Audience: Men, Women, Unisex, Boys, Girls, Kids... as written in the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Main material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
    /// Average rating, usually 0..=5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<f64>,
    /// Units in stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<i64>,
    /// Product page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Product image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Every other column, by its header as written in the file.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// The canonical fields a CSV column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Product id.
    Id,
    /// Product name.
    Title,
    /// Description.
    Description,
    /// Brand.
    Brand,
    /// Category or category path.
    Category,
    /// Price.
    Price,
    /// Currency code.
    Currency,
    /// Colour.
    Color,
    /// Size.
    Size,
    /// Gender / audience.
    Gender,
    /// Material.
    Material,
    /// Rating.
    Rating,
    /// Stock.
    Stock,
    /// Product page URL.
    Url,
    /// Image URL.
    ImageUrl,
}

impl Field {
    /// Every canonical field, in display order.
    pub const ALL: [Field; 15] = [
        Field::Id,
        Field::Title,
        Field::Description,
        Field::Brand,
        Field::Category,
        Field::Price,
        Field::Currency,
        Field::Color,
        Field::Size,
        Field::Gender,
        Field::Material,
        Field::Rating,
        Field::Stock,
        Field::Url,
        Field::ImageUrl,
    ];

    /// The field's snake_case name, as used by `--map FIELD=COLUMN`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Description => "description",
            Field::Brand => "brand",
            Field::Category => "category",
            Field::Price => "price",
            Field::Currency => "currency",
            Field::Color => "color",
            Field::Size => "size",
            Field::Gender => "gender",
            Field::Material => "material",
            Field::Rating => "rating",
            Field::Stock => "stock",
            Field::Url => "url",
            Field::ImageUrl => "image_url",
        }
    }

    /// Parses a field name as written in `--map` (`image_url`, `image-url`, `imageurl`).
    pub fn from_name(name: &str) -> Option<Field> {
        let key: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Field::ALL
            .into_iter()
            .find(|f| f.name().replace('_', "") == key)
    }
}
