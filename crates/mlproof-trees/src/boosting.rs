//! Gradient boosting for binary classification (Friedman, "Greedy function approximation: a
//! gradient boosting machine", Annals of Statistics 2001), as scikit-learn's
//! `GradientBoostingClassifier` with log loss:
//!
//! * F₀ = ln(p / (1 − p)), p the training share of positives;
//! * stage m fits a regression tree to the negative gradient rᵢ = yᵢ − σ(Fᵢ) and sets each
//!   leaf to one Newton step γ = Σ rᵢ / Σ σ(Fᵢ)(1 − σ(Fᵢ)) over its rows;
//! * Fᵢ ← Fᵢ + ν·γ(leaf of xᵢ), ν the learning rate.
//!
//! The stage trees split on squared error; scikit-learn's default criterion is Friedman's
//! MSE, so individual trees can differ from scikit-learn's.

use ndarray::{Array1, Array2};
use serde::Serialize;

use crate::cart::{Presorted, Tree, TreeParams};
use mlproof_core::progress::{Observer, Silent};
use mlproof_core::{Error, Result};

/// Checked boosting parameters.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct BoostingParams {
    pub n_stages: usize,
    pub learning_rate: f64,
    pub max_depth: usize,
}

impl BoostingParams {
    pub fn check(self) -> Result<Self> {
        if !(1..=100_000).contains(&self.n_stages) {
            return Err(Error::param(
                "n_estimators",
                format!("must be between 1 and 100000, got {}", self.n_stages),
            ));
        }
        if !(self.learning_rate > 0.0 && self.learning_rate <= 1.0) {
            return Err(Error::param(
                "learning_rate",
                format!("must be in (0, 1], got {}", self.learning_rate),
            ));
        }
        if self.max_depth == 0 {
            return Err(Error::param(
                "max_depth",
                "of the stage trees must be at least 1",
            ));
        }
        Ok(self)
    }
}

/// A fitted boosted model.
#[derive(Debug, Clone)]
pub struct Boosted {
    pub init: f64,
    pub learning_rate: f64,
    pub trees: Vec<Tree>,
}

/// Log loss of every stage on the training rows and on the validation rows.
#[derive(Debug, Clone, Serialize)]
pub struct StagedLoss {
    pub train: Vec<f64>,
    pub validation: Vec<f64>,
}

fn sigmoid(f: f64) -> f64 {
    1.0 / (1.0 + (-f).exp())
}

fn log_loss(y: &[usize], f: &[f64]) -> f64 {
    // −[y ln σ(F) + (1 − y) ln(1 − σ(F))] = ln(1 + e^F) − yF, computed stably.
    let softplus = |v: f64| {
        if v > 0.0 {
            v + (-v).exp().ln_1p()
        } else {
            v.exp().ln_1p()
        }
    };
    y.iter()
        .zip(f)
        .map(|(&yi, &fi)| softplus(fi) - yi as f64 * fi)
        .sum::<f64>()
        / y.len() as f64
}

/// Fits `params.n_stages` stages on (x, y), tracking the log loss on (x_val, y_val) after
/// every stage.
pub fn fit_staged(
    x: &Array2<f64>,
    y: &[usize],
    x_val: &Array2<f64>,
    y_val: &[usize],
    params: &BoostingParams,
) -> Result<(Boosted, StagedLoss)> {
    fit_staged_observed(x, y, x_val, y_val, params, &Silent)
}

/// [`fit_staged`], ticking `progress` once per stage.
pub fn fit_staged_observed(
    x: &Array2<f64>,
    y: &[usize],
    x_val: &Array2<f64>,
    y_val: &[usize],
    params: &BoostingParams,
    progress: &dyn Observer,
) -> Result<(Boosted, StagedLoss)> {
    let positives = y.iter().filter(|&&v| v == 1).count();
    if positives == 0 || positives == y.len() {
        return Err(Error::input(
            "gradient boosting needs both classes in its training rows",
        ));
    }
    let p = positives as f64 / y.len() as f64;
    let init = (p / (1.0 - p)).ln();
    let mut f = vec![init; y.len()];
    let mut f_val = vec![init; y_val.len()];
    let tree_params = TreeParams {
        max_depth: Some(params.max_depth),
        ..TreeParams::default()
    };
    // X is the same at every stage: sort its columns once.
    let presorted = Presorted::new(x.view())?;
    let mut trees = Vec::with_capacity(params.n_stages);
    let mut staged = StagedLoss {
        train: Vec::new(),
        validation: Vec::new(),
    };
    for _ in 0..params.n_stages {
        let prob: Vec<f64> = f.iter().map(|&v| sigmoid(v)).collect();
        let residual: Vec<f64> = y
            .iter()
            .zip(&prob)
            .map(|(&yi, pi)| yi as f64 - pi)
            .collect();
        let mut tree = Tree::fit_regressor_presorted(&presorted, &residual, None, &tree_params)?;
        // Newton step per leaf.
        let leaves: Vec<usize> = x.rows().into_iter().map(|r| tree.leaf(r)).collect();
        let mut num = vec![0.0; tree.nodes.len()];
        let mut den = vec![0.0; tree.nodes.len()];
        for (i, &leaf) in leaves.iter().enumerate() {
            num[leaf] += residual[i];
            den[leaf] += prob[i] * (1.0 - prob[i]);
        }
        for (id, node) in tree.nodes.iter_mut().enumerate() {
            if node.split.is_none() {
                node.value = vec![if den[id].abs() < 1e-150 {
                    0.0
                } else {
                    num[id] / den[id]
                }];
            }
        }
        for (i, &leaf) in leaves.iter().enumerate() {
            f[i] += params.learning_rate * tree.nodes[leaf].value[0];
        }
        for (i, row) in x_val.rows().into_iter().enumerate() {
            f_val[i] += params.learning_rate * tree.nodes[tree.leaf(row)].value[0];
        }
        staged.train.push(log_loss(y, &f));
        staged.validation.push(log_loss(y_val, &f_val));
        trees.push(tree);
        progress.tick();
    }
    Ok((
        Boosted {
            init,
            learning_rate: params.learning_rate,
            trees,
        },
        staged,
    ))
}

impl Boosted {
    /// P(y = 1) after the first `stages` stages.
    pub fn predict_proba(&self, x: &Array2<f64>, stages: usize) -> Array1<f64> {
        x.rows()
            .into_iter()
            .map(|row| {
                let f = self.trees[..stages.min(self.trees.len())]
                    .iter()
                    .fold(self.init, |acc, t| {
                        acc + self.learning_rate * t.nodes[t.leaf(row)].value[0]
                    });
                sigmoid(f)
            })
            .collect()
    }
}

/// The number of stages scikit-learn's rule (`n_iter_no_change` = `patience`, `tol`) keeps:
/// it stops at the first stage whose validation loss is not better by `tol` than any of the
/// previous `patience` losses, counting that stage (`n_estimators_ = i + 1`). `None` when it
/// never stops.
pub fn patience_stop(validation: &[f64], patience: usize, tol: f64) -> Option<usize> {
    (patience..validation.len())
        .find(|&m| {
            !validation[m - patience..m]
                .iter()
                .any(|&past| validation[m] + tol < past)
        })
        .map(|m| m + 1)
}

#[cfg(test)]
mod tests;
