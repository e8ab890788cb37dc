//! The foundation through the real binary: datasets, metrics, formats, the tour, bad input.

mod common;

use common::{json, mlproof, stderr, stdout, temp_csv};
use serde_json::Value;

#[test]
fn datasets_json_lists_every_bundled_set_with_its_counts_and_the_generators() {
    let v = json(&["datasets"]);
    assert_eq!(v["command"], "datasets");
    let bundled = v["results"]["bundled"].as_array().unwrap();
    assert_eq!(bundled.len(), 9);
    let yeast4 = bundled.iter().find(|d| d["name"] == "yeast4").unwrap();
    assert_eq!(
        (yeast4["rows"].as_u64(), yeast4["positives"].as_u64()),
        (Some(1484), Some(51))
    );
    let sp500 = bundled.iter().find(|d| d["name"] == "sp500").unwrap();
    assert_eq!(sp500["time_column"], "date");
    assert!(v["results"]["generators"].as_array().unwrap().len() >= 4);
}

#[test]
fn datasets_show_prints_head_and_feature_summary() {
    let v = json(&["datasets", "show", "car-good", "--rows", "3"]);
    assert_eq!(v["results"]["head"].as_array().unwrap().len(), 3);
    assert_eq!(v["results"]["features"][0]["kind"], "categorical");
    assert_eq!(v["dataset"]["positives"], 69);
}

#[test]
fn metrics_report_carries_the_envelope_and_every_metric() {
    let v = json(&["metrics", "--dataset", "yeast4", "--seed", "7"]);
    assert_eq!(v["command"], "metrics");
    assert_eq!(v["params"]["seed"], 7);
    assert_eq!(v["dataset"]["rows"], 1484);
    assert!(v["version"].is_string());
    let models = v["results"]["models"].as_array().unwrap();
    assert_eq!(models[0]["model"], "majority");
    for key in [
        "accuracy",
        "balanced_accuracy",
        "recall",
        "mcc",
        "roc_auc",
        "average_precision",
        "log_loss",
        "brier",
    ] {
        assert!(models[1][key].is_number(), "{key}");
    }
}

#[test]
fn the_same_command_prints_the_same_bytes_and_the_seed_matters() {
    let a = mlproof(&["metrics", "--dataset", "pima", "--seed", "3"]);
    let b = mlproof(&["metrics", "--dataset", "pima", "--seed", "3"]);
    let c = mlproof(&["metrics", "--dataset", "pima", "--seed", "4"]);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn tour_runs_every_stop_within_100_columns_in_every_format() {
    let o = mlproof(&["tour"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Stop 2"));
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line}");
    }
    let md = stdout(&mlproof(&["tour", "--format", "markdown"]));
    assert!(md.contains("## Stop 1") && md.contains("| --- |") || md.contains("| ---:"));
    // The stops moved under results.stops so that results can carry findings (issue 11).
    assert!(
        json(&["tour"])["results"]["stops"]
            .as_array()
            .unwrap()
            .len()
            >= 2
    );
}

#[test]
fn threshold_moves_predictions() {
    let low = json(&["metrics", "--dataset", "glass2", "--threshold", "0.05"]);
    let high = json(&["metrics", "--dataset", "glass2", "--threshold", "0.5"]);
    let recall = |v: &Value| v["results"]["models"][1]["recall"].as_f64().unwrap();
    assert!(recall(&low) >= recall(&high));
    assert_eq!(low["params"]["threshold"], 0.05);
}

#[test]
fn a_csv_that_is_not_bundled_works_with_a_named_positive_class() {
    let mut text = String::from("age,plan,churn\n");
    for i in 0..60 {
        let plan = ["basic", "pro", "team"][i % 3];
        let churn = if i % 4 == 0 { "yes" } else { "no" };
        text.push_str(&format!("{},{plan},{churn}\n", 20 + (i * 7) % 50));
    }
    let path = temp_csv("churn", &text);
    let v = json(&[
        "metrics",
        "--data",
        path.to_str().unwrap(),
        "--target",
        "churn",
        "--positive",
        "yes",
    ]);
    assert_eq!(v["dataset"]["positive_class"], "yes");
    assert_eq!(v["dataset"]["categorical_features"], 1);
    assert_eq!(v["dataset"]["positives"], 15);
    std::fs::remove_file(path).unwrap();
}

/// Bad input: one line on stderr naming the problem, exit 2, the file untouched.
fn rejects(test: &str, text: &str, extra: &[&str], expected: &str) {
    let path = temp_csv(test, text);
    let mut args = vec!["metrics", "--data", path.to_str().unwrap(), "--target", "y"];
    args.extend(extra);
    let o = mlproof(&args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{test}: {err}");
    assert_eq!(err.lines().count(), 1, "{test}: one line, got {err}");
    assert!(err.contains(expected), "{test}: {err}");
    assert!(o.stdout.is_empty(), "{test}: nothing on stdout");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "{test}: input modified"
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn malformed_csvs_are_one_line_errors_with_exit_code_2() {
    rejects(
        "ragged",
        "a,y\n1,0\n2,1,5\n3,0\n",
        &[],
        "line 3 has 3 fields",
    );
    rejects(
        "word",
        "a,y\n1,0\n2,1\nabc,0\n4,1\n",
        &[],
        "'abc' is not a number",
    );
    rejects("nan", "a,y\n1,0\nNaN,1\n3,0\n", &[], "missing value 'NaN'");
    rejects("empty", "", &[], "is empty");
    rejects("no-target", "a,b\n1,0\n2,1\n", &[], "no column 'y'");
    rejects("one-class", "a,y\n1,0\n2,0\n3,0\n", &[], "one class only");
    rejects(
        "bad-positive",
        "a,y\n1,0\n2,1\n",
        &["--positive", "7"],
        "not a class",
    );
    rejects(
        "regression-target",
        "a,y\n1,0.5\n2,1.5\n3,2.25\n",
        &[],
        "continuous",
    );
}

#[test]
fn a_missing_file_is_an_input_error() {
    let o = mlproof(&["metrics", "--data", "/nonexistent/x.csv", "--target", "y"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read"));
}

#[test]
fn parameters_out_of_range_are_usage_errors() {
    for (args, expected) in [
        (vec!["metrics", "--threshold", "1.5"], "--threshold"),
        (vec!["metrics", "--test-size", "0"], "--test-size"),
        (vec!["metrics", "--alpha", "-1"], "alpha"),
        (
            vec!["metrics", "--dataset", "nope"],
            "no dataset named 'nope'",
        ),
        (vec!["metrics", "--dataset", "sp500"], "continuous"),
        (
            vec!["metrics", "--dataset", "pima", "--target", "x"],
            "--data FILE.csv only",
        ),
        (
            vec!["metrics", "--dataset", "pima", "--time-column", "x"],
            "--data FILE.csv only",
        ),
        (vec!["datasets", "show", "nope"], "no dataset named"),
    ] {
        let o = mlproof(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn unknown_flags_are_usage_errors() {
    assert_eq!(mlproof(&["metrics", "--bogus"]).status.code(), Some(2));
    assert_eq!(mlproof(&["--format", "xml", "tour"]).status.code(), Some(2));
}

#[test]
fn datasets_export_writes_a_csv_that_reads_back_and_never_overwrites() {
    let path = std::env::temp_dir().join(format!("mlproof-{}-export.csv", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let p = path.to_str().unwrap();
    let o = mlproof(&[
        "datasets",
        "export",
        "synth-imbalanced",
        "--rows",
        "300",
        "--output",
        p,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&["metrics", "--data", p, "--target", "class"]);
    assert_eq!(v["dataset"]["rows"], 300);
    assert_eq!(v["dataset"]["features"], 20);
    let again = mlproof(&["datasets", "export", "pima", "--output", p]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("give --force to replace it"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().lines().count(),
        301,
        "the first file is intact"
    );
    std::fs::remove_file(path).unwrap();
    let o = mlproof(&[
        "datasets",
        "export",
        "pima",
        "--rows",
        "10",
        "--output",
        "/tmp/never-written.csv",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("sizes generators only"));
}
