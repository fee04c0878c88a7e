//! `Engine::turn`: the one entry point front ends call. Understands the
//! message, updates the session, searches, relaxes when nothing matches and
//! words the reply.

mod turn;

pub use turn::{Relaxation, Turn, TurnKind};

use crate::Result;
use crate::catalog::Product;
use crate::dialog::{self, Action, Changes, Constraints, PriceMove, Session};
use crate::index::{ProductIndex, layout};
use crate::reply::{self, Canned};
use crate::search::{self, QueryOptions, SearchRequest, SearchResult};
use crate::understand::{Lang, Lexicon, Op, Slot};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

/// Facts about the index being served.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndexInfo {
    /// Number of products.
    pub product_count: u64,
    /// The index generation, increasing with each import.
    pub version: u64,
    /// The catalog's currency (ISO 4217), empty when unknown.
    pub currency: String,
}

/// One index generation with the lexicon built from its vocabulary.
struct Loaded {
    index: ProductIndex,
    lexicon: Lexicon,
}

impl Loaded {
    fn open(dir: &Path) -> Result<Loaded> {
        let index = ProductIndex::open(dir)?;
        let lexicon = Lexicon::new(index.vocabulary());
        Ok(Loaded { index, lexicon })
    }

    fn currency(&self) -> Option<&str> {
        self.index.manifest().currency.as_deref()
    }
}

/// The conversational engine over one index directory. `Send + Sync`: share
/// it as `Arc<Engine>`; `turn` is CPU-bound and synchronous.
pub struct Engine {
    dir: PathBuf,
    current: RwLock<Arc<Loaded>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("dir", &self.dir).finish()
    }
}

/// Facets asked about, most useful first.
const QUESTION_ORDER: &[&str] = &["type", "gender", "brand", "color", "size", "material"];

impl Engine {
    /// Opens the live index in `index_dir`. Fails with [`crate::Error::Index`]
    /// when there is none yet.
    pub fn open(index_dir: &Path) -> Result<Engine> {
        let loaded = Loaded::open(index_dir)?;
        Ok(Engine {
            dir: index_dir.to_path_buf(),
            current: RwLock::new(Arc::new(loaded)),
        })
    }

    fn loaded(&self) -> Arc<Loaded> {
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Switches to a newer index generation if an import swapped one in.
    /// Cheap (reads one small file); call it about once a second. Requests
    /// already running finish on the generation they started with.
    pub fn reload_if_changed(&self) -> Result<bool> {
        let live = layout::current_number(&self.dir);
        if live.is_none() || live == Some(self.loaded().index.version()) {
            return Ok(false);
        }
        let loaded = Arc::new(Loaded::open(&self.dir)?);
        match self.current.write() {
            Ok(mut guard) => *guard = loaded,
            Err(poisoned) => *poisoned.into_inner() = loaded,
        }
        Ok(true)
    }

    /// Product count, version and currency of the index being served.
    pub fn info(&self) -> IndexInfo {
        let loaded = self.loaded();
        IndexInfo {
            product_count: loaded.index.product_count(),
            version: loaded.index.version(),
            currency: loaded.currency().unwrap_or_default().to_string(),
        }
    }

    /// The catalog vocabulary of the index being served.
    pub fn vocabulary(&self) -> crate::Vocabulary {
        self.loaded().index.vocabulary().clone()
    }

    /// One product by its catalog id.
    pub fn product(&self, id: &str) -> Result<Option<Product>> {
        Ok(self.loaded().index.product_by_id(id)?.map(|(_, p)| p))
    }

    /// Answers one shopper message, updating the session. `limit` is the
    /// number of products to show (clamped to 1..=100).
    pub fn turn(&self, session: &mut Session, message: &str, limit: usize) -> Result<Turn> {
        let loaded = self.loaded();
        let limit = limit.clamp(1, 100);
        let understanding = loaded.lexicon.understand(message, session.lang);
        let before = session.constraints.clone();
        let (action, changes) = dialog::apply(session, &understanding);
        let ctx = TurnContext {
            loaded: &loaded,
            limit,
        };
        match action {
            Action::Search => ctx.search_turn(session, &changes, &before),
            Action::More => ctx.more_turn(session),
            Action::Select(n) => ctx.select_turn(session, n),
            Action::Similar(n) => ctx.similar_turn(session, n),
            Action::Reset => Ok(ctx.chat(session, Canned::Reset)),
            Action::Greeting => Ok(ctx.chat(session, Canned::Greeting)),
            Action::Thanks => Ok(ctx.chat(session, Canned::Thanks)),
            Action::Help => Ok(ctx.chat(session, Canned::Help)),
            Action::NotUnderstood => Ok(ctx.chat(session, Canned::NotUnderstood)),
        }
    }
}

struct TurnContext<'a> {
    loaded: &'a Loaded,
    limit: usize,
}

impl TurnContext<'_> {
    fn index(&self) -> &ProductIndex {
        &self.loaded.index
    }

    fn currency(&self) -> Option<&str> {
        self.loaded.currency()
    }

    /// Facets worth counting: those the next question may ask about, i.e.
    /// every facet of the catalog the shopper has not chosen values of.
    fn facet_names(&self, c: &Constraints) -> Vec<String> {
        self.index()
            .vocabulary()
            .facets
            .keys()
            .filter(|name| {
                c.facet(&Slot::from_facet(name))
                    .is_none_or(|f| f.any_of.is_empty())
            })
            .cloned()
            .collect()
    }

    fn run(&self, c: &Constraints, offset: usize, options: QueryOptions) -> Result<SearchResult> {
        search::search(
            self.index(),
            c,
            &SearchRequest {
                offset,
                limit: self.limit,
                facets: self.facet_names(c),
                options,
            },
        )
    }

    /// Searches the exact constraints; words may also match descriptions
    /// before anything is relaxed.
    fn run_exact(&self, c: &Constraints, offset: usize) -> Result<(SearchResult, bool)> {
        let result = self.run(c, offset, QueryOptions::default())?;
        if result.total == 0 && !c.text.is_empty() {
            let options = QueryOptions {
                with_description: true,
                ..QueryOptions::default()
            };
            return Ok((self.run(c, offset, options.clone())?, true));
        }
        Ok((result, false))
    }

    fn options_for(&self, with_description: bool) -> QueryOptions {
        QueryOptions {
            with_description,
            ..QueryOptions::default()
        }
    }

    fn search_turn(
        &self,
        session: &mut Session,
        changes: &Changes,
        before: &Constraints,
    ) -> Result<Turn> {
        let lang = session.lang;
        let asked = session.constraints.clone();
        let (mut result, mut described) = self.run_exact(&asked, 0)?;
        let mut relaxed: Vec<(String, Vec<String>)> = Vec::new();
        if result.total == 0 {
            if let Some(moved) = changes.moved_price {
                // Nothing cheaper (or dearer): say so and keep what was shown.
                session.constraints = before.clone();
                let (previous, _) = self.run_exact(before, 0)?;
                let reply = match (moved, lang) {
                    (PriceMove::Cheaper, Lang::Pt) => {
                        "Não há opções mais baratas; estas são as mais em conta."
                    }
                    (PriceMove::Cheaper, Lang::En) => {
                        "There's nothing cheaper; these are the lowest-priced options."
                    }
                    (PriceMove::Pricier, Lang::Pt) => "Não há opções mais caras que estas.",
                    (PriceMove::Pricier, Lang::En) => "There's nothing pricier than these.",
                };
                return Ok(self.results_turn(session, previous, Vec::new(), reply.to_string(), 0));
            }
            let mut attempt = asked.clone();
            for what in dialog::relaxation_order(&asked, changes) {
                let values = dialog::drop_constraint(&mut attempt, &what);
                relaxed.push((what, values));
                let count = search::count(self.index(), &attempt, &self.options_for(true))?;
                if count > 0 {
                    break;
                }
            }
            let (r, d) = self.run_exact(&attempt, 0)?;
            result = r;
            described = d;
            session.constraints = attempt;
        }
        let _ = described;
        let text = if result.total == 0 {
            reply::canned(Canned::NoMatch, lang)
        } else if relaxed.is_empty() {
            reply::found(
                result.total,
                &session.constraints,
                self.currency(),
                result.price_span.map(|s| s.0),
                lang,
            )
        } else {
            reply::relaxed(
                &asked,
                &relaxed,
                result.total,
                &session.constraints,
                self.currency(),
                lang,
            )
        };
        let relaxations = relaxed
            .into_iter()
            .map(|(constraint, values)| Relaxation { constraint, values })
            .collect();
        Ok(self.results_turn(session, result, relaxations, text, 0))
    }

    /// Builds a results turn: records what was shown, asks the next question.
    fn results_turn(
        &self,
        session: &mut Session,
        result: SearchResult,
        relaxed: Vec<Relaxation>,
        mut text: String,
        offset: usize,
    ) -> Turn {
        let lang = session.lang;
        session.shown = result.products.iter().map(|p| p.id.clone()).collect();
        session.shown_prices = span(result.products.iter().filter_map(|p| p.price));
        let mut suggestions = Vec::new();
        let shown_to = offset + result.products.len();
        if result.total as usize > self.limit
            && let Some((facet, values)) = self.question(&session.constraints, &result)
        {
            text.push(' ');
            text.push_str(&reply::question(&facet, &values, lang));
            suggestions.extend(values.into_iter().map(|(v, _)| v));
        }
        let pt = lang == Lang::Pt;
        if (shown_to as u64) < result.total {
            suggestions.push(if pt { "mostrar mais" } else { "show more" }.into());
        }
        if result.total > 1 && session.constraints.price_max.is_none() {
            suggestions.push(
                if pt {
                    "mais barato primeiro"
                } else {
                    "cheapest first"
                }
                .into(),
            );
        }
        if !session.constraints.is_empty() {
            suggestions.push(if pt { "recomeçar" } else { "start over" }.into());
        }
        Turn {
            reply: text,
            lang,
            kind: TurnKind::Results,
            products: result.products,
            total: result.total,
            filters: session.constraints.clone(),
            relaxed,
            suggestions,
        }
    }

    /// The most useful facet to ask about: unconstrained, and splitting the
    /// results (its top value covers less than 90% of them).
    fn question(
        &self,
        c: &Constraints,
        result: &SearchResult,
    ) -> Option<(String, Vec<(String, u64)>)> {
        let extras = result
            .facets
            .keys()
            .filter(|k| !QUESTION_ORDER.contains(&k.as_str()))
            .map(String::as_str);
        for facet in QUESTION_ORDER.iter().copied().chain(extras) {
            let slot = Slot::from_facet(facet);
            if c.facet(&slot).is_some_and(|f| !f.any_of.is_empty()) {
                continue;
            }
            let Some(values) = result.facets.get(facet) else {
                continue;
            };
            let covered: u64 = values.iter().map(|(_, n)| n).sum();
            if values.len() < 2 || covered * 2 < result.total {
                continue;
            }
            if values[0].1 * 10 >= result.total * 9 {
                continue;
            }
            return Some((facet.to_string(), values.iter().take(4).cloned().collect()));
        }
        None
    }

    fn more_turn(&self, session: &mut Session) -> Result<Turn> {
        let lang = session.lang;
        if session.shown.is_empty() {
            return Ok(self.chat(session, Canned::NothingShown));
        }
        let next = session.page + 1;
        let offset = next * self.limit;
        let c = session.constraints.clone();
        let (result, _) = if let Some(base) = session.similar_to.clone() {
            let opts = self.similar_options(&base);
            (self.run(&c, offset, opts)?, false)
        } else {
            self.run_exact(&c, offset)?
        };
        if result.products.is_empty() {
            let mut turn = self.chat(session, Canned::NoMore);
            turn.total = result.total;
            return Ok(turn);
        }
        session.page = next;
        let shown_to = offset + result.products.len();
        let text = if lang == Lang::Pt {
            format!(
                "Mais opções: {}–{} de {}.",
                offset + 1,
                shown_to,
                result.total
            )
        } else {
            format!(
                "More options: {}–{} of {}.",
                offset + 1,
                shown_to,
                result.total
            )
        };
        Ok(self.results_turn(session, result, Vec::new(), text, offset))
    }

    fn shown_product(&self, session: &Session, n: Option<usize>) -> Result<Option<Product>> {
        let id = match n {
            Some(n) => session.shown.get(n.wrapping_sub(1)).cloned(),
            None => session
                .similar_to
                .clone()
                .or_else(|| session.shown.first().cloned()),
        };
        match id {
            Some(id) => Ok(self.index().product_by_id(&id)?.map(|(_, p)| p)),
            None => Ok(None),
        }
    }

    fn select_turn(&self, session: &mut Session, n: usize) -> Result<Turn> {
        let lang = session.lang;
        let Some(product) = self.shown_product(session, Some(n))? else {
            let text = match (lang, session.shown.len()) {
                (_, 0) => reply::canned(Canned::NothingShown, lang),
                (Lang::Pt, k) => format!("Mostrei só {k} produtos; escolha de 1 a {k}."),
                (Lang::En, k) => format!("I showed {k} products; pick one from 1 to {k}."),
            };
            let mut turn = self.chat(session, Canned::NothingShown);
            turn.reply = text;
            return Ok(turn);
        };
        let mut text = format!("#{n}: {}", product.title);
        if let Some(brand) = &product.brand {
            text.push_str(&format!(" — {brand}"));
        }
        if let Some(price) = product.price {
            let currency = product.currency.as_deref().or(self.currency());
            text.push_str(&format!(", {}", reply::format_price(price, currency, lang)));
        }
        let mut facts = Vec::new();
        for v in [
            &product.color,
            &product.size,
            &product.material,
            &product.gender,
        ]
        .into_iter()
        .flatten()
        {
            facts.push(v.clone());
        }
        if let Some(r) = product.rating {
            facts.push(format!("★ {r:.1}"));
        }
        if !facts.is_empty() {
            text.push_str(&format!(" ({})", facts.join(", ")));
        }
        text.push('.');
        if !product.description.is_empty() {
            let short: String = product.description.chars().take(240).collect();
            text.push(' ');
            text.push_str(short.trim());
            if product.description.chars().count() > 240 {
                text.push('…');
            }
        }
        session.similar_to = Some(product.id.clone());
        let pt = lang == Lang::Pt;
        Ok(Turn {
            reply: text,
            lang,
            kind: TurnKind::Details,
            products: vec![product],
            total: 1,
            filters: session.constraints.clone(),
            relaxed: Vec::new(),
            suggestions: vec![
                if pt { "parecidos" } else { "more like this" }.into(),
                if pt { "mostrar mais" } else { "show more" }.into(),
            ],
        })
    }

    /// Ranking words and exclusion for "more like this".
    fn similar_options(&self, base_id: &str) -> QueryOptions {
        let words = self
            .index()
            .product_by_id(base_id)
            .ok()
            .flatten()
            .map(|(_, p)| crate::text::words(&p.title))
            .unwrap_or_default();
        QueryOptions {
            with_description: false,
            boost_words: words,
            exclude_id: Some(base_id.to_string()),
        }
    }

    fn similar_turn(&self, session: &mut Session, n: Option<usize>) -> Result<Turn> {
        let lang = session.lang;
        let Some(base) = self.shown_product(session, n)? else {
            return Ok(self.chat(session, Canned::NothingShown));
        };
        // The kind of product and its audience, as the lexicon reads its title.
        let understood = self.loaded.lexicon.understand(&base.title, lang);
        let mut c = Constraints::default();
        for op in understood.ops {
            if let Op::Set(slot @ (Slot::Type | Slot::Gender), values) = op {
                c.facets.entry(slot).or_default().any_of = values;
            }
        }
        if let Some(gender) = &base.gender
            && self
                .index()
                .vocabulary()
                .values("gender")
                .iter()
                .any(|v| &v.value == gender)
        {
            c.facets.entry(Slot::Gender).or_default().any_of = vec![gender.clone()];
        }
        let opts = self.similar_options(&base.id);
        let result = self.run(&c, 0, opts)?;
        session.constraints = c;
        session.page = 0;
        session.similar_to = Some(base.id.clone());
        let text = if lang == Lang::Pt {
            format!("Produtos parecidos com \"{}\":", base.title)
        } else {
            format!("Products similar to \"{}\":", base.title)
        };
        Ok(self.results_turn(session, result, Vec::new(), text, 0))
    }

    fn chat(&self, session: &Session, kind: Canned) -> Turn {
        let lang = session.lang;
        let suggestions: Vec<String> = self
            .index()
            .vocabulary()
            .values("type")
            .iter()
            .take(4)
            .map(|v| v.value.clone())
            .collect();
        Turn {
            reply: reply::canned(kind, lang),
            lang,
            kind: TurnKind::Chat,
            products: Vec::new(),
            total: 0,
            filters: session.constraints.clone(),
            relaxed: Vec::new(),
            suggestions,
        }
    }
}

fn span(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// Opens the index in `dir`, importing `catalog` first when there is none.
pub fn open_or_import(dir: &Path, catalog: &Path) -> Result<Engine> {
    let Some(manifest) = ProductIndex::live_manifest(dir)? else {
        crate::index::import(catalog, dir, &crate::index::ImportOptions::default())?;
        return Engine::open(dir);
    };
    // An index an older vitrine built from this very catalog is rebuilt
    // (another catalog's import options are unknown here: that one must be
    // re-imported by hand, as the error from `open` says).
    let outdated = manifest.schema_version != crate::index::SCHEMA_VERSION;
    if outdated && Path::new(&manifest.catalog_file) == catalog {
        tracing::info!(
            "the index in {} was built by an older vitrine: re-importing {}",
            dir.display(),
            catalog.display()
        );
        crate::index::import(catalog, dir, &crate::index::ImportOptions::default())?;
    }
    Engine::open(dir)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_index_built_by_an_older_vitrine_from_the_same_catalog_is_rebuilt() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (index, csv) = (dir.path().join("index"), dir.path().join("c.csv"));
        std::fs::write(&csv, "id,title,price\n1,Black Shoes,10\n2,Red Shirt,5\n").expect("csv");
        let other = dir.path().join("other.csv");
        std::fs::write(&other, "id,title,price\n9,Blue Hat,3\n").expect("csv");
        let engine = super::open_or_import(&index, &csv).expect("first import");
        assert_eq!(engine.info().version, 1);
        // Pretend generation 1 was written by an older schema.
        let manifest = index.join("gen-000001").join("manifest.json");
        let text = std::fs::read_to_string(&manifest).expect("manifest");
        let current = format!("\"schema_version\":{}", crate::index::SCHEMA_VERSION);
        assert!(text.contains(&current), "{text}");
        std::fs::write(&manifest, text.replace(&current, "\"schema_version\":0")).expect("write");
        // Another catalog: not rebuilt from it, the schema error stands.
        let err = super::open_or_import(&index, &other).expect_err("outdated index");
        assert!(err.to_string().contains("re-import"), "{err}");
        // The catalog it was built from: rebuilt as a new generation.
        let engine = super::open_or_import(&index, &csv).expect("rebuilt");
        assert_eq!(engine.info().version, 2);
        assert_eq!(engine.info().product_count, 2);
    }

    #[test]
    fn engine_is_send_and_sync() {
        fn is<T: Send + Sync>() {}
        is::<super::Engine>();
    }
}
