//! `duplicate_id` whatever the order of the records: ids in strictly increasing order skip the
//! count (they cannot repeat), any other order is counted, so a repeated id is found in every
//! arrangement.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use diaban::{check, date, CheckOptions, Dataset, Profile};

/// The ids of the activities that `duplicate_id` names, in the report's order.
fn duplicated(dataset: &Dataset) -> Vec<String> {
    let report = check(
        dataset,
        &Profile::bac_kan_1390(),
        &CheckOptions {
            today: Some(date!(2025, 3, 1)),
            ..CheckOptions::default()
        },
    );
    report
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "duplicate_id" && f.subject.kind == "activity")
        .map(|f| f.subject.id.clone())
        .collect()
}

/// The demo with its activities renumbered `a-000001`, `a-000002`, … in their order.
fn numbered() -> Dataset {
    let mut ds = Dataset::demo();
    assert!(ds.activities.len() > 10, "the demo has activities");
    for (i, a) in ds.activities.iter_mut().enumerate() {
        a.id = format!("a-{:06}", i + 1).into();
    }
    ds
}

#[test]
fn increasing_ids_have_no_duplicate() {
    assert_eq!(duplicated(&numbered()), Vec::<String>::new());
}

#[test]
fn a_repeated_neighbour_in_increasing_order_is_found() {
    let mut ds = numbered();
    ds.activities[4].id = ds.activities[3].id.clone();
    assert_eq!(duplicated(&ds), vec!["a-000004".to_owned()]);
}

#[test]
fn a_repeat_far_apart_in_any_order_is_found() {
    let mut ds = numbered();
    let last = ds.activities.len() - 1;
    ds.activities[last].id = "a-000002".into();
    assert_eq!(duplicated(&ds), vec!["a-000002".to_owned()]);
    ds.activities.reverse();
    assert_eq!(duplicated(&ds), vec!["a-000002".to_owned()]);
}
