//! `mlproof drift` against SciPy 1.17.1 and evidently 0.7.23 (fixtures written by
//! `tests/oracle/drift.py`): per-feature PSI, KL, JS (Sturges bins), KS statistic and p-value,
//! Wasserstein distance and chi-square on sp500, synth-stream, pima and german; `ks_2samp` on
//! small samples with ties; `kstwo.sf` over the branches of the asymptotic method.

use mlproof_core::data::{load_csv, registry, CsvOptions, Dataset};
use mlproof_core::drift::{kolmogorov::kstwo_sf, ks_2samp, wasserstein};
use mlproof_core::params::Check;
use mlproof_core::progress::Silent;
use mlproof_experiments::drift::{self, Binning, Params};
use serde_json::Value;

fn fixture() -> Value {
    let text = std::fs::read_to_string("tests/oracle/fixtures/drift/drift.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn dataset(name: &str) -> Dataset {
    match name {
        "synth-stream" => load_csv(
            std::path::Path::new("tests/oracle/fixtures/drift/synth-stream.csv"),
            &CsvOptions {
                target: "class".into(),
                time_column: Some("t".into()),
                ..Default::default()
            },
        )
        .unwrap(),
        "pima" | "german" => {
            let mut d = registry::load(name, 42).unwrap();
            d.time = Some(("t".into(), (0..d.n_rows()).map(|i| i.to_string()).collect()));
            d
        }
        other => registry::load(other, 42).unwrap(),
    }
}

fn close(got: f64, want: f64, tol: f64, at: &str) {
    let err = (got - want).abs() / want.abs().max(1e-300);
    assert!(
        err <= tol || (got - want).abs() <= 1e-300,
        "{at}: {got} vs {want} (relative {err:e})"
    );
}

#[test]
fn per_feature_statistics_equal_scipy_and_evidently_on_the_bundled_sets() {
    let fx = fixture();
    let params = Params {
        bins: Binning::Sturges,
        windows: 2,
        ..Params::default()
    }
    .check()
    .unwrap();
    for (name, want) in fx["sets"].as_object().unwrap() {
        let report = drift::run(&dataset(name), &params, &Silent).unwrap();
        let r = &report.results;
        assert_eq!(
            r.reference_rows[1] as u64,
            want["reference_rows"].as_u64().unwrap()
        );
        let want = want["features"].as_array().unwrap();
        assert_eq!(r.features.len(), want.len(), "{name}");
        for (f, w) in r.features.iter().zip(want) {
            let at = format!("{name} {}", f.feature);
            assert_eq!(f.feature, w["feature"].as_str().unwrap());
            assert_eq!(f.kind, w["kind"].as_str().unwrap(), "{at}");
            close(
                f.psi,
                w["psi"].as_f64().unwrap(),
                1e-12,
                &format!("{at} psi"),
            );
            close(f.kl, w["kl"].as_f64().unwrap(), 1e-12, &format!("{at} kl"));
            close(f.js, w["js"].as_f64().unwrap(), 1e-12, &format!("{at} js"));
            if f.kind == "numeric" {
                let d = f.ks_statistic.unwrap();
                close(
                    d,
                    w["ks_statistic"].as_f64().unwrap(),
                    1e-14,
                    &format!("{at} ks"),
                );
                let p = f.ks_pvalue.unwrap();
                close(
                    p,
                    w["ks_pvalue"].as_f64().unwrap(),
                    1e-12,
                    &format!("{at} ks p"),
                );
                let w1 = f.wasserstein.unwrap();
                close(
                    w1,
                    w["wasserstein"].as_f64().unwrap(),
                    1e-12,
                    &format!("{at} W1"),
                );
            } else {
                let c = f.chi_square.unwrap();
                close(
                    c.statistic,
                    w["chi2"].as_f64().unwrap(),
                    1e-12,
                    &format!("{at} chi2"),
                );
                close(
                    c.pvalue,
                    w["chi2_pvalue"].as_f64().unwrap(),
                    1e-12,
                    &format!("{at} chi2 p"),
                );
            }
        }
    }
}

#[test]
fn ks_2samp_equals_scipy_on_small_samples_with_ties() {
    for (i, case) in fixture()["ks"].as_array().unwrap().iter().enumerate() {
        let v = |k: &str| -> Vec<f64> {
            case[k]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect()
        };
        let (a, b) = (v("a"), v("b"));
        let t = ks_2samp(&a, &b);
        let at = format!("case {i} ({} vs {})", a.len(), b.len());
        close(t.statistic, case["statistic"].as_f64().unwrap(), 1e-14, &at);
        close(t.pvalue, case["pvalue"].as_f64().unwrap(), 1e-12, &at);
        close(
            wasserstein(&a, &b),
            case["wasserstein"].as_f64().unwrap(),
            1e-12,
            &at,
        );
    }
}

#[test]
fn kstwo_survival_equals_scipy_over_the_asymptotic_branches() {
    let mut worst: f64 = 0.0;
    for row in fixture()["kstwo"].as_array().unwrap() {
        let (n, x) = (row["n"].as_u64().unwrap(), row["x"].as_f64().unwrap());
        let want = row["sf"].as_f64().unwrap();
        let got = kstwo_sf(n, x);
        if want > 1e-300 {
            worst = worst.max((got - want).abs() / want);
        }
        assert!(
            (got - want).abs() <= 1e-8 * want,
            "kstwo.sf({x}, {n}): {got} vs {want}"
        );
    }
    eprintln!("kstwo.sf: worst relative error {worst:e}");
}
