//! Every finding code is emitted from exactly one rule family (`src/rules/<family>.rs`), the
//! family's opening doc comment names it, and no finding is emitted outside `src/rules/`. Read
//! from the source text: an emission is `Draft::new(Code::Variant`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diaban::Code;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod source;
use source::sources;

/// `coverage_gap` → `CoverageGap`.
fn variant(code: Code) -> String {
    code.as_str()
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The code variants a file emits (`Draft::new(Code::X`, whitespace allowed), test modules left
/// out.
fn emitted(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("Draft::new(") {
        rest = &rest[i + "Draft::new(".len()..];
        let Some(after) = rest.trim_start().strip_prefix("Code::") else {
            continue;
        };
        let name: String = after
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        out.insert(name);
    }
    out
}

/// The opening `//!` comment of a file.
fn opening_doc(text: &str) -> String {
    text.lines()
        .take_while(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_code_is_emitted_by_exactly_one_rule_family_which_names_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let rules = src.join("rules");
    let mut by_code: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let found = emitted(&text);
        let name = file.strip_prefix(&src).unwrap().display().to_string();
        if file.parent() != Some(rules.as_path()) {
            assert!(
                found.is_empty(),
                "{name} emits {found:?}: findings are emitted by the rule families in src/rules/"
            );
            continue;
        }
        let doc = opening_doc(&text);
        for v in &found {
            let code = Code::ALL.iter().find(|c| variant(**c) == *v);
            let code = code.unwrap_or_else(|| panic!("{name}: Code::{v} is not a code"));
            assert!(
                doc.contains(&format!("`{}`", code.as_str())),
                "{name} emits `{code}` but its opening doc comment does not name it"
            );
            by_code.entry(v.clone()).or_default().push(name.clone());
        }
    }
    for code in Code::ALL {
        let files = by_code.get(&variant(*code)).cloned().unwrap_or_default();
        assert_eq!(
            files.len(),
            1,
            "`{code}` must be emitted from exactly one family file, found in {files:?}"
        );
    }
}

#[test]
fn the_scan_sees_emissions_across_lines() {
    let text = "ctx.push(\n    Draft::new(\n        Code::CoverageGap, \"unit\", &c)\n);\n// Draft::new(x)";
    assert_eq!(
        emitted(text),
        BTreeSet::from(["CoverageGap".to_owned()]),
        "an emission split over lines is seen, a draft of no code is not"
    );
}
