//! What every learner checks before it fits (scikit-learn's `check_X_y`): rows to learn
//! from, one label or target per row, finite values, and for a classifier both classes.

use ndarray::{Array1, Array2};

use crate::{Error, Result};

/// Training rows of a binary classifier: at least one row, `y.len()` rows, finite features,
/// labels 0 and 1 both present.
pub fn check_training(x: &Array2<f64>, y: &Array1<usize>) -> Result<()> {
    check_rows(x, y.len())?;
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
    if let Some(i) = y.iter().position(|v| !v.is_finite()) {
        return Err(Error::Input(format!(
            "target of training row {i} is {}; regression needs finite targets",
            y[i]
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
