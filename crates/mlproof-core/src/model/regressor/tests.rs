use super::*;
use ndarray::Array;

#[test]
fn a_cubic_is_recovered_exactly() {
    let x = Array::linspace(-1.0, 3.0, 30).insert_axis(ndarray::Axis(1));
    let y = x.column(0).mapv(|v| 2.0 - v + 0.5 * v * v * v);
    let fit = Polynomial { degree: 3 }.fit(&x.to_owned(), &y, 0).unwrap();
    let err = (&fit.predict(&x.to_owned()) - &y)
        .mapv(f64::abs)
        .fold(0.0f64, |a, &b| a.max(b));
    assert!(err < 1e-9, "{err}");
}

#[test]
fn one_nearest_neighbour_reproduces_training_targets() {
    let x = ndarray::array![[0.0], [1.0], [3.0]];
    let y = ndarray::array![5.0, 7.0, 9.0];
    let fit = KNearest { k: 1 }.fit(&x, &y, 0).unwrap();
    assert_eq!(fit.predict(&x), y);
    let fit = KNearest { k: 2 }.fit(&x, &y, 0).unwrap();
    assert_eq!(fit.predict(&ndarray::array![[2.9]])[0], 8.0);
    assert!(KNearest { k: 4 }.fit(&x, &y, 0).is_err());
}

#[test]
fn every_k_from_one_search_equals_each_k_fitted_alone() {
    // Rows on a coarse grid, so many neighbours tie on distance and the row-index order
    // decides which of them make the k nearest.
    let x = Array2::from_shape_fn((120, 3), |(i, j)| ((i * (j + 2)) % 7) as f64);
    let y = Array1::from_shape_fn(120, |i| (i as f64 * 0.37).sin());
    let queries = Array2::from_shape_fn((40, 3), |(i, j)| ((i + j) % 6) as f64 + 0.5);
    let ks = [60, 25, 7, 3, 1];
    let all = KNearest::predict_each_k(&x, &y, &queries, &ks).unwrap();
    for (&k, got) in ks.iter().zip(&all) {
        let alone = KNearest { k }.fit(&x, &y, 0).unwrap().predict(&queries);
        assert_eq!(got, &alone, "k = {k}");
    }
    assert!(KNearest::predict_each_k(&x, &y, &queries, &[121]).is_err());
}
