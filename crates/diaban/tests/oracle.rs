//! An independent day-by-day oracle for every rule about days, run on seeded random datasets
//! (`oracle/gen.rs`), compared with the engine finding by finding as **sets of days** per
//! (code, subject), so that how the engine splits ranges does not matter; the counts the
//! overlap and overload messages state are compared with the oracle's count on every day.
//!
//! `ORACLE_CASES=N` sets the number of cases (default 2000), `ORACLE_SEED=S` the first seed;
//! `cargo xtask soak --cases N` runs many more in release mode. See `docs/oracle.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation,
    clippy::too_many_lines
)]

#[path = "oracle/days.rs"]
mod days;
#[path = "oracle/gen.rs"]
mod gen;

use chrono::NaiveDate;
use days::{hi, lo, DaySets};
use diaban::{check, Dataset, Index, Report};
use std::collections::{BTreeMap, BTreeSet};

/// Codes whose rules helper E owns: compared on every day.
const OWN: &[&str] = &[
    "coverage_gap",
    "coverage_ending",
    "coverage_overlap",
    "assignee_overloaded",
    "assignment_duplicated",
    "acting_too_long",
];
/// Codes about days whose rules are being reworked elsewhere (territory, life, roles): compared
/// on the days inside the regulation's life only, where every reading agrees.
const IN_LIFE: &[&str] = &["ineligible_assignee", "activity_outside_assignment"];
/// Yearly rules (duties, evaluations): compared by `yearly_rules_agree_with_the_oracle`.
const YEARLY: &[&str] = &[
    "duty_frequency_unmet",
    "evaluation_missing",
    "evaluation_late",
];

fn engine_days(report: &Report, codes: &[&str]) -> DaySets {
    let mut raw: BTreeMap<(String, String), Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
    for f in &report.findings {
        if !codes.contains(&f.code.as_str()) {
            continue;
        }
        let from = f.from.unwrap_or(lo()).max(lo());
        let to = f.to.unwrap_or(hi()).min(hi());
        if from <= to {
            raw.entry((f.code.to_string(), f.subject.id.clone()))
                .or_default()
                .push((from, to));
        }
    }
    raw.into_iter()
        .map(|(k, v)| (k, days::normalize(v)))
        .collect()
}

fn expand(ranges: &[(NaiveDate, NaiveDate)]) -> BTreeSet<NaiveDate> {
    ranges
        .iter()
        .flat_map(|(a, b)| a.iter_days().take_while(move |d| d <= b))
        .collect()
}

/// Days as compact ranges, for a readable diagnosis.
fn ranges(days: &BTreeSet<NaiveDate>) -> String {
    let list = days::normalize(days.iter().map(|d| (*d, *d)).collect());
    let parts: Vec<String> = list
        .iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}..{b}")
            }
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// The sets of `codes`, each clipped to `clip` (inclusive), empty ones dropped.
fn select(sets: &DaySets, codes: &[&str], clip: (NaiveDate, NaiveDate)) -> DaySets {
    sets.iter()
        .filter(|((code, _), _)| codes.contains(&code.as_str()))
        .map(|(k, v)| {
            let clipped: Vec<(NaiveDate, NaiveDate)> = v
                .iter()
                .map(|(a, b)| ((*a).max(clip.0), (*b).min(clip.1)))
                .filter(|(a, b)| a <= b)
                .collect();
            (k.clone(), clipped)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

fn diff(label: &str, engine: &DaySets, oracle: &DaySets, out: &mut Vec<String>) {
    let keys: BTreeSet<&(String, String)> = engine.keys().chain(oracle.keys()).collect();
    let empty = Vec::new();
    for k in keys {
        let e = engine.get(k).unwrap_or(&empty);
        let o = oracle.get(k).unwrap_or(&empty);
        if e != o {
            let (e, o) = (expand(e), expand(o));
            let only_e: BTreeSet<NaiveDate> = e.difference(&o).copied().collect();
            let only_o: BTreeSet<NaiveDate> = o.difference(&e).copied().collect();
            out.push(format!(
                "{label} {} {}: engine only {}, oracle only {}",
                k.0,
                k.1,
                ranges(&only_e),
                ranges(&only_o)
            ));
        }
    }
}

/// Everything the engine says that the oracle contradicts, for one case.
fn disagreements(case: &gen::Case, yearly: bool) -> Vec<String> {
    let report = check(&case.dataset, &case.profile, &case.options);
    let mut probe: Vec<NaiveDate> = [case.options.today, case.options.at]
        .into_iter()
        .flatten()
        .collect();
    probe.extend([
        gen::d(2024, 2, 29),
        gen::d(2024, 12, 31),
        gen::d(2025, 1, 1),
        gen::d(2025, 7, 1),
    ]);
    let expected = days::expect(&case.dataset, &case.profile, &case.options, &probe, yearly);
    let mut out = Vec::new();
    let all = (lo(), hi());
    let reg = &case.profile.regulation;
    let in_life = (reg.effective, reg.in_force_until.unwrap_or(hi()));
    let engine = engine_days(&report, &[OWN, IN_LIFE, YEARLY].concat());
    if yearly {
        diff(
            "yearly",
            &select(&engine, YEARLY, all),
            &select(&expected.days, YEARLY, all),
            &mut out,
        );
        return out;
    }
    diff(
        "own",
        &select(&engine, OWN, all),
        &select(&expected.days, OWN, all),
        &mut out,
    );
    diff(
        "in-life",
        &select(&engine, IN_LIFE, in_life),
        &select(&expected.days, IN_LIFE, in_life),
        &mut out,
    );
    // The counts and lists the overlap and overload findings state hold on every one of their days.
    for f in &report.findings {
        let (code, key) = match f.code.as_str() {
            "coverage_overlap" => ("coverage_overlap", "subjects"),
            "assignee_overloaded" => ("assignee_overloaded", "targets"),
            _ => continue,
        };
        let stated = f.details.get("count").and_then(serde_json::Value::as_u64);
        let listed: Option<BTreeSet<String>> = f.details.get(key).and_then(|v| {
            v.as_array().map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
        });
        let mut d = f.from.unwrap_or(lo()).max(lo());
        let to = f.to.unwrap_or(hi()).min(hi());
        let per_day = expected
            .counts
            .get(&(code.to_owned(), f.subject.id.clone()));
        while d <= to {
            let want = per_day.and_then(|m| m.get(&d));
            let n = want.map(BTreeSet::len);
            if stated.map(|s| s as usize) != n || listed.as_ref() != want {
                out.push(format!(
                    "count {code} {} on {d}: engine says {stated:?} {listed:?}, oracle {want:?}",
                    f.subject.id
                ));
                break;
            }
            d = d.succ_opt().unwrap();
        }
        let n = stated.unwrap_or(0);
        let said = match code {
            "coverage_overlap" => format!("has {n} monitors"),
            _ => format!("monitors {n} targets"),
        };
        if !f.message_en.contains(&said) {
            out.push(format!(
                "message of {code} {} does not say `{said}`: {}",
                f.subject.id, f.message_en
            ));
        }
    }
    // The coverage table agrees with the oracle (and so with coverage_gap) on a few days.
    let index = Index::new(&case.dataset);
    for day in probe {
        if day < lo() || day > hi() {
            continue;
        }
        let table = index
            .coverage(&case.profile, Some("commune-monitoring"), day)
            .unwrap();
        let got: BTreeMap<String, bool> = table
            .rows
            .iter()
            .map(|r| (r.code.to_owned(), r.covered))
            .collect();
        let want = expected.covered.get(&day).cloned().unwrap_or_default();
        if got != want {
            out.push(format!(
                "coverage table on {day}: engine {got:?}, oracle {want:?}"
            ));
        }
    }
    out
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn run(default_cases: u64, yearly: bool) {
    let cases = env_number("ORACLE_CASES", default_cases);
    let first = env_number("ORACLE_SEED", 0);
    let mut failures: Vec<String> = Vec::new();
    let mut failed = 0u64;
    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    for seed in first..first + cases {
        let case = gen::generate(seed);
        let problems = disagreements(&case, yearly);
        if problems.is_empty() {
            continue;
        }
        failed += 1;
        for p in &problems {
            let kind: String = p.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            *by_kind.entry(kind).or_default() += 1;
        }
        if failures.len() < 3 {
            failures.push(format!(
                "seed {seed} (options {:?}):\n  {}\n  dataset: {}",
                case.options,
                problems.join("\n  "),
                case.dataset.to_json_string().unwrap_or_default()
            ));
        }
    }
    assert!(
        failed == 0,
        "{failed} of {cases} generated cases disagree with the oracle ({by_kind:?}); first ones:\n{}",
        failures.join("\n\n")
    );
}

#[test]
fn the_engine_agrees_with_the_day_by_day_oracle() {
    run(2000, false);
}

/// Duties and evaluations against the time semantics (judged day, life of the regulation):
/// `duty_frequency_unmet`, `evaluation_missing` and `evaluation_late`.
#[test]
fn yearly_rules_agree_with_the_oracle() {
    run(500, true);
}

#[test]
fn the_oracle_itself_sees_what_the_scenarios_of_issue_17_say() {
    // One person twice on one unit: duplicated, not overloaded.
    let mut case = gen::generate(0);
    case.dataset.assignments.clear();
    case.dataset.people = vec![diaban::model::Post {
        id: "p1".into(),
        name: "Người p1".into(),
        title: "Giám đốc".into(),
        organization_id: "so-a".into(),
        rank: diaban::model::Rank::Head,
        valid_from: None,
        valid_to: None,
    }];
    let a = |id: &str, from: NaiveDate, to: NaiveDate| diaban::Assignment {
        id: id.into(),
        scheme: "commune-monitoring".into(),
        subject_id: "p1".into(),
        target: "01954".into(),
        valid_from: from,
        valid_to: Some(to),
        term_id: None,
        decision_number: None,
        decision_date: None,
        end_reason: None,
        replaces: None,
        category: None,
        acting: false,
    };
    case.dataset.assignments = vec![
        a("x", gen::d(2024, 9, 17), gen::d(2024, 10, 2)),
        a("y", gen::d(2024, 10, 1), gen::d(2024, 10, 30)),
    ];
    case.options.at = None;
    let expected = days::expect(&case.dataset, &case.profile, &case.options, &[], false);
    assert!(!expected
        .days
        .keys()
        .any(|(c, _)| c == "assignee_overloaded"));
    let dup = &expected.days[&("assignment_duplicated".to_owned(), "y".to_owned())];
    assert_eq!(dup, &vec![(gen::d(2024, 10, 1), gen::d(2024, 10, 2))]);
    assert!(
        disagreements(&case, false).is_empty(),
        "{:?}",
        disagreements(&case, false)
    );
}

#[test]
fn the_acting_column_reads_and_writes_in_csv() {
    let mut case = gen::generate(7);
    for a in &mut case.dataset.assignments {
        a.acting = a.id.ends_with('1');
    }
    let files = case.dataset.to_csv_texts().unwrap();
    let back = Dataset::from_csv_texts(files.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
    assert_eq!(
        back.assignments
            .iter()
            .map(|a| a.acting)
            .collect::<Vec<_>>(),
        case.dataset
            .assignments
            .iter()
            .map(|a| a.acting)
            .collect::<Vec<_>>()
    );
    let bad = "id,scheme,subject_id,target,valid_from,acting\na,commune-monitoring,p,01954,2024-09-01,maybe\n";
    let err = Dataset::from_csv_texts([
        ("units.csv", "code,name,type\n01954,X,Xã\n"),
        ("assignments.csv", bad),
    ])
    .unwrap_err();
    assert_eq!(err.code(), "invalid_value", "{err}");
}
