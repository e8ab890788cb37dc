//! Sliding windows after the reference: each window's drift against the reference and, for a
//! class target, the accuracy of a model trained on the reference rows (concept drift).

use mlproof_core::drift::{psi_no_drift_bound, Binning};
use mlproof_core::evidence::{Direction, Effect, Finding, Findings, Rope, Verdict};
use mlproof_core::model::{standardized_logistic, BinaryClassifier};
use mlproof_core::progress::Observer;
use mlproof_core::Result;
use mlproof_data::{encode, Dataset, Target};
use ndarray::{s, Axis};
use serde::Serialize;

use super::features::{compare, BOUND_LEVEL};

/// Share of the reference rows the concept model trains on; the rest (the latest reference
/// rows) measure its accuracy before any window.
pub const TRAIN_SHARE: f64 = 0.8;

/// One window of rows after the reference.
#[derive(Debug, Clone, Serialize)]
pub struct Window {
    pub index: usize,
    pub start_row: usize,
    /// One past the last row.
    pub end_row: usize,
    pub start_time: String,
    pub end_time: String,
    /// The largest PSI over the features (the drift score plotted) and its feature.
    pub max_psi: f64,
    pub max_psi_feature: String,
    /// The no-drift 95% PSI point at 10 bins for this window's size (the plotted line).
    pub psi_bound_10_bins: f64,
    pub features_psi_above_bound: Vec<String>,
    /// Features above the bound with effective sample sizes (autocorrelated rows).
    pub features_psi_above_autocorrelated_bound: Vec<String>,
    /// Whether any feature is above its autocorrelation-aware bound: the window's alert.
    pub flagged: bool,
    pub features_psi_above_0_25: Vec<String>,
    pub features_test_bonferroni: Vec<String>,
    /// Input drift (the alert) against performance (the accuracy finding): which of the
    /// two cases to tell apart this window is, or that the rows cannot tell.
    pub case: String,
    /// Accuracy of the model trained on the reference rows (class targets only).
    pub accuracy: Option<f64>,
    /// Accuracy of always predicting the reference's majority class in this window.
    pub accuracy_baseline: Option<f64>,
}

/// The concept model: where it was trained and what it scored before any window.
#[derive(Debug, Clone, Serialize)]
pub struct ConceptModel {
    pub model: String,
    pub train_rows: [usize; 2],
    pub validation_rows: [usize; 2],
    pub validation_accuracy: f64,
    pub validation_accuracy_baseline: f64,
}

/// Windows of equal size covering rows `n_ref..n`, the last one taking the remainder.
pub fn bounds(n_ref: usize, n: usize, windows: usize) -> Vec<(usize, usize)> {
    let size = (n - n_ref) / windows;
    (0..windows)
        .map(|k| {
            let start = n_ref + k * size;
            let end = if k + 1 == windows { n } else { start + size };
            (start, end)
        })
        .collect()
}

pub fn run(
    data: &Dataset,
    n_ref: usize,
    windows: usize,
    binning: Binning,
    seed: u64,
    progress: &dyn Observer,
) -> Result<(Vec<Window>, Option<ConceptModel>, Findings)> {
    let stamps = data
        .time
        .as_ref()
        .map(|(_, s)| s.clone())
        .unwrap_or_default();
    let stamp = |i: usize| stamps.get(i).cloned().unwrap_or_else(|| i.to_string());
    let concept = concept_model(data, n_ref, seed)?;
    let mut out = Vec::new();
    let mut findings = Findings::default();
    let x = concept.as_ref().map(|_| encode::one_hot(data).0);
    progress.start("drift windows", windows);
    for (k, (start, end)) in bounds(n_ref, data.n_rows(), windows)
        .into_iter()
        .enumerate()
    {
        let feats = compare(data, 0..n_ref, start..end, binning);
        let top = feats
            .iter()
            .max_by(|a, b| a.psi.total_cmp(&b.psi))
            .map(|f| (f.psi, f.feature.clone()))
            .unwrap_or((f64::NAN, String::new()));
        let names = |f: fn(&super::features::Alerts) -> bool| -> Vec<String> {
            feats
                .iter()
                .filter(|x| f(&x.alerts))
                .map(|x| x.feature.clone())
                .collect()
        };
        let (mut accuracy, mut accuracy_baseline) = (None, None);
        let mut performance = "performance not measured";
        if let (Some((c, model, y, majority)), Some(x)) = (&concept, &x) {
            let xw = x.slice(s![start..end, ..]).to_owned();
            let pred = model.predict(&xw, 0.5);
            let right = (start..end).filter(|&i| pred[i - start] == y[i]).count();
            let base = (start..end).filter(|&i| y[i] == *majority).count();
            let n_w = end - start;
            accuracy = Some(right as f64 / n_w as f64);
            accuracy_baseline = Some(base as f64 / n_w as f64);
            let n_val = c.validation_rows[1] - c.validation_rows[0];
            let k_val = (c.validation_accuracy * n_val as f64).round() as usize;
            let statement = format!(
                "the reference model's accuracy in window {} ({}–{}) is below its accuracy on \
                 the latest reference rows",
                k + 1,
                stamp(start),
                stamp(end - 1)
            );
            let finding = Finding::new(
                &format!("accuracy-falls-window-{}", k + 1),
                statement,
                Effect::two_proportions(right, n_w, k_val, n_val, "rows"),
                Rope::score(),
                Direction::Less,
            );
            if let Some(f) = findings.push(finding) {
                performance = match f.verdict {
                    Verdict::Holds => "performance falls",
                    Verdict::DoesNotHold => "performance holds",
                    Verdict::Inconclusive => "performance: cannot tell",
                };
            }
        }
        let flagged = feats
            .iter()
            .any(|f| f.alerts.psi_above_autocorrelated_bound);
        let inputs = if flagged {
            "inputs drift"
        } else {
            "inputs hold"
        };
        out.push(Window {
            index: k + 1,
            start_row: start,
            end_row: end,
            start_time: stamp(start),
            end_time: stamp(end - 1),
            max_psi: top.0,
            max_psi_feature: top.1,
            psi_bound_10_bins: psi_no_drift_bound(10, n_ref, end - start, BOUND_LEVEL),
            features_psi_above_bound: names(|a| a.psi_above_bound),
            flagged,
            case: format!("{inputs}, {performance}"),
            features_psi_above_autocorrelated_bound: names(|a| a.psi_above_autocorrelated_bound),
            features_psi_above_0_25: names(|a| a.psi_above_0_25),
            features_test_bonferroni: names(|a| a.test_bonferroni),
            accuracy,
            accuracy_baseline,
        });
        progress.tick();
    }
    progress.finish();
    Ok((out, concept.map(|c| c.0), findings))
}

type Concept = (
    ConceptModel,
    Box<dyn mlproof_core::model::FittedBinary>,
    Vec<usize>,
    usize,
);

/// For a class target: a standardised logistic regression (L2, C = 1) fitted on the first
/// [`TRAIN_SHARE`] of the reference rows, scored on the rest of them.
fn concept_model(data: &Dataset, n_ref: usize, seed: u64) -> Result<Option<Concept>> {
    if !matches!(data.target, Target::Classes { .. }) {
        return Ok(None);
    }
    let y = data.binary_target()?;
    let n_train = ((n_ref as f64 * TRAIN_SHARE).floor() as usize).clamp(1, n_ref - 1);
    let x = encode::one_hot(data).0;
    let y_train = y.slice(s![..n_train]).to_owned();
    if y_train.iter().all(|&v| v == y_train[0]) {
        return Ok(None);
    }
    let learner = standardized_logistic(1.0)?;
    let model = learner.fit(&x.slice(s![..n_train, ..]).to_owned(), &y_train, seed)?;
    let positives = y_train.iter().filter(|&&v| v == 1).count();
    let majority = usize::from(2 * positives > n_train);
    let xv = x.select(Axis(0), &(n_train..n_ref).collect::<Vec<_>>());
    let pred = model.predict(&xv, 0.5);
    let n_val = n_ref - n_train;
    let right = (n_train..n_ref)
        .filter(|&i| pred[i - n_train] == y[i])
        .count();
    let base = (n_train..n_ref).filter(|&i| y[i] == majority).count();
    let info = ConceptModel {
        model: learner.name().to_owned(),
        train_rows: [0, n_train],
        validation_rows: [n_train, n_ref],
        validation_accuracy: right as f64 / n_val as f64,
        validation_accuracy_baseline: base as f64 / n_val as f64,
    };
    Ok(Some((info, model, y.to_vec(), majority)))
}
