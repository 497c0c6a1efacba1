//! `diaban convert` and `diaban check` with the office's formats: CSV for Excel (a BOM, `;`
//! separators, Vietnamese headers) and XLSX workbooks give the same findings as JSON.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{diaban, s};

use std::path::{Path, PathBuf};

fn tempdir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("diaban-cli-formats-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The findings of `check --format json` on a path, and the exit code.
fn findings(path: &Path) -> (Option<i32>, serde_json::Value) {
    let o = diaban(&[
        "check",
        s(path),
        "--today",
        "2026-03-01",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    (o.status.code(), value["findings"].clone())
}

#[test]
fn convert_writes_csv_with_a_bom_unless_told_not_to_and_every_format_checks_the_same() {
    let dir = tempdir("bom");
    let json = dir.join("demo.json");
    let csv = dir.join("csv");
    let plain = dir.join("plain");
    assert!(diaban(&["convert", "--out", s(&json)]).status.success());
    assert!(diaban(&["convert", s(&json), "--out", s(&csv)])
        .status
        .success());
    assert!(
        diaban(&["convert", s(&json), "--out", s(&plain), "--no-bom"])
            .status
            .success()
    );
    for name in ["units.csv", "assignments.csv"] {
        let with = std::fs::read(csv.join(name)).unwrap();
        let without = std::fs::read(plain.join(name)).unwrap();
        assert_eq!(&with[..3], b"\xEF\xBB\xBF", "{name}");
        assert_eq!(&with[3..], &without[..], "{name}");
    }
    // The semicolon set Excel writes on a Vietnamese-locale Windows.
    let semicolon = dir.join("semicolon");
    std::fs::create_dir_all(&semicolon).unwrap();
    let texts = diaban::io::csv::write_texts_with(&diaban::Dataset::demo(), b';', true).unwrap();
    for (name, text) in &texts {
        std::fs::write(semicolon.join(name), text).unwrap();
    }
    // A workbook written by convert, and the CSV folder converted from it.
    let book = dir.join("book.xlsx");
    let from_book = dir.join("from-book");
    assert!(diaban(&["convert", s(&json), "--out", s(&book)])
        .status
        .success());
    assert_eq!(&std::fs::read(&book).unwrap()[..4], b"PK\x03\x04");
    assert!(diaban(&["convert", s(&book), "--out", s(&from_book)])
        .status
        .success());
    let expected = findings(&json);
    assert!(expected.1.as_array().is_some_and(|f| !f.is_empty()));
    for path in [&csv, &plain, &semicolon, &book, &from_book] {
        assert_eq!(findings(path), expected, "{}", path.display());
    }
}

#[test]
fn a_file_that_is_not_a_workbook_exits_2_with_a_clear_error() {
    let dir = tempdir("notbook");
    let book = dir.join("book.xlsx");
    std::fs::write(&book, "code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n").unwrap();
    let o = diaban(&["check", s(&book)]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error[xlsx_syntax]") && err.contains("book.xlsx"),
        "{err}"
    );
}
