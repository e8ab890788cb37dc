//! Bias-variance decomposition.
//!
//! **Squared loss** (regression; Geman, Bienenstock & Doursat 1992). Over R rounds a model
//! is fitted to a training set and predicts fixed test points xⱼ with targets yⱼ. With the
//! main prediction ȳⱼ = (1/R) Σᵣ ŷᵣⱼ:
//!
//! * expected loss  E = (1/RJ) Σᵣⱼ (ŷᵣⱼ − yⱼ)²
//! * bias²          B = (1/J) Σⱼ (ȳⱼ − yⱼ)²
//! * variance       V = (1/RJ) Σᵣⱼ (ŷᵣⱼ − ȳⱼ)²
//!
//! and E = B + V exactly (mlxtend's `bias_variance_decomp(loss="mse")` definitions). When the
//! true function f is known, the bias against the truth B* = (1/J) Σⱼ (ȳⱼ − f(xⱼ))² and the
//! noise N = (1/J) Σⱼ (yⱼ − f(xⱼ))² split B further: E ≈ B* + V + N, up to a cross term
//! that vanishes in expectation; its size is reported as the sampling error.
//!
//! **0-1 loss** (classification; Domingos 2000, as mlxtend computes it): the main prediction
//! is the majority vote over rounds (ties to the lower class), bias = the share of test points
//! whose main prediction is wrong, variance = the mean share of rounds that disagree with the
//! main prediction, expected loss = the mean error rate. Here E ≠ B + V in general: variance
//! adds to the error on points with no bias and subtracts from it on biased points.

use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use rayon::prelude::*;
use serde::Serialize;

use mlproof_core::model::{BinaryClassifier, Regressor};
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::{Error, Result};

/// The squared-loss decomposition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Squared {
    pub expected_loss: f64,
    pub bias2: f64,
    pub variance: f64,
    /// Against the known truth, when there is one.
    pub truth: Option<AgainstTruth>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgainstTruth {
    pub bias2: f64,
    pub noise: f64,
    /// bias² (truth) + variance + noise.
    pub sum: f64,
    /// Standard error of `expected_loss` over test points.
    pub sampling_error: f64,
    /// The 95% margin, 1.96 × `sampling_error`: `sum` should land within it of
    /// `expected_loss` (the cross term 2·mean((ȳ − f)(f − y)) is zero only in expectation).
    pub margin95: f64,
}

/// The 0-1 loss decomposition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ZeroOne {
    pub expected_loss: f64,
    pub bias: f64,
    pub variance: f64,
}

/// Decomposes a rounds × points matrix of predictions (squared loss).
pub fn squared(pred: &Array2<f64>, y: &Array1<f64>, truth: Option<&Array1<f64>>) -> Squared {
    let (r, j) = (pred.nrows() as f64, pred.ncols() as f64);
    let main = pred
        .mean_axis(Axis(0))
        .unwrap_or_else(|| Array1::zeros(pred.ncols()));
    let per_point_loss: Array1<f64> = pred
        .axis_iter(Axis(1))
        .zip(y)
        .map(|(col, yj)| col.iter().map(|p| (p - yj).powi(2)).sum::<f64>() / r)
        .collect();
    let expected_loss = per_point_loss.sum() / j;
    let bias2 = main
        .iter()
        .zip(y)
        .map(|(m, yj)| (m - yj).powi(2))
        .sum::<f64>()
        / j;
    let variance = pred
        .rows()
        .into_iter()
        .map(|row| {
            row.iter()
                .zip(&main)
                .map(|(p, m)| (m - p).powi(2))
                .sum::<f64>()
        })
        .sum::<f64>()
        / (r * j);
    let truth = truth.map(|f| {
        let bias2 = main
            .iter()
            .zip(f)
            .map(|(m, fj)| (m - fj).powi(2))
            .sum::<f64>()
            / j;
        let noise = y
            .iter()
            .zip(f)
            .map(|(yj, fj)| (yj - fj).powi(2))
            .sum::<f64>()
            / j;
        let sd = (per_point_loss
            .iter()
            .map(|l| (l - expected_loss).powi(2))
            .sum::<f64>()
            / (j - 1.0).max(1.0))
        .sqrt();
        AgainstTruth {
            bias2,
            noise,
            sum: bias2 + variance + noise,
            sampling_error: sd / j.sqrt(),
            margin95: 1.96 * sd / j.sqrt(),
        }
    });
    Squared {
        expected_loss,
        bias2,
        variance,
        truth,
    }
}

/// Decomposes a rounds × points matrix of predicted classes (0-1 loss).
pub fn zero_one(pred: &Array2<usize>, y: &[usize]) -> ZeroOne {
    let (r, j) = (pred.nrows() as f64, pred.ncols() as f64);
    let main: Vec<usize> = pred
        .axis_iter(Axis(1))
        .map(|col| majority(col.iter().copied()))
        .collect();
    let expected_loss = pred
        .rows()
        .into_iter()
        .map(|row| row.iter().zip(y).filter(|(p, t)| p != t).count() as f64 / j)
        .sum::<f64>()
        / r;
    let bias = main.iter().zip(y).filter(|(m, t)| m != t).count() as f64 / j;
    let variance = pred
        .rows()
        .into_iter()
        .map(|row| row.iter().zip(&main).filter(|(p, m)| p != m).count() as f64)
        .sum::<f64>()
        / r
        / j;
    ZeroOne {
        expected_loss,
        bias,
        variance,
    }
}

/// A bootstrap sample of `0..n` (n draws with replacement) for round `round`: the rows
/// [`bootstrap_predictions`] fits round `round` on.
pub fn bootstrap(n: usize, seed: u64, round: usize) -> Vec<usize> {
    let mut rng = seed::rng(seed, "bias-variance/bootstrap", round as u64);
    (0..n).map(|_| rng.gen_range(0..n)).collect()
}

/// The rounds × points matrix of 0-1 predictions by bootstrap rounds from the training rows
/// (mlxtend's protocol; decompose it with [`zero_one`]): round r fits `learner` on
/// [`bootstrap`] sample r of the training rows, its fit seed derived from `seed` for round r;
/// one `progress` tick per round.
pub fn bootstrap_predictions(
    x_train: &Array2<f64>,
    y_train: &Array1<usize>,
    x_test: &Array2<f64>,
    learner: &dyn BinaryClassifier,
    rounds: usize,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Array2<usize>> {
    let round = |r: usize| {
        let idx = bootstrap(x_train.nrows(), seed, r);
        let (xb, yb) = (x_train.select(Axis(0), &idx), y_train.select(Axis(0), &idx));
        let fitted = learner.fit(&xb, &yb, seed::derive(seed, "bias-variance/fit", r as u64))?;
        progress.tick();
        Ok(vec![fitted.predict(x_test, 0.5)])
    };
    only(sweep_rounds(rounds, 1, x_test.nrows(), &round)?)
}

/// The rounds × points matrix of squared-loss predictions: round r fits `learner` to a fresh
/// training set `draw(r)` and predicts `x_test`, one `progress` tick per round; its fit takes
/// the seed derived from `seed` for round r.
pub fn fresh_draw_predictions(
    draw: &(dyn Fn(usize) -> (Array2<f64>, Array1<f64>) + Sync),
    x_test: &Array2<f64>,
    learner: &dyn Regressor,
    rounds: usize,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Array2<f64>> {
    let round = |r: usize| {
        let (x, y) = draw(r);
        let fit_seed = seed::derive(seed, "bias-variance/fit", r as u64);
        let p = learner.fit(&x, &y, fit_seed)?.predict(x_test);
        progress.tick();
        Ok(vec![p])
    };
    only(sweep_rounds(rounds, 1, x_test.nrows(), &round)?)
}

/// The one matrix of a one-value sweep.
fn only<T>(mut matrices: Vec<Array2<T>>) -> Result<Array2<T>> {
    matrices
        .pop()
        .ok_or_else(|| Error::internal("a one-value sweep returned no matrix"))
}

/// The predictions of a sweep over a knob's values, rounds outer: `round(r)` returns round r's
/// predictions of the test points at every value, in the values' order. Whatever a round's
/// values share (its training draw, a presort, a neighbour search) is then done once per
/// round instead of once per value and round. Rounds run in parallel and are gathered in
/// order. Returns one rounds × points matrix per value: entry v of the result equals
/// [`bootstrap_predictions`] or [`fresh_draw_predictions`] at value v when `round` fits the
/// same rows with the same seed.
pub fn sweep_rounds<T: Clone + Send>(
    rounds: usize,
    n_values: usize,
    n_points: usize,
    round: &(dyn Fn(usize) -> Result<Vec<Array1<T>>> + Sync),
) -> Result<Vec<Array2<T>>> {
    check_rounds(rounds)?;
    let per_round: Vec<Vec<Array1<T>>> = (0..rounds)
        .into_par_iter()
        .map(round)
        .collect::<Result<_>>()?;
    if let Some(bad) = per_round
        .iter()
        .find(|p| p.len() != n_values || p.iter().any(|v| v.len() != n_points))
    {
        return Err(Error::internal(format!(
            "a sweep round returned {} prediction vectors for {n_values} values of {n_points} points",
            bad.len()
        )));
    }
    Ok((0..n_values)
        .map(|v| Array2::from_shape_fn((rounds, n_points), |(r, j)| per_round[r][v][j].clone()))
        .collect())
}

/// The squared-loss terms at every test point j, whose means over j are [`squared`]'s:
/// loss ℓⱼ = (1/R) Σᵣ (ŷᵣⱼ − yⱼ)², bias²(observed) (ȳⱼ − yⱼ)², variance (1/R) Σᵣ (ŷᵣⱼ − ȳⱼ)²,
/// and against the truth f: bias² (ȳⱼ − fⱼ)², noise (yⱼ − fⱼ)².
#[derive(Debug, Clone, PartialEq)]
pub struct SquaredPerPoint {
    pub loss: Vec<f64>,
    pub bias2_observed: Vec<f64>,
    pub variance: Vec<f64>,
    pub bias2: Vec<f64>,
    pub noise: Vec<f64>,
}

/// See [`SquaredPerPoint`].
pub fn squared_per_point(
    pred: &Array2<f64>,
    y: &Array1<f64>,
    truth: &Array1<f64>,
) -> SquaredPerPoint {
    let r = pred.nrows() as f64;
    let mut out = SquaredPerPoint {
        loss: Vec::new(),
        bias2_observed: Vec::new(),
        variance: Vec::new(),
        bias2: Vec::new(),
        noise: Vec::new(),
    };
    for ((col, &yj), &fj) in pred.axis_iter(Axis(1)).zip(y).zip(truth) {
        let main = col.sum() / r;
        out.loss
            .push(col.iter().map(|p| (p - yj).powi(2)).sum::<f64>() / r);
        out.bias2_observed.push((main - yj).powi(2));
        out.variance
            .push(col.iter().map(|p| (p - main).powi(2)).sum::<f64>() / r);
        out.bias2.push((main - fj).powi(2));
        out.noise.push((yj - fj).powi(2));
    }
    out
}

/// The 0-1 terms at every test point j, whose means over j are [`zero_one`]'s: the share of
/// rounds wrong (loss), whether the majority vote is wrong (bias, 0 or 1), the share of rounds
/// that disagree with the majority vote (variance).
#[derive(Debug, Clone, PartialEq)]
pub struct ZeroOnePerPoint {
    pub loss: Vec<f64>,
    pub bias: Vec<f64>,
    pub variance: Vec<f64>,
}

/// See [`ZeroOnePerPoint`]; the majority vote breaks ties to the lower class, as [`zero_one`].
pub fn zero_one_per_point(pred: &Array2<usize>, y: &[usize]) -> ZeroOnePerPoint {
    let r = pred.nrows() as f64;
    let mut out = ZeroOnePerPoint {
        loss: Vec::new(),
        bias: Vec::new(),
        variance: Vec::new(),
    };
    for (col, &yj) in pred.axis_iter(Axis(1)).zip(y) {
        let main = majority(col.iter().copied());
        let share = |f: &dyn Fn(usize) -> bool| col.iter().filter(|&&p| f(p)).count() as f64 / r;
        out.loss.push(share(&|p| p != yj));
        out.bias.push(f64::from(u8::from(main != yj)));
        out.variance.push(share(&|p| p != main));
    }
    out
}

/// The most frequent class, ties to the lower class.
fn majority(votes: impl Iterator<Item = usize> + Clone) -> usize {
    let mut counts = vec![0usize; votes.clone().max().map_or(1, |m| m + 1)];
    votes.for_each(|c| counts[c] += 1);
    (0..counts.len()).fold(0, |best, c| if counts[c] > counts[best] { c } else { best })
}

/// The most rounds a decomposition may run.
pub const MAX_ROUNDS: usize = 100_000;

/// Rounds must be at least 2 (variance needs two fits) and at most [`MAX_ROUNDS`].
pub fn check_rounds(rounds: usize) -> Result<()> {
    if !(2..=MAX_ROUNDS).contains(&rounds) {
        return Err(Error::param(
            "rounds",
            format!("must be between 2 (to measure variance) and {MAX_ROUNDS}, got {rounds}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn squared_expected_loss_is_bias2_plus_variance_against_observed_targets() {
        let pred = array![[1.0, 2.0, 0.5], [1.5, 2.5, 0.0], [0.0, 3.0, 1.0]];
        let y = array![1.0, 2.0, 0.7];
        let d = squared(&pred, &y, None);
        assert!((d.expected_loss - d.bias2 - d.variance).abs() < 1e-12);
    }

    #[test]
    fn zero_one_majority_vote_breaks_ties_to_the_lower_class() {
        // Point 0: votes 1,0 (tie → 0, truth 1: biased); point 1: 1,1 (right).
        let pred = array![[1, 1], [0, 1]];
        let d = zero_one(&pred, &[1, 1]);
        assert_eq!((d.bias, d.variance, d.expected_loss), (0.5, 0.25, 0.25));
    }
}
