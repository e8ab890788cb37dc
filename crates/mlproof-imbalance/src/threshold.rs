//! Threshold moving: keep the model, move the cut-off. The threshold is chosen on
//! out-of-fold predictions inside the training rows (an inner stratified k-fold), so the
//! rows a fold is scored on never choose their own threshold.
//!
//! Candidates are the midpoints between consecutive distinct out-of-fold probabilities
//! (a row is positive when P ≥ t); among equally good candidates the highest wins. Rules:
//! F1 (maximise 2·tp / (2·tp + fp + fn)), a minimum precision (the highest recall whose
//! precision reaches it; no positive at all if none does), or a cost ratio c (minimise
//! c·fn + fp, a missed positive costing c false alarms).
//! scikit-learn's `TunedThresholdClassifierCV` does the same job on a grid of 100
//! thresholds and averages fold curves; mlproof pools the folds and searches exactly.

use ndarray::{Array1, Array2, Axis};
use serde::Serialize;

use mlproof_core::model::{BinaryClassifier, FittedBinary};
use mlproof_core::{seed, Error, Result};
use mlproof_validation::split::Splitter;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "rule", content = "value", rename_all = "kebab-case")]
pub enum ThresholdRule {
    F1,
    MinPrecision(f64),
    CostRatio(f64),
}

impl std::str::FromStr for ThresholdRule {
    type Err = String;

    /// `f1`, `min-precision:P` (0 < P ≤ 1) or `cost:C` (C > 0).
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let (name, value) = s.split_once(':').unwrap_or((s, ""));
        let v = || {
            value
                .parse::<f64>()
                .map_err(|_| format!("'{s}' needs a number after ':'"))
        };
        match name {
            "f1" if value.is_empty() => Ok(ThresholdRule::F1),
            "min-precision" => match v()? {
                p if p > 0.0 && p <= 1.0 => Ok(ThresholdRule::MinPrecision(p)),
                p => Err(format!("min-precision must be in (0, 1], got {p}")),
            },
            "cost" => match v()? {
                c if c > 0.0 && c.is_finite() => Ok(ThresholdRule::CostRatio(c)),
                c => Err(format!("cost must be a positive number, got {c}")),
            },
            _ => Err(format!(
                "unknown threshold rule '{s}'; use f1, min-precision:0.5 or cost:10"
            )),
        }
    }
}

impl std::fmt::Display for ThresholdRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ThresholdRule::F1 => write!(f, "best F1"),
            ThresholdRule::MinPrecision(p) => write!(f, "precision ≥ {p}"),
            ThresholdRule::CostRatio(c) => write!(f, "cost ratio {c}:1"),
        }
    }
}

/// The threshold `rule` picks on scores `proba` with labels `y`.
pub fn choose_threshold(proba: &[f64], y: &[usize], rule: ThresholdRule) -> f64 {
    let mut order: Vec<usize> = (0..proba.len()).collect();
    order.sort_by(|&a, &b| proba[b].total_cmp(&proba[a]));
    let positives = y.iter().filter(|&&v| v == 1).count() as f64;
    // Sweep from the highest score down; after each block of equal scores, every row so
    // far is predicted positive.
    let (mut tp, mut fp) = (0.0, 0.0);
    let mut best = (f64::NEG_INFINITY, f64::INFINITY);
    let mut k = 0;
    while k < order.len() {
        let p = proba[order[k]];
        while k < order.len() && proba[order[k]] == p {
            if y[order[k]] == 1 {
                tp += 1.0;
            } else {
                fp += 1.0;
            }
            k += 1;
        }
        let next = order.get(k).map_or(0.0, |&i| proba[i]);
        let t = if k < order.len() { (p + next) / 2.0 } else { p };
        let fn_ = positives - tp;
        let value = match rule {
            ThresholdRule::F1 => 2.0 * tp / (2.0 * tp + fp + fn_),
            ThresholdRule::MinPrecision(min) if tp / (tp + fp) >= min => tp / positives,
            ThresholdRule::MinPrecision(_) => f64::NEG_INFINITY,
            ThresholdRule::CostRatio(c) => -(c * fn_ + fp),
        };
        if value > best.0 {
            best = (value, t);
        }
    }
    best.1
}

/// A learner whose fitted model carries the threshold `rule` chose on inner folds.
pub struct ThresholdMoving {
    pub learner: Box<dyn BinaryClassifier>,
    pub rule: ThresholdRule,
    pub inner_folds: usize,
}

struct Moved {
    model: Box<dyn FittedBinary>,
    threshold: f64,
}

impl FittedBinary for Moved {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        self.model.predict_proba(x)
    }

    fn threshold(&self) -> Option<f64> {
        Some(self.threshold)
    }
}

impl BinaryClassifier for ThresholdMoving {
    fn name(&self) -> &'static str {
        self.learner.name()
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        let labels = y.to_vec();
        let splitter = Splitter::Stratified {
            n_splits: self.inner_folds,
            shuffle: true,
        };
        let folds = splitter
            .split(
                x.nrows(),
                Some(&labels),
                seed::derive(seed, "threshold/inner", 0),
            )
            .map_err(|e| Error::input(format!("threshold moving: {e}")))?
            .folds;
        let mut oof = vec![f64::NAN; x.nrows()];
        for (k, f) in folds.iter().enumerate() {
            let model = self.learner.fit(
                &x.select(Axis(0), &f.train),
                &y.select(Axis(0), &f.train),
                seed::derive(seed, "threshold/fit", k as u64),
            )?;
            let p = model.predict_proba(&x.select(Axis(0), &f.test));
            f.test.iter().zip(p.iter()).for_each(|(&i, &v)| oof[i] = v);
        }
        let threshold = choose_threshold(&oof, &labels, self.rule);
        let model = self.learner.fit(x, y, seed)?;
        Ok(Box::new(Moved { model, threshold }))
    }
}

#[cfg(test)]
mod tests;
