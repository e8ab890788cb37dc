//! The corrections compared (van den Goorbergh et al. 2022, *JAMIA* 29:1525): one logistic
//! regression trained with no correction, random under-sampling, SMOTE or balanced class
//! weights, each then recalibrated — all inside the training folds.
//!
//! Per outer fold and correction: the model is fitted on the training rows (resampled inside
//! the pipeline, so test rows are never resampled) and predicts the test rows. The
//! recalibrators are fitted on out-of-fold predictions of the *training* rows: an inner
//! stratified split of the training rows, the model (with its resampling) fitted on each inner
//! training part and predicting the inner held-out part, original rows only — scikit-learn's
//! `CalibratedClassifierCV(ensemble=False)`. Platt scaling and isotonic regression fitted on
//! those predictions then map the test predictions.

use mlproof_core::calibration::{IsotonicRegression, Platt};
use mlproof_core::model::{
    BinaryClassifier, ClassWeight, Pipeline, Standardize, Step, WeightedLogistic,
};
use mlproof_core::{seed, Result};
use mlproof_imbalance::{RandomUnderSampler, SamplingStrategy, Smote, SmoteKind};
use mlproof_validation::split::stratified_k_fold;
use mlproof_validation::Fold;
use ndarray::{Array1, Array2, Axis};
use serde::Serialize;

/// Logistic regression's inverse penalty (scikit-learn's default C = 1).
pub const LOGISTIC_C: f64 = 1.0;

/// The corrections, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Correction {
    None,
    UnderSampling,
    Smote,
    ClassWeights,
}

pub const CORRECTIONS: [Correction; 4] = [
    Correction::None,
    Correction::UnderSampling,
    Correction::Smote,
    Correction::ClassWeights,
];

impl Correction {
    /// The name a sentence uses.
    pub fn name(self) -> &'static str {
        match self {
            Correction::None => "no correction",
            Correction::UnderSampling => "random under-sampling",
            Correction::Smote => "SMOTE",
            Correction::ClassWeights => "class weighting",
        }
    }

    /// The name a finding id uses.
    pub fn slug(self) -> &'static str {
        match self {
            Correction::None => "none",
            Correction::UnderSampling => "under-sampling",
            Correction::Smote => "smote",
            Correction::ClassWeights => "class-weights",
        }
    }
}

/// What maps the model's predictions after fitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Recalibration {
    /// The model's own probabilities.
    Raw,
    /// σ(a + b·logit p), fitted in-fold.
    Platt,
    /// Pool-adjacent-violators, fitted in-fold.
    Isotonic,
}

pub const RECALIBRATIONS: [Recalibration; 3] = [
    Recalibration::Raw,
    Recalibration::Platt,
    Recalibration::Isotonic,
];

impl Recalibration {
    pub fn name(self) -> &'static str {
        match self {
            Recalibration::Raw => "raw",
            Recalibration::Platt => "Platt scaling",
            Recalibration::Isotonic => "isotonic regression",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Recalibration::Raw => "raw",
            Recalibration::Platt => "platt",
            Recalibration::Isotonic => "isotonic",
        }
    }
}

/// The learner behind a correction: (resampler) → standardise → logistic regression.
pub fn learner(correction: Correction, k_neighbors: usize) -> Result<Pipeline> {
    let mut steps: Vec<Box<dyn Step>> = Vec::new();
    match correction {
        Correction::UnderSampling => steps.push(Box::new(RandomUnderSampler {
            strategy: SamplingStrategy::Auto,
        })),
        Correction::Smote => steps.push(Box::new(Smote::new(
            k_neighbors,
            SamplingStrategy::Auto,
            SmoteKind::Regular,
        )?)),
        Correction::None | Correction::ClassWeights => {}
    }
    steps.push(Box::new(Standardize));
    let weight = match correction {
        Correction::ClassWeights => ClassWeight::Balanced,
        _ => ClassWeight::None,
    };
    Ok(Pipeline {
        steps,
        learner: Box::new(WeightedLogistic::new(1.0 / LOGISTIC_C, weight)?),
    })
}

/// One correction's test predictions in one outer fold, raw and recalibrated
/// (indexed as [`RECALIBRATIONS`]).
pub struct FoldPredictions {
    pub test: [Vec<f64>; 3],
}

/// Fits `learner` on the fold's training rows and its recalibrators on the training rows'
/// inner out-of-fold predictions; `fold_seed` drives every draw of this fold and correction.
pub fn predict_fold(
    x: &Array2<f64>,
    y: &Array1<usize>,
    fold: &Fold,
    learner: &dyn BinaryClassifier,
    inner_folds: usize,
    fold_seed: u64,
) -> Result<FoldPredictions> {
    let (xt, yt) = (
        x.select(Axis(0), &fold.train),
        y.select(Axis(0), &fold.train),
    );
    let xs = x.select(Axis(0), &fold.test);
    let fitted = learner.fit(&xt, &yt, seed::derive(fold_seed, "calibration/fit", 0))?;
    let raw = fitted.predict_proba(&xs).to_vec();
    let labels = yt.to_vec();
    let inner = stratified_k_fold(
        &labels,
        inner_folds,
        Some(seed::derive(fold_seed, "calibration/inner", 0)),
    )?;
    let mut oof = vec![f64::NAN; labels.len()];
    for (k, f) in inner.folds.iter().enumerate() {
        let (xi, yi) = (xt.select(Axis(0), &f.train), yt.select(Axis(0), &f.train));
        let m = learner.fit(
            &xi,
            &yi,
            seed::derive(fold_seed, "calibration/inner-fit", k as u64),
        )?;
        let p = m.predict_proba(&xt.select(Axis(0), &f.test));
        for (&row, &v) in f.test.iter().zip(p.iter()) {
            oof[row] = v;
        }
    }
    let platt = Platt::fit(&labels, &oof)?;
    let targets: Vec<f64> = labels
        .iter()
        .map(|&v| f64::from(u8::from(v == 1)))
        .collect();
    let isotonic = IsotonicRegression::fit(&oof, &targets)?;
    Ok(FoldPredictions {
        test: [raw.clone(), platt.predict(&raw), isotonic.predict(&raw)],
    })
}
