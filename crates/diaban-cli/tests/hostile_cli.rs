//! Hostile input through the command line (issue 8): the CLI never overwrites its input,
//! writes atomically, leaves nothing half-written when a run fails, and answers every hostile
//! input with a result or exit 2 and a message, in bounded time, never a panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn diaban(args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_diaban"))
        .args(args)
        .output()
        .unwrap();
    (out, start.elapsed())
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The names in a folder, sorted (to show that no temporary file was left behind).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const UNITS: &str = "code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n";

#[test]
fn convert_refuses_to_overwrite_its_input_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("demo.json");
    let (o, _) = diaban(&["convert", "--out", s(&input)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read(&input).unwrap();
    // The same file, spelled two ways.
    let spelled = dir.path().join(".").join("demo.json");
    for out in [&input, &spelled] {
        let (o, _) = diaban(&["convert", s(&input), "--out", s(out)]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("error[output_is_input]"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read(&input).unwrap(), before);
    }
    // A CSV folder converted onto itself is refused too.
    let folder = dir.path().join("csv");
    let (o, _) = diaban(&["convert", s(&input), "--out", s(&folder)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let units_before = std::fs::read(folder.join("units.csv")).unwrap();
    let (o, _) = diaban(&["convert", s(&folder), "--out", s(&folder)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(folder.join("units.csv")).unwrap(),
        units_before
    );
    // With --force it is rewritten, atomically: same content, no temporary file left.
    let (o, _) = diaban(&["convert", s(&input), "--out", s(&input), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(listing(dir.path()), ["csv", "demo.json"]);
}

#[test]
fn a_failing_load_leaves_no_output_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"units":[{"code":"06","name":"x","type":"Tỉnh","colour":1}]}"#,
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for out in [out_dir.join("new.json"), out_dir.join("new-csv")] {
        let (o, _) = diaban(&["convert", s(&bad), "--out", s(&out)]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("unknown_field"), "{}", stderr(&o));
        assert!(!out.exists(), "{} was created", out.display());
    }
    assert!(listing(&out_dir).is_empty(), "{:?}", listing(&out_dir));
    // An existing output is left as it was when the load fails.
    let existing = out_dir.join("keep.json");
    std::fs::write(&existing, "precious").unwrap();
    let (o, _) = diaban(&["convert", s(&bad), "--out", s(&existing)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");
    assert_eq!(listing(&out_dir), ["keep.json"]);
}

/// One hostile input on disk: a JSON file or a CSV folder.
enum Input {
    Json(Vec<u8>),
    Csv(Vec<(&'static str, Vec<u8>)>),
}

fn hostile_inputs() -> Vec<(&'static str, Input, bool)> {
    use Input::{Csv, Json};
    let units = |extra: &[(&'static str, &str)]| {
        let mut files = vec![("units.csv", UNITS.as_bytes().to_vec())];
        files.extend(extra.iter().map(|(n, t)| (*n, t.as_bytes().to_vec())));
        Csv(files)
    };
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let big = format!(
        r#"{{"units":[{{"code":"06","name":"{}","type":"Tỉnh"}}]}}"#,
        "a".repeat(50 * 1024 * 1024)
    );
    // (name, input, loads?)
    vec![
        ("invalid UTF-8 in CSV", Csv(vec![("units.csv", b"code,name,type\n06,\xff\xfe,T\xe1\xbb\x89nh\n".to_vec())]), false),
        ("invalid UTF-8 in JSON", Json(b"{\"units\":[{\"code\":\"\xc0\xaf\"}]}".to_vec()), false),
        ("JSON nested 100,000 deep", Json(deep.clone().into_bytes()), false),
        ("JSON nested 100,000 deep in a field", Json(format!(r#"{{"units":[{{"code":{deep}}}]}}"#).into_bytes()), false),
        ("a 50 MB field", Json(big.into_bytes()), false),
        ("an empty JSON file", Json(Vec::new()), false),
        ("an empty units.csv", Csv(vec![("units.csv", Vec::new())]), false),
        ("header-only files", units(&[("people.csv", "id,name,title,organization_id,rank\n"), ("assignments.csv", "id,scheme,subject_id,target,valid_from\n")]), true),
        ("a duplicate column", units(&[("terms.csv", "id,organization_id,label,valid_from,label\n")]), false),
        ("a missing column", units(&[("terms.csv", "id,organization_id,valid_from\n")]), false),
        ("an unknown column", units(&[("activities.csv", "id,date,subject_id,target,kind,colour\n")]), false),
        ("a ragged row", units(&[("evaluations.csv", "id,year,assignment_id,author_id\ne1,2024,a1\n")]), false),
        ("a BOM", Csv(vec![("units.csv", format!("\u{feff}{UNITS}").into_bytes())]), true),
        ("CRLF line ends", Csv(vec![("units.csv", UNITS.replace('\n', "\r\n").into_bytes())]), true),
        ("lone CR line ends", Csv(vec![("units.csv", UNITS.replace('\n', "\r").into_bytes())]), true),
        ("NFD names", Csv(vec![("units.csv", "code,name,type\n06,Ti\u{309}nh Ba\u{306}\u{301}c Ka\u{323}n,Ti\u{309}nh\n".as_bytes().to_vec())]), true),
        ("2024-02-30", units(&[("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,2024-02-30\n")]), false),
        ("0000-01-01", units(&[("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,0000-01-01\n")]), false),
        ("31/02/2024", units(&[("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,31/02/2024\n")]), false),
        ("periods reaching 9999-12-31", units(&[("assignments.csv", "id,scheme,subject_id,target,valid_from,valid_to\na1,commune-monitoring,p1,01954,2024-09-01,9999-12-31\na2,commune-monitoring,p1,01954,9999-12-31,\n")]), true),
        ("a quantity that overflows", units(&[("activities.csv", "id,date,subject_id,target,kind,quantity\nx,2024-01-01,p1,01954,contribution,18446744073709551616\n")]), false),
        ("a value_vnd that overflows", Json(br#"{"units":[],"activities":[{"id":"x","date":"2024-01-01","subject_id":"p","target":"06","kind":"contribution","value_vnd":1e40}]}"#.to_vec()), false),
        ("a year that overflows", units(&[("evaluations.csv", "id,year,assignment_id,author_id\ne1,99999999999,a1,o\n")]), false),
        ("criteria_met that overflows", units(&[("ntm_statuses.csv", "unit_code,year,criteria_met,status\n01954,2024,256,standard\n")]), false),
        ("an unknown nested JSON field", Json(br#"{"units":[{"code":"06","name":"x","type":"T\u1ec9nh","colour":"red"}]}"#.to_vec()), false),
    ]
}

#[test]
fn hostile_inputs_give_a_result_or_exit_2_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (what, input, loads)) in hostile_inputs().into_iter().enumerate() {
        let path: PathBuf = match input {
            Input::Json(bytes) => {
                let p = dir.path().join(format!("in{i}.json"));
                std::fs::write(&p, bytes).unwrap();
                p
            }
            Input::Csv(files) => {
                let p = dir.path().join(format!("in{i}"));
                std::fs::create_dir(&p).unwrap();
                for (name, bytes) in files {
                    std::fs::write(p.join(name), bytes).unwrap();
                }
                p
            }
        };
        for args in [
            vec!["check", s(&path), "--today", "2026-01-01"],
            vec![
                "check",
                s(&path),
                "--today",
                "2026-01-01",
                "--format",
                "json",
            ],
            vec!["coverage", s(&path), "--at", "2024-10-01"],
            vec!["report", s(&path), "--year", "2025"],
        ] {
            let (o, took) = diaban(&args);
            let err = stderr(&o);
            assert!(
                !err.contains("panicked"),
                "{what}: {args:?} panicked: {err}"
            );
            assert!(
                took < Duration::from_secs(60),
                "{what}: {args:?} took {took:?}"
            );
            let code = o.status.code();
            if loads {
                assert!(
                    matches!(code, Some(0 | 1)),
                    "{what}: {args:?} exit {code:?}: {err}"
                );
            } else {
                assert_eq!(code, Some(2), "{what}: {args:?}: {err}");
                assert!(err.starts_with("error["), "{what}: {err}");
                assert!(
                    err.contains(&format!("in{i}")),
                    "{what}: the message names no file: {err}"
                );
            }
        }
    }
}
