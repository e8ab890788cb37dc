//! One estimator family: every classifier and regressor mlproof fits, through the same
//! traits (a seed on every fit), passes the same checks — deterministic under a seed,
//! one prediction per row, probabilities in [0, 1], inputs unchanged.

use mlproof_core::model::{BinaryClassifier, ClassWeight, KNearest, Polynomial, Regressor};
use mlproof_data::registry;
use mlproof_experiments::claims::learners;
use mlproof_linear::model::Penalized;
use mlproof_linear::Penalty;
use mlproof_trees::id3::Id3Classifier;
use mlproof_trees::{TreeParams, TreeRegressor};

fn classifiers(kinds: Vec<mlproof_data::FeatureKind>, d: usize) -> Vec<Box<dyn BinaryClassifier>> {
    vec![
        learners::majority(),
        learners::logistic().unwrap(),
        learners::weighted_logistic().unwrap(),
        learners::tree(Some(4)).unwrap(),
        learners::forest(10, d).unwrap(),
        learners::boosting().unwrap(),
        learners::knn(),
        learners::threshold_moved(learners::logistic().unwrap()),
        learners::smote(learners::logistic().unwrap()).unwrap(),
        Box::new(Id3Classifier {
            kinds,
            max_depth: Some(3),
            min_samples_split: 2,
        }),
        Box::new(Penalized {
            penalty: Penalty::new(0.01, 1.0).unwrap(),
        }),
        Box::new(mlproof_core::model::WeightedLogistic::new(1.0, ClassWeight::None).unwrap()),
    ]
}

#[test]
fn every_classifier_is_deterministic_shaped_and_leaves_its_input() {
    let data = registry::load("pima", 0).unwrap();
    let y = data.binary_target().unwrap();
    let x = data.features.clone();
    for learner in classifiers(data.feature_kinds.clone(), x.ncols()) {
        let name = learner.name();
        let a = learner.fit(&x, &y, 7).unwrap().predict_proba(&x);
        let b = learner.fit(&x, &y, 7).unwrap().predict_proba(&x);
        assert_eq!(a, b, "{name}: the same seed gives the same probabilities");
        assert_eq!(a.len(), x.nrows(), "{name}: one probability per row");
        assert!(
            a.iter().all(|p| (0.0..=1.0).contains(p)),
            "{name}: P outside [0, 1]"
        );
        assert_eq!(x, data.features, "{name}: input changed");
    }
}

#[test]
fn every_classifier_refuses_one_class_training_rows_or_predicts_it() {
    let data = registry::load("pima", 0).unwrap();
    let x = data.features.clone();
    let y = ndarray::Array1::<usize>::zeros(x.nrows());
    for learner in classifiers(data.feature_kinds.clone(), x.ncols()) {
        // Either a clear error or probabilities that put no weight on the absent class.
        if let Ok(fitted) = learner.fit(&x, &y, 1) {
            let p = fitted.predict_proba(&x);
            assert!(p.iter().all(|v| v.is_finite()), "{}", learner.name());
        }
    }
}

#[test]
fn every_regressor_is_deterministic_and_shaped() {
    let data = registry::load("pima", 0)
        .unwrap()
        .with_target_column("Mass", None)
        .unwrap();
    let y = data.continuous_target().unwrap().clone();
    let x = data.features.clone();
    let one = x.slice(ndarray::s![.., 0..1]).to_owned();
    let regressors: Vec<(Box<dyn Regressor>, &ndarray::Array2<f64>)> = vec![
        (Box::new(Polynomial { degree: 3 }), &one),
        (Box::new(KNearest { k: 5 }), &x),
        (
            Box::new(
                TreeRegressor::new(TreeParams {
                    criterion: mlproof_trees::Criterion::SquaredError,
                    max_depth: Some(4),
                    ..TreeParams::default()
                })
                .unwrap(),
            ),
            &x,
        ),
        (
            Box::new(Penalized {
                penalty: Penalty::new(0.1, 0.5).unwrap(),
            }),
            &x,
        ),
    ];
    for (r, x) in regressors {
        let a = r.fit(x, &y, 3).unwrap().predict(x);
        let b = r.fit(x, &y, 3).unwrap().predict(x);
        assert_eq!(a, b, "{}", r.name());
        assert_eq!(a.len(), x.nrows(), "{}", r.name());
        assert!(a.iter().all(|v| v.is_finite()), "{}", r.name());
    }
}
