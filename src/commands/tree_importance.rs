//! `mlproof tree importance`: impurity-based and permutation importance side by side.

use mlproof_core::data::encode;
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_trees::{Tree, TreeClassifier, TreeParams};
use mlproof_validation::importance::{permutation_importance, PermutationImportance};
use ndarray::Axis;
use serde::Serialize;

use crate::cli::TreeImportanceArgs;
use crate::render::{num, Doc, Output, Table};

#[derive(Serialize)]
struct Params {
    max_depth: usize,
    repeats: usize,
    metric: Metric,
    test_size: f64,
    seed: u64,
}

#[derive(Serialize)]
struct Row {
    feature: String,
    impurity: f64,
    permutation: PermutationImportance,
}

#[derive(Serialize)]
struct Results {
    test_score: f64,
    features: Vec<Row>,
    reading: String,
}

const TEST_SIZE: f64 = 0.25;

pub fn run(args: &TreeImportanceArgs, seed: u64) -> Result<Output> {
    let metric = super::curves::metric(args.metric);
    let params = TreeParams {
        max_depth: Some(args.max_depth),
        ..TreeParams::default()
    }
    .check()?;
    let data = args.data.load("pima", seed)?;
    let y = data.binary_target()?;
    let (x, names) = encode::one_hot(&data);
    let (train, test) = stratified_holdout(&y.to_vec(), 2, TEST_SIZE, seed)?;
    let (x_train, y_train) = (x.select(Axis(0), &train), y.select(Axis(0), &train));
    let (x_test, y_test) = (x.select(Axis(0), &test), y.select(Axis(0), &test));
    let tree = Tree::fit_classifier(x_train.view(), &y_train.to_vec(), 2, None, &params)?;
    let fitted = TreeClassifier::new(params)?.fit(&x_train, &y_train, seed)?;
    let (test_score, perm) = permutation_importance(
        fitted.as_ref(),
        &x_test,
        &y_test,
        metric,
        args.repeats,
        seed,
    )?;
    let impurity = tree.impurity_importances();
    let mut features: Vec<Row> = perm
        .into_iter()
        .map(|p| Row {
            feature: names[p.feature].clone(),
            impurity: impurity[p.feature],
            permutation: p,
        })
        .collect();
    features.sort_by(|a, b| {
        b.impurity
            .total_cmp(&a.impurity)
            .then(b.permutation.mean.total_cmp(&a.permutation.mean))
    });
    let reading = read(&features);

    let mut doc = Doc::default();
    doc.title(format!(
        "Feature importance: tree of depth {} on {} ({} training / {} test rows, test {} {})",
        args.max_depth,
        data.name,
        train.len(),
        test.len(),
        metric.name(),
        num(test_score)
    ));
    doc.paragraph(format!(
        "impurity: each feature's share of the total impurity decrease over the tree's splits, on the \
         training rows (scikit-learn's feature_importances_). permutation: the drop in test {} when \
         the feature is shuffled, mean ± std over {} shuffles.",
        metric.name(),
        args.repeats
    ));
    let mut t = Table::new(&["feature", "impurity", "permutation", "± std"], &[1, 2, 3]);
    for r in features
        .iter()
        .filter(|r| r.impurity > 0.0 || r.permutation.mean.abs() > 0.0)
        .take(25)
    {
        t.row(vec![
            r.feature.clone(),
            num(r.impurity),
            num(r.permutation.mean),
            num(r.permutation.std),
        ]);
    }
    doc.table(t);
    let unused = features
        .iter()
        .filter(|r| r.impurity == 0.0 && r.permutation.mean == 0.0)
        .count();
    if unused > 0 {
        doc.paragraph(format!(
            "{unused} features are unused by the tree and change nothing when shuffled."
        ));
    }
    doc.paragraph(&reading);
    let p = Params {
        max_depth: args.max_depth,
        repeats: args.repeats,
        metric,
        test_size: TEST_SIZE,
        seed,
    };
    Ok(Output::new(
        Report::new(
            "tree importance",
            p,
            Some(data.summary()),
            Results {
                test_score,
                features,
                reading,
            },
        ),
        doc,
    ))
}

/// Whether the two measures agree on the top feature, and which features the tree uses but
/// the test rows do not reward (permutation importance within one std of zero or below).
fn read(rows: &[Row]) -> String {
    let top_impurity = rows.first().map(|r| r.feature.as_str()).unwrap_or("-");
    let top_perm = rows
        .iter()
        .max_by(|a, b| a.permutation.mean.total_cmp(&b.permutation.mean))
        .map(|r| r.feature.as_str())
        .unwrap_or("-");
    let hollow: Vec<&str> = rows
        .iter()
        .filter(|r| r.impurity > 0.05 && r.permutation.mean <= r.permutation.std)
        .map(|r| r.feature.as_str())
        .collect();
    let mut text = if top_impurity == top_perm {
        format!("Both measures rank {top_impurity} first.")
    } else {
        format!("Impurity ranks {top_impurity} first, permutation on held-out rows ranks {top_perm} first.")
    };
    if !hollow.is_empty() {
        text.push_str(&format!(
            " {} carry impurity importance (over 0.05) yet shuffling them does not clearly hurt the test \
             score: the tree uses them to fit its training rows more than to generalise.",
            hollow.join(", ")
        ));
    }
    text
}
