//! Cross-validation folds drawn as rows of characters, one row per fold, in the manner of
//! scikit-learn's "Visualizing cross-validation behavior" figure.

use mlproof_validation::Fold;

/// The widest bar; longer series are drawn in buckets of rows.
pub const BAR: usize = 64;

/// The most folds drawn (leave-one-out has one per row).
pub const MAX_ROWS: usize = 30;

/// Row roles, in the order a bucket shows them (a bucket with any test row shows test).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Unused,
    Train,
    Gap,
    Test,
}

fn glyph(r: Role) -> char {
    match r {
        Role::Test => '█',
        Role::Gap => '·',
        Role::Train => '░',
        Role::Unused => ' ',
    }
}

/// The chart: a row per fold, a class row when labels are given, and a legend.
pub fn chart(n: usize, folds: &[Fold], positive: Option<&[usize]>) -> Vec<String> {
    let width = n.clamp(1, BAR);
    let bucket = |i: usize| i * width / n.max(1);
    let mut lines = Vec::new();
    for (k, f) in folds.iter().enumerate().take(MAX_ROWS) {
        let mut roles = vec![Role::Unused; n];
        f.train.iter().for_each(|&i| roles[i] = Role::Train);
        f.test.iter().for_each(|&i| roles[i] = Role::Test);
        // Rows between the last training row and the first test row are a gap.
        if let (Some(&last_train), Some(&first_test)) = (f.train.last(), f.test.first()) {
            (last_train + 1..first_test).for_each(|i| roles[i] = Role::Gap.max(roles[i]));
        }
        let mut cells = vec![Role::Unused; width];
        for (i, r) in roles.iter().enumerate() {
            let c = &mut cells[bucket(i)];
            *c = (*c).max(*r);
        }
        let bar: String = cells.into_iter().map(glyph).collect();
        lines.push(format!(
            "fold {:>3} │{bar}│ train {:>5}  test {:>5}",
            k + 1,
            f.train.len(),
            f.test.len()
        ));
    }
    if folds.len() > MAX_ROWS {
        lines.push(format!(
            "         … {} more folds (all are in --format json)",
            folds.len() - MAX_ROWS
        ));
    }
    if let Some(y) = positive {
        let mut cells = vec![false; width];
        y.iter()
            .enumerate()
            .filter(|(_, &v)| v == 1)
            .for_each(|(i, _)| cells[bucket(i)] = true);
        let bar: String = cells
            .into_iter()
            .map(|p| if p { '|' } else { ' ' })
            .collect();
        lines.push(format!("positive │{bar}│"));
    }
    let per_cell = if n > width {
        format!("; one cell ≈ {:.1} rows", n as f64 / width as f64)
    } else {
        String::new()
    };
    lines.push(format!(
        "         {} test  {} train  {} gap  (blank) unused{per_cell}",
        glyph(Role::Test),
        glyph(Role::Train),
        glyph(Role::Gap)
    ));
    lines
}
