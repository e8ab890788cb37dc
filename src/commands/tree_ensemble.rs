//! `mlproof tree ensemble`: averaging many trees lowers variance; measured, not asserted.

use mlproof_core::data::encode;
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::progress::Progress;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_trees::boosting::BoostingParams;
use mlproof_trees::ensemble::Forest;
use mlproof_trees::{TreeClassifier, TreeParams};
use mlproof_validation::bias_variance::{bootstrap_zero_one, check_rounds, zero_one, ZeroOne};
use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use serde::Serialize;

use crate::cli::TreeEnsembleArgs;
use crate::render::{num, Doc, Output, Table};

const TEST_SIZE: f64 = 0.3;

#[derive(Serialize)]
struct Params {
    n_trees: usize,
    rounds: usize,
    max_features: usize,
    boosting: BoostingParams,
    test_size: f64,
    seed: u64,
}

#[derive(Serialize)]
struct Growth {
    trees: usize,
    bagging: f64,
    random_forest: f64,
    boosting: f64,
}

#[derive(Serialize)]
struct VarianceAt {
    trees: usize,
    bagging: f64,
    random_forest: f64,
    boosting: f64,
}

#[derive(Serialize)]
struct Decomposed {
    model: String,
    #[serde(flatten)]
    decomposition: ZeroOne,
}

#[derive(Serialize)]
struct Results {
    deep_tree_accuracy: f64,
    random_forest_oob_accuracy: f64,
    growth: Vec<Growth>,
    /// 0-1 variance by number of trees (stages), from the same bootstrap rounds.
    variance_growth: Vec<VarianceAt>,
    bias_variance: Vec<Decomposed>,
    reading: String,
}

pub fn run(args: &TreeEnsembleArgs, seed: u64) -> Result<Output> {
    check_rounds(args.rounds)?;
    let data = args.data.load("pima", seed)?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(&data);
    let (train, test) = stratified_holdout(&y.to_vec(), 2, TEST_SIZE, seed)?;
    let (x_tr, y_tr) = (x.select(Axis(0), &train), y.select(Axis(0), &train));
    let (x_te, y_te) = (x.select(Axis(0), &test), y.select(Axis(0), &test).to_vec());
    let max_features = ((x.ncols() as f64).sqrt().floor() as usize).max(1);
    let deep = TreeClassifier::new(TreeParams::default())?;
    let bagging = Forest::new(args.n_trees, None, TreeParams::default())?;
    let forest = Forest::new(args.n_trees, Some(max_features), TreeParams::default())?;
    let boost_params = BoostingParams {
        n_stages: args.n_trees,
        learning_rate: args.learning_rate,
        max_depth: 3,
    }
    .check()?;
    let accuracy = |p: &[f64]| {
        let pred: Vec<usize> = p.iter().map(|&v| usize::from(v >= 0.5)).collect();
        Metric::Accuracy.compute(&y_te, &pred, p)
    };

    // Test accuracy as members are added: one fit each, scored on its first k members.
    let deep_tree_accuracy =
        accuracy(&deep.fit(&x_tr, &y_tr, seed)?.predict_proba(&x_te).to_vec())?;
    let bag = bagging.fit_forest(&x_tr, &y_tr, seed)?;
    let rf = forest.fit_forest(&x_tr, &y_tr, seed)?;
    let (boosted, _) =
        mlproof_trees::boosting::fit_staged(&x_tr, &y_tr.to_vec(), &x_te, &y_te, &boost_params)?;
    let mut growth = Vec::new();
    // Sizes to report, always ending at the full ensemble.
    let mut sizes: Vec<usize> = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .filter(|&k| k < args.n_trees)
        .collect();
    sizes.push(args.n_trees);
    for &k in &sizes {
        growth.push(Growth {
            trees: k,
            bagging: accuracy(&bag.predict_proba_first(&x_te, k).to_vec())?,
            random_forest: accuracy(&rf.predict_proba_first(&x_te, k).to_vec())?,
            boosting: accuracy(&boosted.predict_proba(&x_te, k).to_vec())?,
        });
    }

    // Variance by bootstrap rounds over the training rows (mlxtend's 0-1 definitions): each
    // round fits every model once at full size and is scored at every size k.

    let total_fits = args.rounds * (1 + 3 * args.n_trees);
    let progress = Progress::new("ensembles", args.rounds * 4);
    let deep_d = bootstrap_zero_one(
        &x_tr,
        &y_tr,
        &x_te,
        &y_te,
        &deep,
        args.rounds,
        seed,
        &progress,
    )?;
    let mut by_size: Vec<[Vec<Array1<usize>>; 3]> = vec![Default::default(); sizes.len()];
    for r in 0..args.rounds {
        // The same bootstrap samples as the deep tree's decomposition.
        let mut rng = mlproof_core::seed::rng(seed, "bias-variance/bootstrap", r as u64);
        let n = x_tr.nrows();
        let idx: Vec<usize> = (0..n).map(|_| rng.gen_range(0..n)).collect();
        let (xb, yb) = (x_tr.select(Axis(0), &idx), y_tr.select(Axis(0), &idx));
        let fit_seed = mlproof_core::seed::derive(seed, "bias-variance/fit", r as u64);
        let bag_r = bagging.fit_forest(&xb, &yb, fit_seed)?;
        let rf_r = forest.fit_forest(&xb, &yb, fit_seed)?;
        let (gb_r, _) =
            mlproof_trees::boosting::fit_staged(&xb, &yb.to_vec(), &x_te, &y_te, &boost_params)?;
        let label = |p: Array1<f64>| p.mapv(|v| usize::from(v >= 0.5));
        for (s, &k) in sizes.iter().enumerate() {
            by_size[s][0].push(label(bag_r.predict_proba_first(&x_te, k)));
            by_size[s][1].push(label(rf_r.predict_proba_first(&x_te, k)));
            by_size[s][2].push(label(gb_r.predict_proba(&x_te, k)));
        }
        (0..3).for_each(|_| progress.tick());
    }
    progress.finish();
    let decompose = |rows: &[Array1<usize>]| {
        let m = Array2::from_shape_fn((rows.len(), y_te.len()), |(r, j)| rows[r][j]);
        zero_one(&m, &y_te)
    };
    let variance_growth: Vec<VarianceAt> = sizes
        .iter()
        .zip(&by_size)
        .map(|(&k, models)| VarianceAt {
            trees: k,
            bagging: decompose(&models[0]).variance,
            random_forest: decompose(&models[1]).variance,
            boosting: decompose(&models[2]).variance,
        })
        .collect();
    let last = by_size.len() - 1;
    let mut bias_variance = vec![Decomposed {
        model: "deep tree".into(),
        decomposition: deep_d,
    }];
    for (m, name) in ["bagging", "random forest", "gradient boosting"]
        .iter()
        .enumerate()
    {
        bias_variance.push(Decomposed {
            model: (*name).into(),
            decomposition: decompose(&by_size[last][m]),
        });
    }
    let reading = read(&bias_variance, &variance_growth);

    let mut doc = Doc::default();
    doc.title(format!(
        "Ensembles on {}: {} training / {} test rows, {} trees, random forest max_features = {max_features}",
        data.name,
        train.len(),
        test.len(),
        args.n_trees
    ));
    doc.paragraph(format!(
        "One deep tree: test accuracy {}. Random forest out-of-bag accuracy: {}.",
        num(deep_tree_accuracy),
        num(rf.oob_accuracy(&y_tr))
    ));
    let mut t = Table::new(
        &["trees / stages", "bagging", "random forest", "boosting"],
        &[0, 1, 2, 3],
    );
    for g in &growth {
        t.row(vec![
            g.trees.to_string(),
            num(g.bagging),
            num(g.random_forest),
            num(g.boosting),
        ]);
    }
    doc.table(t);
    let mut t = Table::new(
        &[
            "trees / stages",
            "variance: bagging",
            "random forest",
            "boosting",
        ],
        &[0, 1, 2, 3],
    );
    for v in &variance_growth {
        t.row(vec![
            v.trees.to_string(),
            num(v.bagging),
            num(v.random_forest),
            num(v.boosting),
        ]);
    }
    doc.table(t);
    let mut t = Table::new(&["model", "expected error", "bias", "variance"], &[1, 2, 3]);
    for b in &bias_variance {
        let d = &b.decomposition;
        t.row(vec![
            b.model.clone(),
            num(d.expected_loss),
            num(d.bias),
            num(d.variance),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "Bias and variance by {} bootstrap rounds of the training rows ({total_fits} tree fits), with \
         mlxtend's 0-1 definitions: variance = how often a round disagrees with the majority vote. {reading}",
        args.rounds
    ));
    let params = Params {
        n_trees: args.n_trees,
        rounds: args.rounds,
        max_features,
        boosting: boost_params,
        test_size: TEST_SIZE,
        seed,
    };
    let results = Results {
        deep_tree_accuracy,
        random_forest_oob_accuracy: rf.oob_accuracy(&y_tr),
        growth,
        variance_growth,
        bias_variance,
        reading,
    };
    Ok(Output::new(
        Report::new("tree ensemble", params, Some(data.summary()), results),
        doc,
    ))
}

/// How each ensemble's variance compares with the single deep tree's, in points, and how it
/// moved as members were added.
fn read(rows: &[Decomposed], growth: &[VarianceAt]) -> String {
    let tree = rows[0].decomposition.variance;
    let parts: Vec<String> = rows[1..]
        .iter()
        .map(|r| {
            let d = 100.0 * (r.decomposition.variance - tree);
            if d < 0.0 {
                format!("{} lowers variance by {:.1} points", r.model, -d)
            } else {
                format!(
                    "{} does not lower variance here ({:+.1} points)",
                    r.model, d
                )
            }
        })
        .collect();
    let mut text = format!(
        "Against the deep tree's variance of {}: {}.",
        num(tree),
        parts.join("; ")
    );
    if let (Some(first), Some(last)) = (growth.first(), growth.last()) {
        let moved = |a: f64, b: f64| {
            if b < a {
                "falls"
            } else if b > a {
                "rises"
            } else {
                "stays"
            }
        };
        text.push_str(&format!(
            " From {} to {} members, bagging's variance {} ({} → {}), the forest's {} ({} → {}) and \
             boosting's {} ({} → {}).",
            first.trees,
            last.trees,
            moved(first.bagging, last.bagging),
            num(first.bagging),
            num(last.bagging),
            moved(first.random_forest, last.random_forest),
            num(first.random_forest),
            num(last.random_forest),
            moved(first.boosting, last.boosting),
            num(first.boosting),
            num(last.boosting)
        ));
        if last.bagging < first.bagging && last.random_forest < first.random_forest {
            text.push_str(" Averaging more trees removed variance.");
        }
        if last.boosting > first.boosting {
            text.push_str(" Boosting's variance grows with its stages: each fits what the previous ones got wrong.");
        }
    }
    text
}
