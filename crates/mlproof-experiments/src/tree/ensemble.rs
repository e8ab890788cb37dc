//! `tree ensemble`: averaging many trees lowers variance; measured, not asserted.
//!
//! One deep tree, bagging (Breiman 1996), a random forest (Breiman 2001: bagging plus
//! ⌊√d⌋ features drawn at each split) and gradient boosting of depth-3 trees (Friedman 2001)
//! are fitted on the same training rows and, for the decomposition, on the same bootstrap
//! rounds of them. Bias and variance use mlxtend's 0-1 definitions (Domingos 2000): the main
//! prediction is the vote over rounds; bias = share of test rows where it is wrong;
//! variance = mean share of test rows where a round disagrees with it. Both are shares of the
//! test rows, so their ROPE is ±0.01.

mod rounds;

use mlproof_core::data::encode;
use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::model::BinaryClassifier;
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_trees::boosting::{fit_staged, BoostingParams};
use mlproof_trees::ensemble::Forest;
use mlproof_trees::{TreeClassifier, TreeParams};
use mlproof_validation::bias_variance::{zero_one, ZeroOne, MAX_ROUNDS};
use ndarray::{Array1, Axis};
use serde::Serialize;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// Depth of boosting's stage trees.
pub const STAGE_DEPTH: usize = 3;

/// The experiment's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    /// Trees per bagged ensemble and random forest, and boosting stages (default 25).
    pub n_trees: usize,
    /// Bootstrap rounds of the bias-variance decomposition (default 10). 25 trees and 10
    /// rounds are a quarter of the fits of 50 and 20 and gave the same verdict on every
    /// finding (pima and a 5,000 × 20 generated set, 2026-12-02); more narrow the intervals.
    pub rounds: usize,
    /// Boosting's shrinkage ν per stage.
    pub learning_rate: f64,
    /// Fraction of rows held out, per class.
    pub test_size: f64,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            n_trees: 25,
            rounds: 10,
            learning_rate: 0.1,
            test_size: 0.3,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Params {
    fn boosting(&self) -> BoostingParams {
        BoostingParams {
            n_stages: self.n_trees,
            learning_rate: self.learning_rate,
            max_depth: STAGE_DEPTH,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        Forest::new(self.n_trees, None, TreeParams::default())?;
        if !(2..=MAX_ROUNDS).contains(&self.rounds) {
            return Err(Error::param(
                "rounds",
                format!(
                    "must be between 2 (to measure variance) and {MAX_ROUNDS}, got {}",
                    self.rounds
                ),
            ));
        }
        if !(self.test_size > 0.0 && self.test_size < 1.0) {
            return Err(Error::param(
                "test_size",
                format!("must be strictly between 0 and 1, got {}", self.test_size),
            ));
        }
        self.boosting().check().map(|_| ())
    }
}

/// Test accuracy (or 0-1 variance) of each ensemble at one size.
#[derive(Debug, Clone, Serialize)]
pub struct Growth {
    pub trees: usize,
    pub bagging: f64,
    pub random_forest: f64,
    pub boosting: f64,
}

/// A model's 0-1 decomposition.
#[derive(Debug, Clone, Serialize)]
pub struct Decomposed {
    pub model: String,
    #[serde(flatten)]
    pub decomposition: ZeroOne,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Ensembles {
    pub train_rows: usize,
    pub test_rows: usize,
    /// The random forest's features per split, ⌊√d⌋.
    pub max_features: usize,
    pub boosting: BoostingParams,
    pub deep_tree_accuracy: f64,
    pub random_forest_oob_accuracy: f64,
    /// The majority share of the test rows: the no-skill accuracy.
    pub accuracy_baseline: f64,
    /// Test accuracy by number of trees (stages): one fit each, scored on its first k members.
    pub growth: Vec<Growth>,
    /// 0-1 variance by number of trees (stages), from the same bootstrap rounds.
    pub variance_growth: Vec<Growth>,
    /// Deep tree, bagging, random forest, gradient boosting at full size.
    pub bias_variance: Vec<Decomposed>,
    /// Boosting's stage learner alone (a depth-3 tree), against which boosting's bias is judged.
    pub stage_tree: Decomposed,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type EnsembleReport = Report<Checked<Params>, Ensembles>;

/// Ensemble sizes reported, always ending at the full ensemble.
fn sizes(n_trees: usize) -> Vec<usize> {
    let mut s: Vec<usize> = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .filter(|&k| k < n_trees)
        .collect();
    s.push(n_trees);
    s
}

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<EnsembleReport> {
    let seed = params.seed;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let (train, test) = stratified_holdout(&y.to_vec(), 2, params.test_size, seed)?;
    let (x_tr, y_tr) = (x.select(Axis(0), &train), y.select(Axis(0), &train));
    let (x_te, y_te) = (x.select(Axis(0), &test), y.select(Axis(0), &test).to_vec());
    let max_features = ((x.ncols() as f64).sqrt().floor() as usize).max(1);
    let deep = TreeClassifier::new(TreeParams::default())?;
    let stage = TreeClassifier::new(TreeParams::default().with_max_depth(Some(STAGE_DEPTH)))?;
    let bagging = Forest::new(params.n_trees, None, TreeParams::default())?;
    let forest = Forest::new(params.n_trees, Some(max_features), TreeParams::default())?;
    let boosting = params.boosting().check()?;
    let accuracy = |p: &[f64]| {
        let pred: Vec<usize> = p.iter().map(|&v| usize::from(v >= 0.5)).collect();
        Metric::Accuracy.compute(&y_te, &pred, p)
    };

    let deep_tree_accuracy =
        accuracy(&deep.fit(&x_tr, &y_tr, seed)?.predict_proba(&x_te).to_vec())?;
    let bag = bagging.fit_forest(&x_tr, &y_tr, seed)?;
    let rf = forest.fit_forest(&x_tr, &y_tr, seed)?;
    let (boosted, _) = fit_staged(&x_tr, &y_tr.to_vec(), &x_te, &y_te, &boosting)?;
    let sizes = sizes(params.n_trees);
    let growth = sizes
        .iter()
        .map(|&k| {
            Ok(Growth {
                trees: k,
                bagging: accuracy(&bag.predict_proba_first(&x_te, k).to_vec())?,
                random_forest: accuracy(&rf.predict_proba_first(&x_te, k).to_vec())?,
                boosting: accuracy(&boosted.predict_proba(&x_te, k).to_vec())?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let models = rounds::Models {
        deep: &deep,
        stage: &stage,
        bagging: &bagging,
        forest: &forest,
        boosting: &boosting,
    };
    let rounds = rounds::run(
        &x_tr,
        &y_tr,
        &x_te,
        &y_te,
        &models,
        &sizes,
        params.rounds,
        seed,
        progress,
    )?;
    let matrix = |f: &dyn Fn(&rounds::Round) -> &Array1<usize>| {
        rounds::stack(&rounds.iter().map(f).collect::<Vec<_>>())
    };
    let deep_m = matrix(&|r| &r.deep);
    let stage_m = matrix(&|r| &r.stage);
    let variance_growth = sizes
        .iter()
        .enumerate()
        .map(|(s, &k)| {
            let v = |m: usize| zero_one(&matrix(&|r| &r.by_size[s][m]), &y_te).variance;
            Growth {
                trees: k,
                bagging: v(0),
                random_forest: v(1),
                boosting: v(2),
            }
        })
        .collect();
    let last = sizes.len() - 1;
    let full: Vec<_> = (0..3).map(|m| matrix(&|r| &r.by_size[last][m])).collect();
    let named = |model: &str, m: &ndarray::Array2<usize>| Decomposed {
        model: model.into(),
        decomposition: zero_one(m, &y_te),
    };
    let bias_variance = vec![
        named("deep tree", &deep_m),
        named("bagging", &full[0]),
        named("random forest", &full[1]),
        named("gradient boosting", &full[2]),
    ];
    let rf_test: Vec<usize> = rf
        .predict_proba_first(&x_te, params.n_trees)
        .iter()
        .map(|&p| usize::from(p >= 0.5))
        .collect();
    let majority_class = usize::from(2 * y_tr.iter().filter(|&&v| v == 1).count() > y_tr.len());
    let majority = vec![majority_class; y_te.len()];
    let mut findings = Findings::default();
    variance_findings(&mut findings, &deep_m, &full[0], &full[1]);
    bias_findings(
        &mut findings,
        &y_te,
        [&deep_m, &full[0], &stage_m, &full[2]],
    );
    findings.push(Finding::new(
        "forest-beats-majority",
        "the random forest's test accuracy is above the majority class's",
        paired(&y_te, &rf_test, &majority),
        Rope::score(),
        Direction::Greater,
    ));
    let mut results = Ensembles {
        train_rows: train.len(),
        test_rows: test.len(),
        max_features,
        boosting,
        deep_tree_accuracy,
        random_forest_oob_accuracy: rf.oob_accuracy(&x_tr, &y_tr)?,
        accuracy_baseline: no_skill(Metric::Accuracy, &y_te),
        growth,
        variance_growth,
        bias_variance,
        stage_tree: named("depth-3 tree", &stage_m),
        findings: findings.into_vec(),
        reading: String::new(),
    };
    results.reading = read(&results);
    Ok(Report::new(
        "tree ensemble",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// McNemar's table of two predictions on the same test rows: accuracy of `a` minus `b`.
fn paired(y: &[usize], a: &[usize], b: &[usize]) -> Effect {
    let (mut only_a, mut only_b) = (0, 0);
    for ((t, p), q) in y.iter().zip(a).zip(b) {
        match (p == t, q == t) {
            (true, false) => only_a += 1,
            (false, true) => only_b += 1,
            _ => {}
        }
    }
    Effect::paired_proportions(only_a, only_b, y.len())
}

/// Bagging's and the forest's variance against the deep tree's: per round, the difference of
/// the two rounds' variance terms (each pair fitted on the same bootstrap sample), Student t
/// over rounds.
fn variance_findings(
    out: &mut Findings,
    deep: &ndarray::Array2<usize>,
    bagging: &ndarray::Array2<usize>,
    forest: &ndarray::Array2<usize>,
) {
    let tree = rounds::variance_by_round(deep);
    let what = "bootstrap rounds, paired per round (same sample)";
    for (id, name, m) in [
        ("forest-lowers-variance", "a random forest", forest),
        ("bagging-lowers-variance", "bagging", bagging),
    ] {
        let d: Vec<f64> = rounds::variance_by_round(m)
            .iter()
            .zip(&tree)
            .map(|(a, b)| a - b)
            .collect();
        out.push(Finding::new(
            id,
            format!("{name}'s 0-1 variance is below one deep tree's"),
            Effect::student_t(&d, what),
            Rope::score(),
            Direction::Less,
        ));
    }
}

/// Bias from the main predictions, paired over the test rows: bagging keeps the deep tree's
/// bias; boosting lowers its stage tree's.
fn bias_findings(
    out: &mut Findings,
    y: &[usize],
    [deep, bagging, stage, boosting]: [&ndarray::Array2<usize>; 4],
) {
    let main = rounds::main_prediction;
    // Accuracy of the first main prediction minus the second's = bias(second) − bias(first).
    out.push(Finding::new(
        "bagging-keeps-bias",
        "bagging's 0-1 bias equals one deep tree's",
        paired(y, &main(deep), &main(bagging)),
        Rope::score(),
        Direction::Equivalent,
    ));
    out.push(Finding::new(
        "boosting-lowers-bias",
        "gradient boosting's 0-1 bias is below its depth-3 stage tree's",
        paired(y, &main(stage), &main(boosting)),
        Rope::score(),
        Direction::Less,
    ));
}

/// The decomposition and the growth described, then one sentence per finding.
fn read(r: &Ensembles) -> String {
    let tree = &r.bias_variance[0].decomposition;
    let parts: Vec<String> = r.bias_variance[1..]
        .iter()
        .map(|b| {
            let d = &b.decomposition;
            format!(
                "{} bias {}, variance {} ({:+.1} points against the deep tree)",
                b.model,
                evidence::number(d.bias),
                evidence::number(d.variance),
                100.0 * (d.variance - tree.variance)
            )
        })
        .collect();
    let mut text = format!(
        "Test accuracy: deep tree {}, no-skill {}. One deep tree: bias {}, variance {}; {}; the depth-3 \
         stage tree alone: bias {}.",
        evidence::number(r.deep_tree_accuracy),
        evidence::number(r.accuracy_baseline),
        evidence::number(tree.bias),
        evidence::number(tree.variance),
        parts.join("; "),
        evidence::number(r.stage_tree.decomposition.bias)
    );
    if let (Some(first), Some(last)) = (r.variance_growth.first(), r.variance_growth.last()) {
        text.push_str(&format!(
            " From {} to {} members, variance goes {} → {} for bagging, {} → {} for the forest and \
             {} → {} for boosting.",
            first.trees,
            last.trees,
            evidence::number(first.bagging),
            evidence::number(last.bagging),
            evidence::number(first.random_forest),
            evidence::number(last.random_forest),
            evidence::number(first.boosting),
            evidence::number(last.boosting)
        ));
    }
    format!("{text} {}", evidence::reading(&r.findings))
}

#[cfg(test)]
mod tests;
