use super::*;

fn point(x: f64, cv: f64, std: f64) -> CurvePoint {
    let s = |mean| Summary {
        mean,
        std,
        ci95_low: mean,
        ci95_high: mean,
        n: 4,
    };
    CurvePoint {
        x,
        train: s(1.0),
        test: s(cv),
        train_folds: vec![1.0; 4],
        test_folds: vec![cv; 4],
    }
}

#[test]
fn regions_split_at_one_standard_error_of_the_best() {
    // SE = 0.02 / √4 = 0.01.
    let pts: Vec<CurvePoint> = [0.60, 0.70, 0.795, 0.80, 0.792, 0.70]
        .iter()
        .enumerate()
        .map(|(i, &v)| point(i as f64, v, 0.02))
        .collect();
    let r = regions(&pts, true).unwrap();
    assert_eq!(
        (r.best, r.sweet_spot, r.underfit, r.overfit),
        (3, (2, 4), Some((0, 1)), Some((5, 5)))
    );
}

#[test]
fn the_one_se_choice_is_searched_over_every_point_not_an_unbroken_band() {
    // SE = 0.1 / √4 = 0.05, cut-off 0.75: the simplest point (0.76) qualifies though its
    // neighbour (0.70) does not; pima's depth curve has this shape (depth 2 and 5).
    let pts: Vec<CurvePoint> = [0.76, 0.70, 0.80, 0.70]
        .iter()
        .enumerate()
        .map(|(i, &v)| point(i as f64, v, 0.1))
        .collect();
    let r = regions(&pts, true).unwrap();
    assert_eq!(
        (r.best, r.one_se, r.sweet_spot, r.underfit, r.overfit),
        (2, 0, (0, 2), None, Some((3, 3)))
    );
    assert!((r.se - 0.05).abs() < 1e-12 && (r.threshold - 0.75).abs() < 1e-12);
}

#[test]
fn a_best_first_point_has_no_underfit_region() {
    let pts: Vec<CurvePoint> = [0.9, 0.5]
        .iter()
        .enumerate()
        .map(|(i, &v)| point(i as f64, v, 0.0))
        .collect();
    let r = regions(&pts, true).unwrap();
    assert_eq!((r.underfit, r.overfit), (None, Some((1, 1))));
}

#[test]
fn learning_curve_subsets_keep_both_classes_and_grow_by_adding_rows() {
    // Sorted by class, as some bundled files are: the first 10 rows are all class 0.
    let y = Array1::from((0..100).map(|i| usize::from(i >= 90)).collect::<Vec<_>>());
    let rows: Vec<usize> = (0..100).collect();
    let small = stratified_subset(&rows, &y, 10, 7, 0);
    let large = stratified_subset(&rows, &y, 50, 7, 0);
    assert_eq!((small.len(), large.len()), (10, 50));
    assert_eq!(small.iter().filter(|&&i| y[i] == 1).count(), 1);
    assert_eq!(large.iter().filter(|&&i| y[i] == 1).count(), 5);
    assert!(small.iter().all(|i| large.contains(i)), "nested");
}
