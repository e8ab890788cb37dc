//! The exact minimiser of a penalised quadratic on a known support:
//!
//!   q(β) = ½·βᵀHβ − cᵀβ + λ₁·Σⱼ≥ₖ |βⱼ| + λ₂/2·Σⱼ≥ₖ βⱼ²,
//!
//! with the first k coordinates unpenalised (an intercept). Where the support A and the signs
//! s of the minimiser are known, its gradient conditions are linear:
//! (H_AA + λ₂·I)·β_A = c_A − λ₁·s_A (no λ on the unpenalised coordinates), one Cholesky
//! solve in O(|A|³). Coordinate descent finds A and s quickly but converges on them only
//! linearly, at a rate set by H's condition number (thousands of sweeps on collinear
//! columns); this solve finishes the job. The result is kept only if it is the minimiser:
//! signs unchanged, |cⱼ − (Hβ)ⱼ| ≤ λ₁ off the support, and q no larger than at the point
//! coordinate descent reached (the safety net for a singular H_AA, e.g. collinear one-hot
//! columns, where Cholesky's answer is rounding noise).

use mlproof_core::model::cholesky_solve;
use ndarray::{Array1, Array2};

/// The quadratic's coefficients: H, c, λ₁, λ₂ and the number k of leading unpenalised
/// coordinates.
pub struct Quadratic<'a> {
    pub h: &'a Array2<f64>,
    pub c: &'a Array1<f64>,
    pub l1: f64,
    pub l2: f64,
    pub unpenalised: usize,
}

impl Quadratic<'_> {
    /// q(β) given Hβ.
    pub fn value(&self, beta: &Array1<f64>, hb: &Array1<f64>) -> f64 {
        let k = self.unpenalised;
        let pen = beta.iter().skip(k);
        let (a, s) = pen.fold((0.0, 0.0), |(a, s), v| (a + v.abs(), s + v * v));
        0.5 * beta.dot(hb) - self.c.dot(beta) + self.l1 * a + 0.5 * self.l2 * s
    }

    /// The minimiser on the support and signs of `beta`, if it is the minimiser overall and
    /// no worse than `beta` (whose Hβ is `hb`).
    pub fn on_support(&self, beta: &Array1<f64>, hb: &Array1<f64>) -> Option<Array1<f64>> {
        let (h, c, k) = (self.h, self.c, self.unpenalised);
        let active: Vec<usize> = (0..c.len())
            .filter(|&j| (j < k || beta[j] != 0.0) && h[[j, j]] > 0.0)
            .collect();
        let m = active.len();
        let mut a = Array2::zeros((m, m));
        let mut rhs = Array1::zeros(m);
        for (r, &i) in active.iter().enumerate() {
            for (s, &j) in active.iter().enumerate() {
                a[[r, s]] = h[[i, j]];
            }
            rhs[r] = c[i];
            if i >= k {
                a[[r, r]] += self.l2;
                rhs[r] -= self.l1 * beta[i].signum();
            }
        }
        let sol = cholesky_solve(&a, &rhs)?;
        let mut exact = Array1::zeros(c.len());
        for (r, &i) in active.iter().enumerate() {
            if !sol[r].is_finite()
                || (i >= k && self.l1 > 0.0 && sol[r].signum() != beta[i].signum())
            {
                return None;
            }
            exact[i] = sol[r];
        }
        let hx = h.dot(&exact);
        let slack = 1e-12 * (1.0 + self.l1);
        let optimal = (k..c.len())
            .filter(|&j| exact[j] == 0.0 && h[[j, j]] > 0.0)
            .all(|j| (c[j] - hx[j]).abs() <= self.l1 + slack);
        let no_worse = self.value(&exact, &hx) <= self.value(beta, hb);
        (optimal && no_worse).then_some(exact)
    }
}
