//! Prediction: routing rows through a fitted tree. [`Tree::leaf`] walks one row through
//! the nodes as they are; batches go through a [`Router`], the splits copied into a compact
//! array (24 bytes a node instead of a [`Node`](super::Node) with its statistics), with the
//! rows rounded to float32 once ([`Rounded`]) instead of once per node visited. Both land in
//! the same leaf; `route_matches_tree_leaf` in the tests pins that.

use ndarray::{Array1, Array2, ArrayView1};

use super::build::{as_float32, Tree};

impl Tree {
    /// The leaf a row falls into: left when the row's value, rounded to float32 as
    /// scikit-learn casts X at prediction, is ≤ the threshold.
    pub fn leaf(&self, row: ArrayView1<f64>) -> usize {
        let mut id = 0;
        while let Some(s) = self.nodes[id].split {
            id = if as_float32(row[s.feature]) <= s.threshold {
                s.left
            } else {
                s.right
            };
        }
        id
    }

    /// Each row's leaf, through a [`Router`].
    fn leaves(&self, x: &Array2<f64>) -> Vec<usize> {
        let router = Router::new(self);
        Rounded::new(x).rows().map(|row| router.leaf(row)).collect()
    }

    /// Class probabilities: each row's leaf class weights, normalised (scikit-learn's
    /// `predict_proba`).
    pub fn predict_proba(&self, x: &Array2<f64>) -> Array2<f64> {
        let k = self.nodes[0].value.len();
        let mut out = Array2::zeros((x.nrows(), k));
        for (i, leaf) in self.leaves(x).into_iter().enumerate() {
            let v = &self.nodes[leaf].value;
            let total: f64 = v.iter().sum();
            for c in 0..k {
                out[[i, c]] = v[c] / total;
            }
        }
        out
    }

    /// Each node's share of `class` (its class weight over its total weight), indexed as
    /// `nodes`: what a leaf predicts as P(class).
    pub fn class_shares(&self, class: usize) -> Vec<f64> {
        self.nodes
            .iter()
            .map(|n| n.value[class] / n.value.iter().sum::<f64>())
            .collect()
    }

    /// The class with the largest leaf weight, ties to the lower class (scikit-learn's
    /// `predict`, an argmax).
    pub fn predict_class(&self, x: &Array2<f64>) -> Array1<usize> {
        self.leaves(x)
            .into_iter()
            .map(|leaf| {
                let v = &self.nodes[leaf].value;
                (0..v.len()).fold(0, |best, c| if v[c] > v[best] { c } else { best })
            })
            .collect()
    }

    /// Regression predictions: each row's leaf mean.
    pub fn predict_value(&self, x: &Array2<f64>) -> Array1<f64> {
        self.leaves(x)
            .into_iter()
            .map(|leaf| self.nodes[leaf].value[0])
            .collect()
    }
}

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

impl Router {
    /// [`Router::leaf`] with the row's value of `column` read as `value` (rounded already).
    #[inline]
    pub fn leaf_with(&self, row: &[f64], column: usize, value: f64) -> usize {
        let mut id = 0usize;
        loop {
            let h = self.hops[id];
            if h.feature == LEAF {
                return id;
            }
            let f = h.feature as usize;
            let v = if f == column { value } else { row[f] };
            id = if v <= h.threshold {
                h.left as usize
            } else {
                h.right as usize
            };
        }
    }

    /// The features the splits above each node test, as a bitset of `words` 64-bit words a
    /// node (node k's words at `k * words..`): a row's leaf can change with column j only if
    /// bit j of its leaf is set. Children follow their parent in the node order, as growth
    /// numbers them.
    pub fn path_features(&self, words: usize) -> Vec<u64> {
        let mut bits = vec![0u64; self.hops.len() * words];
        for (id, h) in self.hops.iter().enumerate() {
            if h.feature == LEAF {
                continue;
            }
            let f = h.feature as usize;
            for child in [h.left as usize, h.right as usize] {
                debug_assert!(child > id, "a child numbered before its parent");
                for w in 0..words {
                    bits[child * words + w] = bits[id * words + w];
                }
                bits[child * words + f / 64] |= 1 << (f % 64);
            }
        }
        bits
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
}
