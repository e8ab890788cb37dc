use super::*;
use mlproof_core::data::{csv_load::parse_csv, CsvOptions, Origin};

/// Quinlan's (1986) play-tennis data, as tabulated in Mitchell, *Machine Learning* (1997),
/// Table 3.2, where the gains below are worked by hand.
const TENNIS: &str = "outlook,temperature,humidity,wind,play
sunny,hot,high,weak,no
sunny,hot,high,strong,no
overcast,hot,high,weak,yes
rain,mild,high,weak,yes
rain,cool,normal,weak,yes
rain,cool,normal,strong,no
overcast,cool,normal,strong,yes
sunny,mild,high,weak,no
sunny,cool,normal,weak,yes
rain,mild,normal,weak,yes
sunny,mild,normal,strong,yes
overcast,mild,high,strong,yes
overcast,hot,normal,weak,yes
rain,mild,high,strong,no
";

fn tennis() -> Dataset {
    let opts = CsvOptions {
        target: "play".into(),
        ..CsvOptions::default()
    };
    parse_csv(
        "tennis",
        "tennis",
        Origin::File {
            path: "tennis".into(),
        },
        TENNIS,
        &opts,
    )
    .unwrap()
}

#[test]
fn information_gain_matches_mitchells_worked_example() {
    let r = root_splits(&tennis(), Criterion::Entropy).unwrap();
    // Entropy([9+, 5−]) = −9/14 log₂ 9/14 − 5/14 log₂ 5/14 = 0.940 (Mitchell, p. 57).
    assert!((r.parent_impurity - 0.940_285_958_670_631).abs() < 1e-12);
    let gain = |f: &str| r.splits.iter().find(|s| s.feature == f).unwrap().gain;
    // Mitchell, p. 60: Gain(S, Outlook) = 0.246, Humidity 0.151, Wind 0.048, Temperature 0.029.
    assert!((gain("outlook") - 0.246_749_819_774_439_4).abs() < 1e-12);
    assert!((gain("humidity") - 0.151_835_501_362_341_5).abs() < 1e-12);
    assert!((gain("wind") - 0.048_127_030_408_269_5).abs() < 1e-12);
    assert!((gain("temperature") - 0.029_222_565_658_954_6).abs() < 1e-12);
    assert_eq!(r.splits[r.chosen].feature, "outlook");
    assert_eq!(r.splits[r.chosen].children.len(), 3, "a three-way split");
}

#[test]
fn gini_decrease_by_hand() {
    let r = root_splits(&tennis(), Criterion::Gini).unwrap();
    // Gini(S) = 1 − (9/14)² − (5/14)² = 45/98.
    assert!((r.parent_impurity - 45.0 / 98.0).abs() < 1e-15);
    // Outlook: sunny [2+,3−] 12/25, overcast [4+] 0, rain [3+,2−] 12/25;
    // weighted 5/14·12/25·2 = 24/70; decrease 45/98 − 24/70 = 57/490.
    let outlook = r.splits.iter().find(|s| s.feature == "outlook").unwrap();
    assert!((outlook.gain - 57.0 / 490.0).abs() < 1e-15);
}

#[test]
fn a_numeric_feature_splits_at_the_best_midpoint() {
    let csv = "x,y\n1,a\n2,a\n3,b\n4,b\n";
    let opts = CsvOptions {
        target: "y".into(),
        ..CsvOptions::default()
    };
    let d = parse_csv("t", "t", Origin::File { path: "t".into() }, csv, &opts).unwrap();
    let r = root_splits(&d, Criterion::Entropy).unwrap();
    assert_eq!(r.splits[0].threshold, Some(2.5));
    assert!(
        (r.splits[0].gain - 1.0).abs() < 1e-15,
        "a perfect split of a 50/50 node gains one bit"
    );
}
