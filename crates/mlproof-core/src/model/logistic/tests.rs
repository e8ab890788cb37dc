use super::*;
use ndarray::array;

#[test]
fn probabilities_are_for_label_one_even_when_it_is_the_minority() {
    let x = array![[0.0], [0.1], [0.2], [0.3], [0.4], [0.5], [2.0], [2.1]];
    let y = array![0, 0, 0, 0, 0, 0, 1, 1];
    let p = Logistic::default()
        .fit(&x, &y, 0)
        .unwrap()
        .predict_proba(&x);
    assert!(p[7] > 0.5 && p[0] < 0.5, "{p}");
}
