//! Every word a merchant reads in the insights — the terminal table, the
//! HTML report, the admin page, the labels in the JSON and the comments of
//! suggested synonyms — one table per language ([`ENGLISH`],
//! [`PORTUGUESE`]). Templates name their blanks (`{n}`, `{price}`), filled
//! by [`fill`]. Constraint names come from the shopper phrasebook
//! ([`crate::reply::Phrasebook::constraint`]), so a facet is called the
//! same everywhere. Adding a language means adding a table here.

use crate::model::Lang;

/// The labels of the insights in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The language.
    pub lang: Lang,
    /// The report's title.
    pub title: &'static str,
    /// `{turns}`, `{conversations}`, `{from}`, `{to}`.
    pub summary: &'static str,
    /// When the period has no turn.
    pub no_turns: &'static str,
    /// `{files}`, `{turns}`.
    pub sources: &'static str,
    /// `{skipped}`, `{torn}`.
    pub skipped: &'static str,
    /// `{dropped}`.
    pub dropped: &'static str,
    /// Heading of unmet demand.
    pub unmet: &'static str,
    /// What unmet demand lists.
    pub unmet_note: &'static str,
    /// When nothing went unmet.
    pub unmet_none: &'static str,
    /// Column: times asked.
    pub col_asked: &'static str,
    /// Column: distinct conversations.
    pub col_shoppers: &'static str,
    /// Column: exact matches in the catalog now.
    pub col_now: &'static str,
    /// Column: the combination.
    pub col_what: &'static str,
    /// Column: the closest supply.
    pub col_closest: &'static str,
    /// `{n}` products in other product types.
    pub other_type: &'static str,
    /// `{n}` products of other brands.
    pub other_brand: &'static str,
    /// `{n}` products in other colours.
    pub other_color: &'static str,
    /// `{n}` products for other audiences.
    pub other_gender: &'static str,
    /// `{n}` products in other sizes.
    pub other_size: &'static str,
    /// `{n}` products in other materials.
    pub other_material: &'static str,
    /// `{n}` products with another value of `{facet}`.
    pub other_extra: &'static str,
    /// `{n}` products above `{price}`.
    pub above: &'static str,
    /// `{n}` products below `{price}`.
    pub below: &'static str,
    /// `{n}` products outside `{range}`.
    pub outside: &'static str,
    /// `{n}` products rated lower.
    pub rated_lower: &'static str,
    /// `{n}` products without the words `{words}`.
    pub without_words: &'static str,
    /// `{n}` products of `{what}` (a combination with two constraints left out).
    pub rest: &'static str,
    /// The lowest price of alternatives: `{price}`.
    pub from_price: &'static str,
    /// No alternative at all.
    pub nothing_close: &'static str,
    /// Heading of vocabulary gaps.
    pub gaps: &'static str,
    /// What the gaps list.
    pub gaps_note: &'static str,
    /// When every word was understood.
    pub gaps_none: &'static str,
    /// Column: times used.
    pub col_times: &'static str,
    /// Column: the word.
    pub col_word: &'static str,
    /// Column: what it most likely means.
    pub col_likely: &'static str,
    /// Evidence: the shopper rephrased it as this value `{n}` times.
    pub rephrased: &'static str,
    /// Evidence: spelt like this value.
    pub spelt_like: &'static str,
    /// A catalog word (not a facet value): `{word}`.
    pub word_label: &'static str,
    /// Heading of demand against supply.
    pub supply: &'static str,
    /// What demand against supply compares.
    pub supply_note: &'static str,
    /// Column / legend: share of requests.
    pub col_demand: &'static str,
    /// Column / legend: share of the catalog.
    pub col_supply: &'static str,
    /// Column: requests.
    pub col_requests: &'static str,
    /// Column: products.
    pub col_products: &'static str,
    /// A price band below `{max}`.
    pub band_under: &'static str,
    /// A price band from `{min}` to `{max}`.
    pub band_between: &'static str,
    /// A price band from `{min}` up.
    pub band_over: &'static str,
    /// Heading of conversation health.
    pub health: &'static str,
    /// Searches answered with exact matches.
    pub exact: &'static str,
    /// Searches answered with alternatives.
    pub relaxed: &'static str,
    /// Searches that showed nothing.
    pub empty: &'static str,
    /// Product details shown.
    pub details: &'static str,
    /// Other turns: greetings, help, messages not understood.
    pub chat: &'static str,
    /// Languages of the turns.
    pub languages: &'static str,
    /// English, in this language.
    pub english: &'static str,
    /// Portuguese, in this language.
    pub portuguese: &'static str,
    /// `{n}` median turns per conversation.
    pub median_turns: &'static str,
    /// Of `{n}` searches.
    pub of_searches: &'static str,
    /// Heading of the time series.
    pub timeline: &'static str,
    /// Legend: all requests.
    pub legend_requests: &'static str,
    /// Legend: unmet requests.
    pub legend_unmet: &'static str,
    /// Admin page: the login heading.
    pub login_title: &'static str,
    /// Admin page: the token field.
    pub login_token: &'static str,
    /// Admin page: the button.
    pub login_button: &'static str,
    /// Admin page: a wrong token.
    pub login_wrong: &'static str,
    /// Admin page: the period selector.
    pub period: &'static str,
    /// Admin page: period choices, in `PERIODS` order.
    pub periods: [&'static str; 5],
    /// Admin page: apply the period.
    pub show: &'static str,
    /// Admin page: sign out.
    pub sign_out: &'static str,
    /// Admin page: download the figures as JSON.
    pub download_json: &'static str,
    /// Header comment of suggested synonyms: `{date}`.
    pub suggest_header: &'static str,
    /// Comment of one suggestion: `{word}`, `{n}`, `{why}`.
    pub suggest_line: &'static str,
    /// When there is nothing to suggest.
    pub suggest_none: &'static str,
    /// After writing suggestions: `{n}`, `{file}`.
    pub suggest_written: &'static str,
}

/// The `--since` values the admin page offers, in [`Words::periods`] order.
pub const PERIODS: [&str; 5] = ["24h", "7d", "30d", "90d", "all"];

/// English.
pub const ENGLISH: Words = Words {
    lang: Lang::En,
    title: "Demand insights",
    summary: "{turns} turns in {conversations} conversations, {from} to {to}",
    no_turns: "No turn was logged in this period.",
    sources: "Read from {files} log file(s): {turns} turns.",
    skipped: "{skipped} unreadable lines skipped ({torn} torn by a crash).",
    dropped: "{dropped} turns were not logged (the writer fell behind).",
    unmet: "Unmet demand",
    unmet_note: "What shoppers asked for most often with no exact match, and what the catalog has closest today.",
    unmet_none: "Every request had exact matches.",
    col_asked: "asked",
    col_shoppers: "shoppers",
    col_now: "in stock now",
    col_what: "what was asked",
    col_closest: "closest in the catalog",
    other_type: "{n} in other product types",
    other_brand: "{n} from other brands",
    other_color: "{n} in other colours",
    other_gender: "{n} for other audiences",
    other_size: "{n} in other sizes",
    other_material: "{n} in other materials",
    other_extra: "{n} with another {facet}",
    above: "{n} above {price}",
    below: "{n} below {price}",
    outside: "{n} outside {range}",
    rated_lower: "{n} rated lower",
    without_words: "{n} without “{words}”",
    rest: "{n} {what}",
    from_price: "from {price}",
    nothing_close: "nothing close",
    gaps: "Words not understood",
    gaps_note: "Words shoppers used that the catalog does not know, with what they most likely mean.",
    gaps_none: "Every word was understood.",
    col_times: "times",
    col_word: "word",
    col_likely: "likely meaning",
    rephrased: "rephrased as this {n}×",
    spelt_like: "spelt alike",
    word_label: "the word “{word}”",
    supply: "Demand and supply",
    supply_note: "Each value's share of the requests that name its attribute, against its share of the catalog.",
    col_demand: "demand",
    col_supply: "catalog",
    col_requests: "requests",
    col_products: "products",
    band_under: "under {max}",
    band_between: "{min} to {max}",
    band_over: "{min} and up",
    health: "Conversation health",
    exact: "answered exactly",
    relaxed: "answered with alternatives",
    empty: "nothing shown",
    details: "product details",
    chat: "greetings, help, not understood",
    languages: "languages",
    english: "English",
    portuguese: "Portuguese",
    median_turns: "turns per conversation (median): {n}",
    of_searches: "of {n} searches",
    timeline: "Unmet demand over time",
    legend_requests: "requests",
    legend_unmet: "with no exact match",
    login_title: "Demand insights: sign in",
    login_token: "Admin token",
    login_button: "Sign in",
    login_wrong: "That token is not right.",
    period: "Period",
    periods: [
        "last 24 hours",
        "last 7 days",
        "last 30 days",
        "last 90 days",
        "everything logged",
    ],
    show: "Show",
    sign_out: "Sign out",
    download_json: "Figures as JSON",
    suggest_header: "Synonyms suggested by `vitrine insights` on {date} from the words shoppers used\n\
# that the catalog did not know. Review every line: keep the right ones, fix or\n\
# delete the others. Then use the file with `vitrine serve --synonyms FILE` (or\n\
# `vitrine import … --synonyms FILE`). The format is described in README.md.",
    suggest_line: "“{word}” used {n} times; {why}",
    suggest_none: "No suggestion: every word shoppers used in this period was understood,\n\
# or none looks like a word of the catalog.",
    suggest_written: "{n} suggested synonyms written to {file}: review them before use.",
};

/// Brazilian Portuguese.
pub const PORTUGUESE: Words = Words {
    lang: Lang::Pt,
    title: "Insights de demanda",
    summary: "{turns} turnos em {conversations} conversas, de {from} a {to}",
    no_turns: "Nenhum turno registrado neste período.",
    sources: "Lidos de {files} arquivo(s) de registro: {turns} turnos.",
    skipped: "{skipped} linhas ilegíveis ignoradas ({torn} cortadas por uma queda).",
    dropped: "{dropped} turnos não foram registrados (o gravador ficou para trás).",
    unmet: "Demanda não atendida",
    unmet_note: "O que os clientes mais pediram sem encontrar exatamente, e o que o catálogo tem de mais próximo hoje.",
    unmet_none: "Todos os pedidos tiveram resultados exatos.",
    col_asked: "pedidos",
    col_shoppers: "clientes",
    col_now: "em estoque agora",
    col_what: "o que pediram",
    col_closest: "o mais próximo no catálogo",
    other_type: "{n} de outros tipos de produto",
    other_brand: "{n} de outras marcas",
    other_color: "{n} em outras cores",
    other_gender: "{n} para outros públicos",
    other_size: "{n} em outros tamanhos",
    other_material: "{n} em outros materiais",
    other_extra: "{n} com outro valor de {facet}",
    above: "{n} acima de {price}",
    below: "{n} abaixo de {price}",
    outside: "{n} fora da faixa {range}",
    rated_lower: "{n} com avaliação menor",
    without_words: "{n} sem “{words}”",
    rest: "{n} {what}",
    from_price: "a partir de {price}",
    nothing_close: "nada parecido",
    gaps: "Palavras não entendidas",
    gaps_note: "Palavras que os clientes usaram e o catálogo não conhece, com o que provavelmente significam.",
    gaps_none: "Todas as palavras foram entendidas.",
    col_times: "vezes",
    col_word: "palavra",
    col_likely: "significado provável",
    rephrased: "reformulado assim {n}×",
    spelt_like: "grafia parecida",
    word_label: "a palavra “{word}”",
    supply: "Demanda e oferta",
    supply_note: "A parcela de cada valor nos pedidos que citam o atributo, comparada à sua parcela no catálogo.",
    col_demand: "demanda",
    col_supply: "catálogo",
    col_requests: "pedidos",
    col_products: "produtos",
    band_under: "até {max}",
    band_between: "de {min} a {max}",
    band_over: "a partir de {min}",
    health: "Saúde das conversas",
    exact: "respondidas com resultados exatos",
    relaxed: "respondidas com alternativas",
    empty: "sem nenhum produto",
    details: "detalhes de produto",
    chat: "saudações, ajuda, não entendidas",
    languages: "idiomas",
    english: "inglês",
    portuguese: "português",
    median_turns: "turnos por conversa (mediana): {n}",
    of_searches: "de {n} buscas",
    timeline: "Demanda não atendida ao longo do tempo",
    legend_requests: "pedidos",
    legend_unmet: "sem resultado exato",
    login_title: "Insights de demanda: entrar",
    login_token: "Token de administração",
    login_button: "Entrar",
    login_wrong: "Esse token não está certo.",
    period: "Período",
    periods: [
        "últimas 24 horas",
        "últimos 7 dias",
        "últimos 30 dias",
        "últimos 90 dias",
        "todo o registro",
    ],
    show: "Mostrar",
    sign_out: "Sair",
    download_json: "Números em JSON",
    suggest_header: "Sinônimos sugeridos por `vitrine insights` em {date} a partir das palavras que os\n\
# clientes usaram e o catálogo não conhecia. Revise cada linha: mantenha as certas,\n\
# corrija ou apague as outras. Depois use o arquivo com `vitrine serve --synonyms ARQUIVO`\n\
# (ou `vitrine import … --synonyms ARQUIVO`). O formato está descrito no README.md.",
    suggest_line: "“{word}” usada {n} vezes; {why}",
    suggest_none: "Nenhuma sugestão: todas as palavras usadas neste período foram entendidas,\n\
# ou nenhuma parece uma palavra do catálogo.",
    suggest_written: "{n} sinônimos sugeridos gravados em {file}: revise-os antes de usar.",
};

/// The table of a language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Pt => &PORTUGUESE,
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A share (0 to 1) as a whole percentage: "37%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

impl Words {
    /// The name of a language, in this table's language.
    pub fn language(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.english,
            Lang::Pt => self.portuguese,
        }
    }

    /// The name of the language with this code (`pt`), in this table's
    /// language; the code itself when no language has it.
    pub fn language_of_code<'c>(&self, code: &'c str) -> &'c str {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .map_or(code, |l| self.language(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_filled() {
        assert_eq!(
            fill(ENGLISH.above, &[("n", "12"), ("price", "₹1,000")]),
            "12 above ₹1,000"
        );
        assert_eq!(
            fill(PORTUGUESE.other_color, &[("n", "4")]),
            "4 em outras cores"
        );
    }

    /// Both tables name the same blanks in the same templates.
    #[test]
    fn languages_agree_on_their_blanks() {
        fn blanks(t: &str) -> Vec<String> {
            let mut out: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(b, _)| b.to_string()))
                .collect();
            out.sort();
            out
        }
        let pairs = [
            (ENGLISH.summary, PORTUGUESE.summary),
            (ENGLISH.other_extra, PORTUGUESE.other_extra),
            (ENGLISH.outside, PORTUGUESE.outside),
            (ENGLISH.band_between, PORTUGUESE.band_between),
            (ENGLISH.suggest_line, PORTUGUESE.suggest_line),
            (ENGLISH.skipped, PORTUGUESE.skipped),
            (ENGLISH.rephrased, PORTUGUESE.rephrased),
        ];
        for (en, pt) in pairs {
            assert_eq!(blanks(en), blanks(pt), "{en} / {pt}");
        }
    }
}
