//! Exact brute force in two passes, the matrix product doing the bulk of the work.

use ndarray::{s, ArrayView2, Axis};
use rayon::prelude::*;

use super::{bounded_distance, Nearest};

/// Bound on the relative error of an f32 distance estimate: inputs rounded to f32 (2⁻²⁴
/// each) and a d-term f32 dot product ((d + 2)·2⁻²⁴), for d up to 1,000, with room to spare.
const TOLERANCE: f64 = 1e-4;

/// Queries per block of the distance matrix (a block of 256 × n distances at a time).
const BLOCK: usize = 256;

/// A block of queries gets an estimate of every squared distance from
/// ‖q‖² + ‖p‖² − 2 q·p on mean-centred columns, the dot products as one f32 matrix product
/// (ndarray's pure-Rust GEMM); the estimate is within ε = TOLERANCE · (‖q‖² + max ‖p‖²) of
/// the true distance. Every row whose estimate is within 2ε of the k-th smallest estimate
/// is a candidate, and candidates are ranked by the f64 distance summed term by term,
/// (distance, row) ascending: the same answer as scanning every row exactly, at the cost
/// of a matrix product.
pub(super) fn k_nearest(
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
        .mean_axis(Axis(0))
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
            let mut smallest = Nearest::new(k);
            let mut nearest = Nearest::new(k);
            (start..end)
                .map(|r| {
                    let q: Vec<f64> = queries.row(r).to_vec();
                    let q_norm: f64 = qc.row(r).iter().map(|&v| f64::from(v * v)).sum();
                    let row = dots.row(r - start);
                    let me = own[r];
                    let estimate = |j: usize| q_norm + p_norms[j] - 2.0 * f64::from(row[j]);
                    // The k smallest estimates.
                    smallest.clear();
                    for j in (0..points.nrows()).filter(|&j| Some(j) != me) {
                        let e = estimate(j);
                        if e < smallest.bound() {
                            smallest.offer(e, j);
                        }
                    }
                    let cut = smallest.bound() + 2.0 * TOLERANCE * (q_norm + max_norm);
                    nearest.clear();
                    for j in (0..points.nrows()).filter(|&j| Some(j) != me) {
                        if estimate(j) <= cut {
                            let p = &flat[j * d..(j + 1) * d];
                            nearest.offer(bounded_distance(&q, p, f64::INFINITY), j);
                        }
                    }
                    nearest.rows()
                })
                .collect()
        })
        .collect();
    blocks.into_iter().flatten().collect()
}
