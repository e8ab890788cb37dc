use super::*;
use mlproof_core::evidence::{Direction, Verdict};
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn params(demo: Demo) -> Checked<Params> {
    Params::new(demo).check().unwrap()
}

#[test]
fn scaling_on_pima_judges_knn_by_paired_folds_and_leaves_the_tree_exactly_unchanged() {
    // Issue 11: "best" was the highest mean with overlapping intervals.
    let data = registry::load(Demo::Scaling.default_dataset(), 0).unwrap();
    let r = run_scaling(&data, &params(Demo::Scaling), &Silent)
        .unwrap()
        .results;
    let knn = r
        .findings
        .iter()
        .find(|f| f.id == "scaling-changes-knn")
        .unwrap();
    assert!(knn.method.starts_with("corrected resampled t"));
    let raw = &r.scaling.knn[0];
    let std = &r.scaling.knn[1];
    assert!((knn.estimate - (std.auc.mean - raw.auc.mean)).abs() < 1e-12);
    let tree = r
        .findings
        .iter()
        .find(|f| f.id == "scaling-leaves-trees")
        .unwrap();
    assert_eq!(tree.direction, Direction::Equivalent);
    // Trees see X as float32, as scikit-learn's do: standardised values round differently
    // from raw ones, so a few held-out rows change leaf and one fold's ROC-AUC moves by 0.005
    // (scikit-learn 1.9.1 shows the same on pima: 0.005 on two of five unshuffled folds).
    // Exact equality is the claim, so it does not hold here; the change stays small.
    assert_eq!(tree.verdict, Verdict::DoesNotHold);
    assert!(tree.estimate.abs() < 0.02, "{tree:?}");
    assert!(!r.reading.contains("Best here"));
}

#[test]
fn encoding_on_german_and_car_good_compares_each_encoding_with_one_hot_per_fold() {
    let sets: Vec<_> = ENCODING_DATASETS
        .iter()
        .map(|n| registry::load(n, 0).unwrap())
        .collect();
    let r = run_encoding(&sets, &params(Demo::Encoding), &Silent).unwrap();
    assert_eq!(r.dataset.as_ref().map(|d| d.name.as_str()), Some("german"));
    let res = r.results;
    assert_eq!(res.sets.len(), 2);
    for name in ENCODING_DATASETS {
        let id = format!("ordinal-hurts-logistic-{name}");
        assert!(res.findings.iter().any(|f| f.id == id), "{id}");
    }
    assert!(!res.reading.contains("Best on this data"));
    assert_eq!(res.auc_baseline, 0.5);
}

#[test]
fn selection_compares_each_top_k_with_all_features_on_the_same_folds() {
    let data = registry::load(Demo::Selection.default_dataset(), 0).unwrap();
    let r = run_selection(&data, &params(Demo::Selection), &Silent).unwrap();
    assert_eq!(r.params.keep, Some(4), "half of wisconsin's 9 features");
    assert_eq!(r.results.findings.len(), 4);
    for f in &r.results.findings {
        assert!(f.id.starts_with("top-k-") && f.id.ends_with("-matches-all"));
        assert_eq!(f.direction, Direction::Equivalent);
    }
}

#[test]
fn keep_outside_selection_is_an_error() {
    let p = Params {
        keep: Some(3),
        ..Params::new(Demo::Scaling)
    };
    assert!(matches!(
        p.check(),
        Err(mlproof_core::Error::Parameter { name, .. }) if name == "keep"
    ));
}
