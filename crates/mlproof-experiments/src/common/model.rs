//! The model an experiment fits, and its in-fold preprocessing.

use mlproof_core::model::{
    BinaryClassifier, Logistic, MajorityClass, Pipeline, SelectKBest, Standardize, Step,
};
use mlproof_core::{Error, Result};
use mlproof_trees::{Criterion, TreeClassifier, TreeParams};
use serde::Serialize;

/// Which learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelKind {
    /// Standardise, then L2 logistic regression (Newton's method; linfa-logistic at α = 0).
    Logistic,
    /// A CART decision tree (scikit-learn's split search).
    Tree,
    /// The training prior, ignoring the features.
    Majority,
}

/// A learner and every setting that changes its numbers. Tree settings apply to trees,
/// `alpha` to logistic regression; `select_k` keeps the K features most correlated with the
/// label, chosen inside each training fold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelSpec {
    pub kind: ModelKind,
    pub max_depth: Option<usize>,
    pub min_samples_split: usize,
    pub min_samples_leaf: usize,
    pub criterion: Criterion,
    pub ccp_alpha: f64,
    /// Logistic regression's L2 penalty α (scikit-learn's C = 1/α).
    pub alpha: f64,
    pub select_k: Option<usize>,
}

impl Default for ModelSpec {
    fn default() -> Self {
        ModelSpec {
            kind: ModelKind::Logistic,
            max_depth: None,
            min_samples_split: 2,
            min_samples_leaf: 1,
            criterion: Criterion::Gini,
            ccp_alpha: 0.0,
            alpha: 1.0,
            select_k: None,
        }
    }
}

impl ModelSpec {
    pub fn of(kind: ModelKind) -> Self {
        ModelSpec {
            kind,
            ..ModelSpec::default()
        }
    }

    /// The tree parameters, checked.
    pub fn tree_params(&self) -> Result<TreeParams> {
        TreeParams {
            criterion: self.criterion,
            max_depth: self.max_depth,
            min_samples_split: self.min_samples_split,
            min_samples_leaf: self.min_samples_leaf,
            min_impurity_decrease: 0.0,
            ccp_alpha: self.ccp_alpha,
            feature_order: TreeParams::default().feature_order,
            max_features: None,
        }
        .check()
    }

    /// Checks the settings of the chosen learner, and that no setting of another learner
    /// was changed from its default (an option that does not apply is an error).
    pub fn validate(&self) -> Result<()> {
        let d = ModelSpec::default();
        let tree_changed = [
            ("max_depth", self.max_depth != d.max_depth),
            (
                "min_samples_split",
                self.min_samples_split != d.min_samples_split,
            ),
            (
                "min_samples_leaf",
                self.min_samples_leaf != d.min_samples_leaf,
            ),
            ("criterion", self.criterion != d.criterion),
            ("ccp_alpha", self.ccp_alpha != d.ccp_alpha),
        ];
        if self.kind != ModelKind::Tree {
            if let Some((name, _)) = tree_changed.iter().find(|(_, c)| *c) {
                return Err(Error::param(
                    name,
                    format!("applies to the tree model only, not {:?}", self.kind),
                ));
            }
        }
        if self.kind != ModelKind::Logistic && self.alpha != d.alpha {
            return Err(Error::param(
                "alpha",
                format!("applies to logistic regression only, not {:?}", self.kind),
            ));
        }
        if self.select_k == Some(0) {
            return Err(Error::param("select_k", "must be at least 1"));
        }
        self.learner().map(|_| ())
    }

    /// The bare learner.
    pub fn learner(&self) -> Result<Box<dyn BinaryClassifier>> {
        Ok(match self.kind {
            ModelKind::Logistic => Box::new(Logistic::new(self.alpha)?),
            ModelKind::Tree => Box::new(TreeClassifier::new(self.tree_params()?)?),
            ModelKind::Majority => Box::new(MajorityClass),
        })
    }

    /// The learner behind its in-fold steps: standardisation for logistic regression (its
    /// penalty needs features on one scale), then `select_k`.
    pub fn pipeline(&self) -> Result<Pipeline> {
        let mut steps: Vec<Box<dyn Step>> = Vec::new();
        if self.kind == ModelKind::Logistic {
            steps.push(Box::new(Standardize));
        }
        if let Some(k) = self.select_k {
            steps.push(Box::new(SelectKBest { k }));
        }
        Ok(Pipeline {
            steps,
            learner: self.learner()?,
        })
    }
}
