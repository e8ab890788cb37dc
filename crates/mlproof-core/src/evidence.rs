//! Evidence: every verdict mlproof prints comes from a [`Finding`] — an estimated effect with
//! its interval, a region of practical equivalence (ROPE) and the direction the claim needs —
//! decided by one rule, [`decide`].
//!
//! The rule is the interval-and-ROPE decision of Kruschke (2018), "Rejecting or accepting
//! parameter values in Bayesian estimation", AMPPS 1(2); Benavoli, Corani, Demšar & Zaffalon
//! (2017), "Time for a change", JMLR 18, argue for it when comparing classifiers:
//!
//! | direction | holds | does not hold | otherwise |
//! |---|---|---|---|
//! | greater | lower > rope_hi | upper ≤ rope_hi | inconclusive |
//! | less | upper < rope_lo | lower ≥ rope_lo | inconclusive |
//! | equivalent | rope_lo ≤ lower and upper ≤ rope_hi | upper < rope_lo or lower > rope_hi | inconclusive |
//!
//! Intervals come from the test that fits the design ([`Effect`]): the Nadeau–Bengio
//! corrected resampled t over paired fold differences, a bootstrap percentile interval, a
//! Student t over independent replicates, Wilson for a proportion, a paired (McNemar) interval
//! for two models on one test set, or an exact interval where nothing was sampled.

mod effect;
mod rope;
#[cfg(test)]
mod tests;

pub use effect::Effect;
pub use rope::{Rope, SCORE_HALF_WIDTH};

use serde::Serialize;

/// The side of the ROPE a claim needs its effect on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The effect is above the ROPE (a real increase).
    Greater,
    /// The effect is below the ROPE (a real decrease).
    Less,
    /// The effect is inside the ROPE (no practical difference).
    Equivalent,
}

/// What the data say of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    #[serde(rename = "holds")]
    Holds,
    #[serde(rename = "does not hold")]
    DoesNotHold,
    #[serde(rename = "inconclusive")]
    Inconclusive,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::DoesNotHold => "does not hold",
            Verdict::Inconclusive => "inconclusive",
        }
    }
}

/// The decision rule (see the module documentation).
pub fn decide(direction: Direction, interval: [f64; 2], rope: Rope) -> Verdict {
    let [lo, hi] = interval;
    match direction {
        Direction::Greater if lo > rope.hi => Verdict::Holds,
        Direction::Greater if hi <= rope.hi => Verdict::DoesNotHold,
        Direction::Less if hi < rope.lo => Verdict::Holds,
        Direction::Less if lo >= rope.lo => Verdict::DoesNotHold,
        Direction::Equivalent if rope.lo <= lo && hi <= rope.hi => Verdict::Holds,
        Direction::Equivalent if hi < rope.lo || lo > rope.hi => Verdict::DoesNotHold,
        _ => Verdict::Inconclusive,
    }
}

/// One claim judged on data: `{id, statement, estimate, interval, level, rope, direction,
/// verdict, method}` in every report's `results.findings`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// A stable, kebab-case name (`depth-overfits`).
    pub id: String,
    /// The claim in words, as it reads when it holds.
    pub statement: String,
    pub estimate: f64,
    pub interval: [f64; 2],
    /// Coverage of the interval (1 for an exact one).
    pub level: f64,
    pub rope: [f64; 2],
    pub direction: Direction,
    pub verdict: Verdict,
    /// How the interval was computed, with the design (`corrected resampled t, 5 folds`).
    pub method: String,
    /// What was resampled ("folds", "rounds"): the sentence of an undecided finding says
    /// that these cannot tell.
    #[serde(skip)]
    sample: &'static str,
}

impl Finding {
    /// Judges `statement` on `effect` by the rule. `None` when the effect is undefined (NaN:
    /// a score no fold could compute), so a report never carries a verdict on nothing.
    pub fn new(
        id: &str,
        statement: impl Into<String>,
        effect: Effect,
        rope: Rope,
        direction: Direction,
    ) -> Option<Finding> {
        let [lo, hi] = effect.interval;
        if !(effect.estimate.is_finite() && lo.is_finite() && hi.is_finite()) {
            return None;
        }
        Some(Finding {
            id: id.to_owned(),
            statement: statement.into(),
            estimate: effect.estimate,
            interval: effect.interval,
            level: effect.level,
            rope: [rope.lo, rope.hi],
            direction,
            verdict: decide(direction, effect.interval, rope),
            method: effect.method,
            sample: effect.sample,
        })
    }

    pub fn holds(&self) -> bool {
        self.verdict == Verdict::Holds
    }

    /// The finding as one sentence: the statement, the verdict in words, the estimate with
    /// its interval, the ROPE and the method.
    pub fn sentence(&self) -> String {
        let verdict = match self.verdict {
            Verdict::Holds => "holds".to_string(),
            Verdict::DoesNotHold => "does not hold".to_string(),
            Verdict::Inconclusive => format!("these {} cannot tell", self.sample),
        };
        let numbers = if self.interval[0] == self.interval[1] {
            format!("{} exactly", number(self.estimate))
        } else {
            format!(
                "{}, {:.0}% interval {} to {}",
                number(self.estimate),
                100.0 * self.level,
                number(self.interval[0]),
                number(self.interval[1])
            )
        };
        format!(
            "{} — {verdict} ({numbers}; ROPE {}; {}).",
            capitalise(&self.statement),
            self.rope_text(),
            self.method
        )
    }

    /// The ROPE in words: `±0.01` when symmetric.
    pub fn rope_text(&self) -> String {
        let [lo, hi] = self.rope;
        if lo == -hi {
            format!("±{}", number(hi))
        } else {
            format!("{} to {}", number(lo), number(hi))
        }
    }
}

/// A reading: one sentence per finding, in order.
pub fn reading(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(Finding::sentence)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Collects findings, dropping undefined ones (see [`Finding::new`]).
#[derive(Debug, Default, Clone)]
pub struct Findings(Vec<Finding>);

impl Findings {
    pub fn push(&mut self, finding: Option<Finding>) -> Option<&Finding> {
        let f = finding?;
        self.0.push(f);
        self.0.last()
    }

    /// The finding with this id, if it was defined.
    pub fn get(&self, id: &str) -> Option<&Finding> {
        self.0.iter().find(|f| f.id == id)
    }

    pub fn as_slice(&self) -> &[Finding] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<Finding> {
        self.0
    }
}

/// A number as a sentence quotes it: four decimals, or three significant digits when small.
pub fn number(x: f64) -> String {
    if x == 0.0 || x.abs() >= 1e-3 && x.abs() < 1e6 {
        let s = format!("{x:.4}");
        if s == "-0.0000" {
            "0.0000".into()
        } else {
            s
        }
    } else {
        format!("{x:.2e}")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
