//! Shoppers' multi-turn conversations, checked the way a shopper would:
//! every product shown must satisfy, by its own catalog row (read back
//! with the importer's reader, before anything is learned from it), every
//! constraint stated so far in the conversation — set-aside ones included —
//! unless the turn says that constraint was set aside (`relaxed`). What the
//! shopper asked is written here, by hand, for each step; the engine's own
//! filters are never the reference.
//!
//! Catalogs: the English and Portuguese demo stores, and the real Myntra
//! and br-retail datasets (skipped visibly when `../shared/datasets` is
//! missing, failing under `CI=true`).

#[path = "common/datasets.rs"]
mod datasets;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tempfile::TempDir;
use vitrine::catalog::{CatalogReader, ReadOptions};
use vitrine::index::{ImportOptions, import};
use vitrine::text::key;
use vitrine::{Engine, Product, Session, Turn, TurnKind};

// ---------------------------------------------------------------- catalogs

struct Store {
    _dir: TempDir,
    engine: Engine,
    /// id -> the product as the catalog file writes it.
    rows: HashMap<String, Product>,
}

fn open(csv: &Path, currency: Option<&str>) -> Store {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut opts = ImportOptions::default();
    opts.read.default_currency = currency.map(str::to_string);
    import(csv, dir.path(), &opts).unwrap_or_else(|e| panic!("import {}: {e}", csv.display()));
    let engine = Engine::open(dir.path()).expect("engine");
    let mut reader = CatalogReader::open(csv, &ReadOptions::default()).expect("reader");
    let rows = (&mut reader)
        .filter_map(Result::ok)
        .map(|p| (p.id.clone(), p))
        .collect();
    Store {
        _dir: dir,
        engine,
        rows,
    }
}

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn demo() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| open(&repo("catalog/demo.csv"), None))
}

fn demo_pt() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| open(&repo("catalog/demo-pt.csv"), None))
}

fn dataset(
    relative: &str,
    currency: Option<&str>,
    cell: &'static OnceLock<Option<Store>>,
) -> Option<&'static Store> {
    cell.get_or_init(|| datasets::dataset(relative).map(|csv| open(&csv, currency)))
        .as_ref()
}

fn myntra() -> Option<&'static Store> {
    static STORE: OnceLock<Option<Store>> = OnceLock::new();
    dataset("myntra/products.csv", Some("INR"), &STORE)
}

/// Myntra as a store exports it with its colours and audiences in titles
/// only: id, title, brand, price and description under other names.
fn myntra_titles_only() -> Option<&'static Store> {
    static STORE: OnceLock<Option<(TempDir, Store)>> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let source = datasets::dataset("myntra/products.csv")?;
            let dir = tempfile::tempdir().expect("tempdir");
            let csv = dir.path().join("titles-only.csv");
            let mut reader = csv::Reader::from_path(&source).expect("myntra");
            let headers = reader.headers().expect("headers").clone();
            let at = |name: &str| headers.iter().position(|h| h == name).expect(name);
            let columns = [
                at("Product_ID"),
                at("Product_Name"),
                at("Product_Brand"),
                at("Price"),
                at("Description"),
            ];
            let mut writer = csv::Writer::from_path(&csv).expect("write");
            writer
                .write_record(["sku", "title", "manufacturer", "sale_price", "body_html"])
                .expect("write");
            for row in reader.records() {
                let row = row.expect("row");
                writer
                    .write_record(columns.iter().map(|&c| row.get(c).unwrap_or("")))
                    .expect("write");
            }
            writer.flush().expect("flush");
            let store = open(&csv, Some("INR"));
            Some((dir, store))
        })
        .as_ref()
        .map(|(_, store)| store)
}

fn br_retail() -> Option<&'static Store> {
    static STORE: OnceLock<Option<Store>> = OnceLock::new();
    dataset("br-retail/products.csv", None, &STORE)
}

// ---------------------------------------------------------------- what was asked

/// One thing the shopper asked, checked on a catalog row.
#[derive(Debug, Clone)]
enum Want {
    /// The title or category path names one of these (word prefixes, folded).
    Kind(&'static [&'static str]),
    /// The colour cell (else the title) names one of these.
    Colour(&'static [&'static str]),
    /// The gender cell (else the title) names one of these.
    Audience(&'static [&'static str]),
    /// This brand.
    Brand(&'static str),
    /// Not this brand.
    NotBrand(&'static str),
    /// At most this price.
    Under(f64),
    /// The title or description has this word (prefix, folded).
    Word(&'static str),
    /// One of these words in the title or description.
    AnyWord(&'static [&'static str]),
    /// The size cell lists this size.
    Size(&'static str),
}

impl Want {
    /// The constraint a turn names in `relaxed` when it set this aside.
    fn kind(&self) -> &'static str {
        match self {
            Want::Kind(_) => "type",
            Want::Colour(_) => "color",
            Want::Audience(_) => "gender",
            Want::Brand(_) | Want::NotBrand(_) => "brand",
            Want::Under(_) => "price",
            Want::Word(_) | Want::AnyWord(_) => "text",
            Want::Size(_) => "size",
        }
    }

    fn holds(&self, p: &Product) -> bool {
        let names = |text: &str, words: &[&str]| {
            let said = key(text);
            words.iter().any(|w| {
                let w = key(w);
                said.split(' ').any(|t| t.starts_with(&w))
                    || w.contains(' ') && format!(" {said} ").contains(&format!(" {w}"))
            })
        };
        let title_and_path = format!("{} {}", p.title, p.category.as_deref().unwrap_or(""));
        match self {
            Want::Kind(words) => names(&title_and_path, words),
            // The colour cell, or the title past its brand: a title names
            // the colour where its cell is wrong ("Red Tape Men Black …
            // Derbys" in a "Red" cell).
            Want::Colour(words) => {
                let brand = key(p.brand.as_deref().unwrap_or(""));
                let title = key(&p.title);
                let past_brand = title.strip_prefix(brand.as_str()).unwrap_or(&title);
                p.color
                    .as_deref()
                    .filter(|c| !c.trim().is_empty())
                    .is_some_and(|colour| names(colour, words))
                    || names(past_brand, words)
            }
            // A unisex product is for men and for women (Google's product
            // data: "unisex" is for both), a kids' one for boys and girls.
            Want::Audience(words) => match p.gender.as_deref().filter(|g| !g.trim().is_empty()) {
                Some(gender) => {
                    let g = key(gender);
                    let adult = words.iter().any(|w| MEN.contains(w) || WOMEN.contains(w));
                    names(gender, words)
                        || adult && matches!(g.as_str(), "unisex" | "unissex")
                        || !adult && names(gender, &["kids", "infantil", "unisex kids"])
                }
                None => names(&title_and_path, words),
            },
            Want::Brand(b) => p.brand.as_deref().is_some_and(|x| key(x) == key(b)),
            Want::NotBrand(b) => p.brand.as_deref().is_none_or(|x| key(x) != key(b)),
            Want::Under(max) => p.price.is_some_and(|x| x <= *max + 0.005),
            Want::Word(w) => names(&format!("{} {}", p.title, p.description), &[w]),
            Want::AnyWord(words) => names(&format!("{} {}", p.title, p.description), words),
            Want::Size(size) => p.size.as_deref().is_some_and(|cell| {
                cell.split([',', '/', '|', ';'])
                    .any(|s| s.trim().eq_ignore_ascii_case(size))
            }),
        }
    }
}

/// A conversation on one store, with the log of what was said.
struct Chat<'a> {
    store: &'a Store,
    session: Session,
    wants: Vec<Want>,
    log: Vec<String>,
}

impl<'a> Chat<'a> {
    fn new(store: &'a Store) -> Self {
        Chat {
            store,
            session: Session::default(),
            wants: Vec::new(),
            log: Vec::new(),
        }
    }

    fn fail(&self, why: &str) -> String {
        format!("{why}\nconversation:\n{}", self.log.join("\n"))
    }

    /// Says `message`; `set` are what it asks from now on (a new want of a
    /// kind replaces the old one of that kind). Checks every product shown
    /// against everything asked so far and returns the turn.
    fn say(&mut self, message: &str, set: &[Want]) -> Turn {
        for want in set {
            self.wants.retain(|w| w.kind() != want.kind());
        }
        self.wants.extend(set.iter().cloned());
        let turn = self
            .store
            .engine
            .turn(&mut self.session, message, 10)
            .unwrap_or_else(|e| panic!("{message:?}: {e}"));
        let relaxed: Vec<&str> = turn.relaxed.iter().map(|r| r.constraint.name()).collect();
        self.log.push(format!(
            "> {message}\n< [{:?}, {} of {}, relaxed {relaxed:?}] {}",
            turn.kind,
            turn.products.len(),
            turn.total,
            turn.reply
        ));
        for p in &turn.products {
            let row = self
                .store
                .rows
                .get(&p.id)
                .unwrap_or_else(|| panic!("{} is not a row of the catalog", p.id));
            // "There's nothing cheaper": the answer to "cheaper" is that
            // there is none; what is shown is the list before it.
            let nothing_beyond = turn.reply.starts_with("There's nothing")
                || turn.reply.starts_with("Não há opções");
            for want in &self.wants {
                let moved = nothing_beyond && matches!(want, Want::Under(_));
                if !want.holds(row) && !relaxed.contains(&want.kind()) && !moved {
                    panic!(
                        "{}",
                        self.fail(&format!(
                            "{} {:?} breaks {want:?}, and the turn does not say {} was set aside",
                            p.id,
                            row.title,
                            want.kind()
                        ))
                    );
                }
            }
        }
        turn
    }

    /// Says `message` and expects products that all match exactly.
    fn exact(&mut self, message: &str, set: &[Want]) -> Turn {
        let turn = self.say(message, set);
        assert!(
            turn.kind == TurnKind::Results && turn.relaxed.is_empty() && !turn.products.is_empty(),
            "{}",
            self.fail("expected exact matches")
        );
        turn
    }

    /// Forgets what the shopper asked (after "start over").
    fn forget(&mut self) {
        self.wants.clear();
    }
}

// ---------------------------------------------------------------- words

const SNEAKERS: &[&str] = &["sneaker", "trainer", "tênis", "tenis"];
const BLACK: &[&str] = &["black", "preto", "preta", "jet black", "onyx"];
const WHITE: &[&str] = &["white", "branco", "branca", "off white", "ivory"];
const MEN: &[&str] = &["men", "man", "masculino", "masculina"];
const WOMEN: &[&str] = &["women", "woman", "ladies", "feminino", "feminina"];

// ---------------------------------------------------------------- demo (EN)

#[test]
fn demo_sneakers_brand_cheaper_colour_start_over() {
    let mut chat = Chat::new(demo());
    chat.exact(
        "black sneakers for men under 150",
        &[
            Want::Kind(SNEAKERS),
            Want::Colour(BLACK),
            Want::Audience(MEN),
            Want::Under(150.0),
        ],
    );
    chat.say("only nike", &[Want::Brand("Nike")]);
    let t = chat.say("actually white", &[Want::Colour(WHITE)]);
    assert_eq!(t.lang, vitrine::Lang::En);
    chat.say("start over", &[]);
    chat.forget();
    let t = chat.say("cheaper", &[]);
    // Nothing was shown after starting over: no old price comes back.
    assert_eq!(
        t.filters.price_max,
        None,
        "{}",
        chat.fail("old price after start over")
    );
}

#[test]
fn cheaper_after_nothing_found_says_nothing_was_shown() {
    for (first, cheaper, said) in [
        ("purple unicorn plush", "cheaper", "haven't shown"),
        (
            "pelúcia de unicórnio roxa",
            "mais barato",
            "Ainda não mostrei",
        ),
    ] {
        let mut chat = Chat::new(demo());
        let nothing = chat.say(first, &[]);
        assert!(nothing.products.is_empty(), "{}", nothing.reply);
        let t = chat.say(cheaper, &[]);
        assert!(t.products.is_empty(), "{}", t.reply);
        assert!(t.reply.contains(said), "{}", chat.fail("not told"));
    }
}

#[test]
fn demo_a_cheaper_cap_stays_with_its_product_type() {
    let mut chat = Chat::new(demo());
    chat.exact("sneakers", &[Want::Kind(SNEAKERS)]);
    let cheaper = chat.say("cheaper", &[]);
    assert!(
        cheaper.filters.price_max.is_some(),
        "{}",
        chat.fail("cheaper sets a cap")
    );
    // "cheaper" was about those sneakers: backpacks start from their own
    // prices, and no cap is announced as kept.
    let t = chat.say("show me backpacks", &[Want::Kind(&["backpack"])]);
    assert_eq!(
        t.filters.price_max,
        None,
        "{}",
        chat.fail("a cheaper cap followed the shopper to another type")
    );
    assert!(!t.products.is_empty() && t.total > 0);
    // A budget the shopper named does follow them, as before.
    chat.say("start over", &[]);
    chat.forget();
    chat.exact(
        "sneakers under 150",
        &[Want::Kind(SNEAKERS), Want::Under(150.0)],
    );
    chat.say("cheaper", &[]);
    chat.say("under 120", &[Want::Under(120.0)]);
    let t = chat.say("show me backpacks", &[Want::Kind(&["backpack"])]);
    assert_eq!(
        t.filters.price_max,
        Some(120.0),
        "{}",
        chat.fail("a named budget")
    );
}

#[test]
fn demo_a_brand_the_next_product_type_lacks_is_forgotten_not_set_aside() {
    let mut chat = Chat::new(demo());
    chat.exact(
        "nike sneakers",
        &[Want::Kind(SNEAKERS), Want::Brand("Nike")],
    );
    // Nike makes no backpack here: the backpacks, as exact matches, with
    // no "I found no Nike backpacks" and no "I kept your brand", but a
    // word that the brand was left out.
    chat.forget();
    let t = chat.exact("what about backpacks?", &[Want::Kind(&["backpack"])]);
    assert!(t.total >= 2, "{}", chat.fail("backpacks"));
    assert!(
        !t.reply.starts_with("I found no")
            && !t.reply.contains("kept")
            && t.reply.contains("I left out your brand (Nike) filter"),
        "{}",
        chat.fail("the brand of the sneakers in the reply")
    );
    assert!(
        t.filters.facet(&vitrine::model::Slot::Brand).is_none(),
        "{}",
        chat.fail("the brand stays in the filters")
    );
}

#[test]
fn demo_how_much_is_the_price_of_what_was_shown() {
    let mut chat = Chat::new(demo());
    let first = chat.exact("sneakers", &[Want::Kind(SNEAKERS)]);
    // "how much?" searched for the word "much".
    let t = chat.say("how much?", &[]);
    assert_eq!(t.kind, TurnKind::Results, "{}", chat.fail("the list again"));
    assert_eq!(t.total, first.total, "{}", chat.fail("the same list"));
    assert!(
        t.filters.text.is_empty(),
        "{}",
        chat.fail("'much' as a word")
    );
    let picked = chat.say("the second one", &[]);
    assert_eq!(picked.kind, TurnKind::Details);
    assert_eq!(picked.products.len(), 1);
    // After a product was opened: its price again.
    let t = chat.say("how much is it?", &[]);
    assert_eq!(
        t.kind,
        TurnKind::Details,
        "{}",
        chat.fail("the product looked at")
    );
    assert_eq!(
        t.products.first().map(|p| &p.id),
        picked.products.first().map(|p| &p.id),
        "{}",
        chat.fail("the product looked at")
    );
    // Nothing shown yet: said so.
    let mut chat = Chat::new(demo());
    let t = chat.say("quanto custa?", &[]);
    assert_eq!(t.kind, TurnKind::Chat);
    assert!(t.products.is_empty());
}

#[test]
fn demo_unisex_products_are_for_men_and_for_women() {
    for (message, audience, other) in [
        ("sneakers for men", MEN, "Women"),
        ("sneakers for women", WOMEN, "Men"),
        ("tênis masculino", MEN, "Women"),
    ] {
        let mut chat = Chat::new(demo());
        let t = chat.say(message, &[Want::Kind(SNEAKERS), Want::Audience(audience)]);
        let genders: Vec<&str> = t
            .products
            .iter()
            .filter_map(|p| p.gender.as_deref())
            .collect();
        assert!(
            genders.contains(&"Unisex") && !genders.contains(&other) && t.relaxed.is_empty(),
            "{}",
            chat.fail(&format!(
                "unisex sneakers shown as exact, no {other}: {genders:?}"
            ))
        );
    }
}

#[test]
fn demo_a_set_aside_audience_stays_asked_for() {
    let mut chat = Chat::new(demo());
    // Whatever is set aside to show something, later turns keep checking it.
    chat.say(
        "handbags for men",
        &[
            Want::Kind(&["handbag", "bag", "purse", "tote"]),
            Want::Audience(MEN),
        ],
    );
    chat.say("in black", &[Want::Colour(BLACK)]);
    chat.say("show more", &[]);
    // The shopper drops it for good: no longer flagged, no longer checked.
    chat.wants.retain(|w| w.kind() != "gender");
    let t = chat.say("any gender is fine", &[]);
    assert!(
        t.relaxed.iter().all(|r| r.constraint.name() != "gender"),
        "{}",
        chat.fail("audience still set aside")
    );
}

#[test]
fn demo_the_newest_request_wins_a_conflict() {
    let mut chat = Chat::new(demo());
    chat.exact("t-shirts", &[Want::Kind(&["t-shirt", "tshirt", "tee"])]);
    chat.say("only nike", &[Want::Brand("Nike")]);
    // Kids' Nike t-shirts would keep the older brand: the newer audience wins.
    let t = chat.say("for women", &[Want::Audience(WOMEN)]);
    assert!(
        t.relaxed.iter().all(|r| r.constraint.name() != "gender"),
        "{}",
        chat.fail("the newest constraint was set aside")
    );
}

#[test]
fn demo_sort_phrases_order_the_products() {
    let mut chat = Chat::new(demo());
    chat.exact("sneakers", &[Want::Kind(SNEAKERS)]);
    for (message, ascending) in [
        ("from most expensive to cheapest", false),
        ("price low to high", true),
        ("sort from the highest price to the lowest", false),
        // "sort by price" then a direction: the direction ("cheapest first" before).
        ("sort by price high to low", false),
        ("in ascending order", true),
        // "first" after a price word orders; it does not pick product #1.
        ("expensive first", false),
        ("cheaper first", true),
        ("costliest first", false),
    ] {
        let t = chat.exact(message, &[]);
        let prices: Vec<f64> = t.products.iter().filter_map(|p| p.price).collect();
        let sorted = prices.windows(2).all(|w| {
            if ascending {
                w[0] <= w[1]
            } else {
                w[0] >= w[1]
            }
        });
        assert!(sorted, "{}", chat.fail(&format!("{message}: {prices:?}")));
    }
    // "best rated first" sorts; it does not pick product #1.
    let t = chat.say("best rated first", &[]);
    assert_eq!(
        t.kind,
        TurnKind::Results,
        "{}",
        chat.fail("best rated first")
    );
}

#[test]
fn demo_words_the_store_does_not_know_are_never_presented_as_exact() {
    for (message, wants) in [
        ("light bulb", vec![Want::Word("bulb")]),
        ("5 drawer dresser", vec![Want::Word("dresser")]),
        (
            "waterproof hiking boots",
            vec![Want::Word("waterproof"), Want::Kind(&["boot"])],
        ),
    ] {
        let mut chat = Chat::new(demo());
        chat.say(message, &wants);
    }
}

#[test]
fn demo_a_size_by_its_name_next_to_the_word_size() {
    let mut chat = Chat::new(demo());
    chat.exact("hoodie", &[Want::Kind(&["hoodie"])]);
    chat.exact("medium size", &[Want::Size("M")]);
    chat.exact(
        "t-shirts size large",
        &[Want::Kind(&["t-shirt", "tee"]), Want::Size("L")],
    );
    // Alone, "small" is the word: a small backpack is no size S.
    let mut chat = Chat::new(demo());
    let t = chat.say("small backpack", &[Want::Kind(&["backpack"])]);
    assert!(
        !t.filters.facets.contains_key(&vitrine::Slot::Size),
        "{}",
        chat.fail("no size asked")
    );
    let mut chat = Chat::new(demo_pt());
    chat.exact(
        "camiseta tamanho médio",
        &[Want::Kind(&["camiseta"]), Want::Size("M")],
    );
}

#[test]
fn demo_a_size_the_store_does_not_list_is_never_ignored() {
    let mut chat = Chat::new(demo());
    let t = chat.say(
        "sneakers size 15",
        &[Want::Kind(SNEAKERS), Want::Size("15")],
    );
    assert!(
        t.relaxed.iter().any(|r| r.constraint.name() == "size") && !t.products.is_empty(),
        "{}",
        chat.fail("size 15 is set aside and said so")
    );
    chat.exact("size 9", &[Want::Size("9")]);
    let mut chat = Chat::new(demo_pt());
    let t = chat.say(
        "tênis tamanho 48",
        &[Want::Kind(SNEAKERS), Want::Size("48")],
    );
    assert!(
        t.reply.contains("48"),
        "{}",
        chat.fail("the reply names the size")
    );
}

// ---------------------------------------------------------------- demo (PT)

#[test]
fn demo_pt_tenis_switch_follow_ups_and_budget() {
    let mut chat = Chat::new(demo_pt());
    let t = chat.say(
        "tênis preto masculino até R$ 500",
        &[
            Want::Kind(SNEAKERS),
            Want::Colour(BLACK),
            Want::Audience(MEN),
            Want::Under(500.0),
        ],
    );
    assert_eq!(t.lang, vitrine::Lang::Pt);
    // "e para mulher?" switches the audience, it does not add one.
    let t = chat.say("e para mulher?", &[Want::Audience(WOMEN)]);
    assert!(
        !t.filters
            .facets
            .values()
            .any(|f| f.any_of.iter().any(|v| key(v).starts_with("masculin"))),
        "{}",
        chat.fail("audience added, not switched")
    );
    chat.say("no máximo 300 reais", &[Want::Under(300.0)]);
    let t = chat.say("do mais caro para o mais barato", &[]);
    let prices: Vec<f64> = t.products.iter().filter_map(|p| p.price).collect();
    assert!(
        prices.windows(2).all(|w| w[0] >= w[1]),
        "{}",
        chat.fail("not most expensive first")
    );
    // Laughter in a Portuguese conversation stays Portuguese.
    let t = chat.say("kkkkk", &[]);
    assert_eq!(t.lang, vitrine::Lang::Pt, "{}", chat.fail("laughter"));
}

// ---------------------------------------------------------------- Myntra

#[test]
fn myntra_sneakers_for_men_refined_across_turns() {
    let Some(store) = myntra() else { return };
    let mut chat = Chat::new(store);
    chat.exact(
        "black sneakers for men under 3000",
        &[
            Want::Kind(SNEAKERS),
            Want::Colour(BLACK),
            Want::Audience(MEN),
            Want::Under(3000.0),
        ],
    );
    chat.say("only puma", &[Want::Brand("Puma")]);
    chat.say("no Puma either", &[Want::NotBrand("Puma")]);
    chat.say("actually white", &[Want::Colour(WHITE)]);
    chat.say("and for women?", &[Want::Audience(WOMEN)]);
}

#[test]
fn myntra_titles_only_colours_that_name_other_things_are_read_in_the_colours_place() {
    let Some(store) = myntra_titles_only() else {
        return;
    };
    // "khaki", "orange", "burgundy" name other things elsewhere; these
    // titles say them where they say "Black" ("Pepe Jeans Boys Khaki
    // Chinos"): found, not "no khaki chinos" and every chino shown.
    for (message, colour, at_least) in [
        ("khaki chinos", &["khaki"][..], 5),
        ("orange tshirts for men", &["orange"][..], 20),
        ("burgundy tops", &["burgundy", "maroon"][..], 5),
        // "Off-White", "Offwhite", "Off White": one shade ("off white
        // kurta" found the one kurta whose title wrote it apart).
        ("off white kurta for women", &["off", "offwhite"][..], 20),
    ] {
        let mut chat = Chat::new(store);
        let t = chat.exact(message, &[Want::Colour(colour)]);
        assert!(t.total >= at_least, "{}", chat.fail("too few"));
    }
    // "off-white" is the colour, not a word: another colour replaces it.
    let mut chat = Chat::new(store);
    let t = chat.exact("off-white shirt for men", &[Want::Audience(MEN)]);
    assert!(
        t.filters.text.is_empty(),
        "{}",
        chat.fail("off-white as words")
    );
    let t = chat.exact("in blue instead", &[Want::Colour(&["blue", "navy"])]);
    assert!(t.total >= 100, "{}", chat.fail("blue shirts"));
}

#[test]
fn myntra_a_colour_typed_with_a_doubled_letter_once_is_that_colour() {
    let Some(store) = myntra() else { return };
    // "gren" was grey: a doubled letter typed once is likelier than a key
    // far from the one meant.
    let mut chat = Chat::new(store);
    chat.exact(
        "kurta for women",
        &[Want::Kind(&["kurta", "kurti"]), Want::Audience(WOMEN)],
    );
    chat.exact("gren", &[Want::Colour(&["green", "olive"])]);
    // A vowel for another is spelling by ear: "grean" is green, not the
    // brand Greman.
    chat.exact("grean", &[Want::Colour(&["green", "olive"])]);
}

#[test]
fn myntra_a_lone_amount_after_a_budget_is_the_new_budget() {
    let Some(store) = myntra() else { return };
    // "make it 800" searched for the word "800" and kept ₹500.
    let mut chat = Chat::new(store);
    chat.exact(
        "tshirts for men under 500",
        &[
            Want::Kind(&["t-shirt", "tshirt"]),
            Want::Audience(MEN),
            Want::Under(500.0),
        ],
    );
    let t = chat.exact("make it 800", &[Want::Under(800.0)]);
    assert_eq!(t.filters.price_max, Some(800.0), "{}", chat.fail("budget"));
    assert!(t.filters.text.is_empty(), "{}", chat.fail("800 as a word"));
    // "increase", "raise" were words no title has.
    for (said, max) in [("increase to 900", 900.0), ("raise budget to 1000", 1000.0)] {
        let t = chat.exact(said, &[Want::Under(max)]);
        assert_eq!(t.filters.price_max, Some(max), "{}", chat.fail("budget"));
        assert!(
            t.filters.text.is_empty(),
            "{}",
            chat.fail("a verb as a word")
        );
    }
}

#[test]
fn myntra_a_size_is_asked_for_though_the_store_lists_none() {
    let Some(store) = myntra() else { return };
    let mut chat = Chat::new(store);
    let t = chat.say(
        "black formal shoes size 9",
        &[Want::Colour(BLACK), Want::Size("9")],
    );
    assert!(
        t.relaxed.iter().any(|r| r.constraint.name() == "size"),
        "{}",
        chat.fail("no size column: the size is set aside, and said so")
    );
    // Letter sizes too, in either language, however the store lists none.
    for (first, size, letter) in [
        ("kurta for women", "size M", "M"),
        ("kurta for women", "size xl", "XL"),
        ("camiseta masculina", "tamanho G", "G"),
    ] {
        let mut chat = Chat::new(store);
        chat.say(first, &[]);
        let t = chat.say(size, &[]);
        assert!(
            t.relaxed
                .iter()
                .any(|r| r.constraint.name() == "size" && r.values == [letter]),
            "{}",
            chat.fail(&format!("size {letter} asked for, set aside, said so"))
        );
    }
}

#[test]
fn myntra_a_shade_the_colour_column_rounds_to_its_family_is_read_in_titles() {
    let Some(store) = myntra() else { return };
    // Myntra's colour column says "Blue" for 1,306 titles reading "Navy
    // Blue": "navy" finds them, and no other blue.
    let mut chat = Chat::new(store);
    let t = chat.say("navy blue shirt for men", &[Want::Audience(MEN)]);
    assert!(
        t.total > 100
            && t.relaxed.is_empty()
            && t.products.iter().all(|p| {
                key(&p.title).contains("navy")
                    || p.color.as_deref().is_some_and(|c| key(c).contains("navy"))
            })
            && t.reply.contains("navy"),
        "{}",
        chat.fail("navy shirts, by title or colour")
    );
}

#[test]
fn myntra_either_regional_spelling_finds_both() {
    let Some(store) = myntra() else { return };
    // The titles spell it "Analogue"; the shopper writes "analog".
    let british = store
        .rows
        .values()
        .filter(|p| {
            key(&p.title).contains("analogue watch")
                && p.gender.as_deref().is_some_and(|g| key(g) == "men")
        })
        .count() as u64;
    assert!(british > 0, "the dataset spells analogue");
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "analog watches for men",
        &[Want::Kind(&["watch"]), Want::Audience(MEN)],
    );
    assert!(
        t.total >= british,
        "{}",
        chat.fail(&format!(
            "{} found, {british} titles say Analogue Watch",
            t.total
        ))
    );
}

#[test]
fn myntra_only_the_words_no_product_has_are_set_aside() {
    let Some(store) = myntra() else { return };
    let mut chat = Chat::new(store);
    chat.say("i need a saree for a wedding", &[Want::Kind(&["saree"])]);
    // "silk" is in many saree titles, "wedding" in none: the answer sets
    // aside "wedding" only, and every saree shown is a silk one.
    let t = chat.say("silk", &[]);
    let relaxed: Vec<&Vec<String>> = t.relaxed.iter().map(|r| &r.values).collect();
    assert_eq!(
        relaxed,
        vec![&vec!["wedding".to_string()]],
        "{}",
        chat.fail("only wedding set aside")
    );
    assert!(!t.products.is_empty(), "{}", chat.fail("silk sarees"));
    for p in &t.products {
        let row = &store.rows[&p.id];
        assert!(
            key(&format!("{} {}", row.title, row.description)).contains("silk"),
            "{}",
            chat.fail(&format!("{} {:?} is no silk saree", p.id, row.title))
        );
    }
}

#[test]
fn myntra_a_compound_the_store_lacks_is_read_by_its_words() {
    let Some(store) = myntra() else { return };
    // No "kurta set" type in this store, but kurtas: the kurtas, with
    // "set" asked of their titles (and set aside out loud when none has it).
    let mut chat = Chat::new(store);
    let t = chat.say(
        "cotton kurta set",
        &[
            Want::Kind(&["kurta", "kurti"]),
            Want::Word("cotton"),
            Want::Word("set"),
        ],
    );
    assert!(!t.products.is_empty(), "{}", chat.fail("cotton kurtas"));
}

#[test]
fn myntra_a_two_word_colour_the_store_lacks_is_asked_of_titles() {
    let Some(store) = myntra() else { return };
    // The colours learned are "Rose" and "Gold"; "rose gold" is neither,
    // it is what the titles say.
    let mut chat = Chat::new(store);
    chat.exact(
        "watch for women rose gold",
        &[
            Want::Kind(&["watch"]),
            Want::Audience(WOMEN),
            Want::Word("rose gold"),
        ],
    );
}

#[test]
fn myntra_everyday_words_are_not_brands_or_colours() {
    let Some(store) = myntra() else { return };
    for message in [
        "return policy",
        "red wire",
        "shirts either way",
        "a lamp for the study",
    ] {
        let mut chat = Chat::new(store);
        let t = chat.say(message, &[]);
        let brands: Vec<&String> = t
            .filters
            .facets
            .iter()
            .filter(|(slot, _)| **slot == vitrine::Slot::Brand)
            .flat_map(|(_, f)| f.any_of.iter())
            .collect();
        assert!(
            brands.is_empty(),
            "{}",
            chat.fail(&format!("brand {brands:?} from {message:?}"))
        );
    }
}

#[test]
fn myntra_watches_for_men_and_a_portuguese_reply() {
    let Some(store) = myntra() else { return };
    let mut chat = Chat::new(store);
    chat.exact(
        "watches for men",
        &[Want::Kind(&["watch"]), Want::Audience(MEN)],
    );
    let mut chat = Chat::new(store);
    let t = chat.say(
        "relógio masculino preto",
        &[
            Want::Kind(&["watch"]),
            Want::Audience(MEN),
            Want::Colour(BLACK),
        ],
    );
    assert_eq!(t.lang, vitrine::Lang::Pt);
    // A Portuguese reply names the English catalog's concepts in Portuguese.
    assert!(
        t.reply.contains("relógios"),
        "{}",
        chat.fail("reply in Portuguese")
    );
}

// ---------------------------------------------------------------- br-retail

#[test]
fn br_retail_english_product_names_in_a_portuguese_store() {
    let Some(store) = br_retail() else { return };
    // "Air Fryer" is one type, headed by its last word as in English: not
    // "Air" (which also brought the store's air coolers and aquarium air
    // stones), and said as is, never "aires fryer".
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "quero uma air fryer até 400 reais",
        &[Want::Kind(&["air fryer", "airfryer"]), Want::Under(400.0)],
    );
    assert!(
        t.reply.contains("air fryer") && !t.reply.contains("aires"),
        "{}",
        chat.fail("the type named as the store writes it")
    );
    // Written closed, it finds the open spelling's products too.
    let mut chat = Chat::new(store);
    let t = chat.exact("airfryer", &[Want::Kind(&["air fryer", "airfryer"])]);
    assert!(
        t.total >= 10,
        "{}",
        chat.fail("both spellings of air fryer")
    );
    // An English loanword before a type is English word order: a smart TV
    // is a TV.
    let mut chat = Chat::new(store);
    chat.exact(
        "smart tv 50 polegadas",
        &[Want::Kind(&["tv"]), Want::Word("smart"), Want::Word("50")],
    );
    // A product's English name keeps the conversation in Portuguese.
    let mut chat = Chat::new(store);
    chat.exact("quero um pen drive", &[Want::Kind(&["pen drive"])]);
    let t = chat.exact("gift card", &[Want::Kind(&["gift card"])]);
    assert_eq!(
        t.lang,
        vitrine::Lang::Pt,
        "{}",
        chat.fail("a Portuguese reply")
    );
}

#[test]
fn br_retail_words_are_read_as_the_catalog_uses_them() {
    let Some(store) = br_retail() else { return };
    // "golden" is a colour and a brand of dog food: after "ração", the
    // brand is what matches.
    let mut chat = Chat::new(store);
    chat.exact(
        "ração para cachorro adulto até 200",
        &[Want::Kind(&["ração", "racao"]), Want::Under(200.0)],
    );
    chat.exact("só golden", &[Want::Brand("Golden")]);
    // Golden makes no headphones: there, "golden" is the colour.
    let mut chat = Chat::new(store);
    chat.exact(
        "fone de ouvido golden",
        &[
            Want::Kind(&["fone", "headset", "headphone", "earphone", "earbud"]),
            Want::Colour(&["gold", "dourad"]),
        ],
    );
    // Nor mugs, of which none is golden: the colour is set aside out
    // loud, and no Golden product is shown as a mug.
    let mut chat = Chat::new(store);
    let t = chat.say("caneca golden", &[Want::Kind(&["caneca"])]);
    assert!(
        t.relaxed.iter().any(|r| r.constraint.name() == "color")
            && !t
                .products
                .iter()
                .any(|p| p.brand.as_deref() == Some("Golden")),
        "{}",
        chat.fail("the colour set aside, no Golden product")
    );
    // An English concept name in a Portuguese store needs a few products:
    // one "Cat Trainer" spray is no pair of trainers.
    let mut chat = Chat::new(store);
    chat.say("tênis", &[Want::Kind(&["tênis", "tenis", "sneaker"])]);
    // Typed without its accent, the word is named with it in the reply.
    let mut chat = Chat::new(store);
    let t = chat.say("tenis preto", &[]);
    assert!(
        t.reply.contains("tênis pretos") && !t.reply.contains("tenis"),
        "{}",
        chat.fail("tênis pretos, accented")
    );
    // A part or a service for a product is not that product: no notebook
    // battery among notebooks, no extended warranty among microwaves.
    for (message, part) in [
        ("notebook até 3000", "bateria"),
        ("micro-ondas", "garantia"),
    ] {
        let mut chat = Chat::new(store);
        let t = chat.say(message, &[]);
        assert!(
            !t.products.is_empty() && t.products.iter().all(|p| !key(&p.title).starts_with(part)),
            "{}",
            chat.fail(&format!("no {part} shown"))
        );
    }
    // "pequeno" names hundreds of small-dog products and one product's
    // type: it is the word.
    let mut chat = Chat::new(store);
    let t = chat.say("coleira para cachorro pequeno", &[Want::Kind(&["coleira"])]);
    assert!(
        !t.reply.contains("pequenos"),
        "{}",
        chat.fail("pequeno is no product type")
    );
}

#[test]
fn br_retail_a_colour_and_a_resolution_refine_the_search() {
    let Some(store) = br_retail() else { return };
    // "4k" is asked of the titles, not taken for a price or dropped.
    let mut chat = Chat::new(store);
    chat.exact(
        "smart tv 4k",
        &[Want::Kind(&["tv", "televis"]), Want::Word("4k")],
    );
    // A colour after a separator names a phone's variant ("A56 5G -
    // Rosa + Galaxy Fit3"), not a product type "Rosa": "rosa" after
    // "copo stanley" is the colour of the same cups.
    let mut chat = Chat::new(store);
    chat.exact(
        "copo stanley",
        &[Want::Kind(&["copo"]), Want::Brand("Stanley")],
    );
    chat.exact("rosa", &[Want::Colour(&["rosa", "pink", "rose"])]);
}

#[test]
fn br_retail_replies_name_what_the_shopper_said_not_the_catalog_internals() {
    let Some(store) = br_retail() else { return };
    // A colour set aside is named by its family, not the catalog's every
    // shade of it ("Branco, White, Marfim, … Offwhite"); the feed's own
    // column is asked about in Portuguese ("Qual loja?", not "retailer?").
    let mut chat = Chat::new(store);
    chat.say("micro-ondas", &[Want::Kind(&["micro-ondas", "microondas"])]);
    chat.say("branco", &[]);
    let t = chat.say("na verdade inox", &[]);
    assert!(
        !t.reply.contains("Marfim")
            && !t.reply.contains("Offwhite")
            && !t.reply.contains("retailer"),
        "{}",
        chat.fail("the family, in Portuguese")
    );
    // A maker's name covers its sub-brands: "logitech" is "Logitech" and
    // "Logitech G", whose gaming mice the shopper asks for.
    let mut chat = Chat::new(store);
    let t = chat.exact("mouse gamer logitech", &[Want::Kind(&["mouse"])]);
    assert!(
        t.products.iter().all(|p| p
            .brand
            .as_deref()
            .is_some_and(|b| b.starts_with("Logitech"))),
        "{}",
        chat.fail("Logitech's mice, Logitech G's among them")
    );
    // "com microfone" after "headset sem fio" is a feature of the same
    // headsets, not a new search for microphones.
    let mut chat = Chat::new(store);
    chat.exact(
        "headset sem fio",
        &[Want::Kind(&["headset", "fone", "headphone"])],
    );
    chat.exact("com microfone", &[Want::AnyWord(&["microfone", "mic"])]);
    // "m.2" is read as the titles write it.
    let mut chat = Chat::new(store);
    chat.exact("ssd m.2", &[Want::Kind(&["ssd"]), Want::Word("m.2")]);
}

#[test]
fn br_retail_an_english_shopper_is_understood_on_a_portuguese_catalog() {
    let Some(store) = br_retail() else { return };
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "fridge under 3000",
        &[
            Want::Kind(&["geladeira", "refrigerador"]),
            Want::Under(3000.0),
        ],
    );
    assert_eq!(
        t.lang,
        vitrine::Lang::En,
        "{}",
        chat.fail("an English reply")
    );
    chat.exact("only consul", &[Want::Brand("Consul")]);
    let mut chat = Chat::new(store);
    chat.exact("dog toys", &[Want::Kind(&["brinquedo"])]);
    let mut chat = Chat::new(store);
    chat.exact("mechanical keyboard", &[Want::Kind(&["teclado"])]);
    let mut chat = Chat::new(store);
    chat.exact("laptop", &[Want::Kind(&["notebook"])]);
    // Qualifiers are the catalog's words in the other language.
    let mut chat = Chat::new(store);
    chat.exact(
        "cat food for kittens",
        &[
            Want::Word("gato"),
            Want::Word("filhote"),
            Want::Word("ração"),
        ],
    );
    // "golden" is a colour too: the slot name after it says it is the brand.
    chat.exact("golden brand", &[Want::Brand("Golden")]);
    // Words that found nothing do not stay when others are tried.
    let mut chat = Chat::new(store);
    chat.exact("cat litter", &[Want::Word("areia"), Want::Word("gato")]);
    let mut chat = Chat::new(store);
    let t = chat.say("harpsichord", &[]);
    assert!(
        t.products.is_empty(),
        "{}",
        chat.fail("no harpsichord here")
    );
    let t = chat.exact("dog food for puppies", &[Want::AnyWord(&["ração", "food"])]);
    assert!(
        !t.reply.contains("harpsichord"),
        "{}",
        chat.fail("the words that found nothing are gone")
    );
    let mut chat = Chat::new(store);
    chat.exact(
        "stainless steel fridge under 3000",
        &[
            Want::Kind(&["geladeira", "refrigerador"]),
            Want::Word("inox"),
            Want::Under(3000.0),
        ],
    );
}

#[test]
fn br_retail_fridges_within_budget_then_cheaper() {
    let Some(store) = br_retail() else { return };
    let mut chat = Chat::new(store);
    let t = chat.say(
        "geladeira inox até 3000 reais",
        &[
            Want::Kind(&["geladeira", "refrigerador"]),
            Want::Word("inox"),
            Want::Under(3000.0),
        ],
    );
    assert_eq!(t.lang, vitrine::Lang::Pt);
    let cheapest = t
        .products
        .iter()
        .filter_map(|p| p.price)
        .fold(f64::MAX, f64::min);
    if cheapest < f64::MAX {
        let t = chat.say("mais barato", &[Want::Under(cheapest)]);
        if t.reply.starts_with("Não há opções mais baratas") {
            // Nothing cheaper, and it says so: the list shown is the one before.
            assert!(
                t.reply.contains("mais em conta"),
                "{}",
                chat.fail("nothing cheaper")
            );
        }
    }
}

#[test]
fn br_retail_pet_food_and_lego() {
    let Some(store) = br_retail() else { return };
    let mut chat = Chat::new(store);
    chat.say(
        "ração para gatos filhotes",
        &[Want::Kind(&["ração", "racao"]), Want::Word("gato")],
    );
    // "cachorro", "cão" and the titles' "Cães" are one animal.
    for message in ["ração pra cachorro", "ração para cão"] {
        let mut chat = Chat::new(store);
        let t = chat.say(
            message,
            &[
                Want::Kind(&["ração", "racao"]),
                Want::AnyWord(&["cachorro", "cão", "cães", "cadela", "dog"]),
            ],
        );
        assert!(
            t.total > 500,
            "{}",
            chat.fail("the dogs' food under every name")
        );
    }
    let mut chat = Chat::new(store);
    chat.say(
        "lego para meninas",
        &[
            Want::Brand("Lego"),
            Want::Audience(&["menina", "feminin", "girl"]),
        ],
    );
    let mut chat = Chat::new(store);
    // Catalog words only, in a new conversation: the catalog's language.
    let t = chat.say("brastemp", &[Want::Brand("Brastemp")]);
    assert_eq!(t.lang, vitrine::Lang::Pt);
}

/// The greeting, the help and "not understood" show a request this
/// catalog answers, in its currency: its most common product type, not a
/// fixed "black sneakers for men under $80".
#[test]
fn the_greeting_shows_what_this_catalog_answers() {
    let stores: Vec<(&Store, [&str; 2], &[&str], &str)> = [
        Some((demo(), ["hi", "help"], &["sneakers"][..], "$")),
        Some((demo_pt(), ["oi", "ajuda"], &["tênis"][..], "R$")),
        // Shirts are the most common, but "Polo Shirt" narrows them now.
        myntra().map(|s| (s, ["hi", "help"], &["shirts", "kurtas"][..], "₹")),
        br_retail().map(|s| (s, ["oi", "ajuda"], &["rações", "ração"][..], "R$")),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (store, [hello, help], kind, currency) in stores {
        for message in [hello, help, "zxqv wplk"] {
            let mut chat = Chat::new(store);
            let t = chat.say(message, &[]);
            let example = t.reply.split('“').nth(1).unwrap_or_default();
            assert!(
                kind.iter().any(|k| example.contains(k)) && example.contains(currency),
                "{}",
                chat.fail(&format!("an example of {kind:?} in {currency}"))
            );
        }
    }
}

#[test]
fn myntra_portuguese_clothing_words_find_the_english_titles() {
    let Some(store) = myntra() else { return };
    // Xadrez is checked, manga longa long/full sleeves, capuz a hood.
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "camisa xadrez masculina",
        &[
            Want::Kind(&["shirt"]),
            Want::Audience(MEN),
            Want::AnyWord(&["check", "plaid", "tartan"]),
        ],
    );
    assert!(t.total > 300, "{}", chat.fail("the checked shirts"));
    assert_eq!(t.lang, vitrine::Lang::Pt, "{}", t.reply);
    let mut chat = Chat::new(store);
    let t = chat.exact("moletom masculino sem capuz", &[Want::Audience(MEN)]);
    for p in &t.products {
        let row = &store.rows[&p.id];
        assert!(
            !key(&format!("{} {}", row.title, row.description)).contains("hood"),
            "{}",
            chat.fail(&format!("{} {:?} has a hood", p.id, row.title))
        );
    }
    let mut chat = Chat::new(store);
    chat.exact(
        "camiseta manga longa masculina",
        &[Want::AnyWord(&["long sleeve", "full sleeve"])],
    );
}

#[test]
fn myntra_two_colours_together_and_a_brand_after_only() {
    let Some(store) = myntra() else { return };
    // Red and black shoes: both colours in each, never a brand's word
    // ("Red Tape Men Black Leather Derbys", whose colour cell says Red).
    let mut chat = Chat::new(store);
    let t = chat.exact("red and black shoes", &[]);
    for p in &t.products {
        let row = &store.rows[&p.id];
        let title = key(&row.title);
        let without_brand = title
            .strip_prefix(&key(row.brand.as_deref().unwrap_or("")))
            .unwrap_or(&title);
        let colours = format!(
            "{without_brand} {}",
            key(row.color.as_deref().unwrap_or(""))
        );
        assert!(
            without_brand.contains("red") && colours.contains("black")
                || without_brand.contains("black") && colours.contains("red"),
            "{}",
            chat.fail(&format!("{} {:?} is not red and black", p.id, row.title))
        );
    }
    // "only" before a brand is the word, not the brand ONLY.
    let mut chat = Chat::new(store);
    chat.say("black dresses", &[Want::Kind(&["dress"])]);
    chat.exact("only Aurelia", &[Want::Brand("AURELIA")]);
}

#[test]
fn myntra_a_colour_written_with_its_suffix_is_the_products_colour() {
    let Some(store) = myntra() else { return };
    // A third of the store's "Red" cells are a default: "Peach-Coloured",
    // "Cream-Coloured", "Gold-Toned" titles whose cell says Red are those
    // colours, not red.
    for message in ["red dress for women", "red kurta for women", "red heels"] {
        let t = store
            .engine
            .turn(&mut Session::default(), message, 100)
            .expect("turn");
        assert!(t.total > 5, "{message}: {}", t.reply);
        for p in &t.products {
            let title = key(&p.title);
            let red = ["red", "maroon", "burgundy", "wine"]
                .iter()
                .any(|r| title.split(' ').any(|w| w == *r));
            for other in [
                "peachcoloured",
                "creamcoloured",
                "nudecoloured",
                "goldtoned",
            ] {
                assert!(red || !title.contains(other), "{message}: {}", p.title);
            }
        }
    }
    // Asked by those words, they are found ("gold toned earrings" said
    // there were none while showing them).
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "gold toned earrings",
        &[Want::Kind(&["earring"]), Want::Word("gold")],
    );
    assert!(t.total >= 5, "{}", chat.fail("few gold-toned earrings"));
    let mut chat = Chat::new(store);
    let t = chat.exact("cream kurta women", &[Want::Kind(&["kurta", "kurti"])]);
    assert!(t.total >= 5, "{}", chat.fail("few cream kurtas"));
}

#[test]
fn myntra_another_type_the_titles_give_the_one_asked_narrows_it() {
    let Some(store) = myntra() else { return };
    // "jacket men", then "bomber": the bomber jackets, not the ten
    // products typed Bomber.
    let mut chat = Chat::new(store);
    chat.say(
        "jacket men",
        &[Want::Kind(&["jacket"]), Want::Audience(MEN)],
    );
    let t = chat.exact("bomber", &[Want::Word("bomber")]);
    assert!(t.total >= 15, "{}", chat.fail("few bomber jackets"));
    // Another kind of product the jackets' titles do not name replaces it
    // (and the words that narrowed the jackets).
    const SHOES: &[&str] = &[
        "shoe", "sneaker", "derby", "loafer", "boot", "brogue", "oxford", "monk", "slip", "flat",
    ];
    chat.forget();
    let t = chat.exact("shoes", &[Want::Kind(SHOES), Want::Audience(MEN)]);
    assert!(t.total >= 15, "{}", chat.fail("few shoes"));
}

#[test]
fn myntra_a_listed_shade_is_read_in_titles_of_its_family() {
    let Some(store) = myntra() else { return };
    // "Grey Melange" is the colour cell of 2 products and the title of
    // dozens of t-shirts whose cell says Grey: it said there were none.
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "grey melange tshirt",
        &[Want::Kind(&["t-shirt", "tshirt"]), Want::Word("melange")],
    );
    assert!(t.total >= 20, "{}", chat.fail("few grey melange t-shirts"));
}

#[test]
fn myntra_a_colour_the_export_writes_by_default_is_no_colour() {
    let Some(store) = myntra() else { return };
    // Titles contradict half of the store's "Red" cells: it is what the
    // export writes where it knows no colour. A "Red" product is red when
    // its title says so, its title's colour when it names another, and of
    // no known colour otherwise.
    for message in ["red top", "red kurta", "red tshirt for men"] {
        let t = store
            .engine
            .turn(&mut Session::default(), message, 100)
            .expect("turn");
        assert!(t.total >= 5, "{message}: {}", t.reply);
        for p in &t.products {
            let title = key(&p.title);
            assert!(
                ["red", "maroon", "burgundy", "wine", "rust", "coral"]
                    .iter()
                    .any(|r| title.split(' ').any(|w| w == *r)),
                "{message}: {} {}",
                p.id,
                p.title
            );
        }
    }
    // Multicoloured products are multicoloured, not red ("multicoloured
    // kurta" said there were none).
    let mut chat = Chat::new(store);
    chat.exact(
        "multicoloured kurta",
        &[Want::Kind(&["kurta"]), Want::Word("multicolo")],
    );
    // A word the colour column uses is a colour in titles too, where
    // elsewhere it names a fruit ("Kazo Women Orange Solid A-Line Top").
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "orange top for women",
        &[
            Want::Kind(&["top"]),
            Want::Word("orange"),
            Want::Audience(WOMEN),
        ],
    );
    assert!(t.total >= 20, "{}", chat.fail("few orange tops"));
}

#[test]
fn myntra_an_excluded_colour_stays_excluded_when_another_is_set_aside() {
    let Some(store) = myntra() else { return };
    // "heels", "not black", "under 1500", "red", "mochi": no red Mochi
    // heels, and setting the colour aside brought back the black ones.
    let mut session = Session::default();
    let mut last = None;
    for message in ["heels", "not black", "under 1500", "red", "mochi"] {
        last = Some(store.engine.turn(&mut session, message, 50).expect("turn"));
    }
    let t = last.expect("a turn");
    assert!(!t.products.is_empty(), "{}", t.reply);
    for p in &t.products {
        let colour = key(p.color.as_deref().unwrap_or(""));
        assert!(
            !colour.contains("black") && !key(&p.title).contains("black"),
            "{} {}: {}",
            p.id,
            p.title,
            t.reply
        );
    }
}

#[test]
fn myntra_a_question_about_one_product_is_answered_from_its_text() {
    let Some(store) = myntra() else { return };
    // "is the first one cotton?" became a filter: "under 500" then found
    // 1 cotton t-shirt of the 261 under ₹500.
    let mut session = Session::default();
    let first = store
        .engine
        .turn(&mut session, "tshirt for men", 10)
        .expect("turn");
    let t = store
        .engine
        .turn(&mut session, "is the first one cotton?", 10)
        .expect("turn");
    assert_eq!(t.kind, TurnKind::Details, "{}", t.reply);
    assert_eq!(t.products[0].id, first.products[0].id);
    let says = key(&format!(
        "{} {}",
        t.products[0].title, t.products[0].description
    ))
    .contains("cotton");
    assert!(
        t.reply.contains(if says {
            "says \u{201c}cotton\u{201d}"
        } else {
            "do not say \u{201c}cotton\u{201d}"
        }),
        "{}",
        t.reply
    );
    assert_eq!(t.filters, first.filters);
    let t = store
        .engine
        .turn(&mut session, "under 500", 10)
        .expect("turn");
    assert!(t.total > 100 && t.filters.text.is_empty(), "{}", t.reply);
}

#[test]
fn myntra_perfume_finds_eau_de_parfum_and_toilette() {
    let Some(store) = myntra() else { return };
    // Titles say "Eau de Parfum", "Eau De Toilette", "EDT": "perfume for
    // women" found 5 of them ("fragrances").
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "perfume for women",
        &[
            Want::AnyWord(&[
                "perfume",
                "parfum",
                "toilette",
                "fragrance",
                "edp",
                "edt",
                "eau",
            ]),
            Want::Audience(WOMEN),
        ],
    );
    assert!(t.total >= 30, "{}", chat.fail("few perfumes"));
}

#[test]
fn myntra_a_misspelt_type_and_a_brand_by_its_initials() {
    let Some(store) = myntra() else { return };
    // "sandles for women" showed 5,863 products for women; "ck jeans"
    // every jeans.
    let mut chat = Chat::new(store);
    chat.exact(
        "sandles for women",
        &[Want::Kind(&["sandal"]), Want::Audience(WOMEN)],
    );
    let t = store
        .engine
        .turn(&mut Session::default(), "ck jeans", 100)
        .expect("turn");
    assert!(t.total >= 10 && t.relaxed.is_empty(), "{}", t.reply);
    for p in &t.products {
        let brand = p.brand.as_deref().unwrap_or("");
        assert!(
            brand.starts_with("Calvin Klein") && key(&p.title).contains("jeans"),
            "{brand}: {}",
            p.title
        );
    }
}

#[test]
fn myntra_dislikes_said_with_more_words() {
    let Some(store) = myntra() else { return };
    // "i don't really like puma" showed only Puma; "i'm not a big fan of
    // puma" was ceiling fans.
    for message in [
        "i don't really like puma",
        "not a fan of puma",
        "i'm not a big fan of puma",
    ] {
        let mut chat = Chat::new(store);
        chat.say(
            "sneakers for men",
            &[Want::Kind(SNEAKERS), Want::Audience(MEN)],
        );
        chat.exact(message, &[Want::NotBrand("Puma")]);
    }
}

#[test]
fn demo_a_question_about_a_value_of_one_product_is_answered() {
    // "is the first one leather?" named a material: the answer said
    // nothing of it, and the search is left as it was.
    let mut session = Session::default();
    let first = demo()
        .engine
        .turn(&mut session, "sneakers", 10)
        .expect("turn");
    let t = demo()
        .engine
        .turn(&mut session, "is the first one leather?", 10)
        .expect("turn");
    assert_eq!(t.kind, TurnKind::Details, "{}", t.reply);
    assert!(t.reply.contains("\u{201c}leather\u{201d}"), "{}", t.reply);
    assert_eq!(t.filters, first.filters);
}

#[test]
fn myntra_a_word_is_set_aside_before_a_stated_budget_or_brand() {
    let Some(store) = myntra() else { return };
    // "black dial" dropped Titan and the 3,000 cap to keep the word "dial":
    // CASIO and Fastrack watches up to 5,595.
    let mut chat = Chat::new(store);
    chat.exact(
        "watches for men",
        &[Want::Kind(&["watch"]), Want::Audience(MEN)],
    );
    chat.exact("titan", &[Want::Brand("Titan")]);
    chat.exact("under 3000", &[Want::Under(3000.0)]);
    let t = chat.say("black dial", &[Want::Colour(BLACK)]);
    assert!(
        !t.products.is_empty(),
        "{}",
        chat.fail("black Titan watches")
    );
    assert!(
        t.relaxed.iter().all(|r| r.constraint.name() == "text"),
        "{}",
        chat.fail("only the word is set aside")
    );
}

#[test]
fn myntra_a_title_word_written_apart_is_that_word() {
    let Some(store) = myntra() else { return };
    // "high rise" is the titles' "High-Rise": it was two words, "high"
    // matching "Highly Distressed" mid-rise jeans.
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "black high rise jeans for women",
        &[
            Want::Kind(&["jeans"]),
            Want::Colour(BLACK),
            Want::Audience(WOMEN),
        ],
    );
    for p in &t.products {
        assert!(p.title.contains("High-Rise"), "{}", p.title);
    }
}

#[test]
fn myntra_off_white_is_the_titles_off_white() {
    let Some(store) = myntra() else { return };
    // "off white" was the family Cream: 5 cream shirts, none of the
    // shirts titled "Off-White".
    let mut chat = Chat::new(store);
    let t = chat.exact(
        "off white shirt for men",
        &[Want::Kind(&["shirt"]), Want::Audience(MEN)],
    );
    assert!(t.total >= 10, "{}", chat.fail("the Off-White shirts"));
    for p in &t.products {
        assert!(p.title.contains("Off-White"), "{}", p.title);
    }
}

#[test]
fn myntra_a_denied_budget_is_the_other_bound() {
    let Some(store) = myntra() else { return };
    // "nothing above 2000" was a minimum: every shirt shown over budget.
    for denial in [
        "nothing above 2000",
        "i don't want to spend more than 2000",
        "shouldn't cost more than 2000",
    ] {
        let mut chat = Chat::new(store);
        chat.exact(
            "formal shirts for men",
            &[Want::Kind(&["shirt"]), Want::Audience(MEN)],
        );
        chat.exact(denial, &[Want::Under(2000.0)]);
    }
}

#[test]
fn myntra_ages_shades_and_fillers_are_heard_as_meant() {
    let Some(store) = myntra() else { return };
    // "for a 5 year old girl" opened item 5; "baby pink" was for babies;
    // "bottle green" a bottle; "any colour is fine" searched "fine".
    let mut chat = Chat::new(store);
    chat.say("i want a dress", &[Want::Kind(&["dress"])]);
    chat.exact("for a 5 year old girl", &[Want::Audience(&["girl"])]);
    let mut chat = Chat::new(store);
    chat.exact(
        "dress for women",
        &[Want::Kind(&["dress"]), Want::Audience(WOMEN)],
    );
    chat.exact("baby pink", &[Want::Colour(&["pink", "magenta"])]);
    let mut chat = Chat::new(store);
    chat.exact(
        "mens t shirt",
        &[Want::Kind(&["t-shirt", "tshirt"]), Want::Audience(MEN)],
    );
    chat.exact("bottle green", &[Want::Colour(&["green", "olive"])]);
    let mut chat = Chat::new(store);
    chat.exact("jeans", &[Want::Kind(&["jeans"])]);
    let t = chat.exact("any colour is fine", &[]);
    assert!(t.filters.text.is_empty(), "{:?}", t.filters.text);
}

#[test]
fn myntra_another_type_with_its_words_is_a_new_search() {
    let Some(store) = myntra() else { return };
    // "cushion covers" after bedsheets kept the bedsheets (their titles
    // say "with pillow covers") and set "cushion" aside.
    let mut chat = Chat::new(store);
    chat.say("need bedsheets", &[Want::Kind(&["bedsheet"])]);
    chat.exact("ok show me cushion covers", &[Want::Kind(&["cushion"])]);
}
