use super::bins::{decile_edges, floor_empty, sturges_edges};
use super::*;

#[test]
fn identical_samples_have_no_drift() {
    let a: Vec<f64> = (0..200).map(|i| (i as f64 * 0.37).sin()).collect();
    let s = binned_shares(&a, &a, Binning::Quantile, false);
    let (r, c) = s.floored();
    assert_eq!(psi(&r, &c), 0.0);
    assert_eq!(kl_divergence(&r, &c), 0.0);
    assert!(jensen_shannon(&s.reference, &s.current).abs() < 1e-12);
    let ks = ks_2samp(&a, &a);
    assert_eq!((ks.statistic, ks.pvalue), (0.0, 1.0));
    assert_eq!(wasserstein(&a, &a), 0.0);
}

#[test]
fn deciles_give_ten_equal_reference_bins() {
    let a: Vec<f64> = (0..1000).map(|i| i as f64).collect();
    assert_eq!(decile_edges(&a).len(), 9);
    let s = binned_shares(&a, &a, Binning::Quantile, false);
    assert_eq!(s.n_bins(), 10);
    assert!(s.reference.iter().all(|&x| (x - 0.1).abs() < 0.002));
}

#[test]
fn sturges_uses_log2_n_plus_one_bins() {
    let a: Vec<f64> = (0..1024).map(|i| i as f64).collect();
    assert_eq!(sturges_edges(&a).len(), 12);
}

#[test]
fn empty_bins_are_floored_as_evidently_does() {
    assert_eq!(floor_empty(&[0.5, 0.5, 0.0]), vec![0.5, 0.5, 1e-4]);
    assert_eq!(floor_empty(&[0.99995, 5e-5, 0.0])[2], 5e-5 / 1e6);
}

#[test]
fn the_psi_bound_is_about_a_tenth_at_1000_and_200_rows() {
    let b = psi_no_drift_bound(10, 1000, 200, 0.95);
    assert!((b - 0.1015).abs() < 1e-3, "{b}");
}

#[test]
fn ks_exact_matches_the_textbook_small_case() {
    // n = m = 5, D = 1: P = 2/C(10, 5) = 2/252.
    let t = ks_2samp(&[1.0, 2.0, 3.0, 4.0, 5.0], &[6.0, 7.0, 8.0, 9.0, 10.0]);
    assert_eq!(t.statistic, 1.0);
    assert!((t.pvalue - 2.0 / 252.0).abs() < 1e-15);
    assert_eq!(t.method, KsMethod::Exact);
}

#[test]
fn kstwo_survival_is_monotone_and_bounded() {
    let mut last = 1.0;
    for i in 1..100 {
        let p = kolmogorov::kstwo_sf(5000, i as f64 / 1000.0);
        assert!((0.0..=last + 1e-12).contains(&p), "{i}: {p} after {last}");
        last = p;
    }
}

#[test]
fn chi_square_of_equal_tables_is_zero() {
    let c = chi_square(&[10, 20, 30], &[10, 20, 30]);
    assert_eq!((c.statistic, c.df, c.pvalue), (0.0, 2, 1.0));
}
