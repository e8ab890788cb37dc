//! `mlproof bias-variance`: error split into bias², variance and noise across a complexity
//! sweep.

use mlproof_core::data::registry;
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::model::{BinaryClassifier, KNearest, Polynomial, Regressor};
use mlproof_core::progress::Progress;
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_trees::{TreeClassifier, TreeParams, TreeRegressor};
use mlproof_validation::bias_variance::{
    bootstrap_zero_one, fresh_draws_squared, Squared, ZeroOne,
};
use ndarray::Axis;
use serde::Serialize;

use crate::cli::{BiasVarianceArgs, LossKind, SweepModel};
use crate::render::{num, Doc, Figure, Line, Output, Table};

#[derive(Serialize)]
struct Params {
    loss: &'static str,
    model: &'static str,
    knob: &'static str,
    rounds: usize,
    seed: u64,
}

#[derive(Serialize)]
struct Point<D: Serialize> {
    knob: usize,
    #[serde(flatten)]
    decomposition: D,
}

#[derive(Serialize)]
struct Results<D: Serialize> {
    points: Vec<Point<D>>,
    best: usize,
    reading: String,
}

/// The knob's name and values, in order of increasing complexity.
fn sweep(model: SweepModel) -> (&'static str, Vec<usize>) {
    match model {
        SweepModel::Tree => ("max_depth", (1..=12).collect()),
        SweepModel::Poly => ("degree", (1..=12).collect()),
        SweepModel::Knn => ("k", vec![60, 40, 25, 15, 10, 7, 5, 3, 2, 1]),
    }
}

pub fn run(args: &BiasVarianceArgs, seed: u64) -> Result<Output> {
    mlproof_validation::bias_variance::check_rounds(args.rounds)?;
    match args.loss {
        LossKind::Squared => squared(args, seed),
        LossKind::ZeroOne => zero_one(args, seed),
    }
}

fn regressor(model: SweepModel, knob: usize) -> Result<Box<dyn Regressor>> {
    Ok(match model {
        SweepModel::Tree => Box::new(TreeRegressor::new(TreeParams {
            max_depth: Some(knob),
            ..TreeParams::default()
        })?),
        SweepModel::Poly => Box::new(Polynomial { degree: knob }),
        SweepModel::Knn => Box::new(KNearest { k: knob }),
    })
}

fn squared(args: &BiasVarianceArgs, seed: u64) -> Result<Output> {
    let name = args.dataset.as_deref().unwrap_or("synth-sine");
    let generator = registry::regression_generator(name, seed).ok_or_else(|| {
        Error::usage(format!(
            "squared loss needs a generator with a known truth (synth-sine, synth-friedman1), not '{name}'; \
             for real classification data use --loss zero-one"
        ))
    })?;
    if !(2..=1_000_000).contains(&args.n_test) {
        return Err(Error::usage(format!(
            "--n-test must be between 2 and 1000000, got {}",
            args.n_test
        )));
    }
    let n_train = generator.dataset.n_rows();
    let (x_test, y_test) = generator.resample(args.n_test, seed, "bias-variance/test", 0);
    let truth = generator.true_values(&x_test);
    let draw = |r: usize| generator.resample(n_train, seed, "bias-variance/train", r as u64);
    let (knob, values) = sweep(args.model);
    let progress = Progress::new("bias-variance", values.len() * args.rounds);
    let mut points = Vec::new();
    for &v in &values {
        let learner = regressor(args.model, v)?;
        let d = fresh_draws_squared(
            &draw,
            &x_test,
            &y_test,
            &truth,
            learner.as_ref(),
            args.rounds,
            &progress,
        )?;
        points.push(Point {
            knob: v,
            decomposition: d,
        });
    }
    progress.finish();
    let loss = |p: &Point<Squared>| p.decomposition.expected_loss;
    let best = argmin(&points, loss);
    let reading = read_squared(knob, &points, best);

    let mut doc = Doc::default();
    doc.title(format!(
        "Bias-variance, squared loss: {} on {name} ({n_train} training rows × {} rounds, {} test points)",
        model_name(args.model),
        args.rounds,
        args.n_test
    ));
    let col = |f: &dyn Fn(&Squared) -> f64| {
        points
            .iter()
            .map(|p| f(&p.decomposition))
            .collect::<Vec<f64>>()
    };
    let curves = [
        ("bias² (truth)", col(&|d| truth_of(d).bias2)),
        ("variance", col(&|d| d.variance)),
        ("expected MSE", col(&|d| d.expected_loss)),
    ];
    doc.figure(sweep_plot(&values, &curves, knob));
    let mut t = Table::new(
        &[
            knob,
            "E[MSE]",
            "bias²",
            "variance",
            "noise",
            "b²+v+n",
            "±95%",
            "bias²(obs)",
        ],
        &[0, 1, 2, 3, 4, 5, 6, 7],
    );
    for p in &points {
        let d = &p.decomposition;
        let tr = truth_of(d);
        t.row(vec![
            p.knob.to_string(),
            num(d.expected_loss),
            num(tr.bias2),
            num(d.variance),
            num(tr.noise),
            num(tr.sum),
            num(tr.margin95),
            num(d.bias2),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "bias² and noise are measured against the known truth f(x); bias²(obs) is against the noisy \
         test targets, where E[MSE] = bias²(obs) + variance exactly. {reading}"
    ));
    let params = Params {
        loss: "squared",
        model: model_name(args.model),
        knob,
        rounds: args.rounds,
        seed,
    };
    let results = Results {
        points,
        best,
        reading,
    };
    Ok(Output::new(
        Report::new(
            "bias-variance",
            params,
            Some(generator.dataset.summary()),
            results,
        ),
        doc,
    ))
}

fn truth_of(d: &Squared) -> mlproof_validation::bias_variance::AgainstTruth {
    // Generated data always has its truth; NaN would show plainly if it did not.
    d.truth
        .unwrap_or(mlproof_validation::bias_variance::AgainstTruth {
            bias2: f64::NAN,
            noise: f64::NAN,
            sum: f64::NAN,
            sampling_error: f64::NAN,
            margin95: f64::NAN,
        })
}

fn zero_one(args: &BiasVarianceArgs, seed: u64) -> Result<Output> {
    let name = args.dataset.as_deref().unwrap_or("pima");
    let data = registry::load(name, seed)?;
    let y = data.binary_target()?;
    if args.model != SweepModel::Tree {
        return Err(Error::usage(
            "0-1 loss sweeps a classification tree's depth; use --model tree",
        ));
    }
    let (x, _) = mlproof_core::data::encode::one_hot(&data);
    let (train, test) = stratified_holdout(&y.to_vec(), 2, args.test_size, seed)?;
    let (x_train, y_train) = (x.select(Axis(0), &train), y.select(Axis(0), &train));
    let (x_test, y_test) = (x.select(Axis(0), &test), y.select(Axis(0), &test).to_vec());
    let (knob, values) = sweep(args.model);
    let progress = Progress::new("bias-variance", values.len() * args.rounds);
    let mut points = Vec::new();
    for &v in &values {
        let tree: Box<dyn BinaryClassifier> = Box::new(TreeClassifier::new(TreeParams {
            max_depth: Some(v),
            ..TreeParams::default()
        })?);
        let d = bootstrap_zero_one(
            &x_train,
            &y_train,
            &x_test,
            &y_test,
            tree.as_ref(),
            args.rounds,
            seed,
            &progress,
        )?;
        points.push(Point {
            knob: v,
            decomposition: d,
        });
    }
    progress.finish();
    let best = argmin(&points, |p| p.decomposition.expected_loss);
    let reading = read_zero_one(knob, &points, best);
    let mut doc = Doc::default();
    doc.title(format!(
        "Bias-variance, 0-1 loss: tree on {name} ({} training rows, {} bootstrap rounds, {} test rows)",
        train.len(),
        args.rounds,
        test.len()
    ));
    let col = |f: &dyn Fn(&ZeroOne) -> f64| {
        points
            .iter()
            .map(|p| f(&p.decomposition))
            .collect::<Vec<f64>>()
    };
    let curves = [
        ("bias", col(&|d| d.bias)),
        ("variance", col(&|d| d.variance)),
        ("expected error", col(&|d| d.expected_loss)),
    ];
    doc.figure(sweep_plot(&values, &curves, knob));
    let mut t = Table::new(&[knob, "expected error", "bias", "variance"], &[0, 1, 2, 3]);
    for p in &points {
        let d = &p.decomposition;
        t.row(vec![
            p.knob.to_string(),
            num(d.expected_loss),
            num(d.bias),
            num(d.variance),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "Definitions as mlxtend's bias_variance_decomp: bias = error rate of the majority vote, variance = \
         mean disagreement with it; under 0-1 loss the error is not their sum. {reading}"
    ));
    let params = Params {
        loss: "zero-one",
        model: "tree",
        knob,
        rounds: args.rounds,
        seed,
    };
    let results = Results {
        points,
        best,
        reading,
    };
    Ok(Output::new(
        Report::new("bias-variance", params, Some(data.summary()), results),
        doc,
    ))
}

/// The sweep's plot: bias, variance and expected loss (drawn as b, v and ●) by knob value.
fn sweep_plot(values: &[usize], curves: &[(&str, Vec<f64>); 3], knob: &str) -> Figure {
    Figure::Lines {
        x_title: knob.to_owned(),
        x_labels: values.iter().map(usize::to_string).collect(),
        series: curves
            .iter()
            .zip(['b', 'v', '●'])
            .map(|((label, values), glyph)| Line {
                label: label.to_string(),
                glyph,
                values: values.clone(),
            })
            .collect(),
        height: 12,
    }
}

fn model_name(m: SweepModel) -> &'static str {
    match m {
        SweepModel::Tree => "regression tree",
        SweepModel::Poly => "polynomial",
        SweepModel::Knn => "k-nearest neighbours",
    }
}

fn argmin<D: Serialize>(points: &[Point<D>], f: impl Fn(&Point<D>) -> f64) -> usize {
    (0..points.len())
        .min_by(|&a, &b| f(&points[a]).total_cmp(&f(&points[b])))
        .unwrap_or(0)
}

/// Words the sweep: how bias and variance moved from the simplest to the most complex
/// setting ("stays about the same" for a change under 5% of the larger value).
fn trend(knob: &str, first: usize, last: usize, bias: (f64, f64), var: (f64, f64)) -> String {
    let moved = |(a, b): (f64, f64)| {
        if (b - a).abs() <= 0.05 * a.abs().max(b.abs()) {
            "stays about the same"
        } else if b < a {
            "falls"
        } else {
            "rises"
        }
    };
    format!(
        "From {knob} {first} to {last}, bias {} ({} → {}) and variance {} ({} → {}).",
        moved(bias),
        num(bias.0),
        num(bias.1),
        moved(var),
        num(var.0),
        num(var.1)
    )
}

fn read_squared(knob: &str, pts: &[Point<Squared>], best: usize) -> String {
    let (f, l) = (&pts[0], &pts[pts.len() - 1]);
    let tr = |p: &Point<Squared>| truth_of(&p.decomposition);
    let within = pts
        .iter()
        .filter(|p| (tr(p).sum - p.decomposition.expected_loss).abs() <= tr(p).margin95)
        .count();
    format!(
        "Expected MSE is lowest at {knob} {} ({}). {} The sum bias² + variance + noise lands within the sampling \
         margin (±95%) of the measured MSE at {within} of {} points.",
        pts[best].knob,
        num(pts[best].decomposition.expected_loss),
        trend(knob, f.knob, l.knob, (tr(f).bias2, tr(l).bias2), (f.decomposition.variance, l.decomposition.variance)),
        pts.len()
    )
}

fn read_zero_one(knob: &str, pts: &[Point<ZeroOne>], best: usize) -> String {
    let (f, l) = (&pts[0], &pts[pts.len() - 1]);
    format!(
        "Expected error is lowest at {knob} {} ({}). {}",
        pts[best].knob,
        num(pts[best].decomposition.expected_loss),
        trend(
            knob,
            f.knob,
            l.knob,
            (f.decomposition.bias, l.decomposition.bias),
            (f.decomposition.variance, l.decomposition.variance)
        )
    )
}
