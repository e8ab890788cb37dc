//! k nearest neighbours under Euclidean distance, the search every SMOTE variant runs.
//!
//! Two searches give the same answer: an exact brute force (f32 matrix-product estimates
//! to pick candidates, f64 distances Σⱼ (aⱼ − bⱼ)² to rank them, queries in parallel) and
//! linfa-nn's KD-tree / ball tree. Results are ordered by (distance, row index), so ties
//! between equidistant rows resolve the same way in both and at any thread count. Brute
//! force is the default because it measured faster (`benches/resample.rs`, 6,000 × 20
//! positives of 100,000 generated rows, k = 5: the whole SMOTE resampling takes about
//! 136 ms with it, the ball tree's search alone 458 ms, the KD-tree's 496 ms); the trees
//! stay as the cross-check (`neighbors/tests.rs`).

use linfa_nn::distance::L2Dist;
use linfa_nn::{CommonNearestNeighbour, NearestNeighbour};
use ndarray::{s, Array2, ArrayView1, ArrayView2};
use rayon::prelude::*;

use mlproof_core::{Error, Result};

/// How neighbours are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search {
    BruteForce,
    KdTree,
    BallTree,
}

/// For every query row, the `k` nearest rows of `points`, nearest first, as row indices of
/// `points`. When `own[q]` is `Some(i)`, query q is row i of `points` and is left out of
/// its own neighbours (scikit-learn's `kneighbors(X)[:, 1:]` on a fitted `X`).
pub fn k_nearest(
    points: ArrayView2<f64>,
    queries: ArrayView2<f64>,
    own: &[Option<usize>],
    k: usize,
    search: Search,
) -> Result<Vec<Vec<usize>>> {
    debug_assert_eq!(own.len(), queries.nrows());
    let available = points
        .nrows()
        .saturating_sub(usize::from(own.iter().any(Option::is_some)));
    if k == 0 || k > available {
        return Err(Error::internal(format!(
            "asked for {k} neighbours among {available} rows"
        )));
    }
    match search {
        Search::BruteForce => Ok(brute_force(points, queries, own, k)),
        Search::KdTree => with_linfa(CommonNearestNeighbour::KdTree, points, queries, own, k),
        Search::BallTree => with_linfa(CommonNearestNeighbour::BallTree, points, queries, own, k),
    }
}

/// Squared Euclidean distance Σⱼ (aⱼ − bⱼ)² (summed as [`bounded_distance`] sums it).
pub fn squared_distance(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    bounded_distance(&a.to_vec(), &b.to_vec(), f64::INFINITY)
}

/// Σⱼ (aⱼ − bⱼ)² in four interleaved partial sums (features j ≡ 0, 1, 2, 3 mod 4, added as
/// (s₀ + s₁) + (s₂ + s₃)), which frees the sum from one long chain of dependent additions;
/// gives up, returning a value above `bound`, once a block of four takes it past `bound`
/// (terms are non-negative, so the sum can only grow).
pub fn bounded_distance(a: &[f64], b: &[f64], bound: f64) -> f64 {
    let mut s = [0.0f64; 4];
    let blocks = a.len() / 4;
    for c in 0..blocks {
        for l in 0..4 {
            let d = a[4 * c + l] - b[4 * c + l];
            s[l] += d * d;
        }
        let partial = (s[0] + s[1]) + (s[2] + s[3]);
        if partial > bound {
            return partial;
        }
    }
    for j in 4 * blocks..a.len() {
        let d = a[j] - b[j];
        s[j % 4] += d * d;
    }
    (s[0] + s[1]) + (s[2] + s[3])
}

/// The `k` smallest (distance², row) pairs seen so far, kept sorted.
struct Nearest {
    k: usize,
    best: Vec<(f64, usize)>,
}

impl Nearest {
    fn offer(&mut self, d: f64, row: usize) {
        if self.best.len() == self.k && (d, row) >= *self.best.last().expect("k ≥ 1") {
            return;
        }
        let at = self.best.partition_point(|&(bd, br)| (bd, br) < (d, row));
        self.best.insert(at, (d, row));
        self.best.truncate(self.k);
    }
}

/// Bound on the relative error of an f32 distance estimate: inputs rounded to f32 (2⁻²⁴
/// each) and a d-term f32 dot product ((d + 2)·2⁻²⁴), for d up to 1,000, with room to spare.
const TOLERANCE: f64 = 1e-4;

/// Queries per block of the distance matrix (a block of 256 × n distances at a time).
const BLOCK: usize = 256;

/// Exact brute force in two passes. A block of queries gets an estimate of every squared
/// distance from ‖q‖² + ‖p‖² − 2 q·p on mean-centred columns, the dot products as one f32
/// matrix product (ndarray's pure-Rust GEMM); the estimate is within
/// ε = TOLERANCE · (‖q‖² + max ‖p‖²) of the true distance. Every row whose estimate is within
/// 2ε of the k-th smallest estimate is a candidate, and candidates are ranked by the f64
/// distance summed term by term, (distance, row) ascending: the same answer as scanning
/// every row exactly, at the cost of a matrix product.
fn brute_force(
    points: ArrayView2<f64>,
    queries: ArrayView2<f64>,
    own: &[Option<usize>],
    k: usize,
) -> Vec<Vec<usize>> {
    let d = points.ncols();
    let flat: Vec<f64> = points.iter().copied().collect();
    // Estimates in f32 on mean-centred columns (distances do not change; the norms, and so
    // the error bound, shrink).
    let mean = points
        .mean_axis(ndarray::Axis(0))
        .unwrap_or_else(|| ndarray::Array1::zeros(d));
    let centre = |m: ArrayView2<f64>| (&m - &mean).mapv(|v| v as f32);
    let (pc, qc) = (centre(points), centre(queries));
    let p_norms: Vec<f64> = pc
        .rows()
        .into_iter()
        .map(|p| p.iter().map(|&v| f64::from(v * v)).sum())
        .collect();
    let max_norm = p_norms.iter().copied().fold(0.0, f64::max);
    let starts: Vec<usize> = (0..queries.nrows()).step_by(BLOCK).collect();
    let blocks: Vec<Vec<Vec<usize>>> = starts
        .into_par_iter()
        .map(|start| {
            let end = (start + BLOCK).min(queries.nrows());
            let qb = qc.slice(s![start..end, ..]);
            let dots = qb.dot(&pc.t());
            (start..end)
                .map(|r| {
                    let q: Vec<f64> = queries.row(r).to_vec();
                    let q_norm: f64 = qc.row(r).iter().map(|&v| f64::from(v * v)).sum();
                    let row = dots.row(r - start);
                    let me = own[r];
                    let estimate = |j: usize| q_norm + p_norms[j] - 2.0 * f64::from(row[j]);
                    // The k smallest estimates, largest first out.
                    let mut smallest = Nearest {
                        k,
                        best: Vec::with_capacity(k + 1),
                    };
                    for j in (0..points.nrows()).filter(|&j| Some(j) != me) {
                        let e = estimate(j);
                        if smallest.best.len() < k || e < smallest.best[k - 1].0 {
                            smallest.offer(e, j);
                        }
                    }
                    let kth = smallest.best[k - 1].0;
                    let cut = kth + 2.0 * TOLERANCE * (q_norm + max_norm);
                    let mut nearest = Nearest {
                        k,
                        best: Vec::with_capacity(k + 1),
                    };
                    for j in (0..points.nrows()).filter(|&j| Some(j) != me) {
                        if estimate(j) <= cut {
                            let p = &flat[j * d..(j + 1) * d];
                            nearest.offer(bounded_distance(&q, p, f64::INFINITY), j);
                        }
                    }
                    nearest.best.into_iter().map(|(_, i)| i).collect()
                })
                .collect()
        })
        .collect();
    blocks.into_iter().flatten().collect()
}

/// linfa-nn's trees return neighbours in their own order among equal distances; asking for
/// one extra and re-sorting by (distance, index) makes the answer comparable with brute
/// force except where more rows tie at the k-th distance than were asked for.
fn with_linfa(
    kind: CommonNearestNeighbour,
    points: ArrayView2<f64>,
    queries: ArrayView2<f64>,
    own: &[Option<usize>],
    k: usize,
) -> Result<Vec<Vec<usize>>> {
    let owned: Array2<f64> = points.to_owned();
    let index = kind
        .from_batch(&owned, L2Dist)
        .map_err(|e| Error::internal(format!("linfa-nn could not build its index: {e}")))?;
    (0..queries.nrows())
        .into_par_iter()
        .map(|r| {
            let (q, me) = (queries.row(r), &own[r]);
            let ask = (k + 1 + usize::from(me.is_some())).min(points.nrows());
            let found = index
                .k_nearest(q, ask)
                .map_err(|e| Error::internal(format!("linfa-nn search failed: {e}")))?;
            let mut found: Vec<(f64, usize)> = found
                .into_iter()
                .filter(|&(_, i)| Some(i) != *me)
                .map(|(_, i)| (squared_distance(q, points.row(i)), i))
                .collect();
            found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            Ok(found.into_iter().take(k).map(|(_, i)| i).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests;
