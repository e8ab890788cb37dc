//! The common component suite (issue 14), in the spirit of scikit-learn's `check_estimator`:
//! one generic check run over every model, splitter, resampler, the drift statistics and the
//! experiments. Each component is one line of [`components`]; the checks are:
//! - deterministic: the same seed gives the same output (compared as JSON);
//! - independent of the thread count: 1 and 2 rayon threads give the same output;
//! - its input unchanged;
//! - its output shaped by its input (one prediction per row, folds that partition the rows,
//!   resampled rows with the input's columns);
//! - NaN, empty and (where it applies) one-class input rejected with an error, no panic;
//! - its JSON output survives a round trip through text.

use mlproof_core::model::{BinaryClassifier, KNearest, Polynomial, Regressor};
use mlproof_core::params::Check;
use mlproof_core::progress::Silent;
use mlproof_core::Result;
use mlproof_data::{registry, Dataset, Target};
use mlproof_experiments::claims::learners;
use mlproof_imbalance::{Adasyn, SamplingStrategy, Smote, SmoteKind};
use mlproof_validation::split::Splitter;
use ndarray::{Array1, Axis};
use serde_json::{json, Value};

/// What a component's output must look like for its input.
type Shape = fn(&Dataset, &Value) -> bool;

/// A component run on a dataset under a seed, its output as JSON.
type Run = Box<dyn Fn(&Dataset, u64) -> Result<Value> + Send + Sync>;

struct Component {
    name: &'static str,
    run: Run,
    shape: Shape,
    /// Whether input of one class must be refused (classifiers, resamplers); a splitter
    /// or a regressor has no classes to need.
    needs_both_classes: bool,
}

fn one_per_row(d: &Dataset, v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.len() == d.n_rows())
}

fn partition(d: &Dataset, v: &Value) -> bool {
    let folds = v.as_array().unwrap();
    let mut tested: Vec<u64> = folds
        .iter()
        .flat_map(|f| {
            f["test"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_u64().unwrap())
        })
        .collect();
    tested.sort_unstable();
    let disjoint = folds.iter().all(|f| {
        let train = f["train"].as_array().unwrap();
        f["test"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| !train.contains(t))
    });
    disjoint
        && tested.iter().all(|&i| (i as usize) < d.n_rows())
        && tested.windows(2).all(|w| w[0] < w[1])
}

fn same_columns(d: &Dataset, v: &Value) -> bool {
    v.as_array().is_some_and(|rows| {
        !rows.is_empty()
            && rows
                .iter()
                .all(|r| r.as_array().unwrap().len() == d.n_features())
    })
}

fn a_report(_: &Dataset, v: &Value) -> bool {
    v["results"]["findings"].is_array() && v["params"].is_object()
}

fn classifier(name: &'static str, make: fn() -> Box<dyn BinaryClassifier>) -> Component {
    Component {
        name,
        run: Box::new(move |d, seed| {
            let y = d.binary_target()?;
            let p = make()
                .fit(&d.features, &y, seed)?
                .predict_proba(&d.features);
            Ok(json!(p.to_vec()))
        }),
        shape: one_per_row,
        needs_both_classes: true,
    }
}

fn regressor(name: &'static str, make: fn() -> Box<dyn Regressor>) -> Component {
    Component {
        name,
        run: Box::new(move |d, seed| {
            // Regress the last feature on the first (a polynomial takes one feature).
            let x = d.features.slice(ndarray::s![.., 0..1]).to_owned();
            let y = d.features.column(d.n_features() - 1).to_owned();
            Ok(json!(make().fit(&x, &y, seed)?.predict(&x).to_vec()))
        }),
        shape: one_per_row,
        needs_both_classes: false,
    }
}

fn splitter(name: &'static str, s: Splitter) -> Component {
    Component {
        name,
        run: Box::new(move |d, seed| {
            if d.features.iter().any(|v| !v.is_finite()) {
                // Splitters see row counts and labels only; the loader refuses NaN first.
                return Err(mlproof_core::Error::Input("not finite".into()));
            }
            let y = d.class_codes();
            let splits = s.split(d.n_rows(), y.as_deref(), seed)?;
            Ok(json!(splits
                .folds
                .iter()
                .map(|f| json!({"train": f.train, "test": f.test}))
                .collect::<Vec<_>>()))
        }),
        shape: partition,
        needs_both_classes: false,
    }
}

fn resampler(
    name: &'static str,
    synthesize: fn(&Dataset, u64) -> Result<ndarray::Array2<f64>>,
) -> Component {
    Component {
        name,
        run: Box::new(move |d, seed| {
            let x = synthesize(d, seed)?;
            Ok(json!(x
                .axis_iter(Axis(0))
                .map(|r| r.to_vec())
                .collect::<Vec<_>>()))
        }),
        shape: same_columns,
        needs_both_classes: true,
    }
}

fn experiment(name: &'static str, run: fn(&Dataset) -> Result<Value>) -> Component {
    Component {
        name,
        run: Box::new(move |d, _| run(d)),
        shape: a_report,
        needs_both_classes: true,
    }
}

fn report<T: serde::Serialize>(r: T) -> Result<Value> {
    Ok(serde_json::to_value(r).unwrap())
}

/// Every component, one line each.
fn components() -> Vec<Component> {
    vec![
        classifier("majority", learners::majority),
        classifier("logistic", || learners::logistic().unwrap()),
        classifier("weighted logistic", || {
            learners::weighted_logistic().unwrap()
        }),
        classifier("tree", || learners::tree(Some(4)).unwrap()),
        classifier("forest", || learners::forest(10, 8).unwrap()),
        classifier("boosting", || learners::boosting().unwrap()),
        classifier("knn", learners::knn),
        classifier("threshold moving", || {
            learners::threshold_moved(learners::logistic().unwrap())
        }),
        classifier("smote + logistic", || {
            learners::smote(learners::logistic().unwrap()).unwrap()
        }),
        regressor("polynomial", || Box::new(Polynomial { degree: 2 })),
        regressor("k nearest", || Box::new(KNearest { k: 5 })),
        splitter(
            "k-fold",
            Splitter::KFold {
                n_splits: 5,
                shuffle: true,
            },
        ),
        splitter(
            "stratified",
            Splitter::Stratified {
                n_splits: 5,
                shuffle: true,
            },
        ),
        splitter(
            "time series",
            Splitter::TimeSeries {
                n_splits: 4,
                max_train_size: None,
                test_size: None,
                gap: 2,
            },
        ),
        resampler("smote", |d, s| {
            Ok(Smote::new(5, SamplingStrategy::Auto, SmoteKind::Regular)?
                .synthesize(&d.features, &d.binary_target()?, s)?
                .x)
        }),
        resampler("borderline", |d, s| {
            Ok(
                Smote::new(5, SamplingStrategy::Auto, SmoteKind::Borderline { m: 10 })?
                    .synthesize(&d.features, &d.binary_target()?, s)?
                    .x,
            )
        }),
        resampler("adasyn", |d, s| {
            Ok(Adasyn::new(5, SamplingStrategy::Auto)?
                .synthesize(&d.features, &d.binary_target()?, s)?
                .x)
        }),
        experiment("metrics", |d| {
            report(mlproof_experiments::metrics::run(
                d,
                &mlproof_experiments::metrics::Params::default().check()?,
                &Silent,
            )?)
        }),
        experiment("cv", |d| {
            report(mlproof_experiments::cv::run(
                d,
                &mlproof_experiments::cv::Params::default().check()?,
                &Silent,
            )?)
        }),
        experiment("drift", |d| {
            report(mlproof_experiments::drift::run(
                d,
                &mlproof_experiments::drift::Params::default().check()?,
                &Silent,
            )?)
        }),
    ]
}

/// The first `n` rows of pima with a row-number time column (time order for drift).
fn sample(n: usize) -> Dataset {
    let mut d = registry::load("pima", 0).unwrap();
    let rows: Vec<usize> = (0..n).collect();
    d.features = d.features.select(Axis(0), &rows);
    if let Target::Classes { y, .. } = &mut d.target {
        *y = rows.iter().map(|&i| y[i]).collect();
    }
    d.time = Some(("row".into(), rows.iter().map(usize::to_string).collect()));
    d
}

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn every_component_passes_the_common_checks() {
    let data = sample(300);
    for c in components() {
        let name = c.name;
        let before = (data.features.clone(), data.class_codes().unwrap());
        let a = (c.run)(&data, 7).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            a,
            (c.run)(&data, 7).unwrap(),
            "{name}: deterministic under a seed"
        );
        assert_eq!(
            (data.features.clone(), data.class_codes().unwrap()),
            before,
            "{name}: input changed"
        );
        assert!(
            (c.shape)(&data, &a),
            "{name}: output not shaped by its input"
        );
        let text = serde_json::to_string(&a).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            a,
            "{name}: JSON round trip"
        );

        let mut with_nan = data.clone();
        with_nan.features[[3, 0]] = f64::NAN;
        assert!((c.run)(&with_nan, 7).is_err(), "{name}: NaN accepted");
        assert!(
            (c.run)(&sample(0), 7).is_err(),
            "{name}: empty input accepted"
        );
        if c.needs_both_classes {
            let mut one = data.clone();
            if let Target::Classes { y, .. } = &mut one.target {
                *y = Array1::zeros(y.len());
            }
            assert!((c.run)(&one, 7).is_err(), "{name}: one class accepted");
        }
    }
}

#[test]
fn every_component_gives_the_same_output_at_one_and_two_threads() {
    let data = sample(300);
    for c in components() {
        let one = in_pool(1, || (c.run)(&data, 11).map_err(|e| e.to_string()));
        let two = in_pool(2, || (c.run)(&data, 11).map_err(|e| e.to_string()));
        assert_eq!(one, two, "{}", c.name);
    }
}
