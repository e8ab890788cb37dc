use super::*;

fn error(args: &[&str]) -> (String, String) {
    let e = try_parse_from(args).unwrap_err();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    compact(&e, &args)
}

#[test]
fn an_unknown_option_names_the_command_help() {
    let (m, h) = error(&["mlproof", "cv", "--folds", "3"]);
    assert!(m.contains("--folds"), "{m}");
    assert!(h.contains("mlproof cv --help"), "{h}");
}

#[test]
fn a_near_miss_gets_a_did_you_mean() {
    let (_, h) = error(&["mlproof", "cv", "--n-split", "3"]);
    assert!(h.contains("did you mean '--n-splits'"), "{h}");
    let (_, h) = error(&["mlproof", "tre"]);
    assert!(h.contains("did you mean") && h.contains("'tree'"), "{h}");
}

#[test]
fn a_negative_seed_is_a_bad_value_not_an_unknown_argument() {
    let (m, h) = error(&["mlproof", "cv", "--seed", "-1"]);
    assert!(m.contains("invalid value '-1'"), "{m}");
    assert!(
        h.contains("whole number ≥ 0") && h.contains("mlproof cv --help"),
        "{h}"
    );
}

#[test]
fn a_missing_subcommand_is_one_message_and_one_hint() {
    let (m, h) = error(&["mlproof", "tree"]);
    assert!(m.contains("`mlproof tree` needs a subcommand"), "{m}");
    assert!(h.contains("mlproof tree --help"), "{h}");
}

#[test]
fn no_message_or_hint_spans_lines() {
    for args in [
        &["mlproof", "cv", "--n-splits", "x"][..],
        &["mlproof", "cv", "--format", "xml"],
        &["mlproof"],
        &["mlproof", "resample", "--method"],
        &["mlproof", "cv", "--dataset", "pima", "--data", "x.csv"],
    ] {
        let (m, h) = error(args);
        assert!(
            !m.contains('\n') && !h.contains('\n'),
            "{args:?}: {m} / {h}"
        );
    }
}

#[test]
fn a_missing_required_argument_is_named_on_the_same_line() {
    let (m, _) = error(&["mlproof", "claims", "--simulations", "5"]);
    assert!(
        m.contains("not provided") && m.contains("--replicate"),
        "{m}"
    );
}

/// Found by fuzzing (`fuzz/artifacts/args/crash-c0d5f4e4…`): `mlproof features $'\n'` put the
/// newline into the hint's command path, and the hint ran over two lines.
#[test]
fn a_newline_typed_into_an_argument_is_escaped_in_the_message_and_the_hint() {
    let (m, h) = error(&["mlproof", "features", "\n"]);
    assert!(!m.contains('\n') && !h.contains('\n'), "{m} / {h}");
    assert!(h.contains("\\n"), "{h}");
}
