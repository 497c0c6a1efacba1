//! The `diaban` binary end to end: exit codes, the JSON contract of docs/design.md, and clear
//! errors (file, line, field; exit 2; never a panic) on tampered input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{diaban, stderr, stdout};

use serde_json::Value;
use std::path::Path;
use std::process::Output;

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
    // 02131 has nobody (an error); 01885 and 02038 have only a monitor who is not eligible (a
    // monitor covers a unit only while eligible; that rests on an assumed rule: warnings). A
    // group counts each severity.
    // A group is headed by the finding's title, its counts and its code.
    assert!(
        text.contains("\nUnit without a monitor (1 error, 2 warnings) [coverage_gap]\n"),
        "{text}"
    );
    assert!(text.contains(" (1 error) [coverage_overlap]\n"), "{text}");
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
        ("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,2024-13-01\n", "invalid_date", &["assignments.csv", "dòng 2", "valid_from", "không phải là một ngày có thật"]),
        ("assignments.csv", "id,scheme,subject_id,target,valid_from,colour\na1,commune-monitoring,p1,01954,2024-09-01,red\n", "unknown_field", &["assignments.csv", "dòng 1", "colour", "cột lạ"]),
        ("assignments.csv", "id,scheme,subject_id,valid_from\na1,commune-monitoring,p1,2024-09-01\n", "missing_field", &["assignments.csv", "dòng 1", "target", "thiếu cột"]),
        ("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,\"p1,01954,2024-09-01\n", "csv_syntax", &["assignments.csv", "dòng 2"]),
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
    // In Vietnamese, the default language of the command line; English with --lang en.
    assert!(
        stderr(&o).contains("error[invalid_argument]: tham số `at` không hợp lệ"),
        "{}",
        stderr(&o)
    );
    let en = diaban(&["check", "--at", "31/02/2024", "--lang", "en"]);
    assert!(
        stderr(&en).contains("error[invalid_argument]: invalid argument `at`"),
        "{}",
        stderr(&en)
    );
    assert!(stderr(&o).contains("DD/MM/YYYY"));
    let o = diaban(&["check", "--today", "+1/+9/2024"]);
    assert_eq!(o.status.code(), Some(2), "signs are not digits");
    // `history` names the schemes from its --profile: an unknown profile is an error, never
    // ignored.
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
fn people_and_places_are_found_by_id_or_name() {
    let by_code = diaban(&["history", "--target", "01975", "--format", "json"]);
    assert_eq!(by_code.status.code(), Some(0), "{}", stderr(&by_code));
    let list: Value = serde_json::from_str(&stdout(&by_code)).unwrap();
    assert!(!list.as_array().unwrap().is_empty());
    for name in ["Xã Vi Hương", "vi  hương", "VI HƯƠNG"] {
        let o = diaban(&["history", "--target", name, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&by_code), "{name}");
    }
    // Sĩ/Sỹ and the case are spellings of one name.
    let args = ["--at", "2024-10-01", "--format", "json"];
    let by_id = diaban(&[&["relations", "--person", "p-ha-sy-thang"][..], &args].concat());
    let by_name = diaban(&[&["relations", "--person", "hà sĩ thắng"][..], &args].concat());
    assert_eq!(by_id.status.code(), Some(0), "{}", stderr(&by_id));
    assert_eq!(by_name.status.code(), Some(0), "{}", stderr(&by_name));
    assert_eq!(stdout(&by_name), stdout(&by_id));
    // Unknown: an error and exit 2, never an empty list with exit 0.
    let o = diaban(&["history", "--target", "99999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("error[not_found]"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    // Ambiguous: the province and its city are both "Bắc Kạn"; both are listed with their codes.
    let o = diaban(&["history", "--target", "Bắc Kạn"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("error[ambiguous_name]"), "{err}");
    assert!(
        err.contains("Thành phố Bắc Kạn (058") && err.contains("Tỉnh Bắc Kạn (06"),
        "{err}"
    );
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
            && err.contains("profile.json, dòng 2")
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
    assert!(
        stderr(&o).contains("error[output_is_input]"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("không ghi đè"), "{}", stderr(&o));
    assert!(no_temp_files(dir.path()));
}

fn no_temp_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
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
    // For Excel: a byte-order mark first, unless a program asks for none.
    let o = diaban(&["report", "--year", "2025", "--today", "2026-03-01", "--csv"]);
    assert!(stdout(&o).starts_with("\u{feff}year,assignment_id,scheme"));
    let o = diaban(&[
        "report",
        "--year",
        "2025",
        "--today",
        "2026-03-01",
        "--csv",
        "--no-bom",
    ]);
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
        // Direction comes from the member in charge of the district, not from the district.
        stdout(&o).contains("is directed by Cán bộ giả định 013 (")
            && stdout(&o).contains("in charge of Huyện Ngân Sơn"),
        "{}",
        stdout(&o)
    );
    let o = diaban(&["schema"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["dataset"]["properties"]["units"].is_object());
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)))
}

#[test]
fn reorganize_the_demo_then_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let once = dir.path().join("once.json");
    let once_s = once.to_str().unwrap();
    let o = diaban(&[
        "reorganize",
        "-",
        "--out",
        once_s,
        "--today",
        "2026-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let changes = &v["changes"];
    let count = |key: &str| changes[key].as_array().unwrap().len();
    // 108 communes, 8 districts and the province end; 37 communes and Thái Nguyên start.
    assert_eq!(count("units_ended"), 117);
    assert_eq!(count("units_started"), 38);
    assert_eq!(changes["edges_added"], 117);
    assert_eq!(v["events"], "bac-kan-2025 (built-in)");
    let after = diaban::Dataset::load(&once).unwrap();
    let closed = after
        .assignments
        .iter()
        .filter(|a| {
            a.scheme == "commune-monitoring" && a.end_reason == Some(diaban::EndReason::Reorganized)
        })
        .count();
    assert_eq!(closed, 108);
    assert!(after.assignments.iter().all(|a| a
        .valid_to
        .is_some_and(|d| d <= diaban::date!(2025, 12, 31))
        || a.scheme == "cell-attendance"));

    // A second run, written as CSV, changes nothing and loses nothing.
    let csv = dir.path().join("csv");
    let csv_s = csv.to_str().unwrap();
    let o = diaban(&[
        "reorganize",
        once_s,
        "--events",
        "bac-kan-2025",
        "--out",
        csv_s,
        "--today",
        "2026-01-01",
        "--lang",
        "en",
    ]);
    assert!(o.status.code().is_some(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Nothing changed: the events were already applied."),
        "{}",
        stdout(&o)
    );
    assert_eq!(diaban::Dataset::load(&csv).unwrap(), after);
    // The events may come from the carried-over folder itself; --force overwrites the input.
    let o = diaban(&[
        "reorganize",
        csv_s,
        "--events",
        csv_s,
        "--out",
        csv_s,
        "--force",
        "--today",
        "2026-01-01",
        "--format",
        "json",
    ]);
    let v = json(&o);
    assert_eq!(v["changes"]["units_ended"].as_array().unwrap().len(), 0);
    assert_eq!(v["changes"]["edges_added"], 0);
    assert_eq!(diaban::Dataset::load(&csv).unwrap(), after);
}

#[test]
fn reorganize_refuses_to_overwrite_its_input_and_needs_events() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    std::fs::write(&input, diaban::Dataset::demo().to_json_string().unwrap()).unwrap();
    let input_s = input.to_str().unwrap();
    let x = dir.path().join("x.json");
    let x_s = x.to_str().unwrap();
    let cases: [(&[&str], &str); 3] = [
        (
            &[
                "reorganize",
                input_s,
                "--events",
                "bac-kan-2025",
                "--out",
                input_s,
            ],
            "error[output_is_input]",
        ),
        (&["reorganize", input_s, "--out", x_s], "--events"),
        (
            &["reorganize", input_s, "--events", "nowhere", "--out", x_s],
            "error[invalid_argument]",
        ),
    ];
    for (args, needle) in cases {
        let o = diaban(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(needle), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    assert!(!x.exists());
}

#[test]
fn lineage_knows_the_demo_codes_and_not_others() {
    let o = diaban(&["lineage", "--code", "01843", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    // The old Phùng Chí Kiên ward became part of Phường Bắc Kạn with three others.
    for needle in [
        "01843 Phường Phùng Chí Kiên",
        "01843 Phường Bắc Kạn",
        "Came from:",
        "Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 90",
    ] {
        assert!(text.contains(needle), "`{needle}` not in {text}");
    }
    let o = diaban(&[
        "lineage",
        "--code",
        "01843",
        "--at",
        "2025-07-01",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), 1, "--at picks one version");
    assert_eq!(reports[0]["name"], "Phường Bắc Kạn");
    let mut old: Vec<&str> = reports[0]["predecessors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    old.sort_unstable();
    assert_eq!(old, ["01837", "01843", "01852", "01855"]);

    let o = diaban(&["lineage", "--code", "99999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("99999"));
    let o = diaban(&["lineage", "--code", "01843", "--at", "31/02/2025"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error[invalid_argument]")
            && err.contains("`at`")
            && err.contains("31/02/2025"),
        "{err}"
    );
}

#[test]
fn reorganize_writes_proposals_and_accepts_the_edited_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let (after, proposals) = (path("after.json"), path("de-xuat.csv"));
    let o = diaban(&[
        "reorganize",
        "-",
        "--out",
        &after,
        "--proposals",
        &proposals,
        "--today",
        "2026-01-01",
        "--format",
        "json",
    ]);
    let v = json(&o);
    assert_eq!(
        v["proposals"]["rows"], 161,
        "108 monitors and 53 helping agencies"
    );
    assert_eq!(
        v["proposals"]["new_units"], 67,
        "37 monitored units, 30 helped"
    );
    let bytes = std::fs::read(&proposals).unwrap();
    assert!(bytes.starts_with("\u{feff}Mã đơn vị mới (new_unit)".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("Hà Sỹ Thắng"), "names are readable");
    let rows = diaban::reorg::read_proposals("de-xuat.csv", &text).unwrap();
    assert_eq!(rows.len(), 161);

    // Unedited, the file is refused (no decision), and nothing is written.
    let refused = path("refused.json");
    let o = diaban(&[
        "reorganize",
        &after,
        "--events",
        "bac-kan-2025",
        "--out",
        &refused,
        "--accept",
        &proposals,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("điền số và ngày quyết định"),
        "{}",
        stderr(&o)
    );
    assert!(!Path::new(&refused).exists());

    // The office keeps one monitor per new unit (the one of the old unit that keeps the code,
    // where there is one) and fills in the decision.
    let mut rows = rows;
    rows.sort_by_key(|r| (r.new_unit.clone(), r.previous_unit != r.new_unit));
    let mut kept: Vec<diaban::reorg::SuccessorProposal> = Vec::new();
    for mut r in rows
        .into_iter()
        .filter(|r| r.scheme == "commune-monitoring")
    {
        if kept.iter().any(|k| k.new_unit == r.new_unit) {
            continue;
        }
        r.decision_number = Some("25-QĐ/TU".into());
        r.decision_date = Some(diaban::date!(2025, 7, 5));
        kept.push(r);
    }
    for (name, text) in [
        (
            "edited.csv",
            diaban::reorg::write_proposals_csv(&kept).unwrap(),
        ),
        (
            "edited.json",
            diaban::reorg::write_proposals_json(&kept).unwrap(),
        ),
    ] {
        let edited = path(name);
        std::fs::write(&edited, text).unwrap();
        let done = path(&format!("done-{name}.json"));
        let o = diaban(&[
            "reorganize",
            &after,
            "--events",
            "bac-kan-2025",
            "--out",
            &done,
            "--accept",
            &edited,
            "--format",
            "json",
        ]);
        let v = json(&o);
        assert_eq!(v["accepted"].as_array().unwrap().len(), 37, "{name}");
        let ds = diaban::Dataset::load(&done).unwrap();
        let a = ds
            .assignments
            .iter()
            .find(|a| a.id == "cm-01954-2025")
            .unwrap();
        assert_eq!(
            (
                a.subject_id.as_str(),
                a.target.as_str(),
                a.replaces.as_deref()
            ),
            ("p-ha-sy-thang", "01954", Some("cm-01954"))
        );
        // Accepting the same file again creates nothing.
        let again = path(&format!("again-{name}.json"));
        let v = json(&diaban(&[
            "reorganize",
            &done,
            "--events",
            "bac-kan-2025",
            "--out",
            &again,
            "--accept",
            &edited,
            "--format",
            "json",
        ]));
        assert_eq!(v["accepted"].as_array().unwrap().len(), 0);
        assert_eq!(diaban::Dataset::load(&again).unwrap(), ds);
    }
}

#[test]
fn proposals_never_overwrite_the_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("after.json");
    let out_s = out.to_str().unwrap();
    let o = diaban(&["reorganize", "--out", out_s, "--proposals", out_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error[output_is_input]"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// `report --out` and `coverage --out` write an Excel workbook for a `.xlsx` name: a zip
/// archive with a sheet per table, the tables' own columns as headers; another extension is
/// refused before anything is written.
#[test]
fn report_and_coverage_write_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("bao-cao-2024.xlsx");
    let o = diaban(&[
        "report",
        "--year",
        "2024",
        "--today",
        "01/03/2025",
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&report).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let text = String::from_utf8_lossy(&bytes);
    // Seven tables, seven sheets (the names are stored uncompressed in the archive's directory).
    assert!(text.contains("xl/worksheets/sheet7.xml"), "not 7 sheets");
    let coverage = dir.path().join("phu-song.xlsx");
    let o = diaban(&[
        "coverage",
        "--at",
        "01/10/2024",
        "--out",
        coverage.to_str().unwrap(),
    ]);
    // Exit 1: a unit is uncovered; the workbook is written all the same.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(std::fs::read(&coverage).unwrap().starts_with(b"PK\x03\x04"));
    let wrong = dir.path().join("bao-cao.pdf");
    let o = diaban(&["report", "--year", "2024", "--out", wrong.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("….xlsx"), "{}", stderr(&o));
    assert!(!wrong.exists());
}
