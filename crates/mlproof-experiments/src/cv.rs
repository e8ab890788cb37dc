//! `cv`: cross-validation with per-fold scores, their summary, and each score judged against
//! the score of a model that ignores the features (its no-skill baseline) on the same fold.
//!
//! Per fold f the model scores s_f and the no-skill model b_f on the fold's test labels
//! ([`no_skill`]); the finding for a metric is the mean of d_f = s_f − b_f with the
//! Nadeau–Bengio corrected resampled t interval ([`fold_difference`]). When every test fold
//! holds one row (leave-one-out) a per-fold score is 0, 1 or undefined and a per-fold
//! baseline is trivial, so the pooled out-of-fold score is judged against the baseline of all
//! labels instead, with a bootstrap percentile interval over the pooled rows.
//!
//! `cv --compare` (leave-one-out against k-fold) is [`compare`].

pub mod compare;

use std::collections::BTreeMap;

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::metrics::{baseline::no_skill_model, no_skill, Metric};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::cv::{cross_validate_observed, undefined_warning, CvOptions, CvResult};
use mlproof_validation::Splitter;
use rand::Rng;
use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::common::{fold_difference, ModelSpec};
use crate::split;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// Bootstrap resamples of the pooled rows behind each leave-one-out interval.
pub const BOOTSTRAP: usize = 1000;

/// The metrics scored on every fold, in table order.
pub const METRICS: [Metric; 7] = [
    Metric::Accuracy,
    Metric::BalancedAccuracy,
    Metric::Precision,
    Metric::Recall,
    Metric::F1,
    Metric::RocAuc,
    Metric::AveragePrecision,
];

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// The learner and every setting that changes its numbers.
    pub model: ModelSpec,
    pub splitter: Splitter,
    /// Predict positive when P(positive) ≥ threshold.
    pub threshold: f64,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            model: ModelSpec::default(),
            splitter: Splitter::Stratified {
                n_splits: split::DEFAULT_N_SPLITS,
                shuffle: false,
            },
            threshold: 0.5,
            seed: seed::DEFAULT_SEED,
        }
    }
}

/// Checks a decision threshold: a probability in [0, 1].
pub fn check_threshold(threshold: f64) -> Result<()> {
    if (0.0..=1.0).contains(&threshold) {
        Ok(())
    } else {
        Err(Error::param(
            "threshold",
            format!("{threshold} is out of range; use a probability in [0, 1]"),
        ))
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        check_threshold(self.threshold)?;
        self.model.validate()?;
        self.splitter.clone().check().map(|_| ())
    }
}

/// The learner as JSON shows it: `model` (its steps in words, as before) and `learner` (every
/// setting, [`ModelSpec`]).
pub(crate) fn model_fields(spec: &ModelSpec) -> (String, &ModelSpec) {
    let words = spec.pipeline().map(|p| p.describe()).unwrap_or_default();
    (words, spec)
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            model: String,
            learner: &'a ModelSpec,
            splitter: &'a Splitter,
            threshold: f64,
            seed: u64,
        }
        let (model, learner) = model_fields(&self.model);
        Shown {
            model,
            learner,
            splitter: &self.splitter,
            threshold: self.threshold,
            seed: self.seed,
        }
        .serialize(s)
    }
}

/// Per-fold scores and summaries (`folds`, `test`, `train`, `pooled`, as before), the
/// baselines beside them, and the findings.
#[derive(Debug, Clone, Serialize)]
pub struct CrossValidation {
    #[serde(flatten)]
    pub cv: CvResult,
    /// Each metric's no-skill score, averaged over the test folds (the `test` means' baseline).
    pub baselines: BTreeMap<&'static str, f64>,
    /// Each metric's no-skill score on all labels (the `pooled` scores' baseline).
    pub pooled_baselines: BTreeMap<&'static str, f64>,
    /// Which no-skill model each baseline is.
    pub baseline_models: BTreeMap<&'static str, &'static str>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type CvReport = Report<Checked<Params>, CrossValidation>;

/// The learner's description, as titles show it (`standardize → logistic`).
pub fn model_name(spec: &ModelSpec) -> String {
    model_fields(spec).0
}

pub fn run(data: &Dataset, params: &Checked<Params>, progress: &dyn Observer) -> Result<CvReport> {
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let pipeline = params.model.pipeline()?;
    let splits =
        params
            .splitter
            .split(data.n_rows(), data.class_codes().as_deref(), params.seed)?;
    let opts = CvOptions {
        metrics: METRICS.to_vec(),
        threshold: params.threshold,
        train_scores: false,
        seed: params.seed,
    };
    progress.start("folds", splits.folds.len());
    let cv = cross_validate_observed(&x, &y, &pipeline, &splits.folds, &opts, progress)?;
    progress.finish();
    let fold_baselines: Vec<BTreeMap<&'static str, f64>> = splits
        .folds
        .iter()
        .map(|f| {
            let yt: Vec<usize> = f.test.iter().map(|&i| y[i]).collect();
            // Where the metric is undefined on the fold, so is its baseline (n/a, not 0).
            METRICS
                .iter()
                .map(|&m| {
                    let b = if m.defined_on(&yt) {
                        no_skill(m, &yt)
                    } else {
                        f64::NAN
                    };
                    (m.name(), b)
                })
                .collect()
        })
        .collect();
    let all = y.to_vec();
    let pooled_baselines: BTreeMap<&'static str, f64> = METRICS
        .iter()
        .map(|&m| (m.name(), no_skill(m, &all)))
        .collect();
    let baselines = METRICS
        .iter()
        .map(|m| {
            let v: Vec<f64> = fold_baselines.iter().map(|b| b[m.name()]).collect();
            (m.name(), defined_mean(&v))
        })
        .collect();
    let design = split::describe(&params.splitter);
    let single_row = cv.folds.iter().all(|f| f.test_rows == 1);
    let findings = if single_row {
        against_pooled_baseline(
            &cv,
            &pooled_baselines,
            params.threshold,
            params.seed,
            progress,
        )
    } else {
        against_fold_baselines(
            &cv,
            &fold_baselines,
            &splits.folds,
            &format!("{design} cross-validation"),
        )
    };
    let reading = read(
        &cv,
        &baselines,
        &pooled_baselines,
        single_row,
        findings.as_slice(),
    );
    let results = CrossValidation {
        cv,
        baselines,
        pooled_baselines,
        baseline_models: METRICS
            .iter()
            .map(|&m| (m.name(), no_skill_model(m)))
            .collect(),
        findings: findings.into_vec(),
        reading,
    };
    let mut warnings = splits.warnings;
    warnings.extend(undefined_warning(&results.cv));
    Ok(Report::new("cv", params.clone(), Some(data.summary()), results).with_warnings(warnings))
}

/// The mean over the folds where a value is defined (not NaN); NaN when none is.
fn defined_mean(v: &[f64]) -> f64 {
    let defined: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
    if defined.is_empty() {
        f64::NAN
    } else {
        defined.iter().sum::<f64>() / defined.len() as f64
    }
}

/// A metric's name in sentences and finding ids.
pub fn label(m: Metric) -> &'static str {
    match m {
        Metric::Accuracy => "accuracy",
        Metric::BalancedAccuracy => "balanced accuracy",
        Metric::Precision => "precision",
        Metric::Recall => "recall",
        Metric::F1 => "F1",
        Metric::RocAuc => "ROC-AUC",
        Metric::AveragePrecision => "average precision",
        other => other.name(),
    }
}

fn finding_id(m: Metric) -> String {
    format!("{}-above-baseline", m.name().replace('_', "-"))
}

fn statement(m: Metric, baseline: f64) -> String {
    format!(
        "the model's {} is above its no-skill baseline ({}, {})",
        label(m),
        no_skill_model(m),
        evidence::number(baseline)
    )
}

/// Per metric: the paired per-fold differences model − no-skill, corrected resampled t.
fn against_fold_baselines(
    cv: &CvResult,
    fold_baselines: &[BTreeMap<&'static str, f64>],
    folds: &[mlproof_validation::Fold],
    design: &str,
) -> Findings {
    let mut out = Findings::default();
    for m in METRICS {
        let scores: Vec<f64> = cv.folds.iter().map(|f| f.test[m.name()]).collect();
        let base: Vec<f64> = fold_baselines.iter().map(|b| b[m.name()]).collect();
        let mean_base = defined_mean(&base);
        out.push(Finding::new(
            &finding_id(m),
            statement(m, mean_base),
            fold_difference(&scores, &base, folds, design),
            Rope::score(),
            Direction::Greater,
        ));
    }
    out
}

/// Per metric: the pooled out-of-fold score minus the no-skill score of all labels, with a
/// bootstrap percentile interval over the pooled rows (each resample recomputes both).
fn against_pooled_baseline(
    cv: &CvResult,
    baselines: &BTreeMap<&'static str, f64>,
    threshold: f64,
    seed: u64,
    progress: &dyn Observer,
) -> Findings {
    let (y, p) = (&cv.pooled_y, &cv.pooled_proba);
    let lifts = |rows: &[usize]| -> Vec<f64> {
        let yy: Vec<usize> = rows.iter().map(|&i| y[i]).collect();
        let pp: Vec<f64> = rows.iter().map(|&i| p[i]).collect();
        let pred: Vec<usize> = pp.iter().map(|&q| usize::from(q >= threshold)).collect();
        METRICS
            .iter()
            .map(|&m| m.compute(&yy, &pred, &pp).unwrap_or(f64::NAN) - no_skill(m, &yy))
            .collect()
    };
    let n = y.len();
    progress.start("bootstrap", BOOTSTRAP);
    let reps: Vec<Vec<f64>> = (0..BOOTSTRAP)
        .into_par_iter()
        .map(|b| {
            let mut rng = seed::rng(seed, "cv-bootstrap", b as u64);
            let rows: Vec<usize> = (0..n).map(|_| rng.gen_range(0..n)).collect();
            progress.tick();
            lifts(&rows)
        })
        .collect();
    progress.finish();
    let mut out = Findings::default();
    for (k, m) in METRICS.iter().enumerate() {
        let point = cv.pooled[m.name()] - baselines[m.name()];
        let column: Vec<f64> = reps.iter().map(|r| r[k]).collect();
        out.push(Finding::new(
            &finding_id(*m),
            statement(*m, baselines[m.name()]),
            Effect::bootstrap_percentile(
                point,
                &column,
                "resamples of the pooled out-of-fold rows (one-row folds)",
            ),
            Rope::score(),
            Direction::Greater,
        ));
    }
    out
}

/// The numbers in words (no judgement), one sentence per finding, then the metrics whose
/// finding does not hold named as at or below their baseline (a restatement of verdicts).
fn read(
    cv: &CvResult,
    baselines: &BTreeMap<&'static str, f64>,
    pooled_baselines: &BTreeMap<&'static str, f64>,
    single_row: bool,
    findings: &[Finding],
) -> String {
    let quote = |m: Metric| {
        let (value, base) = if single_row {
            (cv.pooled[m.name()], pooled_baselines[m.name()])
        } else {
            (cv.test[m.name()].mean, baselines[m.name()])
        };
        format!(
            "{} {} against {}",
            label(m),
            evidence::number(value),
            evidence::number(base)
        )
    };
    let what = if single_row {
        "Pooled over the one-row folds"
    } else {
        "Mean over the folds"
    };
    let mut text = format!(
        "{what}, the model scores {}, {} and {} (its no-skill baselines). {}",
        quote(Metric::Accuracy),
        quote(Metric::BalancedAccuracy),
        quote(Metric::RocAuc),
        evidence::reading(findings)
    );
    let below: Vec<&str> = METRICS
        .iter()
        .filter(|&&m| {
            findings
                .iter()
                .any(|f| f.id == finding_id(m) && f.verdict == evidence::Verdict::DoesNotHold)
        })
        .map(|&m| label(m))
        .collect();
    if !below.is_empty() {
        text.push_str(&format!(
            " So by {} the model is at or below its no-skill baseline.",
            below.join(", ")
        ));
    }
    let level: Vec<&str> = METRICS
        .iter()
        .filter(|&&m| {
            findings.iter().any(|f| {
                f.id == finding_id(m)
                    && f.verdict != evidence::Verdict::DoesNotHold
                    && f.estimate <= 0.0
            })
        })
        .map(|&m| label(m))
        .collect();
    if !level.is_empty() {
        text.push_str(&format!(
            " By {} the model's score is at or below its no-skill baseline on average (the \
             finding above says whether by a practical margin).",
            level.join(", ")
        ));
    }
    text
}

#[cfg(test)]
mod tests;
