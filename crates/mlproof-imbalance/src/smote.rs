//! SMOTE (Chawla et al., *SMOTE: Synthetic Minority Over-sampling Technique*, JAIR 16,
//! 2002) and Borderline-SMOTE (Han, Wang & Mao, ICIC 2005), with imbalanced-learn's
//! conventions.
//!
//! A synthetic row is s = xᵢ + λ·(x_nn − xᵢ), λ ~ U[0, 1), where xᵢ is a minority row and
//! x_nn one of its k nearest minority neighbours (itself excluded). Each new row draws one
//! (i, nn) pair uniformly from all minority rows × k neighbours, as imbalanced-learn's
//! `_make_samples`. Borderline-SMOTE (kind 1) draws xᵢ only from the rows "in danger":
//! minority rows with at least half, but not all, of their m nearest neighbours (all
//! classes) in the majority class.

use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use rayon::prelude::*;
use serde::Serialize;

use mlproof_core::seed;
use mlproof_core::{Error, Result};

use crate::neighbors::{k_nearest, Search};
use crate::strategy::{new_positives, SamplingStrategy};

/// New minority rows and where each came from (row indices of the input).
#[derive(Debug, Clone)]
pub struct Synthetic {
    pub x: Array2<f64>,
    /// The minority row each synthetic row starts from.
    pub base: Vec<usize>,
    /// The neighbour it moves toward.
    pub toward: Vec<usize>,
    /// λ, the share of the way from `base` to `toward`.
    pub step: Vec<f64>,
    /// Rows SMOTE drew from (all minority rows; the danger rows for Borderline-SMOTE).
    pub seeds: Vec<usize>,
}

impl Synthetic {
    pub(crate) fn empty(d: usize) -> Self {
        Synthetic {
            x: Array2::zeros((0, d)),
            base: Vec::new(),
            toward: Vec::new(),
            step: Vec::new(),
            seeds: Vec::new(),
        }
    }

    /// The input rows `x`, then the synthetic rows.
    pub fn stack_on(&self, x: &Array2<f64>) -> Array2<f64> {
        ndarray::concatenate(Axis(0), &[x.view(), self.x.view()])
            .expect("synthetic rows have the input's columns")
    }

    /// The input rows, then the synthetic rows labelled positive.
    pub fn append_to(&self, x: &Array2<f64>, y: &Array1<usize>) -> (Array2<f64>, Array1<usize>) {
        let xs = self.stack_on(x);
        let ys = y
            .iter()
            .copied()
            .chain(std::iter::repeat_n(1, self.x.nrows()));
        (xs, ys.collect())
    }
}

/// The in-fold [`Step`](mlproof_core::model::Step) of an over-sampler with a
/// `synthesize(x, y, seed) -> Result<Synthetic>` method: training rows gain the synthetic
/// rows; rows to predict pass through unchanged.
macro_rules! synthesizing_step {
    ($t:ty, |$s:ident| $name:expr) => {
        impl mlproof_core::model::Step for $t {
            fn name(&self) -> String {
                #[allow(unused_variables)]
                let $s = self;
                $name
            }

            fn fit(
                &self,
                _x: &ndarray::Array2<f64>,
                _y: &ndarray::Array1<usize>,
            ) -> mlproof_core::Result<Box<dyn mlproof_core::model::pipeline::Transform>> {
                Ok(Box::new($crate::random::Identity))
            }

            fn fit_resample(
                &self,
                x: &ndarray::Array2<f64>,
                y: &ndarray::Array1<usize>,
                seed: u64,
            ) -> mlproof_core::Result<mlproof_core::model::pipeline::Resampled> {
                let (xs, ys) = self.synthesize(x, y, seed)?.append_to(x, y);
                Ok((xs, ys, Box::new($crate::random::Identity)))
            }
        }
    };
}
pub(crate) use synthesizing_step;

/// Which minority rows new points start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SmoteKind {
    /// Every minority row.
    Regular,
    /// Only the rows in danger among their `m` nearest neighbours (Borderline-SMOTE-1).
    Borderline { m: usize },
}

/// SMOTE or Borderline-SMOTE with `k` minority neighbours (imbalanced-learn's default 5;
/// Borderline's `m` default is 10).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Smote {
    pub k: usize,
    pub strategy: SamplingStrategy,
    pub kind: SmoteKind,
}

/// Rejects k = 0 and a minority class too small for k neighbours of its own.
pub(crate) fn check_k(method: &str, k: usize, minority: usize) -> Result<()> {
    if k == 0 {
        return Err(Error::param("k_neighbors", "must be at least 1"));
    }
    if minority < k + 1 {
        return Err(Error::param(
            "k_neighbors",
            format!(
                "{k} needs at least {} positive rows for {method}, and these training rows \
             have {minority}; lower it (at most {}) or use random over-sampling (method over)",
                k + 1,
                minority.saturating_sub(1).max(1)
            ),
        ));
    }
    Ok(())
}

/// λ-interpolation for each drawn (seed position, neighbour column).
pub(crate) fn interpolate(
    x: &Array2<f64>,
    seeds: &[usize],
    neighbours: &[Vec<usize>],
    draws: &[(usize, usize, f64)],
) -> Synthetic {
    let d = x.ncols();
    let mut out = Synthetic::empty(d);
    for &(s, c, lambda) in draws {
        out.base.push(seeds[s]);
        out.toward.push(neighbours[s][c]);
        out.step.push(lambda);
    }
    // Each row depends only on its own draw: filled in parallel, the same values.
    let mut values = vec![0.0; draws.len() * d];
    values
        .par_chunks_mut(d.max(1))
        .enumerate()
        .for_each(|(r, row)| {
            let (a, b, lambda) = (x.row(out.base[r]), x.row(out.toward[r]), out.step[r]);
            row.iter_mut()
                .zip(a.iter().zip(b.iter()))
                .for_each(|(o, (&u, &v))| *o = u + lambda * (v - u));
        });
    out.x = Array2::from_shape_vec((draws.len(), d), values).expect("one row of d values per draw");
    out.seeds = seeds.to_vec();
    out
}

/// `n` draws of (seed position, neighbour column, λ), uniform over seeds × k.
pub(crate) fn draw_pairs(
    n: usize,
    n_seeds: usize,
    k: usize,
    rng: &mut impl Rng,
) -> Vec<(usize, usize, f64)> {
    (0..n)
        .map(|_| {
            let pick = rng.gen_range(0..n_seeds * k);
            (pick / k, pick % k, rng.gen::<f64>())
        })
        .collect()
}

/// Each row's k nearest minority neighbours, as rows of `x` (the row itself excluded).
pub(crate) fn minority_neighbours(
    x: &Array2<f64>,
    minority: &[usize],
    from: &[usize],
    k: usize,
) -> Result<Vec<Vec<usize>>> {
    let xm = x.select(Axis(0), minority);
    let queries = x.select(Axis(0), from);
    let own: Vec<Option<usize>> = from
        .iter()
        .map(|r| minority.binary_search(r).ok())
        .collect();
    let nn = k_nearest(xm.view(), queries.view(), &own, k, Search::Auto)?;
    Ok(nn
        .into_iter()
        .map(|row| row.into_iter().map(|p| minority[p]).collect())
        .collect())
}

/// Minority rows with ⌈m/2⌉ ≤ (majority rows among their m nearest) < m.
pub fn in_danger(
    x: &Array2<f64>,
    y: &Array1<usize>,
    minority: &[usize],
    m: usize,
) -> Result<Vec<usize>> {
    if m == 0 || m >= x.nrows() {
        return Err(Error::param(
            "m_neighbors",
            format!(
                "must be between 1 and {} (rows − 1), got {m}",
                x.nrows().saturating_sub(1)
            ),
        ));
    }
    let own: Vec<Option<usize>> = minority.iter().map(|&i| Some(i)).collect();
    let queries = x.select(Axis(0), minority);
    let nn = k_nearest(x.view(), queries.view(), &own, m, Search::Auto)?;
    Ok(minority
        .iter()
        .zip(&nn)
        .filter(|(_, near)| {
            let n_maj = near.iter().filter(|&&j| y[j] == 0).count();
            2 * n_maj >= m && n_maj < m
        })
        .map(|(&i, _)| i)
        .collect())
}

impl Smote {
    pub fn new(k: usize, strategy: SamplingStrategy, kind: SmoteKind) -> Result<Self> {
        if k == 0 {
            return Err(Error::param("k_neighbors", "must be at least 1"));
        }
        if kind == (SmoteKind::Borderline { m: 0 }) {
            return Err(Error::param("m_neighbors", "must be at least 1"));
        }
        Ok(Smote {
            k,
            strategy: strategy.check()?,
            kind,
        })
    }

    pub fn method(&self) -> &'static str {
        match self.kind {
            SmoteKind::Regular => "SMOTE",
            SmoteKind::Borderline { .. } => "Borderline-SMOTE",
        }
    }

    /// The synthetic rows for training rows `x`, `y` (positive = 1).
    pub fn synthesize(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Synthetic> {
        mlproof_core::model::check_training(x, y)?;
        let (minority, _, n_new) = new_positives(y, self.strategy)?;
        check_k(self.method(), self.k, minority.len())?;
        let seeds = match self.kind {
            SmoteKind::Regular => minority.clone(),
            SmoteKind::Borderline { m } => in_danger(x, y, &minority, m)?,
        };
        if n_new == 0 || seeds.is_empty() {
            return Ok(Synthetic::empty(x.ncols()));
        }
        let neighbours = minority_neighbours(x, &minority, &seeds, self.k)?;
        let mut rng = seed::rng(seed, "resample/smote", 0);
        let draws = draw_pairs(n_new, seeds.len(), self.k, &mut rng);
        Ok(interpolate(x, &seeds, &neighbours, &draws))
    }
}

synthesizing_step!(Smote, |s| s.method().into());

#[cfg(test)]
mod tests;
