//! The rungs of the baseline ladder, simplest first, each fitted with its parameter count.

use mlproof_core::model::{standardized_logistic, BinaryClassifier, FittedBinary, MajorityClass};
use mlproof_core::Result;
use mlproof_trees::boosting::{fit_staged, Boosted, BoostingParams};
use mlproof_trees::ensemble::Forest;
use mlproof_trees::{Tree, TreeParams};
use ndarray::{Array1, Array2};
use serde::Serialize;

/// One rung: a learner of a given complexity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rung {
    Majority,
    Logistic,
    ShallowTree,
    RandomForest,
    GradientBoosting,
}

/// The ladder, simplest first: the order the recommendation searches.
pub const LADDER: [Rung; 5] = [
    Rung::Majority,
    Rung::Logistic,
    Rung::ShallowTree,
    Rung::RandomForest,
    Rung::GradientBoosting,
];

/// The sizes of the tree rungs (the defaults keep the whole ladder under a second on every
/// bundled set; see README).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sizes {
    /// Depth of the shallow tree.
    pub tree_depth: usize,
    /// Trees in the random forest (⌊√d⌋ candidate features per split).
    pub forest_trees: usize,
    /// Depth limit of the forest's trees.
    pub forest_depth: usize,
    /// Stages of gradient boosting (learning rate 0.1).
    pub boosting_stages: usize,
    /// Depth of each boosting stage tree.
    pub boosting_depth: usize,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            tree_depth: 3,
            forest_trees: 30,
            forest_depth: 6,
            boosting_stages: 30,
            boosting_depth: 3,
        }
    }
}

/// Learning rate of the boosting rung (scikit-learn's default).
pub const LEARNING_RATE: f64 = 0.1;

impl Rung {
    /// The rung's name in JSON and finding ids.
    pub fn name(self) -> &'static str {
        match self {
            Rung::Majority => "majority",
            Rung::Logistic => "logistic",
            Rung::ShallowTree => "shallow-tree",
            Rung::RandomForest => "random-forest",
            Rung::GradientBoosting => "gradient-boosting",
        }
    }

    /// The learner in words.
    pub fn describe(self, s: &Sizes) -> String {
        match self {
            Rung::Majority => "the training prior, ignoring the features".into(),
            Rung::Logistic => "standardised logistic regression, L2, C = 1".into(),
            Rung::ShallowTree => format!("CART tree of depth {}", s.tree_depth),
            Rung::RandomForest => format!(
                "{} trees of depth ≤ {}, ⌊√d⌋ features per split",
                s.forest_trees, s.forest_depth
            ),
            Rung::GradientBoosting => format!(
                "{} stages of depth {}, learning rate {LEARNING_RATE}",
                s.boosting_stages, s.boosting_depth
            ),
        }
    }

    /// What the parameter count counts.
    pub fn parameters_are(self) -> &'static str {
        match self {
            Rung::Majority => "the prior",
            Rung::Logistic => "coefficients and intercept",
            Rung::ShallowTree => "nodes (a threshold per split, a value per leaf)",
            Rung::RandomForest => "nodes over all trees",
            Rung::GradientBoosting => "nodes over all stages, plus the initial log-odds",
        }
    }
}

struct Boost(Boosted);

impl FittedBinary for Boost {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        self.0.predict_proba(x, self.0.trees.len())
    }
}

fn nodes(trees: &[Tree]) -> usize {
    trees.iter().map(|t| t.nodes.len()).sum()
}

/// Fits `rung` on (x, y); returns the fitted model and its parameter count.
pub fn fit(
    rung: Rung,
    sizes: &Sizes,
    x: &Array2<f64>,
    y: &Array1<usize>,
    seed: u64,
) -> Result<(Box<dyn FittedBinary>, usize)> {
    let d = x.ncols();
    Ok(match rung {
        Rung::Majority => (MajorityClass.fit(x, y, seed)?, 1),
        Rung::Logistic => (standardized_logistic(1.0)?.fit(x, y, seed)?, d + 1),
        Rung::ShallowTree => {
            let params = TreeParams::default()
                .with_max_depth(Some(sizes.tree_depth))
                .check()?;
            let tree = Tree::fit_classifier(x.view(), &y.to_vec(), 2, None, &params)?;
            let n = tree.nodes.len();
            (Box::new(tree), n)
        }
        Rung::RandomForest => {
            let max_features = ((d as f64).sqrt() as usize).max(1);
            let tree = TreeParams::default().with_max_depth(Some(sizes.forest_depth));
            let forest = Forest::new(sizes.forest_trees, Some(max_features), tree)?;
            let fitted = forest.fit_forest(x, y, seed)?;
            let n = nodes(&fitted.trees);
            (Box::new(fitted), n)
        }
        Rung::GradientBoosting => {
            let params = BoostingParams {
                n_stages: sizes.boosting_stages,
                learning_rate: LEARNING_RATE,
                max_depth: sizes.boosting_depth,
            }
            .check()?;
            let empty = Array2::zeros((0, d));
            let (model, _) = fit_staged(x, &y.to_vec(), &empty, &[], &params)?;
            let n = nodes(&model.trees) + 1;
            (Box::new(Boost(model)), n)
        }
    })
}
