//! Every command that writes a file refuses to write over one of its inputs — however the path
//! is spelled, through links, as a folder holding the input or a file inside an input folder —
//! with `error[output_is_input]` and exit 2, and leaves every file as it was.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{diaban, s, stderr};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` with its bytes: the whole tree, to show nothing changed or was added.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(tree(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
        }
    }
    out
}

fn as_strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn refused(args: &[&str]) {
    let o = diaban(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(
        stderr(&o).starts_with("error[output_is_input]: "),
        "{args:?}: {}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "{args:?}");
}

/// A folder with the demo as JSON (`demo.json`), as CSV (`csv/`), a profile file and an events file.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert!(diaban(&["convert", "--out", s(&root.join("demo.json"))])
        .status
        .success());
    assert!(diaban(&["convert", "--out", s(&root.join("csv"))])
        .status
        .success());
    std::fs::write(
        root.join("profile.json"),
        serde_json::to_string(&diaban::Profile::bac_kan_1390()).unwrap(),
    )
    .unwrap();
    std::fs::write(
        root.join("events.json"),
        serde_json::to_string(&diaban::reorg::bac_kan_2025()).unwrap(),
    )
    .unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    dir
}

#[test]
fn convert_never_writes_over_its_input() {
    let dir = setup();
    let root = dir.path();
    let before = tree(root);
    let json = root.join("demo.json");
    let csv = root.join("csv");
    let outs = [
        json.clone(),
        root.join("sub").join("..").join("demo.json"),
        root.join(".").join("demo.json"),
    ];
    for out in &outs {
        refused(&["convert", s(&json), "--out", s(out)]);
    }
    // A folder output that holds the input; an output inside the input folder.
    refused(&["convert", s(&json), "--out", s(root)]);
    refused(&["convert", s(&csv), "--out", s(&csv.join("x.json"))]);
    refused(&[
        "convert",
        s(&csv),
        "--out",
        s(&csv.join("deeper").join("csv")),
    ]);
    refused(&["convert", s(&csv), "--out", s(&csv)]);
    #[cfg(unix)]
    {
        let soft = root.join("sub").join("soft.json");
        std::os::unix::fs::symlink(&json, &soft).unwrap();
        let hard = root.join("sub").join("hard.json");
        std::fs::hard_link(&json, &hard).unwrap();
        let with_links = tree(root);
        refused(&["convert", s(&json), "--out", s(&soft)]);
        refused(&["convert", s(&json), "--out", s(&hard)]);
        refused(&["convert", s(&soft), "--out", s(&json)]);
        assert_eq!(tree(root), with_links);
        std::fs::remove_file(&soft).unwrap();
        std::fs::remove_file(&hard).unwrap();
    }
    assert_eq!(tree(root), before, "a refused run changed or added a file");
}

#[test]
fn reorganize_never_writes_over_any_of_its_inputs() {
    let dir = setup();
    let root = dir.path();
    let before = tree(root);
    let (json, events, profile) = (
        root.join("demo.json"),
        root.join("events.json"),
        root.join("profile.json"),
    );
    let base = |out: &Path| {
        vec![
            "reorganize".to_owned(),
            s(&json).to_owned(),
            "--events".to_owned(),
            s(&events).to_owned(),
            "--profile".to_owned(),
            s(&profile).to_owned(),
            "--today".to_owned(),
            "2026-01-01".to_owned(),
            "--out".to_owned(),
            s(out).to_owned(),
        ]
    };
    for out in [&json, &events, &profile, &root.to_path_buf()] {
        refused(&as_strs(&base(out)));
    }
    // --force lets --out replace the dataset it reads, never the events or the profile.
    for out in [&events, &profile] {
        let mut args = base(out);
        args.push("--force".into());
        refused(&as_strs(&args));
    }
    // The proposals never replace an input or the dataset being written, even with --force.
    let after = root.join("sub").join("after.json");
    for file in [&json, &events, &profile, &after] {
        let mut args = base(&after);
        args.extend([
            "--proposals".to_owned(),
            s(file).to_owned(),
            "--force".into(),
        ]);
        refused(&as_strs(&args));
    }
    assert_eq!(tree(root), before, "a refused run changed or added a file");
    // Beside the inputs it writes, and leaves no temporary file.
    let o = diaban(&as_strs(&base(&after)));
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    let mut expected = before.keys().cloned().collect::<Vec<_>>();
    expected.push(after.clone());
    expected.sort();
    assert_eq!(tree(root).into_keys().collect::<Vec<_>>(), expected);
    assert_eq!(
        tree(root)
            .into_iter()
            .filter(|(p, _)| *p != after)
            .collect::<BTreeMap<_, _>>(),
        before
    );
}
