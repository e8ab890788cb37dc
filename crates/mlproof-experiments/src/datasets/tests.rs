use super::*;
use mlproof_core::evidence::Verdict;

#[test]
fn every_bundled_class_set_has_a_minority_positive_class() {
    let r = list(&ListParams::default().check().unwrap())
        .unwrap()
        .results;
    assert_eq!(r.bundled.len(), registry::BUNDLED.len());
    assert!(r.findings.iter().all(|f| f.verdict == Verdict::Holds));
}

#[test]
fn show_counts_constant_features_exactly() {
    let mut data = registry::load("pima", 0).unwrap();
    data.features.column_mut(0).fill(1.5);
    let p = ShowParams {
        name: "pima".into(),
        rows: 3,
        seed: 0,
    };
    let r = show(&data, &p.check().unwrap()).unwrap().results;
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "no-constant-feature")
        .unwrap();
    assert_eq!((f.estimate, f.verdict), (1.0, Verdict::DoesNotHold));
    assert_eq!(r.head.len(), 3);
}
