use super::*;

fn at(r: usize) -> String {
    format!("t.csv line {}, column 'date'", r + 2)
}

fn read(stamps: &[&str], format: Option<&str>) -> Result<Vec<f64>, DataError> {
    parse_column(stamps, format, &at)
}

#[test]
fn iso_dates_and_date_times_are_seconds_since_1970() {
    assert_eq!(iso("1970-01-02"), Some(86_400.0));
    assert_eq!(iso("2000-03-01"), Some(951_868_800.0));
    assert_eq!(iso("1970-01-01T01:00"), Some(3600.0));
    assert_eq!(iso("1970-01-01 00:00:01.5"), Some(1.5));
    assert_eq!(iso("1970-01-01T01:00:00+01:00"), Some(0.0));
    assert_eq!(iso("1970-01-01T00:00:00Z"), Some(0.0));
    assert_eq!(iso("2021-02-29"), None, "not a leap year");
    assert_eq!(iso("2020-13-01"), None);
}

#[test]
fn day_first_dates_are_ordered_by_date_not_by_text() {
    let t = read(&["13/01/2020", "02/02/2020", "01/03/2020"], None).unwrap();
    assert!(t[0] < t[1] && t[1] < t[2], "{t:?}");
    let t = read(&["01/13/2020", "02/02/2020", "01/03/2020"], None).unwrap();
    assert!(t[2] < t[0] && t[0] < t[1], "month first: {t:?}");
}

#[test]
fn an_ambiguous_day_month_order_asks_for_a_format() {
    let e = read(&["03/04/2020", "04/03/2020"], None).unwrap_err();
    assert_eq!(e.1, Some("time_format"));
    assert!(
        e.0.contains("%d/%m/%Y") && e.0.contains("%m/%d/%Y"),
        "{}",
        e.0
    );
    let t = read(&["03/04/2020", "04/03/2020"], Some("%d/%m/%Y")).unwrap();
    assert!(t[1] < t[0], "4 March before 3 April");
    let t = read(&["03/04/2020", "04/03/2020"], Some("%m/%d/%Y")).unwrap();
    assert!(t[0] < t[1], "4 March before 3 April: {t:?}");
}

#[test]
fn missing_and_unreadable_stamps_name_their_line() {
    let e = read(&["2020-01-01", "", "2020-01-03"], None).unwrap_err();
    assert!(e.0.contains("line 3") && e.0.contains("missing"), "{}", e.0);
    let e = read(&["2020-01-01", "soon"], None).unwrap_err();
    assert!(e.0.contains("line 3") && e.0.contains("'soon'"), "{}", e.0);
    let e = read(&["5", "2020-01-01"], None).unwrap_err();
    assert!(e.0.contains("line 3"), "{}", e.0);
    let e = read(&["2020-01-01", "x"], Some("%Y-%m-%d")).unwrap_err();
    assert!(
        e.0.contains("line 3") && e.0.contains("%Y-%m-%d"),
        "{}",
        e.0
    );
}

#[test]
fn numbers_are_time_as_numbers() {
    assert_eq!(
        read(&["10", "9", "1e1"], None).unwrap(),
        vec![10.0, 9.0, 10.0]
    );
}

#[test]
fn formats_read_dates_and_times_and_unknown_directives_are_refused() {
    assert_eq!(
        with_format("02.01.1970 00:00:02", "%d.%m.%Y %H:%M:%S"),
        Some(86_402.0)
    );
    assert_eq!(with_format("1970-01-02", "%Y-%m-%d"), Some(86_400.0));
    assert_eq!(with_format("1970-01-02x", "%Y-%m-%d"), None);
    assert!(check_format("%d/%m/%Y").is_ok());
    assert_eq!(check_format("%b %d").unwrap_err().1, Some("time_format"));
    assert!(check_format("dd/mm").is_err());
}

/// Found by fuzzing (`fuzz/artifacts/csv_loader/crash-4e48efaa…`): an offset of 1,471,147
/// hours overflowed `h * 3600` and panicked; an offset past 23:59 is not a time.
#[test]
fn an_offset_past_a_day_is_not_a_time_and_does_not_overflow() {
    assert_eq!(iso("2020-01-02 -01471147"), None);
    assert_eq!(iso("2020-01-02T10:00+24:00"), None);
    assert_eq!(iso("2020-01-02T10:00+01:60"), None);
    assert!(iso("2020-01-02T10:00+23:59").is_some());
}
