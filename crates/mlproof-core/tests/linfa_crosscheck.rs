//! mlproof's metrics against linfa 0.8.1's (`linfa::metrics`, `f32`). Called as linfa's docs
//! show — `prediction.confusion_matrix(&ground_truth)` — its matrix is indexed
//! (predicted, true), so its binary `precision()` is tp / (tp + fn), scikit-learn's *recall*,
//! and its `recall()` is scikit-learn's precision; on an undefined ratio it returns NaN
//! where scikit-learn returns 0. Accuracy, F1 and MCC agree. These tests pin what was
//! measured: the reasons mlproof keeps its own metrics.

use linfa::prelude::ToConfusionMatrix;
use mlproof_core::data::registry;
use mlproof_core::metrics as m;
use ndarray::Array1;

fn pairs() -> Vec<(String, Vec<usize>, Vec<usize>)> {
    ["pima", "wisconsin", "yeast4", "glass2"]
        .iter()
        .map(|name| {
            let d = registry::load(name, 0).unwrap();
            let y = d.binary_target().unwrap().to_vec();
            // Predict positive above the first feature's median: a deterministic, imperfect rule.
            let col: Vec<f64> = d.features.column(0).to_vec();
            let mut sorted = col.clone();
            sorted.sort_by(f64::total_cmp);
            let median = sorted[sorted.len() / 2];
            let pred = col.iter().map(|&v| usize::from(v > median)).collect();
            (name.to_string(), y, pred)
        })
        .collect()
}

#[test]
fn linfa_agrees_on_accuracy_f1_and_mcc_and_swaps_precision_with_recall() {
    for (name, y, pred) in pairs() {
        let cm = Array1::from(pred.clone())
            .confusion_matrix(Array1::from(y.clone()))
            .unwrap();
        let close = |ours: f64, theirs: f32, what: &str| {
            assert!(
                (ours - theirs as f64).abs() < 1e-6,
                "{name} {what}: ours {ours}, linfa {theirs}"
            );
        };
        close(m::accuracy(&y, &pred).unwrap(), cm.accuracy(), "accuracy");
        close(m::f1(&y, &pred).unwrap(), cm.f1_score(), "f1");
        close(m::matthews_corrcoef(&y, &pred).unwrap(), cm.mcc(), "mcc");
        close(
            m::recall(&y, &pred).unwrap(),
            cm.precision(),
            "linfa precision vs our recall",
        );
        close(
            m::precision(&y, &pred).unwrap(),
            cm.recall(),
            "linfa recall vs our precision",
        );
    }
}

#[test]
fn on_an_undefined_ratio_linfa_gives_nan_where_scikit_learn_gives_zero() {
    // No true positives at all: recall is 0/0.
    let y = vec![0, 0, 0, 0];
    let pred = vec![1, 0, 1, 0];
    let cm = Array1::from(pred.clone())
        .confusion_matrix(Array1::from(y.clone()))
        .unwrap();
    assert!(
        cm.precision().is_nan(),
        "linfa's precision() is tp / (tp + fn) = 0/0 here"
    );
    assert_eq!(m::recall(&y, &pred).unwrap(), 0.0);
}
