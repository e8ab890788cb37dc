use super::*;

fn spread(d: &Dataset, j: usize, rows: std::ops::Range<usize>) -> f64 {
    let x = d.features.column(j);
    let m = rows.len() as f64;
    let mean = rows.clone().map(|t| x[t]).sum::<f64>() / m;
    (rows.map(|t| (x[t] - mean).powi(2)).sum::<f64>() / m).sqrt()
}

#[test]
fn features_are_autocorrelated_and_only_the_covariate_phase_moves_them() {
    let d = stream(&StreamSpec::with_rows(40_000), 5);
    let x2 = d.features.column(1);
    let lag1: f64 = (1..10_000).map(|t| x2[t] * x2[t - 1]).sum::<f64>() / 9_999.0;
    assert!((lag1 - 0.8).abs() < 0.05, "lag-1 autocovariance {lag1}");
    let (before, during, after) = (
        spread(&d, 0, 0..20_000),
        spread(&d, 0, 20_000..30_000),
        spread(&d, 0, 30_000..40_000),
    );
    assert!((during / before - 4.0).abs() < 0.4, "{before} {during}");
    assert!((after / before - 1.0).abs() < 0.1, "{before} {after}");
}

#[test]
fn the_rule_linking_inputs_to_the_label_changes_only_at_the_concept_point() {
    let d = stream(&StreamSpec::with_rows(40_000), 5);
    let y = match &d.target {
        Target::Classes { y, .. } => y.clone(),
        _ => unreachable!(),
    };
    // The share of rows whose label agrees with the first rule's sign.
    let agree = |rows: std::ops::Range<usize>| {
        let m = rows.len() as f64;
        rows.filter(|&t| {
            let s = d.features[[t, 0]] - d.features[[t, 1]] + 0.5 * d.features[[t, 2]];
            usize::from(s > 0.0) == y[t]
        })
        .count() as f64
            / m
    };
    assert!(agree(0..20_000) > 0.85);
    assert!(
        agree(20_000..30_000) > 0.85,
        "covariate drift keeps the rule"
    );
    assert!(agree(30_000..40_000) < 0.6, "concept drift breaks it");
}
