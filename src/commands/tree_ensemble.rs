//! `mlproof tree ensemble`: averaging many trees lowers variance; measured, not asserted.

use mlproof_core::Result;
use mlproof_experiments::tree::ensemble::{self, Ensembles, Params};
use mlproof_experiments::Check;

use crate::cli::TreeEnsembleArgs;
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &TreeEnsembleArgs, seed: u64) -> Result<Output> {
    let params = Params {
        n_trees: args.n_trees,
        rounds: args.rounds,
        learning_rate: args.learning_rate,
        seed,
        ..Params::default()
    }
    .check()?;
    let data = args.data.load(ensemble::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = ensemble::run(data, params, &crate::progress::BAR)?;
    let doc = doc(&data.name, params, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(dataset: &str, params: &Params, r: &Ensembles) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Ensembles on {dataset}: {} training / {} test rows, {} trees, random forest max_features = {}",
        r.train_rows, r.test_rows, params.n_trees, r.max_features
    ));
    doc.paragraph(format!(
        "One deep tree: test accuracy {}. Random forest out-of-bag accuracy: {}. No skill (majority \
         share of the test rows): {}.",
        num(r.deep_tree_accuracy),
        num(r.random_forest_oob_accuracy),
        num(r.accuracy_baseline)
    ));
    let mut t = Table::new(
        &[
            "trees / stages",
            "bagging",
            "random forest",
            "boosting",
            "no skill",
        ],
        &[0, 1, 2, 3, 4],
    );
    for g in &r.growth {
        t.row(vec![
            g.trees.to_string(),
            num(g.bagging),
            num(g.random_forest),
            num(g.boosting),
            num(r.accuracy_baseline),
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
    for v in &r.variance_growth {
        t.row(vec![
            v.trees.to_string(),
            num(v.bagging),
            num(v.random_forest),
            num(v.boosting),
        ]);
    }
    doc.table(t);
    let mut t = Table::new(&["model", "expected error", "bias", "variance"], &[1, 2, 3]);
    for b in r.bias_variance.iter().chain([&r.stage_tree]) {
        let d = &b.decomposition;
        t.row(vec![
            b.model.clone(),
            num(d.expected_loss),
            num(d.bias),
            num(d.variance),
        ]);
    }
    doc.table(t);
    let total_fits = params.rounds * (2 + 3 * params.n_trees);
    let defaults = Params::default();
    let light = if (params.rounds, params.n_trees) == (defaults.rounds, defaults.n_trees) {
        " These are the light defaults (a quarter of the fits of 20 rounds of 50 trees, with the \
         same verdicts on pima and on 5,000 generated rows); --rounds and --n-trees give tighter \
         intervals."
    } else {
        ""
    };
    doc.paragraph(format!(
        "Bias and variance by {} bootstrap rounds of the training rows ({total_fits} tree fits), with \
         mlxtend's 0-1 definitions: variance = how often a round disagrees with the majority vote.{light}",
        params.rounds
    ));
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
