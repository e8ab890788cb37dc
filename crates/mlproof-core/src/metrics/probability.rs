//! Metrics of predicted probabilities.

use super::{check_binary, check_same_length};
use crate::{Error, Result};

fn check_probabilities(p: &[f64]) -> Result<()> {
    match p.iter().find(|v| !(0.0..=1.0).contains(*v)) {
        Some(v) => Err(Error::input(format!(
            "probabilities must lie in [0, 1], found {v}"
        ))),
        None => Ok(()),
    }
}

/// Log loss −(1/n) Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], with pᵢ = P(yᵢ = 1), as
/// scikit-learn's `log_loss(y_true, p, labels=[0, 1])`: both columns (1 − p, p) are
/// clipped to [ε, 1 − ε] with ε the `f64` machine epsilon, so a confident mistake costs
/// about 36 nats, not infinity.
pub fn log_loss(y_true: &[usize], p: &[f64]) -> Result<f64> {
    check_same_length(y_true.len(), p.len())?;
    check_binary(y_true)?;
    check_probabilities(p)?;
    let eps = f64::EPSILON;
    let losses: Vec<f64> = y_true
        .iter()
        .zip(p)
        .map(|(&y, &p)| {
            let chosen = if y == 1 { p } else { 1.0 - p };
            -chosen.clamp(eps, 1.0 - eps).ln()
        })
        .collect();
    Ok(super::sum::mean(&losses))
}

/// Brier score (1/n) Σ (pᵢ − yᵢ)², computed as scikit-learn does: half the two-column
/// squared error of (1 − p, p) against the one-hot labels (`scale_by_half="auto"`).
pub fn brier_score(y_true: &[usize], p: &[f64]) -> Result<f64> {
    check_same_length(y_true.len(), p.len())?;
    check_binary(y_true)?;
    check_probabilities(p)?;
    let squares: Vec<f64> = y_true
        .iter()
        .zip(p)
        .map(|(&y, &p)| {
            let y = y as f64;
            ((1.0 - y) - (1.0 - p)).powi(2) + (y - p).powi(2)
        })
        .collect();
    Ok(super::sum::mean(&squares) * 0.5)
}
