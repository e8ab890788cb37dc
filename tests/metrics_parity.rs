//! Every metric against scikit-learn 1.9.1, on the fixtures written by `tests/oracle/oracle.py`:
//! fixed score vectors (ties, a class never predicted, one-class truth, certain
//! probabilities) and every bundled KEEL dataset.
//!
//! Tolerance: |ours − theirs| ≤ 1e-12 · max(1, |theirs|). NaN (null in JSON) must match NaN.

use mlproof_core::data::registry;
use mlproof_core::metrics as m;
use serde_json::Value;

const TOL: f64 = 1e-12;

fn fixture() -> Value {
    let text = include_str!("oracle/fixtures/metrics.json");
    serde_json::from_str(text).expect("fixture is valid JSON")
}

fn labels(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(expected_number).collect()
}

fn expected_number(v: &Value) -> f64 {
    match v {
        Value::Null => f64::NAN,
        Value::String(s) if s == "inf" => f64::INFINITY,
        Value::String(s) if s == "-inf" => f64::NEG_INFINITY,
        _ => v.as_f64().unwrap(),
    }
}

fn close(ours: f64, theirs: f64) -> bool {
    (ours.is_nan() && theirs.is_nan())
        || ours == theirs
        || (ours - theirs).abs() <= TOL * theirs.abs().max(1.0)
}

fn check(case: &str, metric: &str, ours: f64, theirs: &Value) {
    let theirs = expected_number(theirs);
    assert!(
        close(ours, theirs),
        "{case}: {metric} = {ours:e}, scikit-learn says {theirs:e}"
    );
}

fn check_vec(case: &str, metric: &str, ours: &[f64], theirs: &Value) {
    let theirs = floats(theirs);
    assert_eq!(ours.len(), theirs.len(), "{case}: {metric} length");
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert!(
            close(*a, *b),
            "{case}: {metric}[{i}] = {a:e}, scikit-learn says {b:e}"
        );
    }
}

#[test]
fn classification_metrics_equal_scikit_learn() {
    let f = fixture();
    let cases = f["classification"].as_array().unwrap();
    assert!(cases.len() >= 18);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let (y, pred) = (labels(&c["y_true"]), labels(&c["y_pred"]));
        let (scores, proba) = (floats(&c["scores"]), floats(&c["proba"]));
        let e = &c["expected"];
        let cm = m::BinaryConfusion::new(&y, &pred).unwrap();
        assert_eq!(
            vec![cm.tn, cm.fp, cm.fn_, cm.tp],
            floats(&e["confusion"])
                .iter()
                .map(|v| *v as u64)
                .collect::<Vec<_>>(),
            "{name}"
        );
        check(
            name,
            "accuracy",
            m::accuracy(&y, &pred).unwrap(),
            &e["accuracy"],
        );
        check(
            name,
            "balanced_accuracy",
            m::balanced_accuracy(&y, &pred).unwrap(),
            &e["balanced_accuracy"],
        );
        check(
            name,
            "precision",
            m::precision(&y, &pred).unwrap(),
            &e["precision"],
        );
        check(name, "recall", m::recall(&y, &pred).unwrap(), &e["recall"]);
        check(
            name,
            "specificity",
            m::specificity(&y, &pred).unwrap(),
            &e["specificity"],
        );
        check(name, "f1", m::f1(&y, &pred).unwrap(), &e["f1"]);
        check(name, "f2", m::fbeta(&y, &pred, 2.0).unwrap(), &e["f2"]);
        check(name, "f0_5", m::fbeta(&y, &pred, 0.5).unwrap(), &e["f0_5"]);
        check(
            name,
            "mcc",
            m::matthews_corrcoef(&y, &pred).unwrap(),
            &e["mcc"],
        );
        check(
            name,
            "roc_auc",
            m::roc_auc(&y, &scores).unwrap(),
            &e["roc_auc"],
        );
        check(
            name,
            "average_precision",
            m::average_precision(&y, &scores).unwrap(),
            &e["average_precision"],
        );
        check(
            name,
            "log_loss",
            m::log_loss(&y, &proba).unwrap(),
            &e["log_loss"],
        );
        check(
            name,
            "brier",
            m::brier_score(&y, &proba).unwrap(),
            &e["brier"],
        );
        let roc = m::roc_curve(&y, &scores).unwrap();
        check_vec(name, "roc fpr", &roc.fpr, &e["roc_curve"]["fpr"]);
        check_vec(name, "roc tpr", &roc.tpr, &e["roc_curve"]["tpr"]);
        check_vec(
            name,
            "roc thresholds",
            &roc.thresholds,
            &e["roc_curve"]["thresholds"],
        );
        let pr = m::precision_recall_curve(&y, &scores).unwrap();
        check_vec(
            name,
            "pr precision",
            &pr.precision,
            &e["pr_curve"]["precision"],
        );
        check_vec(name, "pr recall", &pr.recall, &e["pr_curve"]["recall"]);
        check_vec(
            name,
            "pr thresholds",
            &pr.thresholds,
            &e["pr_curve"]["thresholds"],
        );
    }
}

#[test]
fn fixture_labels_are_the_bundled_datasets_labels() {
    let f = fixture();
    let mut seen = 0;
    for c in f["classification"].as_array().unwrap() {
        let Some(name) = c["dataset"].as_str() else {
            continue;
        };
        let data = registry::load(name, 0).unwrap();
        assert_eq!(
            data.binary_target().unwrap().to_vec(),
            labels(&c["y_true"]),
            "{name}"
        );
        seen += 1;
    }
    assert_eq!(seen, 8, "every KEEL set has a case");
}

#[test]
fn regression_metrics_equal_scikit_learn() {
    let f = fixture();
    for c in f["regression"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let (y, p) = (floats(&c["y_true"]), floats(&c["y_pred"]));
        let e = &c["expected"];
        check(
            name,
            "mse",
            m::mean_squared_error(&y, &p).unwrap(),
            &e["mse"],
        );
        check(
            name,
            "mae",
            m::mean_absolute_error(&y, &p).unwrap(),
            &e["mae"],
        );
        check(name, "r2", m::r2(&y, &p).unwrap(), &e["r2"]);
    }
}

#[test]
fn inputs_scikit_learn_rejects_are_errors_here() {
    assert!(m::accuracy(&[0, 1], &[0]).is_err());
    assert!(m::roc_auc(&[0, 1], &[0.5, f64::NAN]).is_err());
    assert!(m::log_loss(&[0, 1], &[0.5, 1.2]).is_err());
    assert!(m::brier_score(&[0, 1], &[-0.1, 0.5]).is_err());
    assert!(m::precision(&[0, 2], &[0, 1]).is_err());
    assert!(m::fbeta(&[0, 1], &[0, 1], 0.0).is_err());
}
