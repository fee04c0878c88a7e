//! The product types ([`TYPES`]): title nouns and category leaves in both
//! languages, department, frequency, price model, audiences, sizing,
//! descriptors and materials.

use super::attributes::*;
use super::audience::*;
use super::department::Group;
use super::sizes::Sizing;

/// One product type.
#[derive(Debug)]
pub(crate) struct ProductType {
    /// Title noun in English ("Casual Shirt" reads as descriptor + noun).
    pub en: &'static str,
    /// Category leaf in English.
    pub en_plural: &'static str,
    /// Title noun in Portuguese.
    pub pt: &'static str,
    /// Category leaf in Portuguese.
    pub pt_plural: &'static str,
    /// Whether the Portuguese noun is feminine (for agreement).
    pub pt_feminine: bool,
    pub group: Group,
    /// Middle category segment for electronics and home ("Audio", "Kitchen").
    pub sub: Option<(&'static str, &'static str)>,
    /// Relative frequency in a catalog.
    pub weight: f64,
    /// Median price in USD and the log-normal spread.
    pub median_usd: f64,
    pub sigma: f64,
    pub audiences: Audiences,
    pub sizing: Sizing,
    pub descriptors: &'static [Word],
    pub materials: &'static [Material],
}

macro_rules! t {
    ($en:expr, $enp:expr, $pt:expr, $ptp:expr, $fem:expr, $group:ident, $sub:expr, $w:expr, $med:expr, $sig:expr, $aud:expr, $size:ident, $desc:expr, $mat:expr) => {
        ProductType {
            en: $en,
            en_plural: $enp,
            pt: $pt,
            pt_plural: $ptp,
            pt_feminine: $fem,
            group: Group::$group,
            sub: $sub,
            weight: $w,
            median_usd: $med,
            sigma: $sig,
            audiences: $aud,
            sizing: Sizing::$size,
            descriptors: $desc,
            materials: $mat,
        }
    };
}

const AUDIO: Option<(&str, &str)> = Some(("Audio", "Áudio"));
const MOBILE: Option<(&str, &str)> = Some(("Mobile Accessories", "Acessórios para Celular"));
const COMPUTER: Option<(&str, &str)> = Some(("Computer Accessories", "Informática"));
const WEARABLE: Option<(&str, &str)> = Some(("Wearables", "Vestíveis"));
const KITCHEN: Option<(&str, &str)> = Some(("Kitchen", "Cozinha"));
const DECOR: Option<(&str, &str)> = Some(("Decor", "Decoração"));
const BED_BATH: Option<(&str, &str)> = Some(("Bed & Bath", "Cama e Banho"));
const LIGHTING: Option<(&str, &str)> = Some(("Lighting", "Iluminação"));

/// The ~60 product types.
#[rustfmt::skip]
pub(crate) const TYPES: &[ProductType] = &[
    t!("T-Shirt", "T-Shirts", "Camiseta", "Camisetas", true, Apparel, None, 14.0, 18.0, 0.5, ALL_AUD, Letters, TOPS, M_TOPS),
    t!("Polo Shirt", "Polo Shirts", "Camisa Polo", "Camisas Polo", true, Apparel, None, 4.0, 28.0, 0.45, ADULTS, Letters, TOPS, M_TOPS),
    t!("Casual Shirt", "Shirts", "Camisa", "Camisas", true, Apparel, None, 8.0, 32.0, 0.5, ALL_AUD, Letters, TOPS, M_TOPS),
    t!("Formal Shirt", "Shirts", "Camisa Social", "Camisas", true, Apparel, None, 3.0, 40.0, 0.45, MEN_WOMEN, Letters, TOPS, M_TOPS),
    t!("Top", "Tops", "Blusa", "Blusas", true, Apparel, None, 6.0, 22.0, 0.5, WOMEN_GIRLS, Letters, TOPS, M_TOPS),
    t!("Tank Top", "Tops", "Regata", "Regatas", true, Apparel, None, 2.0, 15.0, 0.45, ADULTS, Letters, TOPS, M_TOPS),
    t!("Jeans", "Jeans", "Calça Jeans", "Calças", true, Apparel, None, 8.0, 45.0, 0.5, ALL_AUD, Waist, BOTTOMS, M_DENIM),
    t!("Trousers", "Trousers", "Calça", "Calças", true, Apparel, None, 5.0, 40.0, 0.5, ADULTS, Waist, BOTTOMS, M_BOTTOMS),
    t!("Chinos", "Trousers", "Calça Chino", "Calças", true, Apparel, None, 3.0, 42.0, 0.4, MEN_WOMEN, Waist, BOTTOMS, M_BOTTOMS),
    t!("Joggers", "Track Pants", "Calça Jogger", "Calças", true, Apparel, None, 4.0, 30.0, 0.45, ALL_AUD, Letters, BOTTOMS, M_SPORT),
    t!("Shorts", "Shorts", "Bermuda", "Bermudas", true, Apparel, None, 5.0, 22.0, 0.5, ALL_AUD, Letters, BOTTOMS, M_BOTTOMS),
    t!("Leggings", "Leggings", "Legging", "Leggings", true, Apparel, None, 3.0, 25.0, 0.5, WOMEN_GIRLS, Letters, BOTTOMS, M_SPORT),
    t!("Dress", "Dresses", "Vestido", "Vestidos", false, Apparel, None, 7.0, 45.0, 0.6, WOMEN_GIRLS, Letters, DRESSES, M_DRESSES),
    t!("Skirt", "Skirts", "Saia", "Saias", true, Apparel, None, 3.0, 32.0, 0.5, WOMEN_GIRLS, Letters, DRESSES, M_DRESSES),
    t!("Jacket", "Jackets", "Jaqueta", "Jaquetas", true, Apparel, None, 5.0, 75.0, 0.6, ALL_AUD, Letters, OUTER, M_OUTER),
    t!("Blazer", "Blazers", "Blazer", "Blazers", false, Apparel, None, 2.0, 90.0, 0.5, MEN_WOMEN, Letters, OUTER, M_OUTER),
    t!("Coat", "Coats", "Casaco", "Casacos", false, Apparel, None, 2.0, 120.0, 0.55, ADULTS, Letters, OUTER, M_OUTER),
    t!("Hoodie", "Hoodies", "Moletom com Capuz", "Moletons", false, Apparel, None, 5.0, 40.0, 0.5, ALL_AUD, Letters, OUTER, M_KNIT),
    t!("Sweatshirt", "Sweatshirts", "Moletom", "Moletons", false, Apparel, None, 4.0, 35.0, 0.5, ALL_AUD, Letters, TOPS, M_KNIT),
    t!("Sweater", "Sweaters", "Suéter", "Suéteres", false, Apparel, None, 4.0, 48.0, 0.55, ALL_AUD, Letters, TOPS, M_KNIT),
    t!("Cardigan", "Sweaters", "Cardigã", "Cardigãs", false, Apparel, None, 2.0, 45.0, 0.5, WOMEN_GIRLS, Letters, TOPS, M_KNIT),
    t!("Swimsuit", "Swimwear", "Maiô", "Moda Praia", false, Apparel, None, 2.0, 35.0, 0.5, WOMEN_GIRLS, Letters, DRESSES, M_SPORT),
    t!("Pyjama Set", "Nightwear", "Pijama", "Pijamas", false, Apparel, None, 2.0, 30.0, 0.45, ALL_AUD, Letters, TOPS, M_TOPS),
    t!("Socks", "Socks", "Meia", "Meias", true, Apparel, None, 3.0, 9.0, 0.5, ALL_AUD, OneSize, TOPS, M_TOPS),
    t!("Sneakers", "Sneakers", "Tênis", "Tênis", false, Footwear, None, 9.0, 70.0, 0.55, ALL_AUD, Shoes, SHOES, M_SHOES),
    t!("Running Shoes", "Sports Shoes", "Tênis de Corrida", "Tênis", false, Footwear, None, 5.0, 90.0, 0.5, ALL_AUD, Shoes, SHOES, M_SHOES),
    t!("Boots", "Boots", "Bota", "Botas", true, Footwear, None, 3.0, 110.0, 0.5, ADULTS, Shoes, SHOES, M_SHOES),
    t!("Sandals", "Sandals", "Sandália", "Sandálias", true, Footwear, None, 4.0, 35.0, 0.6, ALL_AUD, Shoes, SHOES, M_SANDALS),
    t!("Flip Flops", "Flip Flops", "Chinelo", "Chinelos", false, Footwear, None, 3.0, 15.0, 0.5, ALL_AUD, Shoes, SHOES, M_SANDALS),
    t!("Loafers", "Casual Shoes", "Mocassim", "Mocassins", false, Footwear, None, 2.0, 80.0, 0.45, MEN_WOMEN, Shoes, SHOES, M_SHOES),
    t!("Heels", "Heels", "Scarpin", "Saltos", false, Footwear, None, 3.0, 65.0, 0.5, WOMEN, Shoes, SHOES, M_SHOES),
    t!("Flats", "Flats", "Sapatilha", "Sapatilhas", true, Footwear, None, 2.0, 40.0, 0.45, WOMEN_GIRLS, Shoes, SHOES, M_SHOES),
    t!("Formal Shoes", "Formal Shoes", "Sapato Social", "Sapatos", false, Footwear, None, 2.0, 95.0, 0.45, MEN_WOMEN, Shoes, SHOES, M_SHOES),
    t!("Backpack", "Backpacks", "Mochila", "Mochilas", true, Bags, None, 4.0, 45.0, 0.55, UNISEX, Unsized, BAGS, M_BAGS),
    t!("Handbag", "Handbags", "Bolsa", "Bolsas", true, Bags, None, 4.0, 70.0, 0.7, WOMEN, Unsized, BAGS, M_BAGS),
    t!("Tote Bag", "Totes", "Bolsa Tote", "Bolsas", true, Bags, None, 2.0, 40.0, 0.55, MOSTLY_WOMEN, Unsized, BAGS, M_BAGS),
    t!("Sling Bag", "Sling Bags", "Bolsa Transversal", "Bolsas", true, Bags, None, 2.0, 35.0, 0.55, MOSTLY_WOMEN, Unsized, BAGS, M_BAGS),
    t!("Wallet", "Wallets", "Carteira", "Carteiras", true, Bags, None, 4.0, 30.0, 0.55, MEN_WOMEN, Unsized, BAGS, M_BAGS),
    t!("Duffle Bag", "Travel Bags", "Bolsa de Viagem", "Malas e Bolsas de Viagem", true, Bags, None, 1.5, 60.0, 0.5, UNISEX, Unsized, BAGS, M_BAGS),
    t!("Laptop Bag", "Laptop Bags", "Pasta para Notebook", "Pastas", true, Bags, None, 1.5, 50.0, 0.45, UNISEX, Unsized, BAGS, M_BAGS),
    t!("Watch", "Watches", "Relógio", "Relógios", false, Accessories, None, 4.0, 90.0, 0.8, ADULTS, Unsized, ACCESSORIES, M_METAL),
    t!("Sunglasses", "Sunglasses", "Óculos de Sol", "Óculos", false, Accessories, None, 3.0, 60.0, 0.8, ADULTS, Unsized, ACCESSORIES, M_EYEWEAR),
    t!("Belt", "Belts", "Cinto", "Cintos", false, Accessories, None, 2.0, 28.0, 0.45, MEN_WOMEN, Waist, ACCESSORIES, M_WEAR),
    t!("Cap", "Caps", "Boné", "Bonés", false, Accessories, None, 2.0, 20.0, 0.45, UNISEX, OneSize, ACCESSORIES, M_WEAR),
    t!("Scarf", "Scarves", "Cachecol", "Cachecóis", false, Accessories, None, 1.5, 25.0, 0.5, MOSTLY_WOMEN, OneSize, ACCESSORIES, M_WEAR),
    t!("Headphones", "Headphones", "Fone de Ouvido", "Fones de Ouvido", false, Electronics, AUDIO, 3.0, 80.0, 0.8, NONE, Unsized, GADGETS, M_GADGET),
    t!("Earbuds", "Earbuds", "Fone de Ouvido sem Fio", "Fones de Ouvido", false, Electronics, AUDIO, 3.0, 60.0, 0.8, NONE, Unsized, GADGETS, M_GADGET),
    t!("Bluetooth Speaker", "Speakers", "Caixa de Som", "Caixas de Som", true, Electronics, AUDIO, 2.0, 70.0, 0.7, NONE, Unsized, GADGETS, M_GADGET),
    t!("Smartwatch", "Smartwatches", "Smartwatch", "Smartwatches", false, Electronics, WEARABLE, 2.0, 120.0, 0.7, NONE, Unsized, GADGETS, M_GADGET),
    t!("Wall Charger", "Chargers", "Carregador", "Carregadores", false, Electronics, MOBILE, 2.0, 22.0, 0.5, NONE, Unsized, GADGETS, M_GADGET),
    t!("Power Bank", "Power Banks", "Carregador Portátil", "Carregadores", false, Electronics, MOBILE, 2.0, 30.0, 0.5, NONE, Unsized, GADGETS, M_GADGET),
    t!("Phone Case", "Phone Cases", "Capinha de Celular", "Capinhas", true, Electronics, MOBILE, 3.0, 14.0, 0.5, NONE, Unsized, GADGETS, M_GADGET),
    t!("USB-C Cable", "Cables", "Cabo USB-C", "Cabos", false, Electronics, MOBILE, 2.0, 12.0, 0.45, NONE, Unsized, GADGETS, M_GADGET),
    t!("Keyboard", "Keyboards", "Teclado", "Teclados", false, Electronics, COMPUTER, 1.5, 60.0, 0.6, NONE, Unsized, GADGETS, M_GADGET),
    t!("Mouse", "Mice", "Mouse", "Mouses", false, Electronics, COMPUTER, 1.5, 30.0, 0.6, NONE, Unsized, GADGETS, M_GADGET),
    t!("Coffee Mug", "Mugs", "Caneca", "Canecas", true, Home, KITCHEN, 2.5, 14.0, 0.5, NONE, Unsized, HOMEWARE, M_KITCHEN),
    t!("Water Bottle", "Bottles", "Garrafa Térmica", "Garrafas", true, Home, KITCHEN, 2.0, 22.0, 0.5, NONE, Unsized, HOMEWARE, M_KITCHEN),
    t!("Table Lamp", "Lamps", "Luminária de Mesa", "Luminárias", true, Home, LIGHTING, 1.5, 45.0, 0.55, NONE, Unsized, HOMEWARE, M_DECOR),
    t!("Cushion Cover", "Cushions", "Capa de Almofada", "Almofadas", true, Home, DECOR, 2.0, 14.0, 0.5, NONE, Unsized, HOMEWARE, M_TEXTILE),
    t!("Throw Blanket", "Throws", "Manta", "Mantas", true, Home, DECOR, 1.5, 40.0, 0.5, NONE, Unsized, HOMEWARE, M_TEXTILE),
    t!("Scented Candle", "Candles", "Vela Aromática", "Velas", true, Home, DECOR, 1.5, 20.0, 0.5, NONE, Unsized, HOMEWARE, M_WAX),
    t!("Wall Clock", "Clocks", "Relógio de Parede", "Relógios de Parede", false, Home, DECOR, 1.0, 30.0, 0.5, NONE, Unsized, HOMEWARE, M_DECOR),
    t!("Bath Towel", "Towels", "Toalha de Banho", "Toalhas", true, Home, BED_BATH, 2.0, 20.0, 0.45, NONE, Unsized, HOMEWARE, M_TEXTILE),
    t!("Bedsheet Set", "Bedsheets", "Jogo de Lençol", "Lençóis", false, Home, BED_BATH, 2.0, 45.0, 0.5, NONE, Unsized, HOMEWARE, M_TEXTILE),
    t!("Curtain", "Curtains", "Cortina", "Cortinas", true, Home, DECOR, 1.0, 35.0, 0.5, NONE, Unsized, HOMEWARE, M_TEXTILE),
];
