//! Permutation importance (Breiman 2001; scikit-learn's `permutation_importance`): how much
//! a fitted model's score drops when one feature's values are shuffled across the rows,
//! breaking its link to the target. Model-agnostic; measured on held-out rows it reflects
//! what the model uses to generalise, not what it memorised.

use ndarray::{Array1, Array2};
use rayon::prelude::*;
use serde::Serialize;

use mlproof_core::metrics::Metric;
use mlproof_core::model::FittedBinary;
use mlproof_core::seed;
use mlproof_core::{Error, Result};

/// One feature's importance over repeats.
#[derive(Debug, Clone, Serialize)]
pub struct PermutationImportance {
    pub feature: usize,
    /// Mean of baseline − permuted score (for a loss, permuted − baseline).
    pub mean: f64,
    pub std: f64,
    pub drops: Vec<f64>,
}

/// Shuffles each column `repeats` times (seed stream `"permutation"`, by feature and repeat)
/// and scores `fitted` with `metric` at threshold ½.
pub fn permutation_importance(
    fitted: &dyn FittedBinary,
    x: &Array2<f64>,
    y: &Array1<usize>,
    metric: Metric,
    repeats: usize,
    seed: u64,
) -> Result<(f64, Vec<PermutationImportance>)> {
    if !(1..=1000).contains(&repeats) {
        return Err(Error::param(
            "repeats",
            format!("must be between 1 and 1000, got {repeats}"),
        ));
    }
    let y = y.to_vec();
    let score = |proba: Array1<f64>| -> Result<f64> {
        let proba = proba.to_vec();
        let pred: Vec<usize> = proba.iter().map(|&p| usize::from(p >= 0.5)).collect();
        metric.compute(&y, &pred, &proba)
    };
    let baseline = score(fitted.predict_proba(x))?;
    let probe = fitted.column_probe(x);
    let sign = if metric.higher_is_better() { 1.0 } else { -1.0 };
    let importances = (0..x.ncols())
        .into_par_iter()
        .map(|j| {
            let drops = (0..repeats)
                .map(|r| {
                    let order = seed::permutation(
                        &mut seed::rng(seed, "permutation", (j * 1000 + r) as u64),
                        x.nrows(),
                    );
                    let shuffled: Vec<f64> = order.iter().map(|&o| x[[o, j]]).collect();
                    Ok(sign * (baseline - score(probe.predict_proba_with(j, &shuffled))?))
                })
                .collect::<Result<Vec<f64>>>()?;
            let mean = drops.iter().sum::<f64>() / repeats as f64;
            // Population std over repeats, as scikit-learn's `importances_std`.
            let std =
                (drops.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / repeats as f64).sqrt();
            Ok(PermutationImportance {
                feature: j,
                mean,
                std,
                drops,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((baseline, importances))
}
