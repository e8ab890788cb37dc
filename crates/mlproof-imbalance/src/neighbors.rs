//! k nearest neighbours under Euclidean distance, the search every SMOTE variant runs:
//! mlproof-core's exact search ([`mlproof_core::neighbors`]: brute force or KD-tree, the
//! same answer, ties by row index), re-exported here, and linfa-nn's KD-tree and ball tree
//! as the cross-check ([`with_linfa`], `neighbors/tests.rs`).

use linfa_nn::distance::L2Dist;
use linfa_nn::{CommonNearestNeighbour, NearestNeighbour};
use ndarray::{Array2, ArrayView2};
use rayon::prelude::*;

pub use mlproof_core::neighbors::{
    bounded_distance, choose, k_nearest, squared_distance, KdTree, Search,
};
use mlproof_core::{Error, Result};

/// Which of linfa-nn's indexes [`with_linfa`] builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinfaIndex {
    KdTree,
    BallTree,
}

/// [`k_nearest`] by linfa-nn's index. Its trees return neighbours in their own order among
/// equal distances; asking for one extra and re-sorting by (distance, index) makes the
/// answer comparable with mlproof's except where more rows tie at the k-th distance than
/// were asked for.
pub fn with_linfa(
    index: LinfaIndex,
    points: ArrayView2<f64>,
    queries: ArrayView2<f64>,
    own: &[Option<usize>],
    k: usize,
) -> Result<Vec<Vec<usize>>> {
    let kind = match index {
        LinfaIndex::KdTree => CommonNearestNeighbour::KdTree,
        LinfaIndex::BallTree => CommonNearestNeighbour::BallTree,
    };
    let owned: Array2<f64> = points.to_owned();
    let built = kind
        .from_batch(&owned, L2Dist)
        .map_err(|e| Error::internal(format!("linfa-nn could not build its index: {e}")))?;
    (0..queries.nrows())
        .into_par_iter()
        .map(|r| {
            let (q, me) = (queries.row(r), &own[r]);
            let ask = (k + 1 + usize::from(me.is_some())).min(points.nrows());
            let found = built
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
