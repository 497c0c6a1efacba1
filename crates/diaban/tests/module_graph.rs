//! The core's modules import each other without a circle: a module may use those below it, never
//! one that uses it back (docs/architecture.md). Read from the source text: every `crate::name`
//! outside comments and test modules is an arrow from the file's top-level module to `name`.
//! Inside `rules/`, a family file uses the shared context and helpers, never another family.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod source;
use source::sources;

/// The top-level module a file belongs to: `io/csv.rs` → `io`, `reorg.rs` → `reorg`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// The lines of a source file before its unit tests, each without its `//` comment.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    code.lines().map(|l| l.split("//").next().unwrap_or(""))
}

/// The modules named as `crate::name` in the file's code (comments and test modules left out).
fn arrows(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code_lines(text) {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                out.insert(name);
            }
        }
        // `use crate::{a, b}` lists several modules.
        if let Some(i) = line.find("crate::{") {
            let list = &line[i + "crate::{".len()..];
            for part in list.split([',', '}']) {
                let name = part.trim().split("::").next().unwrap_or("").to_owned();
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    out.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn the_core_modules_import_each_other_without_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        if from == "lib" {
            continue; // the crate root re-exports every module
        }
        let text = std::fs::read_to_string(file).unwrap();
        for to in arrows(&text) {
            if to != from && modules.contains(&to) && to != "lib" {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    assert!(
        graph.get("validate").is_some_and(|s| s.contains("engine")),
        "the scan sees imports: {graph:?}"
    );
    let found = circle(&graph);
    assert!(
        found.is_none(),
        "modules import each other in a circle: {}",
        found.unwrap_or_default().join(" → ")
    );
}

/// A circle of the graph, if there is one (depth-first search for a back edge).
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut circle = path[i..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

/// Inside a folder of the core (`io/`, `reorg/`, `messages/`), the files import each other
/// without a circle either (`super::name` or `crate::folder::name`).
#[test]
fn the_files_of_a_folder_import_each_other_without_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for folder in std::fs::read_dir(&src).unwrap() {
        let folder = folder.unwrap().path();
        if !folder.is_dir() || folder.ends_with("rules") {
            continue; // rules/: the families test below
        }
        let dir = folder.file_name().unwrap().to_string_lossy().into_owned();
        let mut files = Vec::new();
        sources(&folder, &mut files);
        let names: BTreeSet<String> = files
            .iter()
            .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
            .filter(|n| n != "mod")
            .collect();
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in &files {
            let me = file.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(file).unwrap();
            for line in code_lines(&text) {
                for name in names.iter().filter(|n| **n != me) {
                    for path in [format!("super::{name}"), format!("crate::{dir}::{name}")] {
                        let used = line.match_indices(&path).any(|(i, _)| {
                            !line[i + path.len()..]
                                .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                        });
                        if used {
                            graph.entry(me.clone()).or_default().insert(name.clone());
                        }
                    }
                }
            }
        }
        let found = circle(&graph);
        assert!(
            found.is_none(),
            "the files of {dir}/ import each other in a circle: {}",
            found.unwrap_or_default().join(" → ")
        );
        checked += graph.len();
    }
    assert!(
        checked >= 5,
        "the scan sees the folders' imports ({checked} files)"
    );
}

/// The files of `src/rules/` that are shared by the families rather than one of them.
const SHARED: &[&str] = &["mod", "reform"];

#[test]
fn no_rule_family_imports_another() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut files = Vec::new();
    sources(&rules, &mut files);
    let families: BTreeSet<String> = files
        .iter()
        .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|n| !SHARED.contains(&n.as_str()))
        .collect();
    assert!(families.len() >= 8, "too few families: {families:?}");
    for file in &files {
        let me = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(file).unwrap();
        for line in code_lines(&text) {
            for family in &families {
                if family == &me {
                    continue;
                }
                for path in [format!("super::{family}"), format!("rules::{family}")] {
                    let used = line.match_indices(&path).any(|(i, _)| {
                        !line[i + path.len()..]
                            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                    });
                    assert!(
                        !used || me == "mod",
                        "rules/{me}.rs uses the family {family}: families share the context, not each other ({line})"
                    );
                }
            }
        }
    }
}
