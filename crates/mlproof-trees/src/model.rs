//! The CART tree as a [`BinaryClassifier`].

use ndarray::{Array1, Array2};

use crate::cart::{Presorted, Tree, TreeParams};
use mlproof_core::model::{
    BinaryClassifier, ClassWeight, FittedBinary, FittedRegressor, Regressor,
};
use mlproof_core::{Error, Result};

/// A classification tree with checked parameters; P(y = 1) is the positive share of the
/// row's leaf.
#[derive(Debug, Clone, Copy)]
pub struct TreeClassifier {
    pub params: TreeParams,
    /// Class weights scale each row's share of the impurity and of the leaf values
    /// (scikit-learn's `class_weight`); sample counts (min_samples_leaf) are unweighted.
    pub class_weight: ClassWeight,
}

impl TreeClassifier {
    pub fn new(params: TreeParams) -> Result<Self> {
        Ok(TreeClassifier {
            params: params.check()?,
            class_weight: ClassWeight::None,
        })
    }

    pub fn with_class_weight(self, class_weight: ClassWeight) -> Self {
        TreeClassifier {
            class_weight,
            ..self
        }
    }
}

/// The rows of a depth sweep: all of the presort's rows, `n_targets` of them.
fn check_sweep_rows(x: &Presorted, n_targets: usize) -> Result<()> {
    if x.n_listed() != x.n_rows() || n_targets != x.n_rows() || n_targets == 0 {
        return Err(Error::input(format!(
            "a depth sweep needs one target for each of its rows: {} rows ({} listed), {n_targets} \
             targets",
            x.n_rows(),
            x.n_listed()
        )));
    }
    Ok(())
}

impl TreeClassifier {
    /// One tree for each `max_depth` in `depths`, all grown on the same presorted rows (`y`
    /// holds their labels): tree i equals this classifier with depth `depths[i]` fitted alone
    /// on those rows, without sorting them again.
    pub fn fit_each_depth(
        &self,
        x: &Presorted,
        y: &[usize],
        depths: &[usize],
    ) -> Result<Vec<Tree>> {
        check_sweep_rows(x, y.len())?;
        mlproof_core::model::check_binary_labels(y)?;
        let weights = match self.class_weight {
            ClassWeight::None => None,
            ClassWeight::Balanced => Some(self.class_weight.row_weights(&Array1::from(y.to_vec()))),
        };
        depths
            .iter()
            .map(|&d| {
                let params = self.params.with_max_depth(Some(d)).check()?;
                Tree::fit_classifier_presorted(x, y, 2, weights.as_deref(), &params)
            })
            .collect()
    }
}

impl BinaryClassifier for TreeClassifier {
    fn name(&self) -> &'static str {
        match self.class_weight {
            ClassWeight::None => "tree",
            ClassWeight::Balanced => "tree, balanced weights",
        }
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        let weights = match self.class_weight {
            ClassWeight::None => None,
            ClassWeight::Balanced => Some(self.class_weight.row_weights(y)),
        };
        let y = y.to_vec();
        Ok(Box::new(Tree::fit_classifier(
            x.view(),
            &y,
            2,
            weights.as_deref(),
            &self.params,
        )?))
    }
}

impl FittedBinary for Tree {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        Tree::predict_proba(self, x).column(1).to_owned()
    }
}

/// A regression tree (squared error) with checked parameters.
#[derive(Debug, Clone, Copy)]
pub struct TreeRegressor {
    pub params: TreeParams,
}

impl TreeRegressor {
    pub fn new(params: TreeParams) -> Result<Self> {
        Ok(TreeRegressor {
            params: params.check()?,
        })
    }
}

impl Regressor for TreeRegressor {
    fn name(&self) -> String {
        match self.params.max_depth {
            Some(d) => format!("regression tree, depth {d}"),
            None => "regression tree, full depth".into(),
        }
    }

    fn fit(
        &self,
        x: &Array2<f64>,
        y: &Array1<f64>,
        _seed: u64,
    ) -> Result<Box<dyn FittedRegressor>> {
        mlproof_core::model::check_regression(x, y)?;
        let y = y.to_vec();
        Ok(Box::new(RegressionTree(Tree::fit_regressor(
            x.view(),
            &y,
            None,
            &self.params,
        )?)))
    }
}

impl TreeRegressor {
    /// One tree for each `max_depth` in `depths`, all grown on the same presorted rows (`y`
    /// holds their targets): tree i equals this regressor with depth `depths[i]` fitted alone
    /// on those rows, without sorting them again.
    pub fn fit_each_depth(&self, x: &Presorted, y: &[f64], depths: &[usize]) -> Result<Vec<Tree>> {
        check_sweep_rows(x, y.len())?;
        mlproof_core::model::check_regression_targets(y)?;
        depths
            .iter()
            .map(|&d| {
                let params = self.params.with_max_depth(Some(d)).check()?;
                Tree::fit_regressor_presorted(x, y, None, &params)
            })
            .collect()
    }
}

struct RegressionTree(Tree);

impl FittedRegressor for RegressionTree {
    fn predict(&self, x: &Array2<f64>) -> Array1<f64> {
        self.0.predict_value(x)
    }
}
