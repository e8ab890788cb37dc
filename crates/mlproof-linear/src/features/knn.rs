//! A k-nearest-neighbour classifier: P(y = 1) is the positive share among the k training
//! rows nearest in Euclidean distance, the rule of scikit-learn's
//! `KNeighborsClassifier(weights="uniform")`. Rows tied at the k-th distance are taken in
//! row order; scikit-learn guarantees no order there, so on integer-valued data (many ties)
//! single probabilities can differ from its.

use mlproof_core::model::{BinaryClassifier, FittedBinary};
use mlproof_core::neighbors::{k_nearest, Search};
use mlproof_core::{Error, Result};
use ndarray::{Array1, Array2};

#[derive(Debug, Clone, Copy)]
pub struct Knn {
    pub k: usize,
}

struct FittedKnn {
    k: usize,
    x: Array2<f64>,
    y: Array1<usize>,
}

impl BinaryClassifier for Knn {
    fn name(&self) -> &'static str {
        "k-NN"
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        if self.k == 0 || self.k > x.nrows() {
            return Err(Error::usage(format!(
                "k-NN needs 1 ≤ k ≤ training rows ({}), got k = {}",
                x.nrows(),
                self.k
            )));
        }
        Ok(Box::new(FittedKnn {
            k: self.k,
            x: x.clone(),
            y: y.clone(),
        }))
    }
}

impl FittedBinary for FittedKnn {
    /// The shared exact search ([`mlproof_core::neighbors`]: brute force or KD-tree by size
    /// and dimension), queries in parallel and gathered in order, so the output does not
    /// depend on the thread count; a query with the wrong number of columns predicts NaN.
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        let own = vec![None; x.nrows()];
        match k_nearest(self.x.view(), x.view(), &own, self.k, Search::Auto) {
            Ok(nn) => nn
                .iter()
                .map(|near| {
                    let pos = near.iter().filter(|&&i| self.y[i] == 1).count();
                    pos as f64 / self.k as f64
                })
                .collect(),
            Err(_) => Array1::from_elem(x.nrows(), f64::NAN),
        }
    }
}
