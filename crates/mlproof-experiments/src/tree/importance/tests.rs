use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> Importances {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

#[test]
fn on_imbalanced_yeast4_importance_is_measured_by_roc_auc_and_says_so() {
    // Issue 11: conclusions were drawn from accuracy at the majority baseline.
    let r = run_on("yeast4", Params::default());
    assert_eq!(r.metric, Metric::RocAuc);
    assert!(r.metric_choice.contains("by default"));
    assert!(r.reading.contains(&r.metric_choice));
    assert_eq!(r.test_score_baseline, 0.5);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "tree-beats-baseline")
        .unwrap();
    assert!(r.reading.contains(&f.sentence()));
}

#[test]
fn on_pima_accuracy_stays_the_default_and_every_used_feature_is_judged() {
    let r = run_on(DEFAULT_DATASET, Params::default());
    assert_eq!(r.metric, Metric::Accuracy);
    let used = r.features.iter().filter(|f| f.impurity > 0.0).count();
    let judged = r
        .findings
        .iter()
        .filter(|f| f.id.starts_with("permutation-importance-positive-"))
        .count();
    assert_eq!(judged, used);
    let plas = r
        .findings
        .iter()
        .find(|f| f.id == "permutation-importance-positive-plas")
        .unwrap();
    assert_eq!(plas.verdict, Verdict::Holds);
    assert!(r
        .findings
        .iter()
        .any(|f| f.id == "impurity-permutation-disagree"));
}

#[test]
fn an_asked_metric_is_kept_and_bad_repeats_name_the_parameter() {
    let r = run_on(
        "yeast4",
        Params {
            metric: Some(Metric::Accuracy),
            ..Params::default()
        },
    );
    assert_eq!(r.metric, Metric::Accuracy);
    match (Params {
        repeats: 0,
        ..Params::default()
    })
    .check()
    {
        Err(Error::Parameter { name, .. }) => assert_eq!(name, "repeats"),
        other => panic!("{other:?}"),
    }
}

fn constant_csv() -> mlproof_data::Dataset {
    let mut text = String::from("a,b,c,y\n");
    for i in 0..40 {
        text.push_str(&format!("1,2,x,{}\n", usize::from(i % 3 == 0)));
    }
    let opts = mlproof_data::CsvOptions {
        target: "y".into(),
        ..Default::default()
    };
    let origin = mlproof_data::Origin::File {
        path: "t.csv".into(),
    };
    mlproof_data::csv_load::parse_csv("t", "t.csv", origin, &text, &opts).unwrap()
}

#[test]
fn all_constant_features_have_no_importance_and_none_is_ranked_first() {
    let data = constant_csv();
    let r = run(&data, &Params::default().check().unwrap(), &Silent)
        .unwrap()
        .results;
    assert!(r.features.iter().all(|f| f.impurity == 0.0));
    assert_eq!(r.constant, ["a", "b", "c=x"]);
    assert!(
        r.reading.contains("no split") && !r.reading.contains("ranks"),
        "{}",
        r.reading
    );
}
