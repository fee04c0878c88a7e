//! Product attributes in English and Portuguese (with masculine and
//! feminine forms where they agree): colours with their frequency, the
//! descriptors of each family of types ("Slim Fit", "Wireless") and the
//! materials each family is made of.

/// A word in English and Portuguese (masculine, feminine forms).
pub(super) type Word = (&'static str, &'static str, &'static str);
/// A material in English and Portuguese.
pub(super) type Material = (&'static str, &'static str);

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

pub(super) const TOPS: &[Word] = &[
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
pub(super) const BOTTOMS: &[Word] = &[
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
pub(super) const DRESSES: &[Word] = &[
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
pub(super) const OUTER: &[Word] = &[
    ("Padded", "Acolchoado", "Acolchoada"),
    ("Hooded", "com Capuz", "com Capuz"),
    ("Lightweight", "Leve", "Leve"),
    ("Quilted", "Matelassê", "Matelassê"),
    ("Water-Resistant", "Impermeável", "Impermeável"),
    ("Fleece", "de Fleece", "de Fleece"),
    ("Zip-Up", "com Zíper", "com Zíper"),
    ("Solid", "Liso", "Lisa"),
];
pub(super) const SHOES: &[Word] = &[
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
pub(super) const BAGS: &[Word] = &[
    ("Solid", "Liso", "Lisa"),
    ("Textured", "Texturizado", "Texturizada"),
    ("Quilted", "Matelassê", "Matelassê"),
    ("Structured", "Estruturado", "Estruturada"),
    ("Water-Resistant", "Impermeável", "Impermeável"),
    ("Mini", "Mini", "Mini"),
    ("Large", "Grande", "Grande"),
];
pub(super) const ACCESSORIES: &[Word] = &[
    ("Classic", "Clássico", "Clássica"),
    ("Analogue", "Analógico", "Analógica"),
    ("Polarised", "Polarizado", "Polarizada"),
    ("Adjustable", "Ajustável", "Ajustável"),
    ("Minimalist", "Minimalista", "Minimalista"),
    ("Textured", "Texturizado", "Texturizada"),
];
pub(super) const GADGETS: &[Word] = &[
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
pub(super) const HOMEWARE: &[Word] = &[
    ("Handcrafted", "Artesanal", "Artesanal"),
    ("Minimalist", "Minimalista", "Minimalista"),
    ("Printed", "Estampado", "Estampada"),
    ("Set of 2", "Kit com 2", "Kit com 2"),
    ("Soft", "Macio", "Macia"),
    ("Modern", "Moderno", "Moderna"),
    ("Vintage", "Vintage", "Vintage"),
    ("Textured", "Texturizado", "Texturizada"),
];

pub(super) const M_TOPS: &[Material] = &[
    ("Cotton", "Algodão"),
    ("Cotton Blend", "Algodão Misto"),
    ("Polyester", "Poliéster"),
    ("Linen", "Linho"),
    ("Viscose", "Viscose"),
];
pub(super) const M_BOTTOMS: &[Material] = &[
    ("Denim", "Jeans"),
    ("Cotton", "Algodão"),
    ("Twill", "Sarja"),
    ("Polyester", "Poliéster"),
    ("Linen", "Linho"),
];
pub(super) const M_DENIM: &[Material] = &[("Denim", "Jeans")];
pub(super) const M_DRESSES: &[Material] = &[
    ("Viscose", "Viscose"),
    ("Polyester", "Poliéster"),
    ("Cotton", "Algodão"),
    ("Crepe", "Crepe"),
    ("Chiffon", "Chiffon"),
];
pub(super) const M_OUTER: &[Material] = &[
    ("Polyester", "Poliéster"),
    ("Nylon", "Nylon"),
    ("Wool Blend", "Lã Mista"),
    ("Fleece", "Fleece"),
    ("Leather", "Couro"),
    ("Faux Leather", "Couro Sintético"),
    ("Denim", "Jeans"),
];
pub(super) const M_KNIT: &[Material] = &[
    ("Wool", "Lã"),
    ("Acrylic", "Acrílico"),
    ("Cotton", "Algodão"),
];
pub(super) const M_SPORT: &[Material] = &[
    ("Polyester", "Poliéster"),
    ("Nylon", "Nylon"),
    ("Elastane", "Elastano"),
];
pub(super) const M_SHOES: &[Material] = &[
    ("Leather", "Couro"),
    ("Suede", "Camurça"),
    ("Mesh", "Tecido"),
    ("Canvas", "Lona"),
    ("Synthetic", "Sintético"),
];
pub(super) const M_SANDALS: &[Material] = &[
    ("Rubber", "Borracha"),
    ("EVA", "EVA"),
    ("Leather", "Couro"),
    ("Synthetic", "Sintético"),
];
pub(super) const M_BAGS: &[Material] = &[
    ("Leather", "Couro"),
    ("Faux Leather", "Couro Sintético"),
    ("Canvas", "Lona"),
    ("Nylon", "Nylon"),
    ("Polyester", "Poliéster"),
];
pub(super) const M_METAL: &[Material] = &[
    ("Stainless Steel", "Aço Inoxidável"),
    ("Metal", "Metal"),
    ("Leather", "Couro"),
    ("Silicone", "Silicone"),
];
pub(super) const M_EYEWEAR: &[Material] = &[
    ("Acetate", "Acetato"),
    ("Metal", "Metal"),
    ("Plastic", "Plástico"),
];
pub(super) const M_WEAR: &[Material] = &[
    ("Cotton", "Algodão"),
    ("Wool", "Lã"),
    ("Polyester", "Poliéster"),
    ("Leather", "Couro"),
];
pub(super) const M_GADGET: &[Material] = &[
    ("Plastic", "Plástico"),
    ("Aluminium", "Alumínio"),
    ("Silicone", "Silicone"),
];
pub(super) const M_KITCHEN: &[Material] = &[
    ("Ceramic", "Cerâmica"),
    ("Porcelain", "Porcelana"),
    ("Stainless Steel", "Aço Inoxidável"),
    ("Glass", "Vidro"),
];
pub(super) const M_TEXTILE: &[Material] = &[
    ("Cotton", "Algodão"),
    ("Linen", "Linho"),
    ("Polyester", "Poliéster"),
    ("Velvet", "Veludo"),
];
pub(super) const M_DECOR: &[Material] = &[
    ("Wood", "Madeira"),
    ("Metal", "Metal"),
    ("Ceramic", "Cerâmica"),
    ("Glass", "Vidro"),
];
pub(super) const M_WAX: &[Material] = &[("Soy Wax", "Cera de Soja"), ("Paraffin Wax", "Parafina")];
