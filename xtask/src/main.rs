//! Project tasks: `cargo xtask test` runs every suite; `cargo xtask wasm` builds the
//! WebAssembly package; `cargo xtask python` builds the Python module into a virtual environment;
//! `cargo xtask codegen` writes the bindings' type declarations from the core's schema.

mod bench;
mod codegen;
mod msrv;
mod python;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(&args[1..]),
        Some("codegen") => codegen::run(&root(), &args[1..]),
        Some("wasm") => wasm::build(&root()).map(|_| ()),
        Some("python") => python::build(&root()).map(|_| ()),
        Some("bench") => bench::run(&root(), &args[1..]),
        Some("soak") => soak(&args[1..]),
        Some("bench-guard") => bench::guard_only(&root()),
        Some("msrv") => msrv::check(&root()),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\n  test [--rust-only]  fmt check, clippy -D warnings, Rust tests, Python tests, \
                 WebAssembly tests in Node, the browser test\n  wasm                build the WebAssembly package into bindings/wasm/pkg\n  \
                 python              build the Python module into target/venv\n  \
                 codegen [--check]   write (or check) the bindings' type declarations from the core's schema\n  bench               run the benchmarks and write benches/RESULTS.md\n  \
                 bench-guard         diaban against the polars peer on a small sample (part of test)\n  \
                 msrv                is rust-version true? dependencies' rust-versions, clippy's incompatible_msrv,\n                      \
                 and `cargo +MSRV check` when that toolchain is installed\n  \
                 soak [--cases N] [--seed S]\n                      the day-by-day oracle on N generated datasets (default 20000), release mode"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command in `dir`, echoing it, and fails with its name if it fails.
pub fn run(dir: &Path, program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result<(), String> {
    eprintln!("\n$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// True when `program` can be started.
pub fn have(program: &str, version_arg: &str) -> bool {
    Command::new(program)
        .arg(version_arg)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn step(name: &str, f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    let start = Instant::now();
    eprintln!("\n=== {name}");
    let r = f();
    eprintln!(
        "=== {name}: {} in {:.1}s",
        if r.is_ok() { "ok" } else { "FAILED" },
        start.elapsed().as_secs_f64()
    );
    r
}

fn test(args: &[String]) -> Result<(), String> {
    let root = root();
    let rust_only = args.iter().any(|a| a == "--rust-only");
    // First and cheap: the bindings' generated declarations match the core's schema.
    step("cargo xtask codegen --check", || {
        codegen::run(&root, &["--check".to_owned()])
    })?;
    step("cargo fmt --check", || {
        run(&root, "cargo", &["fmt", "--all", "--", "--check"], &[])
    })?;
    step("cargo clippy", || {
        run(
            &root,
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        )
    })?;
    step("Debian packages of the document rendering test", || {
        wasm::ensure_document_tools()
    })?;
    step("cargo test (Rust)", || {
        run(&root, "cargo", &["test", "--workspace"], &[])
    })?;
    step("Rust example", || {
        run(
            &root,
            "cargo",
            &["run", "--quiet", "-p", "diaban", "--example", "quickstart"],
            &[],
        )
    })?;
    if rust_only {
        return Ok(());
    }
    step(
        "benchmarks (smoke, scale 0.01; guard against polars, scale 0.05)",
        || bench::smoke(&root),
    )?;
    step("Python binding", || python::test(&root))?;
    step("WebAssembly binding (Node + browser)", || wasm::test(&root))?;
    Ok(())
}

/// `cargo xtask soak`: the day-by-day oracle (`crates/diaban/tests/oracle.rs`) on many more
/// generated datasets than the normal test run, in release mode.
fn soak(args: &[String]) -> Result<(), String> {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let cases = value("--cases").unwrap_or_else(|| "20000".to_owned());
    let seed = value("--seed").unwrap_or_else(|| "0".to_owned());
    for (flag, text) in [("--cases", &cases), ("--seed", &seed)] {
        if text.parse::<u64>().is_err() {
            return Err(format!("{flag} wants a whole number, not `{text}`"));
        }
    }
    let test_args = vec![
        "test",
        "--release",
        "-p",
        "diaban",
        "--test",
        "oracle",
        "--",
        "--test-threads",
        "1",
    ];
    step(
        &format!("oracle soak: {cases} cases from seed {seed}"),
        || {
            run(
                &root(),
                "cargo",
                &test_args,
                &[("ORACLE_CASES", &cases), ("ORACLE_SEED", &seed)],
            )
        },
    )
}
