//! Threshold metrics: computed from predicted labels.

use super::check_same_length;
use super::confusion::{confusion_matrix, BinaryConfusion};
use crate::Result;

/// a / b, or scikit-learn's `zero_division` default (0.0) when b = 0.
fn divide(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// Fraction of rows predicted correctly: (1/n) Σ 1[ŷᵢ = yᵢ].
pub fn accuracy(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    check_same_length(y_true.len(), y_pred.len())?;
    let correct = y_true.iter().zip(y_pred).filter(|(t, p)| t == p).count();
    Ok(correct as f64 / y_true.len() as f64)
}

/// Mean per-class recall over the classes present in `y_true` (scikit-learn's
/// `balanced_accuracy_score`, `adjusted=False`): a class that is predicted but never true
/// contributes nothing, as scikit-learn drops it with a warning.
pub fn balanced_accuracy(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    check_same_length(y_true.len(), y_pred.len())?;
    let n_classes = 1 + y_true.iter().chain(y_pred).copied().max().unwrap_or(0);
    let c = confusion_matrix(y_true, y_pred, n_classes)?;
    let recalls: Vec<f64> = (0..n_classes)
        .filter_map(|k| {
            let support: u64 = c[k].iter().sum();
            (support > 0).then(|| c[k][k] as f64 / support as f64)
        })
        .collect();
    Ok(super::sum::mean(&recalls))
}

/// Precision tp / (tp + fp); 0.0 when nothing is predicted positive.
pub fn precision(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    let c = BinaryConfusion::new(y_true, y_pred)?;
    Ok(divide(c.tp as f64, (c.tp + c.fp) as f64))
}

/// Recall (sensitivity, true positive rate) tp / (tp + fn); 0.0 when there are no positives.
pub fn recall(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    let c = BinaryConfusion::new(y_true, y_pred)?;
    Ok(divide(c.tp as f64, (c.tp + c.fn_) as f64))
}

/// Specificity (true negative rate) tn / (tn + fp): scikit-learn's
/// `recall_score(pos_label=0)`; 0.0 when there are no negatives.
pub fn specificity(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    let c = BinaryConfusion::new(y_true, y_pred)?;
    Ok(divide(c.tn as f64, (c.tn + c.fp) as f64))
}

/// F-beta = (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp), computed as scikit-learn does from
/// counts; 0.0 when the denominator is zero. β > 1 weighs recall more.
pub fn fbeta(y_true: &[usize], y_pred: &[usize], beta: f64) -> Result<f64> {
    if !(beta.is_finite() && beta > 0.0) {
        return Err(crate::Error::usage(format!(
            "beta must be a positive number, got {beta}"
        )));
    }
    let c = BinaryConfusion::new(y_true, y_pred)?;
    let beta2 = beta * beta;
    let true_sum = (c.tp + c.fn_) as f64;
    let pred_sum = (c.tp + c.fp) as f64;
    Ok(divide(
        (1.0 + beta2) * c.tp as f64,
        beta2 * true_sum + pred_sum,
    ))
}

/// F1 = 2·tp / (2·tp + fn + fp), the harmonic mean of precision and recall.
pub fn f1(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    fbeta(y_true, y_pred, 1.0)
}

/// Matthews correlation coefficient, by scikit-learn's multi-class formula (Gorodkin 2004):
/// (c·s − Σₖ tₖpₖ) / √((s² − Σₖ pₖ²)(s² − Σₖ tₖ²)), with c correct, s samples, tₖ / pₖ the
/// true / predicted counts of class k; 0.0 when either factor under the root is zero.
pub fn matthews_corrcoef(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    check_same_length(y_true.len(), y_pred.len())?;
    let n_classes = 1 + y_true.iter().chain(y_pred).copied().max().unwrap_or(0);
    let c = confusion_matrix(y_true, y_pred, n_classes)?;
    let t: Vec<f64> = (0..n_classes)
        .map(|k| c[k].iter().sum::<u64>() as f64)
        .collect();
    let p: Vec<f64> = (0..n_classes)
        .map(|k| c.iter().map(|row| row[k]).sum::<u64>() as f64)
        .collect();
    let correct = (0..n_classes).map(|k| c[k][k]).sum::<u64>() as f64;
    let s: f64 = p.iter().sum();
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let cov_ytyp = correct * s - dot(&t, &p);
    let cov_ypyp = s * s - dot(&p, &p);
    let cov_ytyt = s * s - dot(&t, &t);
    if cov_ypyp * cov_ytyt == 0.0 {
        return Ok(0.0);
    }
    Ok(cov_ytyp / (cov_ytyt * cov_ypyp).sqrt())
}
