//! Claims about penalised linear models: the lasso's sparsity, and its instability under
//! correlated twins (Zou & Hastie 2005, "Regularization and variable selection via the
//! elastic net", JRSS B 67).

use mlproof_core::evidence::{Direction, Effect, Rope};
use mlproof_core::Result;
use mlproof_linear::demo::instability::{instability, Instability, InstabilitySpec};
use mlproof_linear::{fit_path, PathOptions, Response};

use super::imbalance::design;
use super::{judged, Context, Outcome};

pub fn l1_sparse(ctx: &Context) -> Result<Outcome> {
    let d = design!(ctx);
    let response = Response::Binary(d.y.to_vec());
    let zeros = |l1_ratio: f64| -> Result<(usize, usize)> {
        let opts = PathOptions {
            seed: d.seed,
            ..PathOptions::new(l1_ratio)
        };
        let path = fit_path(&d.x, &response, &opts)?;
        let at = &path.points[path.best];
        Ok((at.coef.len() - at.n_nonzero, at.coef.len()))
    };
    let (lasso, p) = zeros(1.0)?;
    let (ridge, _) = zeros(0.0)?;
    Ok(judged(
        "l1-sparse",
        format!("at its min-CV α the L1 logistic regression zeroes more of the {p} coefficients than L2 does at its own"),
        Effect::exact(
            lasso as f64 - ridge as f64,
            format!("count of zero coefficients, L1 ({lasso}) minus L2 ({ridge}), at each path's min-CV α (5-fold)"),
        ),
        Rope::count(),
        Direction::Greater,
    ))
}

/// The twins demo at its defaults, seeded by the run.
fn twins(ctx: &Context) -> Result<Instability> {
    instability(
        &InstabilitySpec::default(),
        ctx.seed,
        &mlproof_core::progress::Silent,
    )
}

/// (resamples with exactly one twin kept, with both kept, total) for a penalty at min-CV α.
fn counts(r: &Instability, penalty: &str) -> (usize, usize, usize) {
    let rounds = r.spec.rounds as f64;
    r.rows
        .iter()
        .filter(|s| s.penalty == penalty && s.rule == "min CV")
        .fold((0, 0, 0), |(one, both, n), s| {
            let alone = ((s.only_first + s.only_second) * rounds).round() as usize;
            let kept = (s.both * rounds).round() as usize;
            (one + alone, both + kept, n + r.spec.rounds)
        })
}

pub fn l1_unstable_correlated(ctx: &Context) -> Result<Outcome> {
    let r = twins(ctx)?;
    let (alone, _, n) = counts(&r, "L1");
    Ok(judged(
        "l1-unstable-correlated",
        format!(
            "under twin features correlated at {}, the lasso at its min-CV α keeps one twin without the other in some bootstrap resamples",
            r.spec.correlation
        ),
        Effect::wilson(alone, n, "pair-resamples with one twin alone"),
        Rope { lo: 0.0, hi: 0.01 },
        Direction::Greater,
    ))
}

pub fn elastic_net_groups(ctx: &Context) -> Result<Outcome> {
    let r = twins(ctx)?;
    let (_, en_both, n) = counts(&r, "elastic net");
    let (_, l1_both, m) = counts(&r, "L1");
    Ok(judged(
        "elastic-net-groups",
        "the elastic net at its min-CV α keeps both twins in more bootstrap resamples than the lasso",
        Effect::two_proportions(en_both, n, l1_both, m, "pair-resamples keeping both twins")
            .over("resamples"),
        ctx.rope,
        Direction::Greater,
    ))
}
