//! `mlproof interpret` as a user runs it: the JSON sections and the errors for bad input.

mod common;

use common::{assert_usage_errors, json, temp_csv};

#[test]
fn interpret_shap_reports_the_base_value_and_mean_abs_by_feature() {
    let v = json(&["interpret", "--rows", "2"]);
    let s = &v["results"]["shap"];
    assert!((s["base_value"].as_f64().unwrap() - 268.0 / 768.0).abs() < 1e-12);
    assert_eq!(s["mean_abs"].as_object().unwrap().len(), 8);
    assert_eq!(s["rows"].as_array().unwrap().len(), 2);
    assert_eq!(v["command"], "interpret");
}

#[test]
fn interpret_ice_carries_one_curve_per_shown_row_on_the_grid() {
    let v = json(&[
        "interpret",
        "--method",
        "ice",
        "--feature",
        "Preg",
        "--rows",
        "4",
    ]);
    let d = &v["results"]["partial_dependence"];
    assert_eq!(d["grid"]["kind"], "unique");
    let k = d["grid"]["values"].as_array().unwrap().len();
    let curves = d["individual"].as_array().unwrap();
    assert_eq!(curves.len(), 4);
    assert!(curves
        .iter()
        .all(|c| c["values"].as_array().unwrap().len() == k));
}

#[test]
fn interpret_refuses_bad_input_with_one_line_that_says_how_to_fix_it() {
    let constant = temp_csv(
        "interpret-constant",
        &(0..40).fold("a,flat,label\n".to_string(), |acc, i| {
            acc + &format!("{},{},{}\n", i, 3, i % 2)
        }),
    );
    let constant = constant.to_str().unwrap();
    assert_usage_errors(&[
        (
            vec!["interpret", "--method", "pdp"],
            "--feature is needed by --method pdp: name one of Preg, Plas",
        ),
        (
            vec!["interpret", "--method", "ice", "--feature", "Glucose"],
            "'Glucose' is not a feature of this data; the features are Preg",
        ),
        (
            vec![
                "interpret",
                "--method",
                "pdp",
                "--feature",
                "flat",
                "--data",
                constant,
                "--target",
                "label",
            ],
            "feature 'flat' is constant",
        ),
        (
            vec!["interpret", "--method", "surrogate", "--model", "tree"],
            "--model tree cannot be used with --method surrogate",
        ),
        (
            vec!["interpret", "--feature", "Plas"],
            "--feature applies to --method pdp and ice only",
        ),
        (
            vec![
                "interpret",
                "--method",
                "pdp",
                "--feature",
                "Plas",
                "--grid-resolution",
                "1",
            ],
            "--grid-resolution must be at least 2",
        ),
        (
            vec!["interpret", "--n-trees", "50"],
            "--n-trees applies to a forest",
        ),
        (
            vec!["interpret", "--method", "surrogate", "--rows", "3"],
            "--rows applies to --method shap and ice only",
        ),
    ]);
}

#[test]
fn interpret_tables_and_plots_fit_100_columns() {
    common::assert_fits_100_columns(&[
        &["interpret", "--quiet"],
        &[
            "interpret",
            "--method",
            "ice",
            "--feature",
            "Mass",
            "--rows",
            "10",
            "--quiet",
        ],
        &[
            "interpret",
            "--method",
            "pdp",
            "--feature",
            "Plas",
            "--grid-resolution",
            "100",
            "--quiet",
        ],
    ]);
}
