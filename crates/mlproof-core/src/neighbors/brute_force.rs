//! Exact brute force: every (query, point) pair gets an f32 estimate from one matrix
//! product, and only the pairs whose estimate could make the k nearest get an exact f64
//! distance.

use ndarray::linalg::general_mat_mul;
use ndarray::{s, Array2, ArrayView2, Axis};
use rayon::prelude::*;

use super::{bounded_distance, Nearest};

/// Queries per task, and points per tile: a 64 × 2,048 f32 tile (512 KiB) of estimates
/// stays in cache while it is scanned.
const QUERY_BLOCK: usize = 64;
const POINT_BLOCK: usize = 2048;

/// Estimates are scanned this many at a time; a chunk with none under the cut is skipped
/// after one vectorised comparison.
const CHUNK: usize = 16;

/// On mean-centred columns (distances do not change; the norms, and so the error, shrink)
/// the f32 product [q, 1] · [−2p, ‖p‖²]ᵀ estimates sⱼ = ‖p‖² − 2 q·p = ‖q − p‖² − ‖q‖².
/// A (d + 1)-term f32 dot product is within γ_{d+1} Σ |terms| ≤ (d + 1)·2⁻²⁴·(‖q‖² + 2‖p‖²)
/// of the exact value (Higham, *Accuracy and Stability of Numerical Algorithms*, §3.1);
/// rounding the inputs to f32 and the cut adds a few 2⁻²⁴ more. The margin used,
/// ε = (d + 8)·2⁻²⁰·(‖q‖² + 2 max ‖p‖²), is sixteen times that.
///
/// One pass over the points keeps, per query, the k smallest estimates (their largest is
/// ŝₖ) and offers every point with sⱼ ≤ ŝₖ + 2ε to an exact top-k by (f64 distance summed by
/// [`bounded_distance`], row). A point among the true k nearest has sⱼ ≤ final ŝₖ + 2ε, and
/// ŝₖ only falls during the pass, so every such point is offered: the answer is the
/// exhaustive scan's, at the cost of a matrix product and about k · ln n exact distances
/// per query. Work O(n_q · n · d), memory O((n + n_q) · d).
pub(super) fn k_nearest(
    points: ArrayView2<f64>,
    queries: ArrayView2<f64>,
    own: &[Option<usize>],
    k: usize,
) -> Vec<Vec<usize>> {
    let d = points.ncols();
    let flat: Vec<f64> = points.iter().copied().collect();
    let mean = points
        .mean_axis(Axis(0))
        .unwrap_or_else(|| ndarray::Array1::zeros(d));
    // [−2p, ‖p‖²] and [q, 1], centred, in f32.
    let mut pa = Array2::<f32>::zeros((points.nrows(), d + 1));
    for (mut out, p) in pa.rows_mut().into_iter().zip(points.rows()) {
        let mut norm = 0.0f32;
        for (o, (&v, &m)) in out.iter_mut().zip(p.iter().zip(&mean)) {
            let c = (v - m) as f32;
            norm += c * c;
            *o = -2.0 * c;
        }
        out[d] = norm;
    }
    let max_norm = pa
        .column(d)
        .iter()
        .fold(0.0f64, |a, &b| a.max(f64::from(b)));
    let mut qa = Array2::<f32>::ones((queries.nrows(), d + 1));
    let mut q_norms = vec![0.0f64; queries.nrows()];
    for ((mut out, q), qn) in qa
        .rows_mut()
        .into_iter()
        .zip(queries.rows())
        .zip(&mut q_norms)
    {
        for (o, (&v, &m)) in out.iter_mut().zip(q.iter().zip(&mean)) {
            *o = (v - m) as f32;
            *qn += f64::from(*o) * f64::from(*o);
        }
    }
    let scale = (d + 8) as f64 * 2f64.powi(-20);
    let starts: Vec<usize> = (0..queries.nrows()).step_by(QUERY_BLOCK).collect();
    let blocks: Vec<Vec<Vec<usize>>> = starts
        .into_par_iter()
        .map(|start| {
            let end = (start + QUERY_BLOCK).min(queries.nrows());
            let qb = qa.slice(s![start..end, ..]);
            let mut state: Vec<Candidates> = (start..end)
                .map(|r| Candidates::new(k, 2.0 * scale * (q_norms[r] + 2.0 * max_norm)))
                .collect();
            let rows: Vec<Vec<f64>> = (start..end).map(|r| queries.row(r).to_vec()).collect();
            let mut tile = Array2::<f32>::zeros((end - start, POINT_BLOCK.min(points.nrows())));
            for p0 in (0..points.nrows()).step_by(POINT_BLOCK) {
                let p1 = (p0 + POINT_BLOCK).min(points.nrows());
                let mut t = tile.slice_mut(s![.., ..p1 - p0]);
                general_mat_mul(1.0, &qb, &pa.slice(s![p0..p1, ..]).t(), 0.0, &mut t);
                for (i, est) in t.rows().into_iter().enumerate() {
                    let est = est.as_slice().unwrap_or(&[]);
                    let at = Scan {
                        q: &rows[i],
                        flat: &flat,
                        d,
                        me: own[start + i],
                        offset: p0,
                    };
                    state[i].scan(est, &at);
                }
            }
            state.iter().map(|c| c.exact.rows()).collect()
        })
        .collect();
    blocks.into_iter().flatten().collect()
}

/// What a scan of one query's estimates needs to know.
struct Scan<'a> {
    q: &'a [f64],
    flat: &'a [f64],
    d: usize,
    me: Option<usize>,
    /// Row of the first estimate in the tile.
    offset: usize,
}

/// One query's state: its k smallest estimates (ascending), the cut ŝₖ + 2ε, and the exact
/// top-k of the points offered so far.
struct Candidates {
    estimates: Vec<f32>,
    k: usize,
    two_eps: f64,
    cut: f32,
    exact: Nearest,
}

impl Candidates {
    fn new(k: usize, two_eps: f64) -> Self {
        Candidates {
            estimates: Vec::with_capacity(k + 1),
            k,
            two_eps,
            cut: f32::INFINITY,
            exact: Nearest::new(k),
        }
    }

    fn scan(&mut self, est: &[f32], at: &Scan) {
        for (c, chunk) in est.chunks(CHUNK).enumerate() {
            let cut = self.cut;
            if !chunk.iter().fold(false, |any, &s| any | (s <= cut)) {
                continue;
            }
            for (l, &s) in chunk.iter().enumerate() {
                let j = at.offset + c * CHUNK + l;
                if s > self.cut || Some(j) == at.me {
                    continue;
                }
                self.admit(s);
                let bound = self.exact.bound();
                let dist = bounded_distance(at.q, &at.flat[j * at.d..(j + 1) * at.d], bound);
                if dist <= bound {
                    self.exact.offer(dist, j);
                }
            }
        }
    }

    /// Keeps `s` if it is among the k smallest estimates, and lowers the cut with ŝₖ.
    fn admit(&mut self, s: f32) {
        if self.estimates.len() == self.k && s >= self.estimates[self.k - 1] {
            return;
        }
        let at = self.estimates.partition_point(|&e| e < s);
        self.estimates.insert(at, s);
        self.estimates.truncate(self.k);
        if self.estimates.len() == self.k {
            // Raised by more than an f32 rounding (2⁻²⁴ relative) before it is rounded, so
            // the cut never falls below ŝₖ + 2ε.
            let cut = f64::from(self.estimates[self.k - 1]) + self.two_eps;
            self.cut = (cut + cut.abs() * 2f64.powi(-20)) as f32;
        }
    }
}
