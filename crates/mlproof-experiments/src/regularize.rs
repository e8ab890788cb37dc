//! `regularize`: an L1, L2 or elastic-net fit at one α, or the whole path with α chosen by
//! cross-validation (its minimum) and by the one-standard-error rule, each judged against
//! the no-skill model on the same folds. The demos (`demo`) measure the claims about
//! sparsity and about correlated features on generated data.

pub mod demo;
mod findings;

use std::collections::BTreeMap;

use mlproof_core::evidence::Finding;
use mlproof_core::metrics::{no_skill, no_skill_mse, Metric};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{Dataset, Target, Task};
use mlproof_linear::path::{cv_errors, fit_path_observed, MAX_ALPHAS};
use mlproof_linear::{one_hot, Path, PathOptions, Penalty, Response, Standardized};
use serde::Serialize;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// Which penalty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PenaltyKind {
    /// The lasso, ρ = 1.
    L1,
    /// Ridge, ρ = 0.
    L2,
    /// Elastic net, ρ = `l1_ratio` (0.5 unless given).
    Elasticnet,
}

impl PenaltyKind {
    pub fn name(self) -> &'static str {
        match self {
            PenaltyKind::L1 => "l1",
            PenaltyKind::L2 => "l2",
            PenaltyKind::Elasticnet => "elasticnet",
        }
    }
}

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    pub penalty: PenaltyKind,
    /// Elastic net's mix ρ; only with [`PenaltyKind::Elasticnet`] (default 0.5).
    pub l1_ratio: Option<f64>,
    /// Fit at this one α; `None`: the whole path.
    pub alpha: Option<f64>,
    /// The number of α on the path (path only).
    pub n_alphas: usize,
    pub n_splits: usize,
    /// The task the target must have; `None`: inferred from the target.
    pub task: Option<Task>,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            penalty: PenaltyKind::L1,
            l1_ratio: None,
            alpha: None,
            n_alphas: mlproof_linear::path::N_ALPHAS,
            n_splits: 5,
            task: None,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Params {
    /// ρ: 1 for L1, 0 for L2, the given mix (or 0.5) for the elastic net.
    pub fn resolved_l1_ratio(&self) -> f64 {
        match self.penalty {
            PenaltyKind::L1 => 1.0,
            PenaltyKind::L2 => 0.0,
            PenaltyKind::Elasticnet => self.l1_ratio.unwrap_or(0.5),
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if self.penalty != PenaltyKind::Elasticnet && self.l1_ratio.is_some() {
            return Err(Error::param(
                "l1_ratio",
                format!(
                    "applies to the elasticnet penalty only; penalty {} fixes it at {}",
                    self.penalty.name(),
                    self.resolved_l1_ratio()
                ),
            ));
        }
        mlproof_linear::penalty::check_l1_ratio(self.resolved_l1_ratio())?;
        if let Some(alpha) = self.alpha {
            Penalty::new(alpha, self.resolved_l1_ratio())?;
            if self.n_alphas != Params::default().n_alphas {
                return Err(Error::param(
                    "n_alphas",
                    "applies to a path, not to a fit at one alpha",
                ));
            }
        } else if !(2..=MAX_ALPHAS).contains(&self.n_alphas) {
            return Err(Error::param(
                "n_alphas",
                format!(
                    "must be 2 to {MAX_ALPHAS}: a path needs at least two α (got {})",
                    self.n_alphas
                ),
            ));
        }
        if self.n_splits < 2 {
            return Err(Error::param(
                "n_splits",
                format!("must be at least 2 folds, got {}", self.n_splits),
            ));
        }
        Ok(())
    }
}

/// The parameters as applied to the data: ρ, the task and the fold design resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Applied {
    pub penalty: &'static str,
    pub l1_ratio: f64,
    pub alpha: Option<f64>,
    pub n_alphas: Option<usize>,
    pub n_splits: usize,
    /// "stratified", "shuffled" (k-fold) or "time-series".
    pub cv: &'static str,
    pub task: &'static str,
    pub seed: u64,
}

/// One fit. Coefficients are on standardised features; `raw_*` on the original scale.
#[derive(Debug, Clone, Serialize)]
pub struct Single {
    pub features: Vec<String>,
    pub coefficients: BTreeMap<String, f64>,
    pub intercept: f64,
    pub raw_coefficients: BTreeMap<String, f64>,
    pub raw_intercept: f64,
    pub n_nonzero: usize,
    pub error: &'static str,
    pub train_error: f64,
    /// The no-skill model's error on all rows (the mean's MSE, the prior's log loss).
    pub train_baseline: f64,
    pub cv_error: f64,
    pub cv_se: f64,
    /// The no-skill model's CV error on the same folds.
    pub cv_baseline: f64,
    pub cv_folds: Vec<f64>,
    pub cv_baseline_folds: Vec<f64>,
    pub constant_columns: Vec<String>,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// A path with its two choices of α.
#[derive(Debug, Clone, Serialize)]
pub struct PathResult {
    pub features: Vec<String>,
    /// Coefficients (standardised) by feature name at the two chosen α.
    pub at_min_cv: BTreeMap<String, f64>,
    pub at_one_se: BTreeMap<String, f64>,
    pub constant_columns: Vec<String>,
    /// The no-skill model's error on all rows, beside each point's `train_error`.
    pub train_baseline: f64,
    pub path: Path,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// One fit or a path.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Results {
    Single(Box<Single>),
    Path(Box<PathResult>),
}

pub type RegularizeReport = Report<Applied, Results>;

/// The response of `data` as the task asks; an error when the task does not fit the target.
pub fn response(data: &Dataset, task: Option<Task>) -> Result<Response> {
    if let Some(t) = task {
        if t != data.task() {
            let (asked, is) = match t {
                Task::Regression => ("regression", "a class target"),
                Task::Classification => ("classification", "continuous"),
            };
            return Err(Error::param(
                "task",
                format!(
                    "{asked} does not fit target '{}' of {}, which is {is}; name another \
                     column as the target",
                    data.target_name, data.name
                ),
            ));
        }
    }
    let response = match &data.target {
        Target::Continuous { y } => Response::Continuous(y.clone()),
        Target::Classes { .. } => Response::Binary(data.binary_target()?.to_vec()),
    };
    if let Response::Continuous(y) = &response {
        if y.iter().all(|&v| v == y[0]) {
            return Err(Error::input(format!(
                "target '{}' is constant: there is nothing to regress",
                data.target_name
            )));
        }
    }
    Ok(response)
}

/// The no-skill model's error on every row: the mean's MSE or the prior's log loss.
pub fn no_skill_error(response: &Response) -> f64 {
    match response {
        Response::Continuous(y) => no_skill_mse(y.as_slice().unwrap_or(&y.to_vec())),
        Response::Binary(y) => no_skill(Metric::LogLoss, y),
    }
}

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<RegularizeReport> {
    let response = response(data, params.task)?;
    let l1_ratio = params.resolved_l1_ratio();
    let (x, names) = one_hot(data);
    let design = Standardized::fit(&x);
    let mut opts = PathOptions::new(l1_ratio);
    opts.n_alphas = params.n_alphas;
    opts.n_splits = params.n_splits;
    opts.seed = params.seed;
    opts.time_ordered = data.time.is_some();
    let applied = Applied {
        penalty: params.penalty.name(),
        l1_ratio,
        alpha: params.alpha,
        n_alphas: params.alpha.is_none().then_some(params.n_alphas),
        n_splits: params.n_splits,
        cv: match (&response, opts.time_ordered) {
            (_, true) => "time-series",
            (Response::Binary(_), false) => "stratified",
            (Response::Continuous(_), false) => "shuffled",
        },
        task: match response {
            Response::Continuous(_) => "regression",
            Response::Binary(_) => "classification",
        },
        seed: params.seed,
    };
    let design_name = format!("{} {}-fold CV", applied.cv, params.n_splits);
    let constant: Vec<String> = design.constant.iter().map(|&j| names[j].clone()).collect();
    let by_name = |coef: &[f64]| -> BTreeMap<String, f64> {
        names.iter().cloned().zip(coef.iter().copied()).collect()
    };
    let train_baseline = no_skill_error(&response);
    let (results, warnings) = match params.alpha {
        Some(alpha) => {
            let fit = mlproof_linear::fit(&design.z, &response, Penalty::new(alpha, l1_ratio)?)?;
            let cv = cv_errors(&x, &response, l1_ratio, &[alpha], &opts, progress)?;
            let (cv_error, cv_se) = cv.summaries()[0];
            let (raw, raw_intercept) = design.to_raw(&fit.coef, fit.intercept);
            let cv_baseline = mean(&cv.baseline);
            let fs = findings::single(
                &cv.errors[0],
                &cv.baseline,
                &cv.folds,
                &design_name,
                (names.len() - fit.n_nonzero(), names.len()),
                l1_ratio,
                response.error_name(),
            );
            let reading = format!(
                "At α = {}, {} of {} coefficients are non-zero; CV {} {} against the no-skill \
                 model's {}. {}",
                mlproof_core::evidence::number(alpha),
                fit.n_nonzero(),
                names.len(),
                response.error_name(),
                mlproof_core::evidence::number(cv_error),
                mlproof_core::evidence::number(cv_baseline),
                mlproof_core::evidence::reading(&fs)
            );
            let single = Single {
                features: names.clone(),
                coefficients: by_name(fit.coef.as_slice().unwrap_or(&fit.coef.to_vec())),
                intercept: fit.intercept,
                raw_coefficients: by_name(raw.as_slice().unwrap_or(&raw.to_vec())),
                raw_intercept,
                n_nonzero: fit.n_nonzero(),
                error: response.error_name(),
                train_error: response.error(&fit.decision(design.z.view())),
                train_baseline,
                cv_error,
                cv_se,
                cv_baseline,
                cv_folds: cv.errors[0].clone(),
                cv_baseline_folds: cv.baseline,
                constant_columns: constant,
                findings: fs,
                reading,
            };
            (Results::Single(Box::new(single)), cv.warnings)
        }
        None => {
            let path = fit_path_observed(&x, &response, &opts, progress)?;
            let fs = findings::path(&path, &design_name, names.len());
            let reading = findings::path_reading(&path, &fs);
            let warnings = path.warnings.clone();
            let result = PathResult {
                at_min_cv: by_name(&path.points[path.best].coef),
                at_one_se: by_name(&path.points[path.one_se].coef),
                features: names.clone(),
                constant_columns: constant,
                train_baseline,
                path,
                findings: fs,
                reading,
            };
            (Results::Path(Box::new(result)), warnings)
        }
    };
    Ok(Report::new("regularize", applied, Some(data.summary()), results).with_warnings(warnings))
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

#[cfg(test)]
mod tests;
