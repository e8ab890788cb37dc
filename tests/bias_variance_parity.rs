//! The bias-variance decomposition against mlxtend 0.25's `bias_variance_decomp`, on the
//! very prediction matrices mlxtend produced (recorded by `tests/oracle/oracle.py`):
//! 0-1 loss on three bundled datasets (one with an even number of rounds, so majority votes
//! tie) and squared loss on a sine regression. Agreement to 1e-12.

use ndarray::{Array1, Array2};
use serde_json::Value;

use mlproof_validation::bias_variance::{squared, zero_one};

fn matrix(v: &Value) -> Vec<Vec<f64>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect()
        })
        .collect()
}

fn close(ours: f64, theirs: &Value, what: &str) {
    let theirs = theirs.as_f64().unwrap();
    assert!(
        (ours - theirs).abs() <= 1e-12,
        "{what}: {ours} vs mlxtend {theirs}"
    );
}

#[test]
fn decompositions_equal_mlxtend_on_the_same_predictions() {
    let v: Value =
        serde_json::from_str(include_str!("oracle/fixtures/bias_variance.json")).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let rows = matrix(&c["pred"]);
        let y: Vec<f64> = c["y_test"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        let e = &c["expected"];
        let shape = (rows.len(), rows[0].len());
        if c["loss"] == "0-1_loss" {
            let pred = Array2::from_shape_fn(shape, |(r, j)| rows[r][j] as usize);
            let y: Vec<usize> = y.iter().map(|&v| v as usize).collect();
            let d = zero_one(&pred, &y);
            close(d.expected_loss, &e["expected_loss"], name);
            close(d.bias, &e["bias"], name);
            close(d.variance, &e["variance"], name);
        } else {
            let pred = Array2::from_shape_fn(shape, |(r, j)| rows[r][j]);
            let d = squared(&pred, &Array1::from(y), None);
            close(d.expected_loss, &e["expected_loss"], name);
            close(d.bias2, &e["bias"], name);
            close(d.variance, &e["variance"], name);
        }
    }
}
