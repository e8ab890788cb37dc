//! Preprocessing steps that are *fitted*: their statistics come from training rows only.

use ndarray::{Array1, Array2, Axis};

/// Standardisation z = (x − mean) / std with the population standard deviation, as
/// scikit-learn's `StandardScaler`. A constant column (std 0) is centred and left unscaled,
/// as scikit-learn does.
#[derive(Debug, Clone)]
pub struct StandardScaler {
    pub mean: Array1<f64>,
    pub scale: Array1<f64>,
}

impl StandardScaler {
    pub fn fit(x: &Array2<f64>) -> Self {
        let n = x.nrows().max(1) as f64;
        let mean = x.sum_axis(Axis(0)) / n;
        let var = x
            .axis_iter(Axis(1))
            .zip(&mean)
            .map(|(col, m)| col.iter().map(|v| (v - m).powi(2)).sum::<f64>() / n)
            .collect::<Array1<f64>>();
        let mut mean = mean;
        let mut scale = var.mapv(f64::sqrt);
        // A constant column: rounding in the mean can leave a variance of ~1e-30 (a column
        // of 0.1s), which would blow rounding dust up to ±1. Centre it on its own value and
        // leave it unscaled, so it becomes exact zeros.
        for (j, col) in x.axis_iter(Axis(1)).enumerate() {
            match col.first() {
                Some(&first) if col.iter().all(|&v| v == first) => {
                    mean[j] = first;
                    scale[j] = 1.0;
                }
                _ if scale[j] == 0.0 => scale[j] = 1.0,
                _ => {}
            }
        }
        StandardScaler { mean, scale }
    }

    pub fn transform(&self, x: &Array2<f64>) -> Array2<f64> {
        (x - &self.mean) / &self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn a_constant_column_that_is_not_a_whole_number_becomes_exact_zeros() {
        let x = Array2::from_shape_fn((768, 2), |(i, j)| if j == 0 { 0.1 } else { i as f64 });
        let s = StandardScaler::fit(&x);
        assert_eq!(s.scale[0], 1.0);
        assert!(s.transform(&x).column(0).iter().all(|&v| v == 0.0));
    }

    #[test]
    fn standardised_training_columns_have_zero_mean_and_unit_population_variance() {
        let x = array![[1.0, 5.0], [2.0, 5.0], [6.0, 5.0]];
        let s = StandardScaler::fit(&x);
        let z = s.transform(&x);
        assert!(z.column(0).sum().abs() < 1e-12);
        assert!((z.column(0).mapv(|v| v * v).sum() / 3.0 - 1.0).abs() < 1e-12);
        assert_eq!(z.column(1).to_vec(), vec![0.0; 3]);
    }
}
