use ndarray::{Array1, Array2};
use rand::Rng;

use super::*;
use crate::cart::TreeParams;
use crate::ensemble::Forest;
use mlproof_core::seed;

/// 300 rows of 5 features; the label mixes an interaction and noise, so a depth-6 tree
/// splits on the same feature more than once along a path.
fn data() -> (Array2<f64>, Vec<usize>) {
    let mut rng = seed::rng(7, "shap-tests", 0);
    let n = 300;
    let x = Array2::from_shape_fn((n, 5), |_| (rng.gen_range(0..40) as f64) / 4.0);
    let y = (0..n)
        .map(|i| {
            let s = x[[i, 0]] + 0.5 * x[[i, 1]] * f64::from(x[[i, 2]] > 5.0) - 0.3 * x[[i, 3]];
            usize::from(s + rng.gen_range(-2.0..2.0) > 4.0)
        })
        .collect();
    (x, y)
}

fn tree(depth: usize) -> (Tree, Array2<f64>) {
    let (x, y) = data();
    let params = TreeParams::default().with_max_depth(Some(depth));
    (
        Tree::fit_classifier(x.view(), &y, 2, None, &params).unwrap(),
        x,
    )
}

/// Shapley values of v(S) = E[f(x) | x_S] by enumerating every subset S of the features.
fn brute_force(tree: &Tree, row: ArrayView1<f64>) -> Vec<f64> {
    let m = tree.n_features;
    let fact = |k: usize| (1..=k).map(|v| v as f64).product::<f64>();
    let v = |mask: usize| {
        let known: Vec<bool> = (0..m).map(|j| mask >> j & 1 == 1).collect();
        path_expectation(tree, positive_share, row, &known)
    };
    (0..m)
        .map(|i| {
            (0..1usize << m)
                .filter(|s| s >> i & 1 == 0)
                .map(|s| {
                    let size = s.count_ones() as usize;
                    fact(size) * fact(m - size - 1) / fact(m) * (v(s | 1 << i) - v(s))
                })
                .sum()
        })
        .collect()
}

fn repeats_a_feature_on_a_path(t: &Tree) -> bool {
    fn go(t: &Tree, id: usize, seen: &mut Vec<usize>) -> bool {
        let Some(s) = t.nodes[id].split else {
            return false;
        };
        if seen.contains(&s.feature) {
            return true;
        }
        seen.push(s.feature);
        let found = go(t, s.left, seen) || go(t, s.right, seen);
        seen.pop();
        found
    }
    go(t, 0, &mut Vec::new())
}

#[test]
fn tree_shap_equals_brute_force_shapley_values_of_the_path_dependent_game() {
    let (t, x) = tree(6);
    assert!(
        repeats_a_feature_on_a_path(&t),
        "the test needs a repeated feature"
    );
    let (_, phi) = tree_shap(&t, positive_share, x.view());
    for (i, row) in x.rows().into_iter().enumerate() {
        let exact = brute_force(&t, row);
        for j in 0..5 {
            assert!(
                (phi[[i, j]] - exact[j]).abs() < 1e-12,
                "row {i} feature {j}"
            );
        }
    }
}

#[test]
fn shap_values_sum_to_the_prediction_minus_the_base_value_on_every_row() {
    for depth in [1, 3, 8] {
        let (t, x) = tree(depth);
        let (base, phi) = tree_shap(&t, positive_share, x.view());
        let p = t.predict_proba(&x);
        let share = t.nodes[0].value[1] / t.nodes[0].value.iter().sum::<f64>();
        assert!(
            (base - share).abs() < 1e-12,
            "base is the root's positive share"
        );
        for i in 0..x.nrows() {
            let sum: f64 = phi.row(i).sum();
            assert!(
                (sum - (p[[i, 1]] - base)).abs() < 1e-12,
                "depth {depth} row {i}"
            );
        }
    }
}

#[test]
fn one_split_gives_its_feature_the_leaf_minus_the_base() {
    let (t, x) = tree(1);
    let (base, phi) = tree_shap(&t, positive_share, x.view());
    let f = t.nodes[0].split.unwrap().feature;
    let p = t.predict_proba(&x);
    for i in 0..x.nrows() {
        for j in 0..5 {
            let want = if j == f { p[[i, 1]] - base } else { 0.0 };
            assert!((phi[[i, j]] - want).abs() < 1e-15);
        }
    }
}

#[test]
fn a_forest_is_explained_by_the_mean_of_its_trees_and_keeps_local_accuracy() {
    let (x, y) = data();
    let forest = Forest::new(8, Some(2), TreeParams::default().with_max_depth(Some(5)))
        .unwrap()
        .fit_forest(&x, &Array1::from(y), 3)
        .unwrap();
    let (base, phi) = forest_shap(&forest.trees, positive_share, x.view(), &|| {});
    let p = forest.predict_proba_first(&x, 8);
    for i in 0..x.nrows() {
        assert!((phi.row(i).sum() - (p[i] - base)).abs() < 1e-12, "row {i}");
    }
    // Bootstrap weights are the cover: the brute force over the weighted tree agrees too.
    let t = &forest.trees[0];
    let (_, one) = tree_shap(t, positive_share, x.view());
    for (i, row) in x.rows().into_iter().enumerate().take(40) {
        let exact = brute_force(t, row);
        for j in 0..5 {
            assert!((one[[i, j]] - exact[j]).abs() < 1e-12);
        }
    }
}
