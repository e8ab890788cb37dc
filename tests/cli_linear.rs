//! `mlproof regularize` and `mlproof features` as a person runs them.

mod common;

use common::{
    assert_fits_100_columns, assert_usage_errors, floats, json, mlproof, stderr, stdout, temp_csv,
};
use serde_json::Value;

#[test]
fn json_coefficients_by_feature_name_equal_scikit_learns_lasso() {
    // tests/oracle/fixtures/linear.json: Lasso on pima, Mass regressed on the rest.
    let fixture: Value = serde_json::from_str(include_str!("oracle/fixtures/linear.json")).unwrap();
    let case = &fixture["regression"][0];
    assert_eq!(
        (case["dataset"].as_str(), case["target"].as_str()),
        (Some("pima"), Some("Mass"))
    );
    let fit = &case["fits"][1];
    let alpha = fit["alpha"].as_f64().unwrap().to_string();
    let v = json(&[
        "regularize",
        "--dataset",
        "pima",
        "--target",
        "Mass",
        "--alpha",
        &alpha,
    ]);
    let r = &v["results"];
    assert_eq!(
        v["params"]["task"], "regression",
        "Mass has many values: regression"
    );
    let names: Vec<&str> = r["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Preg", "Plas", "Pres", "Skin", "Insu", "Pedi", "Age"]
    );
    for (name, want) in names.iter().zip(floats(&fit["coef"])) {
        let got = r["coefficients"][name].as_f64().unwrap();
        assert!(
            (got - want).abs() < 1e-4,
            "{name}: {got} vs scikit-learn {want}"
        );
    }
    assert!((r["intercept"].as_f64().unwrap() - fit["intercept"].as_f64().unwrap()).abs() < 1e-4);
}

#[test]
fn the_path_reports_every_alpha_and_both_choices() {
    let v = json(&["regularize", "--dataset", "pima", "--n-alphas", "30"]);
    let path = &v["results"]["path"];
    let pts = path["points"].as_array().unwrap();
    assert_eq!(pts.len(), 30);
    assert_eq!(pts[0]["n_nonzero"], 0, "the grid starts at α_max");
    let (best, one_se) = (
        path["best"].as_u64().unwrap() as usize,
        path["one_se"].as_u64().unwrap() as usize,
    );
    let cv = |i: usize| pts[i]["cv_error"].as_f64().unwrap();
    assert!((0..30).all(|i| cv(best) <= cv(i)));
    let bar = cv(best) + pts[best]["cv_se"].as_f64().unwrap();
    assert!(one_se <= best && cv(one_se) <= bar);
    assert!(
        one_se == 0 || cv(one_se - 1) > bar,
        "the 1-SE α is the largest within one SE"
    );
    assert_eq!(v["params"]["task"], "classification");
    let at = &v["results"]["at_min_cv"];
    assert_eq!(
        at["Plas"].as_f64(),
        pts[best]["coef"][1].as_f64(),
        "coefficients by name"
    );
    let table = stdout(&mlproof(&[
        "regularize",
        "--dataset",
        "pima",
        "--penalty",
        "elasticnet",
    ]));
    assert!(
        table.contains("elastic-net logistic regression (ρ = 0.5) path")
            && table.contains("1-SE rule")
    );
}

#[test]
fn the_task_is_inferred_and_can_be_overridden() {
    let classes = json(&[
        "regularize",
        "--dataset",
        "wisconsin",
        "--target",
        "CellSize",
        // Issue 14: ten classes need the positive one named (one-vs-rest).
        "--positive",
        "10",
        "--alpha",
        "0.01",
    ]);
    assert_eq!(
        classes["params"]["task"], "classification",
        "10 integer values are classes"
    );
    assert_eq!(classes["dataset"]["one_vs_rest"], true);
    let reg = json(&[
        "regularize",
        "--dataset",
        "wisconsin",
        "--target",
        "CellSize",
        "--task",
        "regression",
        "--penalty",
        "l2",
        "--alpha",
        "0.1",
    ]);
    assert_eq!(reg["params"]["task"], "regression");
    assert_eq!(reg["results"]["error"], "MSE");
    assert_eq!(
        reg["results"]["n_nonzero"], 8,
        "ridge keeps every coefficient"
    );
}

#[test]
fn bad_parameters_are_one_line_usage_errors() {
    assert_usage_errors(&[
        (
            vec!["regularize", "--alpha", "-1"],
            "--alpha must be a finite number > 0",
        ),
        (
            vec!["regularize", "--alpha", "0"],
            "--alpha must be a finite number > 0",
        ),
        (
            vec!["regularize", "--penalty", "elasticnet", "--l1-ratio", "1.5"],
            "--l1-ratio must be in [0, 1]",
        ),
        (
            vec![
                "regularize",
                "--penalty",
                "elasticnet",
                "--l1-ratio",
                "-0.1",
            ],
            "--l1-ratio must be in [0, 1]",
        ),
        (
            vec!["regularize", "--l1-ratio", "0.5"],
            "--l1-ratio applies to the elasticnet penalty only",
        ),
        (vec!["regularize", "--n-alphas", "1"], "at least two α"),
        (
            vec!["regularize", "--task", "regression"],
            "--task regression does not fit target 'class'",
        ),
        (
            vec!["regularize", "--dataset", "pima", "--target", "nope"],
            "no column 'nope'",
        ),
        (
            vec!["regularize", "--demo", "sparsity", "--dataset", "pima"],
            "generated data",
        ),
        (
            vec!["regularize", "--demo", "instability", "--correlation", "1"],
            "correlation",
        ),
        (
            vec!["features", "encoding", "--dataset", "pima"],
            "no categorical column",
        ),
        (
            vec!["features", "selection", "--keep", "0"],
            "--keep must be between 1",
        ),
        (
            vec!["metrics", "--dataset", "pima", "--target", "Mass"],
            "applies to `mlproof regularize` only",
        ),
    ]);
}

#[test]
fn a_constant_column_gets_coefficient_zero_and_a_note() {
    let mut text = String::from("a,b,flat,y\n");
    for i in 0..40 {
        let (a, b) = (i as f64 * 0.37 % 5.0, (i * i % 11) as f64);
        // 0.1 is not a whole number: its mean carries rounding dust, which must not matter.
        text.push_str(&format!("{a},{b},0.1,{}\n", 2.0 * a - b + (i % 3) as f64));
    }
    let csv = temp_csv("constant", &text);
    let before = std::fs::read(&csv).unwrap();
    let path = csv.to_str().unwrap();
    let v = json(&[
        "regularize",
        "--data",
        path,
        "--target",
        "y",
        "--alpha",
        "0.01",
    ]);
    assert_eq!(v["results"]["coefficients"]["flat"], 0.0);
    assert_eq!(v["results"]["constant_columns"][0], "flat");
    let o = mlproof(&["regularize", "--data", path, "--target", "y"]);
    assert!(
        stdout(&o).contains("Constant column(s) flat"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        before,
        "the input is never modified"
    );
}

#[test]
fn a_path_with_no_varying_feature_is_a_clear_error() {
    let csv = temp_csv(
        "flat",
        "a,b,y\n1,0.1,1.5\n1,0.1,2.5\n1,0.1,4.5\n1,0.1,3.5\n1,0.1,7.5\n",
    );
    let o = mlproof(&[
        "regularize",
        "--data",
        csv.to_str().unwrap(),
        "--target",
        "y",
        "--n-splits",
        "2",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("no feature varies with the target"), "{err}");
}

#[test]
fn the_instability_verdict_is_computed_from_the_table() {
    for corr in ["0.5", "0.99"] {
        let args = [
            "regularize",
            "--demo",
            "instability",
            "--correlation",
            corr,
            "--rounds",
            "40",
        ];
        let v = json(&args);
        let r = &v["results"];
        let rows = r["rows"].as_array().unwrap();
        let flips = rows.iter().any(|q| {
            q["penalty"] == "L1"
                && q["only_first"].as_f64().unwrap() >= 0.1
                && q["only_second"].as_f64().unwrap() >= 0.1
        });
        assert_eq!(
            r["l1_unstable"].as_bool(),
            Some(flips),
            "correlation {corr}"
        );
        // The verdict is a finding now (Wilson interval over the resamples, ROPE ±10%),
        // not a sentence decided by the bare 10% cut.
        let f = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == "l1-unstable-correlated")
            .unwrap();
        assert!(f["method"].as_str().unwrap().starts_with("Wilson"));
        let text = stdout(&mlproof(&args));
        assert!(
            text.contains("l1-unstable-correlated") && text.contains("L1 at the one-SE α flips"),
            "correlation {corr}: {text}"
        );
    }
}

#[test]
fn sparsity_scores_the_recovered_support_against_the_generated_truth() {
    let v = json(&["regularize", "--demo", "sparsity"]);
    let r = &v["results"];
    let truth: Vec<usize> = r["truth"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t[0].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(truth.len(), 5);
    for row in r["rows"].as_array().unwrap() {
        let (kept, tp) = (
            row["kept"].as_f64().unwrap(),
            row["true_kept"].as_f64().unwrap(),
        );
        assert!((row["recall"].as_f64().unwrap() - tp / 5.0).abs() < 1e-12);
        if row["penalty"] == "L2" {
            assert_eq!(kept, 50.0);
        }
    }
}

#[test]
fn feature_demos_report_columns_and_cv_scores() {
    let v = json(&["features", "encoding"]);
    // `results` is an object now (with `findings` and `reading`); the sets are `results.sets`.
    let sets = v["results"]["sets"].as_array().unwrap();
    let names: Vec<&str> = sets
        .iter()
        .map(|s| s["dataset"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["german", "car-good"]);
    let cols = |s: &Value, enc: &str| {
        s["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["encoding"] == enc)
            .unwrap()["columns"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        (
            cols(&sets[0], "onehot"),
            cols(&sets[0], "ordinal"),
            cols(&sets[0], "target")
        ),
        (61, 20, 20)
    );
    assert_eq!(
        (cols(&sets[1], "onehot"), cols(&sets[1], "ordinal")),
        (21, 6)
    );
    let s = json(&["features", "scaling"]);
    let knn = s["results"]["knn"].as_array().unwrap();
    assert_eq!(knn.len(), 3);
    assert!(knn
        .iter()
        .all(|k| (0.5..=1.0).contains(&k["auc"]["mean"].as_f64().unwrap())));
    let sel = json(&["features", "selection", "--keep", "3"]);
    let rankings = sel["results"]["rankings"].as_array().unwrap();
    assert_eq!(rankings.len(), 4);
    for r in rankings {
        let mut order: Vec<u64> = r["order"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap())
            .collect();
        order.sort_unstable();
        assert_eq!(
            order,
            (0..9).collect::<Vec<u64>>(),
            "each ranking is a permutation"
        );
    }
}

#[test]
fn the_same_seed_prints_the_same_bytes_at_any_thread_count() {
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mlproof"))
            .args([
                "regularize",
                "--dataset",
                "german",
                "--penalty",
                "elasticnet",
                "--format",
                "json",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn every_table_fits_100_columns() {
    assert_fits_100_columns(&[
        &["regularize", "--dataset", "german"][..],
        &[
            "regularize",
            "--dataset",
            "german",
            "--target",
            "credit_amount",
        ][..],
        &["regularize", "--dataset", "german", "--alpha", "0.01"][..],
        &["regularize", "--demo", "instability"][..],
        &["regularize", "--demo", "sparsity"][..],
        &["features", "scaling"][..],
        &["features", "encoding"][..],
        &["features", "selection", "--dataset", "german"][..],
    ]);
}
