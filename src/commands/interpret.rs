//! `mlproof interpret`: TreeSHAP, partial dependence, ICE and a surrogate tree, laid out.

use mlproof_core::Result;
use mlproof_experiments::interpret::{
    self, Dependence, Explanation, Method, ModelChoice, Params, ShapSummary, Surrogate,
};
use mlproof_experiments::Check;

use crate::cli::{InterpretArgs, InterpretMethod, InterpretModel};
use crate::render::{num, Doc, Figure, Line, Output, Table};

/// ICE curves drawn in the terminal plot beside the average.
const ICE_DRAWN: usize = 3;

/// ICE columns in the table (100 columns wide); the JSON keeps `--rows` curves.
const ICE_COLUMNS: usize = 4;

/// Grid points the terminal plot can place one per slot; a finer grid is drawn at every k-th.
const PLOT_POINTS: usize = 40;

pub fn run(args: &InterpretArgs, seed: u64) -> Result<Output> {
    let d = Params::default();
    let params = Params {
        method: match args.method {
            InterpretMethod::Shap => Method::Shap,
            InterpretMethod::Pdp => Method::Pdp,
            InterpretMethod::Ice => Method::Ice,
            InterpretMethod::Surrogate => Method::Surrogate,
        },
        model: args.model.map(|m| match m {
            InterpretModel::Tree => ModelChoice::Tree,
            InterpretModel::Forest => ModelChoice::Forest,
        }),
        feature: args.feature.clone(),
        max_depth: args.max_depth,
        n_trees: args.n_trees.unwrap_or(d.n_trees),
        grid_resolution: args.grid_resolution.unwrap_or(d.grid_resolution),
        rows: args.rows.unwrap_or(d.rows),
        all_rows: args.all_rows,
        test_size: args.test_size.unwrap_or(d.test_size),
        n_splits: args.n_splits.unwrap_or(d.n_splits),
        n_repeats: args.n_repeats.unwrap_or(d.n_repeats),
        seed,
    }
    .check()?;
    let data = args.data.load(interpret::DEFAULT_DATASET, seed)?;
    let report = interpret::run(&data, &params, &crate::progress::BAR)?;
    let doc = doc(&data.name, &report.results, params.rows);
    Ok(Output::new(report, doc))
}

fn doc(dataset: &str, r: &Explanation, rows: usize) -> Doc {
    let mut doc = Doc::default();
    let m = &r.explained;
    doc.title(format!(
        "Explaining the {} on {dataset}: {}",
        m.name,
        r.method.name()
    ));
    let mut t = Table::new(
        &[
            "model",
            "trees",
            "mean leaves",
            "train accuracy",
            "no skill",
        ],
        &[1, 2, 3, 4],
    );
    t.row(vec![
        m.name.clone(),
        m.trees.to_string(),
        format!("{:.1}", m.leaves),
        num(m.train_accuracy),
        num(m.train_accuracy_baseline),
    ]);
    doc.table(t);
    if let Some(s) = &r.shap {
        shap(&mut doc, s, rows);
    }
    if let Some(d) = &r.partial_dependence {
        dependence(&mut doc, d, rows);
    }
    if let Some(s) = &r.surrogate {
        surrogate(&mut doc, s);
    }
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

fn shap(doc: &mut Doc, s: &ShapSummary, rows: usize) {
    let mut t = Table::new(&["feature", "mean |SHAP|", "mean SHAP"], &[1, 2]);
    for a in &s.ranking {
        t.row(vec![a.feature.clone(), num(a.mean_abs), num(a.mean)]);
    }
    doc.table(t);
    let mut t = Table::new(
        &["row", "P(positive)", "base value", "largest contributions"],
        &[1, 2],
    );
    for e in s.rows.iter().take(rows) {
        let mut order: Vec<usize> = (0..e.values.len()).collect();
        order.sort_by(|&a, &b| e.values[b].abs().total_cmp(&e.values[a].abs()));
        let top: Vec<String> = order
            .iter()
            .take(3)
            .filter(|&&j| e.values[j] != 0.0)
            .map(|&j| format!("{} {:+.3}", s.features[j], e.values[j]))
            .collect();
        t.row(vec![
            e.row.to_string(),
            num(e.prediction),
            num(s.base_value),
            top.join(", "),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "Each row's prediction is the base value plus its SHAP values (largest gap over all {} \
         rows: {:.1e}). The JSON keeps every feature's value for {} rows (--rows N, --all-rows).",
        s.n_rows,
        s.local_accuracy_max_error,
        s.rows.len()
    ));
}

fn dependence(doc: &mut Doc, d: &Dependence, rows: usize) {
    let rows = rows.min(ICE_COLUMNS);
    let mut headers = vec![d.feature.clone(), "PD".into(), "no skill".into()];
    headers.extend(
        d.individual
            .iter()
            .take(rows)
            .map(|c| format!("row {}", c.row)),
    );
    let h: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(&h, &(0..h.len()).collect::<Vec<_>>());
    for (k, g) in d.grid.values.iter().enumerate() {
        let mut cells = vec![
            format!("{g:.4}"),
            num(d.average[k]),
            num(d.prediction_baseline),
        ];
        cells.extend(d.individual.iter().take(rows).map(|c| num(c.values[k])));
        t.row(cells);
    }
    doc.table(t);
    let every = d.grid.values.len().div_ceil(PLOT_POINTS);
    let thin = |v: &[f64]| -> Vec<f64> { v.iter().copied().step_by(every).collect() };
    let mut series = vec![Line {
        label: "partial dependence (mean)".into(),
        glyph: '●',
        values: thin(&d.average),
    }];
    for (c, glyph) in d.individual.iter().take(ICE_DRAWN).zip(['1', '2', '3']) {
        series.push(Line {
            label: format!("ICE, row {}", c.row),
            glyph,
            values: thin(&c.values),
        });
    }
    doc.figure(Figure::Lines {
        x_title: d.feature.clone(),
        x_labels: thin(&d.grid.values)
            .iter()
            .map(|g| format!("{g:.3}"))
            .collect(),
        series,
        height: 10,
    });
}

fn surrogate(doc: &mut Doc, s: &Surrogate) {
    let mut t = Table::new(
        &[
            "fidelity",
            "95% Wilson",
            "constant (no skill)",
            "on training rows",
        ],
        &[0, 1, 2, 3],
    );
    t.row(vec![
        num(s.fidelity),
        format!(
            "{} – {}",
            num(s.fidelity_interval[0]),
            num(s.fidelity_interval[1])
        ),
        num(s.fidelity_baseline),
        num(s.train_fidelity),
    ]);
    doc.table(t);
    doc.paragraph(format!(
        "The depth-{} surrogate ({} leaves), fitted to the forest's predictions on {} training rows:",
        s.depth, s.leaves, s.train_rows
    ));
    doc.preformatted(s.rules.clone());
    let metric = s.metric.name();
    let perm = format!("forest permutation ({metric})");
    let mut t = Table::new(&["feature", &perm, "std", "surrogate impurity"], &[1, 2, 3]);
    for r in &s.importance {
        t.row(vec![
            r.feature.clone(),
            num(r.forest_permutation),
            num(r.forest_permutation_std),
            num(r.surrogate_impurity),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "The forest's held-out {metric} is {} (no skill {}); {}.",
        num(s.forest_test_score),
        num(s.forest_test_score_baseline),
        s.metric_choice
    ));
    let a = &s.accuracy_cost;
    let mut t = Table::new(
        &["model", &format!("mean {metric}"), "std", "no skill"],
        &[1, 2, 3],
    );
    for (name, sum) in [
        ("random forest", &a.forest),
        (&*format!("depth-{} tree", s.depth), &a.shallow_tree),
    ] {
        t.row(vec![
            name.to_string(),
            num(sum.mean),
            num(sum.std),
            num(a.baseline.mean),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!("Both on the same {} folds.", a.design));
}
