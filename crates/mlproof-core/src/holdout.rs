//! A stratified train/test hold-out.

use mlproof_data::seed;

use crate::{Error, Result};

/// Row indices of a stratified hold-out: each class contributes
/// ⌈test_fraction · n_class⌉ rows to the test set (at least one, and never all), drawn with
/// the seed stream `"holdout"`. Indices are returned sorted.
///
/// The allocation rounds up per class so the minority class is never absent from the test
/// set; scikit-learn's `train_test_split(stratify=y)` rounds the total and may differ by a
/// row per class. The shuffle cannot equal NumPy's.
pub fn stratified_holdout(
    y: &[usize],
    n_classes: usize,
    test_fraction: f64,
    seed: u64,
) -> Result<(Vec<usize>, Vec<usize>)> {
    if !(test_fraction > 0.0 && test_fraction < 1.0) {
        return Err(Error::usage(format!(
            "test fraction {test_fraction} is out of range; use a value strictly between 0 and 1"
        )));
    }
    let mut rng = seed::rng(seed, "holdout", 0);
    let mut train = Vec::new();
    let mut test = Vec::new();
    for class in 0..n_classes {
        let members: Vec<usize> = (0..y.len()).filter(|&i| y[i] == class).collect();
        if members.is_empty() {
            continue;
        }
        if members.len() < 2 {
            return Err(Error::input(format!(
                "class code {class} has a single row; a stratified hold-out needs at least two rows of every class"
            )));
        }
        let n_test =
            ((test_fraction * members.len() as f64).ceil() as usize).clamp(1, members.len() - 1);
        let order = seed::permutation(&mut rng, members.len());
        test.extend(order[..n_test].iter().map(|&k| members[k]));
        train.extend(order[n_test..].iter().map(|&k| members[k]));
    }
    train.sort_unstable();
    test.sort_unstable();
    Ok((train, test))
}

#[cfg(test)]
mod tests;
