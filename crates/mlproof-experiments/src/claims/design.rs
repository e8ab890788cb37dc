//! The design every comparison claim shares: repeated stratified k-fold (R × K paired folds)
//! on one dataset, each learner fitted on the same training rows, per-fold differences judged
//! with the Nadeau–Bengio corrected resampled t.

use std::collections::BTreeMap;

use mlproof_core::evidence::Effect;
use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::{seed, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::{Fold, Splitter};
use ndarray::{Array1, Array2};

use crate::common::fold_difference;

/// Every metric a claim may read, scored on each fold at threshold ½.
pub const METRICS: [Metric; 7] = [
    Metric::Accuracy,
    Metric::BalancedAccuracy,
    Metric::Recall,
    Metric::F1,
    Metric::RocAuc,
    Metric::AveragePrecision,
    Metric::Brier,
];

/// One dataset, encoded, with its R × K folds.
pub struct Design {
    pub x: Array2<f64>,
    pub y: Array1<usize>,
    pub folds: Vec<Fold>,
    pub repeats: usize,
    pub k: usize,
    pub seed: u64,
}

/// Per-fold scores of one learner, by metric.
pub type FoldScores = BTreeMap<&'static str, Vec<f64>>;

impl Design {
    /// Repeated stratified k-fold over the dataset's rows (categorical columns one-hot).
    pub fn new(data: &Dataset, repeats: usize, k: usize, seed: u64) -> Result<Design> {
        let y = data.binary_target()?;
        let (x, _) = encode::one_hot(data);
        let labels = y.to_vec();
        let folds = Splitter::RepeatedStratified {
            n_splits: k,
            n_repeats: repeats,
        }
        .check()?
        .split(labels.len(), Some(&labels), seed)?
        .folds;
        Ok(Design {
            x,
            y,
            folds,
            repeats,
            k,
            seed,
        })
    }

    /// The design's name in a finding's method.
    pub fn describe(&self) -> String {
        format!("{} × {}-fold repeated stratified", self.repeats, self.k)
    }

    /// Each fold's scores of `learner`, fitted on the fold's training rows.
    pub fn scores(&self, learner: &dyn BinaryClassifier) -> Result<FoldScores> {
        self.scores_on(&self.x, learner)
    }

    /// As [`Design::scores`], on other columns of the same rows (scaled, with added features).
    pub fn scores_on(&self, x: &Array2<f64>, learner: &dyn BinaryClassifier) -> Result<FoldScores> {
        let opts = CvOptions {
            metrics: METRICS.to_vec(),
            threshold: 0.5,
            train_scores: false,
            seed: seed::derive(self.seed, "claims/fit", 0),
        };
        let r = cross_validate(x, &self.y, learner, &self.folds, &opts)?;
        Ok(METRICS
            .iter()
            .map(|m| (m.name(), r.folds.iter().map(|f| f.test[m.name()]).collect()))
            .collect())
    }

    /// a − b per fold for `metric`, with the corrected resampled t.
    pub fn difference(&self, a: &FoldScores, b: &FoldScores, metric: Metric) -> Effect {
        fold_difference(
            &a[metric.name()],
            &b[metric.name()],
            &self.folds,
            &self.describe(),
        )
    }

    /// Per-fold values against a constant (ROC-AUC against 0.5).
    pub fn against(&self, a: &FoldScores, metric: Metric, value: f64) -> Effect {
        let b = vec![value; self.folds.len()];
        fold_difference(&a[metric.name()], &b, &self.folds, &self.describe())
    }

    /// The number of positive rows.
    pub fn positives(&self) -> usize {
        self.y.iter().filter(|&&v| v == 1).count()
    }
}
