use super::demo::{run_instability, run_sparsity, Demo, DemoParams};
use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn path_on(name: &str, params: Params) -> PathResult {
    let data = registry::load(name, 0).unwrap();
    match run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
    {
        Results::Path(p) => *p,
        Results::Single(_) => panic!("a path was asked for"),
    }
}

fn verdict(findings: &[Finding], id: &str) -> Verdict {
    findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no finding {id}"))
        .verdict
}

#[test]
fn the_one_se_alpha_on_pima_is_the_largest_at_or_under_the_cut_off_of_every_alpha() {
    let r = path_on(DEFAULT_DATASET, Params::default());
    let p = &r.path;
    let rule = p.one_se_rule;
    assert_eq!((rule.best, rule.choice), (p.best, p.one_se));
    let best = &p.points[p.best];
    assert!((rule.se - best.cv_se).abs() < 1e-12);
    assert!((rule.threshold - (best.cv_error + best.cv_se)).abs() < 1e-12);
    // The choice is the largest α (lowest index) whose CV error reaches the cut-off,
    // searched over all points.
    let first = p
        .points
        .iter()
        .position(|q| q.cv_error <= rule.threshold)
        .unwrap();
    assert_eq!(p.one_se, first);
    assert_eq!(r.at_one_se["Plas"], p.points[p.one_se].coef[1]);
}

#[test]
fn the_lasso_on_pima_beats_the_prior_and_zeroes_coefficients() {
    let r = path_on(DEFAULT_DATASET, Params::default());
    assert!(r.path.cv_baseline > r.path.points[r.path.best].cv_error);
    assert!(
        (r.train_baseline - 0.6468).abs() < 1e-3,
        "the prior's log loss"
    );
    assert_eq!(
        verdict(&r.findings, "one-se-beats-no-skill"),
        Verdict::Holds
    );
    let zeroed = r.findings.iter().find(|f| f.id == "l1-sparse").unwrap();
    let p = r.features.len();
    assert_eq!(
        zeroed.estimate,
        (p - r.path.points[r.path.one_se].n_nonzero) as f64
    );
    assert!(r.reading.contains(&zeroed.sentence()));
}

#[test]
fn ridge_zeroes_nothing_and_its_finding_says_so() {
    let r = path_on(
        DEFAULT_DATASET,
        Params {
            penalty: PenaltyKind::L2,
            n_alphas: 20,
            ..Params::default()
        },
    );
    assert_eq!(
        verdict(&r.findings, "penalty-zeroes-coefficients"),
        Verdict::DoesNotHold
    );
}

#[test]
fn options_that_do_not_apply_are_errors_naming_the_parameter() {
    let name = |p: Params| match p.check() {
        Err(Error::Parameter { name, .. }) => name,
        other => panic!("{other:?}"),
    };
    let l1 = Params {
        l1_ratio: Some(0.5),
        ..Params::default()
    };
    assert_eq!(name(l1), "l1_ratio");
    let single = Params {
        alpha: Some(0.1),
        n_alphas: 30,
        ..Params::default()
    };
    assert_eq!(name(single), "n_alphas");
    let bad_alpha = Params {
        alpha: Some(-1.0),
        ..Params::default()
    };
    assert_eq!(name(bad_alpha), "alpha");
    let mut sparsity = DemoParams::new(Demo::Sparsity);
    sparsity.correlation = Some(0.5);
    assert!(matches!(
        sparsity.check(),
        Err(Error::Parameter { name, .. }) if name == "correlation"
    ));
}

#[test]
fn sparsity_finds_l1_sparse_and_ridge_zeroing_none() {
    let r = run_sparsity(&DemoParams::new(Demo::Sparsity).check().unwrap(), &Silent)
        .unwrap()
        .results;
    assert_eq!(verdict(&r.findings, "l1-sparse"), Verdict::Holds);
    assert_eq!(verdict(&r.findings, "l2-zeroes-none"), Verdict::Holds);
}

#[test]
fn instability_flips_are_judged_by_an_interval_not_a_bare_ten_percent_cut() {
    // Issue 11: "flips" was a fixed 10% rule on one run; now a Wilson interval over the
    // resamples against a ROPE of ±10%.
    for correlation in [0.5, 0.99] {
        let mut p = DemoParams::new(Demo::Instability);
        p.rounds = 40;
        p.correlation = Some(correlation);
        let r = run_instability(&p.check().unwrap(), &Silent)
            .unwrap()
            .results;
        let f = r
            .findings
            .iter()
            .find(|f| f.id == "l1-unstable-correlated")
            .unwrap();
        assert_eq!(f.rope, [-0.1, 0.1]);
        assert!(f.method.starts_with("Wilson"));
        assert!(r.findings.iter().any(|f| f.id == "elastic-net-groups"));
        assert!(r.reading.contains(&f.sentence()));
    }
}
