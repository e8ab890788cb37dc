//! `mlproof calibration` as a user runs it: the report's fields, the layout, and bad input
//! refused with exit code 2 and one line naming what to fix.

mod common;

use common::{assert_fits_100_columns, assert_usage_errors, json, mlproof, stdout, temp_csv};

/// A CSV with `n` rows, two numeric features and the given label per row.
fn csv(test: &str, n: usize, label: impl Fn(usize) -> String) -> String {
    let text = (0..n).fold("a,b,label\n".to_string(), |acc, i| {
        acc + &format!("{},{},{}\n", (i * 37) % 101, (i * 11) % 23, label(i))
    });
    temp_csv(test, &text).to_str().unwrap().to_string()
}

#[test]
fn calibration_json_has_diagrams_decomposition_and_every_correction() {
    let v = json(&["calibration", "--dataset", "ecoli3", "--n-bins", "8"]);
    assert_eq!(v["command"], "calibration");
    assert_eq!(v["params"]["n_bins"], 8);
    assert_eq!(v["params"]["binning"], "quantile");
    let r = &v["results"];
    assert!(r["baselines"]["brier"].is_number());
    assert_eq!(r["diagrams"].as_array().unwrap().len(), 12);
    let d = &r["diagrams"][0];
    assert_eq!(d["reliability"]["bins"].as_array().unwrap().len(), 8);
    for key in [
        "reliability",
        "resolution",
        "uncertainty",
        "within_bin_variance",
        "three_term_gap",
    ] {
        assert!(d["murphy"][key].is_number(), "{key}");
    }
    assert!(d["calibration"]["slope"].is_number());
    let methods: Vec<&str> = r["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["method"].as_str().unwrap())
        .collect();
    assert!(methods.contains(&"SMOTE + isotonic") && methods.contains(&"class weights + Platt"));
    assert_eq!(
        r["methods"][0]["fold_scores"]["brier"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
}

#[test]
fn calibration_fits_100_columns_and_renders_markdown_tables() {
    assert_fits_100_columns(&[&["calibration", "--dataset", "glass2"]]);
    let md = stdout(&mlproof(&[
        "calibration",
        "--dataset",
        "glass2",
        "--format",
        "markdown",
    ]));
    assert!(
        md.starts_with("## Calibration on glass2") && md.contains("| ---"),
        "{md}"
    );
}

#[test]
fn a_named_positive_makes_three_classes_binary() {
    let three = csv("cal-three-ok", 120, |i| ["x", "y", "z"][i % 3].into());
    let v = json(&[
        "calibration",
        "--data",
        &three,
        "--target",
        "label",
        "--positive",
        "z",
    ]);
    assert_eq!(v["results"]["positives"], 40);
}

#[test]
fn calibration_refuses_bad_input_with_exit_code_2() {
    let one = csv("cal-one", 40, |_| "x".into());
    let three = csv("cal-three", 120, |i| ["x", "y", "z"][i % 3].into());
    let few = csv(
        "cal-few",
        200,
        |i| if i < 6 { "1".into() } else { "0".into() },
    );
    assert_usage_errors(&[
        (
            vec!["calibration", "--n-bins", "1"],
            "--n-bins must be between 2 and 50",
        ),
        (
            vec!["calibration", "--n-bins", "51"],
            "--n-bins must be between 2 and 50",
        ),
        (
            vec!["calibration", "--n-bins", "-3"],
            "--n-bins must be between 2 and 50",
        ),
        (vec!["calibration", "--n-repeats", "0"], "--n-repeats"),
        (
            vec!["calibration", "--data", &one, "--target", "label"],
            "one class",
        ),
        (
            vec!["calibration", "--data", &three, "--target", "label"],
            "--positive is required",
        ),
        (
            vec!["calibration", "--data", &few, "--target", "label"],
            "smaller class",
        ),
        (vec!["calibration", "--dataset", "sp500"], "continuous"),
    ]);
}
