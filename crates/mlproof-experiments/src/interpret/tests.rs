use mlproof_core::data::registry;
use mlproof_core::progress::Silent;
use mlproof_core::Error;

use super::*;

fn pima() -> Dataset {
    registry::load("pima", 0).unwrap()
}

fn params(method: Method) -> Params {
    Params {
        method,
        ..Params::default()
    }
}

fn explain(data: &Dataset, p: Params) -> Result<Explanation> {
    run(data, &p.check()?, &Silent).map(|r| r.results)
}

fn param_name(e: Error) -> String {
    match e {
        Error::Parameter { name, .. } => name,
        other => panic!("expected a parameter error, got {other}"),
    }
}

#[test]
fn shap_values_of_a_tree_sum_to_its_prediction_minus_the_training_positive_share() {
    let data = pima();
    let p = Params {
        all_rows: true,
        ..params(Method::Shap)
    };
    let r = explain(&data, p).unwrap();
    let s = r.shap.unwrap();
    assert_eq!(s.rows.len(), 768, "--all-rows keeps every row");
    assert!((s.base_value - s.prediction_baseline).abs() < 1e-12);
    for e in &s.rows {
        let sum: f64 = e.values.iter().sum();
        assert!(
            (s.base_value + sum - e.prediction).abs() < 1e-12,
            "row {}",
            e.row
        );
    }
    assert!(r
        .findings
        .iter()
        .any(|f| f.id == "local-accuracy" && f.holds()));
}

#[test]
fn shap_of_a_forest_keeps_local_accuracy_and_caps_the_rows_it_carries() {
    let data = pima();
    let p = Params {
        model: Some(ModelChoice::Forest),
        n_trees: 10,
        rows: 3,
        ..params(Method::Shap)
    };
    let s = explain(&data, p).unwrap().shap.unwrap();
    assert_eq!(s.rows.len(), 3);
    assert!(s.local_accuracy_max_error < 1e-12);
    let ranked: Vec<f64> = s.ranking.iter().map(|a| a.mean_abs).collect();
    assert!(
        ranked.windows(2).all(|w| w[0] >= w[1]),
        "ranking is by mean |SHAP|"
    );
    assert_eq!(s.mean_abs.len(), 8);
}

#[test]
fn partial_dependence_is_the_mean_of_the_ice_curves() {
    let data = pima();
    let p = Params {
        feature: Some("Plas".into()),
        all_rows: true,
        ..params(Method::Ice)
    };
    let d = explain(&data, p).unwrap().partial_dependence.unwrap();
    assert_eq!(d.grid.values.len(), 20);
    assert_eq!(d.individual.len(), 768);
    for (k, avg) in d.average.iter().enumerate() {
        let mean = d.individual.iter().map(|c| c.values[k]).sum::<f64>() / 768.0;
        assert!((mean - avg).abs() < 1e-12);
    }
    let pdp = Params {
        feature: Some("Plas".into()),
        ..params(Method::Pdp)
    };
    let d = explain(&data, pdp).unwrap().partial_dependence.unwrap();
    assert!(d.individual.is_empty(), "pdp reports the average only");
}

#[test]
fn a_feature_with_few_values_uses_them_as_its_grid() {
    let p = Params {
        feature: Some("Preg".into()),
        ..params(Method::Pdp)
    };
    let d = explain(&pima(), p).unwrap().partial_dependence.unwrap();
    assert_eq!(d.grid.kind, mlproof_core::inspection::GridKind::Unique);
    assert_eq!(d.grid.values.len(), 17);
}

#[test]
fn pdp_without_a_feature_or_with_an_unknown_one_names_the_valid_features() {
    let data = pima();
    let e = explain(&data, params(Method::Pdp)).unwrap_err();
    assert!(e.to_string().contains("Preg, Plas"), "{e}");
    let e = explain(
        &data,
        Params {
            feature: Some("Glucose".into()),
            ..params(Method::Ice)
        },
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("'Glucose'") && text.contains("Mass"),
        "{text}"
    );
    assert_eq!(param_name(e), "feature");
}

#[test]
fn a_constant_feature_is_refused() {
    let mut data = pima();
    data.features.column_mut(3).fill(7.0);
    let e = explain(
        &data,
        Params {
            feature: Some("Skin".into()),
            ..params(Method::Pdp)
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("constant"), "{e}");
}

#[test]
fn options_that_do_not_apply_to_the_method_are_errors() {
    let cases = [
        (
            Params {
                feature: Some("Plas".into()),
                ..params(Method::Shap)
            },
            "feature",
        ),
        (
            Params {
                model: Some(ModelChoice::Tree),
                ..params(Method::Surrogate)
            },
            "model",
        ),
        (
            Params {
                rows: 9,
                ..params(Method::Surrogate)
            },
            "rows",
        ),
        (
            Params {
                n_trees: 10,
                ..params(Method::Shap)
            },
            "n_trees",
        ),
        (
            Params {
                n_splits: 3,
                ..params(Method::Pdp)
            },
            "n_splits",
        ),
        (
            Params {
                grid_resolution: 1,
                feature: Some("Plas".into()),
                ..params(Method::Pdp)
            },
            "grid_resolution",
        ),
    ];
    for (p, name) in cases {
        assert_eq!(param_name(p.check().unwrap_err()), name);
    }
}

#[test]
fn the_surrogate_reports_fidelity_with_its_wilson_interval_and_the_cost_on_shared_folds() {
    let p = Params {
        n_trees: 10,
        n_repeats: 1,
        ..params(Method::Surrogate)
    };
    let r = explain(&pima(), p).unwrap();
    let s = r.surrogate.unwrap();
    assert!(s.fidelity_interval[0] <= s.fidelity && s.fidelity <= s.fidelity_interval[1]);
    assert!(
        s.fidelity > s.fidelity_baseline,
        "a depth-3 tree beats a constant"
    );
    assert_eq!(s.test_rows + s.train_rows, 768);
    let a = &s.accuracy_cost;
    assert_eq!(a.fold_forest.len(), 5);
    assert_eq!(a.fold_shallow_tree.len(), 5);
    assert!(s.leaves <= 8);
    for id in ["forest-beats-shallow-tree", "shallow-tree-as-good"] {
        assert!(r.findings.iter().any(|f| f.id == id), "{id}");
    }
}

#[test]
fn the_same_seed_gives_the_same_explanation() {
    let p = || Params {
        model: Some(ModelChoice::Forest),
        n_trees: 5,
        ..params(Method::Shap)
    };
    let a = serde_json::to_string(&explain(&pima(), p()).unwrap()).unwrap();
    let b = serde_json::to_string(&explain(&pima(), p()).unwrap()).unwrap();
    assert_eq!(a, b);
}
