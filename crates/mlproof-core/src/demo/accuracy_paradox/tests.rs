use super::*;
use mlproof_data::registry;

#[test]
fn on_yeast4_the_baseline_finds_no_positives_yet_scores_high_accuracy() {
    let data = registry::load("yeast4", 0).unwrap();
    let r = run(&data, &Params::new(0.25, 0.5, 1.0, 42).unwrap()).unwrap();
    let base = &r.models[0];
    assert_eq!(base.confusion.tp + base.confusion.fp, 0);
    assert!(base.accuracy > 0.95);
    assert_eq!(base.balanced_accuracy, 0.5);
    assert_eq!(base.roc_auc, 0.5);
    assert_eq!(r.test_positives, 13);
    assert!(r.models[1].roc_auc > 0.7);
}

#[test]
fn thresholds_outside_the_unit_interval_are_usage_errors() {
    assert!(matches!(
        Params::new(0.25, 1.5, 1.0, 0),
        Err(Error::Usage(_))
    ));
    assert!(matches!(
        Params::new(0.25, 0.5, -1.0, 0),
        Err(Error::Usage(_))
    ));
}
