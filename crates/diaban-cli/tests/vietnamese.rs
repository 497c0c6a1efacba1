//! The Vietnamese text outputs, as an official of the province reads them: `check`, `report`,
//! `coverage`, `history`, `relations`, `reorganize`, `lineage` and `profile check`, in
//! Vietnamese (the default), on the embedded demo, on the demo after the 2025 reorganisation and
//! on the dataset of every shared scenario. A Vietnamese text output holds
//!
//! - no ISO date (`2025-01-01`): Vietnamese text writes `01/01/2025`;
//! - no English vocabulary word (a wire value of the core's vocabularies: ranks, kinds, levels,
//!   ratings, end reasons, finding codes, roles, subject kinds…) outside square brackets: the
//!   stable code in a heading's trailing `[coverage_gap]` is a locator, not text;
//! - no record id of the dataset (a person, assignment, organisation, evaluation, activity or
//!   term, or a scheme or duty of the profile) outside brackets, `(…)` or `[…]`: ids are
//!   locators, given in a bracket after the name a person reads.
//!
//! The test runs every command, collects every offending line and fails once, listing each
//! line with the command that printed it. The findings' messages, written by the core's message
//! catalogue (`crates/diaban/src/messages/`), are scanned with the rest.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::{diaban, s, stderr, stdout};

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The day deadlines are judged against where a run has no other.
const TODAY: &str = "2025-10-01";

/// Every English word of the core's vocabularies, lower case: the values of every enumeration
/// of `schema::outputs()` (finding and error codes, severities, ratings, activity kinds, end
/// reasons, levels, organisation kinds, ranks, statuses, relation kinds…), the profile's roles,
/// subject and target kinds and derivations, and the kinds of record a finding or a
/// reorganisation names (read from the core's results on the datasets scanned). Vietnamese
/// words (unit types) and the language codes (`vi` is also a Vietnamese syllable) are left out.
fn vocabulary(datasets: &[(&diaban::Dataset, &diaban::Profile)]) -> BTreeSet<String> {
    fn collect(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    match (k.as_str(), x) {
                        ("const", Value::String(w)) => {
                            out.insert(w.clone());
                        }
                        ("enum", Value::Array(ws)) => {
                            out.extend(ws.iter().filter_map(Value::as_str).map(str::to_owned));
                        }
                        _ => collect(x, out),
                    }
                }
            }
            Value::Array(list) => list.iter().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut words = BTreeSet::new();
    collect(&diaban::schema::outputs()["$defs"], &mut words);
    use diaban::profile::{Derivation, Role, SubjectKind, TargetKind};
    words.extend(Role::ALL.iter().map(|w| w.as_str().to_owned()));
    words.extend(SubjectKind::ALL.iter().map(|w| w.as_str().to_owned()));
    words.extend(TargetKind::ALL.iter().map(|w| w.as_str().to_owned()));
    words.extend(Derivation::ALL.iter().map(|w| w.as_str().to_owned()));
    for (d, profile) in datasets {
        for at in [None, Some(diaban::date!(2024, 10, 1))] {
            let options = diaban::CheckOptions {
                at,
                today: Some(diaban::date!(2026, 3, 1)),
                strict: true,
                ..Default::default()
            };
            let report = diaban::check(d, profile, &options);
            words.extend(report.findings.iter().map(|f| f.subject.kind.to_owned()));
        }
    }
    let (_, changes) =
        diaban::reorg::apply(&diaban::Dataset::demo(), &diaban::reorg::bac_kan_2025()).unwrap();
    words.extend(changes.left.iter().map(|r| r.kind.to_owned()));
    for lang in diaban::Lang::ALL {
        words.remove(lang.as_str());
    }
    let words: BTreeSet<String> = words
        .into_iter()
        .filter(|w| w.is_ascii() && w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(|w| w.to_ascii_lowercase())
        .collect();
    assert!(
        words.contains("head") && words.contains("excellent") && words.contains("coverage_gap"),
        "the vocabulary is read from the core: {words:?}"
    );
    words
}

/// The record ids of a dataset and the scheme and duty ids of a profile, each a locator that
/// may appear only in brackets. Ids made of digits only are left out: they cannot be told apart
/// from counts and unit codes.
fn ids(dataset: &diaban::Dataset, profile: &diaban::Profile) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    ids.extend(dataset.organizations.iter().map(|o| o.id.to_string()));
    ids.extend(dataset.people.iter().map(|p| p.id.to_string()));
    ids.extend(dataset.assignments.iter().map(|a| a.id.to_string()));
    ids.extend(dataset.activities.iter().map(|a| a.id.to_string()));
    ids.extend(dataset.evaluations.iter().map(|e| e.id.to_string()));
    ids.extend(dataset.terms.iter().map(|t| t.id.to_string()));
    for scheme in &profile.schemes {
        ids.insert(scheme.id.clone());
        ids.extend(scheme.duties.iter().map(|d| d.id.clone()));
    }
    ids.retain(|id| !id.is_empty() && !id.chars().all(|c| c.is_ascii_digit()));
    ids
}

/// For each character of a line: whether it is inside round or square brackets, and whether it
/// is inside square brackets.
fn bracketed(line: &str) -> Vec<(bool, bool)> {
    let (mut round, mut square) = (0usize, 0usize);
    line.chars()
        .map(|c| {
            match c {
                '(' => round += 1,
                '[' => square += 1,
                _ => {}
            }
            let here = (round + square > 0, square > 0);
            match c {
                ')' => round = round.saturating_sub(1),
                ']' => square = square.saturating_sub(1),
                _ => {}
            }
            here
        })
        .collect()
}

/// Whether a character can continue an identifier (`cm-01870`, `term_ended`).
fn id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The ISO dates (`dddd-dd-dd` not inside a longer run of digits) of a line.
fn iso_dates(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let shape = "dddd-dd-dd";
    let mut found = Vec::new();
    for start in 0..chars.len() {
        let Some(window) = chars.get(start..start + shape.len()) else {
            break;
        };
        let fits = window.iter().zip(shape.chars()).all(|(c, s)| match s {
            'd' => c.is_ascii_digit(),
            _ => *c == s,
        });
        let before = start
            .checked_sub(1)
            .and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit);
        let after = chars
            .get(start + shape.len())
            .is_some_and(char::is_ascii_digit);
        if fits && !before && !after {
            found.push(window.iter().collect());
        }
    }
    found
}

/// What is wrong with one line of Vietnamese text, if anything.
fn offences(line: &str, words: &BTreeSet<String>, ids: &BTreeSet<String>) -> Vec<String> {
    let mut why = Vec::new();
    for date in iso_dates(line) {
        why.push(format!("ISO date {date}"));
    }
    let chars: Vec<char> = line.chars().collect();
    let inside = bracketed(line);
    // Words: maximal runs of identifier characters, trailing hyphens trimmed.
    let mut i = 0;
    while i < chars.len() {
        if !id_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && id_char(chars[i]) {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let token = token.trim_matches('-');
        if !inside[start].1 && words.contains(&token.to_lowercase()) {
            why.push(format!("English word `{token}`"));
        }
    }
    // Ids: every occurrence not inside brackets, as a whole identifier (`.` ends one: a
    // parameter path `scheme.duty` names both).
    for id in ids {
        let id_chars: Vec<char> = id.chars().collect();
        let n = id_chars.len();
        for start in 0..chars.len().saturating_sub(n - 1) {
            if chars[start..start + n] != id_chars[..] {
                continue;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(start + n).copied();
            if before.is_some_and(id_char) || after.is_some_and(id_char) {
                continue;
            }
            if !inside[start].0 {
                why.push(format!("id `{id}` outside brackets"));
                break;
            }
        }
    }
    why
}

/// A dataset to scan, with the ids that may appear only in brackets.
struct Dataset {
    dataset: diaban::Dataset,
    /// The dataset argument (`None`: the embedded demo).
    path: Option<PathBuf>,
    /// The profile argument.
    profile: String,
    ids: BTreeSet<String>,
}

/// Every offending line found, with the command that printed it.
#[derive(Default)]
struct Scan {
    /// The scenario being scanned, named in each offence.
    scenario: String,
    offences: Vec<String>,
    runs: usize,
}

impl Scan {
    /// Runs `diaban ARGS` and scans what it printed; a command that could not run (exit 2) is
    /// an offence too, so that the scan never passes by scanning nothing.
    fn run(&mut self, args: &[&str], words: &BTreeSet<String>, ids: &BTreeSet<String>) {
        let o = diaban(args);
        let mut command = format!("diaban {}", args.join(" "));
        if !self.scenario.is_empty() {
            command = format!("{command}    # {}", self.scenario);
        }
        self.runs += 1;
        if !matches!(o.status.code(), Some(0 | 1)) {
            self.offences.push(format!(
                "{command}\n    exit {:?}: {}",
                o.status,
                stderr(&o)
            ));
            return;
        }
        for line in stdout(&o).lines() {
            let why = offences(line, words, ids);
            if !why.is_empty() {
                self.offences
                    .push(format!("{command}\n    {line}\n    → {}", why.join("; ")));
            }
        }
    }
}

/// The scenarios' datasets that load, written to `dir`, with their profiles and judged days.
fn scenarios(dir: &Path) -> Vec<(Dataset, diaban::Profile, ScenarioOptions)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for (i, file) in files.into_iter().enumerate() {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        // Files are named by number: a scenario's name is made of English words.
        let stem = format!("s{i:03}");
        let scenario = file.file_name().unwrap().to_str().unwrap().to_owned();
        let path = if let Some(ds) = v.get("dataset") {
            let p = dir.join(format!("{stem}.json"));
            std::fs::write(&p, serde_json::to_string(ds).unwrap()).unwrap();
            p
        } else if let Some(Value::Object(csv)) = v.get("csv") {
            let p = dir.join(&stem);
            std::fs::create_dir_all(&p).unwrap();
            for (name, text) in csv {
                std::fs::write(p.join(name), text.as_str().unwrap()).unwrap();
            }
            p
        } else {
            continue; // the demo, scanned on its own
        };
        let profile = match v.get("profile") {
            None => diaban::api::DEFAULT_PROFILE.to_owned(),
            Some(Value::String(p)) if !p.ends_with(".json") => p.clone(),
            Some(Value::String(p)) => s(&folder.join(p)).to_owned(),
            Some(inline) => {
                let p = dir.join(format!("{stem}.profile.json"));
                std::fs::write(&p, serde_json::to_string(inline).unwrap()).unwrap();
                s(&p).to_owned()
            }
        };
        let (Ok(dataset), Ok(loaded)) = (
            diaban::Dataset::load(&path),
            diaban::Profile::load_or_builtin(&profile),
        ) else {
            continue; // a scenario of a load error
        };
        let o = &v["options"];
        let text = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
        let options = ScenarioOptions {
            scenario,
            at: text("at"),
            today: text("today").unwrap_or_else(|| TODAY.to_owned()),
            strict: o.get("strict").and_then(Value::as_bool).unwrap_or(false),
        };
        let ids = ids(&dataset, &loaded);
        out.push((
            Dataset {
                dataset,
                path: Some(path),
                profile,
                ids,
            },
            loaded,
            options,
        ));
    }
    out
}

/// The check options of a scenario.
struct ScenarioOptions {
    /// The scenario's file name.
    scenario: String,
    at: Option<String>,
    today: String,
    strict: bool,
}

/// Runs every command of the scan on one dataset: `check`, `report` for each year it has
/// assignments in, `coverage` on a day, `history` of a few targets and `relations` of a few
/// subjects and bodies.
fn scan_dataset(
    scan: &mut Scan,
    d: &Dataset,
    options: &ScenarioOptions,
    words: &BTreeSet<String>,
    dir: &Path,
) {
    let base: Vec<&str> = d.path.as_deref().map(s).into_iter().collect();
    let with = |more: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = vec![more[0].to_owned()];
        args.extend(base.iter().map(|x| (*x).to_owned()));
        args.extend(more[1..].iter().map(|x| (*x).to_owned()));
        args
    };
    let run = |scan: &mut Scan, args: Vec<String>| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        scan.run(&refs, words, &d.ids);
    };
    let mut check = with(&["check", "--profile", &d.profile, "--today", &options.today]);
    if let Some(at) = &options.at {
        check.extend(["--at".to_owned(), at.clone()]);
    }
    if options.strict {
        check.push("--strict".to_owned());
    }
    run(scan, check);
    let years: BTreeSet<i32> = d
        .dataset
        .assignments
        .iter()
        .map(|a| chrono::Datelike::year(&a.valid_from))
        .filter(|y| (2020..=2026).contains(y))
        .collect();
    for year in years.iter().rev().take(2) {
        let year = year.to_string();
        run(
            scan,
            with(&[
                "report",
                "--profile",
                &d.profile,
                "--year",
                &year,
                "--today",
                &options.today,
            ]),
        );
    }
    let day = options.at.clone().unwrap_or_else(|| options.today.clone());
    let profile = diaban::Profile::load_or_builtin(&d.profile).unwrap();
    if profile.schemes.iter().any(|s| s.coverage.is_some()) {
        run(
            scan,
            with(&["coverage", "--profile", &d.profile, "--at", &day]),
        );
    }
    let targets: BTreeSet<&str> = d
        .dataset
        .assignments
        .iter()
        .map(|a| a.target.as_str())
        .collect();
    for target in targets.iter().take(3) {
        run(scan, with(&["history", "--target", target]));
    }
    let mut seen = BTreeSet::new();
    for a in d.dataset.assignments.iter().take(40) {
        if seen.len() >= 3 || !seen.insert(a.subject_id.as_str()) {
            continue;
        }
        let at = a.valid_from.to_string();
        run(
            scan,
            with(&[
                "relations",
                "--profile",
                &d.profile,
                "--person",
                &a.subject_id,
                "--at",
                &at,
            ]),
        );
        run(
            scan,
            with(&[
                "relations",
                "--profile",
                &d.profile,
                "--body",
                &a.target,
                "--at",
                &at,
            ]),
        );
    }
    if !d.dataset.reorganizations.is_empty() {
        if let Some(path) = &d.path {
            let events = dir.join(format!(
                "{}.events.json",
                path.file_stem().unwrap().to_str().unwrap()
            ));
            std::fs::write(
                &events,
                serde_json::to_string(&d.dataset.reorganizations).unwrap(),
            )
            .unwrap();
            let out = dir.join(format!(
                "{}.after.json",
                path.file_stem().unwrap().to_str().unwrap()
            ));
            run(
                scan,
                with(&[
                    "reorganize",
                    "--events",
                    s(&events),
                    "--profile",
                    &d.profile,
                    "--out",
                    s(&out),
                    "--today",
                    &options.today,
                ]),
            );
        }
    }
}

/// Runs every command of the scan (see the module's text) and returns what it found.
fn scan_everything() -> Scan {
    let dir = tempfile::tempdir().unwrap();
    let profile = diaban::Profile::bac_kan_1390();
    let demo = diaban::Dataset::demo();
    let demo_ids = ids(&demo, &profile);
    // The demo after the 2025 reorganisation: merged units, new party committees.
    let after = dir.path().join("after.json");
    let proposals = dir.path().join("proposals.csv");
    let reorganize: &[&str] = &[
        "reorganize",
        "--out",
        s(&after),
        "--proposals",
        s(&proposals),
        "--today",
        TODAY,
    ];
    let o = diaban(reorganize);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let after_ids: BTreeSet<String> = ids(&diaban::Dataset::load(&after).unwrap(), &profile)
        .union(&demo_ids)
        .cloned()
        .collect();
    let scenarios = scenarios(dir.path());
    let datasets: Vec<(&diaban::Dataset, &diaban::Profile)> = scenarios
        .iter()
        .map(|(d, p, _)| (&d.dataset, p))
        .chain([(&demo, &profile)])
        .collect();
    let words = vocabulary(&datasets);

    let mut scan = Scan::default();
    // The demo, command by command.
    let demo_runs: &[&[&str]] = &[
        &["check", "--today", TODAY],
        &["check", "--at", "2025-03-01", "--today", TODAY],
        &["check", "--today", TODAY, "--strict"],
        &["report", "--year", "2024", "--today", TODAY],
        &["report", "--year", "2025", "--today", TODAY],
        &["coverage", "--at", "2025-03-01"],
        &["coverage", "--at", "2025-08-01"],
        // A commune (by code and by name), a district, a party cell.
        &["history", "--target", "01870"],
        &["history", "--target", "Vi Hương"],
        &["history", "--target", "063"],
        &["history", "--target", "chi-bo-1"],
        // A monitor, a member of the Standing Committee; a unit, an agency and a person as bodies.
        &["relations", "--at", "2025-03-01", "--person", "p-061"],
        &["relations", "--at", "2025-03-01", "--person", "Hà Sỹ Thắng"],
        &["relations", "--at", "2025-03-01", "--person", "p-009"],
        &["relations", "--at", "2025-03-01", "--body", "01870"],
        &["relations", "--at", "2025-03-01", "--body", "so-noi-vu"],
        &["relations", "--at", "2025-03-01", "--body", "p-009"],
        &["lineage", "--code", "01843"],
        &["lineage", "--code", "01864", "--at", "2025-03-01"],
        // The built-in profile's summary: its life, schemes and assumed parameters.
        &["profile", "check", "bac-kan-1390"],
    ];
    for args in demo_runs {
        scan.run(args, &words, &demo_ids);
    }
    // The reorganisation of the demo (again: the same file), and the merged units after it.
    scan.run(reorganize, &words, &after_ids);
    let again = dir.path().join("again.json");
    let after_runs: &[&[&str]] = &[
        &[
            "reorganize",
            s(&after),
            "--events",
            "bac-kan-2025",
            "--out",
            s(&again),
            "--today",
            TODAY,
        ],
        &["check", s(&after), "--today", TODAY],
        &["check", s(&after), "--today", TODAY, "--strict"],
        &["report", s(&after), "--year", "2025", "--today", TODAY],
        &["coverage", s(&after), "--at", "2025-08-01"],
        &["history", s(&after), "--target", "01843"],
        &["history", s(&after), "--target", "Phường Bắc Kạn"],
        &[
            "relations",
            s(&after),
            "--at",
            "2025-08-01",
            "--person",
            "p-061",
        ],
        &[
            "relations",
            s(&after),
            "--at",
            "2025-08-01",
            "--body",
            "01843",
        ],
        &["lineage", s(&after), "--code", "01843"],
    ];
    for args in after_runs {
        scan.run(args, &words, &after_ids);
    }
    // The scenarios' datasets.
    let count = scenarios.len();
    for (d, _, options) in &scenarios {
        scan.scenario = options.scenario.clone();
        scan_dataset(&mut scan, d, options, &words, dir.path());
    }
    assert!(
        count > 50 && scan.runs > 300,
        "the scan ran {} commands on {count} scenarios",
        scan.runs
    );
    scan
}

/// Every line, the findings' messages (the core's catalogue) included, is written for a
/// Vietnamese reader: names, not ids; no English vocabulary word; dd/mm/yyyy.
#[test]
fn vietnamese_text_outputs_have_no_iso_date_english_word_or_bare_id() {
    let scan = scan_everything();
    assert!(
        scan.offences.is_empty(),
        "{} offending lines in Vietnamese text output:\n\n{}",
        scan.offences.len(),
        scan.offences.join("\n\n")
    );
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    let words: BTreeSet<String> = ["head", "coverage_gap", "replaced"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let ids: BTreeSet<String> = ["cm-01870", "p-061", "commune-monitoring"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let bad = |line: &str| offences(line, &words, &ids);
    assert_eq!(bad("hạn gửi 2026-01-31."), ["ISO date 2026-01-31"]);
    assert!(bad("hạn gửi ngày 31/01/2026 (mã 12024-01-310)").is_empty());
    assert_eq!(bad("chức vụ head hoặc deputy"), ["English word `head`"]);
    assert_eq!(bad("(replaced)"), ["English word `replaced`"]);
    assert!(bad("Đơn vị không có người theo dõi (1 lỗi) [coverage_gap]").is_empty());
    assert!(bad("headquarters, coverage_gaps").is_empty());
    assert_eq!(
        bad("phân công cm-01870"),
        ["id `cm-01870` outside brackets"]
    );
    assert_eq!(
        bad("theo tham số commune-monitoring.subject"),
        ["id `commune-monitoring` outside brackets"]
    );
    assert!(bad("Cán bộ giả định 061 (p-061) [cm-01870]").is_empty());
    assert!(bad("cm-01870-2, xp-061").is_empty());
}

/// A command that writes a file says so on standard error in the reader's language.
#[test]
fn a_written_file_is_announced_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo.json");
    let vi = diaban(&["convert", "--out", s(&out)]);
    assert!(vi.status.success(), "{}", stderr(&vi));
    assert_eq!(stderr(&vi), format!("đã ghi {}\n", out.display()));
    let en = diaban(&["convert", "--out", s(&out), "--force", "--lang", "en"]);
    assert!(en.status.success(), "{}", stderr(&en));
    assert_eq!(stderr(&en), format!("wrote {}\n", out.display()));
}

/// A heading names the unit it is about, and a new unit is placed in its province by name: the
/// codes (digits) the scan lets through are never all a reader gets.
#[test]
fn units_and_provinces_are_named_not_only_coded() {
    let demo = diaban::Dataset::demo();
    let index = diaban::Index::new(&demo);
    let unit = index.unit_near("01870", None).unwrap();
    let o = diaban(&["history", "--target", "01870"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let heading = format!("diaban history · {} (01870)", unit.name);
    assert_eq!(stdout(&o).lines().next(), Some(heading.as_str()));

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("after.json");
    let o = diaban(&["reorganize", "--out", s(&out), "--today", TODAY]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let text = stdout(&o);
    let after = diaban::Dataset::load(&out).unwrap();
    let after_index = diaban::Index::new(&after);
    let (_, changes) = diaban::reorg::apply(&demo, &diaban::reorg::bac_kan_2025()).unwrap();
    assert!(!changes.units_started.is_empty());
    for u in &changes.units_started {
        let Some(parent) = u.unit.parent_code.as_deref() else {
            continue;
        };
        let province = after_index.unit_at(parent, u.effective).unwrap();
        let line = format!(
            "  {} {}, thuộc {} ({parent}) — từ ngày {}",
            u.unit.code,
            u.unit.name,
            province.name,
            u.effective.format("%d/%m/%Y")
        );
        assert!(text.lines().any(|l| l == line), "{line:?} not in\n{text}");
    }
}
