//! The tour calls experiments as library calls with typed parameters; each stop must still
//! be exactly what its printed command gives, so a candidate can retype it.

mod common;

use common::json;

#[test]
fn every_tour_stop_equals_the_command_it_prints() {
    let tour = json(&["tour"]);
    let stops = tour["results"]["stops"].as_array().unwrap();
    assert!(stops.len() >= 22);
    for stop in stops {
        let command = stop["command"].as_str().unwrap();
        let args: Vec<&str> = command.split(' ').skip(1).collect();
        assert_eq!(json(&args), stop["report"], "{command}");
    }
}
