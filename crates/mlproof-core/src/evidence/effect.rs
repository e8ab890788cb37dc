//! Effects with their intervals, each from the test that fits its design.

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// An estimated effect, its interval at `level`, and how the interval was obtained.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    pub estimate: f64,
    pub interval: [f64; 2],
    pub level: f64,
    pub method: String,
    /// What was resampled, as a reading names it when the interval cannot decide.
    pub sample: &'static str,
}

/// The default coverage of every interval.
pub const LEVEL: f64 = 0.95;

impl Effect {
    /// An effect computed without sampling: its interval is the point (lower = upper).
    pub fn exact(value: f64, method: impl Into<String>) -> Effect {
        Effect {
            estimate: value,
            interval: [value, value],
            level: 1.0,
            method: method.into(),
            sample: "rows",
        }
    }

    /// Paired differences over (repeated) cross-validation folds, with the Nadeau–Bengio
    /// corrected resampled t: mean d̄ of the J differences, variance σ̂²·(1/J + n_test/n_train),
    /// Student t with J − 1 degrees of freedom (Nadeau & Bengio 2003, "Inference for the
    /// generalization error", Machine Learning 52; the correction scikit-learn's
    /// `plot_grid_search_stats` example applies). `test_over_train` is n_test / n_train of
    /// one fold. Fewer than two differences give an undefined interval.
    pub fn corrected_resampled_t(diffs: &[f64], test_over_train: f64, design: &str) -> Effect {
        let (mean, var, j) = mean_var(diffs);
        let se = (var * (1.0 / j as f64 + test_over_train)).sqrt();
        Effect {
            estimate: mean,
            interval: t_interval(mean, se, j.saturating_sub(1), LEVEL),
            level: LEVEL,
            method: format!("corrected resampled t over {j} paired {design}"),
            sample: "folds",
        }
    }

    /// The mean of independent replicates (fresh training sets, independent draws) with a
    /// Student t interval: d̄ ± t(n − 1)·s/√n.
    pub fn student_t(values: &[f64], what: &str) -> Effect {
        let (mean, var, n) = mean_var(values);
        let se = (var / n as f64).sqrt();
        Effect {
            estimate: mean,
            interval: t_interval(mean, se, n.saturating_sub(1), LEVEL),
            level: LEVEL,
            method: format!("Student t over {n} independent {what}"),
            sample: "rounds",
        }
    }

    /// A bootstrap percentile interval (Efron & Tibshirani 1993, ch. 13) around a statistic
    /// computed once on all data. Percentiles interpolate linearly, as `numpy.percentile`.
    /// When the estimate falls outside the percentiles (a skewed statistic) the interval is
    /// widened to include it, which is conservative for every direction of the rule.
    pub fn bootstrap_percentile(estimate: f64, replicates: &[f64], what: &str) -> Effect {
        let mut r: Vec<f64> = replicates
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        r.sort_by(f64::total_cmp);
        let tail = (1.0 - LEVEL) / 2.0;
        let (lo, hi) = (percentile(&r, tail), percentile(&r, 1.0 - tail));
        Effect {
            estimate,
            interval: [lo.min(estimate), hi.max(estimate)],
            level: LEVEL,
            method: format!("bootstrap percentile over {} {what}", r.len()),
            sample: "resamples",
        }
    }

    /// A proportion `successes / n` with the Wilson score interval (Wilson 1927).
    pub fn wilson(successes: usize, n: usize, what: &str) -> Effect {
        let z = normal_quantile(1.0 - (1.0 - LEVEL) / 2.0);
        let (k, n_f) = (successes as f64, n as f64);
        let p = k / n_f;
        let centre = (p + z * z / (2.0 * n_f)) / (1.0 + z * z / n_f);
        let half =
            z / (1.0 + z * z / n_f) * (p * (1.0 - p) / n_f + z * z / (4.0 * n_f * n_f)).sqrt();
        Effect {
            estimate: p,
            interval: [
                (centre - half).max(0.0).min(p),
                (centre + half).min(1.0).max(p),
            ],
            level: LEVEL,
            method: format!("Wilson score interval, {successes} of {n} {what}"),
            sample: "rows",
        }
    }

    /// The difference in accuracy of two models scored on the same n test rows, from the
    /// discordant pairs of McNemar's table: b rows only the first gets right, c only the
    /// second. Estimate (b − c)/n, Wald interval with variance ((b + c) − (b − c)²/n)/n²
    /// (Agresti 2013, §10.1).
    pub fn paired_proportions(b: usize, c: usize, n: usize) -> Effect {
        let (b_f, c_f, n_f) = (b as f64, c as f64, n as f64);
        let d = (b_f - c_f) / n_f;
        let se = ((b_f + c_f) - (b_f - c_f).powi(2) / n_f).max(0.0).sqrt() / n_f;
        let z = normal_quantile(1.0 - (1.0 - LEVEL) / 2.0);
        Effect {
            estimate: d,
            interval: [d - z * se, d + z * se],
            level: LEVEL,
            method: format!("paired proportions (McNemar's table: {b} vs {c} discordant of {n} rows), Wald interval"),
            sample: "test rows",
        }
    }

    /// The difference of the means of two independent samples, mean(a) − mean(b), with
    /// Welch's t interval (unequal variances; Welch–Satterthwaite degrees of freedom).
    pub fn welch(a: &[f64], b: &[f64], what: &str) -> Effect {
        let (ma, va, na) = mean_var(a);
        let (mb, vb, nb) = mean_var(b);
        let (sa, sb) = (va / na as f64, vb / nb as f64);
        let se = (sa + sb).sqrt();
        let df =
            (sa + sb).powi(2) / (sa.powi(2) / (na as f64 - 1.0) + sb.powi(2) / (nb as f64 - 1.0));
        let d = ma - mb;
        let interval = if se == 0.0 {
            [d, d]
        } else if df.is_finite() && df > 0.0 {
            let t = StudentsT::new(0.0, 1.0, df)
                .map(|t| t.inverse_cdf(1.0 - (1.0 - LEVEL) / 2.0))
                .unwrap_or(f64::NAN);
            [d - t * se, d + t * se]
        } else {
            [f64::NAN, f64::NAN]
        };
        Effect {
            estimate: d,
            interval,
            level: LEVEL,
            method: format!("Welch t over {na} and {nb} independent {what}"),
            sample: "folds",
        }
    }

    /// The difference of two proportions k₁/n₁ − k₂/n₂ with Newcombe's hybrid score interval
    /// (Newcombe 1998, "Interval estimation for the difference between independent
    /// proportions", Statistics in Medicine 17, method 10), built from the two Wilson
    /// intervals. For proportions measured on the same resamples it ignores the pairing,
    /// which widens the interval when the two agree more than chance.
    pub fn two_proportions(k1: usize, n1: usize, k2: usize, n2: usize, what: &str) -> Effect {
        let a = Effect::wilson(k1, n1, what);
        let b = Effect::wilson(k2, n2, what);
        let (p1, p2) = (a.estimate, b.estimate);
        let d = p1 - p2;
        let lo = d - ((p1 - a.interval[0]).powi(2) + (b.interval[1] - p2).powi(2)).sqrt();
        let hi = d + ((a.interval[1] - p1).powi(2) + (p2 - b.interval[0]).powi(2)).sqrt();
        Effect {
            estimate: d,
            interval: [lo, hi],
            level: LEVEL,
            method: format!("Newcombe's score interval for {k1}/{n1} − {k2}/{n2} {what}"),
            sample: "rows",
        }
    }

    /// The same effect with what was sampled named (the undecided sentence says "these
    /// {sample} cannot tell").
    pub fn over(mut self, sample: &'static str) -> Effect {
        self.sample = sample;
        self
    }

    /// The same effect with its method described in the caller's words.
    pub fn described(mut self, method: impl Into<String>) -> Effect {
        self.method = method.into();
        self
    }
}

fn mean_var(v: &[f64]) -> (f64, f64, usize) {
    let n = v.len();
    if n == 0 {
        return (f64::NAN, f64::NAN, 0);
    }
    let mean = v.iter().sum::<f64>() / n as f64;
    let var = if n > 1 {
        v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64
    } else {
        f64::NAN
    };
    (mean, var, n)
}

/// mean ± t(df)·se; a zero standard error gives the point itself.
fn t_interval(mean: f64, se: f64, df: usize, level: f64) -> [f64; 2] {
    if df == 0 || !se.is_finite() {
        return [f64::NAN, f64::NAN];
    }
    if se == 0.0 {
        return [mean, mean];
    }
    let half = t_quantile(1.0 - (1.0 - level) / 2.0, df) * se;
    [mean - half, mean + half]
}

/// The p-quantile of Student's t with `df` degrees of freedom.
pub fn t_quantile(p: f64, df: usize) -> f64 {
    StudentsT::new(0.0, 1.0, df as f64)
        .map(|t| t.inverse_cdf(p))
        .unwrap_or(f64::NAN)
}

/// The p-quantile of the standard normal.
pub fn normal_quantile(p: f64) -> f64 {
    Normal::standard().inverse_cdf(p)
}

/// The q-quantile of sorted values, linear between order statistics (NumPy's default).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        n => {
            let pos = q * (n - 1) as f64;
            let (i, frac) = (pos.floor() as usize, pos.fract());
            let next = sorted[(i + 1).min(n - 1)];
            sorted[i] + frac * (next - sorted[i])
        }
    }
}
