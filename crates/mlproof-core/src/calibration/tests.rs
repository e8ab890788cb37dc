use super::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn pava_matches_scikit_learns_docstring_example() {
    let y = [5.0, 3.0, 1.0, 2.0, 8.0, 10.0, 7.0, 9.0, 6.0, 4.0];
    let fitted = pava(&y, &[1.0; 10]);
    for (i, v) in fitted.iter().enumerate() {
        let want = if i < 4 { 2.75 } else { 44.0 / 6.0 };
        assert!(close(*v, want, 1e-12), "{i}: {v}");
    }
}

#[test]
fn isotonic_pools_tied_inputs_and_clips_outside_the_fitted_range() {
    let x = [0.1, 0.1, 0.2, 0.3, 0.3, 0.4];
    let y = [0.0, 1.0, 0.0, 1.0, 1.0, 0.0];
    let iso = IsotonicRegression::fit(&x, &y).unwrap();
    // Tied x = 0.1 pool to 0.5, which pools with 0.2's 0 to 1/3; 0.3 (1, 1) and 0.4 (0) pool to 2/3.
    assert!(close(iso.predict_one(0.1), 1.0 / 3.0, 1e-15));
    assert!(
        close(iso.predict_one(0.0), 1.0 / 3.0, 1e-15),
        "clipped below"
    );
    assert!(
        close(iso.predict_one(0.9), 2.0 / 3.0, 1e-15),
        "clipped above"
    );
    assert!(close(iso.predict_one(0.25), 0.5, 1e-12), "interpolated");
    let p = iso.predict(&x);
    assert!(p.windows(2).all(|w| w[0] <= w[1]), "non-decreasing");
}

#[test]
fn a_value_on_an_inner_edge_falls_in_the_lower_bin() {
    let r = reliability(&[0, 1, 1], &[0.5, 0.5001, 1.0], 2, Binning::Uniform).unwrap();
    assert_eq!(r.assignment, vec![0, 1, 1]);
    assert_eq!(r.bins[0].count, 1);
    assert_eq!(r.bins[1].observed, Some(1.0));
}

#[test]
fn murphy_terms_with_the_within_bin_terms_sum_to_the_brier_score() {
    let p: Vec<f64> = (0..200).map(|i| ((i * 37) % 100) as f64 / 100.0).collect();
    let y: Vec<usize> = (0..200).map(|i| usize::from((i * 53) % 100 < 40)).collect();
    for binning in [Binning::Uniform, Binning::Quantile] {
        let r = reliability(&y, &p, 10, binning).unwrap();
        let m = murphy(&y, &p, &r);
        let brier = crate::metrics::brier_score(&y, &p).unwrap();
        assert!(close(m.brier, brier, 1e-12));
        let exact = m.reliability - m.resolution + m.uncertainty + m.within_bin_variance
            - 2.0 * m.within_bin_covariance;
        assert!(close(exact, brier, 1e-12), "{binning}: {exact} vs {brier}");
        assert!(close(
            m.three_term_gap,
            m.within_bin_variance - 2.0 * m.within_bin_covariance,
            1e-12
        ));
    }
}

#[test]
fn murphy_three_terms_are_exact_when_every_bin_holds_one_prediction() {
    let p = [0.05, 0.05, 0.35, 0.35, 0.35, 0.85];
    let y = [0, 1, 0, 1, 1, 1];
    let r = reliability(&y, &p, 10, Binning::Uniform).unwrap();
    let m = murphy(&y, &p, &r);
    assert!(close(m.three_term_gap, 0.0, 1e-15));
}

/// A deterministic stand-in for Bernoulli draws: y = 1 when a low-discrepancy u < p.
fn outcomes(p: &[f64]) -> Vec<usize> {
    p.iter()
        .enumerate()
        .map(|(i, &v)| usize::from(((i as f64 * 0.618_033_988_75) % 1.0) < v))
        .collect()
}

#[test]
fn calibrated_predictions_have_slope_one_and_sharpened_ones_a_smaller_slope() {
    let p: Vec<f64> = (0..4000)
        .map(|i| 0.02 + 0.96 * ((i * 7919) % 4000) as f64 / 4000.0)
        .collect();
    let y = outcomes(&p);
    let r = logistic_recalibration(&y, &p);
    assert!(close(r.slope, 1.0, 0.1), "slope {}", r.slope);
    assert!(close(r.intercept, 0.0, 0.1), "intercept {}", r.intercept);
    let sharp: Vec<f64> = p
        .iter()
        .map(|&v| Platt { a: 0.0, b: 2.0 }.predict_one(v))
        .collect();
    let s = logistic_recalibration(&y, &sharp);
    assert!(close(s.slope, 0.5, 0.05), "sharpened slope {}", s.slope);
    let high: Vec<f64> = p
        .iter()
        .map(|&v| Platt { a: 1.0, b: 1.0 }.predict_one(v))
        .collect();
    assert!(close(
        logistic_recalibration(&y, &high).intercept,
        -1.0,
        0.1
    ));
}

#[test]
fn platt_scaling_undoes_a_distortion_of_the_logit() {
    let p: Vec<f64> = (0..4000)
        .map(|i| 0.02 + 0.96 * ((i * 7919) % 4000) as f64 / 4000.0)
        .collect();
    let y = outcomes(&p);
    let distorted: Vec<f64> = p
        .iter()
        .map(|&v| Platt { a: 1.5, b: 2.0 }.predict_one(v))
        .collect();
    let platt = Platt::fit(&y, &distorted).unwrap();
    // σ(a + b(1.5 + 2s)) = σ(s) needs b = 1/2, a = −0.75.
    assert!(close(platt.b, 0.5, 0.05), "{platt:?}");
    assert!(close(platt.a, -0.75, 0.1), "{platt:?}");
    assert!(Platt::fit(&[1, 1], &[0.2, 0.3]).is_err(), "one class");
}

#[test]
fn recalibration_of_one_class_is_undefined_not_a_number_made_up() {
    let r = logistic_recalibration(&[1, 1, 1], &[0.2, 0.5, 0.9]);
    assert!(r.slope.is_nan());
}
