//! Summaries of repeated measurements (folds, rounds).

use serde::Serialize;

/// Mean, sample standard deviation and a 95% Student-t interval for the mean.
///
/// Across cross-validation folds the training sets overlap, so fold scores are not
/// independent and this interval is too narrow (Bengio & Grandvalet, "No unbiased estimator
/// of the variance of k-fold cross-validation", JMLR 2004); it is reported as the
/// conventional summary, not as a guarantee.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub mean: f64,
    /// Sample standard deviation (n − 1); 0 for a single value.
    pub std: f64,
    pub ci95_low: f64,
    pub ci95_high: f64,
    pub n: usize,
}

impl Summary {
    /// Summarises `values`, ignoring NaN (an undefined fold score) and counting the rest.
    pub fn of(values: &[f64]) -> Summary {
        let v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
        let n = v.len();
        if n == 0 {
            return Summary {
                mean: f64::NAN,
                std: f64::NAN,
                ci95_low: f64::NAN,
                ci95_high: f64::NAN,
                n,
            };
        }
        let mean = v.iter().sum::<f64>() / n as f64;
        let std = if n > 1 {
            (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt()
        } else {
            0.0
        };
        let half = if n > 1 {
            t_975(n - 1) * std / (n as f64).sqrt()
        } else {
            0.0
        };
        Summary {
            mean,
            std,
            ci95_low: mean - half,
            ci95_high: mean + half,
            n,
        }
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom (tabulated to df = 30,
/// then the normal 1.96 with a 1/df correction).
pub fn t_975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::NAN,
        1..=30 => TABLE[df - 1],
        _ => 1.959_964 + 2.4 / df as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_of_known_values() {
        let s = Summary::of(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(s.mean, 3.0);
        assert!((s.std - 2.5f64.sqrt()).abs() < 1e-12);
        // t(4) = 2.776: half-width 2.776 · 1.5811 / 2.2361 = 1.9629
        assert!((s.ci95_high - 3.0 - 2.776 * 2.5f64.sqrt() / 5f64.sqrt()).abs() < 1e-12);
        assert_eq!(Summary::of(&[f64::NAN, 2.0]).n, 1);
    }
}
