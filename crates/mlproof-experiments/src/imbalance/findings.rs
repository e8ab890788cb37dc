//! What the per-fold scores of `imbalance` say: each correction against no correction, the
//! claims an interview repeats (SMOTE raises recall, corrections keep ROC-AUC, resampling
//! hurts calibration, threshold moving matches resampling, SMOTE before the split inflates),
//! and each method's F1 against its no-skill baseline. Every difference is paired over the
//! same stratified folds and judged with the Nadeau–Bengio corrected resampled t
//! ([`fold_difference`]).

use std::collections::BTreeMap;

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope, Verdict};
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_validation::Fold;

use super::MethodScores;
use crate::common::fold_difference;

/// Positions in [`mlproof_imbalance::compare::METHODS`].
const NONE: usize = 0;
const SMOTE: usize = 3;
const THRESHOLD: usize = 7;
/// The corrections of the same learner (not anomaly detection, another model).
const SUPERVISED: [usize; 7] = [1, 2, 3, 4, 5, 6, 7];
/// The corrections that change the prior the learner is trained on.
const PRIOR_CHANGING: [usize; 6] = [1, 2, 3, 4, 5, 6];
/// The honest methods (the last method is SMOTE before the split).
const HONEST: usize = 9;

pub struct Judged {
    pub findings: Findings,
    pub best_f1: Option<String>,
}

/// A method's name as a finding id spells it (`random under-sampling` → `under-sampling`;
/// SMOTE-NC, the SMOTE of mixed columns, is `smote`).
pub fn slug(method: &str) -> String {
    let s = method
        .to_lowercase()
        .trim_start_matches("random ")
        .replace(' ', "-");
    if s == "smote-nc" {
        "smote".into()
    } else {
        s
    }
}

/// `name`'s, or `name`' after an s.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A metric on each fold, when the method ran.
fn column(m: &MethodScores, metric: Metric) -> Option<Vec<f64>> {
    let folds = m.fold_scores.as_ref()?;
    Some(
        folds
            .iter()
            .map(|f| f.get(metric.name()).copied().unwrap_or(f64::NAN))
            .collect(),
    )
}

struct Ctx<'a> {
    methods: &'a [MethodScores],
    folds: &'a [Fold],
    /// The folds, as a method names them ("5 paired stratified folds").
    design: &'static str,
}

impl Ctx<'_> {
    /// Method `a` minus method `b` on `metric`, paired per fold.
    fn diff(&self, a: usize, b: usize, metric: Metric) -> Option<Effect> {
        let x = column(self.methods.get(a)?, metric)?;
        let y = column(self.methods.get(b)?, metric)?;
        Some(fold_difference(&x, &y, self.folds, self.design))
    }

    /// The method as a sentence names it ("none" is "no correction").
    fn name(&self, i: usize) -> &str {
        match self.methods.get(i).map(|m| m.method.as_str()) {
            Some("none") => "no correction",
            Some(m) => m,
            None => "?",
        }
    }
}

/// The finding that decides "every member holds": the first member by (does not hold,
/// inconclusive, holds), and within a verdict the weakest (for `greater` the lowest lower
/// bound; for `equivalent` the widest reach from zero). Its verdict is the verdict of the
/// conjunction: it holds iff every member holds, fails iff some member fails.
pub(super) fn every(
    id: &str,
    statement: impl Fn(&str) -> String,
    members: Vec<(String, Effect)>,
    rope: Rope,
    direction: Direction,
) -> Option<Finding> {
    let rank = |e: &Effect| {
        let v = evidence::decide(direction, e.interval, rope);
        let order = match v {
            Verdict::DoesNotHold => 0,
            Verdict::Inconclusive => 1,
            Verdict::Holds => 2,
        };
        let weak = match direction {
            Direction::Greater => e.interval[0],
            Direction::Less => -e.interval[1],
            Direction::Equivalent => -e.interval[0].abs().max(e.interval[1].abs()),
        };
        (order, weak)
    };
    let n = members.len();
    let (name, effect) = members
        .into_iter()
        .filter(|(_, e)| e.interval.iter().all(|v| v.is_finite()) && e.estimate.is_finite())
        .min_by(|a, b| {
            let (ra, rb) = (rank(&a.1), rank(&b.1));
            ra.0.cmp(&rb.0).then(ra.1.total_cmp(&rb.1))
        })?;
    let method = format!("{}; the weakest of {n} comparisons", effect.method);
    Finding::new(
        id,
        statement(&name),
        effect.described(method),
        rope,
        direction,
    )
}

/// Every finding of the comparison, and the method a finding puts ahead on F1.
pub fn judge(methods: &[MethodScores], folds: &[Fold], fold_labels: &[Vec<usize>]) -> Judged {
    let cx = Ctx {
        methods,
        folds,
        design: "stratified",
    };
    let mut out = Findings::default();
    let best_f1 = best_f1(&cx, &mut out);
    let honest = methods.len().min(HONEST);
    for (i, method) in methods.iter().enumerate().take(honest).skip(1) {
        let (m, s) = (cx.name(i).to_owned(), slug(&method.method));
        if let Some(e) = cx.diff(i, NONE, Metric::F1) {
            out.push(Finding::new(
                &format!("f1-{s}-vs-none"),
                format!("{} F1 is above no correction's", possessive(&m)),
                e,
                Rope::score(),
                Direction::Greater,
            ));
        }
        if let Some(e) = cx.diff(i, NONE, Metric::RocAuc) {
            out.push(Finding::new(
                &format!("auc-{s}-vs-none"),
                format!("{m} keeps ROC-AUC within ±0.01 of no correction's"),
                e,
                Rope::score(),
                Direction::Equivalent,
            ));
        }
    }
    claims(&cx, fold_labels, &mut out);
    no_skill_findings(&cx, fold_labels, &mut out);
    Judged {
        findings: out,
        best_f1,
    }
}

/// `best-f1`: the method with the highest mean F1 against every other honest method.
fn best_f1(cx: &Ctx, out: &mut Findings) -> Option<String> {
    let honest = cx.methods.len().min(HONEST);
    let mean = |i: usize| {
        cx.methods[i]
            .scores
            .as_ref()
            .and_then(|s| s.get("f1"))
            .map_or(f64::NAN, |s| s.mean)
    };
    let top = (0..honest)
        .filter(|&i| mean(i).is_finite())
        .max_by(|&a, &b| mean(a).total_cmp(&mean(b)))?;
    let members = (0..honest)
        .filter(|&i| i != top)
        .filter_map(|i| Some((cx.name(i).to_owned(), cx.diff(top, i, Metric::F1)?)))
        .collect();
    let top_name = cx.name(top).to_owned();
    let f = out.push(every(
        "best-f1",
        |closest| {
            format!(
                "{} F1 is above every other method's ({closest} the closest)",
                possessive(&top_name)
            )
        },
        members,
        Rope::score(),
        Direction::Greater,
    ))?;
    f.holds().then_some(top_name)
}

/// The claims issue 12 cites by id.
fn claims(cx: &Ctx, fold_labels: &[Vec<usize>], out: &mut Findings) {
    let smote = cx.name(SMOTE).to_owned();
    if let Some(e) = cx.diff(SMOTE, NONE, Metric::Recall) {
        out.push(Finding::new(
            "smote-raises-recall",
            format!("{smote} raises recall over no correction"),
            e,
            Rope::score(),
            Direction::Greater,
        ));
    }
    let auc: Vec<(String, Effect)> = SUPERVISED
        .iter()
        .filter_map(|&i| Some((cx.name(i).to_owned(), cx.diff(i, NONE, Metric::RocAuc)?)))
        .collect();
    out.push(every(
        "corrections-keep-auc",
        |m| {
            format!(
                "every correction keeps ROC-AUC within ±0.01 of no correction's ({m} the furthest)"
            )
        },
        auc,
        Rope::score(),
        Direction::Equivalent,
    ));
    let all: Vec<usize> = fold_labels.iter().flatten().copied().collect();
    let prior_brier = no_skill(Metric::Brier, &all);
    let brier: Vec<(String, Effect)> = PRIOR_CHANGING
        .iter()
        .filter_map(|&i| {
            let e = cx.diff(i, NONE, Metric::Brier)?;
            let method = format!("{}; ROPE ±1% of the prior's Brier score", e.method);
            Some((cx.name(i).to_owned(), e.described(method)))
        })
        .collect();
    out.push(every(
        "corrections-hurt-calibration",
        |m| {
            format!(
                "every correction that changes the training prior (resampling, class weights) \
                 raises the Brier score over no correction's ({m} the least)"
            )
        },
        brier,
        Rope::relative(prior_brier),
        Direction::Greater,
    ));
    if let Some(e) = cx.diff(THRESHOLD, SMOTE, Metric::F1) {
        out.push(Finding::new(
            "threshold-matches-resampling",
            format!("threshold moving's F1 is within ±0.01 of {smote}'s"),
            e,
            Rope::score(),
            Direction::Equivalent,
        ));
    }
    let leaky = cx.methods.len().checked_sub(1).filter(|&i| i >= HONEST);
    if let Some(e) = leaky.and_then(|l| cx.diff(l, SMOTE, Metric::F1)) {
        let method = format!("{} (the leaky folds hold synthetic rows too)", e.method);
        out.push(Finding::new(
            "leaky-smote-inflates",
            format!("{smote} before the split scores a higher F1 than {smote} inside the training folds"),
            e.described(method),
            Rope::score(),
            Direction::Greater,
        ));
    }
}

/// Each honest method's F1 against always predicting positive on the same test fold.
fn no_skill_findings(cx: &Ctx, fold_labels: &[Vec<usize>], out: &mut Findings) {
    let baseline: Vec<f64> = fold_labels
        .iter()
        .map(|y| no_skill(Metric::F1, y))
        .collect();
    for (i, m) in cx.methods.iter().enumerate().take(HONEST) {
        let Some(f1) = column(m, Metric::F1) else {
            continue;
        };
        let e = fold_difference(&f1, &baseline, cx.folds, cx.design);
        out.push(Finding::new(
            &format!("f1-{}-above-no-skill", slug(&m.method)),
            format!(
                "{} F1 is above the no-skill F1 (always predicting positive)",
                possessive(cx.name(i))
            ),
            e,
            Rope::score(),
            Direction::Greater,
        ));
    }
}

/// The numbers in words (no judgement), then the sentences of the findings that answer the
/// question: what is ahead, the claims, and every score not above its no-skill baseline.
pub fn read(
    methods: &[MethodScores],
    baselines: &BTreeMap<&'static str, f64>,
    findings: &Findings,
) -> String {
    let mean = |m: Option<&MethodScores>, k: &str| {
        m.and_then(|m| m.scores.as_ref())
            .and_then(|s| s.get(k))
            .map_or(f64::NAN, |s| s.mean)
    };
    let base = |k: &str| baselines.get(k).copied().unwrap_or(f64::NAN);
    let none = methods.first();
    let mut text = format!(
        "With no correction the model scores F1 {} (no skill, always positive: {}) and \
         ROC-AUC {} (no skill: {}); {} before the split scores F1 {}.",
        evidence::number(mean(none, "f1")),
        evidence::number(base("f1")),
        evidence::number(mean(none, "roc_auc")),
        evidence::number(base("roc_auc")),
        methods.get(SMOTE).map_or("SMOTE", |m| m.method.as_str()),
        evidence::number(mean(methods.get(HONEST), "f1")),
    );
    let s = findings.as_slice();
    let pick = |f: &&Finding| {
        f.id == "best-f1"
            || f.id.ends_with("-vs-none") && f.id.starts_with("f1-")
            || [
                "smote-raises-recall",
                "corrections-keep-auc",
                "corrections-hurt-calibration",
                "threshold-matches-resampling",
                "leaky-smote-inflates",
            ]
            .contains(&f.id.as_str())
            || f.id.ends_with("-above-no-skill") && !f.holds()
    };
    let chosen: Vec<Finding> = s.iter().filter(pick).cloned().collect();
    text.push(' ');
    text.push_str(&evidence::reading(&chosen));
    text
}
