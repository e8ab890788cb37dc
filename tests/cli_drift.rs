//! `mlproof drift` as a person runs it: bad input is exit 2 with one line naming the fix.

mod common;

use common::{assert_usage_errors, json, mlproof, stdout, temp_csv};

fn csv(test: &str, stamp: &dyn Fn(usize) -> String, b: &dyn Fn(usize) -> f64) -> String {
    let rows: String = (0..40)
        .map(|i| format!("{},{},{},{}\n", stamp(i), (i * 7 % 11) as f64, b(i), i % 2))
        .collect();
    let path = temp_csv(test, &format!("t,a,b,label\n{rows}"));
    path.to_str().unwrap().to_string()
}

#[test]
fn bad_input_is_a_one_line_error_with_exit_code_2() {
    let ok = csv("drift-ok", &|i| i.to_string(), &|i| (i % 5) as f64);
    let constant = csv("drift-constant", &|i| i.to_string(), &|_| 1.0);
    let word = csv(
        "drift-word",
        &|i| {
            if i == 3 {
                "later".into()
            } else {
                i.to_string()
            }
        },
        &|i| i as f64,
    );
    let clock = csv(
        "drift-clock",
        &|i| format!("{}:{:02}", 8 + i / 10, i % 10),
        &|i| i as f64,
    );
    let data = |file: &'static str| -> Vec<&'static str> {
        vec![
            "drift",
            "--data",
            file,
            "--target",
            "label",
            "--time-column",
            "t",
        ]
    };
    let with = |file: &'static str, extra: &[&'static str]| -> Vec<&'static str> {
        let mut v = data(file);
        v.extend_from_slice(extra);
        v
    };
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let (ok, constant, word, clock) = (leak(ok), leak(constant), leak(word), leak(clock));
    assert_usage_errors(&[
        (with(ok, &["--reference", "0.99"]), "under two rows"),
        (with(ok, &["--windows", "15"]), "--windows"),
        (with(ok, &["--reference", "1.5"]), "--reference"),
        (data(constant), "'b' is constant"),
        (data(word), "'later'"),
        (data(clock), "cannot be read"),
        (vec!["drift", "--dataset", "pima"], "no time column"),
    ]);
}

#[test]
fn the_json_carries_every_statistic_per_feature() {
    let r = json(&["drift", "--dataset", "sp500", "--bins", "sturges"]);
    let f = &r["results"]["features"][0];
    for key in [
        "feature",
        "psi",
        "kl",
        "js",
        "ks_statistic",
        "ks_pvalue",
        "wasserstein",
        "psi_bound",
        "psi_baseline",
    ] {
        assert!(f.get(key).is_some(), "no {key}: {f}");
    }
    assert_eq!(r["params"]["bins"], "sturges");
}

#[test]
fn the_same_seed_prints_the_same_bytes_and_fits_100_columns() {
    let a = stdout(&mlproof(&["drift", "--reference", "0.2", "--windows", "8"]));
    let b = stdout(&mlproof(&["drift", "--reference", "0.2", "--windows", "8"]));
    assert_eq!(a, b);
    common::assert_fits_100_columns(&[&["drift"], &["drift", "--dataset", "sp500"]]);
}
