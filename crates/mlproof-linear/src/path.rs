//! Regularisation paths: every coefficient over a log-spaced α grid, fitted from the
//! largest α down with warm starts, with the training error and the cross-validated error
//! at each α, and the α chosen by minimum CV error and by the one-standard-error rule.

use mlproof_core::progress::{Observer, Silent};
use mlproof_core::stats::{one_standard_error, OneSe, Summary};
use mlproof_core::{Error, Result};
use mlproof_validation::{Fold, Splitter};
use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use crate::design::Standardized;
use crate::enet::{Gram, LinearFit};
use crate::logistic::{sigmoid, LogisticProblem};
use crate::penalty::{check_l1_ratio, Penalty};

/// The ratio α_min/α_max of the default grid (scikit-learn's `eps`).
pub const EPS: f64 = 1e-3;
/// The default number of α (scikit-learn's `n_alphas`).
pub const N_ALPHAS: usize = 100;
/// The most α a path may have.
pub const MAX_ALPHAS: usize = 10_000;
/// Below this ρ the grid's top is computed at this ρ: at ρ = 0 (ridge) no finite α zeroes
/// every coefficient. glmnet makes the same substitution; the grid then spans eps·1e-3
/// instead of eps, so that it ends where the lasso grid ends.
pub const MIN_GRID_L1_RATIO: f64 = 1e-3;

/// What is being predicted.
#[derive(Debug, Clone)]
pub enum Response {
    Continuous(Array1<f64>),
    /// Labels 0/1.
    Binary(Vec<usize>),
}

impl Response {
    fn select(&self, rows: &[usize]) -> Response {
        match self {
            Response::Continuous(y) => Response::Continuous(y.select(Axis(0), rows)),
            Response::Binary(y) => Response::Binary(rows.iter().map(|&i| y[i]).collect()),
        }
    }

    /// The error reported along the path: mean squared error, or mean log loss.
    pub fn error_name(&self) -> &'static str {
        match self {
            Response::Continuous(_) => "MSE",
            Response::Binary(_) => "log loss",
        }
    }

    /// Mean error of the decision values `eta` (Xw + b).
    pub fn error(&self, eta: &Array1<f64>) -> f64 {
        let n = eta.len().max(1) as f64;
        match self {
            Response::Continuous(y) => {
                y.iter().zip(eta).map(|(y, e)| (y - e).powi(2)).sum::<f64>() / n
            }
            Response::Binary(y) => {
                let loss: f64 = y
                    .iter()
                    .zip(eta)
                    .map(|(&y, &e)| {
                        let p = sigmoid(e).clamp(1e-15, 1.0 - 1e-15);
                        -if y == 1 { p.ln() } else { (1.0 - p).ln() }
                    })
                    .sum();
                loss / n
            }
        }
    }
}

/// A fitted problem that can walk an α grid: the Gram matrix or the logistic data.
enum Solver {
    Gram(Gram),
    Logistic(LogisticProblem),
}

impl Solver {
    fn new(z: &Array2<f64>, response: &Response) -> Result<Self> {
        Ok(match response {
            Response::Continuous(y) => Solver::Gram(Gram::new(z, y)),
            Response::Binary(y) => Solver::Logistic(LogisticProblem::new(z, y)?),
        })
    }

    fn alpha_max(&self, l1_ratio: f64) -> f64 {
        let rho = l1_ratio.max(MIN_GRID_L1_RATIO);
        match self {
            Solver::Gram(g) => g.alpha_max(rho),
            Solver::Logistic(l) => l.alpha_max(rho),
        }
    }

    /// The fits at every α, in the order given, each warm-started from the previous.
    fn walk(&self, l1_ratio: f64, alphas: &[f64], p: usize) -> Result<Vec<LinearFit>> {
        let mut fits: Vec<LinearFit> = Vec::with_capacity(alphas.len());
        for &alpha in alphas {
            let pen = Penalty::new(alpha, l1_ratio)?;
            let fit = match self {
                Solver::Gram(g) => {
                    let start = fits
                        .last()
                        .map_or_else(|| Array1::zeros(p), |f| f.coef.clone());
                    let fit = g.solve(pen, &start);
                    if fit.n_iter >= crate::enet::MAX_SWEEPS {
                        return Err(Error::input(format!(
                            "coordinate descent did not converge in {} sweeps at α = {alpha:.4e}",
                            crate::enet::MAX_SWEEPS
                        )));
                    }
                    fit
                }
                Solver::Logistic(l) => {
                    let start = fits.last().cloned().unwrap_or_else(|| l.null_fit());
                    l.solve(pen, &start)?
                }
            };
            fits.push(fit);
        }
        Ok(fits)
    }
}

/// `n` α from `alpha_max` down to `alpha_max·eps`, evenly spaced in log α.
pub fn alpha_grid(alpha_max: f64, n: usize, eps: f64) -> Result<Vec<f64>> {
    if !(2..=MAX_ALPHAS).contains(&n) {
        return Err(Error::param(
            "n_alphas",
            format!("must be between 2 and {MAX_ALPHAS}: a path needs at least two α (got {n})"),
        ));
    }
    if !(eps > 0.0 && eps < 1.0) {
        return Err(Error::param("eps", format!("must be in (0, 1), got {eps}")));
    }
    let step = eps.ln() / (n - 1) as f64;
    Ok((0..n)
        .map(|i| alpha_max * (step * i as f64).exp())
        .collect())
}

/// One α of a path.
#[derive(Debug, Clone, Serialize)]
pub struct PathPoint {
    pub alpha: f64,
    /// On standardised features.
    pub coef: Vec<f64>,
    pub intercept: f64,
    pub n_nonzero: usize,
    pub train_error: f64,
    pub cv_error: f64,
    /// Standard error of the CV error: the fold errors' standard deviation / √k.
    pub cv_se: f64,
    /// The CV error of each fold, in fold order (the same folds at every α).
    pub cv_folds: Vec<f64>,
}

/// A whole path with its two choices of α.
#[derive(Debug, Clone, Serialize)]
pub struct Path {
    pub l1_ratio: f64,
    pub error: &'static str,
    pub n_splits: usize,
    pub points: Vec<PathPoint>,
    /// Index of the α with the least CV error.
    pub best: usize,
    /// Index of the largest α whose CV error is within one standard error of the best.
    pub one_se: usize,
    /// The one-standard-error rule as applied: the best point's SE and the cut-off
    /// (best CV error + SE) every point was held to.
    pub one_se_rule: OneSe,
    /// The no-skill model's CV error (the training fold's mean, or its prior, predicted for
    /// every test row), the mean over folds.
    pub cv_baseline: f64,
    /// The no-skill model's error on each fold.
    pub cv_baseline_folds: Vec<f64>,
    /// The folds behind every CV error.
    #[serde(skip)]
    pub folds: Vec<Fold>,
    /// What the fold split warned about (scikit-learn's warnings for the same folds).
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// The CV errors of a grid: per α and fold, with the no-skill model's per fold.
#[derive(Debug, Clone)]
pub struct CvErrors {
    pub folds: Vec<Fold>,
    /// `errors[i][f]`: the error at the i-th α on fold f.
    pub errors: Vec<Vec<f64>>,
    /// The no-skill model's error on each fold.
    pub baseline: Vec<f64>,
    pub warnings: Vec<String>,
}

impl CvErrors {
    /// Mean over folds and its standard error (fold standard deviation / √k) at each α.
    pub fn summaries(&self) -> Vec<(f64, f64)> {
        self.errors.iter().map(|e| mean_se(e)).collect()
    }
}

/// Mean of the fold errors and its standard error: sample sd (k − 1) / √k.
fn mean_se(errs: &[f64]) -> (f64, f64) {
    let k = errs.len() as f64;
    let mean = errs.iter().sum::<f64>() / k;
    let var = errs.iter().map(|e| (e - mean).powi(2)).sum::<f64>() / (k - 1.0);
    (mean, (var / k).sqrt())
}

/// Options of [`fit_path`].
#[derive(Debug, Clone)]
pub struct PathOptions {
    pub l1_ratio: f64,
    pub n_alphas: usize,
    pub eps: f64,
    /// The α to use instead of the automatic grid (sorted descending before fitting).
    pub alphas: Option<Vec<f64>>,
    pub n_splits: usize,
    pub seed: u64,
    /// Rows are in time order: validate on later rows only (`TimeSeriesSplit`), never
    /// shuffled k-fold.
    pub time_ordered: bool,
}

impl PathOptions {
    pub fn new(l1_ratio: f64) -> Self {
        PathOptions {
            l1_ratio,
            n_alphas: N_ALPHAS,
            eps: EPS,
            alphas: None,
            n_splits: 5,
            seed: 0,
            time_ordered: false,
        }
    }
}

/// The α of a path, descending: `opts.alphas`, or the grid from α_max down by `opts.eps`.
fn grid(solver: &Solver, opts: &PathOptions) -> Result<Vec<f64>> {
    Ok(match &opts.alphas {
        Some(a) => sorted_alphas(a)?,
        None => {
            let top = solver.alpha_max(opts.l1_ratio);
            if !(top.is_finite() && top > 0.0) {
                return Err(Error::input(
                    "no feature varies with the target (Xᵀ(y − ȳ) = 0): every coefficient is \
                     zero at any α, so there is no path to draw",
                ));
            }
            // Below MIN_GRID_L1_RATIO the top is computed at MIN_GRID_L1_RATIO, which raises
            // it by 1/MIN_GRID_L1_RATIO over the lasso's; the grid reaches down by the same
            // factor, so it ends where the lasso grid ends.
            let eps = if opts.l1_ratio < MIN_GRID_L1_RATIO {
                opts.eps * MIN_GRID_L1_RATIO
            } else {
                opts.eps
            };
            alpha_grid(top, opts.n_alphas, eps)?
        }
    })
}

/// The path on all rows alone, without cross-validation: each α of the grid (descending)
/// with its fit on the standardised columns, the numbers [`fit_path`]'s points hold.
pub fn walk_path(
    x: &Array2<f64>,
    response: &Response,
    opts: &PathOptions,
) -> Result<Vec<(f64, LinearFit)>> {
    check_l1_ratio(opts.l1_ratio)?;
    let design = Standardized::fit(x);
    let solver = Solver::new(&design.z, response)?;
    let alphas = grid(&solver, opts)?;
    let fits = solver.walk(opts.l1_ratio, &alphas, x.ncols())?;
    Ok(alphas.into_iter().zip(fits).collect())
}

/// Fits the path on all rows of `x` (standardised inside) and cross-validates it on
/// shuffled k folds (stratified for a binary response; forward-chaining time-series folds
/// for time-ordered rows), standardising inside each fold.
/// The grid comes from all rows, as scikit-learn's `ElasticNetCV` takes it.
pub fn fit_path(x: &Array2<f64>, response: &Response, opts: &PathOptions) -> Result<Path> {
    fit_path_observed(x, response, opts, &Silent)
}

/// [`fit_path`], reporting each cross-validation fold to `progress`.
pub fn fit_path_observed(
    x: &Array2<f64>,
    response: &Response,
    opts: &PathOptions,
    progress: &dyn Observer,
) -> Result<Path> {
    check_l1_ratio(opts.l1_ratio)?;
    let design = Standardized::fit(x);
    let solver = Solver::new(&design.z, response)?;
    let alphas = grid(&solver, opts)?;
    let p = x.ncols();
    // The path on all rows and the folds' paths are independent: computed side by side.
    let (fits, cv) = rayon::join(
        || solver.walk(opts.l1_ratio, &alphas, p),
        || cv_errors(x, response, opts.l1_ratio, &alphas, opts, progress),
    );
    let (fits, cv) = (fits?, cv?);
    let points: Vec<PathPoint> = fits
        .iter()
        .zip(&alphas)
        .zip(cv.summaries())
        .zip(&cv.errors)
        .map(|(((fit, &alpha), (cv_error, cv_se)), folds)| PathPoint {
            alpha,
            coef: fit.coef.to_vec(),
            intercept: fit.intercept,
            n_nonzero: fit.n_nonzero(),
            train_error: response.error(&fit.decision(design.z.view())),
            cv_error,
            cv_se,
            cv_folds: folds.clone(),
        })
        .collect();
    let rule = choose(&points)?;
    Ok(Path {
        l1_ratio: opts.l1_ratio,
        error: response.error_name(),
        n_splits: opts.n_splits,
        points,
        best: rule.best,
        one_se: rule.choice,
        one_se_rule: rule,
        cv_baseline: cv.baseline.iter().sum::<f64>() / cv.baseline.len().max(1) as f64,
        cv_baseline_folds: cv.baseline,
        folds: cv.folds,
        warnings: cv.warnings,
    })
}

/// The CV error (mean over folds, and its standard error: fold standard deviation / √k)
/// at each of `alphas` (descending), each fold's path warm-started as on all rows.
pub fn cross_validate(
    x: &Array2<f64>,
    response: &Response,
    l1_ratio: f64,
    alphas: &[f64],
    opts: &PathOptions,
) -> Result<Vec<(f64, f64)>> {
    Ok(cv_errors(x, response, l1_ratio, alphas, opts, &Silent)?.summaries())
}

/// The test error of every fold at each of `alphas` (descending), and of the no-skill model
/// fitted on the same training rows; `progress` ticks once per fold.
pub fn cv_errors(
    x: &Array2<f64>,
    response: &Response,
    l1_ratio: f64,
    alphas: &[f64],
    opts: &PathOptions,
    progress: &dyn Observer,
) -> Result<CvErrors> {
    let (folds, warnings) = folds(x.nrows(), response, opts)?;
    progress.start("cross-validating the path", folds.len());
    let fold_errors: Vec<(Vec<f64>, f64)> = folds
        .par_iter()
        .map(|fold| {
            let e = fold_path_errors(x, response, fold, l1_ratio, alphas)?;
            progress.tick();
            Ok((e, no_skill_error(response, fold)))
        })
        .collect::<Result<_>>()?;
    progress.finish();
    Ok(CvErrors {
        errors: (0..alphas.len())
            .map(|i| fold_errors.iter().map(|(e, _)| e[i]).collect())
            .collect(),
        baseline: fold_errors.iter().map(|&(_, b)| b).collect(),
        folds,
        warnings,
    })
}

/// The test error of the model that ignores the features, fitted on the fold's training
/// rows: their mean (MSE) or their prior P(y = 1) (log loss), predicted for every test row.
/// scikit-learn's `DummyRegressor()` and `DummyClassifier(strategy="prior")`.
fn no_skill_error(response: &Response, fold: &Fold) -> f64 {
    let train = response.select(&fold.train);
    let eta = match &train {
        Response::Continuous(y) => y.mean().unwrap_or(f64::NAN),
        Response::Binary(y) => {
            let p = y.iter().filter(|&&v| v == 1).count() as f64 / y.len().max(1) as f64;
            (p / (1.0 - p)).ln()
        }
    };
    response
        .select(&fold.test)
        .error(&Array1::from_elem(fold.test.len(), eta))
}

/// The α with the least CV error, and the largest α whose CV error is at most that minimum
/// plus its standard error, searched over every α (Hastie, Tibshirani & Friedman, *Elements
/// of Statistical Learning*, §7.10), by [`one_standard_error`] on the fold errors. Points
/// run from the largest α (the simplest model) down.
pub fn choose(points: &[PathPoint]) -> Result<OneSe> {
    let summaries: Vec<Summary> = points.iter().map(|q| Summary::of(&q.cv_folds)).collect();
    one_standard_error(&summaries, false, true)
        .ok_or_else(|| Error::input("no α of the path has a defined CV error"))
}

fn sorted_alphas(given: &[f64]) -> Result<Vec<f64>> {
    if given.len() < 2 {
        return Err(Error::param(
            "alphas",
            format!("must hold at least two α for a path, got {}", given.len()),
        ));
    }
    for &a in given {
        Penalty::new(a, 1.0)?;
    }
    let mut a = given.to_vec();
    a.sort_by(|x, y| y.total_cmp(x));
    a.dedup();
    Ok(a)
}

fn folds(n: usize, response: &Response, opts: &PathOptions) -> Result<(Vec<Fold>, Vec<String>)> {
    let (splitter, labels) = match response {
        _ if opts.time_ordered => (
            Splitter::TimeSeries {
                n_splits: opts.n_splits,
                max_train_size: None,
                test_size: None,
                gap: 0,
            },
            None,
        ),
        Response::Continuous(_) => (
            Splitter::KFold {
                n_splits: opts.n_splits,
                shuffle: true,
            },
            None,
        ),
        Response::Binary(y) => (
            Splitter::Stratified {
                n_splits: opts.n_splits,
                shuffle: true,
            },
            Some(y.as_slice()),
        ),
    };
    let s = splitter.check()?.split(n, labels, opts.seed)?;
    Ok((s.folds, s.warnings))
}

/// Test error at every α of a path fitted on the fold's training rows.
fn fold_path_errors(
    x: &Array2<f64>,
    response: &Response,
    fold: &Fold,
    l1_ratio: f64,
    alphas: &[f64],
) -> Result<Vec<f64>> {
    let train = Standardized::fit(&x.select(Axis(0), &fold.train));
    let test_z = train.scaler.transform(&x.select(Axis(0), &fold.test));
    let test_y = response.select(&fold.test);
    let solver = Solver::new(&train.z, &response.select(&fold.train))?;
    let fits = solver.walk(l1_ratio, alphas, x.ncols())?;
    Ok(fits
        .iter()
        .map(|f| test_y.error(&f.decision(test_z.view())))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walking_the_path_alone_gives_the_coefficients_of_the_full_path() {
        let (x, continuous) = regression();
        let Response::Continuous(y) = &continuous else {
            unreachable!()
        };
        let binary = Response::Binary(y.iter().map(|&v| usize::from(v > 0.0)).collect());
        for (response, l1_ratio) in [(&continuous, 0.5), (&binary, 1.0)] {
            let opts = PathOptions::new(l1_ratio);
            let full = fit_path(&x, response, &opts).unwrap();
            let walked = walk_path(&x, response, &opts).unwrap();
            assert_eq!(walked.len(), full.points.len());
            for ((alpha, fit), point) in walked.iter().zip(&full.points) {
                assert_eq!(alpha.to_bits(), point.alpha.to_bits());
                assert_eq!(fit.coef.to_vec(), point.coef);
                assert_eq!(fit.intercept.to_bits(), point.intercept.to_bits());
            }
        }
    }

    fn regression() -> (Array2<f64>, Response) {
        let n = 200;
        let x = Array2::from_shape_fn((n, 6), |(i, j)| ((i * (2 * j + 1)) as f64 * 0.173).sin());
        let y = Array1::from_shape_fn(n, |i| {
            3.0 * x[[i, 0]] - 2.0 * x[[i, 3]] + 0.5 * (i as f64).cos()
        });
        (x, Response::Continuous(y))
    }

    #[test]
    fn the_grid_is_log_spaced_from_alpha_max_down() {
        let g = alpha_grid(10.0, 4, 1e-3).unwrap();
        let want = [10.0, 1.0, 0.1, 0.01];
        for (a, b) in g.iter().zip(want) {
            assert!((a / b - 1.0).abs() < 1e-12, "{a} vs {b}");
        }
        assert_eq!(alpha_grid(1.0, 1, 1e-3).unwrap_err().exit_code(), 2);
    }

    #[test]
    fn a_lasso_path_starts_empty_and_grows_and_cv_picks_a_sparser_alpha_by_one_se() {
        let (x, y) = regression();
        let path = fit_path(&x, &y, &PathOptions::new(1.0)).unwrap();
        assert_eq!(path.points.len(), N_ALPHAS);
        assert_eq!(path.points[0].n_nonzero, 0);
        assert!(path.points[N_ALPHAS - 1].n_nonzero >= 2);
        assert!(path.one_se <= path.best, "one-SE α is at least the best α");
        let tr: Vec<f64> = path.points.iter().map(|p| p.train_error).collect();
        assert!(
            tr.windows(2).all(|w| w[1] <= w[0] + 1e-12),
            "training error falls with α"
        );
    }

    #[test]
    fn the_path_is_the_same_at_any_thread_count() {
        let (x, y) = regression();
        let run = |t| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .unwrap();
            pool.install(|| fit_path(&x, &y, &PathOptions::new(0.5)).unwrap())
        };
        let (a, b) = (run(1), run(2));
        let cv = |p: &Path| {
            p.points
                .iter()
                .map(|q| q.cv_error.to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(cv(&a), cv(&b));
    }

    #[test]
    fn fewer_than_two_alphas_is_a_usage_error() {
        let (x, y) = regression();
        let mut o = PathOptions::new(1.0);
        o.alphas = Some(vec![0.1]);
        assert_eq!(fit_path(&x, &y, &o).unwrap_err().exit_code(), 2);
        o.alphas = Some(vec![0.1, -1.0]);
        assert_eq!(fit_path(&x, &y, &o).unwrap_err().exit_code(), 2);
    }
}
