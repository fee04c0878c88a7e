//! Language detection for one message: Brazilian Portuguese or English,
//! from evidence only (accented letters, function words, common shopping
//! words of each language). A message without evidence ("Puma", "42")
//! keeps the session's language.

use super::token::{TokKind, Tokens};
use crate::model::Lang;

/// Words that only Portuguese messages use.
const PT: &[&str] = &[
    "para",
    "pra",
    "pro",
    "ate",
    "com",
    "sem",
    "quero",
    "queria",
    "procuro",
    "preciso",
    "de",
    "da",
    "do",
    "das",
    "dos",
    "e",
    "ou",
    "mais",
    "menos",
    "barato",
    "barata",
    "baratos",
    "baratas",
    "tenis",
    "masculino",
    "masculina",
    "feminino",
    "feminina",
    "infantil",
    "preto",
    "preta",
    "branco",
    "branca",
    "vermelho",
    "vermelha",
    "azul",
    "cinza",
    "verde",
    "amarelo",
    "rosa",
    "roxo",
    "marrom",
    "bege",
    "laranja",
    "camiseta",
    "camisa",
    "calca",
    "vestido",
    "saia",
    "bolsa",
    "mochila",
    "um",
    "uma",
    "uns",
    "umas",
    "os",
    "meu",
    "minha",
    "nao",
    "sim",
    "oi",
    "ola",
    "obrigado",
    "obrigada",
    "valeu",
    "ajuda",
    "tamanho",
    "cor",
    "marca",
    "qualquer",
    "mostra",
    "mostre",
    "ver",
    "acima",
    "abaixo",
    "entre",
    "cerca",
    "reais",
    "estrelas",
    "tambem",
    "prefiro",
    "na",
    "em",
    "parecido",
    "parecidos",
    "segundo",
    "segunda",
    "primeiro",
    "recomecar",
    "busca",
    "nova",
    "que",
    "esse",
    "essa",
    "isso",
    "algo",
    "outro",
    "outra",
    "tem",
    "voce",
    "bom",
    "dia",
    "boa",
    "tarde",
    "noite",
    "caro",
    "cara",
    "homem",
    "mulher",
    "menino",
    "menina",
    "filho",
    "filha",
    "marido",
    "esposa",
    "exceto",
    "nada",
    "tira",
    "esquece",
    "agora",
    "proximos",
    "tam",
    "numero",
    "couro",
    "algodao",
    "sapato",
    "sandalia",
    "bota",
    "jaqueta",
    "relogio",
    "carteira",
    "fone",
    "avaliado",
    "avaliados",
    "melhor",
    "primeiro",
    "por",
    "favor",
    "estou",
    "procurando",
    "pelo",
    "pela",
    "tudo",
    "limpar",
    "comecar",
    "novo",
    "azuis",
    "pretos",
    "brancos",
];

/// Words that only English messages use.
const EN: &[&str] = &[
    "for",
    "under",
    "with",
    "without",
    "the",
    "and",
    "or",
    "show",
    "me",
    "cheap",
    "cheaper",
    "i",
    "want",
    "looking",
    "some",
    "any",
    "in",
    "of",
    "over",
    "below",
    "above",
    "between",
    "around",
    "stars",
    "size",
    "colour",
    "color",
    "brand",
    "not",
    "only",
    "also",
    "please",
    "black",
    "white",
    "red",
    "blue",
    "green",
    "grey",
    "gray",
    "shoes",
    "sneakers",
    "men",
    "women",
    "mens",
    "womens",
    "more",
    "next",
    "thanks",
    "hi",
    "hello",
    "help",
    "start",
    "search",
    "price",
    "to",
    "my",
    "like",
    "similar",
    "one",
    "ones",
    "from",
    "less",
    "than",
    "cheapest",
    "expensive",
    "shirt",
    "shirts",
    "dress",
    "dresses",
    "pants",
    "jacket",
    "bag",
    "boys",
    "girls",
    "kids",
    "wife",
    "husband",
    "son",
    "daughter",
    "something",
    "find",
    "need",
    "actually",
    "instead",
    "make",
    "it",
    "is",
    "are",
    "what",
    "can",
    "you",
    "do",
    "don't",
    "dont",
    "but",
    "except",
    "anything",
    "up",
    "at",
    "least",
    "most",
    "best",
    "rated",
    "sort",
    "first",
    "second",
    "third",
    "by",
    "high",
    "low",
    "new",
    "again",
    "reset",
    "over",
    "bucks",
    "dollars",
    "rupees",
    "thank",
    "yes",
    "brown",
    "pink",
    "purple",
    "yellow",
    "leather",
    "cotton",
    "watch",
    "wallet",
    "backpack",
    "trousers",
    "jeans",
];

/// Detects the language of a tokenised message; `prior` when there is no evidence.
pub(crate) fn detect(raw: &str, tokens: &Tokens, prior: Lang) -> Lang {
    let mut pt = 0i32;
    let mut en = 0i32;
    for (i, tok) in tokens.toks.iter().enumerate() {
        if tok.kind != TokKind::Word {
            continue;
        }
        let word = tokens.key(i);
        let raw_word = raw.get(tok.raw.clone()).unwrap_or("");
        if raw_word.chars().any(|c| {
            matches!(
                c,
                'ç' | 'ã'
                    | 'õ'
                    | 'ê'
                    | 'é'
                    | 'á'
                    | 'í'
                    | 'ó'
                    | 'ú'
                    | 'â'
                    | 'ô'
                    | 'à'
                    | 'Ç'
                    | 'Ã'
                    | 'Õ'
                    | 'Ê'
                    | 'É'
                    | 'Á'
                    | 'Í'
                    | 'Ó'
                    | 'Ú'
                    | 'Â'
                    | 'Ô'
                    | 'À'
            )
        }) {
            pt += 2;
        } else if PT.contains(&word) || PT.contains(&word.strip_suffix('s').unwrap_or(word)) {
            pt += 1;
        } else if EN.contains(&word) {
            en += 1;
        }
    }
    if raw.contains("R$") {
        pt += 1;
    }
    match pt.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Pt,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => prior,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::token::tokenize;

    fn lang(text: &str, prior: Lang) -> Lang {
        detect(text, &tokenize(text), prior)
    }

    #[test]
    fn detects_by_evidence() {
        assert_eq!(lang("tênis preto masculino até R$ 300", Lang::En), Lang::Pt);
        assert_eq!(
            lang("black sneakers for men under 3000", Lang::Pt),
            Lang::En
        );
        assert_eq!(lang("Puma", Lang::Pt), Lang::Pt);
        assert_eq!(lang("42", Lang::En), Lang::En);
        assert_eq!(lang("quero uma camiseta", Lang::En), Lang::Pt);
    }
}
