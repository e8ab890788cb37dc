use super::*;

#[test]
fn every_class_lands_on_both_sides_and_rows_are_partitioned() {
    let y: Vec<usize> = (0..100).map(|i| usize::from(i % 20 == 0)).collect();
    let (train, test) = stratified_holdout(&y, 2, 0.25, 1).unwrap();
    assert_eq!(train.len() + test.len(), 100);
    assert!(test.iter().all(|i| !train.contains(i)));
    assert_eq!(test.iter().filter(|&&i| y[i] == 1).count(), 2);
    assert_eq!(train.iter().filter(|&&i| y[i] == 1).count(), 3);
    assert_eq!(stratified_holdout(&y, 2, 0.25, 1).unwrap().1, test);
}

#[test]
fn fractions_outside_the_unit_interval_are_rejected() {
    assert!(matches!(
        stratified_holdout(&[0, 1], 2, 1.0, 0),
        Err(Error::Usage(_))
    ));
}
