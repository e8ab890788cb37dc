use super::*;
use mlproof_core::data::registry;

#[test]
fn id3_on_car_good_splits_multi_way_and_fits_its_training_rows() {
    let d = registry::load("car-good", 0).unwrap();
    let rows: Vec<usize> = (0..d.n_rows()).collect();
    let t = Id3Tree::fit(&d, &rows, None, 2).unwrap();
    match &t.nodes[0].split {
        Some(Id3Split::Levels { children, .. }) => {
            assert_eq!(children.len(), 4, "buying has four levels")
        }
        other => panic!("expected a multi-way root, got {other:?}"),
    }
    let pred = t.predict(&d.features);
    let y = d.class_codes().unwrap();
    // car-good's rows are all distinct, so a full ID3 tree classifies them all.
    assert!(pred.iter().zip(&y).all(|(p, t)| p == t));
    let sp = registry::load("sp500", 0).unwrap();
    assert!(Id3Tree::fit(&sp, &[0, 1], None, 2).is_err());
}
