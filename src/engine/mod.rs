//! `Engine::turn`: the one entry point front ends call. It sequences the
//! steps of a turn — `understand` the message, let `dialog` apply it to
//! the session and decide what to look up, `search` the index (relaxing
//! through `dialog` when nothing matches), and let `reply` put the answer
//! into words — and holds no policy and writes no text of its own.

mod audience;
mod context;
mod live;
mod turn;

pub use live::open_or_import;
pub use turn::{Relaxation, Turn, TurnKind};

use crate::catalog::Product;
use crate::dialog::{self, Fallback, Session, Step};
use crate::error::Result;
use crate::model::{Canned, Note, SearchSpec, Slot, Suggestion, page_size};
use crate::reply::{self, Answer, Money};
use crate::search::{self, SearchResult};
use live::{Live, Loaded};
use std::path::Path;

/// Facts about the index being served.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndexInfo {
    /// Number of products.
    pub product_count: u64,
    /// The index generation, increasing with each import.
    pub version: u64,
    /// The catalog's currency (ISO 4217), empty when unknown.
    pub currency: String,
    /// The catalog's language.
    pub language: crate::model::Lang,
}

/// The conversational engine over one index directory. `Send + Sync`: share
/// it as `Arc<Engine>`; `turn` is CPU-bound and synchronous.
pub struct Engine {
    live: Live,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("dir", &self.live.dir())
            .finish()
    }
}

/// Under this many matches, a message whose words are brands too is also
/// read with them as the brands
/// ([`crate::understand::Lexicon::brand_reading`]).
const FEW_FOR_ANOTHER_READING: u64 = 10;

/// Another reading of a message, tried from the session before it: the
/// session after it, the search, its changes, what it found and how.
type Reading = (
    Session,
    SearchSpec,
    dialog::Changes,
    SearchResult,
    Option<Fallback>,
);

impl Engine {
    /// Opens the live index in `index_dir`. Fails with [`crate::error::Error::Index`]
    /// when there is none yet.
    pub fn open(index_dir: &Path) -> Result<Engine> {
        Ok(Engine {
            live: Live::open(index_dir)?,
        })
    }

    /// Switches to a newer index generation if an import swapped one in.
    /// Cheap (reads one small file); call it about once a second. Requests
    /// already running finish on the generation they started with.
    pub fn reload_if_changed(&self) -> Result<bool> {
        self.live.reload_if_changed()
    }

    /// Product count, version and currency of the index being served.
    pub fn info(&self) -> IndexInfo {
        let loaded = self.live.get();
        IndexInfo {
            product_count: loaded.index.product_count(),
            version: loaded.index.version(),
            currency: loaded.currency().unwrap_or_default().to_string(),
            language: loaded.index.manifest().language,
        }
    }

    /// The language of the catalog being served (what a conversation
    /// starts in).
    pub fn language(&self) -> crate::model::Lang {
        self.live.get().lexicon.catalog_language()
    }

    /// Applies the merchant's synonyms file ([`crate::understand::Synonyms`])
    /// and watches it: [`Engine::reload_if_changed`] applies its new rules
    /// when it changes. A file that does not exist yet is watched for;
    /// one that cannot be read is an error.
    pub fn with_synonyms(self, path: &Path) -> Result<Engine> {
        self.live.watch_synonyms(path)?;
        Ok(self)
    }

    /// What is wrong with the synonyms in force: the file's unreadable
    /// lines and the rules this catalog cannot apply, each with its line.
    pub fn synonym_issues(&self) -> Vec<String> {
        let mut out: Vec<String> = match self.live.synonyms() {
            Some((path, Some(rules))) => rules
                .errors
                .iter()
                .map(|e| format!("{}: {e}", path.display()))
                .collect(),
            _ => Vec::new(),
        };
        if let Some((path, _)) = self.live.synonyms() {
            let loaded = self.live.get();
            out.extend(
                loaded
                    .lexicon
                    .synonym_issues()
                    .iter()
                    .map(|e| format!("{}: {e}", path.display())),
            );
        }
        out
    }

    /// How many products match `constraints` and their price span (no
    /// page, no facet counts): what insights measure supply with.
    pub fn measure(&self, constraints: &crate::model::Constraints) -> Result<SearchResult> {
        let spec = SearchSpec {
            constraints: constraints.clone(),
            ..SearchSpec::default()
        };
        search::search(&self.live.get().index, &spec)
    }

    /// The catalog vocabulary of the index being served.
    pub fn vocabulary(&self) -> crate::index::Vocabulary {
        self.live.get().index.vocabulary().clone()
    }

    /// One product by its catalog id.
    pub fn product(&self, id: &str) -> Result<Option<Product>> {
        Ok(self.live.get().index.product_by_id(id)?.map(|(_, p)| p))
    }

    /// What a chat opens with, in `lang`: a greeting with a request this
    /// catalog answers, and its main product types as suggestions (what
    /// "hi" gets, without a session).
    pub fn welcome(&self, lang: crate::model::Lang) -> Turn {
        let loaded = self.live.get();
        let session = Session {
            lang,
            ..Session::default()
        };
        let ask = TurnContext {
            loaded: &loaded,
            money: Money::new(loaded.currency(), lang),
            limit: page_size(0),
        };
        ask.say(&session, Canned::Greeting)
    }

    /// Answers one shopper message, updating the session. `limit` is the
    /// number of products to show (brought within 1..=100).
    pub fn turn(&self, session: &mut Session, message: &str, limit: usize) -> Result<Turn> {
        let loaded = self.live.get();
        let index = &loaded.index;
        let limit = page_size(limit);
        let prior = crate::understand::Prior {
            lang: dialog::prior_language(session, loaded.lexicon.catalog_language()),
            settled: session.turns > 0,
        };
        let heard = loaded
            .lexicon
            .understand_with(message, prior, &|word| index.describes(word));
        // A reading of the message in the context of the conversation and
        // the catalog (the type narrowed, lone numbers as sizes).
        let in_context = |session: &Session, understood| {
            context::in_context(&loaded, session, understood, message)
        };
        let understood = in_context(session, heard.clone())?;
        let context = dialog::Context {
            limit,
            currency: loaded.currency(),
            priced: loaded.priced(),
        };
        let step = dialog::next_step(session, &understood, &context);
        let money = Money::new(loaded.currency(), session.lang);
        let ask = TurnContext {
            loaded: &loaded,
            money,
            limit,
        };
        let answered: Result<Turn> = match step {
            Step::Search {
                spec,
                changes,
                before,
            } => {
                let count = |s: &SearchSpec| search::count(index, s);
                let found = search::search(index, &spec)?;
                let fallback =
                    dialog::after_search(session, &spec, &changes, &before, found.total, count)?;
                let (mut spec, mut changes, mut found, mut fallback) =
                    (spec, changes, found, fallback);
                // Nothing or little matches, and the message reads another
                // way: its words that are brands too as the brands ("ração
                // golden": the colour Gold of two "Labrador e Golden"
                // foods, or the brand Golden's 57), or, when nothing
                // matches, its type as words of titles ("galaxy s23":
                // "Galaxy" is the type of the Galaxy Book titles, the S23
                // phones are typed Smartphone; only when the words are in
                // no description either: "geladeira 2 portas" is fridges
                // whose descriptions say so, not door parts for fridges),
                // or its brand as a word of titles ("placa de vídeo da
                // AMD": cards titled "AMD Radeon", made by XFX or Asus).
                // Another reading wins when it sets less aside, or as
                // little and matches more. Read again only then: a second
                // reading understands the message anew.
                // The message read another way, from the session before it:
                // what that reading finds and how, when it is a search.
                let read_as =
                    |other: &crate::understand::Understanding| -> Result<Option<Reading>> {
                        let mut read_again = (*before).clone();
                        let Step::Search {
                            spec: spec2,
                            changes: changes2,
                            before: before2,
                        } = dialog::next_step(&mut read_again, other, &context)
                        else {
                            return Ok(None);
                        };
                        let found2 = search::search(index, &spec2)?;
                        let fallback2 = dialog::after_search(
                            &mut read_again,
                            &spec2,
                            &changes2,
                            &before2,
                            found2.total,
                            count,
                        )?;
                        Ok(Some((read_again, spec2, changes2, found2, fallback2)))
                    };
                // A price word the titles use as a product-line name
                // ("ração premium"): asked as that word when that matches
                // exactly, whatever the price reading found.
                // So is an exclusion the titles name as a feature, when
                // it leaves nothing out or excludes another product type
                // ("areia sem perfume": no sand is a perfume; "non padded
                // bra" leaves the padded bras out, and stays).
                let lexicon = &loaded.lexicon;
                let another_type = heard
                    .ops
                    .iter()
                    .any(|op| matches!(op, crate::understand::Op::Exclude(Slot::Type, _)))
                    && spec.constraints.facet(&Slot::Type).is_some();
                let excludes_nothing = |spec: &SearchSpec, total: u64| -> Result<bool> {
                    Ok(count(&spec.without_exclusions())? == total)
                };
                let negation = match lexicon.negation_as_words(message, &heard) {
                    Some(other)
                        if fallback.is_some()
                            || another_type
                            || excludes_nothing(&spec, found.total)? =>
                    {
                        Some(other)
                    }
                    _ => None,
                };
                // A claim of lacking the word excluded ("Sulfate Free"), when
                // more titles make it than name the word otherwise: a
                // substance, not a feature ("padded").
                let claims = lexicon.lack_claims(&heard);
                let named = match claims.is_empty() {
                    true => 0,
                    false => count(&spec.without_exclusions())?.saturating_sub(found.total),
                };
                let aged = lexicon.age_as_words(message, prior, &|word| index.describes(word));
                let tried = [lexicon.price_word_as_words(message, &heard), negation, aged];
                let tried = tried.into_iter().flatten().map(|o| (o, 0));
                for (other, beyond) in tried.chain(claims.into_iter().map(|o| (o, named))) {
                    let other = in_context(&before, other)?;
                    if let Some(reading) = read_as(&other)?
                        && reading.4.is_none()
                        && reading.3.total > beyond
                    {
                        (*session, spec, changes, found, fallback) = reading;
                        break;
                    }
                }
                let first_total = found.total;
                if first_total < FEW_FOR_ANOTHER_READING {
                    let described = matches!(fallback, Some(Fallback::Described(_)));
                    // Read in context as the first reading was ("tv 4k 55
                    // samsung abaixo de 4 mil": the 55 is the size in both).
                    let brands = loaded.lexicon.brand_reading(
                        message,
                        prior,
                        &|word| index.describes(word),
                        &heard,
                    );
                    let readings = [
                        brands.map(|b| in_context(&before, b)).transpose()?,
                        loaded
                            .lexicon
                            .type_as_words(&understood)
                            .filter(|_| !described && first_total == 0),
                        loaded
                            .lexicon
                            .brand_as_words(&understood)
                            .filter(|_| first_total == 0),
                    ];
                    for (n, other) in readings.into_iter().enumerate() {
                        let Some(other) = other else { continue };
                        if n > 0 && found.total > 0 {
                            break;
                        }
                        let Some(reading) = read_as(&other)? else {
                            continue;
                        };
                        let (fallback2, found2) = (&reading.4, &reading.3);
                        let more =
                            fallback2.is_none() && fallback.is_none() && found2.total > found.total;
                        // The type read as words must meet titles: its
                        // words in descriptions are anything ("geladeira
                        // duas portas": an egg tray "para geladeira").
                        let titled = n == 0 || fallback2.is_none();
                        if titled && (more || dialog::closer(fallback2.as_ref(), fallback.as_ref()))
                        {
                            (*session, spec, changes, found, fallback) = reading;
                        }
                    }
                }
                let mut found = match fallback.as_ref().and_then(Fallback::spec) {
                    Some(other) => search::search(index, other)?,
                    None => found,
                };
                if let Some((alone, products)) = audience::set_aside_alone(
                    index,
                    &loaded.labelled_kinds,
                    session,
                    &spec,
                    fallback.as_ref(),
                )? {
                    (fallback, found) = (Some(alone), products);
                }
                // A few say the audience, in a kind the store mostly does
                // not label ("handbag for women": one of 85): the others
                // after them, and the reply says so.
                let mut partly = None;
                if fallback.is_none()
                    && let Some((wider, products)) = audience::widen_to_unlabelled(
                        index,
                        &loaded.labelled_kinds,
                        session,
                        &spec,
                        &found,
                        limit,
                    )?
                {
                    partly = Some(found.total);
                    (fallback, found) = (Some(wider), products);
                }
                // An audience none of the products found is labelled with
                // ("geladeira pra minha mãe"): whom it is bought for, not
                // a kind of fridge. Set aside as before (API clients see
                // it in `relaxed`), but the reply shows the products and
                // says the store does not tell, not "no women's fridges".
                let gender = crate::model::ConstraintKind::Facet(Slot::Gender);
                let unlabelled = matches!(&fallback, Some(Fallback::Relaxed { spec: shown, dropped })
                    if matches!(dropped.as_slice(), [d] if d.kind == gender)
                        && shown.count_open_facets
                        && found.facets.get(&Slot::Gender).is_none_or(Vec::is_empty));
                let shown = match &fallback {
                    None
                    | Some(
                        Fallback::Contrasted(_)
                        | Fallback::Described(_)
                        | Fallback::Apart { .. }
                        | Fallback::Unkept { .. },
                    ) => Shown::Found,
                    Some(Fallback::Relaxed { .. }) if unlabelled || partly.is_some() => {
                        Shown::Found
                    }
                    Some(Fallback::Relaxed { .. }) => Shown::Relaxed(&spec.constraints),
                    Some(Fallback::NothingBeyond { moved, .. }) => {
                        Shown::Say(Answer::NothingBeyond(*moved))
                    }
                    Some(Fallback::Nothing) => Shown::Say(Answer::NoSuch {
                        asked: &spec.constraints,
                    }),
                };
                let mut notes = changes.notes;
                // What was forgotten was not kept.
                if let Some(Fallback::Unkept { unkept, .. }) = &fallback {
                    for note in &mut notes {
                        if let Note::Kept(kinds) = note {
                            kinds.retain(|k| !unkept.iter().any(|d| d.kind == *k));
                        }
                    }
                    notes.retain(|n| !matches!(n, Note::Kept(kinds) if kinds.is_empty()));
                    notes.push(Note::Unkept(unkept.clone()));
                }
                if let Some(Fallback::Apart { together, .. }) = &fallback {
                    notes.push(Note::Apart(together.clone()));
                }
                if unlabelled {
                    notes.push(Note::Unlabelled);
                }
                if let Some(n) = partly {
                    notes.push(Note::PartlyLabelled(n));
                }
                if let Some(Fallback::Contrasted(shown) | Fallback::Unkept { spec: shown, .. }) =
                    &fallback
                    && !shown.constraints.contrasted.is_empty()
                {
                    let pairs = shown
                        .constraints
                        .contrasted
                        .iter()
                        .filter_map(|w| {
                            let marked = crate::language::contrast(&crate::text::key(w))?;
                            Some((w.clone(), marked.to_string()))
                        })
                        .collect();
                    notes.push(Note::Contrasted(pairs));
                }
                if matches!(fallback, Some(Fallback::Described(_))) {
                    let (only, some) = described_words(&spec.constraints.text, &found.products);
                    notes.push(Note::Described { only, some });
                }
                Ok(ask.results(session, found, 0, shown, &notes))
            }
            Step::Page(spec) => {
                let mut found = search::search(index, &spec)?;
                if let (0, Some(described)) = (found.total, dialog::described(&spec)) {
                    found = search::search(index, &described)?;
                }
                if found.products.is_empty() {
                    let mut turn = ask.say(session, Canned::NoMore);
                    turn.total = found.total;
                    return Ok(turn);
                }
                dialog::paged(session);
                let (from, to) = (spec.offset + 1, spec.offset + found.products.len());
                let total = found.total;
                let page = Shown::Say(Answer::Page { from, to, total });
                Ok(ask.results(session, found, spec.offset, page, &[]))
            }
            Step::Details {
                position,
                id,
                asked,
            } => {
                let found = id.map(|id| index.product_by_id(&id)).transpose()?;
                let Some((_, product)) = found.flatten() else {
                    let shown = session.shown.len();
                    return Ok(ask.answer(session, Answer::PickOutOfRange { shown }));
                };
                dialog::selected(session, &product.id);
                Ok(ask.details(session, position, product, &asked))
            }
            Step::Similar { id } => {
                let found = id.map(|id| index.product_by_id(&id)).transpose()?;
                let Some((address, base)) = found.flatten() else {
                    return Ok(ask.say(session, Canned::NothingShown));
                };
                let words = crate::text::words(&base.title);
                let facets = index.facets_of(address);
                let spec = dialog::similar(session, &base.id, words, &facets, limit);
                let found = search::search(index, &spec)?;
                let shown = Shown::Say(Answer::Similar { title: &base.title });
                Ok(ask.results(session, found, 0, shown, &[]))
            }
            Step::Say(canned) => Ok(ask.say(session, canned)),
        };
        let mut turn = answered?;
        turn.unknown = understood.unknown;
        Ok(turn)
    }
}

/// What a results turn says about its products.
enum Shown<'a> {
    /// Exact matches of the session's constraints.
    Found,
    /// Matches after relaxing what was asked (these constraints).
    Relaxed(&'a crate::model::Constraints),
    /// Another answer.
    Say(Answer<'a>),
}

/// The words of `words` some product of `shown` lacks in its title (found
/// by its description): those no title has, and those some titles have.
fn described_words(
    words: &[String],
    shown: &[crate::catalog::Product],
) -> (Vec<String>, Vec<String>) {
    let (mut only, mut some) = (Vec::new(), Vec::new());
    for word in words {
        let w = crate::text::key(word);
        let titled = shown
            .iter()
            .filter(|p| crate::text::key(&p.title).contains(w.as_str()))
            .count();
        match titled {
            0 => only.push(word.clone()),
            n if n < shown.len() => some.push(word.clone()),
            _ => {}
        }
    }
    (only, some)
}

/// What every step of one turn shares.
struct TurnContext<'a> {
    loaded: &'a Loaded,
    money: Money<'a>,
    limit: usize,
}

impl TurnContext<'_> {
    /// A results turn: `dialog` records the page and picks the question,
    /// `reply` words it. Whatever the session has set aside is flagged.
    fn results(
        &self,
        session: &mut Session,
        found: SearchResult,
        offset: usize,
        shown: Shown<'_>,
        notes: &[Note],
    ) -> Turn {
        let ids: Vec<(&str, Option<f64>)> = found
            .products
            .iter()
            .map(|p| (p.id.as_str(), p.price))
            .collect();
        let page = dialog::Page {
            shown: &ids,
            offset,
            limit: self.limit,
            total: found.total,
            facets: &found.facets,
            types: &self.loaded.index.vocabulary().type_tree,
        };
        let (question, suggestions) = dialog::shown(session, &page);
        let applied = session.applied();
        let dropped = session.set_aside_values();
        let relaxed_answer = matches!(shown, Shown::Relaxed(_));
        let answer = match shown {
            Shown::Found => Answer::Found {
                constraints: &applied,
                total: found.total,
                lowest: found.price_span.map(|s| s.0),
            },
            Shown::Relaxed(asked) => Answer::Relaxed {
                asked,
                dropped: &dropped,
                now: &applied,
                total: found.total,
            },
            Shown::Say(answer) => answer,
        };
        let lang = self.money.lang;
        let mut text = reply::say(&answer, None, &self.money);
        // The note says what is not applied ("A loja não indica…").
        let noted = notes
            .iter()
            .any(|n| matches!(n, Note::Unlabelled | Note::PartlyLabelled(_)));
        if !relaxed_answer && !noted && !dropped.is_empty() && !found.products.is_empty() {
            text.push(' ');
            text.push_str(&reply::still_set_aside(&dropped, &self.money));
        }
        let notes = reply::notes(notes, &applied, &self.money);
        if !notes.is_empty() {
            text.push(' ');
            text.push_str(&notes);
        }
        if let Some(question) = &question {
            text.push(' ');
            text.push_str(&reply::question(question, &self.money));
        }
        Turn {
            reply: text,
            lang,
            kind: TurnKind::Results,
            total: found.total,
            filters: session.constraints.clone(),
            relaxed: dropped
                .iter()
                .map(|d| Relaxation {
                    constraint: d.kind.clone(),
                    values: reply::dropped_values(lang, d),
                })
                .collect(),
            suggestions: reply::suggestions(lang, &suggestions),
            products: found.products,
            unknown: Vec::new(),
        }
    }

    /// The details of the product at `position`.
    fn details(
        &self,
        session: &Session,
        position: usize,
        product: Product,
        asked: &[String],
    ) -> Turn {
        let lang = self.money.lang;
        Turn {
            reply: reply::details(position, &product, &self.money, asked),
            lang,
            kind: TurnKind::Details,
            products: vec![product],
            total: 1,
            filters: session.constraints.clone(),
            relaxed: Vec::new(),
            suggestions: reply::suggestions(
                lang,
                &[Suggestion::MoreLikeThis, Suggestion::ShowMore],
            ),
            unknown: Vec::new(),
        }
    }

    /// An answer without products.
    fn say(&self, session: &Session, canned: Canned) -> Turn {
        let invites = matches!(
            canned,
            Canned::Greeting | Canned::Help | Canned::NotUnderstood
        );
        match &self.loaded.example {
            Some(example) if invites => self.answer(session, Answer::Invite(canned, example)),
            _ => self.answer(session, Answer::Canned(canned)),
        }
    }

    /// An answer without products, offering a few of the catalog's types.
    fn answer(&self, session: &Session, answer: Answer<'_>) -> Turn {
        let lang = self.money.lang;
        let types = self
            .loaded
            .index
            .vocabulary()
            .values(crate::model::facet::TYPE);
        // Products, not the services and parts sold for them ("Garantia",
        // "Placa"): what a shopper starts with.
        let openers = dialog::openers(
            types
                .iter()
                .filter(|v| !crate::index::is_part_head(&v.value))
                .map(|v| v.value.clone()),
        );
        Turn {
            reply: reply::say(&answer, None, &self.money),
            lang,
            kind: TurnKind::Chat,
            products: Vec::new(),
            total: 0,
            filters: session.constraints.clone(),
            relaxed: Vec::new(),
            suggestions: reply::suggestions(lang, &openers),
            unknown: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn engine_is_send_and_sync() {
        fn is<T: Send + Sync>() {}
        is::<super::Engine>();
    }
}
