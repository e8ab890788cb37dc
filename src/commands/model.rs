//! Turning `--model …` and its preprocessing flags into a learner.

use mlproof_core::model::{
    BinaryClassifier, Logistic, MajorityClass, Pipeline, SelectKBest, Standardize, Step,
};
use mlproof_core::Result;
use mlproof_trees::{Criterion, TreeClassifier, TreeParams};

use crate::cli::{CriterionArg, ModelArgs, ModelKind};

/// The tree parameters the flags give.
pub fn tree_params(args: &ModelArgs) -> Result<TreeParams> {
    TreeParams {
        criterion: match args.criterion {
            CriterionArg::Gini => Criterion::Gini,
            CriterionArg::Entropy => Criterion::Entropy,
        },
        max_depth: args.max_depth,
        min_samples_split: args.min_samples_split,
        min_samples_leaf: args.min_samples_leaf,
        min_impurity_decrease: 0.0,
        ccp_alpha: args.ccp_alpha,
        feature_order: TreeParams::default().feature_order,
        max_features: None,
    }
    .check()
}

/// The bare learner of `--model`.
pub fn learner(kind: ModelKind, args: &ModelArgs) -> Result<Box<dyn BinaryClassifier>> {
    Ok(match kind {
        ModelKind::Logistic => Box::new(Logistic::new(args.alpha)?),
        ModelKind::Tree => Box::new(TreeClassifier::new(tree_params(args)?)?),
        ModelKind::Majority => Box::new(MajorityClass),
    })
}

/// The learner of `--model` behind its in-fold steps: standardisation for logistic
/// regression (its penalty needs features on one scale), then `--select-k`.
pub fn pipeline(kind: ModelKind, args: &ModelArgs) -> Result<Pipeline> {
    let mut steps: Vec<Box<dyn Step>> = Vec::new();
    if kind == ModelKind::Logistic {
        steps.push(Box::new(Standardize));
    }
    if let Some(k) = args.select_k {
        steps.push(Box::new(SelectKBest { k }));
    }
    Ok(Pipeline {
        steps,
        learner: learner(kind, args)?,
    })
}
