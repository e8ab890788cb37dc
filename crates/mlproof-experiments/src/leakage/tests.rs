use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_core::Error;
use mlproof_data::registry;
use mlproof_imbalance::{RandomOverSampler, SamplingStrategy};
use mlproof_trees::{TreeClassifier, TreeParams};

use super::*;

fn params(kind: Kind) -> Params {
    Params {
        kind,
        ..Params::default()
    }
}

fn finding<'a>(r: &'a Leakage, id: &str) -> &'a Finding {
    r.findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no finding {id}"))
}

#[test]
fn time_order_refuses_data_without_a_time_column() {
    let data = registry::load("pima", 42).unwrap();
    let p = params(Kind::TimeOrder).check().unwrap();
    let e = run(Some(&data), &p, &Silent).unwrap_err();
    assert!(e.to_string().contains("no time column"), "{e}");
}

#[test]
fn resampling_on_yeast4_measures_the_positive_rate_beside_memorisation() {
    let data = registry::load("yeast4", 42).unwrap();
    let p = params(Kind::Resampling).check().unwrap();
    let r = run(Some(&data), &p, &Silent).unwrap().results;
    let rate = r.resampling.as_ref().unwrap();
    assert!((rate.leaky_test_rate - 0.5).abs() < 1e-9);
    assert!(rate.honest_test_rate < 0.05);
    assert_eq!(
        finding(&r, "leaky-folds-raise-positive-rate").verdict,
        Verdict::Holds
    );
    // F1's always-positive baseline moves with the rate: 2/3 at ½ positives.
    assert!((r.protocol_baselines[0] - 2.0 / 3.0).abs() < 1e-3);
    let total = finding(&r, "leaky-oversampling-inflates").estimate;
    let by_rate = finding(&r, "positive-rate-inflates-f1").estimate;
    let memorised = finding(&r, "leaky-oversampling-inflates-at-honest-rate").estimate;
    assert!((total - by_rate - memorised).abs() < 1e-9);
    assert!(by_rate > 0.0 && memorised > 0.0);
}

#[test]
fn leaky_scores_equal_the_validation_crates_resampling_leak() {
    let data = registry::load("glass2", 42).unwrap();
    let p = Params {
        n_splits: 4,
        ..params(Kind::Resampling)
    }
    .check()
    .unwrap();
    let ours = run(Some(&data), &p, &Silent).unwrap().results;
    let y = data.binary_target().unwrap();
    let (x, _) = mlproof_data::encode::one_hot(&data);
    let tree = TreeClassifier::new(TreeParams::default()).unwrap();
    let over = RandomOverSampler {
        strategy: SamplingStrategy::Auto,
    };
    let theirs =
        mlproof_validation::leakage::resampling(&x, &y, Box::new(tree), Box::new(over), 4, 42)
            .unwrap();
    for (a, b) in ours.protocols.iter().zip(&theirs.protocols) {
        assert_eq!(a.folds, b.folds, "{}", a.name);
    }
}

#[test]
fn smote_nc_runs_on_german_with_its_categorical_columns() {
    let data = registry::load("german", 42).unwrap();
    let p = Params {
        method: Method::SmoteNc,
        n_splits: 3,
        ..params(Kind::Resampling)
    }
    .check()
    .unwrap();
    let r = run(Some(&data), &p, &Silent).unwrap();
    assert!(r.warnings.is_empty());
    assert!(r
        .results
        .findings
        .iter()
        .any(|f| f.id == "leaky-smote-nc-inflates"));
}

#[test]
fn preprocessing_on_noise_scores_against_chance() {
    let p = params(Kind::Preprocessing).check().unwrap();
    let r = run(None, &p, &Silent).unwrap().results;
    assert!(r.protocol_baselines.iter().all(|&b| b == 0.5));
    assert!(r.findings.iter().any(|f| f.id == "selection-leak-inflates"));
    assert_eq!(finding(&r, "leaky-above-baseline").verdict, Verdict::Holds);
}

#[test]
fn an_option_of_another_kind_is_an_error() {
    let p = Params {
        select_k: 3,
        ..params(Kind::Resampling)
    };
    match p.check() {
        Err(Error::Parameter { name, .. }) => assert_eq!(name, "select_k"),
        other => panic!("{other:?}"),
    }
}
