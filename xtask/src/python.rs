//! Builds and tests the Python binding (`bindings/python`).
//!
//! `build`: creates the virtual environment `target/venv` (once), installs the pinned tools,
//! builds the abi3 wheel with maturin (Cargo target dir `target/python`, so it never waits on
//! the workspace's own build lock) and installs it. `test`: builds, then runs pytest on
//! `bindings/python/tests` (which includes the shared scenarios, the README's examples, the
//! analyst's example and `mypy.stubtest`).
use std::path::{Path, PathBuf};
use std::process::Command;

/// The tools the build and the test suite need, pinned. pandas and matplotlib dropped support
/// for older Pythons in these releases, so older interpreters get the last release they support.
const TOOLS: &[&str] = &[
    "maturin==1.16.0",
    "pytest==9.2.0",
    "mypy==2.4.1",
    "pandas==3.1.1; python_version >= '3.11'",
    "pandas==2.2.3; python_version < '3.11'",
    "matplotlib==3.11.2; python_version >= '3.11'",
    "matplotlib==3.9.4; python_version < '3.11'",
];

fn venv_dir(root: &Path) -> PathBuf {
    root.join("target").join("venv")
}

fn venv_bin(root: &Path, program: &str) -> PathBuf {
    let venv = venv_dir(root);
    if cfg!(windows) {
        venv.join("Scripts").join(format!("{program}.exe"))
    } else {
        venv.join("bin").join(program)
    }
}

fn path_str(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("path is not UTF-8: {}", path.display()))
}

fn system_python() -> Result<&'static str, String> {
    ["python3", "python"]
        .into_iter()
        .find(|p| crate::have(p, "--version"))
        .ok_or_else(|| {
            "no Python interpreter found (python3 or python); install Python >= 3.9".to_owned()
        })
}

/// Builds the module and installs it into `target/venv`; returns the venv's Python.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    let python = venv_bin(root, "python");
    if !python.exists() {
        let venv = venv_dir(root);
        crate::run(
            root,
            system_python()?,
            &["-m", "venv", path_str(&venv)?],
            &[],
        )?;
    }
    let py = path_str(&python)?.to_owned();
    let mut pip_args = vec![
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--quiet",
    ];
    pip_args.extend_from_slice(TOOLS);
    crate::run(root, &py, &pip_args, &[])?;

    let target_dir = root.join("target").join("python");
    let wheels = target_dir.join("wheels");
    // Start from an empty wheel folder so that exactly one wheel is installed below.
    if wheels.exists() {
        std::fs::remove_dir_all(&wheels)
            .map_err(|e| format!("cannot clear {}: {e}", wheels.display()))?;
    }
    let maturin = venv_bin(root, "maturin");
    let manifest = root.join("bindings").join("python").join("Cargo.toml");
    crate::run(
        root,
        path_str(&maturin)?,
        &[
            "build",
            // A release build: the module is what analysts run (a debug build is ~8x slower).
            "--release",
            "--manifest-path",
            path_str(&manifest)?,
            "--interpreter",
            &py,
            "--out",
            path_str(&wheels)?,
        ],
        &[("CARGO_TARGET_DIR", path_str(&target_dir)?)],
    )?;
    let wheel = std::fs::read_dir(&wheels)
        .map_err(|e| format!("cannot read {}: {e}", wheels.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| format!("maturin wrote no wheel into {}", wheels.display()))?;
    crate::run(
        root,
        &py,
        &[
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "--force-reinstall",
            "--no-deps",
            path_str(&wheel)?,
        ],
        &[],
    )?;
    eprintln!(
        "installed {} into {}",
        wheel.display(),
        venv_dir(root).display()
    );
    Ok(python)
}

/// Builds the module, then runs the Python test suite; fails unless pytest ran tests and all passed.
pub fn test(root: &Path) -> Result<(), String> {
    let python = build(root)?;
    let dir = root.join("bindings").join("python");
    eprintln!("\n$ {} -m pytest tests", python.display());
    let status = Command::new(&python)
        .args(["-m", "pytest", "tests", "-p", "no:cacheprovider"])
        .env("MPLBACKEND", "Agg")
        .env("DIABAN_ROOT", root)
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("cannot start pytest: {e}"))?;
    match status.code() {
        Some(0) => Ok(()),
        Some(5) => {
            Err("pytest collected no tests (exit 5): the Python suite must run tests".into())
        }
        _ => Err(format!("the Python tests failed ({status})")),
    }
}
