//! `mlproof regularize`: an L1, L2 or elastic-net fit at one α, or the whole path with the
//! α chosen by cross-validation and by the one-standard-error rule.

use std::collections::BTreeMap;

use mlproof_core::data::{Dataset, Target, Task};
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_linear::path::PathPoint;
use mlproof_linear::{
    cross_validate, fit_path, one_hot, Path, PathOptions, Penalty, Response, Standardized,
};
use serde::Serialize;

use crate::cli::{PenaltyKind, RegularizeArgs, TaskArg};
use crate::render::{num, Doc, Figure, Line, Output, Table};

/// The most coefficient paths drawn in one plot (the largest ones).
const MAX_DRAWN: usize = 8;
/// The most α drawn along the x axis.
const MAX_POINTS: usize = 45;

pub fn run(args: &RegularizeArgs, seed: u64) -> Result<Output> {
    if let Some(demo) = args.demo {
        return super::regularize_demo::run(demo, args, seed);
    }
    let l1_ratio = l1_ratio(args)?;
    let (data, response) = load(args, seed)?;
    let (x, names) = one_hot(&data);
    let design = Standardized::fit(&x);
    let mut opts = PathOptions::new(l1_ratio);
    opts.n_alphas = args.n_alphas;
    opts.n_splits = args.n_splits;
    opts.seed = seed;
    opts.time_ordered = data.time.is_some();
    let params = Params {
        penalty: penalty_name(args.penalty),
        l1_ratio,
        alpha: args.alpha,
        n_alphas: args.alpha.is_none().then_some(args.n_alphas),
        n_splits: args.n_splits,
        cv: match (&response, opts.time_ordered) {
            (_, true) => "time-series",
            (Response::Binary(_), false) => "stratified",
            (Response::Continuous(_), false) => "shuffled",
        },
        task: task_of(&response),
        seed,
    };
    let constant: Vec<String> = design.constant.iter().map(|&j| names[j].clone()).collect();
    match args.alpha {
        Some(alpha) => {
            let pen = Penalty::new(alpha, l1_ratio)?;
            let fit = mlproof_linear::fit(&design.z, &response, pen)?;
            let cv = cross_validate(&x, &response, l1_ratio, &[alpha], &opts)?[0];
            let (raw, raw_intercept) = design.to_raw(&fit.coef, fit.intercept);
            let result = Single {
                features: names.clone(),
                coefficients: names
                    .iter()
                    .cloned()
                    .zip(fit.coef.iter().copied())
                    .collect(),
                intercept: fit.intercept,
                raw_coefficients: names.iter().cloned().zip(raw.iter().copied()).collect(),
                raw_intercept,
                n_nonzero: fit.n_nonzero(),
                error: response.error_name(),
                train_error: response.error(&fit.decision(design.z.view())),
                cv_error: cv.0,
                cv_se: cv.1,
                constant_columns: constant,
            };
            let doc = single_doc(&data, &params, &result);
            Ok(Output::new(
                Report::new("regularize", params, Some(data.summary()), result),
                doc,
            ))
        }
        None => {
            if args.n_alphas < 2 {
                return Err(Error::usage(format!(
                    "a path needs at least two α: set --n-alphas 2 or more, got {}",
                    args.n_alphas
                )));
            }
            let path = fit_path(&x, &response, &opts)?;
            let by_name = |i: usize| -> BTreeMap<String, f64> {
                names
                    .iter()
                    .cloned()
                    .zip(path.points[i].coef.iter().copied())
                    .collect()
            };
            let result = PathResult {
                at_min_cv: by_name(path.best),
                at_one_se: by_name(path.one_se),
                features: names.clone(),
                constant_columns: constant,
                path,
            };
            let doc = path_doc(&data, &params, &result);
            Ok(Output::new(
                Report::new("regularize", params, Some(data.summary()), result),
                doc,
            ))
        }
    }
}

/// ρ from --penalty and --l1-ratio.
pub fn l1_ratio(args: &RegularizeArgs) -> Result<f64> {
    match (args.penalty, args.l1_ratio) {
        (PenaltyKind::L1, None) => Ok(1.0),
        (PenaltyKind::L2, None) => Ok(0.0),
        (PenaltyKind::Elasticnet, r) => {
            let r = r.unwrap_or(0.5);
            mlproof_linear::penalty::check_l1_ratio(r)?;
            Ok(r)
        }
        (p, Some(_)) => Err(Error::usage(format!(
            "--l1-ratio applies to --penalty elasticnet; --penalty {} fixes it",
            penalty_name(p)
        ))),
    }
}

fn penalty_name(p: PenaltyKind) -> &'static str {
    match p {
        PenaltyKind::L1 => "l1",
        PenaltyKind::L2 => "l2",
        PenaltyKind::Elasticnet => "elasticnet",
    }
}

/// The data with the task --task asks for, and its response.
pub fn load(args: &RegularizeArgs, seed: u64) -> Result<(Dataset, Response)> {
    let task = args.task.map(|t| match t {
        TaskArg::Regression => Task::Regression,
        TaskArg::Classification => Task::Classification,
    });
    let data = args.data.load_with_task("pima", seed, task)?;
    if let Some(t) = task {
        if t != data.task() {
            return Err(Error::usage(format!(
                "--task {} does not fit target '{}' of {}, which is {}; name another column \
                 with --target COLUMN",
                if t == Task::Regression {
                    "regression"
                } else {
                    "classification"
                },
                data.target_name,
                data.name,
                if t == Task::Regression {
                    "a class target"
                } else {
                    "continuous"
                },
            )));
        }
    }
    let response = match &data.target {
        Target::Continuous { y } => Response::Continuous(y.clone()),
        Target::Classes { .. } => Response::Binary(data.binary_target()?.to_vec()),
    };
    if let Response::Continuous(y) = &response {
        if y.iter().all(|&v| v == y[0]) {
            return Err(Error::input(format!(
                "target '{}' is constant: there is nothing to regress",
                data.target_name
            )));
        }
    }
    Ok((data, response))
}

fn task_of(r: &Response) -> &'static str {
    match r {
        Response::Continuous(_) => "regression",
        Response::Binary(_) => "classification",
    }
}

#[derive(Debug, Serialize)]
struct Params {
    penalty: &'static str,
    l1_ratio: f64,
    alpha: Option<f64>,
    n_alphas: Option<usize>,
    n_splits: usize,
    cv: &'static str,
    task: &'static str,
    seed: u64,
}

/// One fit. Coefficients are on standardised features; `raw_*` on the original scale.
#[derive(Debug, Serialize)]
struct Single {
    features: Vec<String>,
    coefficients: BTreeMap<String, f64>,
    intercept: f64,
    raw_coefficients: BTreeMap<String, f64>,
    raw_intercept: f64,
    n_nonzero: usize,
    error: &'static str,
    train_error: f64,
    cv_error: f64,
    cv_se: f64,
    constant_columns: Vec<String>,
}

#[derive(Debug, Serialize)]
struct PathResult {
    features: Vec<String>,
    /// Coefficients (standardised) by feature name at the two chosen α.
    at_min_cv: BTreeMap<String, f64>,
    at_one_se: BTreeMap<String, f64>,
    constant_columns: Vec<String>,
    path: Path,
}

fn model_name(p: &Params) -> String {
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

fn single_doc(data: &Dataset, p: &Params, r: &Single) -> Doc {
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
    doc.paragraph(format!(
        "{} of {} coefficients are non-zero. {}: {} on the training rows, {} ± {} by {}-fold {} \
         CV (standardised inside each fold).",
        r.n_nonzero,
        r.features.len(),
        r.error,
        num(r.train_error),
        num(r.cv_error),
        num(r.cv_se),
        p.n_splits,
        p.cv
    ));
    constant_note(&mut doc, &r.constant_columns);
    doc
}

fn path_doc(data: &Dataset, p: &Params, r: &PathResult) -> Doc {
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
            "",
        ],
        &[0, 1, 2, 3, 4],
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
        "Minimum CV {}: α = {:.4e} with {} non-zero coefficients ({} ± {}). The one-standard-error \
         rule takes the largest α within one SE of that minimum: α = {:.4e}, {} non-zero ({}). \
         Training error only falls as α falls; CV error is what tells when the penalty helps.",
        path.error,
        best.alpha,
        best.n_nonzero,
        num(best.cv_error),
        num(best.cv_se),
        one_se.alpha,
        one_se.n_nonzero,
        num(one_se.cv_error),
    ));
    constant_note(&mut doc, &r.constant_columns);
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
