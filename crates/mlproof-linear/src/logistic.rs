//! Logistic regression with an L1, elastic-net or L2 penalty, by proximal Newton steps
//! whose inner problem is solved by coordinate descent (glmnet's algorithm: Friedman,
//! Hastie & Tibshirani, JSS 2010, §3). No Rust library here fits an L1 logistic model.
//!
//! Minimises, with ηᵢ = b + xᵢ·w and yᵢ ∈ {0, 1},
//!
//!   F(w, b) = (1/n)·Σᵢ [ln(1 + e^ηᵢ) − yᵢ·ηᵢ] + α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖²,
//!
//! which is scikit-learn's `LogisticRegression(C = 1/(n·α), l1_ratio = ρ)` divided by n·C.
//! Each outer step replaces the log-likelihood by its quadratic model at the current
//! point, with weights vᵢ = pᵢ(1 − pᵢ) and working residuals (yᵢ − pᵢ)/vᵢ, minimises
//! model + penalty exactly by coordinate descent, and halves the step until F decreases.

use mlproof_core::{Error, Result};
use ndarray::{Array1, Array2};

use crate::enet::LinearFit;
use crate::penalty::{soft_threshold, Penalty};

/// Outer iterations stop when no coefficient moves more than this.
pub const TOLERANCE: f64 = 1e-10;
const MAX_NEWTON: usize = 200;
const MAX_SWEEPS: usize = 100_000;
/// glmnet's floor on the weights pᵢ(1 − pᵢ), which keeps the quadratic model bounded.
const MIN_WEIGHT: f64 = 1e-5;

/// Standardised features, stored column-major for the coordinate sweeps, and 0/1 labels.
pub struct LogisticProblem {
    /// Xᵀ: row j is feature j.
    xt: Array2<f64>,
    y: Array1<f64>,
}

impl LogisticProblem {
    /// Checks that both classes occur.
    pub fn new(z: &Array2<f64>, y: &[usize]) -> Result<Self> {
        let ones = y.iter().filter(|&&v| v == 1).count();
        if ones == 0 || ones == y.len() {
            return Err(Error::input(
                "logistic regression needs both classes in its training rows; these rows have one",
            ));
        }
        Ok(LogisticProblem {
            xt: z.t().as_standard_layout().to_owned(),
            y: y.iter().map(|&v| v as f64).collect(),
        })
    }

    fn n(&self) -> f64 {
        self.y.len() as f64
    }

    /// The fit with every coefficient zero: b = logit(ȳ).
    pub fn null_fit(&self) -> LinearFit {
        let m = self.y.mean().unwrap_or(0.5);
        LinearFit {
            coef: Array1::zeros(self.xt.nrows()),
            intercept: (m / (1.0 - m)).ln(),
            n_iter: 0,
        }
    }

    /// The smallest α at which every coefficient is zero: ‖Xᵀ(y − ȳ)‖∞/(n·ρ).
    pub fn alpha_max(&self, l1_ratio: f64) -> f64 {
        let m = self.y.mean().unwrap_or(0.5);
        let r = self.y.mapv(|v| v - m);
        let top = self.xt.dot(&r).iter().fold(0.0f64, |a, v| a.max(v.abs()));
        top / (self.n() * l1_ratio)
    }

    /// F at β = [b; w], given its linear predictor `eta`.
    fn objective(&self, eta: &Array1<f64>, beta: &Array1<f64>, penalty: Penalty) -> f64 {
        let nll: f64 = eta
            .iter()
            .zip(&self.y)
            .map(|(&e, &y)| log1p_exp(e) - y * e)
            .sum();
        let w: Vec<f64> = beta.iter().skip(1).copied().collect();
        nll / self.n() + penalty.value(&w)
    }

    /// Minimises F from `start` (a warm start, or [`LogisticProblem::null_fit`]).
    ///
    /// The inner coordinate descent works on the weighted Gram matrix H = X̃ᵀVX̃/n of the
    /// design with an intercept column, X̃ = [1, X], built once per Newton step in O(n·p²):
    /// a sweep then costs O(p²) whatever n is, which matters because one-hot columns are
    /// collinear and need thousands of sweeps at small α.
    pub fn solve(&self, penalty: Penalty, start: &LinearFit) -> Result<LinearFit> {
        let p = self.xt.nrows();
        // β = [b; w]
        let mut beta =
            Array1::from_iter(std::iter::once(start.intercept).chain(start.coef.iter().copied()));
        let mut eta = self.eta(&beta);
        let mut f = self.objective(&eta, &beta, penalty);
        for step in 1..=MAX_NEWTON {
            let prob = eta.mapv(sigmoid);
            let v = prob.mapv(|q| (q * (1.0 - q)).max(MIN_WEIGHT));
            // Quadratic model ½βᵀHβ − cᵀβ, with c = X̃ᵀ(v∘η + y − p)/n.
            let work = &v * &eta + &self.y - &prob;
            let (h, c) = self.weighted_gram(&v, &work);
            let mut next = beta.clone();
            let mut hb = h.dot(&next);
            for _ in 0..MAX_SWEEPS {
                let mut d_max = 0.0f64;
                for j in 0..=p {
                    let hjj = h[[j, j]];
                    if hjj <= 0.0 {
                        continue;
                    }
                    let g = c[j] - hb[j] + hjj * next[j];
                    let new = if j == 0 {
                        g / hjj
                    } else {
                        soft_threshold(g, penalty.l1()) / (hjj + penalty.l2())
                    };
                    let d = new - next[j];
                    if d != 0.0 {
                        hb.scaled_add(d, &h.row(j));
                        next[j] = new;
                        d_max = d_max.max(d.abs() * hjj.sqrt());
                    }
                }
                if d_max < 0.1 * TOLERANCE {
                    break;
                }
            }
            // Halve the step until F decreases (it always does for a small enough step).
            let dir = &next - &beta;
            let mut t = 1.0;
            let (mut b_try, mut eta_try, mut f_try);
            loop {
                b_try = &beta + &(&dir * t);
                eta_try = self.eta(&b_try);
                f_try = self.objective(&eta_try, &b_try, penalty);
                if f_try <= f + 1e-15 * f.abs() {
                    break;
                }
                t *= 0.5;
                if t < 1e-10 {
                    // No step lowers F: the model's direction is rounding noise when it is
                    // tiny (converged), a failure otherwise.
                    if dir.iter().all(|d| d.abs() < 1e-7) {
                        return Ok(unpack(&beta, step));
                    }
                    return Err(not_converged(penalty));
                }
            }
            let moved = dir.iter().fold(0.0f64, |m, d| m.max(d.abs())) * t;
            (beta, eta, f) = (b_try, eta_try, f_try);
            if moved < TOLERANCE {
                return Ok(unpack(&beta, step));
            }
        }
        Err(not_converged(penalty))
    }

    /// η = b + Xw for β = [b; w].
    fn eta(&self, beta: &Array1<f64>) -> Array1<f64> {
        self.xt.t().dot(&beta.slice(ndarray::s![1..])) + beta[0]
    }

    /// H = X̃ᵀVX̃/n and c = X̃ᵀr/n for X̃ = [1, X].
    fn weighted_gram(&self, v: &Array1<f64>, r: &Array1<f64>) -> (Array2<f64>, Array1<f64>) {
        let (p, n) = (self.xt.nrows(), self.n());
        let sv = v.mapv(f64::sqrt);
        let mut a = Array2::zeros((p + 1, self.y.len()));
        a.row_mut(0).assign(&sv);
        a.slice_mut(ndarray::s![1.., ..]).assign(&(&self.xt * &sv));
        let h = a.dot(&a.t()) / n;
        let mut c = Array1::zeros(p + 1);
        c[0] = r.sum() / n;
        c.slice_mut(ndarray::s![1..]).assign(&(self.xt.dot(r) / n));
        (h, c)
    }
}

/// The fit of β = [b; w].
fn unpack(beta: &Array1<f64>, n_iter: usize) -> LinearFit {
    LinearFit {
        coef: beta.slice(ndarray::s![1..]).to_owned(),
        intercept: beta[0],
        n_iter,
    }
}

fn not_converged(penalty: Penalty) -> Error {
    Error::input(format!(
        "penalised logistic regression did not converge in {MAX_NEWTON} Newton steps at \
         α = {:.4e}: the classes are close to separable under so weak a penalty",
        penalty.alpha
    ))
}

/// σ(η) = 1/(1 + e^−η).
pub fn sigmoid(eta: f64) -> f64 {
    if eta >= 0.0 {
        1.0 / (1.0 + (-eta).exp())
    } else {
        let e = eta.exp();
        e / (1.0 + e)
    }
}

/// ln(1 + e^η) without overflow.
fn log1p_exp(eta: f64) -> f64 {
    if eta > 0.0 {
        eta + (-eta).exp().ln_1p()
    } else {
        eta.exp().ln_1p()
    }
}

/// L2 logistic regression through linfa-logistic (ρ = 0): the library fit this solver is
/// checked against. linfa minimises Σᵢ ℓᵢ + (λ/2)‖w‖², so λ = n·α.
pub fn fit_l2_linfa(z: &Array2<f64>, y: &[usize], alpha: f64) -> Result<LinearFit> {
    use linfa::traits::Fit;
    let labels = Array1::from(y.to_vec());
    let model = linfa_logistic::LogisticRegression::default()
        .alpha(alpha * y.len() as f64)
        .max_iterations(10_000)
        .gradient_tolerance(1e-12)
        .fit(&linfa::Dataset::new(z.clone(), labels))
        .map_err(|e| Error::internal(format!("linfa-logistic failed to fit: {e}")))?;
    // linfa's positive label is its own choice; flip the sign when it is class 0.
    let sign = if model.labels().pos.class == 1 {
        1.0
    } else {
        -1.0
    };
    Ok(LinearFit {
        coef: model.params() * sign,
        intercept: model.intercept() * sign,
        n_iter: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Standardized;

    fn data() -> (Array2<f64>, Vec<usize>) {
        let n = 120;
        let x = Array2::from_shape_fn((n, 5), |(i, j)| {
            ((i * (j + 3)) as f64 * 0.61).sin() + j as f64
        });
        let y = (0..n)
            .map(|i| usize::from(x[[i, 0]] - 0.5 * x[[i, 1]] + 0.8 * (i as f64 * 1.3).cos() > 0.0))
            .collect();
        (Standardized::fit(&x).z, y)
    }

    #[test]
    fn ridge_logistic_agrees_with_linfa_logistic() {
        let (z, y) = data();
        let prob = LogisticProblem::new(&z, &y).unwrap();
        for alpha in [0.001, 0.05, 1.0] {
            let ours = prob
                .solve(Penalty::ridge(alpha).unwrap(), &prob.null_fit())
                .unwrap();
            let linfa = fit_l2_linfa(&z, &y, alpha).unwrap();
            for (a, b) in ours.coef.iter().zip(&linfa.coef) {
                assert!((a - b).abs() < 1e-5, "α {alpha}: {a} vs {b}");
            }
            assert!((ours.intercept - linfa.intercept).abs() < 1e-5);
        }
    }

    #[test]
    fn the_solution_satisfies_the_lasso_optimality_conditions() {
        // Subgradient conditions: |∇ⱼ| ≤ αρ where wⱼ = 0, ∇ⱼ = −αρ·sign(wⱼ) elsewhere.
        let (z, y) = data();
        let prob = LogisticProblem::new(&z, &y).unwrap();
        let pen = Penalty::new(0.02, 0.7).unwrap();
        let fit = prob.solve(pen, &prob.null_fit()).unwrap();
        let eta = fit.decision(z.view());
        let resid: Array1<f64> =
            eta.mapv(sigmoid) - &Array1::from_iter(y.iter().map(|&v| v as f64));
        let n = y.len() as f64;
        assert!(resid.sum().abs() / n < 1e-8, "intercept gradient");
        for j in 0..z.ncols() {
            let g = z.column(j).dot(&resid) / n + pen.l2() * fit.coef[j];
            if fit.coef[j] == 0.0 {
                assert!(
                    g.abs() <= pen.l1() + 1e-8,
                    "feature {j}: |{g}| > {}",
                    pen.l1()
                );
            } else {
                assert!(
                    (g + pen.l1() * fit.coef[j].signum()).abs() < 1e-8,
                    "feature {j}: {g}"
                );
            }
        }
        assert!(
            fit.n_nonzero() < z.ncols(),
            "α = 0.02 should zero a noise feature"
        );
    }

    #[test]
    fn one_class_is_an_input_error() {
        let (z, _) = data();
        let e = LogisticProblem::new(&z, &vec![1; z.nrows()]).err().unwrap();
        assert_eq!(e.exit_code(), 2);
    }
}
