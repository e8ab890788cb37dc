//! A KD-tree for exact k-nearest-neighbour search (Friedman, Bentley & Finkel, *An
//! Algorithm for Finding Best Matches in Logarithmic Expected Time*, ACM TOMS 3, 1977).
//!
//! Build: a node holding more than [`LEAF`] points splits at the median of its widest
//! coordinate (the largest max − min over its points), so the tree is balanced, of depth
//! ⌈log₂(n / LEAF)⌉, built in O(n · d + n log n). Each node keeps its points' tight
//! bounding box [loⱼ, hiⱼ]; points are stored in tree order, one leaf's rows contiguous.
//!
//! Search: depth first, nearer child first; a node is skipped only when the squared
//! distance from the query to its box, Σⱼ max(loⱼ − qⱼ, 0, qⱼ − hiⱼ)², is *strictly*
//! greater than the current k-th distance, so a row tied at the k-th distance with a lower
//! index is never pruned. That box distance is summed in the order [`bounded_distance`]
//! sums a row's distance, so it is never above any row's computed distance inside the box
//! (rounding is monotone), and the answer is the brute force's, bit for bit.

use ndarray::ArrayView2;
use rayon::prelude::*;

use super::{bounded_distance, lane_sum, Nearest};

/// Points per leaf at most.
const LEAF: usize = 16;

/// One node: its points are positions `start..end` of the tree order.
#[derive(Debug, Clone, Copy)]
struct Node {
    start: usize,
    end: usize,
    /// Children (an inner node), or `None` (a leaf).
    children: Option<(usize, usize)>,
}

/// A KD-tree over the rows of a matrix.
#[derive(Debug, Clone)]
pub struct KdTree {
    d: usize,
    /// The points in tree order, row-major.
    data: Vec<f64>,
    /// Row of the input at each tree position.
    rows: Vec<usize>,
    nodes: Vec<Node>,
    /// Node i's box is `lo[i·d..(i + 1)·d]`, `hi[i·d..(i + 1)·d]`.
    lo: Vec<f64>,
    hi: Vec<f64>,
}

impl KdTree {
    /// Builds the tree over the rows of `points` (any number of rows, at least one column).
    pub fn new(points: ArrayView2<f64>) -> Self {
        let d = points.ncols();
        let mut tree = KdTree {
            d,
            data: Vec::new(),
            rows: (0..points.nrows()).collect(),
            nodes: Vec::new(),
            lo: Vec::new(),
            hi: Vec::new(),
        };
        if points.nrows() > 0 {
            let mut rows = std::mem::take(&mut tree.rows);
            tree.split(points, &mut rows, 0);
            tree.rows = rows;
        }
        tree.data = tree
            .rows
            .iter()
            .flat_map(|&r| points.row(r).to_vec())
            .collect();
        tree
    }

    /// Adds the node for `rows` (tree positions from `offset`) and, below it, its subtree;
    /// returns its index.
    fn split(&mut self, points: ArrayView2<f64>, rows: &mut [usize], offset: usize) -> usize {
        let d = self.d;
        let mut lo = vec![f64::INFINITY; d];
        let mut hi = vec![f64::NEG_INFINITY; d];
        for &r in rows.iter() {
            for (j, &v) in points.row(r).iter().enumerate() {
                lo[j] = lo[j].min(v);
                hi[j] = hi[j].max(v);
            }
        }
        let id = self.nodes.len();
        self.nodes.push(Node {
            start: offset,
            end: offset + rows.len(),
            children: None,
        });
        let widest = (0..d)
            .max_by(|&a, &b| (hi[a] - lo[a]).total_cmp(&(hi[b] - lo[b])))
            .unwrap_or(0);
        let flat = hi[widest] - lo[widest] <= 0.0;
        self.lo.extend_from_slice(&lo);
        self.hi.extend_from_slice(&hi);
        if rows.len() <= LEAF || flat {
            // Small, or every point equal on every coordinate: nothing left to split.
            return id;
        }
        let mid = rows.len() / 2;
        rows.select_nth_unstable_by(mid, |&a, &b| {
            points[[a, widest]]
                .total_cmp(&points[[b, widest]])
                .then(a.cmp(&b))
        });
        let (left, right) = rows.split_at_mut(mid);
        let l = self.split(points, left, offset);
        let r = self.split(points, right, offset + mid);
        self.nodes[id].children = Some((l, r));
        id
    }

    /// Squared distance from `q` to node `i`'s box, giving up past `bound`.
    #[inline]
    fn box_distance(&self, i: usize, q: &[f64], bound: f64) -> f64 {
        let (lo, hi) = (
            &self.lo[i * self.d..(i + 1) * self.d],
            &self.hi[i * self.d..(i + 1) * self.d],
        );
        lane_sum(
            self.d,
            |j| {
                if q[j] < lo[j] {
                    lo[j] - q[j]
                } else if q[j] > hi[j] {
                    q[j] - hi[j]
                } else {
                    0.0
                }
            },
            bound,
        )
    }

    /// The k nearest rows to every query (see [`super::k_nearest`]), queries in parallel.
    pub fn k_nearest(
        &self,
        queries: ArrayView2<f64>,
        own: &[Option<usize>],
        k: usize,
    ) -> Vec<Vec<usize>> {
        (0..queries.nrows())
            .into_par_iter()
            .map_init(
                || (Nearest::new(k), Vec::with_capacity(self.d)),
                |(best, q), r| {
                    q.clear();
                    q.extend(queries.row(r).iter().copied());
                    best.clear();
                    if !self.nodes.is_empty() {
                        self.visit(0, q, own[r], best);
                    }
                    best.rows()
                },
            )
            .collect()
    }

    fn visit(&self, i: usize, q: &[f64], own: Option<usize>, best: &mut Nearest) {
        let node = self.nodes[i];
        match node.children {
            None => {
                for pos in node.start..node.end {
                    let row = self.rows[pos];
                    if Some(row) == own {
                        continue;
                    }
                    let bound = best.bound();
                    let p = &self.data[pos * self.d..(pos + 1) * self.d];
                    let dist = bounded_distance(q, p, bound);
                    if dist <= bound {
                        best.offer(dist, row);
                    }
                }
            }
            Some((a, b)) => {
                let bound = best.bound();
                let (da, db) = (
                    self.box_distance(a, q, bound),
                    self.box_distance(b, q, bound),
                );
                let ((first, d_first), (second, d_second)) = if da <= db {
                    ((a, da), (b, db))
                } else {
                    ((b, db), (a, da))
                };
                if d_first <= bound {
                    self.visit(first, q, own, best);
                }
                // The bound can only have tightened while visiting the nearer child; a box
                // distance cut short was already past the older, looser bound.
                if d_second <= best.bound() {
                    self.visit(second, q, own, best);
                }
            }
        }
    }
}
