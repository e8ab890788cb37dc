//! Validation through the real binary: splits, cross-validation, curves, leakage,
//! bias-variance, determinism across thread counts, output width.

mod common;

use std::process::Command;

use common::{
    assert_fits_100_columns, assert_usage_errors, json, mlproof, stderr, stdout, temp_csv,
};

#[test]
fn split_json_gives_folds_in_order() {
    let v = json(&[
        "split",
        "--kind",
        "time-series",
        "--n-splits",
        "3",
        "--gap",
        "2",
        "--n-samples",
        "20",
    ]);
    let folds = v["results"]["folds"].as_array().unwrap();
    assert_eq!(folds.len(), 3);
    // scikit-learn: test blocks of 20 // 4 = 5 rows at 5, 10, 15; training stops 2 rows short.
    assert_eq!(folds[0]["test"], serde_json::json!([5, 6, 7, 8, 9]));
    assert_eq!(folds[0]["train"], serde_json::json!([0, 1, 2]));
    let text = stdout(&mlproof(&[
        "split",
        "--kind",
        "stratified",
        "--dataset",
        "yeast4",
    ]));
    assert!(text.contains("fold   5") && text.contains("positive"));
}

#[test]
fn split_warns_on_stderr_where_scikit_learn_warns() {
    let o = mlproof(&[
        "split",
        "--kind",
        "stratified",
        "--dataset",
        "glass2",
        "--n-splits",
        "20",
    ]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("warning: the least populated class has only 17 members"));
}

#[test]
fn split_parameters_scikit_learn_rejects_exit_2() {
    assert_usage_errors(&[
        (
            vec!["split", "--n-splits", "1"],
            "at least one train/test split",
        ),
        (
            vec!["split", "--n-splits", "30", "--n-samples", "10"],
            "greater than the number of samples",
        ),
        (vec!["split", "--kind", "stratified"], "needs class labels"),
        (
            vec![
                "split",
                "--kind",
                "time-series",
                "--n-samples",
                "10",
                "--n-splits",
                "3",
                "--gap",
                "5",
            ],
            "leaves no training",
        ),
        (
            vec![
                "split",
                "--kind",
                "stratified",
                "--dataset",
                "glass2",
                "--n-splits",
                "500",
            ],
            "greater than the number of samples",
        ),
        (
            vec!["split", "--kind", "loo", "--n-samples", "1"],
            "at least two samples",
        ),
    ]);
}

fn with_threads(args: &[&str], threads: &str) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_mlproof"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    o.stdout
}

#[test]
fn parallel_commands_print_the_same_bytes_at_any_thread_count() {
    for args in [
        &[
            "cv",
            "--dataset",
            "ecoli3",
            "--model",
            "tree",
            "--shuffle",
            "--format",
            "json",
        ][..],
        &["curves", "--dataset", "glass2", "--format", "json"][..],
        &["curves", "--kind", "learning", "--dataset", "wisconsin"][..],
        &["bias-variance", "--rounds", "20", "--format", "json"][..],
        &[
            "bias-variance",
            "--loss",
            "zero-one",
            "--rounds",
            "20",
            "--format",
            "json",
        ][..],
    ] {
        assert_eq!(with_threads(args, "1"), with_threads(args, "2"), "{args:?}");
    }
}

#[test]
fn cv_reports_every_fold_and_a_summary() {
    let v = json(&[
        "cv",
        "--dataset",
        "pima",
        "--split",
        "kfold",
        "--n-splits",
        "4",
        "--select-k",
        "3",
    ]);
    assert_eq!(v["results"]["folds"].as_array().unwrap().len(), 4);
    let acc = &v["results"]["test"]["accuracy"];
    assert!(acc["ci95_low"].as_f64().unwrap() <= acc["mean"].as_f64().unwrap());
    assert_eq!(
        v["params"]["model"],
        "standardize → select-3-best → logistic"
    );
}

#[test]
fn validation_curve_names_its_regions_from_the_numbers() {
    let v = json(&["curves", "--dataset", "pima"]);
    let points = v["results"]["points"].as_array().unwrap();
    assert_eq!(points.len(), 15);
    let best = v["results"]["regions"]["best"].as_u64().unwrap() as usize;
    let best_cv = points[best]["test"]["mean"].as_f64().unwrap();
    assert!(points
        .iter()
        .all(|p| p["test"]["mean"].as_f64().unwrap() <= best_cv));
    // A full-depth tree fits its training folds almost perfectly.
    assert!(points[14]["train"]["mean"].as_f64().unwrap() > 0.99);
}

#[test]
fn curves_json_carries_the_one_se_choice_a_baseline_and_findings() {
    // Issue 11: on pima depth 2 is within one SE of the best (depth 5), so it is the choice.
    let v = json(&["curves", "--dataset", "pima"]);
    let r = &v["results"];
    assert_eq!(r["regions"]["one_se"], 1);
    assert!((r["baseline"].as_f64().unwrap() - 500.0 / 768.0).abs() < 1e-12);
    let ids: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"depth-overfits") && ids.contains(&"underfit"));
    assert_eq!(v["params"]["model"]["kind"], "tree");
    assert_eq!(r["points"][0]["test_folds"].as_array().unwrap().len(), 5);
    let v = json(&["curves", "--kind", "learning", "--dataset", "yeast4"]);
    let reading = v["results"]["reading"].as_str().unwrap();
    assert!(!reading.contains("bias"), "{reading}");
    assert!(
        reading.contains("more data narrows the train − CV gap")
            || reading.contains("More data narrows")
    );
}

#[test]
fn curve_and_cv_parameters_out_of_range_exit_2() {
    assert_usage_errors(&[
        (
            vec!["curves", "--model", "logistic"],
            "knob of the Tree model",
        ),
        (
            vec!["cv", "--model", "tree", "--max-depth", "0"],
            "--max-depth must be at least 1",
        ),
        (
            vec!["cv", "--model", "tree", "--min-samples-split", "1"],
            "--min-samples-split",
        ),
        (
            vec!["cv", "--select-k", "99"],
            "--select-k 99 is out of range",
        ),
        (vec!["cv", "--threshold", "2"], "--threshold"),
        (
            vec!["curves", "--min-samples-leaf", "0"],
            "--min-samples-leaf",
        ),
    ]);
}

#[test]
fn leakage_reports_honest_and_leaky_protocols_on_the_same_rows() {
    let v = json(&["leakage"]);
    let p = v["results"]["protocols"].as_array().unwrap();
    assert_eq!(p.len(), 3);
    assert_eq!(
        (p[0]["leaky"].as_bool(), p[1]["leaky"].as_bool()),
        (Some(true), Some(false))
    );
    let inflation = v["results"]["inflation_points"].as_f64().unwrap();
    let means: Vec<f64> = p
        .iter()
        .map(|x| x["summary"]["mean"].as_f64().unwrap())
        .collect();
    assert!((inflation - 100.0 * (means[0] - means[1])).abs() < 1e-9);
    let v = json(&["leakage", "--kind", "preprocessing", "--n-splits", "4"]);
    assert_eq!(v["results"]["metric"], "roc_auc");
    assert_eq!(
        v["results"]["protocols"][0]["folds"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn leakage_parameters_out_of_range_exit_2() {
    assert_usage_errors(&[
        (
            vec!["leakage", "--series", "NOPE"],
            "no feature column 'NOPE'",
        ),
        (vec!["leakage", "--window", "0"], "at least 1"),
        (
            vec!["leakage", "--n-splits", "1"],
            "at least one train/test split",
        ),
        (vec!["leakage", "--gap", "2000"], "leaves no training"),
        (
            vec!["leakage", "--kind", "preprocessing", "--select-k", "0"],
            "--select-k 0 is out of range",
        ),
    ]);
}

#[test]
fn squared_loss_decomposes_exactly_against_targets_and_within_sampling_error_against_truth() {
    for model in ["tree", "poly", "knn"] {
        let v = json(&["bias-variance", "--model", model, "--rounds", "60"]);
        for p in v["results"]["points"].as_array().unwrap() {
            let f = |k: &str| p[k].as_f64().unwrap();
            // E[MSE] = bias²(observed targets) + variance is an identity.
            assert!(
                (f("expected_loss") - f("bias2") - f("variance")).abs() < 1e-9,
                "{model}: {p}"
            );
            let t = &p["truth"];
            let g = |k: &str| t[k].as_f64().unwrap();
            assert!(
                (g("sum") - f("expected_loss")).abs() <= g("margin95"),
                "{model}: {p}"
            );
        }
    }
}

#[test]
fn zero_one_bias_variance_runs_on_real_data_and_finds_the_u_curve_minimum() {
    let v = json(&[
        "bias-variance",
        "--loss",
        "zero-one",
        "--dataset",
        "wisconsin",
        "--rounds",
        "30",
    ]);
    let points = v["results"]["points"].as_array().unwrap();
    assert_eq!(points.len(), 12);
    let best = v["results"]["best"].as_u64().unwrap() as usize;
    let loss = |i: usize| points[i]["expected_loss"].as_f64().unwrap();
    assert!((0..12).all(|i| loss(best) <= loss(i)));
}

#[test]
fn bias_variance_parameters_out_of_range_exit_2() {
    assert_usage_errors(&[
        (
            vec!["bias-variance", "--rounds", "1"],
            "--rounds must be between 2",
        ),
        (
            vec!["bias-variance", "--dataset", "pima"],
            "needs a generator with a known truth",
        ),
        (
            vec![
                "bias-variance",
                "--model",
                "poly",
                "--dataset",
                "synth-friedman1",
            ],
            "takes one feature",
        ),
        (
            vec!["bias-variance", "--loss", "zero-one", "--model", "knn"],
            "use --model tree",
        ),
        (
            vec!["bias-variance", "--loss", "zero-one", "--dataset", "sp500"],
            "continuous",
        ),
        (
            vec!["bias-variance", "--loss", "zero-one", "--test-size", "1.5"],
            "out of range",
        ),
    ]);
}

#[test]
fn early_stopping_marks_the_best_stage_and_the_patience_stop() {
    let v = json(&[
        "curves",
        "--kind",
        "early-stopping",
        "--dataset",
        "pima",
        "--n-estimators",
        "120",
    ]);
    let r = &v["results"];
    let val: Vec<f64> = r["validation_loss"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert_eq!(val.len(), 120);
    let best = r["best_stage"].as_u64().unwrap() as usize;
    assert!(val.iter().all(|&l| val[best - 1] <= l));
    let train: Vec<f64> = r["train_loss"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert!(train[119] < train[0]);
    if let Some(stop) = r["patience_stop"].as_u64() {
        assert!(stop as usize > 10 && stop as usize <= 120);
    }
}

#[test]
fn leave_one_out_comparison_counts_fits_and_measures_bias_against_the_truth() {
    let v = json(&[
        "cv",
        "--compare",
        "--model",
        "tree",
        "--max-depth",
        "2",
        "--subsample",
        "40",
        "--repeats",
        "8",
    ]);
    let s = v["results"]["schemes"].as_array().unwrap();
    let fits: Vec<u64> = s
        .iter()
        .map(|e| e["fits_per_estimate"].as_u64().unwrap())
        .collect();
    assert_eq!(fits, vec![5, 10, 40]);
    for e in s {
        let est: Vec<f64> = e["estimates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        let mean = est.iter().sum::<f64>() / est.len() as f64;
        let bias = e["bias"].as_f64().unwrap();
        assert!((mean - e["mean_truth"].as_f64().unwrap() - bias).abs() < 1e-12);
    }
    assert!(
        v["results"]["ms_per_estimate"].is_null(),
        "timing only when asked"
    );
    let o = mlproof(&["cv", "--compare", "--subsample", "5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--subsample must be between 20"));
}

#[test]
fn stratified_split_with_every_class_smaller_than_k_exits_2() {
    let path = temp_csv("tiny-classes", "a,y\n1,0\n2,0\n3,1\n4,1\n");
    let o = mlproof(&[
        "split",
        "--kind",
        "stratified",
        "--n-splits",
        "3",
        "--data",
        path.to_str().unwrap(),
        "--target",
        "y",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("greater than the number of members in every class"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn polynomial_degree_curve_scores_mse_with_lower_is_better() {
    let v = json(&["curves", "--param", "degree"]);
    let points = v["results"]["points"].as_array().unwrap();
    assert_eq!(points.len(), 12);
    let best = v["results"]["regions"]["best"].as_u64().unwrap() as usize;
    let cv = |i: usize| points[i]["test"]["mean"].as_f64().unwrap();
    assert!(
        (0..12).all(|i| cv(best) <= cv(i)),
        "the best point has the lowest MSE"
    );
    assert_eq!(v["params"]["metric"], "mse");
    for (args, expected) in [
        (
            vec!["curves", "--param", "degree", "--dataset", "pima"],
            "class target",
        ),
        (
            vec![
                "curves",
                "--param",
                "degree",
                "--dataset",
                "synth-friedman1",
            ],
            "one feature",
        ),
        (
            vec!["curves", "--param", "degree", "--split", "stratified"],
            "cannot be stratified",
        ),
    ] {
        let o = mlproof(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn huge_parameters_are_usage_errors_not_crashes() {
    assert_usage_errors(&[
        (
            vec![
                "split",
                "--kind",
                "time-series",
                "--n-splits",
                "18446744073709551615",
            ],
            "--n-splits",
        ),
        (
            vec![
                "split",
                "--kind",
                "time-series",
                "--gap",
                "18446744073709551615",
            ],
            "leaves no training",
        ),
        (
            vec!["split", "--n-samples", "18446744073709551615"],
            "--n-samples",
        ),
        (
            vec!["split", "--kind", "loo", "--n-samples", "20000"],
            "use k-fold",
        ),
        (
            vec!["bias-variance", "--rounds", "18446744073709551615"],
            "--rounds must be between",
        ),
        (
            vec!["cv", "--compare", "--repeats", "1000000"],
            "--repeats must be between",
        ),
        (
            vec![
                "curves",
                "--kind",
                "early-stopping",
                "--n-estimators",
                "100000000",
            ],
            "--n-estimators",
        ),
        (
            vec!["leakage", "--window", "18446744073709551615"],
            "too few",
        ),
    ]);
}

#[test]
fn every_table_output_fits_100_columns() {
    assert_fits_100_columns(&[
        &["datasets"][..],
        &["datasets", "show", "sp500", "--rows", "20"][..],
        &["datasets", "show", "synth-sine"][..],
        &["datasets", "show", "german", "--rows", "13"][..],
        &["split", "--kind", "loo", "--n-samples", "60"][..],
        &["split", "--kind", "stratified", "--dataset", "abalone19"][..],
        &["cv", "--dataset", "car-good", "--model", "tree"][..],
        &[
            "cv",
            "--compare",
            "--model",
            "tree",
            "--max-depth",
            "2",
            "--repeats",
            "4",
            "--timing",
        ][..],
        &[
            "curves",
            "--kind",
            "early-stopping",
            "--n-estimators",
            "1500",
        ][..],
        &["curves", "--param", "alpha", "--dataset", "german"][..],
        &["curves", "--param", "degree"][..],
        &["bias-variance", "--model", "knn", "--rounds", "10"][..],
        &["leakage", "--kind", "preprocessing"][..],
        &["imbalance", "--dataset", "abalone19", "--model", "tree"][..],
        &["imbalance", "--paradox"][..],
        &["resample", "--dataset", "german", "--method", "smote-nc"][..],
    ]);
}

#[test]
fn resampling_before_the_split_is_reported_beside_resampling_inside_the_folds() {
    let v = json(&[
        "leakage",
        "--kind",
        "resampling",
        "--dataset",
        "glass2",
        "--n-splits",
        "4",
    ]);
    let r = &v["results"];
    assert_eq!(r["metric"], "f1");
    let p = r["protocols"].as_array().unwrap();
    assert_eq!(
        (p[0]["leaky"].as_bool(), p[1]["leaky"].as_bool()),
        (Some(true), Some(false))
    );
    let means: Vec<f64> = p
        .iter()
        .map(|x| x["summary"]["mean"].as_f64().unwrap())
        .collect();
    assert!((r["inflation_points"].as_f64().unwrap() - 100.0 * (means[0] - means[1])).abs() < 1e-9);
    assert_usage_errors(&[
        (
            vec!["leakage", "--kind", "resampling", "--ratio", "1.5"],
            "--ratio must be in (0, 1]",
        ),
        (
            vec![
                "leakage",
                "--kind",
                "resampling",
                "--dataset",
                "pima",
                "--ratio",
                "0.2",
            ],
            "over-sampling only adds rows",
        ),
    ]);
}

#[test]
fn options_that_do_not_apply_are_errors_not_ignored() {
    assert_usage_errors(&[
        (
            vec!["cv", "--split", "loo", "--n-splits", "3"],
            "--n-splits does not apply to leave-one-out",
        ),
        (
            vec!["cv", "--gap", "2"],
            "--gap does not apply to stratified",
        ),
        (
            vec!["split", "--kind", "time-series", "--shuffle"],
            "--shuffle does not apply to time-series",
        ),
        (vec!["cv", "--n-repeats", "2"], "--n-repeats does not apply"),
        (
            vec!["cv", "--split", "kfold", "--test-size", "5"],
            "--test-size does not apply",
        ),
        (
            vec!["cv", "--max-train-size", "5"],
            "--max-train-size does not apply",
        ),
        (
            vec!["cv", "--subsample", "40"],
            "--subsample applies to cv --compare only",
        ),
        (
            vec!["cv", "--compare", "--n-splits", "3"],
            "--n-splits does not apply to cv --compare",
        ),
        (
            vec!["cv", "--max-depth", "4"],
            "--max-depth applies to the tree model only",
        ),
    ]);
}

#[test]
fn cv_json_carries_the_model_spec_baselines_findings_and_warnings() {
    let v = json(&[
        "cv",
        "--model",
        "tree",
        "--max-depth",
        "4",
        "--criterion",
        "entropy",
    ]);
    assert_eq!(v["params"]["learner"]["max_depth"], 4);
    assert_eq!(v["params"]["learner"]["criterion"], "entropy");
    assert_eq!(v["results"]["baselines"]["roc_auc"], 0.5);
    assert!(v["results"]["findings"].as_array().unwrap().len() == 7);
    let v = json(&["cv", "--dataset", "glass2", "--n-splits", "20"]);
    assert!(v["warnings"][0]
        .as_str()
        .unwrap()
        .contains("least populated class"));
    let v = json(&[
        "split",
        "--kind",
        "stratified",
        "--dataset",
        "glass2",
        "--n-splits",
        "20",
    ]);
    assert_eq!(v["warnings"], v["results"]["warnings"]);
    assert!(!v["results"]["reading"].as_str().unwrap().is_empty());
}

#[test]
fn claims_replicate_sets_published_beside_ours() {
    let v = json(&[
        "claims",
        "--replicate",
        "bergmeir-2018",
        "--simulations",
        "30",
    ]);
    let r = &v["results"];
    assert_eq!(r["name"], "bergmeir-2018");
    let rows = r["comparisons"].as_array().unwrap();
    assert_eq!(rows[0]["published"]["tag"], "PRIMARY");
    assert_eq!(rows[0]["published"]["value"], 0.09);
    assert!(rows[0]["ours"]["estimate"].as_f64().unwrap() > 0.0);
    assert!(!r["findings"].as_array().unwrap().is_empty());
    assert_fits_100_columns(&[
        &["claims", "--replicate", "esl-7.10.2", "--simulations", "2"],
        &[
            "claims",
            "--replicate",
            "varma-simon-2006",
            "--simulations",
            "2",
        ],
        &[
            "claims",
            "--replicate",
            "bergmeir-2018",
            "--simulations",
            "20",
        ],
        &[
            "claims",
            "--replicate",
            "breiman-1996",
            "--simulations",
            "2",
        ],
        &[
            "claims",
            "--replicate",
            "breiman-2001",
            "--simulations",
            "2",
        ],
    ]);
    for (args, expected) in [
        (
            &["claims", "--replicate", "esl-7.10.2", "--dataset", "pima"][..],
            "cannot be used with",
        ),
        (
            &[
                "claims",
                "--replicate",
                "esl-7.10.2",
                "--only",
                "depth-overfits",
            ][..],
            "cannot be used with",
        ),
        (&["claims", "--replicate", "nope"][..], "esl-7.10.2"),
        (&["claims", "--simulations", "5"][..], "--replicate"),
    ] {
        let o = mlproof(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
    }
}
