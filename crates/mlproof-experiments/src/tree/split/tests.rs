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
