use super::*;
use crate::{Adasyn, SmoteNc};
use ndarray::{Array1, Array2};
use proptest::prelude::*;

fn data(values: Vec<f64>, n_pos: usize) -> (Array2<f64>, Array1<usize>) {
    let n = values.len() / 2;
    let x = Array2::from_shape_vec((n, 2), values).unwrap();
    let y = (0..n).map(|i| usize::from(i < n_pos)).collect();
    (x, y)
}

/// The k nearest positives of row `i` by (distance, index), itself excluded.
fn positive_neighbours(x: &Array2<f64>, y: &Array1<usize>, i: usize, k: usize) -> Vec<usize> {
    let mut all: Vec<(f64, usize)> = (0..x.nrows())
        .filter(|&j| j != i && y[j] == 1)
        .map(|j| (crate::neighbors::squared_distance(x.row(i), x.row(j)), j))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    all.into_iter().take(k).map(|(_, j)| j).collect()
}

fn check_segments(
    x: &Array2<f64>,
    y: &Array1<usize>,
    s: &Synthetic,
    k: usize,
) -> std::result::Result<(), TestCaseError> {
    for r in 0..s.x.nrows() {
        let (i, j, lambda) = (s.base[r], s.toward[r], s.step[r]);
        prop_assert!(y[i] == 1 && y[j] == 1);
        prop_assert!((0.0..1.0).contains(&lambda));
        prop_assert!(positive_neighbours(x, y, i, k).contains(&j));
        for c in 0..x.ncols() {
            let expect = x[[i, c]] + lambda * (x[[j, c]] - x[[i, c]]);
            prop_assert!((s.x[[r, c]] - expect).abs() <= 1e-12 * (1.0 + expect.abs()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Every synthetic point lies on the segment from a positive row to one of its k
    /// nearest positive neighbours, and the count is ⌊r · majority⌋ − minority.
    #[test]
    fn smote_points_lie_on_neighbour_segments(
        values in proptest::collection::vec(-10.0f64..10.0, 2 * 40),
        n_pos in 7usize..14,
        k in 1usize..6,
        ratio in 0.6f64..1.0,
        seed in any::<u64>(),
    ) {
        let (x, y) = data(values, n_pos);
        let smote = Smote::new(k, SamplingStrategy::Ratio(ratio), SmoteKind::Regular).unwrap();
        let s = smote.synthesize(&x, &y, seed).unwrap();
        let expect = (ratio * (40 - n_pos) as f64) as usize - n_pos;
        prop_assert_eq!(s.x.nrows(), expect);
        check_segments(&x, &y, &s, k)?;
        let b = Smote::new(k, SamplingStrategy::Auto, SmoteKind::Borderline { m: 5 }).unwrap();
        let s = b.synthesize(&x, &y, seed).unwrap();
        check_segments(&x, &y, &s, k)?;
        let danger = in_danger(&x, &y, &(0..n_pos).collect::<Vec<_>>(), 5).unwrap();
        prop_assert!(s.base.iter().all(|i| danger.contains(i)));
        if let Ok(s) = Adasyn::new(k, SamplingStrategy::Auto).unwrap().synthesize(&x, &y, seed) {
            check_segments(&x, &y, &s, k)?;
        }
    }

    /// SMOTE-NC interpolates numeric columns on a segment and copies a level some
    /// neighbour has into every categorical column.
    #[test]
    fn smote_nc_keeps_categorical_levels(
        values in proptest::collection::vec(-10.0f64..10.0, 30),
        levels in proptest::collection::vec(0u8..3, 30),
        seed in any::<u64>(),
    ) {
        let x = Array2::from_shape_fn((30, 2), |(i, j)| if j == 0 { values[i] } else { f64::from(levels[i]) });
        let y: Array1<usize> = (0..30).map(|i| usize::from(i < 8)).collect();
        let nc = SmoteNc::new(3, SamplingStrategy::Auto, vec![false, true]).unwrap();
        let s = nc.synthesize(&x, &y, seed).unwrap();
        prop_assert_eq!(s.x.nrows(), 22 - 8);
        for r in 0..s.x.nrows() {
            let (i, j, lambda) = (s.base[r], s.toward[r], s.step[r]);
            let expect = x[[i, 0]] + lambda * (x[[j, 0]] - x[[i, 0]]);
            prop_assert!((s.x[[r, 0]] - expect).abs() <= 1e-12);
            let level = s.x[[r, 1]];
            prop_assert!((0..8).any(|p| p != i && x[[p, 1]] == level));
        }
    }
}

#[test]
fn same_seed_same_rows_at_any_thread_count() {
    let x = Array2::from_shape_fn((200, 3), |(i, j)| {
        ((i * 7 + j * 13) % 31) as f64 + 0.1 * i as f64
    });
    let y: Array1<usize> = (0..200).map(|i| usize::from(i % 9 == 0)).collect();
    let smote = Smote::new(5, SamplingStrategy::Auto, SmoteKind::Regular).unwrap();
    let many = smote.synthesize(&x, &y, 7).unwrap().x;
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| smote.synthesize(&x, &y, 7).unwrap().x);
    assert_eq!(many, one);
    assert_ne!(many, smote.synthesize(&x, &y, 8).unwrap().x);
}

#[test]
fn a_minority_smaller_than_k_plus_one_is_a_clear_error() {
    let x = Array2::from_shape_fn((20, 2), |(i, j)| (i + j) as f64);
    let y: Array1<usize> = (0..20).map(|i| usize::from(i < 4)).collect();
    let err = Smote::new(5, SamplingStrategy::Auto, SmoteKind::Regular)
        .unwrap()
        .synthesize(&x, &y, 0)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("at least 6 positive rows") && err.contains("at most 3"),
        "{err}"
    );
}

#[test]
fn errors_name_the_parameter_not_a_flag() {
    let x = Array2::from_shape_fn((20, 2), |(i, j)| (i + j) as f64);
    let y: Array1<usize> = (0..20).map(|i| usize::from(i < 4)).collect();
    let err = Smote::new(5, SamplingStrategy::Auto, SmoteKind::Regular)
        .unwrap()
        .synthesize(&x, &y, 0)
        .unwrap_err();
    assert!(
        matches!(&err, mlproof_core::Error::Parameter { name, .. } if name == "k_neighbors"),
        "{err:?}"
    );
    assert!(!err.to_string().contains("--"), "{err}");
    let err = Smote::new(0, SamplingStrategy::Auto, SmoteKind::Regular).unwrap_err();
    assert!(matches!(err, mlproof_core::Error::Parameter { .. }));
    let err = SamplingStrategy::Ratio(1.5).check().unwrap_err();
    assert!(matches!(err, mlproof_core::Error::Parameter { name, .. } if name == "ratio"));
}

#[test]
fn smote_nc_refuses_data_without_both_kinds_of_column() {
    assert!(SmoteNc::new(5, SamplingStrategy::Auto, vec![false, false]).is_err());
    assert!(SmoteNc::new(5, SamplingStrategy::Auto, vec![true, true]).is_err());
}
