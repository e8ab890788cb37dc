use mlproof_core::params::Check;
use mlproof_core::progress::Silent;
use mlproof_core::{seed, Error};
use rand::Rng;

use super::umbrella::{
    empirical_rank, min_samples, order_statistic, umbrella_rank, violation_probability,
};
use super::*;

#[test]
fn fifty_nine_negatives_make_a_five_percent_promise_at_95_percent_confidence() {
    assert_eq!(min_samples(0.05, 0.05), 59);
    assert_eq!(umbrella_rank(58, 0.05, 0.05), None);
    assert_eq!(umbrella_rank(59, 0.05, 0.05), Some(59));
    // (1 − α)ⁿ ≤ δ at the boundary, and not one row before it.
    assert!(0.95f64.powi(59) <= 0.05 && 0.95f64.powi(58) > 0.05);
    assert_eq!(min_samples(0.1, 0.1), 22);
    assert_eq!(min_samples(0.1, 0.05), 29);
}

#[test]
fn umbrella_rank_is_the_smallest_rank_whose_violation_probability_is_within_delta() {
    for &(n, a, d) in &[
        (100, 0.05, 0.05),
        (500, 0.1, 0.05),
        (2000, 0.01, 0.1),
        (80, 0.2, 0.01),
    ] {
        let k = umbrella_rank(n, a, d).unwrap();
        assert!(violation_probability(n, k, a) <= d, "{n} {a} {d}");
        assert!(violation_probability(n, k - 1, a) > d, "{n} {a} {d}");
        assert!(
            k > empirical_rank(n, a),
            "the umbrella rank is more conservative"
        );
    }
    // Σ_{j=n}^{n} = (1 − α)ⁿ.
    assert!((violation_probability(10, 10, 0.1) - 0.9f64.powi(10)).abs() < 1e-12);
    assert_eq!(violation_probability(10, 0, 0.1), 1.0);
}

/// Draws `n` negative scores `reps` times and counts the draws whose threshold at rank k
/// keeps the true FPR within α; `fpr(t)` is the true P(S > t).
fn kept(
    n: usize,
    k: usize,
    alpha: f64,
    reps: usize,
    draw: impl Fn(&mut seed::Rng) -> f64,
    fpr: impl Fn(f64) -> f64,
) -> usize {
    (0..reps)
        .filter(|&r| {
            let mut rng = seed::rng(7, "threshold-simulation", r as u64);
            let s: Vec<f64> = (0..n).map(|_| draw(&mut rng)).collect();
            fpr(order_statistic(&s, k)) <= alpha
        })
        .count()
}

/// The binomial allowance: at least C·R − 3·√(R·C·(1 − C)) of R draws.
fn allowance(reps: usize, c: f64) -> f64 {
    let r = reps as f64;
    r * c - 3.0 * (r * c * (1.0 - c)).sqrt()
}

#[test]
fn umbrella_threshold_keeps_fpr_within_alpha_in_at_least_c_of_repeated_draws() {
    let (n, alpha, c, reps) = (150, 0.1, 0.9, 2000);
    let k = umbrella_rank(n, alpha, 1.0 - c).unwrap();
    // Continuous scores, U(0, 1): the true FPR of "score > t" is 1 − t.
    let ok = kept(n, k, alpha, reps, |r| r.gen::<f64>(), |t| 1.0 - t);
    assert!(ok as f64 >= allowance(reps, c), "{ok} of {reps}");
    // Tied scores (twenty levels): the strict ">" keeps the rule conservative.
    let ok = kept(
        n,
        k,
        alpha,
        reps,
        |r| (r.gen::<f64>() * 20.0).floor() / 20.0,
        |t| (19.0 - (t * 20.0).round()).max(0.0) / 20.0,
    );
    assert!(ok as f64 >= allowance(reps, c), "ties: {ok} of {reps}");
}

#[test]
fn the_empirical_threshold_breaks_its_fpr_promise_about_half_the_time() {
    let (n, alpha, reps) = (150, 0.1, 2000);
    let k = empirical_rank(n, alpha);
    let ok = kept(n, k, alpha, reps, |r| r.gen::<f64>(), |t| 1.0 - t);
    assert!(
        (0.35..0.7).contains(&(ok as f64 / reps as f64)),
        "{ok} of {reps}"
    );
}

#[test]
fn umbrella_rule_on_positives_keeps_recall_in_at_least_c_of_repeated_draws() {
    let (m, recall, c, reps) = (120, 0.9, 0.9, 2000);
    let k = umbrella_rank(m, 1.0 - recall, 1.0 - c).unwrap();
    let rank = m - k + 1;
    // Positive scores U(0, 1): "score ≥ u" misses P(S < u) = u.
    let ok = (0..reps)
        .filter(|&r| {
            let mut rng = seed::rng(9, "threshold-simulation/recall", r as u64);
            let s: Vec<f64> = (0..m).map(|_| rng.gen::<f64>()).collect();
            1.0 - order_statistic(&s, rank) >= recall
        })
        .count();
    assert!(ok as f64 >= allowance(reps, c), "{ok} of {reps}");
}

fn load(name: &str) -> mlproof_data::Dataset {
    mlproof_data::registry::load(name, 42).unwrap()
}

#[test]
fn held_out_fpr_is_reported_beside_the_promise_and_the_umbrella_is_stricter() {
    let params = Params::default().check().unwrap();
    let r = run(&load("pima"), &params, &Silent).unwrap().results;
    assert_eq!(r.promised.metric, "fpr");
    assert_eq!(r.promised.min_validation_rows, Some(59));
    let u = r.achieved_umbrella.as_ref().unwrap();
    let v = &r.achieved_validation_point;
    assert!(u.achieved.mean < v.achieved.mean);
    assert!(u.cost.mean < v.cost.mean, "the umbrella pays in recall");
    assert!(u.folds_breaking_promise <= v.folds_breaking_promise);
    for f in &r.folds {
        let (vp, um) = (&f.validation_point, f.umbrella.as_ref().unwrap());
        assert!(um.rank.unwrap() >= vp.rank.unwrap());
        assert!(f.violation_probability.unwrap() <= 0.05);
    }
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"promised\"") && json.contains("achieved"));
    assert!(r.findings.iter().any(|f| f.id == "umbrella-breaks-promise"));
}

#[test]
fn a_promise_the_validation_rows_cannot_support_is_refused() {
    // glass2: 197 negatives, about 47 per validation part; 59 are needed.
    let params = Params::default().check().unwrap();
    let err = run(&load("glass2"), &params, &Silent).unwrap_err();
    assert!(
        matches!(&err, Error::Input(m) if m.contains("at least 59")),
        "{err}"
    );
    // A looser promise fits: 29 negatives suffice for FPR ≤ 0.1 at C = 0.95.
    let loose = Params {
        promise: Promise::MaxFpr(0.1),
        ..Params::default()
    }
    .check()
    .unwrap();
    assert!(run(&load("glass2"), &loose, &Silent).is_ok());
}

#[test]
fn recall_promise_uses_positives_and_pays_in_fpr() {
    let params = Params {
        promise: Promise::MinRecall(0.8),
        ..Params::default()
    }
    .check()
    .unwrap();
    let r = run(&load("pima"), &params, &Silent).unwrap().results;
    assert_eq!(r.promised.umbrella_class, Some("positives"));
    assert_eq!(r.cost_metric, "fpr");
    let u = r.achieved_umbrella.unwrap();
    assert!(u.achieved.mean > r.achieved_validation_point.achieved.mean);
    assert!(r.findings.iter().any(|f| f.id == "umbrella-costs-fpr"));
}

#[test]
fn precision_promise_has_a_validation_point_and_no_umbrella() {
    let params = Params {
        promise: Promise::MinPrecision(0.7),
        ..Params::default()
    }
    .check()
    .unwrap();
    let r = run(&load("pima"), &params, &Silent).unwrap().results;
    assert!(r.achieved_umbrella.is_none());
    assert!(r.promised.min_validation_rows.is_none());
    assert!(r.reading.contains("no umbrella threshold"));
}

#[test]
fn bounds_outside_the_open_unit_interval_name_their_parameter() {
    for (promise, name) in [
        (Promise::MaxFpr(0.0), "max_fpr"),
        (Promise::MinRecall(1.0), "min_recall"),
        (Promise::MinPrecision(1.5), "min_precision"),
    ] {
        let e = Params {
            promise,
            ..Params::default()
        }
        .check()
        .unwrap_err();
        assert!(
            matches!(&e, Error::Parameter { name: n, .. } if n == name),
            "{e}"
        );
    }
    let e = Params {
        confidence: 1.0,
        ..Params::default()
    }
    .check()
    .unwrap_err();
    assert!(matches!(&e, Error::Parameter { name, .. } if name == "confidence"));
}

#[test]
fn one_class_is_refused() {
    let mut data = load("pima");
    if let mlproof_data::Target::Classes { y, .. } = &mut data.target {
        y.fill(0);
    }
    let params = Params::default().check().unwrap();
    let err = run(&data, &params, &Silent).unwrap_err();
    assert!(
        matches!(&err, Error::Input(m) if m.contains("two of each class")),
        "{err}"
    );
}
