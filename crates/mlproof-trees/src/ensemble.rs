//! Ensembles of trees: bagging (Breiman 1996), random forests (Breiman 2001) and gradient
//! boosting as learners, to measure how averaging many high-variance trees lowers variance.
//!
//! Each tree of a forest is fitted on a bootstrap sample given, as scikit-learn does, as
//! sample weights (the number of times each row was drawn; undrawn rows are left out), and
//! a random forest also draws `max_features` candidate features at every split. Seeds come
//! from the forest's seed by tree index, so results do not depend on thread count.

use ndarray::{Array1, Array2};
use rand::Rng;
use rayon::prelude::*;
use serde::Serialize;

mod probe;

use crate::boosting::{fit_staged, Boosted, BoostingParams};
use crate::cart::{FeatureOrder, Presorted, Rounded, Router, Tree, TreeParams};
use mlproof_core::model::{BinaryClassifier, ClassWeight, ColumnProbe, FittedBinary};
use mlproof_core::seed;
use mlproof_core::{Error, Result};

/// A bagged ensemble; with `max_features` set it is a random forest.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Forest {
    pub n_trees: usize,
    /// Candidate features per split (`None`: all, i.e. bagging).
    pub max_features: Option<usize>,
    pub tree: TreeParams,
    /// Class weights multiply each row's bootstrap count (scikit-learn's `class_weight`,
    /// computed once on the training rows).
    pub class_weight: ClassWeight,
}

/// A fitted forest. Its out-of-bag estimates are computed when asked
/// ([`FittedForest::oob_proba`]): most uses of a forest never read them.
pub struct FittedForest {
    pub trees: Vec<Tree>,
    /// The forest's seed and training rows, to draw each tree's bootstrap again.
    seed: u64,
    n_train: usize,
    /// Each tree's router and P(y = 1) per node, built once at fit for every prediction.
    routes: Vec<(Router, Vec<f64>)>,
}

impl Forest {
    pub fn new(n_trees: usize, max_features: Option<usize>, tree: TreeParams) -> Result<Self> {
        if !(1..=10_000).contains(&n_trees) {
            return Err(Error::param(
                "n_trees",
                format!("must be between 1 and 10000, got {n_trees}"),
            ));
        }
        Ok(Forest {
            n_trees,
            max_features,
            tree: tree.check()?,
            class_weight: ClassWeight::None,
        })
    }

    pub fn fit_forest(
        &self,
        x: &Array2<f64>,
        y: &Array1<usize>,
        seed: u64,
    ) -> Result<FittedForest> {
        self.fit_forest_presorted(&Presorted::new(x.view())?, x, y, seed)
    }

    /// [`Forest::fit_forest`] on `x` already presorted (`presorted` must be `x`'s): the
    /// columns are sorted once for all trees, and each tree keeps the rows its bootstrap drew
    /// (O(d·n) per tree instead of a sort). Trees are grown in parallel and gathered in order.
    pub fn fit_forest_presorted(
        &self,
        presorted: &Presorted,
        x: &Array2<f64>,
        y: &Array1<usize>,
        seed: u64,
    ) -> Result<FittedForest> {
        let n = x.nrows();
        if presorted.n_rows() != n || presorted.n_listed() != n || y.len() != n {
            return Err(Error::input(format!(
                "a forest needs matching rows: {n} rows, {} presorted, {} targets",
                presorted.n_rows(),
                y.len()
            )));
        }
        let class_weights = self.class_weight.row_weights(y);
        let labels = y.to_vec();
        let trees: Vec<Tree> = (0..self.n_trees)
            .into_par_iter()
            .map(|t| {
                let counts = bootstrap_counts(seed, t, n);
                // Undrawn rows are left out of the lists; their weight is never read.
                let weights: Vec<f64> = counts
                    .iter()
                    .zip(&class_weights)
                    .map(|(&c, &w)| c as f64 * w)
                    .collect();
                let drawn: Vec<bool> = counts.iter().map(|&c| c > 0).collect();
                let params = TreeParams {
                    max_features: self.max_features,
                    feature_order: FeatureOrder::ScikitLearn {
                        rand_r_seed: seed::derive(seed, "forest/features", t as u64) as u32,
                    },
                    ..self.tree
                };
                Tree::fit_classifier_owned(
                    presorted.restrict(&drawn)?,
                    &labels,
                    2,
                    Some(&weights),
                    &params,
                )
            })
            .collect::<Result<_>>()?;
        let routes: Vec<(Router, Vec<f64>)> = trees
            .iter()
            .map(|t| (Router::new(t), t.class_shares(1)))
            .collect();
        Ok(FittedForest {
            trees,
            seed,
            n_train: n,
            routes,
        })
    }
}

/// How many times each of `n` rows is drawn into tree `t`'s bootstrap sample.
fn bootstrap_counts(seed: u64, t: usize, n: usize) -> Vec<usize> {
    let mut rng = seed::rng(seed, "forest/bootstrap", t as u64);
    let mut counts = vec![0usize; n];
    (0..n).for_each(|_| counts[rng.gen_range(0..n)] += 1);
    counts
}

impl FittedForest {
    /// P(y = 1) averaged over the first `k` trees (all with `k` ≥ the number of trees).
    pub fn predict_proba_first(&self, x: &Array2<f64>, k: usize) -> Array1<f64> {
        let k = k.clamp(1, self.trees.len());
        let rounded = Rounded::new(x);
        let mut sum = Array1::zeros(x.nrows());
        // Tree by tree, so one tree's nodes stay in cache while every row passes through;
        // the sum runs in tree order, as adding each tree's column did.
        for (router, share) in &self.routes[..k] {
            for (s, row) in sum.iter_mut().zip(rounded.rows()) {
                *s += share[router.leaf(row)];
            }
        }
        sum / k as f64
    }

    /// Each training row's out-of-bag P(y = 1): the mean over the trees whose bootstrap left
    /// it out, in tree order (NaN where every tree drew it). `x` must be the training rows.
    pub fn oob_proba(&self, x: &Array2<f64>) -> Result<Vec<f64>> {
        let n = self.n_train;
        if x.nrows() != n {
            return Err(Error::input(format!(
                "out-of-bag estimates need the forest's {n} training rows, got {}",
                x.nrows()
            )));
        }
        let mut sum = vec![0.0; n];
        let mut seen = vec![0usize; n];
        let rounded = Rounded::new(x);
        let rows: Vec<&[f64]> = rounded.rows().collect();
        for (t, (router, share)) in self.routes.iter().enumerate() {
            let counts = bootstrap_counts(self.seed, t, n);
            for i in (0..n).filter(|&i| counts[i] == 0) {
                sum[i] += share[router.leaf(rows[i])];
                seen[i] += 1;
            }
        }
        Ok(sum
            .iter()
            .zip(&seen)
            .map(|(s, &c)| if c > 0 { s / c as f64 } else { f64::NAN })
            .collect())
    }

    /// Out-of-bag accuracy over the rows some tree left out (scikit-learn's `oob_score_`);
    /// `x` and `y` are the training rows.
    pub fn oob_accuracy(&self, x: &Array2<f64>, y: &Array1<usize>) -> Result<f64> {
        if y.len() != self.n_train {
            return Err(Error::input(format!(
                "out-of-bag accuracy needs the forest's {} training labels, got {}",
                self.n_train,
                y.len()
            )));
        }
        let scored: Vec<(usize, f64)> = self
            .oob_proba(x)?
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_nan())
            .map(|(i, &p)| (i, p))
            .collect();
        let right = scored
            .iter()
            .filter(|&&(i, p)| usize::from(p > 0.5) == y[i])
            .count();
        Ok(right as f64 / scored.len().max(1) as f64)
    }
}

impl BinaryClassifier for Forest {
    fn name(&self) -> &'static str {
        match (self.max_features.is_some(), self.class_weight) {
            (true, ClassWeight::None) => "random forest",
            (true, ClassWeight::Balanced) => "random forest, balanced weights",
            (false, ClassWeight::None) => "bagging",
            (false, ClassWeight::Balanced) => "bagging, balanced weights",
        }
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        Ok(Box::new(self.fit_forest(x, y, seed)?))
    }
}

impl FittedBinary for FittedForest {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        self.predict_proba_first(x, self.trees.len())
    }

    fn column_probe<'a>(&'a self, x: &'a Array2<f64>) -> Box<dyn ColumnProbe + 'a> {
        Box::new(probe::ForestProbe::new(&self.routes, x))
    }
}

/// Gradient boosting as a learner: all stages, no validation split.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Boosting(pub BoostingParams);

struct FittedBoosting(Boosted);

impl BinaryClassifier for Boosting {
    fn name(&self) -> &'static str {
        "gradient boosting"
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        let y = y.to_vec();
        let empty = Array2::zeros((0, x.ncols()));
        let (model, _) = fit_staged(x, &y, &empty, &[], &self.0.check()?)?;
        Ok(Box::new(FittedBoosting(model)))
    }
}

impl FittedBinary for FittedBoosting {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        self.0.predict_proba(x, self.0.trees.len())
    }
}

#[cfg(test)]
mod tests;
