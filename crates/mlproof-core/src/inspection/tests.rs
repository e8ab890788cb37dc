use ndarray::{array, Array1, Array2};

use super::*;

#[test]
fn mquantile_matches_scipy_on_small_samples() {
    // scipy.stats.mstats.mquantiles([1, 2, 3, 4, 5], prob=[0.05, 0.5, 0.95]) = [1, 3, 5];
    // mquantiles(range(10), prob=[0.05, 0.95]) = [0., 9.] (clipped) and 0.25 → 1.95.
    let five = [1.0, 2.0, 3.0, 4.0, 5.0];
    assert_eq!(mquantile(&five, 0.5), 3.0);
    let ten: Vec<f64> = (0..10).map(f64::from).collect();
    assert!((mquantile(&ten, 0.25) - 1.95).abs() < 1e-12);
    assert_eq!(mquantile(&ten, 0.05), 0.0);
    assert_eq!(mquantile(&ten, 0.95), 9.0);
}

#[test]
fn a_column_with_few_values_uses_them_as_the_grid() {
    let g = grid(&[3.0, 1.0, 2.0, 1.0], (0.05, 0.95), 5).unwrap();
    assert_eq!(g.values, vec![1.0, 2.0, 3.0]);
    assert_eq!(g.kind, GridKind::Unique);
}

#[test]
fn a_rich_column_gets_an_even_grid_between_its_percentiles() {
    let col: Vec<f64> = (0..100).map(f64::from).collect();
    let g = grid(&col, (0.05, 0.95), 11).unwrap();
    assert_eq!(g.values.len(), 11);
    let GridKind::Percentiles { lower, upper } = g.kind else {
        panic!("percentile grid expected");
    };
    assert_eq!((g.values[0], g.values[10]), (lower, upper));
    assert!(g.values.windows(2).all(|w| w[1] > w[0]));
}

#[test]
fn bad_grids_are_refused() {
    assert!(grid(&[1.0, 2.0], (0.05, 0.95), 1).is_err());
    assert!(grid(&[1.0, 2.0], (0.9, 0.1), 5).is_err());
    let mostly_constant: Vec<f64> = (0..100)
        .map(|i| if i == 0 { 1.0 } else { 0.0 } + i as f64 * 1e-12)
        .collect();
    assert!(grid(&mostly_constant, (0.05, 0.95), 5).is_err());
}

struct FirstColumn;

impl FittedBinary for FirstColumn {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        x.rows().into_iter().map(|r| (r[0] + r[1]) / 10.0).collect()
    }
}

#[test]
fn ice_curves_set_the_feature_and_pd_is_their_mean() {
    let x = array![[1.0, 2.0], [3.0, 4.0]];
    let g = Grid {
        values: vec![0.0, 5.0],
        kind: GridKind::Unique,
    };
    let pd = partial_dependence(&FirstColumn, &x, 0, g).unwrap();
    assert_eq!(pd.individual, vec![vec![0.2, 0.7], vec![0.4, 0.9]]);
    assert!((pd.average[0] - 0.3).abs() < 1e-15 && (pd.average[1] - 0.8).abs() < 1e-15);
}
