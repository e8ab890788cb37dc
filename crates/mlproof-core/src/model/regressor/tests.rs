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
