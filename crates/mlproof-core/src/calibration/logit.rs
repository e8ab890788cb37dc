//! Logistic regressions on the logit of a prediction: the calibration intercept and slope,
//! and Platt scaling.
//!
//! Both minimise the logistic loss L(a, b) = Σᵢ [ln(1 + e^ηᵢ) − tᵢ ηᵢ] with ηᵢ = a + b·sᵢ,
//! sᵢ = logit(pᵢ) = ln(pᵢ / (1 − pᵢ)), by Newton's method with step halving (gradient
//! Σ (σ(ηᵢ) − tᵢ)[1, sᵢ], Hessian Σ σ(ηᵢ)(1 − σ(ηᵢ))[1, sᵢ][1, sᵢ]ᵀ).
//!
//! - **Calibration slope** b: the fit with tᵢ = yᵢ (Cox 1958, *Biometrika* 45:562). b = 1 is
//!   ideal; b < 1 means the predictions are too extreme (overfit), b > 1 too modest.
//! - **Calibration intercept** a with the slope fixed at 1 (ηᵢ = a + sᵢ, the logit as an
//!   offset): calibration-in-the-large; a < 0 means the model predicts too many positives
//!   (Van Calster et al. 2016, *J. Clin. Epidemiol.* 74:167; 2019, *BMC Medicine* 17:230).
//! - **Platt scaling** (Platt 1999, "Probabilistic outputs for SVMs"): p' = σ(a + b·s) with
//!   Platt's smoothed targets t₊ = (N₊ + 1)/(N₊ + 2) for positives and t₋ = 1/(N₋ + 2) for
//!   negatives, as scikit-learn's `CalibratedClassifierCV(method="sigmoid")` (which writes
//!   p' = 1/(1 + exp(A·s + B)), A = −b, B = −a).

use serde::Serialize;

use crate::{Error, Result};

/// Predictions are clipped to [ε, 1 − ε] before the logit, so 0 and 1 stay finite.
pub const LOGIT_EPS: f64 = 1e-15;

/// ln(p / (1 − p)), p clipped to [ε, 1 − ε].
pub fn logit(p: f64) -> f64 {
    let p = p.clamp(LOGIT_EPS, 1.0 - LOGIT_EPS);
    (p / (1.0 - p)).ln()
}

fn sigmoid(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        let e = t.exp();
        e / (1.0 + e)
    }
}

fn log1p_exp(t: f64) -> f64 {
    if t > 0.0 {
        t + (-t).exp().ln_1p()
    } else {
        t.exp().ln_1p()
    }
}

/// Minimises L over (a, b), or over a alone with b fixed; `None` when Newton's method does
/// not converge (a separable fit whose slope runs off to infinity).
fn fit(s: &[f64], t: &[f64], fixed_slope: Option<f64>) -> Option<(f64, f64)> {
    let loss = |a: f64, b: f64| -> f64 {
        s.iter()
            .zip(t)
            .map(|(&si, &ti)| {
                let eta = a + b * si;
                log1p_exp(eta) - ti * eta
            })
            .sum()
    };
    let (mut a, mut b) = (0.0, fixed_slope.unwrap_or(0.0));
    let mut f = loss(a, b);
    for _ in 0..100 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (&si, &ti) in s.iter().zip(t) {
            let q = sigmoid(a + b * si);
            let (r, h) = (q - ti, q * (1.0 - q));
            ga += r;
            gb += r * si;
            haa += h;
            hab += h * si;
            hbb += h * si * si;
        }
        let (da, db) = match fixed_slope {
            Some(_) => (ga / haa, 0.0),
            None => {
                let det = haa * hbb - hab * hab;
                ((hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det)
            }
        };
        if !(da.is_finite() && db.is_finite()) {
            return None;
        }
        let mut step = 1.0;
        loop {
            let (na, nb) = (a - step * da, b - step * db);
            let fc = loss(na, nb);
            if fc <= f || step < 1e-10 {
                let done = (f - fc).abs() <= 1e-14 * (1.0 + f.abs())
                    && (step * da).abs().max((step * db).abs()) <= 1e-9;
                (a, b, f) = (na, nb, fc);
                if done {
                    return (a.is_finite() && b.is_finite() && b.abs() < 1e6).then_some((a, b));
                }
                break;
            }
            step *= 0.5;
        }
    }
    None
}

/// The calibration intercept (slope fixed at 1) and slope of predictions `p` for labels `y`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CalibrationFit {
    /// Calibration-in-the-large: a in logit P(y = 1) = a + logit(p). Ideal 0.
    pub intercept: f64,
    /// b in logit P(y = 1) = a' + b·logit(p). Ideal 1.
    pub slope: f64,
}

/// Fits both regressions; NaN where a fit does not converge (labels of one class, or
/// predictions that separate the classes perfectly).
pub fn logistic_recalibration(y: &[usize], p: &[f64]) -> CalibrationFit {
    let s: Vec<f64> = p.iter().map(|&v| logit(v)).collect();
    let t: Vec<f64> = y.iter().map(|&v| f64::from(u8::from(v == 1))).collect();
    CalibrationFit {
        intercept: fit(&s, &t, Some(1.0)).map_or(f64::NAN, |(a, _)| a),
        slope: fit(&s, &t, None).map_or(f64::NAN, |(_, b)| b),
    }
}

/// A fitted Platt scaling: p' = σ(a + b·logit(p)).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Platt {
    pub a: f64,
    pub b: f64,
}

impl Platt {
    /// Fits on predictions `p` of rows with labels `y` (both classes needed).
    pub fn fit(y: &[usize], p: &[f64]) -> Result<Platt> {
        let n1 = y.iter().filter(|&&v| v == 1).count();
        let n0 = y.len() - n1;
        if n1 == 0 || n0 == 0 {
            return Err(Error::input(
                "Platt scaling needs both classes among its calibration rows",
            ));
        }
        let (t1, t0) = (
            (n1 as f64 + 1.0) / (n1 as f64 + 2.0),
            1.0 / (n0 as f64 + 2.0),
        );
        let s: Vec<f64> = p.iter().map(|&v| logit(v)).collect();
        let t: Vec<f64> = y.iter().map(|&v| if v == 1 { t1 } else { t0 }).collect();
        let (a, b) = fit(&s, &t, None)
            .ok_or_else(|| Error::internal("Platt scaling: Newton's method did not converge"))?;
        Ok(Platt { a, b })
    }

    pub fn predict_one(&self, p: f64) -> f64 {
        sigmoid(self.a + self.b * logit(p))
    }

    pub fn predict(&self, p: &[f64]) -> Vec<f64> {
        p.iter().map(|&v| self.predict_one(v)).collect()
    }
}
