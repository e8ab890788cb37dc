//! `mlproof regularize`: an L1, L2 or elastic-net fit at one α, or the whole path with the
//! α chosen by cross-validation and by the one-standard-error rule.

use mlproof_core::data::{Dataset, Task};
use mlproof_core::Result;
use mlproof_experiments::regularize::{
    self, Applied, Params, PathResult, PenaltyKind, Results, Single,
};
use mlproof_experiments::Check;
use mlproof_linear::path::PathPoint;

use crate::cli::{self, RegularizeArgs, TaskArg};
use crate::render::{num, Doc, Figure, Line, Output, Table};

/// The most coefficient paths drawn in one plot (the largest ones).
const MAX_DRAWN: usize = 8;
/// The most α drawn along the x axis.
const MAX_POINTS: usize = 45;

pub fn run(args: &RegularizeArgs, seed: u64) -> Result<Output> {
    if let Some(demo) = args.demo {
        return super::regularize_demo::run(demo, args, seed);
    }
    if args.rounds.is_some() || args.correlation.is_some() {
        return Err(mlproof_core::Error::usage(
            "--rounds and --correlation apply to --demo only",
        ));
    }
    let task = args.task.map(|t| match t {
        TaskArg::Regression => Task::Regression,
        TaskArg::Classification => Task::Classification,
    });
    let params = Params {
        penalty: match args.penalty {
            cli::PenaltyKind::L1 => PenaltyKind::L1,
            cli::PenaltyKind::L2 => PenaltyKind::L2,
            cli::PenaltyKind::Elasticnet => PenaltyKind::Elasticnet,
        },
        l1_ratio: args.l1_ratio,
        alpha: args.alpha,
        n_alphas: args.n_alphas,
        n_splits: args.n_splits,
        task,
        seed,
    }
    .check()?;
    let data = args
        .data
        .load_with_task(regularize::DEFAULT_DATASET, seed, task)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(data: &Dataset, params: &mlproof_experiments::Checked<Params>) -> Result<Output> {
    let report = regularize::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    let doc = match &report.results {
        Results::Single(r) => single_doc(data, &report.params, r),
        Results::Path(r) => path_doc(data, &report.params, r),
    };
    Ok(Output::new(report, doc))
}

fn model_name(p: &Applied) -> String {
    let regression = p.task == "regression";
    match (regression, p.l1_ratio) {
        (true, 1.0) => "lasso".to_owned(),
        (true, 0.0) => "ridge".to_owned(),
        (true, r) => format!("elastic net (ρ = {r})"),
        (false, 1.0) => "L1 logistic regression".to_owned(),
        (false, 0.0) => "L2 logistic regression".to_owned(),
        (false, r) => format!("elastic-net logistic regression (ρ = {r})"),
    }
}

fn target_line(data: &Dataset) -> String {
    match data.positive_class() {
        Some(p) => format!("'{}' = {p} vs rest", data.target_name),
        None => format!("'{}'", data.target_name),
    }
}

fn constant_note(doc: &mut Doc, constant: &[String]) {
    if !constant.is_empty() {
        doc.paragraph(format!(
            "Constant column(s) {}: standardising leaves them at 0, so their coefficient is 0 \
             under any penalty (scikit-learn's StandardScaler does the same).",
            constant.join(", ")
        ));
    }
}

fn single_doc(data: &Dataset, p: &Applied, r: &Single) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "{} on {} (target {}), α = {}",
        model_name(p),
        data.name,
        target_line(data),
        p.alpha.unwrap_or(f64::NAN)
    ));
    let mut t = Table::new(
        &["feature", "coef (standardised)", "coef (raw scale)", ""],
        &[1, 2],
    );
    for f in &r.features {
        let w = r.coefficients[f];
        let kept = if w == 0.0 { "zeroed" } else { "" };
        t.row(vec![
            f.clone(),
            num(w),
            num(r.raw_coefficients[f]),
            kept.into(),
        ]);
    }
    t.row(vec![
        "(intercept)".into(),
        num(r.intercept),
        num(r.raw_intercept),
        String::new(),
    ]);
    doc.table(t);
    let mut e = Table::new(&[r.error, "model", "no skill"], &[1, 2]);
    e.row(vec![
        "training rows".into(),
        num(r.train_error),
        num(r.train_baseline),
    ]);
    e.row(vec![
        format!("{}-fold {} CV (± {})", p.n_splits, p.cv, num(r.cv_se)),
        num(r.cv_error),
        num(r.cv_baseline),
    ]);
    doc.table(e);
    doc.paragraph(format!(
        "{} of {} coefficients are non-zero. Standardised inside each fold; no skill: the \
         training rows' {}.",
        r.n_nonzero,
        r.features.len(),
        no_skill_model(r.error)
    ));
    constant_note(&mut doc, &r.constant_columns);
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

/// The model a no-skill error comes from.
fn no_skill_model(error: &str) -> &'static str {
    if error == "MSE" {
        "mean"
    } else {
        "prior"
    }
}

fn path_doc(data: &Dataset, p: &Applied, r: &PathResult) -> Doc {
    let path = &r.path;
    let pts = &path.points;
    let mut doc = Doc::default();
    doc.title(format!(
        "{} path on {} (target {}): {} α, {}-fold {} CV",
        model_name(p),
        data.name,
        target_line(data),
        pts.len(),
        path.n_splits,
        p.cv
    ));
    doc.figure(coefficient_plot(&r.features, pts));
    let (best, one_se) = (&pts[path.best], &pts[path.one_se]);
    let mut t = Table::new(
        &[
            "α",
            "non-zero",
            &format!("train {}", path.error),
            &format!("CV {}", path.error),
            "± SE",
            "no skill",
            "",
        ],
        &[0, 1, 2, 3, 4, 5],
    );
    let step = (pts.len() / 10).max(1);
    for (i, q) in pts.iter().enumerate() {
        let mark = match (i == path.best, i == path.one_se) {
            (true, true) => "min CV = 1-SE",
            (true, false) => "min CV",
            (false, true) => "1-SE rule",
            _ if i % step == 0 || i + 1 == pts.len() => "",
            _ => continue,
        };
        t.row(vec![
            format!("{:.4e}", q.alpha),
            q.n_nonzero.to_string(),
            num(q.train_error),
            num(q.cv_error),
            num(q.cv_se),
            num(path.cv_baseline),
            mark.into(),
        ]);
    }
    doc.table(t);
    let mut c = Table::new(&["feature", "at min-CV α", "at 1-SE α"], &[1, 2]);
    for (j, f) in r.features.iter().enumerate() {
        c.row(vec![f.clone(), num(best.coef[j]), num(one_se.coef[j])]);
    }
    doc.table(c);
    doc.paragraph(format!(
        "no skill: the CV {} of the training folds' {} (train: {}).",
        path.error,
        no_skill_model(path.error),
        num(r.train_baseline)
    ));
    constant_note(&mut doc, &r.constant_columns);
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

/// Each coefficient against log10 α, strong penalty on the left; the largest
/// [`MAX_DRAWN`] paths are drawn, one letter each.
fn coefficient_plot(features: &[String], pts: &[PathPoint]) -> Figure {
    let step = pts.len().div_ceil(MAX_POINTS);
    let shown: Vec<&PathPoint> = pts.iter().step_by(step).collect();
    let mut order: Vec<usize> = (0..features.len()).collect();
    let size = |j: usize| pts.iter().fold(0.0f64, |m, q| m.max(q.coef[j].abs()));
    order.sort_by(|&a, &b| size(b).total_cmp(&size(a)).then(a.cmp(&b)));
    order.truncate(MAX_DRAWN);
    let glyphs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    let series = order
        .iter()
        .zip(glyphs)
        .map(|(&j, glyph)| Line {
            label: features[j].clone(),
            glyph,
            values: shown.iter().map(|q| q.coef[j]).collect(),
        })
        .collect();
    let x_labels = shown
        .iter()
        .map(|q| format!("{:.1}", q.alpha.log10()))
        .collect();
    let x_title = if features.len() > MAX_DRAWN {
        format!(
            "log10 α, strong penalty on the left (the {MAX_DRAWN} largest of {} paths)",
            features.len()
        )
    } else {
        "log10 α, strong penalty on the left".to_owned()
    };
    Figure::Lines {
        x_title,
        x_labels,
        series,
        height: 14,
    }
}
