//! Preprocessing steps chained before a learner, fitted on the training rows only: the
//! pipeline is itself a [`BinaryClassifier`], so cross-validation refits every step inside
//! every training fold and nothing about the test rows leaks into them.

use ndarray::{Array1, Array2, Axis};

use super::{BinaryClassifier, FittedBinary};
use crate::preprocess::StandardScaler;
use crate::{Error, Result};

/// A preprocessing step: fitted on training rows, applied to any rows.
pub trait Step: Sync + Send {
    fn name(&self) -> String;

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>) -> Result<Box<dyn Transform>>;

    /// Fits on the training rows and returns the rows the next step trains on. The default
    /// keeps the rows and transforms their features; a resampler (over- or under-sampling,
    /// SMOTE) overrides it to change the training rows themselves, with `seed` for its draws.
    /// Rows to predict are never resampled: they only pass through the returned transform.
    fn fit_resample(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Resampled> {
        let t = self.fit(x, y)?;
        Ok((t.apply(x), y.clone(), t))
    }
}

/// The training rows a step hands on, and its transform for rows to predict.
pub type Resampled = (Array2<f64>, Array1<usize>, Box<dyn Transform>);

/// A fitted step.
pub trait Transform: Send + Sync {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64>;
}

/// z-scores with the training rows' mean and population standard deviation.
#[derive(Debug, Clone, Copy)]
pub struct Standardize;

impl Step for Standardize {
    fn name(&self) -> String {
        "standardize".into()
    }

    fn fit(&self, x: &Array2<f64>, _y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        Ok(Box::new(StandardScaler::fit(x)))
    }
}

impl Transform for StandardScaler {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        self.transform(x)
    }
}

/// Keeps the k features with the largest |Pearson correlation| with the label
/// (ties to the lower index); a constant feature scores 0.
#[derive(Debug, Clone, Copy)]
pub struct SelectKBest {
    pub k: usize,
}

struct Columns(Vec<usize>);

impl Step for SelectKBest {
    fn name(&self) -> String {
        format!("select-{}-best", self.k)
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>) -> Result<Box<dyn Transform>> {
        if self.k == 0 || self.k > x.ncols() {
            return Err(Error::param(
                "select_k",
                format!(
                    "{} is out of range; choose 1 to {} (columns after one-hot encoding)",
                    self.k,
                    x.ncols()
                ),
            ));
        }
        let scores = correlations(x, y);
        let mut order: Vec<usize> = (0..x.ncols()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut keep = order[..self.k].to_vec();
        keep.sort_unstable();
        Ok(Box::new(Columns(keep)))
    }
}

impl Transform for Columns {
    fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        x.select(Axis(1), &self.0)
    }
}

/// |corr(xⱼ, y)| for every column.
pub fn correlations(x: &Array2<f64>, y: &Array1<usize>) -> Vec<f64> {
    let n = x.nrows() as f64;
    let yf = y.mapv(|v| v as f64);
    let y_mean = yf.sum() / n;
    let y_dev = yf.mapv(|v| v - y_mean);
    let y_ss = y_dev.dot(&y_dev);
    x.axis_iter(Axis(1))
        .map(|col| {
            let mean = col.sum() / n;
            let dev = col.mapv(|v| v - mean);
            let denom = (dev.dot(&dev) * y_ss).sqrt();
            if denom > 0.0 {
                (dev.dot(&y_dev) / denom).abs()
            } else {
                0.0
            }
        })
        .collect()
}

/// Steps, then a learner.
pub struct Pipeline {
    pub steps: Vec<Box<dyn Step>>,
    pub learner: Box<dyn BinaryClassifier>,
}

struct FittedPipeline {
    transforms: Vec<Box<dyn Transform>>,
    model: Box<dyn FittedBinary>,
}

impl Pipeline {
    /// "standardize → select-5-best → logistic".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self.steps.iter().map(|s| s.name()).collect();
        parts.push(self.learner.name().to_owned());
        parts.join(" → ")
    }
}

impl BinaryClassifier for Pipeline {
    fn name(&self) -> &'static str {
        self.learner.name()
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Box<dyn FittedBinary>> {
        crate::model::check_training(x, y)?;
        let (mut x, mut y) = (x.clone(), y.clone());
        let mut transforms = Vec::with_capacity(self.steps.len());
        for (k, step) in self.steps.iter().enumerate() {
            let (next_x, next_y, t) =
                step.fit_resample(&x, &y, crate::seed::derive(seed, "pipeline/step", k as u64))?;
            (x, y) = (next_x, next_y);
            transforms.push(t);
        }
        let model = self.learner.fit(&x, &y, seed)?;
        Ok(Box::new(FittedPipeline { transforms, model }))
    }
}

impl FittedBinary for FittedPipeline {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        let mut x = x.clone();
        for t in &self.transforms {
            x = t.apply(&x);
        }
        self.model.predict_proba(&x)
    }

    fn threshold(&self) -> Option<f64> {
        self.model.threshold()
    }
}

#[cfg(test)]
mod tests;
