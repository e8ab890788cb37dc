//! imbalanced-learn's `sampling_strategy` for two classes, and the row bookkeeping every
//! resampler shares.

use ndarray::Array1;
use serde::Serialize;

use mlproof_core::{Error, Result};

/// The target minority/majority ratio after resampling (imbalanced-learn's
/// `sampling_strategy`): `Auto` balances the classes; `Ratio(r)`, 0 < r ≤ 1, asks for
/// minority = ⌊r · majority⌋ (over-sampling) or majority = ⌊minority / r⌋ (under-sampling).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SamplingStrategy {
    Auto,
    Ratio(f64),
}

impl SamplingStrategy {
    pub fn check(self) -> Result<Self> {
        if let SamplingStrategy::Ratio(r) = self {
            if !(r > 0.0 && r <= 1.0) {
                return Err(Error::param("ratio", format!("must be in (0, 1], got {r}")));
            }
        }
        Ok(self)
    }

    pub(crate) fn ratio(self) -> f64 {
        match self {
            SamplingStrategy::Auto => 1.0,
            SamplingStrategy::Ratio(r) => r,
        }
    }
}

/// The minority (positive, 1) and majority (0) rows; errors unless both are present.
pub(crate) fn classes(y: &Array1<usize>) -> Result<(Vec<usize>, Vec<usize>)> {
    let minority: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 1).collect();
    let majority: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 0).collect();
    if minority.is_empty() || majority.is_empty() {
        return Err(Error::input(
            "resampling needs both classes in the training rows",
        ));
    }
    if minority.len() > majority.len() {
        return Err(Error::input(
            "the positive class is the majority here; resampling balances a minority positive class",
        ));
    }
    Ok((minority, majority))
}

/// How many synthetic positives over-sampling adds: ⌊r · majority⌋ − minority (imbalanced-
/// learn's count for a float `sampling_strategy`; `auto` is r = 1).
pub(crate) fn new_positives(
    y: &Array1<usize>,
    strategy: SamplingStrategy,
) -> Result<(Vec<usize>, Vec<usize>, usize)> {
    let (minority, majority) = classes(y)?;
    let target = (strategy.ratio() * majority.len() as f64) as usize;
    if target < minority.len() {
        return Err(Error::param(
            "ratio",
            format!(
                "{} asks for fewer positives ({target}) than there are ({}); over-sampling only adds rows",
                strategy.ratio(),
                minority.len()
            ),
        ));
    }
    let n_new = target - minority.len();
    Ok((minority, majority, n_new))
}
