//! Penalised linear models against scikit-learn 1.9 (`tests/oracle/fixtures/linear.json`,
//! written by `tests/oracle/linear.py`): `Lasso`, `ElasticNet` and `Ridge(alpha = α·n)`
//! coefficients on z-scored features of every bundled set with a numeric column to regress
//! on and on generated data, and `LogisticRegression(solver="saga")` with L1 and
//! elastic-net penalties.

use mlproof_core::data::encode::one_hot;
use mlproof_core::data::{registry, Task};
use mlproof_linear::{enet, Gram, LogisticProblem, Penalty, Standardized};
use ndarray::{Array1, Array2};
use serde_json::Value;

mod common;
use common::floats;

fn fixture() -> Value {
    serde_json::from_str(include_str!("oracle/fixtures/linear.json")).unwrap()
}

/// The largest |ours − theirs| over coefficients and intercept.
fn deviation(coef: &Array1<f64>, intercept: f64, fit: &Value) -> f64 {
    common::coef_deviation(coef, intercept, fit)
}

/// Fits every case of `fits` on (z, y) with linfa-elasticnet and with the Gram descent.
fn check_regression(label: &str, z: &Array2<f64>, y: &Array1<f64>, fits: &Value) -> f64 {
    let gram = Gram::new(z, y);
    let mut worst = 0.0f64;
    for fit in fits.as_array().unwrap() {
        let pen = Penalty::new(
            fit["alpha"].as_f64().unwrap(),
            fit["l1_ratio"].as_f64().unwrap(),
        )
        .unwrap();
        // linfa-elasticnet cannot stop at ρ = 0 (see `enet::fit`): ridge is checked in
        // closed form only.
        let library = if pen.l1_ratio > 0.0 {
            enet::fit_linfa(z, y, pen).unwrap()
        } else {
            enet::fit(z, y, pen).unwrap()
        };
        let ours = gram.solve(pen, &Array1::zeros(z.ncols()));
        for (who, f) in [("linfa-elasticnet", &library), ("gram descent", &ours)] {
            let d = deviation(&f.coef, f.intercept, fit);
            assert!(
                d < 1e-4,
                "{label} {} α {} ρ {}: {who} is {d} off",
                fit["model"],
                pen.alpha,
                pen.l1_ratio
            );
            worst = worst.max(d);
        }
        // Supports agree. scikit-learn leaves rounding dust (4e-14 on german, whose one-hot
        // columns are collinear) where an exact solution has a zero, so |w| ≤ 1e-10 is zero.
        for (a, b) in ours.coef.iter().zip(floats(&fit["coef"])) {
            assert_eq!(
                a.abs() > 1e-10,
                b.abs() > 1e-10,
                "{label} α {}: support differs: {a} vs {b}",
                pen.alpha
            );
        }
    }
    worst
}

#[test]
fn elastic_net_lasso_and_ridge_match_scikit_learn_on_every_bundled_numeric_target() {
    let v = fixture();
    let cases = v["regression"].as_array().unwrap();
    assert_eq!(cases.len(), 8);
    let mut worst = 0.0f64;
    for case in cases {
        let name = case["dataset"].as_str().unwrap();
        let target = case["target"].as_str().unwrap();
        let data = registry::load(name, 0).unwrap();
        let data = if data.target_name == target {
            data
        } else {
            data.with_target_column(target, Some(Task::Regression))
                .unwrap()
        };
        let (x, _) = one_hot(&data);
        let y = data.continuous_target().unwrap().clone();
        let z = Standardized::fit(&x).z;
        worst = worst.max(check_regression(name, &z, &y, &case["fits"]));
    }
    eprintln!("largest deviation from scikit-learn over 8 sets × 12 fits: {worst:.2e}");
}

#[test]
fn elastic_net_matches_scikit_learn_on_generated_data() {
    let v = fixture();
    let g = &v["generated"];
    let rows: Vec<Vec<f64>> = g["x"].as_array().unwrap().iter().map(floats).collect();
    let x = Array2::from_shape_fn((rows.len(), rows[0].len()), |(i, j)| rows[i][j]);
    let y = Array1::from(floats(&g["y"]));
    let z = Standardized::fit(&x).z;
    let worst = check_regression("make_regression", &z, &y, &g["fits"]);
    eprintln!("generated: largest deviation {worst:.2e}");
}

#[test]
fn l1_and_elastic_net_logistic_match_saga_and_their_supports_agree() {
    let v = fixture();
    let cases = v["logistic"].as_array().unwrap();
    assert!(cases.len() >= 3);
    let mut worst = 0.0f64;
    for case in cases {
        let name = case["dataset"].as_str().unwrap();
        let data = registry::load(name, 0).unwrap();
        let y = data.binary_target().unwrap().to_vec();
        let z = Standardized::fit(&data.features).z;
        let prob = LogisticProblem::new(&z, &y).unwrap();
        for fit in case["fits"].as_array().unwrap() {
            let pen = Penalty::new(
                fit["alpha"].as_f64().unwrap(),
                fit["l1_ratio"].as_f64().unwrap(),
            )
            .unwrap();
            let ours = prob.solve(pen, &prob.null_fit()).unwrap();
            let d = deviation(&ours.coef, ours.intercept, fit);
            assert!(
                d < 1e-3,
                "{name} α {} ρ {}: {d} off saga",
                pen.alpha,
                pen.l1_ratio
            );
            let theirs = floats(&fit["coef"]);
            let support = |c: &[f64]| c.iter().map(|w| *w != 0.0).collect::<Vec<_>>();
            assert_eq!(
                support(ours.coef.as_slice().unwrap()),
                support(&theirs),
                "{name} α {}",
                pen.alpha
            );
            worst = worst.max(d);
        }
    }
    eprintln!("logistic: largest deviation from saga {worst:.2e}");
}

#[test]
fn l2_logistic_through_linfa_and_our_solver_matches_newton_cholesky() {
    let v = fixture();
    let mut worst = 0.0f64;
    for case in v["l2_logistic"].as_array().unwrap() {
        let name = case["dataset"].as_str().unwrap();
        let data = registry::load(name, 0).unwrap();
        let y = data.binary_target().unwrap().to_vec();
        let z = Standardized::fit(&data.features).z;
        let prob = LogisticProblem::new(&z, &y).unwrap();
        for fit in case["fits"].as_array().unwrap() {
            let alpha = fit["alpha"].as_f64().unwrap();
            let linfa = mlproof_linear::logistic::fit_l2_linfa(&z, &y, alpha).unwrap();
            let ours = prob
                .solve(Penalty::ridge(alpha).unwrap(), &prob.null_fit())
                .unwrap();
            for (who, f) in [("linfa-logistic", &linfa), ("proximal Newton", &ours)] {
                let d = deviation(&f.coef, f.intercept, fit);
                assert!(d < 1e-5, "{name} α {alpha}: {who} is {d} off");
                worst = worst.max(d);
            }
        }
    }
    eprintln!("L2 logistic: largest deviation from newton-cholesky {worst:.2e}");
}

#[test]
fn the_automatic_grid_and_the_whole_path_match_enet_path() {
    let v = fixture();
    let data = registry::load("pima", 0)
        .unwrap()
        .with_target_column("Mass", None)
        .unwrap();
    let (x, _) = one_hot(&data);
    let y = data.continuous_target().unwrap().clone();
    let z = Standardized::fit(&x).z;
    let gram = Gram::new(&z, &y);
    for case in v["path"].as_array().unwrap() {
        let rho = case["l1_ratio"].as_f64().unwrap();
        let want_alphas = floats(&case["alphas"]);
        let alphas = mlproof_linear::path::alpha_grid(gram.alpha_max(rho), 100, 1e-3).unwrap();
        for (a, b) in alphas.iter().zip(&want_alphas) {
            assert!((a / b - 1.0).abs() < 1e-12, "ρ {rho}: α {a} vs {b}");
        }
        let mut w = Array1::zeros(z.ncols());
        let mut worst = 0.0f64;
        for (alpha, want) in alphas.iter().zip(case["coefs"].as_array().unwrap()) {
            w = gram.solve(Penalty::new(*alpha, rho).unwrap(), &w).coef;
            for (a, b) in w.iter().zip(floats(want)) {
                worst = worst.max((a - b).abs());
            }
        }
        assert!(worst < 1e-6, "ρ {rho}: path {worst} off enet_path");
        eprintln!("path ρ {rho}: largest deviation from enet_path {worst:.2e}");
    }
}
