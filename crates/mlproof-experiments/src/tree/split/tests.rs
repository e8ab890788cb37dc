use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> SplitWalkthrough {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

fn finding<'a>(r: &'a SplitWalkthrough, id: &str) -> &'a Finding {
    r.findings.iter().find(|f| f.id == id).unwrap()
}

#[test]
fn on_car_good_a_tied_root_split_is_not_called_the_strict_best() {
    let r = run_on(DEFAULT_DATASET, Params::default());
    assert_eq!(r.ties[0], ["Maint"]);
    let f = finding(&r, "entropy-root-split-is-strict-best");
    assert_eq!(f.estimate, 0.0);
    assert_eq!(f.verdict, Verdict::DoesNotHold);
    assert!(r.reading.contains(&f.sentence()));
}

#[test]
fn on_pima_both_criteria_choose_plas_and_the_finding_says_so() {
    let r = run_on("pima", Params::default());
    let f = finding(&r, "criteria-agree-on-root");
    assert_eq!(f.verdict, Verdict::Holds);
    assert_eq!(f.interval, [0.0, 0.0]);
    let g = finding(&r, "gini-root-split-is-strict-best");
    assert_eq!(g.verdict, Verdict::Holds);
    assert!(g.estimate > 0.0);
}

#[test]
fn a_regression_criterion_or_a_repeated_one_is_refused_by_name() {
    for criteria in [
        vec![Criterion::SquaredError],
        vec![Criterion::Gini, Criterion::Gini],
        vec![],
    ] {
        match (Params {
            criteria,
            ..Params::default()
        })
        .check()
        {
            Err(Error::Parameter { name, .. }) => assert_eq!(name, "criterion"),
            other => panic!("{other:?}"),
        }
    }
}

fn csv(text: &str) -> mlproof_data::Dataset {
    let opts = mlproof_data::CsvOptions {
        target: "y".into(),
        ..Default::default()
    };
    let origin = mlproof_data::Origin::File {
        path: "t.csv".into(),
    };
    mlproof_data::csv_load::parse_csv("t", "t.csv", origin, text, &opts).unwrap()
}

fn rows(features: &dyn Fn(usize) -> String) -> String {
    let mut text = String::from("a,b,c,y\n");
    for i in 0..30 {
        text.push_str(&format!("{},{}\n", features(i), usize::from(i % 3 == 0)));
    }
    text
}

#[test]
fn all_constant_features_have_no_root_split_and_nothing_is_ranked() {
    let data = csv(&rows(&|_| "1,2,x".into()));
    let r = run(&data, &Params::default().check().unwrap(), &Silent)
        .unwrap()
        .results;
    assert!(r.root_splits.iter().all(|s| s.no_split));
    assert_eq!(r.no_split, ["a", "b", "c"]);
    assert_eq!(r.findings.len(), 1, "no split to judge: {:?}", r.findings);
    let f = finding(&r, "root-split-exists");
    assert_eq!((f.estimate, f.verdict), (0.0, Verdict::DoesNotHold));
    assert!(r.reading.contains(&f.sentence()));
    assert!(r.ties.iter().all(Vec::is_empty), "zeros do not tie");
    assert!(
        r.reading.contains("no root split") && !r.reading.contains("root split is a"),
        "{}",
        r.reading
    );
}

#[test]
fn a_constant_feature_is_never_chosen_or_tied_with() {
    // a is constant and first; b splits (weakly), c is noise.
    let data = csv(&rows(&|i| format!("1,{},{}", i % 2, (i * 7) % 5)));
    let r = run(&data, &Params::default().check().unwrap(), &Silent)
        .unwrap()
        .results;
    for root in &r.root_splits {
        assert_ne!(root.splits[root.chosen].feature, "a");
    }
    assert_eq!(r.no_split, ["a"]);
    assert!(r.ties.iter().all(|t| !t.contains(&"a".to_string())));
    assert!(r.reading.contains("a constant"), "{}", r.reading);
}
