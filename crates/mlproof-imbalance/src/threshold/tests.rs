use super::*;

#[test]
fn f1_threshold_is_the_best_cut_by_brute_force() {
    let proba = [0.9, 0.8, 0.8, 0.6, 0.4, 0.35, 0.2, 0.1];
    let y = [1, 0, 1, 1, 0, 1, 0, 0];
    let t = choose_threshold(&proba, &y, ThresholdRule::F1);
    let f1 = |t: f64| {
        let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
        for (p, &v) in proba.iter().zip(&y) {
            match (*p >= t, v == 1) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fn_ += 1.0,
                _ => {}
            }
        }
        2.0 * tp / (2.0 * tp + fp + fn_)
    };
    let best = proba.iter().map(|&c| f1(c)).fold(0.0, f64::max);
    assert!((f1(t) - best).abs() < 1e-12, "t = {t}");
    // Costly misses push the threshold down; a precision floor pushes it up.
    let low = choose_threshold(&proba, &y, ThresholdRule::CostRatio(100.0));
    let high = choose_threshold(&proba, &y, ThresholdRule::MinPrecision(1.0));
    assert!(low <= t && t < high, "{low} {t} {high}");
    assert_eq!(high, (0.9 + 0.8) / 2.0);
}

#[test]
fn rules_parse_with_clear_errors() {
    assert_eq!("f1".parse::<ThresholdRule>(), Ok(ThresholdRule::F1));
    assert_eq!(
        "cost:10".parse::<ThresholdRule>(),
        Ok(ThresholdRule::CostRatio(10.0))
    );
    assert!("min-precision:1.5".parse::<ThresholdRule>().is_err());
    assert!("recall"
        .parse::<ThresholdRule>()
        .unwrap_err()
        .contains("unknown"));
}
