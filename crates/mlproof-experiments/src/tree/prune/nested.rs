//! Nested cross-validation of pruning: does a tree pruned at a cross-validated α beat the
//! full tree on rows neither the tree nor the choice of α has seen?
//!
//! For each outer fold: grow the full tree on the fold's training rows and take its pruning
//! path; split those training rows again (inner folds); at every α of the path, prune each
//! inner full tree and score it on its inner test rows; choose α by the one-standard-error
//! rule over the inner means; then score the outer tree pruned at that α, the outer full tree
//! and the no-skill baseline on the outer test rows (Varma & Simon 2006 on why the choice
//! must not see the test rows).

use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::stats::{one_standard_error, Summary};
use mlproof_core::Result;
use mlproof_trees::pruning::{prune, prune_along, pruning_path, WeakestLinks};
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::Fold;
use ndarray::{Array1, Array2, Axis};
use rayon::prelude::*;
use serde::Serialize;

use super::Params;

/// Per outer fold, in fold order.
#[derive(Debug, Clone, Serialize)]
pub struct Nested {
    /// The held-out score of the tree pruned at the inner-CV α.
    pub pruned: Vec<f64>,
    /// The held-out score of the full tree.
    pub full: Vec<f64>,
    /// The no-skill score on the same held-out rows.
    pub baseline: Vec<f64>,
    /// The α the inner CV chose.
    pub ccp_alpha: Vec<f64>,
    /// Leaves of the pruned outer tree.
    pub leaves: Vec<usize>,
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// `metric` of a tree on rows, predicting positive at P(y = 1) ≥ ½.
pub fn score(tree: &Tree, x: &Array2<f64>, y: &[usize], metric: Metric) -> Result<f64> {
    let proba = tree.predict_proba(x).column(1).to_vec();
    let pred: Vec<usize> = proba.iter().map(|&p| usize::from(p >= 0.5)).collect();
    metric.compute(y, &pred, &proba)
}

struct Outer {
    pruned: f64,
    full: f64,
    baseline: f64,
    ccp_alpha: f64,
    leaves: usize,
    warnings: Vec<String>,
}

pub fn compare(
    x: &Array2<f64>,
    y: &Array1<usize>,
    folds: &[Fold],
    params: &Params,
    tree: &TreeParams,
    progress: &dyn Observer,
) -> Result<Nested> {
    let metric = params.metric;
    progress.start("nested pruning (outer folds)", folds.len());
    let outer: Vec<Outer> = folds
        .par_iter()
        .enumerate()
        .map(|(k, fold)| {
            let r = one_outer(x, y, fold, k, params, tree, metric);
            progress.tick();
            r
        })
        .collect::<Result<_>>()?;
    progress.finish();
    Ok(Nested {
        pruned: outer.iter().map(|o| o.pruned).collect(),
        full: outer.iter().map(|o| o.full).collect(),
        baseline: outer.iter().map(|o| o.baseline).collect(),
        ccp_alpha: outer.iter().map(|o| o.ccp_alpha).collect(),
        leaves: outer.iter().map(|o| o.leaves).collect(),
        warnings: outer.into_iter().flat_map(|o| o.warnings).collect(),
    })
}

fn one_outer(
    x: &Array2<f64>,
    y: &Array1<usize>,
    fold: &Fold,
    k: usize,
    params: &Params,
    tree: &TreeParams,
    metric: Metric,
) -> Result<Outer> {
    let (x_tr, y_tr) = (
        x.select(Axis(0), &fold.train),
        y.select(Axis(0), &fold.train).to_vec(),
    );
    let (x_te, y_te) = (
        x.select(Axis(0), &fold.test),
        y.select(Axis(0), &fold.test).to_vec(),
    );
    let full = Tree::fit_classifier(x_tr.view(), &y_tr, 2, None, tree)?;
    let alphas = pruning_path(&full).ccp_alphas;
    let inner = params.splitter.split(
        x_tr.nrows(),
        Some(y_tr.as_slice()),
        seed::derive(params.seed, "tree-prune/inner", k as u64),
    )?;
    // scores[f][a]: inner fold f, α index a.
    let scores: Vec<Vec<f64>> = inner
        .folds
        .iter()
        .map(|f| {
            let yi: Vec<usize> = f.train.iter().map(|&i| y_tr[i]).collect();
            let t =
                Tree::fit_classifier(x_tr.select(Axis(0), &f.train).view(), &yi, 2, None, tree)?;
            let xt = x_tr.select(Axis(0), &f.test);
            let yt: Vec<usize> = f.test.iter().map(|&i| y_tr[i]).collect();
            let links = WeakestLinks::of(&t);
            alphas
                .iter()
                .map(|&a| {
                    let pruned = prune_along(&t, &links, a);
                    Ok(score(&pruned, &xt, &yt, metric).unwrap_or(f64::NAN))
                })
                .collect::<Result<Vec<f64>>>()
        })
        .collect::<Result<_>>()?;
    let points: Vec<Summary> = (0..alphas.len())
        .map(|a| Summary::of(&scores.iter().map(|s| s[a]).collect::<Vec<_>>()))
        .collect();
    let choice =
        one_standard_error(&points, metric.higher_is_better(), false).map_or(0, |r| r.choice);
    let pruned = prune(&full, alphas[choice]);
    Ok(Outer {
        pruned: score(&pruned, &x_te, &y_te, metric).unwrap_or(f64::NAN),
        full: score(&full, &x_te, &y_te, metric).unwrap_or(f64::NAN),
        baseline: no_skill(metric, &y_te),
        ccp_alpha: alphas[choice],
        leaves: pruned.n_leaves(),
        warnings: inner.warnings,
    })
}
