//! What every learner checks before it fits (scikit-learn's `check_X_y`): rows to learn
//! from, one label or target per row, finite values, and for a classifier both classes.

use ndarray::{Array1, Array2};

use crate::{Error, Result};

/// Training rows of a binary classifier: at least one row, `y.len()` rows, finite features,
/// labels 0 and 1 both present.
pub fn check_training(x: &Array2<f64>, y: &Array1<usize>) -> Result<()> {
    check_rows(x, y.len())?;
    match y.as_slice() {
        Some(labels) => check_binary_labels(labels),
        None => check_binary_labels(&y.to_vec()),
    }
}

/// Labels of a binary classifier's training rows: 0 and 1 only, both present.
pub fn check_binary_labels(y: &[usize]) -> Result<()> {
    if let Some(v) = y.iter().find(|&&v| v > 1) {
        return Err(Error::Input(format!(
            "binary labels are 0 and 1; these training rows have label {v}"
        )));
    }
    let positives = y.iter().filter(|&&v| v == 1).count();
    if positives == 0 || positives == y.len() {
        return Err(Error::Input(format!(
            "a classifier needs both classes in its training rows; these {} rows are all class {}",
            y.len(),
            usize::from(positives > 0)
        )));
    }
    Ok(())
}

/// Training rows of a regressor: at least one row, `y.len()` rows, finite features and targets.
pub fn check_regression(x: &Array2<f64>, y: &Array1<f64>) -> Result<()> {
    check_rows(x, y.len())?;
    check_regression_targets(y.iter())
}

/// Targets of a regressor's training rows: finite numbers.
pub fn check_regression_targets<'a>(y: impl IntoIterator<Item = &'a f64>) -> Result<()> {
    if let Some((i, v)) = y.into_iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(Error::Input(format!(
            "target of training row {i} is {v}; regression needs finite targets"
        )));
    }
    Ok(())
}

fn check_rows(x: &Array2<f64>, n_labels: usize) -> Result<()> {
    if x.nrows() == 0 {
        return Err(Error::Input("no training rows to fit on".into()));
    }
    if x.nrows() != n_labels {
        return Err(Error::Input(format!(
            "{} training rows but {n_labels} labels",
            x.nrows()
        )));
    }
    if let Some(((i, j), v)) = x.indexed_iter().find(|(_, v)| !v.is_finite()) {
        return Err(Error::Input(format!(
            "feature {j} of training row {i} is {v}; models need finite values (fill or drop it)"
        )));
    }
    Ok(())
}
