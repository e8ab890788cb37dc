//! Random over-sampling (minority rows drawn with replacement and appended) and random
//! under-sampling (a random subset of the majority rows kept), as imbalanced-learn's
//! `RandomOverSampler` / `RandomUnderSampler`.

use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use serde::Serialize;

use crate::strategy::{classes, new_positives, SamplingStrategy};

use mlproof_core::model::pipeline::{Resampled, Step, Transform};
use mlproof_core::seed;
use mlproof_core::{Error, Result};

/// Predicted rows pass through a resampler unchanged.
pub(crate) struct Identity;

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
        let (minority, _, n_new) = new_positives(y, self.strategy)?;
        let mut rng = seed::rng(seed, "resample/over", 0);
        let mut rows: Vec<usize> = (0..y.len()).collect();
        rows.extend((0..n_new).map(|_| minority[rng.gen_range(0..minority.len())]));
        Ok(rows)
    }
}

impl RandomUnderSampler {
    /// Every minority row and a random subset of the majority rows, in the original order.
    pub fn resample_rows(&self, y: &Array1<usize>, seed: u64) -> Result<Vec<usize>> {
        let (minority, majority) = classes(y)?;
        let target = (minority.len() as f64 / self.strategy.ratio()) as usize;
        if target > majority.len() {
            return Err(Error::param(
                "ratio",
                format!(
                    "{} asks for more negatives ({target}) than there are ({}); under-sampling only removes rows",
                    self.strategy.ratio(),
                    majority.len()
                ),
            ));
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
