use mlproof_core::evidence::Verdict;
use mlproof_core::params::Check;
use mlproof_core::progress::Silent;
use mlproof_core::{seed, Error};
use mlproof_data::{registry, Dataset, Target};
use rand::Rng;

use super::*;

fn quiet() -> Checked<Params> {
    Params {
        timing: false,
        ..Params::default()
    }
    .check()
    .unwrap()
}

/// Pima's shape with every feature replaced by uniform noise and every label by a fair
/// coin, drawn from the seed: nothing to learn.
fn pure_noise(salt: u64) -> Dataset {
    let mut data = registry::load("pima", 42).unwrap();
    let mut rng = seed::rng(salt, "baseline-test/noise", 0);
    data.features.mapv_inplace(|_| rng.gen::<f64>());
    if let Target::Classes { y, .. } = &mut data.target {
        y.mapv_inplace(|_| usize::from(rng.gen::<bool>()));
    }
    data.name = "pure-noise".into();
    data
}

/// The recommendation follows the rule: every simpler rung's equivalence finding does not
/// hold, the recommended rung's (if any) does not rule it out.
fn assert_rule(r: &Results) {
    let rec = LADDER
        .iter()
        .position(|&x| x == r.recommendation.rung)
        .unwrap();
    let best = LADDER.iter().position(|&x| x == r.best).unwrap();
    assert!(rec <= best);
    let verdict = |i: usize| {
        r.findings
            .iter()
            .find(|f| f.id == format!("{}-equivalent-to-best", LADDER[i].name()))
            .map(|f| f.verdict)
    };
    for i in 0..rec {
        assert!(
            matches!(verdict(i), Some(Verdict::DoesNotHold) | None),
            "{i}: {:?}",
            r.findings
        );
    }
    if rec < best {
        assert_ne!(verdict(rec), Some(Verdict::DoesNotHold));
    }
}

#[test]
fn on_pure_noise_the_ladder_recommends_the_majority_baseline() {
    for salt in [1, 2, 3] {
        let r = run(&pure_noise(salt), &quiet(), &Silent).unwrap().results;
        assert_eq!(
            r.recommendation.rung,
            Rung::Majority,
            "salt {salt}: {}",
            r.reading
        );
        assert_rule(&r);
        let best = r
            .findings
            .iter()
            .find(|f| f.id == "best-above-baseline")
            .unwrap();
        assert_ne!(best.verdict, Verdict::Holds, "noise has no skill to find");
    }
}

#[test]
fn the_ladder_runs_on_every_bundled_classification_set_and_recommends_by_the_rule() {
    let mut ran = 0;
    for name in registry::names() {
        let data = registry::load(name, 42).unwrap();
        if data.binary_target().is_err() {
            continue;
        }
        let r = run(&data, &quiet(), &Silent).unwrap().results;
        assert_eq!(r.rungs.len(), 5, "{name}");
        assert_rule(&r);
        assert!(r.rungs.iter().all(|g| g.score.mean.is_finite()), "{name}");
        ran += 1;
    }
    assert!(ran >= 10, "{ran} sets");
}

#[test]
fn on_pima_logistic_regression_is_clearly_above_the_majority_baseline() {
    let r = run(&registry::load("pima", 42).unwrap(), &quiet(), &Silent)
        .unwrap()
        .results;
    assert_ne!(r.recommendation.rung, Rung::Majority, "{}", r.reading);
    let maj = r
        .findings
        .iter()
        .find(|f| f.id == "majority-equivalent-to-best")
        .unwrap();
    assert_eq!(maj.verdict, Verdict::DoesNotHold);
    assert_eq!(r.rungs[0].parameters, 1);
    assert_eq!(r.rungs[1].parameters, 9, "8 coefficients and the intercept");
    assert!(r.rungs[3].parameters > r.rungs[2].parameters);
    assert_eq!(
        r.rungs[0].score.mean, 0.5,
        "a constant score has ROC-AUC 0.5"
    );
}

#[test]
fn timing_is_kept_apart_and_off_gives_the_same_bytes() {
    let data = registry::load("glass2", 42).unwrap();
    let a = serde_json::to_string(&run(&data, &quiet(), &Silent).unwrap()).unwrap();
    let b = serde_json::to_string(&run(&data, &quiet(), &Silent).unwrap()).unwrap();
    assert_eq!(a, b);
    assert!(a.contains("\"timing\":null"));
    let with_timing = Params {
        timing: true,
        ..Params::default()
    };
    let timed = run(&data, &with_timing.check().unwrap(), &Silent).unwrap();
    let t = timed.results.timing.unwrap();
    assert_eq!(t.len(), 5);
    assert!(t.iter().all(|r| r.fit_ms >= 0.0 && r.predict_ms >= 0.0));
}

#[test]
fn one_class_and_log_loss_are_refused() {
    let mut data = registry::load("pima", 42).unwrap();
    if let Target::Classes { y, .. } = &mut data.target {
        y.fill(0);
    }
    let err = run(&data, &quiet(), &Silent).unwrap_err();
    assert!(
        matches!(&err, Error::Input(m) if m.contains("one class")),
        "{err}"
    );
    let e = Params {
        metric: Metric::LogLoss,
        ..Params::default()
    }
    .check()
    .unwrap_err();
    assert!(matches!(&e, Error::Parameter { name, .. } if name == "metric"));
}
