//! The JSON dataset loader: any bytes give a dataset or a clean error, never a panic.
//! A dataset that loads must survive JSON → dataset → JSON and JSON → CSV → dataset unchanged,
//! and a small one must check without panicking.
#![no_main]

use diaban::{check, CheckOptions, Dataset, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(ds) = Dataset::from_json_str(text) else {
        return;
    };
    let json = ds
        .to_json_string()
        .expect("a loaded dataset writes as JSON");
    let back = Dataset::from_json_str(&json).expect("written JSON reads back");
    assert_eq!(back, ds, "JSON round trip changed the dataset");
    let texts = ds.to_csv_texts().expect("a loaded dataset writes as CSV");
    let back = Dataset::from_csv_texts(texts.iter().map(|(n, t)| (*n, t.as_str())))
        .expect("written CSV reads back");
    assert_eq!(back, ds, "CSV round trip changed the dataset");
    if text.len() < 20_000 {
        let _ = check(&ds, &Profile::bac_kan_1390(), &CheckOptions::default());
    }
});
