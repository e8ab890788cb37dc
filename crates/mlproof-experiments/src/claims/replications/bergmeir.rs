//! One published design rerun (see the parent module).

use super::*;

// ---------------------------------------------------------------------------------------
// Bergmeir, Hyndman & Koo 2018

pub const BHK_LENGTH: usize = 200;
pub const BHK_IN: usize = 140;
/// The embedding's maximal order (the paper's p = 5) and the model's order (AR(3)).
pub const BHK_MAX_LAG: usize = 5;
pub const BHK_ORDER: usize = 3;
/// The end-of-series block of the in-set held out by OOS: our choice, 20%.
pub const BHK_OOS_SHARE: f64 = 0.2;

/// A stationary AR(3): one real inverse root and a complex pair, all inside the unit circle.
pub(super) fn random_ar3(rng: &mut seed::Rng) -> [f64; 3] {
    let r: f64 = rng.gen_range(-0.9..0.9);
    let m: f64 = rng.gen_range(0.1..0.9);
    let theta: f64 = rng.gen_range(0.0..std::f64::consts::PI);
    let (a, b) = (2.0 * m * theta.cos(), m * m);
    [a + r, -(b + r * a), r * b]
}

/// OLS of column 0 (target) on an intercept and lags 1..=order; RMSE on `test`.
pub(super) fn ar_rmse(z: &Array2<f64>, train: &[usize], test: &[usize]) -> f64 {
    let design = |rows: &[usize]| {
        Array2::from_shape_fn((rows.len(), BHK_ORDER + 1), |(i, j)| {
            if j == 0 {
                1.0
            } else {
                z[[rows[i], j]]
            }
        })
    };
    let target = |rows: &[usize]| Array1::from_shape_fn(rows.len(), |i| z[[rows[i], 0]]);
    let (xt, yt) = (design(train), target(train));
    let beta = cholesky_solve(&xt.t().dot(&xt), &xt.t().dot(&yt))
        .unwrap_or_else(|| Array1::zeros(BHK_ORDER + 1));
    let e = &design(test).dot(&beta) - &target(test);
    (e.dot(&e) / test.len() as f64).sqrt()
}

/// Pooled RMSE over folds (each row predicted once).
pub(super) fn ar_cv_rmse(z: &Array2<f64>, folds: &[Fold]) -> f64 {
    let (sse, n) = folds.iter().fold((0.0, 0usize), |(s, n), f| {
        let r = ar_rmse(z, &f.train, &f.test);
        (s + r * r * f.test.len() as f64, n + f.test.len())
    });
    (sse / n as f64).sqrt()
}

pub(super) struct BhkRun {
    cv: f64,
    loo: f64,
    oos: f64,
}

pub(super) fn bergmeir_2018(
    sims: usize,
    seed0: u64,
    progress: &dyn Observer,
) -> Result<Replication> {
    let runs = simulate("bergmeir-2018", sims, progress, |i| {
        let mut rng = seed::rng(seed0, "replicate/bergmeir/series", i);
        let phi = random_ar3(&mut rng);
        let burn = 200;
        let mut x = vec![0.0; BHK_LENGTH + burn];
        for t in 3..x.len() {
            x[t] = phi[0] * x[t - 1]
                + phi[1] * x[t - 2]
                + phi[2] * x[t - 3]
                + seed::standard_normal(&mut rng);
        }
        let x = &x[burn..];
        // Embedded rows t = 5..200: (x_t, x_{t−1}, …, x_{t−5}).
        let z = Array2::from_shape_fn((BHK_LENGTH - BHK_MAX_LAG, BHK_MAX_LAG + 1), |(r, j)| {
            x[r + BHK_MAX_LAG - j]
        });
        let n_in = BHK_IN - BHK_MAX_LAG;
        let in_rows: Vec<usize> = (0..n_in).collect();
        let out_rows: Vec<usize> = (n_in..z.nrows()).collect();
        let pe = ar_rmse(&z, &in_rows, &out_rows);
        let zin = z.slice(s![..n_in, ..]).to_owned();
        let cv = ar_cv_rmse(
            &zin,
            &k_fold(
                n_in,
                5,
                Some(seed::derive(seed0, "replicate/bergmeir/folds", i)),
            )?,
        );
        let loo = ar_cv_rmse(&zin, &leave_one_out(n_in)?);
        let cut = n_in - (BHK_OOS_SHARE * n_in as f64).round() as usize;
        let oos = ar_rmse(&zin, &in_rows[..cut], &in_rows[cut..]);
        Ok(BhkRun {
            cv: cv - pe,
            loo: loo - pe,
            oos: oos - pe,
        })
    })?;
    let get = |f: fn(&BhkRun) -> f64| runs.iter().map(f).collect::<Vec<f64>>();
    let (cv, loo, oos) = (get(|r| r.cv), get(|r| r.loo), get(|r| r.oos));
    let abs = |v: &[f64]| v.iter().map(|e| e.abs()).collect::<Vec<f64>>();
    let what = "Monte Carlo trials";
    let minus = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(p, q)| p - q).collect::<Vec<f64>>();
    let mut findings = Findings::default();
    findings.push(Finding::new(
        "oos-less-accurate-than-kfold",
        "the end-of-series holdout's RMSE estimate is further from the true out-set RMSE than 5-fold CV's (|OOS − PE| − |CV − PE|)",
        Effect::student_t(&minus(&abs(&oos), &abs(&cv)), what),
        Rope::symmetric(0.01),
        Direction::Greater,
    ));
    findings.push(Finding::new(
        "kfold-matches-loo",
        "5-fold CV and leave-one-out are equally accurate (|CV − PE| − |LOO − PE|)",
        Effect::student_t(&minus(&abs(&cv), &abs(&loo)), what),
        Rope::symmetric(0.01),
        Direction::Equivalent,
    ));
    let row = |measure: &str, value: f64, reference: &'static str, ours: &[f64]| Compared {
        measure: measure.into(),
        published: Some(Published {
            value,
            measures: "RMSE estimate vs out-set RMSE, AR(3) model on AR(3) series of 200 values",
            reference,
            tag: Tag::Primary,
        }),
        ours: Effect::student_t(ours, what).into(),
    };
    let t1 = "Bergmeir, Hyndman & Koo (preprint of 23 July 2017), Table 1, RMSE, AR(3) row";
    let comparisons = vec![
        row("MAPAE, 5-fold CV", 0.090, t1, &abs(&cv)),
        row("MAPAE, LOOCV", 0.090, t1, &abs(&loo)),
        row("MAPAE, OOS", 0.158, t1, &abs(&oos)),
        row("MPAE (bias), 5-fold CV", 0.006, t1, &cv),
        row("MPAE (bias), LOOCV", 0.002, t1, &loo),
        row("MPAE (bias), OOS", -0.002, t1, &oos),
    ];
    Ok(finish(
        "bergmeir-2018",
        format!(
            "{sims} Monte Carlo trials: a stationary AR(3) with fresh coefficients per trial, series of {BHK_LENGTH}, in-set {BHK_IN} / out-set {}; embedded with {BHK_MAX_LAG} lags; AR(3) fitted by least squares; PE = one-step RMSE on the out-set; estimates by shuffled 5-fold CV, LOOCV and an end-of-in-set block (OOS)",
            BHK_LENGTH - BHK_IN
        ),
        vec![
            "the coefficient draw: one real inverse root in (−0.9, 0.9) and a complex pair of modulus in (0.1, 0.9) (the paper follows Bergmeir et al. 2014, not read)",
            "N(0, 1) innovations, 200 burn-in steps; the series are not shifted positive (an intercept model's RMSE does not change)",
            "OOS holds out the last 20% of the in-set rows (27); CV RMSE pooled over the folds",
            "no nonDepCV arm",
        ],
        comparisons,
        findings,
    ))
}
