//! smartcore 0.7 as a second library cross-check of the lasso. smartcore minimises
//! ‖y − Xw − b‖² + n·α_sc·‖w‖₁ by an interior-point method (Koh, Lustig, Boyd & Gorinevsky,
//! 2007), which is scikit-learn's objective at α_sc = 2α. Its default tolerance is loose, so
//! the check is to 1e-3 — far from the 1e-9 linfa-elasticnet and scikit-learn agree to.

use mlproof_core::data::registry;
use mlproof_linear::{enet, Penalty, Standardized};
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::linear::lasso::{Lasso, LassoParameters};

#[test]
fn smartcore_lasso_agrees_with_linfa_elasticnet_at_twice_the_alpha() {
    let pima = registry::load("pima", 0).unwrap();
    let data = pima.with_target_column("Mass", None).unwrap();
    let z = Standardized::fit(&data.features).z;
    let y = data.continuous_target().unwrap();
    let rows: Vec<Vec<f64>> = z.rows().into_iter().map(|r| r.to_vec()).collect();
    let x_sc = DenseMatrix::from_2d_vec(&rows).unwrap();
    for alpha in [0.5, 0.1, 0.01] {
        let ours = enet::fit(&z, y, Penalty::lasso(alpha).unwrap()).unwrap();
        let params = LassoParameters::default()
            .with_alpha(2.0 * alpha)
            .with_normalize(false)
            .with_tol(1e-8)
            .with_max_iter(10_000);
        let sc = Lasso::fit(&x_sc, &y.to_vec(), params).unwrap();
        let coef: Vec<f64> = (0..z.ncols())
            .map(|j| *smartcore::linalg::basic::arrays::Array::get(sc.coefficients(), (j, 0)))
            .collect();
        for (j, (a, b)) in ours.coef.iter().zip(&coef).enumerate() {
            assert!(
                (a - b).abs() < 1e-3,
                "α {alpha}, feature {j}: {a} vs smartcore {b}"
            );
        }
        assert!((ours.intercept - sc.intercept()).abs() < 1e-3);
    }
}
