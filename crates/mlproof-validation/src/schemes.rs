//! Leave-one-out against k-fold: what each estimate costs (fits) and how far it lands from
//! the truth.
//!
//! Repeat R times: draw a stratified subsample S of m rows; fit on all of S and score the rows outside
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
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::{Error, Result};

use crate::cv::{cross_validate, CvOptions};
use crate::split::{leave_one_out, stratified_k_fold, Fold};

/// A scheme: its name, the fits one estimate costs on m rows, and its folds over the
/// subsample's labels with a seed.
struct Scheme {
    name: &'static str,
    fits: fn(usize) -> usize,
    folds: fn(&[usize], u64) -> Result<Vec<Fold>>,
}

const SCHEMES: [Scheme; 3] = [
    Scheme {
        name: "5-fold",
        fits: |_| 5,
        folds: |y, s| Ok(stratified_k_fold(y, 5, Some(s))?.folds),
    },
    Scheme {
        name: "10-fold",
        fits: |_| 10,
        folds: |y, s| Ok(stratified_k_fold(y, 10, Some(s))?.folds),
    },
    Scheme {
        name: "leave-one-out",
        fits: |m| m,
        folds: |y, _| leave_one_out(y.len()),
    },
];

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
    /// The truth of each subsample (shared by every scheme; not serialised).
    #[serde(skip)]
    pub truths: Vec<f64>,
}

fn std(v: &[f64]) -> f64 {
    let m = v.iter().sum::<f64>() / v.len() as f64;
    (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1).max(1) as f64).sqrt()
}

/// Compares stratified 5-fold, stratified 10-fold and leave-one-out accuracy estimates on
/// `repeats` stratified subsamples of about `m` rows (each class keeps its share), ticking
/// `progress` once per subsample.
#[allow(clippy::too_many_arguments)]
pub fn compare(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    m: usize,
    repeats: usize,
    threshold: f64,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Vec<SchemeEstimate>> {
    let n = x.nrows();
    if m < 20 || m >= n {
        return Err(Error::param(
            "subsample",
            format!(
                "must be between 20 and {} (the rows less one), got {m}",
                n - 1
            ),
        ));
    }
    if !(2..=10_000).contains(&repeats) {
        return Err(Error::param(
            "repeats",
            format!("must be between 2 and 10000, got {repeats}"),
        ));
    }
    // Each class keeps its share of the subsample (at least two rows, so every training
    // set of every scheme holds both classes).
    let classes: Vec<Vec<usize>> = (0..2)
        .map(|c| (0..n).filter(|&i| y[i] == c).collect())
        .collect();
    let take: Vec<usize> = classes
        .iter()
        .map(|rows| ((m * rows.len()) as f64 / n as f64).round() as usize)
        .collect();
    if let Some(c) = (0..2).find(|&c| take[c] < 2) {
        return Err(Error::param(
            "subsample",
            format!(
                "{m} gives a stratified subsample with {} row(s) of class {c}; leave-one-out \
                 needs two: take more rows",
                take[c]
            ),
        ));
    }
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy],
        threshold,
        train_scores: false,
        seed,
    };
    // Per repeat: (truth, [estimate per scheme]).
    progress.start("subsamples", repeats);
    let per_repeat: Vec<(f64, Vec<f64>)> = (0..repeats)
        .into_par_iter()
        .map(|r| {
            let mut rng = seed::rng(seed, "schemes/subsample", r as u64);
            let mut inside = Vec::with_capacity(m);
            let mut outside = Vec::with_capacity(n - m);
            for (rows, &k) in classes.iter().zip(&take) {
                let order = seed::permutation(&mut rng, rows.len());
                inside.extend(order[..k].iter().map(|&o| rows[o]));
                outside.extend(order[k..].iter().map(|&o| rows[o]));
            }
            inside.sort_unstable();
            let (xs, ys) = (x.select(Axis(0), &inside), y.select(Axis(0), &inside));
            let (xo, yo) = (
                x.select(Axis(0), &outside),
                y.select(Axis(0), &outside).to_vec(),
            );
            let fitted = learner.fit(&xs, &ys, seed::derive(seed, "schemes/truth", r as u64))?;
            let truth =
                Metric::Accuracy.compute(&yo, &fitted.predict(&xo, threshold).to_vec(), &[])?;
            let estimates = SCHEMES
                .iter()
                .map(|scheme| {
                    let folds = (scheme.folds)(
                        &ys.to_vec(),
                        seed::derive(seed, "schemes/folds", r as u64),
                    )?;
                    let res = cross_validate(&xs, &ys, learner, &folds, &opts)?;
                    // Pooled accuracy: the share of rows predicted right across all folds.
                    let right: f64 = res
                        .folds
                        .iter()
                        .map(|f| f.test["accuracy"] * f.test_rows as f64)
                        .sum();
                    Ok(right / ys.len() as f64)
                })
                .collect::<Result<Vec<f64>>>()?;
            progress.tick();
            Ok((truth, estimates))
        })
        .collect::<Result<_>>()?;
    progress.finish();
    let truths: Vec<f64> = per_repeat.iter().map(|(t, _)| *t).collect();
    let mean_truth = truths.iter().sum::<f64>() / repeats as f64;
    let m_used = take.iter().sum::<usize>();
    Ok(SCHEMES
        .iter()
        .enumerate()
        .map(|(k, scheme)| {
            let estimates: Vec<f64> = per_repeat.iter().map(|(_, e)| e[k]).collect();
            let errors: Vec<f64> = estimates.iter().zip(&truths).map(|(e, t)| e - t).collect();
            SchemeEstimate {
                scheme: scheme.name.to_string(),
                fits_per_estimate: (scheme.fits)(m_used),
                mean_estimate: estimates.iter().sum::<f64>() / repeats as f64,
                mean_truth,
                bias: errors.iter().sum::<f64>() / repeats as f64,
                error_std: std(&errors),
                estimate_std: std(&estimates),
                estimates,
                truths: truths.clone(),
            }
        })
        .collect())
}
