//! ADASYN (He, Bai, Garcia & Li, *ADASYN: Adaptive Synthetic Sampling Approach for
//! Imbalanced Learning*, IJCNN 2008), as imbalanced-learn's `ADASYN`.
//!
//! Each minority row i gets rᵢ = (majority rows among its k nearest neighbours, all
//! classes) / k; the shares r̂ᵢ = rᵢ / Σ r are the density of difficulty, and row i seeds
//! gᵢ = round(r̂ᵢ · G) new rows (NumPy's `rint`, ties to even), G the count the sampling
//! strategy asks for. So the final count is Σ gᵢ, which can miss G by rounding, as in
//! imbalanced-learn. Each new row moves from xᵢ toward one of its k nearest *minority*
//! neighbours, drawn uniformly, by λ ~ U[0, 1).

use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use serde::Serialize;

use mlproof_core::seed;
use mlproof_core::{Error, Result};

use crate::neighbors::{k_nearest, Search};
use crate::smote::{check_k, interpolate, minority_neighbours, Synthetic};
use crate::strategy::{new_positives, SamplingStrategy};

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Adasyn {
    pub k: usize,
    pub strategy: SamplingStrategy,
}

/// gᵢ = rint(r̂ᵢ · G) from each minority row's count of majority rows among its k
/// neighbours (rᵢ = count / k), in imbalanced-learn's floating-point order.
pub fn allocate(majority_counts: &[usize], k: usize, n_new: usize) -> Result<Vec<usize>> {
    let hard: Vec<f64> = majority_counts
        .iter()
        .map(|&c| c as f64 / k as f64)
        .collect();
    // NumPy's summation order: the shares below are rounded, and a share at ½ in exact
    // arithmetic (breast cancer at ratio 0.8: Σ counts = 146 = 2 · 73) goes either way.
    let total = mlproof_core::stats::pairwise_sum(&hard);
    if total == 0.0 {
        return Err(Error::input(
            "ADASYN found no majority row among any positive row's neighbours, so it has \
             no difficulty to weight by; use SMOTE (method smote)",
        ));
    }
    Ok(hard
        .iter()
        .map(|r| (r / total * n_new as f64).round_ties_even() as usize)
        .collect())
}

impl Adasyn {
    pub fn new(k: usize, strategy: SamplingStrategy) -> Result<Self> {
        if k == 0 {
            return Err(Error::param("k_neighbors", "must be at least 1"));
        }
        Ok(Adasyn {
            k,
            strategy: strategy.check()?,
        })
    }

    /// gᵢ for every minority row, in minority order.
    pub fn allocation(
        &self,
        x: &Array2<f64>,
        y: &Array1<usize>,
    ) -> Result<(Vec<usize>, Vec<usize>)> {
        let (minority, _, n_new) = new_positives(y, self.strategy)?;
        check_k("ADASYN", self.k, minority.len())?;
        let own: Vec<Option<usize>> = minority.iter().map(|&i| Some(i)).collect();
        let queries = x.select(Axis(0), &minority);
        let nn = k_nearest(x.view(), queries.view(), &own, self.k, Search::Auto)?;
        let majority: Vec<usize> = nn
            .iter()
            .map(|near| near.iter().filter(|&&j| y[j] == 0).count())
            .collect();
        Ok((minority, allocate(&majority, self.k, n_new)?))
    }

    pub fn synthesize(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Synthetic> {
        mlproof_core::model::check_training(x, y)?;
        if new_positives(y, self.strategy)?.2 == 0 {
            // Already at the ratio: nothing to add (imbalanced-learn skips the class).
            return Ok(Synthetic::empty(x.ncols()));
        }
        let (minority, counts) = self.allocation(x, y)?;
        let n_new: usize = counts.iter().sum();
        if n_new == 0 {
            // The ratio asked for rows, but every share rounded to zero; imbalanced-learn
            // refuses this case too ("No samples will be generated").
            return Err(Error::param(
                "ratio",
                "asks for new rows, but ADASYN's per-row shares all round to zero: \
                 no row would be generated; choose a higher ratio",
            ));
        }
        let neighbours = minority_neighbours(x, &minority, &minority, self.k)?;
        let mut rng = seed::rng(seed, "resample/adasyn", 0);
        let draws: Vec<(usize, usize, f64)> = counts
            .iter()
            .enumerate()
            .flat_map(|(s, &g)| std::iter::repeat_n(s, g))
            .map(|s| (s, rng.gen_range(0..self.k), rng.gen::<f64>()))
            .collect();
        Ok(interpolate(x, &minority, &neighbours, &draws))
    }
}

crate::smote::synthesizing_step!(Adasyn, |s| "ADASYN".into());
