//! The learner `imbalance` compares the corrections on, buildable with or without balanced
//! class weights.

use mlproof_core::model::{BinaryClassifier, ClassWeight, WeightedLogistic};
use mlproof_core::Result;
use mlproof_trees::ensemble::Forest;
use mlproof_trees::{TreeClassifier, TreeParams};
use serde::Serialize;

/// Which learner every method wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Learner {
    /// Standardised L2 logistic regression, C = 1.
    Logistic,
    /// A CART tree (scikit-learn's split search).
    Tree,
    /// A random forest of [`FOREST_TREES`] trees, ⌊√d⌋ features per split.
    Forest,
}

/// The depth a tree gets when none is asked for (the command's default).
pub const TREE_DEPTH: usize = 5;

/// Trees in the forest.
pub const FOREST_TREES: usize = 100;

/// Logistic regression's inverse penalty.
pub const LOGISTIC_C: f64 = 1.0;

/// Builds the learner with the given class weights.
pub type Factory = Box<dyn Fn(ClassWeight) -> Result<Box<dyn BinaryClassifier>> + Sync>;

/// The learner's factory and its description; `max_depth` is taken as given (`None`:
/// unlimited), `n_features` sets the forest's features per split.
pub fn factory(
    learner: Learner,
    max_depth: Option<usize>,
    n_features: usize,
) -> Result<(Factory, String)> {
    Ok(match learner {
        Learner::Logistic => (
            Box::new(|w| {
                Ok(Box::new(WeightedLogistic::new(1.0 / LOGISTIC_C, w)?)
                    as Box<dyn BinaryClassifier>)
            }),
            format!("standardised logistic regression (C = {LOGISTIC_C})"),
        ),
        Learner::Tree => {
            let params = TreeParams::default().with_max_depth(max_depth).check()?;
            let describe = match max_depth {
                Some(d) => format!("CART tree, depth {d}"),
                None => "CART tree, full depth".into(),
            };
            (
                Box::new(move |w| {
                    Ok(Box::new(TreeClassifier::new(params)?.with_class_weight(w))
                        as Box<dyn BinaryClassifier>)
                }),
                describe,
            )
        }
        Learner::Forest => {
            let max_features = ((n_features as f64).sqrt() as usize).max(1);
            let params = TreeParams::default().with_max_depth(max_depth).check()?;
            let describe = match max_depth {
                Some(d) => format!("random forest, {FOREST_TREES} trees of depth {d}"),
                None => format!("random forest, {FOREST_TREES} full-depth trees"),
            };
            (
                Box::new(move |w| {
                    let mut f = Forest::new(FOREST_TREES, Some(max_features), params)?;
                    f.class_weight = w;
                    Ok(Box::new(f) as Box<dyn BinaryClassifier>)
                }),
                describe,
            )
        }
    })
}
