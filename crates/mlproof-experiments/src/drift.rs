//! `drift`: has the data moved since the reference period? The first `reference` share of
//! rows in time order is the reference; every feature of the rest is compared with it by
//! the population stability index, KL divergence, Jensen–Shannon distance, the two-sample
//! Kolmogorov–Smirnov test (numeric) or Pearson's chi-square (categorical) and the
//! Wasserstein distance ([`mlproof_core::drift`]). The PSI is judged against its
//! sample-size-aware no-drift bound, the tests with a Bonferroni correction over features;
//! the conventional PSI bands 0.1 / 0.25 are reported beside them as conventions.
//!
//! The rows after the reference are then cut into `windows` windows, each compared with the
//! reference (the drift score: the largest PSI over features), and for a class target a
//! logistic regression trained on the reference rows is scored on each window, so input
//! drift and a fall in performance are seen apart.

mod features;
#[cfg(test)]
mod tests;
mod time;
mod windows;

pub use features::{
    AlertSummary, Alerts, FeatureDrift, ALPHA, BOUND_LEVEL, PSI_MAJOR, PSI_MODERATE,
};
pub use mlproof_core::drift::Binning;
pub use windows::{ConceptModel, Window, TRAIN_SHARE};

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use serde::Serialize;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "synth-stream";

/// The experiment's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    /// Share of rows, in time order, that form the reference.
    pub reference: f64,
    pub bins: Binning,
    /// Windows the rows after the reference are cut into.
    pub windows: usize,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            reference: 0.5,
            bins: Binning::Quantile,
            windows: 4,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if !(self.reference > 0.0 && self.reference < 1.0) {
            return Err(Error::param(
                "reference",
                format!(
                    "must be a share strictly between 0 and 1 (got {})",
                    self.reference
                ),
            ));
        }
        if self.windows == 0 {
            return Err(Error::param("windows", "must be at least 1 (got 0)"));
        }
        Ok(())
    }
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Drift {
    pub reference_rows: [usize; 2],
    pub current_rows: [usize; 2],
    pub reference_time: [String; 2],
    pub current_time: [String; 2],
    pub bins: Binning,
    pub features: Vec<FeatureDrift>,
    pub thresholds: Thresholds,
    /// Which features each rule alerts on (reference against all later rows).
    pub alerts: AlertSummary,
    pub windows: Vec<Window>,
    /// The model behind the windows' accuracy (class targets only).
    pub concept: Option<ConceptModel>,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// The rules' numbers.
#[derive(Debug, Clone, Serialize)]
pub struct Thresholds {
    pub psi_moderate_convention: f64,
    pub psi_major_convention: f64,
    pub psi_bound_level: f64,
    pub test_alpha: f64,
    pub test_bonferroni_alpha: f64,
}

pub type DriftReport = Report<Checked<Params>, Drift>;

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<DriftReport> {
    if data.n_rows() == 0 {
        return Err(Error::input(
            "no rows to compare: drift needs a reference and a current window",
        ));
    }
    if let Some(((i, j), v)) = data.features.indexed_iter().find(|(_, v)| !v.is_finite()) {
        return Err(Error::input(format!(
            "feature '{}' of row {i} is {v}; drift statistics need finite values",
            data.feature_names[j]
        )));
    }
    time::check_time_order(data)?;
    features::check_not_constant(data)?;
    let n = data.n_rows();
    let n_ref = (params.reference * n as f64).floor() as usize;
    if n_ref < 2 || n - n_ref < 2 {
        return Err(Error::param(
            "reference",
            format!(
                "{} of {n} rows leaves a window of under two rows ({n_ref} reference, {} current); \
                 choose a share that keeps at least two rows on each side",
                params.reference,
                n - n_ref
            ),
        ));
    }
    if (n - n_ref) / params.windows < 2 {
        return Err(Error::param(
            "windows",
            format!(
                "{} windows over the {} rows after the reference leave windows of under two rows; \
                 use at most {}",
                params.windows,
                n - n_ref,
                (n - n_ref) / 2
            ),
        ));
    }
    let feats = features::compare(data, 0..n_ref, n_ref..n, params.bins);
    let (windows, concept, window_findings) = windows::run(
        data,
        n_ref,
        params.windows,
        params.bins,
        params.seed,
        progress,
    )?;
    let d = feats.len();
    let mut findings = judge(&feats, n_ref, n - n_ref, d);
    for f in window_findings.into_vec() {
        findings.push(Some(f));
    }
    let stamp = |i: usize| {
        data.time
            .as_ref()
            .and_then(|(_, s)| s.get(i).cloned())
            .unwrap_or_else(|| i.to_string())
    };
    let alerts = features::summarise(&feats);
    let reading = read(&alerts, d, &windows, findings.as_slice());
    let results = Drift {
        reference_rows: [0, n_ref],
        current_rows: [n_ref, n],
        reference_time: [stamp(0), stamp(n_ref - 1)],
        current_time: [stamp(n_ref), stamp(n - 1)],
        bins: params.bins,
        features: feats,
        thresholds: Thresholds {
            psi_moderate_convention: PSI_MODERATE,
            psi_major_convention: PSI_MAJOR,
            psi_bound_level: BOUND_LEVEL,
            test_alpha: ALPHA,
            test_bonferroni_alpha: ALPHA / d as f64,
        },
        alerts,
        windows,
        concept,
        findings: findings.into_vec(),
        reading,
    };
    let mut warnings = Vec::new();
    if results.concept.is_none() {
        warnings.push(format!(
            "no concept-drift check: target '{}' is not a class target with both classes in the \
             reference rows",
            data.target_name
        ));
    }
    Ok(Report::new("drift", params.clone(), Some(data.summary()), results).with_warnings(warnings))
}

/// Per feature: the PSI against its no-drift bound (the ROPE is [0, bound]: what no drift
/// gives 95% of the time), and the KS or chi-square p-value against α / d.
fn judge(feats: &[FeatureDrift], n_ref: usize, n_cur: usize, d: usize) -> Findings {
    let mut out = Findings::default();
    let alpha_d = ALPHA / d as f64;
    for f in feats {
        out.push(Finding::new(
            &format!("psi-drift-{}", crate::common::feature_slug(&f.feature)),
            format!("{}'s PSI is above what no drift gives", f.feature),
            Effect::exact(
                f.psi,
                format!(
                    "PSI over {} bins against its no-drift 95% point χ²(B − 1)·(1/N + 1/M), \
                     N = {n_ref}, M = {n_cur}; rows taken as independent",
                    f.bins
                ),
            ),
            Rope {
                lo: 0.0,
                hi: f.psi_bound,
            },
            Direction::Greater,
        ));
        let (test, p) = match (f.ks_pvalue, f.chi_square) {
            (Some(p), _) => ("Kolmogorov–Smirnov", p),
            (None, Some(c)) => ("chi-square", c.pvalue),
            _ => continue,
        };
        let id = if f.ks_pvalue.is_some() { "ks" } else { "chi2" };
        out.push(Finding::new(
            &format!("{id}-drift-{}", crate::common::feature_slug(&f.feature)),
            format!(
                "{}'s two-sample {test} p-value is below the Bonferroni level",
                f.feature
            ),
            Effect::exact(
                p,
                format!(
                    "two-sided {test} p-value against α/d = {}/{d}; rows taken as independent",
                    ALPHA
                ),
            ),
            Rope {
                lo: alpha_d,
                hi: 1.0,
            },
            Direction::Less,
        ));
    }
    out
}

/// What the numbers say, every judgement from a finding.
fn read(alerts: &AlertSummary, d: usize, windows: &[Window], findings: &[Finding]) -> String {
    let list = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    let first = |f: fn(&Window) -> bool| {
        windows
            .iter()
            .find(|w| f(w))
            .map(|w| format!("window {} (from {})", w.index, w.start_time))
            .unwrap_or_else(|| "no window".into())
    };
    let (first_iid, first_ac) = (
        first(|w| !w.features_psi_above_bound.is_empty()),
        first(|w| w.flagged),
    );
    let drifted: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.holds() && !f.id.starts_with("accuracy"))
        .collect();
    let fell: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.id.starts_with("accuracy"))
        .collect();
    let mut text = format!(
        "Of {d} features, the conventional PSI 0.1 band alerts on {}, the 0.25 band on {}, the \
         sample-size-aware 95% bound on {}, the same bound with autocorrelation-adjusted sizes on \
         {}, and the tests at Bonferroni α on {}. The first window with a feature above its bound \
         is {first_iid}; above its autocorrelation-adjusted bound, {first_ac}. ",
        list(&alerts.psi_above_0_1),
        list(&alerts.psi_above_0_25),
        list(&alerts.psi_above_bound),
        list(&alerts.psi_above_autocorrelated_bound),
        list(&alerts.test_bonferroni),
    );
    let shown: Vec<Finding> = drifted.iter().take(4).map(|f| (*f).clone()).collect();
    if shown.is_empty() {
        let none: Vec<Finding> = findings.iter().take(2).cloned().collect();
        text.push_str(&evidence::reading(&none));
    } else {
        text.push_str(&evidence::reading(&shown));
    }
    let fell: Vec<Finding> = fell.into_iter().cloned().collect();
    if !fell.is_empty() {
        text.push(' ');
        text.push_str(&evidence::reading(&fell));
    }
    text
}
