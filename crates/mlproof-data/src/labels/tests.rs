use super::*;

#[test]
fn long_integer_labels_are_distinct_classes() {
    let cells = [
        "123456789012345678",
        "123456789012345679",
        "123456789012345680",
        "123456789012345681",
        "123456789012345678",
    ];
    let (names, y) = classes(&cells, true);
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(names[1], "123456789012345679");
    assert_eq!(y, vec![0, 1, 2, 3, 0]);
}

#[test]
fn integers_order_numerically_at_any_length() {
    let cells = [
        "10",
        "-3",
        "2",
        "100000000000000000000",
        "-100000000000000000000",
    ];
    let (names, _) = classes(&cells, true);
    assert_eq!(
        names,
        vec![
            "-100000000000000000000",
            "-3",
            "2",
            "10",
            "100000000000000000000"
        ]
    );
}

#[test]
fn spellings_of_one_number_are_one_class_named_by_the_first() {
    let (names, y) = classes(&["-0", "0", "1.0", "1", "0.5", ".5"], true);
    assert_eq!(names, vec!["-0", "0.5", "1.0"]);
    assert_eq!(y, vec![0, 0, 2, 2, 1, 1]);
}

#[test]
fn a_named_class_is_found_by_spelling_then_by_exact_value() {
    let c: Vec<String> = ["123456789012345678", "123456789012345679"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(find(&c, "123456789012345679"), Some(1));
    assert_eq!(find(&c, "+123456789012345679"), Some(1));
    assert_eq!(find(&c, "123456789012345680"), None);
    assert_eq!(find(&["1".to_string()], "1.0"), Some(0));
}
