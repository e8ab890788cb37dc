//! Turning `--model …` and its preprocessing flags into the library's [`ModelSpec`].

use mlproof_experiments::common::{ModelKind, ModelSpec};
use mlproof_trees::Criterion;

use crate::cli::{CriterionArg, ModelArgs};

/// The learner the `--model` flags give (validated by the experiment's check).
pub fn model_spec(args: &ModelArgs) -> ModelSpec {
    ModelSpec {
        kind: match args.model {
            None | Some(crate::cli::ModelKind::Logistic) => ModelKind::Logistic,
            Some(crate::cli::ModelKind::Tree) => ModelKind::Tree,
            Some(crate::cli::ModelKind::Majority) => ModelKind::Majority,
        },
        max_depth: args.max_depth,
        min_samples_split: args.min_samples_split,
        min_samples_leaf: args.min_samples_leaf,
        criterion: match args.criterion {
            CriterionArg::Gini => Criterion::Gini,
            CriterionArg::Entropy => Criterion::Entropy,
        },
        ccp_alpha: args.ccp_alpha,
        alpha: args.alpha,
        select_k: args.select_k,
    }
}
