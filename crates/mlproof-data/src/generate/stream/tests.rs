use super::*;

#[test]
fn features_are_autocorrelated_and_shift_at_the_drift_point() {
    let spec = StreamSpec {
        n_samples: 20_000,
        drift_at: 10_000,
        ..StreamSpec::default()
    };
    let d = stream(&spec, 5);
    let x1 = d.features.column(1);
    let lag1: f64 = (1..10_000).map(|t| x1[t] * x1[t - 1]).sum::<f64>() / 9_999.0;
    assert!((lag1 - 0.8).abs() < 0.05, "lag-1 autocovariance {lag1}");
    let x0 = d.features.column(0);
    let mean = |a: usize, b: usize| x0.slice(ndarray::s![a..b]).mean().unwrap();
    assert!(mean(10_000, 20_000) - mean(0, 10_000) > 0.8);
}
