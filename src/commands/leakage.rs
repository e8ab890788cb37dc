//! `mlproof leakage`: honest and leaky protocols on the same data (the experiment is
//! `mlproof_experiments::leakage`).

use mlproof_core::Result;
use mlproof_experiments::leakage::{self, default_dataset, Kind, Leakage, Method, Params};
use mlproof_experiments::Check;

use crate::cli::{LeakageArgs, LeakageKind, ResampleMethod};
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &LeakageArgs, seed: u64) -> Result<Output> {
    let kind = match args.kind {
        LeakageKind::TimeOrder => Kind::TimeOrder,
        LeakageKind::Preprocessing => Kind::Preprocessing,
        LeakageKind::Resampling => Kind::Resampling,
    };
    let method = match args.method {
        ResampleMethod::Over => Method::Over,
        ResampleMethod::Under => Method::Under,
        ResampleMethod::Smote => Method::Smote,
        ResampleMethod::SmoteNc => Method::SmoteNc,
        ResampleMethod::Borderline => Method::Borderline,
        ResampleMethod::Adasyn => Method::Adasyn,
    };
    let params = Params {
        kind,
        series: args.series.clone(),
        window: args.window,
        horizon: args.horizon,
        gap: args.gap,
        select_k: args.select_k,
        method,
        ratio: args.ratio,
        n_splits: args.n_splits,
        max_depth: args.max_depth,
        seed,
    }
    .check()?;
    let data = match default_dataset(kind) {
        Some(name) => Some(args.data.load(name, seed)?),
        None if args.data.given() => Some(args.data.load("", seed)?),
        None => None,
    };
    if let (Kind::TimeOrder, Some(d), Some(path)) = (kind, &data, &args.data.data) {
        if d.time.is_none() {
            return Err(mlproof_core::Error::usage(format!(
                "time-order leakage needs rows in time order: name the time column of {} with \
                 --time-column COLUMN",
                path.display()
            )));
        }
    }
    output(data.as_ref(), &params)
}

/// The experiment (on `data`, or on generated noise for preprocessing), as a document.
pub fn output(
    data: Option<&mlproof_data::Dataset>,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = leakage::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    let doc = doc(data.map(|d| d.name.as_str()), params.kind, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(name: Option<&str>, kind: Kind, r: &Leakage) -> Doc {
    let mut doc = Doc::default();
    let what = match kind {
        Kind::TimeOrder => "Time-order",
        Kind::Preprocessing => "Preprocessing",
        Kind::Resampling => "Resampling",
    };
    let on = name.unwrap_or("pure noise");
    doc.title(format!("{what} leakage on {on}: {}", r.model));
    doc.paragraph(format!("Design: {}.", r.design));
    let mut t = Table::new(
        &["protocol", "mean", "std", "no skill", "folds"],
        &[1, 2, 3],
    );
    for (p, baseline) in r.protocols.iter().zip(&r.protocol_baselines) {
        let folds: Vec<String> = p.folds.iter().map(|v| format!("{v:.3}")).collect();
        t.row(vec![
            format!("{}{}", if p.leaky { "* " } else { "" }, p.name),
            num(p.summary.mean),
            num(p.summary.std),
            num(*baseline),
            folds.join(" "),
        ]);
    }
    if let Some(rate) = &r.resampling {
        let folds: Vec<String> = rate
            .leaky_folds_at_honest_rate
            .iter()
            .map(|v| format!("{v:.3}"))
            .collect();
        t.row(vec![
            "* leaky, at the honest positive rate".into(),
            num(rate.leaky_at_honest_rate.mean),
            num(rate.leaky_at_honest_rate.std),
            "–".into(),
            folds.join(" "),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "* leaky protocol. Scored by {}; no skill: {}.",
        r.metric.name(),
        r.baseline_model
    ));
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
