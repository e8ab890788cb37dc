//! Feature selection four ways on the same data: the order features enter the L1 path,
//! random-forest impurity importance, permutation importance on held-out rows, and
//! recursive feature elimination (RFE) with a logistic model; then the CV score of a
//! logistic model on each method's top features.

use mlproof_core::holdout::stratified_holdout;
use mlproof_core::model::pipeline::{Pipeline, Standardize};
use mlproof_core::model::{BinaryClassifier, ClassWeight, WeightedLogistic};
use mlproof_core::progress::Observer;
use mlproof_core::stats::Summary;
use mlproof_core::{Error, Result};
use mlproof_trees::ensemble::Forest;
use mlproof_trees::TreeParams;
use mlproof_validation::importance::permutation_importance;
use ndarray::{Array1, Array2, Axis};
use serde::Serialize;

use crate::design::Standardized;
use crate::logistic::LogisticProblem;
use crate::path::{walk_path, PathOptions, Response};
use crate::penalty::Penalty;

/// One method's ranking: feature indices, most important first, and each feature's score.
#[derive(Debug, Clone, Serialize)]
pub struct Ranking {
    pub method: &'static str,
    pub order: Vec<usize>,
    pub scores: Vec<f64>,
    pub subset_auc: Summary,
    /// The subset's ROC-AUC on each fold (the folds of `all_features_fold_auc`).
    pub subset_fold_auc: Vec<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Selection {
    pub keep: usize,
    pub all_features_auc: Summary,
    pub all_features_fold_auc: Vec<f64>,
    pub rankings: Vec<Ranking>,
}

/// The steps of [`selection`], as it reports them to an observer: four rankings, the CV of
/// all features, and the CV of each ranking's top features.
pub const STEPS: usize = 9;

const TREES: usize = 100;
const REPEATS: usize = 10;

pub fn selection(
    x: &Array2<f64>,
    y: &Array1<usize>,
    keep: usize,
    n_splits: usize,
    seed: u64,
    progress: &dyn Observer,
) -> Result<Selection> {
    let p = x.ncols();
    if keep == 0 || keep > p {
        return Err(Error::param(
            "keep",
            format!("must be between 1 and the {p} feature columns, got {keep}"),
        ));
    }
    progress.start("ranking and scoring features", STEPS);
    let labels = y.to_vec();
    let forest = Forest::new(
        TREES,
        Some(((p as f64).sqrt() as usize).max(1)),
        TreeParams::default(),
    )?;
    // The four rankings are independent: computed side by side (the L1 path and RFE are
    // sequential inside, the forest and the permutations parallel), gathered in this order.
    let ((l1, impurity), (permutation, rfe_rounds)) = rayon::join(
        || {
            rayon::join(
                || {
                    let r = l1_entry(x, &labels);
                    progress.tick();
                    r
                },
                || {
                    let r = forest_impurity(&forest, x, y, seed);
                    progress.tick();
                    r
                },
            )
        },
        || {
            rayon::join(
                || {
                    let r = permutation_scores(&forest, x, y, &labels, seed);
                    progress.tick();
                    r
                },
                || {
                    let r = rfe(x, &labels);
                    progress.tick();
                    r
                },
            )
        },
    );
    let methods: Vec<(&'static str, Vec<f64>)> = vec![
        ("L1 path entry", l1?),
        ("forest impurity", impurity?),
        ("permutation", permutation?),
        ("RFE (logistic)", rfe_rounds?),
    ];
    let (all_features_auc, all_features_fold_auc) =
        super::cv_auc(x, y, &logistic()?, n_splits, seed)?;
    progress.tick();
    let rankings = methods
        .into_iter()
        .map(|(method, scores)| {
            let mut order: Vec<usize> = (0..p).collect();
            order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
            let mut kept = order[..keep].to_vec();
            kept.sort_unstable();
            let (subset_auc, subset_fold_auc) =
                super::cv_auc(&x.select(Axis(1), &kept), y, &logistic()?, n_splits, seed)?;
            progress.tick();
            Ok(Ranking {
                method,
                order,
                scores,
                subset_auc,
                subset_fold_auc,
            })
        })
        .collect::<Result<_>>()?;
    progress.finish();
    Ok(Selection {
        keep,
        all_features_auc,
        all_features_fold_auc,
        rankings,
    })
}

/// Mean impurity importance over the trees of a forest fitted on all rows.
fn forest_impurity(
    forest: &Forest,
    x: &Array2<f64>,
    y: &Array1<usize>,
    seed: u64,
) -> Result<Vec<f64>> {
    let fitted = forest.fit_forest(x, y, seed)?;
    let mut impurity = vec![0.0; x.ncols()];
    for t in &fitted.trees {
        for (s, v) in impurity.iter_mut().zip(t.impurity_importances()) {
            *s += v / fitted.trees.len() as f64;
        }
    }
    Ok(impurity)
}

/// Mean permutation importance (ROC-AUC drop over [`REPEATS`] shuffles) on a stratified
/// quarter held out from a forest fitted on the rest.
fn permutation_scores(
    forest: &Forest,
    x: &Array2<f64>,
    y: &Array1<usize>,
    labels: &[usize],
    seed: u64,
) -> Result<Vec<f64>> {
    let (train, test) = stratified_holdout(labels, 2, 0.25, seed)?;
    let model = forest.fit(&x.select(Axis(0), &train), &y.select(Axis(0), &train), seed)?;
    let (_, perm) = permutation_importance(
        model.as_ref(),
        &x.select(Axis(0), &test),
        &y.select(Axis(0), &test),
        super::METRIC,
        REPEATS,
        seed,
    )?;
    Ok(perm.iter().map(|q| q.mean).collect())
}

fn logistic() -> Result<Pipeline> {
    Ok(Pipeline {
        steps: vec![Box::new(Standardize)],
        learner: Box::new(WeightedLogistic::new(1.0, ClassWeight::None)?)
            as Box<dyn BinaryClassifier>,
    })
}

/// Score = how early a feature enters the L1 logistic path: the number of α (from the
/// largest) at which it is non-zero, plus its final |w| as a tie-break below 1.
fn l1_entry(x: &Array2<f64>, y: &[usize]) -> Result<Vec<f64>> {
    let opts = PathOptions::new(1.0);
    // Only the coefficients are read: the path on all rows, without its cross-validation.
    let path = walk_path(x, &Response::Binary(y.to_vec()), &opts)?;
    let last = path
        .last()
        .map(|(_, fit)| fit.coef.to_vec())
        .unwrap_or_default();
    let top = last
        .iter()
        .fold(0.0f64, |m, w| m.max(w.abs()))
        .max(f64::MIN_POSITIVE);
    Ok((0..x.ncols())
        .map(|j| {
            let alive = path.iter().filter(|(_, fit)| fit.coef[j] != 0.0).count() as f64;
            alive + 0.5 * last[j].abs() / top
        })
        .collect())
}

/// RFE: fit L2 logistic regression (C = 1) on standardised columns, drop the feature with
/// the smallest |w|, refit, until one is left; a feature's score is the round it survived to.
fn rfe(x: &Array2<f64>, y: &[usize]) -> Result<Vec<f64>> {
    let p = x.ncols();
    let mut alive: Vec<usize> = (0..p).collect();
    let mut score = vec![0.0; p];
    let z = Standardized::fit(x).z;
    for round in 0..p {
        let problem = LogisticProblem::new(&z.select(Axis(1), &alive), y)?;
        let fit = problem.solve(Penalty::ridge(1.0 / y.len() as f64)?, &problem.null_fit())?;
        let weakest = (0..alive.len())
            .min_by(|&a, &b| {
                fit.coef[a]
                    .abs()
                    .total_cmp(&fit.coef[b].abs())
                    .then(a.cmp(&b))
            })
            .unwrap_or(0);
        score[alive[weakest]] = round as f64;
        alive.remove(weakest);
        if alive.is_empty() {
            break;
        }
    }
    Ok(score)
}
