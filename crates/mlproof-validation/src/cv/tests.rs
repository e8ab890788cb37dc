use super::*;
use mlproof_core::model::FittedBinary;
use ndarray::{array, Array1, Array2};

/// Predicts P(y = 1) = x₀: a perfect ranker on the data below.
struct Column0;
struct Fitted0;

impl FittedBinary for Fitted0 {
    fn predict_proba(&self, x: &Array2<f64>) -> Array1<f64> {
        x.column(0).to_owned()
    }
}

impl BinaryClassifier for Column0 {
    fn name(&self) -> &'static str {
        "column 0"
    }
    fn fit(
        &self,
        _x: &Array2<f64>,
        _y: &Array1<usize>,
        _seed: u64,
    ) -> Result<Box<dyn FittedBinary>> {
        Ok(Box::new(Fitted0))
    }
}

#[test]
fn metrics_undefined_on_a_fold_without_a_positive_are_n_a_not_zero() {
    // Rows 0–1 positive, 2–5 negative; fold 2 tests rows 4 and 5 only (no positive).
    let x: Array2<f64> = array![[0.9], [0.8], [0.1], [0.2], [0.3], [0.1]];
    let y: Array1<usize> = array![1, 1, 0, 0, 0, 0];
    let folds = vec![
        Fold {
            train: vec![2, 3, 4, 5],
            test: vec![0, 1, 2, 3],
        },
        Fold {
            train: vec![0, 1, 2, 3],
            test: vec![4, 5],
        },
    ];
    let opts = CvOptions {
        metrics: vec![Metric::Recall, Metric::F1, Metric::RocAuc, Metric::Accuracy],
        threshold: 0.5,
        train_scores: false,
        seed: 0,
    };
    let r = cross_validate(&x, &y, &Column0, &folds, &opts).unwrap();
    assert_eq!(r.folds[0].test["recall"], 1.0);
    assert!(r.folds[1].test["recall"].is_nan());
    assert!(r.folds[1].test["f1"].is_nan());
    assert_eq!(
        r.folds[1].test["accuracy"], 1.0,
        "accuracy is defined there"
    );
    assert_eq!(
        r.test["recall"].mean, 1.0,
        "the mean is over the defined fold only"
    );
    assert_eq!(r.test["recall"].n, 1);
    assert_eq!(r.undefined["recall"], vec![2]);
    assert!(!r.undefined.contains_key("accuracy"));
    let json = serde_json::to_value(&r.folds[1]).unwrap();
    assert!(json["test"]["recall"].is_null(), "{json}");
    let w = undefined_warning(&r).unwrap();
    assert!(
        w.contains("recall, f1, roc_auc") || w.contains("f1, recall, roc_auc"),
        "{w}"
    );
    assert!(w.contains("1 of 2 folds (2)") && w.contains("n/a"), "{w}");
}
