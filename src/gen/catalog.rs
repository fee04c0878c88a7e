//! The per-seed catalog: brands by department (real names plus generated
//! ones, Zipf-ranked), the type and colour samplers, and drawing product
//! number `i` into a [`Row`]: title, category, price, attributes and URLs.

use super::describe::{Slots, describe};
use super::rng::{Rng, Weighted, exp};
use super::row::{Row, Style};
use super::tables::{self, Audience, COLOURS, Group, ProductType, TYPES};
use super::values::{push_id, push_price, push_rating, size, stock};
use std::collections::HashSet;
use std::fmt::Write as _;

/// One brand of the catalog.
struct Brand {
    name: String,
    /// Price multiplier: budget brands below 1, premium above.
    tier: f64,
}

/// The per-seed tables: brands by department and the samplers.
pub(super) struct Catalog {
    brands: Vec<Brand>,
    /// For each department (in `Group::ALL` order): brand indices by rank, and a Zipf sampler.
    by_group: Vec<(Vec<usize>, Weighted)>,
    types: Weighted,
    colours: Weighted,
}

impl Catalog {
    pub(super) fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed ^ 0xB4A2_D5EE_D000_0001);
        let mut brands = Vec::new();
        let mut seen = HashSet::new();
        let mut by_group = Vec::new();
        for group in Group::ALL {
            let mut names: Vec<String> =
                group.real_brands().iter().map(|s| s.to_string()).collect();
            while names.len() < group.brand_count() {
                let name = brand_name(group, &mut rng);
                if !seen.contains(&name) && !names.contains(&name) {
                    names.push(name);
                }
            }
            // Shuffle (Fisher–Yates) so which brands lead differs per seed.
            for i in (1..names.len()).rev() {
                names.swap(i, rng.below(i + 1));
            }
            let mut indices = Vec::with_capacity(names.len());
            for name in names {
                // A brand sells in one department here; a real name listed in
                // two departments ("Nike") is one brand in both.
                let index = match brands.iter().position(|b: &Brand| b.name == name) {
                    Some(index) => index,
                    None => {
                        seen.insert(name.clone());
                        brands.push(Brand {
                            name,
                            tier: exp(0.3 * rng.normal()),
                        });
                        brands.len() - 1
                    }
                };
                indices.push(index);
            }
            let zipf = Weighted::zipf(indices.len(), 0.95);
            by_group.push((indices, zipf));
        }
        Catalog {
            brands,
            by_group,
            types: Weighted::new(TYPES.iter().map(|t| t.weight)),
            colours: Weighted::new(COLOURS.iter().map(|c| c.1)),
        }
    }

    /// Distinct brands the catalog draws from.
    pub(super) fn brand_count(&self) -> usize {
        self.brands.len()
    }

    /// Fills `row` with product number `i` (0-based).
    pub(super) fn fill(&self, row: &mut Row, i: u64, style: &Style, rng: &mut Rng) {
        row.clear();
        let ty = &TYPES[self.types.sample(rng)];
        let group_index = Group::ALL.iter().position(|g| *g == ty.group).unwrap_or(0);
        let (ranked, zipf) = &self.by_group[group_index];
        let brand = &self.brands[ranked[zipf.sample(rng)]];
        let audience = pick_weighted(ty.audiences, rng);
        let colour = &COLOURS[self.colours.sample(rng)].0;
        let d1 = rng.below(ty.descriptors.len());
        let d2 = if rng.chance(0.35) {
            let d = rng.below(ty.descriptors.len());
            (d != d1).then_some(d)
        } else {
            None
        };
        let material = rng.pick(ty.materials);

        push_id(&mut row.id, i);
        row.brand.push_str(&brand.name);
        let fem = ty.pt_feminine;
        if style.pt {
            let t = &mut row.title;
            t.push_str(ty.pt);
            t.push(' ');
            t.push_str(&brand.name);
            for d in [Some(d1), d2].into_iter().flatten() {
                let w = ty.descriptors[d];
                t.push(' ');
                t.push_str(if fem { w.2 } else { w.1 });
            }
            if let Some(a) = audience {
                t.push(' ');
                t.push_str(a.pt_title(fem));
            }
            t.push(' ');
            t.push_str(if fem { colour.2 } else { colour.1 });
        } else {
            let t = &mut row.title;
            t.push_str(&brand.name);
            if let Some(a) = audience {
                t.push(' ');
                t.push_str(a.en());
            }
            t.push(' ');
            t.push_str(colour.0);
            for d in [Some(d1), d2].into_iter().flatten() {
                t.push(' ');
                t.push_str(ty.descriptors[d].0);
            }
            t.push(' ');
            t.push_str(ty.en);
        }

        let (section_en, section_pt) = ty.group.section();
        let c = &mut row.category;
        match (audience, ty.sub) {
            (Some(a), _) => {
                c.push_str(if style.pt {
                    a.pt_department()
                } else {
                    a.en_department()
                });
                c.push_str(" > ");
                c.push_str(if style.pt { section_pt } else { section_en });
            }
            (None, sub) => {
                c.push_str(if style.pt { section_pt } else { section_en });
                if let Some((en, pt)) = sub {
                    c.push_str(" > ");
                    c.push_str(if style.pt { pt } else { en });
                }
            }
        }
        c.push_str(" > ");
        c.push_str(if style.pt { ty.pt_plural } else { ty.en_plural });

        let kid = audience.is_some_and(Audience::is_kid);
        push_price(
            &mut row.price,
            price_usd(ty, brand, kid, rng),
            style.pt,
            rng,
        );
        row.color
            .push_str(if style.pt { colour.1 } else { colour.0 });
        if let Some(size) = size(ty.sizing, audience, style.pt, rng) {
            row.size.push_str(size);
        }
        if let Some(a) = audience {
            row.gender.push_str(if style.pt { a.pt() } else { a.en() });
        }
        row.material
            .push_str(if style.pt { material.1 } else { material.0 });
        push_rating(&mut row.rating, style.pt, rng);
        let _ = write!(row.stock, "{}", stock(rng));
        let (site, cdn) = if style.pt {
            (
                "https://loja.exemplo.com.br/p/",
                "https://cdn.loja.exemplo.com.br/img/",
            )
        } else {
            (
                "https://shop.example.com/p/",
                "https://cdn.shop.example.com/img/",
            )
        };
        row.url.push_str(site);
        row.url.push_str(&row.id);
        row.image_url.push_str(cdn);
        row.image_url.push_str(&row.id);
        row.image_url.push_str(".jpg");

        let words = Slots {
            brand: &brand.name,
            ty: if style.pt { ty.pt } else { ty.en },
            // "a pair of jeans", not "a jeans" ("Dress" is singular).
            pair: !style.pt && ty.en.ends_with('s') && !ty.en.ends_with("ss"),
            colour: if style.pt { colour.2 } else { colour.0 },
            material: if style.pt { material.1 } else { material.0 },
            descriptor: if style.pt {
                ty.descriptors[d1].1
            } else {
                ty.descriptors[d1].0
            },
            audience: match audience {
                None | Some(Audience::Unisex) => "everyone",
                Some(Audience::Men) => "men",
                Some(Audience::Women) => "women",
                Some(Audience::Boys) => "boys",
                Some(Audience::Girls) => "girls",
            },
        };
        describe(&mut row.description, ty, &words, style.pt, rng);
    }
}

/// A pronounceable made-up brand name, sometimes with a department word.
fn brand_name(group: Group, rng: &mut Rng) -> String {
    let mut name = String::new();
    let syllables = 2 + usize::from(rng.chance(0.3));
    for s in 0..syllables {
        name.push_str(rng.pick(tables::ONSETS));
        name.push_str(rng.pick(tables::VOWELS));
        if s + 1 == syllables || rng.chance(0.25) {
            name.push_str(rng.pick(tables::CODAS));
        }
    }
    let mut chars = name.chars();
    let mut name: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if rng.chance(0.18) {
        name.push(' ');
        name.push_str(rng.pick(group.brand_suffixes()));
    }
    name
}

fn pick_weighted<T: Copy>(items: &[(T, f64)], rng: &mut Rng) -> Option<T> {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut x = rng.f64() * total;
    for (item, w) in items {
        if x < *w {
            return Some(*item);
        }
        x -= w;
    }
    items.last().map(|(item, _)| *item)
}

/// A log-normal price in USD around the type's median, scaled by brand tier.
fn price_usd(ty: &ProductType, brand: &Brand, kid: bool, rng: &mut Rng) -> f64 {
    let mut p = ty.median_usd * brand.tier * exp(ty.sigma * rng.normal());
    if kid {
        p *= 0.65;
    }
    p.max(1.0)
}
