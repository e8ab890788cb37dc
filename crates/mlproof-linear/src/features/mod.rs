//! Feature engineering measured: scaling, categorical encoding and feature selection, each
//! scored by stratified cross-validation. Scalers and encoders are fitted inside the folds;
//! the selection rankings are computed on all rows (the report says so).

pub mod encoding;
pub mod knn;
pub mod scaling;
pub mod selection;
pub mod steps;

use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::stats::Summary;
use mlproof_core::{Error, Result};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::split::Splits;
use mlproof_validation::Splitter;
use ndarray::{Array1, Array2};

/// The metric every feature demo reports: ROC-AUC, which needs no threshold.
pub const METRIC: Metric = Metric::RocAuc;

/// The shuffled stratified `n_splits` folds every feature demo scores on (the same folds
/// for every learner of one run), with the split's warnings.
pub fn folds(y: &Array1<usize>, n_splits: usize, seed: u64) -> Result<Splits> {
    Splitter::Stratified {
        n_splits,
        shuffle: true,
    }
    .check()?
    .split(y.len(), Some(y.as_slice().unwrap_or(&y.to_vec())), seed)
}

/// ROC-AUC of `learner` over shuffled stratified `n_splits`-fold CV (mean, sd, 95% CI),
/// and each fold's score in fold order (the folds of [`folds`]).
pub fn cv_auc(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    n_splits: usize,
    seed: u64,
) -> Result<(Summary, Vec<f64>)> {
    let folds = folds(y, n_splits, seed)?.folds;
    let opts = CvOptions {
        metrics: vec![METRIC],
        threshold: 0.5,
        train_scores: false,
        seed,
    };
    let r = cross_validate(x, y, learner, &folds, &opts)?;
    let per_fold = r
        .folds
        .iter()
        .map(|f| f.test.get(METRIC.name()).copied().unwrap_or(f64::NAN))
        .collect();
    let summary = r
        .test
        .get(METRIC.name())
        .cloned()
        .ok_or_else(|| Error::internal("cross-validation returned no ROC-AUC"))?;
    Ok((summary, per_fold))
}
