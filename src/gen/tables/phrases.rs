//! Free text: the description sentence templates (openings, department
//! middles, closings) and the non-numbers a messy price cell holds.

use super::department::Group;

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
