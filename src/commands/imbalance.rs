//! `mlproof imbalance`: every way of handling an imbalanced target on the same folds, or
//! (`--paradox`) the accuracy paradox across every bundled imbalanced set.

use mlproof_core::data::{encode, registry, Dataset, FeatureKind};
use mlproof_core::model::{BinaryClassifier, ClassWeight, WeightedLogistic};
use mlproof_core::report::Report;
use mlproof_core::stats::Summary;
use mlproof_core::Result;
use mlproof_imbalance::compare::{compare, paradox, Comparison, Design, Options, ParadoxRow};
use mlproof_trees::ensemble::Forest;
use mlproof_trees::{TreeClassifier, TreeParams};
use serde::Serialize;

use crate::cli::{ImbalanceArgs, ImbalanceModel};
use crate::render::{num, Doc, Output, Table};

/// The imbalanced sets the paradox table covers (every bundled classification set).
const PARADOX_SETS: [&str; 8] = [
    "pima",
    "wisconsin",
    "german",
    "ecoli3",
    "glass2",
    "car-good",
    "yeast4",
    "abalone19",
];

pub fn run(args: &ImbalanceArgs, seed: u64) -> Result<Output> {
    if args.paradox {
        return run_paradox(args, seed);
    }
    let data = args.data.load("yeast4", seed)?;
    let y = data.binary_target()?;
    let (encoded, _) = encode::one_hot(&data);
    let design = Design {
        encoded: &encoded,
        codes: &data.features,
        levels: levels(&data),
        y: &y,
    };
    let (factory, model) = learner_factory(args, encoded.ncols())?;
    let opts = Options {
        n_splits: args.n_splits,
        k_neighbors: args.k_neighbors,
        rule: args.threshold_rule,
        standardize: args.model == ImbalanceModel::Logistic,
        seed,
    };
    let result = compare(&design, factory.as_ref(), &opts)?;
    let doc = doc(&data, &model, &result);
    let params = Params {
        model,
        n_splits: args.n_splits,
        k_neighbors: args.k_neighbors,
        threshold_rule: args.threshold_rule.to_string(),
        seed,
    };
    Ok(Output::new(
        Report::new("imbalance", params, Some(data.summary()), result),
        doc,
    ))
}

#[derive(Debug, Serialize)]
struct Params {
    model: String,
    n_splits: usize,
    k_neighbors: usize,
    threshold_rule: String,
    seed: u64,
}

fn levels(data: &Dataset) -> Vec<Option<usize>> {
    data.feature_kinds
        .iter()
        .map(|k| match k {
            FeatureKind::Numeric => None,
            FeatureKind::Categorical { levels } => Some(levels.len()),
        })
        .collect()
}

type Factory = Box<dyn Fn(ClassWeight) -> Result<Box<dyn BinaryClassifier>> + Sync>;

/// The learner of `--model`, buildable with or without class weights, and its description.
fn learner_factory(args: &ImbalanceArgs, n_features: usize) -> Result<(Factory, String)> {
    Ok(match args.model {
        ImbalanceModel::Logistic => (
            Box::new(|w| Ok(Box::new(WeightedLogistic::new(1.0, w)?) as Box<dyn BinaryClassifier>)),
            "standardised logistic regression (C = 1)".into(),
        ),
        ImbalanceModel::Tree => {
            let depth = args.max_depth.unwrap_or(5);
            let params = TreeParams::default().with_max_depth(Some(depth)).check()?;
            (
                Box::new(move |w| {
                    Ok(Box::new(TreeClassifier::new(params)?.with_class_weight(w))
                        as Box<dyn BinaryClassifier>)
                }),
                format!("CART tree, depth {depth}"),
            )
        }
        ImbalanceModel::Forest => {
            let max_features = ((n_features as f64).sqrt() as usize).max(1);
            let params = TreeParams::default()
                .with_max_depth(args.max_depth)
                .check()?;
            let describe = match args.max_depth {
                Some(d) => format!("random forest, 100 trees of depth {d}"),
                None => "random forest, 100 full-depth trees".into(),
            };
            (
                Box::new(move |w| {
                    let mut f = Forest::new(100, Some(max_features), params)?;
                    f.class_weight = w;
                    Ok(Box::new(f) as Box<dyn BinaryClassifier>)
                }),
                describe,
            )
        }
    })
}

fn cell(s: Option<&Summary>) -> String {
    match s {
        Some(s) if s.mean.is_finite() => {
            format!("{:.2}±{:.2}", s.mean, (s.ci95_high - s.ci95_low) / 2.0)
        }
        _ => "n/a".into(),
    }
}

fn doc(data: &Dataset, model: &str, r: &Comparison) -> Doc {
    let mut doc = Doc::default();
    let s = data.summary();
    doc.title(format!(
        "Imbalance on {}: {} rows, {} positive (1 : {:.1}), {model}, stratified {}-fold",
        data.name,
        s.rows,
        s.positives.unwrap_or(0),
        s.imbalance_ratio.unwrap_or(f64::NAN),
        r.n_splits
    ));
    let headers = [
        "method",
        "precision",
        "recall",
        "F1",
        "bal. acc.",
        "ROC-AUC",
        "avg prec.",
    ];
    let keys = [
        "precision",
        "recall",
        "f1",
        "balanced_accuracy",
        "roc_auc",
        "average_precision",
    ];
    let mut t = Table::new(&headers, &[1, 2, 3, 4, 5, 6]);
    let mut notes = Vec::new();
    for (i, m) in r.methods.iter().enumerate() {
        let mark = if m.note.is_some() || m.skipped.is_some() {
            notes.push(format!(
                "[{}] {}",
                i + 1,
                m.skipped.as_deref().map_or_else(
                    || m.note.clone().unwrap_or_default(),
                    |e| format!("not run: {e}")
                )
            ));
            format!(" [{}]", i + 1)
        } else {
            String::new()
        };
        let mut cells = vec![format!("{}{mark}", m.method)];
        cells.extend(
            keys.iter()
                .map(|k| cell(m.scores.as_ref().and_then(|s| s.get(k)))),
        );
        t.row(cells);
    }
    doc.table(t);
    doc.paragraph(format!(
        "Mean over folds ± half the 95% t interval (JSON has every digit). {}",
        notes.join(" ")
    ));
    doc.paragraph(r.reading.join(" "));
    doc
}

#[derive(Debug, Serialize)]
struct ParadoxLine {
    dataset: String,
    rows: usize,
    positives: usize,
    imbalance_ratio: f64,
    #[serde(flatten)]
    scores: ParadoxRow,
}

fn run_paradox(args: &ImbalanceArgs, seed: u64) -> Result<Output> {
    if args.data.given() {
        return Err(mlproof_core::Error::usage(
            "--paradox runs on every bundled imbalanced set; drop --dataset / --data",
        ));
    }
    let mut lines = Vec::new();
    for name in PARADOX_SETS {
        let data = registry::load(name, seed)?;
        let y = data.binary_target()?;
        let (x, _) = encode::one_hot(&data);
        let s = data.summary();
        lines.push(ParadoxLine {
            dataset: name.into(),
            rows: s.rows,
            positives: s.positives.unwrap_or(0),
            imbalance_ratio: s.imbalance_ratio.unwrap_or(f64::NAN),
            scores: paradox(&x, &y, args.n_splits, seed)?,
        });
    }
    let mut doc = Doc::default();
    doc.title(format!(
        "The accuracy paradox on every bundled imbalanced set (stratified {}-fold means)",
        args.n_splits
    ));
    let headers = [
        "dataset", "rows", "pos.", "ratio", "maj. acc", "maj. rec", "maj. F1", "log. acc",
        "log. rec", "log. F1",
    ];
    let mut t = Table::new(&headers, &[1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for l in &lines {
        let s = &l.scores;
        t.row(vec![
            l.dataset.clone(),
            l.rows.to_string(),
            l.positives.to_string(),
            format!("{:.1}", l.imbalance_ratio),
            num(s.majority_accuracy),
            num(s.majority_recall),
            num(s.majority_f1),
            num(s.model_accuracy),
            num(s.model_recall),
            num(s.model_f1),
        ]);
    }
    doc.table(t);
    let worst = lines
        .iter()
        .filter(|l| l.scores.model_accuracy <= l.scores.majority_accuracy + 0.01)
        .map(|l| l.dataset.as_str())
        .collect::<Vec<_>>();
    let top = lines.iter().max_by(|a, b| {
        a.scores
            .majority_accuracy
            .total_cmp(&b.scores.majority_accuracy)
    });
    let mut reading = String::new();
    if let Some(t) = top {
        reading.push_str(&format!(
            "Predicting the majority class scores up to {} accuracy ({}) with recall and F1 of {} and {}.",
            num(t.scores.majority_accuracy),
            t.dataset,
            num(t.scores.majority_recall),
            num(t.scores.majority_f1)
        ));
    }
    if !worst.is_empty() {
        reading.push_str(&format!(
            " Logistic regression (threshold 0.5) is within a point of that accuracy, or below it, on {}: accuracy cannot tell the two apart there, recall and F1 can.",
            worst.join(", ")
        ));
    }
    doc.paragraph(reading);
    #[derive(Serialize)]
    struct P {
        n_splits: usize,
        seed: u64,
    }
    Ok(Output::new(
        Report::new(
            "imbalance --paradox",
            P {
                n_splits: args.n_splits,
                seed,
            },
            None,
            lines,
        ),
        doc,
    ))
}
