//! The CART tree as a [`BinaryClassifier`].

use ndarray::{Array1, Array2};

use crate::cart::{Tree, TreeParams};
use mlproof_core::model::{
    BinaryClassifier, ClassWeight, FittedBinary, FittedRegressor, Regressor,
};
use mlproof_core::Result;

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

struct RegressionTree(Tree);

impl FittedRegressor for RegressionTree {
    fn predict(&self, x: &Array2<f64>) -> Array1<f64> {
        self.0.predict_value(x)
    }
}
