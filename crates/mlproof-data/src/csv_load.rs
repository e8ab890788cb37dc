//! Loading a person's CSV: header row, per-column type inference, one-line errors.
//!
//! Inference, per column other than the target and time columns:
//! * every cell a finite number → numeric;
//! * listed in [`CsvOptions::categorical`], or holding repeated non-numeric values
//!   (`"5more"` in car-good's doors) → categorical, levels sorted as strings;
//! * numbers with a few one-off non-numeric cells → an error naming the first one, since a
//!   typo in a numeric column is likelier than a category that occurs once.
//!
//! * a non-numeric column whose every value is distinct (an ID, a name) → left out of the
//!   features and listed in [`Dataset::dropped`]: it cannot generalise, and one-hot encoding it
//!   would give every row its own column. [`CsvOptions::categorical`] keeps it.
//!
//! Missing values (`""`, `?`, `NA`, `N/A`, `NaN`, `null`) are an error: mlproof does not
//! impute, because how to impute is itself a modelling choice the user should make.
//!
//! The target is a class target when it is non-numeric or holds at most
//! [`MAX_INTEGER_CLASSES`] distinct integers, continuous otherwise ([`CsvOptions::task`]
//! overrides). Class labels keep the exact text of their cells ([`crate::labels`]). The
//! positive class is the one named by [`CsvOptions::positive`], else, for two classes, the
//! minority class (ties go to the last class in sorted order, so `0/1` data reports on `1`);
//! a target with more classes has none until one is named (see [`Dataset::binary_target`]).
//! With a time column, rows are put in time order by [`crate::time`] (dates, date-times or
//! numbers, never strings).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use ndarray::Array2;

use crate::dataset::{Dataset, Dropped, FeatureKind, Origin};
use crate::DataError;

mod target;

/// A numeric target with at most this many distinct integer values is read as classes.
pub const MAX_INTEGER_CLASSES: usize = 20;

const MISSING: [&str; 9] = ["", "?", "NA", "N/A", "NaN", "nan", "NAN", "null", "NULL"];

/// What to load from a CSV beyond the cells themselves.
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {
    pub target: String,
    pub positive: Option<String>,
    pub time_column: Option<String>,
    /// Columns to read as categorical whatever their cells look like.
    pub categorical: Vec<String>,
    /// Overrides the inferred task.
    pub task: Option<crate::Task>,
    /// How to read the time column's stamps (`%d/%m/%Y`); inferred when absent.
    pub time_format: Option<String>,
    /// Columns to leave out, by name.
    pub drop: Vec<String>,
}

/// Whether a cell is one of the spellings of a missing value.
pub(crate) fn is_missing(cell: &str) -> bool {
    MISSING.contains(&cell)
}

/// The largest CSV file mlproof reads (1 GiB: about 10⁷ rows of 20 numbers), checked while
/// reading, so a device that never ends (`/dev/zero`) is refused, not read until memory runs out.
pub const MAX_CSV_BYTES: u64 = 1 << 30;

/// At most `limit + 1` bytes of `path`: one more than the limit tells that it was passed.
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads `path` (never writes it) and builds a dataset named after the file.
pub fn load_csv(path: &Path, opts: &CsvOptions) -> Result<Dataset, DataError> {
    let shown = path.display().to_string();
    let bytes = read_limited(path, MAX_CSV_BYTES)
        .map_err(|e| DataError::new(format!("cannot read {shown}: {e}")))?;
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(DataError::new(format!(
            "{shown} is larger than the {} GiB mlproof reads; sample its rows first",
            MAX_CSV_BYTES >> 30
        )));
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(DataError::new(format!(
            "{shown} is gzip-compressed; decompress it first (gunzip -k {shown})"
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| DataError::new(format!("{shown} is not UTF-8 text; save it as UTF-8 CSV")))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    parse_csv(
        &name,
        &shown,
        Origin::File {
            path: shown.clone(),
        },
        &text,
        opts,
    )
}

/// Parses CSV text; `shown` names the input in error messages.
pub fn parse_csv(
    name: &str,
    shown: &str,
    origin: Origin,
    text: &str,
    opts: &CsvOptions,
) -> Result<Dataset, DataError> {
    let table = read_table(shown, text)?;
    let column = |wanted: &str| {
        table
            .header
            .iter()
            .position(|h| h == wanted)
            .ok_or_else(|| {
                let header = table.header.join(", ");
                match [';', '\t']
                    .into_iter()
                    .find(|&c| table.header.len() == 1 && header.contains(c))
                {
                    Some(c) => DataError::new(format!(
                        "{shown} looks {}-separated; mlproof reads comma-separated CSV: convert it \
                         (for example with `tr '{}' ','` if no field contains a comma)",
                        if c == ';' { "semicolon" } else { "tab" },
                        if c == ';' { ";" } else { "\\t" }
                    )),
                    None => DataError::new(format!(
                        "no column '{wanted}' in {shown}; its columns are: {header}"
                    )),
                }
            })
    };
    let target_col = column(&opts.target)?;
    let time_col = opts.time_column.as_deref().map(column).transpose()?;
    if time_col == Some(target_col) {
        return Err(DataError::new("the time column cannot also be the target"));
    }
    for forced in &opts.categorical {
        column(forced)?;
    }
    let mut dropped = Vec::new();
    for name in &opts.drop {
        let c = table.header.iter().position(|h| h == name).ok_or_else(|| {
            DataError::param(
                "drop",
                format!(
                    "names '{name}', which is not a column of {shown}; its columns are: {}",
                    table.header.join(", ")
                ),
            )
        })?;
        if c == target_col || Some(c) == time_col {
            return Err(DataError::param(
                "drop",
                format!("names '{name}', the target or time column; it cannot be dropped"),
            ));
        }
        dropped.push(Dropped {
            column: name.clone(),
            reason: crate::dataset::DROPPED_AS_ASKED.into(),
        });
    }

    let order = match time_col {
        Some(t) => time_order(&table, t, shown, opts.time_format.as_deref())?,
        None => (0..table.n_rows()).collect(),
    };
    let cells = |c: usize| -> Vec<&str> { order.iter().map(|&r| table.cell(c, r)).collect() };
    let lines: Vec<u64> = order.iter().map(|&r| table.lines[r]).collect();

    let mut feature_names = Vec::new();
    let mut feature_kinds = Vec::new();
    let mut columns: Vec<Vec<f64>> = Vec::new();
    for c in 0..table.header.len() {
        let name = &table.header[c];
        if c == target_col || Some(c) == time_col || opts.drop.contains(name) {
            continue;
        }
        let col = Column {
            name,
            cells: cells(c),
            lines: &lines,
            shown,
        };
        let forced = opts.categorical.iter().any(|f| f == col.name);
        let (kind, values) = col.infer(forced)?;
        if let Some(reason) = col.identifier(&kind, forced) {
            dropped.push(Dropped {
                column: name.clone(),
                reason,
            });
            continue;
        }
        feature_names.push(col.name.to_owned());
        feature_kinds.push(kind);
        columns.push(values);
    }
    if columns.is_empty() {
        let left_out: Vec<&str> = dropped.iter().map(|d| d.column.as_str()).collect();
        return Err(DataError::new(format!(
            "{shown} has no feature columns besides the target{}{}; add at least one",
            if time_col.is_some() {
                " and the time column"
            } else {
                ""
            },
            if left_out.is_empty() {
                String::new()
            } else {
                format!(" (left out: {})", left_out.join(", "))
            }
        )));
    }
    let n = order.len();
    let features = Array2::from_shape_fn((n, columns.len()), |(r, c)| columns[c][r]);
    let target_column = Column {
        name: &table.header[target_col],
        cells: cells(target_col),
        lines: &lines,
        shown,
    };
    let target = target_column.target(opts)?;
    let time = time_col.map(|t| {
        (
            table.header[t].clone(),
            cells(t).iter().map(|s| s.to_string()).collect(),
        )
    });
    let mut data = Dataset {
        name: name.to_owned(),
        origin,
        features,
        feature_names,
        feature_kinds,
        target_name: opts.target.clone(),
        target,
        time,
        positive_named: false,
        dropped,
    };
    if let Some(p) = &opts.positive {
        data.set_positive(p)?;
    }
    Ok(data)
}

/// Raw cells, column-major, with each row's line number in the file. The cells' text is
/// kept end to end in one string and each cell is a span of it: one allocation instead of
/// one per cell (a 100,000 × 21 file has 2.1 million cells, and freeing them one by one
/// cost more than resampling that file).
struct Table {
    header: Vec<String>,
    text: String,
    /// `spans[c][r]`: where row r of column c lies in `text`.
    spans: Vec<Vec<(u32, u32)>>,
    lines: Vec<u64>,
}

impl Table {
    fn n_rows(&self) -> usize {
        self.lines.len()
    }

    fn cell(&self, c: usize, r: usize) -> &str {
        let (start, end) = self.spans[c][r];
        &self.text[start as usize..end as usize]
    }
}

fn read_table(shown: &str, text: &str) -> Result<Table, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::new(format!(
            "{shown} is empty; expected a header row followed by data rows"
        )));
    }
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(DataError::new(format!(
            "{shown} line {line} holds a NUL byte, which no text CSV has; \
             export the data again as plain text"
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| DataError::new(format!("{shown}: cannot read the header row: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut seen = HashSet::new();
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            return Err(DataError::new(format!(
                "{shown}: header column {} has no name; give every column a name",
                i + 1
            )));
        }
        if !seen.insert(h) {
            return Err(DataError::new(format!(
                "{shown}: column name '{h}' appears twice in the header; rename one"
            )));
        }
    }
    let mut spans = vec![Vec::new(); header.len()];
    let mut cells = String::with_capacity(text.len());
    let mut lines = Vec::new();
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| DataError::new(format!("{shown}: {e}")))?
    {
        let line = record.position().map_or(0, |p| p.line());
        if record.len() < header.len() && record.iter().any(|f| f.contains('\n')) {
            return Err(DataError::new(format!(
                "{shown} line {line} opens a quote that is not closed on that row; close it \
                 (a field that starts with \" ends with \", and a quote inside is written \"\")"
            )));
        }
        if record.len() != header.len() {
            return Err(DataError::new(format!(
                "{shown} line {line} has {} fields but the header has {}; fix that row \
                 (quote any field that contains a comma)",
                record.len(),
                header.len()
            )));
        }
        for (c, cell) in record.iter().enumerate() {
            // A cell's text is never longer than its field in the file, and files are at
            // most MAX_CSV_BYTES (1 GiB), so offsets fit in u32.
            let start = cells.len();
            cells.push_str(cell);
            let span = u32::try_from(start).and_then(|s| Ok((s, u32::try_from(cells.len())?)));
            spans[c].push(span.map_err(|_| {
                DataError::new(format!(
                    "{shown} is larger than mlproof reads; sample its rows"
                ))
            })?);
        }
        lines.push(line);
    }
    if lines.is_empty() {
        return Err(DataError::new(format!(
            "{shown} has a header but no data rows"
        )));
    }
    Ok(Table {
        header,
        text: cells,
        spans,
        lines,
    })
}

/// Row order by time stamp (stable: rows with the same stamp keep their file order).
fn time_order(
    table: &Table,
    t: usize,
    shown: &str,
    format: Option<&str>,
) -> Result<Vec<usize>, DataError> {
    if let Some(f) = format {
        crate::time::check_format(f)?;
    }
    let stamps: Vec<&str> = (0..table.n_rows()).map(|r| table.cell(t, r)).collect();
    let at = |r: usize| {
        format!(
            "{shown} line {}, column '{}'",
            table.lines[r], table.header[t]
        )
    };
    let times = crate::time::parse_column(&stamps, format, &at)?;
    let mut order: Vec<usize> = (0..stamps.len()).collect();
    order.sort_by(|&a, &b| times[a].total_cmp(&times[b]));
    Ok(order)
}

/// One column's cells (in final row order) and what is needed to point at a bad one.
struct Column<'a> {
    name: &'a str,
    cells: Vec<&'a str>,
    lines: &'a [u64],
    shown: &'a str,
}

impl Column<'_> {
    fn at(&self, row: usize) -> String {
        format!(
            "{} line {}, column '{}'",
            self.shown, self.lines[row], self.name
        )
    }

    /// Errors on the first missing cell.
    fn check_missing(&self) -> Result<(), DataError> {
        match self.cells.iter().position(|c| MISSING.contains(c)) {
            Some(r) => Err(DataError::new(format!(
                "{}: missing value '{}'; mlproof does not impute, so fill or drop that row",
                self.at(r),
                self.cells[r]
            ))),
            None => Ok(()),
        }
    }

    /// Every cell as a number, or the rows that are not numbers. Errors on ±inf.
    fn numbers(&self) -> Result<Result<Vec<f64>, Vec<usize>>, DataError> {
        let mut values = Vec::with_capacity(self.cells.len());
        let mut non_numeric = Vec::new();
        for (r, cell) in self.cells.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(v) if v.is_finite() => values.push(v),
                Ok(_) => {
                    return Err(DataError::new(format!(
                        "{}: '{cell}' is not a finite number; replace it",
                        self.at(r)
                    )))
                }
                Err(_) => non_numeric.push(r),
            }
        }
        Ok(if non_numeric.is_empty() {
            Ok(values)
        } else {
            Err(non_numeric)
        })
    }

    /// A numeric column with a few one-off non-numeric cells is taken to hold typos.
    fn check_typos(&self, non_numeric: &[usize]) -> Result<(), DataError> {
        let n_numeric = self.cells.len() - non_numeric.len();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        non_numeric
            .iter()
            .for_each(|&r| *counts.entry(self.cells[r]).or_default() += 1);
        let one_offs = counts.values().all(|&c| c == 1);
        if n_numeric > 0 && one_offs && non_numeric.len() * 2 < self.cells.len() {
            let r = non_numeric[0];
            return Err(DataError::param(
                "categorical",
                format!(
                    "{} if that column is categorical; otherwise fix {}: '{}' is not a number \
                     but the rest of the column is numeric",
                    self.name,
                    self.at(r),
                    self.cells[r],
                ),
            ));
        }
        Ok(())
    }

    fn infer(&self, forced_categorical: bool) -> Result<(FeatureKind, Vec<f64>), DataError> {
        self.check_missing()?;
        if !forced_categorical {
            match self.numbers()? {
                Ok(values) => return Ok((FeatureKind::Numeric, values)),
                Err(non_numeric) => self.check_typos(&non_numeric)?,
            }
        }
        let mut levels: Vec<String> = self.cells.iter().map(|s| s.to_string()).collect();
        levels.sort();
        levels.dedup();
        let codes = self
            .cells
            .iter()
            .map(|c| {
                levels
                    .binary_search_by(|l| l.as_str().cmp(c))
                    .map_or(0.0, |i| i as f64)
            })
            .collect();
        Ok((FeatureKind::Categorical { levels }, codes))
    }

    /// Why an inferred categorical column is an identifier, if it is one: every one of at
    /// least three values distinct.
    fn identifier(&self, kind: &FeatureKind, forced_categorical: bool) -> Option<String> {
        match kind {
            FeatureKind::Categorical { levels }
                if !forced_categorical
                    && self.cells.len() >= 3
                    && levels.len() == self.cells.len() =>
            {
                Some(format!(
                    "every one of its {} values is distinct text (an identifier), so it cannot \
                     generalise",
                    levels.len()
                ))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
