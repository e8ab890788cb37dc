//! `tree prune`: minimal cost-complexity pruning (Breiman, Friedman, Olshen & Stone 1984,
//! ch. 3; scikit-learn's `cost_complexity_pruning_path`), from the path to the chosen α.
//!
//! R(T) = Σ_leaves N_t/N · impurity(t); a branch's effective α is
//! g(t) = (R(t) − R(T_t)) / (leaves(T_t) − 1), and pruning collapses the branch with the
//! smallest g, again and again. Every α of the path is cross-validated; the choice is the
//! one-standard-error rule over every point ([`one_standard_error`]). Whether pruning helps
//! is measured by nested cross-validation: in each outer fold, α is chosen by an inner CV on
//! the training rows only, and the pruned tree and the full tree are scored on the same
//! held-out rows.

mod nested;

use mlproof_core::data::encode;
use mlproof_core::evidence::{self, Direction, Finding, Findings, Rope};
use mlproof_core::metrics::{baseline::no_skill_model, no_skill, Metric};
use mlproof_core::model::BinaryClassifier;
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::stats::{one_standard_error, OneSe, Summary};
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_trees::pruning::{prune, pruning_path, FullTrees, PrunedAt, PruningPath};
use mlproof_trees::{Criterion, Tree, TreeParams};
use mlproof_validation::curves::{validation_curve, CurvePoint};
use mlproof_validation::Splitter;
use serde::Serialize;
use std::sync::Arc;

use crate::common::fold_difference;
pub use nested::Nested;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// Path steps a table or plot shows at most, besides the steps a reading cites.
pub const SHOWN_STEPS: usize = 20;

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    pub criterion: Criterion,
    /// The score cross-validated at each α.
    pub metric: Metric,
    /// The folds of the curve, and of both levels of the nested comparison.
    pub splitter: Splitter,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            criterion: Criterion::Gini,
            metric: Metric::Accuracy,
            splitter: Splitter::Stratified {
                n_splits: 5,
                shuffle: true,
            },
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if !self.criterion.is_classification() {
            return Err(Error::param(
                "criterion",
                "must be gini or entropy for a classification tree",
            ));
        }
        self.splitter.clone().check().map(|_| ())
    }
}

/// One α of the path, with its CV score and the tree it leaves.
#[derive(Debug, Clone, Serialize)]
pub struct Chosen {
    /// Index into the path (`path.ccp_alphas[step]`).
    pub step: usize,
    pub ccp_alpha: f64,
    pub cv_mean: f64,
    pub cv_std: f64,
    pub leaves: usize,
    pub depth: usize,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct PruningCurve {
    /// The path of the tree grown on every row (scikit-learn's `cost_complexity_pruning_path`).
    pub path: PruningPath,
    /// CV scores at each α of the path, in path order.
    pub cv: Vec<CurvePoint>,
    /// The α with the best CV mean (ties: the larger α, the simpler tree).
    pub best: Chosen,
    /// The largest α whose CV mean is at least best − SE, over every point of the path.
    pub one_se: Chosen,
    /// The rule's numbers: indices into the path, SE = std/√k of the best, the threshold.
    pub one_se_rule: OneSe,
    pub full_tree_leaves: usize,
    /// The metric's no-skill score on all rows, beside every CV score.
    pub baseline: f64,
    pub baseline_model: &'static str,
    /// The nested comparison behind `pruning-helps`.
    pub nested: Nested,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

impl PruningCurve {
    /// The path steps a table or a plot shows: up to [`SHOWN_STEPS`] evenly spaced, always
    /// the first and the last, and always the best and the one-SE steps the reading cites.
    pub fn shown_steps(&self) -> Vec<usize> {
        let n = self.path.ccp_alphas.len();
        let mut shown: Vec<usize> = if n <= SHOWN_STEPS {
            (0..n).collect()
        } else {
            (0..SHOWN_STEPS)
                .map(|k| k * (n - 1) / (SHOWN_STEPS - 1))
                .collect()
        };
        shown.extend([self.best.step, self.one_se.step]);
        shown.sort_unstable();
        shown.dedup();
        shown
    }
}

pub type PruneReport = Report<Checked<Params>, PruningCurve>;

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<PruneReport> {
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let tree_params = TreeParams {
        criterion: params.criterion,
        ..TreeParams::default()
    }
    .check()?;
    let full = Tree::fit_classifier(x.view(), &y.to_vec(), 2, None, &tree_params)?;
    let path = pruning_path(&full);
    let splits = params
        .splitter
        .split(x.nrows(), data.class_codes().as_deref(), params.seed)?;
    let mut warnings = splits.warnings.clone();
    // The curve runs from the simplest tree (largest α) to the full tree.
    let alphas: Vec<f64> = path.ccp_alphas.iter().rev().copied().collect();
    // Each fold's full tree is grown once and pruned at every α (the tree
    // `TreeClassifier { ccp_alpha }` would grow and prune again for each).
    let full_trees = FullTrees::new(tree_params)?;
    let learner_at = |i: usize| -> Result<Box<dyn BinaryClassifier>> {
        Ok(Box::new(PrunedAt {
            ccp_alpha: alphas[i],
            full: Arc::clone(&full_trees),
        }))
    };
    let metric = params.metric;
    let mut cv = validation_curve(
        &x,
        &y,
        &alphas,
        &learner_at,
        &splits.folds,
        metric,
        params.seed,
    )?;
    cv.reverse();
    let tests: Vec<Summary> = cv.iter().map(|p| p.test).collect();
    let rule = one_standard_error(&tests, metric.higher_is_better(), false).ok_or_else(|| {
        Error::input(format!(
            "no fold gave a defined {}; try the accuracy metric",
            metric.name()
        ))
    })?;
    let chosen = |step: usize| {
        let pruned = prune(&full, path.ccp_alphas[step]);
        Chosen {
            step,
            ccp_alpha: path.ccp_alphas[step],
            cv_mean: cv[step].test.mean,
            cv_std: cv[step].test.std,
            leaves: pruned.n_leaves(),
            depth: pruned.depth(),
        }
    };
    let (best, one_se) = (chosen(rule.best), chosen(rule.choice));
    let nested = nested::compare(&x, &y, &splits.folds, params, &tree_params, progress)?;
    warnings.extend(nested.warnings.iter().cloned());
    let y_all = y.to_vec();
    let findings = judge(&nested, &splits.folds, metric, no_skill(metric, &y_all));
    let mut results = PruningCurve {
        path,
        cv,
        best,
        one_se,
        one_se_rule: rule,
        full_tree_leaves: full.n_leaves(),
        baseline: no_skill(metric, &y_all),
        baseline_model: no_skill_model(metric),
        nested,
        findings: findings.into_vec(),
        reading: String::new(),
    };
    results.reading = read(&results, metric);
    warnings.sort();
    warnings.dedup();
    Ok(
        Report::new("tree prune", params.clone(), Some(data.summary()), results)
            .with_warnings(warnings),
    )
}

/// The ROPE of a metric: ±0.01 for a score in [0, 1]; ±1% of the no-skill log loss.
fn rope(metric: Metric, baseline: f64) -> (Rope, String) {
    match metric {
        Metric::LogLoss => (
            Rope::relative(baseline),
            format!(
                " (ROPE ±1% of the prior's log loss {})",
                evidence::number(baseline)
            ),
        ),
        _ => (Rope::score(), String::new()),
    }
}

/// Paired per-fold findings from the nested comparison: the pruned tree against the full
/// tree, and each against its no-skill baseline on the same held-out rows. Scores are signed
/// so that larger is better (a loss is negated).
fn judge(
    n: &Nested,
    folds: &[mlproof_validation::Fold],
    metric: Metric,
    baseline: f64,
) -> Findings {
    let sign = if metric.higher_is_better() { 1.0 } else { -1.0 };
    let s = |v: &[f64]| v.iter().map(|x| sign * x).collect::<Vec<_>>();
    let (rope, note) = rope(metric, baseline);
    let design = "stratified outer";
    let name = metric.name();
    let nested_note =
        "; α chosen in each outer fold by inner CV on its training rows (one-SE rule)";
    let with_note = |e: mlproof_core::evidence::Effect| {
        let m = format!("{}{nested_note}{note}", e.method);
        e.described(m)
    };
    let mut out = Findings::default();
    out.push(Finding::new(
        "pruning-helps",
        format!("a tree pruned at a cross-validated α scores better {name} than the full tree on held-out folds"),
        with_note(fold_difference(&s(&n.pruned), &s(&n.full), folds, design)),
        rope,
        Direction::Greater,
    ));
    out.push(Finding::new(
        "pruned-tree-beats-baseline",
        format!("the pruned tree's held-out {name} is better than the no-skill baseline's"),
        with_note(fold_difference(
            &s(&n.pruned),
            &s(&n.baseline),
            folds,
            design,
        )),
        rope,
        Direction::Greater,
    ));
    out.push(Finding::new(
        "full-tree-beats-baseline",
        format!("the full tree's held-out {name} is better than the no-skill baseline's"),
        with_note(fold_difference(&s(&n.full), &s(&n.baseline), folds, design)),
        rope,
        Direction::Greater,
    ));
    out
}

/// The path and the one-SE choice described (quoting the SE and the threshold), then one
/// sentence per finding.
fn read(r: &PruningCurve, metric: Metric) -> String {
    let (b, o) = (&r.best, &r.one_se);
    format!(
        "The full tree has {} leaves. Cross-validated {} peaks at α {} (step {}: {} ± {}, no-skill {}) \
         with {} leaves; SE = std/√k = {}, so the one-SE rule takes the largest α whose mean is at least \
         {}: α {} (step {}: {}), {} leaves, depth {}. {}",
        r.full_tree_leaves,
        metric.name(),
        alpha(b.ccp_alpha),
        b.step,
        evidence::number(b.cv_mean),
        evidence::number(b.cv_std),
        evidence::number(r.baseline),
        b.leaves,
        evidence::number(r.one_se_rule.se),
        evidence::number(r.one_se_rule.threshold),
        alpha(o.ccp_alpha),
        o.step,
        evidence::number(o.cv_mean),
        o.leaves,
        o.depth,
        evidence::reading(&r.findings)
    )
}

/// An α as the table prints it.
pub fn alpha(a: f64) -> String {
    if a == 0.0 {
        "0".into()
    } else {
        format!("{a:.2e}")
    }
}

#[cfg(test)]
mod tests;
