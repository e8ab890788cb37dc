//! Over- and underfitting made visible: the validation curve (score against a complexity
//! knob) and the learning curve (score against training-set size), each with training and
//! cross-validated scores.

use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use mlproof_core::metrics::mean_squared_error;
use mlproof_core::metrics::Metric;
use mlproof_core::model::{BinaryClassifier, Regressor};
use mlproof_core::progress::{Observer, Silent};
use mlproof_core::stats::{one_standard_error, Summary};
use mlproof_core::{Error, Result};

use crate::cv::{cross_validate, CvOptions, CvResult};
use crate::split::Fold;

/// Train and CV score at one setting.
#[derive(Debug, Clone, Serialize)]
pub struct CurvePoint {
    /// The knob's value (complexity) or the training-set size.
    pub x: f64,
    pub train: Summary,
    pub test: Summary,
    /// The score on each fold's training rows, in fold order (for paired comparisons).
    pub train_folds: Vec<f64>,
    /// The score on each fold's test rows, in fold order.
    pub test_folds: Vec<f64>,
}

/// Where each point falls under the one-standard-error rule (see [`regions`]).
#[derive(Debug, Clone, Serialize)]
pub struct Regions {
    /// Index of the best CV score (ties: the simpler point).
    pub best: usize,
    /// Index of the one-standard-error choice: the simplest point whose CV mean reaches
    /// best − SE (best + SE for a loss), searched over every point.
    pub one_se: usize,
    /// The best point's standard error, std/√k.
    pub se: f64,
    /// The cut-off the choice had to reach.
    pub threshold: f64,
    /// From the one-SE choice to the most complex point that also reaches the cut-off
    /// (points between them need not reach it).
    pub sweet_spot: (usize, usize),
    /// The points simpler than the one-SE choice (none of them reaches the cut-off).
    pub underfit: Option<(usize, usize)>,
    /// The points more complex than the last one reaching the cut-off.
    pub overfit: Option<(usize, usize)>,
}

/// CV at each value of a knob; `learner_at(i)` builds the learner for the i-th value.
pub fn validation_curve(
    x: &Array2<f64>,
    y: &Array1<usize>,
    values: &[f64],
    learner_at: &(dyn Fn(usize) -> Result<Box<dyn BinaryClassifier>> + Sync),
    folds: &[Fold],
    metric: Metric,
    seed: u64,
) -> Result<Vec<CurvePoint>> {
    validation_curve_observed(x, y, values, learner_at, folds, metric, seed, &Silent)
}

/// [`validation_curve`], ticking `progress` once per knob value.
#[allow(clippy::too_many_arguments)]
pub fn validation_curve_observed(
    x: &Array2<f64>,
    y: &Array1<usize>,
    values: &[f64],
    learner_at: &(dyn Fn(usize) -> Result<Box<dyn BinaryClassifier>> + Sync),
    folds: &[Fold],
    metric: Metric,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Vec<CurvePoint>> {
    let opts = CvOptions {
        metrics: vec![metric],
        threshold: 0.5,
        train_scores: true,
        seed,
    };
    values
        .par_iter()
        .enumerate()
        .map(|(i, &v)| {
            let learner = learner_at(i)?;
            let r = cross_validate(x, y, learner.as_ref(), folds, &opts)?;
            progress.tick();
            point(v, &r, metric)
        })
        .collect()
}

/// A curve point from a cross-validation run: summaries and per-fold scores of `metric`.
fn point(x: f64, r: &CvResult, metric: Metric) -> Result<CurvePoint> {
    let missing = || Error::internal("missing train scores");
    let train = r.train.as_ref().and_then(|t| t.get(metric.name()).copied());
    let train_folds = r
        .folds
        .iter()
        .map(|f| {
            f.train
                .as_ref()
                .and_then(|t| t.get(metric.name()).copied())
                .ok_or_else(missing)
        })
        .collect::<Result<Vec<f64>>>()?;
    Ok(CurvePoint {
        x,
        train: train.ok_or_else(missing)?,
        test: r.test[metric.name()],
        train_folds,
        test_folds: r.folds.iter().map(|f| f.test[metric.name()]).collect(),
    })
}

/// CV on growing training sets. Sizes follow scikit-learn's `learning_curve`: for each
/// fraction f, n = ⌊f·n_max⌋ (n_max: the first fold's training rows; at least 1, duplicates
/// dropped), the same n in every fold. Which n rows differs on purpose: scikit-learn takes
/// the first n (a file sorted by class then trains on one class), mlproof takes a seeded,
/// stratified n-row subset of the fold's training rows — each class in proportion, at least
/// one row of each — nested across sizes.
pub fn learning_curve(
    x: &Array2<f64>,
    y: &Array1<usize>,
    fractions: &[f64],
    learner: &dyn BinaryClassifier,
    folds: &[Fold],
    metric: Metric,
    seed: u64,
) -> Result<Vec<CurvePoint>> {
    learning_curve_observed(x, y, fractions, learner, folds, metric, seed, &Silent)
}

/// [`learning_curve`], ticking `progress` once per training-set size.
#[allow(clippy::too_many_arguments)]
pub fn learning_curve_observed(
    x: &Array2<f64>,
    y: &Array1<usize>,
    fractions: &[f64],
    learner: &dyn BinaryClassifier,
    folds: &[Fold],
    metric: Metric,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Vec<CurvePoint>> {
    if let Some(f) = fractions.iter().find(|f| !(**f > 0.0 && **f <= 1.0)) {
        return Err(Error::usage(format!(
            "training fractions must be in (0, 1], got {f}"
        )));
    }
    let opts = CvOptions {
        metrics: vec![metric],
        threshold: 0.5,
        train_scores: true,
        seed,
    };
    let n_max = folds.first().map_or(0, |f| f.train.len());
    let mut sizes: Vec<usize> = fractions
        .iter()
        .map(|f| ((f * n_max as f64) as usize).clamp(1, n_max.max(1)))
        .collect();
    sizes.dedup();
    sizes
        .par_iter()
        .map(|&size| {
            let shrunk: Vec<Fold> = folds
                .iter()
                .enumerate()
                .map(|(k, fold)| Fold {
                    train: stratified_subset(&fold.train, y, size, seed, k),
                    test: fold.test.clone(),
                })
                .collect();
            let r = cross_validate(x, y, learner, &shrunk, &opts)?;
            progress.tick();
            point(size as f64, &r, metric)
        })
        .collect()
}

/// `size` of the `rows`, each class in proportion (at least one row of each class present),
/// in a seeded order per fold so the subsets grow by adding rows. Returned ascending.
fn stratified_subset(
    rows: &[usize],
    y: &Array1<usize>,
    size: usize,
    seed: u64,
    fold: usize,
) -> Vec<usize> {
    let size = size.min(rows.len());
    let order = mlproof_core::seed::permutation(
        &mut mlproof_core::seed::rng(seed, "learning-curve/subset", fold as u64),
        rows.len(),
    );
    let classes: Vec<usize> = {
        let mut c: Vec<usize> = rows.iter().map(|&i| y[i]).collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    let by_class: Vec<Vec<usize>> = classes
        .iter()
        .map(|&c| {
            order
                .iter()
                .map(|&o| rows[o])
                .filter(|&i| y[i] == c)
                .collect()
        })
        .collect();
    let mut take: Vec<usize> = by_class
        .iter()
        .map(|members| {
            ((size * members.len()) as f64 / rows.len() as f64)
                .round()
                .max(1.0) as usize
        })
        .map(|t| t.min(size))
        .collect();
    // Make the counts add up to `size`, adjusting the largest class.
    let largest = (0..by_class.len())
        .max_by_key(|&c| by_class[c].len())
        .unwrap_or(0);
    let total: usize = take.iter().sum();
    if total > size {
        take[largest] = take[largest].saturating_sub(total - size).max(1);
    } else {
        take[largest] = (take[largest] + size - total).min(by_class[largest].len());
    }
    let mut subset: Vec<usize> = by_class
        .iter()
        .zip(&take)
        .flat_map(|(members, &t)| members[..t.min(members.len())].iter().copied())
        .collect();
    subset.sort_unstable();
    subset
}

/// Names the regions of a validation curve ordered by increasing complexity by the
/// one-standard-error rule ([`one_standard_error`]; Breiman et al. 1984, §3.4.3): the best CV
/// score, the simplest point within one SE of it (searched over every point), the points
/// simpler than that choice and the points beyond the last one within one SE. `None` when no
/// point has a defined CV score.
pub fn regions(points: &[CurvePoint], higher_is_better: bool) -> Option<Regions> {
    let tests: Vec<Summary> = points.iter().map(|p| p.test).collect();
    let rule = one_standard_error(&tests, higher_is_better, true)?;
    let sign = if higher_is_better { 1.0 } else { -1.0 };
    let reaches = |i: usize| sign * (points[i].test.mean - rule.threshold) >= 0.0;
    let last = (0..points.len())
        .rev()
        .find(|&i| reaches(i))
        .unwrap_or(rule.choice);
    Some(Regions {
        best: rule.best,
        one_se: rule.choice,
        se: rule.se,
        threshold: rule.threshold,
        sweet_spot: (rule.choice, last),
        underfit: (rule.choice > 0).then(|| (0, rule.choice - 1)),
        overfit: (last + 1 < points.len()).then(|| (last + 1, points.len() - 1)),
    })
}

/// The validation curve of a regressor, scored by mean squared error (lower is better):
/// `regressor_at(i)` builds the model for the i-th knob value, fitted on every fold's
/// training rows; train and test MSE are summarised over folds.
pub fn validation_curve_regression(
    x: &Array2<f64>,
    y: &Array1<f64>,
    values: &[f64],
    regressor_at: &(dyn Fn(usize) -> Result<Box<dyn Regressor>> + Sync),
    folds: &[Fold],
    seed: u64,
) -> Result<Vec<CurvePoint>> {
    validation_curve_regression_observed(x, y, values, regressor_at, folds, seed, &Silent)
}

/// [`validation_curve_regression`], ticking `progress` once per knob value.
pub fn validation_curve_regression_observed(
    x: &Array2<f64>,
    y: &Array1<f64>,
    values: &[f64],
    regressor_at: &(dyn Fn(usize) -> Result<Box<dyn Regressor>> + Sync),
    folds: &[Fold],
    seed: u64,
    progress: &dyn Observer,
) -> Result<Vec<CurvePoint>> {
    values
        .par_iter()
        .enumerate()
        .map(|(i, &v)| {
            let model = regressor_at(i)?;
            let (train, test): (Vec<f64>, Vec<f64>) = folds
                .iter()
                .enumerate()
                .map(|(k, f)| {
                    let pick = |rows: &[usize]| (x.select(Axis(0), rows), y.select(Axis(0), rows));
                    let ((xt, yt), (xv, yv)) = (pick(&f.train), pick(&f.test));
                    let fitted = model.fit(
                        &xt,
                        &yt,
                        mlproof_core::seed::derive(seed, "cv/fit", k as u64),
                    )?;
                    let mse = |x: &Array2<f64>, y: &Array1<f64>| {
                        mean_squared_error(
                            y.as_slice().unwrap_or(&y.to_vec()),
                            &fitted.predict(x).to_vec(),
                        )
                    };
                    Ok((mse(&xt, &yt)?, mse(&xv, &yv)?))
                })
                .collect::<Result<Vec<_>>>()?
                .into_iter()
                .unzip();
            progress.tick();
            Ok(CurvePoint {
                x: v,
                train: Summary::of(&train),
                test: Summary::of(&test),
                train_folds: train,
                test_folds: test,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
