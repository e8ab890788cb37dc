//! `mlproof claims`: the claims sheet, for one dataset or a suite.

use mlproof_core::{Error, Result};
use mlproof_data::{load_csv, CsvOptions, Dataset};
use mlproof_experiments::claims::replications::{replicate, ReplicateParams, Replication};
use mlproof_experiments::claims::suite::{suite, SuiteResults};
use mlproof_experiments::claims::{self, Judged, Params, Results};
use mlproof_experiments::Check;

use crate::cli::ClaimsArgs;
use crate::render::{num, Doc, Output, Table};

/// The dataset `mlproof claims` uses when none is given.
pub const DEFAULT_DATASET: &str = "pima";

pub fn run(args: &ClaimsArgs, seed: u64) -> Result<Output> {
    if let Some(name) = &args.replicate {
        let params = ReplicateParams {
            name: name.clone(),
            simulations: args.simulations,
            seed,
        }
        .check()?;
        return replication_output(&params);
    }
    let params = Params {
        repeats: args.repeats,
        folds: args.folds,
        rope: args.rope,
        only: args.only.clone(),
        seed,
    }
    .check()?;
    if let Some(dir) = &args.suite {
        let target = args.data.target.clone().unwrap_or_else(|| "class".into());
        let data = load_suite(dir, &target)?;
        let report = suite(&data, &params, &crate::progress::BAR)?;
        let doc = suite_doc(&report.results);
        return Ok(Output::new(report, doc));
    }
    let data = args.data.load(DEFAULT_DATASET, seed)?;
    super::timed(args.timing, "claims", || output(&data, &params))
}

/// The claims sheet for `data`.
pub fn output(data: &Dataset, params: &mlproof_experiments::Checked<Params>) -> Result<Output> {
    let report = claims::run(data, params, &crate::progress::BAR)?;
    let doc = sheet(&data.name, &report.results, &report.params);
    Ok(Output::new(report, doc))
}

/// Every `*.csv` in `dir`, in name order.
fn load_suite(dir: &std::path::Path, target: &str) -> Result<Vec<Dataset>> {
    let shown = dir.display();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::input(format!("cannot read the suite folder {shown}: {e}")))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::input(format!("{shown} holds no .csv file")));
    }
    let opts = CsvOptions {
        target: target.to_owned(),
        ..CsvOptions::default()
    };
    paths
        .iter()
        .map(|p| load_csv(p, &opts).map_err(Error::from))
        .collect()
}

fn verdict_cell(c: &Judged) -> String {
    c.verdict.to_string()
}

/// The sheet: a table of every claim, then per claim the number to quote, the source and the
/// command that shows it.
fn sheet(dataset: &str, r: &Results, params: &Params) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Claims judged on {dataset}: {} × {}-fold repeated stratified, ROPE ±{}",
        params.repeats, params.folds, params.rope
    ));
    let mut t = Table::new(&["claim", "verdict", "estimate", "interval"], &[2, 3]);
    for c in &r.claims {
        let (est, interval) = match &c.evidence {
            Some(f) if f.interval[0] == f.interval[1] => (num(f.estimate), "exact".into()),
            Some(f) => (
                num(f.estimate),
                format!("{} – {}", num(f.interval[0]), num(f.interval[1])),
            ),
            None => ("–".into(), "–".into()),
        };
        t.row(vec![c.id.into(), verdict_cell(c), est, interval]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "{} hold, {} do not hold, {} inconclusive, {} not applicable on {dataset}.",
        r.holds, r.does_not_hold, r.inconclusive, r.not_applicable
    ));
    for c in &r.claims {
        doc.title(format!("{}: {}", c.id, c.verdict));
        let mut text = format!("Claim: {}. Source: {}.", c.claim, c.source);
        if let Some(g) = c.generated {
            text.push_str(&format!(" Runs on generated data with a known truth: {g}."));
        }
        match (&c.evidence, &c.why) {
            (Some(f), _) => text.push_str(&format!(" {}", f.sentence())),
            (None, Some(why)) => text.push_str(&format!(" Not applicable here: {why}.")),
            _ => {}
        }
        text.push_str(&format!(" Show it: `{}`.", c.command));
        doc.paragraph(text);
    }
    doc
}

/// The suite: the claim × dataset matrix, then per claim the tally and the signed-rank test.
fn suite_doc(r: &SuiteResults) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!("Claims over {} datasets", r.datasets.len()));
    let short = |v: &str| match v {
        "holds" => "✓",
        "does not hold" => "✗",
        "inconclusive" => "?",
        _ => "·",
    };
    // At most 8 dataset columns per table, so it fits 100 columns.
    for chunk in r.datasets.chunks(8) {
        let mut headers = vec!["claim".to_string()];
        headers.extend(
            chunk
                .iter()
                .map(|e| e.dataset.name.chars().take(9).collect()),
        );
        let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut t = Table::new(&refs, &[]);
        for tally in &r.tallies {
            let mut row = vec![tally.id.to_string()];
            row.extend(chunk.iter().map(|e| {
                e.claims
                    .iter()
                    .find(|c| c.id == tally.id)
                    .map_or("·", |c| short(c.verdict))
                    .to_string()
            }));
            t.row(row);
        }
        doc.table(t);
    }
    doc.paragraph("✓ holds, ✗ does not hold, ? inconclusive, · not applicable.");
    let mut t = Table::new(
        &[
            "claim",
            "holds",
            "not",
            "?",
            "n/a",
            "median",
            "signed-rank p",
        ],
        &[1, 2, 3, 4, 5, 6],
    );
    for s in &r.tallies {
        let (median, p) = s
            .signed_rank
            .as_ref()
            .map_or(("–".into(), "–".into()), |w| {
                (
                    num(w.median_effect),
                    format!("{:.4} ({})", w.p_value, w.method),
                )
            });
        t.row(vec![
            s.id.into(),
            s.holds.to_string(),
            s.does_not_hold.to_string(),
            s.inconclusive.to_string(),
            s.not_applicable.to_string(),
            median,
            p,
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "median: the median per-dataset effect; signed-rank p: Wilcoxon's two-sided test of the \
         per-dataset effects against 0 (Demšar 2006).",
    );
    doc
}

/// A replication: the source's numbers beside ours.
pub fn replication_output(
    params: &mlproof_experiments::Checked<ReplicateParams>,
) -> Result<Output> {
    let report = replicate(params, &crate::progress::BAR)?;
    let doc = replication_doc(&report.results);
    Ok(Output::new(report, doc))
}

fn replication_doc(r: &Replication) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!("Replication {}: {}", r.name, r.source));
    doc.paragraph(format!("Design: {}.", r.design));
    let mut t = Table::new(
        &["source", "measure", "published", "ours", "interval"],
        &[2, 3],
    );
    for c in &r.comparisons {
        let published = c.published.as_ref().map_or("–".to_string(), |p| {
            format!("{} ({})", p.value, p.tag.as_str())
        });
        let interval = if c.ours.interval[0] == c.ours.interval[1] {
            "exact".to_string()
        } else {
            format!("{} – {}", num(c.ours.interval[0]), num(c.ours.interval[1]))
        };
        t.row(vec![
            r.name.into(),
            c.measure.clone(),
            published,
            num(c.ours.estimate),
            interval,
        ]);
    }
    doc.table(t);
    let refs: Vec<String> = r
        .comparisons
        .iter()
        .filter_map(|c| c.published.as_ref())
        .map(|p| format!("{} — {}", p.reference, p.measures))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    doc.paragraph(format!("Published values: {}.", refs.join("; ")));
    doc.paragraph(format!(
        "Ours, not the source's: {}.",
        r.ours_choices.join("; ")
    ));
    doc.paragraph(format!("Reading: {}", r.reading));
    doc
}
