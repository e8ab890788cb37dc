//! The Neyman–Pearson umbrella algorithm's order statistic (Tong, Feng & Li 2018,
//! "Neyman-Pearson classification algorithms and NP receiver operating characteristics",
//! Science Advances 4(2), eaao1659, Proposition 1).
//!
//! Let t₍₁₎ ≤ … ≤ t₍ₙ₎ be the scores of n held-out negatives (rows the scorer was not fitted
//! on) and classify "positive when score > t₍ₖ₎". Its false-positive rate R₀ = P(S > t₍ₖ₎ | Y = 0)
//! exceeds α exactly when t₍ₖ₎ lies below the (1 − α) quantile of the negatives' scores, that
//! is when at least k of the n held-out scores do; each does with probability 1 − α, so
//!
//!   P(R₀ > α) = P(Binomial(n, 1 − α) ≥ k) = Σ_{j=k}^{n} C(n, j) (1 − α)^j α^(n − j)
//!
//! (an upper bound when scores tie: the strict ">" only lowers R₀). The umbrella rank is the
//! smallest k with P(R₀ > α) ≤ δ = 1 − C, the least conservative threshold whose promise
//! holds with probability at least C. It exists iff k = n works, (1 − α)ⁿ ≤ δ, so at least
//! ⌈ln δ / ln(1 − α)⌉ negatives are needed (59 at α = 0.05, δ = 0.05).
//!
//! The same rule on positives promises recall: with u₍₁₎ ≤ … ≤ u₍ₘ₎ the held-out positives'
//! scores and "positive when score ≥ u₍ᵣ₎", the miss rate P(S < u₍ᵣ₎ | Y = 1) is the
//! false-positive rate of the negated scores at their (m − r + 1)-th order statistic, so
//! r = m − k + 1 with k the umbrella rank for (m, β = 1 − R, δ).

use statrs::function::factorial::ln_binomial;

/// ln(eᵃ + eᵇ), exact when either is −∞.
fn log_add(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    hi + (lo - hi).exp().ln_1p()
}

/// ln C(n, j) + j ln(1 − α) + (n − j) ln α: one term of the violation sum, in logs (the
/// terms underflow an f64 for n in the thousands).
fn ln_term(n: usize, j: usize, alpha: f64) -> f64 {
    ln_binomial(n as u64, j as u64) + j as f64 * (-alpha).ln_1p() + (n - j) as f64 * alpha.ln()
}

/// P(Binomial(n, 1 − α) ≥ k): the probability that "positive when score > t₍ₖ₎" has a
/// false-positive rate above α (see the module documentation). 1 for k = 0.
pub fn violation_probability(n: usize, k: usize, alpha: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if k > n {
        return 0.0;
    }
    let ln = (k..=n).fold(f64::NEG_INFINITY, |acc, j| {
        log_add(acc, ln_term(n, j, alpha))
    });
    ln.exp().min(1.0)
}

/// The umbrella rank k* = min{k ∈ 1..=n : P(Binomial(n, 1 − α) ≥ k) ≤ δ}, or `None` when
/// not even k = n is conservative enough (fewer than [`min_samples`] scores).
pub fn umbrella_rank(n: usize, alpha: f64, delta: f64) -> Option<usize> {
    let ln_delta = delta.ln();
    let mut tail = f64::NEG_INFINITY;
    let mut rank = None;
    for j in (1..=n).rev() {
        tail = log_add(tail, ln_term(n, j, alpha));
        if tail <= ln_delta {
            rank = Some(j);
        } else {
            break;
        }
    }
    rank
}

/// The fewest held-out scores for which a rank exists: the smallest n with (1 − α)ⁿ ≤ δ,
/// ⌈ln δ / ln(1 − α)⌉ (59 at α = δ = 0.05).
pub fn min_samples(alpha: f64, delta: f64) -> usize {
    let guess = (delta.ln() / (-alpha).ln_1p()).ceil().max(1.0) as usize;
    // Guard the ceiling against rounding at an exact boundary.
    let holds = |n: usize| n as f64 * (-alpha).ln_1p() <= delta.ln();
    let mut n = guess.saturating_sub(1).max(1);
    while !holds(n) {
        n += 1;
    }
    n
}

/// The rank a naive choice uses: the threshold whose empirical false-positive rate on the n
/// held-out negatives is at most α, t₍ₖ₎ with k = n − ⌊α n⌋ (its promise breaks about half
/// the time).
pub fn empirical_rank(n: usize, alpha: f64) -> usize {
    (n - ((alpha * n as f64).floor() as usize).min(n)).max(1)
}

/// The k-th smallest value (1-based) of `values`.
pub fn order_statistic(values: &[f64], k: usize) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        len => v[k.clamp(1, len) - 1],
    }
}
