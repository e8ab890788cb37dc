//! One penalised fit at one α, whatever the response.

use mlproof_core::model::{BinaryClassifier, FittedBinary, FittedRegressor, Regressor};
use mlproof_core::Result;
use ndarray::Array2;

use crate::design::Standardized;

use crate::enet::{self, LinearFit};
use crate::logistic::{self, LogisticProblem};
use crate::path::Response;
use crate::penalty::Penalty;

/// Fits on standardised `z`: elastic net / lasso through linfa-elasticnet and ridge in
/// closed form for a continuous response; for a binary one, L2 logistic regression through
/// linfa-logistic and L1 / elastic net by [`LogisticProblem`].
pub fn fit(z: &Array2<f64>, response: &Response, penalty: Penalty) -> Result<LinearFit> {
    match response {
        Response::Continuous(y) => enet::fit(z, y, penalty),
        Response::Binary(y) if penalty.l1() == 0.0 => logistic::fit_l2_linfa(z, y, penalty.alpha),
        Response::Binary(y) => {
            let problem = LogisticProblem::new(z, y)?;
            problem.solve(penalty, &problem.null_fit())
        }
    }
}

/// A penalised linear model behind the estimator interface: features standardised on the
/// training rows (population standard deviation), then one [`fit`] at `penalty`. As a
/// [`Regressor`] it is the elastic net (lasso at ρ = 1, ridge at ρ = 0); as a
/// [`BinaryClassifier`] it is penalised logistic regression, P(y = 1) = σ(zw + b).
#[derive(Debug, Clone, Copy)]
pub struct Penalized {
    pub penalty: Penalty,
}

struct FittedLinear {
    design: Standardized,
    fit: LinearFit,
}

impl FittedLinear {
    fn decision(&self, x: &Array2<f64>) -> ndarray::Array1<f64> {
        self.fit.decision(self.design.scaler.transform(x).view())
    }
}

impl Regressor for Penalized {
    fn name(&self) -> String {
        format!(
            "elastic net (α = {}, ρ = {})",
            self.penalty.alpha, self.penalty.l1_ratio
        )
    }

    /// Coordinate descent is deterministic: `seed` is accepted for the common interface.
    fn fit(
        &self,
        x: &Array2<f64>,
        y: &ndarray::Array1<f64>,
        _seed: u64,
    ) -> Result<Box<dyn FittedRegressor>> {
        mlproof_core::model::check_regression(x, y)?;
        let design = Standardized::fit(x);
        let fit = fit(&design.z, &Response::Continuous(y.clone()), self.penalty)?;
        Ok(Box::new(FittedLinear { design, fit }))
    }
}

impl FittedRegressor for FittedLinear {
    fn predict(&self, x: &Array2<f64>) -> ndarray::Array1<f64> {
        self.decision(x)
    }
}

impl BinaryClassifier for Penalized {
    fn name(&self) -> &'static str {
        "penalised logistic"
    }

    /// The solvers are deterministic: `seed` is accepted for the common interface.
    fn fit(
        &self,
        x: &Array2<f64>,
        y: &ndarray::Array1<usize>,
        _seed: u64,
    ) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        let design = Standardized::fit(x);
        let fit = fit(&design.z, &Response::Binary(y.to_vec()), self.penalty)?;
        Ok(Box::new(FittedLinear { design, fit }))
    }
}

impl FittedBinary for FittedLinear {
    fn predict_proba(&self, x: &Array2<f64>) -> ndarray::Array1<f64> {
        self.decision(x).mapv(|f| 1.0 / (1.0 + (-f).exp()))
    }
}
