//! The printable Word documents as a reader sees them: `report --out FILE.docx` and
//! `coverage --out FILE.docx` are converted to PDF by LibreOffice (headless), and the text and
//! layout of the pages are checked with poppler's `pdftotext -layout` and `pdfinfo`: the
//! two-column heading, the title, a table row of the demo, "Nơi nhận" beside the signature
//! block, A4 pages. Page 1 of each is also rendered to PNG (`pdftoppm`) beside the files, under
//! the cargo target directory, to be looked at.
//!
//! Without `soffice` the rendering checks are skipped with a message, except under `CI=true`,
//! where `cargo xtask test` installs LibreOffice and poppler first and a missing tool fails.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{bac_kan_template, diaban};

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh folder under the cargo target directory.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether `program` is on the `PATH`.
fn have(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(program).is_file()))
}

/// Whether the rendering tools are here; under CI they must be.
fn tools() -> bool {
    let missing: Vec<&str> = ["soffice", "pdftotext", "pdfinfo", "pdftoppm"]
        .into_iter()
        .filter(|p| !have(p))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but {missing:?} are missing: `cargo xtask test` installs libreoffice-writer-nogui and poppler-utils"
    );
    eprintln!("skipping the rendering check: {missing:?} not installed (apt-get install libreoffice-writer-nogui poppler-utils)");
    false
}

/// Converts `docx` to PDF beside it, with a LibreOffice profile of its own (so that parallel
/// runs and a user's open LibreOffice do not interfere); returns the PDF's path.
fn to_pdf(docx: &Path) -> PathBuf {
    let dir = docx.parent().unwrap();
    let profile = dir.join("lo-profile");
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .unwrap();
    let pdf = docx.with_extension("pdf");
    assert!(
        o.status.success() && pdf.is_file(),
        "soffice failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    pdf
}

fn run_text(program: &str, args: &[&str], file: &Path) -> String {
    let o = Command::new(program).args(args).arg(file).output().unwrap();
    assert!(o.status.success(), "{program} failed");
    String::from_utf8(o.stdout).unwrap()
}

/// The pages of the PDF as `pdftotext -layout` lays them out.
fn pages(pdf: &Path) -> Vec<String> {
    let o = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success(), "pdftotext failed");
    let text = String::from_utf8(o.stdout).unwrap();
    text.split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// `pdfinfo`'s page count, and whether every page is A4.
fn info(pdf: &Path) -> (usize, bool) {
    let text = run_text("pdfinfo", &[], pdf);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    (
        field("Pages:").parse().unwrap(),
        field("Page size:").contains("(A4)"),
    )
}

/// Renders page 1 to `NAME-1.png` (60 dpi) beside the PDF.
fn snapshot(pdf: &Path) {
    let stem = pdf.with_extension("");
    let o = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&stem)
        .output()
        .unwrap();
    assert!(o.status.success(), "pdftoppm failed");
    assert!(stem.with_extension("png").is_file());
}

/// The first line holding `needle`.
fn line_with<'a>(page: &'a str, needle: &str) -> &'a str {
    page.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{page}"))
}

/// The heading of the Party's documents: issuing body left and "ĐẢNG CỘNG SẢN VIỆT NAM"
/// right on the same line, the board and the place-date line, the number under the body.
fn assert_heading(first: &str) {
    let top = line_with(first, "TỈNH ỦY BẮC KẠN");
    assert!(
        top.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && top.find("TỈNH ỦY") < top.find("ĐẢNG CỘNG SẢN"),
        "the heading's two columns: {top:?}"
    );
    line_with(first, "BAN TỔ CHỨC");
    line_with(first, "Số: …-BC/BTCTU");
    let place = line_with(first, "Bắc Kạn, ngày … tháng … năm …");
    let body = line_with(first, "BAN TỔ CHỨC");
    assert!(
        place.find("Bắc Kạn,").unwrap() > body.find("BAN").unwrap(),
        "the place-date line stands in the right column"
    );
    let title = line_with(first, "BÁO CÁO");
    assert_eq!(title.trim(), "BÁO CÁO");
}

/// "Nơi nhận:" at the left of the last page, the signature block beside it.
fn assert_closing(last: &str) {
    let line = line_with(last, "Nơi nhận:");
    assert!(line.trim_start().starts_with("Nơi nhận:"));
    assert!(line.contains("T/M BAN TỔ CHỨC"), "{line:?}");
    line_with(last, "TRƯỞNG BAN");
}

fn tokens(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

#[test]
fn the_yearly_report_prints_as_an_official_report() {
    let dir = folder("docx-report");
    let docx = dir.join("report.docx");
    let o = diaban(&[
        "report",
        "--year",
        "2024",
        "--today",
        "01/03/2025",
        "--out",
        docx.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));
    if !tools() {
        return;
    }
    let pdf = to_pdf(&docx);
    let (count, a4) = info(&pdf);
    assert!(a4, "A4 pages");
    let pages = pages(&pdf);
    assert_eq!(pages.len(), count);
    assert!(count >= 2, "108 assignments take more than a page");
    let first = &pages[0];
    assert_heading(first);
    line_with(first, "kết quả thực hiện Quy định số 1390-QĐ/TU năm 2024");
    line_with(first, "I. TÌNH HÌNH CHUNG");
    assert_closing(pages.last().unwrap());

    // A table row of the demo, as the library computes it: Thị trấn Vân Tùng's monitor, the
    // days, each duty done/required, the proposals and the outcome on one printed line.
    let ds = diaban::Dataset::demo();
    let index = diaban::Index::new(&ds);
    let report = index
        .year_report(
            &diaban::Profile::bac_kan_1390(),
            2024,
            Some(diaban::date!(2025, 3, 1)),
        )
        .unwrap();
    let row = report
        .assignments
        .iter()
        .find(|a| a.target == "01954")
        .unwrap();
    let name = row.subject_name.as_deref().unwrap();
    let all = pages.join("\n");
    let line = line_with(&all, name);
    let mut expected = vec![row.days.to_string()];
    expected.extend(
        row.duties
            .iter()
            .map(|d| format!("{}/{}", d.done, d.required)),
    );
    expected.push(row.proposals.to_string());
    expected.push(if row.shortfall { "Chưa" } else { "Đạt" }.to_owned());
    let got = tokens(line);
    let at = got
        .iter()
        .position(|t| *t == expected[0])
        .unwrap_or_else(|| panic!("{line:?}"));
    assert_eq!(
        &got[at..at + expected.len()],
        expected.as_slice(),
        "{line:?}"
    );
    snapshot(&pdf);
}

#[test]
fn the_coverage_list_prints_as_an_official_report() {
    let dir = folder("docx-coverage");
    let docx = dir.join("coverage.docx");
    let o = diaban(&[
        "coverage",
        "--at",
        "01/10/2024",
        "--out",
        docx.to_str().unwrap(),
    ]);
    // The exit code says whether every unit is covered, as without --out.
    let ds = diaban::Dataset::demo();
    let index = diaban::Index::new(&ds);
    let cov = index
        .coverage(
            &diaban::Profile::bac_kan_1390(),
            None,
            diaban::date!(2024, 10, 1),
        )
        .unwrap();
    assert_eq!(o.status.code(), Some(i32::from(cov.uncovered > 0)));
    if !tools() {
        return;
    }
    let pdf = to_pdf(&docx);
    let (count, a4) = info(&pdf);
    assert!(a4);
    let pages = pages(&pdf);
    assert_eq!(pages.len(), count);
    let first = &pages[0];
    assert_heading(first);
    line_with(first, "danh sách cán bộ theo dõi, phụ trách địa bàn");
    line_with(first, "tại ngày 01/10/2024");
    let summary = format!(
        "{} đơn vị có cán bộ theo dõi, {} đơn vị chưa có",
        cov.covered, cov.uncovered
    );
    // Justified lines: pdftotext may split a word where the spacing was stretched, so the
    // sentence is compared without spaces.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert!(squeeze(first).contains(&squeeze(&summary)), "{summary:?}");
    // Vân Tùng's row: its code, its name and the first day of its monitor's assignment.
    let row = cov.rows.iter().find(|r| r.code == "01954").unwrap();
    let all = pages.join("\n");
    let line = line_with(&all, "01954");
    assert!(line.contains(row.name), "{line:?}");
    let from = row.assignments[0].valid_from.format("%d/%m/%Y").to_string();
    assert!(line.contains(&from), "{line:?}");
    let monitor = row.assignments[0].subject_name.unwrap();
    assert!(all.contains(monitor));
    assert_closing(pages.last().unwrap());
    snapshot(&pdf);
}

#[test]
fn a_document_is_written_only_as_docx() {
    let dir = folder("docx-refused");
    let out = dir.join("report.pdf");
    let o = diaban(&["report", "--year", "2024", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".docx"));
    assert!(!out.exists());
}

/// `diaban template` (the other office document of this issue): a workbook that `check` reads,
/// whose only findings on the day are the coverage gaps of its empty assignments sheet.
#[test]
fn the_template_workbook_is_checked_as_it_is_written() {
    let dir = folder("template");
    let book = dir.join("bac-kan.xlsx");
    bac_kan_template(&book);
    let o = diaban(&[
        "check",
        book.to_str().unwrap(),
        "--at",
        "01/10/2024",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 108);
    assert!(findings
        .iter()
        .all(|f| f["code"] == "coverage_gap" && f["severity"] == "error"));

    let o = diaban(&[
        "template",
        "--province",
        "6",
        "--at",
        "2025-07-01",
        "--out",
        book.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("19 Tỉnh Thái Nguyên"), "{err}");
}
