use ndarray::{array, Array2};

use super::*;

#[test]
fn the_root_split_is_the_best_midpoint_by_hand() {
    // x = 1..6, y = 0 0 0 1 1 0. Gini of the root: 1 − (4/6)² − (2/6)² = 4/9.
    // Best threshold 3.5: left {0,0,0} pure; right {1,1,0} Gini 4/9; weighted 0.5·4/9 = 2/9.
    let x = Array2::from_shape_vec((6, 1), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
    let y = [0, 0, 0, 1, 1, 0];
    let params = TreeParams {
        max_depth: Some(1),
        ..TreeParams::default()
    };
    let t = Tree::fit_classifier(x.view(), &y, 2, None, &params).unwrap();
    let s = t.nodes[0].split.unwrap();
    assert_eq!((s.feature, s.threshold), (0, 3.5));
    assert!((t.nodes[0].impurity - 4.0 / 9.0).abs() < 1e-15);
    assert!((t.nodes[s.right].impurity - 4.0 / 9.0).abs() < 1e-15);
    assert_eq!(t.nodes[s.left].value, vec![3.0, 0.0]);
}

#[test]
fn entropy_is_in_bits() {
    assert!((Criterion::Entropy.impurity(&[2.0, 2.0], 4.0) - 1.0).abs() < 1e-15);
    assert!(
        (Criterion::Entropy.impurity(&[1.0, 3.0], 4.0) - 0.811_278_124_459_132_8).abs() < 1e-15
    );
}

#[test]
fn a_full_depth_tree_fits_distinct_rows_perfectly() {
    let x = array![
        [0.1, 5.0],
        [0.2, 4.0],
        [0.3, 3.0],
        [0.4, 2.0],
        [0.5, 1.0],
        [0.6, 0.0]
    ];
    let y = [1, 0, 1, 0, 0, 1];
    let t = Tree::fit_classifier(x.view(), &y, 2, None, &TreeParams::default()).unwrap();
    assert_eq!(t.predict_class(&x).to_vec(), y.to_vec());
    assert_eq!(t.n_leaves(), 5);
}

#[test]
fn min_samples_leaf_and_depth_bound_the_tree() {
    let x = Array2::from_shape_fn((40, 1), |(i, _)| i as f64);
    let y: Vec<usize> = (0..40).map(|i| (i % 3 == 0) as usize).collect();
    let params = TreeParams {
        min_samples_leaf: 5,
        ..TreeParams::default()
    };
    let t = Tree::fit_classifier(x.view(), &y, 2, None, &params).unwrap();
    assert!(t.nodes.iter().all(|n| n.n_samples >= 5));
    let t = Tree::fit_classifier(x.view(), &y, 2, None, &params.with_max_depth(Some(2))).unwrap();
    assert!(t.depth() <= 2);
}

#[test]
fn a_regression_tree_predicts_leaf_means() {
    let x = array![[1.0], [2.0], [3.0], [10.0], [11.0], [12.0]];
    let y = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0];
    let params = TreeParams {
        max_depth: Some(1),
        ..TreeParams::default()
    };
    let t = Tree::fit_regressor(x.view(), &y, None, &params).unwrap();
    assert_eq!(t.nodes[0].split.unwrap().threshold, 6.5);
    assert_eq!(
        t.predict_value(&x).to_vec(),
        vec![2.0, 2.0, 2.0, 11.0, 11.0, 11.0]
    );
}

#[test]
fn bad_parameters_are_errors_that_name_the_parameter() {
    let bad = [
        TreeParams {
            max_depth: Some(0),
            ..TreeParams::default()
        },
        TreeParams {
            min_samples_split: 1,
            ..TreeParams::default()
        },
        TreeParams {
            min_samples_leaf: 0,
            ..TreeParams::default()
        },
        TreeParams {
            min_impurity_decrease: -1.0,
            ..TreeParams::default()
        },
    ];
    let names = [
        "max_depth",
        "min_samples_split",
        "min_samples_leaf",
        "min_impurity_decrease",
    ];
    for (p, expected) in bad.into_iter().zip(names) {
        match p.check() {
            Err(mlproof_core::Error::Parameter { name, .. }) => assert_eq!(name, expected),
            other => panic!("{p:?}: {other:?}"),
        }
    }
}
