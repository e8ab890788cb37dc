use super::*;

#[test]
fn boosting_drives_training_loss_down_and_probabilities_follow_the_labels() {
    let x = Array2::from_shape_fn((60, 1), |(i, _)| i as f64);
    let y: Vec<usize> = (0..60).map(|i| usize::from(i >= 30)).collect();
    let params = BoostingParams {
        n_stages: 20,
        learning_rate: 0.5,
        max_depth: 2,
    }
    .check()
    .unwrap();
    let (model, staged) = fit_staged(&x, &y, &x, &y, &params).unwrap();
    assert!(staged.train.windows(2).all(|w| w[1] <= w[0] + 1e-12));
    let p = model.predict_proba(&x, 20);
    assert!(p[0] < 0.05 && p[59] > 0.95);
    // The staged validation loss equals a fresh prediction's loss.
    let fresh = log_loss(
        &y,
        &p.iter().map(|q| (q / (1.0 - q)).ln()).collect::<Vec<_>>(),
    );
    assert!((fresh - staged.validation[19]).abs() < 1e-9);
}

#[test]
fn patience_stops_after_that_many_stages_without_improvement() {
    // 0.85, 0.84 and 0.83 each beat the worst of the three before them; 0.86 beats none
    // of 0.85, 0.84, 0.83, so the 7th stage is the last (scikit-learn counts it too).
    let v = [1.0, 0.9, 0.8, 0.85, 0.84, 0.83, 0.86];
    assert_eq!(patience_stop(&v, 3, 0.0), Some(7));
    assert_eq!(patience_stop(&[1.0, 0.9, 0.8], 3, 0.0), None);
}

#[test]
fn bad_boosting_parameters_are_usage_errors() {
    assert!(BoostingParams {
        n_stages: 0,
        learning_rate: 0.1,
        max_depth: 3
    }
    .check()
    .is_err());
    assert!(BoostingParams {
        n_stages: 10,
        learning_rate: 0.0,
        max_depth: 3
    }
    .check()
    .is_err());
    assert!(BoostingParams {
        n_stages: 10,
        learning_rate: 0.1,
        max_depth: 0
    }
    .check()
    .is_err());
}
