//! Minimal cost-complexity pruning (Breiman et al. 1984, ch. 3), as scikit-learn's
//! `cost_complexity_pruning_path` and `ccp_alpha`.
//!
//! With R(t) = (N_t / N)·I(t) the weighted impurity of node t and R(T_t) the sum of R over
//! the leaves of the branch under t, the branch's effective alpha is
//! g(t) = (R(t) − R(T_t)) / (|leaves(T_t)| − 1). Repeatedly, the branch with the smallest g
//! (ties to the lowest node index, i.e. the first in pre-order) is collapsed into a leaf;
//! the path records each g and the total leaf impurity R(T) after it.

use serde::Serialize;

use crate::cart::build::{Node, Tree};

/// The pruning path: `ccp_alphas[0] = 0` is the full tree; `impurities[i]` is the total
/// leaf impurity after pruning at `ccp_alphas[i]`.
#[derive(Debug, Clone, Serialize)]
pub struct PruningPath {
    pub ccp_alphas: Vec<f64>,
    pub impurities: Vec<f64>,
    /// Leaves of the tree after each step.
    pub leaves: Vec<usize>,
}

/// The weakest links of a tree in the order pruning collapses them, each with its effective
/// alpha: what [`prune`] replays, so that pruning one tree at many α runs the search once.
#[derive(Debug, Clone)]
pub struct WeakestLinks {
    steps: Vec<(f64, usize)>,
}

impl WeakestLinks {
    /// The whole sequence: O(nodes · steps).
    pub fn of(tree: &Tree) -> WeakestLinks {
        WeakestLinks {
            steps: prune_steps(tree, f64::INFINITY).steps,
        }
    }
}

/// What weakest-link pruning did: the path so far, which nodes are leaves of the final
/// subtree, and the steps (effective alpha, node collapsed).
struct Pruned {
    path: PruningPath,
    is_leaf: Vec<bool>,
    steps: Vec<(f64, usize)>,
}

/// Runs weakest-link pruning; stops before a step whose alpha exceeds `stop_above`.
fn prune_steps(tree: &Tree, stop_above: f64) -> Pruned {
    let nodes = &tree.nodes;
    let n = nodes.len();
    let total = nodes[0].weighted_n_samples;
    let r_node: Vec<f64> = nodes
        .iter()
        .map(|t| t.weighted_n_samples * t.impurity / total)
        .collect();
    let mut parent = vec![usize::MAX; n];
    let mut is_leaf = vec![false; n];
    for (i, t) in nodes.iter().enumerate() {
        match t.split {
            Some(s) => {
                parent[s.left] = i;
                parent[s.right] = i;
            }
            None => is_leaf[i] = true,
        }
    }
    let mut n_leaves = vec![0usize; n];
    let mut r_branch = vec![0.0; n];
    for leaf in (0..n).filter(|&i| is_leaf[i]) {
        r_branch[leaf] = r_node[leaf];
        let mut i = leaf;
        while i != 0 {
            let p = parent[i];
            r_branch[p] += r_node[leaf];
            n_leaves[p] += 1;
            i = p;
        }
    }
    let mut candidate: Vec<bool> = is_leaf.iter().map(|&l| !l).collect();
    let mut in_subtree = vec![true; n];
    let mut steps = Vec::new();
    let mut path = PruningPath {
        ccp_alphas: vec![0.0],
        impurities: vec![r_branch[0]],
        leaves: vec![n_leaves[0].max(1)],
    };
    while candidate[0] {
        let mut alpha = f64::MAX;
        let mut weakest = 0;
        for i in (0..n).filter(|&i| candidate[i]) {
            let g = (r_node[i] - r_branch[i]) / (n_leaves[i] as f64 - 1.0);
            if g < alpha {
                alpha = g;
                weakest = i;
            }
        }
        if alpha > stop_above {
            break;
        }
        collapse(
            nodes,
            weakest,
            &mut is_leaf,
            &mut in_subtree,
            &mut candidate,
        );
        steps.push((alpha, weakest));
        let pruned_leaves = n_leaves[weakest] - 1;
        n_leaves[weakest] = 0;
        let r_diff = r_node[weakest] - r_branch[weakest];
        r_branch[weakest] = r_node[weakest];
        let mut i = parent[weakest];
        while i != usize::MAX {
            n_leaves[i] -= pruned_leaves;
            r_branch[i] += r_diff;
            i = parent[i];
        }
        path.ccp_alphas.push(alpha);
        path.impurities.push(r_branch[0]);
        path.leaves.push(n_leaves[0].max(1));
    }
    Pruned {
        path,
        is_leaf,
        steps,
    }
}

/// Collapses the branch under `weakest` into a leaf: everything below it leaves the subtree.
fn collapse(
    nodes: &[Node],
    weakest: usize,
    is_leaf: &mut [bool],
    in_subtree: &mut [bool],
    candidate: &mut [bool],
) {
    let mut stack = vec![weakest];
    while let Some(i) = stack.pop() {
        if !in_subtree[i] {
            continue;
        }
        candidate[i] = false;
        is_leaf[i] = false;
        in_subtree[i] = false;
        if let Some(s) = nodes[i].split {
            stack.push(s.left);
            stack.push(s.right);
        }
    }
    is_leaf[weakest] = true;
    in_subtree[weakest] = true;
}

/// The whole pruning path of a grown tree.
pub fn pruning_path(tree: &Tree) -> PruningPath {
    prune_steps(tree, f64::INFINITY).path
}

/// The subtree scikit-learn keeps for `ccp_alpha`: every branch whose effective alpha is at
/// most `ccp_alpha` is collapsed. Node order stays pre-order.
pub fn prune(tree: &Tree, ccp_alpha: f64) -> Tree {
    if ccp_alpha <= 0.0 {
        return tree.clone();
    }
    subtree(tree, &prune_steps(tree, ccp_alpha).is_leaf)
}

/// [`prune`] by replaying `links` (the tree's [`WeakestLinks`]) up to the first step whose
/// alpha exceeds `ccp_alpha`, as pruning itself stops: the same subtree, without searching
/// for each weakest link again.
pub fn prune_along(tree: &Tree, links: &WeakestLinks, ccp_alpha: f64) -> Tree {
    if ccp_alpha <= 0.0 {
        return tree.clone();
    }
    let n = tree.nodes.len();
    let mut is_leaf: Vec<bool> = tree.nodes.iter().map(|t| t.split.is_none()).collect();
    let mut in_subtree = vec![true; n];
    let mut candidate = vec![false; n];
    for &(alpha, weakest) in links.steps.iter().take_while(|(a, _)| *a <= ccp_alpha) {
        debug_assert!(alpha <= ccp_alpha);
        collapse(
            &tree.nodes,
            weakest,
            &mut is_leaf,
            &mut in_subtree,
            &mut candidate,
        );
    }
    subtree(tree, &is_leaf)
}

/// The tree with the nodes marked in `is_leaf` as leaves (and what lies below them
/// dropped), renumbered in pre-order.
fn subtree(tree: &Tree, is_leaf: &[bool]) -> Tree {
    let mut nodes: Vec<Node> = Vec::new();
    // (original id, parent in the new tree and side)
    let mut stack = vec![(0usize, None::<(usize, bool)>)];
    while let Some((orig, parent)) = stack.pop() {
        let id = nodes.len();
        let mut node = tree.nodes[orig].clone();
        let children = if is_leaf[orig] {
            None
        } else {
            node.split.map(|s| (s.left, s.right))
        };
        if children.is_none() {
            node.split = None;
        }
        nodes.push(node);
        if let Some((p, left)) = parent {
            if let Some(s) = nodes[p].split.as_mut() {
                if left {
                    s.left = id;
                } else {
                    s.right = id;
                }
            }
        }
        if let Some((l, r)) = children {
            stack.push((r, Some((id, false))));
            stack.push((l, Some((id, true))));
        }
    }
    Tree {
        nodes,
        criterion: tree.criterion,
        n_features: tree.n_features,
    }
}

mod shared;
pub use shared::{FullTrees, PrunedAt};

#[cfg(test)]
mod tests;
