//! `mlproof tree compare`: ID3 against CART on the same rows and folds.

use mlproof_core::Result;
use mlproof_experiments::tree::compare::{self, Comparison, Params};
use mlproof_experiments::Check;
use mlproof_validation::Splitter;

use crate::cli::TreeCompareArgs;
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &TreeCompareArgs, seed: u64) -> Result<Output> {
    let params = Params {
        max_depth: args.max_depth,
        splitter: Splitter::Stratified {
            n_splits: args.n_splits,
            shuffle: true,
        },
        seed,
    }
    .check()?;
    let data = args.data.load(compare::DEFAULT_DATASET, seed)?;
    let report = compare::run(&data, &params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    if let Some(prefix) = &args.dot {
        let [id3, cart] = [0, 1].map(|i| &report.results.algorithms[i].dot);
        let (id3_path, cart_path) = (
            with_suffix(prefix, "-id3.dot"),
            with_suffix(prefix, "-cart.dot"),
        );
        crate::write::files(&[(&id3_path, id3.as_bytes()), (&cart_path, cart.as_bytes())])?;
    }
    let doc = doc(&data.name, args, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(dataset: &str, args: &TreeCompareArgs, r: &Comparison) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "ID3 vs CART on {dataset}, depth ≤ {}, stratified {}-fold CV",
        args.max_depth, args.n_splits
    ));
    let mut t = Table::new(
        &[
            "algorithm",
            "splits",
            "depth",
            "leaves",
            "train acc",
            "CV acc",
            "± std",
            "no skill",
        ],
        &[2, 3, 4, 5, 6, 7],
    );
    for a in &r.algorithms {
        t.row(vec![
            a.name.into(),
            a.splits.into(),
            a.depth.to_string(),
            a.leaves.to_string(),
            num(a.train_accuracy),
            num(a.cv_accuracy.mean),
            num(a.cv_accuracy.std),
            num(r.accuracy_baseline),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "no skill: always predicting the majority class '{}'.",
        r.majority_class
    ));
    for a in &r.algorithms {
        doc.title(format!("{} rules", a.name));
        let shown: Vec<String> = a.rules.iter().take(40).cloned().collect();
        doc.preformatted(shown);
        if a.rules.len() > 40 {
            doc.paragraph(format!(
                "({} more lines in --format json; --dot draws the whole tree.)",
                a.rules.len() - 40
            ));
        }
    }
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

fn with_suffix(prefix: &std::path::Path, suffix: &str) -> std::path::PathBuf {
    let mut s = prefix.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}
