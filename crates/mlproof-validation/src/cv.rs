//! The cross-validation runner: any learner (a [`Pipeline`](mlproof_core::model::Pipeline)
//! refits its steps inside each training fold), any splitter, any metrics. Folds run in
//! parallel; each fold's seed is derived from the command's seed and the fold index, and
//! results are gathered in fold order, so the output is the same at any thread count.

use std::collections::BTreeMap;

use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::seed;
use mlproof_core::stats::Summary;
use mlproof_core::Result;

use crate::split::Fold;

/// Scores of one fold, by metric name.
#[derive(Debug, Clone, Serialize)]
pub struct FoldScores {
    pub fold: usize,
    pub train_rows: usize,
    pub test_rows: usize,
    pub test: BTreeMap<&'static str, f64>,
    /// Scores on the fold's own training rows (for over/underfitting), when asked for.
    pub train: Option<BTreeMap<&'static str, f64>>,
}

/// Per-fold scores and their summaries.
#[derive(Debug, Clone, Serialize)]
pub struct CvResult {
    pub folds: Vec<FoldScores>,
    pub test: BTreeMap<&'static str, Summary>,
    pub train: Option<BTreeMap<&'static str, Summary>>,
    /// Each metric on all out-of-fold predictions together.
    pub pooled: BTreeMap<&'static str, f64>,
    /// The folds (numbered from 1) where a metric is undefined (see
    /// [`Metric::defined_on`]): its score there is NaN (`null` in JSON), shown as n/a and
    /// left out of the summaries and of paired fold differences, never counted as 0.
    pub undefined: BTreeMap<&'static str, Vec<usize>>,
    /// The labels of the pooled out-of-fold rows, fold by fold (not serialised).
    #[serde(skip)]
    pub pooled_y: Vec<usize>,
    /// P(y = 1) of the same rows, from the fold that tested each.
    #[serde(skip)]
    pub pooled_proba: Vec<f64>,
}

/// How to score.
#[derive(Debug, Clone)]
pub struct CvOptions {
    pub metrics: Vec<Metric>,
    /// Predict positive when P(y = 1) ≥ threshold.
    pub threshold: f64,
    pub train_scores: bool,
    pub seed: u64,
}

fn score(
    fitted: &dyn mlproof_core::model::FittedBinary,
    x: &Array2<f64>,
    y: &[usize],
    opts: &CvOptions,
) -> Result<BTreeMap<&'static str, f64>> {
    let threshold = fitted.threshold().unwrap_or(opts.threshold);
    score_proba(&fitted.predict_proba(x).to_vec(), y, threshold, opts)
}

fn score_proba(
    proba: &[f64],
    y: &[usize],
    threshold: f64,
    opts: &CvOptions,
) -> Result<BTreeMap<&'static str, f64>> {
    let pred: Vec<usize> = proba.iter().map(|&p| usize::from(p >= threshold)).collect();
    opts.metrics
        .iter()
        .map(|m| Ok((m.name(), m.compute(y, &pred, proba)?)))
        .collect()
}

/// The warning for metrics undefined on some folds, naming the folds (the first ten of
/// them) and the metrics; `None` when every metric is defined on every fold.
pub fn undefined_warning(r: &CvResult) -> Option<String> {
    if r.undefined.is_empty() {
        return None;
    }
    // Group metrics by the folds they are undefined on (ROC-AUC can differ from recall).
    let mut groups: Vec<(&Vec<usize>, Vec<&str>)> = Vec::new();
    for (m, folds) in &r.undefined {
        match groups.iter_mut().find(|(f, _)| *f == folds) {
            Some((_, ms)) => ms.push(m),
            None => groups.push((folds, vec![m])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(folds, ms)| {
            let mut listed: Vec<String> = folds.iter().take(10).map(|f| f.to_string()).collect();
            if folds.len() > 10 {
                listed.push(format!("and {} more", folds.len() - 10));
            }
            format!(
                "{} undefined on {} of {} folds ({})",
                ms.join(", "),
                folds.len(),
                r.folds.len(),
                listed.join(", ")
            )
        })
        .collect();
    Some(format!(
        "{}: no positive (or, for roc_auc, no negative) among their test rows; shown as n/a and \
         left out of means and paired differences, not counted as 0",
        parts.join("; ")
    ))
}

/// Fits `learner` on each fold's training rows and scores its test rows; also scores the
/// pooled out-of-fold predictions (every fold's test rows together, scikit-learn's
/// `cross_val_predict`), the only meaningful score when folds hold one row (leave-one-out).
pub fn cross_validate(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    folds: &[Fold],
    opts: &CvOptions,
) -> Result<CvResult> {
    cross_validate_observed(x, y, learner, folds, opts, &mlproof_core::progress::Silent)
}

/// [`cross_validate`], with one `progress` tick per fitted fold.
pub fn cross_validate_observed(
    x: &Array2<f64>,
    y: &Array1<usize>,
    learner: &dyn BinaryClassifier,
    folds: &[Fold],
    opts: &CvOptions,
    progress: &dyn mlproof_core::progress::Observer,
) -> Result<CvResult> {
    let per_fold: Vec<(FoldScores, Vec<f64>)> = folds
        .par_iter()
        .enumerate()
        .map(|(k, f)| {
            let (x_train, y_train) = (x.select(Axis(0), &f.train), y.select(Axis(0), &f.train));
            let (x_test, y_test) = (x.select(Axis(0), &f.test), y.select(Axis(0), &f.test));
            let fitted = learner.fit(
                &x_train,
                &y_train,
                seed::derive(opts.seed, "cv/fit", k as u64),
            )?;
            let proba = fitted.predict_proba(&x_test).to_vec();
            progress.tick();
            let threshold = fitted.threshold().unwrap_or(opts.threshold);
            let labels = y_test.to_vec();
            let mut test = score_proba(&proba, &labels, threshold, opts)?;
            for m in &opts.metrics {
                if !m.defined_on(&labels) {
                    test.insert(m.name(), f64::NAN);
                }
            }
            let train = if opts.train_scores {
                Some(score(fitted.as_ref(), &x_train, &y_train.to_vec(), opts)?)
            } else {
                None
            };
            let scores = FoldScores {
                fold: k + 1,
                train_rows: f.train.len(),
                test_rows: f.test.len(),
                test,
                train,
            };
            Ok((scores, proba))
        })
        .collect::<Result<_>>()?;
    let (pooled_y, pooled_p): (Vec<usize>, Vec<f64>) = folds
        .iter()
        .zip(&per_fold)
        .flat_map(|(f, (_, p))| f.test.iter().map(|&i| y[i]).zip(p.iter().copied()))
        .unzip();
    // A learner that moves its own threshold picks one per fold; pooled predictions have
    // no single one, so they are cut at the caller's threshold.
    let pooled = score_proba(&pooled_p, &pooled_y, opts.threshold, opts)?;
    let folds: Vec<FoldScores> = per_fold.into_iter().map(|(f, _)| f).collect();
    let summarize = |pick: &dyn Fn(&FoldScores) -> Option<f64>, m: &Metric| {
        let values: Vec<f64> = folds.iter().filter_map(pick).collect();
        (m.name(), Summary::of(&values))
    };
    let test = opts
        .metrics
        .iter()
        .map(|m| summarize(&|f| f.test.get(m.name()).copied(), m))
        .collect();
    let train = opts.train_scores.then(|| {
        opts.metrics
            .iter()
            .map(|m| {
                summarize(
                    &|f| f.train.as_ref().and_then(|t| t.get(m.name()).copied()),
                    m,
                )
            })
            .collect()
    });
    let undefined = opts
        .metrics
        .iter()
        .filter_map(|m| {
            let at: Vec<usize> = folds
                .iter()
                .filter(|f| f.test.get(m.name()).is_some_and(|v| v.is_nan()))
                .map(|f| f.fold)
                .collect();
            (!at.is_empty()).then_some((m.name(), at))
        })
        .collect();
    Ok(CvResult {
        folds,
        test,
        train,
        pooled,
        undefined,
        pooled_y,
        pooled_proba: pooled_p,
    })
}

#[cfg(test)]
mod tests;
