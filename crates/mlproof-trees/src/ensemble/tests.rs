use super::*;
use mlproof_core::data::registry;

#[test]
fn a_forest_is_reproducible_and_its_oob_score_is_sensible() {
    let d = registry::load("wisconsin", 0).unwrap();
    let y = d.binary_target().unwrap();
    let rf = Forest::new(25, Some(3), TreeParams::default()).unwrap();
    let a = rf.fit_forest(&d.features, &y, 7).unwrap();
    let b = rf.fit_forest(&d.features, &y, 7).unwrap();
    assert_eq!(
        a.oob_proba.iter().map(|p| p.to_bits()).collect::<Vec<_>>(),
        b.oob_proba.iter().map(|p| p.to_bits()).collect::<Vec<_>>()
    );
    let oob = a.oob_accuracy(&y);
    assert!(oob > 0.9 && oob < 1.0, "{oob}");
}
