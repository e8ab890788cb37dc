//! A k-nearest-neighbour classifier: P(y = 1) is the positive share among the k training
//! rows nearest in Euclidean distance, the rule of scikit-learn's
//! `KNeighborsClassifier(weights="uniform")`. Rows tied at the k-th distance are taken in
//! row order; scikit-learn guarantees no order there, so on integer-valued data (many ties)
//! single probabilities can differ from its.

use mlproof_core::model::{BinaryClassifier, FittedBinary};
use mlproof_core::{Error, Result};
use ndarray::{Array1, Array2};
use rayon::prelude::*;

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
    /// Brute force, O(n_train · d) per query; queries run in parallel and are gathered in
    /// order, so the output does not depend on the thread count.
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        let d = self.x.ncols();
        let train = self.x.as_standard_layout();
        let train = train.as_slice().unwrap_or(&[]);
        let queries = x.as_standard_layout();
        let queries = queries.as_slice().unwrap_or(&[]);
        if d == 0 {
            // No columns: every training row is at distance 0, the first k are taken.
            let pos = self.y.iter().take(self.k).filter(|&&v| v == 1).count();
            return Array1::from_elem(x.nrows(), pos as f64 / self.k as f64);
        }
        let p: Vec<f64> = queries
            .par_chunks(d)
            .map_init(Vec::new, |dist: &mut Vec<(f64, usize)>, q| {
                dist.clear();
                dist.extend(train.chunks_exact(d).enumerate().map(|(i, r)| {
                    let s: f64 = r.iter().zip(q).map(|(a, b)| (a - b) * (a - b)).sum();
                    (s, i)
                }));
                dist.select_nth_unstable_by(self.k - 1, |a, b| {
                    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
                });
                let pos = dist[..self.k]
                    .iter()
                    .filter(|&&(_, i)| self.y[i] == 1)
                    .count();
                pos as f64 / self.k as f64
            })
            .collect();
        Array1::from(p)
    }
}
