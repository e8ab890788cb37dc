use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> PruningCurve {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

#[test]
fn on_pima_the_cited_steps_are_shown_and_the_one_se_choice_keeps_the_rule() {
    // Issue 11: the reading once cited an α (3 leaves) that neither table nor plot showed.
    let r = run_on(DEFAULT_DATASET, Params::default());
    let shown = r.shown_steps();
    assert!(shown.contains(&r.best.step) && shown.contains(&r.one_se.step));
    assert!(shown.len() <= SHOWN_STEPS + 2);
    let rule = &r.one_se_rule;
    let best = &r.cv[rule.best].test;
    assert!((rule.se - best.std / (best.n as f64).sqrt()).abs() < 1e-12);
    // The choice is the largest α at or above the threshold, over every point.
    let last = (0..r.cv.len())
        .rev()
        .find(|&i| r.cv[i].test.mean >= rule.threshold)
        .unwrap();
    assert_eq!(r.one_se.step, last);
    assert!(r.one_se.ccp_alpha >= r.best.ccp_alpha);
    assert!(r.reading.contains(&evidence::number(rule.se)));
    assert!(r.reading.contains(&format!("step {}", r.one_se.step)));
}

#[test]
fn pruning_helps_is_judged_on_nested_folds() {
    let r = run_on(DEFAULT_DATASET, Params::default());
    assert_eq!(r.nested.pruned.len(), 5);
    let f = r.findings.iter().find(|f| f.id == "pruning-helps").unwrap();
    assert!(f.method.contains("corrected resampled t") && f.method.contains("inner CV"));
    assert!(r.reading.contains(&f.sentence()));
}

#[test]
fn on_yeast4_the_full_tree_is_not_called_better_than_the_majority_share() {
    let r = run_on("yeast4", Params::default());
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "full-tree-beats-baseline")
        .unwrap();
    assert_ne!(f.verdict, Verdict::Holds);
    assert!(r.baseline > 0.96);
}

#[test]
fn a_regression_criterion_is_refused_by_name() {
    match (Params {
        criterion: Criterion::SquaredError,
        ..Params::default()
    })
    .check()
    {
        Err(Error::Parameter { name, .. }) => assert_eq!(name, "criterion"),
        other => panic!("{other:?}"),
    }
}
