//! Partial dependence and individual conditional expectation (ICE), model-agnostic, by brute
//! force: scikit-learn's `sklearn.inspection.partial_dependence(method="brute")`.
//!
//! For a feature j and grid values g₁ … g_K, the ICE curve of row i is
//! ICEᵢ(g) = f(xᵢ with x_j := g) (Goldstein et al. 2015, "Peeking inside the black box",
//! *JCGS* 24), and the partial dependence is their mean over the rows,
//! PD(g) = (1/n) Σᵢ ICEᵢ(g) (Friedman 2001, "Greedy function approximation", §8.2). f is
//! P(y = 1), the positive-class output scikit-learn reports for a binary classifier.
//!
//! The grid is scikit-learn's `_grid_from_X`: the column's sorted unique values when there are
//! fewer than `grid_resolution` of them, otherwise `grid_resolution` evenly spaced points
//! (NumPy's `linspace`) between two empirical quantiles of the column taken with SciPy's
//! `mquantiles` (Hyndman & Fan 1996 with αₚ = βₚ = 0.4), by default the 5th and 95th.

use ndarray::Array2;
use serde::Serialize;

use crate::model::FittedBinary;
use crate::{Error, Result};

/// How the grid was built.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum GridKind {
    /// The column's unique values (fewer than the resolution asked for).
    Unique,
    /// Evenly spaced between these quantiles of the column.
    Percentiles { lower: f64, upper: f64 },
}

/// The grid values of one feature.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grid {
    pub values: Vec<f64>,
    #[serde(flatten)]
    pub kind: GridKind,
}

/// SciPy's `mquantiles(x, prob=p)` with its defaults αₚ = βₚ = 0.4 on ascending `sorted`:
/// m = αₚ + p(1 − αₚ − βₚ), a = n·p + m, k = ⌊clip(a, 1, n − 1)⌋, γ = clip(a − k, 0, 1),
/// q = (1 − γ)·x₍ₖ₎ + γ·x₍ₖ₊₁₎ (1-based order statistics).
pub fn mquantile(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        1 => sorted[0],
        _ => {
            let (alpha, beta) = (0.4, 0.4);
            let m = alpha + p * (1.0 - alpha - beta);
            let a = n as f64 * p + m;
            let k = a.clamp(1.0, (n - 1) as f64).floor();
            let gamma = (a - k).clamp(0.0, 1.0);
            let k = k as usize;
            (1.0 - gamma) * sorted[k - 1] + gamma * sorted[k]
        }
    }
}

/// NumPy's `linspace(start, stop, num)`: start + i·(stop − start)/(num − 1), the last point
/// exactly `stop`.
pub fn linspace(start: f64, stop: f64, num: usize) -> Vec<f64> {
    let step = (stop - start) / (num.max(2) - 1) as f64;
    let mut v: Vec<f64> = (0..num).map(|i| start + i as f64 * step).collect();
    if let Some(last) = v.last_mut() {
        *last = stop;
    }
    v
}

/// scikit-learn's `_grid_from_X` for one numeric column (see the module documentation).
/// Errors as scikit-learn does: a resolution under 2, percentiles outside [0, 1] or not
/// increasing, or quantiles too close to build a grid (NumPy's `allclose`).
pub fn grid(column: &[f64], percentiles: (f64, f64), grid_resolution: usize) -> Result<Grid> {
    if grid_resolution < 2 {
        return Err(Error::param(
            "grid_resolution",
            format!("must be at least 2, got {grid_resolution}"),
        ));
    }
    let (lo, hi) = percentiles;
    if !((0.0..=1.0).contains(&lo) && (0.0..=1.0).contains(&hi) && lo < hi) {
        return Err(Error::param(
            "percentiles",
            format!("must satisfy 0 ≤ lower < upper ≤ 1, got ({lo}, {hi})"),
        ));
    }
    if column.iter().any(|v| !v.is_finite()) {
        return Err(Error::input("the feature has missing or infinite values"));
    }
    let mut sorted = column.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut unique = sorted.clone();
    unique.dedup();
    if unique.len() < grid_resolution {
        return Ok(Grid {
            values: unique,
            kind: GridKind::Unique,
        });
    }
    let (lower, upper) = (mquantile(&sorted, lo), mquantile(&sorted, hi));
    if (lower - upper).abs() <= 1e-8 + 1e-5 * upper.abs() {
        return Err(Error::input(format!(
            "the {}th and {}th percentiles of the feature are equal ({lower}): no grid between them",
            100.0 * lo,
            100.0 * hi
        )));
    }
    Ok(Grid {
        values: linspace(lower, upper, grid_resolution),
        kind: GridKind::Percentiles { lower, upper },
    })
}

/// Partial dependence of one feature: the grid, the mean curve and every row's ICE curve.
#[derive(Debug, Clone, Serialize)]
pub struct PartialDependence {
    pub feature: usize,
    pub grid: Grid,
    /// PD(g) at each grid value.
    pub average: Vec<f64>,
    /// ICEᵢ(g): one curve per row, one value per grid value.
    pub individual: Vec<Vec<f64>>,
}

/// Brute-force partial dependence of `feature` for `fitted` over the rows of `x`, on `grid`.
pub fn partial_dependence(
    fitted: &dyn FittedBinary,
    x: &Array2<f64>,
    feature: usize,
    grid: Grid,
) -> Result<PartialDependence> {
    if feature >= x.ncols() {
        return Err(Error::input(format!(
            "feature {feature} is outside the {} columns",
            x.ncols()
        )));
    }
    let columns: Vec<Vec<f64>> = grid
        .values
        .iter()
        .map(|&g| {
            let mut xe = x.clone();
            xe.column_mut(feature).fill(g);
            fitted.predict_proba(&xe).to_vec()
        })
        .collect();
    let n = x.nrows();
    let individual = (0..n)
        .map(|i| columns.iter().map(|c| c[i]).collect())
        .collect();
    let average = columns
        .iter()
        .map(|c| c.iter().sum::<f64>() / n.max(1) as f64)
        .collect();
    Ok(PartialDependence {
        feature,
        grid,
        average,
        individual,
    })
}

#[cfg(test)]
mod tests;
