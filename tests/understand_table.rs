//! Table-driven tests of message understanding over two fixture
//! vocabularies: a Myntra-like English fashion catalog (INR) and a
//! Brazilian Portuguese store (BRL).
//!
//! Expected operators are written in a compact notation, `;`-separated:
//! `type=Sneakers|Running Shoes` (Set), `+color=Red` (Add),
//! `&color=Black/White` (SetTogether: a value of each `/` group), `-brand=Nike`
//! (Exclude), `brand=*` (Clear), `price=..3000` / `price=500..1000` /
//! `price=500..` / `price=*` (ClearPrice), `rating=4`, `sort=price_asc`,
//! `text=running`, `-text=hood`, `cheap`, `cheaper`, `pricier`, `reset`,
//! `more`, `select=2`, `number=27`, `similar`, `similar=2`, `greeting`, `thanks`, `help`,
//! `ask=brand` (AskSlot).

use std::sync::OnceLock;
use vitrine::Vocabulary;
use vitrine::understand::{Lang, Lexicon, Op, Slot, Sort};

fn load(name: &str) -> Vocabulary {
    let path = format!("{}/tests/fixtures/vocab/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture parses")
}

fn myntra() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(|| Lexicon::new(&load("myntra.json")))
}

fn loja() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(|| Lexicon::new(&load("loja_br.json")))
}

fn slot(name: &str) -> Slot {
    Slot::from_facet(name)
}

fn values(v: &str) -> Vec<String> {
    v.split('|').map(str::to_string).collect()
}

fn bound(s: &str) -> Option<f64> {
    (!s.is_empty()).then(|| s.parse().expect("number"))
}

/// Parses the compact notation into operators.
fn expected(spec: &str) -> Vec<Op> {
    spec.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| match item {
            "cheap" => Op::Cheap,
            "cheaper" => Op::Cheaper,
            "pricier" => Op::Pricier,
            "reset" => Op::Reset,
            "more" => Op::More,
            "similar" => Op::Similar(None),
            "greeting" => Op::Greeting,
            "thanks" => Op::Thanks,
            "help" => Op::Help,
            "price=*" => Op::ClearPrice,
            _ => {
                let (k, v) = item
                    .split_once('=')
                    .unwrap_or_else(|| panic!("bad spec {item}"));
                match k {
                    "price" => {
                        let (lo, hi) = v.split_once("..").expect("range");
                        Op::Price {
                            min: bound(lo),
                            max: bound(hi),
                        }
                    }
                    "rating" => Op::MinRating(v.parse().expect("rating")),
                    "sort" => Op::Sort(match v {
                        "price_asc" => Sort::PriceAsc,
                        "price_desc" => Sort::PriceDesc,
                        "rating_desc" => Sort::RatingDesc,
                        _ => Sort::Relevance,
                    }),
                    "currency" => Op::Currency(v.to_string()),
                    "text" => Op::Text(v.to_string()),
                    "-text" => Op::ExcludeText(v.to_string()),
                    "select" => Op::Select(v.parse().expect("index")),
                    "number" => Op::Number(v.parse().expect("number"), None),
                    "similar" => Op::Similar(Some(v.parse().expect("index"))),
                    "ask" => Op::AskSlot(slot(v)),
                    _ if v == "*" => Op::Clear(slot(k)),
                    _ if v == "other" => Op::Other(slot(k)),
                    // "&color=Black/White|Offwhite": one of each group together.
                    _ if k.starts_with('&') => {
                        Op::SetTogether(slot(&k[1..]), v.split('/').map(values).collect())
                    }
                    _ if k.starts_with('+') => Op::Add(slot(&k[1..]), values(v)),
                    _ if k.starts_with('-') => Op::Exclude(slot(&k[1..]), values(v)),
                    _ => Op::Set(slot(k), values(v)),
                }
            }
        })
        .collect()
}

fn run(lx: &Lexicon, lang: Lang, cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (message, spec) in cases {
        let got = lx.understand(message, lang);
        let want = expected(spec);
        if got.ops != want {
            failures.push(format!(
                "{message:?}\n   want {want:?}\n   got  {:?}",
                got.ops
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

const SHIRTS: &str = "type=Casual Shirt|Formal Shirt|Shirt";
/// Shoes and their narrower kinds (`[type_broader]`): flats, heels, formal
/// shoes, loafers; never sneakers, boots or sandals.
const SHOES: &str = "type=Running Shoes|Shoes|Flats|Heels|Formal Derbys|Loafers|Ballerinas|Formal Slip-Ons|Derbys|Slip-Ons|Brogues|Formal Brogues|Slip-On|Formal Monks|Formal Oxfords|Oxfords";

#[test]
fn english_on_a_fashion_catalog() {
    let shirts_red = format!("{SHIRTS}; color=Red");
    let shoes_black = format!("color=Black; {SHOES}");
    let cases: Vec<(&str, &str)> = vec![
        // types, plural/singular, synonyms
        ("shirts", SHIRTS),
        ("shirt", SHIRTS),
        // no handbag type in this store: its bags
        ("handbags", "type=Bag|Sling Bag|Trolley Bag|Laptop Bag"),
        ("curtain", "type=Curtains|Curtain"),
        ("curtains", "type=Curtains|Curtain"),
        (
            "tshirt",
            "type=T-shirt|T-Shirt|T-shirts|Running T-shirt|Tshirt|Sports T-shirt",
        ),
        (
            "t-shirts",
            "type=T-shirt|T-Shirt|T-shirts|Running T-shirt|Tshirt|Sports T-shirt",
        ),
        (
            "tees",
            "type=T-shirt|T-Shirt|T-shirts|Running T-shirt|Tshirt|Sports T-shirt",
        ),
        ("sneakers", "type=Sneakers"),
        ("trainers", "type=Sneakers"),
        ("shoes", SHOES),
        ("running shoes", "type=Running Shoes"),
        ("jeans", "type=Jeans"),
        // Trousers are pants, but track pants are not trousers (issue 14).
        ("trousers", "type=Trousers|Formal Trousers|Casual Trousers"),
        (
            "pants",
            "type=Track Pants|Pants|Track Pant|Trousers|Formal Trousers|Casual Trousers",
        ),
        ("dresses", "type=Dress"),
        ("a dress", "type=Dress"),
        ("kurtas", "type=Kurta|Kurti"),
        ("sarees", "type=Saree"),
        ("backpacks", "type=Backpack|Laptop Backpack"),
        ("wallet", "type=Wallet"),
        ("watches", "type=Analogue Watch"),
        ("heels", "type=Heels"),
        ("sandals", "type=Sandals|Sports Sandals"),
        ("jackets", "type=Jacket|Running Jacket"),
        ("hoodie", "type=Hoodie"),
        ("skirts", "type=Skirt"),
        ("shorts", "type=Shorts|Sports Shorts"),
        ("leggings", "type=Leggings"),
        // brands
        ("Puma", "brand=Puma|PUMA Motorsport"),
        ("only Puma", "brand=Puma|PUMA Motorsport"),
        ("pepe jeans", "brand=Pepe Jeans"),
        ("pepe jeans jeans", "brand=Pepe Jeans; type=Jeans"),
        (
            "calvin klein jeans for women",
            "brand=Calvin Klein Jeans; gender=Women|Unisex",
        ),
        ("u.s. polo assn. kids", "brand=U.S. Polo Assn. Kids"),
        (
            "US Polo Assn",
            "brand=U.S. Polo Assn.|U.S. Polo Assn. Kids|U.S. Polo Assn. Denim Co.|U.S. Polo Assn. Women",
        ),
        ("tommy hilfiger", "brand=Tommy Hilfiger"),
        (
            "tommy shoes",
            &*Box::leak(format!("brand=Tommy Hilfiger; {SHOES}").into_boxed_str()),
        ),
        ("levis jeans", "brand=Levis; type=Jeans"),
        ("Levi's jeans", "brand=Levis; type=Jeans"),
        ("HRX", "brand=HRX by Hrithik Roshan"),
        ("W kurtas", "brand=W; type=Kurta|Kurti"),
        ("ONLY dresses", "brand=ONLY; type=Dress"),
        ("only dresses", "type=Dress"),
        // A letter and a word the titles write joined ("V-Neck", "A-Line").
        ("v neck tops", "text=v-neck; type=Top|Tops|Blouse"),
        ("a line dresses", "text=a-line; type=Dress"),
        ("a dress", "type=Dress"),
        (
            "red tape shoes",
            &*Box::leak(format!("brand=Red Tape; {SHOES}").into_boxed_str()),
        ),
        (
            "mast & harbour tops",
            // the values named literally first: they rank first (issue 14)
            "brand=Mast & Harbour; type=Top|Tops|Blouse",
        ),
        ("here&now", "brand=HERE&NOW"),
        (
            "united colors of benetton",
            "brand=United Colors of Benetton",
        ),
        ("Puma or Nike", "brand=Puma|PUMA Motorsport|Nike"),
        (
            "nike and adidas shoes",
            &*Box::leak(format!("brand=Nike|ADIDAS|ADIDAS Originals; {SHOES}").into_boxed_str()),
        ),
        // colours
        (
            "red shirts",
            &*Box::leak(format!("color=Red; {SHIRTS}").into_boxed_str()),
        ),
        ("shirts in red", &*Box::leak(shirts_red.into_boxed_str())),
        ("black shoes", &*Box::leak(shoes_black.into_boxed_str())),
        ("white or grey", "color=White|Grey|Charcoal"),
        ("gray", "color=Grey|Charcoal"),
        ("navy", "color=Navy"),
        ("blue", "color=Blue|Navy"),
        ("maroon", "color=Maroon|Burgundy"),
        ("burgundy", "color=Burgundy|Maroon"),
        ("purple", "color=Purple|Lavender"),
        ("golden", "color=Gold"),
        ("mustard", "color=Mustard"),
        ("khaki chinos", "color=Khaki; type=Chinos|Casual Chinos"),
        ("vermelho", "color=Red"),
        ("preto", "color=Black"),
        // audiences
        ("for men", "gender=Men|Unisex"),
        ("mens", "gender=Men|Unisex"),
        ("men's", "gender=Men|Unisex"),
        ("women", "gender=Women|Unisex"),
        ("ladies", "gender=Women|Unisex"),
        ("for my husband", "gender=Men|Unisex"),
        ("for my boyfriend", "gender=Men|Unisex"),
        ("for my wife", "gender=Women|Unisex"),
        ("for my mom", "gender=Women|Unisex"),
        ("for my son", "gender=Boys|Unisex Kids"),
        ("for my daughter", "gender=Girls|Unisex Kids"),
        ("boys", "gender=Boys|Unisex Kids"),
        ("girls", "gender=Girls|Unisex Kids"),
        ("kids", "gender=Boys|Girls|Unisex Kids"),
        ("children", "gender=Boys|Girls|Unisex Kids"),
        // A slot named with none of its values asks which there are.
        ("which brands?", "ask=brand"),
        ("what colours do you have", "ask=color"),
        ("what brands do you sell", "ask=brand"),
        ("sneakers in which sizes?", "type=Sneakers; ask=size"),
        ("brand puma", "brand=Puma|PUMA Motorsport"),
        ("any brand", "brand=*"),
        // A word for children and one for a sex: that sex's children.
        ("baby girl", "gender=Girls|Unisex Kids"),
        ("kids for boys", "gender=Boys|Unisex Kids"),
        ("kids for women", "gender=Girls|Unisex Kids"),
        ("for men and women", "gender=Men|Unisex|Women"),
        ("unisex", "gender=Unisex"),
        (
            "unisex backpack",
            "gender=Unisex; type=Backpack|Laptop Backpack",
        ),
        // sizes
        ("size 10", "size=10"),
        ("size M", "size=M"),
        ("M", "size=M"),
        (
            "XL shirts",
            &*Box::leak(format!("size=XL; {SHIRTS}").into_boxed_str()),
        ),
        ("xxl", "size=XXL"),
        ("jeans size 32", "type=Jeans; size=32"),
        ("jeans 32", "type=Jeans; size=32"),
        ("free size", "size=Free Size"),
        ("size 9 or 10", "size=9|10"),
        // materials
        ("leather", "material=Leather"),
        (
            "cotton shirts",
            &*Box::leak(format!("material=Cotton; {SHIRTS}").into_boxed_str()),
        ),
        ("linen", "material=Linen"),
        ("silk saree", "material=Silk; type=Saree"),
        ("woolen", "material=Wool"),
        // prices
        ("under 3000", "price=..3000"),
        ("below 500", "price=..500"),
        ("cheaper than 2000", "price=..2000"),
        // two colours together, or either
        (
            "black and white sneakers",
            "&color=Black/White; type=Sneakers",
        ),
        (
            "black or white sneakers",
            "color=Black|White; type=Sneakers",
        ),
        ("more expensive than 500", "price=500.."),
        ("less than 1000", "price=..1000"),
        ("up to 2000", "price=..2000"),
        ("max 1500", "price=..1500"),
        ("at most 800", "price=..800"),
        ("< 700", "price=..700"),
        ("no more than 900", "price=..900"),
        ("within 1200", "price=..1200"),
        ("over 5000", "price=5000.."),
        ("above 5000", "price=5000.."),
        ("more than 250", "price=250.."),
        ("from 300", "price=300.."),
        ("at least 400", "price=400.."),
        ("> 600", "price=600.."),
        ("between 500 and 1000", "price=500..1000"),
        ("500-1000", "price=500..1000"),
        ("500 to 1000", "price=500..1000"),
        ("from 500 to 1000", "price=500..1000"),
        ("1k to 2.5k", "price=1000..2500"),
        ("around 2000", "price=1700..2300"),
        ("about 1000", "price=850..1150"),
        ("~2000", "price=1700..2300"),
        ("under rs. 1,299.50", "currency=INR; price=..1299.5"),
        ("under Rs 999", "currency=INR; price=..999"),
        ("₹500 or less", "currency=INR; price=..500"),
        ("under 2000 rupees", "currency=INR; price=..2000"),
        ("INR 1500", "currency=INR; price=..1500"),
        ("under $50", "currency=DOLLAR; price=..50"),
        ("50 bucks", "currency=DOLLAR; price=..50"),
        ("under US$ 50", "currency=USD; price=..50"),
        ("under 1k", "price=..1000"),
        ("under 42", "price=..42"),
        ("1000 or more", "price=1000.."),
        ("over 1000 and under 3000", "price=1000..3000"),
        ("any price", "price=*"),
        ("cheap", "cheap"),
        ("affordable watches", "cheap; type=Analogue Watch"),
        ("budget sneakers", "cheap; type=Sneakers"),
        ("cheaper", "cheaper"),
        ("something cheaper", "cheaper"),
        ("less expensive", "cheaper"),
        ("more expensive", "pricier"),
        ("pricier", "pricier"),
        ("better", "pricier"),
        ("premium", "pricier"),
        // ratings
        ("4 stars and up", "rating=4"),
        ("at least 4 stars", "rating=4"),
        ("rated 4+", "rating=4"),
        ("4+ stars", "rating=4"),
        ("3.5 stars or more", "rating=3.5"),
        ("highly rated", "rating=4"),
        ("well reviewed", "rating=4"),
        // sorting
        ("cheapest first", "sort=price_asc"),
        ("cheapest", "sort=price_asc"),
        ("whats the cheapest", "sort=price_asc"),
        ("lowest price", "sort=price_asc"),
        ("price low to high", "sort=price_asc"),
        ("most expensive", "sort=price_desc"),
        ("highest price first", "sort=price_desc"),
        ("best rated", "sort=rating_desc"),
        ("top rated", "sort=rating_desc"),
        // negation
        ("not Nike", "-brand=Nike"),
        ("no leather", "-material=Leather"),
        ("anything but black", "-color=Black"),
        ("except red", "-color=Red"),
        ("without hood", "-text=hood"),
        (
            "non-leather bags",
            "-material=Leather; type=Bag|Sling Bag|Trolley Bag|Laptop Bag",
        ),
        ("not Nike or Puma", "-brand=Nike|Puma|PUMA Motorsport"),
        ("no red, no blue", "-color=Red|Blue|Navy"),
        ("sneakers but not black", "type=Sneakers; -color=Black"),
        ("i don't want leather", "-material=Leather"),
        ("nothing in pink", "-color=Pink|Rose"),
        ("no, blue", "color=Blue|Navy"),
        (
            "black but no Puma",
            "color=Black; -brand=Puma|PUMA Motorsport",
        ),
        ("no printed", "-text=printed"),
        // alternatives and replacement
        ("also red", "+color=Red"),
        ("or Nike", "+brand=Nike"),
        // "and white?" switches to white, like "what about white?" (issue 14)
        ("and white", "color=White"),
        ("red too", "+color=Red"),
        ("add puma", "+brand=Puma|PUMA Motorsport"),
        ("actually white", "color=White"),
        ("make it red", "color=Red"),
        ("in blue instead", "color=Blue|Navy"),
        ("white instead of black", "color=White"),
        // clearing
        ("any brand", "brand=*"),
        ("another colour", "color=other"),
        // a type qualifying another is a word of the request, not a second type
        (
            "backpack for laptop",
            "type=Backpack|Laptop Backpack; text=laptop",
        ),
        ("a different brand", "brand=other"),
        ("other options", "more"),
        ("another red one", "color=Red"),
        ("doesn't have to be black", "color=*"),
        ("any colour", "color=*"),
        ("any color", "color=*"),
        ("any size", "size=*"),
        ("forget the brand", "brand=*"),
        ("remove the colour filter", "color=*"),
        ("brand doesn't matter", "brand=*"),
        ("forget about the price", "price=*"),
        ("remove puma", "brand=*"),
        ("clear the brand", "brand=*"),
        // control
        ("start over", "reset"),
        ("reset", "reset"),
        ("new search", "reset"),
        ("clear", "reset"),
        ("start over, red dresses", "reset; color=Red; type=Dress"),
        ("show more", "more"),
        ("more", "more"),
        ("next", "more"),
        ("more please", "more"),
        ("the second one", "select=2"),
        ("second", "select=2"),
        ("#2", "select=2"),
        ("number 2", "select=2"),
        ("2nd", "select=2"),
        ("show me the 3rd one", "select=3"),
        ("the first one", "select=1"),
        // A number alone: the dialog reads it (a measurement, else an item).
        ("3", "number=3"),
        ("more like this", "similar"),
        ("similar", "similar"),
        ("similar to 2", "similar=2"),
        ("more like the second one", "similar=2"),
        ("hi", "greeting"),
        ("hello there", "greeting"),
        ("good morning", "greeting"),
        ("thanks", "thanks"),
        ("thank you!", "thanks"),
        ("help", "help"),
        ("what can you do?", "help"),
        ("hi, I need black sneakers", "color=Black; type=Sneakers"),
        // free text, fillers, gibberish
        ("wireless", "text=wireless"),
        ("running", "text=running"),
        ("hooded sweatshirt", "type=Hoodie"),
        ("slim fit jeans", "text=slim; text=fit; type=Jeans"),
        ("printed kurta", "text=printed; type=Kurta|Kurti"),
        ("qwzx plorf", ""),
        ("show me something nice", ""),
        ("i want a red dress please", "color=Red; type=Dress"),
        (
            "looking for a watch for my dad",
            "type=Analogue Watch; gender=Men|Unisex",
        ),
        // typos
        ("snekers", "type=Sneakers"),
        ("sneekers", "type=Sneakers"),
        (
            "blak shoes",
            &*Box::leak(shoes_black_typo().into_boxed_str()),
        ),
        ("pumma", "brand=Puma|PUMA Motorsport"),
        (
            "tommy hilfigr shirts",
            &*Box::leak(format!("brand=Tommy Hilfiger; {SHIRTS}").into_boxed_str()),
        ),
        ("runing", "text=running"),
        ("jeens", "type=Jeans"),
        ("womens dreses", "gender=Women|Unisex; type=Dress"),
        ("addidas", "brand=ADIDAS|ADIDAS Originals"),
        ("cheapr", "cheaper"),
        // the full message from the issue
        (
            "black sneakers for men under 3000",
            "color=Black; type=Sneakers; gender=Men|Unisex; price=..3000",
        ),
        (
            "white puma sneakers for women size 8 under 4000",
            "color=White; brand=Puma|PUMA Motorsport; type=Sneakers; gender=Women|Unisex; size=8; price=..4000",
        ),
        (
            "blue jeans for men, not Levis, between 1000 and 2000",
            "color=Blue|Navy; type=Jeans; gender=Men|Unisex; -brand=Levis; price=1000..2000",
        ),
    ];
    assert!(cases.len() >= 150, "{} cases", cases.len());
    run(myntra(), Lang::En, &cases);
}

fn shoes_black_typo() -> String {
    format!("color=Black; {SHOES}")
}

const TENIS: &str = "type=Tênis|Tênis Corrida";

fn with(prefix: &str, rest: &str) -> &'static str {
    Box::leak(format!("{prefix}; {rest}").into_boxed_str())
}

#[test]
fn portuguese_on_a_brazilian_catalog() {
    let cases: Vec<(&str, &str)> = vec![
        (
            "tênis preto masculino até R$ 300",
            with(
                TENIS,
                "color=Preto; gender=Masculino|Unissex; currency=BRL; price=..300",
            ),
        ),
        ("tenis", TENIS),
        ("tênis de corrida", "type=Tênis Corrida"),
        ("camisetas", "type=Camiseta"),
        ("camiseta", "type=Camiseta"),
        ("camisa", "type=Camisa|Camisa Polo"),
        ("camisa polo", "type=Camisa Polo"),
        ("calça", "type=Calça|Calça Jeans"),
        ("calças jeans", "type=Calça Jeans"),
        ("jeans", "type=Calça Jeans"),
        ("bermudas", "type=Bermuda"),
        ("vestidos", "type=Vestido"),
        ("saia", "type=Saia"),
        ("jaqueta", "type=Jaqueta"),
        ("bolsas", "type=Bolsa"),
        ("mochila", "type=Mochila"),
        ("carteira", "type=Carteira"),
        ("relógio", "type=Relógio"),
        ("relogios", "type=Relógio"),
        ("fone de ouvido", "type=Fone de Ouvido"),
        ("sandálias", "type=Sandália"),
        ("botas", "type=Bota"),
        ("sapato", "type=Sapato"),
        ("boné", "type=Boné"),
        ("óculos de sol", "type=Óculos de Sol"),
        // brands
        ("só Nike", "brand=Nike"),
        ("nike", "brand=Nike"),
        (
            "tênis olympikus ou mizuno",
            with(TENIS, "brand=Olympikus|Mizuno"),
        ),
        ("calvin klein", "brand=Calvin Klein|Calvin Klein Jeans"),
        ("calvin klein jeans", "brand=Calvin Klein Jeans"),
        ("levis", "brand=Levi's"),
        ("relógio casio", "type=Relógio; brand=Casio"),
        ("fone de ouvido jbl", "type=Fone de Ouvido; brand=JBL"),
        ("sandália havaianas", "type=Sandália; brand=Havaianas"),
        ("le lis blanc", "brand=Le Lis Blanc"),
        // colours
        ("preto", "color=Preto"),
        ("pretas", "color=Preto"),
        ("branca", "color=Branco|Off White"),
        ("azul", "color=Azul|Azul Marinho|Azul Claro"),
        ("azul marinho", "color=Azul Marinho"),
        ("bermuda azul marinho", "type=Bermuda; color=Azul Marinho"),
        (
            "vestido vermelho ou rosa",
            "type=Vestido; color=Vermelho|Rosa",
        ),
        ("cinza", "color=Cinza"),
        ("vinho", "color=Vinho"),
        ("verde", "color=Verde|Verde Militar"),
        ("dourado", "color=Dourado"),
        (
            "black sneakers for men",
            with("color=Preto", &format!("{TENIS}; gender=Masculino|Unissex")),
        ),
        // audiences
        ("masculino", "gender=Masculino|Unissex"),
        ("feminina", "gender=Feminino|Unissex"),
        ("infantil", "gender=Infantil"),
        ("quais marcas?", "ask=brand"),
        ("de qual marca?", "ask=brand"),
        // This store has no girls' value: its children's.
        ("infantil para menina", "gender=Infantil"),
        (
            "bolsa para minha esposa",
            "type=Bolsa; gender=Feminino|Unissex",
        ),
        ("para meu marido", "gender=Masculino|Unissex"),
        ("para meu filho", "gender=Infantil"),
        ("para minha filha", "gender=Infantil"),
        ("mochila unissex", "type=Mochila; gender=Unissex"),
        ("homem", "gender=Masculino|Unissex"),
        // sizes
        ("tamanho M", "size=M"),
        ("tam 42", "size=42"),
        ("numero 40", "size=40"),
        ("tênis 42", with(TENIS, "size=42")),
        ("camiseta G", "type=Camiseta; size=G"),
        ("camiseta GG", "type=Camiseta; size=GG"),
        ("tamanho p", "size=P"),
        // materials
        ("sem couro", "-material=Couro"),
        ("algodão", "material=Algodão"),
        ("bolsa de couro", "type=Bolsa; material=Couro"),
        ("linho", "material=Linho"),
        // prices
        ("até 300", "price=..300"),
        ("abaixo de 200", "price=..200"),
        ("menos de 150 reais", "currency=BRL; price=..150"),
        ("no máximo 500", "price=..500"),
        ("acima de R$ 500", "currency=BRL; price=500.."),
        ("mais de 100", "price=100.."),
        ("a partir de 150", "price=150.."),
        ("entre 100 e 200", "price=100..200"),
        ("de 100 a 200 reais", "currency=BRL; price=100..200"),
        ("R$ 100 a R$ 200", "currency=BRL; price=100..200"),
        ("cerca de 200", "price=170..230"),
        ("na faixa de 200", "price=170..230"),
        ("uns 200 reais", "currency=BRL; price=170..230"),
        ("R$ 1.299,90", "currency=BRL; price=..1299.9"),
        ("até 2 mil", "price=..2000"),
        ("até R$1.500", "currency=BRL; price=..1500"),
        ("qualquer preço", "price=*"),
        ("barato", "cheap"),
        ("em conta", "cheap"),
        ("mais barato", "cheaper"),
        ("mais barato que 2000", "price=..2000"),
        ("mais baratas do que 150", "price=..150"),
        ("mais caro que 500", "price=500.."),
        ("mais em conta", "cheaper"),
        ("mais caro", "pricier"),
        // ratings and sorting
        ("bem avaliado", "rating=4"),
        ("4 estrelas ou mais", "rating=4"),
        ("pelo menos 4 estrelas", "rating=4"),
        ("mais barato primeiro", "sort=price_asc"),
        ("o mais barato", "sort=price_asc"),
        ("menor preço", "sort=price_asc"),
        ("mais caro primeiro", "sort=price_desc"),
        ("melhor avaliado", "sort=rating_desc"),
        // negation
        ("exceto preto", "-color=Preto"),
        ("menos Nike", "-brand=Nike"),
        ("nada de vermelho", "-color=Vermelho"),
        ("não quero vermelho", "-color=Vermelho"),
        ("sem Nike ou Adidas", "-brand=Nike|Adidas"),
        ("tênis sem ser preto", with(TENIS, "-color=Preto")),
        ("blusa sem bolso", "type=Blusa; -text=bolso"),
        ("camiseta sem capuz", "type=Camiseta; -text=capuz"),
        // alternatives, replacement, clearing
        ("também vermelho", "+color=Vermelho"),
        ("ou Adidas", "+brand=Adidas"),
        ("e branco também", "+color=Branco|Off White"),
        ("prefiro azul", "color=Azul|Azul Marinho|Azul Claro"),
        ("na verdade branco", "color=Branco|Off White"),
        ("em vez de preto, branco", "color=Branco|Off White"),
        ("qualquer marca", "brand=*"),
        ("outra cor", "color=other"),
        ("mochila para notebook", "type=Mochila; text=notebook"),
        ("bolsa notebook", "type=Bolsa; text=notebook"),
        ("calça de moletom", "type=Calça|Calça Jeans; text=moletom"),
        ("de outra marca", "brand=other"),
        ("mostra outros", "more"),
        ("não precisa ser preto", "color=*"),
        ("qualquer cor", "color=*"),
        ("qualquer tamanho", "size=*"),
        ("sem filtro de marca", "brand=*"),
        ("esquece o preço", "price=*"),
        ("tanto faz a cor", "color=*"),
        ("a cor tanto faz", "color=*"),
        ("estilo casual", "estilo=Casual"),
        ("qualquer estilo", "estilo=*"),
        // control
        ("recomeçar", "reset"),
        ("começar de novo", "reset"),
        ("nova busca", "reset"),
        ("limpar", "reset"),
        ("ver mais", "more"),
        ("mais", "more"),
        ("próximos", "more"),
        ("o segundo", "select=2"),
        ("a segunda", "select=2"),
        ("o 2", "select=2"),
        ("quero o terceiro", "select=3"),
        ("parecidos com o 2", "similar=2"),
        ("algo parecido", "similar"),
        ("oi", "greeting"),
        ("olá, bom dia", "greeting"),
        ("obrigado", "thanks"),
        ("valeu", "thanks"),
        ("ajuda", "help"),
        ("como funciona?", "help"),
        ("oi, quero um vestido", "type=Vestido"),
        // free text and typos
        (
            "camiseta básica manga longa",
            "type=Camiseta; text=básica; text=manga longa",
        ),
        ("vestido floral", "type=Vestido; text=floral"),
        ("camisetta", "type=Camiseta"),
        ("tenys", TENIS),
        ("vestdo", "type=Vestido"),
        ("pretto", "color=Preto"),
        ("havainas", "brand=Havaianas"),
        ("xpto blorg", ""),
        (
            "quero uma calça jeans feminina azul até 200 reais",
            "type=Calça Jeans; gender=Feminino|Unissex; color=Azul|Azul Marinho|Azul Claro; currency=BRL; price=..200",
        ),
        (
            "tênis de corrida mizuno masculino tamanho 42 entre 300 e 600",
            "type=Tênis Corrida; brand=Mizuno; gender=Masculino|Unissex; size=42; price=300..600",
        ),
    ];
    assert!(cases.len() >= 80, "{} cases", cases.len());
    run(loja(), Lang::Pt, &cases);
}

#[test]
fn language_comes_from_evidence_or_the_session() {
    let lx = loja();
    assert_eq!(
        lx.understand("tênis preto até R$ 300", Lang::En).lang,
        Lang::Pt
    );
    assert_eq!(lx.understand("quero uma camiseta", Lang::En).lang, Lang::Pt);
    assert_eq!(
        lx.understand("black sneakers for men", Lang::Pt).lang,
        Lang::En
    );
    assert_eq!(lx.understand("Nike", Lang::Pt).lang, Lang::Pt);
    assert_eq!(lx.understand("Nike", Lang::En).lang, Lang::En);
    assert_eq!(lx.understand("42", Lang::Pt).lang, Lang::Pt);
    let m = myntra();
    assert_eq!(m.understand("show me red shirts", Lang::Pt).lang, Lang::En);
    assert_eq!(m.understand("Puma", Lang::Pt).lang, Lang::Pt);
}

#[test]
fn ignored_words_are_reported() {
    let u = myntra().understand("show me qwzx shoes please", Lang::En);
    assert_eq!(u.ignored, vec!["show", "me", "qwzx", "please"]);
    let u = myntra().understand("qwzx plorf", Lang::En);
    assert!(u.ops.is_empty());
}

/// Everyday words a few letters from a brand or colour of the catalog
/// ("either" / Ether, "policy" / Police, "wire" / wine), taken from the
/// language's own word list (its 25,000 common words): none of them is
/// ever corrected into that brand or colour.
fn everyday_words_near(lx: &Lexicon, vocab: &vitrine::Vocabulary, list: &str) -> usize {
    let words: Vec<String> =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(list))
            .expect("word list")
            .lines()
            .filter(|l| !l.starts_with('#'))
            // The common words: the list's most frequent 25,000.
            .take(25_000)
            .filter(|l| l.len() >= 4)
            .map(str::to_string)
            .collect();
    // The built-in vocabulary's own words ("gray" is a name of grey) are
    // not corrections: they are left out.
    let mut builtin = std::collections::HashSet::new();
    for (_, d) in vitrine::language::every() {
        let lists = d
            .types
            .values()
            .chain(d.materials.values())
            .chain(d.audiences.values())
            .chain(d.markers.values())
            .chain(std::iter::once(&d.stop_words))
            .flatten()
            .chain(
                d.colors
                    .values()
                    .flat_map(|c| c.names.iter().chain(&c.members)),
            );
        for phrase in lists {
            builtin.extend(vitrine::text::words(phrase));
        }
    }
    let mut checked = 0;
    for facet in ["brand", "color"] {
        for value in vocab.values(facet) {
            let target = vitrine::text::key(&value.value);
            if target.contains(' ') || target.len() < 4 {
                continue;
            }
            for word in &words {
                let d = strsim::osa_distance(word, &target);
                if d == 0
                    || d > 2
                    || word.contains(&target)
                    || target.contains(word.as_str())
                    || builtin.contains(word)
                {
                    continue;
                }
                for message in [word.clone(), format!("shirts {word}")] {
                    let u = lx.understand(&message, Lang::En);
                    let wrong = u.ops.iter().any(|op| match op {
                        Op::Set(_, values) | Op::Add(_, values) | Op::Exclude(_, values) => {
                            values.iter().any(|v| vitrine::text::key(v) == target)
                        }
                        _ => false,
                    });
                    assert!(
                        !wrong,
                        "{message:?} was read as the {facet} {:?}: {:?}",
                        value.value, u.ops
                    );
                    checked += 1;
                }
            }
        }
    }
    checked
}

#[test]
fn everyday_words_are_never_corrected_into_brands_or_colours() {
    let checked = everyday_words_near(myntra(), &load("myntra.json"), "src/language/words/en.txt");
    assert!(checked > 1_000, "only {checked} messages checked");
    let checked = everyday_words_near(loja(), &load("loja_br.json"), "src/language/words/pt.txt");
    assert!(checked > 100, "only {checked} messages checked");
}
