//! Claims about validation schemes on designs with a known truth: leave-one-out's variance
//! and k-fold on an autoregressive series.

use mlproof_core::evidence::{Direction, Effect, Rope};
use mlproof_core::metrics::Metric;
use mlproof_core::model::cholesky_solve;
use mlproof_core::{seed, Result};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::split::{k_fold, leave_one_out, time_series_split};
use mlproof_validation::Fold;
use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use rayon::prelude::*;

use super::imbalance::design;
use super::learners;
use super::{judged, Context, Outcome};

/// Rows per subsample and subsamples in the leave-one-out claim.
pub const LOO_ROWS: usize = 60;
pub const LOO_SUBSAMPLES: usize = 30;

pub fn loo_high_variance(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let n = d.y.len();
    if n < 2 * LOO_ROWS {
        return Ok(Outcome::NotApplicable(format!(
            "needs at least {} rows for subsamples of {LOO_ROWS} and their truth",
            2 * LOO_ROWS
        )));
    }
    // Newton's method (mlproof's weighted logistic regression, unweighted here): the same L2
    // model at C = 1 as linfa's, to 1e-6, but it converges in a few steps on the nearly
    // separable 60-row subsamples where linfa's quasi-Newton runs to its iteration limit
    // (wisconsin: minutes).
    let learner = learners::newton_logistic()?;
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy],
        threshold: 0.5,
        train_scores: false,
        seed: d.seed,
    };
    // Per subsample: the LOO and 10-fold estimates of accuracy, minus the truth (accuracy of
    // the model fitted on the subsample, scored on every other row).
    let errors = (0..LOO_SUBSAMPLES)
        .into_par_iter()
        .map(|s| -> Result<Option<(f64, f64)>> {
            let order = seed::permutation(&mut seed::rng(d.seed, "claims/loo", s as u64), n);
            let (rows, rest) = order.split_at(LOO_ROWS);
            let (x, y) = (d.x.select(Axis(0), rows), d.y.select(Axis(0), rows));
            if y.iter().all(|&v| v == y[0]) {
                return Ok(None);
            }
            let estimate = |folds: &[Fold]| -> Result<f64> {
                Ok(cross_validate(&x, &y, learner.as_ref(), folds, &opts)?.pooled["accuracy"])
            };
            let loo = estimate(&leave_one_out(LOO_ROWS)?)?;
            let ten = estimate(&k_fold(
                LOO_ROWS,
                10,
                Some(seed::derive(d.seed, "claims/loo-10", s as u64)),
            )?)?;
            let fitted = learner.fit(&x, &y, d.seed)?;
            let (xr, yr) = (d.x.select(Axis(0), rest), d.y.select(Axis(0), rest));
            let truth =
                mlproof_core::metrics::accuracy(&yr.to_vec(), &fitted.predict(&xr, 0.5).to_vec())?;
            Ok(Some((loo - truth, ten - truth)))
        })
        .collect::<Result<Vec<_>>>()?;
    let (loo, ten): (Vec<f64>, Vec<f64>) = errors.into_iter().flatten().unzip();
    let sd = |v: &[f64]| {
        let m = v.iter().sum::<f64>() / v.len() as f64;
        (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() as f64 - 1.0)).sqrt()
    };
    // Bootstrap over subsamples of sd(LOO error) − sd(10-fold error), pairs kept together.
    let estimate = sd(&loo) - sd(&ten);
    let mut rng = seed::rng(d.seed, "claims/loo-bootstrap", 0);
    let reps: Vec<f64> = (0..1000)
        .map(|_| {
            let pick: Vec<usize> = (0..loo.len())
                .map(|_| rng.gen_range(0..loo.len()))
                .collect();
            let a: Vec<f64> = pick.iter().map(|&i| loo[i]).collect();
            let b: Vec<f64> = pick.iter().map(|&i| ten[i]).collect();
            sd(&a) - sd(&b)
        })
        .collect();
    Ok(judged(
        "loo-high-variance",
        format!("leave-one-out's error (estimate − truth) varies more across subsamples of {LOO_ROWS} rows than 10-fold's"),
        Effect::bootstrap_percentile(estimate, &reps, &format!("resamples of {} subsamples", loo.len())),
        Rope::symmetric(ctx.rope.hi / 10.0),
        Direction::Greater,
    ))
}

/// The autoregressive claim's series: x_t = φ·x_{t−1} + ε_t, ε ~ N(0, 1). Both schemes
/// train on 400 rows and test 100 at a time on the series' last 500 rows: shuffled 5-fold
/// over those rows, and forward blocks each trained on the 400 rows before it — so the two
/// differ only in whether training rows lie before the test rows.
pub const AR_PHI: f64 = 0.5;
pub const AR_LENGTH: usize = 900;
pub const AR_SERIES: usize = 50;
pub const AR_LAGS: usize = 3;
const AR_TRAIN: usize = 400;
const AR_TEST: usize = 100;

/// A fresh AR(1) series as (lags, next value).
fn ar_series(seed: u64, index: u64) -> (Array2<f64>, Array1<f64>) {
    let mut rng = seed::rng(seed, "claims/ar", index);
    let burn = 100;
    let mut x = vec![0.0; AR_LENGTH + AR_LAGS + burn];
    for t in 1..x.len() {
        x[t] = AR_PHI * x[t - 1] + seed::standard_normal(&mut rng);
    }
    let x = &x[burn..];
    let lags = Array2::from_shape_fn((AR_LENGTH, AR_LAGS + 1), |(t, j)| {
        if j == 0 {
            1.0
        } else {
            x[t + AR_LAGS - j]
        }
    });
    let next = Array1::from_shape_fn(AR_LENGTH, |t| x[t + AR_LAGS]);
    (lags, next)
}

/// Least squares on the training rows, MSE on the test rows, averaged over folds.
fn ols_cv_mse(x: &Array2<f64>, y: &Array1<f64>, folds: &[Fold]) -> f64 {
    let per_fold: Vec<f64> = folds
        .iter()
        .map(|f| {
            let (xt, yt) = (x.select(Axis(0), &f.train), y.select(Axis(0), &f.train));
            let beta = cholesky_solve(&xt.t().dot(&xt), &xt.t().dot(&yt))
                .unwrap_or_else(|| Array1::zeros(x.ncols()));
            let (xs, ys) = (x.select(Axis(0), &f.test), y.select(Axis(0), &f.test));
            (&xs.dot(&beta) - &ys)
                .mapv(|e| e * e)
                .mean()
                .unwrap_or(f64::NAN)
        })
        .collect();
    per_fold.iter().sum::<f64>() / per_fold.len() as f64
}

pub fn kfold_fine_autoregressive(ctx: &Context) -> Result<Outcome> {
    let diffs = (0..AR_SERIES)
        .into_par_iter()
        .map(|s| -> Result<f64> {
            let (x, y) = ar_series(ctx.seed, s as u64);
            let tail = AR_LENGTH - 5 * AR_TEST;
            let shuffled: Vec<Fold> = k_fold(
                5 * AR_TEST,
                5,
                Some(seed::derive(ctx.seed, "claims/ar-folds", s as u64)),
            )?
            .into_iter()
            .map(|f| Fold {
                train: f.train.iter().map(|&i| tail + i).collect(),
                test: f.test.iter().map(|&i| tail + i).collect(),
            })
            .collect();
            let forward = time_series_split(AR_LENGTH, 5, Some(AR_TRAIN), Some(AR_TEST), 0)?;
            Ok(ols_cv_mse(&x, &y, &shuffled) - ols_cv_mse(&x, &y, &forward))
        })
        .collect::<Result<Vec<f64>>>()?;
    Ok(judged(
        "kfold-fine-autoregressive",
        format!(
            "for least squares on {AR_LAGS} lags of a stationary AR(1) series (φ = {AR_PHI}), shuffled 5-fold CV error equals forward (time-series split) error at the same training size ({AR_TRAIN} rows)"
        ),
        Effect::student_t(&diffs, &format!("AR series of {AR_LENGTH} steps")),
        // MSE units: ±1% of the innovation variance, 1.
        Rope::relative(1.0),
        Direction::Equivalent,
    ))
}
