//! Finding ids built from feature names.

/// A feature name as part of a finding id: ASCII letters and digits in lower case, every
/// other character `-`, leading and trailing `-` trimmed (`Whole_weight` → `whole-weight`).
pub fn feature_slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.trim_matches('-').to_string()
}
