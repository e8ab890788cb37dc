//! `mlproof leakage`: honest and leaky protocols on the same data.

use mlproof_core::data::{encode, Target};
use mlproof_core::model::Logistic;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_trees::{TreeClassifier, TreeParams};
use mlproof_validation::leakage::{self, Comparison};
use mlproof_validation::Splitter;
use serde::Serialize;

use crate::cli::{LeakageArgs, LeakageKind};
use crate::render::{num, Doc, Output, Table};

#[derive(Serialize)]
struct Params {
    kind: &'static str,
    design: String,
    model: String,
    n_splits: usize,
    seed: u64,
}

pub fn run(args: &LeakageArgs, seed: u64) -> Result<Output> {
    match args.kind {
        LeakageKind::TimeOrder => time_order(args, seed),
        LeakageKind::Preprocessing => preprocessing(args, seed),
        LeakageKind::Resampling => resampling(args, seed),
    }
}

fn time_order(args: &LeakageArgs, seed: u64) -> Result<Output> {
    let data = args.data.load("sp500", seed)?;
    if data.time.is_none() {
        eprintln!(
            "mlproof: warning: {} has no time column; rows are taken in file order",
            data.name
        );
    }
    let (x, y, design) = match &data.target {
        Target::Continuous { .. } => {
            let (x, y) =
                leakage::forward_label_design(&data, &args.series, args.window, args.horizon)?;
            let design = format!(
                "label: {} summed over the next {} rows > 0; features: {}-row trailing means of every numeric column",
                args.series, args.horizon, args.window
            );
            (x, y, design)
        }
        Target::Classes { .. } => (
            encode::one_hot(&data).0,
            data.binary_target()?,
            format!("the rows of {} in time order", data.name),
        ),
    };
    let gap = args.gap.unwrap_or(args.horizon);
    let (tree, model) = tree_model(args.max_depth)?;
    let result = leakage::time_order(&x, &y, &tree, args.n_splits, gap, seed)?;
    let mut doc = Doc::default();
    doc.title(format!(
        "Time-order leakage on {} ({} rows): {model}",
        data.name,
        x.nrows()
    ));
    doc.paragraph(format!(
        "Design: {design}. Positive rate {:.3}.",
        y.iter().sum::<usize>() as f64 / y.len() as f64
    ));
    table(&mut doc, &result);
    doc.paragraph(read_time(
        &result,
        matches!(data.target, Target::Continuous { .. }),
    ));
    let params = Params {
        kind: "time-order",
        design,
        model,
        n_splits: args.n_splits,
        seed,
    };
    Ok(Output::new(
        Report::new("leakage", params, Some(data.summary()), result),
        doc,
    ))
}

fn preprocessing(args: &LeakageArgs, seed: u64) -> Result<Output> {
    let (x, y, name, summary) = if args.data.given() {
        let data = args.data.load("", seed)?;
        (
            encode::one_hot(&data).0,
            data.binary_target()?,
            data.name.clone(),
            Some(data.summary()),
        )
    } else {
        let (x, y) = leakage::noise(200, 1000, seed);
        (
            x,
            y,
            "pure noise (200 × 1000, random labels)".to_string(),
            None,
        )
    };
    let splitter = Splitter::Stratified {
        n_splits: args.n_splits,
        shuffle: true,
    }
    .check()?;
    let splits = splitter.split(x.nrows(), Some(&y.to_vec()), seed)?;
    let result = leakage::preprocessing(
        &x,
        &y,
        Box::new(Logistic::default()),
        args.select_k,
        &splits.folds,
        seed,
    )?;
    let model = "logistic regression".to_string();
    let mut doc = Doc::default();
    doc.title(format!("Preprocessing leakage on {name}: {model}"));
    table(&mut doc, &result);
    doc.paragraph(read_preprocessing(&result, summary.is_none()));
    let design = format!(
        "select the {} features most correlated with the label",
        args.select_k
    );
    let params = Params {
        kind: "preprocessing",
        design,
        model,
        n_splits: args.n_splits,
        seed,
    };
    Ok(Output::new(
        Report::new("leakage", params, summary, result),
        doc,
    ))
}

/// The tree both time-order and resampling leakage use, and how it is described.
fn tree_model(max_depth: Option<usize>) -> Result<(TreeClassifier, String)> {
    let tree = TreeClassifier::new(TreeParams {
        max_depth,
        ..TreeParams::default()
    })?;
    let model = match max_depth {
        Some(d) => format!("CART tree, max_depth {d}"),
        None => "CART tree, full depth".into(),
    };
    Ok((tree, model))
}

fn table(doc: &mut Doc, r: &Comparison) {
    let mut t = Table::new(&["protocol", "leaky", "mean", "std", "folds"], &[2, 3]);
    for p in &r.protocols {
        let folds: Vec<String> = p.folds.iter().map(|v| format!("{v:.3}")).collect();
        t.row(vec![
            p.name.clone(),
            if p.leaky { "yes" } else { "no" }.into(),
            num(p.summary.mean),
            num(p.summary.std),
            folds.join(" "),
        ]);
    }
    doc.table(t);
}

/// "Clearly" means more than twice the standard error of the difference — an optimistic
/// yardstick, since fold scores are correlated (`mlproof cv` says why).
fn verdict(r: &Comparison) -> String {
    let (d, se) = (r.inflation_points, r.inflation_se_points);
    if d > 2.0 * se {
        format!("the leaky protocol reads {d:.1} points higher, more than twice the standard error of the difference ({se:.1})")
    } else if d > 0.0 {
        format!("the leaky protocol reads {d:.1} points higher, within two standard errors ({se:.1}): here the leak is not clearly visible")
    } else {
        format!("the leaky protocol does not read higher here ({d:+.1} points, ± {se:.1})")
    }
}

fn read_time(r: &Comparison, windows: bool) -> String {
    let why = if windows {
        " Shuffling trains on rows that neighbour each test row in time and share most of its future window."
    } else {
        ""
    };
    let mut text = format!(
        "Shuffled k-fold against a time-series split on the same rows and model ({}): {}.{why}",
        r.metric.name(),
        verdict(r)
    );
    let (shuffled, ordered) = (&r.protocols[0], &r.protocols[1]);
    if ordered.summary.std > 2.0 * shuffled.summary.std {
        let lo = ordered.folds.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = ordered
            .folds
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        text.push_str(&format!(
            " Time-ordered folds range from {lo:.3} to {hi:.3}: the score depends on which period is \
             tested (drift, or the smaller training sets of early folds), which the shuffled estimate \
             ({:.3} ± {:.3}) hides.",
            shuffled.summary.mean, shuffled.summary.std
        ));
    }
    text
}

fn read_preprocessing(r: &Comparison, noise: bool) -> String {
    let truth = if noise {
        " The labels are random, so the honest answer is 0.5."
    } else {
        ""
    };
    format!("Scored by {}: {}.{truth}", r.metric.name(), verdict(r))
}

fn resampling(args: &LeakageArgs, seed: u64) -> Result<Output> {
    let data = args.data.load("yeast4", seed)?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(&data);
    let resampler =
        super::resample::resampler(args.method, 5, 10, args.ratio, vec![false; x.ncols()])?;
    let strategy = args.ratio.map_or(
        mlproof_imbalance::SamplingStrategy::Auto,
        mlproof_imbalance::SamplingStrategy::Ratio,
    );
    let (tree, model) = tree_model(args.max_depth)?;
    let method = resampler.name();
    let result = leakage::resampling(&x, &y, Box::new(tree), resampler, args.n_splits, seed)?;
    let mut doc = Doc::default();
    doc.title(format!(
        "Resampling leakage on {}: {method}, {model}",
        data.name
    ));
    table(&mut doc, &result);
    let why = match args.method {
        crate::cli::ResampleMethod::Over => {
            " Over-sampling first puts copies of a minority row in the training folds and the \
             row itself in a test fold: the model is scored on rows it has memorised."
        }
        crate::cli::ResampleMethod::Under => {
            " Under-sampling first changes the test folds too: they are balanced, unlike the \
             data the model will meet, so precision and F1 read differently from deployment."
        }
        _ => {
            " Synthesising first builds training rows from test rows: a test row's neighbours \
             and the points between them sit in the training folds."
        }
    };
    doc.paragraph(format!(
        "Scored by {} on the positive class: {}.{why}",
        result.metric.name(),
        verdict(&result)
    ));
    let design = format!("{method} (ratio {:?}) before vs inside the folds", strategy);
    let params = Params {
        kind: "resampling",
        design,
        model,
        n_splits: args.n_splits,
        seed,
    };
    Ok(Output::new(
        Report::new("leakage", params, Some(data.summary()), result),
        doc,
    ))
}
