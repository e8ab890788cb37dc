//! `mlproof tour`: a short guided run through every concept built so far, on embedded data.
//! Each stop is an interview question and the real command that answers it, run through
//! the same code path as when typed, with the tour's seed.

use clap::Parser;
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use serde::Serialize;

use crate::cli::Cli;
use crate::render::{Doc, Output};

/// (question, command line) in the order a candidate would meet them.
const STOPS: &[(&str, &str)] = &[
    ("What data can I demonstrate on?", "mlproof datasets"),
    (
        "Why is accuracy the wrong metric on imbalanced data?",
        "mlproof metrics --dataset yeast4",
    ),
    (
        "How do cross-validation schemes differ?",
        "mlproof split --kind time-series --n-splits 5 --gap 2 --n-samples 40",
    ),
    (
        "How does a decision tree choose a split?",
        "mlproof tree split --criterion entropy",
    ),
    (
        "How do you stop a tree from overfitting?",
        "mlproof tree prune",
    ),
    (
        "Which features matter — and does impurity importance tell the truth?",
        "mlproof tree importance --dataset synth-imbalanced --max-depth 6",
    ),
    (
        "Why do random forests and boosting beat one deep tree?",
        "mlproof tree ensemble",
    ),
    (
        "How do you detect over- and underfitting?",
        "mlproof curves --dataset pima",
    ),
    (
        "Leave-one-out or k-fold?",
        "mlproof cv --compare --model tree --max-depth 3 --dataset wisconsin",
    ),
    (
        "When should boosting stop?",
        "mlproof curves --kind early-stopping --dataset pima",
    ),
    (
        "How do you handle an imbalanced dataset?",
        "mlproof imbalance --dataset yeast4",
    ),
    (
        "Explain the bias-variance tradeoff.",
        "mlproof bias-variance",
    ),
    (
        "Why is standard k-fold invalid for time series?",
        "mlproof leakage --dataset sp500",
    ),
    (
        "What goes wrong if you select features before cross-validation?",
        "mlproof leakage --kind preprocessing",
    ),
    (
        "What goes wrong if you oversample before splitting?",
        "mlproof leakage --kind resampling",
    ),
    (
        "How do you choose the regularisation strength?",
        "mlproof regularize --dataset pima --target Mass",
    ),
    (
        "L1 or L2: which features does each keep?",
        "mlproof regularize --demo sparsity",
    ),
    (
        "Why is the lasso unstable with correlated features?",
        "mlproof regularize --demo instability",
    ),
    ("Why scale features?", "mlproof features scaling"),
    ("One-hot or label encoding?", "mlproof features encoding"),
    ("How do you select features?", "mlproof features selection"),
];

#[derive(Serialize)]
struct Stop {
    question: &'static str,
    command: &'static str,
    report: serde_json::Value,
}

#[derive(Serialize)]
struct TourParams {
    seed: u64,
}

pub fn run(seed: u64) -> Result<Output> {
    let mut doc = Doc::default();
    let mut stops = Vec::new();
    for (n, &(question, command)) in STOPS.iter().enumerate() {
        let seed_arg = seed.to_string();
        let argv = command.split(' ').chain(["--seed", &seed_arg]);
        let cli = Cli::try_parse_from(argv)
            .map_err(|e| Error::internal(format!("tour stop '{command}': {e}")))?;
        let out = super::run(&cli)?;
        doc.title(format!("Stop {}: {question}", n + 1));
        doc.paragraph(format!("$ {command} --seed {seed}"));
        doc.append(out.doc);
        stops.push(Stop {
            question,
            command,
            report: out.report,
        });
    }
    Ok(Output::new(
        Report::new("tour", TourParams { seed }, None, stops),
        doc,
    ))
}
