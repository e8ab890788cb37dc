//! Ranking metrics: computed from scores, over every threshold.

use serde::Serialize;

use super::sum::sum;
use super::{check_binary, check_same_length};
use crate::{Error, Result};

/// A ROC curve: false positive rate, true positive rate, and the score threshold of each
/// point (the first threshold is +∞, so the curve starts at (0, 0)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RocCurve {
    pub fpr: Vec<f64>,
    pub tpr: Vec<f64>,
    pub thresholds: Vec<f64>,
}

/// A precision-recall curve, recall decreasing, ending at (recall 0, precision 1) without
/// a threshold, as scikit-learn returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    pub precision: Vec<f64>,
    pub recall: Vec<f64>,
    pub thresholds: Vec<f64>,
}

/// Cumulative false and true positives at each distinct score, scores descending
/// (scikit-learn's `_binary_clf_curve`): a threshold t predicts positive when score ≥ t,
/// so tied scores enter together.
fn binary_clf_curve(y_true: &[usize], scores: &[f64]) -> Result<(Vec<f64>, Vec<f64>, Vec<f64>)> {
    check_same_length(y_true.len(), scores.len())?;
    check_binary(y_true)?;
    if let Some(bad) = scores.iter().find(|s| !s.is_finite()) {
        return Err(Error::input(format!(
            "scores must be finite numbers, found {bad}"
        )));
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut fps, mut tps, mut thresholds) = (Vec::new(), Vec::new(), Vec::new());
    let mut tp = 0.0;
    for (k, &i) in order.iter().enumerate() {
        tp += y_true[i] as f64;
        let last_of_tie = k + 1 == order.len() || scores[order[k + 1]] != scores[i];
        if last_of_tie {
            tps.push(tp);
            fps.push(1.0 + k as f64 - tp);
            thresholds.push(scores[i]);
        }
    }
    Ok((fps, tps, thresholds))
}

/// The ROC curve with scikit-learn's `drop_intermediate=True`: a point is dropped when both
/// its fps and tps lie on a straight line with its neighbours (second differences zero).
/// Without negatives (positives) every fpr (tpr) is NaN, as scikit-learn returns with a
/// warning.
pub fn roc_curve(y_true: &[usize], scores: &[f64]) -> Result<RocCurve> {
    let (mut fps, mut tps, mut thresholds) = binary_clf_curve(y_true, scores)?;
    if fps.len() > 2 {
        let keep: Vec<usize> = (0..fps.len())
            .filter(|&i| {
                // NumPy's diff(v, 2): (v[i+1] - v[i]) - (v[i] - v[i-1]).
                let second_diff = |v: &[f64]| (v[i + 1] - v[i]) - (v[i] - v[i - 1]);
                i == 0 || i + 1 == fps.len() || second_diff(&fps) != 0.0 || second_diff(&tps) != 0.0
            })
            .collect();
        fps = keep.iter().map(|&i| fps[i]).collect();
        tps = keep.iter().map(|&i| tps[i]).collect();
        thresholds = keep.iter().map(|&i| thresholds[i]).collect();
    }
    fps.insert(0, 0.0);
    tps.insert(0, 0.0);
    thresholds.insert(0, f64::INFINITY);
    let rate = |v: &[f64]| -> Vec<f64> {
        let last = v[v.len() - 1];
        v.iter()
            .map(|x| if last <= 0.0 { f64::NAN } else { x / last })
            .collect()
    };
    Ok(RocCurve {
        fpr: rate(&fps),
        tpr: rate(&tps),
        thresholds,
    })
}

/// Area under the ROC curve by the trapezoidal rule (scikit-learn's `roc_auc_score`).
/// Ties in scores give diagonal segments, i.e. half credit. NaN when `y_true` holds one
/// class only: scikit-learn 1.9 warns and returns NaN there.
pub fn roc_auc(y_true: &[usize], scores: &[f64]) -> Result<f64> {
    let curve = roc_curve(y_true, scores)?;
    let has_both = y_true.contains(&0) && y_true.contains(&1);
    if !has_both {
        return Ok(f64::NAN);
    }
    let (x, y) = (&curve.fpr, &curve.tpr);
    Ok(sum(
        (1..x.len()).map(|i| (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0)
    ))
}

/// The precision-recall curve (scikit-learn's `precision_recall_curve`,
/// `drop_intermediate=False`): precision is 0 where nothing is predicted positive; without
/// positives in `y_true` recall is 1 at every threshold (scikit-learn warns).
pub fn precision_recall_curve(y_true: &[usize], scores: &[f64]) -> Result<Curve> {
    let (fps, tps, thresholds) = binary_clf_curve(y_true, scores)?;
    let total_tp = tps[tps.len() - 1];
    let mut precision: Vec<f64> = tps
        .iter()
        .zip(&fps)
        .map(|(tp, fp)| if tp + fp != 0.0 { tp / (tp + fp) } else { 0.0 })
        .collect();
    let mut recall: Vec<f64> = tps
        .iter()
        .map(|tp| if total_tp == 0.0 { 1.0 } else { tp / total_tp })
        .collect();
    precision.reverse();
    recall.reverse();
    precision.push(1.0);
    recall.push(0.0);
    let mut thresholds = thresholds;
    thresholds.reverse();
    Ok(Curve {
        precision,
        recall,
        thresholds,
    })
}

/// Average precision AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ, the step-function integral of the PR curve
/// without interpolation (scikit-learn's `average_precision_score`); 0.0 when `y_true`
/// has no positives.
pub fn average_precision(y_true: &[usize], scores: &[f64]) -> Result<f64> {
    let c = precision_recall_curve(y_true, scores)?;
    let ap =
        -sum((1..c.recall.len()).map(|i| (c.recall[i] - c.recall[i - 1]) * c.precision[i - 1]));
    Ok(ap.max(0.0))
}
