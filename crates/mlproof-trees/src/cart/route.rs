//! Routing many rows through a fitted tree: the splits copied into a compact array (24
//! bytes a node instead of a [`Node`](super::Node) with its statistics), and the rows
//! rounded to float32 once per batch instead of once per node visited. Leaves are the ones
//! [`Tree::leaf`] finds; `route_matches_tree_leaf` in the tests pins that.

use ndarray::Array2;

use super::build::{as_float32, Tree};

/// `feature` of a leaf.
const LEAF: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Hop {
    threshold: f64,
    feature: u32,
    left: u32,
    right: u32,
}

/// A tree's splits, ready to route rows.
#[derive(Debug, Clone)]
pub struct Router {
    hops: Vec<Hop>,
}

impl Router {
    pub fn new(tree: &Tree) -> Self {
        let hops = tree
            .nodes
            .iter()
            .map(|n| match n.split {
                Some(s) => Hop {
                    threshold: s.threshold,
                    feature: s.feature as u32,
                    left: s.left as u32,
                    right: s.right as u32,
                },
                None => Hop {
                    threshold: 0.0,
                    feature: LEAF,
                    left: 0,
                    right: 0,
                },
            })
            .collect();
        Router { hops }
    }

    /// The leaf of a row already rounded to float32 ([`Rounded`]).
    #[inline]
    pub fn leaf(&self, row: &[f64]) -> usize {
        let mut id = 0usize;
        loop {
            let h = self.hops[id];
            if h.feature == LEAF {
                return id;
            }
            id = if row[h.feature as usize] <= h.threshold {
                h.left as usize
            } else {
                h.right as usize
            };
        }
    }
}

/// Rows rounded to float32 as scikit-learn casts X, row-major and contiguous: rounded once,
/// routed through any number of trees.
pub struct Rounded {
    values: Vec<f64>,
    n: usize,
    d: usize,
}

impl Rounded {
    pub fn new(x: &Array2<f64>) -> Self {
        Rounded {
            values: x.iter().map(|&v| as_float32(v)).collect(),
            n: x.nrows(),
            d: x.ncols(),
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = &[f64]> + '_ {
        (0..self.n).map(move |i| &self.values[i * self.d..(i + 1) * self.d])
    }

    pub fn n_rows(&self) -> usize {
        self.n
    }
}
