//! Every drift statistic of every feature between two sets of rows, and the alerts each
//! threshold rule would raise.

use mlproof_core::drift::{
    binned_shares, chi_square, jensen_shannon, kl_divergence, ks_2samp, psi, psi_no_drift_bound,
    psi_no_drift_mean, wasserstein, Binning, ChiSquare, KsMethod,
};
use mlproof_core::{Error, Result};
use mlproof_data::{Dataset, FeatureKind};
use serde::Serialize;

/// The conventional PSI bands (credit scoring): below 0.1 stable, 0.1–0.25 a moderate
/// shift, above 0.25 a major one. Conventions, not tests: they ignore the sample sizes.
pub const PSI_MODERATE: f64 = 0.1;
pub const PSI_MAJOR: f64 = 0.25;
/// Coverage of the no-drift PSI bound and family-wise level of the tests.
pub const BOUND_LEVEL: f64 = 0.95;
pub const ALPHA: f64 = 0.05;

/// One feature's drift between the reference and a current window.
#[derive(Debug, Clone, Serialize)]
pub struct FeatureDrift {
    pub feature: String,
    /// `numeric` or `categorical`.
    pub kind: &'static str,
    pub bins: usize,
    pub psi: f64,
    pub kl: f64,
    pub js: f64,
    /// KS (numeric features only).
    pub ks_statistic: Option<f64>,
    pub ks_pvalue: Option<f64>,
    pub ks_method: Option<KsMethod>,
    /// Pearson's chi-square of the level counts (categorical features only).
    pub chi_square: Option<ChiSquare>,
    /// W₁ in the feature's unit (numeric features only).
    pub wasserstein: Option<f64>,
    /// The PSI's mean under no drift, (B − 1)(1/N + 1/M): what a stable feature scores.
    pub psi_baseline: f64,
    /// The PSI's 95% point under no drift, χ²₀.₉₅(B − 1)(1/N + 1/M).
    pub psi_bound: f64,
    /// Lag-1 autocorrelation ρ of the feature in the reference rows (0 for categorical).
    pub lag1_autocorrelation: f64,
    /// The same bound with effective sizes N(1 − ρ)/(1 + ρ) and M(1 − ρ)/(1 + ρ) (the AR(1)
    /// variance inflation of a mean; Bayley & Hammersley 1946), for rows that are not
    /// independent.
    pub psi_bound_autocorrelated: f64,
    pub alerts: Alerts,
}

/// Which rule would alert on a feature.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Alerts {
    pub psi_above_0_1: bool,
    pub psi_above_0_25: bool,
    pub psi_above_bound: bool,
    pub psi_above_autocorrelated_bound: bool,
    /// The KS (or chi-square) p-value below α / (number of features).
    pub test_bonferroni: bool,
}

/// Fails on a feature that is constant over every row (no distribution to compare).
pub fn check_not_constant(data: &Dataset) -> Result<()> {
    for (j, name) in data.feature_names.iter().enumerate() {
        let col = data.features.column(j);
        let first = col[0];
        if col.iter().all(|&v| v == first) {
            return Err(Error::input(format!(
                "feature '{name}' is constant (every row is {first}): it has no distribution \
                 to drift; drop the column"
            )));
        }
    }
    Ok(())
}

/// Every feature's statistics between rows `reference` and rows `current`.
pub fn compare(
    data: &Dataset,
    reference: std::ops::Range<usize>,
    current: std::ops::Range<usize>,
    binning: Binning,
) -> Vec<FeatureDrift> {
    let d = data.n_features();
    (0..d)
        .map(|j| {
            let col = data.features.column(j);
            let r: Vec<f64> = reference.clone().map(|i| col[i]).collect();
            let c: Vec<f64> = current.clone().map(|i| col[i]).collect();
            let categorical = matches!(data.feature_kinds[j], FeatureKind::Categorical { .. });
            one(&data.feature_names[j], &r, &c, binning, categorical, d)
        })
        .collect()
}

fn one(
    name: &str,
    r: &[f64],
    c: &[f64],
    binning: Binning,
    categorical: bool,
    n_features: usize,
) -> FeatureDrift {
    let shares = binned_shares(r, c, binning, categorical);
    let (rf, cf) = shares.floored();
    let bins = shares.n_bins();
    let (ks, chi, w1) = if categorical {
        let counts = |s: &[f64], n: usize| -> Vec<usize> {
            s.iter().map(|x| (x * n as f64).round() as usize).collect()
        };
        let chi = chi_square(
            &counts(&shares.reference, r.len()),
            &counts(&shares.current, c.len()),
        );
        (None, Some(chi), None)
    } else {
        (Some(ks_2samp(r, c)), None, Some(wasserstein(r, c)))
    };
    let psi_value = psi(&rf, &cf);
    let bound = psi_no_drift_bound(bins, r.len(), c.len(), BOUND_LEVEL);
    let p = ks.map(|k| k.pvalue).or(chi.map(|x| x.pvalue));
    let rho = if categorical { 0.0 } else { lag1(r) };
    let eff = |n: usize| {
        let f = if rho > 0.0 {
            (1.0 - rho) / (1.0 + rho)
        } else {
            1.0
        };
        ((n as f64 * f).round() as usize).clamp(2, n.max(2))
    };
    let bound_ac = psi_no_drift_bound(bins, eff(r.len()), eff(c.len()), BOUND_LEVEL);
    FeatureDrift {
        feature: name.to_owned(),
        kind: if categorical {
            "categorical"
        } else {
            "numeric"
        },
        bins,
        psi: psi_value,
        kl: kl_divergence(&rf, &cf),
        js: jensen_shannon(&shares.reference, &shares.current),
        ks_statistic: ks.map(|k| k.statistic),
        ks_pvalue: ks.map(|k| k.pvalue),
        ks_method: ks.map(|k| k.method),
        chi_square: chi,
        wasserstein: w1,
        psi_baseline: psi_no_drift_mean(bins, r.len(), c.len()),
        psi_bound: bound,
        lag1_autocorrelation: rho,
        psi_bound_autocorrelated: bound_ac,
        alerts: Alerts {
            psi_above_0_1: psi_value > PSI_MODERATE,
            psi_above_0_25: psi_value > PSI_MAJOR,
            psi_above_bound: psi_value > bound,
            psi_above_autocorrelated_bound: psi_value > bound_ac,
            test_bonferroni: p.is_some_and(|p| p < ALPHA / n_features as f64),
        },
    }
}

/// Lag-1 sample autocorrelation Σ(xₜ − x̄)(xₜ₊₁ − x̄) / Σ(xₜ − x̄)²; 0 for a constant series.
pub fn lag1(v: &[f64]) -> f64 {
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    let den: f64 = v.iter().map(|x| (x - mean).powi(2)).sum();
    if den == 0.0 {
        return 0.0;
    }
    v.windows(2)
        .map(|w| (w[0] - mean) * (w[1] - mean))
        .sum::<f64>()
        / den
}

/// The features each rule alerts on.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AlertSummary {
    pub psi_above_0_1: Vec<String>,
    pub psi_above_0_25: Vec<String>,
    pub psi_above_bound: Vec<String>,
    pub psi_above_autocorrelated_bound: Vec<String>,
    pub test_bonferroni: Vec<String>,
}

pub fn summarise(features: &[FeatureDrift]) -> AlertSummary {
    let pick = |f: fn(&Alerts) -> bool| {
        features
            .iter()
            .filter(|x| f(&x.alerts))
            .map(|x| x.feature.clone())
            .collect()
    };
    AlertSummary {
        psi_above_0_1: pick(|a| a.psi_above_0_1),
        psi_above_0_25: pick(|a| a.psi_above_0_25),
        psi_above_bound: pick(|a| a.psi_above_bound),
        psi_above_autocorrelated_bound: pick(|a| a.psi_above_autocorrelated_bound),
        test_bonferroni: pick(|a| a.test_bonferroni),
    }
}
