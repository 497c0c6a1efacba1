//! `docs/architecture.md` cannot drift from the code: every fenced block whose info string
//! names a file (```` ```rust file=crates/diaban/src/rules/cardinality.rs ````) is quoted from
//! that file (whitespace aside; pieces separated by a `// …` line appear in that order), and
//! every repository path the text names in backticks exists.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quoted blocks of a document: (file named, pieces of the quote).
fn quotes(doc: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>, String)> = None;
    for line in doc.lines() {
        let fence = line.trim_start().starts_with("```");
        match (&mut current, fence) {
            (None, true) => {
                if let Some(file) = line
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("file="))
                {
                    current = Some((file.to_owned(), Vec::new(), String::new()));
                }
            }
            (Some((_, pieces, piece)), false) => {
                if matches!(line.trim(), "// …" | "# …") {
                    pieces.push(std::mem::take(piece));
                } else {
                    piece.push_str(line);
                    piece.push('\n');
                }
            }
            (Some(_), true) => {
                let (file, mut pieces, piece) = current.take().unwrap();
                pieces.push(piece);
                out.push((file, pieces));
            }
            (None, false) => {}
        }
    }
    assert!(current.is_none(), "a quoted block is not closed");
    out
}

/// Repository paths named in backticks.
fn paths(doc: &str) -> Vec<String> {
    doc.split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| {
            !w.contains(char::is_whitespace)
                && ["crates/", "tests/", "docs/", "bindings/", "xtask/"]
                    .iter()
                    .any(|p| w.starts_with(p))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_architecture_guide_quotes_the_code_as_it_is() {
    let doc = std::fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let blocks = quotes(&doc);
    assert!(
        blocks.len() >= 4,
        "the worked example quotes the code: {blocks:?}"
    );
    for (file, pieces) in blocks {
        let text = squeeze(&std::fs::read_to_string(root().join(&file)).unwrap());
        let mut at = 0;
        for piece in pieces {
            let piece = squeeze(&piece);
            assert!(!piece.is_empty(), "{file}: an empty quoted piece");
            let found = text[at..].find(&piece);
            assert!(
                found.is_some(),
                "docs/architecture.md quotes {file}, which no longer says (after what was quoted before):\n{piece}"
            );
            at += found.unwrap() + piece.len();
        }
    }
    for path in paths(&doc) {
        assert!(
            root().join(&path).exists(),
            "docs/architecture.md names `{path}`, which does not exist"
        );
    }
}

#[test]
fn a_changed_quote_is_seen() {
    let doc = "```rust file=x.rs\nfn a() {}\n// …\nfn b() {}\n```\n";
    assert_eq!(
        quotes(doc),
        vec![(
            "x.rs".to_owned(),
            vec!["fn a() {}\n".to_owned(), "fn b() {}\n".to_owned()]
        )],
        "the quote and its pieces are read"
    );
    assert_eq!(
        paths("see `crates/x.rs` and `not a/path`"),
        vec!["crates/x.rs"]
    );
}
