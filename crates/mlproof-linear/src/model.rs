//! One penalised fit at one α, whatever the response.

use mlproof_core::Result;
use ndarray::Array2;

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
