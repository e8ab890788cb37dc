//! `mlproof features scaling|encoding|selection`: feature engineering, measured by CV.

use mlproof_core::data::{registry, Dataset};
use mlproof_core::stats::Summary;
use mlproof_core::Result;
use mlproof_experiments::features::{
    self, Demo, EncodingResults, Params, ScalingResults, SelectionResults, ENCODING_DATASETS,
};
use mlproof_experiments::Check;
use mlproof_linear::features::encoding::EncodingRow;
use mlproof_linear::features::scaling::{KnnRow, ALPHA_FRACTION};

use crate::cli::{FeaturesArgs, FeaturesDemo};
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &FeaturesArgs, seed: u64) -> Result<Output> {
    let demo = match args.demo {
        FeaturesDemo::Scaling => Demo::Scaling,
        FeaturesDemo::Encoding => Demo::Encoding,
        FeaturesDemo::Selection => Demo::Selection,
    };
    let params = Params {
        n_splits: args.n_splits,
        keep: args.keep,
        seed,
        ..Params::new(demo)
    }
    .check()?;
    let data = args.data.load(demo.default_dataset(), seed)?;
    // Without --dataset/--data, encoding runs on both bundled sets with categorical columns.
    let mut sets = vec![data];
    if demo == Demo::Encoding && !args.data.given() {
        for name in &ENCODING_DATASETS[1..] {
            sets.push(registry::load(name, seed)?);
        }
    }
    output(&sets, &params)
}

/// The demo on `sets` (one dataset; encoding may take several), as a document.
pub fn output(sets: &[Dataset], params: &mlproof_experiments::Checked<Params>) -> Result<Output> {
    let bar = &crate::progress::BAR;
    let data = &sets[0];
    let output = match params.demo {
        Demo::Scaling => {
            let report = features::run_scaling(data, params, bar)?;
            let doc = scaling_doc(data, &report.results);
            Output::new(report, doc)
        }
        Demo::Encoding => {
            let report = features::run_encoding(sets, params, bar)?;
            let doc = encoding_doc(sets, &report.results, params.n_splits);
            Output::new(report, doc)
        }
        Demo::Selection => {
            let report = features::run_selection(data, params, bar)?;
            let doc = selection_doc(data, &report.results, params.n_splits);
            Output::new(report, doc)
        }
    };
    if let Some(warnings) = output.report["warnings"].as_array() {
        for w in warnings.iter().filter_map(|w| w.as_str()) {
            crate::warn!("mlproof: warning: {w}");
        }
    }
    Ok(output)
}

fn scaling_doc(data: &Dataset, res: &ScalingResults) -> Doc {
    let (r, names) = (&res.scaling, &res.features);
    let mut doc = Doc::default();
    doc.title(format!(
        "Scaling on {}: the same penalty, and k-NN, with and without it",
        data.name
    ));
    doc.paragraph(format!(
        "L1 logistic regression at α = {:.4e} ({ALPHA_FRACTION} × the smallest α that zeroes \
         every coefficient on standardised columns), fitted once on standardised and once on \
         raw (centred) columns. Raw coefficients are shown per standard deviation (w × sd) so \
         the two fits are comparable.",
        r.alpha
    ));
    let mut t = Table::new(
        &[
            "feature",
            "sd",
            "standardised fit",
            "raw fit (per sd)",
            "moved",
        ],
        &[1, 2, 3],
    );
    for q in &r.penalty {
        let moved = match (q.standardized != 0.0, q.raw_per_sd != 0.0) {
            (true, false) => "zeroed on raw".to_owned(),
            (false, true) => "kept only on raw".to_owned(),
            (false, false) => String::new(),
            (true, true) => format!("{:+.0}%", 100.0 * (q.raw_per_sd / q.standardized - 1.0)),
        };
        t.row(vec![
            names[q.feature].clone(),
            num(q.sd),
            num(q.standardized),
            num(q.raw_per_sd),
            moved,
        ]);
    }
    doc.table(t);
    let mut k = Table::new(
        &["scaling", "model", "CV ROC-AUC ± 95% CI", "no skill"],
        &[2, 3],
    );
    let mut rows = |model: String, rows: &[KnnRow]| {
        for q in rows {
            k.row(vec![
                q.scaling.into(),
                model.clone(),
                auc(&q.auc),
                num(res.auc_baseline),
            ]);
        }
    };
    rows(format!("{}-NN", r.k), &r.knn);
    rows(
        format!(
            "tree (depth {})",
            mlproof_linear::features::scaling::TREE_DEPTH
        ),
        &r.tree,
    );
    doc.table(k);
    doc.paragraph(
        "k-NN ranks rows by Euclidean distance, so on raw columns the widest column decides who \
         is near; a tree compares values within one column only. Scalers are fitted inside each \
         training fold.",
    );
    crate::render::findings(&mut doc, &res.findings);
    doc.paragraph(res.reading.clone());
    doc
}

fn auc(s: &Summary) -> String {
    format!("{:.3} ± {:.3}", s.mean, (s.ci95_high - s.ci95_low) / 2.0)
}

fn encoding_table(data: &Dataset, rows: &[EncodingRow], n_splits: usize, baseline: f64) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Encoding the categorical columns of {} ({} of {} features), stratified {n_splits}-fold CV",
        data.name,
        data.n_categorical(),
        data.n_features()
    ));
    let mut t = Table::new(
        &[
            "encoding",
            "model",
            "columns",
            "CV ROC-AUC ± 95% CI",
            "no skill",
        ],
        &[2, 3, 4],
    );
    for q in rows {
        t.row(vec![
            q.encoding.name().into(),
            q.model.into(),
            q.columns.to_string(),
            auc(&q.auc),
            num(baseline),
        ]);
    }
    doc.table(t);
    doc
}

fn encoding_doc(sets: &[Dataset], r: &EncodingResults, n_splits: usize) -> Doc {
    let mut doc = Doc::default();
    for (data, set) in sets.iter().zip(&r.sets) {
        doc.append(encoding_table(data, &set.rows, n_splits, r.auc_baseline));
    }
    doc.paragraph(
        "Ordinal codes impose an order (sorted level names) a linear model takes literally; a \
         tree only splits on it. Target encoding replaces a level by its smoothed positive rate \
         on the training fold (m = 10), one column per feature. Each alternative is compared \
         with one-hot on the same folds.",
    );
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

/// A feature name cut to fit four ranking columns in 100 columns.
fn short(name: &str) -> String {
    const WIDTH: usize = 21;
    if name.chars().count() <= WIDTH {
        name.to_owned()
    } else {
        let head: String = name.chars().take(WIDTH - 1).collect();
        format!("{head}…")
    }
}

fn selection_doc(data: &Dataset, res: &SelectionResults, n_splits: usize) -> Doc {
    let (r, names) = (&res.selection, &res.features);
    let mut doc = Doc::default();
    doc.title(format!(
        "Feature selection on {}: four rankings, then logistic regression on each top {}",
        data.name, r.keep
    ));
    let mut headers = vec!["rank".to_owned()];
    headers.extend(r.rankings.iter().map(|q| q.method.to_owned()));
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(&refs, &[0]);
    for i in 0..names.len().min(25) {
        let mut row = vec![(i + 1).to_string()];
        row.extend(r.rankings.iter().map(|q| short(&names[q.order[i]])));
        t.row(row);
    }
    doc.table(t);
    let mut s = Table::new(
        &["features used", "CV ROC-AUC ± 95% CI", "no skill"],
        &[1, 2],
    );
    s.row(vec![
        format!("all {}", names.len()),
        auc(&r.all_features_auc),
        num(res.auc_baseline),
    ]);
    for q in &r.rankings {
        s.row(vec![
            format!("top {} by {}", r.keep, q.method),
            auc(&q.subset_auc),
            num(res.auc_baseline),
        ]);
    }
    doc.table(s);
    doc.paragraph(format!(
        "L1 path entry: how early a feature becomes non-zero as α falls. Forest impurity: mean \
         impurity decrease over 100 trees (training rows). Permutation: drop in ROC-AUC on 25% \
         held-out rows when the feature is shuffled. RFE: drop the smallest |w| of a standardised \
         logistic model, refit, repeat. The rankings used all rows, so the {n_splits}-fold scores \
         of the subsets are slightly optimistic alike; `mlproof leakage --kind preprocessing` \
         measures how much selection outside the folds can flatter."
    ));
    crate::render::findings(&mut doc, &res.findings);
    doc.paragraph(res.reading.clone());
    doc
}
