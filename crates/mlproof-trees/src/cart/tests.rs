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

/// One node's numbers as bits: depth, n, weighted n, impurity, value, split.
pub(crate) type NodeBits = (
    usize,
    usize,
    u64,
    u64,
    Vec<u64>,
    Option<(usize, u64, usize, usize, bool)>,
);

/// Every number of a tree, bit for bit, for comparing two growths.
pub(crate) fn fingerprint(t: &Tree) -> Vec<NodeBits> {
    t.nodes
        .iter()
        .map(|n| {
            (
                n.depth,
                n.n_samples,
                n.weighted_n_samples.to_bits(),
                n.impurity.to_bits(),
                n.value.iter().map(|v| v.to_bits()).collect(),
                n.split
                    .map(|s| (s.feature, s.threshold.to_bits(), s.left, s.right, s.tied)),
            )
        })
        .collect()
}

/// Grows with the general code path (the reference) when `reference` is set.
pub(crate) fn with_reference<T>(reference: bool, grow: impl FnOnce() -> T) -> T {
    build::REFERENCE.with(|r| r.set(reference));
    let out = grow();
    build::REFERENCE.with(|r| r.set(false));
    out
}

mod shortcuts {
    use super::*;
    use proptest::prelude::*;

    /// Columns with many ties (a few levels, some closer than 1e-7) or continuous values.
    fn matrix() -> impl Strategy<Value = Array2<f64>> {
        (1usize..90, 1usize..5, 0usize..3).prop_flat_map(|(n, d, kind)| {
            proptest::collection::vec(0u32..1000, n * d).prop_map(move |raw| {
                let v: Vec<f64> = raw
                    .iter()
                    .map(|&r| match kind {
                        0 => (r % 4) as f64,
                        1 => (r % 5) as f64 * 0.5 + (r % 2) as f64 * 5e-8,
                        _ => (r as f64 * 0.731).sin() * 3.0,
                    })
                    .collect();
                Array2::from_shape_vec((n, d), v).unwrap()
            })
        })
    }

    fn params() -> impl Strategy<Value = TreeParams> {
        (
            prop_oneof![Just(None), (1usize..6).prop_map(Some)],
            2usize..6,
            1usize..4,
            prop_oneof![Just(0.0), Just(1e-3)],
            prop_oneof![
                Just(FeatureOrder::Index),
                any::<u32>().prop_map(|rand_r_seed| FeatureOrder::ScikitLearn { rand_r_seed })
            ],
            prop_oneof![Just(None), (1usize..4).prop_map(Some)],
        )
            .prop_map(
                |(max_depth, min_samples_split, min_samples_leaf, mid, order, max_features)| {
                    TreeParams {
                        max_depth,
                        min_samples_split,
                        min_samples_leaf,
                        min_impurity_decrease: mid,
                        feature_order: order,
                        // A forest's draws need scikit-learn's order.
                        max_features: max_features.filter(|_| order != FeatureOrder::Index),
                        ..TreeParams::default()
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The presorted regressor, the squared-error split search and the skipped partitions
        /// grow the tree the general path grows, bit for bit.
        #[test]
        fn regression_trees_equal_the_general_path(
            x in matrix(),
            seed in any::<u64>(),
            params in params(),
            weighted in any::<bool>(),
            levels in prop_oneof![Just(3u64), Just(1000u64)],
        ) {
            let n = x.nrows();
            let mut s = seed;
            let mut next = || { s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); s >> 33 };
            let y: Vec<f64> = (0..n).map(|_| (next() % levels) as f64 * 0.37 - 0.5).collect();
            let w: Vec<f64> = (0..n).map(|_| 0.5 + (next() % 4) as f64 * 0.25).collect();
            let w = weighted.then_some(&w[..]);
            let reference = with_reference(true, || Tree::fit_regressor(x.view(), &y, w, &params).unwrap());
            let fast = Tree::fit_regressor(x.view(), &y, w, &params).unwrap();
            let presorted = Presorted::new(x.view()).unwrap();
            let stage = Tree::fit_regressor_presorted(&presorted, &y, w, &params).unwrap();
            prop_assert_eq!(fingerprint(&fast), fingerprint(&reference));
            prop_assert_eq!(fingerprint(&stage), fingerprint(&reference));
        }

        /// Skipping the partitions of leaf children, and the two-class split search, leave
        /// classification trees unchanged, weighted or not.
        #[test]
        fn classification_trees_equal_the_general_path(
            x in matrix(),
            seed in any::<u64>(),
            params in params(),
            entropy in any::<bool>(),
            n_classes in 2usize..4,
            weighting in 0usize..3,
        ) {
            let n = x.nrows();
            let y: Vec<usize> = (0..n)
                .map(|i| (((seed >> (i % 60)) & 1) as usize + usize::from(i % 7 == 0)) % n_classes)
                .collect();
            // None, fractional weights, or a bootstrap's counts (integers: exact sums).
            let w: Vec<f64> = (0..n)
                .map(|i| match weighting {
                    1 => 0.5 + ((seed >> (i % 50)) % 4) as f64 * 0.25,
                    _ => 1.0 + ((seed >> (i % 50)) % 3) as f64,
                })
                .collect();
            let w = (weighting > 0).then_some(&w[..]);
            let params = TreeParams {
                criterion: if entropy { Criterion::Entropy } else { Criterion::Gini },
                ..params
            };
            let reference = with_reference(true, || Tree::fit_classifier(x.view(), &y, n_classes, w, &params).unwrap());
            let fast = Tree::fit_classifier(x.view(), &y, n_classes, w, &params).unwrap();
            prop_assert_eq!(fingerprint(&fast), fingerprint(&reference));
        }

        /// A bootstrap sample's presort taken from the full one equals sorting the sample.
        #[test]
        fn presort_of_a_sample_equals_sorting_the_sample(
            x in matrix(),
            seed in any::<u64>(),
        ) {
            let n = x.nrows();
            let mut s = seed;
            let idx: Vec<usize> = (0..n)
                .map(|_| { s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); (s >> 33) as usize % n })
                .collect();
            let full = Presorted::new(x.view()).unwrap();
            let sample = Presorted::new(x.select(ndarray::Axis(0), &idx).view()).unwrap();
            prop_assert_eq!(&full.select(&idx).unwrap().lists, &sample.lists);
        }

        /// A forest's tree grown on the full presort restricted to the drawn rows (counts as
        /// weights) equals the tree grown on the drawn rows themselves.
        #[test]
        fn restricted_presort_grows_the_tree_of_the_drawn_rows(
            x in matrix(),
            seed in any::<u64>(),
            params in params(),
        ) {
            let n = x.nrows();
            let y: Vec<usize> = (0..n).map(|i| ((seed >> (i % 60)) & 1) as usize).collect();
            let counts: Vec<usize> = (0..n).map(|i| ((seed >> (i % 61)) % 3) as usize).collect();
            let drawn: Vec<usize> = (0..n).filter(|&i| counts[i] > 0).collect();
            prop_assume!(!drawn.is_empty());
            let weights: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
            let keep: Vec<bool> = counts.iter().map(|&c| c > 0).collect();
            let restricted = Presorted::new(x.view()).unwrap().restrict(&keep).unwrap();
            let tree = Tree::fit_classifier_presorted(&restricted, &y, 2, Some(&weights), &params).unwrap();
            let xs = x.select(ndarray::Axis(0), &drawn);
            let ys: Vec<usize> = drawn.iter().map(|&i| y[i]).collect();
            let ws: Vec<f64> = drawn.iter().map(|&i| weights[i]).collect();
            let direct = Tree::fit_classifier(xs.view(), &ys, 2, Some(&ws), &params).unwrap();
            prop_assert_eq!(fingerprint(&tree), fingerprint(&direct));
        }
    }
}

#[test]
fn route_matches_tree_leaf() {
    // A full-depth tree on rows with values that sit on float32 rounding boundaries: the
    // compact router must land every row, seen and unseen, in the leaf `Tree::leaf` finds.
    let n = 300;
    let x = Array2::from_shape_fn((n, 4), |(i, j)| {
        let t = (i * (j + 3) % 97) as f64;
        t / 7.0 + if j == 2 { 1e-9 * i as f64 } else { 0.0 }
    });
    let y: Vec<usize> = (0..n).map(|i| usize::from((i * 7919) % 5 < 2)).collect();
    let t = Tree::fit_classifier(x.view(), &y, 2, None, &TreeParams::default()).unwrap();
    assert!(t.nodes.len() > 20);
    let unseen = x.mapv(|v| v * 1.000_000_1 - 0.01);
    for rows in [&x, &unseen] {
        let rounded = Rounded::new(rows);
        let router = Router::new(&t);
        for (row, r) in rows.rows().into_iter().zip(rounded.rows()) {
            assert_eq!(router.leaf(r), t.leaf(row));
        }
    }
}
