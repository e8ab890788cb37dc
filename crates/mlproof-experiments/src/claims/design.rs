//! The design every comparison claim shares: repeated stratified k-fold (R × K paired folds)
//! on one dataset, each learner fitted on the same training rows, per-fold differences judged
//! with the Nadeau–Bengio corrected resampled t.

use std::collections::BTreeMap;
use std::sync::Mutex;

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
    /// Scores already computed on these folds, by learner: several claims read the same
    /// learner's scores (logistic regression, with and without SMOTE, appears in six).
    memo: Mutex<BTreeMap<String, FoldScores>>,
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
            memo: Mutex::default(),
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

    /// [`Design::scores`] of the learner `make` builds, computed once per `key` and shared by
    /// every claim that names the same key. Scores depend only on the learner, the folds and
    /// the seed, so a shared score is the number each claim would compute alone.
    pub fn scored(
        &self,
        key: &str,
        make: impl FnOnce() -> Result<Box<dyn BinaryClassifier>>,
    ) -> Result<FoldScores> {
        let memo = |m: &Mutex<BTreeMap<String, FoldScores>>| {
            m.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get(key)
                .cloned()
        };
        if let Some(s) = memo(&self.memo) {
            return Ok(s);
        }
        let s = self.scores(make()?.as_ref())?;
        self.memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key.to_string(), s.clone());
        Ok(s)
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
