//! One dataset in the four forms an office keeps it in (`tests/fixtures/office/`, written by
//! its `make_fixture.py`): the workbook `diaban template` wrote, filled in by a script; the same
//! records as a semicolon CSV set as Excel saves it (BOM, `;`, CRLF, Vietnamese headers and
//! values); as a comma CSV set; and as JSON. `check` gives byte-identical output for all four.
//! Python (`bindings/python/tests/test_office_parity.py`) and JavaScript
//! (`bindings/wasm/tests/office.test.mjs`) compare their findings with this output.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{bac_kan_template, diaban};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/office")
        .join(name)
}

fn check(name: &str) -> Output {
    let path = fixture(name);
    diaban(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--today",
        "01/03/2025",
    ])
}

#[test]
fn workbook_semicolon_comma_and_json_give_byte_identical_findings() {
    let json = check("records.json");
    assert!(
        json.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    // Errors are found, so `check` exits 1.
    assert_eq!(json.status.code(), Some(1));
    for name in ["filled.xlsx", "semicolon", "comma"] {
        let other = check(name);
        assert!(
            other.stderr.is_empty(),
            "{name}: {}",
            String::from_utf8_lossy(&other.stderr)
        );
        assert_eq!(other.status.code(), json.status.code(), "{name}");
        assert!(
            other.stdout == json.stdout,
            "{name}: the findings differ from those of records.json"
        );
    }
    // The comparison is worth something only if the records the script added are read: the
    // findings name them, of several kinds.
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let codes: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in [
        "assignee_overloaded",
        "evaluation_late",
        "evaluation_missing",
        "coverage_gap",
    ] {
        assert!(codes.contains(code), "no {code} among {codes:?}");
    }
    let subjects: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["subject"]["id"].as_str().unwrap())
        .collect();
    for id in ["ub-04", "pc-01840", "dg-2024-01837"] {
        assert!(subjects.contains(id), "no finding about {id}");
    }
}

#[test]
fn the_fixture_units_are_those_the_template_writes_today() {
    // If the national lists or the template change, the fixture is stale: rerun
    // `python3 tests/fixtures/office/make_fixture.py target/debug/diaban`.
    let dir = std::env::temp_dir().join(format!("diaban-office-parity-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("template.xlsx");
    let json = dir.join("template.json");
    bac_kan_template(&book);
    let o = diaban(&[
        "convert",
        book.to_str().unwrap(),
        "--out",
        json.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let template: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let records: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("records.json")).unwrap()).unwrap();
    for table in ["units", "organizations"] {
        assert_eq!(
            template[table], records[table],
            "{table}: tests/fixtures/office is stale, rerun make_fixture.py"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
