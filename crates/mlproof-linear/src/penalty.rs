//! The elastic-net penalty in scikit-learn's parametrisation.

use mlproof_core::{Error, Result};
use serde::Serialize;

/// α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖², with α > 0 the strength and ρ ∈ [0, 1] the L1 ratio:
/// ρ = 1 is the lasso, ρ = 0 ridge. scikit-learn's `ElasticNet(alpha=α, l1_ratio=ρ)` adds it
/// to 1/(2n)·‖y − Xw − b‖²; the intercept b is never penalised.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Penalty {
    pub alpha: f64,
    pub l1_ratio: f64,
}

impl Penalty {
    /// Checks α > 0 and finite, and ρ ∈ [0, 1].
    ///
    /// α = 0 (no penalty) is refused: it is ordinary least squares, or for logistic
    /// regression on separable data a fit whose coefficients run to infinity.
    pub fn new(alpha: f64, l1_ratio: f64) -> Result<Self> {
        if !(alpha.is_finite() && alpha > 0.0) {
            return Err(Error::param(
                "alpha",
                format!("must be a finite number > 0 (the penalty strength), got {alpha}"),
            ));
        }
        check_l1_ratio(l1_ratio)?;
        Ok(Penalty { alpha, l1_ratio })
    }

    /// The lasso: ρ = 1.
    pub fn lasso(alpha: f64) -> Result<Self> {
        Self::new(alpha, 1.0)
    }

    /// Ridge in the elastic-net form: ρ = 0 (scikit-learn's `Ridge(alpha = α·n)`).
    pub fn ridge(alpha: f64) -> Result<Self> {
        Self::new(alpha, 0.0)
    }

    /// The weight on ‖w‖₁: α·ρ.
    pub fn l1(&self) -> f64 {
        self.alpha * self.l1_ratio
    }

    /// The weight on ‖w‖²/2: α·(1 − ρ).
    pub fn l2(&self) -> f64 {
        self.alpha * (1.0 - self.l1_ratio)
    }

    /// The penalty's value at `w`.
    pub fn value(&self, w: &[f64]) -> f64 {
        let l1: f64 = w.iter().map(|v| v.abs()).sum();
        let l2: f64 = w.iter().map(|v| v * v).sum();
        self.l1() * l1 + 0.5 * self.l2() * l2
    }

    /// The same ρ at another α.
    pub fn with_alpha(&self, alpha: f64) -> Self {
        Penalty { alpha, ..*self }
    }
}

/// Checks ρ ∈ [0, 1].
pub fn check_l1_ratio(l1_ratio: f64) -> Result<()> {
    if !(0.0..=1.0).contains(&l1_ratio) {
        return Err(Error::param(
            "l1_ratio",
            format!("must be in [0, 1] (0 is ridge, 1 the lasso), got {l1_ratio}"),
        ));
    }
    Ok(())
}

/// Soft thresholding S(z, γ) = sign(z)·max(|z| − γ, 0), the proximal map of γ|·|.
pub fn soft_threshold(z: f64, gamma: f64) -> f64 {
    if z > gamma {
        z - gamma
    } else if z < -gamma {
        z + gamma
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_parameters_are_usage_errors() {
        for (a, r) in [
            (-1.0, 0.5),
            (0.0, 0.5),
            (f64::NAN, 0.5),
            (1.0, 1.5),
            (1.0, -0.1),
        ] {
            let e = Penalty::new(a, r).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{a} {r}: {e}");
        }
        assert!(Penalty::new(0.1, 0.0).is_ok() && Penalty::new(0.1, 1.0).is_ok());
    }

    #[test]
    fn value_splits_the_penalty_by_the_ratio() {
        let p = Penalty::new(2.0, 0.25).unwrap();
        // 2·0.25·3 + 2·0.75/2·5 = 1.5 + 3.75
        assert!((p.value(&[1.0, -2.0]) - 5.25).abs() < 1e-12);
        assert_eq!(soft_threshold(3.0, 1.0), 2.0);
        assert_eq!(soft_threshold(-3.0, 1.0), -2.0);
        assert_eq!(soft_threshold(0.5, 1.0), 0.0);
    }
}
