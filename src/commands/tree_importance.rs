//! `mlproof tree importance`: impurity-based and permutation importance side by side.

use mlproof_core::Result;
use mlproof_experiments::tree::importance::{self, Importances, Params};
use mlproof_experiments::Check;

use crate::cli::TreeImportanceArgs;
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &TreeImportanceArgs, seed: u64) -> Result<Output> {
    let params = Params {
        max_depth: args.max_depth,
        repeats: args.repeats,
        metric: args.metric.map(super::curves::metric),
        seed,
        ..Params::default()
    }
    .check()?;
    let data = args.data.load(importance::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = importance::run(data, params, &crate::progress::BAR)?;
    let doc = doc(&data.name, params, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(dataset: &str, params: &Params, r: &Importances) -> Doc {
    let mut doc = Doc::default();
    let metric = r.metric.name();
    doc.title(format!(
        "Feature importance: tree of depth {} on {dataset} ({} training / {} test rows, test {metric} {}, \
         no skill {})",
        params.max_depth,
        r.train_rows,
        r.test_rows,
        num(r.test_score),
        num(r.test_score_baseline)
    ));
    doc.paragraph(format!(
        "impurity: each feature's share of the total impurity decrease over the tree's splits, on the \
         training rows (scikit-learn's feature_importances_). permutation: the drop in test {metric} when \
         the feature is shuffled, mean ± std over {} shuffles ({}).",
        params.repeats, r.metric_choice
    ));
    let mut t = Table::new(&["feature", "impurity", "permutation", "± std"], &[1, 2, 3]);
    for f in r
        .features
        .iter()
        .filter(|f| f.impurity > 0.0 || f.permutation.mean.abs() > 0.0)
        .take(25)
    {
        t.row(vec![
            f.feature.clone(),
            num(f.impurity),
            num(f.permutation.mean),
            num(f.permutation.std),
        ]);
    }
    doc.table(t);
    let unused = r
        .features
        .iter()
        .filter(|f| f.impurity == 0.0 && f.permutation.mean == 0.0)
        .count();
    if unused > 0 {
        doc.paragraph(format!(
            "{unused} features are unused by the tree and change nothing when shuffled."
        ));
    }
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
