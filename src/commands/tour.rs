//! `mlproof tour`: a short guided run through every concept built so far, on embedded data.
//! Each stop names the interview question it answers and the command that goes deeper.

use mlproof_core::demo::accuracy_paradox::{self, Params};
use mlproof_core::report::Report;
use mlproof_core::Result;
use serde::Serialize;

use crate::render::{Doc, Output};

#[derive(Serialize)]
struct Stop {
    question: &'static str,
    command: &'static str,
    results: serde_json::Value,
}

#[derive(Serialize)]
struct TourParams {
    seed: u64,
}

pub fn run(seed: u64) -> Result<Output> {
    let mut doc = Doc::default();
    let mut stops = Vec::new();

    let question = "What data can I demonstrate on?";
    let (results, section) = super::datasets::tour_section()?;
    intro(&mut doc, 1, question, "mlproof datasets");
    doc.append(section);
    stops.push(Stop {
        question,
        command: "mlproof datasets",
        results,
    });

    let question = "Why is accuracy the wrong metric on imbalanced data?";
    let data = mlproof_core::data::registry::load(super::metrics::DEFAULT_DATASET, seed)?;
    let result = accuracy_paradox::run(&data, &Params::new(0.25, 0.5, 1.0, seed)?)?;
    intro(&mut doc, 2, question, "mlproof metrics --dataset yeast4");
    doc.append(super::metrics::doc(&data.name, &result));
    stops.push(Stop {
        question,
        command: "mlproof metrics --dataset yeast4",
        results: serde_json::to_value(&result).unwrap_or_default(),
    });

    Ok(Output::new(
        Report::new("tour", TourParams { seed }, None, stops),
        doc,
    ))
}

fn intro(doc: &mut Doc, n: usize, question: &str, command: &str) {
    doc.title(format!("Stop {n}: {question}"));
    doc.paragraph(format!("Deeper: `{command}`"));
}
