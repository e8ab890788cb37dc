//! Model cards (Mitchell et al., "Model Cards for Model Reporting", FAT* 2019): the nine
//! sections of the paper, filled from one run — the data's source and size, its class
//! balance, the validation scheme, every metric with its interval beside its no-skill
//! baseline, the decision threshold and any promise about it, the findings, the warnings,
//! the seed and the command that reproduces the run.
//!
//! What a run cannot know (who the model is for, out-of-scope uses, the groups its errors
//! should be broken down by, ethical risks) is written as a visible `TODO`, never invented.

use std::fmt::Write as _;

use mlproof_core::evidence::Finding;
use mlproof_data::{Dataset, DatasetSummary, Origin, Target};

/// One metric of the card: its estimate over held-out folds, a 95% interval, its baseline.
#[derive(Debug, Clone)]
pub struct CardMetric {
    pub name: String,
    pub estimate: f64,
    pub interval: Option<[f64; 2]>,
    pub baseline: Option<f64>,
}

/// The operating threshold and, where one was made, the promise about it.
#[derive(Debug, Clone)]
pub struct CardThreshold {
    pub value: f64,
    /// How it was chosen ("fixed at ½", "the smallest with validation precision ≥ 0.8").
    pub rule: String,
    /// A promise in words with its probability, and what held-out folds achieved.
    pub promise: Option<String>,
}

/// Everything a card is written from; each field comes from the run.
#[derive(Debug, Clone)]
pub struct CardInput<'a> {
    /// The command line that reproduces the run.
    pub command: String,
    /// The model in words ("CART decision tree, max depth 4, gini").
    pub model: String,
    pub data: &'a DatasetSummary,
    /// Rows per class, by class name.
    pub class_counts: Vec<(String, usize)>,
    /// The validation scheme in words ("stratified 5-fold, shuffled").
    pub validation: String,
    /// How many held-out folds the metrics average.
    pub n_folds: usize,
    pub metrics: Vec<CardMetric>,
    pub threshold: Option<CardThreshold>,
    pub findings: &'a [Finding],
    pub warnings: &'a [String],
    pub seed: u64,
}

/// Rows per class, by class name (empty for a continuous target).
pub fn class_counts(data: &Dataset) -> Vec<(String, usize)> {
    match &data.target {
        Target::Classes { classes, .. } => {
            classes.iter().cloned().zip(data.class_counts()).collect()
        }
        Target::Continuous { .. } => Vec::new(),
    }
}

/// Fewer positives than this per held-out fold is called out as a caveat.
pub const SMALL_FOLD_POSITIVES: usize = 10;

const TODO: &str = "**TODO** (not knowable from the data):";

/// The card as Markdown.
pub fn markdown(c: &CardInput) -> String {
    let mut s = String::new();
    let d = c.data;
    let _ = writeln!(s, "# Model card: {} on {}\n", c.model, d.name);
    let _ = writeln!(
        s,
        "_Written by `mlproof` from one run; every number below is computed, every `TODO` is \
         for a person to fill._\n"
    );
    section(&mut s, "Model details");
    let _ = writeln!(s, "- Model: {}.", c.model);
    let _ = writeln!(s, "- Reproduce: `{}` (seed {}).", c.command, c.seed);
    let _ = writeln!(s, "- {TODO} owner, version, date, licence, contact.\n");

    section(&mut s, "Intended use");
    let _ = writeln!(
        s,
        "- {TODO} the primary use and users, and the uses that are out of scope."
    );
    if let Some(p) = &d.positive_class {
        let _ = writeln!(
            s,
            "- The model scores P({} = {p}); the decision threshold is below under Metrics.\n",
            d.target
        );
    } else {
        s.push('\n');
    }

    section(&mut s, "Factors");
    let _ = writeln!(
        s,
        "- {TODO} the groups (demographic, instrument, site) the errors should be broken down \
         by. This run reports overall metrics only: no breakdown by group was computed.\n"
    );

    section(&mut s, "Metrics");
    let _ = writeln!(
        s,
        "Means over {} held-out folds ({}), with a 95% interval, beside the score of a model \
         that has learnt nothing (the no-skill baseline).\n",
        c.n_folds, c.validation
    );
    let _ = writeln!(
        s,
        "| metric | estimate | 95% interval | no-skill baseline |"
    );
    let _ = writeln!(s, "|---|---|---|---|");
    for m in &c.metrics {
        let interval = m
            .interval
            .map_or("—".into(), |[lo, hi]| format!("{lo:.4} – {hi:.4}"));
        let base = m.baseline.map_or("—".into(), |b| format!("{b:.4}"));
        let _ = writeln!(
            s,
            "| {} | {:.4} | {interval} | {base} |",
            m.name, m.estimate
        );
    }
    match &c.threshold {
        Some(t) => {
            let _ = writeln!(s, "\n- Decision threshold: {:.4} ({}).", t.value, t.rule);
            if let Some(p) = &t.promise {
                let _ = writeln!(s, "- Promise: {p}");
            }
        }
        None => {
            let _ = writeln!(
                s,
                "\n- Decision threshold: none (the metrics above rank scores)."
            );
        }
    }
    s.push('\n');

    section(&mut s, "Evaluation data");
    let _ = writeln!(
        s,
        "- The held-out folds of the same rows ({}); no separate test set was used, so the \
         estimates are of this population only.\n",
        c.validation
    );

    section(&mut s, "Training data");
    let _ = writeln!(s, "- Source: {}.", origin(&d.origin));
    let _ = writeln!(
        s,
        "- {} rows × {} features ({} numeric, {} categorical); target `{}`.",
        d.rows, d.features, d.numeric_features, d.categorical_features, d.target
    );
    if !c.class_counts.is_empty() {
        let counts: Vec<String> = c
            .class_counts
            .iter()
            .map(|(k, n)| format!("{k}: {n} ({:.1}%)", 100.0 * *n as f64 / d.rows as f64))
            .collect();
        let _ = writeln!(s, "- Classes: {}.", counts.join(", "));
    }
    let _ = writeln!(
        s,
        "- {TODO} how the rows were collected, and over what period.\n"
    );

    section(&mut s, "Quantitative analyses");
    if c.findings.is_empty() {
        let _ = writeln!(s, "- No finding was judged in this run.\n");
    } else {
        for f in c.findings {
            let _ = writeln!(s, "- {}", f.sentence());
        }
        s.push('\n');
    }

    section(&mut s, "Ethical considerations");
    let _ = writeln!(
        s,
        "- {TODO} sensitive attributes in or behind the features, risks of the decisions the \
         model informs, and who bears its errors.\n"
    );

    section(&mut s, "Caveats and recommendations");
    for caveat in caveats(c) {
        let _ = writeln!(s, "- {caveat}");
    }
    s
}

fn section(s: &mut String, name: &str) {
    let _ = writeln!(s, "## {name}\n");
}

fn origin(o: &Origin) -> String {
    match o {
        Origin::File { path } => format!("the file `{path}`"),
        Origin::Bundled { source } => format!("bundled with mlproof ({source})"),
        Origin::Generated { truth } => format!("generated by a seeded generator ({truth})"),
    }
}

/// What the run itself says the reader should keep in mind.
fn caveats(c: &CardInput) -> Vec<String> {
    let mut out: Vec<String> = c
        .warnings
        .iter()
        .map(|w| format!("Warning from the run: {w}"))
        .collect();
    if let Some(pos) = c.data.positives {
        let per_fold = pos as f64 / c.n_folds.max(1) as f64;
        if c.n_folds > 0 && per_fold < SMALL_FOLD_POSITIVES as f64 {
            out.push(format!(
                "Only {pos} positive rows: about {per_fold:.1} per held-out fold, so per-fold \
                 recall, precision and F1 move in large steps and their intervals are wide."
            ));
        }
    }
    out.push(match &c.data.time_column {
        Some(t) => format!(
            "No drift check has been run: compare early and late rows with `mlproof drift` \
             on the time column `{t}` before relying on these numbers over time."
        ),
        None => "No drift check has been run, and the rows carry no time order to run one \
                 on: monitor the inputs and the scores once the model is in use."
            .into(),
    });
    out.push(
        "The estimates hold for data drawn like these rows; a new population, period or \
         label definition needs a new evaluation."
            .into(),
    );
    out
}

#[cfg(test)]
mod tests;
