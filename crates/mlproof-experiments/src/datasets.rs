//! `datasets`: what data mlproof can demonstrate on — the bundled sets and generators, one
//! set's head and per-feature summary, or a set exported to CSV.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::params::{Check, Checked};
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{registry, Dataset, DatasetSummary, FeatureKind, Target};
use serde::Serialize;

/// The most head rows `show` prints.
pub const MAX_HEAD_ROWS: usize = 1000;

/// Parameters of the listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListParams {
    pub seed: u64,
}

impl Default for ListParams {
    fn default() -> Self {
        ListParams {
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for ListParams {
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}

/// One bundled set in the listing.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub summary: DatasetSummary,
    pub description: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    pub bundled: Vec<Listed>,
    pub generators: Vec<registry::GeneratorInfo>,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// Every bundled set with its summary, and the generators; a finding per class-target set on
/// whether its positive class is a minority (Wilson interval on the positive share).
pub fn list(params: &Checked<ListParams>) -> Result<Report<Checked<ListParams>, Listing>> {
    let mut bundled = Vec::new();
    let mut findings = Findings::default();
    for b in registry::BUNDLED {
        let data = registry::load(b.name, 0)?;
        findings.push(minority_finding(
            &data,
            &format!("{}-positive-minority", b.name),
        ));
        bundled.push(Listed {
            summary: data.summary(),
            description: b.description,
        });
    }
    let findings = findings.into_vec();
    let reading = evidence::reading(&findings);
    let results = Listing {
        bundled,
        generators: registry::generators(),
        findings,
        reading,
    };
    Ok(Report::new("datasets", params.clone(), None, results))
}

/// `{name}'s positive class is a minority`: the positive share against one half.
fn minority_finding(data: &Dataset, id: &str) -> Option<Finding> {
    let positives = data.summary().positives?;
    Finding::new(
        id,
        format!("{}'s positive class is a minority of its rows", data.name),
        Effect::wilson(positives, data.n_rows(), "rows positive"),
        Rope { lo: 0.49, hi: 0.51 },
        Direction::Less,
    )
}

/// Parameters of `show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShowParams {
    /// The set's name (a bundled set, a generator, or the CSV's file name).
    pub name: String,
    /// Head rows to show.
    pub rows: usize,
    pub seed: u64,
}

impl Check for ShowParams {
    fn validate(&self) -> Result<()> {
        if self.rows > MAX_HEAD_ROWS {
            return Err(Error::param(
                "rows",
                format!("{} is more than {MAX_HEAD_ROWS} head rows", self.rows),
            ));
        }
        Ok(())
    }
}

/// A feature's summary.
#[derive(Debug, Clone, Serialize)]
pub struct FeatureSummary {
    pub name: String,
    #[serde(flatten)]
    pub kind: FeatureKind,
    /// Numeric features only (codes of categorical levels have no meaningful mean).
    pub min: Option<f64>,
    pub mean: Option<f64>,
    pub max: Option<f64>,
    /// Population standard deviation.
    pub std: Option<f64>,
    pub distinct: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    pub head: Vec<serde_json::Map<String, serde_json::Value>>,
    pub features: Vec<FeatureSummary>,
    pub classes: Option<Vec<(String, usize)>>,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// The first rows and a per-feature summary; findings on the positive share and on
/// constant features (a feature with one value can carry no signal).
pub fn show(
    data: &Dataset,
    params: &Checked<ShowParams>,
) -> Result<Report<Checked<ShowParams>, Shown>> {
    let head = (0..params.rows.min(data.n_rows()))
        .map(|r| head_row(data, r))
        .collect();
    let features = summarize(data);
    let classes = match &data.target {
        Target::Classes { classes, .. } => {
            Some(classes.iter().cloned().zip(data.class_counts()).collect())
        }
        Target::Continuous { .. } => None,
    };
    let mut findings = Findings::default();
    findings.push(minority_finding(data, "positive-minority"));
    let constant = features.iter().filter(|f| f.distinct <= 1).count();
    findings.push(Finding::new(
        "no-constant-feature",
        "no feature is constant",
        Effect::exact(constant as f64, "count of features with one distinct value"),
        Rope::count(),
        Direction::Equivalent,
    ));
    let findings = findings.into_vec();
    let reading = evidence::reading(&findings);
    let results = Shown {
        head,
        features,
        classes,
        findings,
        reading,
    };
    Ok(Report::new(
        "datasets show",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// A cell as text: a categorical level by name, a number in full.
pub fn cell(d: &Dataset, row: usize, col: usize) -> String {
    let v = d.features[[row, col]];
    match &d.feature_kinds[col] {
        FeatureKind::Categorical { levels } => levels[v as usize].clone(),
        FeatureKind::Numeric => short(v),
    }
}

/// The target's cell as text.
pub fn target_cell(d: &Dataset, row: usize) -> String {
    match &d.target {
        Target::Classes { y, classes, .. } => classes[y[row]].clone(),
        Target::Continuous { y } => short(y[row]),
    }
}

/// A value as it reads in a narrow column: integers as integers, others with up to six
/// significant decimals (the JSON output keeps full precision).
pub fn short(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn head_row(d: &Dataset, r: usize) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    if let Some((tname, stamps)) = &d.time {
        m.insert(tname.clone(), stamps[r].clone().into());
    }
    for j in 0..d.n_features() {
        let v = match d.feature_kinds[j] {
            FeatureKind::Numeric => serde_json::json!(d.features[[r, j]]),
            FeatureKind::Categorical { .. } => cell(d, r, j).into(),
        };
        m.insert(d.feature_names[j].clone(), v);
    }
    m.insert(d.target_name.clone(), target_cell(d, r).into());
    m
}

fn summarize(d: &Dataset) -> Vec<FeatureSummary> {
    (0..d.n_features())
        .map(|j| {
            let col = d.features.column(j);
            let n = col.len() as f64;
            let mean = col.sum() / n;
            let std = (col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
            let mut sorted: Vec<u64> = col.iter().map(|v| v.to_bits()).collect();
            sorted.sort_unstable();
            sorted.dedup();
            let numeric = d.feature_kinds[j] == FeatureKind::Numeric;
            FeatureSummary {
                name: d.feature_names[j].clone(),
                kind: d.feature_kinds[j].clone(),
                min: numeric.then(|| col.iter().copied().fold(f64::INFINITY, f64::min)),
                mean: numeric.then_some(mean),
                max: numeric.then(|| col.iter().copied().fold(f64::NEG_INFINITY, f64::max)),
                std: numeric.then_some(std),
                distinct: sorted.len(),
            }
        })
        .collect()
}

/// Parameters of `export`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportParams {
    pub name: String,
    /// Where the CSV goes (written by the caller).
    pub output: String,
    /// Generators only: rows to draw.
    pub rows: Option<usize>,
    pub seed: u64,
}

impl Check for ExportParams {
    fn validate(&self) -> Result<()> {
        let max = mlproof_data::registry::MAX_GENERATED_ROWS;
        if let Some(n) = self.rows.filter(|n| !(2..=max).contains(n)) {
            return Err(Error::param(
                "rows",
                format!("must be between 2 and {max} (got {n})"),
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    pub path: String,
    pub rows: usize,
    pub columns: usize,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// The data to export (drawn at `rows` for a generator) and the report of what will be
/// written; the caller writes the file and reports failure itself.
pub fn export(
    params: &Checked<ExportParams>,
) -> Result<(Dataset, Report<Checked<ExportParams>, Exported>)> {
    let d = match params.rows {
        Some(n) => registry::generate(&params.name, n, params.seed)?,
        None => registry::load(&params.name, params.seed)?,
    };
    let columns = d.n_features() + 1 + usize::from(d.time.is_some());
    let mut findings = Findings::default();
    if let Some(n) = params.rows {
        findings.push(Finding::new(
            "rows-as-requested",
            "the generator drew the rows requested",
            Effect::exact(
                d.n_rows() as f64 - n as f64,
                "rows drawn minus rows requested",
            ),
            Rope::count(),
            Direction::Equivalent,
        ));
    }
    findings.push(minority_finding(&d, "positive-minority"));
    let findings = findings.into_vec();
    let results = Exported {
        path: params.output.clone(),
        rows: d.n_rows(),
        columns,
        reading: evidence::reading(&findings),
        findings,
    };
    let report = Report::new(
        "datasets export",
        params.clone(),
        Some(d.summary()),
        results,
    );
    Ok((d, report))
}

#[cfg(test)]
mod tests;
