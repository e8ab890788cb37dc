//! Logistic regression with an L1, elastic-net or L2 penalty, by proximal Newton steps
//! (glmnet's algorithm: Friedman, Hastie & Tibshirani, JSS 2010, §3, with the line search
//! and stopping rule of Yuan, Ho & Lin, *An improved GLMNET for L1-regularized logistic
//! regression*, JMLR 2012). No Rust library here fits an L1 logistic model.
//!
//! Minimises, with ηᵢ = b + xᵢ·w and yᵢ ∈ {0, 1},
//!
//!   F(w, b) = (1/n)·Σᵢ [ln(1 + e^ηᵢ) − yᵢ·ηᵢ] + α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖²,
//!
//! which is scikit-learn's `LogisticRegression(C = 1/(n·α), l1_ratio = ρ)` divided by n·C.
//! Each outer step replaces the log-likelihood by its quadratic model at the current
//! point, with weights vᵢ = pᵢ(1 − pᵢ) and working residuals (yᵢ − pᵢ)/vᵢ, minimises
//! model + penalty exactly ([`model_step`]), and backtracks along the step d until
//! F(β + t·d) ≤ F(β) + σ·t·Δ, where Δ = ∇ℓᵀd + P(w + d) − P(w) < 0 is the decrease the model
//! predicts (ℓ the smooth part, P the L1 term).
//!
//! It stops on the optimality conditions, not on the size of a step: the largest violation
//! of the subgradient conditions, ‖∂F‖∞ = maxⱼ |∇ⱼℓ + αρ·sign(wⱼ)| (wⱼ ≠ 0), (|∇ⱼℓ| − αρ)₊
//! (wⱼ = 0), and |∂F/∂b|, at most [`TOLERANCE`]. On collinear columns F is flat to rounding
//! along some directions while the coefficients still move (breast cancer: 2e-10 a step
//! for hundreds of steps with F constant to 1e-17), so a rule on the step never fires there.

mod model_step;

use mlproof_core::{Error, Result};
use ndarray::{Array1, Array2};

use crate::enet::LinearFit;
use crate::penalty::Penalty;

/// The fit stops when no optimality condition is violated by more than this.
pub const TOLERANCE: f64 = 1e-12;
/// Where F no longer decreases measurably (the predicted decrease is below rounding), a
/// fit this close to optimal is accepted as converged.
const ROUNDING_TOLERANCE: f64 = 1e-8;
const MAX_NEWTON: usize = 200;
/// Armijo's sufficient-decrease fraction σ.
const ARMIJO: f64 = 0.01;
/// A floor on the weights pᵢ(1 − pᵢ): keeps the quadratic model strictly convex in the
/// intercept when every row is fitted to within rounding.
const MIN_WEIGHT: f64 = 1e-12;

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
    /// The inner problem works on the weighted Gram matrix H = X̃ᵀVX̃/n of the design with
    /// an intercept column, X̃ = [1, X], built once per Newton step in O(n·p²): a sweep
    /// then costs O(p²) whatever n is. If a warm start fails to converge the fit is tried
    /// once more from the null model.
    pub fn solve(&self, penalty: Penalty, start: &LinearFit) -> Result<LinearFit> {
        match self.newton(penalty, start) {
            Ok(fit) => Ok(fit),
            Err(e) if start.coef.iter().any(|&w| w != 0.0) => {
                self.newton(penalty, &self.null_fit()).map_err(|_| e)
            }
            Err(e) => Err(e),
        }
    }

    fn newton(&self, penalty: Penalty, start: &LinearFit) -> Result<LinearFit> {
        // β = [b; w]
        let mut beta =
            Array1::from_iter(std::iter::once(start.intercept).chain(start.coef.iter().copied()));
        let mut eta = self.eta(&beta);
        let mut f = self.objective(&eta, &beta, penalty);
        let mut scratch = Array2::zeros((self.xt.nrows() + 1, self.y.len()));
        for step in 1..=MAX_NEWTON {
            let prob = eta.mapv(sigmoid);
            let grad = self.smooth_gradient(&prob, &beta, penalty);
            let violation = kkt_violation(&grad, &beta, penalty);
            if violation <= TOLERANCE {
                return Ok(unpack(&beta, step - 1));
            }
            let v = prob.mapv(|q| (q * (1.0 - q)).max(MIN_WEIGHT));
            // Quadratic model ½βᵀHβ − cᵀβ, with c = X̃ᵀ(v∘η + y − p)/n.
            let work = &v * &eta + &self.y - &prob;
            let (h, c) = self.weighted_gram(&v, &work, &mut scratch);
            let next = model_step::minimise(&h, &c, penalty, &beta);
            let dir = &next - &beta;
            let l1 = |b: &Array1<f64>| b.iter().skip(1).map(|w| w.abs()).sum::<f64>();
            let predicted = grad.dot(&dir) + penalty.l1() * (l1(&next) - l1(&beta));
            // Below this predicted decrease F cannot tell the step from rounding, but the
            // gradient still can: a full step that lowers ‖∂F‖∞ is taken (a strong L2 term
            // makes F's curvature large, so ‖∂F‖∞ = 1e-8 is a decrease of 1e-19 there).
            let flat = predicted >= -1e-13 * f.abs();
            let mut t = 1.0;
            let accepted = loop {
                let b_try = &beta + &(&dir * t);
                let eta_try = self.eta(&b_try);
                let f_try = self.objective(&eta_try, &b_try, penalty);
                if f_try <= f + ARMIJO * t * predicted {
                    break Some((b_try, eta_try, f_try));
                }
                if flat {
                    let g_try = self.smooth_gradient(&eta_try.mapv(sigmoid), &b_try, penalty);
                    if kkt_violation(&g_try, &b_try, penalty) < violation {
                        break Some((b_try, eta_try, f_try));
                    }
                    break None;
                }
                t *= 0.5;
                if t < 1e-10 {
                    break None;
                }
            };
            match accepted {
                Some((b, e, fv)) => (beta, eta, f) = (b, e, fv),
                // No measurable decrease: the model's step is within rounding of F.
                None if violation <= ROUNDING_TOLERANCE => return Ok(unpack(&beta, step)),
                None => return Err(not_converged(penalty)),
            }
        }
        let grad = self.smooth_gradient(&eta.mapv(sigmoid), &beta, penalty);
        if kkt_violation(&grad, &beta, penalty) <= ROUNDING_TOLERANCE {
            return Ok(unpack(&beta, MAX_NEWTON));
        }
        Err(not_converged(penalty))
    }

    /// ∇ℓ at β for ℓ the smooth part (log-likelihood and the L2 term): X̃ᵀ(p − y)/n + α(1 − ρ)[0; w].
    fn smooth_gradient(
        &self,
        prob: &Array1<f64>,
        beta: &Array1<f64>,
        penalty: Penalty,
    ) -> Array1<f64> {
        let r = prob - &self.y;
        let n = self.n();
        let mut g = Array1::zeros(beta.len());
        g[0] = r.sum() / n;
        let gw = self.xt.dot(&r) / n + &beta.slice(ndarray::s![1..]) * penalty.l2();
        g.slice_mut(ndarray::s![1..]).assign(&gw);
        g
    }

    /// η = b + Xw for β = [b; w].
    fn eta(&self, beta: &Array1<f64>) -> Array1<f64> {
        self.xt.t().dot(&beta.slice(ndarray::s![1..])) + beta[0]
    }

    /// H = X̃ᵀVX̃/n and c = X̃ᵀr/n for X̃ = [1, X].
    /// `a` is scratch space of (p + 1) × n, reused across Newton steps (a fresh matrix of
    /// that size each step cost page faults: 10% of a profile).
    fn weighted_gram(
        &self,
        v: &Array1<f64>,
        r: &Array1<f64>,
        a: &mut Array2<f64>,
    ) -> (Array2<f64>, Array1<f64>) {
        let (p, n) = (self.xt.nrows(), self.n());
        let sv = v.mapv(f64::sqrt);
        a.row_mut(0).assign(&sv);
        for (mut row, x) in a.rows_mut().into_iter().skip(1).zip(self.xt.rows()) {
            ndarray::Zip::from(&mut row)
                .and(&x)
                .and(&sv)
                .for_each(|a, &x, &s| *a = x * s);
        }
        let h = a.dot(&a.t()) / n;
        let mut c = Array1::zeros(p + 1);
        c[0] = r.sum() / n;
        c.slice_mut(ndarray::s![1..]).assign(&(self.xt.dot(r) / n));
        (h, c)
    }
}

/// The largest violation of the optimality conditions of F at β, given ∇ℓ (see the module
/// documentation): 0 exactly at the minimiser.
fn kkt_violation(grad: &Array1<f64>, beta: &Array1<f64>, penalty: Penalty) -> f64 {
    let l1 = penalty.l1();
    grad.iter()
        .zip(beta)
        .enumerate()
        .map(|(j, (&g, &b))| match (j, b == 0.0) {
            (0, _) => g.abs(),
            (_, true) => (g.abs() - l1).max(0.0),
            (_, false) => (g + l1 * b.signum()).abs(),
        })
        .fold(0.0, f64::max)
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
    fn a_strong_ridge_penalty_converges_from_a_warm_start() {
        // At α in the hundreds F's curvature is large: ‖∂F‖∞ = 1e-8 is a decrease in F of
        // 1e-19, below its rounding, so only the gradient can tell the last Newton step.
        let (z, y) = data();
        let prob = LogisticProblem::new(&z, &y).unwrap();
        let warm = prob
            .solve(Penalty::ridge(0.01).unwrap(), &prob.null_fit())
            .unwrap();
        for alpha in [235.9, 1e4] {
            let pen = Penalty::ridge(alpha).unwrap();
            for start in [&warm, &prob.null_fit()] {
                let fit = prob.solve(pen, start).unwrap();
                let beta = Array1::from_iter(
                    std::iter::once(fit.intercept).chain(fit.coef.iter().copied()),
                );
                let prob_hat = fit.decision(z.view()).mapv(sigmoid);
                let grad = prob.smooth_gradient(&prob_hat, &beta, pen);
                assert!(kkt_violation(&grad, &beta, pen) < 1e-12, "α {alpha}");
            }
        }
    }

    #[test]
    fn one_class_is_an_input_error() {
        let (z, _) = data();
        let e = LogisticProblem::new(&z, &vec![1; z.nrows()]).err().unwrap();
        assert_eq!(e.exit_code(), 2);
    }
}
