//! Regressors for the bias-variance demos: each has one knob that sets its complexity.

use ndarray::{Array1, Array2};

use crate::neighbors::{k_nearest, Search};
use crate::{Error, Result};

/// A learner for continuous targets.
/// A learner for a continuous target, the regression side of [`super::BinaryClassifier`]:
/// parameters checked when it is built, `seed` for any randomness of the fit (derived per
/// fold or round by the caller).
pub trait Regressor: Sync {
    fn name(&self) -> String;
    fn fit(&self, x: &Array2<f64>, y: &Array1<f64>, seed: u64) -> Result<Box<dyn FittedRegressor>>;
}

pub trait FittedRegressor: Send + Sync {
    fn predict(&self, x: &Array2<f64>) -> Array1<f64>;
}

/// Least-squares polynomial of one feature, in the Legendre basis P₀ … P_d of
/// z = 2(x − lo)/(hi − lo) − 1 (lo, hi from the training rows) — the same fit as
/// `numpy.polyfit` on x, but well conditioned at high degree.
#[derive(Debug, Clone, Copy)]
pub struct Polynomial {
    pub degree: usize,
}

struct FittedPolynomial {
    lo: f64,
    hi: f64,
    coef: Vec<f64>,
}

/// P₀(z) … P_d(z) by Bonnet's recursion (k+1)P_{k+1} = (2k+1) z P_k − k P_{k−1}.
fn legendre(z: f64, degree: usize) -> Vec<f64> {
    let mut p = vec![1.0, z];
    for k in 1..degree {
        let next = ((2 * k + 1) as f64 * z * p[k] - k as f64 * p[k - 1]) / (k + 1) as f64;
        p.push(next);
    }
    p.truncate(degree + 1);
    p
}

/// Solves the symmetric positive (semi)definite system A w = b by Gaussian elimination
/// with partial pivoting; a tiny ridge keeps rank-deficient designs solvable.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    let scale = (0..n).map(|i| a[i][i].abs()).fold(0.0, f64::max).max(1.0);
    for (i, row) in a.iter_mut().enumerate() {
        row[i] += 1e-12 * scale;
    }
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let f = a[row][col] / a[col][col];
            let (top, bottom) = a.split_at_mut(row);
            for (x, p) in bottom[0][col..].iter_mut().zip(&top[col][col..]) {
                *x -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut w = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|k| a[i][k] * w[k]).sum();
        w[i] = (b[i] - s) / a[i][i];
    }
    w
}

impl Regressor for Polynomial {
    fn name(&self) -> String {
        format!("polynomial degree {}", self.degree)
    }

    fn fit(
        &self,
        x: &Array2<f64>,
        y: &Array1<f64>,
        _seed: u64,
    ) -> Result<Box<dyn FittedRegressor>> {
        crate::model::check_regression(x, y)?;
        if x.ncols() != 1 {
            return Err(Error::usage(format!(
                "a polynomial model takes one feature; this data has {} (use synth-sine)",
                x.ncols()
            )));
        }
        let col = x.column(0);
        let lo = col.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let width = if hi > lo { hi - lo } else { 1.0 };
        let d = self.degree + 1;
        let mut ata = vec![vec![0.0; d]; d];
        let mut aty = vec![0.0; d];
        for (xi, yi) in col.iter().zip(y) {
            let p = legendre(2.0 * (xi - lo) / width - 1.0, self.degree);
            for r in 0..d {
                aty[r] += p[r] * yi;
                for c in 0..d {
                    ata[r][c] += p[r] * p[c];
                }
            }
        }
        Ok(Box::new(FittedPolynomial {
            lo,
            hi: lo + width,
            coef: solve(ata, aty),
        }))
    }
}

impl FittedRegressor for FittedPolynomial {
    fn predict(&self, x: &Array2<f64>) -> Array1<f64> {
        let degree = self.coef.len() - 1;
        x.column(0)
            .iter()
            .map(|xi| {
                let z = 2.0 * (xi - self.lo) / (self.hi - self.lo) - 1.0;
                legendre(z, degree)
                    .iter()
                    .zip(&self.coef)
                    .map(|(p, c)| p * c)
                    .sum()
            })
            .collect()
    }
}

/// k-nearest-neighbour regression: the mean target of the k closest training rows
/// (Euclidean; distance ties go to the earlier row).
#[derive(Debug, Clone, Copy)]
pub struct KNearest {
    pub k: usize,
}

impl KNearest {
    /// k-NN regression at every k of `ks` from one search for the largest K: the search
    /// orders neighbours by (distance, row index), so the k nearest are the first k of the
    /// K nearest, and each prediction equals `KNearest { k }` fitted on `x`, `y` and
    /// predicting `queries`, digit for digit. One O(n_q · n · d) search instead of |ks|.
    pub fn predict_each_k(
        x: &Array2<f64>,
        y: &Array1<f64>,
        queries: &Array2<f64>,
        ks: &[usize],
    ) -> Result<Vec<Array1<f64>>> {
        crate::model::check_regression(x, y)?;
        if let Some(&k) = ks.iter().find(|&&k| k == 0 || k > x.nrows()) {
            return Err(out_of_range(k, x.nrows()));
        }
        let Some(&k_max) = ks.iter().max() else {
            return Ok(Vec::new());
        };
        let own = vec![None; queries.nrows()];
        let nn = k_nearest(x.view(), queries.view(), &own, k_max, Search::Auto)?;
        Ok(ks
            .iter()
            .map(|&k| {
                nn.iter()
                    .map(|near| near[..k].iter().map(|&i| y[i]).sum::<f64>() / k as f64)
                    .collect()
            })
            .collect())
    }
}

fn out_of_range(k: usize, rows: usize) -> Error {
    Error::usage(format!(
        "k = {k} must be between 1 and the {rows} training rows"
    ))
}

struct FittedKNearest {
    k: usize,
    x: Array2<f64>,
    y: Array1<f64>,
}

impl Regressor for KNearest {
    fn name(&self) -> String {
        format!("{}-nearest neighbours", self.k)
    }

    fn fit(
        &self,
        x: &Array2<f64>,
        y: &Array1<f64>,
        _seed: u64,
    ) -> Result<Box<dyn FittedRegressor>> {
        crate::model::check_regression(x, y)?;
        if self.k == 0 || self.k > x.nrows() {
            return Err(out_of_range(self.k, x.nrows()));
        }
        Ok(Box::new(FittedKNearest {
            k: self.k,
            x: x.clone(),
            y: y.clone(),
        }))
    }
}

impl FittedRegressor for FittedKNearest {
    /// The shared exact search ([`crate::neighbors`]), queries in parallel and gathered in
    /// order; a query with the wrong number of columns predicts NaN.
    fn predict(&self, x: &Array2<f64>) -> Array1<f64> {
        let own = vec![None; x.nrows()];
        match k_nearest(self.x.view(), x.view(), &own, self.k, Search::Auto) {
            Ok(nn) => nn
                .iter()
                .map(|near| near.iter().map(|&i| self.y[i]).sum::<f64>() / self.k as f64)
                .collect(),
            Err(_) => Array1::from_elem(x.nrows(), f64::NAN),
        }
    }
}

#[cfg(test)]
mod tests;
