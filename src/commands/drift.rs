//! `mlproof drift`: data drift per feature, windows over time and concept drift.

use mlproof_core::data::Dataset;
use mlproof_core::Result;
use mlproof_experiments::drift::{self, Binning, Drift, Params};
use mlproof_experiments::{Check, Checked};

use crate::cli::{DriftArgs, DriftBins};
use crate::render::{num, Doc, Figure, Line, Output, Table};

pub fn run(args: &DriftArgs, seed: u64) -> Result<Output> {
    let params = Params {
        reference: args.reference,
        bins: match args.bins {
            DriftBins::Quantile => Binning::Quantile,
            DriftBins::Sturges => Binning::Sturges,
        },
        windows: args.windows,
        seed,
    }
    .check()?;
    let data = args.data.load(drift::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(data: &Dataset, params: &Checked<Params>) -> Result<Output> {
    let report = drift::run(data, params, &crate::progress::BAR)?;
    let doc = doc(&data.name, &report.results);
    Ok(Output::new(report, doc))
}

/// A p-value: four decimals, or two significant digits below 10⁻⁴.
fn pval(p: f64) -> String {
    if p > 0.0 && p < 1e-4 {
        format!("{p:.1e}")
    } else {
        num(p)
    }
}

fn opt(v: Option<f64>, f: fn(f64) -> String) -> String {
    v.map_or_else(|| "–".into(), f)
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

fn doc(dataset: &str, r: &Drift) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Data drift on {dataset}: rows {}–{} ({} to {}) against rows {}–{} ({} to {}), {} bins",
        r.reference_rows[0],
        r.reference_rows[1] - 1,
        r.reference_time[0],
        r.reference_time[1],
        r.current_rows[0],
        r.current_rows[1] - 1,
        r.current_time[0],
        r.current_time[1],
        r.bins.name()
    ));
    let mut t = Table::new(
        &[
            "feature",
            "PSI",
            "no drift",
            "95% bound",
            "KL",
            "JS",
            "KS D",
            "p",
            "W₁",
            "alerts",
        ],
        &[1, 2, 3, 4, 5, 6, 7, 8],
    );
    for f in &r.features {
        let a = f.alerts;
        let marks: String = [
            (a.psi_above_0_1, '1'),
            (a.psi_above_0_25, '2'),
            (a.psi_above_bound, 'B'),
            (a.test_bonferroni, 'T'),
        ]
        .iter()
        .map(|&(on, c)| if on { c } else { '.' })
        .collect();
        let p = f.ks_pvalue.or(f.chi_square.map(|c| c.pvalue));
        let stat = f.ks_statistic.or(f.chi_square.map(|c| c.statistic));
        t.row(vec![
            f.feature.clone(),
            num(f.psi),
            num(f.psi_baseline),
            num(f.psi_bound),
            num(f.kl),
            num(f.js),
            opt(stat, num),
            opt(p, pval),
            opt(f.wasserstein, num),
            marks,
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "no drift: the PSI's mean when nothing changed, (B − 1)(1/N + 1/M); 95% bound: \
         χ²₀.₉₅(B − 1)(1/N + 1/M). KS D and p for numeric features (chi-square statistic and \
         p for categorical ones). alerts: 1 = PSI above {} and 2 = above {} (conventions), \
         B = above its 95% bound, T = p below α/d = {}.",
        r.thresholds.psi_moderate_convention,
        r.thresholds.psi_major_convention,
        num(r.thresholds.test_bonferroni_alpha)
    ));
    let mut t = Table::new(&["rule", "features alerting"], &[]);
    for (rule, names) in [
        ("PSI > 0.1 (convention)", &r.alerts.psi_above_0_1),
        ("PSI > 0.25 (convention)", &r.alerts.psi_above_0_25),
        ("PSI > 95% no-drift bound", &r.alerts.psi_above_bound),
        (
            "PSI > bound, autocorrelated sizes",
            &r.alerts.psi_above_autocorrelated_bound,
        ),
        ("p < α/d (Bonferroni)", &r.alerts.test_bonferroni),
    ] {
        t.row(vec![rule.into(), list(names)]);
    }
    doc.table(t);
    windows(&mut doc, r);
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

fn windows(doc: &mut Doc, r: &Drift) {
    let mut t = Table::new(
        &[
            "window", "from", "to", "max PSI", "of", "bound", "> bound", "alert", "accuracy",
            "no skill",
        ],
        &[3, 5, 6, 8, 9],
    );
    for w in &r.windows {
        t.row(vec![
            w.index.to_string(),
            w.start_time.clone(),
            w.end_time.clone(),
            num(w.max_psi),
            w.max_psi_feature.clone(),
            num(w.psi_bound_10_bins),
            w.features_psi_above_bound.len().to_string(),
            match w.features_psi_above_autocorrelated_bound.as_slice() {
                many @ [_, _, _, ..] => format!("{} features", many.len()),
                few => list(few),
            },
            opt(w.accuracy, num),
            opt(w.accuracy_baseline, num),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "> bound: features above the 95% no-drift bound with rows taken as independent; alert: \
         features above it with effective sizes N(1 − ρ)/(1 + ρ), ρ each feature's lag-1 \
         autocorrelation in the reference.",
    );
    let cases: Vec<String> = r
        .windows
        .iter()
        .map(|w| format!("window {}: {}", w.index, w.case))
        .collect();
    doc.paragraph(format!(
        "Input drift against performance — {}.",
        cases.join("; ")
    ));
    let labels: Vec<String> = r.windows.iter().map(|w| w.index.to_string()).collect();
    doc.figure(Figure::Lines {
        x_title: "window after the reference".into(),
        x_labels: labels.clone(),
        series: vec![
            Line {
                label: "drift score (max PSI over features)".into(),
                glyph: '●',
                values: r.windows.iter().map(|w| w.max_psi).collect(),
            },
            Line {
                label: "95% no-drift bound (10 bins)".into(),
                glyph: '-',
                values: r.windows.iter().map(|w| w.psi_bound_10_bins).collect(),
            },
        ],
        height: 10,
    });
    if let Some(c) = &r.concept {
        doc.paragraph(format!(
            "Concept drift: {} trained on rows {}–{}, accuracy {} on rows {}–{} (no skill {}).",
            c.model,
            c.train_rows[0],
            c.train_rows[1] - 1,
            num(c.validation_accuracy),
            c.validation_rows[0],
            c.validation_rows[1] - 1,
            num(c.validation_accuracy_baseline)
        ));
        doc.figure(Figure::Lines {
            x_title: "window after the reference".into(),
            x_labels: labels,
            series: vec![
                Line {
                    label: "accuracy of the reference model".into(),
                    glyph: 'a',
                    values: r.windows.iter().filter_map(|w| w.accuracy).collect(),
                },
                Line {
                    label: "no skill (reference majority class)".into(),
                    glyph: '-',
                    values: r
                        .windows
                        .iter()
                        .filter_map(|w| w.accuracy_baseline)
                        .collect(),
                },
            ],
            height: 8,
        });
    }
}
