use super::*;
use mlproof_core::evidence::{decide, Verdict};
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(data: &Dataset, only: &[&str]) -> Results {
    let p = Params {
        only: only.iter().map(|s| s.to_string()).collect(),
        ..Params::default()
    };
    run(data, &p.check().unwrap(), &Silent).unwrap().results
}

#[test]
fn every_verdict_is_the_rule_applied_to_its_evidence() {
    let data = registry::load("glass2", 0).unwrap();
    let r = run_on(&data, &[]);
    assert_eq!(r.claims.len(), CATALOGUE.len());
    for c in &r.claims {
        match &c.evidence {
            Some(f) => {
                let rope = Rope {
                    lo: f.rope[0],
                    hi: f.rope[1],
                };
                assert_eq!(f.verdict, decide(f.direction, f.interval, rope), "{}", c.id);
                assert_eq!(c.verdict, f.verdict.as_str());
            }
            None => assert_eq!(c.verdict, "not applicable"),
        }
    }
}

#[test]
fn scaling_leaves_trees_is_judged_against_exact_equality() {
    // The ROPE is ±1e-12: the claim holds only if no fold's score moves at all. On the
    // bundled sets a few held-out rows change leaf after standardising (3 of 25 folds on
    // wisconsin), so the verdict is inconclusive there, never a silent "holds".
    let data = registry::load("wisconsin", 0).unwrap();
    let r = run_on(&data, &["scaling-leaves-trees"]);
    let f = r.claims[0].evidence.as_ref().unwrap();
    assert_eq!(f.rope, [-1e-12, 1e-12]);
    assert!(f.estimate.abs() < 0.01, "{f:?}");
    assert_ne!(f.verdict, Verdict::DoesNotHold);
}

#[test]
fn claims_needing_signal_do_not_hold_on_pure_noise_labels() {
    let mut data = registry::load("pima", 0).unwrap();
    // Labels shuffled: no feature carries any signal.
    if let mlproof_data::Target::Classes { y, .. } = &mut data.target {
        let order = seed::permutation(&mut seed::rng(7, "noise", 0), y.len());
        let copy = y.clone();
        for (i, &o) in order.iter().enumerate() {
            y[i] = copy[o];
        }
    }
    let r = run_on(
        &data,
        &["model-beats-baseline", "depth-overfits", "pruning-helps"],
    );
    let verdict = |id: &str| r.claims.iter().find(|c| c.id == id).unwrap().verdict;
    assert_ne!(verdict("model-beats-baseline"), "holds");
    assert_ne!(verdict("pruning-helps"), "holds");
    // A full-depth tree memorises noise (training accuracy 1, CV near the majority share)
    // while a stump cannot: the train − CV gap does grow with depth on noise. That is what
    // overfitting is, so this claim holds here by construction.
    assert_eq!(verdict("depth-overfits"), "holds");
}

#[test]
fn a_claim_without_time_order_is_not_applicable_and_says_why() {
    let data = registry::load("pima", 0).unwrap();
    let r = run_on(&data, &["shuffled-kfold-overestimates-time"]);
    assert_eq!(r.claims[0].verdict, "not applicable");
    assert!(r.claims[0].why.as_deref().unwrap().contains("time"));
}

#[test]
fn unknown_claim_ids_name_the_parameter() {
    let p = Params {
        only: vec!["no-such-claim".into()],
        ..Params::default()
    };
    assert!(matches!(p.check(), Err(Error::Parameter { name, .. }) if name == "only"));
}

#[test]
fn signed_rank_matches_scipy() {
    // scipy.stats.wilcoxon([0.1, 0.2, -0.05, 0.3, 0.15, 0.25]): statistic 1.0, p 0.0625.
    let r = suite::signed_rank(&[0.1, 0.2, -0.05, 0.3, 0.15, 0.25]).unwrap();
    assert_eq!((r.n, r.statistic, r.method), (6, 1.0, "exact"));
    assert!((r.p_value - 0.0625).abs() < 1e-12, "{}", r.p_value);
}

#[test]
fn logistic_fits_agree() {
    // The sheet's Newton fit and linfa-logistic's L-BFGS minimise the same objective: their
    // held-out probabilities agree on every fold of pima and glass2.
    for name in ["pima", "glass2"] {
        let data = registry::load(name, 0).unwrap();
        let d = design::Design::new(&data, 1, 5, 0).unwrap();
        let newton = d.scores(learners::logistic().unwrap().as_ref()).unwrap();
        let lbfgs = d
            .scores(learners::linfa_logistic().unwrap().as_ref())
            .unwrap();
        for metric in ["roc_auc", "brier", "accuracy"] {
            for (a, b) in newton[metric].iter().zip(&lbfgs[metric]) {
                assert!((a - b).abs() < 1e-6, "{name} {metric}: {a} vs {b}");
            }
        }
    }
}

#[test]
fn a_shared_score_is_the_score_computed_alone() {
    let data = registry::load("ecoli3", 0).unwrap();
    let d = design::Design::new(&data, 2, 5, 3).unwrap();
    let alone = d.scores(learners::tree(Some(2)).unwrap().as_ref()).unwrap();
    let first = d.scored("t2", || learners::tree(Some(2))).unwrap();
    // A second call with the same key returns the stored scores without building a learner.
    let again = d
        .scored("t2", || Err(mlproof_core::Error::internal("rebuilt")))
        .unwrap();
    assert_eq!(alone, first);
    assert_eq!(first, again);
}
