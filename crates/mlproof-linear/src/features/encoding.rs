//! One-hot vs ordinal vs target encoding of categorical columns, each fitted inside the
//! training folds, scored for a linear model and a tree.

use mlproof_core::data::{Dataset, FeatureKind};
use mlproof_core::model::pipeline::{Pipeline, Standardize};
use mlproof_core::model::{ClassWeight, WeightedLogistic};
use mlproof_core::stats::Summary;
use mlproof_core::{Error, Result};
use mlproof_trees::{TreeClassifier, TreeParams};
use serde::Serialize;

use super::steps::{Encode, Encoding};

#[derive(Debug, Clone, Serialize)]
pub struct EncodingRow {
    pub encoding: Encoding,
    pub model: &'static str,
    pub columns: usize,
    pub auc: Summary,
    /// ROC-AUC on each fold (the same folds for every row).
    pub fold_auc: Vec<f64>,
}

/// The tree's depth in the comparison.
pub const TREE_DEPTH: usize = 5;

pub fn encoding(data: &Dataset, n_splits: usize, seed: u64) -> Result<Vec<EncodingRow>> {
    let levels: Vec<Option<usize>> = data
        .feature_kinds
        .iter()
        .map(|k| match k {
            FeatureKind::Numeric => None,
            FeatureKind::Categorical { levels } => Some(levels.len()),
        })
        .collect();
    if levels.iter().all(Option::is_none) {
        return Err(Error::input(format!(
            "{} has no categorical column to encode; try the bundled german or car-good",
            data.name
        )));
    }
    let y = data.binary_target()?;
    let mut rows = Vec::new();
    for encoding in [Encoding::OneHot, Encoding::Ordinal, Encoding::Target] {
        let encode = Encode {
            encoding,
            levels: levels.clone(),
        };
        let columns = encode.n_columns();
        let models: [(&'static str, Pipeline); 2] = [
            (
                "logistic (C = 1)",
                Pipeline {
                    steps: vec![Box::new(encode.clone()), Box::new(Standardize)],
                    learner: Box::new(WeightedLogistic::new(1.0, ClassWeight::None)?),
                },
            ),
            (
                "tree (depth 5)",
                Pipeline {
                    steps: vec![Box::new(encode.clone())],
                    learner: Box::new(TreeClassifier::new(
                        TreeParams::default()
                            .with_max_depth(Some(TREE_DEPTH))
                            .check()?,
                    )?),
                },
            ),
        ];
        for (model, pipeline) in models {
            let (auc, fold_auc) = super::cv_auc(&data.features, &y, &pipeline, n_splits, seed)?;
            rows.push(EncodingRow {
                encoding,
                model,
                columns,
                auc,
                fold_auc,
            });
        }
    }
    Ok(rows)
}
