//! `tree compare`: ID3 (Quinlan 1986: multi-way splits on categories, entropy) against CART
//! (Breiman et al. 1984: binary splits on one-hot columns, Gini) on the same rows and the same
//! stratified folds, each beside the majority-class model that ignores the features.

mod fit;

use mlproof_core::data::{encode, Dataset, FeatureKind, Target};
use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::stats::Summary;
use mlproof_core::{Error, Result};
use mlproof_trees::text::{cart_dot, cart_rules, id3_dot, id3_rules, Names};
use mlproof_trees::TreeParams;
use mlproof_validation::Splitter;
use serde::Serialize;

use crate::common::fold_difference;
use fit::{cross_validate, majority, Learner};

/// The dataset used when none is named: all-categorical, where ID3's splits differ most.
pub const DEFAULT_DATASET: &str = "car-good";

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    /// Depth limit of both trees (printing a full tree is rarely readable).
    pub max_depth: usize,
    pub splitter: Splitter,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_depth: 3,
            splitter: Splitter::Stratified {
                n_splits: 5,
                shuffle: true,
            },
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Params {
    fn tree(&self) -> TreeParams {
        TreeParams::default().with_max_depth(Some(self.max_depth))
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        self.tree().check()?;
        self.splitter.clone().check().map(|_| ())
    }
}

/// One algorithm's tree on all rows and its scores.
#[derive(Debug, Clone, Serialize)]
pub struct Algorithm {
    pub name: &'static str,
    pub splits: &'static str,
    pub depth: usize,
    pub leaves: usize,
    pub train_accuracy: f64,
    pub cv_accuracy: Summary,
    /// CV accuracy per fold, in fold order.
    pub cv_folds: Vec<f64>,
    /// Out-of-fold rows predicted as a class other than their fold's training majority.
    pub predicted_other_than_majority: usize,
    pub rules: Vec<String>,
    /// The whole tree in Graphviz's dot language.
    #[serde(skip)]
    pub dot: String,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub algorithms: Vec<Algorithm>,
    pub majority_class: String,
    /// The majority share of all rows: the no-skill accuracy.
    pub accuracy_baseline: f64,
    /// Per fold, the accuracy of the training majority class on the fold's test rows.
    pub fold_accuracy_baseline: Vec<f64>,
    pub out_of_fold_rows: usize,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type CompareReport = Report<Checked<Params>, Comparison>;

fn class_names(d: &Dataset) -> Vec<String> {
    match &d.target {
        Target::Classes { classes, .. } => classes.clone(),
        Target::Continuous { .. } => Vec::new(),
    }
}

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<CompareReport> {
    let y = data.class_codes().ok_or_else(|| {
        Error::usage(format!(
            "ID3 is for classification; '{}' is a continuous target",
            data.target_name
        ))
    })?;
    let tree = params.tree();
    let n_classes = 1 + y.iter().max().copied().unwrap_or(0);
    // CART needs numbers: categorical features are one-hot encoded (scikit-learn practice).
    let (x_onehot, onehot_names) = encode::one_hot(data);
    let splits = params
        .splitter
        .split(data.n_rows(), Some(&y), params.seed)?;
    let folds = &splits.folds;
    let learners = [
        Learner::Id3 {
            data,
            max_depth: params.max_depth,
        },
        Learner::Cart {
            x: &x_onehot,
            y: &y,
            n_classes,
            params: &tree,
        },
    ];
    let levels: Vec<Vec<String>> = data
        .feature_kinds
        .iter()
        .map(|k| match k {
            FeatureKind::Categorical { levels } => levels.clone(),
            FeatureKind::Numeric => Vec::new(),
        })
        .collect();
    let classes = class_names(data);
    let cart_levels = vec![Vec::new(); onehot_names.len()];
    let id3_names = Names {
        features: &data.feature_names,
        levels: &levels,
        classes: &classes,
    };
    let cart_names = Names {
        features: &onehot_names,
        levels: &cart_levels,
        classes: &classes,
    };
    progress.start("ID3 and CART over folds", 2 * folds.len());
    let mut algorithms = Vec::new();
    for learner in &learners {
        let cv = cross_validate(learner, &y, folds, progress)?;
        let whole = learner.fit_all()?;
        let (depth, leaves, rules, dot) = match &whole {
            fit::Fitted::Id3(t) => (
                t.depth(),
                t.n_leaves(),
                id3_rules(t, &id3_names),
                id3_dot(t, &id3_names),
            ),
            fit::Fitted::Cart(t) => (
                t.depth(),
                t.n_leaves(),
                cart_rules(t, &cart_names),
                cart_dot(t, &cart_names),
            ),
        };
        algorithms.push(Algorithm {
            name: learner.name(),
            splits: learner.splits(),
            depth,
            leaves,
            train_accuracy: learner.train_accuracy(&whole, &y)?,
            cv_accuracy: Summary::of(&cv.accuracy),
            cv_folds: cv.accuracy,
            predicted_other_than_majority: cv.other_than_majority,
            rules,
            dot,
        });
    }
    progress.finish();
    let fold_accuracy_baseline = folds.iter().map(|f| majority(&y, f).1).collect();
    let counts = (0..n_classes).map(|c| y.iter().filter(|&&v| v == c).count());
    let (top, top_count) = counts
        .enumerate()
        .fold((0, 0), |b, (c, k)| if k > b.1 { (c, k) } else { b });
    let out_of_fold_rows = folds.iter().map(|f| f.test.len()).sum();
    let mut results = Comparison {
        algorithms,
        majority_class: classes.get(top).cloned().unwrap_or_else(|| top.to_string()),
        accuracy_baseline: top_count as f64 / y.len().max(1) as f64,
        fold_accuracy_baseline,
        out_of_fold_rows,
        findings: Vec::new(),
        reading: String::new(),
    };
    results.findings = judge(&results, folds).into_vec();
    results.reading = read(&results);
    Ok(Report::new(
        "tree compare",
        params.clone(),
        Some(data.summary()),
        results,
    )
    .with_warnings(splits.warnings))
}

/// Per algorithm: CV accuracy above the majority class's on the same folds (paired,
/// corrected resampled t) and the share of held-out rows predicted as another class
/// (Wilson); then ID3 against CART (paired, equivalence).
fn judge(r: &Comparison, folds: &[mlproof_validation::Fold]) -> Findings {
    let mut out = Findings::default();
    let design = "stratified";
    for a in &r.algorithms {
        let id = a.name.to_lowercase();
        out.push(Finding::new(
            &format!("{id}-beats-majority"),
            format!(
                "{}'s CV accuracy is above the majority class's ({}) on the same folds",
                a.name, r.majority_class
            ),
            fold_difference(&a.cv_folds, &r.fold_accuracy_baseline, folds, design),
            Rope::score(),
            Direction::Greater,
        ));
        out.push(Finding::new(
            &format!("{id}-predicts-minority"),
            format!(
                "{} predicts a class other than the majority for a practical share of held-out rows",
                a.name
            ),
            Effect::wilson(
                a.predicted_other_than_majority,
                r.out_of_fold_rows,
                "out-of-fold rows predicted as another class",
            ),
            Rope::score(),
            Direction::Greater,
        ));
    }
    if let [a, b] = r.algorithms.as_slice() {
        out.push(Finding::new(
            "id3-matches-cart",
            format!("{} and {} score the same CV accuracy", a.name, b.name),
            fold_difference(&a.cv_folds, &b.cv_folds, folds, design),
            Rope::score(),
            Direction::Equivalent,
        ));
    }
    out
}

/// The scores described, then one sentence per finding.
fn read(r: &Comparison) -> String {
    let parts: Vec<String> = r
        .algorithms
        .iter()
        .map(|a| {
            format!(
                "{} scores CV accuracy {} ± {} and predicts another class for {} of {} held-out rows",
                a.name,
                evidence::number(a.cv_accuracy.mean),
                evidence::number(a.cv_accuracy.std),
                a.predicted_other_than_majority,
                r.out_of_fold_rows
            )
        })
        .collect();
    format!(
        "The majority class '{}' is {} of the rows. {}. {}",
        r.majority_class,
        evidence::number(r.accuracy_baseline),
        parts.join("; "),
        evidence::reading(&r.findings)
    )
}

#[cfg(test)]
mod tests;
