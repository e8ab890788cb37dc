//! The learners the claims compare, each built the same way wherever it appears.

use mlproof_core::model::{
    BinaryClassifier, ClassWeight, Logistic, MajorityClass, Pipeline, Standardize, Step,
    WeightedLogistic,
};
use mlproof_core::Result;
use mlproof_imbalance::{
    RandomUnderSampler, SamplingStrategy, Smote, SmoteKind, ThresholdMoving, ThresholdRule,
};
use mlproof_linear::features::knn::Knn;
use mlproof_trees::boosting::BoostingParams;
use mlproof_trees::ensemble::{Boosting, Forest};
use mlproof_trees::{TreeClassifier, TreeParams};

/// SMOTE's neighbours (imbalanced-learn's default).
pub const SMOTE_K: usize = 5;

pub type Learner = Box<dyn BinaryClassifier>;

fn behind(steps: Vec<Box<dyn Step>>, learner: Learner) -> Learner {
    Box::new(Pipeline { steps, learner })
}

/// The training prior.
pub fn majority() -> Learner {
    Box::new(MajorityClass)
}

/// Standardise, then L2 logistic regression (C = 1), fitted by Newton's method.
///
/// The objective is linfa-logistic's and scikit-learn's (Σᵢ −ln σ(±zᵢ) + ½‖w‖²); Newton's
/// method reaches it in a few steps where L-BFGS took most of the sheet's time (measured on
/// page-blocks0: 28% of the claims' CPU in linfa's cost and gradient).
/// [`linfa_logistic`] is the cross-check: `logistic_fits_agree` below.
pub fn logistic() -> Result<Learner> {
    newton_logistic()
}

/// linfa-logistic's L-BFGS fit of the same model, kept as the cross-check.
pub fn linfa_logistic() -> Result<Learner> {
    Ok(behind(
        vec![Box::new(Standardize)],
        Box::new(Logistic::new(1.0)?),
    ))
}

/// Standardise, then L2 logistic regression (C = 1) by Newton's method.
pub fn newton_logistic() -> Result<Learner> {
    Ok(behind(
        vec![Box::new(Standardize)],
        Box::new(WeightedLogistic::new(1.0, ClassWeight::None)?),
    ))
}

/// Standardised logistic regression with balanced class weights.
pub fn weighted_logistic() -> Result<Learner> {
    Ok(behind(
        vec![Box::new(Standardize)],
        Box::new(WeightedLogistic::new(1.0, ClassWeight::Balanced)?),
    ))
}

/// A CART tree of the given depth (`None`: grown until pure).
pub fn tree(max_depth: Option<usize>) -> Result<Learner> {
    Ok(Box::new(TreeClassifier::new(
        TreeParams::default().with_max_depth(max_depth).check()?,
    )?))
}

/// A random forest of `n_trees` full-depth trees, √d features per split.
pub fn forest(n_trees: usize, n_features: usize) -> Result<Learner> {
    Ok(Box::new(Forest {
        n_trees,
        max_features: Some(((n_features as f64).sqrt().round() as usize).max(1)),
        tree: TreeParams::default().check()?,
        class_weight: ClassWeight::None,
    }))
}

/// Gradient boosting: 100 stages of depth-3 trees, ν = 0.1 (scikit-learn's defaults).
pub fn boosting() -> Result<Learner> {
    Ok(Box::new(Boosting(
        BoostingParams {
            n_stages: 100,
            learning_rate: 0.1,
            max_depth: 3,
        }
        .check()?,
    )))
}

/// SMOTE inside the training folds, balancing the classes, before `learner`.
pub fn smote(learner: Learner) -> Result<Learner> {
    let step = Smote::new(SMOTE_K, SamplingStrategy::Auto, SmoteKind::Regular)?;
    Ok(behind(vec![Box::new(step)], learner))
}

/// Random under-sampling of the majority inside the training folds, before `learner`.
pub fn under(learner: Learner) -> Learner {
    behind(
        vec![Box::new(RandomUnderSampler {
            strategy: SamplingStrategy::Auto,
        })],
        learner,
    )
}

/// `learner` with its threshold moved to the best F1 on three inner folds.
pub fn threshold_moved(learner: Learner) -> Learner {
    Box::new(ThresholdMoving {
        learner,
        rule: ThresholdRule::F1,
        inner_folds: 3,
    })
}

/// 5-nearest neighbours, on the columns as given.
pub fn knn() -> Learner {
    Box::new(Knn { k: 5 })
}

/// 5-nearest neighbours on standardised columns (the scaler fitted in-fold).
pub fn scaled_knn() -> Learner {
    behind(vec![Box::new(Standardize)], knn())
}

/// A full-depth tree on standardised columns.
pub fn scaled_tree() -> Result<Learner> {
    Ok(behind(vec![Box::new(Standardize)], tree(None)?))
}
