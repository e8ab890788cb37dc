//! The two-sample Kolmogorov–Smirnov test, as `scipy.stats.ks_2samp` (SciPy 1.17,
//! `alternative="two-sided"`, `method="auto"`) computes it.
//!
//! The statistic is D = supₓ |F_ref(x) − F_cur(x)| over the pooled values. The p-value is
//! exact when both samples have at most [`MAX_EXACT_N`] rows: with g = gcd(n, m) and
//! h = round(D·lcm(n, m)), P(D ≥ h / lcm) is the share of lattice paths from (0, 0) to (n, m)
//! that leave the band |x/n − y/m| < h / lcm (Hodges 1958, "The significance probability of
//! the Smirnov two-sample test", Arkiv för Matematik 3; computed as 1 − p directly by
//! Viehmann's recursion, arXiv:2102.08037, and for n = m by the alternating sum of binomial
//! ratios). SciPy then reports D = h / lcm. Otherwise (or if the exact computation fails)
//! the p-value is asymptotic: the one-sample Kolmogorov distribution's survival function at D
//! with round(n·m / (n + m)) rows ([`super::kolmogorov::kstwo_sf`]).

use serde::Serialize;

use super::kolmogorov::kstwo_sf;

/// Larger samples than this get the asymptotic p-value (SciPy's `MAX_AUTO_N`).
pub const MAX_EXACT_N: usize = 10_000;

/// Which p-value was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KsMethod {
    Exact,
    Asymp,
}

/// The statistic and its two-sided p-value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KsTest {
    pub statistic: f64,
    pub pvalue: f64,
    pub method: KsMethod,
}

/// The two-sided two-sample KS test of `a` against `b` (neither empty).
pub fn ks_2samp(a: &[f64], b: &[f64]) -> KsTest {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_by(f64::total_cmp);
    b.sort_by(f64::total_cmp);
    let (n1, n2) = (a.len(), b.len());
    let mut d = statistic(&a, &b);
    let mut method = if n1.max(n2) <= MAX_EXACT_N {
        KsMethod::Exact
    } else {
        KsMethod::Asymp
    };
    let mut pvalue = f64::NAN;
    if method == KsMethod::Exact {
        let g = gcd(n1, n2);
        let lcm = (n1 / g) as f64 * n2 as f64;
        let h = (d * lcm).round_ties_even() as u64;
        d = h as f64 / lcm;
        pvalue = if h == 0 {
            1.0
        } else if n1 == n2 {
            prob_outside_square(n1 as u64, h)
        } else {
            outer_prob_inside(n1 as u64, n2 as u64, g as u64, h)
        };
        if !(0.0..=1.0).contains(&pvalue) {
            method = KsMethod::Asymp;
        }
    }
    if method == KsMethod::Asymp {
        let (m, n) = (n1.max(n2) as f64, n1.min(n2) as f64);
        let en = (m * n / (m + n)).round_ties_even();
        pvalue = kstwo_sf(en as u64, d);
    }
    KsTest {
        statistic: d,
        pvalue: pvalue.clamp(0.0, 1.0),
        method,
    }
}

/// max over the pooled values of |F_a − F_b|, each ECDF evaluated right-continuously as
/// `searchsorted(side="right") / n`.
fn statistic(a: &[f64], b: &[f64]) -> f64 {
    let (n1, n2) = (a.len() as f64, b.len() as f64);
    let (mut max_s, mut min_s) = (f64::NEG_INFINITY, f64::INFINITY);
    for x in a.iter().chain(b) {
        let diff =
            a.partition_point(|v| v <= x) as f64 / n1 - b.partition_point(|v| v <= x) as f64 / n2;
        max_s = max_s.max(diff);
        min_s = min_s.min(diff);
    }
    let min_s = (-min_s).clamp(0.0, 1.0);
    if min_s > max_s {
        min_s
    } else {
        max_s
    }
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// P(D_{n,n} ≥ h/n) = 2·Σₖ (−1)^(k+1)·C(2n, n − kh)/C(2n, n), evaluated as a Horner-like
/// product of ratios to avoid cancellation.
fn prob_outside_square(n: u64, h: u64) -> f64 {
    let (nf, hf) = (n as f64, h as f64);
    let mut p = 0.0;
    let mut k = n / h;
    loop {
        let kf = k as f64;
        let mut p1 = 1.0;
        for j in 0..h {
            let jf = j as f64;
            p1 = (nf - kf * hf - jf) * p1 / (nf + kf * hf + jf + 1.0);
        }
        p = p1 * (1.0 - p);
        if k == 0 {
            break;
        }
        k -= 1;
    }
    2.0 * p
}

/// 1 − (paths from (0, 0) to (m, n) staying strictly inside |x·n/g − y·m/g| < h) / C(m+n, n),
/// one column of the lattice at a time, each entry kept as a probability (Viehmann 2021).
fn outer_prob_inside(m: u64, n: u64, g: u64, h: u64) -> f64 {
    let (m, n) = if m < n { (n, m) } else { (m, n) };
    let (mg, ng) = (m / g, n / g);
    let (m, n, mg, ng, h) = (m as i64, n as i64, mg as i64, ng as i64, h as i64);
    let mut minj: i64 = 0;
    let mut maxj: i64 = ((h as f64 / mg as f64).ceil() as i64).min(n + 1);
    let mut curlen = maxj - minj;
    let len_a = (2 * maxj + 2).min(n + 1) as usize;
    let mut a = vec![1.0f64; len_a.max(1)];
    for v in a.iter_mut().take(maxj as usize) {
        *v = 0.0;
    }
    for i in 1..=m {
        let (lastminj, lastlen) = (minj, curlen);
        minj = ((((ng * i - h) as f64) / mg as f64).floor() as i64 + 1).max(0);
        minj = minj.min(n);
        maxj = ((((ng * i + h) as f64) / mg as f64).ceil() as i64).min(n + 1);
        if maxj <= minj {
            return 1.0;
        }
        let mut val = if minj == 0 { 0.0 } else { 1.0 };
        for jj in 0..(maxj - minj) {
            let j = jj + minj;
            let from = (jj + minj - lastminj) as usize;
            let prev = a.get(from).copied().unwrap_or(1.0);
            val = (prev * i as f64 + val * j as f64) / (i + j) as f64;
            if let Some(slot) = a.get_mut(jj as usize) {
                *slot = val;
            }
        }
        curlen = maxj - minj;
        if lastlen > curlen {
            let start = (maxj - minj) as usize;
            let end = (start + (lastlen - curlen) as usize).min(a.len());
            for v in a.iter_mut().take(end).skip(start) {
                *v = 1.0;
            }
        }
    }
    a.get((maxj - minj - 1) as usize)
        .copied()
        .unwrap_or(f64::NAN)
}
