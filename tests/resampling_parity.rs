//! Class counts after random over- and under-sampling against imbalanced-learn 0.14
//! (`tests/oracle/fixtures/resampling.json`): every bundled KEEL set, `sampling_strategy`
//! auto, 0.2, 0.5, 0.8 and 1.0 — including the ratios imbalanced-learn rejects.

use mlproof_core::data::registry;
use mlproof_imbalance::{RandomOverSampler, RandomUnderSampler, SamplingStrategy};
use serde_json::Value;

#[test]
fn class_counts_equal_imbalanced_learns() {
    let v: Value = serde_json::from_str(include_str!("oracle/fixtures/resampling.json")).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 80);
    for c in cases {
        let name = c["dataset"].as_str().unwrap();
        let y = registry::load(name, 0).unwrap().binary_target().unwrap();
        let strategy = match c["strategy"].as_f64() {
            Some(r) => SamplingStrategy::Ratio(r),
            None => SamplingStrategy::Auto,
        };
        let rows = if c["kind"] == "over" {
            RandomOverSampler { strategy }.resample_rows(&y, 0)
        } else {
            RandomUnderSampler { strategy }.resample_rows(&y, 0)
        };
        match (&c["error"], rows) {
            (Value::String(_), Err(_)) => {}
            (Value::String(e), Ok(_)) => {
                panic!("{name} {c}: imbalanced-learn rejects ({e}), we accepted")
            }
            (_, Err(e)) => panic!("{name} {c}: we reject ({e}), imbalanced-learn accepts"),
            (_, Ok(rows)) => {
                let positives = rows.iter().filter(|&&i| y[i] == 1).count();
                let counts = [rows.len() - positives, positives];
                let expected: Vec<usize> = c["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as usize)
                    .collect();
                assert_eq!(counts.to_vec(), expected, "{name} {c}");
            }
        }
    }
}
