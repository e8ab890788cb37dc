//! `mlproof threshold` as a user runs it: the promise beside what was achieved, and clear
//! refusals.

mod common;

use common::{assert_fits_100_columns, assert_usage_errors, json, mlproof};

#[test]
fn threshold_json_has_the_promise_beside_what_held_out_folds_achieved() {
    let v = json(&["threshold", "--max-fpr", "0.05"]);
    assert_eq!(v["command"], "threshold");
    assert_eq!(v["params"]["promise"], "max_fpr");
    let r = &v["results"];
    assert_eq!(r["promised"]["bound"], 0.05);
    assert_eq!(r["promised"]["min_validation_rows"], 59);
    let vp = r["achieved_validation_point"]["achieved"]["mean"]
        .as_f64()
        .unwrap();
    let np = r["achieved_umbrella"]["achieved"]["mean"].as_f64().unwrap();
    assert!(np < vp, "the umbrella threshold is stricter");
    assert_eq!(r["folds"].as_array().unwrap().len(), 10);
    assert!(r["baselines"]["recall"].is_number());
}

#[test]
fn threshold_prints_the_same_bytes_at_any_thread_count() {
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mlproof"))
            .args(["threshold", "--min-recall", "0.8", "--format", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn threshold_fits_100_columns() {
    assert_fits_100_columns(&[
        &["threshold", "--max-fpr", "0.05"],
        &["threshold", "--min-precision", "0.7"],
    ]);
}

#[test]
fn threshold_refuses_bad_promises_in_one_line() {
    assert_usage_errors(&[
        (vec!["threshold"], "needs a promise"),
        (
            vec!["threshold", "--max-fpr", "0.05", "--min-recall", "0.9"],
            "one promise at a time",
        ),
        (
            vec!["threshold", "--max-fpr", "0"],
            "--max-fpr must be strictly between 0 and 1",
        ),
        (
            vec!["threshold", "--min-precision", "1.2"],
            "--min-precision must be strictly",
        ),
        (
            vec!["threshold", "--min-recall", "-0.1"],
            "--min-recall must be strictly",
        ),
        (
            vec!["threshold", "--max-fpr", "0.05", "--confidence", "1"],
            "--confidence must be strictly",
        ),
        (
            vec!["threshold", "--max-fpr", "0.05", "--dataset", "glass2"],
            "needs at least 59 validation negatives",
        ),
        (
            vec!["threshold", "--min-recall", "0.95", "--dataset", "yeast4"],
            "validation positives",
        ),
        (
            vec!["threshold", "--max-fpr", "0.05", "--dataset", "sp500"],
            "continuous",
        ),
        (
            vec!["threshold", "--max-fpr", "0.05", "--max-depth", "3"],
            "--max-depth applies to the tree model only",
        ),
    ]);
}

#[test]
fn threshold_refuses_a_single_class_file() {
    let csv = common::temp_csv("threshold-one-class", "a,y\n1,0\n2,0\n3,0\n4,0\n");
    let o = mlproof(&[
        "threshold",
        "--max-fpr",
        "0.1",
        "--data",
        csv.to_str().unwrap(),
        "--target",
        "y",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).lines().count() <= 2);
    std::fs::remove_file(csv).unwrap();
}
