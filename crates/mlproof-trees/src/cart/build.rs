//! Growing the tree: depth-first, with scikit-learn's best-split search.

use ndarray::ArrayView2;
use serde::Serialize;

use rayon::prelude::*;

use super::presort::{Entry, Presorted};
use super::{Criterion, TreeParams};
use mlproof_core::{Error, Result};

mod draw;
mod partition;
mod search;

use draw::FeatureDraw;

/// Nodes with at least this many rows partition their lists on several threads (below it,
/// the hand-off costs more than it saves). The result is the same either way.
const PARALLEL_ROWS: usize = 50_000;

/// Values closer than this are one value (scikit-learn's `FEATURE_THRESHOLD`).
const FEATURE_THRESHOLD: f64 = 1e-7;

/// A node: its rows, impurity and value (class weights, or the mean target), and its split.
/// `v` rounded to the nearest float32 (ties to even), as NumPy's `astype(np.float32)`,
/// and back: scikit-learn's trees see X as float32 (`DTYPE`), at fit and at prediction.
/// Values beyond float32's range become ±∞ there too.
#[inline]
pub fn as_float32(v: f64) -> f64 {
    v as f32 as f64
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub depth: usize,
    pub n_samples: usize,
    pub weighted_n_samples: f64,
    pub impurity: f64,
    /// Per-class weight (classification) or `[mean]` (regression).
    pub value: Vec<f64>,
    pub split: Option<Split>,
}

/// `x[feature] <= threshold` goes to `left`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Split {
    pub feature: usize,
    pub threshold: f64,
    pub left: usize,
    pub right: usize,
    /// Another feature gave the same impurity decrease (within 1e-12, relative), or, in a
    /// weighted tree, another threshold did (weighted sums round differently in another
    /// summation order). scikit-learn picks among tied features in a random order fixed by
    /// `random_state`; the winner of a rounding tie depends on summation order; so the two
    /// may differ below this node.
    pub tied: bool,
}

/// A fitted tree; node 0 is the root.
#[derive(Debug, Clone, Serialize)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub criterion: Criterion,
    pub n_features: usize,
}

/// The targets a tree is grown on.
enum Targets<'a> {
    /// Class codes as u16: the split search reads the code of each row of a presorted list,
    /// in row order of that feature, i.e. at random; 2 bytes a row keep a million rows' codes
    /// in cache where 8 did not (profiled at 10^6 rows: 71% of the search's samples sat on
    /// that load).
    Classes {
        y: &'a [u16],
        n_classes: usize,
    },
    Values(&'a [f64]),
}

impl Targets<'_> {
    fn len(&self) -> usize {
        match self {
            Targets::Classes { y, .. } => y.len(),
            Targets::Values(y) => y.len(),
        }
    }

    fn width(&self) -> usize {
        match self {
            Targets::Classes { n_classes, .. } => *n_classes,
            Targets::Values(_) => 3,
        }
    }

    /// Adds row i with weight w to the sufficient statistics.
    fn add(&self, stats: &mut [f64], i: usize, w: f64) {
        match self {
            Targets::Classes { y, .. } => stats[y[i] as usize] += w,
            Targets::Values(y) => {
                stats[0] += w;
                stats[1] += w * y[i];
                stats[2] += w * y[i] * y[i];
            }
        }
    }
}

/// A node still to build: its rows `samples[start..end]` and (parent, is-left).
struct Pending {
    start: usize,
    end: usize,
    depth: usize,
    parent: Option<(usize, bool)>,
    /// Features known to be constant here (scikit-learn's `n_constant_features`).
    n_constant: usize,
    /// The node's sums (target statistics, total weight) when its parent computed them and
    /// they are exact ([`Grower::exact_sums`]).
    sums: Option<Sums>,
}

struct Best {
    feature: usize,
    threshold: f64,
    proxy: f64,
    tied: bool,
    /// Rows going left: the first `n_left` of the node's rows sorted by `feature`.
    n_left: usize,
}

impl Tree {
    /// Grows a classification tree on class codes `0..n_classes`, optionally weighted.
    pub fn fit_classifier<'a>(
        x: ArrayView2<'a, f64>,
        y: &'a [usize],
        n_classes: usize,
        weights: Option<&'a [f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        check_shape(x.nrows(), y.len(), weights)?;
        Tree::fit_classifier_owned(Presorted::new(x)?, y, n_classes, weights, params)
    }

    /// Grows a regression tree (squared error), optionally weighted.
    pub fn fit_regressor<'a>(
        x: ArrayView2<'a, f64>,
        y: &'a [f64],
        weights: Option<&'a [f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        let params = TreeParams {
            criterion: Criterion::SquaredError,
            ..*params
        };
        grow(x, Targets::Values(y), weights, &params)
    }

    /// Whether any split chose among features tied on impurity decrease.
    pub fn has_tied_split(&self) -> bool {
        self.nodes.iter().any(|n| n.split.is_some_and(|s| s.tied))
    }

    pub fn n_leaves(&self) -> usize {
        self.nodes.iter().filter(|n| n.split.is_none()).count()
    }

    /// Depth of the deepest leaf (a lone root has depth 0).
    pub fn depth(&self) -> usize {
        self.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }
}

impl Tree {
    /// [`Tree::fit_regressor`] on a [`Presorted`] matrix: the same tree, without sorting.
    pub fn fit_regressor_presorted(
        x: &Presorted,
        y: &[f64],
        weights: Option<&[f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        let params = TreeParams {
            criterion: Criterion::SquaredError,
            ..*params
        };
        grow_presorted(x, Targets::Values(y), weights, &params)
    }

    /// [`Tree::fit_classifier`] on a [`Presorted`] matrix: the same tree, without sorting.
    /// `y` (and `weights`) are indexed by the presort's rows; rows left out of its lists
    /// ([`Presorted::restrict`]) are not seen.
    pub fn fit_classifier_presorted(
        x: &Presorted,
        y: &[usize],
        n_classes: usize,
        weights: Option<&[f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        Tree::fit_classifier_owned(x.clone(), y, n_classes, weights, params)
    }

    /// [`Tree::fit_classifier_presorted`] on lists it may consume (no copy).
    pub(crate) fn fit_classifier_owned(
        x: Presorted,
        y: &[usize],
        n_classes: usize,
        weights: Option<&[f64]>,
        params: &TreeParams,
    ) -> Result<Tree> {
        if !params.criterion.is_classification() {
            return Err(Error::param(
                "criterion",
                "must be gini or entropy for a classification tree",
            ));
        }
        if let Some(bad) = y.iter().find(|&&c| c >= n_classes) {
            return Err(Error::input(format!(
                "class code {bad} is outside the {n_classes} classes"
            )));
        }
        if n_classes > usize::from(u16::MAX) + 1 {
            return Err(Error::input(format!(
                "a tree takes at most 65,536 classes, not {n_classes}; group the rare ones"
            )));
        }
        let codes: Vec<u16> = y.iter().map(|&c| c as u16).collect();
        grow_owned(
            x,
            Targets::Classes {
                y: &codes,
                n_classes,
            },
            weights,
            params,
        )
    }
}

fn grow<'a>(
    x: ArrayView2<'a, f64>,
    targets: Targets<'a>,
    weights: Option<&'a [f64]>,
    params: &TreeParams,
) -> Result<Tree> {
    check_shape(x.nrows(), targets.len(), weights)?;
    grow_owned(Presorted::new(x)?, targets, weights, params)
}

fn check_shape(n: usize, len_y: usize, weights: Option<&[f64]>) -> Result<()> {
    if n == 0 || len_y != n || weights.is_some_and(|w| w.len() != n) {
        return Err(Error::input(format!(
            "a tree needs matching, non-empty rows and targets ({n} rows, {len_y} targets)"
        )));
    }
    Ok(())
}

fn grow_presorted<'a>(
    x: &Presorted,
    targets: Targets<'a>,
    weights: Option<&'a [f64]>,
    params: &TreeParams,
) -> Result<Tree> {
    grow_owned(x.clone(), targets, weights, params)
}

/// Grows on `x`'s lists, which the growth partitions in place.
fn grow_owned<'a>(
    x: Presorted,
    targets: Targets<'a>,
    weights: Option<&'a [f64]>,
    params: &TreeParams,
) -> Result<Tree> {
    let n = x.n_rows();
    check_shape(n, targets.len(), weights)?;
    let n_features = x.n_features();
    let n_listed = x.n_listed();
    if n_listed == 0 {
        return Err(Error::input("a tree needs at least one row"));
    }
    // Rows left out of the lists weigh nothing here; adding 0.0 leaves a sum unchanged, so
    // this is the sum over the listed rows in row order.
    let total_weight = match weights {
        None => n_listed as f64,
        Some(w) if n_listed == n => w.iter().sum(),
        Some(w) => {
            let mut listed = vec![false; n];
            x.lists[0]
                .iter()
                .for_each(|e| listed[e.row as usize] = true);
            w.iter()
                .zip(&listed)
                .filter(|(_, &l)| l)
                .map(|(w, _)| w)
                .sum()
        }
    };
    let exact_sums = !reference()
        && matches!(targets, Targets::Classes { .. })
        && weights.is_none_or(|w| w.iter().all(|&v| v >= 0.0 && v.fract() == 0.0))
        && total_weight < 2f64.powi(53);
    let mut grower = Grower {
        lists: x.lists,
        targets,
        weights,
        params: *params,
        total_weight,
        goes_left: vec![false; n],
        buffer: vec![Entry::default(); n],
        exact_sums,
        draw: match params.feature_order {
            super::FeatureOrder::Index => None,
            super::FeatureOrder::ScikitLearn { rand_r_seed } => {
                Some(FeatureDraw::new(rand_r_seed, n_features))
            }
        },
    };
    let mut nodes: Vec<Node> = Vec::new();
    // Depth-first, left child first.
    let mut stack = vec![Pending {
        start: 0,
        end: n_listed,
        depth: 0,
        parent: None,
        n_constant: 0,
        sums: None,
    }];
    while let Some(Pending {
        start,
        end,
        depth,
        parent,
        n_constant,
        sums,
    }) = stack.pop()
    {
        let id = nodes.len();
        let (node, split_at, n_constant) = grower.node(start, end, depth, n_constant, sums);
        nodes.push(node);
        if let Some((p, s)) = parent {
            // A parent is pushed with its split before its children.
            if let Some(split) = nodes[p].split.as_mut() {
                if s {
                    split.left = id;
                } else {
                    split.right = id;
                }
            }
        }
        if let Some(Children {
            n_left: pos,
            left: left_sums,
            right: right_sums,
        }) = split_at
        {
            stack.push(Pending {
                start: start + pos,
                end,
                depth: depth + 1,
                parent: Some((id, false)),
                n_constant,
                sums: right_sums,
            });
            stack.push(Pending {
                start,
                end: start + pos,
                depth: depth + 1,
                parent: Some((id, true)),
                n_constant,
                sums: left_sums,
            });
        }
    }
    let tree = Tree {
        nodes,
        criterion: params.criterion,
        n_features,
    };
    Ok(if params.ccp_alpha > 0.0 {
        crate::pruning::prune(&tree, params.ccp_alpha)
    } else {
        tree
    })
}

/// Grows nodes over presorted lists: `lists[f][start..end]` holds a node's rows (with their
/// values) in increasing order of feature f, for every f at once, so a node's split search is
/// a linear scan; splitting a node partitions every list's segment stably, keeping it sorted.
struct Grower<'a> {
    lists: Vec<Vec<Entry>>,
    targets: Targets<'a>,
    weights: Option<&'a [f64]>,
    params: TreeParams,
    total_weight: f64,
    goes_left: Vec<bool>,
    buffer: Vec<Entry>,
    /// scikit-learn's feature draws, when the tree follows them.
    draw: Option<FeatureDraw>,
    /// Class sums over integer weights (none, or a bootstrap's counts) are exact whatever the
    /// order of addition, below 2⁵³: a child's sums can then come from its parent's split.
    exact_sums: bool,
}

/// A node's target statistics and total weight.
type Sums = (Vec<f64>, f64);

/// A split node's children: the first `n_left` rows of its range go left; each child's sums,
/// when they are exact ([`Grower::exact_sums`]).
struct Children {
    n_left: usize,
    left: Option<Sums>,
    right: Option<Sums>,
}

impl Grower<'_> {
    fn w(&self, i: usize) -> f64 {
        self.weights.map_or(1.0, |w| w[i])
    }

    fn stats(&self, rows: &[Entry]) -> (Vec<f64>, f64) {
        let mut stats = vec![0.0; self.targets.width()];
        let mut total = 0.0;
        for e in rows {
            let i = e.row as usize;
            let w = self.w(i);
            self.targets.add(&mut stats, i, w);
            total += w;
        }
        (stats, total)
    }

    fn value(&self, stats: &[f64], total: f64) -> Vec<f64> {
        match self.targets {
            Targets::Classes { .. } => stats.to_vec(),
            Targets::Values(_) => vec![stats[1] / total],
        }
    }

    /// Builds the node over rows `start..end` of the sorted lists; if it splits, partitions
    /// them (left rows first) and returns the number of left rows.
    /// Also returns the features known to be constant for the children, and the children's
    /// sums when they are exact. `sums` are the node's own, if its parent gave them.
    fn node(
        &mut self,
        start: usize,
        end: usize,
        depth: usize,
        n_known: usize,
        sums: Option<Sums>,
    ) -> (Node, Option<Children>, usize) {
        let (stats, total) = sums.unwrap_or_else(|| self.stats(&self.lists[0][start..end]));
        let impurity = self.params.criterion.impurity(&stats, total);
        let m = end - start;
        let mut node = Node {
            depth,
            n_samples: m,
            weighted_n_samples: total,
            impurity,
            value: self.value(&stats, total),
            split: None,
        };
        let p = self.params;
        let is_leaf = p.max_depth.is_some_and(|d| depth >= d)
            || m < p.min_samples_split
            || m < 2 * p.min_samples_leaf
            || impurity <= f64::EPSILON;
        if is_leaf {
            return (node, None, n_known);
        }
        let (order, n_constant) = self.feature_order(start, end, n_known);
        let Some(best) = self.best_split(start, end, &stats, total, &order) else {
            return (node, None, n_constant);
        };
        let (left_rows, right_rows) = self.lists[best.feature][start..end].split_at(best.n_left);
        let ((ls, lw), (rs, rw)) = if self.exact_sums {
            // Sum the smaller side; the other is the node's sums minus it, exactly.
            let rest = |(side, w): &Sums| -> Sums {
                (
                    stats.iter().zip(side).map(|(t, s)| t - s).collect(),
                    total - w,
                )
            };
            if left_rows.len() <= right_rows.len() {
                let left = self.stats(left_rows);
                let right = rest(&left);
                (left, right)
            } else {
                let right = self.stats(right_rows);
                (rest(&right), right)
            }
        } else {
            (self.stats(left_rows), self.stats(right_rows))
        };
        let c = p.criterion;
        let improvement = (total / self.total_weight)
            * (impurity - rw / total * c.impurity(&rs, rw) - lw / total * c.impurity(&ls, lw));
        if improvement + f64::EPSILON < p.min_impurity_decrease {
            return (node, None, n_constant);
        }
        // A child that is a leaf whatever its rows (at max_depth, or too small to split) reads
        // only feature 0's list, for its sums: the other lists need not be partitioned.
        let is_small = |rows: usize| rows < p.min_samples_split || rows < 2 * p.min_samples_leaf;
        let children_are_leaves = !reference()
            && (p.max_depth.is_some_and(|d| depth + 1 >= d)
                || (is_small(best.n_left) && is_small(m - best.n_left)));
        node.split = Some(Split {
            feature: best.feature,
            threshold: best.threshold,
            left: 0,
            right: 0,
            tied: best.tied,
        });
        let mut skip = self.known_constant(n_constant);
        let children = if self.exact_sums {
            // The children get their sums from here: feature 0's list is not needed for them.
            if !children_are_leaves {
                self.partition(start, end, &best, false, &skip);
            }
            Children {
                n_left: best.n_left,
                left: Some((ls, lw)),
                right: Some((rs, rw)),
            }
        } else {
            skip[0] = false; // feature 0's list gives every node its sums
            self.partition(start, end, &best, children_are_leaves, &skip);
            Children {
                n_left: best.n_left,
                left: None,
                right: None,
            }
        };
        (node, Some(children), n_constant)
    }
}

#[cfg(test)]
thread_local! {
    /// Tests set this to grow trees the general way (no squared-error split search, every
    /// list partitioned), the reference the shortcuts are checked against.
    pub(crate) static REFERENCE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
fn reference() -> bool {
    REFERENCE.with(|r| r.get())
}

#[cfg(not(test))]
fn reference() -> bool {
    false
}

impl Tree {
    /// Impurity-based (mean decrease in impurity) importance, as scikit-learn's
    /// `feature_importances_`: each split adds N_t·I(t) − N_L·I(L) − N_R·I(R) to its
    /// feature; the totals are divided by N and normalised to sum to 1 (all zeros for a
    /// lone root). Biased towards features with many distinct values (Strobl et al. 2007).
    pub fn impurity_importances(&self) -> Vec<f64> {
        let mut imp = vec![0.0; self.n_features];
        for node in &self.nodes {
            if let Some(s) = node.split {
                let (l, r) = (&self.nodes[s.left], &self.nodes[s.right]);
                imp[s.feature] += node.weighted_n_samples * node.impurity
                    - l.weighted_n_samples * l.impurity
                    - r.weighted_n_samples * r.impurity;
            }
        }
        let root = self.nodes[0].weighted_n_samples;
        imp.iter_mut().for_each(|v| *v /= root);
        let total: f64 = imp.iter().sum();
        if total > 0.0 {
            imp.iter_mut().for_each(|v| *v /= total);
        }
        imp
    }
}
