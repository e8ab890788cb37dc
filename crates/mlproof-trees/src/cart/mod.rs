//! CART: binary splits chosen greedily by impurity decrease (Breiman et al., *Classification
//! and Regression Trees*, 1984), with scikit-learn's conventions:
//!
//! * thresholds are midpoints between consecutive distinct values (values closer than
//!   1e-7 are treated as equal); a row goes left when `x[f] <= threshold`;
//! * a split is taken only if it strictly improves the best so far, features scanned in
//!   index order (scikit-learn scans them in a random order fixed by `random_state`, so
//!   exact ties between features may resolve differently);
//! * a node is a leaf when it is at `max_depth`, has fewer than `min_samples_split` rows or
//!   fewer than 2·`min_samples_leaf`, is pure (impurity ≤ machine ε), has no valid split, or
//!   its weighted impurity decrease N_t/N·(I − N_R/N_t·I_R − N_L/N_t·I_L) is below
//!   `min_impurity_decrease`.
//!
//! Impurities: Gini 1 − Σ pₖ², entropy −Σ pₖ log₂ pₖ (bits, as scikit-learn), squared
//! error (1/N) Σ (yᵢ − ȳ)².

pub(crate) mod build;
mod criterion;
mod presort;
mod route;

use serde::Serialize;

use mlproof_core::{Error, Result};

pub use build::{as_float32, Node, Split, Tree};
pub use criterion::Criterion;
pub use presort::Presorted;
pub use route::{Rounded, Router};

/// scikit-learn's splitter seed for `random_state=0`:
/// `np.random.RandomState(0).randint(0, 2**31 - 1)`.
pub const RANDOM_STATE_0: u32 = 209_652_396;

/// The order in which a node's features are searched; it decides ties between features
/// with equal impurity decrease (and nothing else). The default follows scikit-learn's
/// `random_state=0`, so mlproof's trees equal `DecisionTreeClassifier(random_state=0)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FeatureOrder {
    /// Lowest feature index first.
    Index,
    /// scikit-learn's draws, for a `random_state` whose splitter seed is `rand_r_seed`
    /// (`np.random.RandomState(random_state).randint(0, 2**31 - 1)`: 209652396 for 0).
    ScikitLearn { rand_r_seed: u32 },
}

/// Checked tree parameters (scikit-learn's names and defaults).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TreeParams {
    pub criterion: Criterion,
    /// `None`: grow until the leaves are pure or too small to split.
    pub max_depth: Option<usize>,
    pub min_samples_split: usize,
    pub min_samples_leaf: usize,
    pub min_impurity_decrease: f64,
    /// Minimal cost-complexity pruning after growth: collapse every branch whose effective
    /// alpha is at most this (0: no pruning), as scikit-learn's `ccp_alpha`.
    pub ccp_alpha: f64,
    pub feature_order: FeatureOrder,
    /// Features drawn per split (random forests: ⌊√d⌋); `None` searches them all. Draws
    /// follow the scikit-learn order's generator, so it needs `FeatureOrder::ScikitLearn`.
    pub max_features: Option<usize>,
}

impl Default for TreeParams {
    fn default() -> Self {
        TreeParams {
            criterion: Criterion::Gini,
            max_depth: None,
            min_samples_split: 2,
            min_samples_leaf: 1,
            min_impurity_decrease: 0.0,
            ccp_alpha: 0.0,
            feature_order: FeatureOrder::ScikitLearn {
                rand_r_seed: RANDOM_STATE_0,
            },
            max_features: None,
        }
    }
}

impl TreeParams {
    /// Rejects what scikit-learn rejects: depth 0, min_samples_split < 2,
    /// min_samples_leaf < 1, a negative or non-finite min_impurity_decrease.
    pub fn check(self) -> Result<Self> {
        if self.max_depth == Some(0) {
            return Err(Error::param(
                "max_depth",
                "must be at least 1 (omit it for no limit)",
            ));
        }
        if self.min_samples_split < 2 {
            return Err(Error::param(
                "min_samples_split",
                format!("must be at least 2, got {}", self.min_samples_split),
            ));
        }
        if self.min_samples_leaf < 1 {
            return Err(Error::param("min_samples_leaf", "must be at least 1"));
        }
        if self.max_features == Some(0) {
            return Err(Error::param("max_features", "must be at least 1"));
        }
        if self.max_features.is_some() && self.feature_order == FeatureOrder::Index {
            return Err(Error::usage(
                "max_features draws features at random: it needs the scikit-learn feature order",
            ));
        }
        if !(self.ccp_alpha.is_finite() && self.ccp_alpha >= 0.0) {
            return Err(Error::param(
                "ccp_alpha",
                format!("must be a finite number ≥ 0, got {}", self.ccp_alpha),
            ));
        }
        if !(self.min_impurity_decrease.is_finite() && self.min_impurity_decrease >= 0.0) {
            return Err(Error::param(
                "min_impurity_decrease",
                format!(
                    "must be a finite number ≥ 0, got {}",
                    self.min_impurity_decrease
                ),
            ));
        }
        Ok(self)
    }

    pub fn with_max_depth(self, max_depth: Option<usize>) -> Self {
        TreeParams { max_depth, ..self }
    }
}

#[cfg(test)]
pub(crate) mod tests;
