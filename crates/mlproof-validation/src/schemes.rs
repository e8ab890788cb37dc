//! Leave-one-out against k-fold: what each estimate costs (fits) and how far it lands from
//! the truth.
//!
//! Repeat R times: draw a subsample S of m rows; fit on all of S and score the rows outside
//! S — the accuracy a model trained on m rows really has (the truth for this draw); then
//! estimate that accuracy from S alone with 5-fold, 10-fold and leave-one-out. Across the
//! repeats, each scheme's bias (mean estimate − truth) and spread (standard deviation of
//! estimate − truth) are measured, not assumed. LOO trains on m − 1 rows (nearly the m the
//! truth uses), so it is expected to have the least bias; its variance is the open question
//! (Kohavi 1995; Hastie, Tibshirani & Friedman, ESL §7.10).

use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::seed;
use mlproof_core::{Error, Result};

use crate::cv::{cross_validate, CvOptions};
use crate::split::{k_fold, leave_one_out, Fold};

/// Builds a scheme's folds over m rows with a seed.
type FoldMaker = fn(usize, u64) -> Result<Vec<Fold>>;

/// One scheme's estimates across repeats.
#[derive(Debug, Clone, Serialize)]
pub struct SchemeEstimate {
    pub scheme: String,
    pub fits_per_estimate: usize,
    pub mean_estimate: f64,
    pub mean_truth: f64,
    /// Mean of (estimate − truth).
    pub bias: f64,
    /// Standard deviation of (estimate − truth) across repeats.
    pub error_std: f64,
    /// Standard deviation of the estimate itself across repeats.
    pub estimate_std: f64,
    pub estimates: Vec<f64>,
}

fn std(v: &[f64]) -> f64 {
    let m = v.iter().sum::<f64>() / v.len() as f64;
    (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1).max(1) as f64).sqrt()
}

/// Compares 5-fold, 10-fold and leave-one-out accuracy estimates on `repeats` subsamples
/// of `m` rows.
pub fn compare(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    m: usize,
    repeats: usize,
    seed: u64,
) -> Result<Vec<SchemeEstimate>> {
    let n = x.nrows();
    if m < 20 || m >= n {
        return Err(Error::usage(format!(
            "--subsample must be between 20 and {} (the rows less one), got {m}",
            n - 1
        )));
    }
    if repeats < 2 {
        return Err(Error::usage("--repeats must be at least 2"));
    }
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy],
        threshold: 0.5,
        train_scores: false,
        seed,
    };
    let schemes: [(&str, FoldMaker); 3] = [
        ("5-fold", |m, s| k_fold(m, 5, Some(s))),
        ("10-fold", |m, s| k_fold(m, 10, Some(s))),
        ("leave-one-out", |m, _| leave_one_out(m)),
    ];
    // Per repeat: (truth, [estimate per scheme]).
    let per_repeat: Vec<(f64, Vec<f64>)> = (0..repeats)
        .into_par_iter()
        .map(|r| {
            let order = seed::permutation(&mut seed::rng(seed, "schemes/subsample", r as u64), n);
            let (inside, outside) = order.split_at(m);
            let (xs, ys) = (x.select(Axis(0), inside), y.select(Axis(0), inside));
            let (xo, yo) = (
                x.select(Axis(0), outside),
                y.select(Axis(0), outside).to_vec(),
            );
            let fitted = learner.fit(&xs, &ys, seed::derive(seed, "schemes/truth", r as u64))?;
            let truth = Metric::Accuracy.compute(&yo, &fitted.predict(&xo, 0.5).to_vec(), &[])?;
            let estimates = schemes
                .iter()
                .map(|(_, folds)| {
                    let folds = folds(m, seed::derive(seed, "schemes/folds", r as u64))?;
                    let res = cross_validate(&xs, &ys, learner, &folds, &opts)?;
                    // Pooled accuracy: the share of rows predicted right across all folds.
                    let right: f64 = res
                        .folds
                        .iter()
                        .map(|f| f.test["accuracy"] * f.test_rows as f64)
                        .sum();
                    Ok(right / m as f64)
                })
                .collect::<Result<Vec<f64>>>()?;
            Ok((truth, estimates))
        })
        .collect::<Result<_>>()?;
    let truths: Vec<f64> = per_repeat.iter().map(|(t, _)| *t).collect();
    let mean_truth = truths.iter().sum::<f64>() / repeats as f64;
    Ok(schemes
        .iter()
        .enumerate()
        .map(|(k, (name, _))| {
            let estimates: Vec<f64> = per_repeat.iter().map(|(_, e)| e[k]).collect();
            let errors: Vec<f64> = estimates.iter().zip(&truths).map(|(e, t)| e - t).collect();
            SchemeEstimate {
                scheme: name.to_string(),
                fits_per_estimate: match k {
                    0 => 5,
                    1 => 10,
                    _ => m,
                },
                mean_estimate: estimates.iter().sum::<f64>() / repeats as f64,
                mean_truth,
                bias: errors.iter().sum::<f64>() / repeats as f64,
                error_std: std(&errors),
                estimate_std: std(&estimates),
                estimates,
            }
        })
        .collect())
}
