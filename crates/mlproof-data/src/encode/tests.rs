use super::*;
use crate::registry;

#[test]
fn one_hot_expands_each_level_and_keeps_numeric_columns() {
    let d = registry::load("car-good", 0).unwrap();
    let (x, names) = one_hot(&d);
    // buying 4, maint 4, doors 4, persons 3, lug_boot 3, safety 3 levels.
    assert_eq!(x.ncols(), 21);
    assert_eq!(names[0], "Buying=high");
    for row in x.rows() {
        assert_eq!(row.sum(), 6.0);
    }
    let d = registry::load("pima", 0).unwrap();
    assert_eq!(one_hot(&d).0, d.features);
}
