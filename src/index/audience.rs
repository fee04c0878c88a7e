//! Who a product is for, learned from its title and category path when the
//! catalog's gender cell is empty: audience words that name an audience
//! wherever they stand ("Masculino", "Women's", `mens-watches`), nouns that
//! name one only after "for" ("para meninas", "for a boy"), and nothing at
//! all in an animal's product ("Ração para Cães Filhotes") or in a
//! character's name ("Homem de Ferro"). Evidence that contradicts itself
//! ("Boys" and "Women") gives no audience: none is better than a wrong one.
//! Depends on the language data (through [`super::words`]) and `text` only.

use super::words::{Audience, TextWords, in_any_phrase, learn_words};

/// The audiences a text names, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AudienceEvidence(u8);

impl AudienceEvidence {
    fn bit(a: Audience) -> u8 {
        1 << (Audience::ALL.iter().position(|&x| x == a).unwrap_or(0) as u8)
    }

    /// Records one audience.
    pub fn add(&mut self, a: Audience) {
        self.0 |= Self::bit(a);
    }

    /// True when `a` was named.
    pub fn has(self, a: Audience) -> bool {
        self.0 & Self::bit(a) != 0
    }

    /// Both texts' evidence.
    pub fn merge(self, other: AudienceEvidence) -> AudienceEvidence {
        AudienceEvidence(self.0 | other.0)
    }

    /// The one audience the evidence supports, or none when it names none
    /// or contradicts itself.
    pub fn resolve(self) -> Option<Audience> {
        use Audience::*;
        let [men, women, boys, girls, kids, baby, unisex] = Audience::ALL.map(|a| self.has(a));
        let child = kids || baby;
        if boys || girls {
            // "For Men, Boys" (Flipkart's watches): the grown-ups' product,
            // which fits the boys too; men and girls contradict.
            match (men, women, boys, girls) {
                (true, false, true, false) => return Some(Men),
                (false, true, false, true) => return Some(Women),
                _ => {}
            }
            return match (boys, girls, men || women) {
                (_, _, true) => None,
                (true, true, false) => Some(Kids),
                (true, false, false) => Some(Boys),
                (false, _, false) => Some(Girls),
            };
        }
        if child {
            return Some(match (men, women) {
                (true, false) => Boys,
                (false, true) => Girls,
                _ if baby => Baby,
                _ => Kids,
            });
        }
        match (men, women, unisex) {
            (true, true, _) => Some(Unisex),
            (true, false, false) => Some(Men),
            (false, true, false) => Some(Women),
            (false, false, true) => Some(Unisex),
            _ => None,
        }
    }
}

/// The audiences `text` names (a title, or one level of a category path).
pub fn scan(text: &str) -> AudienceEvidence {
    scan_with(text, false)
}

/// The audiences a category level above the last names: a level is a
/// label, whose audience nouns name people anywhere ("Baby Care", "Kids
/// Furniture", "Baby & Toddler Toys"), unless a phrase makes them a name
/// ("Iron Man") or the level is an animal's.
pub fn scan_level(text: &str) -> AudienceEvidence {
    scan_with(text, true)
}

fn scan_with(text: &str, nouns_anywhere: bool) -> AudienceEvidence {
    let mut evidence = AudienceEvidence::default();
    let w = learn_words();
    let words = TextWords::new(text);
    let keys = words.slices();
    if keys.iter().any(|k| w.animal_words.contains(*k)) {
        return evidence;
    }
    let mut i = 0;
    while i < keys.len() {
        if in_any_phrase(&keys, i, &w.not_audience) {
            i += 1;
            continue;
        }
        if let Some(&a) = w.audience_words.get(keys[i]) {
            evidence.add(a);
            i += 1;
            continue;
        }
        // A noun counts after a "for" word, with articles between them.
        let mut before = i;
        while before > 0 && w.for_fillers.contains(keys[before - 1]) {
            before -= 1;
        }
        let after_for = before > 0 && w.for_words.contains(keys[before - 1]);
        let noun = audience_noun_at(w, &keys, i);
        match noun {
            Some((a, n)) if after_for || nouns_anywhere => {
                evidence.add(a);
                i += n;
            }
            _ => i += 1,
        }
    }
    evidence
}

/// The audience noun starting at word `i` of `keys` ("woman", "baby
/// girl"), the longest, and how many words it has.
fn audience_noun_at(
    w: &super::words::LearnWords,
    keys: &[&str],
    i: usize,
) -> Option<(Audience, usize)> {
    (1..=w.audience_noun_words.min(keys.len() - i))
        .rev()
        .find_map(|n| {
            w.audience_nouns
                .get(&keys[i..i + n].join(" "))
                .map(|&a| (a, n))
        })
}

/// The audiences a label names: a value of a column that says whom
/// products are for ("Ladieswear", "Baby/Children", "Kids Girl", "Men
/// Underwear"). Audience nouns count anywhere in a label, not only after
/// "for": a column of such labels names people, not characters.
pub fn scan_label(label: &str) -> AudienceEvidence {
    let mut evidence = AudienceEvidence::default();
    let w = learn_words();
    let words = TextWords::new(label);
    let keys = words.slices();
    let mut i = 0;
    while i < keys.len() {
        if let Some(&a) = w.audience_words.get(keys[i]) {
            evidence.add(a);
            i += 1;
            continue;
        }
        let noun = audience_noun_at(w, &keys, i);
        match noun {
            Some((a, n)) => {
                evidence.add(a);
                i += n;
            }
            None => i += 1,
        }
    }
    evidence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_audiences_with_their_nouns_too() {
        use Audience::*;
        let label = |text: &str| scan_label(text).resolve();
        assert_eq!(label("Ladieswear"), Some(Women));
        assert_eq!(label("Menswear"), Some(Men));
        assert_eq!(label("Men Underwear"), Some(Men));
        assert_eq!(label("Baby/Children"), Some(Baby));
        assert_eq!(label("Kids Girl"), Some(Girls));
        assert_eq!(label("Young Boy"), Some(Boys));
        assert_eq!(label("Children Sizes 92-140"), Some(Kids));
        assert_eq!(label("Divided"), None);
        assert_eq!(label("Sport"), None);
    }

    fn learned(text: &str) -> Option<Audience> {
        scan(text).resolve()
    }

    #[test]
    fn audience_words_and_for_nouns() {
        use Audience::*;
        assert_eq!(learned("Puma Men Black Running Shoes"), Some(Men));
        assert_eq!(learned("Camiseta Feminina Básica"), Some(Women));
        assert_eq!(
            learned("Fone de Ouvido JBL Infantil Junior 320"),
            Some(Kids)
        );
        assert_eq!(learned("Tênis Infantil Masculino"), Some(Boys));
        assert_eq!(learned("LEGO Friends para Meninas"), Some(Girls));
        assert_eq!(learned("A watch for a boy"), Some(Boys));
        assert_eq!(learned("Men's Clothing"), Some(Men));
        assert_eq!(learned("Mens Watches"), Some(Men));
        assert_eq!(learned("Unisex Kids Cap"), Some(Kids));
        assert_eq!(learned("Mochila Acer Nitro, Unissex, Preto"), Some(Unisex));
        assert_eq!(learned("Men & Women Socks"), Some(Unisex));
        assert_eq!(learned("Analog Watch - For Men, Boys"), Some(Men));
        assert_eq!(learned("Bracelet For Women, Girls"), Some(Women));
        assert_eq!(learned("Body para Bebê"), Some(Baby));
    }

    #[test]
    fn characters_animals_and_contradictions_give_none() {
        for text in [
            "LEGO Chaveiro - Homem de Ferro",
            "LEGO Chaveiro - Menina Llama",
            "LEGO Marvel - Figura do Homem-Aranha",
            "LEGO Ninjago - Batalha do Bebê Dragão",
            "Ração para Cães Filhotes",
            "Roupa para Cachorro Feminina",
            "Cobertor Ultra Soft Liso Azul Bebê Fábrica Pet",
            "Bolinha Baby Vinil Animania Rosa",
            "Boys and Women Set",
            "Guia Tradicional DC Mulher Maravilha",
            "Iron Man Figure",
            "LEGO BrickHeadz - Homenagem às Spice Girls",
            "Analogue Watch NK2480SM01",
        ] {
            assert_eq!(learned(text), None, "{text}");
        }
    }
}
