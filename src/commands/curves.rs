//! `mlproof curves`: validation, degree and learning curves (and early stopping, in
//! `early_stopping.rs`), drawn from the `curves` experiment's report.

use mlproof_core::metrics::Metric;
use mlproof_core::Result;
use mlproof_experiments::common::{ModelKind as Learner, ModelSpec};
use mlproof_experiments::curves::{self, Boosting, Curve, Kind, Knob, Params, Results};
use mlproof_experiments::Check;

use super::split;
use crate::cli::{CurveKind, CurveParam, CurvesArgs, MetricArg, ModelArgs, ModelKind, SplitKind};
use crate::render::plot::train_vs_held_out;
use crate::render::{num, Doc, Output, Table};

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

fn knob(p: CurveParam) -> Knob {
    match p {
        CurveParam::MaxDepth => Knob::MaxDepth,
        CurveParam::MinSamplesLeaf => Knob::MinSamplesLeaf,
        CurveParam::MinSamplesSplit => Knob::MinSamplesSplit,
        CurveParam::Alpha => Knob::Alpha,
        CurveParam::Degree => Knob::Degree,
    }
}

/// The `--model` flags as a learner specification of `kind`.
/// The `--model` flags' learner, as the curve's `kind`.
fn spec(kind: Learner, m: &ModelArgs) -> ModelSpec {
    ModelSpec {
        kind,
        ..super::model::model_spec(m)
    }
}

/// The flags as the experiment's parameters (a knob is passed only to a validation curve, or
/// when it was changed, so that the experiment can refuse it).
fn params(args: &CurvesArgs, seed: u64) -> Result<Params> {
    let kind = match args.kind {
        CurveKind::Validation => Kind::Validation,
        CurveKind::Learning => Kind::Learning,
        CurveKind::EarlyStopping => Kind::EarlyStopping,
    };
    let param =
        (kind == Kind::Validation || args.param != CurveParam::MaxDepth).then(|| knob(args.param));
    let learner = args.model.model.map(|m| match m {
        ModelKind::Logistic => Learner::Logistic,
        ModelKind::Tree => Learner::Tree,
        ModelKind::Majority => Learner::Majority,
    });
    let default_split = if param == Some(Knob::Degree) {
        SplitKind::Kfold
    } else {
        SplitKind::Stratified
    };
    let splitter = match (kind, args.split) {
        (Kind::EarlyStopping, None) => None,
        (_, given) => Some(split::splitter(
            given.unwrap_or(default_split),
            &args.splitter,
        )?),
    };
    Ok(Params {
        kind,
        param,
        model: spec(
            learner.unwrap_or_else(|| curves::default_model(param)),
            &args.model,
        ),
        metric: metric(args.metric),
        splitter,
        boosting: Boosting {
            n_estimators: args.n_estimators,
            learning_rate: args.learning_rate,
            patience: args.patience,
        },
        seed,
    })
}

pub fn run(args: &CurvesArgs, seed: u64) -> Result<Output> {
    let params = params(args, seed)?.check()?;
    let default = if params.param == Some(Knob::Degree) {
        curves::DEFAULT_REGRESSION_DATASET
    } else {
        curves::DEFAULT_DATASET
    };
    let data = args.data.load(default, seed)?;
    super::timed(args.timing, "curve", || output(&data, &params))
}

/// The curve on `data`, as a document.
pub fn output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = curves::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    let doc = match &report.results {
        Results::Curve(c) => curve_doc(&data.name, params, c),
        Results::EarlyStopping(e) => super::early_stopping::doc(&data.name, params, e),
    };
    Ok(Output::new(report, doc))
}

fn curve_doc(dataset: &str, params: &Params, c: &Curve) -> Doc {
    let mut doc = Doc::default();
    match params.param {
        Some(Knob::Degree) => doc.title(format!(
            "Validation curve: polynomial degree on {dataset}, {} folds, MSE (lower is better)",
            c.n_folds
        )),
        Some(k) => doc.title(format!(
            "Validation curve: {} {} on {dataset}, {} folds, {}",
            c.model,
            k.name(),
            c.n_folds,
            c.metric
        )),
        None => doc.title(format!(
            "Learning curve: {} on {dataset}, {} folds, {}",
            c.model, c.n_folds, c.metric
        )),
    };
    match params.param {
        Some(k) => draw(&mut doc, c, k.name(), fmt_knob),
        None => draw(&mut doc, c, "training rows", |v| format!("{v:.0}")),
    }
    doc.paragraph(format!(
        "no skill: {} ({}), what a model that ignores the features scores.",
        c.baseline_model,
        num(c.baseline)
    ));
    crate::render::findings(&mut doc, &c.findings);
    doc.paragraph(c.reading.clone());
    doc
}

fn fmt_knob(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e6 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// The train and CV curves, and a table of every point with the baseline beside it and the
/// points the reading cites marked.
fn draw(doc: &mut Doc, c: &Curve, x_title: &str, label: impl Fn(f64) -> String) {
    let points = &c.points;
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
        &[
            x_title,
            "train",
            "CV mean",
            "CV std",
            "train − CV",
            "no skill",
            "note",
        ],
        &[0, 1, 2, 3, 4, 5],
    );
    for (i, (p, l)) in points.iter().zip(&labels).enumerate() {
        let mut notes = Vec::new();
        if let Some(r) = &c.regions {
            if i == r.best {
                notes.push("best");
            }
            if i == r.one_se {
                notes.push("one-SE choice");
            }
        }
        t.row(vec![
            l.clone(),
            num(p.train.mean),
            num(p.test.mean),
            num(p.test.std),
            num(p.train.mean - p.test.mean),
            num(c.baseline),
            notes.join(", "),
        ]);
    }
    doc.table(t);
}
