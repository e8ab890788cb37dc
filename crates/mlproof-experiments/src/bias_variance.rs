//! `bias-variance`: the expected error of a model family split into bias, variance and noise
//! across a sweep of its complexity knob (the U-curve, measured).
//!
//! **Squared loss** needs a generator with a known truth f: R fresh training sets are drawn,
//! each fit predicts the same test points, and (Geman, Bienenstock & Doursat 1992)
//! E[MSE] = bias²(observed) + variance exactly; against the truth, E[MSE] ≈ bias² + variance +
//! noise up to a cross term that is zero in expectation.
//! **0-1 loss** runs on real classification data by bootstrap rounds of the training rows
//! (mlxtend's `bias_variance_decomp`; Domingos 2000): bias is the error of the majority vote,
//! variance the mean disagreement with it, and the error is not their sum.
//!
//! Findings (bootstrap over the test points, which every sweep point shares): variance grows
//! and bias falls from the simplest to the most complex point, the error's minimum is interior
//! (a U-curve), the best point beats the no-skill baseline and, for squared loss, the exact
//! identity. ROPE: ±1% of a named scale — the noise variance σ² (squared loss) or the expected
//! error of the simplest model (0-1 loss).

mod judge;
mod squared;
#[cfg(test)]
mod tests;
mod zero_one;

use mlproof_core::evidence::Finding;
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::Dataset;
use mlproof_validation::bias_variance::{check_rounds, Squared, ZeroOne};
use serde::Serialize;

/// Bootstrap resamples of the test points behind each interval.
pub const BOOTSTRAP: usize = 1000;

/// Test points drawn from the generator when none is given (squared loss).
pub const DEFAULT_N_TEST: usize = 500;

/// Held-out share when none is given (0-1 loss).
pub const DEFAULT_TEST_SIZE: f64 = 0.3;

/// Training rows per round of the polynomial sweep when none is given. Measured on synth-sine
/// (σ = 0.3, 200 rounds): with 200 rows (the generator's size) the expected MSE rises only from
/// 0.1034 at degree 5 to 0.1079 at degree 12, a curve that reads as flat; with 80 rows it
/// rises from 0.1080 to 0.2254 (variance 0.0074 → 0.1237) while bias² stays near zero — the
/// U-curve in plain sight; below 60 rows the high degrees blow up (variance in the tens).
pub const POLY_N_TRAIN: usize = 80;

/// Which loss is decomposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Loss {
    Squared,
    ZeroOne,
}

/// The model family swept over its complexity knob.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SweepModel {
    /// Tree depth 1-12.
    Tree,
    /// Polynomial degree 1-12 (1-D data).
    Poly,
    /// k-nearest neighbours, k from 60 down to 1 (regression only).
    Knn,
}

impl SweepModel {
    /// The knob's name and values, in order of increasing complexity.
    pub fn sweep(self) -> (&'static str, Vec<usize>) {
        match self {
            SweepModel::Tree => ("max_depth", (1..=12).collect()),
            SweepModel::Poly => ("degree", (1..=12).collect()),
            SweepModel::Knn => ("k", vec![60, 40, 25, 15, 10, 7, 5, 3, 2, 1]),
        }
    }

    /// The family's name for squared loss (regression).
    pub fn regressor_name(self) -> &'static str {
        match self {
            SweepModel::Tree => "regression tree",
            SweepModel::Poly => "polynomial",
            SweepModel::Knn => "k-nearest neighbours",
        }
    }
}

/// The dataset used when none is named.
pub fn default_dataset(loss: Loss) -> &'static str {
    match loss {
        Loss::Squared => "synth-sine",
        Loss::ZeroOne => "pima",
    }
}

/// Training rows per round when none is given: [`POLY_N_TRAIN`] for polynomials, else the
/// generator's own size.
pub fn default_n_train(model: SweepModel, generator_rows: usize) -> usize {
    match model {
        SweepModel::Poly => POLY_N_TRAIN,
        _ => generator_rows,
    }
}

/// The experiment's parameters. `n_test` and `n_train` apply to squared loss only,
/// `test_size` to 0-1 loss only (`None` where they do not apply).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    pub loss: Loss,
    pub model: SweepModel,
    /// Training sets per sweep point: fresh draws (squared) or bootstrap samples (0-1).
    pub rounds: usize,
    /// Fixed test points drawn from the generator.
    pub n_test: Option<usize>,
    /// Rows of each fresh training set.
    pub n_train: Option<usize>,
    /// Share of rows held out (stratified) as the test points.
    pub test_size: Option<f64>,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            loss: Loss::Squared,
            model: SweepModel::Tree,
            rounds: 200,
            n_test: Some(DEFAULT_N_TEST),
            n_train: None,
            test_size: None,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        check_rounds(self.rounds)?;
        match self.loss {
            Loss::Squared => {
                if self.test_size.is_some() {
                    return Err(Error::param(
                        "test_size",
                        "applies to 0-1 loss only; squared loss draws its test points from the generator",
                    ));
                }
                if let Some(n) = self.n_test {
                    if !(2..=1_000_000).contains(&n) {
                        return Err(Error::param(
                            "n_test",
                            format!("must be between 2 and 1000000, got {n}"),
                        ));
                    }
                }
                if let Some(n) = self.n_train {
                    if !(2..=1_000_000).contains(&n) {
                        return Err(Error::param(
                            "n_train",
                            format!("must be between 2 and 1000000, got {n}"),
                        ));
                    }
                }
            }
            Loss::ZeroOne => {
                if self.model != SweepModel::Tree {
                    return Err(Error::param(
                        "model",
                        format!(
                            "{:?} does not apply to 0-1 loss, which sweeps a classification \
                             tree's depth; use the tree",
                            self.model
                        ),
                    ));
                }
                for (name, given) in [
                    ("n_test", self.n_test.is_some()),
                    ("n_train", self.n_train.is_some()),
                ] {
                    if given {
                        return Err(Error::param(
                            name,
                            "applies to squared loss only; 0-1 loss holds out a share of the rows",
                        ));
                    }
                }
                let t = self.test_size.unwrap_or(DEFAULT_TEST_SIZE);
                if !(t > 0.0 && t < 1.0) {
                    return Err(Error::param(
                        "test_size",
                        format!("{t} is out of range; use a fraction strictly between 0 and 1"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// One sweep point: the knob's value and the decomposition's fields beside it.
#[derive(Debug, Clone, Serialize)]
pub struct Point<D: Serialize> {
    pub knob: usize,
    #[serde(flatten)]
    pub decomposition: D,
}

/// The sweep's points, by loss (serialised as the bare list).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Points {
    Squared(Vec<Point<Squared>>),
    ZeroOne(Vec<Point<ZeroOne>>),
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct BiasVariance {
    pub loss: Loss,
    /// The family's name ("regression tree", "classification tree", "polynomial").
    pub model: String,
    /// The knob swept ("max_depth", "degree", "k").
    pub knob: &'static str,
    pub train_rows: usize,
    pub test_rows: usize,
    pub points: Points,
    /// The index of the point with the lowest expected loss.
    pub best: usize,
    /// The expected loss of a model that ignores the features, on the same test points: the
    /// test targets' mean (squared) or the training majority class (0-1).
    pub loss_baseline: f64,
    pub loss_baseline_model: &'static str,
    /// The ROPE's scale: the noise variance σ² (squared) or the simplest model's expected
    /// error (0-1).
    pub rope_scale: f64,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type BiasVarianceReport = Report<Checked<Params>, BiasVariance>;

/// Runs the sweep. Squared loss needs `data` to be one of the generators with a known truth
/// (synth-sine, synth-friedman1); 0-1 loss needs a binary classification target.
pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<BiasVarianceReport> {
    let results = match params.loss {
        Loss::Squared => squared::run(data, params, progress)?,
        Loss::ZeroOne => zero_one::run(data, params, progress)?,
    };
    Ok(Report::new(
        "bias-variance",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// The index of the smallest value (the first on ties).
fn argmin(values: &[f64]) -> usize {
    (0..values.len())
        .min_by(|&a, &b| values[a].total_cmp(&values[b]))
        .unwrap_or(0)
}
