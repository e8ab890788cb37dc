//! Isotonic regression by pool-adjacent-violators (PAVA; Ayer et al. 1955, Barlow et al. 1972;
//! the single-pass form of Best & Chakravarti 1990, §3), as scikit-learn's
//! `IsotonicRegression(increasing=True, out_of_bounds="clip")`.
//!
//! Fit: sort by x (ties by y); pool rows whose x differ by less than 1e-15 into one point
//! with their mean y and summed weight; the fit is the non-decreasing sequence ŷ minimising
//! Σⱼ wⱼ (yⱼ − ŷⱼ)², whose values are weighted means of blocks of adjacent points. Predict:
//! clip x to [x_min, x_max] and interpolate linearly between the fitted points (NumPy's
//! `interp`); one distinct x predicts its fitted value everywhere.

use serde::Serialize;

use crate::{Error, Result};

/// NumPy's `finfo(float64).resolution`: x values closer than this are one point.
const TIE: f64 = 1e-15;

/// The fitted step function: the points where the fitted value changes (first and last of
/// each constant run kept, as scikit-learn's `X_thresholds_`, `y_thresholds_`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IsotonicRegression {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
}

/// The non-decreasing least-squares fit to `y` with weights `w` (same length, w > 0).
pub fn pava(y: &[f64], w: &[f64]) -> Vec<f64> {
    // Blocks as (weighted mean, weight, length), merged while the last two violate order.
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(y.len());
    for (&v, &wt) in y.iter().zip(w) {
        blocks.push((v, wt, 1));
        while blocks.len() > 1 {
            let (m2, w2, n2) = blocks[blocks.len() - 1];
            let (m1, w1, n1) = blocks[blocks.len() - 2];
            if m1 < m2 {
                break;
            }
            blocks.truncate(blocks.len() - 2);
            let wsum = w1 + w2;
            blocks.push(((w1 * m1 + w2 * m2) / wsum, wsum, n1 + n2));
        }
    }
    blocks
        .iter()
        .flat_map(|&(m, _, n)| std::iter::repeat_n(m, n))
        .collect()
}

impl IsotonicRegression {
    /// Fits ŷ = f(x) non-decreasing to targets `y` (any reals; labels 0/1 for calibration).
    pub fn fit(x: &[f64], y: &[f64]) -> Result<Self> {
        if x.len() != y.len() || x.is_empty() {
            return Err(Error::input(format!(
                "isotonic regression needs one target per input ({} inputs, {} targets)",
                x.len(),
                y.len()
            )));
        }
        if x.iter().chain(y).any(|v| !v.is_finite()) {
            return Err(Error::input("isotonic regression needs finite inputs"));
        }
        let mut order: Vec<usize> = (0..x.len()).collect();
        order.sort_by(|&a, &b| x[a].total_cmp(&x[b]).then(y[a].total_cmp(&y[b])));
        // Pool tied x (scikit-learn's `_make_unique`).
        let (mut ux, mut uy, mut uw) = (Vec::new(), Vec::new(), Vec::new());
        let (mut cx, mut sy, mut sw) = (x[order[0]], 0.0, 0.0);
        for &i in &order {
            if x[i] - cx >= TIE {
                ux.push(cx);
                uy.push(sy / sw);
                uw.push(sw);
                (cx, sy, sw) = (x[i], 0.0, 0.0);
            }
            sy += y[i];
            sw += 1.0;
        }
        ux.push(cx);
        uy.push(sy / sw);
        uw.push(sw);
        let fitted = pava(&uy, &uw);
        let n = fitted.len();
        let keep = |j: usize| {
            j == 0 || j + 1 == n || fitted[j] != fitted[j - 1] || fitted[j] != fitted[j + 1]
        };
        let kept: Vec<usize> = (0..n).filter(|&j| keep(j)).collect();
        Ok(IsotonicRegression {
            x: kept.iter().map(|&j| ux[j]).collect(),
            y: kept.iter().map(|&j| fitted[j]).collect(),
        })
    }

    /// f(t): t clipped to the fitted range, then interpolated linearly.
    pub fn predict_one(&self, t: f64) -> f64 {
        let (x, y) = (&self.x, &self.y);
        let last = x.len() - 1;
        if last == 0 {
            return y[0];
        }
        let t = t.clamp(x[0], x[last]);
        // j with x[j] ≤ t < x[j + 1] (NumPy's `interp`).
        let j = x.partition_point(|&v| v <= t).saturating_sub(1);
        if j == last {
            return y[last];
        }
        if x[j] == t {
            return y[j];
        }
        let slope = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        slope * (t - x[j]) + y[j]
    }

    pub fn predict(&self, t: &[f64]) -> Vec<f64> {
        t.iter().map(|&v| self.predict_one(v)).collect()
    }
}
