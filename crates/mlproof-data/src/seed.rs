//! The seed policy.
//!
//! A command takes one `--seed`. Every random stream in mlproof derives its own seed from
//! it, a stream *name* (`"holdout"`, `"smote"`, …) and an *index* (fold, round, grid point),
//! so a stream's numbers never depend on which thread ran it or in what order: the same
//! command prints the same bytes at any thread count.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The seed used when the user gives none.
pub const DEFAULT_SEED: u64 = 42;

/// The generator every stream uses: ChaCha8, portable and reproducible across platforms.
pub type Rng = ChaCha8Rng;

/// Derives the seed of stream `(name, index)` from the command's seed.
///
/// FNV-1a of the name, mixed with the seed and index by SplitMix64's finaliser
/// (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
pub fn derive(seed: u64, name: &str, index: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut z = splitmix(seed ^ splitmix(h ^ splitmix(index)));
    z ^= z >> 31;
    z
}

/// A generator for stream `(name, index)` under `seed`.
pub fn rng(seed: u64, name: &str, index: u64) -> Rng {
    Rng::seed_from_u64(derive(seed, name, index))
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A standard normal draw by the Box–Muller transform (Box & Muller, 1958).
pub fn standard_normal(rng: &mut Rng) -> f64 {
    use rand::Rng as _;
    // u1 in (0, 1] so the logarithm is finite.
    let u1: f64 = 1.0 - rng.gen::<f64>();
    let u2: f64 = rng.gen::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Fisher–Yates shuffle of `0..n` (Knuth, TAOCP vol. 2, Algorithm P).
pub fn permutation(rng: &mut Rng, n: usize) -> Vec<usize> {
    use rand::seq::SliceRandom;
    let mut idx: Vec<usize> = (0..n).collect();
    idx.shuffle(rng);
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_by_name_and_index_but_repeat_exactly() {
        assert_eq!(derive(7, "smote", 3), derive(7, "smote", 3));
        assert_ne!(derive(7, "smote", 3), derive(7, "smote", 4));
        assert_ne!(derive(7, "smote", 3), derive(7, "holdout", 3));
        assert_ne!(derive(7, "smote", 3), derive(8, "smote", 3));
    }

    #[test]
    fn standard_normal_has_unit_moments() {
        let mut r = rng(1, "test", 0);
        let xs: Vec<f64> = (0..200_000).map(|_| standard_normal(&mut r)).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!((var - 1.0).abs() < 0.01, "var {var}");
    }
}
