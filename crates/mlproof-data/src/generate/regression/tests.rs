use super::*;

#[test]
fn residuals_against_the_truth_have_the_stated_noise() {
    let r = friedman1(
        &Friedman1Spec {
            n_samples: 20_000,
            noise_sd: 1.0,
        },
        9,
    );
    let Target::Continuous { y } = &r.dataset.target else {
        panic!("regression")
    };
    let resid = y - &r.true_values(&r.dataset.features);
    let var = resid.mapv(|e| e * e).mean().unwrap();
    assert!((var - 1.0).abs() < 0.05, "{var}");
}

#[test]
fn friedman1_matches_its_formula_at_a_known_point() {
    let x = ndarray::arr1(&[0.5, 1.0, 0.5, 0.2, 0.4, 0.9, 0.9, 0.9, 0.9, 0.9]);
    // 10·sin(π/2) + 0 + 2 + 2 = 14
    assert!((TrueFunction::Friedman1.eval(x.view()) - 14.0).abs() < 1e-12);
}
