//! Running the real binary as a person runs it: helpers shared by the CLI test files.
// Each test file uses its own subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

pub fn mlproof(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mlproof"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let o = mlproof(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("one JSON object on stdout")
}

/// A JSON array of numbers.
pub fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// The largest |ours − theirs| over a fit's coefficients and intercept, against a fixture
/// object with `coef` and `intercept`.
pub fn coef_deviation<'a>(
    coef: impl IntoIterator<Item = &'a f64>,
    intercept: f64,
    fit: &Value,
) -> f64 {
    let want = floats(&fit["coef"]);
    let ours: Vec<f64> = coef.into_iter().copied().collect();
    assert_eq!(ours.len(), want.len(), "coefficient count");
    ours.iter().zip(&want).map(|(a, b)| (a - b).abs()).fold(
        (intercept - fit["intercept"].as_f64().unwrap()).abs(),
        f64::max,
    )
}

/// Each command succeeds and prints no line wider than 100 columns.
pub fn assert_fits_100_columns(commands: &[&[&str]]) {
    for args in commands {
        let o = mlproof(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        for line in stdout(&o).lines() {
            assert!(line.chars().count() <= 100, "{args:?} too wide: {line}");
        }
    }
}

/// A CSV in the temp directory, unique to the test.
pub fn temp_csv(test: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("mlproof-{}-{test}.csv", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

/// Each command fails with exit code 2 and at most two lines on stderr (the message, a hint)
/// containing the expected text.
pub fn assert_usage_errors(cases: &[(Vec<&str>, &str)]) {
    for (args, expected) in cases {
        let o = mlproof(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.lines().count() <= 2,
            "{args:?}: at most two lines, got {err}"
        );
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}
