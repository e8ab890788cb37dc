//! `features scaling | encoding | selection`: feature engineering measured by stratified CV
//! ROC-AUC, every alternative judged against its reference over the same folds (paired
//! per-fold differences, corrected resampled t; ROPE ±0.01 ROC-AUC; the no-skill ROC-AUC
//! is 0.5).

mod encoding;
mod scaling;
mod selection;

pub use encoding::{run_encoding, EncodingResults, EncodingSet, DATASETS as ENCODING_DATASETS};
pub use scaling::{run_scaling, ScalingResults};
pub use selection::{run_selection, SelectionResults};

use mlproof_core::params::{Check, Checked};
use mlproof_core::{seed, Error, Result};
use mlproof_validation::Fold;
use serde::Serialize;

/// ROC-AUC's no-skill baseline (a constant or random score), beside every score.
pub const BASELINE_AUC: f64 = 0.5;

/// Which demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Demo {
    Scaling,
    Encoding,
    Selection,
}

impl Demo {
    /// The dataset used when none is named (encoding adds car-good, see
    /// [`ENCODING_DATASETS`]).
    pub fn default_dataset(self) -> &'static str {
        match self {
            Demo::Scaling => "pima",
            Demo::Encoding => ENCODING_DATASETS[0],
            Demo::Selection => "wisconsin",
        }
    }
}

/// The experiment's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    pub demo: Demo,
    pub n_splits: usize,
    /// Selection only: how many features each method keeps (default: half, at least 1).
    pub keep: Option<usize>,
    pub seed: u64,
}

impl Params {
    pub fn new(demo: Demo) -> Self {
        Params {
            demo,
            n_splits: 5,
            keep: None,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if self.n_splits < 2 {
            return Err(Error::param(
                "n_splits",
                format!("must be at least 2 folds, got {}", self.n_splits),
            ));
        }
        match (self.demo, self.keep) {
            (Demo::Selection, Some(0)) => Err(Error::param(
                "keep",
                "must be between 1 and the number of feature columns, got 0",
            )),
            (Demo::Selection, _) | (_, None) => Ok(()),
            (_, Some(_)) => Err(Error::param("keep", "applies to the selection demo only")),
        }
    }
}

/// The design name of the folds, for a finding's method.
fn design(params: &Params) -> String {
    format!("stratified {}-fold CV", params.n_splits)
}

/// The checked parameters with `keep` as used.
fn with_keep(params: &Checked<Params>, keep: usize) -> Result<Checked<Params>> {
    Params {
        keep: Some(keep),
        ..(**params).clone()
    }
    .check()
}

/// The folds every score of a run used (the same shuffled stratified folds for every
/// learner), and the split's warnings.
fn folds(y: &ndarray::Array1<usize>, params: &Params) -> Result<(Vec<Fold>, Vec<String>)> {
    let s = mlproof_linear::features::folds(y, params.n_splits, params.seed)?;
    Ok((s.folds, s.warnings))
}

#[cfg(test)]
mod tests;
