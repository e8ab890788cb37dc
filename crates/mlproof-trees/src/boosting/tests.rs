use super::*;

#[test]
fn boosting_drives_training_loss_down_and_probabilities_follow_the_labels() {
    let x = Array2::from_shape_fn((60, 1), |(i, _)| i as f64);
    let y: Vec<usize> = (0..60).map(|i| usize::from(i >= 30)).collect();
    let params = BoostingParams {
        n_stages: 20,
        learning_rate: 0.5,
        max_depth: 2,
    }
    .check()
    .unwrap();
    let (model, staged) = fit_staged(&x, &y, &x, &y, &params).unwrap();
    assert!(staged.train.windows(2).all(|w| w[1] <= w[0] + 1e-12));
    let p = model.predict_proba(&x, 20);
    assert!(p[0] < 0.05 && p[59] > 0.95);
    // The staged validation loss equals a fresh prediction's loss.
    let fresh = log_loss(
        &y,
        &p.iter().map(|q| (q / (1.0 - q)).ln()).collect::<Vec<_>>(),
    );
    assert!((fresh - staged.validation[19]).abs() < 1e-9);
}

#[test]
fn patience_stops_after_that_many_stages_without_improvement() {
    // 0.85, 0.84 and 0.83 each beat the worst of the three before them; 0.86 beats none
    // of 0.85, 0.84, 0.83, so the 7th stage is the last (scikit-learn counts it too).
    let v = [1.0, 0.9, 0.8, 0.85, 0.84, 0.83, 0.86];
    assert_eq!(patience_stop(&v, 3, 0.0), Some(7));
    assert_eq!(patience_stop(&[1.0, 0.9, 0.8], 3, 0.0), None);
}

#[test]
fn bad_boosting_parameters_are_usage_errors() {
    assert!(BoostingParams {
        n_stages: 0,
        learning_rate: 0.1,
        max_depth: 3
    }
    .check()
    .is_err());
    assert!(BoostingParams {
        n_stages: 10,
        learning_rate: 0.0,
        max_depth: 3
    }
    .check()
    .is_err());
    assert!(BoostingParams {
        n_stages: 10,
        learning_rate: 0.1,
        max_depth: 0
    }
    .check()
    .is_err());
}

/// The stage loop as it was before the presorted index: every stage a fresh
/// `Tree::fit_regressor` on X, grown the general way.
fn reference_fit_staged(
    x: &Array2<f64>,
    y: &[usize],
    x_val: &Array2<f64>,
    y_val: &[usize],
    params: &BoostingParams,
) -> (Boosted, StagedLoss) {
    let positives = y.iter().filter(|&&v| v == 1).count();
    let p = positives as f64 / y.len() as f64;
    let init = (p / (1.0 - p)).ln();
    let mut f = vec![init; y.len()];
    let mut f_val = vec![init; y_val.len()];
    let tree_params = TreeParams {
        max_depth: Some(params.max_depth),
        ..TreeParams::default()
    };
    let mut trees = Vec::new();
    let mut staged = StagedLoss {
        train: Vec::new(),
        validation: Vec::new(),
    };
    for _ in 0..params.n_stages {
        let prob: Vec<f64> = f.iter().map(|&v| sigmoid(v)).collect();
        let residual: Vec<f64> = y
            .iter()
            .zip(&prob)
            .map(|(&yi, pi)| yi as f64 - pi)
            .collect();
        let mut tree = crate::cart::tests::with_reference(true, || {
            Tree::fit_regressor(x.view(), &residual, None, &tree_params).unwrap()
        });
        let leaves: Vec<usize> = x.rows().into_iter().map(|r| tree.leaf(r)).collect();
        let mut num = vec![0.0; tree.nodes.len()];
        let mut den = vec![0.0; tree.nodes.len()];
        for (i, &leaf) in leaves.iter().enumerate() {
            num[leaf] += residual[i];
            den[leaf] += prob[i] * (1.0 - prob[i]);
        }
        for (id, node) in tree.nodes.iter_mut().enumerate() {
            if node.split.is_none() {
                node.value = vec![if den[id].abs() < 1e-150 {
                    0.0
                } else {
                    num[id] / den[id]
                }];
            }
        }
        for (i, &leaf) in leaves.iter().enumerate() {
            f[i] += params.learning_rate * tree.nodes[leaf].value[0];
        }
        for (i, row) in x_val.rows().into_iter().enumerate() {
            f_val[i] += params.learning_rate * tree.nodes[tree.leaf(row)].value[0];
        }
        staged.train.push(log_loss(y, &f));
        staged.validation.push(log_loss(y_val, &f_val));
        trees.push(tree);
    }
    (
        Boosted {
            init,
            learning_rate: params.learning_rate,
            trees,
        },
        staged,
    )
}

mod identity {
    use super::*;
    use crate::cart::tests::fingerprint;
    use proptest::prelude::*;

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(150))]

        /// Boosting over the presorted index builds the models the old stage loop built:
        /// the same splits, thresholds, leaf values and staged losses, bit for bit.
        #[test]
        fn boosting_equals_the_old_stage_loop(
            n in 4usize..150,
            d in 1usize..6,
            ties in 0u32..3,
            seed in any::<u64>(),
            n_stages in 1usize..25,
            max_depth in 1usize..5,
            learning_rate in prop_oneof![Just(0.1), Just(0.5), Just(1.0)],
        ) {
            let mut s = seed;
            let mut next = || { s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); s >> 33 };
            let x = Array2::from_shape_fn((n, d), |_| match ties {
                0 => (next() % 3) as f64,
                1 => (next() % 50) as f64 * 0.1,
                _ => (next() % 1_000_000) as f64 * 1e-3,
            });
            let mut y: Vec<usize> = (0..n).map(|_| (next() % 3 == 0) as usize).collect();
            y[0] = 0;
            y[1] = 1;
            let n_val = n / 3;
            let x_val = Array2::from_shape_fn((n_val, d), |_| (next() % 40) as f64 * 0.1);
            let y_val: Vec<usize> = (0..n_val).map(|_| (next() % 2) as usize).collect();
            let params = BoostingParams { n_stages, learning_rate, max_depth };
            let (model, staged) = fit_staged(&x, &y, &x_val, &y_val, &params).unwrap();
            let (want, want_staged) = reference_fit_staged(&x, &y, &x_val, &y_val, &params);
            prop_assert_eq!(model.init.to_bits(), want.init.to_bits());
            prop_assert_eq!(model.trees.len(), want.trees.len());
            for (a, b) in model.trees.iter().zip(&want.trees) {
                prop_assert_eq!(fingerprint(a), fingerprint(b));
            }
            prop_assert_eq!(bits(&staged.train), bits(&want_staged.train));
            prop_assert_eq!(bits(&staged.validation), bits(&want_staged.validation));
        }
    }
}
