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

#[test]
fn tree_sweep_equals_one_bootstrap_fit_per_depth() {
    use mlproof_trees::{TreeClassifier, TreeParams};
    use mlproof_validation::bias_variance::bootstrap_predictions;
    let data = registry::load("pima", 42).unwrap();
    let y = data.binary_target().unwrap();
    let (x, _) = mlproof_data::encode::one_hot(&data);
    let rows: Vec<usize> = (0..x.nrows()).collect();
    let (train, test) = rows.split_at(600);
    let x_train = x.select(ndarray::Axis(0), train);
    let y_train = y.select(ndarray::Axis(0), train);
    let x_test = x.select(ndarray::Axis(0), test);
    let params = Params {
        rounds: 6,
        seed: 7,
        ..Params::default()
    };
    let depths = [1, 3, 6, 12];
    let swept = zero_one::tree_sweep(
        &x_train,
        &y_train.to_vec(),
        &x_test,
        &depths,
        &params,
        &Silent,
    )
    .unwrap();
    for (&d, pred) in depths.iter().zip(&swept) {
        let tree = TreeClassifier::new(TreeParams::default().with_max_depth(Some(d))).unwrap();
        let alone =
            bootstrap_predictions(&x_train, &y_train, &x_test, &tree, 6, 7, &Silent).unwrap();
        assert_eq!(pred, &alone, "depth {d}");
    }
}

#[test]
fn sweep_equals_one_fit_per_value() {
    use mlproof_core::model::{KNearest, Polynomial, Regressor};
    use mlproof_trees::{TreeParams, TreeRegressor};
    use mlproof_validation::bias_variance::fresh_draw_predictions;
    for (model, name) in [
        (SweepModel::Tree, "synth-friedman1"),
        (SweepModel::Poly, "synth-sine"),
        (SweepModel::Knn, "synth-friedman1"),
    ] {
        let generator = registry::regression_generator(name, 3).unwrap();
        let (x_test, _) = generator.resample(40, 3, "test", 0);
        let draw = |r: usize| generator.resample(120, 3, "train", r as u64);
        let (_, values) = model.sweep();
        let swept = squared::sweep(model, &draw, &x_test, &values, 4, 3, &Silent).unwrap();
        for (&v, pred) in values.iter().zip(&swept) {
            let alone: Box<dyn Regressor> = match model {
                SweepModel::Tree => Box::new(
                    TreeRegressor::new(TreeParams::default().with_max_depth(Some(v))).unwrap(),
                ),
                SweepModel::Poly => Box::new(Polynomial { degree: v }),
                SweepModel::Knn => Box::new(KNearest { k: v }),
            };
            let expected =
                fresh_draw_predictions(&draw, &x_test, alone.as_ref(), 4, 3, &Silent).unwrap();
            assert_eq!(pred, &expected, "{model:?} at {v}");
        }
    }
}
