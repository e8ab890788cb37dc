//! Divergences between two histograms of shares, with evidently 0.7's definitions.

use statrs::distribution::{ChiSquared, ContinuousCDF};

/// Population stability index: PSI = Σᵢ (rᵢ − cᵢ)·ln(rᵢ / cᵢ) over floored shares
/// (evidently's `psi_stat_test`; Siddiqi 2006, *Credit Risk Scorecards*, ch. 8). It is the
/// symmetrised Kullback–Leibler divergence KL(r‖c) + KL(c‖r).
pub fn psi(reference: &[f64], current: &[f64]) -> f64 {
    reference
        .iter()
        .zip(current)
        .map(|(&r, &c)| (r - c) * (r / c).ln())
        .sum()
}

/// Kullback–Leibler divergence KL(p‖q) = Σᵢ pᵢ·ln(pᵢ / qᵢ) in nats, after normalising each
/// vector to sum 1 (`scipy.stats.entropy(reference, current)`, which evidently's
/// `kl_div_stat_test` calls on floored shares).
pub fn kl_divergence(reference: &[f64], current: &[f64]) -> f64 {
    let (p, q) = (normalised(reference), normalised(current));
    p.iter().zip(&q).map(|(&a, &b)| rel_entr(a, b)).sum()
}

/// Jensen–Shannon distance √(½·KL(p‖m) + ½·KL(q‖m)), m = (p + q)/2, natural log, after
/// normalising each vector (`scipy.spatial.distance.jensenshannon`; evidently's
/// `jensenshannon_stat_test` calls it on unfloored shares). Between 0 and √ln 2.
pub fn jensen_shannon(reference: &[f64], current: &[f64]) -> f64 {
    let (p, q) = (normalised(reference), normalised(current));
    let m: Vec<f64> = p.iter().zip(&q).map(|(a, b)| (a + b) / 2.0).collect();
    let left: f64 = p.iter().zip(&m).map(|(&a, &b)| rel_entr(a, b)).sum();
    let right: f64 = q.iter().zip(&m).map(|(&a, &b)| rel_entr(a, b)).sum();
    ((left + right) / 2.0).sqrt()
}

/// The mean of the PSI when both samples come from one distribution:
/// (B − 1)·(1/N + 1/M) for B bins, N reference and M current rows.
pub fn psi_no_drift_mean(bins: usize, n_reference: usize, n_current: usize) -> f64 {
    bins.saturating_sub(1) as f64 * (1.0 / n_reference as f64 + 1.0 / n_current as f64)
}

/// The `level` point of the PSI's distribution under no drift. With fixed bins and
/// independent rows, N·M/(N + M)·PSI is asymptotically χ²(B − 1) (the PSI is the symmetrised
/// KL divergence, whose scaled form is asymptotically Pearson's χ²), so the bound is
/// χ²_level(B − 1)·(1/N + 1/M): about 0.10 at B = 10, N = 1000, M = 200 (Yurdakul 2018,
/// "Statistical properties of population stability index", PhD thesis, Western Michigan
/// University). Bins estimated from the reference and autocorrelated rows make it optimistic.
pub fn psi_no_drift_bound(bins: usize, n_reference: usize, n_current: usize, level: f64) -> f64 {
    let df = bins.saturating_sub(1) as f64;
    let q = ChiSquared::new(df.max(1e-12))
        .map(|c| c.inverse_cdf(level))
        .unwrap_or(f64::NAN);
    q * (1.0 / n_reference as f64 + 1.0 / n_current as f64)
}

fn normalised(v: &[f64]) -> Vec<f64> {
    let total: f64 = v.iter().sum();
    v.iter().map(|x| x / total).collect()
}

/// `scipy.special.rel_entr`: x·ln(x/y) for x, y > 0; 0 at x = 0; +∞ otherwise.
fn rel_entr(x: f64, y: f64) -> f64 {
    if x > 0.0 && y > 0.0 {
        x * (x / y).ln()
    } else if x == 0.0 && y >= 0.0 {
        0.0
    } else {
        f64::INFINITY
    }
}
