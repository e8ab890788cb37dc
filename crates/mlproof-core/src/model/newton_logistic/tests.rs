use super::*;
use crate::model::{BinaryClassifier, Logistic};

fn toy() -> (Array2<f64>, Array1<usize>) {
    let x = Array2::from_shape_fn((60, 3), |(i, j)| {
        ((i * (j + 3) * 7919) % 97) as f64 / 30.0 - 1.5
    });
    let y = (0..60)
        .map(|i| usize::from(x[[i, 0]] - 0.5 * x[[i, 1]] + ((i * 13) % 7) as f64 / 5.0 > 0.8))
        .collect();
    (x, y)
}

#[test]
fn unit_weights_give_linfa_logistics_model() {
    let (x, y) = toy();
    let ours = WeightedLogistic::new(1.0, ClassWeight::None)
        .unwrap()
        .fit(&x, &y, 0)
        .unwrap();
    let linfa = Logistic::new(1.0).unwrap().fit_linfa(&x, &y).unwrap();
    let (a, b) = (ours.predict_proba(&x), linfa.predict_proba(&x));
    for (p, q) in a.iter().zip(b.iter()) {
        assert!((p - q).abs() < 1e-6, "{p} vs {q}");
    }
}

#[test]
fn balanced_weights_sum_to_equal_class_totals() {
    let y = Array1::from(vec![0, 0, 0, 0, 0, 0, 1, 1]);
    let w = ClassWeight::Balanced.row_weights(&y);
    let (w0, w1): (f64, f64) = (w[..6].iter().sum(), w[6..].iter().sum());
    assert!((w0 - 4.0).abs() < 1e-12 && (w1 - 4.0).abs() < 1e-12);
}

#[test]
fn the_gradient_vanishes_at_the_weighted_optimum() {
    let (x, y) = toy();
    let s = ClassWeight::Balanced.row_weights(&y);
    let m = fit_newton(&x, &y, &s, 0.5).unwrap();
    let p = m.predict_proba(&x);
    for j in 0..3 {
        let g: f64 = (0..60)
            .map(|i| s[i] * (p[i] - y[i] as f64) * x[[i, j]])
            .sum::<f64>()
            + 0.5 * m.coef[j];
        assert!(g.abs() < 1e-8, "coordinate {j}: {g}");
    }
    let g0: f64 = (0..60).map(|i| s[i] * (p[i] - y[i] as f64)).sum();
    assert!(g0.abs() < 1e-8);
    assert!(WeightedLogistic::new(0.0, ClassWeight::Balanced).is_err());
}
