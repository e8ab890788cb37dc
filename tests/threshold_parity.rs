//! The Neyman–Pearson umbrella rank against SciPy 1.17.1's `binom.sf`, on the fixtures
//! written by `tests/oracle/threshold.py` (n from 10 to 3000, α and δ from 0.01 to 0.2).
//!
//! Tolerance: ranks and minimum sizes exactly; violation probabilities to 1e-9 relative
//! (measured: at most 2.2e-12 here).

use mlproof_experiments::threshold::umbrella::{min_samples, umbrella_rank, violation_probability};
use serde_json::Value;

const REL: f64 = 1e-9;

fn fixture() -> Value {
    serde_json::from_str(include_str!("oracle/fixtures/threshold/umbrella.json")).unwrap()
}

fn close(ours: f64, theirs: f64) -> bool {
    (ours - theirs).abs() <= REL * theirs.abs().max(1e-300)
}

#[test]
fn umbrella_rank_equals_scipy_binomial_tail_on_every_case() {
    let f = fixture();
    let mut worst: f64 = 0.0;
    for c in f["cases"].as_array().unwrap() {
        let n = c["n"].as_u64().unwrap() as usize;
        let (a, d) = (c["alpha"].as_f64().unwrap(), c["delta"].as_f64().unwrap());
        let want = c["rank"].as_u64().map(|k| k as usize);
        assert_eq!(umbrella_rank(n, a, d), want, "{c}");
        if let Some(k) = want {
            let theirs = c["violation_at_rank"].as_f64().unwrap();
            let ours = violation_probability(n, k, a);
            assert!(close(ours, theirs), "{c}: {ours}");
            worst = worst.max((ours - theirs).abs() / theirs.abs().max(1e-300));
            if let Some(below) = c["violation_below_rank"].as_f64() {
                assert!(close(violation_probability(n, k - 1, a), below), "{c}");
            }
        }
    }
    eprintln!("worst relative difference: {worst:.1e}");
}

#[test]
fn minimum_sizes_equal_the_oracle() {
    for m in fixture()["min_samples"].as_array().unwrap() {
        let (a, d) = (m["alpha"].as_f64().unwrap(), m["delta"].as_f64().unwrap());
        assert_eq!(
            min_samples(a, d) as u64,
            m["min_samples"].as_u64().unwrap(),
            "{m}"
        );
    }
}
