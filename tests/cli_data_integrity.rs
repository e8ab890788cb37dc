//! Issue 14, data integrity: never compute on a misreading. Each case runs the real binary
//! on a CSV that used to be misread silently.

mod common;

use common::{json, mlproof, stderr, stdout, temp_csv};
use serde_json::Value;

/// Fails with exit code 2, at most two lines on stderr, each expected text in them.
fn fails(args: &[&str], expected: &[&str]) -> String {
    let o = mlproof(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(
        err.lines().count() <= 2,
        "{args:?}: at most two lines, got {err}"
    );
    for e in expected {
        assert!(err.contains(e), "{args:?}: no '{e}' in {err}");
    }
    assert!(o.stdout.is_empty(), "{args:?}: nothing on stdout");
    err
}

fn csv(test: &str, header: &str, rows: impl Iterator<Item = String>) -> String {
    let mut text = format!("{header}\n");
    rows.for_each(|r| text.push_str(&format!("{r}\n")));
    temp_csv(test, &text).to_str().unwrap().to_owned()
}

const LONG: [&str; 4] = [
    "123456789012345678",
    "123456789012345679",
    "123456789012345680",
    "123456789012345681",
];

#[test]
fn long_integer_labels_stay_four_classes_and_resample_writes_them_back_unchanged() {
    let path = csv(
        "long-labels",
        "a,b,y",
        (0..40).map(|i| {
            format!(
                "{i},{},{}",
                (i * 7) % 11,
                LONG[usize::from(i % 5 == 0) * (1 + i % 3)]
            )
        }),
    );
    let v = json(&[
        "metrics",
        "--data",
        &path,
        "--target",
        "y",
        "--positive",
        LONG[1],
    ]);
    assert_eq!(v["dataset"]["classes"], 4, "{}", v["dataset"]);
    let out = std::env::temp_dir().join(format!("mlproof-{}-long-out.csv", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let o = mlproof(&[
        "resample",
        "--method",
        "over",
        "--data",
        &path,
        "--target",
        "y",
        "--positive",
        LONG[1],
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = std::fs::read_to_string(&out).unwrap();
    for label in LONG {
        assert!(
            written.contains(&format!(",{label}\n")),
            "{label} missing from {written}"
        );
    }
    std::fs::remove_file(out).unwrap();
}

fn three_classes(test: &str) -> String {
    let classes = ["cat", "dog", "dog", "eel", "eel", "eel"];
    csv(
        test,
        "a,b,y",
        (0..60).map(|i| format!("{i},{},{}", (i * 7) % 11, classes[i % 6])),
    )
}

#[test]
fn a_binary_command_on_three_classes_needs_positive_and_lists_the_classes() {
    let path = three_classes("three-classes");
    for cmd in [
        &["metrics"][..],
        &["cv"],
        &["imbalance"],
        &["tree", "importance"],
    ] {
        let mut args = cmd.to_vec();
        args.extend(["--data", &path, "--target", "y"]);
        fails(
            &args,
            &[
                "--positive is required",
                "3 classes",
                "cat: 10, dog: 20, eel: 30",
            ],
        );
    }
    let v = json(&[
        "metrics",
        "--data",
        &path,
        "--target",
        "y",
        "--positive",
        "dog",
    ]);
    assert_eq!(v["dataset"]["one_vs_rest"], true);
    assert_eq!(v["dataset"]["positive_class"], "dog");
    assert!(v["dataset"]["name"]
        .as_str()
        .unwrap()
        .contains("'dog' vs rest"));
    let o = mlproof(&[
        "metrics",
        "--data",
        &path,
        "--target",
        "y",
        "--positive",
        "dog",
    ]);
    assert!(
        stdout(&o).lines().next().unwrap().contains("'dog' vs rest"),
        "in the title"
    );
    // tree compare uses every class: no --positive needed.
    let o = mlproof(&["tree", "compare", "--data", &path, "--target", "y"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn timed(test: &str, stamps: &[&str]) -> String {
    csv(
        test,
        "t,a,y",
        stamps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{s},{i},{}", i % 2)),
    )
}

#[test]
fn time_stamps_that_cannot_be_ordered_are_errors_naming_the_line_or_the_option() {
    let stamps: Vec<String> = (1..=12).map(|d| format!("2020-01-{d:02}")).collect();
    let mut with_gap: Vec<&str> = stamps.iter().map(String::as_str).collect();
    with_gap[4] = "";
    let path = timed("time-gap", &with_gap);
    let split = |p: &str| {
        vec![
            "split",
            "--kind",
            "time-series",
            "--data",
            p,
            "--target",
            "y",
            "--time-column",
            "t",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<String>>()
    };
    let args = split(&path);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    fails(&args, &["line 6", "missing time stamp"]);

    let ambiguous: Vec<String> = (1..=12).map(|m| format!("03/{m:02}/2020")).collect();
    let ambiguous: Vec<&str> = ambiguous.iter().map(String::as_str).collect();
    let path = timed("time-ambiguous", &ambiguous);
    let args = split(&path);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    fails(&args, &["--time-format is needed", "%d/%m/%Y", "%m/%d/%Y"]);
    let mut with_format = args.clone();
    with_format.extend(["--time-format", "%d/%m/%Y"]);
    let o = mlproof(&with_format);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut bad = args.clone();
    bad.extend(["--time-format", "%b %Y"]);
    fails(&bad, &["--time-format", "%b"]);
}

#[test]
fn an_id_column_is_named_on_stderr_and_left_out_and_drop_removes_columns() {
    let path = csv(
        "id-column",
        "customer,age,plan,y",
        (0..40).map(|i| {
            format!(
                "C-{i:04},{},{},{}",
                20 + (i * 7) % 50,
                ["a", "b"][i % 2],
                usize::from(i % 4 == 0)
            )
        }),
    );
    let o = mlproof(&[
        "metrics", "--data", &path, "--target", "y", "--format", "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: column 'customer' left out"),
        "{}",
        stderr(&o)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["dataset"]["features"], 2);
    assert_eq!(v["dataset"]["dropped_columns"][0]["column"], "customer");
    let v = json(&[
        "metrics", "--data", &path, "--target", "y", "--drop", "plan",
    ]);
    assert_eq!(v["dataset"]["features"], 1);
    fails(
        &[
            "metrics", "--data", &path, "--target", "y", "--drop", "nope",
        ],
        &["--drop names 'nope'", "customer, age, plan, y"],
    );
    fails(
        &["metrics", "--dataset", "pima", "--drop", "nope"],
        &["--drop names 'nope'", "Plas"],
    );
}

#[test]
fn imbalance_with_more_folds_than_positives_names_the_folds_and_reports_n_a() {
    let v = json(&["imbalance", "--dataset", "yeast4", "--n-splits", "60"]);
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("recall") && w.contains("9 of 60 folds")),
        "{warnings:?}"
    );
    let folds = v["results"]["methods"][0]["fold_scores"]
        .as_array()
        .unwrap();
    assert_eq!(folds.iter().filter(|f| f["recall"].is_null()).count(), 9);
}

#[test]
fn all_constant_features_give_no_split_and_no_importance() {
    let path = csv(
        "constant",
        "a,b,c,y",
        (0..40).map(|i| format!("1,2,x,{}", usize::from(i % 3 == 0))),
    );
    let v = json(&["tree", "split", "--data", &path, "--target", "y"]);
    assert!(v["results"]["reading"]
        .as_str()
        .unwrap()
        .contains("no root split"));
    assert_eq!(v["results"]["findings"][0]["id"], "root-split-exists");
    assert_eq!(v["results"]["findings"][0]["verdict"], "does not hold");
    let o = mlproof(&["tree", "split", "--data", &path, "--target", "y"]);
    assert!(!stdout(&o).contains('▶'), "nothing is chosen");
    let v = json(&["tree", "importance", "--data", &path, "--target", "y"]);
    let reading = v["results"]["reading"].as_str().unwrap();
    assert!(
        reading.contains("no split") && !reading.contains("ranks"),
        "{reading}"
    );
}
