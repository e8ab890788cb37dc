//! Claims about models: baselines, depth, scaling, data size, the ladder, importances, early
//! stopping.

use mlproof_core::evidence::{Direction, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::{log_loss, no_skill, Metric};
use mlproof_core::model::BinaryClassifier;
use mlproof_core::{seed, Result};
use mlproof_trees::boosting::{fit_staged, patience_stop, BoostingParams};
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::importance::permutation_importance;
use ndarray::{concatenate, Array2, Axis};
use rayon::prelude::*;

use super::design::Design;
use super::imbalance::design;
use super::learners;
use super::{judged, Context, Outcome};

pub fn accuracy_misleads(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let model = d.scored("logistic", learners::logistic)?;
    let base = d.scored("majority", || Ok(learners::majority()))?;
    // Per fold: how much more balanced accuracy separates the two models than accuracy does.
    let gap = |m: &str| -> Vec<f64> { model[m].iter().zip(&base[m]).map(|(a, b)| a - b).collect() };
    let (bal, acc) = (gap("balanced_accuracy"), gap("accuracy"));
    let excess: Vec<f64> = bal.iter().zip(&acc).map(|(b, a)| b - a).collect();
    let zeros = vec![0.0; excess.len()];
    Ok(judged(
        "accuracy-misleads",
        "balanced accuracy separates logistic regression from the majority baseline by more than accuracy does",
        crate::common::fold_difference(&excess, &zeros, &d.folds, &d.describe()),
        ctx.rope,
        Direction::Greater,
    ))
}

pub fn model_beats_baseline(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let model = d.scored("logistic", learners::logistic)?;
    Ok(judged(
        "model-beats-baseline",
        "logistic regression's ROC-AUC exceeds the no-skill 0.5",
        d.against(
            &model,
            Metric::RocAuc,
            no_skill(Metric::RocAuc, &d.y.to_vec()),
        ),
        ctx.rope,
        Direction::Greater,
    ))
}

/// Per-fold train − test accuracy of `learner`.
fn gaps(d: &Design, learner: &dyn BinaryClassifier) -> Result<Vec<f64>> {
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy],
        threshold: 0.5,
        train_scores: true,
        seed: seed::derive(d.seed, "claims/fit", 0),
    };
    let r = cross_validate(&d.x, &d.y, learner, &d.folds, &opts)?;
    Ok(r.folds
        .iter()
        .map(|f| f.train.as_ref().map_or(f64::NAN, |t| t["accuracy"]) - f.test["accuracy"])
        .collect())
}

pub fn depth_overfits(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let deep = gaps(d, learners::tree(None)?.as_ref())?;
    let stump = gaps(d, learners::tree(Some(1))?.as_ref())?;
    Ok(judged(
        "depth-overfits",
        "a full-depth tree's train − CV accuracy gap is wider than a depth-1 tree's",
        crate::common::fold_difference(&deep, &stump, &d.folds, &d.describe()),
        ctx.rope,
        Direction::Greater,
    ))
}

pub fn scaling_changes_knn(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let scaled = d.scores(learners::scaled_knn().as_ref())?;
    let raw = d.scores(learners::knn().as_ref())?;
    Ok(judged(
        "scaling-changes-knn",
        "standardising the features (in-fold) raises 5-NN's ROC-AUC",
        d.difference(&scaled, &raw, Metric::RocAuc),
        ctx.rope,
        Direction::Greater,
    ))
}

pub fn scaling_leaves_trees(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let scaled = d.scores(learners::scaled_tree()?.as_ref())?;
    let raw = d.scored("tree", || learners::tree(None))?;
    Ok(judged(
        "scaling-leaves-trees",
        "standardising the features leaves a full-depth tree's ROC-AUC exactly unchanged on every fold",
        d.difference(&scaled, &raw, Metric::RocAuc),
        Rope::exact(),
        Direction::Equivalent,
    ))
}

/// The share of each fold's training rows the small model sees.
pub const SMALL_SHARE: f64 = 0.2;

pub fn more_data_narrows_gap(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let learner = learners::tree(None)?;
    let acc = |fitted: &dyn mlproof_core::model::FittedBinary, rows: &[usize]| -> Result<f64> {
        let (x, y) = (d.x.select(Axis(0), rows), d.y.select(Axis(0), rows));
        let pred = fitted.predict(&x, 0.5).to_vec();
        mlproof_core::metrics::accuracy(&y.to_vec(), &pred)
    };
    let mut small_gap = Vec::new();
    let mut full_gap = Vec::new();
    for (i, fold) in d.folds.iter().enumerate() {
        let labels: Vec<usize> = fold.train.iter().map(|&r| d.y[r]).collect();
        let (_, kept) = stratified_holdout(
            &labels,
            2,
            SMALL_SHARE,
            seed::derive(d.seed, "claims/small", i as u64),
        )?;
        let small: Vec<usize> = kept.iter().map(|&k| fold.train[k]).collect();
        for (rows, out) in [(&small, &mut small_gap), (&fold.train, &mut full_gap)] {
            let (x, y) = (d.x.select(Axis(0), rows), d.y.select(Axis(0), rows));
            let fitted = learner.fit(&x, &y, d.seed)?;
            out.push(acc(fitted.as_ref(), rows)? - acc(fitted.as_ref(), &fold.test)?);
        }
    }
    Ok(judged(
        "more-data-narrows-gap",
        format!(
            "a full-depth tree's train − CV accuracy gap is narrower on all training rows than on {:.0}% of them",
            100.0 * SMALL_SHARE
        ),
        crate::common::fold_difference(&full_gap, &small_gap, &d.folds, &d.describe()),
        ctx.rope,
        Direction::Less,
    ))
}

/// Trees of the ladder's forest (fewer than scikit-learn's 100, to stay interactive).
pub const LADDER_TREES: usize = 50;

pub fn simple_model_suffices(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let scored = [
        (
            "logistic regression",
            d.scored("logistic", learners::logistic)?,
        ),
        (
            "depth-3 tree",
            d.scored("tree depth 3", || learners::tree(Some(3)))?,
        ),
        (
            "random forest",
            d.scored("forest", || learners::forest(LADDER_TREES, d.x.ncols()))?,
        ),
        (
            "gradient boosting",
            d.scored("boosting", learners::boosting)?,
        ),
    ];
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let (best, best_scores) = scored
        .iter()
        .max_by(|a, b| mean(&a.1["roc_auc"]).total_cmp(&mean(&b.1["roc_auc"])))
        .map(|(n, s)| (*n, s))
        .ok_or_else(|| mlproof_core::Error::internal("the ladder has no rung"))?;
    let e = d.difference(&scored[0].1, best_scores, Metric::RocAuc);
    let method = format!("{}; best rung by mean ROC-AUC: {best}", e.method);
    Ok(judged(
        "simple-model-suffices",
        "logistic regression, the simplest learned rung of the ladder (logistic, depth-3 tree, forest, boosting), is equivalent in ROC-AUC to the best rung",
        e.described(method),
        ctx.rope,
        Direction::Equivalent,
    ))
}

pub fn impurity_favours_cardinality(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let n = d.y.len();
    let order = seed::permutation(&mut seed::rng(d.seed, "claims/id-column", 0), n);
    let id = Array2::from_shape_fn((n, 1), |(i, _)| order[i] as f64);
    let x = concatenate(Axis(1), &[d.x.view(), id.view()])
        .map_err(|e| mlproof_core::Error::internal(e.to_string()))?;
    let j = x.ncols() - 1;
    let params = TreeParams::default().check()?;
    let excess = d
        .folds
        .iter()
        .enumerate()
        .map(|(i, fold)| {
            let (xt, yt) = (
                x.select(Axis(0), &fold.train),
                d.y.select(Axis(0), &fold.train),
            );
            let tree = Tree::fit_classifier(xt.view(), &yt.to_vec(), 2, None, &params)?;
            let impurity = tree.impurity_importances()[j];
            let (xs, ys) = (
                x.select(Axis(0), &fold.test),
                d.y.select(Axis(0), &fold.test),
            );
            let (_, perm) = permutation_importance(
                &tree,
                &xs,
                &ys,
                Metric::RocAuc,
                5,
                seed::derive(d.seed, "claims/permutation", i as u64),
            )?;
            Ok(impurity - perm[j].mean)
        })
        .collect::<Result<Vec<f64>>>()?;
    let zeros = vec![0.0; excess.len()];
    Ok(judged(
        "impurity-importance-favours-cardinality",
        "a random column with a distinct value per row gets more impurity importance (share of the tree's impurity decrease) than permutation importance (ROC-AUC drop on held-out rows)",
        crate::common::fold_difference(&excess, &zeros, &d.folds, &d.describe()),
        ctx.rope,
        Direction::Greater,
    ))
}

/// The early-stopping claim's boosting: up to 200 stages, patience 10 (n_iter_no_change).
const STAGES: usize = 200;
const PATIENCE: usize = 10;

pub fn early_stopping_helps(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let params = BoostingParams {
        n_stages: STAGES,
        learning_rate: 0.1,
        max_depth: 3,
    }
    .check()?;
    let pairs = d
        .folds
        .par_iter()
        .enumerate()
        .map(|(i, fold)| -> Result<(f64, f64)> {
            let labels: Vec<usize> = fold.train.iter().map(|&r| d.y[r]).collect();
            let (fit_at, val_at) = stratified_holdout(
                &labels,
                2,
                0.2,
                seed::derive(d.seed, "claims/early", i as u64),
            )?;
            let pick = |at: &[usize]| -> Vec<usize> { at.iter().map(|&k| fold.train[k]).collect() };
            let part = |rows: &[usize]| {
                (
                    d.x.select(Axis(0), rows),
                    d.y.select(Axis(0), rows).to_vec(),
                )
            };
            let ((xf, yf), (xv, yv)) = (part(&pick(&fit_at)), part(&pick(&val_at)));
            let (model, on_val) = fit_staged(&xf, &yf, &xv, &yv, &params)?;
            let stop = patience_stop(&on_val.validation, PATIENCE, 1e-4).unwrap_or(STAGES);
            let (xs, ys) = part(&fold.test);
            let loss = |stages: usize| log_loss(&ys, &model.predict_proba(&xs, stages).to_vec());
            Ok((loss(stop)?, loss(STAGES)?))
        })
        .collect::<Result<Vec<_>>>()?;
    let (stopped, last): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
    let prior = no_skill(Metric::LogLoss, &d.y.to_vec());
    Ok(judged(
        "early-stopping-helps",
        format!(
            "boosting stopped by patience {PATIENCE} on a validation split has a lower held-out log loss than its stage {STAGES}"
        ),
        crate::common::fold_difference(&stopped, &last, &d.folds, &d.describe()),
        Rope::relative(prior),
        Direction::Less,
    ))
}
