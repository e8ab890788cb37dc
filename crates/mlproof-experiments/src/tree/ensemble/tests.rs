use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> Ensembles {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

fn small() -> Params {
    Params {
        n_trees: 20,
        rounds: 8,
        ..Params::default()
    }
}

#[test]
fn on_pima_the_forest_lowers_variance_by_a_paired_per_round_interval() {
    let r = run_on(DEFAULT_DATASET, small());
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "forest-lowers-variance")
        .unwrap();
    assert!(f.method.contains("8 independent bootstrap rounds"));
    assert_eq!(f.verdict, Verdict::Holds);
    // The estimate is the difference of the two variances (the mean of the round terms).
    let tree = r.bias_variance[0].decomposition.variance;
    let rf = r.bias_variance[2].decomposition.variance;
    assert!((f.estimate - (rf - tree)).abs() < 1e-12);
    assert!(r.reading.contains(&f.sentence()));
}

#[test]
fn every_ensemble_claim_is_a_finding_and_the_baseline_is_beside_the_scores() {
    let r = run_on(DEFAULT_DATASET, small());
    for id in [
        "forest-lowers-variance",
        "bagging-lowers-variance",
        "bagging-keeps-bias",
        "boosting-lowers-bias",
        "forest-beats-majority",
    ] {
        assert!(r.findings.iter().any(|f| f.id == id), "{id}");
    }
    assert!(r.accuracy_baseline > 0.6 && r.accuracy_baseline < 0.7);
    assert_eq!(r.variance_growth.last().unwrap().trees, 20);
    assert!(!r.reading.contains("lowers variance by"));
}

#[test]
fn bad_sizes_name_their_parameter() {
    let name = |p: Params| match p.check() {
        Err(Error::Parameter { name, .. }) => name,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        name(Params {
            n_trees: 0,
            ..small()
        }),
        "n_trees"
    );
    assert_eq!(
        name(Params {
            rounds: 1,
            ..small()
        }),
        "rounds"
    );
    assert_eq!(
        name(Params {
            learning_rate: 0.0,
            ..small()
        }),
        "learning_rate"
    );
}
