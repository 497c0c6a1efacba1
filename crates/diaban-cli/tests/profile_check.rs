//! `diaban profile check FILE`: a consistent profile is summarised (exit 0), an inconsistent
//! one is refused with the error every command prints when it loads the profile (exit 2),
//! naming the file and the JSON path at fault.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{diaban, s, stderr, stdout};

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The built-in profile's JSON text, as shipped in the core crate.
fn builtin_json() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../diaban/profiles/bac-kan-1390.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The built-in profile changed by `edit`, written to `profile.json` in `dir`.
fn edited(dir: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut profile = builtin_json();
    edit(&mut profile);
    let path = dir.join("profile.json");
    std::fs::write(&path, serde_json::to_string_pretty(&profile).unwrap()).unwrap();
    path
}

/// True when `text` holds an ISO date (`2024-08-29`).
fn has_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
    })
}

#[test]
fn the_built_in_profile_is_valid_and_summarised_in_vietnamese() {
    let o = diaban(&["profile", "check", "bac-kan-1390"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        !has_iso_date(&text),
        "an ISO date in Vietnamese text:\n{text}"
    );
    for needle in [
        "Hồ sơ quy định hợp lệ (bac-kan-1390)",
        "1390-QĐ/TU",
        // Its life: from the signing day to the day before Bắc Kạn merged, an assumed end.
        "từ 29/08/2024 đến hết 30/06/2025 (ngày kết thúc là giả định)",
        "Cán bộ lãnh đạo cấp tỉnh theo dõi xã, phường, thị trấn (commune-monitoring)",
        "Ủy viên Ban Thường vụ Tỉnh ủy phụ trách đảng bộ huyện (district-lead)",
        // One unit per leader is assumed: listed by its label, with where it is in the file.
        "- số địa bàn tối đa của một người [schemes[0].per_subject]",
        "- việc chỉ tính người theo dõi trong thời gian giữ chức vụ đủ điều kiện [schemes[0].eligible_tenure]",
    ] {
        assert!(text.contains(needle), "`{needle}` not in\n{text}");
    }
    // The counts agree with the file: every parameter of the built-in profile by its source.
    let profile = diaban::Profile::bac_kan_1390();
    let params = diaban::api::profile_parameters(&profile, diaban::Lang::Vi);
    for (source, words) in [
        (diaban::Source::Seed, "nêu trong văn bản quy định"),
        (
            diaban::Source::Analog,
            "theo quy định tương tự của địa phương khác",
        ),
        (diaban::Source::Assumed, "giả định, cần cơ quan xác nhận"),
    ] {
        let n = params.iter().filter(|p| p.source == source).count();
        assert!(n > 0, "the built-in profile has {source} parameters");
        assert!(
            text.lines().any(|l| l.trim() == format!("{n} {words}")),
            "`{n} {words}` not in\n{text}"
        );
    }
    // A file is read as `--profile FILE` is: the same profile, the same summary.
    let dir = tempfile::tempdir().unwrap();
    let path = edited(dir.path(), |_| {});
    let o = diaban(&["profile", "check", s(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), text);
}

#[test]
fn english_is_given_on_request() {
    let o = diaban(&["profile", "check", "bac-kan-1390", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for needle in [
        "The profile is valid (bac-kan-1390)",
        "In force: from 2024-08-29 to 2025-06-30 (the end is assumed)",
        "- the most targets one assignee may hold [schemes[0].per_subject]",
        "assumed, to be confirmed by the office",
    ] {
        assert!(text.contains(needle), "`{needle}` not in\n{text}");
    }
    // `--lang` may also stand before the command.
    let o = diaban(&["profile", "--lang", "en", "check", "bac-kan-1390"]);
    assert_eq!(stdout(&o), text);
}

/// Runs `profile check` on the built-in profile changed by `edit` and returns its standard
/// error, having checked the exit code 2 and that the file and `path` are named.
fn refused(edit: impl FnOnce(&mut Value), lang: &str, code: &str, path: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = edited(dir.path(), edit);
    let o = diaban(&["profile", "check", s(&file), "--lang", lang]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("error[{code}]: ")), "{err}");
    assert!(err.contains(s(&file)), "the file is not named: {err}");
    assert!(err.contains(path), "`{path}` not named: {err}");
    // Exactly what a command that applies the profile prints, and its exit code.
    let other = diaban(&["check", "--profile", s(&file), "--lang", lang]);
    assert_eq!(other.status.code(), Some(2));
    assert_eq!(stderr(&other), err);
    err
}

#[test]
fn a_negative_frequency_is_refused_at_its_path() {
    let err = refused(
        |p| p["schemes"][0]["duties"][0]["min_per_year"]["value"] = json!(-1),
        "vi",
        "invalid_value",
        "tại schemes[0].duties[0].min_per_year.value",
    );
    assert!(err.contains("cần một số nguyên không âm"), "{err}");
    assert!(!err.contains("expected"), "English in: {err}");
}

#[test]
fn an_unknown_role_is_refused_at_its_path() {
    refused(
        |p| p["schemes"][0]["relationships"][0]["counterpart"]["value"]["role"] = json!("mayor"),
        "vi",
        "invalid_value",
        "tại schemes[0].relationships[0].counterpart.value.role",
    );
}

#[test]
fn a_criteria_count_of_zero_is_refused_at_its_path() {
    let err = refused(
        |p| p["ntm_criteria"]["count"]["value"] = json!(0),
        "vi",
        "invalid_value",
        "tại ntm_criteria.count.value",
    );
    assert!(err.contains("ít nhất một tiêu chí"), "{err}");
    let err = refused(
        |p| p["ntm_criteria"]["count"]["value"] = json!(0),
        "en",
        "invalid_value",
        "at ntm_criteria.count.value",
    );
    assert!(err.contains("at least one"), "{err}");
}

#[test]
fn an_unknown_field_is_refused_at_its_path() {
    refused(
        |p| p["schemes"][1]["colour"] = json!("red"),
        "vi",
        "unknown_field",
        "schemes[1]",
    );
}

#[test]
fn json_says_valid_or_gives_the_error_payload() {
    let o = diaban(&["profile", "check", "bac-kan-1390", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["valid"], json!(true));
    assert_eq!(v["in_force"]["to"], json!("2025-06-30"));
    assert_eq!(v["in_force"]["to_source"], json!("assumed"));
    assert_eq!(v["schemes"].as_array().unwrap().len(), 4);
    let params = v["parameters"].as_array().unwrap();
    let assumed = params.iter().filter(|p| p["source"] == "assumed").count();
    assert_eq!(v["parameter_counts"]["assumed"], json!(assumed));
    assert!(params.iter().any(|p| p["path"] == "schemes[0].per_subject"
        && p["source"] == "assumed"
        && p["label"] == "số địa bàn tối đa của một người"));

    let dir = tempfile::tempdir().unwrap();
    let file = edited(dir.path(), |p| {
        p["ntm_criteria"]["count"]["value"] = json!(0)
    });
    let o = diaban(&[
        "profile",
        "check",
        s(&file),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["valid"], json!(false));
    assert_eq!(v["error"]["code"], json!("invalid_value"));
    assert_eq!(
        v["error"]["location"]["path"],
        json!("ntm_criteria.count.value")
    );
    assert_eq!(v["error"]["location"]["file"], json!(s(&file)));
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at least one"),
        "{v}"
    );
}

#[test]
fn neither_a_file_nor_a_built_in_id_is_refused_as_elsewhere() {
    let o = diaban(&["profile", "check", "no-such-profile"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("error[unknown_profile]: "), "{err}");
    // The same words as `check --profile` prints.
    let other = diaban(&["check", "--profile", "no-such-profile"]);
    assert_eq!(stderr(&other), err);
}

#[test]
fn its_help_and_argument_errors_are_vietnamese_and_name_the_nested_command() {
    let o = diaban(&["profile", "check", "--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let help = stdout(&o);
    for needle in [
        "Cách dùng: diaban profile check [TÙY_CHỌN] <HỒ_SƠ>",
        "<HỒ_SƠ>  Hồ sơ quy định cần kiểm tra",
        "--lang <NGÔN_NGỮ>",
        "--format <DẠNG>",
    ] {
        assert!(help.contains(needle), "`{needle}` not in\n{help}");
    }
    // Not the help of `check`, whose positional argument is a dataset.
    assert!(!help.contains("bộ dữ liệu"), "{help}");
    let o = diaban(&["profile", "check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("error[invalid_argument]: thiếu tham số bắt buộc"),
        "{err}"
    );
    assert!(
        err.contains("Xem hướng dẫn: `diaban profile check --help`."),
        "{err}"
    );
}

/// The worked example of `docs/architecture.md`: another province's profile passes.
#[test]
fn the_worked_example_of_another_profile_is_valid() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/scenarios/profiles/one-to-eight.json");
    let o = diaban(&["profile", "check", s(&file)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Hồ sơ quy định hợp lệ ("),
        "{}",
        stdout(&o)
    );
}
