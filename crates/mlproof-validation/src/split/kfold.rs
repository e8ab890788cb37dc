use mlproof_core::seed;
use mlproof_core::{Error, Result};

use super::{complement, Fold};

/// K-fold (scikit-learn's `KFold`): consecutive blocks of the (optionally shuffled) row
/// order; the first n mod k folds hold ⌊n/k⌋ + 1 rows, the rest ⌊n/k⌋.
pub fn k_fold(n: usize, n_splits: usize, shuffle_seed: Option<u64>) -> Result<Vec<Fold>> {
    if n_splits > n {
        return Err(Error::param(
            "n_splits",
            format!("{n_splits} is greater than the number of samples ({n})"),
        ));
    }
    let order = match shuffle_seed {
        Some(s) => seed::permutation(&mut seed::rng(s, "split/kfold", 0), n),
        None => (0..n).collect(),
    };
    let mut folds = Vec::with_capacity(n_splits);
    let mut start = 0;
    for k in 0..n_splits {
        let size = n / n_splits + usize::from(k < n % n_splits);
        let mut test = order[start..start + size].to_vec();
        test.sort_unstable();
        folds.push(complement(n, test));
        start += size;
    }
    Ok(folds)
}

/// Leave-one-out: n folds, each testing on one row and training on the other n − 1.
pub fn leave_one_out(n: usize) -> Result<Vec<Fold>> {
    if n < 2 {
        return Err(Error::input(format!(
            "leave-one-out needs at least two samples, got {n}"
        )));
    }
    if n > super::MAX_SPLITS {
        return Err(Error::usage(format!(
            "leave-one-out on {n} rows would fit {n} models; use k-fold (at most {} rows for LOO)",
            super::MAX_SPLITS
        )));
    }
    Ok((0..n).map(|i| complement(n, vec![i])).collect())
}
