//! `mlproof tree prune`: minimal cost-complexity pruning, from the path to the chosen alpha.

use mlproof_core::Result;
use mlproof_experiments::tree::prune::{self, alpha, Params, PruningCurve};
use mlproof_experiments::Check;
use mlproof_trees::Criterion;
use mlproof_validation::Splitter;

use crate::cli::{CriterionArg, TreePruneArgs};
use crate::render::plot::train_vs_held_out;
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &TreePruneArgs, seed: u64) -> Result<Output> {
    let criterion = match args.criterion {
        CriterionArg::Gini => Criterion::Gini,
        CriterionArg::Entropy => Criterion::Entropy,
    };
    let params = Params {
        criterion,
        metric: super::curves::metric(args.metric),
        splitter: Splitter::Stratified {
            n_splits: args.n_splits,
            shuffle: true,
        },
        seed,
    }
    .check()?;
    let data = args.data.load(prune::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = prune::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    let doc = doc(&data.name, params, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(dataset: &str, params: &Params, r: &PruningCurve) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Cost-complexity pruning on {dataset} ({:?}): the path and CV score against alpha",
        params.criterion
    ));
    doc.paragraph(
        "R(T) = Σ leaves N_t/N · impurity(t); a branch's effective alpha g(t) = (R(t) − R(T_t)) / \
         (leaves(T_t) − 1). Pruning collapses the branch with the smallest g, again and again (Breiman \
         et al. 1984; scikit-learn's cost_complexity_pruning_path).",
    );
    let shown = r.shown_steps();
    let labels: Vec<String> = shown
        .iter()
        .map(|&i| r.path.leaves[i].to_string())
        .collect();
    let train: Vec<f64> = shown.iter().map(|&i| r.cv[i].train.mean).collect();
    let test: Vec<f64> = shown.iter().map(|&i| r.cv[i].test.mean).collect();
    doc.figure(train_vs_held_out(
        &labels,
        ("train", &train),
        ("cross-validated", &test),
        10,
        "leaves after pruning (alpha grows to the right)",
    ));
    let mut t = Table::new(
        &[
            "step",
            "ccp_alpha",
            "leaves",
            "total impurity",
            "train",
            "CV mean",
            "CV std",
            "no skill",
            "",
        ],
        &[0, 1, 2, 3, 4, 5, 6, 7],
    );
    for &i in &shown {
        let mark = match (i == r.best.step, i == r.one_se.step) {
            (true, true) => "best, one-SE",
            (true, false) => "best",
            (false, true) => "one-SE",
            _ => "",
        };
        t.row(vec![
            i.to_string(),
            alpha(r.path.ccp_alphas[i]),
            r.path.leaves[i].to_string(),
            num(r.path.impurities[i]),
            num(r.cv[i].train.mean),
            num(r.cv[i].test.mean),
            num(r.cv[i].test.std),
            num(r.baseline),
            mark.into(),
        ]);
    }
    doc.table(t);
    let n = r.path.ccp_alphas.len();
    if n > shown.len() {
        doc.paragraph(format!(
            "({n} steps in all; every one is in --format json.)"
        ));
    }
    doc.paragraph(format!(
        "One-SE rule: SE = std/√k of the best step = {}; threshold = best − SE = {}; the choice is \
         the largest alpha whose CV mean reaches it, searched over every step. no skill: {}.",
        num(r.one_se_rule.se),
        num(r.one_se_rule.threshold),
        r.baseline_model
    ));
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
