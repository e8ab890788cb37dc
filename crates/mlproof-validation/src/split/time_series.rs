use mlproof_core::{Error, Result};

use super::Fold;

/// Time-series split (scikit-learn's `TimeSeriesSplit`): k test blocks of `test_size` rows
/// (default ⌊n/(k+1)⌋) at the end of the series; each trains on the rows before its block
/// less a `gap` (rows skipped so that labels built from overlapping windows cannot leak),
/// keeping only the last `max_train_size` rows when given. No test row ever precedes a
/// training row.
pub fn time_series_split(
    n: usize,
    n_splits: usize,
    max_train_size: Option<usize>,
    test_size: Option<usize>,
    gap: usize,
) -> Result<Vec<Fold>> {
    let n_folds = n_splits.saturating_add(1);
    if n_folds > n {
        return Err(Error::param(
            "n_splits",
            format!("{n_splits} needs {n_folds} blocks (n_splits + 1), more than the {n} samples"),
        ));
    }
    let test_size = test_size.unwrap_or_else(|| n / n_folds);
    let needed = test_size
        .checked_mul(n_splits)
        .and_then(|t| t.checked_add(gap));
    if needed.is_none_or(|needed| needed >= n) {
        return Err(Error::param(
            "n_splits",
            format!(
                "{n_splits} with test size {test_size} and gap {gap} leaves no training data \
                 among {n} samples; use fewer splits, a smaller test size or a smaller gap"
            ),
        ));
    }
    let first_test = n - n_splits * test_size;
    Ok((0..n_splits)
        .map(|k| {
            let test_start = first_test + k * test_size;
            let train_end = test_start - gap;
            let train_start = match max_train_size {
                Some(m) if m < train_end => train_end - m,
                _ => 0,
            };
            Fold {
                train: (train_start..train_end).collect(),
                test: (test_start..(test_start + test_size).min(n)).collect(),
            }
        })
        .collect())
}
