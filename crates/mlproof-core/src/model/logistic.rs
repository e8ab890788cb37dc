use linfa::traits::Fit;
use linfa_logistic::{FittedLogisticRegression, LogisticRegression};
use ndarray::{Array1, Array2};

use super::newton_logistic::fit_newton;
use super::{BinaryClassifier, FittedBinary};

use crate::{Error, Result};

/// L2-penalised logistic regression: Newton's method ([`fit_newton`]) for α > 0, and
/// linfa-logistic (L-BFGS) for α = 0, where no Newton system is bounded on separable data.
///
/// Both minimise Σᵢ −ln σ(yᵢ(w·xᵢ + b)) + (α/2)‖w‖², which is scikit-learn's
/// `LogisticRegression(C = 1/α)`; the default α = 1 is scikit-learn's default C = 1.
/// Newton's method converges quadratically, to the gradient's rounding level: linfa's L-BFGS
/// stopped on a gradient norm of 1e-8 far from the optimum at weak penalties (digits-9,
/// α = 0.01: one fold's held-out ROC-AUC 6e-3 off scikit-learn's `newton-cholesky`).
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
        if self.alpha > 0.0 {
            let ones = vec![1.0; y.len()];
            return Ok(Box::new(fit_newton(x, y, &ones, self.alpha)?));
        }
        self.fit_linfa(x, y)
    }
}

impl Logistic {
    /// The fit through linfa-logistic (L-BFGS, gradient tolerance 1e-8): the model for α = 0
    /// and the library cross-check of [`fit_newton`] otherwise.
    pub fn fit_linfa(&self, x: &Array2<f64>, y: &Array1<usize>) -> Result<Box<dyn FittedBinary>> {
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
