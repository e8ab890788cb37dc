//! `mlproof tree prune`: minimal cost-complexity pruning, from the path to the chosen alpha.

use mlproof_core::data::encode;
use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_trees::pruning::{pruning_path, PruningPath};
use mlproof_trees::{Criterion, Tree, TreeClassifier, TreeParams};
use mlproof_validation::curves::{regions, validation_curve, CurvePoint};
use mlproof_validation::Splitter;
use serde::Serialize;

use crate::cli::{CriterionArg, TreePruneArgs};
use crate::render::plot::train_vs_held_out;
use crate::render::{num, Doc, Output, Table};

#[derive(Serialize)]
struct Params {
    criterion: Criterion,
    metric: Metric,
    splitter: Splitter,
    seed: u64,
}

#[derive(Serialize)]
struct Chosen {
    ccp_alpha: f64,
    cv_mean: f64,
    cv_std: f64,
    leaves: usize,
    depth: usize,
}

#[derive(Serialize)]
struct Results {
    /// The path of the tree grown on every row (scikit-learn's `cost_complexity_pruning_path`).
    path: PruningPath,
    /// CV scores at each alpha of the path, in path order.
    cv: Vec<CurvePoint>,
    /// The alpha with the best CV mean (ties: the larger alpha, the simpler tree).
    best: Chosen,
    /// The largest alpha within one standard error of the best (Breiman's one-SE rule).
    one_se: Chosen,
    full_tree_leaves: usize,
    reading: String,
}

pub fn run(args: &TreePruneArgs, seed: u64) -> Result<Output> {
    let criterion = match args.criterion {
        CriterionArg::Gini => Criterion::Gini,
        CriterionArg::Entropy => Criterion::Entropy,
    };
    let metric = super::curves::metric(args.metric);
    let splitter = Splitter::Stratified {
        n_splits: args.n_splits,
        shuffle: true,
    }
    .check()?;
    let data = args.data.load("pima", seed)?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(&data);
    let params = TreeParams {
        criterion,
        ..TreeParams::default()
    };
    let full = Tree::fit_classifier(x.view(), &y.to_vec(), 2, None, &params)?;
    let path = pruning_path(&full);
    let splits = splitter.split(x.nrows(), data.class_codes().as_deref(), seed)?;
    // The curve runs from the simplest tree (largest alpha) to the full tree.
    let alphas: Vec<f64> = path.ccp_alphas.iter().rev().copied().collect();
    let learner_at = |i: usize| -> Result<Box<dyn BinaryClassifier>> {
        Ok(Box::new(TreeClassifier::new(TreeParams {
            ccp_alpha: alphas[i],
            ..params
        })?))
    };
    let points = validation_curve(&x, &y, &alphas, &learner_at, &splits.folds, metric, seed)?;
    let r = regions(&points, metric.higher_is_better()).ok_or_else(|| {
        mlproof_core::Error::input(format!(
            "no fold gave a defined {}; try --metric accuracy",
            metric.name()
        ))
    })?;
    let chosen = |i: usize| {
        let pruned = mlproof_trees::pruning::prune(&full, alphas[i]);
        Chosen {
            ccp_alpha: alphas[i],
            cv_mean: points[i].test.mean,
            cv_std: points[i].test.std,
            leaves: pruned.n_leaves(),
            depth: pruned.depth(),
        }
    };
    let (best, one_se) = (chosen(r.best), chosen(r.sweet_spot.0));
    let reading = format!(
        "The full tree has {} leaves. Cross-validated {} peaks at alpha {} ({} ± {}) with {} leaves; the \
         simplest tree within one standard error has alpha {} and {} leaves (depth {}).",
        full.n_leaves(),
        metric.name(),
        sci(best.ccp_alpha),
        num(best.cv_mean),
        num(best.cv_std),
        best.leaves,
        sci(one_se.ccp_alpha),
        one_se.leaves,
        one_se.depth
    );
    let mut points_in_path_order = points;
    points_in_path_order.reverse();
    let doc = doc(
        &data.name,
        criterion,
        &path,
        &points_in_path_order,
        &reading,
    );
    let results = Results {
        path,
        cv: points_in_path_order,
        best,
        one_se,
        full_tree_leaves: full.n_leaves(),
        reading,
    };
    let p = Params {
        criterion,
        metric,
        splitter,
        seed,
    };
    Ok(Output::new(
        Report::new("tree prune", p, Some(data.summary()), results),
        doc,
    ))
}

/// An alpha in a narrow column.
fn sci(a: f64) -> String {
    if a == 0.0 {
        "0".into()
    } else {
        format!("{a:.2e}")
    }
}

fn doc(
    dataset: &str,
    criterion: Criterion,
    path: &PruningPath,
    cv: &[CurvePoint],
    reading: &str,
) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Cost-complexity pruning on {dataset} ({criterion:?}): the path and CV score against alpha"
    ));
    doc.paragraph(
        "R(T) = Σ leaves N_t/N · impurity(t); a branch's effective alpha g(t) = (R(t) − R(T_t)) / \
         (leaves(T_t) − 1). Pruning collapses the branch with the smallest g, again and again (Breiman \
         et al. 1984; scikit-learn's cost_complexity_pruning_path).",
    );
    // Up to 20 steps of the path, evenly spaced, always with the first and last.
    let n = path.ccp_alphas.len();
    let shown: Vec<usize> = if n <= 20 {
        (0..n).collect()
    } else {
        (0..20).map(|k| k * (n - 1) / 19).collect()
    };
    let labels: Vec<String> = shown.iter().map(|&i| path.leaves[i].to_string()).collect();
    let train: Vec<f64> = shown.iter().map(|&i| cv[i].train.mean).collect();
    let test: Vec<f64> = shown.iter().map(|&i| cv[i].test.mean).collect();
    doc.figure(train_vs_held_out(
        &labels,
        ("train", &train),
        ("cross-validated", &test),
        10,
        "leaves after pruning (alpha grows to the right)",
    ));
    let mut t = Table::new(
        &[
            "step",
            "ccp_alpha",
            "leaves",
            "total impurity",
            "train",
            "CV mean",
            "CV std",
        ],
        &[0, 1, 2, 3, 4, 5, 6],
    );
    for &i in &shown {
        t.row(vec![
            i.to_string(),
            sci(path.ccp_alphas[i]),
            path.leaves[i].to_string(),
            num(path.impurities[i]),
            num(cv[i].train.mean),
            num(cv[i].test.mean),
            num(cv[i].test.std),
        ]);
    }
    doc.table(t);
    if n > 20 {
        doc.paragraph(format!(
            "({n} steps in all; every one is in --format json.)"
        ));
    }
    doc.paragraph(reading);
    doc
}
