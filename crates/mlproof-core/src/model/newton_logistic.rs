//! Logistic regression with per-row weights, by Newton's method: what class weights need
//! and linfa-logistic (which has no sample weights) cannot give.
//!
//! Minimises scikit-learn's `LogisticRegression(C = 1/α, class_weight=…)` objective
//!
//!   f(w, b) = Σᵢ sᵢ · ln(1 + exp(−ỹᵢ (w·xᵢ + b))) + (α/2)‖w‖²,   ỹᵢ = ±1,
//!
//! with sᵢ the weight of row i's class and the intercept b not penalised. Gradient
//! Σ sᵢ (pᵢ − yᵢ) [xᵢ; 1] + α [w; 0], Hessian Σ sᵢ pᵢ(1 − pᵢ) [xᵢ; 1][xᵢ; 1]ᵀ + α diag(1, …, 1, 0);
//! each Newton step is solved by Cholesky and halved until f decreases (Nocedal & Wright,
//! *Numerical Optimization*, §3). With unit weights it is the model linfa-logistic fits,
//! which the tests use as the cross-check.

use ndarray::{Array1, Array2};
use serde::Serialize;

use super::{BinaryClassifier, FittedBinary};
use crate::{Error, Result};

/// How rows are weighted by class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClassWeight {
    /// Every row weighs 1.
    None,
    /// Row weight n / (2 · n_class): both classes weigh the same in total (scikit-learn's
    /// `class_weight="balanced"`).
    Balanced,
}

impl ClassWeight {
    /// The weight of every row of `y` (labels 0 and 1).
    pub fn row_weights(self, y: &Array1<usize>) -> Vec<f64> {
        match self {
            ClassWeight::None => vec![1.0; y.len()],
            ClassWeight::Balanced => {
                let n1 = y.iter().filter(|&&v| v == 1).count() as f64;
                let n = y.len() as f64;
                let w = [n / (2.0 * (n - n1)), n / (2.0 * n1)];
                y.iter().map(|&v| w[v.min(1)]).collect()
            }
        }
    }
}

/// L2-penalised logistic regression with class weights (fitted by Newton's method).
#[derive(Debug, Clone, Copy)]
pub struct WeightedLogistic {
    pub alpha: f64,
    pub class_weight: ClassWeight,
}

impl WeightedLogistic {
    /// Checks α > 0 (the Newton system needs the penalty when classes separate).
    pub fn new(alpha: f64, class_weight: ClassWeight) -> Result<Self> {
        if !(alpha.is_finite() && alpha > 0.0) {
            return Err(Error::usage(format!(
                "the L2 penalty alpha must be a finite number > 0 for weighted logistic regression, got {alpha}"
            )));
        }
        Ok(WeightedLogistic {
            alpha,
            class_weight,
        })
    }
}

/// Coefficients and intercept.
#[derive(Debug, Clone)]
pub struct LinearScore {
    pub coef: Array1<f64>,
    pub intercept: f64,
}

fn log1p_exp(t: f64) -> f64 {
    if t > 0.0 {
        t + (-t).exp().ln_1p()
    } else {
        t.exp().ln_1p()
    }
}

fn sigmoid(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        let e = t.exp();
        e / (1.0 + e)
    }
}

/// Solves A x = b for symmetric positive definite A (Cholesky); None if A is not.
pub fn cholesky_solve(a: &Array2<f64>, b: &Array1<f64>) -> Option<Array1<f64>> {
    let n = b.len();
    let mut l = Array2::<f64>::zeros((n, n));
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[[i, k]] * l[[j, k]]).sum();
            if i == j {
                let d = a[[i, i]] - s;
                if d <= 0.0 || !d.is_finite() {
                    return None;
                }
                l[[i, i]] = d.sqrt();
            } else {
                l[[i, j]] = (a[[i, j]] - s) / l[[j, j]];
            }
        }
    }
    let mut z = Array1::<f64>::zeros(n);
    for i in 0..n {
        z[i] = (b[i] - (0..i).map(|k| l[[i, k]] * z[k]).sum::<f64>()) / l[[i, i]];
    }
    let mut x = Array1::<f64>::zeros(n);
    for i in (0..n).rev() {
        x[i] = (z[i] - (i + 1..n).map(|k| l[[k, i]] * x[k]).sum::<f64>()) / l[[i, i]];
    }
    Some(x)
}

/// Fits the weighted objective; `theta` is [w; b].
///
/// Each iteration costs one pass over the rows (gradient Dᵀr and the rows of h ⊙ D), one
/// matrix product for the Hessian Dᵀ(h ⊙ D) — O(n·p²) in a dense kernel rather than a scalar
/// loop — and one matrix–vector product Dθ per line-search candidate, whose margins the next
/// iteration reuses.
pub fn fit_newton(
    x: &Array2<f64>,
    y: &Array1<usize>,
    s: &[f64],
    alpha: f64,
) -> Result<LinearScore> {
    let (n, d) = x.dim();
    let p = d + 1;
    let mut design = Array2::<f64>::ones((n, p));
    design.slice_mut(ndarray::s![.., ..d]).assign(x);
    let sign: Vec<f64> = y.iter().map(|&v| if v == 1 { 1.0 } else { -1.0 }).collect();
    // f(θ) from the margins z = Dθ (computed once per candidate and kept for the next step).
    let objective = |theta: &Array1<f64>, z: &Array1<f64>| -> f64 {
        let loss: f64 = z
            .iter()
            .zip(&sign)
            .zip(s)
            .map(|((&z, &sign), &w)| w * log1p_exp(-sign * z))
            .sum();
        loss + 0.5 * alpha * theta.iter().take(d).map(|w| w * w).sum::<f64>()
    };
    let mut theta = Array1::<f64>::zeros(p);
    let mut z = design.dot(&theta);
    let mut f = objective(&theta, &z);
    let mut weighted = Array2::<f64>::zeros((n, p));
    for _ in 0..200 {
        // One pass over the rows: the gradient Dᵀr and the rows of h ⊙ D.
        let mut grad = Array1::<f64>::zeros(p);
        for i in 0..n {
            let pi = sigmoid(z[i]);
            let r = s[i] * (pi - y[i] as f64);
            let h = s[i] * pi * (1.0 - pi);
            let row = design.row(i);
            grad.iter_mut()
                .zip(weighted.row_mut(i))
                .zip(row)
                .for_each(|((g, w), &v)| {
                    *g += r * v;
                    *w = h * v;
                });
        }
        let mut hess = design.t().dot(&weighted);
        for a in 0..p {
            if a < d {
                grad[a] += alpha * theta[a];
                hess[[a, a]] += alpha;
            }
            // Exactly symmetric: the lower triangle, which the Cholesky factor reads.
            for b in 0..a {
                hess[[b, a]] = hess[[a, b]];
            }
        }
        if grad.iter().all(|g| g.abs() <= 1e-10 * (1.0 + f.abs())) {
            break;
        }
        // A vanishing intercept curvature (all p near 0 or 1) is handled by a tiny ridge.
        let step = cholesky_solve(&hess, &grad)
            .or_else(|| {
                let mut h = hess.clone();
                (0..p).for_each(|a| h[[a, a]] += 1e-8);
                cholesky_solve(&h, &grad)
            })
            .ok_or_else(|| {
                Error::internal("weighted logistic regression: singular Newton system")
            })?;
        let mut t = 1.0;
        loop {
            let candidate = &theta - &(t * &step);
            let zc = design.dot(&candidate);
            let fc = objective(&candidate, &zc);
            if fc <= f || t < 1e-10 {
                let done = (f - fc).abs() <= 1e-15 * (1.0 + f.abs());
                theta = candidate;
                z = zc;
                f = fc;
                if done {
                    return Ok(split(theta, d));
                }
                break;
            }
            t *= 0.5;
        }
    }
    Ok(split(theta, d))
}

fn split(theta: Array1<f64>, d: usize) -> LinearScore {
    LinearScore {
        intercept: theta[d],
        coef: theta.slice(ndarray::s![..d]).to_owned(),
    }
}

impl FittedBinary for LinearScore {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        x.dot(&self.coef).mapv(|z| sigmoid(z + self.intercept))
    }
}

impl BinaryClassifier for WeightedLogistic {
    fn name(&self) -> &'static str {
        match self.class_weight {
            ClassWeight::None => "logistic",
            ClassWeight::Balanced => "logistic, balanced weights",
        }
    }

    fn fit(&self, x: &Array2<f64>, y: &Array1<usize>, _seed: u64) -> Result<Box<dyn FittedBinary>> {
        crate::model::check_training(x, y)?;
        if !(y.iter().any(|&v| v == 0) && y.iter().any(|&v| v == 1)) {
            return Err(Error::input(
                "logistic regression needs both classes in its training rows; this training set has one",
            ));
        }
        let s = self.class_weight.row_weights(y);
        Ok(Box::new(fit_newton(x, y, &s, self.alpha)?))
    }
}

#[cfg(test)]
mod tests;
