//! Claims about trees and ensembles: pruning, and the 0-1 bias-variance decomposition
//! (Domingos 2000, mlxtend's `bias_variance_decomp`) of single trees against bagging, forests
//! and boosting.

use mlproof_core::evidence::Direction;
use mlproof_core::model::{BinaryClassifier, ClassWeight, FittedBinary};
use mlproof_core::{seed, Result};
use mlproof_trees::boosting::BoostingParams;
use mlproof_trees::ensemble::{Boosting, Forest};
use mlproof_trees::pruning::{prune, prune_along, pruning_path, WeakestLinks};
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::bias_variance::{zero_one, ZeroOne};
use mlproof_validation::Splitter;
use ndarray::{Array2, Axis};
use rand::Rng;
use rayon::prelude::*;

use super::design::Design;
use super::imbalance::design;
use super::learners;
use super::{judged, Context, Outcome};

/// Bootstrap rounds of each decomposition, and the ensembles' size: small, to stay
/// interactive (mlproof tree ensemble runs the full design).
pub const ROUNDS: usize = 10;
pub const ENSEMBLE_TREES: usize = 10;

/// The 0-1 decomposition of `learner` on each fold of the first repeat: bootstrap samples of
/// the training rows, predictions on the test rows.
fn decompose(d: &Design, learner: &dyn BinaryClassifier, stream: &str) -> Result<Vec<ZeroOne>> {
    d.folds[..d.k]
        .par_iter()
        .enumerate()
        .map(|(f, fold)| {
            let (xs, ys) = (
                d.x.select(Axis(0), &fold.test),
                d.y.select(Axis(0), &fold.test),
            );
            let mut pred = Array2::<usize>::zeros((ROUNDS, fold.test.len()));
            for r in 0..ROUNDS {
                let mut rng = seed::rng(d.seed, stream, (f * ROUNDS + r) as u64);
                let rows: Vec<usize> = (0..fold.train.len())
                    .map(|_| fold.train[rng.gen_range(0..fold.train.len())])
                    .collect();
                let (xt, yt) = (d.x.select(Axis(0), &rows), d.y.select(Axis(0), &rows));
                let fitted = learner.fit(&xt, &yt, seed::derive(d.seed, stream, r as u64))?;
                pred.row_mut(r).assign(&fitted.predict(&xs, 0.5));
            }
            Ok(zero_one(&pred, &ys.to_vec()))
        })
        .collect()
}

fn first_repeat(d: &Design) -> &[mlproof_validation::Fold] {
    &d.folds[..d.k]
}

fn forest(max_features: Option<usize>) -> Result<Box<dyn BinaryClassifier>> {
    Ok(Box::new(Forest {
        n_trees: ENSEMBLE_TREES,
        max_features,
        tree: TreeParams::default().check()?,
        class_weight: ClassWeight::None,
    }))
}

fn method_note(d: &Design) -> String {
    format!(
        "; 0-1 decomposition over {ROUNDS} bootstrap rounds on each of the first {} folds, ensembles of {ENSEMBLE_TREES} trees",
        d.k
    )
}

pub fn forest_lowers_variance(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let sqrt_d = ((d.x.ncols() as f64).sqrt().round() as usize).max(1);
    let deep = decompose(d, learners::tree(None)?.as_ref(), "claims/bv-tree")?;
    let rf = decompose(d, forest(Some(sqrt_d))?.as_ref(), "claims/bv-forest")?;
    let v = |z: &[ZeroOne]| z.iter().map(|z| z.variance).collect::<Vec<_>>();
    let e = crate::common::fold_difference(&v(&rf), &v(&deep), first_repeat(d), "first-repeat");
    let method = format!("{}{}", e.method, method_note(d));
    Ok(judged(
        "forest-lowers-variance",
        "a random forest's variance term is below one full-depth tree's",
        e.described(method),
        ctx.rope,
        Direction::Less,
    ))
}

pub fn bagging_keeps_bias(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let deep = decompose(d, learners::tree(None)?.as_ref(), "claims/bv-tree")?;
    let bag = decompose(d, forest(None)?.as_ref(), "claims/bv-bagging")?;
    let b = |z: &[ZeroOne]| z.iter().map(|z| z.bias).collect::<Vec<_>>();
    let e = crate::common::fold_difference(&b(&bag), &b(&deep), first_repeat(d), "first-repeat");
    let method = format!("{}{}", e.method, method_note(d));
    Ok(judged(
        "bagging-keeps-bias",
        "bagging leaves a full-depth tree's bias term unchanged",
        e.described(method),
        ctx.rope,
        Direction::Equivalent,
    ))
}

pub fn boosting_lowers_bias(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let stump = decompose(d, learners::tree(Some(1))?.as_ref(), "claims/bv-stump")?;
    let boosted = Boosting(
        BoostingParams {
            n_stages: 50,
            learning_rate: 0.1,
            max_depth: 1,
        }
        .check()?,
    );
    let boost = decompose(d, &boosted, "claims/bv-boost")?;
    let b = |z: &[ZeroOne]| z.iter().map(|z| z.bias).collect::<Vec<_>>();
    let e = crate::common::fold_difference(&b(&boost), &b(&stump), first_repeat(d), "first-repeat");
    let method = format!(
        "{}{}; 50 boosted stumps against one stump",
        e.method,
        method_note(d)
    );
    Ok(judged(
        "boosting-lowers-bias",
        "boosting depth-1 trees lowers the bias term of a single depth-1 tree",
        e.described(method),
        ctx.rope,
        Direction::Less,
    ))
}

/// Inner folds that choose the pruning α.
const INNER: usize = 3;

pub fn pruning_helps(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let params = TreeParams::default().check()?;
    // ROC-AUC, a ranking score whose no-skill value is 0.5 at any class balance: on
    // pure noise a tree pruned to its root scores the majority share in accuracy, which
    // would "beat" a memorising tree without any signal.
    let accuracy = |t: &Tree, rows: &[usize]| -> Result<f64> {
        let x = d.x.select(Axis(0), rows);
        let proba = FittedBinary::predict_proba(t, &x).to_vec();
        let y: Vec<usize> = rows.iter().map(|&r| d.y[r]).collect();
        mlproof_core::metrics::roc_auc(&y, &proba)
    };
    let grow = |rows: &[usize]| {
        let y: Vec<usize> = rows.iter().map(|&r| d.y[r]).collect();
        Tree::fit_classifier(d.x.select(Axis(0), rows).view(), &y, 2, None, &params)
    };
    let pairs = d
        .folds
        .par_iter()
        .enumerate()
        .map(|(i, fold)| -> Result<(f64, f64)> {
            let full = grow(&fold.train)?;
            let alphas = pruning_path(&full).ccp_alphas;
            let labels: Vec<usize> = fold.train.iter().map(|&r| d.y[r]).collect();
            let inner = Splitter::Stratified {
                n_splits: INNER,
                shuffle: true,
            }
            .check()?
            .split(
                labels.len(),
                Some(&labels),
                seed::derive(d.seed, "claims/prune", i as u64),
            )?
            .folds;
            let mut mean = vec![0.0; alphas.len()];
            for f in &inner {
                let train: Vec<usize> = f.train.iter().map(|&k| fold.train[k]).collect();
                let test: Vec<usize> = f.test.iter().map(|&k| fold.train[k]).collect();
                let t = grow(&train)?;
                let links = WeakestLinks::of(&t);
                for (a, m) in alphas.iter().zip(mean.iter_mut()) {
                    *m += accuracy(&prune_along(&t, &links, *a), &test)? / INNER as f64;
                }
            }
            // The best inner score; ties go to the larger α (the simpler tree).
            // `max_by` keeps the last of equal maxima: ascending α, so the largest α.
            let best = (0..alphas.len())
                .max_by(|&a, &b| mean[a].total_cmp(&mean[b]))
                .unwrap_or(0);
            let pruned = prune(&full, alphas[best]);
            Ok((accuracy(&pruned, &fold.test)?, accuracy(&full, &fold.test)?))
        })
        .collect::<Result<Vec<_>>>()?;
    let (pruned, full): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
    Ok(judged(
        "pruning-helps",
        format!("a tree pruned at the α chosen by {INNER}-fold inner CV has a higher ROC-AUC on the outer folds than the full tree"),
        crate::common::fold_difference(&pruned, &full, &d.folds, &d.describe()),
        ctx.rope,
        Direction::Greater,
    ))
}
