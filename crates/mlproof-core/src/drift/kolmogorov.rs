//! The distribution of the one-sample Kolmogorov statistic Dₙ = supₓ |Fₙ(x) − F(x)|, which
//! `scipy.stats.ks_2samp` uses for its asymptotic p-value (`scipy.stats.kstwo.sf`).
//!
//! The survival function follows Simard & L'Ecuyer (2011), "Computing the two-sided
//! Kolmogorov–Smirnov distribution", Journal of Statistical Software 39(11), as SciPy's
//! `_kolmogn` does: Ruben–Gambino closed forms near the ends, 2·P(Dₙ⁺ ≥ x) (the one-sided
//! Birnbaum–Tingey sum) where the two one-sided events are nearly disjoint, the Durbin matrix
//! (Marsaglia, Tsang & Wang 2003) for small n·x^1.5, and the Pelz–Good (1976) series
//! otherwise. Where SciPy uses Pomeranz's recursion (n ≤ 140, 0.754693 < n·x² ≤ 4) this uses
//! the Durbin matrix, which is exact as well.

use std::f64::consts::PI;

/// P(Dₙ ≥ x), i.e. `scipy.stats.kstwo.sf(x, n)`.
pub fn kstwo_sf(n: u64, x: f64) -> f64 {
    if n == 0 || x.is_nan() {
        return f64::NAN;
    }
    let nf = n as f64;
    if x >= 1.0 {
        return 0.0;
    }
    if x <= 0.0 {
        return 1.0;
    }
    let t = nf * x;
    if t <= 1.0 {
        if t <= 0.5 {
            return 1.0;
        }
        // n!/nⁿ·(2t − 1)ⁿ
        let log_p = ln_factorial(n) - nf * nf.ln() + nf * (2.0 * t - 1.0).ln();
        return (1.0 - log_p.exp()).clamp(0.0, 1.0);
    }
    if t >= nf - 1.0 {
        return (2.0 * (1.0 - x).powf(nf)).clamp(0.0, 1.0);
    }
    if x >= 0.5 {
        return (2.0 * smirnov(n, x)).clamp(0.0, 1.0);
    }
    let nx2 = t * x;
    if n <= 140 {
        if nx2 <= 4.0 {
            return (1.0 - durbin_cdf(n, x)).clamp(0.0, 1.0);
        }
        return (2.0 * smirnov(n, x)).clamp(0.0, 1.0);
    }
    if nx2 >= 370.0 {
        return 0.0;
    }
    if nx2 >= 2.2 {
        return (2.0 * smirnov(n, x)).clamp(0.0, 1.0);
    }
    let cdf = if nx2 >= 18.0 {
        1.0
    } else if n <= 100_000 && nf * x.powf(1.5) <= 1.4 {
        durbin_cdf(n, x)
    } else {
        pelz_good_cdf(n, x)
    };
    (1.0 - cdf).clamp(0.0, 1.0)
}

fn ln_factorial(n: u64) -> f64 {
    (1..=n).map(|i| (i as f64).ln()).sum()
}

/// P(Dₙ⁺ ≥ x) = x·Σ_{j=0}^{⌊n(1−x)⌋} C(n, j)·(x + j/n)^(j−1)·(1 − x − j/n)^(n−j)
/// (Birnbaum & Tingey 1951), each term in logarithms; for n > 10⁶, exp(−(6nx + 1)²/(18n)).
pub fn smirnov(n: u64, x: f64) -> f64 {
    let nf = n as f64;
    if x <= 0.0 {
        return 1.0;
    }
    if x >= 1.0 {
        return 0.0;
    }
    if n > 1_000_000 {
        return (-(6.0 * nf * x + 1.0).powi(2) / 18.0 / nf).exp();
    }
    let last = (nf * (1.0 - x)).floor() as u64;
    let mut ln_binom = 0.0;
    let mut sum = 0.0;
    for j in 0..=last.min(n) {
        let jf = j as f64;
        if j > 0 {
            ln_binom += ((nf - jf + 1.0) / jf).ln();
        }
        let rest = 1.0 - x - jf / nf;
        if rest <= 0.0 {
            continue;
        }
        let term = ln_binom + (jf - 1.0) * (x + jf / nf).ln() + (nf - jf) * rest.ln();
        sum += term.exp();
    }
    (x * sum).clamp(0.0, 1.0)
}

/// P(Dₙ < d) by Durbin's matrix: with d = (k − h)/n, the (k, k) entry of n!/nⁿ·Hⁿ for the
/// (2k − 1)-square matrix H of Marsaglia, Tsang & Wang (2003), with scaling to avoid
/// overflow.
fn durbin_cdf(n: u64, d: f64) -> f64 {
    let nd = n as f64 * d;
    if nd <= 0.5 {
        return 0.0;
    }
    let k = nd.ceil() as usize;
    let h = k as f64 - nd;
    let m = 2 * k - 1;
    let mut v: Vec<f64> = (1..=m).map(|j| 1.0 - h.powi(j as i32)).collect();
    let mut w = vec![0.0; m];
    let mut fac = 1.0;
    for j in 1..=m {
        w[j - 1] = fac;
        fac /= j as f64;
        v[j - 1] *= fac;
    }
    let tt = (2.0 * h - 1.0).max(0.0).powi(m as i32) - 2.0 * h.powi(m as i32);
    v[m - 1] = (1.0 + tt) * fac;
    let mut hm = vec![0.0; m * m];
    for i in 1..m {
        for r in (i - 1)..m {
            hm[r * m + i] = w[r - (i - 1)];
        }
    }
    for r in 0..m {
        hm[r * m] = v[r];
    }
    for c in 0..m {
        hm[(m - 1) * m + c] = v[m - 1 - c];
    }
    let scale = 2f64.powi(128);
    let mut power = identity(m);
    let (mut expnt, mut h_expnt) = (0i64, 0i64);
    let mut nn = n;
    while nn > 0 {
        if nn % 2 == 1 {
            power = matmul(&power, &hm, m);
            expnt += h_expnt;
        }
        hm = matmul(&hm, &hm, m);
        h_expnt *= 2;
        if hm[(k - 1) * m + (k - 1)].abs() > scale {
            hm.iter_mut().for_each(|x| *x /= scale);
            h_expnt += 128;
        }
        nn /= 2;
    }
    let mut p = power[(k - 1) * m + (k - 1)];
    let nf = n as f64;
    for i in 1..=n {
        p = i as f64 * p / nf;
        if p.abs() < 1.0 / scale {
            p *= scale;
            expnt -= 128;
        }
    }
    (p * 2f64.powi(expnt as i32)).clamp(0.0, 1.0)
}

fn identity(m: usize) -> Vec<f64> {
    let mut e = vec![0.0; m * m];
    (0..m).for_each(|i| e[i * m + i] = 1.0);
    e
}

fn matmul(a: &[f64], b: &[f64], m: usize) -> Vec<f64> {
    let mut c = vec![0.0; m * m];
    for i in 0..m {
        for l in 0..m {
            let x = a[i * m + l];
            if x != 0.0 {
                for j in 0..m {
                    c[i * m + j] += x * b[l * m + j];
                }
            }
        }
    }
    c
}

/// The Pelz–Good (1976) approximation of P(Dₙ ≤ x): K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^1.5
/// with z = x√n, each Kᵢ as a theta-function series suited to small z.
fn pelz_good_cdf(n: u64, x: f64) -> f64 {
    let nf = n as f64;
    let z = nf.sqrt() * x;
    let (z2, z3, z4, z6) = (z * z, z.powi(3), z.powi(4), z.powi(6));
    let (pi2, pi4, pi6) = (PI * PI, PI.powi(4), PI.powi(6));
    let qlog = -pi2 / 8.0 / z2;
    if qlog < -708.0 {
        return 0.0;
    }
    let q = qlog.exp();
    let (k1a, k1b) = (-z2, pi2 / 4.0);
    let k2a = 6.0 * z6 + 2.0 * z4;
    let k2b = (2.0 * z4 - 5.0 * z2) * pi2 / 4.0;
    let k2c = pi4 * (1.0 - 2.0 * z2) / 16.0;
    let k3d = pi6 * (5.0 - 30.0 * z2) / 64.0;
    let k3c = pi4 * (-60.0 * z2 + 212.0 * z4) / 16.0;
    let k3b = pi2 * (135.0 * z4 - 96.0 * z6) / 4.0;
    let k3a = -30.0 * z6 - 90.0 * z.powi(8);
    let mut k = [0.0f64; 4];
    let maxk = (16.0 * z / PI).ceil() as i64;
    for kk in (1..=maxk).rev() {
        let m = (2 * kk - 1) as f64;
        let (m2, m4, m6) = (m * m, m.powi(4), m.powi(6));
        let qp = q.powf(8.0 * kk as f64);
        let coeffs = [
            1.0,
            k1a + k1b * m2,
            k2a + k2b * m2 + k2c * m4,
            k3a + k3b * m2 + k3c * m4 + k3d * m6,
        ];
        for i in 0..4 {
            k[i] = k[i] * qp + coeffs[i];
        }
    }
    let sqrt2pi = (2.0 * PI).sqrt();
    let div = [z, 6.0 * z4, 72.0 * z.powi(7), 6480.0 * z.powi(10)];
    for i in 0..4 {
        k[i] = k[i] * q * sqrt2pi / div[i];
    }
    let q = (-pi2 / 2.0 / z2).exp();
    let sqrt3z = 3f64.sqrt() * z;
    let (mut k2extra, mut k3extra) = (0.0, 0.0);
    for kk in (1..=maxk).rev() {
        let kf = kk as f64;
        let qk = q.powf(kf * kf);
        k2extra += kf * kf * qk;
        k3extra += (sqrt3z + PI * kf) * (sqrt3z - PI * kf) * kf * kf * qk;
    }
    k[2] += k2extra * pi2 * sqrt2pi / (-36.0 * z3);
    k[3] += k3extra * pi2 * sqrt2pi / (216.0 * z6);
    (0..4).map(|i| k[i] / nf.powf(i as f64 / 2.0)).sum()
}
