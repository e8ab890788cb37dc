//! Property tests (issue 14): the bias-variance identities on random prediction matrices.

use mlproof_validation::bias_variance::{squared, zero_one};
use ndarray::{Array1, Array2};
use proptest::prelude::*;

/// rounds × points predictions, targets and a true function.
fn matrix() -> impl Strategy<Value = (Array2<f64>, Array1<f64>, Array1<f64>)> {
    (1usize..12, 1usize..30).prop_flat_map(|(r, j)| {
        (
            prop::collection::vec(-5.0f64..5.0, r * j),
            prop::collection::vec(-5.0f64..5.0, j),
            prop::collection::vec(-5.0f64..5.0, j),
        )
            .prop_map(move |(p, y, f)| {
                (
                    Array2::from_shape_vec((r, j), p).unwrap(),
                    Array1::from(y),
                    Array1::from(f),
                )
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// E = bias² + variance exactly; against the truth, E = bias²* + variance + noise +
    /// 2·mean((ȳ − f)(f − y)), the cross term that vanishes only in expectation.
    #[test]
    fn squared_loss_is_bias2_plus_variance_plus_noise((pred, y, f) in matrix()) {
        let d = squared(&pred, &y, Some(&f));
        let scale = 1.0 + d.expected_loss;
        prop_assert!(d.bias2 >= 0.0 && d.variance >= 0.0);
        prop_assert!((d.expected_loss - d.bias2 - d.variance).abs() < 1e-12 * scale);
        let t = d.truth.unwrap();
        let main = pred.mean_axis(ndarray::Axis(0)).unwrap();
        let cross = main.iter().zip(&f).zip(&y)
            .map(|((m, fj), yj)| (m - fj) * (fj - yj)).sum::<f64>() / y.len() as f64;
        prop_assert!((d.expected_loss - (t.bias2 + d.variance + t.noise + 2.0 * cross)).abs() < 1e-9 * scale);
        prop_assert!((t.sum - (t.bias2 + d.variance + t.noise)).abs() < 1e-12 * scale);
    }

    /// The 0-1 terms are shares; one round has no variance and its loss is its bias.
    #[test]
    fn zero_one_terms_are_shares(
        (r, j) in (1usize..10, 1usize..40),
        seed in any::<u64>(),
    ) {
        let mut state = seed | 1;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 2) as usize
        };
        let pred = Array2::from_shape_fn((r, j), |_| next());
        let y: Vec<usize> = (0..j).map(|_| next()).collect();
        let d = zero_one(&pred, &y);
        for v in [d.expected_loss, d.bias, d.variance] {
            prop_assert!((0.0..=1.0).contains(&v), "{v}");
        }
        if r == 1 {
            prop_assert_eq!(d.variance, 0.0);
            prop_assert!((d.expected_loss - d.bias).abs() < 1e-12);
        }
        // Bias is the share of points whose majority vote is wrong: a multiple of 1/J.
        let k = d.bias * j as f64;
        prop_assert!((k - k.round()).abs() < 1e-9);
    }
}
