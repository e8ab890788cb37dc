//! Exact k nearest neighbours under Euclidean distance: the one search SMOTE,
//! Borderline-SMOTE, ADASYN, SMOTE-NC, the k-NN classifier and k-NN regression share.
//!
//! Every search returns, for each query, the `k` rows with the smallest f64 squared
//! distance Σⱼ (qⱼ − pⱼ)² (summed as [`bounded_distance`] sums it), ordered by
//! (distance, row index): rows at equal distance go to the lower index, so the answer does
//! not depend on the search, its tree shape or the thread count. Two searches give it:
//!
//! * [`Search::BruteForce`] (`brute_force.rs`): f32 matrix-product estimates pick the
//!   candidates, f64 distances rank them; O(n_q · n · d) work, little of it scalar.
//! * [`Search::KdTree`] (`kd_tree.rs`): a KD-tree over the points, median splits on the
//!   widest coordinate, each node's tight bounding box, depth-first search that prunes a
//!   node only when its box is strictly farther than the current k-th distance; about
//!   O(k · log n) per query when n ≫ 2^d_intrinsic, near O(n) per query in high dimension.
//!
//! [`Search::Auto`] picks between them by size and dimension; see [`choose`] for the
//! crossover measured here.

use ndarray::{ArrayView1, ArrayView2};

use crate::{Error, Result};

mod brute_force;
mod kd_tree;

pub use kd_tree::KdTree;

/// How neighbours are found; every choice gives the same answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search {
    /// The faster of the two for this size and dimension ([`choose`]).
    Auto,
    BruteForce,
    KdTree,
}

/// For every query row, the `k` nearest rows of `points`, nearest first, as row indices of
/// `points`. When `own[q]` is `Some(i)`, query q is row i of `points` and is left out of
/// its own neighbours (scikit-learn's `kneighbors(X)[:, 1:]` on a fitted `X`). Queries run
/// in parallel and are gathered in order.
pub fn k_nearest(
    points: ArrayView2<f64>,
    queries: ArrayView2<f64>,
    own: &[Option<usize>],
    k: usize,
    search: Search,
) -> Result<Vec<Vec<usize>>> {
    if own.len() != queries.nrows() || points.ncols() != queries.ncols() {
        return Err(Error::internal(format!(
            "neighbour search given {} queries with {} own rows, {} against {} columns",
            queries.nrows(),
            own.len(),
            queries.ncols(),
            points.ncols()
        )));
    }
    let available = points
        .nrows()
        .saturating_sub(usize::from(own.iter().any(Option::is_some)));
    if k == 0 || k > available {
        return Err(Error::internal(format!(
            "asked for {k} neighbours among {available} rows"
        )));
    }
    if points.ncols() == 0 {
        // Every row is at distance 0: the first k rows other than the query's own.
        return Ok(own
            .iter()
            .map(|me| {
                (0..points.nrows())
                    .filter(|&j| Some(j) != *me)
                    .take(k)
                    .collect()
            })
            .collect());
    }
    let search = match search {
        Search::Auto => choose(points.nrows(), queries.nrows(), points.ncols()),
        s => s,
    };
    Ok(match search {
        Search::KdTree => KdTree::new(points).k_nearest(queries, own, k),
        _ => brute_force::k_nearest(points, queries, own, k),
    })
}

/// The search [`Search::Auto`] runs for `n` points and `d` columns: the KD-tree where it
/// measured faster, brute force elsewhere.
///
/// Measured here (2 cores, loaded; each point's 5 nearest among n standard-normal points,
/// brute-force time / KD-tree time; `crates/mlproof-imbalance/examples/knn_cross.rs`):
///
/// | n \ d  |    2 |    4 |    6 |    8 |   10 |   12 |
/// |--------|------|------|------|------|------|------|
/// | 1,000  | 2.3  | 0.90 | 0.40 | 0.23 | 0.19 | 0.13 |
/// | 10,000 | 7.5  | 2.4  | 0.67 | 0.34 | 0.17 | 0.09 |
/// | 50,000 | 33   | 9.5  | 2.0  | 0.67 | 0.25 | 0.12 |
///
/// So the crossover is d ≈ 4 at a few thousand rows and d ≈ 6 at tens of thousands; from 8
/// columns on (SMOTE's 20-feature workload among them) the matrix-product brute force wins
/// at every size tried, because with 8+ independent directions a box is rarely farther
/// than the k-th neighbour and the tree visits most leaves (Weber, Schek & Blott, VLDB
/// 1998). The table is for as many queries as points; far fewer queries favour brute
/// force further (the tree's build is O(n log n) before the first query).
pub fn choose(n: usize, n_queries: usize, d: usize) -> Search {
    let many_queries = n_queries.saturating_mul(16) >= n;
    let tree = match d {
        0..=3 => n >= 1_000,
        4..=5 => n >= 2_000,
        6 => n >= 30_000,
        _ => false,
    };
    if tree && many_queries {
        Search::KdTree
    } else {
        Search::BruteForce
    }
}

/// Squared Euclidean distance Σⱼ (aⱼ − bⱼ)² (summed as [`bounded_distance`] sums it).
pub fn squared_distance(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    match (a.as_slice(), b.as_slice()) {
        (Some(a), Some(b)) => bounded_distance(a, b, f64::INFINITY),
        _ => bounded_distance(&a.to_vec(), &b.to_vec(), f64::INFINITY),
    }
}

/// Σⱼ (aⱼ − bⱼ)² in four interleaved partial sums (features j ≡ 0, 1, 2, 3 mod 4, added as
/// (s₀ + s₁) + (s₂ + s₃)), which frees the sum from one long chain of dependent additions;
/// gives up, returning a value above `bound`, once a block of four takes it past `bound`
/// (terms are non-negative, so the sum can only grow).
pub fn bounded_distance(a: &[f64], b: &[f64], bound: f64) -> f64 {
    lane_sum(a.len(), |j| a[j] - b[j], bound)
}

/// Σⱼ gⱼ² for gⱼ = `gap(j)`, j < `len`, in [`bounded_distance`]'s order of additions. Two
/// sums taken this way over terms gⱼ² ≤ hⱼ² satisfy Σ g² ≤ Σ h² in floating point too
/// (rounding is monotone), which is what lets a box's lower bound prune exactly.
#[inline(always)]
pub(crate) fn lane_sum(len: usize, gap: impl Fn(usize) -> f64, bound: f64) -> f64 {
    let mut s = [0.0f64; 4];
    let blocks = len / 4;
    for c in 0..blocks {
        for (l, lane) in s.iter_mut().enumerate() {
            let d = gap(4 * c + l);
            *lane += d * d;
        }
        let partial = (s[0] + s[1]) + (s[2] + s[3]);
        if partial > bound {
            return partial;
        }
    }
    for j in 4 * blocks..len {
        let d = gap(j);
        s[j % 4] += d * d;
    }
    (s[0] + s[1]) + (s[2] + s[3])
}

/// The `k` smallest (distance², row) pairs seen so far, kept sorted.
pub(crate) struct Nearest {
    k: usize,
    best: Vec<(f64, usize)>,
}

impl Nearest {
    pub(crate) fn new(k: usize) -> Self {
        Nearest {
            k,
            best: Vec::with_capacity(k + 1),
        }
    }

    /// The k-th smallest distance so far (∞ until k rows are in): a row farther than this
    /// cannot enter, a row at exactly this distance can (if its index is lower).
    #[inline]
    pub(crate) fn bound(&self) -> f64 {
        if self.best.len() < self.k {
            f64::INFINITY
        } else {
            self.best[self.k - 1].0
        }
    }

    #[inline]
    pub(crate) fn offer(&mut self, d: f64, row: usize) {
        if self.best.len() == self.k {
            match self.best.last() {
                Some(&last) if (d, row) >= last => return,
                _ => {}
            }
        }
        let at = self.best.partition_point(|&(bd, br)| (bd, br) < (d, row));
        self.best.insert(at, (d, row));
        self.best.truncate(self.k);
    }

    pub(crate) fn clear(&mut self) {
        self.best.clear();
    }

    pub(crate) fn rows(&self) -> Vec<usize> {
        self.best.iter().map(|&(_, i)| i).collect()
    }
}

#[cfg(test)]
mod tests;
