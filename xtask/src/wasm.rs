//! Builds and tests the WebAssembly binding (`bindings/wasm`).
//!
//! `build` installs what is missing (Debian's `rustc-web`/`rust-web-src`/`lld-19`/`binaryen`, the
//! pinned `wasm-bindgen-cli`, the npm dev dependencies), compiles the crate for
//! `wasm32-unknown-unknown` (a rustup target when installed, else Debian's `rustc-web` with
//! `-Zbuild-std`), runs `wasm-bindgen` and `wasm-opt`, assembles `bindings/wasm/pkg` (the
//! generated glue plus the facade in `bindings/wasm/js`) and copies it next to the web example.
//! `test` builds, then runs the Node suite, the TypeScript check and the browser test.
use crate::{have, run};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Must equal the `wasm-bindgen` version pinned in `bindings/wasm/Cargo.toml`.
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const TARGET: &str = "wasm32-unknown-unknown";
const CRATE: &str = "diaban-wasm";
const ARTIFACT: &str = "diaban_wasm.wasm";
const APT_PACKAGES_BUILD: &[(&str, &str)] = &[
    ("rustc-web", "/usr/bin/rustc"),
    ("rust-web-src", "/usr/lib/rustlib/src"),
];
const CHROMIUM: &str = "/usr/bin/chromium";
/// The gzipped size budget of the WebAssembly module, in bytes (500 KB until December 2026;
/// docs/architecture.md says why it moved).
const SIZE_BUDGET_GZ: u64 = 520 * 1024;

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    if packages.is_empty() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "missing Debian packages: {} — run as root: apt-get update && apt-get install -y {}",
            packages.join(" "),
            packages.join(" ")
        ));
    }
    let root = Path::new("/");
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    run(root, "apt-get", &["update"], &env)?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    run(root, "apt-get", &args, &env)
}

/// The Debian packages the rendering test of the Word documents needs
/// (`crates/diaban-cli/tests/docx.rs`): LibreOffice's Writer without a GUI for `soffice
/// --headless --convert-to pdf`, poppler for `pdftotext`/`pdfinfo`/`pdftoppm`, and the
/// Liberation fonts (Times New Roman's metric twin), each with the program that shows it is there.
const APT_PACKAGES_DOCUMENTS: &[(&str, &str)] = &[
    // Writer's Office Open XML import, not `soffice` (which another LibreOffice package
    // provides without Writer, and which then cannot open a .docx).
    (
        "libreoffice-writer-nogui",
        "/usr/lib/libreoffice/program/libwriterfilterlo.so",
    ),
    ("poppler-utils", "/usr/bin/pdftotext"),
    (
        "fonts-liberation",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    ),
];

/// Installs what the rendering test of the Word documents needs, when missing (as root; else
/// the test says what to install, and skips outside CI).
pub fn ensure_document_tools() -> Result<(), String> {
    let missing: Vec<&str> = APT_PACKAGES_DOCUMENTS
        .iter()
        .filter(|(_, path)| !Path::new(path).exists())
        .map(|(package, _)| *package)
        .collect();
    if !missing.is_empty() && !is_root() && std::env::var("CI").as_deref() != Ok("true") {
        eprintln!(
            "not root: the Word documents' rendering test will skip (apt-get install -y {})",
            missing.join(" ")
        );
        return Ok(());
    }
    apt_install(&missing)
}

/// How the crate is compiled for wasm32 on this machine.
enum Route {
    /// `rustup target add wasm32-unknown-unknown` was done: the ordinary build.
    Rustup,
    /// Debian's `rustc-web` with the standard library built from `rust-web-src`.
    RustcWeb,
}

fn route() -> Route {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == TARGET) {
        Route::Rustup
    } else {
        Route::RustcWeb
    }
}

/// Installs every tool the build (and, with `browser`, the browser test) needs that is missing.
fn ensure_tools(root: &Path, browser: bool) -> Result<Route, String> {
    if !have("node", "--version") || !have("npm", "--version") {
        return Err("Node.js 20+ and npm are needed (apt-get install -y nodejs npm)".into());
    }
    let route = route();
    let mut missing: Vec<&str> = Vec::new();
    if matches!(route, Route::RustcWeb) {
        eprintln!(
            "wasm32 route: Debian rustc-web with -Zbuild-std (no rustup wasm32 target installed)"
        );
        for (package, path) in APT_PACKAGES_BUILD {
            if !Path::new(path).exists() {
                missing.push(package);
            }
        }
        if !have("wasm-ld-19", "--version") {
            missing.push("lld-19");
        }
    } else {
        eprintln!("wasm32 route: rustup target {TARGET}");
    }
    if !have("wasm-opt", "--version") {
        missing.push("binaryen");
    }
    if browser && !Path::new(CHROMIUM).exists() {
        missing.push("chromium");
    }
    apt_install(&missing)?;

    let bindgen = wasm_bindgen_bin(root);
    let have_version = output(&bindgen.display().to_string(), &["--version"]).unwrap_or_default();
    if have_version.split_whitespace().nth(1) != Some(WASM_BINDGEN_VERSION) {
        eprintln!(
            "wasm-bindgen {WASM_BINDGEN_VERSION} not found in {} (have: {:?}); installing it",
            bindgen.display(),
            have_version.trim()
        );
        // Into the project's own tool root, so that neither CARGO_HOME nor PATH matters. No
        // `--locked`: the tool's own lock file pins a `webpki-roots` release that the crates
        // registry no longer serves, so a locked install fails on every fresh machine; the
        // version of the tool itself stays pinned exactly.
        let tools = tools_root(root).display().to_string();
        run(
            root,
            "cargo",
            &[
                "install",
                "wasm-bindgen-cli",
                "--version",
                &format!("={WASM_BINDGEN_VERSION}"),
                "--root",
                &tools,
            ],
            &[],
        )?;
    }
    Ok(route)
}

/// The demo dataset's CSV files, in the order the core embeds them.
const DEMO_FILES: &[&str] = &[
    "units.csv",
    "organizations.csv",
    "people.csv",
    "terms.csv",
    "assignments.csv",
    "activities.csv",
    "evaluations.csv",
    "ntm_statuses.csv",
];

/// Writes `pkg/demo.js`: the demo's CSV files as a JavaScript module. The WebAssembly module is
/// built without the core's `embedded-demo` feature (the demo would take about 47 KB of its
/// gzipped budget); `Dataset.demo()` reads these same files, so the demo is the same
/// dataset as the command line's.
fn write_demo_module(root: &Path, pkg: &Path) -> Result<(), String> {
    let dir = root.join("crates/diaban/data/demo");
    let mut entries = Vec::new();
    for name in DEMO_FILES {
        let path = dir.join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        entries.push(serde_json::json!([name, text]));
    }
    let body = serde_json::to_string(&entries).map_err(|e| format!("demo.js: {e}"))?;
    let module = format!(
        "// Written by `cargo xtask wasm` from crates/diaban/data/demo/: the Bắc Kạn demo dataset,\n\
         // kept outside the WebAssembly module. Do not edit.\n\
         export const DEMO_FILES = Object.freeze(Object.fromEntries({body}));\n"
    );
    let out = pkg.join("demo.js");
    std::fs::write(&out, module).map_err(|e| format!("{}: {e}", out.display()))
}

/// Where `cargo install` puts the tools this build needs (`target/tools`).
fn tools_root(root: &Path) -> PathBuf {
    root.join("target").join("tools")
}

/// The pinned `wasm-bindgen` installed under [`tools_root`].
fn wasm_bindgen_bin(root: &Path) -> PathBuf {
    tools_root(root).join("bin").join("wasm-bindgen")
}

fn npm_install(wasm_dir: &Path) -> Result<(), String> {
    let marker = wasm_dir.join("node_modules/.package-lock.json");
    let lock = wasm_dir.join("package-lock.json");
    let fresh = match (
        std::fs::metadata(&marker).and_then(|m| m.modified()),
        std::fs::metadata(&lock).and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    let args: &[&str] = if lock.exists() {
        &["ci", "--no-audit", "--no-fund"]
    } else {
        &["install", "--no-audit", "--no-fund"]
    };
    run(wasm_dir, "npm", args, &[])
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest)
                .map_err(|e| format!("{} -> {}: {e}", path.display(), dest.display()))?;
        }
    }
    Ok(())
}

fn gzipped_size(path: &Path) -> Option<u64> {
    let script = "const z=require('zlib'),f=require('fs');\
                  process.stdout.write(String(z.gzipSync(f.readFileSync(process.argv[1]),{level:9}).length))";
    output("node", &["-e", script, &path.display().to_string()])?
        .trim()
        .parse()
        .ok()
}

/// True when the package loads in Node and checks the demo.
fn smoke(pkg: &Path) -> bool {
    let entry = pkg.join("node.js").display().to_string();
    let script = "import(process.argv[1]).then(m => { const r = m.demo().check({}); \
                  if (!Array.isArray(r.findings)) process.exit(1); })";
    Command::new("node")
        .args(["-e", script, &entry])
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Compiles the crate for wasm32 (release, tuned for size) with the given cargo features and
/// returns the module's path. Both modules share one target dir, so the second build reuses
/// every dependency (and the standard library) the first one compiled.
fn compile(root: &Path, route: &Route, features: Option<&str>) -> Result<PathBuf, String> {
    // A separate target dir because the rustc-web route uses another rustc.
    let target_dir = root.join("target/wasm");
    let target_dir_s = target_dir.display().to_string();
    let mut envs: Vec<(&str, &str)> = vec![
        ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z"),
        ("CARGO_PROFILE_RELEASE_LTO", "fat"),
        ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "1"),
        ("CARGO_PROFILE_RELEASE_PANIC", "abort"),
        ("CARGO_PROFILE_RELEASE_DEBUG", "false"),
        // No reference types: wasm-bindgen then keeps JS objects in a JS-side slab instead of an
        // externref table, which older binaryen (Debian's wasm-opt 108) would corrupt.
        ("RUSTFLAGS", "-Ctarget-cpu=mvp -Ctarget-feature=+mutable-globals,+bulk-memory,+sign-ext,+nontrapping-fptoint"),
    ];
    let mut args = vec![
        "build",
        "--release",
        "--target",
        TARGET,
        "-p",
        CRATE,
        "--target-dir",
        &target_dir_s,
    ];
    if let Some(features) = features {
        args.extend(["--features", features]);
    }
    if matches!(route, Route::RustcWeb) {
        envs.extend([
            ("RUSTC", "/usr/bin/rustc"),
            ("RUSTC_BOOTSTRAP", "1"),
            ("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", "wasm-ld-19"),
        ]);
        args.push("-Zbuild-std=std,panic_abort");
    }
    run(root, "cargo", &args, &envs)?;
    Ok(target_dir.join(TARGET).join("release").join(ARTIFACT))
}

/// Runs `wasm-bindgen` on `wasm` into a fresh `out` and returns the size of its module before
/// `wasm-opt`.
fn bindgen(root: &Path, wasm: &Path, out: &Path) -> Result<u64, String> {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let out_s = out.display().to_string();
    run(
        root,
        &wasm_bindgen_bin(root).display().to_string(),
        &[
            "--target",
            "web",
            "--out-dir",
            &out_s,
            "--out-name",
            "diaban_wasm",
            "--experimental-reset-state-function",
            &wasm.display().to_string(),
        ],
        &[],
    )?;
    Ok(std::fs::metadata(out.join("diaban_wasm_bg.wasm"))
        .map(|m| m.len())
        .unwrap_or(0))
}

/// Optimises the module of the package in `pkg` for size with `wasm-opt`, keeping the result
/// only if the package still loads and answers in Node.
fn optimize(root: &Path, pkg: &Path) -> Result<(), String> {
    let bg = pkg.join("diaban_wasm_bg.wasm");
    let bg_s = bg.display().to_string();
    if !have("wasm-opt", "--version") {
        eprintln!("warning: wasm-opt (binaryen) not found; the module is not size-optimised");
        return Ok(());
    }
    let plain = pkg.join("diaban_wasm_bg.unopt.wasm");
    std::fs::copy(&bg, &plain).map_err(|e| format!("{}: {e}", plain.display()))?;
    run(
        root,
        "wasm-opt",
        &[
            "-Oz",
            "--enable-bulk-memory",
            "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "--strip-debug",
            "--strip-producers",
            &bg_s,
            "-o",
            &bg_s,
        ],
        &[],
    )?;
    // An old binaryen can corrupt what it does not know (an externref table, say): keep the
    // optimised module only if it still loads and answers.
    if !smoke(pkg) {
        eprintln!("warning: the wasm-opt output does not load; keeping the unoptimised module");
        std::fs::copy(&plain, &bg).map_err(|e| format!("{}: {e}", bg.display()))?;
    }
    std::fs::remove_file(&plain).map_err(|e| format!("{}: {e}", plain.display()))
}

/// The facade files of the office module: all of `bindings/wasm/js` but the lazy loader (which
/// points from the main package into `office/`).
const OFFICE_SKIP: &[&str] = &["office.js", "office.d.ts"];

/// Builds the office module into `pkg/office/`: the same crate with the `office` feature
/// (reading and writing XLSX workbooks), loaded lazily by `pkg/office.js`. It has its own
/// copy of the facade and takes the demo from the main package's `demo.js`.
fn build_office(root: &Path, route: &Route, pkg: &Path) -> Result<(u64, u64), String> {
    let wasm = compile(root, route, Some("office"))?;
    let office = pkg.join("office");
    let raw = bindgen(root, &wasm, &office)?;
    let js = root.join("bindings/wasm/js");
    let entries = std::fs::read_dir(&js).map_err(|e| format!("{}: {e}", js.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", js.display()))?;
        let name = entry.file_name();
        if OFFICE_SKIP.iter().any(|s| name.to_str() == Some(s)) || entry.path().is_dir() {
            continue;
        }
        let dest = office.join(&name);
        std::fs::copy(entry.path(), &dest)
            .map_err(|e| format!("{} -> {}: {e}", entry.path().display(), dest.display()))?;
    }
    let demo = office.join("demo.js");
    std::fs::write(
        &demo,
        "// Written by `cargo xtask wasm`: the demo files of the main package. Do not edit.
         export { DEMO_FILES } from '../demo.js';
",
    )
    .map_err(|e| format!("{}: {e}", demo.display()))?;
    optimize(root, &office)?;
    if !smoke(&office) {
        return Err(format!(
            "the office module in {} does not load in Node",
            office.display()
        ));
    }
    let bg = office.join("diaban_wasm_bg.wasm");
    let size = std::fs::metadata(&bg).map(|m| m.len()).unwrap_or(0);
    let gz = gzipped_size(&bg).unwrap_or(0);
    eprintln!(
        "office module: {} — {:.1} KB (before wasm-opt {:.1} KB), gzipped {:.1} KB (loaded lazily, no budget)",
        bg.display(),
        size as f64 / 1024.0,
        raw as f64 / 1024.0,
        gz as f64 / 1024.0
    );
    Ok((size, gz))
}

fn build_with(root: &Path, browser: bool) -> Result<PathBuf, String> {
    let start = Instant::now();
    let wasm_dir = root.join("bindings/wasm");
    let route = ensure_tools(root, browser)?;
    npm_install(&wasm_dir)?;

    let wasm = compile(root, &route, None)?;
    let pkg = wasm_dir.join("pkg");
    let raw = bindgen(root, &wasm, &pkg)?;
    let bg = pkg.join("diaban_wasm_bg.wasm");
    copy_dir(&wasm_dir.join("js"), &pkg)?;
    write_demo_module(root, &pkg)?;
    optimize(root, &pkg)?;
    if !smoke(&pkg) {
        return Err(format!(
            "the built package in {} does not load in Node",
            pkg.display()
        ));
    }
    let size = std::fs::metadata(&bg).map(|m| m.len()).unwrap_or(0);
    let gz = gzipped_size(&bg).map_or_else(
        || "?".to_owned(),
        |n| format!("{:.1} KB", n as f64 / 1024.0),
    );
    build_office(root, &route, &pkg)?;

    let web_pkg = root.join("examples/web/pkg");
    if web_pkg.exists() {
        std::fs::remove_dir_all(&web_pkg).map_err(|e| format!("{}: {e}", web_pkg.display()))?;
    }
    copy_dir(&pkg, &web_pkg)?;

    eprintln!(
        "\nwasm package: {} — diaban_wasm_bg.wasm {:.1} KB (before wasm-opt {:.1} KB), gzipped {gz}; built in {:.1}s",
        pkg.display(),
        size as f64 / 1024.0,
        raw as f64 / 1024.0,
        start.elapsed().as_secs_f64()
    );
    Ok(pkg)
}

/// Builds the package into `bindings/wasm/pkg` (and copies it to `examples/web/pkg`).
pub fn build(root: &Path) -> Result<(), String> {
    build_with(root, false).map(|_| ())
}

/// Runs the Node suite (scenarios, errors, API), the TypeScript check and the browser test.
pub fn test(root: &Path) -> Result<(), String> {
    let pkg = build_with(root, true)?;
    // The module a page downloads must stay within its budget (the demo data lives in demo.js).
    let module = pkg.join("diaban_wasm_bg.wasm");
    let gz = gzipped_size(&module)
        .ok_or_else(|| format!("cannot measure the gzipped size of {}", module.display()))?;
    if gz > SIZE_BUDGET_GZ {
        return Err(format!(
            "the WebAssembly module is {:.1} KB gzipped, over its budget of {:.0} KB",
            gz as f64 / 1024.0,
            SIZE_BUDGET_GZ as f64 / 1024.0
        ));
    }
    let wasm_dir = root.join("bindings/wasm");
    run(
        &wasm_dir,
        "node",
        &[
            "node_modules/typescript/bin/tsc",
            "-p",
            "tests/tsconfig.json",
        ],
        &[],
    )?;
    run(
        &wasm_dir,
        "node",
        &["--test", "--test-reporter=spec", "tests/"],
        &[("DIABAN_CHROMIUM", CHROMIUM)],
    )
}
