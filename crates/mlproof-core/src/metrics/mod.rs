//! Metrics with scikit-learn's definitions and edge-case conventions (scikit-learn 1.9.1),
//! in `f64`.
//!
//! linfa 0.8.1's metrics are `f32`, return NaN where scikit-learn returns 0, and — called as
//! its docs show, `prediction.confusion_matrix(&truth)` — report scikit-learn's recall as
//! `precision()` and vice versa (`tests/linfa_crosscheck.rs` pins this). So mlproof keeps
//! its own; the workspace's `tests/` compare every function here with scikit-learn's fixtures.
//!
//! Binary functions take labels in {0, 1} with 1 the positive class. Where scikit-learn
//! divides by zero and returns its `zero_division` default, so do these (0.0); where it
//! raises, these return [`crate::Error::Input`] with the same reason.

pub mod baseline;
mod classification;
mod confusion;
mod probability;
mod ranking;
mod regression;
mod scorer;
mod sum;

pub use baseline::{no_skill, no_skill_mse};
pub use classification::{
    accuracy, balanced_accuracy, f1, fbeta, matthews_corrcoef, precision, recall, specificity,
};
pub use confusion::{confusion_matrix, BinaryConfusion};
pub use probability::{brier_score, log_loss};
pub use ranking::{average_precision, precision_recall_curve, roc_auc, roc_curve, Curve, RocCurve};
pub use regression::{mean_absolute_error, mean_squared_error, r2};
pub use scorer::Metric;

use crate::{Error, Result};

fn check_same_length(a: usize, b: usize) -> Result<()> {
    if a != b {
        return Err(Error::input(format!(
            "found input variables with inconsistent numbers of samples: [{a}, {b}]"
        )));
    }
    if a == 0 {
        return Err(Error::input("a metric needs at least one sample"));
    }
    Ok(())
}

fn check_binary(y: &[usize]) -> Result<()> {
    match y.iter().find(|&&v| v > 1) {
        Some(v) => Err(Error::input(format!(
            "binary metrics take labels 0 and 1, found {v}"
        ))),
        None => Ok(()),
    }
}
