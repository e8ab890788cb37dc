//! No-skill baselines: the score a model earns without looking at the features. Every score
//! mlproof prints stands beside one of these.

use super::Metric;

/// The score of the best model that ignores the features, on labels `y` (1 = positive) with
/// prevalence π:
///
/// | metric | no-skill model | baseline |
/// |---|---|---|
/// | accuracy | always the majority class | max(π, 1 − π) |
/// | balanced accuracy | any constant prediction | 0.5 |
/// | precision | any random ranking or rule | π |
/// | recall | positives flagged at the rate π, at random | π |
/// | F1 | always positive | 2π / (1 + π) |
/// | MCC | any constant prediction | 0 |
/// | ROC-AUC | a random or constant score | 0.5 |
/// | average precision | a random score | π |
/// | log loss | the prior, p = π for every row | −π ln π − (1 − π) ln(1 − π) |
/// | Brier | the prior | π (1 − π) |
///
/// (Saito & Rehmsmeier 2015 for average precision's baseline; Flach & Kull 2015 for F1's.)
/// NaN when `y` is empty.
pub fn no_skill(metric: Metric, y: &[usize]) -> f64 {
    if y.is_empty() {
        return f64::NAN;
    }
    let p = y.iter().filter(|&&v| v == 1).count() as f64 / y.len() as f64;
    match metric {
        Metric::Accuracy => p.max(1.0 - p),
        Metric::BalancedAccuracy | Metric::RocAuc => 0.5,
        Metric::Precision | Metric::Recall | Metric::AveragePrecision => p,
        Metric::F1 => 2.0 * p / (1.0 + p),
        Metric::Mcc => 0.0,
        Metric::LogLoss => entropy(p),
        Metric::Brier => p * (1.0 - p),
    }
}

/// The mean's squared error on targets `y`: the population variance, the MSE of a model
/// that always predicts the mean (`DummyRegressor`).
pub fn no_skill_mse(y: &[f64]) -> f64 {
    if y.is_empty() {
        return f64::NAN;
    }
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    y.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / y.len() as f64
}

/// −p ln p − (1 − p) ln(1 − p), with 0 ln 0 = 0.
fn entropy(p: f64) -> f64 {
    let term = |q: f64| if q > 0.0 { -q * q.ln() } else { 0.0 };
    term(p) + term(1.0 - p)
}

/// A one-line description of the baseline, for tables and sentences.
pub fn no_skill_model(metric: Metric) -> &'static str {
    match metric {
        Metric::Accuracy => "majority share",
        Metric::BalancedAccuracy | Metric::RocAuc | Metric::Mcc => "constant score",
        Metric::Precision | Metric::Recall | Metric::AveragePrecision => "prevalence",
        Metric::F1 => "always positive",
        Metric::LogLoss | Metric::Brier => "the prior",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baselines_on_a_one_in_four_set() {
        let y = [1, 0, 0, 0];
        assert_eq!(no_skill(Metric::Accuracy, &y), 0.75);
        assert_eq!(no_skill(Metric::RocAuc, &y), 0.5);
        assert_eq!(no_skill(Metric::AveragePrecision, &y), 0.25);
        assert!((no_skill(Metric::F1, &y) - 0.4).abs() < 1e-15);
        assert!((no_skill(Metric::Brier, &y) - 0.1875).abs() < 1e-15);
        // the prior's log loss equals scikit-learn's log_loss(y, [0.25] * 4)
        assert!((no_skill(Metric::LogLoss, &y) - 0.562_335_144_618_808_3).abs() < 1e-12);
        assert!((no_skill_mse(&[1.0, 2.0, 3.0]) - 2.0 / 3.0).abs() < 1e-15);
    }
}
