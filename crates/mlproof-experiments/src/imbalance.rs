//! `imbalance`: every way of handling an imbalanced target — resampling (random, SMOTE,
//! Borderline-SMOTE, ADASYN), class weights, threshold moving, anomaly detection — scored on
//! the same stratified folds, plus SMOTE run before the split (the leak). Each method is
//! judged against no correction by its paired per-fold differences (corrected resampled t),
//! and every score stands beside its no-skill baseline. `--paradox` is [`paradox`].

mod findings;
pub mod model;
pub mod paradox;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::stats::Summary;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{encode, Dataset, FeatureKind};
use mlproof_imbalance::compare::{compare, Design, MethodRun, Options, METRICS};
use mlproof_imbalance::ThresholdRule;
use mlproof_validation::cv::undefined_warning;
use serde::{Serialize, Serializer};

pub use model::Learner;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "yeast4";

/// The experiment's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    pub model: Learner,
    /// Tree and forest only: the maximum depth (`None`: unlimited).
    pub max_depth: Option<usize>,
    /// Stratified folds, shuffled with the seed.
    pub n_splits: usize,
    /// Neighbours for SMOTE, Borderline-SMOTE and ADASYN.
    pub k_neighbors: usize,
    /// How threshold moving picks its threshold.
    #[serde(serialize_with = "as_text")]
    pub threshold_rule: ThresholdRule,
    pub seed: u64,
}

fn as_text<S: Serializer>(rule: &ThresholdRule, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(rule)
}

impl Default for Params {
    fn default() -> Self {
        Params {
            model: Learner::Logistic,
            max_depth: None,
            n_splits: 5,
            k_neighbors: 5,
            threshold_rule: ThresholdRule::F1,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if self.n_splits < 2 {
            return Err(Error::param(
                "n_splits",
                format!("must be at least 2 (got {})", self.n_splits),
            ));
        }
        if self.k_neighbors == 0 {
            return Err(Error::param("k_neighbors", "must be at least 1"));
        }
        match (self.model, self.max_depth) {
            (Learner::Logistic, Some(_)) => Err(Error::param(
                "max_depth",
                "applies to the tree and forest models only, not logistic regression",
            )),
            (_, Some(0)) => Err(Error::param("max_depth", "must be at least 1 (got 0)")),
            _ => Ok(()),
        }
    }
}

/// One method's cross-validated scores, or why it could not run here.
#[derive(Debug, Clone, Serialize)]
pub struct MethodScores {
    pub method: String,
    pub note: Option<String>,
    pub leaky: bool,
    /// Each metric over the test folds: mean, std and 95% t interval.
    pub scores: Option<BTreeMap<&'static str, Summary>>,
    /// Each metric on each test fold, in fold order (the pairs behind every finding).
    pub fold_scores: Option<Vec<BTreeMap<&'static str, f64>>>,
    pub skipped: Option<String>,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The learner every method wraps, in words.
    pub model: String,
    pub n_splits: usize,
    pub methods: Vec<MethodScores>,
    /// Each metric's no-skill baseline on all labels (see [`no_skill`]): precision, recall
    /// and average precision the prevalence, F1 always-positive, balanced accuracy and
    /// ROC-AUC 0.5, Brier the prior's.
    pub baselines: BTreeMap<&'static str, f64>,
    /// Leaky minus honest SMOTE, in points (×100), per metric (the finding
    /// `leaky-smote-inflates` judges F1's).
    pub inflation: BTreeMap<&'static str, f64>,
    /// The method whose F1 a finding (`best-f1`) puts above every other method's; none
    /// when the folds cannot tell.
    pub best_f1: Option<String>,
    pub findings: Vec<mlproof_core::evidence::Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type ImbalanceReport = Report<Checked<Params>, Comparison>;

/// The number of levels of each categorical column (`None`: numeric).
pub fn levels(data: &Dataset) -> Vec<Option<usize>> {
    data.feature_kinds
        .iter()
        .map(|k| match k {
            FeatureKind::Numeric => None,
            FeatureKind::Categorical { levels } => Some(levels.len()),
        })
        .collect()
}

/// Runs every method on the same folds and judges them; `progress` hears of every fold of
/// every method.
pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<ImbalanceReport> {
    let y = data.binary_target()?;
    let (encoded, _) = encode::one_hot(data);
    let design = Design {
        encoded: &encoded,
        codes: &data.features,
        levels: levels(data),
        y: &y,
    };
    let (factory, model) = model::factory(params.model, params.max_depth, encoded.ncols())?;
    let opts = Options {
        n_splits: params.n_splits,
        k_neighbors: params.k_neighbors,
        rule: params.threshold_rule,
        standardize: params.model == Learner::Logistic,
        seed: params.seed,
    };
    let runs = compare(&design, factory.as_ref(), &opts, progress)?;
    let labels = y.to_vec();
    let fold_labels: Vec<Vec<usize>> = runs
        .folds
        .iter()
        .map(|f| f.test.iter().map(|&i| labels[i]).collect())
        .collect();
    let methods: Vec<MethodScores> = runs.methods.iter().map(scores).collect();
    let mut warnings: Vec<String> = methods
        .iter()
        .filter_map(|m| Some(format!("{} not run: {}", m.method, m.skipped.as_ref()?)))
        .collect();
    // Every honest method tests the same folds, so one names the folds without a positive.
    warnings.extend(
        runs.methods
            .iter()
            .filter(|m| !m.leaky)
            .find_map(|m| m.result.as_ref().ok())
            .and_then(undefined_warning),
    );
    let inflation = inflation(&methods);
    let baselines = METRICS
        .iter()
        .map(|&m| (m.name(), no_skill(m, &labels)))
        .collect();
    let judged = findings::judge(&methods, &runs.folds, &fold_labels);
    let results = Comparison {
        model,
        n_splits: params.n_splits,
        best_f1: judged.best_f1,
        reading: findings::read(&methods, &baselines, &judged.findings),
        methods,
        baselines,
        inflation,
        findings: judged.findings.into_vec(),
    };
    Ok(
        Report::new("imbalance", params.clone(), Some(data.summary()), results)
            .with_warnings(warnings),
    )
}

fn scores(run: &MethodRun) -> MethodScores {
    MethodScores {
        method: run.method.clone(),
        note: run.note.clone(),
        leaky: run.leaky,
        scores: run.result.as_ref().ok().map(|r| r.test.clone()),
        fold_scores: run
            .result
            .as_ref()
            .ok()
            .map(|r| r.folds.iter().map(|f| f.test.clone()).collect()),
        skipped: run.result.as_ref().err().cloned(),
    }
}

/// Leaky minus honest SMOTE (the last method and the fourth), in points, per metric.
fn inflation(methods: &[MethodScores]) -> BTreeMap<&'static str, f64> {
    let honest = methods.get(3).and_then(|m| m.scores.as_ref());
    let leaky = methods.last().and_then(|m| m.scores.as_ref());
    match (honest, leaky) {
        (Some(h), Some(l)) => METRICS
            .iter()
            .filter(|m| **m != Metric::Brier)
            .map(|m| (m.name(), 100.0 * (l[m.name()].mean - h[m.name()].mean)))
            .collect(),
        _ => BTreeMap::new(),
    }
}
