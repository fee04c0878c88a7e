//! A small, portable random source for the catalog generator.
//!
//! xoshiro256** seeded through SplitMix64, plus the few distributions the
//! generator needs. Everything here uses only integer arithmetic and IEEE
//! `+ - * /` (no `ln`, `exp`, `cos` from the platform's libm), so the same
//! seed yields the same numbers, and therefore the same bytes, on every
//! machine and every Rust version. That is why this is not `rand`.

/// xoshiro256** (Blackman and Vigna), seeded with SplitMix64.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    s: [u64; 4],
}

/// One SplitMix64 step: advances `state` and returns a well-mixed word.
pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator whose whole stream is determined by `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        let mut sm = seed;
        Rng {
            s: [
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
            ],
        }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub(crate) fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `0..n` (`n > 0`), by Lemire's multiply-shift.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// An approximately standard normal value (Irwin–Hall with 4 terms,
    /// bounded to ±3.46, which suits prices and ratings).
    pub(crate) fn normal(&mut self) -> f64 {
        let sum = self.f64() + self.f64() + self.f64() + self.f64();
        (sum - 2.0) * 1.732_050_807_568_877_2
    }
}

/// `e^x` from IEEE basic operations only, so it rounds the same everywhere.
///
/// Range reduction by 2^-5, a degree-9 Taylor polynomial, then five
/// squarings: relative error below 1e-12 for |x| ≤ 10, plenty for prices.
pub(crate) fn exp(x: f64) -> f64 {
    let r = x / 32.0;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=9 {
        term = term * r / f64::from(k);
        sum += term;
    }
    for _ in 0..5 {
        sum *= sum;
    }
    sum
}

/// Samples indices with fixed weights (cumulative table, binary search).
#[derive(Debug, Clone)]
pub(crate) struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    /// A sampler over `weights` (non-negative, at least one positive).
    pub(crate) fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    /// Zipf-like weights `1 / (rank + 1)^s` for `n` items: a long tail.
    pub(crate) fn zipf(n: usize, s: f64) -> Self {
        Weighted::new((1..=n).map(|k| 1.0 / exp(s * ln(k as f64))))
    }

    /// One index, with probability proportional to its weight.
    pub(crate) fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.f64() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len().saturating_sub(1))
    }
}

/// Natural logarithm for `x ≥ 1` by Newton's method on [`exp`] (portable).
fn ln(x: f64) -> f64 {
    let mut y = 0.0;
    let mut p = 1.0;
    while p * 2.0 <= x {
        p *= 2.0;
        y += std::f64::consts::LN_2;
    }
    for _ in 0..20 {
        let e = exp(y);
        y -= (e - x) / e;
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_fixed() {
        // Pinned so a change to the generator's randomness is a visible diff.
        let mut rng = Rng::new(42);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        let mut again = Rng::new(42);
        assert_eq!(first, (0..3).map(|_| again.next_u64()).collect::<Vec<_>>());
        assert_ne!(first, {
            let mut other = Rng::new(43);
            (0..3).map(|_| other.next_u64()).collect::<Vec<_>>()
        });
    }

    #[test]
    fn exp_and_ln_are_accurate() {
        for x in [-3.0, -0.5, 0.0, 0.3, 1.0, 2.5, 6.0] {
            let rel = (exp(x) - f64::exp(x)).abs() / f64::exp(x);
            assert!(rel < 1e-11, "exp({x}) off by {rel}");
        }
        for x in [1.0, 2.0, 10.0, 300.0] {
            assert!((ln(x) - f64::ln(x)).abs() < 1e-11, "ln({x})");
        }
    }

    #[test]
    fn below_and_weighted_stay_in_range() {
        let mut rng = Rng::new(7);
        let w = Weighted::zipf(50, 1.1);
        let mut counts = [0usize; 50];
        for _ in 0..20_000 {
            assert!(rng.below(3) < 3);
            counts[w.sample(&mut rng)] += 1;
        }
        assert!(counts[0] > counts[10] && counts[10] > counts[49]);
    }
}
