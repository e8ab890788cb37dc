//! `mlproof datasets` and `mlproof datasets show NAME`.

use mlproof_core::data::{registry, Dataset, DatasetSummary, FeatureKind, Target};
use mlproof_core::report::Report;
use mlproof_core::Result;
use serde::Serialize;

use crate::cli::DatasetsAction;
use crate::render::{num, Doc, Output, Table};

pub fn run(action: Option<&DatasetsAction>, seed: u64) -> Result<Output> {
    match action {
        None => list(seed),
        Some(DatasetsAction::Show { name, rows }) => show(name, *rows, seed),
        Some(DatasetsAction::Export { name, output, rows }) => export(name, output, *rows, seed),
    }
}

#[derive(Serialize)]
struct Listed {
    #[serde(flatten)]
    summary: DatasetSummary,
    description: &'static str,
}

#[derive(Serialize)]
struct Listing {
    bundled: Vec<Listed>,
    generators: Vec<registry::GeneratorInfo>,
}

#[derive(Serialize)]
struct Params {
    seed: u64,
}

fn listing() -> Result<Listing> {
    let bundled = registry::BUNDLED
        .iter()
        .map(|b| {
            Ok(Listed {
                summary: registry::load(b.name, 0)?.summary(),
                description: b.description,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Listing {
        bundled,
        generators: registry::generators(),
    })
}

/// The listing as a Doc, shared with the tour.
fn listing_doc(l: &Listing) -> Doc {
    let mut doc = Doc::default();
    doc.title("Bundled real datasets (embedded; provenance in datasets/README.md)");
    let mut t = Table::new(
        &[
            "dataset",
            "rows",
            "numeric",
            "categ.",
            "positives",
            "ratio",
            "about",
        ],
        &[1, 2, 3, 4, 5],
    );
    for d in &l.bundled {
        let s = &d.summary;
        t.row(vec![
            s.name.clone(),
            s.rows.to_string(),
            s.numeric_features.to_string(),
            s.categorical_features.to_string(),
            s.positives.map_or("-".into(), |p| p.to_string()),
            s.imbalance_ratio.map_or("-".into(), |r| format!("{r:.1}")),
            d.description.to_string(),
        ]);
    }
    doc.table(t);
    doc.title("Generators (seeded by --seed; the truth is known)");
    let mut t = Table::new(&["generator", "rows", "features", "task", "truth"], &[1, 2]);
    for g in &l.generators {
        t.row(vec![
            g.name.into(),
            g.rows.to_string(),
            g.features.to_string(),
            format!("{:?}", g.task).to_lowercase(),
            g.description.into(),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "Use one with --dataset NAME, or your own file with --data FILE.csv --target COLUMN. \
         `ratio` is majority/positive rows.",
    );
    doc
}

fn list(seed: u64) -> Result<Output> {
    let l = listing()?;
    let doc = listing_doc(&l);
    Ok(Output::new(
        Report::new("datasets", Params { seed }, None, l),
        doc,
    ))
}

#[derive(Serialize)]
struct FeatureSummary {
    name: String,
    #[serde(flatten)]
    kind: FeatureKind,
    /// Numeric features only (codes of categorical levels have no meaningful mean).
    min: Option<f64>,
    mean: Option<f64>,
    max: Option<f64>,
    /// Population standard deviation.
    std: Option<f64>,
    distinct: usize,
}

#[derive(Serialize)]
struct Shown {
    head: Vec<serde_json::Map<String, serde_json::Value>>,
    features: Vec<FeatureSummary>,
    classes: Option<Vec<(String, usize)>>,
}

#[derive(Serialize)]
struct ShowParams {
    name: String,
    rows: usize,
    seed: u64,
}

/// Rows of the head per table.
const HEAD_CHUNK: usize = 6;

fn cell(d: &Dataset, row: usize, col: usize) -> String {
    let v = d.features[[row, col]];
    match &d.feature_kinds[col] {
        FeatureKind::Categorical { levels } => levels[v as usize].clone(),
        FeatureKind::Numeric => short(v),
    }
}

/// A value as it reads in a narrow column: integers as integers, others with up to six
/// significant decimals (the JSON output keeps full precision).
fn short(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn target_cell(d: &Dataset, row: usize) -> String {
    match &d.target {
        Target::Classes { y, classes, .. } => classes[y[row]].clone(),
        Target::Continuous { y } => short(y[row]),
    }
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

fn show(name: &str, rows: usize, seed: u64) -> Result<Output> {
    let d = registry::load(name, seed)?;
    let shown_rows = rows.min(d.n_rows());
    let mut head = Vec::new();
    for r in 0..shown_rows {
        let mut m = serde_json::Map::new();
        if let Some((tname, stamps)) = &d.time {
            m.insert(tname.clone(), stamps[r].clone().into());
        }
        for j in 0..d.n_features() {
            let v = match d.feature_kinds[j] {
                FeatureKind::Numeric => serde_json::json!(d.features[[r, j]]),
                FeatureKind::Categorical { .. } => cell(&d, r, j).into(),
            };
            m.insert(d.feature_names[j].clone(), v);
        }
        m.insert(d.target_name.clone(), target_cell(&d, r).into());
        head.push(m);
    }
    let classes = match &d.target {
        Target::Classes { classes, .. } => Some(
            classes
                .iter()
                .cloned()
                .zip(d.class_counts())
                .collect::<Vec<_>>(),
        ),
        Target::Continuous { .. } => None,
    };
    let shown = Shown {
        head,
        features: summarize(&d),
        classes,
    };

    let mut doc = Doc::default();
    let s = d.summary();
    doc.title(format!(
        "{} — {} rows, {} features, target '{}'",
        s.name, s.rows, s.features, s.target
    ));
    // The head is transposed (a row per column) and split into groups of rows, so wide
    // datasets and long heads fit 100 columns.
    for chunk in (0..shown_rows).collect::<Vec<_>>().chunks(HEAD_CHUNK) {
        let mut headers = vec!["column".to_string()];
        headers.extend(chunk.iter().map(|r| format!("row {r}")));
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut t = Table::new(&header_refs, &(1..=chunk.len()).collect::<Vec<_>>());
        if let Some((tname, stamps)) = &d.time {
            let mut r = vec![tname.clone()];
            r.extend(chunk.iter().map(|&i| stamps[i].clone()));
            t.row(r);
        }
        for j in 0..d.n_features() {
            let mut r = vec![d.feature_names[j].clone()];
            r.extend(chunk.iter().map(|&i| cell(&d, i, j)));
            t.row(r);
        }
        let mut r = vec![format!("{} (target)", d.target_name)];
        r.extend(chunk.iter().map(|&i| target_cell(&d, i)));
        t.row(r);
        doc.table(t);
    }

    let mut t = Table::new(
        &["feature", "kind", "min", "mean", "max", "std", "distinct"],
        &[2, 3, 4, 5, 6],
    );
    for f in &shown.features {
        let kind = match &f.kind {
            FeatureKind::Numeric => "numeric".to_string(),
            FeatureKind::Categorical { levels } => format!("categorical ({})", levels.len()),
        };
        let stat = |v: Option<f64>| v.map_or("-".to_string(), num);
        t.row(vec![
            f.name.clone(),
            kind,
            stat(f.min),
            stat(f.mean),
            stat(f.max),
            stat(f.std),
            f.distinct.to_string(),
        ]);
    }
    doc.table(t);
    if let Some(classes) = &shown.classes {
        let parts: Vec<String> = classes.iter().map(|(c, n)| format!("'{c}': {n}")).collect();
        doc.paragraph(format!(
            "Classes of '{}': {}. Positive class: '{}'. Categorical features are stored as level \
             codes (levels sorted as strings); std is the population standard deviation.",
            d.target_name,
            parts.join(", "),
            d.positive_class().unwrap_or("-")
        ));
    }
    let params = ShowParams {
        name: name.to_owned(),
        rows,
        seed,
    };
    Ok(Output::new(
        Report::new("datasets show", params, Some(s), shown),
        doc,
    ))
}

#[derive(Serialize)]
struct ExportParams {
    name: String,
    output: String,
    rows: Option<usize>,
    seed: u64,
}

#[derive(Serialize)]
struct Exported {
    path: String,
    rows: usize,
    columns: usize,
}

fn export(name: &str, output: &std::path::Path, rows: Option<usize>, seed: u64) -> Result<Output> {
    let d = match rows {
        Some(n) => registry::generate(name, n, seed)?,
        None => registry::load(name, seed)?,
    };
    let shown = output.display().to_string();
    // create_new: an existing file is never overwritten.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(output)
        .map_err(|e| {
            mlproof_core::Error::input(format!(
                "cannot create {shown}: {e} (mlproof never overwrites a file)"
            ))
        })?;
    mlproof_core::data::export::write_csv(&d, std::io::BufWriter::new(file))?;
    let columns = d.n_features() + 1 + usize::from(d.time.is_some());
    let mut doc = Doc::default();
    doc.paragraph(format!(
        "Wrote {} rows × {columns} columns of {} to {shown}.",
        d.n_rows(),
        d.name
    ));
    let params = ExportParams {
        name: name.into(),
        output: shown.clone(),
        rows,
        seed,
    };
    let results = Exported {
        path: shown,
        rows: d.n_rows(),
        columns,
    };
    Ok(Output::new(
        Report::new("datasets export", params, Some(d.summary()), results),
        doc,
    ))
}
