use super::*;
use mlproof_core::evidence::Verdict;
use mlproof_core::progress::Silent;
use mlproof_data::registry;

fn run_on(name: &str, params: Params) -> Comparison {
    let data = registry::load(name, 0).unwrap();
    run(&data, &params.check().unwrap(), &Silent)
        .unwrap()
        .results
}

fn verdict(r: &Comparison, id: &str) -> Verdict {
    r.findings.iter().find(|f| f.id == id).unwrap().verdict
}

#[test]
fn on_car_good_both_trees_predict_only_the_majority_and_the_reading_says_so() {
    // Issue 11: both trees predicted only the majority class, and nothing said so.
    let r = run_on(DEFAULT_DATASET, Params::default());
    for a in &r.algorithms {
        assert_eq!(a.predicted_other_than_majority, 0, "{}", a.name);
    }
    for id in ["id3-predicts-minority", "cart-predicts-minority"] {
        assert_eq!(verdict(&r, id), Verdict::DoesNotHold, "{id}");
    }
    for id in ["id3-beats-majority", "cart-beats-majority"] {
        assert_ne!(verdict(&r, id), Verdict::Holds, "{id}");
        let f = r.findings.iter().find(|f| f.id == id).unwrap();
        assert!(r.reading.contains(&f.sentence()));
    }
    assert!(r.accuracy_baseline > 0.95);
}

#[test]
fn on_wisconsin_both_trees_beat_the_majority_class() {
    let r = run_on("wisconsin", Params::default());
    for id in ["id3-beats-majority", "cart-beats-majority"] {
        assert_eq!(verdict(&r, id), Verdict::Holds, "{id}");
    }
    assert!(r.algorithms.iter().all(|a| !a.dot.is_empty()));
}
