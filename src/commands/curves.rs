//! `mlproof curves`: validation and learning curves, plotted, with the regions named from
//! the numbers.

use mlproof_core::data::encode;
use mlproof_core::metrics::Metric;
use mlproof_core::model::BinaryClassifier;
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_validation::curves::{learning_curve, regions, validation_curve, CurvePoint, Regions};
use mlproof_validation::Splitter;
use serde::Serialize;

use super::{model, split};
use crate::cli::{CurveKind, CurveParam, CurvesArgs, MetricArg, ModelArgs, ModelKind, SplitKind};
use crate::render::plot::train_vs_held_out;
use crate::render::{num, Doc, Output, Table};

/// Learning-curve training fractions (scikit-learn's default `np.linspace(0.1, 1.0, 5)`).
const FRACTIONS: [f64; 5] = [0.1, 0.325, 0.55, 0.775, 1.0];

#[derive(Serialize)]
struct Params {
    kind: &'static str,
    param: Option<&'static str>,
    model: String,
    metric: Metric,
    splitter: Splitter,
    seed: u64,
}

#[derive(Serialize)]
struct Results {
    points: Vec<CurvePoint>,
    regions: Option<Regions>,
    reading: String,
}

pub fn metric(m: MetricArg) -> Metric {
    match m {
        MetricArg::Accuracy => Metric::Accuracy,
        MetricArg::BalancedAccuracy => Metric::BalancedAccuracy,
        MetricArg::Precision => Metric::Precision,
        MetricArg::Recall => Metric::Recall,
        MetricArg::F1 => Metric::F1,
        MetricArg::Mcc => Metric::Mcc,
        MetricArg::RocAuc => Metric::RocAuc,
        MetricArg::AveragePrecision => Metric::AveragePrecision,
        MetricArg::LogLoss => Metric::LogLoss,
        MetricArg::Brier => Metric::Brier,
    }
}

/// The knob's name, its values in order of increasing complexity, and its model.
fn knob(p: CurveParam) -> (&'static str, Vec<f64>, ModelKind) {
    match p {
        CurveParam::MaxDepth => (
            "max_depth",
            (1..=15).map(f64::from).collect(),
            ModelKind::Tree,
        ),
        CurveParam::MinSamplesLeaf => (
            "min_samples_leaf",
            vec![200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0],
            ModelKind::Tree,
        ),
        CurveParam::Alpha => (
            "alpha",
            vec![1e3, 1e2, 1e1, 1.0, 1e-1, 1e-2, 1e-3],
            ModelKind::Logistic,
        ),
        CurveParam::MinSamplesSplit => (
            "min_samples_split",
            vec![400.0, 200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0],
            ModelKind::Tree,
        ),
        // A regression knob: `degree_curve` handles it before any classifier is built.
        CurveParam::Degree => (
            "degree",
            (1..=12).map(f64::from).collect(),
            ModelKind::Logistic,
        ),
    }
}

fn learner_with(
    args: &ModelArgs,
    kind: ModelKind,
    param: CurveParam,
    v: f64,
) -> Result<Box<dyn BinaryClassifier>> {
    let mut m = ModelArgs {
        model: Some(kind),
        ..args.clone()
    };
    match param {
        CurveParam::MaxDepth => m.max_depth = Some(v as usize),
        CurveParam::MinSamplesLeaf => m.min_samples_leaf = v as usize,
        CurveParam::Alpha => m.alpha = v,
        CurveParam::MinSamplesSplit => m.min_samples_split = v as usize,
        CurveParam::Degree => {}
    }
    Ok(Box::new(model::pipeline(kind, &m)?))
}

pub fn run(args: &CurvesArgs, seed: u64) -> Result<Output> {
    if args.kind == CurveKind::Validation && args.param == CurveParam::Degree {
        return degree_curve(args, seed);
    }
    if args.kind == CurveKind::EarlyStopping {
        // A hold-out validation split, as scikit-learn's boosting uses: no folds.
        return super::early_stopping::run(args, &args.data.load("pima", seed)?, seed);
    }
    let metric = metric(args.metric);
    let splitter = split::splitter(args.split.unwrap_or(SplitKind::Stratified), &args.splitter)?;
    let data = args.data.load("pima", seed)?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(&data);
    let splits = splitter.split(data.n_rows(), data.class_codes().as_deref(), seed)?;
    for w in &splits.warnings {
        eprintln!("mlproof: warning: {w}");
    }
    let mut doc = Doc::default();
    // Early stopping and the degree curve returned above: this is validation or learning.
    let (params, results) = if args.kind == CurveKind::Validation {
        let (name, values, kind) = knob(args.param);
        if args.model.model.is_some_and(|m| m != kind) {
            return Err(Error::usage(format!(
                    "--param {name} is a knob of the {kind:?} model; drop --model or choose another --param"
                )));
        }
        // Check the fixed parameters once, before the sweep.
        learner_with(&args.model, kind, args.param, values[0])?;
        let learner_at = |i: usize| learner_with(&args.model, kind, args.param, values[i]);
        let points = validation_curve(&x, &y, &values, &learner_at, &splits.folds, metric, seed)?;
        let regions = regions(&points, metric.higher_is_better());
        let reading = read_validation(
            name,
            &points,
            regions.as_ref(),
            metric.name(),
            metric.higher_is_better(),
        );
        let model = format!("{kind:?}").to_lowercase();
        doc.title(format!(
            "Validation curve: {model} {name} on {}, {} folds, {}",
            data.name,
            splits.folds.len(),
            metric.name()
        ));
        draw(&mut doc, &points, name, fmt_knob);
        doc.paragraph(&reading);
        let p = Params {
            kind: "validation",
            param: Some(name),
            model,
            metric,
            splitter,
            seed,
        };
        (
            p,
            Results {
                points,
                regions,
                reading,
            },
        )
    } else {
        let kind = args.model.model.unwrap_or(ModelKind::Tree);
        let learner = model::pipeline(kind, &args.model)?;
        let points = learning_curve(&x, &y, &FRACTIONS, &learner, &splits.folds, metric, seed)?;
        let reading = read_learning(&points, metric);
        doc.title(format!(
            "Learning curve: {} on {}, {} folds, {}",
            learner.describe(),
            data.name,
            splits.folds.len(),
            metric.name()
        ));
        draw(&mut doc, &points, "training rows", |v| format!("{v:.0}"));
        doc.paragraph(&reading);
        let p = Params {
            kind: "learning",
            param: None,
            model: learner.describe(),
            metric,
            splitter,
            seed,
        };
        (
            p,
            Results {
                points,
                regions: None,
                reading,
            },
        )
    };
    Ok(Output::new(
        Report::new("curves", params, Some(data.summary()), results),
        doc,
    ))
}

fn fmt_knob(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e6 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

pub(super) fn draw(
    doc: &mut Doc,
    points: &[CurvePoint],
    x_title: &str,
    label: impl Fn(f64) -> String,
) {
    let labels: Vec<String> = points.iter().map(|p| label(p.x)).collect();
    let train: Vec<f64> = points.iter().map(|p| p.train.mean).collect();
    let test: Vec<f64> = points.iter().map(|p| p.test.mean).collect();
    doc.figure(train_vs_held_out(
        &labels,
        ("train", &train),
        ("cross-validated", &test),
        12,
        x_title,
    ));
    let mut t = Table::new(
        &[x_title, "train", "CV mean", "CV std", "train − CV"],
        &[0, 1, 2, 3, 4],
    );
    for (p, l) in points.iter().zip(&labels) {
        t.row(vec![
            l.clone(),
            num(p.train.mean),
            num(p.test.mean),
            num(p.test.std),
            num(p.train.mean - p.test.mean),
        ]);
    }
    doc.table(t);
}

/// Words a validation curve; `score` names the metric ("score", "MSE") and
/// `higher_is_better` its direction.
fn read_validation(
    name: &str,
    pts: &[CurvePoint],
    r: Option<&Regions>,
    score: &str,
    higher_is_better: bool,
) -> String {
    let Some(r) = r else {
        return format!("No defined CV {score} to read.");
    };
    let at = |i: usize| fmt_knob(pts[i].x);
    let span = |(a, b): (usize, usize)| {
        if a == b {
            at(a)
        } else {
            format!("{}–{}", at(a), at(b))
        }
    };
    let b = &pts[r.best];
    let mut parts = vec![format!(
        "Best CV {score} {} at {name} {} (train {}); the sweet spot, within one standard error of it, is {name} {}",
        num(b.test.mean),
        at(r.best),
        num(b.train.mean),
        span(r.sweet_spot)
    )];
    if let Some(u) = r.underfit {
        parts.push(format!(
            "underfit at {} (CV {score} {} at {}: too simple, train and CV both {})",
            span(u),
            num(pts[u.0].test.mean),
            at(u.0),
            if higher_is_better { "low" } else { "high" }
        ));
    }
    if let Some(o) = r.overfit {
        let last = &pts[o.1];
        parts.push(format!(
            "overfit at {} (at {}: train {} vs CV {}, a gap of {})",
            span(o),
            at(o.1),
            num(last.train.mean),
            num(last.test.mean),
            num((last.train.mean - last.test.mean).abs())
        ));
    }
    if r.underfit.is_none() && r.overfit.is_none() {
        parts.push("no point is more than one standard error from the best: on this data the knob barely matters".into());
    }
    format!("{}.", parts.join("; "))
}

/// Words a learning curve: whether the CV score moved by more than its fold spread, and
/// whether the train–CV gap at full size is wide (over 0.05), in the metric's direction.
fn read_learning(pts: &[CurvePoint], metric: Metric) -> String {
    let sign = if metric.higher_is_better() { 1.0 } else { -1.0 };
    let (first, last) = (&pts[0], &pts[pts.len() - 1]);
    // Positive gap: the model does better on its training rows than on unseen rows.
    let gap = |p: &CurvePoint| sign * (p.train.mean - p.test.mean);
    let gain = sign * (last.test.mean - first.test.mean);
    let noise = last.test.std.max(first.test.std);
    let (trend, wide) = (
        if gain > noise {
            "improves"
        } else if gain < -noise {
            "worsens"
        } else {
            "barely moves"
        },
        gap(last) > 0.05,
    );
    let advice = match (trend, wide) {
        ("improves", true) => "Still improving with a wide train–CV gap: more data should keep helping (variance).",
        ("improves", false) => "The curves are converging: what error remains is mostly bias.",
        ("barely moves", true) => {
            "A wide gap that more rows of this kind barely close: the model overfits (variance); \
             regularise or simplify it rather than collect more of the same."
        }
        ("barely moves", false) => {
            "Flat and close together: the model is limited by its bias; change the model or the features."
        }
        _ => "The CV score gets worse with more rows: unusual; check for drift or an ordering in the data.",
    };
    format!(
        "From {:.0} to {:.0} training rows the CV {} {trend} ({} → {}) and the train–CV gap goes {} → {}. {advice}",
        first.x,
        last.x,
        metric.name(),
        num(first.test.mean),
        num(last.test.mean),
        num(gap(first)),
        num(gap(last)),
    )
}

#[derive(Serialize)]
struct DegreeParams {
    kind: &'static str,
    param: &'static str,
    model: &'static str,
    metric: &'static str,
    splitter: Splitter,
    seed: u64,
}

/// The validation curve of polynomial regression over its degree, scored by MSE.
fn degree_curve(args: &CurvesArgs, seed: u64) -> Result<Output> {
    if args.model.model.is_some() {
        return Err(Error::usage(
            "--param degree sweeps a polynomial regression; drop --model",
        ));
    }
    let data = args.data.load("synth-sine", seed)?;
    let y = match &data.target {
        mlproof_core::data::Target::Continuous { y } => y.clone(),
        _ => {
            return Err(Error::usage(format!(
                "--param degree fits a regression; {} has a class target (try synth-sine)",
                data.name
            )))
        }
    };
    if data.n_features() != 1 {
        return Err(Error::usage(format!(
            "--param degree fits a polynomial of one feature; {} has {} (try synth-sine)",
            data.name,
            data.n_features()
        )));
    }
    let kind = args.split.unwrap_or(SplitKind::Kfold);
    if matches!(kind, SplitKind::Stratified | SplitKind::RepeatedStratified) {
        return Err(Error::usage(
            "a regression target cannot be stratified; use --split kfold or loo",
        ));
    }
    // Shuffle by default: generated rows have no order, and a sorted file would bias k-fold.
    let splitter = match split::splitter(kind, &args.splitter)? {
        Splitter::KFold { n_splits, .. } => Splitter::KFold {
            n_splits,
            shuffle: true,
        },
        other => other,
    };
    let folds = splitter.split(data.n_rows(), None, seed)?.folds;
    let values: Vec<f64> = (1..=12).map(f64::from).collect();
    let at = |i: usize| -> Result<Box<dyn mlproof_core::model::Regressor>> {
        Ok(Box::new(mlproof_core::model::Polynomial {
            degree: values[i] as usize,
        }))
    };
    let points = mlproof_validation::curves::validation_curve_regression(
        &data.features,
        &y,
        &values,
        &at,
        &folds,
    )?;
    let regions = regions(&points, false);
    let reading = read_validation("degree", &points, regions.as_ref(), "MSE", false);
    let mut doc = Doc::default();
    doc.title(format!(
        "Validation curve: polynomial degree on {}, {} folds, MSE (lower is better)",
        data.name,
        folds.len()
    ));
    draw(&mut doc, &points, "degree", fmt_knob);
    doc.paragraph(&reading);
    let params = DegreeParams {
        kind: "validation",
        param: "degree",
        model: "polynomial",
        metric: "mse",
        splitter,
        seed,
    };
    let results = Results {
        points,
        regions,
        reading,
    };
    Ok(Output::new(
        Report::new("curves", params, Some(data.summary()), results),
        doc,
    ))
}
