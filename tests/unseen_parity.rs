//! Parity on data no other fixture saw (issue 14): scikit-learn's bundled sets against
//! imbalanced-learn 0.14.2 (`tests/oracle/fixtures/unseen/`, written by
//! `tests/oracle/unseen.py`), through the binary as a user runs it.

mod common;

use common::{mlproof, stderr};
use serde_json::Value;

fn fixture() -> Value {
    serde_json::from_str(include_str!("oracle/fixtures/unseen/unseen.json")).unwrap()
}

fn breast_cancer() -> String {
    format!(
        "{}/tests/oracle/fixtures/unseen/breast_cancer.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// ADASYN's class counts on breast cancer at every ratio, and its refusals. At ratio 0.8 the
/// shares are exactly ½ in exact arithmetic (Σ counts = 146 = 2 · 73): only NumPy's
/// summation order gives imbalanced-learn's 61 new rows (a sequential sum gave 90).
#[test]
fn adasyn_counts_on_breast_cancer_equal_imbalanced_learn() {
    let data = breast_cancer();
    for case in fixture()["breast_cancer"]["adasyn"].as_array().unwrap() {
        let ratio = match &case["strategy"] {
            Value::String(_) => "1".to_string(),
            v => v.to_string(),
        };
        let o = mlproof(&[
            "resample", "--data", &data, "--target", "target", "--method", "adasyn", "--ratio",
            &ratio, "--format", "json",
        ]);
        if case.get("error").is_some() {
            assert_eq!(o.status.code(), Some(2), "ratio {ratio}: {}", stderr(&o));
            assert!(stderr(&o).lines().count() <= 2, "{}", stderr(&o));
            continue;
        }
        assert!(o.status.success(), "ratio {ratio}: {}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let after = &v["results"]["after"];
        assert_eq!(after[0], case["majority_after"], "ratio {ratio}");
        assert_eq!(after[1], case["minority_after"], "ratio {ratio}");
    }
}

fn fixture_csv(name: &str) -> String {
    format!(
        "{}/tests/oracle/fixtures/unseen/{name}.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// `cv --model tree`'s per-fold held-out accuracy and ROC-AUC equal scikit-learn's
/// `DecisionTreeClassifier(random_state=0)` on the same (unshuffled stratified) folds, with
/// its float32 semantics: thresholds between float32 values, held-out rows compared as float32.
#[test]
fn held_out_tree_scores_equal_scikit_learn_on_unseen_sets() {
    for case in fixture()["held_out_trees"].as_array().unwrap() {
        let name = case["dataset"].as_str().unwrap();
        let data = fixture_csv(name);
        let mut args = vec![
            "cv".to_string(),
            "--data".into(),
            data,
            "--target".into(),
            case["target"].as_str().unwrap().into(),
            "--model".into(),
            "tree".into(),
            "--criterion".into(),
            case["criterion"].as_str().unwrap().into(),
            "--format".into(),
            "json".into(),
        ];
        if let Some(d) = case["max_depth"].as_u64() {
            args.extend(["--max-depth".into(), d.to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = mlproof(&args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        for metric in ["accuracy", "roc_auc"] {
            let ours: Vec<f64> = v["results"]["folds"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["test"][metric].as_f64().unwrap())
                .collect();
            let theirs = common::floats(&case[metric]);
            for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                assert!(
                    (a - b).abs() < 1e-12,
                    "{name} {} depth {:?} fold {k} {metric}: ours {a}, scikit-learn {b}",
                    case["criterion"],
                    case["max_depth"]
                );
            }
        }
    }
}
