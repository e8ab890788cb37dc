//! `threshold`: what a first phase can promise a client about an operating point.
//!
//! On repeated stratified folds, each training fold is split again (stratified) into rows the
//! model is fitted on and validation rows it is not. On the validation scores two thresholds
//! are chosen: the *validation point*, whose validation rate just meets the promise (FPR ≤ α,
//! recall ≥ R or precision ≥ P), and for FPR and recall the *umbrella* threshold of the
//! Neyman–Pearson umbrella algorithm (Tong, Feng & Li 2018; [`umbrella`]), an order
//! statistic of the validation negatives (positives) chosen so that the promise holds with
//! probability at least C. Both are then scored on the held-out fold: JSON `promised` beside
//! `achieved`. The validation point keeps its promise only about half the time; the umbrella
//! threshold keeps it with probability C at a cost in the other rate, which the findings
//! measure (corrected resampled t over folds, Wilson for the pooled held-out rate).
//!
//! A promise needs a minimum number of validation rows of its class (59 negatives for
//! FPR ≤ 0.05 at C = 0.95); below it `run` refuses with an input error. Precision has no
//! such rule (it depends on both classes and the prevalence): it gets the validation point
//! only, and the report says so.

mod findings;
mod folds;
pub mod operating;
mod promise;
#[cfg(test)]
mod tests;
pub mod umbrella;

use std::collections::BTreeMap;

use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::stats::Summary;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::Splitter;
use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::common::ModelSpec;
use operating::Operating;
pub use promise::Promise;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub promise: Promise,
    /// C: the probability with which the umbrella promise holds.
    pub confidence: f64,
    pub model: ModelSpec,
    pub n_splits: usize,
    pub n_repeats: usize,
    /// The share of each training fold held back to choose thresholds on.
    pub validation_size: f64,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            promise: Promise::MaxFpr(0.05),
            confidence: 0.95,
            model: ModelSpec::default(),
            n_splits: 5,
            n_repeats: 2,
            validation_size: 0.3,
            seed: seed::DEFAULT_SEED,
        }
    }
}

fn open_unit(name: &str, v: f64) -> Result<()> {
    if v > 0.0 && v < 1.0 {
        Ok(())
    } else {
        Err(Error::param(
            name,
            format!("must be strictly between 0 and 1 (got {v})"),
        ))
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        open_unit(self.promise.name(), self.promise.bound())?;
        open_unit("confidence", self.confidence)?;
        open_unit("validation_size", self.validation_size)?;
        if self.n_splits < 2 {
            return Err(Error::param(
                "n_splits",
                format!("must be at least 2 (got {})", self.n_splits),
            ));
        }
        if self.n_repeats == 0 {
            return Err(Error::param("n_repeats", "must be at least 1 (got 0)"));
        }
        self.model.validate()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            promise: &'static str,
            bound: f64,
            confidence: f64,
            model: String,
            learner: &'a ModelSpec,
            n_splits: usize,
            n_repeats: usize,
            validation_size: f64,
            seed: u64,
        }
        let (model, learner) = crate::cv::model_fields(&self.model);
        Shown {
            promise: self.promise.name(),
            bound: self.promise.bound(),
            confidence: self.confidence,
            model,
            learner,
            n_splits: self.n_splits,
            n_repeats: self.n_repeats,
            validation_size: self.validation_size,
            seed: self.seed,
        }
        .serialize(s)
    }
}

/// The promise as made.
#[derive(Debug, Clone, Serialize)]
pub struct Promised {
    /// `fpr` (at most `bound`), `recall` or `precision` (at least `bound`).
    pub metric: &'static str,
    pub bound: f64,
    pub confidence: f64,
    /// 1 − C: the probability the umbrella promise may fail.
    pub violation_allowance: f64,
    /// The class whose validation scores set the umbrella threshold (none for precision).
    pub umbrella_class: Option<&'static str>,
    /// The fewest validation rows of that class the umbrella rule needs.
    pub min_validation_rows: Option<usize>,
    /// The fewest there were in any fold.
    pub smallest_validation_rows: Option<usize>,
}

/// One outer fold: both operating points.
#[derive(Debug, Clone, Serialize)]
pub struct FoldPoints {
    pub validation_point: Operating,
    pub umbrella: Option<Operating>,
    /// P(the umbrella promise fails) for this fold's rank and validation rows.
    pub violation_probability: Option<f64>,
}

/// A threshold's held-out record over the folds.
#[derive(Debug, Clone, Serialize)]
pub struct Achieved {
    /// The promised rate on the held-out folds.
    pub achieved: Summary,
    /// The folds whose held-out rate breaks the promise.
    pub folds_breaking_promise: usize,
    /// The rate the promise is paid in (see [`Promise::cost`]).
    pub cost: Summary,
    /// The promised rate pooled over the first repeat's held-out folds (each row once).
    pub achieved_pooled: f64,
}

/// What the thresholds achieved.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub promised: Promised,
    pub achieved_validation_point: Achieved,
    pub achieved_umbrella: Option<Achieved>,
    /// The rate the promise is paid in (`recall` or `fpr`).
    pub cost_metric: &'static str,
    /// What a model that ignores the features achieves: flagging rows at random at rate q
    /// gives FPR = recall = q, precision = the prevalence.
    pub baselines: BTreeMap<&'static str, f64>,
    pub folds: Vec<FoldPoints>,
    pub findings: Vec<mlproof_core::evidence::Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type ThresholdReport = Report<Checked<Params>, Results>;

/// Refuses a promise the validation rows are too few to make.
fn check_size(params: &Params, smallest: Option<usize>) -> Result<Option<usize>> {
    let Some((_, class)) = params.promise.class() else {
        return Ok(None);
    };
    let need = umbrella::min_samples(params.promise.alpha(), 1.0 - params.confidence);
    match smallest {
        Some(n) if n < need => {
            Err(Error::input(format!(
            "a promise of {} {} {} with confidence {} needs at least {need} validation {class} \
             per fold, and a fold has {n}; use more data, a larger --validation-size, a looser \
             promise or a lower --confidence",
            params.promise.metric(),
            if matches!(params.promise, Promise::MaxFpr(_)) { "≤" } else { "≥" },
            params.promise.bound(),
            params.confidence
        )))
        }
        _ => Ok(Some(need)),
    }
}

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<ThresholdReport> {
    let y = data.binary_target()?;
    let labels = y.to_vec();
    let positives = labels.iter().sum::<usize>();
    if positives < 2 || labels.len() - positives < 2 {
        return Err(Error::input(format!(
            "{} has {positives} positive and {} negative rows; a threshold needs at least two \
             of each class",
            data.name,
            labels.len() - positives
        )));
    }
    let (x, _) = encode::one_hot(data);
    let splits = Splitter::RepeatedStratified {
        n_splits: params.n_splits,
        n_repeats: params.n_repeats,
    }
    .split(labels.len(), Some(&labels), params.seed)?;
    let inner = folds::inner_splits(&splits.folds, &labels, params)?;
    let smallest = params.promise.class().and_then(|(c, _)| {
        inner
            .iter()
            .map(|i| i.validation.iter().filter(|&&r| labels[r] == c).count())
            .min()
    });
    let min_rows = check_size(params, smallest)?;
    let pipeline = params.model.pipeline()?;
    progress.start("folds", splits.folds.len());
    let folds = splits
        .folds
        .par_iter()
        .zip(&inner)
        .enumerate()
        .map(|(f, (fold, inner))| {
            let point = folds::fold_points(&x, &y, &pipeline, fold, inner, params, f);
            progress.tick();
            point
        })
        .collect::<Result<Vec<_>>>()?;
    progress.finish();
    let promised = Promised {
        metric: params.promise.metric(),
        bound: params.promise.bound(),
        confidence: params.confidence,
        violation_allowance: 1.0 - params.confidence,
        umbrella_class: params.promise.class().map(|(_, c)| c),
        min_validation_rows: min_rows,
        smallest_validation_rows: smallest,
    };
    let first_repeat = params.n_splits.min(folds.len());
    let validation: Vec<&Operating> = folds.iter().map(|f| &f.validation_point).collect();
    let umbrella: Option<Vec<&Operating>> = folds.iter().map(|f| f.umbrella.as_ref()).collect();
    let achieved_validation_point = achieved(params.promise, &validation, first_repeat);
    let achieved_umbrella = umbrella
        .as_ref()
        .map(|u| achieved(params.promise, u, first_repeat));
    let baselines = baselines(params.promise, positives as f64 / labels.len() as f64);
    let judged = findings::judge(
        params.promise,
        &validation,
        umbrella.as_deref(),
        &splits.folds,
        first_repeat,
        &baselines,
    );
    let reading = findings::read(
        params.promise,
        &achieved_validation_point,
        achieved_umbrella.as_ref(),
        folds.len(),
        judged.as_slice(),
    );
    let results = Results {
        promised,
        achieved_validation_point,
        achieved_umbrella,
        cost_metric: params.promise.cost(),
        baselines,
        folds,
        findings: judged.into_vec(),
        reading,
    };
    Ok(
        Report::new("threshold", params.clone(), Some(data.summary()), results)
            .with_warnings(splits.warnings),
    )
}

fn achieved(promise: Promise, points: &[&Operating], first_repeat: usize) -> Achieved {
    let rate: Vec<f64> = points
        .iter()
        .map(|p| p.held_out.get(promise.metric()))
        .collect();
    let cost: Vec<f64> = points
        .iter()
        .map(|p| p.held_out.get(promise.cost()))
        .collect();
    let (num, den) = findings::pooled(promise.metric(), &points[..first_repeat]);
    Achieved {
        achieved: Summary::of(&rate),
        folds_breaking_promise: rate.iter().filter(|&&r| promise.broken_by(r)).count(),
        cost: Summary::of(&cost),
        achieved_pooled: if den == 0 {
            f64::NAN
        } else {
            num as f64 / den as f64
        },
    }
}

/// No-skill rates: random flagging at the promised rate q gives FPR = recall = q; precision
/// is the prevalence at any rate.
fn baselines(promise: Promise, prevalence: f64) -> BTreeMap<&'static str, f64> {
    let mut b = BTreeMap::from([("precision", prevalence)]);
    match promise {
        Promise::MaxFpr(a) => {
            b.insert("fpr", a);
            b.insert("recall", a);
        }
        Promise::MinRecall(r) => {
            b.insert("fpr", r);
            b.insert("recall", r);
        }
        Promise::MinPrecision(_) => {}
    }
    b
}
