//! The comparison behind `mlproof imbalance`: every way of handling an imbalanced target
//! scored on the same stratified folds, resampling inside the training folds only, plus
//! SMOTE run before the split (the leak) on the same folds.

use std::collections::BTreeMap;

use ndarray::{Array1, Array2};
use serde::Serialize;

use mlproof_core::metrics::Metric;
use mlproof_core::model::pipeline::Transform;
use mlproof_core::model::{BinaryClassifier, ClassWeight, Pipeline, Standardize, Step};
use mlproof_core::stats::Summary;
use mlproof_core::{seed, Result};
use mlproof_validation::cv::{cross_validate, CvOptions};
use mlproof_validation::split::{Fold, Splitter};

use crate::{
    Adasyn, IsolationForest, RandomOverSampler, RandomUnderSampler, SamplingStrategy, Smote,
    SmoteKind, SmoteNc, ThresholdMoving, ThresholdRule,
};

/// The metrics every row reports.
pub const METRICS: [Metric; 6] = [
    Metric::Precision,
    Metric::Recall,
    Metric::F1,
    Metric::BalancedAccuracy,
    Metric::RocAuc,
    Metric::AveragePrecision,
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
#[derive(Debug, Clone, Serialize)]
pub struct MethodScores {
    pub method: String,
    pub note: Option<String>,
    pub leaky: bool,
    pub scores: Option<BTreeMap<&'static str, Summary>>,
    pub skipped: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub n_splits: usize,
    pub methods: Vec<MethodScores>,
    /// Leaky minus honest SMOTE, in points (×100), per metric.
    pub inflation: BTreeMap<&'static str, f64>,
    pub reading: Vec<String>,
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
) -> Result<MethodScores> {
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
    let result = cross_validate(
        &xr,
        &yr,
        model.as_ref(),
        &leaky_folds,
        &cv_options(opts.seed),
    )?;
    Ok(MethodScores {
        method: format!("{name} before the split"),
        note: Some("leaky: synthetic rows from test rows sit in training folds".into()),
        leaky: true,
        scores: Some(result.test),
        skipped: None,
    })
}

/// Runs every method on the same stratified folds.
pub fn compare(design: &Design, learner: LearnerFactory, opts: &Options) -> Result<Comparison> {
    let labels = design.y.to_vec();
    let splitter = Splitter::Stratified {
        n_splits: opts.n_splits,
        shuffle: true,
    }
    .check()?;
    let folds = splitter
        .split(labels.len(), Some(&labels), opts.seed)?
        .folds;
    let mut methods: Vec<MethodScores> = plans(design, learner, opts)?
        .into_iter()
        .map(|plan| {
            let x = match plan.input {
                Input::Encoded => design.encoded,
                Input::Codes => design.codes,
            };
            let run = cross_validate(
                x,
                design.y,
                plan.learner.as_ref(),
                &folds,
                &cv_options(opts.seed),
            );
            MethodScores {
                method: plan.method,
                note: plan.note,
                leaky: false,
                skipped: run.as_ref().err().map(ToString::to_string),
                scores: run.ok().map(|r| r.test),
            }
        })
        .collect();
    let leak = leaky_smote(design, learner, &folds, opts)?;
    let honest = methods[3].scores.clone();
    let inflation = match (&honest, &leak.scores) {
        (Some(h), Some(l)) => METRICS
            .iter()
            .map(|m| (m.name(), 100.0 * (l[m.name()].mean - h[m.name()].mean)))
            .collect(),
        _ => BTreeMap::new(),
    };
    methods.push(leak);
    let reading = reading(&methods, &inflation);
    Ok(Comparison {
        n_splits: opts.n_splits,
        methods,
        inflation,
        reading,
    })
}

fn mean(m: &MethodScores, metric: &str) -> Option<Summary> {
    m.scores
        .as_ref()
        .and_then(|s| s.get(metric).cloned())
        .filter(|s| s.mean.is_finite())
}

/// Sentences worded from the table.
fn reading(methods: &[MethodScores], inflation: &BTreeMap<&'static str, f64>) -> Vec<String> {
    let mut out = Vec::new();
    let honest: Vec<&MethodScores> = methods.iter().filter(|m| !m.leaky).collect();
    let Some(base) = mean(honest[0], "f1") else {
        return vec!["The baseline could not be scored, so nothing is compared.".into()];
    };
    let best = honest
        .iter()
        .filter_map(|m| mean(m, "f1").map(|s| (m, s)))
        .max_by(|a, b| a.1.mean.total_cmp(&b.1.mean));
    match best {
        Some((m, s)) if s.mean > base.mean && m.method != "none" => {
            let clear = s.ci95_low > base.ci95_high;
            out.push(format!(
                "Best F1: {} at {:.3} against {:.3} with no treatment ({:+.1} points); {}.",
                m.method,
                s.mean,
                base.mean,
                100.0 * (s.mean - base.mean),
                if clear {
                    "its 95% interval lies above the baseline's"
                } else {
                    "the 95% intervals overlap, so these folds cannot call it better"
                }
            ));
        }
        _ => out.push(format!(
            "Nothing beat doing nothing on F1 here (no treatment: {:.3}).",
            base.mean
        )),
    }
    let auc = mean(honest[0], "roc_auc");
    let shifts: Vec<f64> = honest
        .iter()
        .filter(|m| m.method != "anomaly detection")
        .filter_map(|m| Some(100.0 * (mean(m, "roc_auc")?.mean - auc.as_ref()?.mean).abs()))
        .collect();
    if let Some(max) = shifts.iter().copied().reduce(f64::max) {
        out.push(format!(
            "ROC-AUC moves by at most {max:.1} points across the supervised methods: {}",
            if max < 2.0 {
                "they mostly move the decision threshold, not the ranking."
            } else {
                "here some of them change the ranking too."
            }
        ));
    }
    if let Some(f1) = inflation.get("f1") {
        out.push(format!(
            "SMOTE before the split inflates F1 by {f1:+.1} points on the same folds."
        ));
    }
    out
}

/// The accuracy paradox on one dataset: a majority-class predictor against logistic
/// regression, stratified k-fold.
#[derive(Debug, Clone, Serialize)]
pub struct ParadoxRow {
    pub majority_accuracy: f64,
    pub majority_recall: f64,
    pub majority_f1: f64,
    pub model_accuracy: f64,
    pub model_recall: f64,
    pub model_f1: f64,
}

pub fn paradox(
    x: &Array2<f64>,
    y: &Array1<usize>,
    n_splits: usize,
    seed: u64,
) -> Result<ParadoxRow> {
    let labels = y.to_vec();
    let folds = Splitter::Stratified {
        n_splits,
        shuffle: true,
    }
    .check()?
    .split(labels.len(), Some(&labels), seed)?
    .folds;
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy, Metric::Recall, Metric::F1],
        threshold: 0.5,
        train_scores: false,
        seed,
    };
    let base = cross_validate(x, y, &mlproof_core::model::MajorityClass, &folds, &opts)?;
    let model = mlproof_core::model::standardized_logistic(1.0)?;
    let fitted = cross_validate(x, y, &model, &folds, &opts)?;
    let get = |r: &mlproof_validation::cv::CvResult, m: &str| r.test[m].mean;
    Ok(ParadoxRow {
        majority_accuracy: get(&base, "accuracy"),
        majority_recall: get(&base, "recall"),
        majority_f1: get(&base, "f1"),
        model_accuracy: get(&fitted, "accuracy"),
        model_recall: get(&fitted, "recall"),
        model_f1: get(&fitted, "f1"),
    })
}
