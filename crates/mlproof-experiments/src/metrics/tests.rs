use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> AccuracyParadox {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

#[test]
fn on_yeast4_the_baseline_finds_no_positives_yet_scores_high_accuracy() {
    let r = run_on(DEFAULT_DATASET, Params::default());
    let base = &r.models[0];
    assert_eq!(base.confusion.tp + base.confusion.fp, 0);
    assert!(base.accuracy > 0.95);
    assert_eq!(base.balanced_accuracy, 0.5);
    assert_eq!(base.roc_auc, 0.5);
    assert_eq!(r.test_positives, 13);
    assert!(r.models[1].roc_auc > 0.7);
    assert_eq!(r.baselines["accuracy"], base.accuracy);
    let auc = r
        .findings
        .iter()
        .find(|f| f.id == "model-beats-baseline")
        .unwrap();
    assert_eq!(auc.verdict, Verdict::Holds);
}

#[test]
fn parameters_out_of_range_name_the_parameter() {
    let bad = |p: Params| match p.check() {
        Err(Error::Parameter { name, .. }) => name,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        bad(Params {
            threshold: 1.5,
            ..Params::default()
        }),
        "threshold"
    );
    assert_eq!(
        bad(Params {
            test_size: 1.0,
            ..Params::default()
        }),
        "test_size"
    );
    assert!(Params {
        alpha: -1.0,
        ..Params::default()
    }
    .check()
    .is_err());
}

#[test]
fn glass2_at_threshold_0_2_judges_no_difference_it_cannot_see() {
    // Issue 11: the reading once described a difference of zero as a finding.
    let r = run_on(
        "glass2",
        Params {
            threshold: 0.2,
            ..Params::default()
        },
    );
    for f in &r.findings {
        assert_eq!(
            f.verdict,
            mlproof_core::evidence::decide(
                f.direction,
                f.interval,
                Rope {
                    lo: f.rope[0],
                    hi: f.rope[1]
                }
            )
        );
    }
    assert!(r.reading.contains(&r.findings[0].sentence()));
}
