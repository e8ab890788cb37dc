//! The standardised design matrix every penalised fit works on.

use mlproof_core::preprocess::StandardScaler;
use ndarray::{Array1, Array2};

/// Features z-scored as scikit-learn's `StandardScaler` does: zᵢⱼ = (xᵢⱼ − x̄ⱼ)/sⱼ with sⱼ the
/// *population* standard deviation (divisor n).
///
/// A penalty treats every coefficient alike, so it only means something when the columns
/// share a scale. A constant column (sⱼ = 0) is centred to zeros and left unscaled, as in
/// scikit-learn; its coefficient is then 0 under every penalty. [`Standardized::constant`]
/// names such columns so reports can say so.
#[derive(Debug, Clone)]
pub struct Standardized {
    pub z: Array2<f64>,
    pub scaler: StandardScaler,
    /// Indices of the columns with zero variance.
    pub constant: Vec<usize>,
}

impl Standardized {
    /// Fits the scaler on `x` and transforms it.
    pub fn fit(x: &Array2<f64>) -> Self {
        let scaler = StandardScaler::fit(x);
        let z = scaler.transform(x);
        let constant = (0..x.ncols())
            .filter(|&j| x.column(j).iter().all(|&v| v == x[[0, j]]))
            .collect();
        Standardized {
            z,
            scaler,
            constant,
        }
    }

    /// Coefficients on the original feature scale: wⱼ/sⱼ, and the intercept b − Σⱼ wⱼ·x̄ⱼ/sⱼ.
    pub fn to_raw(&self, coef: &Array1<f64>, intercept: f64) -> (Array1<f64>, f64) {
        let raw = coef / &self.scaler.scale;
        let shift = raw.dot(&self.scaler.mean);
        (raw, intercept - shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn constant_columns_are_named_and_zeroed() {
        let x = array![[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]];
        let s = Standardized::fit(&x);
        assert_eq!(s.constant, vec![1]);
        assert_eq!(s.z.column(1).to_vec(), vec![0.0; 3]);
        let (raw, b) = s.to_raw(&array![1.0, 0.0], 2.0);
        // z = (x − 2)/√(2/3): w/s on x, intercept 2 − 2/s.
        let sd = (2.0f64 / 3.0).sqrt();
        assert!((raw[0] - 1.0 / sd).abs() < 1e-12 && (b - (2.0 - 2.0 / sd)).abs() < 1e-12);
    }
}
