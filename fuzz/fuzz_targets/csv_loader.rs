//! The CSV loader on arbitrary bytes: it may refuse them, never panic. Each input is read
//! four ways: the last column as the target (task inferred), forced classification with the
//! first column as time, the first column categorical, and one-vs-rest on the first label.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlproof_data::csv_load::parse_csv;
use mlproof_data::{CsvOptions, Origin, Task};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let header: Vec<&str> = text.lines().next().unwrap_or("").split(',').collect();
    let (first, last) = (header[0].trim(), header[header.len() - 1].trim());
    let base = CsvOptions {
        target: last.to_owned(),
        ..CsvOptions::default()
    };
    let variants = [
        base.clone(),
        CsvOptions {
            task: Some(Task::Classification),
            time_column: Some(first.to_owned()),
            ..base.clone()
        },
        CsvOptions {
            categorical: vec![first.to_owned()],
            ..base.clone()
        },
        CsvOptions {
            positive: text.lines().nth(1).and_then(|l| l.rsplit(',').next()).map(str::to_owned),
            drop: vec![first.to_owned()],
            ..base
        },
    ];
    for opts in &variants {
        let origin = Origin::File { path: "fuzz.csv".into() };
        if let Ok(data) = parse_csv("fuzz", "fuzz.csv", origin, text, opts) {
            // What every command does next with a loaded set.
            let _ = data.binary_target();
            let _ = data.summary();
            let _ = mlproof_data::encode::one_hot(&data);
        }
    }
});
