//! A terminal scatter-line plot: one column slot per x value, one glyph per series.

use super::{Figure, Line};

/// A named series of y values, one per x label (NaN is skipped).
pub struct Series<'a> {
    pub label: &'a str,
    pub glyph: char,
    pub values: &'a [f64],
}

const OVERLAP: char = '◆';

/// Rows of text: the plot area with a y axis, the x labels, a legend.
pub fn plot(x_labels: &[String], series: &[Series], height: usize, x_title: &str) -> Vec<String> {
    let finite = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return vec!["(nothing to plot)".into()];
    }
    if hi - lo < 1e-9 {
        lo -= 0.05;
        hi += 0.05;
    }
    // One slot per x value; when the labels do not fit 100 columns, slots shrink and only
    // every `every`-th label is printed.
    let label_width = x_labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1)
        .max(2)
        + 1;
    let room = 100 - 10;
    let slot = if label_width * x_labels.len() <= room {
        label_width
    } else {
        (room / x_labels.len().max(1)).max(1)
    };
    let every = label_width.div_ceil(slot);
    let width = slot * x_labels.len();
    let mut grid = vec![vec![' '; width]; height];
    for s in series {
        for (i, &v) in s.values.iter().enumerate() {
            if !v.is_finite() {
                continue;
            }
            let row = ((hi - v) / (hi - lo) * (height - 1) as f64).round() as usize;
            let col = i * slot + slot / 2;
            let cell = &mut grid[row.min(height - 1)][col];
            *cell = if *cell == ' ' || *cell == s.glyph {
                s.glyph
            } else {
                OVERLAP
            };
        }
    }
    let mut lines = Vec::new();
    for (r, row) in grid.iter().enumerate() {
        let label = if r == 0 || r == height - 1 || r == height / 2 {
            axis_label(hi - (hi - lo) * r as f64 / (height - 1) as f64)
        } else {
            " ".repeat(7)
        };
        lines.push(
            format!("{label} ┤{}", row.iter().collect::<String>())
                .trim_end()
                .to_string(),
        );
    }
    lines.push(format!("{} └{}", " ".repeat(7), "─".repeat(width)));
    let mut labels = vec![' '; width + label_width];
    for (i, l) in x_labels.iter().enumerate().step_by(every) {
        let start = (i * slot + slot / 2).saturating_sub(l.chars().count() / 2);
        for (k, ch) in l.chars().enumerate() {
            labels[start + k] = ch;
        }
    }
    let labels: String = labels.into_iter().collect();
    lines.push(format!("{}  {}", " ".repeat(7), labels.trim_end()));
    // The legend wraps when long feature names would push it past 100 columns.
    let mut legend = format!("{}  {x_title};  {OVERLAP} both", " ".repeat(7));
    for s in series {
        let entry = format!("  {} {}", s.glyph, s.label);
        if legend.chars().count() + entry.chars().count() > 98 {
            lines.push(std::mem::take(&mut legend));
            legend = " ".repeat(7);
        }
        legend.push_str(&entry);
    }
    lines.push(legend);
    lines
}

/// A y-axis value in exactly 7 columns, with as many decimals (3 at most) as fit.
fn axis_label(v: f64) -> String {
    (0..=3)
        .rev()
        .map(|d| format!("{v:>7.d$}"))
        .find(|t| t.chars().count() <= 7)
        .unwrap_or_else(|| format!("{v:>7.0e}"))
}

/// The figure every curve uses: training score (○) against held-out score (●).
pub fn train_vs_held_out(
    x_labels: &[String],
    train: (&str, &[f64]),
    held_out: (&str, &[f64]),
    height: usize,
    x_title: &str,
) -> Figure {
    let line = |(label, values): (&str, &[f64]), glyph| Line {
        label: label.to_owned(),
        glyph,
        values: values.to_vec(),
    };
    Figure::Lines {
        x_title: x_title.to_owned(),
        x_labels: x_labels.to_vec(),
        series: vec![line(train, '○'), line(held_out, '●')],
        height,
    }
}

#[cfg(test)]
mod axis_tests {
    use super::axis_label;

    #[test]
    fn axis_labels_always_take_seven_columns() {
        for v in [
            0.5,
            -0.254,
            1532.481,
            -874.445,
            -99999.4,
            123456789.0,
            -1e12,
        ] {
            assert_eq!(axis_label(v).chars().count(), 7, "{v}: '{}'", axis_label(v));
        }
        assert_eq!(axis_label(1532.481), "1532.48");
        assert_eq!(axis_label(0.38), "  0.380");
    }
}
