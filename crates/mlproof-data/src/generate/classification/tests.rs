use super::*;

#[test]
fn imbalanced_has_the_requested_shape_and_is_reproducible() {
    let spec = ImbalancedSpec::default();
    let a = imbalanced(&spec, 3);
    let b = imbalanced(&spec, 3);
    assert_eq!(a.features, b.features);
    assert_eq!(a.n_features(), spec.n_features());
    let pos = a.summary().positives.unwrap();
    // 100 positives, then 1% of labels flip: about 19 of the 1900 negatives turn
    // positive and 1 positive turns negative, so about 118 (sd ≈ 4.4).
    assert!((100..=140).contains(&pos), "{pos}");
    assert_ne!(imbalanced(&spec, 4).features, a.features);
}
