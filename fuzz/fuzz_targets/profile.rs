//! The profile loader (`Profile::from_json_str`): any bytes give a profile or a clean error.
//! A profile that loads must round-trip through JSON and check a small dataset without panicking.
#![no_main]

use diaban::{check, date, CheckOptions, Dataset, Index, Profile};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const SMALL: &str = include_str!("../seeds/small_dataset.json");

fn small() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| Dataset::from_json_str(SMALL).expect("the small dataset loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = Profile::from_json_str(text) else {
        return;
    };
    let json = profile
        .to_json_string()
        .expect("a loaded profile writes as JSON");
    let back = Profile::from_json_str(&json).expect("written profile reads back");
    assert_eq!(back, profile, "profile JSON round trip changed it");
    let ds = small();
    let _ = check(
        ds,
        &profile,
        &CheckOptions {
            today: Some(date!(2026, 1, 1)),
            ..CheckOptions::default()
        },
    );
    let index = Index::new(ds);
    for scheme in profile
        .schemes
        .iter()
        .map(|s| s.id.clone())
        .chain([String::new()])
    {
        let _ = index.coverage(&profile, Some(&scheme), date!(2024, 10, 1));
    }
    let _ = index.relations(&profile, "p1", date!(2024, 10, 1));
    let _ = index.relations_towards(&profile, "btv-tinh-uy", date!(2024, 10, 1));
    let _ = index.year_report(&profile, 2025, Some(date!(2026, 1, 1)));
});
