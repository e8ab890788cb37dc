//! `mlproof bias-variance`: error split into bias², variance and noise across a complexity
//! sweep (the experiment is `mlproof_experiments::bias_variance`).

use mlproof_core::{Error, Result};
use mlproof_experiments::bias_variance::{
    self, default_dataset, default_n_train, BiasVariance, Loss, Params, Points, SweepModel,
};
use mlproof_experiments::Check;

use crate::cli::{BiasVarianceArgs, LossKind, SweepModel as CliModel};
use crate::render::{num, Doc, Figure, Line, Output, Table};

pub fn run(args: &BiasVarianceArgs, seed: u64) -> Result<Output> {
    let loss = match args.loss {
        LossKind::Squared => Loss::Squared,
        LossKind::ZeroOne => Loss::ZeroOne,
    };
    let model = match args.model {
        CliModel::Tree => SweepModel::Tree,
        CliModel::Poly => SweepModel::Poly,
        CliModel::Knn => SweepModel::Knn,
    };
    if loss == Loss::Squared && args.data.data.is_some() {
        return Err(Error::usage(
            "squared loss needs a generator with a known truth (--dataset synth-sine or \
             synth-friedman1); for your own classification CSV use --loss zero-one",
        ));
    }
    if loss == Loss::ZeroOne && model != SweepModel::Tree {
        return Err(Error::usage(
            "0-1 loss sweeps a classification tree's depth; use --model tree",
        ));
    }
    let mut params = Params {
        loss,
        model,
        rounds: args.rounds,
        n_test: args.n_test,
        n_train: args.n_train,
        test_size: args.test_size,
        seed,
    };
    if loss == Loss::Squared {
        params.n_test = Some(args.n_test.unwrap_or(bias_variance::DEFAULT_N_TEST));
    } else {
        params.test_size = Some(args.test_size.unwrap_or(bias_variance::DEFAULT_TEST_SIZE));
    }
    params.validate()?;
    let data = args.data.load(default_dataset(loss), seed)?;
    if loss == Loss::Squared && params.n_train.is_none() {
        params.n_train = Some(default_n_train(model, data.n_rows()));
    }
    let params = params.check()?;
    super::timed(args.timing, "bias-variance", || output(&data, &params))
}

/// The decomposition on `data`, as a document.
pub fn output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = bias_variance::run(data, params, &crate::progress::BAR)?;
    let doc = doc(&data.name, params.rounds, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(name: &str, rounds: usize, r: &BiasVariance) -> Doc {
    let mut doc = Doc::default();
    let knob = r.knob;
    match &r.points {
        Points::Squared(points) => {
            doc.title(format!(
                "Bias-variance, squared loss: {} on {name} ({} training rows × {rounds} rounds, {} test points)",
                r.model, r.train_rows, r.test_rows
            ));
            let truth = |p: &bias_variance::Point<_>| {
                let d: &mlproof_validation::bias_variance::Squared = &p.decomposition;
                d.truth
            };
            let col = |f: &dyn Fn(&bias_variance::Point<_>) -> f64| {
                points.iter().map(f).collect::<Vec<f64>>()
            };
            let nan = f64::NAN;
            let curves = [
                ("bias² (truth)", col(&|p| truth(p).map_or(nan, |t| t.bias2))),
                ("variance", col(&|p| p.decomposition.variance)),
                ("expected MSE", col(&|p| p.decomposition.expected_loss)),
            ];
            let values: Vec<usize> = points.iter().map(|p| p.knob).collect();
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
                    "no skill",
                ],
                &[0, 1, 2, 3, 4, 5, 6, 7, 8],
            );
            for p in points {
                let d = &p.decomposition;
                let t4 = d
                    .truth
                    .map_or([nan; 4], |t| [t.bias2, t.noise, t.sum, t.margin95]);
                t.row(vec![
                    p.knob.to_string(),
                    num(d.expected_loss),
                    num(t4[0]),
                    num(d.variance),
                    num(t4[1]),
                    num(t4[2]),
                    num(t4[3]),
                    num(d.bias2),
                    num(r.loss_baseline),
                ]);
            }
            doc.table(t);
            doc.paragraph(format!(
                "bias² and noise are measured against the known truth f(x); bias²(obs) is against the \
                 noisy test targets, where E[MSE] = bias²(obs) + variance exactly. no skill: the MSE of \
                 {}.",
                r.loss_baseline_model
            ));
        }
        Points::ZeroOne(points) => {
            doc.title(format!(
                "Bias-variance, 0-1 loss: tree on {name} ({} training rows, {rounds} bootstrap rounds, {} test rows)",
                r.train_rows, r.test_rows
            ));
            let col = |f: &dyn Fn(&mlproof_validation::bias_variance::ZeroOne) -> f64| {
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
            let values: Vec<usize> = points.iter().map(|p| p.knob).collect();
            doc.figure(sweep_plot(&values, &curves, knob));
            let mut t = Table::new(
                &[knob, "expected error", "bias", "variance", "no skill"],
                &[0, 1, 2, 3, 4],
            );
            for p in points {
                let d = &p.decomposition;
                t.row(vec![
                    p.knob.to_string(),
                    num(d.expected_loss),
                    num(d.bias),
                    num(d.variance),
                    num(r.loss_baseline),
                ]);
            }
            doc.table(t);
            doc.paragraph(format!(
                "Definitions as mlxtend's bias_variance_decomp: bias = error rate of the majority vote, \
                 variance = mean disagreement with it; under 0-1 loss the error is not their sum. no \
                 skill: the error of {}.",
                r.loss_baseline_model
            ));
        }
    }
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
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
