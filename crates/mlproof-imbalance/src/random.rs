//! Random over-sampling (minority rows drawn with replacement and appended) and random
//! under-sampling (a random subset of the majority rows kept), as imbalanced-learn's
//! `RandomOverSampler` / `RandomUnderSampler`.

use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use serde::Serialize;

use mlproof_core::model::pipeline::{Resampled, Step, Transform};
use mlproof_core::seed;
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
                return Err(Error::usage(format!("--ratio must be in (0, 1], got {r}")));
            }
        }
        Ok(self)
    }

    fn ratio(self) -> f64 {
        match self {
            SamplingStrategy::Auto => 1.0,
            SamplingStrategy::Ratio(r) => r,
        }
    }
}

/// The minority (positive, 1) and majority (0) rows; errors unless both are present.
fn classes(y: &Array1<usize>) -> Result<(Vec<usize>, Vec<usize>)> {
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

/// Predicted rows pass through a resampler unchanged.
struct Identity;

impl Transform for Identity {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        x.clone()
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct RandomOverSampler {
    pub strategy: SamplingStrategy,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct RandomUnderSampler {
    pub strategy: SamplingStrategy,
}

impl RandomOverSampler {
    /// Original rows first, then the drawn minority rows.
    pub fn resample_rows(&self, y: &Array1<usize>, seed: u64) -> Result<Vec<usize>> {
        let (minority, majority) = classes(y)?;
        let target = (self.strategy.ratio() * majority.len() as f64) as usize;
        if target < minority.len() {
            return Err(Error::usage(format!(
                "--ratio {} asks for fewer positives ({target}) than there are ({}); over-sampling only adds rows",
                self.strategy.ratio(),
                minority.len()
            )));
        }
        let mut rng = seed::rng(seed, "resample/over", 0);
        let mut rows: Vec<usize> = (0..y.len()).collect();
        rows.extend(
            (0..target - minority.len()).map(|_| minority[rng.gen_range(0..minority.len())]),
        );
        Ok(rows)
    }
}

impl RandomUnderSampler {
    /// Every minority row and a random subset of the majority rows, in the original order.
    pub fn resample_rows(&self, y: &Array1<usize>, seed: u64) -> Result<Vec<usize>> {
        let (minority, majority) = classes(y)?;
        let target = (minority.len() as f64 / self.strategy.ratio()) as usize;
        if target > majority.len() {
            return Err(Error::usage(format!(
                "--ratio {} asks for more negatives ({target}) than there are ({}); under-sampling only removes rows",
                self.strategy.ratio(),
                majority.len()
            )));
        }
        let order = seed::permutation(&mut seed::rng(seed, "resample/under", 0), majority.len());
        let mut rows: Vec<usize> = minority;
        rows.extend(order[..target].iter().map(|&k| majority[k]));
        rows.sort_unstable();
        Ok(rows)
    }
}

fn resampled(x: &Array2<f64>, y: &Array1<usize>, rows: &[usize]) -> Resampled {
    (
        x.select(Axis(0), rows),
        y.select(Axis(0), rows),
        Box::new(Identity),
    )
}

impl Step for RandomOverSampler {
    fn name(&self) -> String {
        "random-over-sampling".into()
    }

    fn fit(&self, _x: &Array2<f64>, _y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        Ok(Box::new(Identity))
    }

    fn fit_resample(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Resampled> {
        Ok(resampled(x, y, &self.resample_rows(y, seed)?))
    }
}

impl Step for RandomUnderSampler {
    fn name(&self) -> String {
        "random-under-sampling".into()
    }

    fn fit(&self, _x: &Array2<f64>, _y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        Ok(Box::new(Identity))
    }

    fn fit_resample(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Resampled> {
        Ok(resampled(x, y, &self.resample_rows(y, seed)?))
    }
}

#[cfg(test)]
mod tests;
