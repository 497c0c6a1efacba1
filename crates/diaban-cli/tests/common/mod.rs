//! What the command-line tests share: running the built `diaban` and reading what it printed.
// Each test file uses some of these.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs the built `diaban` with `args`.
pub fn diaban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diaban"))
        .args(args)
        .output()
        .unwrap()
}

/// What it printed on standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// What it printed on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A path as an argument.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Writes the template workbook of Bắc Kạn (GSO code 06) on 01/10/2024 to `book`, failing the
/// test if `diaban template` fails.
pub fn bac_kan_template(book: &Path) {
    let o = diaban(&[
        "template",
        "--province",
        "06",
        "--at",
        "01/10/2024",
        "--out",
        s(book),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}
