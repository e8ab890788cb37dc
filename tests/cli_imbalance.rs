//! `mlproof resample` and `mlproof imbalance` as a user runs them.

mod common;

use common::{assert_usage_errors, json, mlproof, stderr, stdout, temp_csv};

fn out_path(test: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("mlproof-{}-{test}-out.csv", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn resample_writes_originals_first_then_synthetic_rows_and_leaves_the_input_alone() {
    let input = out_path("resample-input");
    let o = mlproof(&[
        "datasets",
        "export",
        "glass2",
        "--output",
        input.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read_to_string(&input).unwrap();
    let output = out_path("resample-smote");
    let args = [
        "resample",
        "--data",
        input.to_str().unwrap(),
        "--target",
        "class",
        "--positive",
        "1",
        "--output",
        output.to_str().unwrap(),
    ];
    let v = json(&args);
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        before,
        "input untouched"
    );
    let written = std::fs::read_to_string(&output).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    let original: Vec<&str> = before.lines().collect();
    assert_eq!(
        &lines[..original.len()],
        &original[..],
        "original rows first, same header"
    );
    assert_eq!(lines.len() - original.len(), 180, "197 − 17 synthetic rows");
    assert!(lines[original.len()..].iter().all(|l| l.ends_with(",1")));
    assert_eq!(v["results"]["after"], serde_json::json!([197, 197]));
    // Never overwritten: the same command again is refused.
    let again = mlproof(&args);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("give --force to replace it"));
    for p in [input, output] {
        std::fs::remove_file(p).unwrap();
    }
}

#[test]
fn under_sampling_keeps_only_original_rows() {
    let input = out_path("under-input");
    mlproof(&[
        "datasets",
        "export",
        "ecoli3",
        "--output",
        input.to_str().unwrap(),
    ]);
    let output = out_path("under-out");
    json(&[
        "resample",
        "--data",
        input.to_str().unwrap(),
        "--target",
        "class",
        "--method",
        "under",
        "--ratio",
        "0.5",
        "--output",
        output.to_str().unwrap(),
    ]);
    let original = std::fs::read_to_string(&input).unwrap();
    let kept = std::fs::read_to_string(&output).unwrap();
    let originals: std::collections::HashSet<&str> = original.lines().collect();
    assert_eq!(kept.lines().count(), 1 + 35 + 70);
    assert!(kept.lines().all(|l| originals.contains(l)));
    for p in [input, output] {
        std::fs::remove_file(p).unwrap();
    }
}

#[test]
fn smote_nc_keeps_levels_in_categorical_columns() {
    let output = out_path("smote-nc");
    json(&[
        "resample",
        "--dataset",
        "abalone19",
        "--method",
        "smote-nc",
        "--output",
        output.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&output).unwrap();
    assert!(text
        .lines()
        .skip(1)
        .all(|l| ["M,", "F,", "I,"].iter().any(|s| l.starts_with(s))));
    std::fs::remove_file(output).unwrap();
}

#[test]
fn resampling_edge_cases_are_clear_errors() {
    let one_class = temp_csv("one-class", "a,b,y\n1,2,x\n3,4,x\n5,6,x\n");
    let numeric = temp_csv(
        "numeric-only",
        "a,b,y\n1,2,0\n3,4,0\n5,6,1\n7,8,0\n2,5,1\n6,1,0\n",
    );
    assert_usage_errors(&[
        (
            vec!["resample", "--dataset", "german"],
            "--method SMOTE interpolates between rows",
        ),
        (
            vec!["resample", "--dataset", "glass2", "--k-neighbors", "20"],
            "at least 21 positive rows",
        ),
        (
            vec!["resample", "--dataset", "glass2", "--k-neighbors", "0"],
            "at least 1",
        ),
        (
            vec!["resample", "--dataset", "glass2", "--ratio", "1.5"],
            "(0, 1]",
        ),
        (
            vec!["resample", "--dataset", "pima", "--ratio", "0.2"],
            "only adds rows",
        ),
        (
            vec!["resample", "--dataset", "pima", "--method", "smote-nc"],
            "choose smote",
        ),
        (
            vec!["resample", "--dataset", "car-good", "--method", "smote-nc"],
            "every column here is categorical",
        ),
        (
            vec![
                "resample",
                "--data",
                one_class.to_str().unwrap(),
                "--target",
                "y",
            ],
            "class",
        ),
        (
            vec![
                "resample",
                "--data",
                numeric.to_str().unwrap(),
                "--target",
                "y",
                "--k-neighbors",
                "2",
            ],
            "at least 3 positive rows",
        ),
        (
            vec!["imbalance", "--paradox", "--dataset", "pima"],
            "drop --dataset",
        ),
        (
            vec!["imbalance", "--max-depth", "3"],
            "--max-depth applies to the tree and forest models only",
        ),
        (
            vec!["resample", "--method", "over", "--k-neighbors", "3"],
            "--k-neighbors applies to the SMOTE family only",
        ),
        (
            vec!["resample", "--method", "smote", "--m-neighbors", "4"],
            "--m-neighbors applies to Borderline-SMOTE only",
        ),
    ]);
    // --paradox has neither neighbours nor a threshold rule: giving one is refused.
    for flag in [["--k-neighbors", "3"], ["--threshold-rule", "cost:5"]] {
        let o = mlproof(&["imbalance", "--paradox", flag[0], flag[1]]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
    }
    let o = mlproof(&["imbalance", "--threshold-rule", "recall"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown threshold rule 'recall'"));
}

#[test]
fn a_multi_class_target_is_one_versus_rest() {
    let mut text = String::from("a,b,y\n");
    for i in 0..60 {
        let class = ["cat", "dog", "dog", "eel", "eel", "eel"][i % 6];
        text.push_str(&format!("{},{},{class}\n", i, (i * 7) % 11));
    }
    let csv = temp_csv("multi-class", &text);
    // Issue 14: with more than two classes the positive one is named, never guessed.
    let path = csv.to_str().unwrap();
    let guessed = mlproof(&["resample", "--data", path, "--target", "y"]);
    assert_eq!(guessed.status.code(), Some(2), "{}", stderr(&guessed));
    let o = mlproof(&[
        "resample",
        "--data",
        path,
        "--target",
        "y",
        "--positive",
        "cat",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.contains("3 classes: 'cat' against all the others"),
        "{out}"
    );
}

#[test]
fn the_comparison_runs_every_method_on_every_bundled_set_with_logistic_and_tree() {
    for name in [
        "pima",
        "wisconsin",
        "german",
        "ecoli3",
        "glass2",
        "car-good",
        "yeast4",
        "abalone19",
    ] {
        for model in ["logistic", "tree"] {
            let v = json(&["imbalance", "--dataset", name, "--model", model]);
            let methods = v["results"]["methods"].as_array().unwrap();
            assert_eq!(methods.len(), 10, "{name} {model}");
            for m in methods {
                assert!(
                    m["skipped"].is_null(),
                    "{name} {model} {}: {}",
                    m["method"],
                    m["skipped"]
                );
                let f1 = m["scores"]["f1"]["mean"].as_f64().unwrap();
                assert!((0.0..=1.0).contains(&f1), "{name} {model} {}", m["method"]);
            }
            let last = &methods[9];
            assert_eq!(last["leaky"], true);
            let honest = methods[3]["scores"]["f1"]["mean"].as_f64().unwrap();
            let leaky = last["scores"]["f1"]["mean"].as_f64().unwrap();
            let inflation = v["results"]["inflation"]["f1"].as_f64().unwrap();
            assert!((inflation - 100.0 * (leaky - honest)).abs() < 1e-9);
            assert!(!v["results"]["reading"].as_str().unwrap().is_empty());
            assert_eq!(v["results"]["baselines"]["roc_auc"], 0.5);
            assert!(!v["results"]["findings"].as_array().unwrap().is_empty());
        }
    }
}

#[test]
fn the_comparison_prints_the_same_bytes_at_any_thread_count() {
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mlproof"))
            .args([
                "imbalance",
                "--dataset",
                "ecoli3",
                "--model",
                "forest",
                "--max-depth",
                "4",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn the_paradox_table_covers_every_bundled_imbalanced_set() {
    let v = json(&["imbalance", "--paradox"]);
    let rows = v["results"]["sets"].as_array().unwrap();
    assert_eq!(rows.len(), 8);
    for r in rows {
        assert_eq!(r["majority_recall"], 0.0);
        let acc = r["majority_accuracy"].as_f64().unwrap();
        let ratio = r["imbalance_ratio"].as_f64().unwrap();
        assert!((acc - ratio / (1.0 + ratio)).abs() < 0.01, "{r}");
        assert!(
            (r["baseline_accuracy"].as_f64().unwrap() - acc).abs() < 0.01,
            "{r}"
        );
    }
}
