//! `mlproof calibration`'s building blocks against scikit-learn 1.9.1, on the fixtures written
//! by `tests/oracle/calibration.py`: `calibration_curve` (uniform and quantile bins, 2–15
//! bins, predictions on edges, ties, repeated quantile edges), `brier_score_loss`,
//! `IsotonicRegression(out_of_bounds="clip")` (tied inputs, clipping, one distinct input),
//! Platt scaling (`_sigmoid_calibration`) and the calibration slope (unpenalised
//! `LogisticRegression` on the logit).
//!
//! Tolerances (see README): curves, Brier and isotonic ≤ 1e-12 (absolute; measured ≤ 4.5e-16);
//! Platt and slope ≤ 1e-6 (measured 2.4e-8 and 1.1e-9): scikit-learn stops L-BFGS at a gradient of 1e-6 where mlproof
//! runs Newton's method to convergence.

use mlproof_core::calibration::{
    logistic_recalibration, reliability, Binning, IsotonicRegression, Platt,
};
use mlproof_core::metrics::brier_score;
use serde_json::Value;

const EXACT: f64 = 1e-12;
const OPTIMISER: f64 = 1e-6;

fn fixture() -> Value {
    serde_json::from_str(include_str!("oracle/fixtures/calibration/calibration.json"))
        .expect("fixture is valid JSON")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn labels(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

fn assert_close(case: &str, what: &str, ours: &[f64], theirs: &[f64], tol: f64) {
    assert_eq!(ours.len(), theirs.len(), "{case}: {what} length");
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(
            (a - b).abs() <= tol,
            "{case}: {what}[{i}] = {a:e}, scikit-learn {b:e}"
        );
    }
}

#[test]
fn reliability_bins_equal_calibration_curve_for_both_strategies() {
    let f = fixture();
    for case in f["curves"].as_array().unwrap() {
        let name = case["case"].as_str().unwrap();
        let (p, y) = (floats(&case["p"]), labels(&case["y"]));
        for c in case["curves"].as_array().unwrap() {
            let n_bins = c["n_bins"].as_u64().unwrap() as usize;
            let binning = match c["strategy"].as_str().unwrap() {
                "uniform" => Binning::Uniform,
                _ => Binning::Quantile,
            };
            let r = reliability(&y, &p, n_bins, binning).unwrap();
            let filled: Vec<_> = r.bins.iter().filter(|b| b.count > 0).collect();
            let at = format!("{name} {binning} {n_bins}");
            let observed: Vec<f64> = filled.iter().filter_map(|b| b.observed).collect();
            let predicted: Vec<f64> = filled.iter().filter_map(|b| b.mean_predicted).collect();
            assert_close(&at, "prob_true", &observed, &floats(&c["prob_true"]), EXACT);
            assert_close(
                &at,
                "prob_pred",
                &predicted,
                &floats(&c["prob_pred"]),
                EXACT,
            );
            assert_eq!(r.bins.iter().map(|b| b.count).sum::<usize>(), y.len());
        }
    }
}

#[test]
fn brier_score_equals_brier_score_loss() {
    for case in fixture()["curves"].as_array().unwrap() {
        let ours = brier_score(&labels(&case["y"]), &floats(&case["p"])).unwrap();
        let theirs = case["brier"].as_f64().unwrap();
        assert!(
            (ours - theirs).abs() <= EXACT,
            "{}: {ours} vs {theirs}",
            case["case"]
        );
    }
}

#[test]
fn isotonic_regression_equals_scikit_learns_thresholds_and_predictions() {
    for case in fixture()["isotonic"].as_array().unwrap() {
        let name = case["case"].as_str().unwrap();
        let iso = IsotonicRegression::fit(&floats(&case["x"]), &floats(&case["y"])).unwrap();
        assert_close(
            name,
            "X_thresholds_",
            &iso.x,
            &floats(&case["x_thresholds"]),
            EXACT,
        );
        assert_close(
            name,
            "y_thresholds_",
            &iso.y,
            &floats(&case["y_thresholds"]),
            EXACT,
        );
        let ours = iso.predict(&floats(&case["grid"]));
        assert_close(name, "predict", &ours, &floats(&case["predicted"]), EXACT);
    }
}

#[test]
fn platt_scaling_and_the_calibration_slope_equal_scikit_learns_fits() {
    for case in fixture()["curves"].as_array().unwrap() {
        let name = case["case"].as_str().unwrap();
        let (p, y) = (floats(&case["p"]), labels(&case["y"]));
        let platt = Platt::fit(&y, &p).unwrap();
        let want = [
            case["platt"]["a"].as_f64().unwrap(),
            case["platt"]["b"].as_f64().unwrap(),
        ];
        assert_close(name, "platt [a, b]", &[platt.a, platt.b], &want, OPTIMISER);
        let slope = logistic_recalibration(&y, &p).slope;
        let theirs = case["calibration_slope"].as_f64().unwrap();
        assert_close(name, "calibration slope", &[slope], &[theirs], OPTIMISER);
    }
}
