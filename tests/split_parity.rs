//! Fold indices against scikit-learn 1.9.1 (`tests/oracle/fixtures/splits.json`): k-fold,
//! leave-one-out, stratified k-fold on synthetic labels and on every bundled dataset, and
//! time-series splits over every combination of gap, max_train_size and test_size —
//! including the parameter sets scikit-learn rejects or warns about.

use mlproof_core::data::registry;
use mlproof_validation::split::{
    k_fold, leave_one_out, stratified_k_fold, time_series_split, Fold,
};
use serde_json::Value;

fn fixture() -> Vec<Value> {
    let v: Value = serde_json::from_str(include_str!("oracle/fixtures/splits.json")).unwrap();
    v["cases"].as_array().unwrap().clone()
}

fn ints(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

fn opt(v: &Value) -> Option<usize> {
    v.as_u64().map(|x| x as usize)
}

fn range(v: &Value) -> Vec<usize> {
    let r = ints(v);
    if r.is_empty() {
        r
    } else {
        (r[0]..r[1]).collect()
    }
}

/// Compares folds, or checks that we reject what scikit-learn rejects.
fn compare(
    case: &Value,
    ours: Result<Vec<Fold>, mlproof_core::Error>,
    expand: fn(&Value) -> Vec<usize>,
    with_train: bool,
) {
    match (&case["error"], ours) {
        (Value::String(_), Err(_)) => {}
        (Value::String(e), Ok(_)) => panic!("scikit-learn rejects {case:.200}: {e}; we accepted"),
        (_, Err(e)) => panic!("we reject what scikit-learn accepts ({e}): {case:.200}"),
        (_, Ok(folds)) => {
            let expected = case["folds"].as_array().unwrap();
            assert_eq!(folds.len(), expected.len());
            for (ours, theirs) in folds.iter().zip(expected) {
                assert_eq!(
                    ours.test,
                    expand(&theirs["test"]),
                    "test indices of {case:.200}"
                );
                if with_train {
                    assert_eq!(
                        ours.train,
                        expand(&theirs["train"]),
                        "train indices of {case:.200}"
                    );
                }
            }
        }
    }
}

#[test]
fn k_fold_and_leave_one_out_equal_scikit_learn() {
    for c in fixture().iter().filter(|c| c["kind"] == "kfold") {
        compare(
            c,
            k_fold(opt(&c["n"]).unwrap(), opt(&c["n_splits"]).unwrap(), None),
            ints,
            true,
        );
    }
    let c = fixture().into_iter().find(|c| c["kind"] == "loo").unwrap();
    compare(&c, leave_one_out(6), ints, true);
}

#[test]
fn stratified_k_fold_equals_scikit_learn_on_synthetic_labels_and_every_bundled_dataset() {
    let mut datasets = 0;
    for c in fixture().iter().filter(|c| c["kind"] == "stratified") {
        let y = match c["dataset"].as_str() {
            Some(name) => {
                datasets += 1;
                registry::load(name, 0)
                    .unwrap()
                    .binary_target()
                    .unwrap()
                    .to_vec()
            }
            None => ints(&c["y"]),
        };
        let ours = stratified_k_fold(&y, opt(&c["n_splits"]).unwrap(), None);
        if let (Ok(s), Some(warned)) = (&ours, c["warned"].as_bool()) {
            assert_eq!(!s.warnings.is_empty(), warned, "warning for {c:.200}");
        }
        compare(c, ours.map(|s| s.folds), ints, c["dataset"].is_null());
    }
    assert_eq!(datasets, 8 * 3);
}

#[test]
fn time_series_split_equals_scikit_learn_for_every_parameter_combination() {
    let cases: Vec<Value> = fixture()
        .into_iter()
        .filter(|c| c["kind"] == "time-series")
        .collect();
    assert!(cases.len() >= 300);
    for c in &cases {
        let ours = time_series_split(
            opt(&c["n"]).unwrap(),
            opt(&c["n_splits"]).unwrap(),
            opt(&c["max_train_size"]),
            opt(&c["test_size"]),
            opt(&c["gap"]).unwrap(),
        );
        compare(c, ours, range, true);
    }
}
