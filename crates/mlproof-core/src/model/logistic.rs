use linfa::traits::Fit;
use linfa_logistic::{FittedLogisticRegression, LogisticRegression};
use ndarray::{Array1, Array2};

use super::{BinaryClassifier, FittedBinary};

use crate::{Error, Result};

/// L2-penalised logistic regression (linfa-logistic, L-BFGS).
///
/// linfa minimises Σᵢ −ln σ(yᵢ(w·xᵢ + b)) + (α/2)‖w‖², which is scikit-learn's
/// `LogisticRegression(C = 1/α)`; the default α = 1 is scikit-learn's default C = 1.
/// The penalty treats every coefficient alike, so features should share a scale: put it
/// behind [`Standardize`](super::Standardize) in a [`Pipeline`](super::Pipeline), as
/// [`standardized_logistic`](super::standardized_logistic) does.
#[derive(Debug, Clone, Copy)]
pub struct Logistic {
    alpha: f64,
}

impl Logistic {
    /// Checks α ≥ 0 (0 means no penalty).
    pub fn new(alpha: f64) -> Result<Self> {
        if !(alpha.is_finite() && alpha >= 0.0) {
            return Err(Error::usage(format!(
                "the L2 penalty alpha must be a finite number ≥ 0, got {alpha}"
            )));
        }
        Ok(Logistic { alpha })
    }
}

impl Default for Logistic {
    fn default() -> Self {
        Logistic { alpha: 1.0 }
    }
}

struct Fitted {
    model: FittedLogisticRegression<f64, usize>,
    /// linfa's "positive" label is the *more frequent* training class, not label 1.
    positive_is_one: bool,
}

impl BinaryClassifier for Logistic {
    fn name(&self) -> &'static str {
        "logistic"
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        crate::model::check_training(x, y)?;
        if !(y.iter().any(|&v| v == 0) && y.iter().any(|&v| v == 1)) {
            return Err(Error::input(
                "logistic regression needs both classes in its training rows; \
                 this training set has one",
            ));
        }
        let data = linfa::Dataset::new(x.clone(), y.clone());
        let model = LogisticRegression::default()
            .alpha(self.alpha)
            .max_iterations(1000)
            .gradient_tolerance(1e-8)
            .fit(&data)
            .map_err(|e| Error::internal(format!("linfa-logistic failed to fit: {e}")))?;
        let positive_is_one = model.labels().pos.class == 1;
        Ok(Box::new(Fitted {
            model,
            positive_is_one,
        }))
    }
}

impl FittedBinary for Fitted {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        // linfa reports P(its positive label), which is the majority training class.
        let p = self.model.predict_probabilities(x);
        if self.positive_is_one {
            p
        } else {
            p.mapv(|v| 1.0 - v)
        }
    }
}

#[cfg(test)]
mod tests;
