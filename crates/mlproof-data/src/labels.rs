//! Class labels by the text of their cells.
//!
//! A label is identified by what its cell says, never by a float it happens to parse to:
//! integers are compared digit by digit at any length (`123456789012345678` and
//! `123456789012345679` are two classes, though both round to the same `f64`), other
//! numbers by value (`0.5` and `.5` are one class), words by their exact text. Classes are
//! named by their first spelling in the file and ordered numerically when every label is a
//! number, as strings otherwise.

use std::cmp::Ordering;

/// A numeric label's identity.
#[derive(Debug, Clone, PartialEq)]
pub enum NumKey {
    /// An integer, exactly: sign and digits without leading zeros (`-0` is `0`).
    Int { negative: bool, digits: String },
    /// Any other finite number (integral values below 2⁵³ are written as `Int`).
    Real(f64),
}

/// 2⁵³: below it every integer is exact in `f64`.
const EXACT: f64 = 9_007_199_254_740_992.0;

impl NumKey {
    /// The key of a cell, or `None` when it is not a finite number.
    pub fn of(cell: &str) -> Option<NumKey> {
        let (negative, body) = match cell.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, cell.strip_prefix('+').unwrap_or(cell)),
        };
        if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
            let digits = body.trim_start_matches('0');
            let digits = if digits.is_empty() { "0" } else { digits };
            return Some(NumKey::Int {
                negative: negative && digits != "0",
                digits: digits.to_owned(),
            });
        }
        let v: f64 = cell.parse().ok().filter(|v: &f64| v.is_finite())?;
        if v.fract() == 0.0 && v.abs() < EXACT {
            // Exact below 2⁵³, so the cast loses nothing.
            let i = v as i64;
            return Some(NumKey::Int {
                negative: i < 0,
                digits: i.unsigned_abs().to_string(),
            });
        }
        Some(NumKey::Real(v))
    }

    /// The nearest `f64` (for ordering against non-integers).
    pub fn value(&self) -> f64 {
        match self {
            NumKey::Int { negative, digits } => {
                let v: f64 = digits.parse().unwrap_or(f64::MAX);
                if *negative {
                    -v
                } else {
                    v
                }
            }
            NumKey::Real(v) => *v,
        }
    }

    /// Whether the label is a whole number.
    pub fn is_integral(&self) -> bool {
        match self {
            NumKey::Int { .. } => true,
            NumKey::Real(v) => v.fract() == 0.0,
        }
    }
}

/// A total order: integers exactly among themselves, everything else by value (ties between
/// an integer and a real of the same `f64` value put the integer first).
pub fn cmp(a: &NumKey, b: &NumKey) -> Ordering {
    match (a, b) {
        (
            NumKey::Int {
                negative: na,
                digits: da,
            },
            NumKey::Int {
                negative: nb,
                digits: db,
            },
        ) => {
            let magnitude = da.len().cmp(&db.len()).then_with(|| da.cmp(db));
            match (na, nb) {
                (false, false) => magnitude,
                (true, true) => magnitude.reverse(),
                (false, true) => Ordering::Greater,
                (true, false) => Ordering::Less,
            }
        }
        _ => a
            .value()
            .total_cmp(&b.value())
            .then_with(|| rank(a).cmp(&rank(b))),
    }
}

fn rank(k: &NumKey) -> u8 {
    match k {
        NumKey::Int { .. } => 0,
        NumKey::Real(_) => 1,
    }
}

/// Distinct classes of `cells` and each cell's class code: numeric order when `numeric`
/// (every cell a number), string order otherwise. A class is named by its first spelling.
pub fn classes(cells: &[&str], numeric: bool) -> (Vec<String>, Vec<usize>) {
    if numeric {
        let keys: Vec<NumKey> = cells
            .iter()
            .map(|c| NumKey::of(c).unwrap_or(NumKey::Real(f64::NAN)))
            .collect();
        let mut order: Vec<usize> = (0..cells.len()).collect();
        // Stable: within one class the first row in the file comes first and names it.
        order.sort_by(|&a, &b| cmp(&keys[a], &keys[b]));
        let mut names: Vec<String> = Vec::new();
        let mut first: Vec<usize> = Vec::new();
        let mut y = vec![0usize; cells.len()];
        for &r in &order {
            let same = first
                .last()
                .is_some_and(|&f| cmp(&keys[f], &keys[r]).is_eq());
            if !same {
                first.push(r);
                names.push(cells[r].to_owned());
            }
            y[r] = names.len() - 1;
        }
        (names, y)
    } else {
        let mut names: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
        names.sort();
        names.dedup();
        let y = cells
            .iter()
            .map(|c| names.binary_search_by(|l| l.as_str().cmp(c)).unwrap_or(0))
            .collect();
        (names, y)
    }
}

/// A class named `wanted`: by exact spelling, else (for numbers) by the same key, so `1.0`
/// finds `1` but `123456789012345679` never finds `123456789012345678`.
pub fn find(classes: &[String], wanted: &str) -> Option<usize> {
    classes.iter().position(|c| c == wanted).or_else(|| {
        let w = NumKey::of(wanted)?;
        classes
            .iter()
            .position(|c| NumKey::of(c).is_some_and(|k| cmp(&k, &w).is_eq()))
    })
}

/// `name: count` for each class, the first `shown` of them (then how many more).
pub fn listing(classes: &[String], counts: &[usize], shown: usize) -> String {
    let mut parts: Vec<String> = classes
        .iter()
        .zip(counts)
        .take(shown)
        .map(|(c, n)| format!("{c}: {n}"))
        .collect();
    if classes.len() > shown {
        parts.push(format!("and {} more", classes.len() - shown));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests;
