//! The `diaban` binary end to end: exit codes, the JSON contract of DESIGN §7, and clear
//! errors (file, line, field; exit 2; never a panic) on tampered input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn diaban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diaban"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn check_demo_exits_1_and_prints_the_json_contract() {
    let o = diaban(&[
        "check",
        "--today",
        "2026-03-01",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let f = &v["findings"][0];
    for key in [
        "code", "severity", "message", "subject", "from", "to", "article", "details",
    ] {
        assert!(f.get(key).is_some(), "missing {key} in {f}");
    }
    assert!(f["subject"]["kind"].is_string() && f["subject"]["id"].is_string());
    let s = &v["summary"];
    assert!(s["errors"].as_u64().unwrap() > 0 && s["warnings"].is_u64() && s["infos"].is_u64());
}

#[test]
fn check_text_is_grouped_and_counted() {
    let o = diaban(&["check", "--today", "2026-03-01", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    // 02131 has nobody; 01885 and 02038 have only a monitor who is not eligible (a monitor
    // covers a unit only while eligible).
    assert!(text.contains("coverage_gap (3 errors)"), "{text}");
    assert!(
        text.lines().last().unwrap().starts_with("Total: "),
        "{text}"
    );
    let vi = stdout(&diaban(&["check", "--today", "2026-03-01"]));
    assert!(vi.contains("Tổng cộng"), "{vi}");
}

#[test]
fn coverage_lists_the_108_units() {
    let o = diaban(&["coverage", "--at", "2024-10-01", "--format", "json"]);
    // Exit code 1: a unit is uncovered (see below).
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 108);
    // Cao Tân (01885): its only monitor is the specialist planted as ineligible.
    assert_eq!(v["uncovered"], 1);
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const UNITS: &str = "code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n";

#[test]
fn tampered_csv_exits_2_naming_file_line_and_field() {
    let cases: [(&str, &str, &str, &[&str]); 4] = [
        ("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,2024-13-01\n", "invalid_date", &["assignments.csv", "line 2", "valid_from"]),
        ("assignments.csv", "id,scheme,subject_id,target,valid_from,colour\na1,commune-monitoring,p1,01954,2024-09-01,red\n", "unknown_field", &["assignments.csv", "line 1", "colour"]),
        ("assignments.csv", "id,scheme,subject_id,valid_from\na1,commune-monitoring,p1,2024-09-01\n", "missing_field", &["assignments.csv", "line 1", "target"]),
        ("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,\"p1,01954,2024-09-01\n", "csv_syntax", &["assignments.csv", "line 2"]),
    ];
    for (name, text, code, needles) in cases {
        let dir = folder(&[("units.csv", UNITS), (name, text)]);
        let o = diaban(&["check", dir.path().to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{code}: {err}");
        assert!(err.contains(&format!("error[{code}]")), "{err}");
        for n in needles {
            assert!(err.contains(n), "{code}: `{n}` not in {err}");
        }
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn bad_arguments_exit_2() {
    let o = diaban(&["check", "--at", "31/02/2024"]);
    assert_eq!(o.status.code(), Some(2));
    // The argument is named as in every front end (the core's contract), with the forms to use.
    assert!(stderr(&o).contains("error[invalid_argument]: invalid argument `at`"));
    assert!(stderr(&o).contains("DD/MM/YYYY"));
    let o = diaban(&["check", "--today", "+1/+9/2024"]);
    assert_eq!(o.status.code(), Some(2), "signs are not digits");
    // `history` applies no profile, so it takes no --profile (it used to accept and ignore one).
    let o = diaban(&[
        "history",
        "--target",
        "01954",
        "--profile",
        "no-such-profile",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = diaban(&["check", "--profile", "no-such-profile"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown_profile"));
    let o = diaban(&["check", "/no/such/path.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_bad_profile_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.json");
    std::fs::write(&path, "{\"id\": \"x\",\n \"colour\": 1}\n").unwrap();
    let o = diaban(&["check", "--profile", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error[unknown_field]")
            && err.contains("profile.json, line 2")
            && err.contains("`colour`"),
        "{err}"
    );
}

#[test]
fn convert_round_trips_and_never_overwrites_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("demo.json");
    let csv = dir.path().join("csv");
    let back = dir.path().join("back.json");
    assert!(diaban(&["convert", "--out", json.to_str().unwrap()])
        .status
        .success());
    assert!(diaban(&[
        "convert",
        json.to_str().unwrap(),
        "--out",
        csv.to_str().unwrap()
    ])
    .status
    .success());
    assert!(diaban(&[
        "convert",
        csv.to_str().unwrap(),
        "--out",
        back.to_str().unwrap()
    ])
    .status
    .success());
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        std::fs::read_to_string(&back).unwrap()
    );
    let o = diaban(&[
        "convert",
        json.to_str().unwrap(),
        "--out",
        json.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refusing"));
    assert!(no_temp_files(dir.path()));
}

fn no_temp_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .all(|e| !e.unwrap().file_name().to_string_lossy().contains(".tmp-"))
}

#[test]
fn report_relations_and_schema_run() {
    let o = diaban(&[
        "report",
        "--year",
        "2025",
        "--today",
        "2026-03-01",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["assignments"].as_array().unwrap().len() >= 108);
    let o = diaban(&["report", "--year", "2025", "--today", "2026-03-01", "--csv"]);
    assert!(stdout(&o).starts_with("year,assignment_id,scheme"));
    let o = diaban(&[
        "relations",
        "--person",
        "p-ha-sy-thang",
        "--at",
        "2024-10-01",
        "--lang",
        "en",
    ]);
    assert!(
        stdout(&o).contains("is directed by Huyện Ngân Sơn (062)"),
        "{}",
        stdout(&o)
    );
    let o = diaban(&["schema"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["dataset"]["properties"]["units"].is_object());
}
