//! `cargo xtask msrv`: is the workspace's declared `rust-version` true?
//!
//! What it proves depends on what is installed:
//! - Always: no package in the locked dependency graph declares a `rust-version` newer than
//!   ours (a dependency that needs a newer compiler makes our claim false whatever our code
//!   does), and clippy's `incompatible_msrv` lint finds no use of a standard-library API
//!   stabilised after it in the core and the CLI.
//! - When the toolchain of that version is installed (`rustup toolchain install 1.89`):
//!   `cargo +1.89 check` of the core and the CLI, all targets, with the locked dependencies —
//!   the only check that also covers language features.

use std::path::Path;
use std::process::Command;

type Version = (u32, u32, u32);

fn parse_version(text: &str) -> Option<Version> {
    let mut parts = text.trim().split('.').map(|p| p.parse::<u32>().ok());
    let major = parts.next()??;
    let minor = parts.next().flatten().unwrap_or(0);
    let patch = parts.next().flatten().unwrap_or(0);
    Some((major, minor, patch))
}

/// The `rust-version` of `[workspace.package]` in the root Cargo.toml, as written.
fn declared(root: &Path) -> Result<String, String> {
    let toml =
        std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    toml.lines()
        .filter_map(|l| l.trim().strip_prefix("rust-version"))
        .filter_map(|rest| rest.trim().strip_prefix('='))
        .map(|v| v.trim().trim_matches('"').to_owned())
        .next()
        .ok_or_else(|| "no rust-version in the workspace Cargo.toml".to_owned())
}

/// The packages of the locked graph whose own `rust-version` is newer than `msrv`.
fn newer_dependencies(root: &Path, msrv: Version) -> Result<Vec<String>, String> {
    let out = Command::new("cargo")
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let packages = meta["packages"].as_array().cloned().unwrap_or_default();
    let mut newer: Vec<String> = packages
        .iter()
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            (parse_version(needs)? > msrv).then(|| {
                format!(
                    "{} {} (rust-version {needs})",
                    p["name"].as_str().unwrap_or("?"),
                    p["version"].as_str().unwrap_or("?")
                )
            })
        })
        .collect();
    newer.sort();
    Ok(newer)
}

fn toolchain_installed(name: &str) -> bool {
    Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.starts_with(&format!("{name}-")) || l.starts_with(&format!("{name} ")))
        })
        .unwrap_or(false)
}

/// Runs the checks described in the module documentation.
pub fn check(root: &Path) -> Result<(), String> {
    let text = declared(root)?;
    let msrv =
        parse_version(&text).ok_or_else(|| format!("rust-version `{text}` is not a version"))?;
    let newer = newer_dependencies(root, msrv)?;
    if !newer.is_empty() {
        return Err(format!(
            "rust-version {text} is not enough for the locked dependencies:\n  {}",
            newer.join("\n  ")
        ));
    }
    eprintln!("msrv: no locked dependency needs more than Rust {text}");
    crate::run(
        root,
        "cargo",
        &[
            "clippy",
            "-p",
            "diaban",
            "-p",
            "diaban-cli",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "clippy::incompatible_msrv",
        ],
        &[],
    )?;
    if toolchain_installed(&text) {
        let plus = format!("+{text}");
        crate::run(
            root,
            "cargo",
            &[
                &plus,
                "check",
                "-p",
                "diaban",
                "-p",
                "diaban-cli",
                "--all-targets",
                "--locked",
            ],
            &[],
        )?;
        eprintln!("msrv: the core and the CLI build with Rust {text}");
    } else {
        eprintln!(
            "msrv: Rust {text} is not installed (`rustup toolchain install {text}`), so language \
             features newer than {text} are not checked; dependencies and standard-library APIs are"
        );
    }
    Ok(())
}
