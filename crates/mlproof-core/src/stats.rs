//! Summaries of repeated measurements (folds, rounds).

use serde::Serialize;

/// Mean, sample standard deviation and a 95% Student-t interval for the mean.
///
/// Across cross-validation folds the training sets overlap, so fold scores are not
/// independent and this interval is too narrow (Bengio & Grandvalet, "No unbiased estimator
/// of the variance of k-fold cross-validation", JMLR 2004); it is reported as the
/// conventional summary, not as a guarantee.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub mean: f64,
    /// Sample standard deviation (n − 1); 0 for a single value.
    pub std: f64,
    pub ci95_low: f64,
    pub ci95_high: f64,
    pub n: usize,
}

impl Summary {
    /// Summarises `values`, ignoring NaN (an undefined fold score) and counting the rest.
    pub fn of(values: &[f64]) -> Summary {
        let v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
        let n = v.len();
        if n == 0 {
            return Summary {
                mean: f64::NAN,
                std: f64::NAN,
                ci95_low: f64::NAN,
                ci95_high: f64::NAN,
                n,
            };
        }
        let mean = v.iter().sum::<f64>() / n as f64;
        let std = if n > 1 {
            (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt()
        } else {
            0.0
        };
        let half = if n > 1 {
            t_975(n - 1) * std / (n as f64).sqrt()
        } else {
            0.0
        };
        Summary {
            mean,
            std,
            ci95_low: mean - half,
            ci95_high: mean + half,
            n,
        }
    }
}

/// The one-standard-error choice over a sweep (see [`one_standard_error`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OneSe {
    /// Index of the best mean.
    pub best: usize,
    /// Index of the simplest point within one standard error of the best.
    pub choice: usize,
    /// The best point's standard error, std/√n.
    pub se: f64,
    /// The cut-off a point's mean had to reach: best − SE (best + SE for a loss).
    pub threshold: f64,
}

/// The one-standard-error rule (Breiman, Friedman, Olshen & Stone 1984, §3.4.3; Hastie,
/// Tibshirani & Friedman 2009, §7.10): SE = std/√n of the best point; the choice is the
/// simplest point whose mean is at least best − SE (at most best + SE when lower is better),
/// searched over **all** points, not only an unbroken band around the best.
///
/// `points[i]` are summaries in order of complexity: index 0 is the simplest when
/// `simplest_first`, the last otherwise (a pruning path ordered by growing α). NaN means are
/// skipped; `None` when none is defined.
pub fn one_standard_error(
    points: &[Summary],
    higher_is_better: bool,
    simplest_first: bool,
) -> Option<OneSe> {
    let sign = if higher_is_better { 1.0 } else { -1.0 };
    let n = points.len();
    // Indices from simplest to most complex.
    let order: Vec<usize> = if simplest_first {
        (0..n).collect()
    } else {
        (0..n).rev().collect()
    };
    let defined = || order.iter().copied().filter(|&i| !points[i].mean.is_nan());
    // The best; ties go to the simpler point.
    let best = defined().fold(None, |acc: Option<usize>, i| match acc {
        Some(b) if sign * points[i].mean <= sign * points[b].mean => Some(b),
        _ => Some(i),
    })?;
    let p = points[best];
    let se = if p.n > 0 {
        p.std / (p.n as f64).sqrt()
    } else {
        0.0
    };
    let threshold = p.mean - sign * se;
    let choice = defined().find(|&i| sign * (points[i].mean - threshold) >= 0.0)?;
    Some(OneSe {
        best,
        choice,
        se,
        threshold,
    })
}

/// Σ values as NumPy's `np.sum` adds a contiguous float64 array: pairwise summation
/// (Higham, "The accuracy of floating point summation", SIAM J. Sci. Comput. 1993) with
/// NumPy's blocking — under 8 values a plain loop; up to 128, eight interleaved partial sums
/// combined as ((s₀+s₁)+(s₂+s₃))+((s₄+s₅)+(s₆+s₇)) and the remainder added in order; above
/// 128, the two halves (the first a multiple of 8 long) summed recursively.
///
/// Where a reference rounds a share to an integer (ADASYN's `np.rint(ratio · n)`), a share
/// exactly at ½ in exact arithmetic lands on either side by the last bit of this sum.
pub fn pairwise_sum(values: &[f64]) -> f64 {
    let n = values.len();
    if n < 8 {
        values.iter().fold(0.0, |acc, v| acc + v)
    } else if n <= 128 {
        let mut r = [0.0f64; 8];
        r.copy_from_slice(&values[..8]);
        let whole = n - n % 8;
        for block in values[8..whole].chunks_exact(8) {
            for (acc, v) in r.iter_mut().zip(block) {
                *acc += v;
            }
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for v in &values[whole..] {
            res += v;
        }
        res
    } else {
        let half = n / 2;
        let half = half - half % 8;
        pairwise_sum(&values[..half]) + pairwise_sum(&values[half..])
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom (tabulated to df = 30,
/// then the normal 1.96 with a 1/df correction).
pub fn t_975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::NAN,
        1..=30 => TABLE[df - 1],
        _ => 1.959_964 + 2.4 / df as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_sum_follows_numpys_order() {
        // 57 difficulty shares r = count / 5 (breast cancer's ADASYN counts, grouped):
        // NumPy 2.4.6's np.sum gives 29.200000000000003, a running sum 29.20000000000001.
        let counts: Vec<f64> = [
            vec![0.2; 20],
            vec![0.4; 13],
            vec![0.6; 5],
            vec![0.8; 10],
            vec![1.0; 9],
        ]
        .concat();
        let running: f64 = counts.iter().sum();
        let pairwise = pairwise_sum(&counts);
        assert_eq!(pairwise, 29.200000000000003);
        assert_eq!(running, 29.20000000000001);
        assert_eq!(pairwise_sum(&[1.0, 2.0, 3.0]), 6.0);
        // Exact on integers at every size and branch (< 8, ≤ 128, recursive).
        for n in [0usize, 7, 8, 9, 128, 129, 1000] {
            let v: Vec<f64> = (0..n).map(|i| i as f64).collect();
            assert_eq!(
                pairwise_sum(&v),
                (n * n.max(1).saturating_sub(1) / 2) as f64
            );
        }
    }

    #[test]
    fn summary_of_known_values() {
        let s = Summary::of(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(s.mean, 3.0);
        assert!((s.std - 2.5f64.sqrt()).abs() < 1e-12);
        // t(4) = 2.776: half-width 2.776 · 1.5811 / 2.2361 = 1.9629
        assert!((s.ci95_high - 3.0 - 2.776 * 2.5f64.sqrt() / 5f64.sqrt()).abs() < 1e-12);
        assert_eq!(Summary::of(&[f64::NAN, 2.0]).n, 1);
    }

    fn point(mean: f64, std: f64) -> Summary {
        Summary {
            mean,
            std,
            ci95_low: f64::NAN,
            ci95_high: f64::NAN,
            n: 4,
        }
    }

    #[test]
    fn one_se_searches_every_point_not_an_unbroken_band() {
        // best 0.80 ± 0.10/√4 = 0.05: point 0 (0.76) qualifies though point 1 (0.70) does not.
        let pts = [
            point(0.76, 0.1),
            point(0.70, 0.1),
            point(0.80, 0.1),
            point(0.78, 0.1),
        ];
        let r = one_standard_error(&pts, true, true).unwrap();
        assert_eq!((r.best, r.choice), (2, 0));
        assert!((r.se - 0.05).abs() < 1e-15 && (r.threshold - 0.75).abs() < 1e-15);
        // A loss, simplest last (a pruning path): the largest qualifying index wins.
        let loss = [
            point(0.10, 0.06),
            point(0.12, 0.0),
            point(0.13, 0.0),
            point(0.30, 0.0),
        ];
        let r = one_standard_error(&loss, false, false).unwrap();
        assert_eq!((r.best, r.choice), (0, 2));
    }
}
