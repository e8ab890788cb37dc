//! Exact TreeSHAP, path-dependent (Lundberg et al. 2020, "From local explanations to global
//! understanding with explainable AI for trees", *Nature Machine Intelligence* 2, Algorithm 2).
//!
//! A row's SHAP values are the Shapley values of the game v(S) = E[f(x) | x_S], where the
//! conditional expectation is the *path-dependent* one: walking the tree, a split on a feature
//! in S follows the row's branch, a split on any other feature takes both branches, weighted by
//! the share of training weight (the node's *cover*, scikit-learn's `weighted_n_node_samples`)
//! each child received. The Shapley value of feature i is
//!
//! φᵢ = Σ_{S ⊆ M∖{i}} |S|! (|M| − |S| − 1)! / |M|! · (v(S ∪ {i}) − v(S)),
//!
//! which Algorithm 2 computes in O(L·D²) per row (L leaves, D depth) instead of O(2^|M|): it
//! descends once, carrying along the path the unique features met so far with their
//! *zero fraction* (the cover share of the branch taken, the weight when the feature is not in S)
//! and *one fraction* (1 if the row goes that way, else 0: the weight when it is in S), plus the
//! permutation weights of every subset size (EXTEND adds a feature, UNWIND removes one). A feature
//! met twice on a path is unwound and re-extended with its fractions multiplied.
//!
//! Local accuracy holds by construction: Σᵢ φᵢ = f(x) − φ₀ with φ₀ = E[f(X)], the cover-weighted
//! mean of the leaf values (for a classification tree the root's class share). This equals
//! `shap.TreeExplainer(tree).shap_values(X)` (shap 0.51, `feature_perturbation="tree_path_dependent"`).
//! A forest's values are the mean of its trees' values (SHAP values are linear in the model).

use ndarray::{Array2, ArrayView1, ArrayView2};
use rayon::prelude::*;

use crate::cart::{Node, Tree};

/// The output a leaf contributes: the positive-class share (classification) or the mean.
pub type LeafValue = fn(&Node) -> f64;

/// P(y = 1) of a classification node: its positive class weight over its total.
pub fn positive_share(node: &Node) -> f64 {
    let total: f64 = node.value.iter().sum();
    node.value.get(1).copied().unwrap_or(0.0) / total
}

/// One element of the path: a feature, its zero and one fractions and the permutation weight
/// of the subsets of its size.
#[derive(Debug, Clone, Copy)]
struct PathElement {
    /// `None` for the root's placeholder.
    feature: Option<usize>,
    zero: f64,
    one: f64,
    weight: f64,
}

/// EXTEND: appends a feature with fractions (`zero`, `one`) and updates the subset weights:
/// with l elements before it, wᵢ₊₁ += one·wᵢ·(i + 1)/(l + 1) and wᵢ ← zero·wᵢ·(l − i)/(l + 1).
fn extend(path: &mut Vec<PathElement>, zero: f64, one: f64, feature: Option<usize>) {
    let l = path.len();
    path.push(PathElement {
        feature,
        zero,
        one,
        weight: if l == 0 { 1.0 } else { 0.0 },
    });
    for i in (0..l).rev() {
        path[i + 1].weight += one * path[i].weight * (i + 1) as f64 / (l + 1) as f64;
        path[i].weight = zero * path[i].weight * (l - i) as f64 / (l + 1) as f64;
    }
}

/// UNWIND: removes element `k`, inverting its EXTEND step on the subset weights.
fn unwind(path: &mut Vec<PathElement>, k: usize) {
    let depth = path.len() - 1;
    let (one, zero) = (path[k].one, path[k].zero);
    let mut next = path[depth].weight;
    for i in (0..depth).rev() {
        if one != 0.0 {
            let kept = path[i].weight;
            path[i].weight = next * (depth + 1) as f64 / ((i + 1) as f64 * one);
            next = kept - path[i].weight * zero * (depth - i) as f64 / (depth + 1) as f64;
        } else {
            path[i].weight = path[i].weight * (depth + 1) as f64 / (zero * (depth - i) as f64);
        }
    }
    // The features and fractions above k shift down one place; the weights stay where the
    // loop above put them (positions 0..depth), and the last weight goes.
    for i in k..depth {
        let next = path[i + 1];
        path[i] = PathElement {
            weight: path[i].weight,
            ..next
        };
    }
    path.pop();
}

/// The total permutation weight of the path with element `k` unwound (Σ of UNWIND(m, k).w),
/// without changing the path.
fn unwound_sum(path: &[PathElement], k: usize) -> f64 {
    let depth = path.len() - 1;
    let (one, zero) = (path[k].one, path[k].zero);
    let mut next = path[depth].weight;
    let mut total = 0.0;
    for i in (0..depth).rev() {
        if one != 0.0 {
            let w = next * (depth + 1) as f64 / ((i + 1) as f64 * one);
            total += w;
            next = path[i].weight - w * zero * (depth - i) as f64 / (depth + 1) as f64;
        } else {
            total += path[i].weight / (zero * (depth - i) as f64 / (depth + 1) as f64);
        }
    }
    total
}

/// RECURSE of Algorithm 2 from `node`, the path so far extended by the parent's feature.
fn recurse(
    tree: &Tree,
    value: LeafValue,
    row: ArrayView1<f64>,
    phi: &mut [f64],
    node: usize,
    mut path: Vec<PathElement>,
    (zero, one, feature): (f64, f64, Option<usize>),
) {
    extend(&mut path, zero, one, feature);
    let n = &tree.nodes[node];
    let Some(split) = n.split else {
        let leaf = value(n);
        for k in 1..path.len() {
            let w = unwound_sum(&path, k);
            let e = path[k];
            if let Some(f) = e.feature {
                phi[f] += w * (e.one - e.zero) * leaf;
            }
        }
        return;
    };
    let (hot, cold) = if crate::cart::as_float32(row[split.feature]) <= split.threshold {
        (split.left, split.right)
    } else {
        (split.right, split.left)
    };
    let cover = n.weighted_n_samples;
    let (mut incoming_zero, mut incoming_one) = (1.0, 1.0);
    if let Some(k) = path.iter().position(|e| e.feature == Some(split.feature)) {
        incoming_zero = path[k].zero;
        incoming_one = path[k].one;
        unwind(&mut path, k);
    }
    let share = |child: usize| tree.nodes[child].weighted_n_samples / cover;
    let f = Some(split.feature);
    recurse(
        tree,
        value,
        row,
        phi,
        hot,
        path.clone(),
        (share(hot) * incoming_zero, incoming_one, f),
    );
    recurse(
        tree,
        value,
        row,
        phi,
        cold,
        path,
        (share(cold) * incoming_zero, 0.0, f),
    );
}

/// φ₀ = E[f(X)] under the tree's own cover: the cover-weighted mean of the leaf values.
pub fn expected_value(tree: &Tree, value: LeafValue) -> f64 {
    let root = tree.nodes[0].weighted_n_samples;
    tree.nodes
        .iter()
        .filter(|n| n.split.is_none())
        .map(|n| n.weighted_n_samples / root * value(n))
        .sum()
}

/// One row's SHAP values (one per feature) for the tree's output `value`.
pub fn row_shap(tree: &Tree, value: LeafValue, row: ArrayView1<f64>) -> Vec<f64> {
    let mut phi = vec![0.0; tree.n_features];
    recurse(tree, value, row, &mut phi, 0, Vec::new(), (1.0, 1.0, None));
    phi
}

/// SHAP values of every row of `x` (rows × features) and the base value φ₀.
pub fn tree_shap(tree: &Tree, value: LeafValue, x: ArrayView2<f64>) -> (f64, Array2<f64>) {
    let rows: Vec<Vec<f64>> = x
        .rows()
        .into_iter()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|r| row_shap(tree, value, r.view()))
        .collect();
    let mut out = Array2::zeros((x.nrows(), x.ncols()));
    for (i, r) in rows.iter().enumerate() {
        for (j, v) in r.iter().enumerate() {
            out[[i, j]] = *v;
        }
    }
    (expected_value(tree, value), out)
}

/// A forest's SHAP values: the mean over its trees of each tree's values, and the mean base
/// value; `tick` is called once per tree (for a progress bar).
pub fn forest_shap(
    trees: &[Tree],
    value: LeafValue,
    x: ArrayView2<f64>,
    tick: &(dyn Fn() + Sync),
) -> (f64, Array2<f64>) {
    let mut base = 0.0;
    let mut sum = Array2::zeros((x.nrows(), x.ncols()));
    for t in trees {
        let (b, phi) = tree_shap(t, value, x);
        base += b;
        sum += &phi;
        tick();
    }
    let k = trees.len().max(1) as f64;
    (base / k, sum / k)
}

/// v(S) = E[f(x) | x_S], path-dependent: splits on features in `known` follow the row, others
/// average their children by cover. The game whose Shapley values TreeSHAP computes; exposed
/// so a brute-force enumeration can check the recursion independently.
pub fn path_expectation(
    tree: &Tree,
    value: LeafValue,
    row: ArrayView1<f64>,
    known: &[bool],
) -> f64 {
    fn go(tree: &Tree, value: LeafValue, row: ArrayView1<f64>, known: &[bool], id: usize) -> f64 {
        let n = &tree.nodes[id];
        match n.split {
            None => value(n),
            Some(s) if known[s.feature] => {
                let next = if crate::cart::as_float32(row[s.feature]) <= s.threshold {
                    s.left
                } else {
                    s.right
                };
                go(tree, value, row, known, next)
            }
            Some(s) => {
                let w = |c: usize| tree.nodes[c].weighted_n_samples / n.weighted_n_samples;
                w(s.left) * go(tree, value, row, known, s.left)
                    + w(s.right) * go(tree, value, row, known, s.right)
            }
        }
    }
    go(tree, value, row, known, 0)
}

#[cfg(test)]
mod tests;
