//! Over- and underfitting made visible: the validation curve (score against a complexity
//! knob) and the learning curve (score against training-set size), each with training and
//! cross-validated scores.

use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use mlproof_core::metrics::mean_squared_error;
use mlproof_core::metrics::Metric;
use mlproof_core::model::{BinaryClassifier, Regressor};
use mlproof_core::stats::Summary;
use mlproof_core::{Error, Result};

use crate::cv::{cross_validate, CvOptions};
use crate::split::Fold;

/// Train and CV score at one setting.
#[derive(Debug, Clone, Serialize)]
pub struct CurvePoint {
    /// The knob's value (complexity) or the training-set size.
    pub x: f64,
    pub train: Summary,
    pub test: Summary,
}

/// Where each point falls, read from the numbers (see [`regions`]).
#[derive(Debug, Clone, Serialize)]
pub struct Regions {
    /// Index of the best CV score.
    pub best: usize,
    /// The one-standard-error band: points whose CV mean is within one standard error
    /// (std/√k) of the best.
    pub sweet_spot: (usize, usize),
    /// Points of lower complexity than the band: underfitting.
    pub underfit: Option<(usize, usize)>,
    /// Points of higher complexity than the band: overfitting.
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
            let pick = |m: &Option<std::collections::BTreeMap<&str, Summary>>| {
                m.as_ref().and_then(|t| t.get(metric.name()).copied())
            };
            Ok(CurvePoint {
                x: v,
                train: pick(&r.train).ok_or_else(|| Error::internal("missing train scores"))?,
                test: r.test[metric.name()],
            })
        })
        .collect()
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
            let size = size as f64;
            let r = cross_validate(x, y, learner, &shrunk, &opts)?;
            let train = r.train.as_ref().and_then(|t| t.get(metric.name()).copied());
            Ok(CurvePoint {
                x: size,
                train: train.ok_or_else(|| Error::internal("missing train scores"))?,
                test: r.test[metric.name()],
            })
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

/// Names the regions of a validation curve ordered by increasing complexity: the best CV
/// score, the band within one standard error of it (Breiman et al.'s one-SE rule), and the
/// points below (underfit) and above (overfit) the band.
pub fn regions(points: &[CurvePoint], higher_is_better: bool) -> Option<Regions> {
    let sign = if higher_is_better { 1.0 } else { -1.0 };
    let best = (0..points.len())
        .filter(|&i| !points[i].test.mean.is_nan())
        .max_by(|&a, &b| {
            (sign * points[a].test.mean)
                .total_cmp(&(sign * points[b].test.mean))
                .then(b.cmp(&a))
        })?;
    let se = points[best].test.std / (points[best].test.n as f64).sqrt();
    let within = |i: usize| sign * (points[best].test.mean - points[i].test.mean) <= se;
    let mut lo = best;
    while lo > 0 && within(lo - 1) {
        lo -= 1;
    }
    let mut hi = best;
    while hi + 1 < points.len() && within(hi + 1) {
        hi += 1;
    }
    Some(Regions {
        best,
        sweet_spot: (lo, hi),
        underfit: (lo > 0).then(|| (0, lo - 1)),
        overfit: (hi + 1 < points.len()).then(|| (hi + 1, points.len() - 1)),
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
) -> Result<Vec<CurvePoint>> {
    values
        .par_iter()
        .enumerate()
        .map(|(i, &v)| {
            let model = regressor_at(i)?;
            let (train, test): (Vec<f64>, Vec<f64>) = folds
                .iter()
                .map(|f| {
                    let pick = |rows: &[usize]| (x.select(Axis(0), rows), y.select(Axis(0), rows));
                    let ((xt, yt), (xv, yv)) = (pick(&f.train), pick(&f.test));
                    let fitted = model.fit(&xt, &yt)?;
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
            Ok(CurvePoint {
                x: v,
                train: Summary::of(&train),
                test: Summary::of(&test),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
