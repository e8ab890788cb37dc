//! Regression metrics.

use super::check_same_length;
use super::sum::{mean, sum};
use crate::Result;

/// Mean squared error (1/n) Σ (yᵢ − ŷᵢ)².
pub fn mean_squared_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
    check_same_length(y_true.len(), y_pred.len())?;
    let sq: Vec<f64> = y_true
        .iter()
        .zip(y_pred)
        .map(|(t, p)| (t - p) * (t - p))
        .collect();
    Ok(mean(&sq))
}

/// Mean absolute error (1/n) Σ |yᵢ − ŷᵢ|.
pub fn mean_absolute_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
    check_same_length(y_true.len(), y_pred.len())?;
    let abs: Vec<f64> = y_true
        .iter()
        .zip(y_pred)
        .map(|(t, p)| (t - p).abs())
        .collect();
    Ok(mean(&abs))
}

/// Coefficient of determination R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)².
///
/// For a constant `y_true` scikit-learn (`force_finite=True`) returns 1.0 if the
/// predictions are perfect and 0.0 otherwise; with fewer than two samples it warns and
/// returns NaN. So does this.
pub fn r2(y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
    check_same_length(y_true.len(), y_pred.len())?;
    if y_true.len() < 2 {
        return Ok(f64::NAN);
    }
    let numerator = sum(y_true.iter().zip(y_pred).map(|(t, p)| (t - p) * (t - p)));
    let y_mean = mean(y_true);
    let denominator = sum(y_true.iter().map(|t| (t - y_mean) * (t - y_mean)));
    Ok(if denominator == 0.0 {
        if numerator == 0.0 {
            1.0
        } else {
            0.0
        }
    } else {
        1.0 - numerator / denominator
    })
}
