//! The CSV folder loader, several files at once. The input is split into named files: each
//! file starts with a line `#file NAME` (text before the first such line is ignored), e.g.
//!
//! ```text
//! #file units.csv
//! code,name,type
//! 06,Tỉnh Bắc Kạn,Tỉnh
//! #file assignments.csv
//! id,scheme,subject_id,target,valid_from
//! ```
//!
//! Any input gives a dataset or a clean error; a dataset that loads must survive
//! CSV → dataset → CSV → dataset and → JSON → dataset unchanged.
#![no_main]

use diaban::{check, CheckOptions, Dataset, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut files: Vec<(&str, &str)> = Vec::new();
    for chunk in text.split("#file ").skip(1) {
        let (name, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
        files.push((name.trim_end_matches('\r'), body));
    }
    let Ok(ds) = Dataset::from_csv_texts(files.iter().copied()) else {
        return;
    };
    let texts = ds.to_csv_texts().expect("a loaded dataset writes as CSV");
    let back = Dataset::from_csv_texts(texts.iter().map(|(n, t)| (*n, t.as_str())))
        .expect("written CSV reads back");
    assert_eq!(back, ds, "CSV round trip changed the dataset");
    let json = ds
        .to_json_string()
        .expect("a loaded dataset writes as JSON");
    let back = Dataset::from_json_str(&json).expect("written JSON reads back");
    assert_eq!(back, ds, "JSON round trip changed the dataset");
    if text.len() < 20_000 {
        let _ = check(&ds, &Profile::bac_kan_1390(), &CheckOptions::default());
    }
});
