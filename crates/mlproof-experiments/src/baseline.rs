//! `baseline`: the baseline ladder — majority → logistic regression → shallow tree →
//! random forest → gradient boosting, on the same repeated stratified folds.
//!
//! Each rung gets its score on every held-out fold (mean with the Nadeau–Bengio corrected
//! resampled t interval), its parameter count and, when asked, its measured fit and predict
//! time. The best rung is the one with the best mean score; every other rung's paired
//! per-fold difference from it is a finding (`{rung}-equivalent-to-best`: corrected
//! resampled t via [`fold_difference`], ROPE ±0.01 by default, direction `equivalent`).
//!
//! The recommendation is the simplest rung whose equivalence to the best the folds do not
//! rule out (its finding holds or is inconclusive; `basis` says which) — the ladder's advice,
//! "start simple and move up only when the data show the step is worth it". On pure noise
//! that is the majority baseline.
//!
//! Timings are the only numbers that change from run to run: they live in `results.timing`
//! alone, and `timing: false` leaves them out (byte-identical output for the same seed).

pub mod ladder;
mod summary;
#[cfg(test)]
mod tests;

use std::time::Instant;

use mlproof_core::evidence::{self, Finding};
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::Splitter;
use ndarray::Axis;
use rayon::prelude::*;
use serde::Serialize;

pub use ladder::{Rung, Sizes, LADDER};

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    /// The score every rung is ranked by (log loss is refused: it has no [0, 1] scale).
    pub metric: Metric,
    pub n_splits: usize,
    pub n_repeats: usize,
    /// Half-width of the ROPE on the score difference.
    pub rope: f64,
    pub sizes: Sizes,
    /// Measure fit and predict time (the only numbers that vary between runs).
    pub timing: bool,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            metric: Metric::RocAuc,
            n_splits: 5,
            n_repeats: 2,
            rope: evidence::SCORE_HALF_WIDTH,
            sizes: Sizes::default(),
            timing: false,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if self.metric == Metric::LogLoss {
            return Err(Error::param(
                "metric",
                "log-loss has no [0, 1] scale for the ROPE; use brier, roc-auc or another score",
            ));
        }
        if self.n_splits < 2 {
            return Err(Error::param(
                "n_splits",
                format!("must be at least 2 (got {})", self.n_splits),
            ));
        }
        if self.n_repeats == 0 {
            return Err(Error::param("n_repeats", "must be at least 1 (got 0)"));
        }
        if !(self.rope >= 0.0 && self.rope < 0.5) {
            return Err(Error::param(
                "rope",
                format!("must be in [0, 0.5) (got {})", self.rope),
            ));
        }
        let s = &self.sizes;
        if s.tree_depth == 0 || s.forest_depth == 0 || s.boosting_depth == 0 {
            return Err(Error::param(
                "max_depth",
                "of every tree rung must be at least 1",
            ));
        }
        if s.forest_trees == 0 || s.boosting_stages == 0 {
            return Err(Error::param("n_trees", "must be at least 1"));
        }
        Ok(())
    }
}

/// A rung's score over the folds: the mean with its corrected resampled t interval.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    pub mean: f64,
    pub interval: [f64; 2],
    pub method: String,
}

/// One rung's results.
#[derive(Debug, Clone, Serialize)]
pub struct RungResult {
    pub rung: Rung,
    pub model: String,
    pub score: Score,
    /// The no-skill score, averaged over the held-out folds.
    pub score_baseline: f64,
    /// The score on each held-out fold, in fold order.
    pub fold_scores: Vec<f64>,
    /// Fitted parameters, mean over the folds (see `parameters_are`).
    pub parameters: usize,
    pub parameters_are: &'static str,
    /// This rung minus the best, in the metric's good direction (≤ 0 on average).
    pub difference_from_best: f64,
}

/// Measured times, mean over the folds, in milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct RungTiming {
    pub rung: Rung,
    pub fit_ms: f64,
    pub predict_ms: f64,
}

/// The simplest rung the folds do not rule out as equivalent to the best.
#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    pub rung: Rung,
    /// `best` (nothing simpler qualifies), `equivalence holds`, or `equivalence not ruled out`.
    pub basis: &'static str,
    /// The finding the choice rests on.
    pub finding: Option<String>,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub metric: Metric,
    pub design: String,
    pub rungs: Vec<RungResult>,
    pub best: Rung,
    pub recommendation: Recommendation,
    /// The no-skill model of the metric (`score_baseline` of every rung).
    pub baseline_model: &'static str,
    /// `null` when timing is off.
    pub timing: Option<Vec<RungTiming>>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type BaselineReport = Report<Checked<Params>, Results>;

/// One fold: per rung, (score, parameters, fit seconds, predict seconds).
type FoldRun = Vec<(f64, usize, f64, f64)>;

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<BaselineReport> {
    let y = data.binary_target()?;
    let labels = y.to_vec();
    let positives = labels.iter().sum::<usize>();
    if positives == 0 || positives == labels.len() {
        return Err(Error::input(format!(
            "{} has one class only ({} rows); the ladder needs positives and negatives",
            data.name,
            labels.len()
        )));
    }
    let (x, _) = encode::one_hot(data);
    let splits = Splitter::RepeatedStratified {
        n_splits: params.n_splits,
        n_repeats: params.n_repeats,
    }
    .split(labels.len(), Some(&labels), params.seed)?;
    let folds = &splits.folds;
    progress.start("folds", folds.len());
    let runs: Vec<FoldRun> = folds
        .par_iter()
        .enumerate()
        .map(|(f, fold)| {
            let (xt, yt) = (
                x.select(Axis(0), &fold.train),
                y.select(Axis(0), &fold.train),
            );
            let xs = x.select(Axis(0), &fold.test);
            let ys: Vec<usize> = fold.test.iter().map(|&i| labels[i]).collect();
            let out = LADDER
                .iter()
                .map(|&rung| {
                    let s =
                        seed::derive(params.seed, &format!("baseline/{}", rung.name()), f as u64);
                    let start = Instant::now();
                    let (model, n_params) = ladder::fit(rung, &params.sizes, &xt, &yt, s)?;
                    let fit = start.elapsed().as_secs_f64();
                    let start = Instant::now();
                    let proba = model.predict_proba(&xs).to_vec();
                    let predict = start.elapsed().as_secs_f64();
                    let pred: Vec<usize> = proba.iter().map(|&p| usize::from(p >= 0.5)).collect();
                    let score = params
                        .metric
                        .compute(&ys, &pred, &proba)
                        .unwrap_or(f64::NAN);
                    Ok((score, n_params, fit, predict))
                })
                .collect::<Result<FoldRun>>();
            progress.tick();
            out
        })
        .collect::<Result<_>>()?;
    progress.finish();
    let fold_baselines: Vec<f64> = folds
        .iter()
        .map(|f| {
            let yt: Vec<usize> = f.test.iter().map(|&i| labels[i]).collect();
            no_skill(params.metric, &yt)
        })
        .collect();
    let design = format!(
        "{}×{} repeated stratified cross-validation",
        params.n_repeats, params.n_splits
    );
    let results = summary::summarise(params, folds, &runs, &fold_baselines, design);
    Ok(
        Report::new("baseline", params.clone(), Some(data.summary()), results)
            .with_warnings(splits.warnings),
    )
}
