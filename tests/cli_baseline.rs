//! `mlproof baseline` as a user runs it.

mod common;

use common::{assert_fits_100_columns, assert_usage_errors, json, mlproof, stderr};

#[test]
fn baseline_json_names_a_recommendation_and_keeps_timing_apart() {
    let v = json(&["baseline", "--timing"]);
    let r = &v["results"];
    assert_eq!(r["rungs"].as_array().unwrap().len(), 5);
    assert!(r["recommendation"]["rung"].is_string());
    assert_eq!(r["timing"].as_array().unwrap().len(), 5);
    assert!(r["rungs"][0]["score_baseline"].is_number());
    let quiet = json(&["baseline"]);
    assert!(quiet["results"]["timing"].is_null());
}

#[test]
fn baseline_without_timing_prints_the_same_bytes_at_any_thread_count() {
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mlproof"))
            .args(["baseline", "--dataset", "glass2", "--format", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn baseline_fits_100_columns() {
    assert_fits_100_columns(&[
        &["baseline", "--dataset", "glass2"],
        &["baseline", "--dataset", "ecoli3", "--timing"],
    ]);
}

#[test]
fn baseline_refuses_bad_input_in_one_line() {
    assert_usage_errors(&[
        (
            vec!["baseline", "--metric", "log-loss"],
            "--metric log-loss has no [0, 1] scale",
        ),
        (
            vec!["baseline", "--n-splits", "1"],
            "--n-splits must be at least 2",
        ),
        (
            vec!["baseline", "--n-repeats", "0"],
            "--n-repeats must be at least 1",
        ),
        (
            vec!["baseline", "--rope", "-0.1"],
            "--rope must be in [0, 0.5)",
        ),
        (vec!["baseline", "--dataset", "synth-sine"], "continuous"),
    ]);
    let csv = common::temp_csv("baseline-one-class", "a,y\n1,0\n2,0\n3,0\n4,0\n");
    let o = mlproof(&["baseline", "--data", csv.to_str().unwrap(), "--target", "y"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).lines().count() <= 2);
    std::fs::remove_file(csv).unwrap();
}
