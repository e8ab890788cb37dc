//! `mlproof interpret` against shap 0.51.0 and scikit-learn 1.9.1 (fixtures in
//! `tests/oracle/fixtures/interpret/`, written by `tests/oracle/interpret.py`): TreeSHAP values
//! of `DecisionTreeClassifier(max_depth=D, random_state=0)` for P(y = 1), and brute-force
//! partial dependence and ICE on scikit-learn's grid. Each case first checks that mlproof's
//! tree equals scikit-learn's on the training rows (leaf count and every P(y = 1)).

use mlproof_core::data::registry;
use mlproof_core::inspection::{grid, partial_dependence};
use mlproof_trees::shap::{positive_share, tree_shap};
use mlproof_trees::{Tree, TreeParams};
use serde_json::Value;

/// Measured here: at most 2.3e-16 (SHAP values) and 4.1e-15 (PD) — see README.
const TOL: f64 = 1e-9;

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn fitted(c: &Value) -> (mlproof_core::data::Dataset, Tree) {
    let name = c["dataset"].as_str().unwrap();
    let data = registry::load(name, 0).unwrap();
    let y = data.binary_target().unwrap().to_vec();
    let depth = c["max_depth"].as_u64().unwrap() as usize;
    let params = TreeParams::default().with_max_depth(Some(depth));
    let tree = Tree::fit_classifier(data.features.view(), &y, 2, None, &params).unwrap();
    assert_eq!(
        tree.n_leaves() as u64,
        c["n_leaves"].as_u64().unwrap(),
        "{name}: leaves"
    );
    let ours = tree.predict_proba(&data.features);
    for (i, p) in floats(&c["proba"]).iter().enumerate() {
        assert!(
            (ours[[i, 1]] - p).abs() < 1e-12,
            "{name}: tree differs at row {i}"
        );
    }
    (data, tree)
}

/// scikit-learn's splits, node for node (both number nodes depth first, left child first):
/// the same feature, thresholds within float32 rounding, and every row of the data routed the
/// same way by scikit-learn's rule (float32 value ≤ its threshold) and by mlproof's (float64
/// value ≤ float64 midpoint). The path-dependent SHAP game routes every row at every split on
/// a known feature, even splits the row never reaches, so this is what the fixture needs.
fn same_splits(c: &Value, tree: &Tree, x: &ndarray::Array2<f64>) {
    let s = &c["splits"];
    let (features, thresholds) = (&s["feature"], floats(&s["threshold"]));
    assert_eq!(thresholds.len(), tree.nodes.len(), "node count");
    for (id, node) in tree.nodes.iter().enumerate() {
        let Some(split) = node.split else {
            assert!(
                features[id].as_i64().unwrap() < 0,
                "node {id} is a leaf in one tree only"
            );
            continue;
        };
        assert_eq!(
            features[id].as_u64(),
            Some(split.feature as u64),
            "node {id}"
        );
        assert!((split.threshold - thresholds[id]).abs() < 1e-5, "node {id}");
        for v in x.column(split.feature) {
            assert_eq!(
                f64::from(*v as f32) <= thresholds[id],
                *v <= split.threshold,
                "node {id}: value {v} is routed differently"
            );
        }
    }
}

fn max_gap(a: impl Iterator<Item = f64>, b: impl Iterator<Item = f64>) -> f64 {
    a.zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

#[test]
fn tree_shap_equals_shap_tree_explainer() {
    let v: Value =
        serde_json::from_str(include_str!("oracle/fixtures/interpret/shap.json")).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 6);
    for c in cases {
        let (data, tree) = fitted(c);
        same_splits(c, &tree, &data.features);
        let (base, phi) = tree_shap(&tree, positive_share, data.features.view());
        let at = c["dataset"].as_str().unwrap();
        assert!(
            (base - c["base_value"].as_f64().unwrap()).abs() < TOL,
            "{at}: base"
        );
        let theirs: Vec<f64> = c["shap_values"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(floats)
            .collect();
        assert_eq!(theirs.len(), phi.len());
        let gap = max_gap(phi.iter().copied(), theirs.into_iter());
        assert!(gap < TOL, "{at}: SHAP values differ by {gap}");
    }
}

#[test]
fn partial_dependence_and_ice_equal_scikit_learn_brute() {
    let v: Value =
        serde_json::from_str(include_str!("oracle/fixtures/interpret/pdp.json")).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 6);
    for c in cases {
        let (data, tree) = fitted(c);
        let feature = c["feature"].as_str().unwrap();
        let j = data
            .feature_names
            .iter()
            .position(|n| n == feature)
            .unwrap();
        let column = data.features.column(j).to_vec();
        let resolution = c["grid_resolution"].as_u64().unwrap() as usize;
        let g = grid(&column, (0.05, 0.95), resolution).unwrap();
        let at = format!("{} {feature}", c["dataset"].as_str().unwrap());
        let want = floats(&c["grid"]);
        assert_eq!(g.values.len(), want.len(), "{at}: grid size");
        let gap = max_gap(g.values.iter().copied(), want.into_iter());
        assert!(gap < TOL, "{at}: grid differs by {gap}");
        let pd = partial_dependence(&tree, &data.features, j, g).unwrap();
        let gap = max_gap(
            pd.average.iter().copied(),
            floats(&c["average"]).into_iter(),
        );
        assert!(gap < TOL, "{at}: PD differs by {gap}");
        for (i, row) in c["individual_first_rows"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            let gap = max_gap(pd.individual[i].iter().copied(), floats(row).into_iter());
            assert!(gap < TOL, "{at}: ICE of row {i} differs by {gap}");
        }
    }
}
