//! k nearest neighbours under Euclidean distance, the search every SMOTE variant runs.
//!
//! Two searches give the same answer: an exact brute-force scan (squared distances
//! Σⱼ (aⱼ − bⱼ)², queries in parallel) and linfa-nn's KD-tree / ball tree. Results are
//! ordered by (distance, row index), so ties between equidistant rows resolve the same way
//! in both and at any thread count. Brute force is the default because it measured faster
//! on every workload SMOTE runs here (`benches/resample.rs`: 5,000 × 20 minority rows,
//! and the bundled sets); the trees stay as the cross-check.

use linfa_nn::distance::L2Dist;
use linfa_nn::{CommonNearestNeighbour, NearestNeighbour};
use ndarray::{Array2, ArrayView1, ArrayView2, Axis};
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

/// Squared Euclidean distance, summed in feature order.
pub fn squared_distance(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    a.iter().zip(b.iter()).map(|(u, v)| (u - v) * (u - v)).sum()
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

fn brute_force(
    points: ArrayView2<f64>,
    queries: ArrayView2<f64>,
    own: &[Option<usize>],
    k: usize,
) -> Vec<Vec<usize>> {
    (0..queries.nrows())
        .into_par_iter()
        .map(|r| {
            let (q, me) = (queries.row(r), &own[r]);
            let mut nearest = Nearest {
                k,
                best: Vec::with_capacity(k + 1),
            };
            for (i, p) in points.axis_iter(Axis(0)).enumerate() {
                if Some(i) != *me {
                    nearest.offer(squared_distance(q, p), i);
                }
            }
            nearest.best.into_iter().map(|(_, i)| i).collect()
        })
        .collect()
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
