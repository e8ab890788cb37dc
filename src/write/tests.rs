use super::*;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn a_new_file_is_written_whole_and_no_temporary_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.csv");
    write_all(&[(&p, b"a,b\n1,2\n")], false, &[]).unwrap();
    assert_eq!(read(&p), "a,b\n1,2\n");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn an_existing_file_is_kept_without_force_and_replaced_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.csv");
    std::fs::write(&p, "old").unwrap();
    let e = write_all(&[(&p, b"new")], false, &[]).unwrap_err();
    assert!(e.to_string().contains("--force"), "{e}");
    assert_eq!(read(&p), "old");
    write_all(&[(&p, b"new")], true, &[]).unwrap();
    assert_eq!(read(&p), "new");
}

#[test]
fn the_input_is_never_an_output_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "x,y\n").unwrap();
    let link = dir.path().join("link.csv");
    std::fs::hard_link(&input, &link).unwrap();
    for target in [&input, &link] {
        let e = write_all(&[(target, b"z")], true, std::slice::from_ref(&input)).unwrap_err();
        assert!(e.to_string().contains("input"), "{e}");
    }
    assert_eq!(read(&input), "x,y\n");
}

#[test]
fn a_pair_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("tree-id3.dot");
    let missing = dir.path().join("no-such-folder").join("tree-cart.dot");
    let e = write_all(&[(&first, b"a"), (&missing, b"b")], false, &[]).unwrap_err();
    assert!(e.to_string().contains("does not exist"), "{e}");
    assert!(!first.exists());
    // The second exists: neither is written.
    let second = dir.path().join("tree-cart.dot");
    std::fs::write(&second, "old").unwrap();
    assert!(write_all(&[(&first, b"a"), (&second, b"b")], false, &[]).is_err());
    assert!(!first.exists());
    assert_eq!(read(&second), "old");
}

#[test]
fn a_folder_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let e = write_all(&[(dir.path(), b"a")], true, &[]).unwrap_err();
    assert!(e.to_string().contains("is a folder"), "{e}");
}

#[test]
fn an_unwritable_destination_leaves_nothing() {
    // /dev/full exists and is not a regular file: refused before any byte is written.
    let p = Path::new("/dev/full");
    if p.exists() {
        assert!(write_all(&[(p, b"a")], false, &[]).is_err());
        let e = write_all(&[(p, b"a")], true, &[]).unwrap_err();
        assert!(e.to_string().contains("/dev/full"), "{e}");
    }
}
