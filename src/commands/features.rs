//! `mlproof features scaling|encoding|selection`: feature engineering, measured by CV.

use mlproof_core::data::{registry, Dataset, DatasetSummary};
use mlproof_core::report::Report;
use mlproof_core::stats::Summary;
use mlproof_core::Result;
use mlproof_linear::features::encoding::{encoding, EncodingRow};
use mlproof_linear::features::scaling::{scaling, Scaling, ALPHA_FRACTION};
use mlproof_linear::features::selection::{selection, Selection};
use mlproof_linear::one_hot;
use serde::Serialize;

use crate::cli::{FeaturesArgs, FeaturesDemo};
use crate::render::{num, Doc, Output, Table};

#[derive(Debug, Serialize)]
struct Params {
    demo: &'static str,
    n_splits: usize,
    keep: Option<usize>,
    seed: u64,
}

#[derive(Debug, Serialize)]
struct EncodingResult {
    dataset: DatasetSummary,
    rows: Vec<EncodingRow>,
}

pub fn run(args: &FeaturesArgs, seed: u64) -> Result<Output> {
    let (name, default) = match args.demo {
        FeaturesDemo::Scaling => ("scaling", "pima"),
        FeaturesDemo::Encoding => ("encoding", "german"),
        FeaturesDemo::Selection => ("selection", "wisconsin"),
    };
    let data = args.data.load(default, seed)?;
    let y = data.binary_target()?;
    let (x, names) = one_hot(&data);
    let mut params = Params {
        demo: name,
        n_splits: args.n_splits,
        keep: None,
        seed,
    };
    let summary = Some(data.summary());
    Ok(match args.demo {
        FeaturesDemo::Scaling => {
            let r = scaling(&x, &y, args.n_splits, seed)?;
            let doc = scaling_doc(&data, &names, &r);
            Output::new(Report::new("features", params, summary, r), doc)
        }
        FeaturesDemo::Encoding => {
            // Without --dataset/--data: both bundled sets with categorical columns.
            let sets = if args.data.given() {
                vec![data]
            } else {
                vec![data, registry::load("car-good", seed)?]
            };
            let mut doc = Doc::default();
            let mut results = Vec::new();
            for d in &sets {
                let r = encoding(d, args.n_splits, seed)?;
                doc.append(encoding_doc(d, &r, args.n_splits));
                results.push(EncodingResult {
                    dataset: d.summary(),
                    rows: r,
                });
            }
            Output::new(Report::new("features", params, None, results), doc)
        }
        FeaturesDemo::Selection => {
            let keep = args.keep.unwrap_or((names.len() / 2).max(1));
            params.keep = Some(keep);
            let r = selection(&x, &y, keep, args.n_splits, seed)?;
            let doc = selection_doc(&data, &names, &r, args.n_splits);
            Output::new(Report::new("features", params, summary, r), doc)
        }
    })
}

fn auc(s: &Summary) -> String {
    format!("{:.3} ± {:.3}", s.mean, (s.ci95_high - s.ci95_low) / 2.0)
}

fn scaling_doc(data: &Dataset, names: &[String], r: &Scaling) -> Doc {
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
    let mut zeroed_raw = Vec::new();
    for q in &r.penalty {
        let moved = match (q.standardized != 0.0, q.raw_per_sd != 0.0) {
            (true, false) => {
                zeroed_raw.push(names[q.feature].clone());
                "zeroed on raw".to_owned()
            }
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
    let small: Vec<String> = {
        let mut by_sd: Vec<_> = r.penalty.iter().collect();
        by_sd.sort_by(|a, b| a.sd.total_cmp(&b.sd));
        by_sd
            .iter()
            .take(2)
            .map(|q| format!("{} (sd {})", names[q.feature], num(q.sd)))
            .collect()
    };
    doc.paragraph(format!(
        "On raw columns a feature in small units needs a large coefficient, and the penalty \
         charges it by that size; a feature in large units gets off lightly. Smallest scales \
         here: {}. {}",
        small.join(", "),
        if zeroed_raw.is_empty() {
            "No feature was zeroed only because of its units on this data.".to_owned()
        } else {
            format!(
                "Zeroed on raw columns but kept when standardised: {}.",
                zeroed_raw.join(", ")
            )
        }
    ));
    let mut k = Table::new(&["k-NN scaling", "CV ROC-AUC ± 95% CI"], &[1]);
    for q in &r.knn {
        k.row(vec![q.scaling.into(), auc(&q.auc)]);
    }
    doc.table(k);
    let best = r
        .knn
        .iter()
        .max_by(|a, b| a.auc.mean.total_cmp(&b.auc.mean));
    if let (Some(best), Some(raw)) = (best, r.knn.first()) {
        doc.paragraph(format!(
            "{}-NN ranks rows by Euclidean distance, so on raw columns the widest column decides \
             who is near. Best here: {} ({:.3}), against {:.3} unscaled; scalers are fitted \
             inside each training fold.",
            r.k, best.scaling, best.auc.mean, raw.auc.mean
        ));
    }
    doc
}

fn encoding_doc(data: &Dataset, rows: &[EncodingRow], n_splits: usize) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Encoding the categorical columns of {} ({} of {} features), stratified {n_splits}-fold CV",
        data.name,
        data.n_categorical(),
        data.n_features()
    ));
    let mut t = Table::new(
        &["encoding", "model", "columns", "CV ROC-AUC ± 95% CI"],
        &[2, 3],
    );
    for q in rows {
        t.row(vec![
            q.encoding.name().into(),
            q.model.into(),
            q.columns.to_string(),
            auc(&q.auc),
        ]);
    }
    doc.table(t);
    let best = |model: &str| {
        rows.iter()
            .filter(|q| q.model.starts_with(model))
            .max_by(|a, b| a.auc.mean.total_cmp(&b.auc.mean))
            .map(|q| q.encoding.name())
            .unwrap_or("n/a")
    };
    doc.paragraph(format!(
        "Ordinal codes impose an order (sorted level names) a linear model takes literally; a \
         tree only splits on it. Target encoding replaces a level by its smoothed positive rate \
         on the training fold (m = 10), one column per feature. Best on this data: {} for \
         logistic regression, {} for the tree.",
        best("logistic"),
        best("tree")
    ));
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

fn selection_doc(data: &Dataset, names: &[String], r: &Selection, n_splits: usize) -> Doc {
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
    let mut s = Table::new(&["features used", "CV ROC-AUC ± 95% CI"], &[1]);
    s.row(vec![
        format!("all {}", names.len()),
        auc(&r.all_features_auc),
    ]);
    for q in &r.rankings {
        s.row(vec![
            format!("top {} by {}", r.keep, q.method),
            auc(&q.subset_auc),
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
    doc
}
