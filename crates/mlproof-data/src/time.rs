//! Reading a time column: every stamp becomes a point on one time line, so rows are put in
//! time order and never in string order (where `10/01/2020` sorts before `9/01/2020`).
//!
//! Accepted without a format, every stamp of a column the same kind:
//! * plain numbers (a Unix time, a period index): `17`, `1.7e9`;
//! * ISO 8601 dates and date-times: `2020-04-03`, `2020-04-03T14:05`, `2020-04-03 14:05:09.25`,
//!   with an optional `Z` or `±HH:MM` offset (converted to UTC); also `2020/04/03`;
//! * day and month first, `03/04/2020` (`/`, `-` or `.` between), when some stamp shows the
//!   order: a first number above 12 means day first, a second above 12 month first. When no
//!   stamp does, the order cannot be known and a format is asked for.
//!
//! A format (strftime-like: `%Y %m %d %H %M %S`, `%%`, other characters literal; seconds may
//! carry a fraction) reads every stamp the same way.

use crate::DataError;

/// Where a stamp sits in the column, for messages: `t.csv line 4, column 'date'`.
pub type Locate<'a> = &'a dyn Fn(usize) -> String;

/// Seconds since 1970-01-01T00:00Z (or the number itself, for numeric stamps) for each
/// stamp; an error names the first stamp that is missing or cannot be read.
pub fn parse_column(
    stamps: &[&str],
    format: Option<&str>,
    at: Locate,
) -> Result<Vec<f64>, DataError> {
    if let Some(r) = stamps.iter().position(|s| crate::csv_load::is_missing(s)) {
        return Err(DataError::new(format!(
            "{}: missing time stamp '{}'; every row needs one to be put in time order",
            at(r),
            stamps[r]
        )));
    }
    if let Some(f) = format {
        return stamps
            .iter()
            .enumerate()
            .map(|(r, s)| {
                with_format(s, f).ok_or_else(|| {
                    DataError::new(format!("{}: '{s}' does not match the format '{f}'", at(r)))
                })
            })
            .collect();
    }
    let number = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
    if number(stamps[0]).is_some() {
        return stamps
            .iter()
            .enumerate()
            .map(|(r, s)| number(s).ok_or_else(|| unreadable(at(r), s, "a number like the first")))
            .collect();
    }
    if day_month(stamps[0]).is_some() {
        return day_month_column(stamps, at);
    }
    stamps
        .iter()
        .enumerate()
        .map(|(r, s)| iso(s).ok_or_else(|| unreadable(at(r), s, "an ISO 8601 date like the first")))
        .collect()
}

fn unreadable(at: String, s: &str, expected: &str) -> DataError {
    DataError::new(format!(
        "{at}: time stamp '{s}' cannot be read; expected {expected} (a time column holds \
         numbers, ISO 8601 dates such as 2020-04-03 or date-times such as 2020-04-03T14:05:00)"
    ))
}

/// `A/B/YYYY` (or `-`, `.`) with an optional time: the two leading numbers and the rest.
fn day_month(s: &str) -> Option<(u32, u32, i64, &str)> {
    let (date, time) = split_time(s);
    let sep = date.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    if a.len() > 2 || b.len() > 2 || y.len() != 4 {
        return None;
    }
    Some((digits(a)?, digits(b)?, i64::from(digits(y)?), time))
}

fn day_month_column(stamps: &[&str], at: Locate) -> Result<Vec<f64>, DataError> {
    let parsed: Vec<(u32, u32, i64, &str)> = stamps
        .iter()
        .enumerate()
        .map(|(r, s)| {
            day_month(s).ok_or_else(|| unreadable(at(r), s, "a date like the first, 03/04/2020"))
        })
        .collect::<Result<_, _>>()?;
    let day_first = parsed.iter().position(|p| p.0 > 12);
    let month_first = parsed.iter().position(|p| p.1 > 12);
    let day_first = match (day_first, month_first) {
        (Some(d), Some(m)) => {
            return Err(DataError::param(
                "time_format",
                format!(
                    "is needed: {} reads '{}' day first but {} reads '{}' month first; \
                     give the order, e.g. %d/%m/%Y",
                    at(d),
                    stamps[d],
                    at(m),
                    stamps[m]
                ),
            ))
        }
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => {
            return Err(DataError::param(
                "time_format",
                format!(
                    "is needed: the time stamps ('{}' in {}) could be day/month or month/day \
                     (no number above 12 in either place); give the order: %d/%m/%Y or %m/%d/%Y",
                    stamps[0],
                    at(0)
                ),
            ))
        }
    };
    parsed
        .iter()
        .enumerate()
        .map(|(r, &(a, b, y, time))| {
            let (d, m) = if day_first { (a, b) } else { (b, a) };
            let seconds = if time.is_empty() {
                Some(0.0)
            } else {
                clock(time)
            };
            let read = civil(y, m, d)
                .zip(seconds)
                .map(|(days, s)| days as f64 * 86_400.0 + s);
            read.ok_or_else(|| unreadable(at(r), stamps[r], "a valid date like the first"))
        })
        .collect()
}

/// An ISO 8601 date (`YYYY-MM-DD` or `YYYY/MM/DD`) with an optional time.
pub fn iso(s: &str) -> Option<f64> {
    let (date, time) = split_time(s);
    let sep = if date.contains('-') { '-' } else { '/' };
    let parts: Vec<&str> = date.split(sep).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let days = civil(i64::from(digits(y)?), digits(m)?, digits(d)?)?;
    let seconds = if time.is_empty() { 0.0 } else { clock(time)? };
    Some(days as f64 * 86_400.0 + seconds)
}

/// Splits `date[T| ]time`.
fn split_time(s: &str) -> (&str, &str) {
    match s.find(['T', ' ']) {
        Some(i) => (&s[..i], s[i + 1..].trim()),
        None => (s, ""),
    }
}

/// `HH:MM[:SS[.fff]]` with an optional `Z` / `±HH:MM` / `±HHMM` offset, as seconds UTC.
fn clock(t: &str) -> Option<f64> {
    let (t, offset) = if let Some(t) = t.strip_suffix('Z') {
        (t, 0.0)
    } else if let Some(i) = t.rfind(['+', '-']) {
        let (sign, off) = (if &t[i..=i] == "-" { -1.0 } else { 1.0 }, &t[i + 1..]);
        let (h, m) = match off.split_once(':') {
            Some((h, m)) => (h, m),
            None if off.len() == 4 => off.split_at(2),
            None => (off, "00"),
        };
        let (h, m) = (digits(h)?, digits(m)?);
        if h > 23 || m > 59 {
            return None;
        }
        (&t[..i], sign * f64::from(h * 3600 + m * 60))
    } else {
        (t, 0.0)
    };
    let parts: Vec<&str> = t.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (digits(h)?, digits(m)?, 0.0),
        [h, m, s] => (digits(h)?, digits(m)?, seconds(s)?),
        _ => return None,
    };
    (h < 24 && m < 60 && s < 61.0).then(|| f64::from(h * 3600 + m * 60) + s - offset)
}

fn seconds(s: &str) -> Option<f64> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.len() != 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let w = digits(whole)?;
    let f = if frac.is_empty() {
        0.0
    } else {
        format!("0.{frac}").parse().ok()?
    };
    Some(f64::from(w) + f)
}

/// ASCII digits only (no sign, no spaces), at most 9 of them.
fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Days from 1970-01-01 to a valid proleptic Gregorian date (Hinnant's `days_from_civil`).
pub fn civil(y: i64, m: u32, d: u32) -> Option<i64> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Reads `s` by a strftime-like `format`; `None` when it does not match.
pub fn with_format(s: &str, format: &str) -> Option<f64> {
    let (mut y, mut mo, mut d, mut h, mut mi, mut sec) = (1970i64, 1u32, 1u32, 0u32, 0u32, 0.0);
    let mut rest = s;
    let mut f = format.chars();
    while let Some(c) = f.next() {
        if c != '%' {
            rest = rest.strip_prefix(c)?;
            continue;
        }
        let spec = f.next()?;
        if spec == '%' {
            rest = rest.strip_prefix('%')?;
            continue;
        }
        let (width, fraction) = match spec {
            'Y' => (4, false),
            'S' => (2, true),
            'm' | 'd' | 'H' | 'M' => (2, false),
            _ => return None,
        };
        let n = rest
            .bytes()
            .take(width)
            .take_while(u8::is_ascii_digit)
            .count();
        let mut end = n;
        if fraction && rest[n..].starts_with('.') {
            end = n + 1 + rest[n + 1..].bytes().take_while(u8::is_ascii_digit).count();
        }
        let (field, tail) = rest.split_at(end);
        rest = tail;
        match spec {
            'Y' if n == 4 => y = i64::from(digits(field)?),
            'm' => mo = digits(field)?,
            'd' => d = digits(field)?,
            'H' => h = digits(field)?,
            'M' => mi = digits(field)?,
            'S' => sec = field.parse().ok()?,
            _ => return None,
        }
    }
    if !rest.is_empty() || h > 23 || mi > 59 || !(0.0..61.0).contains(&sec) {
        return None;
    }
    Some(civil(y, mo, d)? as f64 * 86_400.0 + f64::from(h * 3600 + mi * 60) + sec)
}

/// Checks a format before any stamp is read: only the directives [`with_format`] knows.
pub fn check_format(format: &str) -> Result<(), DataError> {
    let mut f = format.chars();
    let mut any = false;
    while let Some(c) = f.next() {
        if c == '%' {
            match f.next() {
                Some('Y' | 'm' | 'd' | 'H' | 'M' | 'S') => any = true,
                Some('%') => {}
                other => {
                    return Err(DataError::param(
                        "time_format",
                        format!(
                            "'{format}' has the directive %{}, which is not read; use %Y %m %d \
                             %H %M %S (e.g. %d/%m/%Y)",
                            other.map(String::from).unwrap_or_default()
                        ),
                    ))
                }
            }
        }
    }
    if !any {
        return Err(DataError::param(
            "time_format",
            format!("'{format}' has no date or time directive; e.g. %d/%m/%Y or %Y-%m-%d"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
