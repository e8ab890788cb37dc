//! The first Wasserstein distance and Pearson's chi-square test of homogeneity.

use serde::Serialize;
use statrs::distribution::{ChiSquared, ContinuousCDF};

/// W₁ = ∫ |F_a(x) − F_b(x)| dx between two empirical distributions, summed over the gaps of
/// the pooled sorted values (`scipy.stats.wasserstein_distance`, unweighted). In the
/// feature's own unit.
pub fn wasserstein(a: &[f64], b: &[f64]) -> f64 {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_by(f64::total_cmp);
    b.sort_by(f64::total_cmp);
    let mut all: Vec<f64> = a.iter().chain(&b).copied().collect();
    all.sort_by(f64::total_cmp);
    let (na, nb) = (a.len() as f64, b.len() as f64);
    all.windows(2)
        .map(|w| {
            let fa = a.partition_point(|v| *v <= w[0]) as f64 / na;
            let fb = b.partition_point(|v| *v <= w[0]) as f64 / nb;
            (fa - fb).abs() * (w[1] - w[0])
        })
        .sum()
}

/// Pearson's chi-square test that two samples of a categorical feature share one
/// distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChiSquare {
    pub statistic: f64,
    pub df: usize,
    pub pvalue: f64,
}

/// χ² = Σ (observed − expected)² / expected over the 2 × L table of level counts (reference
/// and current rows), expected = row total · column total / n, df = L − 1 over the levels
/// seen in either sample; no continuity correction
/// (`scipy.stats.chi2_contingency(table, correction=False)`).
pub fn chi_square(reference_counts: &[usize], current_counts: &[usize]) -> ChiSquare {
    let cols: Vec<(f64, f64)> = reference_counts
        .iter()
        .zip(current_counts)
        .filter(|(r, c)| **r + **c > 0)
        .map(|(&r, &c)| (r as f64, c as f64))
        .collect();
    let nr: f64 = cols.iter().map(|c| c.0).sum();
    let nc: f64 = cols.iter().map(|c| c.1).sum();
    let n = nr + nc;
    let statistic: f64 = cols
        .iter()
        .map(|&(r, c)| {
            let total = r + c;
            let (er, ec) = (nr * total / n, nc * total / n);
            (r - er).powi(2) / er + (c - ec).powi(2) / ec
        })
        .sum();
    let df = cols.len().saturating_sub(1);
    let pvalue = if df == 0 {
        1.0
    } else {
        ChiSquared::new(df as f64)
            .map(|d| d.sf(statistic))
            .unwrap_or(f64::NAN)
    };
    ChiSquare {
        statistic,
        df,
        pvalue,
    }
}
