use super::*;

#[test]
fn average_path_matches_the_papers_values() {
    assert_eq!(average_path(2), 1.0);
    // c(256) = 2(ln 255 + γ) − 2·255/256 ≈ 10.2448.
    assert!((average_path(256) - 10.244_770_920_116_851).abs() < 1e-9);
}

#[test]
fn a_far_point_scores_above_a_central_one_and_above_one_half() {
    let x = Array2::from_shape_fn((300, 2), |(i, j)| {
        if j == 0 {
            (i % 20) as f64 / 19.0
        } else {
            (i / 20) as f64 / 14.0
        }
    });
    let fitted = IsolationForest::default().fit_normal(&x, 3).unwrap();
    let probe = Array2::from_shape_vec((2, 2), vec![0.5, 0.5, 9.0, -9.0]).unwrap();
    let s = fitted.score(&probe);
    assert!(s[1] > 0.5 && s[0] < 0.5 && s[1] > s[0], "{s}");
    let again = IsolationForest::default()
        .fit_normal(&x, 3)
        .unwrap()
        .score(&probe);
    assert_eq!(s, again);
}
