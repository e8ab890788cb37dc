//! Two models (or two protocols) on the same folds: the paired per-fold differences and their
//! corrected resampled t interval.

use mlproof_core::evidence::Effect;
use mlproof_validation::Fold;

/// n_test / n_train of the folds, averaged: the Nadeau–Bengio correction's ratio.
pub fn test_over_train(folds: &[Fold]) -> f64 {
    let (test, train) = folds.iter().fold((0usize, 0usize), |(t, r), f| {
        (t + f.test.len(), r + f.train.len())
    });
    if train == 0 {
        f64::NAN
    } else {
        test as f64 / train as f64
    }
}

/// The paired differences `a[i] − b[i]` over folds (skipping folds where either is undefined)
/// with the corrected resampled t interval; `design` names the folds ("stratified 5-fold").
pub fn fold_difference(a: &[f64], b: &[f64], folds: &[Fold], design: &str) -> Effect {
    let diffs: Vec<f64> = a
        .iter()
        .zip(b)
        .map(|(x, y)| x - y)
        .filter(|d| d.is_finite())
        .collect();
    Effect::corrected_resampled_t(&diffs, test_over_train(folds), &format!("{design} folds"))
}
