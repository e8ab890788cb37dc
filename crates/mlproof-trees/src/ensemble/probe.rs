//! A forest's predictions of fixed rows with one column replaced (permutation importance),
//! without routing every row through every tree again: a row's leaf can change only in a
//! tree whose splits above that leaf test the column, so only those rows are re-routed. The
//! sums run in tree order as in [`FittedForest::predict_proba_first`], so the numbers are the
//! ones a changed copy of the rows gives, bit for bit (`probe_equals_predicting_a_changed_copy`
//! in the tests pins it).
//!
//! [`FittedForest::predict_proba_first`]: super::FittedForest::predict_proba_first

use ndarray::{Array1, Array2};

use crate::cart::{as_float32, Rounded, Router};
use mlproof_core::model::ColumnProbe;

pub(super) struct ForestProbe<'a> {
    routes: &'a [(Router, Vec<f64>)],
    rounded: Rounded,
    /// 64-bit words of a node's feature set.
    words: usize,
    /// Per tree, each row's leaf with the rows as they are.
    leaves: Vec<Vec<u32>>,
    /// Per tree, [`Router::path_features`].
    paths: Vec<Vec<u64>>,
}

impl<'a> ForestProbe<'a> {
    /// Routes `x` through every tree once: O(trees · rows · depth).
    pub(super) fn new(routes: &'a [(Router, Vec<f64>)], x: &Array2<f64>) -> Self {
        let rounded = Rounded::new(x);
        let words = x.ncols().div_ceil(64).max(1);
        let leaves = routes
            .iter()
            .map(|(router, _)| rounded.rows().map(|row| router.leaf(row) as u32).collect())
            .collect();
        let paths = routes
            .iter()
            .map(|(router, _)| router.path_features(words))
            .collect();
        ForestProbe {
            routes,
            rounded,
            words,
            leaves,
            paths,
        }
    }
}

impl ColumnProbe for ForestProbe<'_> {
    fn predict_proba_with(&self, column: usize, values: &[f64]) -> Array1<f64> {
        let (word, bit) = (column / 64, 1u64 << (column % 64));
        let values: Vec<f64> = values.iter().map(|&v| as_float32(v)).collect();
        let mut sum = Array1::zeros(values.len());
        for (((router, share), leaves), paths) in
            self.routes.iter().zip(&self.leaves).zip(&self.paths)
        {
            for (i, (s, row)) in sum.iter_mut().zip(self.rounded.rows()).enumerate() {
                let mut leaf = leaves[i] as usize;
                if paths[leaf * self.words + word] & bit != 0 {
                    leaf = router.leaf_with(row, column, values[i]);
                }
                *s += share[leaf];
            }
        }
        sum / self.routes.len() as f64
    }
}
