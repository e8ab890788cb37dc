use proptest::prelude::*;

use super::*;

fn assert_partition(n: usize, folds: &[Fold]) {
    let mut seen = vec![0; n];
    for f in folds {
        assert_eq!(f.train.len() + f.test.len(), n);
        for &i in &f.test {
            seen[i] += 1;
            assert!(
                f.train.binary_search(&i).is_err(),
                "row {i} in train and test"
            );
        }
        assert!(f.train.windows(2).all(|w| w[0] < w[1]) && f.test.windows(2).all(|w| w[0] < w[1]));
    }
    assert!(
        seen.iter().all(|&c| c == 1),
        "every row tested exactly once"
    );
}

proptest! {
    #[test]
    fn k_fold_partitions_the_rows(n in 2usize..300, k in 2usize..12, shuffle in any::<bool>(), seed in any::<u64>()) {
        prop_assume!(k <= n);
        let folds = k_fold(n, k, shuffle.then_some(seed)).unwrap();
        prop_assert_eq!(folds.len(), k);
        assert_partition(n, &folds);
        let sizes: Vec<usize> = folds.iter().map(|f| f.test.len()).collect();
        prop_assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1);
    }

    #[test]
    fn stratified_k_fold_partitions_and_spreads_each_class_evenly(
        y in prop::collection::vec(0usize..4, 10..300), k in 2usize..8, shuffle in any::<bool>(), seed in any::<u64>()
    ) {
        let Ok(s) = stratified_k_fold(&y, k, shuffle.then_some(seed)) else { return Ok(()) };
        assert_partition(y.len(), &s.folds);
        for class in 0..4 {
            let per_fold: Vec<usize> =
                s.folds.iter().map(|f| f.test.iter().filter(|&&i| y[i] == class).count()).collect();
            prop_assert!(per_fold.iter().max().unwrap() - per_fold.iter().min().unwrap() <= 1, "{:?}", per_fold);
        }
    }

    #[test]
    fn time_series_split_never_tests_before_training(
        n in 4usize..400, k in 2usize..8, gap in 0usize..10,
        max_train in prop::option::of(1usize..100), test_size in prop::option::of(1usize..40)
    ) {
        let Ok(folds) = time_series_split(n, k, max_train, test_size, gap) else { return Ok(()) };
        prop_assert_eq!(folds.len(), k);
        for f in &folds {
            prop_assert!(!f.train.is_empty() && !f.test.is_empty());
            prop_assert!(f.train.last().unwrap() + gap < *f.test.first().unwrap());
            if let Some(m) = max_train { prop_assert!(f.train.len() <= m); }
        }
    }
}

#[test]
fn leave_one_out_tests_each_row_alone() {
    let folds = leave_one_out(5).unwrap();
    assert_partition(5, &folds);
    assert!(folds.iter().all(|f| f.test.len() == 1));
    assert!(leave_one_out(1).is_err());
}

#[test]
fn shuffled_folds_repeat_for_a_seed_and_change_with_it() {
    assert_eq!(
        k_fold(50, 5, Some(1)).unwrap(),
        k_fold(50, 5, Some(1)).unwrap()
    );
    assert_ne!(
        k_fold(50, 5, Some(1)).unwrap(),
        k_fold(50, 5, Some(2)).unwrap()
    );
    assert_ne!(
        k_fold(50, 5, Some(1)).unwrap(),
        k_fold(50, 5, None).unwrap()
    );
}

#[test]
fn parameters_scikit_learn_rejects_are_errors() {
    assert!(k_fold(3, 4, None).is_err());
    assert!(Splitter::KFold {
        n_splits: 1,
        shuffle: false
    }
    .check()
    .is_err());
    // Every class smaller than k: error; only some: a warning.
    assert!(stratified_k_fold(&[0, 0, 1, 1], 3, None).is_err());
    let s = stratified_k_fold(&[0, 0, 0, 0, 1, 1], 3, None).unwrap();
    assert_eq!(s.warnings.len(), 1);
    assert!(time_series_split(10, 3, None, Some(3), 1).is_err());
    assert!(time_series_split(3, 3, None, None, 0).is_err());
}

#[test]
fn repeated_stratified_draws_different_folds_per_repeat() {
    let y: Vec<usize> = (0..40).map(|i| usize::from(i % 4 == 0)).collect();
    let s = repeated_stratified_k_fold(&y, 4, 3, 9).unwrap();
    assert_eq!(s.folds.len(), 12);
    assert_partition(40, &s.folds[0..4]);
    assert_partition(40, &s.folds[4..8]);
    assert_ne!(s.folds[0..4], s.folds[4..8]);
}
