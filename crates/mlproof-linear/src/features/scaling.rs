//! Why scale: a penalty charges every coefficient alike, so on raw features it punishes
//! features measured in small units (they need large coefficients) and spares those in
//! large units; and a distance-based model (k-NN) is dominated by the widest column.

use mlproof_core::model::pipeline::{Pipeline, Standardize, Step};
use mlproof_core::stats::Summary;
use mlproof_core::Result;
use mlproof_trees::{TreeClassifier, TreeParams};
use ndarray::{Array1, Array2, Axis};
use serde::Serialize;

use super::knn::Knn;
use super::steps::MinMax;
use crate::design::Standardized;
use crate::logistic::LogisticProblem;
use crate::penalty::Penalty;

/// One feature under the same L1 penalty, fitted on raw and on standardised columns.
#[derive(Debug, Clone, Serialize)]
pub struct PenaltyRow {
    pub feature: usize,
    /// Population standard deviation of the raw column.
    pub sd: f64,
    /// Coefficient of the fit on standardised columns (per standard deviation).
    pub standardized: f64,
    /// Coefficient of the fit on raw (centred) columns, converted to per standard deviation
    /// (w·sd) so that the two are comparable.
    pub raw_per_sd: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct KnnRow {
    pub scaling: &'static str,
    pub auc: Summary,
    /// ROC-AUC on each fold (the same folds for every row).
    pub fold_auc: Vec<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Scaling {
    pub alpha: f64,
    pub penalty: Vec<PenaltyRow>,
    pub k: usize,
    pub knn: Vec<KnnRow>,
    /// A depth-[`TREE_DEPTH`] tree under the same scalings: its splits only compare values
    /// within a column, so a monotone rescaling leaves it unchanged.
    pub tree: Vec<KnnRow>,
}

/// The depth of the tree scored beside k-NN.
pub const TREE_DEPTH: usize = super::encoding::TREE_DEPTH;

/// The fraction of α_max (on standardised columns) the penalty comparison uses.
pub const ALPHA_FRACTION: f64 = 0.1;
/// Neighbours of the k-NN comparison (scikit-learn's default).
pub const K: usize = 5;

pub fn scaling(x: &Array2<f64>, y: &Array1<usize>, n_splits: usize, seed: u64) -> Result<Scaling> {
    let labels = y.to_vec();
    let design = Standardized::fit(x);
    let std_problem = LogisticProblem::new(&design.z, &labels)?;
    let alpha = ALPHA_FRACTION * std_problem.alpha_max(1.0);
    let pen = Penalty::lasso(alpha)?;
    let std_fit = std_problem.solve(pen, &std_problem.null_fit())?;
    let centred = x - &x
        .mean_axis(Axis(0))
        .unwrap_or_else(|| Array1::zeros(x.ncols()));
    let raw_problem = LogisticProblem::new(&centred, &labels)?;
    let raw_fit = raw_problem.solve(pen, &raw_problem.null_fit())?;
    let sd = x.std_axis(Axis(0), 0.0);
    let penalty = (0..x.ncols())
        .map(|j| PenaltyRow {
            feature: j,
            sd: sd[j],
            standardized: std_fit.coef[j],
            raw_per_sd: raw_fit.coef[j] * sd[j],
        })
        .collect();
    let scalings = || -> [(&'static str, Vec<Box<dyn Step>>); 3] {
        [
            ("none (raw)", vec![]),
            ("standardised", vec![Box::new(Standardize)]),
            ("min-max", vec![Box::new(MinMax)]),
        ]
    };
    let score = |scaling: &'static str, learner: Pipeline| -> Result<KnnRow> {
        let (auc, fold_auc) = super::cv_auc(x, y, &learner, n_splits, seed)?;
        Ok(KnnRow {
            scaling,
            auc,
            fold_auc,
        })
    };
    let knn = scalings()
        .into_iter()
        .map(|(scaling, steps)| {
            let learner = Knn { k: K };
            score(
                scaling,
                Pipeline {
                    steps,
                    learner: Box::new(learner),
                },
            )
        })
        .collect::<Result<_>>()?;
    let tree = scalings()
        .into_iter()
        .map(|(scaling, steps)| {
            let params = TreeParams::default()
                .with_max_depth(Some(TREE_DEPTH))
                .check()?;
            score(
                scaling,
                Pipeline {
                    steps,
                    learner: Box::new(TreeClassifier::new(params)?),
                },
            )
        })
        .collect::<Result<_>>()?;
    Ok(Scaling {
        alpha,
        penalty,
        k: K,
        knn,
        tree,
    })
}
