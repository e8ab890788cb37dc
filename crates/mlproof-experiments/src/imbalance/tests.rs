use std::sync::atomic::{AtomicUsize, Ordering};

use super::findings::every;
use super::*;
use mlproof_core::evidence::{Direction, Effect, Rope, Verdict};
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> Comparison {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

fn finding<'a>(findings: &'a [Finding], id: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no finding {id}"))
}

use mlproof_core::evidence::Finding;

#[test]
fn paradox_on_glass2_does_not_say_recall_and_f1_separate_models_that_both_score_zero() {
    let data = registry::load("glass2", 0).unwrap();
    let params = paradox::Params::default().check().unwrap();
    let r = paradox::run(&[data], &params, &Silent).unwrap().results;
    let line = &r.sets[0];
    assert_eq!(line.scores.majority_recall, 0.0);
    assert_eq!(line.scores.model_recall, 0.0);
    assert_eq!(line.scores.model_f1, 0.0);
    for id in ["recall-separates-glass2", "f1-separates-glass2"] {
        let f = finding(&r.findings, id);
        assert_eq!(f.verdict, Verdict::DoesNotHold, "{id}");
        assert_eq!(f.estimate, 0.0, "{id}");
    }
    assert!(!r.reading.contains("recall and F1 can"), "{}", r.reading);
    assert!(r
        .reading
        .contains("recall is above the majority class's — does not hold"));
    assert!((line.baseline_f1 - 2.0 * 17.0 / 214.0 / (1.0 + 17.0 / 214.0)).abs() < 1e-12);
}

#[test]
fn yeast4_names_no_best_method_when_the_folds_cannot_tell() {
    let r = run_on(DEFAULT_DATASET, Params::default());
    // threshold moving has the highest mean F1, but its lead over Borderline-SMOTE is
    // inside these folds' noise: the old reading crowned it anyway.
    let best = finding(&r.findings, "best-f1");
    assert!(
        best.statement.starts_with("threshold moving'"),
        "{}",
        best.statement
    );
    assert_eq!(best.verdict, Verdict::Inconclusive);
    assert_eq!(r.best_f1, None);
    assert!(!r.reading.contains("Best F1"));
    assert!(!r.reading.contains("points across the supervised methods"));
    assert_eq!(
        finding(&r.findings, "smote-raises-recall").verdict,
        Verdict::Holds
    );
    assert_eq!(
        finding(&r.findings, "leaky-smote-inflates").verdict,
        Verdict::Holds
    );
    assert!(r.reading.contains("these folds cannot tell"));
}

#[test]
fn every_score_has_its_no_skill_baseline() {
    let r = run_on("ecoli3", Params::default());
    let p = 35.0 / 336.0;
    assert_eq!(r.baselines["roc_auc"], 0.5);
    assert_eq!(r.baselines["balanced_accuracy"], 0.5);
    assert!((r.baselines["average_precision"] - p).abs() < 1e-12);
    assert!((r.baselines["f1"] - 2.0 * p / (1.0 + p)).abs() < 1e-12);
    for m in r.methods.iter().take(9) {
        let id = format!("f1-{}-above-no-skill", findings::slug(&m.method));
        finding(&r.findings, &id);
    }
    // the inflation JSON keeps its six metrics
    assert_eq!(r.inflation.len(), 6);
}

#[test]
fn progress_ticks_once_per_method_and_fold() {
    struct Count(AtomicUsize, AtomicUsize);
    impl Observer for Count {
        fn start(&self, _label: &str, total: usize) {
            self.1.store(total, Ordering::Relaxed);
        }
        fn tick(&self) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
    let count = Count(AtomicUsize::new(0), AtomicUsize::new(0));
    let data = registry::load("glass2", 0).unwrap();
    let params = Params {
        n_splits: 3,
        ..Params::default()
    };
    run(&data, &params.check().unwrap(), &count).unwrap();
    assert_eq!(count.1.load(Ordering::Relaxed), 10 * 3);
    assert_eq!(count.0.load(Ordering::Relaxed), 10 * 3);
}

#[test]
fn options_that_do_not_apply_are_errors_naming_the_parameter() {
    let name = |p: Params| match p.check() {
        Err(Error::Parameter { name, .. }) => name,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        name(Params {
            max_depth: Some(3),
            ..Params::default()
        }),
        "max_depth"
    );
    assert_eq!(
        name(Params {
            model: Learner::Tree,
            max_depth: Some(0),
            ..Params::default()
        }),
        "max_depth"
    );
    assert_eq!(
        name(Params {
            n_splits: 1,
            ..Params::default()
        }),
        "n_splits"
    );
    assert_eq!(
        name(Params {
            k_neighbors: 0,
            ..Params::default()
        }),
        "k_neighbors"
    );
}

fn effect(lo: f64, hi: f64) -> Effect {
    Effect {
        estimate: (lo + hi) / 2.0,
        interval: [lo, hi],
        level: 0.95,
        method: "test".into(),
        sample: "folds",
    }
}

#[test]
fn a_claim_about_every_method_fails_when_one_fails_and_holds_only_when_all_hold() {
    let judge = |members: Vec<(&str, Effect)>| {
        let members = members
            .into_iter()
            .map(|(n, e)| (n.to_owned(), e))
            .collect();
        every(
            "all",
            |m| m.to_owned(),
            members,
            Rope::score(),
            Direction::Equivalent,
        )
        .unwrap()
    };
    let f = judge(vec![
        ("a", effect(-0.005, 0.005)),
        ("b", effect(0.02, 0.05)),
    ]);
    assert_eq!(
        (f.verdict, f.statement.as_str()),
        (Verdict::DoesNotHold, "b")
    );
    let f = judge(vec![
        ("a", effect(-0.005, 0.005)),
        ("b", effect(-0.02, 0.005)),
    ]);
    assert_eq!(
        (f.verdict, f.statement.as_str()),
        (Verdict::Inconclusive, "b")
    );
    let f = judge(vec![
        ("a", effect(-0.005, 0.005)),
        ("b", effect(-0.008, 0.001)),
    ]);
    assert_eq!((f.verdict, f.statement.as_str()), (Verdict::Holds, "b"));
}

#[test]
fn folds_without_a_positive_are_named_and_not_averaged_in_as_zero() {
    // yeast4 has 51 positives: 60 stratified folds leave 9 without one (issue 14).
    let data = registry::load("yeast4", 0).unwrap();
    let params = Params {
        n_splits: 60,
        ..Params::default()
    };
    let report = run(&data, &params.check().unwrap(), &Silent).unwrap();
    let w = report
        .warnings
        .iter()
        .find(|w| w.contains("undefined on"))
        .expect("a warning names the folds");
    assert!(w.contains("recall") && w.contains("9 of 60 folds"), "{w}");
    let none = &report.results.methods[0];
    let recalls: Vec<f64> = none
        .fold_scores
        .as_ref()
        .unwrap()
        .iter()
        .map(|f| f["recall"])
        .collect();
    let defined: Vec<f64> = recalls.iter().copied().filter(|r| !r.is_nan()).collect();
    assert_eq!(defined.len(), 51);
    let mean = defined.iter().sum::<f64>() / 51.0;
    let reported = none.scores.as_ref().unwrap()["recall"].mean;
    assert!((reported - mean).abs() < 1e-12, "{reported} vs {mean}");
    let zeros_in = recalls
        .iter()
        .map(|r| if r.is_nan() { 0.0 } else { *r })
        .sum::<f64>()
        / 60.0;
    assert!(reported > zeros_in, "the n/a folds are not counted as 0");
}
