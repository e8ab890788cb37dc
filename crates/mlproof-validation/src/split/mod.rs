//! Cross-validation splitters, index-identical to scikit-learn's for the same parameters.
//!
//! Without shuffling every splitter is deterministic and equals scikit-learn exactly (the
//! fixtures in `tests/oracle/fixtures/splits.json` pin it). With shuffling, the order comes
//! from mlproof's seed stream `"split"`, which cannot equal NumPy's generator: the folds
//! have scikit-learn's sizes and class allocation, not its members.

mod kfold;
mod stratified;
mod time_series;

use serde::Serialize;

use mlproof_core::{Error, Result};

pub use kfold::{k_fold, leave_one_out};
pub use stratified::{repeated_stratified_k_fold, stratified_k_fold};
pub use time_series::time_series_split;

/// The most folds a splitter may make (leave-one-out is bounded by the rows instead).
pub const MAX_SPLITS: usize = 10_000;

/// One train/test split: row indices, each list ascending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fold {
    pub train: Vec<usize>,
    pub test: Vec<usize>,
}

/// Folds plus the warnings scikit-learn would raise for the same parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Splits {
    pub folds: Vec<Fold>,
    pub warnings: Vec<String>,
}

/// A splitter with checked parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Splitter {
    KFold {
        n_splits: usize,
        shuffle: bool,
    },
    Stratified {
        n_splits: usize,
        shuffle: bool,
    },
    RepeatedStratified {
        n_splits: usize,
        n_repeats: usize,
    },
    LeaveOneOut,
    TimeSeries {
        n_splits: usize,
        max_train_size: Option<usize>,
        test_size: Option<usize>,
        gap: usize,
    },
}

impl Splitter {
    /// Checks what can be checked without the data (scikit-learn's constructor checks).
    pub fn check(self) -> Result<Self> {
        let n_splits = match &self {
            Splitter::KFold { n_splits, .. }
            | Splitter::Stratified { n_splits, .. }
            | Splitter::RepeatedStratified { n_splits, .. }
            | Splitter::TimeSeries { n_splits, .. } => Some(*n_splits),
            Splitter::LeaveOneOut => None,
        };
        if let Some(k) = n_splits {
            if k > MAX_SPLITS {
                return Err(Error::param(
                    "n_splits",
                    format!("{k} is more than the {MAX_SPLITS} mlproof allows"),
                ));
            }
            if k < 2 {
                return Err(Error::param(
                    "n_splits",
                    format!(
                        "must be 2 or more: cross-validation needs at least one train/test split (got {k})"
                    ),
                ));
            }
        }
        if let Splitter::RepeatedStratified { n_repeats, .. } = self {
            if !(1..=1000).contains(&n_repeats) {
                return Err(Error::param(
                    "n_repeats",
                    format!("must be between 1 and 1000, got {n_repeats}"),
                ));
            }
        }
        if let Splitter::TimeSeries {
            max_train_size,
            test_size,
            ..
        } = &self
        {
            for (name, value) in [("max_train_size", max_train_size), ("test_size", test_size)] {
                if *value == Some(0) {
                    return Err(Error::param(name, "must be at least 1 (got 0)"));
                }
            }
        }
        Ok(self)
    }

    /// Whether the splitter needs class labels.
    pub fn needs_labels(&self) -> bool {
        matches!(
            self,
            Splitter::Stratified { .. } | Splitter::RepeatedStratified { .. }
        )
    }

    /// The folds over `n` rows; `y` (class codes) is required by the stratified splitters.
    pub fn split(&self, n: usize, y: Option<&[usize]>, seed: u64) -> Result<Splits> {
        let labels = || {
            y.ok_or_else(|| {
                Error::input("stratified splitting needs class labels (a class target)")
            })
        };
        match *self {
            Splitter::KFold { n_splits, shuffle } => {
                plain(k_fold(n, n_splits, shuffle.then_some(seed)))
            }
            Splitter::Stratified { n_splits, shuffle } => {
                stratified_k_fold(labels()?, n_splits, shuffle.then_some(seed))
            }
            Splitter::RepeatedStratified {
                n_splits,
                n_repeats,
            } => repeated_stratified_k_fold(labels()?, n_splits, n_repeats, seed),
            Splitter::LeaveOneOut => plain(leave_one_out(n)),
            Splitter::TimeSeries {
                n_splits,
                max_train_size,
                test_size,
                gap,
            } => plain(time_series_split(
                n,
                n_splits,
                max_train_size,
                test_size,
                gap,
            )),
        }
    }
}

fn plain(folds: Result<Vec<Fold>>) -> Result<Splits> {
    Ok(Splits {
        folds: folds?,
        warnings: Vec::new(),
    })
}

/// The fold whose test rows are `test` (ascending), training on every other row.
fn complement(n: usize, test: Vec<usize>) -> Fold {
    let mut in_test = vec![false; n];
    test.iter().for_each(|&i| in_test[i] = true);
    Fold {
        train: (0..n).filter(|&i| !in_test[i]).collect(),
        test,
    }
}

#[cfg(test)]
mod tests;
