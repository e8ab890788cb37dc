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
        a.oob_proba(&d.features)
            .unwrap()
            .iter()
            .map(|p| p.to_bits())
            .collect::<Vec<_>>(),
        b.oob_proba(&d.features)
            .unwrap()
            .iter()
            .map(|p| p.to_bits())
            .collect::<Vec<_>>()
    );
    let oob = a.oob_accuracy(&d.features, &y).unwrap();
    assert!(oob > 0.9 && oob < 1.0, "{oob}");
}

#[test]
fn probe_equals_predicting_a_changed_copy() {
    // 70 columns, so feature sets span two 64-bit words; the label depends on columns 3
    // and 66, which the trees then test.
    let n = 240;
    let x = Array2::from_shape_fn((n, 70), |(i, j)| ((i * 31 + j * 17) % 23) as f64 / 7.0);
    let y: Array1<usize> = (0..n)
        .map(|i| usize::from(x[[i, 3]] + x[[i, 66]] > 3.0 || i % 11 == 0))
        .collect();
    let rf = Forest::new(15, Some(8), TreeParams::default()).unwrap();
    let fitted = rf.fit_forest(&x, &y, 5).unwrap();
    let probe = fitted.column_probe(&x);
    for column in [0, 3, 40, 63, 64, 66, 69] {
        let values: Vec<f64> = (0..n)
            .map(|i| x[[(i * 7 + 3) % n, column]] + 0.01)
            .collect();
        let mut changed = x.clone();
        changed
            .column_mut(column)
            .assign(&Array1::from(values.clone()));
        let want = FittedBinary::predict_proba(&fitted, &changed);
        let got = probe.predict_proba_with(column, &values);
        assert_eq!(
            got.iter().map(|p| p.to_bits()).collect::<Vec<_>>(),
            want.iter().map(|p| p.to_bits()).collect::<Vec<_>>(),
            "column {column}"
        );
        if column == 66 {
            assert_ne!(want, FittedBinary::predict_proba(&fitted, &x), "66 is used");
        }
    }
}
