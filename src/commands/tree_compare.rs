//! `mlproof tree compare`: ID3 against CART on the same rows and folds.

use mlproof_core::data::{encode, Dataset, FeatureKind};
use mlproof_core::metrics::accuracy;
use mlproof_core::report::Report;
use mlproof_core::stats::Summary;
use mlproof_core::{Error, Result};
use mlproof_trees::id3::Id3Tree;
use mlproof_trees::text::{cart_dot, cart_rules, id3_dot, id3_rules, Names};
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::Splitter;
use ndarray::Axis;
use serde::Serialize;

use crate::cli::TreeCompareArgs;
use crate::render::{num, Doc, Output, Table};

#[derive(Serialize)]
struct Params {
    max_depth: usize,
    splitter: Splitter,
    seed: u64,
}

#[derive(Serialize)]
struct Algorithm {
    name: &'static str,
    splits: &'static str,
    depth: usize,
    leaves: usize,
    train_accuracy: f64,
    cv_accuracy: Summary,
    rules: Vec<String>,
}

/// Fits one algorithm on `rows` and predicts `test` (class codes), for ID3 and CART alike.
type FitPredict<'a> = dyn Fn(&[usize], &[usize]) -> Result<Vec<usize>> + 'a;

pub fn run(args: &TreeCompareArgs, seed: u64) -> Result<Output> {
    let data = args.data.load("car-good", seed)?;
    let y = data.class_codes().ok_or_else(|| {
        Error::usage(format!(
            "ID3 is for classification; '{}' is a continuous target",
            data.target_name
        ))
    })?;
    let depth = Some(args.max_depth);
    let params = TreeParams {
        max_depth: depth,
        ..TreeParams::default()
    }
    .check()?;
    let n_classes = 1 + y.iter().max().copied().unwrap_or(0);
    // CART needs numbers: categorical features are one-hot encoded (scikit-learn practice).
    let (x_onehot, onehot_names) = encode::one_hot(&data);
    let all: Vec<usize> = (0..data.n_rows()).collect();

    let id3 = |train: &[usize], test: &[usize]| -> Result<Vec<usize>> {
        let t = Id3Tree::fit(&data, train, depth, 2)?;
        Ok(t.predict(&data.features.select(Axis(0), test)).to_vec())
    };
    let cart = |train: &[usize], test: &[usize]| -> Result<Vec<usize>> {
        let yt: Vec<usize> = train.iter().map(|&i| y[i]).collect();
        let t = Tree::fit_classifier(
            x_onehot.select(Axis(0), train).view(),
            &yt,
            n_classes,
            None,
            &params,
        )?;
        Ok(t.predict_class(&x_onehot.select(Axis(0), test)).to_vec())
    };
    let splitter = Splitter::Stratified {
        n_splits: args.n_splits,
        shuffle: true,
    }
    .check()?;
    let folds = splitter.split(data.n_rows(), Some(&y), seed)?.folds;
    let score = |f: &FitPredict| -> Result<(f64, Summary)> {
        let train_acc = accuracy(&y, &f(&all, &all)?)?;
        let cv: Vec<f64> = folds
            .iter()
            .map(|fold| {
                let truth: Vec<usize> = fold.test.iter().map(|&i| y[i]).collect();
                accuracy(&truth, &f(&fold.train, &fold.test)?)
            })
            .collect::<Result<_>>()?;
        Ok((train_acc, Summary::of(&cv)))
    };

    let id3_tree = Id3Tree::fit(&data, &all, depth, 2)?;
    let cart_tree = Tree::fit_classifier(x_onehot.view(), &y, n_classes, None, &params)?;
    let levels: Vec<Vec<String>> = data
        .feature_kinds
        .iter()
        .map(|k| match k {
            FeatureKind::Categorical { levels } => levels.clone(),
            FeatureKind::Numeric => Vec::new(),
        })
        .collect();
    let classes = class_names(&data);
    let id3_names = Names {
        features: &data.feature_names,
        levels: &levels,
        classes: &classes,
    };
    let cart_levels = vec![Vec::new(); onehot_names.len()];
    let cart_names = Names {
        features: &onehot_names,
        levels: &cart_levels,
        classes: &classes,
    };
    let (id3_train, id3_cv) = score(&id3)?;
    let (cart_train, cart_cv) = score(&cart)?;
    let algorithms = vec![
        Algorithm {
            name: "ID3",
            splits: "multi-way on categories (entropy)",
            depth: id3_tree.depth(),
            leaves: id3_tree.n_leaves(),
            train_accuracy: id3_train,
            cv_accuracy: id3_cv,
            rules: id3_rules(&id3_tree, &id3_names),
        },
        Algorithm {
            name: "CART",
            splits: "binary on one-hot columns (Gini)",
            depth: cart_tree.depth(),
            leaves: cart_tree.n_leaves(),
            train_accuracy: cart_train,
            cv_accuracy: cart_cv,
            rules: cart_rules(&cart_tree, &cart_names),
        },
    ];
    if let Some(prefix) = &args.dot {
        write_new(
            &with_suffix(prefix, "-id3.dot"),
            &id3_dot(&id3_tree, &id3_names),
        )?;
        write_new(
            &with_suffix(prefix, "-cart.dot"),
            &cart_dot(&cart_tree, &cart_names),
        )?;
    }

    let mut doc = Doc::default();
    doc.title(format!(
        "ID3 vs CART on {}, depth ≤ {}, stratified {}-fold CV",
        data.name, args.max_depth, args.n_splits
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
        ],
        &[2, 3, 4, 5, 6],
    );
    for a in &algorithms {
        t.row(vec![
            a.name.into(),
            a.splits.into(),
            a.depth.to_string(),
            a.leaves.to_string(),
            num(a.train_accuracy),
            num(a.cv_accuracy.mean),
            num(a.cv_accuracy.std),
        ]);
    }
    doc.table(t);
    for a in &algorithms {
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
    let p = Params {
        max_depth: args.max_depth,
        splitter,
        seed,
    };
    Ok(Output::new(
        Report::new("tree compare", p, Some(data.summary()), algorithms),
        doc,
    ))
}

fn class_names(d: &Dataset) -> Vec<String> {
    match &d.target {
        mlproof_core::data::Target::Classes { classes, .. } => classes.clone(),
        mlproof_core::data::Target::Continuous { .. } => Vec::new(),
    }
}

fn with_suffix(prefix: &std::path::Path, suffix: &str) -> std::path::PathBuf {
    let mut s = prefix.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

/// Writes a new file; an existing one is never overwritten.
fn write_new(path: &std::path::Path, text: &str) -> Result<()> {
    use std::io::Write;
    let shown = path.display();
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            Error::input(format!(
                "cannot create {shown}: {e} (mlproof never overwrites a file)"
            ))
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| Error::input(format!("cannot write {shown}: {e}")))
}
