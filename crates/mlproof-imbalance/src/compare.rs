//! The comparison behind `mlproof imbalance`: every way of handling an imbalanced target
//! scored on the same stratified folds, resampling inside the training folds only, plus
//! SMOTE run before the split (the leak) on the same folds. This module runs the methods and
//! returns their per-fold scores; what the scores say is decided by the experiment
//! (`mlproof_experiments::imbalance`).

use ndarray::{Array1, Array2};
use serde::Serialize;

use mlproof_core::metrics::Metric;
use mlproof_core::model::pipeline::Transform;
use mlproof_core::model::{
    BinaryClassifier, ClassWeight, FittedBinary, Pipeline, Standardize, Step,
};
use mlproof_core::progress::Observer;
use mlproof_core::{seed, Result};
use mlproof_validation::cv::{cross_validate, CvOptions, CvResult};
use mlproof_validation::split::{Fold, Splitter};

use crate::{
    Adasyn, IsolationForest, RandomOverSampler, RandomUnderSampler, SamplingStrategy, Smote,
    SmoteKind, SmoteNc, ThresholdMoving, ThresholdRule,
};

/// The metrics every row reports (the Brier score shows what a correction does to the
/// predicted probabilities).
pub const METRICS: [Metric; 7] = [
    Metric::Precision,
    Metric::Recall,
    Metric::F1,
    Metric::BalancedAccuracy,
    Metric::RocAuc,
    Metric::AveragePrecision,
    Metric::Brier,
];

/// The data in the two forms the methods need.
pub struct Design<'a> {
    /// What the models see: numeric columns, categorical ones one-hot encoded.
    pub encoded: &'a Array2<f64>,
    /// The raw columns, categorical ones as level codes (for SMOTE-NC).
    pub codes: &'a Array2<f64>,
    /// The number of levels of each categorical column of `codes` (`None`: numeric).
    pub levels: Vec<Option<usize>>,
    pub y: &'a Array1<usize>,
}

/// Builds the learner, with or without balanced class weights.
pub type LearnerFactory<'a> = &'a (dyn Fn(ClassWeight) -> Result<Box<dyn BinaryClassifier>> + Sync);

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Options {
    pub n_splits: usize,
    pub k_neighbors: usize,
    pub rule: ThresholdRule,
    /// Standardise inside the folds (for penalised or distance-based learners).
    pub standardize: bool,
    pub seed: u64,
}

/// One method's cross-validated scores, or why it could not run here.
#[derive(Debug, Clone)]
pub struct MethodRun {
    pub method: String,
    pub note: Option<String>,
    /// Resampled before the split (the leak), on folds that hold synthetic rows too.
    pub leaky: bool,
    /// Per-fold scores and their summaries, or the error that stopped the method.
    pub result: std::result::Result<CvResult, String>,
}

/// Every method on the same folds: the honest ones in [`METHODS`] order, then SMOTE before
/// the split.
#[derive(Debug, Clone)]
pub struct Runs {
    /// The stratified folds of the original rows every honest method used.
    pub folds: Vec<Fold>,
    pub methods: Vec<MethodRun>,
}

/// The honest methods, in the order [`compare`] runs them (SMOTE's entry is SMOTE-NC on
/// mixed columns).
pub const METHODS: [&str; 9] = [
    "none",
    "random under-sampling",
    "random over-sampling",
    "SMOTE",
    "Borderline-SMOTE",
    "ADASYN",
    "class weights",
    "threshold moving",
    "anomaly detection",
];

/// A learner that reports each fit to an observer: one tick per fold of a method.
struct Ticking<'a> {
    inner: &'a dyn BinaryClassifier,
    progress: &'a dyn Observer,
}

impl BinaryClassifier for Ticking<'_> {
    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Box<dyn FittedBinary>> {
        let fitted = self.inner.fit(x, y, seed);
        self.progress.tick();
        fitted
    }
}

/// One-hot encodes the categorical code columns (after SMOTE-NC, before the learner).
struct OneHot(Vec<Option<usize>>);

impl Transform for OneHot {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        let width: usize = self.0.iter().map(|l| l.unwrap_or(1)).sum();
        let mut out = Array2::zeros((x.nrows(), width));
        for i in 0..x.nrows() {
            let mut c = 0;
            for (j, levels) in self.0.iter().enumerate() {
                match levels {
                    None => out[[i, c]] = x[[i, j]],
                    Some(n) => {
                        let code = x[[i, j]] as usize;
                        if code < *n {
                            out[[i, c + code]] = 1.0;
                        }
                    }
                }
                c += levels.unwrap_or(1);
            }
        }
        out
    }
}

impl Step for OneHot {
    fn name(&self) -> String {
        "one-hot".into()
    }

    fn fit(&self, _x: &Array2<f64>, _y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        Ok(Box::new(OneHot(self.0.clone())))
    }
}

/// Which matrix a method works on.
#[derive(Clone, Copy)]
enum Input {
    Encoded,
    Codes,
}

struct Plan {
    method: String,
    note: Option<String>,
    input: Input,
    learner: Box<dyn BinaryClassifier>,
}

fn pipeline(
    steps: Vec<Box<dyn Step>>,
    standardize: bool,
    learner: Box<dyn BinaryClassifier>,
) -> Box<dyn BinaryClassifier> {
    let mut steps = steps;
    if standardize {
        steps.push(Box::new(Standardize));
    }
    Box::new(Pipeline { steps, learner })
}

/// The SMOTE the data allows: SMOTE-NC on mixed columns, plain SMOTE otherwise (on the
/// one-hot columns when every column is categorical).
/// A SMOTE step, the matrix it needs, its name and a note.
type SmoteChoice = (Box<dyn Step>, Input, String, Option<String>);

fn smote_step(design: &Design, k: usize) -> Result<SmoteChoice> {
    let categorical: Vec<bool> = design.levels.iter().map(Option::is_some).collect();
    let any = categorical.iter().any(|&c| c);
    if any && !categorical.iter().all(|&c| c) {
        let nc = SmoteNc::new(k, SamplingStrategy::Auto, categorical)?;
        let note = "numeric columns interpolated, categories by neighbour vote".to_string();
        return Ok((Box::new(nc), Input::Codes, "SMOTE-NC".into(), Some(note)));
    }
    let smote = Smote::new(k, SamplingStrategy::Auto, SmoteKind::Regular)?;
    let note = any.then(|| "every column is categorical: run on one-hot columns".to_string());
    Ok((Box::new(smote), Input::Encoded, "SMOTE".into(), note))
}

fn plans(design: &Design, learner: LearnerFactory, opts: &Options) -> Result<Vec<Plan>> {
    let std = opts.standardize;
    let k = opts.k_neighbors;
    let one_hot_note = design
        .levels
        .iter()
        .any(Option::is_some)
        .then(|| "on one-hot columns (indicators become fractions)".to_string());
    let encoded = |method: &str, note: Option<String>, learner: Box<dyn BinaryClassifier>| Plan {
        method: method.into(),
        note,
        input: Input::Encoded,
        learner,
    };
    let (smote, input, smote_name, smote_note) = smote_step(design, k)?;
    let mut smote_steps: Vec<Box<dyn Step>> = vec![smote];
    if matches!(input, Input::Codes) {
        smote_steps.push(Box::new(OneHot(design.levels.clone())));
    }
    Ok(vec![
        encoded(
            "none",
            None,
            pipeline(vec![], std, learner(ClassWeight::None)?),
        ),
        encoded(
            "random under-sampling",
            None,
            pipeline(
                vec![Box::new(RandomUnderSampler {
                    strategy: SamplingStrategy::Auto,
                })],
                std,
                learner(ClassWeight::None)?,
            ),
        ),
        encoded(
            "random over-sampling",
            None,
            pipeline(
                vec![Box::new(RandomOverSampler {
                    strategy: SamplingStrategy::Auto,
                })],
                std,
                learner(ClassWeight::None)?,
            ),
        ),
        Plan {
            method: smote_name,
            note: smote_note,
            input,
            learner: pipeline(smote_steps, std, learner(ClassWeight::None)?),
        },
        encoded(
            "Borderline-SMOTE",
            one_hot_note.clone(),
            pipeline(
                vec![Box::new(Smote::new(
                    k,
                    SamplingStrategy::Auto,
                    SmoteKind::Borderline { m: 10 },
                )?)],
                std,
                learner(ClassWeight::None)?,
            ),
        ),
        encoded(
            "ADASYN",
            one_hot_note,
            pipeline(
                vec![Box::new(Adasyn::new(k, SamplingStrategy::Auto)?)],
                std,
                learner(ClassWeight::None)?,
            ),
        ),
        encoded(
            "class weights",
            Some("balanced: n / (2·n_class) per row".into()),
            pipeline(vec![], std, learner(ClassWeight::Balanced)?),
        ),
        encoded(
            "threshold moving",
            Some(format!("{}, chosen on 3 inner folds", opts.rule)),
            Box::new(ThresholdMoving {
                learner: pipeline(vec![], std, learner(ClassWeight::None)?),
                rule: opts.rule,
                inner_folds: 3,
            }),
        ),
        encoded(
            "anomaly detection",
            Some("isolation forest on negatives only; score > ½".into()),
            Box::<IsolationForest>::default(),
        ),
    ])
}

fn cv_options(seed: u64) -> CvOptions {
    CvOptions {
        metrics: METRICS.to_vec(),
        threshold: 0.5,
        train_scores: false,
        seed,
    }
}

/// SMOTE on every row, then the same folds: each original row stays in its fold and the
/// synthetic rows are dealt to the folds at random, as splitting the resampled data would.
fn leaky_smote(
    design: &Design,
    learner: LearnerFactory,
    folds: &[Fold],
    opts: &Options,
    progress: &dyn Observer,
) -> Result<MethodRun> {
    let (step, input, name, _) = smote_step(design, opts.k_neighbors)?;
    let x = match input {
        Input::Encoded => design.encoded,
        Input::Codes => design.codes,
    };
    let (xr, yr, _) =
        step.fit_resample(x, design.y, seed::derive(opts.seed, "imbalance/leak", 0))?;
    let n = design.y.len();
    let order = seed::permutation(
        &mut seed::rng(opts.seed, "imbalance/leak-folds", 0),
        xr.nrows() - n,
    );
    let k = folds.len();
    let leaky_folds: Vec<Fold> = folds
        .iter()
        .enumerate()
        .map(|(f, fold)| {
            let mine = |pos: usize| pos % k == f;
            let mut test = fold.test.clone();
            let mut train = fold.train.clone();
            for (pos, &s) in order.iter().enumerate() {
                if mine(pos) {
                    test.push(n + s)
                } else {
                    train.push(n + s)
                }
            }
            Fold { train, test }
        })
        .collect();
    let mut steps: Vec<Box<dyn Step>> = Vec::new();
    if matches!(input, Input::Codes) {
        steps.push(Box::new(OneHot(design.levels.clone())));
    }
    let model = pipeline(steps, opts.standardize, learner(ClassWeight::None)?);
    let ticking = Ticking {
        inner: model.as_ref(),
        progress,
    };
    let result = cross_validate(&xr, &yr, &ticking, &leaky_folds, &cv_options(opts.seed))?;
    Ok(MethodRun {
        method: format!("{name} before the split"),
        note: Some("leaky: synthetic rows from test rows sit in training folds".into()),
        leaky: true,
        result: Ok(result),
    })
}

/// Runs every method on the same stratified folds, then SMOTE before the split; `progress`
/// hears of every fold of every method ((methods + 1) × folds fits).
pub fn compare(
    design: &Design,
    learner: LearnerFactory,
    opts: &Options,
    progress: &dyn Observer,
) -> Result<Runs> {
    let labels = design.y.to_vec();
    let splitter = Splitter::Stratified {
        n_splits: opts.n_splits,
        shuffle: true,
    }
    .check()?;
    let folds = splitter
        .split(labels.len(), Some(&labels), opts.seed)?
        .folds;
    let plans = plans(design, learner, opts)?;
    progress.start(
        "imbalance: methods × folds",
        (plans.len() + 1) * folds.len(),
    );
    let mut methods: Vec<MethodRun> = plans
        .into_iter()
        .map(|plan| {
            let x = match plan.input {
                Input::Encoded => design.encoded,
                Input::Codes => design.codes,
            };
            let ticking = Ticking {
                inner: plan.learner.as_ref(),
                progress,
            };
            let run = cross_validate(x, design.y, &ticking, &folds, &cv_options(opts.seed));
            MethodRun {
                method: plan.method,
                note: plan.note,
                leaky: false,
                result: run.map_err(|e| e.to_string()),
            }
        })
        .collect();
    let leak = leaky_smote(design, learner, &folds, opts, progress);
    progress.finish();
    methods.push(leak?);
    Ok(Runs { folds, methods })
}
