//! `calibration`: do the predicted probabilities mean what they say, and what do imbalance
//! corrections do to them?
//!
//! 1. The diagnosis of standardised logistic regression (C = 1) on out-of-fold predictions (the
//!    first repeat's test folds, each row predicted once): the reliability diagram with counts
//!    per bin, the Brier score's Murphy decomposition on the same bins, and the calibration
//!    intercept and slope (see [`mlproof_core::calibration`]).
//! 2. The cost of imbalance corrections (van den Goorbergh et al. 2022): the same model with
//!    none, random under-sampling, SMOTE or balanced class weights on the same repeated
//!    stratified folds, resampling inside the training folds only; ROC-AUC, Brier and the
//!    calibration slope of each, paired against no correction per fold (Nadeau–Bengio
//!    corrected resampled t, [`crate::common::fold_difference`]).
//! 3. The repair: Platt scaling and isotonic regression fitted in-fold on inner out-of-fold
//!    predictions of the training rows ([`methods`]), judged on the Brier score.

mod findings;
pub mod methods;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use mlproof_core::calibration::{self as cal, Binning, CalibrationFit, Murphy, Reliability};
use mlproof_core::evidence::Finding;
use mlproof_core::metrics::{self, no_skill, Metric};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::stats::Summary;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::{Fold, Splitter};
use rayon::prelude::*;
use serde::Serialize;

pub use methods::{Correction, Recalibration, CORRECTIONS, RECALIBRATIONS};

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "yeast4";

/// The most bins a reliability diagram may have.
pub const MAX_BINS: usize = 50;

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    /// Bins of the reliability diagram and the Murphy decomposition.
    pub n_bins: usize,
    pub binning: Binning,
    /// Outer stratified folds per repeat.
    pub n_splits: usize,
    pub n_repeats: usize,
    /// Inner stratified folds of each training fold that the recalibrators are fitted on.
    pub calibration_folds: usize,
    /// SMOTE's neighbours.
    pub k_neighbors: usize,
    /// The positive class as the user named it; required when the target has more than two
    /// classes (the others are pooled as negative).
    pub positive: Option<String>,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            n_bins: 10,
            binning: Binning::Quantile,
            n_splits: 5,
            n_repeats: 2,
            calibration_folds: 3,
            k_neighbors: 5,
            positive: None,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if !(2..=MAX_BINS).contains(&self.n_bins) {
            return Err(Error::param(
                "n_bins",
                format!("must be between 2 and {MAX_BINS} (got {})", self.n_bins),
            ));
        }
        for (name, value) in [
            ("n_splits", self.n_splits),
            ("calibration_folds", self.calibration_folds),
        ] {
            if !(2..=20).contains(&value) {
                return Err(Error::param(
                    name,
                    format!("must be between 2 and 20 (got {value})"),
                ));
            }
        }
        if !(1..=20).contains(&self.n_repeats) {
            return Err(Error::param(
                "n_repeats",
                format!("must be between 1 and 20 (got {})", self.n_repeats),
            ));
        }
        if self.k_neighbors == 0 {
            return Err(Error::param("k_neighbors", "must be at least 1 (got 0)"));
        }
        Ok(())
    }
}

/// A reliability diagram of pooled out-of-fold predictions, with its decomposition and
/// calibration intercept and slope.
#[derive(Debug, Clone, Serialize)]
pub struct Diagram {
    pub correction: Correction,
    pub recalibration: Recalibration,
    pub method: String,
    pub reliability: Reliability,
    pub murphy: Murphy,
    pub calibration: CalibrationFit,
    pub roc_auc: f64,
}

/// One correction and recalibration over the outer folds.
#[derive(Debug, Clone, Serialize)]
pub struct MethodScores {
    pub correction: Correction,
    pub recalibration: Recalibration,
    pub method: String,
    /// roc_auc, brier, calibration_slope, calibration_intercept: mean, std, 95% t interval.
    pub scores: BTreeMap<&'static str, Summary>,
    /// The same per outer fold, in fold order (the pairs behind every finding).
    pub fold_scores: BTreeMap<&'static str, Vec<f64>>,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationResults {
    pub positive_class: String,
    pub rows: usize,
    pub positives: usize,
    /// "5 × 2 repeated stratified folds".
    pub design: String,
    pub n_bins: usize,
    pub binning: Binning,
    /// No-skill scores on all labels: Brier of always predicting the prevalence (= UNC of the
    /// decomposition), ROC-AUC 0.5.
    pub baselines: BTreeMap<&'static str, f64>,
    /// The perfectly calibrated values: intercept 0, slope 1.
    pub ideal: BTreeMap<&'static str, f64>,
    /// Pooled out-of-fold predictions of the first repeat, every correction × recalibration.
    pub diagrams: Vec<Diagram>,
    pub methods: Vec<MethodScores>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type CalibrationReport = Report<Checked<Params>, CalibrationResults>;

/// The score keys of [`MethodScores`].
pub const SCORES: [&str; 4] = [
    "roc_auc",
    "brier",
    "calibration_slope",
    "calibration_intercept",
];

/// Checks the target: two classes, or a named positive; enough rows of each for the folds.
fn check_target(data: &Dataset, params: &Params, y: &[usize]) -> Result<()> {
    let counts = data.class_counts();
    let present = counts.iter().filter(|&&c| c > 0).count();
    if present > 2 && params.positive.is_none() {
        return Err(Error::param(
            "positive",
            format!(
                "is needed: target '{}' has {present} classes; name the positive one (the rest \
                 become negative)",
                data.target_name
            ),
        ));
    }
    let pos = y.iter().filter(|&&v| v == 1).count();
    let fewest = pos.min(y.len() - pos);
    let need = params.n_splits * params.calibration_folds.max(2);
    if fewest < need {
        return Err(Error::input(format!(
            "target '{}' has {fewest} rows in its smaller class; calibration needs at least \
             n_splits × calibration_folds = {need} (lower --n-splits or --calibration-folds)",
            data.target_name
        )));
    }
    Ok(())
}

/// Runs the diagnosis, the corrections and the recalibrations on the same folds; `progress`
/// hears of every fold of every correction.
pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<CalibrationReport> {
    let y = data.binary_target()?;
    let labels = y.to_vec();
    check_target(data, params, &labels)?;
    let (x, _) = encode::one_hot(data);
    let splits = Splitter::RepeatedStratified {
        n_splits: params.n_splits,
        n_repeats: params.n_repeats,
    }
    .check()?
    .split(labels.len(), Some(&labels), params.seed)?;
    let folds = splits.folds;
    let learners = CORRECTIONS
        .iter()
        .map(|&c| methods::learner(c, params.k_neighbors))
        .collect::<Result<Vec<_>>>()?;
    progress.start(
        "calibration: folds × corrections",
        folds.len() * CORRECTIONS.len(),
    );
    let predictions: Result<Vec<Vec<methods::FoldPredictions>>> = folds
        .par_iter()
        .enumerate()
        .map(|(f, fold)| {
            learners
                .iter()
                .enumerate()
                .map(|(c, learner)| {
                    let fold_seed =
                        seed::derive(params.seed, "calibration/fold", (f * 8 + c) as u64);
                    let out = methods::predict_fold(
                        &x,
                        &y,
                        fold,
                        learner,
                        params.calibration_folds,
                        fold_seed,
                    );
                    progress.tick();
                    out
                })
                .collect()
        })
        .collect();
    progress.finish();
    let predictions = predictions?;
    let methods = scores(&predictions, &folds, &labels);
    let diagrams = diagrams(&predictions, &folds[..params.n_splits], &labels, params)?;
    let prior_brier = no_skill(Metric::Brier, &labels);
    let design = format!(
        "{} × {} repeated stratified",
        params.n_splits, params.n_repeats
    );
    let fold_prior: Vec<f64> = folds
        .iter()
        .map(|f| {
            no_skill(
                Metric::Brier,
                &f.test.iter().map(|&i| labels[i]).collect::<Vec<_>>(),
            )
        })
        .collect();
    let judged = findings::judge(&methods, &folds, &design, prior_brier, &fold_prior);
    let reading = findings::read(&diagrams, &methods, prior_brier, &judged);
    let positives = labels.iter().sum();
    let results = CalibrationResults {
        positive_class: data.positive_class().unwrap_or("1").to_owned(),
        rows: labels.len(),
        positives,
        design: format!("{design} folds"),
        n_bins: params.n_bins,
        binning: params.binning,
        baselines: BTreeMap::from([("brier", prior_brier), ("roc_auc", 0.5)]),
        ideal: BTreeMap::from([("calibration_intercept", 0.0), ("calibration_slope", 1.0)]),
        diagrams,
        methods,
        findings: judged.into_vec(),
        reading,
    };
    Ok(
        Report::new("calibration", params.clone(), Some(data.summary()), results)
            .with_warnings(splits.warnings),
    )
}

/// A table's name for a correction and recalibration: "SMOTE + Platt", "none".
pub fn method_name(c: Correction, r: Recalibration) -> String {
    let base = match c {
        Correction::None => "none",
        Correction::UnderSampling => "under-sampling",
        Correction::Smote => "SMOTE",
        Correction::ClassWeights => "class weights",
    };
    match r {
        Recalibration::Raw => base.to_owned(),
        Recalibration::Platt => format!("{base} + Platt"),
        Recalibration::Isotonic => format!("{base} + isotonic"),
    }
}

/// ROC-AUC, Brier, slope and intercept of predictions `p` for labels `y`; NaN where
/// undefined (a fold of one class).
fn score(y: &[usize], p: &[f64]) -> [f64; 4] {
    let fit = cal::logistic_recalibration(y, p);
    [
        metrics::roc_auc(y, p).unwrap_or(f64::NAN),
        metrics::brier_score(y, p).unwrap_or(f64::NAN),
        fit.slope,
        fit.intercept,
    ]
}

fn scores(
    predictions: &[Vec<methods::FoldPredictions>],
    folds: &[Fold],
    labels: &[usize],
) -> Vec<MethodScores> {
    let mut out = Vec::new();
    for (c, &correction) in CORRECTIONS.iter().enumerate() {
        for (r, &recalibration) in RECALIBRATIONS.iter().enumerate() {
            let per_fold: Vec<[f64; 4]> = folds
                .iter()
                .zip(predictions)
                .map(|(fold, preds)| {
                    let y: Vec<usize> = fold.test.iter().map(|&i| labels[i]).collect();
                    score(&y, &preds[c].test[r])
                })
                .collect();
            let fold_scores: BTreeMap<&'static str, Vec<f64>> = SCORES
                .iter()
                .enumerate()
                .map(|(k, &name)| (name, per_fold.iter().map(|s| s[k]).collect()))
                .collect();
            out.push(MethodScores {
                correction,
                recalibration,
                method: method_name(correction, recalibration),
                scores: fold_scores
                    .iter()
                    .map(|(&k, v)| (k, Summary::of(v)))
                    .collect(),
                fold_scores,
            });
        }
    }
    out
}

/// Pools the first repeat's test predictions (each row once) into a diagram per method.
fn diagrams(
    predictions: &[Vec<methods::FoldPredictions>],
    first_repeat: &[Fold],
    labels: &[usize],
    params: &Params,
) -> Result<Vec<Diagram>> {
    let mut out = Vec::new();
    for (c, &correction) in CORRECTIONS.iter().enumerate() {
        for (r, &recalibration) in RECALIBRATIONS.iter().enumerate() {
            let mut p = vec![f64::NAN; labels.len()];
            for (fold, preds) in first_repeat.iter().zip(predictions) {
                for (&row, &v) in fold.test.iter().zip(&preds[c].test[r]) {
                    p[row] = v;
                }
            }
            let reliability = cal::reliability(labels, &p, params.n_bins, params.binning)?;
            out.push(Diagram {
                correction,
                recalibration,
                method: method_name(correction, recalibration),
                murphy: cal::murphy(labels, &p, &reliability),
                calibration: cal::logistic_recalibration(labels, &p),
                roc_auc: metrics::roc_auc(labels, &p).unwrap_or(f64::NAN),
                reliability,
            });
        }
    }
    Ok(out)
}
