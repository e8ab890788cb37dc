use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_core::Error;
use mlproof_data::registry;
use mlproof_validation::bias_variance::{squared, squared_per_point};
use ndarray::array;

use super::*;

fn squared_run(model: SweepModel, n_train: Option<usize>, rounds: usize) -> BiasVariance {
    let data = registry::load("synth-sine", 42).unwrap();
    let params = Params {
        model,
        rounds,
        n_train,
        ..Params::default()
    }
    .check()
    .unwrap();
    run(&data, &params, &Silent).unwrap().results
}

fn verdict(r: &BiasVariance, id: &str) -> Verdict {
    r.findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no finding {id}"))
        .verdict
}

#[test]
fn poly_default_design_shows_a_u_curve() {
    let r = squared_run(SweepModel::Poly, None, 200);
    assert_eq!(r.train_rows, POLY_N_TRAIN);
    assert_eq!(verdict(&r, "error-minimum-is-interior"), Verdict::Holds);
    assert_eq!(
        verdict(&r, "variance-grows-with-complexity"),
        Verdict::Holds
    );
    let Points::Squared(points) = &r.points else {
        panic!("squared points")
    };
    let loss = |i: usize| points[i].decomposition.expected_loss;
    // The rise at degree 12 is a visible share of the minimum, not a rounding-sized wiggle.
    assert!(loss(points.len() - 1) > 1.5 * loss(r.best), "{}", r.reading);
}

#[test]
fn squared_readings_say_bias2_when_they_quote_bias2() {
    let r = squared_run(SweepModel::Tree, None, 20);
    assert!(r.reading.contains("bias² against the truth goes from"));
    assert!(!r.reading.contains("bias falls"), "{}", r.reading);
    assert!(r
        .findings
        .iter()
        .any(|f| f.id == "bias2-falls-with-complexity"));
    assert_eq!(verdict(&r, "error-is-bias2-plus-variance"), Verdict::Holds);
}

#[test]
fn per_point_terms_average_to_the_decomposition() {
    let pred = array![[1.0, 2.0, 0.5], [1.5, 2.5, 0.0], [0.0, 3.0, 1.0]];
    let (y, f) = (array![1.0, 2.0, 0.7], array![0.9, 2.2, 0.6]);
    let d = squared(&pred, &y, Some(&f));
    let p = squared_per_point(&pred, &y, &f);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let t = d.truth.unwrap();
    for (a, b) in [
        (mean(&p.loss), d.expected_loss),
        (mean(&p.bias2_observed), d.bias2),
        (mean(&p.variance), d.variance),
        (mean(&p.bias2), t.bias2),
        (mean(&p.noise), t.noise),
    ] {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }
}

#[test]
fn squared_loss_refuses_data_without_a_known_truth() {
    let data = registry::load("pima", 42).unwrap();
    let params = Params::default().check().unwrap();
    let e = run(&data, &params, &Silent).unwrap_err();
    assert!(e.to_string().contains("known truth"), "{e}");
}

#[test]
fn zero_one_loss_refuses_the_options_of_squared_loss() {
    let params = Params {
        loss: Loss::ZeroOne,
        ..Params::default()
    };
    match params.check() {
        Err(Error::Parameter { name, .. }) => assert_eq!(name, "n_test"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn zero_one_on_pima_judges_bias_not_bias2() {
    let data = registry::load("pima", 42).unwrap();
    let params = Params {
        loss: Loss::ZeroOne,
        rounds: 20,
        n_test: None,
        test_size: Some(DEFAULT_TEST_SIZE),
        ..Params::default()
    }
    .check()
    .unwrap();
    let r = run(&data, &params, &Silent).unwrap().results;
    assert!(r
        .findings
        .iter()
        .any(|f| f.id == "bias-falls-with-complexity"));
    assert_eq!(verdict(&r, "best-beats-no-skill"), Verdict::Holds);
    assert!(
        (r.loss_baseline - 0.349).abs() < 0.01,
        "{}",
        r.loss_baseline
    );
}
