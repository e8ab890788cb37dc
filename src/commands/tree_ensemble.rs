//! `mlproof tree ensemble`: averaging many trees lowers variance; measured, not asserted.

use mlproof_core::data::encode;
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::progress::Progress;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_trees::boosting::BoostingParams;
use mlproof_trees::ensemble::{Boosting, Forest};
use mlproof_trees::{TreeClassifier, TreeParams};
use mlproof_validation::bias_variance::{bootstrap_zero_one, check_rounds, ZeroOne};
use ndarray::Axis;
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
        learning_rate: 0.1,
        max_depth: 3,
    }
    .check()?;
    let boosting = Boosting(boost_params);
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
    for k in [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .filter(|&k| k <= args.n_trees)
    {
        growth.push(Growth {
            trees: k,
            bagging: accuracy(&bag.predict_proba_first(&x_te, k).to_vec())?,
            random_forest: accuracy(&rf.predict_proba_first(&x_te, k).to_vec())?,
            boosting: accuracy(&boosted.predict_proba(&x_te, k).to_vec())?,
        });
    }

    // Variance by bootstrap rounds over the training rows (mlxtend's 0-1 definitions).
    let learners: [(&str, &dyn BinaryClassifier); 4] = [
        ("deep tree", &deep),
        ("bagging", &bagging),
        ("random forest", &forest),
        ("gradient boosting", &boosting),
    ];
    let total_fits = args.rounds * (1 + 3 * args.n_trees);
    let progress = Progress::new("ensembles", args.rounds * learners.len());
    let mut bias_variance = Vec::new();
    for (name, learner) in learners {
        let d = bootstrap_zero_one(
            &x_tr,
            &y_tr,
            &x_te,
            &y_te,
            learner,
            args.rounds,
            seed,
            &progress,
        )?;
        bias_variance.push(Decomposed {
            model: name.into(),
            decomposition: d,
        });
    }
    progress.finish();
    let reading = read(&bias_variance);

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
        bias_variance,
        reading,
    };
    Ok(Output::new(
        Report::new("tree ensemble", params, Some(data.summary()), results),
        doc,
    ))
}

/// How each ensemble's variance compares with the single deep tree's, in points.
fn read(rows: &[Decomposed]) -> String {
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
    format!(
        "Against the deep tree's variance of {}: {}.",
        num(tree),
        parts.join("; ")
    )
}
