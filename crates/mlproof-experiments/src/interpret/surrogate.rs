//! `interpret --method surrogate`: a shallow tree that mimics a forest, how faithfully, and what
//! the shallow tree costs when it replaces the forest.
//!
//! The surrogate is fitted on the training rows' *forest predictions* (not their labels), so
//! its fidelity — the share of held-out rows on which it predicts the forest's class — says how
//! far its rules describe the forest (Craven & Shavlik 1996, "Extracting tree-structured
//! representations of trained networks"). The accuracy cost is a different question: the same
//! shallow tree fitted on the labels against the forest on the same repeated folds.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::stats::Summary;
use mlproof_core::Result;
use mlproof_trees::text::{cart_rules, Names};
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::importance::permutation_importance;
use mlproof_validation::{Fold, Splitter};
use ndarray::{Array1, Array2, Axis};
use serde::Serialize;

use super::{fit, Explanation, Method, ModelSummary, Params};
use crate::common::fold_difference;
use crate::tree::importance::choose_metric;

/// Shuffles per feature of the forest's permutation importance.
pub const PERMUTATION_REPEATS: usize = 10;

/// One feature: the forest's permutation importance on held-out rows beside the share of the
/// surrogate's impurity decrease it carries.
#[derive(Debug, Clone, Serialize)]
pub struct ImportanceRow {
    pub feature: String,
    /// Mean drop of the held-out score when the feature is shuffled (the forest).
    pub forest_permutation: f64,
    pub forest_permutation_std: f64,
    /// The surrogate's impurity importance (shares summing to 1 over features).
    pub surrogate_impurity: f64,
}

/// The shallow tree against the forest on the same repeated folds.
#[derive(Debug, Clone, Serialize)]
pub struct AccuracyCost {
    pub metric: Metric,
    pub design: String,
    pub forest: Summary,
    pub shallow_tree: Summary,
    /// The metric's no-skill score on each fold's test rows.
    pub baseline: Summary,
    pub fold_forest: Vec<f64>,
    pub fold_shallow_tree: Vec<f64>,
    pub fold_baseline: Vec<f64>,
}

/// `results.surrogate`.
#[derive(Debug, Clone, Serialize)]
pub struct Surrogate {
    pub depth: usize,
    pub leaves: usize,
    /// The surrogate's rules (class 1 is the positive class).
    pub rules: Vec<String>,
    pub train_rows: usize,
    pub test_rows: usize,
    /// Share of held-out rows where the surrogate predicts the forest's class.
    pub fidelity: f64,
    /// Wilson 95% interval of `fidelity`.
    pub fidelity_interval: [f64; 2],
    /// The fidelity of a constant: the forest's most frequent training prediction.
    pub fidelity_baseline: f64,
    /// The same agreement on the training rows the surrogate was fitted to.
    pub train_fidelity: f64,
    /// The metric of the importance and the accuracy comparison, and why.
    pub metric: Metric,
    pub metric_choice: String,
    pub forest_test_score: f64,
    pub forest_test_score_baseline: f64,
    pub importance: Vec<ImportanceRow>,
    pub accuracy_cost: AccuracyCost,
}

fn labels(p: &Array1<f64>) -> Vec<usize> {
    p.iter().map(|&v| usize::from(v >= 0.5)).collect()
}

pub(super) fn run(
    params: &Params,
    x: &Array2<f64>,
    y: &Array1<usize>,
    names: &[String],
    progress: &dyn Observer,
) -> Result<Explanation> {
    let yv = y.to_vec();
    let (metric, metric_choice) = choose_metric(None, &yv);
    let (train, test) = stratified_holdout(&yv, 2, params.test_size, params.seed)?;
    let (x_tr, y_tr) = (x.select(Axis(0), &train), y.select(Axis(0), &train));
    let (x_te, y_te) = (x.select(Axis(0), &test), y.select(Axis(0), &test));
    let (forest, explained) = fit(params, &x_tr, &y_tr)?;
    let forest = forest.as_binary();
    let (forest_tr, forest_te) = (
        labels(&forest.predict_proba(&x_tr)),
        labels(&forest.predict_proba(&x_te)),
    );
    let depth = params.surrogate_depth();
    let shallow = TreeParams::default().with_max_depth(Some(depth));
    let surrogate = Tree::fit_classifier(x_tr.view(), &forest_tr, 2, None, &shallow)?;
    let agree =
        |pred: &[usize], target: &[usize]| pred.iter().zip(target).filter(|(a, b)| a == b).count();
    let sur_te = surrogate.predict_class(&x_te).to_vec();
    let sur_tr = surrogate.predict_class(&x_tr).to_vec();
    let n_te = test.len();
    let constant = usize::from(2 * forest_tr.iter().filter(|&&c| c == 1).count() > train.len());
    let fidelity_effect = Effect::wilson(agree(&sur_te, &forest_te), n_te, "held-out rows");
    let (score, perm) = permutation_importance(
        forest,
        &x_te,
        &y_te,
        metric,
        PERMUTATION_REPEATS,
        params.seed,
    )?;
    let impurity = surrogate.impurity_importances();
    let importance = perm
        .iter()
        .map(|p| ImportanceRow {
            feature: names[p.feature].clone(),
            forest_permutation: p.mean,
            forest_permutation_std: p.std,
            surrogate_impurity: impurity[p.feature],
        })
        .collect();
    let (accuracy_cost, folds) = accuracy_cost(params, x, y, metric, &shallow, progress)?;
    let classes = ["0".to_string(), "1".to_string()];
    let levels = vec![Vec::new(); names.len()];
    let s = Surrogate {
        depth,
        leaves: surrogate.n_leaves(),
        rules: cart_rules(
            &surrogate,
            &Names {
                features: names,
                levels: &levels,
                classes: &classes,
            },
        ),
        train_rows: train.len(),
        test_rows: n_te,
        fidelity: fidelity_effect.estimate,
        fidelity_interval: fidelity_effect.interval,
        fidelity_baseline: agree(&vec![constant; n_te], &forest_te) as f64 / n_te as f64,
        train_fidelity: agree(&sur_tr, &forest_tr) as f64 / train.len() as f64,
        metric,
        metric_choice,
        forest_test_score: score,
        forest_test_score_baseline: no_skill(metric, &y_te.to_vec()),
        importance,
        accuracy_cost,
    };
    let root = surrogate.nodes[0].split.map(|sp| sp.feature);
    let root_drops = root.map(|f| (f, perm[f].drops.as_slice()));
    let findings = judge(&s, &folds, (&sur_te, &forest_te, constant), root_drops);
    let reading = read(&s, &explained, names, root, findings.as_slice());
    Ok(Explanation {
        method: Method::Surrogate,
        explained,
        shap: None,
        partial_dependence: None,
        surrogate: Some(s),
        findings: findings.into_vec(),
        reading,
    })
}

/// The forest and the shallow tree fitted on each fold's training rows, scored on its test
/// rows, beside the metric's no-skill score there.
fn accuracy_cost(
    params: &Params,
    x: &Array2<f64>,
    y: &Array1<usize>,
    metric: Metric,
    shallow: &TreeParams,
    progress: &dyn Observer,
) -> Result<(AccuracyCost, Vec<Fold>)> {
    let splitter = Splitter::RepeatedStratified {
        n_splits: params.n_splits,
        n_repeats: params.n_repeats,
    };
    let folds = splitter
        .split(x.nrows(), Some(&y.to_vec()), params.seed)?
        .folds;
    let forest = params.forest(x.ncols())?;
    progress.start("forest and shallow tree, fold by fold", folds.len());
    let (mut f_s, mut t_s, mut b_s) = (Vec::new(), Vec::new(), Vec::new());
    for (k, fold) in folds.iter().enumerate() {
        let (x_tr, y_tr) = (
            x.select(Axis(0), &fold.train),
            y.select(Axis(0), &fold.train),
        );
        let (x_te, y_te) = (x.select(Axis(0), &fold.test), y.select(Axis(0), &fold.test));
        let y_te = y_te.to_vec();
        let score = |p: Array1<f64>| metric.compute(&y_te, &labels(&p), &p.to_vec());
        let fitted = forest.fit_forest(
            &x_tr,
            &y_tr,
            seed::derive(params.seed, "interpret/fold", k as u64),
        )?;
        f_s.push(score(fitted.predict_proba_first(&x_te, usize::MAX))?);
        let tree = Tree::fit_classifier(x_tr.view(), &y_tr.to_vec(), 2, None, shallow)?;
        t_s.push(score(tree.predict_proba(&x_te).column(1).to_owned())?);
        b_s.push(no_skill(metric, &y_te));
        progress.tick();
    }
    progress.finish();
    let design = format!(
        "{} × repeated stratified {}-fold",
        params.n_repeats, params.n_splits
    );
    let cost = AccuracyCost {
        metric,
        design,
        forest: Summary::of(&f_s),
        shallow_tree: Summary::of(&t_s),
        baseline: Summary::of(&b_s),
        fold_forest: f_s,
        fold_shallow_tree: t_s,
        fold_baseline: b_s,
    };
    Ok((cost, folds))
}

/// The findings: fidelity above a constant's (McNemar's table of agreement on the held-out
/// rows), the surrogate's root feature mattering to the forest (Student t over shuffles), and
/// the shallow tree's cost against the forest and its lift over no skill (corrected resampled
/// t over the same folds).
fn judge(
    s: &Surrogate,
    folds: &[Fold],
    (sur, forest, constant): (&[usize], &[usize], usize),
    root: Option<(usize, &[f64])>,
) -> Findings {
    let mut out = Findings::default();
    let b = (0..sur.len())
        .filter(|&i| sur[i] == forest[i] && constant != forest[i])
        .count();
    let c = (0..sur.len())
        .filter(|&i| sur[i] != forest[i] && constant == forest[i])
        .count();
    out.push(Finding::new(
        "surrogate-beats-constant",
        "the surrogate predicts the forest's class on more held-out rows than a constant does",
        Effect::paired_proportions(b, c, sur.len()),
        Rope::score(),
        Direction::Greater,
    ));
    let name = s.metric.name();
    if let Some((f, drops)) = root {
        out.push(Finding::new(
            "surrogate-root-matters",
            format!(
                "the surrogate's first split, on {}, is on a feature the forest needs \
                 (shuffling it lowers the forest's held-out {name})",
                s.importance[f].feature
            ),
            Effect::student_t(drops, "shuffles of the feature (test rows fixed)"),
            Rope::score(),
            Direction::Greater,
        ));
    }
    let a = &s.accuracy_cost;
    let cost = fold_difference(&a.fold_forest, &a.fold_shallow_tree, folds, &a.design);
    out.push(Finding::new(
        "forest-beats-shallow-tree",
        format!(
            "the forest's {name} is above the depth-{} tree's (the price of transparency)",
            s.depth
        ),
        cost.clone(),
        Rope::score(),
        Direction::Greater,
    ));
    out.push(Finding::new(
        "shallow-tree-as-good",
        format!(
            "the depth-{} tree's {name} is within ±0.01 of the forest's",
            s.depth
        ),
        cost,
        Rope::score(),
        Direction::Equivalent,
    ));
    out.push(Finding::new(
        "shallow-tree-beats-baseline",
        format!(
            "the depth-{} tree's {name} is above the no-skill baseline's",
            s.depth
        ),
        fold_difference(&a.fold_shallow_tree, &a.fold_baseline, folds, &a.design),
        Rope::score(),
        Direction::Greater,
    ));
    out
}

fn read(
    s: &Surrogate,
    m: &ModelSummary,
    names: &[String],
    root: Option<usize>,
    findings: &[Finding],
) -> String {
    let a = &s.accuracy_cost;
    let root = root.map_or("no split (it predicts one class)".into(), |f| {
        format!("a first split on {}", names[f])
    });
    format!(
        "A depth-{} surrogate with {} leaves and {root} predicts the class of the {} on {} of \
         the {} held-out rows (95% Wilson interval {} to {}; a constant agrees on {}). On {}, the \
         forest scores {} {} and the depth-{} tree {} (no-skill {}). {}",
        s.depth,
        s.leaves,
        m.name,
        evidence::number(s.fidelity),
        s.test_rows,
        evidence::number(s.fidelity_interval[0]),
        evidence::number(s.fidelity_interval[1]),
        evidence::number(s.fidelity_baseline),
        a.design,
        a.metric.name(),
        evidence::number(a.forest.mean),
        s.depth,
        evidence::number(a.shallow_tree.mean),
        evidence::number(a.baseline.mean),
        evidence::reading(findings)
    )
}
