use ndarray::{Array1, Array2};
use rand::Rng as _;

use crate::dataset::{Dataset, Origin, Target};
use crate::seed::{self, standard_normal};

/// An imbalanced binary problem whose feature roles are known.
///
/// * informative `inf_j` = N(0, 1) + y·δⱼ with δⱼ = ±`class_sep` (alternating signs);
/// * redundant `red_j` = a fixed random combination Σ wₖ·inf_k, wₖ ~ U(−1, 1), no noise
///   (as in scikit-learn's `make_classification`);
/// * correlated twins `twin_j` = inf_j + N(0, `twin_noise`²): corr ≈ 1/√(1 + σ²) with inf_j;
/// * noise `noise_j` ~ N(0, 1), independent of y.
///
/// Exactly round(n·`positive_fraction`) rows are positive before a fraction `label_noise`
/// of labels is flipped at random.
#[derive(Debug, Clone)]
pub struct ImbalancedSpec {
    pub n_samples: usize,
    pub positive_fraction: f64,
    pub n_informative: usize,
    pub n_redundant: usize,
    pub n_twins: usize,
    pub n_noise: usize,
    pub class_sep: f64,
    pub twin_noise: f64,
    pub label_noise: f64,
}

impl Default for ImbalancedSpec {
    fn default() -> Self {
        ImbalancedSpec {
            n_samples: 2000,
            positive_fraction: 0.05,
            n_informative: 4,
            n_redundant: 2,
            n_twins: 2,
            n_noise: 12,
            class_sep: 1.0,
            twin_noise: 0.2,
            label_noise: 0.01,
        }
    }
}

impl ImbalancedSpec {
    pub fn n_features(&self) -> usize {
        self.n_informative + self.n_redundant + self.n_twins + self.n_noise
    }
}

pub fn imbalanced(spec: &ImbalancedSpec, seed: u64) -> Dataset {
    let n = spec.n_samples;
    let mut rng = seed::rng(seed, "generate/imbalanced", 0);
    let n_pos = (n as f64 * spec.positive_fraction).round() as usize;
    let mut y = vec![0usize; n];
    for &i in &seed::permutation(&mut rng, n)[..n_pos] {
        y[i] = 1;
    }
    let n_inf = spec.n_informative.max(1);
    let delta: Vec<f64> = (0..n_inf)
        .map(|j| {
            if j % 2 == 0 {
                spec.class_sep
            } else {
                -spec.class_sep
            }
        })
        .collect();
    let weights: Vec<Vec<f64>> = (0..spec.n_redundant)
        .map(|_| (0..n_inf).map(|_| rng.gen_range(-1.0..1.0)).collect())
        .collect();

    let mut names = Vec::new();
    names.extend((1..=n_inf).map(|j| format!("inf_{j}")));
    names.extend((1..=spec.n_redundant).map(|j| format!("red_{j}")));
    names.extend((1..=spec.n_twins).map(|j| format!("twin_{}", (j - 1) % n_inf + 1)));
    names.extend((1..=spec.n_noise).map(|j| format!("noise_{j}")));
    let mut x = Array2::zeros((n, names.len()));
    for (i, mut row) in x.rows_mut().into_iter().enumerate() {
        let inf: Vec<f64> = (0..n_inf)
            .map(|j| standard_normal(&mut rng) + y[i] as f64 * delta[j])
            .collect();
        let mut values = inf.clone();
        values.extend(
            weights
                .iter()
                .map(|w| w.iter().zip(&inf).map(|(a, b)| a * b).sum::<f64>()),
        );
        values.extend(
            (0..spec.n_twins).map(|j| inf[j % n_inf] + spec.twin_noise * standard_normal(&mut rng)),
        );
        values.extend((0..spec.n_noise).map(|_| standard_normal(&mut rng)));
        row.assign(&Array1::from(values));
    }
    for label in y.iter_mut() {
        if rng.gen::<f64>() < spec.label_noise {
            *label = 1 - *label;
        }
    }
    Dataset {
        name: "synth-imbalanced".into(),
        origin: Origin::Generated {
            truth: format!(
                "positives shifted by ±{} on inf_*, red_* = combinations of inf_*, twin_j = inf_j + N(0, {}²), \
                 noise_* independent; {:.0}% labels flipped",
                spec.class_sep,
                spec.twin_noise,
                spec.label_noise * 100.0
            ),
        },
        features: x,
        feature_kinds: super::numeric_kinds(names.len()),
        feature_names: names,
        target_name: "class".into(),
        target: Target::Classes { y: Array1::from(y), classes: vec!["0".into(), "1".into()], positive: 1 },
        time: None,
        positive_named: false,
        dropped: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
