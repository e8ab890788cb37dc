use ndarray::{Array1, Array2};

use super::{BinaryClassifier, FittedBinary};
use crate::Result;

/// The baseline that ignores the features: scikit-learn's `DummyClassifier(strategy="prior")`.
/// It scores every row with the training prior P(y = 1), so at the default threshold ½ it
/// predicts the majority class, and its ROC-AUC is exactly ½.
#[derive(Debug, Clone, Copy, Default)]
pub struct MajorityClass;

struct FittedPrior(f64);

impl BinaryClassifier for MajorityClass {
    fn name(&self) -> &'static str {
        "majority"
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        crate::model::check_training(x, y)?;
        let positives = y.iter().filter(|&&v| v == 1).count();
        Ok(Box::new(FittedPrior(positives as f64 / y.len() as f64)))
    }
}

impl FittedBinary for FittedPrior {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        Array1::from_elem(x.nrows(), self.0)
    }
}
