//! The time column drift needs: every stamp readable, the rows in time order.
//!
//! A stamp is a number, a date `Y-M-D` (optionally followed by `T` or a space and a clock
//! time), or a clock time `H:M[:S]`. Rows are loaded in the text order of non-numeric stamps,
//! which is time order only when dates and times are zero-padded: `2024-1-10` sorts before
//! `2024-1-9`, `10:00` before `9:30`. Such a column is refused as unordered rather than
//! measured in the wrong order.

use mlproof_core::{Error, Result};
use mlproof_data::Dataset;

/// Checks that `data` has a time column whose stamps parse and never go back in time.
pub fn check_time_order(data: &Dataset) -> Result<()> {
    let Some((column, stamps)) = &data.time else {
        return Err(Error::input(format!(
            "{} has no time column, so its rows have no time order to compare; use a time-ordered \
             set (--dataset sp500, synth-stream) or --data FILE.csv --time-column COLUMN",
            data.name
        )));
    };
    let numeric: Option<Vec<f64>> = stamps.iter().map(|s| s.trim().parse().ok()).collect();
    let keys = match numeric {
        Some(v) => v,
        None => {
            let bad = |s: &String| stamp_key(s).is_none() && s.trim().parse::<f64>().is_err();
            if let Some(i) = stamps.iter().position(bad) {
                return Err(Error::input(format!(
                    "time column '{column}': stamp '{}' (row {}) is not a number, a date \
                     (YYYY-MM-DD) or a time (HH:MM[:SS]); write every stamp in one of these forms",
                    stamps[i],
                    i + 1
                )));
            }
            stamps
                .iter()
                .map(|s| {
                    stamp_key(s).ok_or_else(|| {
                        Error::input(format!(
                            "time column '{column}' mixes numbers ('{s}') with dates or times; \
                             write every stamp in one form"
                        ))
                    })
                })
                .collect::<Result<_>>()?
        }
    };
    if let Some(i) = (1..keys.len()).find(|&i| keys[i] < keys[i - 1]) {
        return Err(Error::input(format!(
            "time column '{column}' is not in time order: '{}' comes after '{}' when the stamps \
             are sorted as text; zero-pad dates and times (2024-01-09, 09:30) or use numbers",
            stamps[i],
            stamps[i - 1]
        )));
    }
    Ok(())
}

/// A date and/or clock time as one comparable number: (y·10⁴ + m·10² + d)·10⁵ + seconds.
fn stamp_key(s: &str) -> Option<f64> {
    let s = s.trim();
    let (date, clock) = match s.split_once(['T', ' ']) {
        Some((d, c)) => (Some(d), Some(c)),
        None if s.contains('-') => (Some(s), None),
        None => (None, Some(s)),
    };
    let day = match date {
        Some(d) => {
            let p: Vec<&str> = d.split('-').collect();
            let [y, m, dd] = p.as_slice() else {
                return None;
            };
            let (y, m, dd) = (part(y, 4, 4)?, part(m, 1, 2)?, part(dd, 1, 2)?);
            if !(1.0..=12.0).contains(&m) || !(1.0..=31.0).contains(&dd) {
                return None;
            }
            y * 10_000.0 + m * 100.0 + dd
        }
        None => 0.0,
    };
    let secs = match clock {
        Some(c) => {
            let c = c.trim_end_matches('Z');
            let p: Vec<&str> = c.split(':').collect();
            if !(2..=3).contains(&p.len()) {
                return None;
            }
            let (h, mi) = (part(p[0], 1, 2)?, part(p[1], 2, 2)?);
            let sec: f64 = match p.get(2) {
                Some(x) => x.parse().ok().filter(|v: &f64| (0.0..61.0).contains(v))?,
                None => 0.0,
            };
            if h > 23.0 || mi > 59.0 {
                return None;
            }
            h * 3600.0 + mi * 60.0 + sec
        }
        None => 0.0,
    };
    Some(day * 1e5 + secs)
}

/// Digits only, between `min` and `max` of them.
fn part(s: &str, min: usize, max: usize) -> Option<f64> {
    let ok = (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.parse().ok()).flatten()
}
