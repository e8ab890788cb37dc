use super::*;
use crate::csv_load::{parse_csv, CsvOptions};
use crate::dataset::Origin;
use crate::registry;

#[test]
fn exported_csv_reads_back_to_the_same_dataset() {
    for name in ["german", "synth-imbalanced", "sp500"] {
        let d = registry::load(name, 3).unwrap();
        let mut bytes = Vec::new();
        write_csv(&d, &mut bytes).unwrap();
        let opts = CsvOptions {
            target: d.target_name.clone(),
            time_column: d.time.as_ref().map(|(n, _)| n.clone()),
            task: Some(d.task()),
            positive: d.positive_class().map(str::to_owned),
            ..CsvOptions::default()
        };
        let text = String::from_utf8(bytes).unwrap();
        let back = parse_csv(name, name, Origin::File { path: name.into() }, &text, &opts).unwrap();
        assert_eq!(back.features, d.features, "{name}");
        assert_eq!(back.target, d.target, "{name}");
    }
}
