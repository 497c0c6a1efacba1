//! The command line's help and argument errors speak Vietnamese by default and English with
//! `--lang en`: every help page (the program's and each subcommand's, found from the program's
//! own list, so a new subcommand or argument is covered without editing this test) has no
//! English sentence, and clap's argument errors are rewritten with the same exit code 2.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{diaban, stderr, stdout};

/// English words that must not appear in Vietnamese help or errors (whole words, outside
/// backticks; flags, value names and literal values are not words of a sentence).
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "and",
    "or",
    "is",
    "are",
    "a",
    "with",
    "without",
    "for",
    "from",
    "this",
    "that",
    "when",
    "which",
    "print",
    "usage",
    "options",
    "arguments",
    "commands",
    "default",
    "possible",
    "values",
    "value",
    "file",
    "folder",
    "day",
    "unexpected",
    "found",
    "tip",
    "similar",
    "exists",
    "required",
    "provided",
    "invalid",
    "information",
    "try",
    "subcommand",
];

/// The English words of `text` (see [`ENGLISH`]), each with its line.
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let outside: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        for word in outside.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
            let is_flag = word.starts_with('-');
            let is_placeholder =
                word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
            if is_flag || is_placeholder {
                continue;
            }
            if ENGLISH.contains(&word.to_lowercase().as_str()) {
                found.push(format!("{word:?} in: {line}"));
            }
        }
    }
    found
}

fn assert_vietnamese(what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what}: nothing printed");
    let english = english_words(text);
    assert!(
        english.is_empty(),
        "{what}: English in the Vietnamese text:\n{}\n\n{text}",
        english.join("\n")
    );
}

/// The subcommands the program's help lists under its "Lệnh:" heading.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != "Lệnh:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// The options a help page lists (`--at`, `-h`…), in order.
fn flags(help: &str) -> Vec<String> {
    help.lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with('-'))
        .filter_map(|l| {
            l.split([' ', ','])
                .find(|w| w.starts_with("--"))
                .map(str::to_owned)
        })
        .collect()
}

/// How many positional arguments a help page lists (their names differ between languages).
fn positionals(help: &str) -> usize {
    help.lines()
        .filter(|l| l.starts_with("  [") || l.starts_with("  <"))
        .count()
}

#[test]
fn every_help_page_is_vietnamese_and_lists_what_the_english_one_lists() {
    let o = diaban(&["--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let top = stdout(&o);
    assert_vietnamese("diaban --help", &top);
    assert!(top.contains("Cách dùng: diaban <LỆNH>"), "{top}");
    assert!(top.contains("-h, --help     In hướng dẫn"), "{top}");
    assert!(top.contains("-V, --version  In phiên bản"), "{top}");
    let subs = subcommands(&top);
    for expected in [
        "check",
        "coverage",
        "report",
        "reorganize",
        "convert",
        "help",
    ] {
        assert!(subs.iter().any(|s| s == expected), "{expected} in {subs:?}");
    }
    for sub in subs.iter().filter(|s| *s != "help") {
        let o = diaban(&[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{sub}: {}", stderr(&o));
        let vi = stdout(&o);
        assert_vietnamese(&format!("diaban {sub} --help"), &vi);
        assert!(vi.contains(&format!("Cách dùng: diaban {sub}")), "{vi}");
        assert!(!vi.contains("[OPTIONS]"), "{vi}");
        // Every subcommand takes --lang, for its messages and failures at least.
        assert!(
            flags(&vi).iter().any(|f| f == "--lang"),
            "{sub}: no --lang\n{vi}"
        );
        // `--help` is acted on where it stands, so `--lang en` after it only picks the words.
        let o = diaban(&[sub, "--help", "--lang", "en"]);
        assert_eq!(o.status.code(), Some(0), "{sub}: {}", stderr(&o));
        let en = stdout(&o);
        assert!(en.contains(&format!("Usage: diaban {sub}")), "{en}");
        assert_eq!(flags(&vi), flags(&en), "{sub}: the same options in both");
        assert_eq!(
            positionals(&vi),
            positionals(&en),
            "{sub}: the same number of positional arguments in both\n{vi}\n{en}"
        );
    }
}

#[test]
fn check_help_reads_as_an_official_would_write_it() {
    let o = diaban(&["check", "--help"]);
    let help = stdout(&o);
    for needle in [
        "Tham số:",
        "Tùy chọn:",
        "--at <NGÀY>",
        "Ngày xem xét",
        "Ngày xét hạn",
        "hồ sơ quy định",
        "01/10/2024",
        "[mặc định: vi] [giá trị: vi, en]",
        "-h, --help",
    ] {
        assert!(help.contains(needle), "`{needle}` not in:\n{help}");
    }
    // `diaban help check` is the same page.
    let o = diaban(&["help", "check"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), help);
}

#[test]
fn english_help_stays_clap_s_own() {
    let o = diaban(&["check", "--lang", "en", "--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let help = stdout(&o);
    for needle in [
        "Usage: diaban check [OPTIONS] [PATH]",
        "Arguments:",
        "Options:",
        "Print help",
        "[default: vi] [possible values: vi, en]",
        "The day deadlines are judged against",
    ] {
        assert!(help.contains(needle), "`{needle}` not in:\n{help}");
    }
    let o = diaban(&["check", "--lang=en", "--tody", "2026-01-01"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unexpected argument '--tody'"), "{err}");
    assert!(err.contains("'--today'"), "{err}");
}

#[test]
fn an_unknown_argument_is_named_in_vietnamese_with_the_likely_one() {
    let o = diaban(&["check", "--tody", "2026-01-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert_vietnamese("check --tody", &err);
    assert!(
        err.starts_with("error[invalid_argument]: lệnh không có tham số `--tody`"),
        "{err}"
    );
    assert!(err.contains("có phải ý bạn là `--today`?"), "{err}");
    assert!(err.contains("Cách dùng: diaban check [TÙY_CHỌN]"), "{err}");
    assert!(err.contains("`diaban check --help`"), "{err}");
}

#[test]
fn every_kind_of_argument_error_is_vietnamese_and_exits_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["relations", "--at", "01/10/2024"],
            "thiếu tham số bắt buộc:\n  --person <CÁN_BỘ>",
        ),
        (
            &["check", "--format", "xml"],
            "[các giá trị được chấp nhận: `text`, `json`]",
        ),
        (&["check", "--format="], "cần một giá trị"),
        (
            &["check", "--lang", "fr"],
            "giá trị `fr` của tham số `--lang <NGÔN_NGỮ>` không hợp lệ",
        ),
        (
            &["report", "--year", "abc"],
            "`--year <NĂM>` không hợp lệ: cần một số nguyên",
        ),
        (
            &[
                "relations",
                "--at",
                "01/10/2024",
                "--person",
                "p",
                "--body",
                "b",
            ],
            "không dùng được tham số",
        ),
        (
            &["check", "--at", "01/10/2024", "--at", "02/10/2024"],
            "chỉ được dùng một lần",
        ),
        (
            &["check", "--strict=yes"],
            "tham số `--strict` không nhận thêm giá trị `yes`",
        ),
        (&["check", "a", "b"], "thừa giá trị `b`"),
        (&["chek"], "không có lệnh `chek`\n  gợi ý: có phải ý bạn là"),
        (&["schema", "nope"], "`dataset`, `profile`, `both`"),
        (
            &["check", "--xyz"],
            "gợi ý: để dùng `--xyz` làm giá trị, viết `-- --xyz`",
        ),
        (
            &["--", "check"],
            "gợi ý: có lệnh `check`; để dùng lệnh đó, bỏ `--` đứng trước",
        ),
    ];
    for (args, needle) in cases {
        let o = diaban(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("error[invalid_argument]: "),
            "{args:?}: {err}"
        );
        assert!(err.contains(needle), "{args:?}: `{needle}` not in {err}");
        assert_vietnamese(&format!("{args:?}"), &err);
    }
    // The help command to run names the subcommand even when clap gives no usage line.
    let err = stderr(&diaban(&["report", "--year", "abc"]));
    assert!(err.contains("`diaban report --help`"), "{err}");
}

#[test]
fn no_subcommand_shows_the_vietnamese_help_and_exits_2() {
    let o = diaban(&[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_vietnamese("diaban", &err);
    assert!(err.contains("Lệnh:"), "{err}");
}

#[test]
fn the_version_exits_0() {
    let o = diaban(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("diaban "), "{}", stdout(&o));
}
