//! The word tables the catalog generator draws from: product types,
//! colours, audiences, descriptors, materials, real brands, brand-name
//! syllables and description sentences, each in English and Portuguese.
//!
//! Data only; the sampling lives in `gen/mod.rs`.

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
type Audiences = &'static [(Audience, f64)];
const ALL_AUD: Audiences = &[
    (Audience::Men, 40.0),
    (Audience::Women, 40.0),
    (Audience::Unisex, 5.0),
    (Audience::Boys, 8.0),
    (Audience::Girls, 7.0),
];
const ADULTS: Audiences = &[
    (Audience::Men, 45.0),
    (Audience::Women, 45.0),
    (Audience::Unisex, 10.0),
];
const MEN_WOMEN: Audiences = &[(Audience::Men, 50.0), (Audience::Women, 50.0)];
const WOMEN_GIRLS: Audiences = &[(Audience::Women, 85.0), (Audience::Girls, 15.0)];
const WOMEN: Audiences = &[(Audience::Women, 1.0)];
const MOSTLY_WOMEN: Audiences = &[
    (Audience::Women, 70.0),
    (Audience::Men, 15.0),
    (Audience::Unisex, 15.0),
];
const UNISEX: Audiences = &[
    (Audience::Unisex, 70.0),
    (Audience::Men, 15.0),
    (Audience::Women, 15.0),
];
const NONE: Audiences = &[];

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

/// A word in English and Portuguese (masculine, feminine forms).
pub(crate) type Word = (&'static str, &'static str, &'static str);
/// A material in English and Portuguese.
pub(crate) type Material = (&'static str, &'static str);

/// Colours with their frequency weight.
pub(crate) const COLOURS: &[(Word, f64)] = &[
    (("Black", "Preto", "Preta"), 18.0),
    (("White", "Branco", "Branca"), 12.0),
    (("Navy", "Azul Marinho", "Azul Marinho"), 8.0),
    (("Blue", "Azul", "Azul"), 9.0),
    (("Grey", "Cinza", "Cinza"), 8.0),
    (("Red", "Vermelho", "Vermelha"), 6.0),
    (("Green", "Verde", "Verde"), 6.0),
    (("Olive", "Verde Oliva", "Verde Oliva"), 3.0),
    (("Beige", "Bege", "Bege"), 5.0),
    (("Brown", "Marrom", "Marrom"), 4.0),
    (("Pink", "Rosa", "Rosa"), 5.0),
    (("Yellow", "Amarelo", "Amarela"), 3.0),
    (("Purple", "Roxo", "Roxa"), 2.0),
    (("Orange", "Laranja", "Laranja"), 2.0),
    (("Maroon", "Vinho", "Vinho"), 2.0),
    (("Silver", "Prata", "Prata"), 2.0),
    (("Gold", "Dourado", "Dourada"), 1.0),
    (("Teal", "Azul Petróleo", "Azul Petróleo"), 1.0),
    (("Multicolour", "Multicolorido", "Multicolorida"), 2.0),
];

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

const TOPS: &[Word] = &[
    ("Slim Fit", "Slim", "Slim"),
    ("Regular Fit", "Regular", "Regular"),
    ("Printed", "Estampado", "Estampada"),
    ("Striped", "Listrado", "Listrada"),
    ("Solid", "Liso", "Lisa"),
    ("Oversized", "Oversized", "Oversized"),
    ("Casual", "Casual", "Casual"),
    ("Round Neck", "Gola Careca", "Gola Careca"),
    ("V-Neck", "Gola V", "Gola V"),
    ("Textured", "Texturizado", "Texturizada"),
    ("Checked", "Xadrez", "Xadrez"),
    ("Embroidered", "Bordado", "Bordada"),
];
const BOTTOMS: &[Word] = &[
    ("Slim Fit", "Slim", "Slim"),
    ("Skinny Fit", "Skinny", "Skinny"),
    ("Straight Fit", "Reta", "Reta"),
    ("Relaxed Fit", "Relaxed", "Relaxed"),
    ("Mid-Rise", "Cintura Média", "Cintura Média"),
    ("High-Rise", "Cintura Alta", "Cintura Alta"),
    ("Stretchable", "com Elastano", "com Elastano"),
    ("Cropped", "Cropped", "Cropped"),
    ("Distressed", "Destroyed", "Destroyed"),
    ("Cargo", "Cargo", "Cargo"),
];
const DRESSES: &[Word] = &[
    ("Floral", "Floral", "Floral"),
    ("A-Line", "Evasê", "Evasê"),
    ("Midi", "Midi", "Midi"),
    ("Maxi", "Longo", "Longa"),
    ("Bodycon", "Justo", "Justa"),
    ("Wrap", "Transpassado", "Transpassada"),
    ("Pleated", "Plissado", "Plissada"),
    ("Tiered", "em Camadas", "em Camadas"),
    ("Printed", "Estampado", "Estampada"),
];
const OUTER: &[Word] = &[
    ("Padded", "Acolchoado", "Acolchoada"),
    ("Hooded", "com Capuz", "com Capuz"),
    ("Lightweight", "Leve", "Leve"),
    ("Quilted", "Matelassê", "Matelassê"),
    ("Water-Resistant", "Impermeável", "Impermeável"),
    ("Fleece", "de Fleece", "de Fleece"),
    ("Zip-Up", "com Zíper", "com Zíper"),
    ("Solid", "Liso", "Lisa"),
];
const SHOES: &[Word] = &[
    ("Lace-Up", "de Amarrar", "de Amarrar"),
    ("Slip-On", "Slip-On", "Slip-On"),
    ("Lightweight", "Leve", "Leve"),
    ("Cushioned", "com Amortecimento", "com Amortecimento"),
    ("Chunky", "Chunky", "Chunky"),
    ("Low-Top", "Cano Baixo", "Cano Baixo"),
    ("High-Top", "Cano Alto", "Cano Alto"),
    ("Colourblocked", "Color Block", "Color Block"),
    ("Textured", "Texturizado", "Texturizada"),
];
const BAGS: &[Word] = &[
    ("Solid", "Liso", "Lisa"),
    ("Textured", "Texturizado", "Texturizada"),
    ("Quilted", "Matelassê", "Matelassê"),
    ("Structured", "Estruturado", "Estruturada"),
    ("Water-Resistant", "Impermeável", "Impermeável"),
    ("Mini", "Mini", "Mini"),
    ("Large", "Grande", "Grande"),
];
const ACCESSORIES: &[Word] = &[
    ("Classic", "Clássico", "Clássica"),
    ("Analogue", "Analógico", "Analógica"),
    ("Polarised", "Polarizado", "Polarizada"),
    ("Adjustable", "Ajustável", "Ajustável"),
    ("Minimalist", "Minimalista", "Minimalista"),
    ("Textured", "Texturizado", "Texturizada"),
];
const GADGETS: &[Word] = &[
    ("Wireless", "sem Fio", "sem Fio"),
    ("Bluetooth", "Bluetooth", "Bluetooth"),
    (
        "Noise Cancelling",
        "com Cancelamento de Ruído",
        "com Cancelamento de Ruído",
    ),
    ("Fast Charging", "Turbo", "Turbo"),
    ("Portable", "Portátil", "Portátil"),
    ("Ergonomic", "Ergonômico", "Ergonômica"),
    ("RGB", "RGB", "RGB"),
    ("Waterproof", "à Prova d'Água", "à Prova d'Água"),
    ("Compact", "Compacto", "Compacta"),
];
const HOMEWARE: &[Word] = &[
    ("Handcrafted", "Artesanal", "Artesanal"),
    ("Minimalist", "Minimalista", "Minimalista"),
    ("Printed", "Estampado", "Estampada"),
    ("Set of 2", "Kit com 2", "Kit com 2"),
    ("Soft", "Macio", "Macia"),
    ("Modern", "Moderno", "Moderna"),
    ("Vintage", "Vintage", "Vintage"),
    ("Textured", "Texturizado", "Texturizada"),
];

const M_TOPS: &[Material] = &[
    ("Cotton", "Algodão"),
    ("Cotton Blend", "Algodão Misto"),
    ("Polyester", "Poliéster"),
    ("Linen", "Linho"),
    ("Viscose", "Viscose"),
];
const M_BOTTOMS: &[Material] = &[
    ("Denim", "Jeans"),
    ("Cotton", "Algodão"),
    ("Twill", "Sarja"),
    ("Polyester", "Poliéster"),
    ("Linen", "Linho"),
];
const M_DENIM: &[Material] = &[("Denim", "Jeans")];
const M_DRESSES: &[Material] = &[
    ("Viscose", "Viscose"),
    ("Polyester", "Poliéster"),
    ("Cotton", "Algodão"),
    ("Crepe", "Crepe"),
    ("Chiffon", "Chiffon"),
];
const M_OUTER: &[Material] = &[
    ("Polyester", "Poliéster"),
    ("Nylon", "Nylon"),
    ("Wool Blend", "Lã Mista"),
    ("Fleece", "Fleece"),
    ("Leather", "Couro"),
    ("Faux Leather", "Couro Sintético"),
    ("Denim", "Jeans"),
];
const M_KNIT: &[Material] = &[
    ("Wool", "Lã"),
    ("Acrylic", "Acrílico"),
    ("Cotton", "Algodão"),
];
const M_SPORT: &[Material] = &[
    ("Polyester", "Poliéster"),
    ("Nylon", "Nylon"),
    ("Elastane", "Elastano"),
];
const M_SHOES: &[Material] = &[
    ("Leather", "Couro"),
    ("Suede", "Camurça"),
    ("Mesh", "Tecido"),
    ("Canvas", "Lona"),
    ("Synthetic", "Sintético"),
];
const M_SANDALS: &[Material] = &[
    ("Rubber", "Borracha"),
    ("EVA", "EVA"),
    ("Leather", "Couro"),
    ("Synthetic", "Sintético"),
];
const M_BAGS: &[Material] = &[
    ("Leather", "Couro"),
    ("Faux Leather", "Couro Sintético"),
    ("Canvas", "Lona"),
    ("Nylon", "Nylon"),
    ("Polyester", "Poliéster"),
];
const M_METAL: &[Material] = &[
    ("Stainless Steel", "Aço Inoxidável"),
    ("Metal", "Metal"),
    ("Leather", "Couro"),
    ("Silicone", "Silicone"),
];
const M_EYEWEAR: &[Material] = &[
    ("Acetate", "Acetato"),
    ("Metal", "Metal"),
    ("Plastic", "Plástico"),
];
const M_WEAR: &[Material] = &[
    ("Cotton", "Algodão"),
    ("Wool", "Lã"),
    ("Polyester", "Poliéster"),
    ("Leather", "Couro"),
];
const M_GADGET: &[Material] = &[
    ("Plastic", "Plástico"),
    ("Aluminium", "Alumínio"),
    ("Silicone", "Silicone"),
];
const M_KITCHEN: &[Material] = &[
    ("Ceramic", "Cerâmica"),
    ("Porcelain", "Porcelana"),
    ("Stainless Steel", "Aço Inoxidável"),
    ("Glass", "Vidro"),
];
const M_TEXTILE: &[Material] = &[
    ("Cotton", "Algodão"),
    ("Linen", "Linho"),
    ("Polyester", "Poliéster"),
    ("Velvet", "Veludo"),
];
const M_DECOR: &[Material] = &[
    ("Wood", "Madeira"),
    ("Metal", "Metal"),
    ("Ceramic", "Cerâmica"),
    ("Glass", "Vidro"),
];
const M_WAX: &[Material] = &[("Soy Wax", "Cera de Soja"), ("Paraffin Wax", "Parafina")];

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

/// Description sentences. Slots: `{b}` brand, `{t}` type, `{c}` colour,
/// `{m}` material, `{d}` descriptor, `{a}` audience, all lower-cased except
/// the brand. Portuguese sentences avoid gender agreement (`{c}` follows
/// "na cor", `{d}` follows "modelo", both in the form that fits).
pub(crate) const OPEN_EN: &[&str] = &[
    "This {c} {t} from {b} is made from {m} for everyday comfort.",
    "{b} brings you the {d} {t} in {c}, crafted from {m}.",
    "Add this {d} {t} by {b} to your collection; it comes in {c} and is made from {m}.",
    "The {c} {t} from {b} is made in {m} with a clean, {d} design.",
    "Meet the {d} {t} from {b}: {m}, {c}, and ready for daily use.",
];
pub(crate) const OPEN_PT: &[&str] = &[
    "Modelo {d} da {b}, feito em {m}, na cor {c}.",
    "A {b} traz este modelo em {m} na cor {c}, pensado para o dia a dia.",
    "Peça da {b} em {m}, na cor {c}, com acabamento de qualidade.",
    "Produto {b} em {m} na cor {c}: modelo {d} que combina com tudo.",
];
pub(crate) const CLOSE_EN: &[&str] = &[
    "Easy to care for and built to last.",
    "Backed by a 30-day easy return policy.",
    "Ships in recyclable packaging.",
    "A reliable choice at a fair price.",
    "Check the size chart before ordering.",
];
pub(crate) const CLOSE_PT: &[&str] = &[
    "Fácil de cuidar e feito para durar.",
    "Troca grátis em até 30 dias.",
    "Enviado em embalagem reciclável.",
    "Ótimo custo-benefício.",
    "Confira a tabela de medidas antes de comprar.",
];

/// Department-specific middle sentences.
pub(crate) fn middle(group: Group, pt: bool) -> &'static [&'static str] {
    match (group, pt) {
        (Group::Apparel, false) => &[
            "The fabric is soft, breathable and holds its shape wash after wash.",
            "Cut for {a} with a comfortable fit through the body.",
            "Machine wash cold with similar colours; do not bleach.",
            "Pair it with sneakers for a casual look or dress it up for the evening.",
        ],
        (Group::Apparel, true) => &[
            "O tecido é macio, respirável e mantém a forma depois de muitas lavagens.",
            "Modelagem confortável, do trabalho ao fim de semana.",
            "Lavar à máquina com água fria e cores semelhantes; não usar alvejante.",
            "Combine com tênis para um visual casual ou com acessórios para a noite.",
        ],
        (Group::Footwear, false) => &[
            "A cushioned insole and flexible rubber outsole keep every step comfortable.",
            "The padded collar and breathable lining reduce rubbing on long days.",
            "Lightweight construction makes them easy to wear from morning to night.",
        ],
        (Group::Footwear, true) => &[
            "Palmilha macia e solado de borracha flexível deixam cada passo confortável.",
            "O forro respirável e o colarinho acolchoado evitam atrito nos dias longos.",
            "Leve para usar da manhã à noite.",
        ],
        (Group::Bags, false) => &[
            "Several inner pockets keep your phone, keys and cards organised.",
            "Sturdy zips and reinforced stitching stand up to daily use.",
            "Adjustable straps let you carry it the way you like.",
        ],
        (Group::Bags, true) => &[
            "Bolsos internos organizam celular, chaves e cartões.",
            "Zíperes resistentes e costura reforçada aguentam o uso diário.",
            "Alças ajustáveis para carregar do seu jeito.",
        ],
        (Group::Accessories, false) => &[
            "A finishing touch that works with casual and formal outfits alike.",
            "Comes in a gift box, ready to give.",
            "Designed to be worn every day.",
        ],
        (Group::Accessories, true) => &[
            "O toque final que combina com visuais casuais e formais.",
            "Vem em caixa de presente.",
            "Feito para usar todos os dias.",
        ],
        (Group::Electronics, false) => &[
            "Pairs in seconds over Bluetooth 5.3 and works with iOS and Android.",
            "Long battery life and fast USB-C charging keep you going all day.",
            "Includes a 1-year manufacturer warranty.",
            "Compact and light enough to carry everywhere.",
        ],
        (Group::Electronics, true) => &[
            "Conecta em segundos via Bluetooth 5.3 e funciona com iOS e Android.",
            "Bateria de longa duração e carregamento rápido por USB-C.",
            "Garantia de 1 ano do fabricante.",
            "Compacto e leve para levar a qualquer lugar.",
        ],
        (Group::Home, false) => &[
            "Adds warmth and character to any room.",
            "Made with care from quality materials that last for years.",
            "Makes a thoughtful housewarming gift.",
        ],
        (Group::Home, true) => &[
            "Deixa qualquer ambiente mais aconchegante.",
            "Feito com materiais de qualidade que duram anos.",
            "Uma ótima ideia de presente para casa nova.",
        ],
    }
}

/// Values a messy price cell may hold instead of a number.
pub(crate) const BAD_PRICES_EN: &[&str] =
    &["N/A", "call for price", "12..99", "$", "TBD", "free?", "-"];
pub(crate) const BAD_PRICES_PT: &[&str] = &[
    "consulte",
    "R$ --",
    "12,,90",
    "sob consulta",
    "a definir",
    "-",
];
