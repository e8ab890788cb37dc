//! The anomaly-detection framing: fit a detector on the majority class only and call a
//! row positive when it looks unlike that class. The detector is an isolation forest (Liu,
//! Ting & Zhou, *Isolation Forest*, ICDM 2008), with scikit-learn's defaults: 100 trees,
//! each on ψ = min(256, n) rows drawn without replacement, grown to depth ⌈log₂ ψ⌉ by
//! splitting a random non-constant feature at a uniform random point.
//!
//! Score s(x) = 2^(−E[h(x)] / c(ψ)), h the path length plus c(leaf size) for the rows left
//! unseparated, c(n) = 2(ln(n − 1) + γ) − 2(n − 1)/n the mean unsuccessful-search length of
//! a binary search tree (c(2) = 1, c(1) = 0). s is in (0, 1]; above ½ is anomalous, as
//! scikit-learn's `contamination="auto"`. The labels of the positive rows are never used.

use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use rayon::prelude::*;

use mlproof_core::model::{BinaryClassifier, FittedBinary};
use mlproof_core::seed::{self, permutation};
use mlproof_core::{Error, Result};

const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;

/// c(n): the average path length of an unsuccessful search in a binary search tree.
pub fn average_path(n: usize) -> f64 {
    match n {
        0 | 1 => 0.0,
        2 => 1.0,
        _ => {
            let n = n as f64;
            2.0 * ((n - 1.0).ln() + EULER_GAMMA) - 2.0 * (n - 1.0) / n
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct IsolationForest {
    pub n_trees: usize,
    pub max_samples: usize,
}

impl Default for IsolationForest {
    fn default() -> Self {
        IsolationForest {
            n_trees: 100,
            max_samples: 256,
        }
    }
}

enum Node {
    Leaf {
        size: usize,
    },
    Split {
        feature: usize,
        at: f64,
        left: Box<Node>,
        right: Box<Node>,
    },
}

fn grow(x: &Array2<f64>, rows: &[usize], depth: usize, limit: usize, rng: &mut impl Rng) -> Node {
    if depth >= limit || rows.len() <= 1 {
        return Node::Leaf { size: rows.len() };
    }
    let ranges: Vec<(usize, f64, f64)> = (0..x.ncols())
        .filter_map(|j| {
            let (lo, hi) = rows
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &i| {
                    (lo.min(x[[i, j]]), hi.max(x[[i, j]]))
                });
            (hi > lo).then_some((j, lo, hi))
        })
        .collect();
    if ranges.is_empty() {
        return Node::Leaf { size: rows.len() };
    }
    let (feature, lo, hi) = ranges[rng.gen_range(0..ranges.len())];
    let at = rng.gen_range(lo..hi);
    let (l, r): (Vec<usize>, Vec<usize>) = rows.iter().partition(|&&i| x[[i, feature]] < at);
    Node::Split {
        feature,
        at,
        left: Box::new(grow(x, &l, depth + 1, limit, rng)),
        right: Box::new(grow(x, &r, depth + 1, limit, rng)),
    }
}

fn path_length(node: &Node, row: ndarray::ArrayView1<f64>, depth: usize) -> f64 {
    match node {
        Node::Leaf { size } => depth as f64 + average_path(*size),
        Node::Split {
            feature,
            at,
            left,
            right,
        } => {
            let next = if row[*feature] < *at { left } else { right };
            path_length(next, row, depth + 1)
        }
    }
}

pub struct FittedIsolation {
    trees: Vec<Node>,
    psi: usize,
}

impl FittedIsolation {
    /// s(x) for every row.
    pub fn score(&self, x: &Array2<f64>) -> Array1<f64> {
        let c = average_path(self.psi);
        let scores: Vec<f64> = (0..x.nrows())
            .into_par_iter()
            .map(|i| {
                let row = x.row(i);
                let mean = self
                    .trees
                    .iter()
                    .map(|t| path_length(t, row, 0))
                    .sum::<f64>()
                    / self.trees.len() as f64;
                2f64.powf(-mean / c)
            })
            .collect();
        Array1::from(scores)
    }
}

impl IsolationForest {
    /// Fits on `x` as it is (every row is taken as normal).
    pub fn fit_normal(&self, x: &Array2<f64>, seed: u64) -> Result<FittedIsolation> {
        if x.nrows() < 2 {
            return Err(Error::input(
                "an isolation forest needs at least 2 normal rows",
            ));
        }
        let psi = self.max_samples.min(x.nrows());
        let limit = (psi as f64).log2().ceil() as usize;
        let trees = (0..self.n_trees)
            .into_par_iter()
            .map(|t| {
                let mut rng = seed::rng(seed, "anomaly/tree", t as u64);
                let rows: Vec<usize> = permutation(&mut rng, x.nrows())[..psi].to_vec();
                grow(x, &rows, 0, limit, &mut rng)
            })
            .collect();
        Ok(FittedIsolation { trees, psi })
    }
}

impl FittedBinary for FittedIsolation {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        self.score(x)
    }

    fn threshold(&self) -> Option<f64> {
        Some(0.5)
    }
}

impl BinaryClassifier for IsolationForest {
    fn name(&self) -> &'static str {
        "isolation forest"
    }

    /// Fits on the majority (label 0) rows only.
    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Box<dyn FittedBinary>> {
        mlproof_core::model::check_training(x, y)?;
        let normal: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 0).collect();
        Ok(Box::new(
            self.fit_normal(&x.select(Axis(0), &normal), seed)?,
        ))
    }
}

#[cfg(test)]
mod tests;
