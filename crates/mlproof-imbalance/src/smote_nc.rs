//! SMOTE-NC (Chawla et al. 2002, §6.1) for rows with numeric and categorical features, as
//! imbalanced-learn's `SMOTENC`.
//!
//! Categorical columns hold level codes. Distances between minority rows are Euclidean
//! over the numeric columns plus Med² for every categorical column on which two rows
//! differ, where Med is the median of the numeric columns' standard deviations (population)
//! among the minority rows: imbalanced-learn one-hot encodes each category and sets the
//! ones to Med/√2, which is the same distance. A synthetic row interpolates the numeric
//! columns as SMOTE does and takes, in each categorical column, the level most frequent
//! among the seed row's k nearest neighbours (ties drawn at random).

use std::collections::BTreeMap;

use ndarray::{Array1, Array2};
use rand::seq::SliceRandom;
use serde::Serialize;

use mlproof_core::seed;
use mlproof_core::{Error, Result};

use crate::neighbors::{k_nearest, Search};
use crate::smote::{check_k, draw_pairs, interpolate, Synthetic};
use crate::strategy::{new_positives, SamplingStrategy};

#[derive(Debug, Clone, Serialize)]
pub struct SmoteNc {
    pub k: usize,
    pub strategy: SamplingStrategy,
    /// Which columns are categorical (level codes).
    pub categorical: Vec<bool>,
}

impl SmoteNc {
    /// Needs at least one numeric and one categorical column.
    pub fn new(k: usize, strategy: SamplingStrategy, categorical: Vec<bool>) -> Result<Self> {
        if k == 0 {
            return Err(Error::param("k_neighbors", "must be at least 1"));
        }
        if !categorical.iter().any(|&c| c) {
            return Err(Error::param(
                "method",
                "smote-nc is for data with categorical columns and these have none; choose smote",
            ));
        }
        if categorical.iter().all(|&c| c) {
            return Err(Error::param(
                "method",
                "smote-nc needs at least one numeric column to interpolate and every column \
                 here is categorical; choose over, or one-hot encode and choose smote",
            ));
        }
        Ok(SmoteNc {
            k,
            strategy: strategy.check()?,
            categorical,
        })
    }

    /// Med: the median of the numeric columns' population standard deviations over `rows`.
    pub fn median_std(&self, x: &Array2<f64>, rows: &[usize]) -> f64 {
        let mut stds: Vec<f64> = (0..x.ncols())
            .filter(|&j| !self.categorical[j])
            .map(|j| {
                let col: Vec<f64> = rows.iter().map(|&i| x[[i, j]]).collect();
                let mean = col.iter().sum::<f64>() / col.len() as f64;
                (col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / col.len() as f64).sqrt()
            })
            .collect();
        stds.sort_by(f64::total_cmp);
        let n = stds.len();
        if n % 2 == 1 {
            stds[n / 2]
        } else {
            (stds[n / 2 - 1] + stds[n / 2]) / 2.0
        }
    }

    /// The rows in the space neighbours are searched in: numeric columns as they are, each
    /// categorical column one-hot with ones equal to Med/√2.
    fn search_space(&self, x: &Array2<f64>, rows: &[usize], med: f64) -> Array2<f64> {
        let mut blocks: Vec<(usize, Vec<u64>)> = Vec::new();
        for j in 0..x.ncols() {
            let mut levels: Vec<u64> = Vec::new();
            if self.categorical[j] {
                levels = x.column(j).iter().map(|&v| v.to_bits()).collect();
                levels.sort_unstable();
                levels.dedup();
            }
            blocks.push((j, levels));
        }
        let width: usize = blocks.iter().map(|(_, l)| l.len().max(1)).sum();
        let one = med / std::f64::consts::SQRT_2;
        let mut out = Array2::zeros((rows.len(), width));
        for (r, &i) in rows.iter().enumerate() {
            let mut c = 0;
            for (j, levels) in &blocks {
                let v = x[[i, *j]];
                if levels.is_empty() {
                    out[[r, c]] = v;
                    c += 1;
                } else {
                    let at = levels.binary_search(&v.to_bits()).unwrap_or(0);
                    out[[r, c + at]] = one;
                    c += levels.len();
                }
            }
        }
        out
    }

    pub fn synthesize(&self, x: &Array2<f64>, y: &Array1<usize>, seed: u64) -> Result<Synthetic> {
        mlproof_core::model::check_training(x, y)?;
        if self.categorical.len() != x.ncols() {
            return Err(Error::internal(
                "SMOTE-NC column kinds do not match the rows",
            ));
        }
        let (minority, _, n_new) = new_positives(y, self.strategy)?;
        check_k("SMOTE-NC", self.k, minority.len())?;
        if n_new == 0 {
            return Ok(Synthetic::empty(x.ncols()));
        }
        let med = self.median_std(x, &minority);
        let space = self.search_space(x, &minority, med);
        let own: Vec<Option<usize>> = (0..minority.len()).map(Some).collect();
        let nn = k_nearest(space.view(), space.view(), &own, self.k, Search::Auto)?;
        let neighbours: Vec<Vec<usize>> = nn
            .into_iter()
            .map(|near| near.into_iter().map(|p| minority[p]).collect())
            .collect();
        let mut rng = seed::rng(seed, "resample/smote-nc", 0);
        let draws = draw_pairs(n_new, minority.len(), self.k, &mut rng);
        let mut out = interpolate(x, &minority, &neighbours, &draws);
        for (r, &(s, _, _)) in draws.iter().enumerate() {
            for j in (0..x.ncols()).filter(|&j| self.categorical[j]) {
                let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
                for &nb in &neighbours[s] {
                    *counts.entry(x[[nb, j]].to_bits()).or_default() += 1;
                }
                let top = counts.values().copied().max().unwrap_or(0);
                let tied: Vec<u64> = counts
                    .iter()
                    .filter(|&(_, &c)| c == top)
                    .map(|(&v, _)| v)
                    .collect();
                let pick = *tied.choose(&mut rng).expect("k ≥ 1 neighbours");
                out.x[[r, j]] = f64::from_bits(pick);
            }
        }
        Ok(out)
    }
}

crate::smote::synthesizing_step!(SmoteNc, |s| "SMOTE-NC".into());
