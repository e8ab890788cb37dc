use mlproof_core::seed;
use mlproof_core::{Error, Result};

use super::{complement, Splits};

/// Stratified k-fold with scikit-learn's allocation (`StratifiedKFold._make_test_folds`):
/// classes are numbered by first appearance, the sorted class codes are dealt round-robin
/// to the k folds to fix how many rows of each class each fold gets, and each class's rows
/// fill folds 0, 1, … in blocks, in data order. With a seed, each class's block order is
/// shuffled (scikit-learn shuffles the same vector with NumPy's generator).
///
/// Errors when *every* class has fewer than k rows; warns when *some* class does, as
/// scikit-learn does.
pub fn stratified_k_fold(
    y: &[usize],
    n_splits: usize,
    shuffle_seed: Option<u64>,
) -> Result<Splits> {
    stratified(y, n_splits, shuffle_seed.map(|s| (s, 0)))
}

/// `n_repeats` stratified k-folds, each shuffled with its own stream (repeat index).
pub fn repeated_stratified_k_fold(
    y: &[usize],
    n_splits: usize,
    n_repeats: usize,
    seed: u64,
) -> Result<Splits> {
    let mut all = Splits {
        folds: Vec::new(),
        warnings: Vec::new(),
    };
    for r in 0..n_repeats {
        let s = stratified(y, n_splits, Some((seed, r as u64)))?;
        all.folds.extend(s.folds);
        if r == 0 {
            all.warnings = s.warnings;
        }
    }
    Ok(all)
}

fn stratified(y: &[usize], n_splits: usize, shuffle: Option<(u64, u64)>) -> Result<Splits> {
    let n = y.len();
    if n_splits > n {
        return Err(Error::param(
            "n_splits",
            format!("{n_splits} is greater than the number of samples ({n})"),
        ));
    }
    // Encode classes by order of first appearance.
    let mut first_seen: Vec<usize> = Vec::new();
    let encoded: Vec<usize> = y
        .iter()
        .map(|c| match first_seen.iter().position(|f| f == c) {
            Some(k) => k,
            None => {
                first_seen.push(*c);
                first_seen.len() - 1
            }
        })
        .collect();
    let n_classes = first_seen.len();
    let mut counts = vec![0usize; n_classes];
    encoded.iter().for_each(|&k| counts[k] += 1);
    if counts.iter().all(|&c| n_splits > c) {
        return Err(Error::param(
            "n_splits",
            format!(
                "{n_splits} is greater than the number of members in every class \
                 (largest class: {}); use fewer splits",
                counts.iter().max().unwrap_or(&0)
            ),
        ));
    }
    let mut warnings = Vec::new();
    let min = counts.iter().copied().min().unwrap_or(0);
    if n_splits > min {
        warnings.push(format!(
            "the least populated class has only {min} members, fewer than n_splits={n_splits}; \
             some test folds will not contain it"
        ));
    }
    // allocation[f][k]: rows of class k in fold f, dealing the sorted codes round-robin.
    let mut sorted = encoded.clone();
    sorted.sort_unstable();
    let mut allocation = vec![vec![0usize; n_classes]; n_splits];
    for (i, &k) in sorted.iter().enumerate() {
        allocation[i % n_splits][k] += 1;
    }
    let mut test_fold = vec![0usize; n];
    for k in 0..n_classes {
        let mut folds_for_class: Vec<usize> = allocation
            .iter()
            .enumerate()
            .flat_map(|(f, per_class)| std::iter::repeat_n(f, per_class[k]))
            .collect();
        if let Some((s, repeat)) = shuffle {
            let mut rng = seed::rng(s, &format!("split/stratified/class{k}"), repeat);
            let order = seed::permutation(&mut rng, folds_for_class.len());
            folds_for_class = order.iter().map(|&i| folds_for_class[i]).collect();
        }
        let rows = (0..n).filter(|&i| encoded[i] == k);
        for (row, fold) in rows.zip(folds_for_class) {
            test_fold[row] = fold;
        }
    }
    let folds = (0..n_splits)
        .map(|f| complement(n, (0..n).filter(|&i| test_fold[i] == f).collect()))
        .collect();
    Ok(Splits { folds, warnings })
}
