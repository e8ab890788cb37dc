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

fn fixture() -> Value {
    serde_json::from_str(include_str!("oracle/fixtures/linear.json")).unwrap()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// The largest |ours − theirs| over coefficients and intercept.
fn deviation(coef: &Array1<f64>, intercept: f64, fit: &Value) -> f64 {
    let want = floats(&fit["coef"]);
    assert_eq!(coef.len(), want.len());
    coef.iter().zip(&want).map(|(a, b)| (a - b).abs()).fold(
        (intercept - fit["intercept"].as_f64().unwrap()).abs(),
        f64::max,
    )
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
        let y = match &data.target {
            mlproof_core::data::Target::Continuous { y } => y.clone(),
            _ => panic!("{name}: not a regression target"),
        };
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
