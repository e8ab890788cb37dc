//! Models behind one interface, so demos, splitters and the cross-validation runner treat
//! every learner alike (scikit-learn's estimator idea).

mod check;
mod logistic;
mod majority;
mod newton_logistic;
pub mod pipeline;
mod regressor;

pub use check::{check_binary_labels, check_regression, check_regression_targets, check_training};
pub use logistic::Logistic;

/// Standardisation (fitted on the training rows) followed by logistic regression with L2
/// penalty α: the way mlproof always runs logistic regression.
pub fn standardized_logistic(alpha: f64) -> crate::Result<Pipeline> {
    Ok(Pipeline {
        steps: vec![Box::new(Standardize)],
        learner: Box::new(Logistic::new(alpha)?),
    })
}
pub use majority::MajorityClass;
pub use newton_logistic::{cholesky_solve, fit_newton, ClassWeight, LinearScore, WeightedLogistic};
pub use pipeline::{Pipeline, SelectKBest, Standardize, Step};
pub use regressor::{FittedRegressor, KNearest, Polynomial, Regressor};

use ndarray::{Array1, Array2, ArrayView1};

use crate::Result;

/// A learner for binary targets (labels 0 and 1). Parameters are checked when the learner
/// is built, so `fit` fails only on the data.
pub trait BinaryClassifier: Sync {
    /// A short name for tables and JSON (`"logistic"`).
    fn name(&self) -> &'static str;

    /// Fits on training rows; `seed` drives any randomness of the learner or its steps
    /// (derived per fold or round by the caller).
    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Box<dyn FittedBinary>>;
}

/// A fitted binary model.
pub trait FittedBinary: Send + Sync {
    /// P(y = 1 | x) for every row.
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64>;

    /// The decision threshold the model chose for itself while fitting (threshold moving,
    /// an anomaly detector's cut-off); `None` leaves it to the caller.
    fn threshold(&self) -> Option<f64> {
        None
    }

    /// 1 where P(y = 1 | x) ≥ `threshold`, else 0.
    fn predict(&self, x: &Array2<f64>, threshold: f64) -> Array1<usize> {
        self.predict_proba(x).mapv(|p| usize::from(p >= threshold))
    }

    /// Predictions of `x` with one column replaced at a time (permutation importance). By
    /// default each changed copy of `x` is predicted whole; a model may instead answer from
    /// what it worked out once for `x`, with the same numbers (a forest re-routes only the
    /// rows whose path tests the column).
    fn column_probe<'a>(&'a self, x: &'a Array2<f64>) -> Box<dyn ColumnProbe + 'a> {
        Box::new(CopyProbe { model: self, x })
    }
}

/// See [`FittedBinary::column_probe`].
pub trait ColumnProbe: Sync {
    /// P(y = 1) for every row of the probed `x` with column `column` replaced by `values`
    /// (one per row).
    fn predict_proba_with(&self, column: usize, values: &[f64]) -> Array1<f64>;
}

/// The default [`ColumnProbe`]: a changed copy of `x`, predicted whole.
struct CopyProbe<'a, M: ?Sized> {
    model: &'a M,
    x: &'a Array2<f64>,
}

impl<M: FittedBinary + ?Sized> ColumnProbe for CopyProbe<'_, M> {
    fn predict_proba_with(&self, column: usize, values: &[f64]) -> Array1<f64> {
        let mut changed = self.x.clone();
        changed.column_mut(column).assign(&ArrayView1::from(values));
        self.model.predict_proba(&changed)
    }
}
