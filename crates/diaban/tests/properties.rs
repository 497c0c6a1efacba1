//! Properties (issue 8): the findings do not depend on the order of records, checking is
//! deterministic, and JSON → dataset → JSON and CSV → JSON → CSV are lossless.
//!
//! Datasets are generated from small vocabularies of codes, ids and dates so that references
//! often resolve and periods often touch or overlap; texts are generated from an alphabet
//! that includes CSV's special characters, line ends, decomposed Unicode and blanks.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use diaban::*;
use proptest::prelude::*;
use proptest::sample::select;

const CODES: &[&str] = &["06", "062", "063", "01954", "01957", "01960"];
const IDS: &[&str] = &[
    "p1",
    "p2",
    "sc1",
    "tinh-uy",
    "btv-tinh-uy",
    "so-ct",
    "a1",
    "a2",
];
const SCHEMES: &[&str] = &[
    "commune-monitoring",
    "district-lead",
    "cell-attendance",
    "ntm-support-2020-2025",
];

fn day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        8 => (0u64..365 * 7).prop_map(|d| date!(2019, 1, 1) + chrono::Days::new(d)),
        1 => select(vec![date!(1, 1, 1), date!(9999, 12, 31)]),
    ]
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::weighted(0.6, s)
}

fn id(from: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(from).prop_map(str::to_owned)
}

/// Free text: CSV's special characters, line ends, NFD marks, blanks, Vietnamese letters.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,\"';\\r\\n\\t\u{300}\u{301}\u{323}àẠđĐỉ\u{feff}-]{0,12}"
}

fn word<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    select(all)
}

fn unit() -> impl Strategy<Value = Unit> {
    (
        id(CODES),
        text(),
        word(UnitType::ALL),
        opt(id(CODES)),
        opt(day()),
        opt(day()),
    )
        .prop_map(
            |(code, name, unit_type, parent_code, valid_from, valid_to)| Unit {
                code: code.into(),
                name: format!("Xã {name}").into(),
                unit_type,
                parent_code: parent_code.map(Into::into),
                valid_from,
                valid_to,
            },
        )
}

fn organization() -> impl Strategy<Value = Organization> {
    (
        id(IDS),
        text(),
        word(OrgKind::ALL),
        word(Level::ALL),
        opt(id(CODES)),
        opt(id(IDS)),
        opt(day()),
        opt(day()),
    )
        .prop_map(
            |(id, name, kind, level, unit_code, parent_id, valid_from, valid_to)| Organization {
                id: id.into(),
                name: format!("Sở {name}").into(),
                kind,
                level,
                unit_code: unit_code.map(Into::into),
                parent_id: parent_id.map(Into::into),
                valid_from,
                valid_to,
            },
        )
}

fn post() -> impl Strategy<Value = Post> {
    (
        id(IDS),
        text(),
        id(IDS),
        word(Rank::ALL),
        opt(day()),
        opt(day()),
    )
        .prop_map(
            |(id, title, organization_id, rank, valid_from, valid_to)| Post {
                id: id.into(),
                name: "Người".into(),
                title: format!("Chức {title}").into(),
                organization_id: organization_id.into(),
                rank,
                valid_from,
                valid_to,
            },
        )
}

fn term() -> impl Strategy<Value = Term> {
    (
        select(vec!["tinh-uy-xii", "t2"]),
        id(IDS),
        opt(text()),
        day(),
        opt(day()),
    )
        .prop_map(
            |(id, organization_id, ordinal, valid_from, valid_to)| Term {
                id: id.into(),
                organization_id: organization_id.into(),
                label: "2020–2025".into(),
                ordinal: ordinal.map(Into::into),
                valid_from,
                valid_to,
            },
        )
}

fn assignment() -> impl Strategy<Value = Assignment> {
    (
        (
            id(IDS),
            id(SCHEMES),
            id(IDS),
            prop_oneof![id(CODES), id(IDS)],
        ),
        (
            day(),
            opt(day()),
            opt(select(vec!["tinh-uy-xii".to_owned(), "t2".to_owned()])),
        ),
        (
            opt(text()),
            opt(day()),
            opt(word(EndReason::ALL)),
            opt(id(IDS)),
            opt(text()),
        ),
    )
        .prop_map(
            |(
                (id, scheme, subject_id, target),
                (valid_from, valid_to, term_id),
                (decision_number, decision_date, end_reason, replaces, category),
            )| Assignment {
                id: id.into(),
                scheme: scheme.into(),
                subject_id: subject_id.into(),
                target: target.into(),
                valid_from,
                valid_to,
                term_id: term_id.map(Into::into),
                decision_number: decision_number.map(Into::into),
                decision_date,
                end_reason,
                replaces: replaces.map(Into::into),
                category: category.map(Into::into),
                acting: false,
            },
        )
}

fn activity() -> impl Strategy<Value = Activity> {
    (
        (
            id(IDS),
            day(),
            id(IDS),
            prop_oneof![id(CODES), id(IDS)],
            word(ActivityKind::ALL),
        ),
        (
            opt(text()),
            opt(text()),
            opt(any::<u64>()),
            opt(any::<u64>()),
        ),
        (opt(word(ContributionKind::ALL)), opt(id(IDS))),
    )
        .prop_map(
            |(
                (id, date, subject_id, target, kind),
                (duty, note, quantity, value_vnd),
                (contribution, recipient),
            )| Activity {
                id: id.into(),
                date,
                subject_id: subject_id.into(),
                target: target.into(),
                kind,
                duty: duty.map(Into::into),
                note: note.map(Into::into),
                quantity,
                value_vnd,
                contribution,
                recipient: recipient.map(Into::into),
            },
        )
}

fn evaluation() -> impl Strategy<Value = Evaluation> {
    (
        (
            id(IDS),
            select(vec![2024, 2025, 2026, 1, 9999, -1, i32::MAX]),
        ),
        (
            id(IDS),
            id(IDS),
            opt(day()),
            opt(word(Rating::ALL)),
            opt(text()),
        ),
    )
        .prop_map(
            |((id, year), (assignment_id, author_id, submitted_on, rating, note))| Evaluation {
                id: id.into(),
                year,
                assignment_id: assignment_id.into(),
                author_id: author_id.into(),
                submitted_on,
                rating,
                note: note.map(Into::into),
            },
        )
}

fn reorganization() -> impl Strategy<Value = ReorganizationEdge> {
    (
        day(),
        id(CODES),
        opt(id(CODES)),
        opt(text()),
        opt(word(UnitType::ALL)),
        word(Part::ALL),
        opt(text()),
    )
        .prop_map(
            |(effective, old_code, new_code, new_name, new_type, part, basis)| ReorganizationEdge {
                effective,
                old_code: old_code.into(),
                new_code: new_code.map(Into::into),
                new_name: new_name.map(Into::into),
                new_type,
                part,
                basis: basis.map(Into::into),
            },
        )
}

fn ntm() -> impl Strategy<Value = NtmRecord> {
    (
        id(CODES),
        select(vec![2020, 2024, 2025]),
        any::<u8>(),
        word(NtmStatus::ALL),
    )
        .prop_map(|(unit_code, year, criteria_met, status)| NtmRecord {
            unit_code: unit_code.into(),
            year,
            criteria_met,
            status,
        })
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        (
            prop::collection::vec(unit(), 0..8),
            prop::collection::vec(organization(), 0..6),
            prop::collection::vec(post(), 0..8),
            prop::collection::vec(term(), 0..3),
        ),
        (
            prop::collection::vec(assignment(), 0..12),
            prop::collection::vec(activity(), 0..10),
            prop::collection::vec(evaluation(), 0..6),
            prop::collection::vec(reorganization(), 0..4),
            prop::collection::vec(ntm(), 0..4),
        ),
    )
        .prop_map(from_tables)
}

/// The tables, grouped as the strategies produce them, as a dataset.
type Tables = (
    (Vec<Unit>, Vec<Organization>, Vec<Post>, Vec<Term>),
    (
        Vec<Assignment>,
        Vec<Activity>,
        Vec<Evaluation>,
        Vec<ReorganizationEdge>,
        Vec<NtmRecord>,
    ),
);

fn from_tables(
    (
        (units, organizations, people, terms),
        (assignments, activities, evaluations, reorganizations, ntm_statuses),
    ): Tables,
) -> Dataset {
    Dataset {
        units,
        organizations,
        people,
        terms,
        assignments,
        activities,
        evaluations,
        reorganizations,
        ntm_statuses,
    }
}

/// A dataset and the same dataset with every table shuffled.
fn dataset_and_shuffle() -> impl Strategy<Value = (Dataset, Dataset)> {
    dataset().prop_flat_map(|ds| {
        let shuffled = (
            (
                Just(ds.units.clone()).prop_shuffle(),
                Just(ds.organizations.clone()).prop_shuffle(),
                Just(ds.people.clone()).prop_shuffle(),
                Just(ds.terms.clone()).prop_shuffle(),
            ),
            (
                Just(ds.assignments.clone()).prop_shuffle(),
                Just(ds.activities.clone()).prop_shuffle(),
                Just(ds.evaluations.clone()).prop_shuffle(),
                Just(ds.reorganizations.clone()).prop_shuffle(),
                Just(ds.ntm_statuses.clone()).prop_shuffle(),
            ),
        )
            .prop_map(from_tables);
        (Just(ds), shuffled)
    })
}

fn options() -> impl Strategy<Value = CheckOptions> {
    (
        opt(day()),
        opt((0u64..365 * 8).prop_map(|d| date!(2019, 1, 1) + chrono::Days::new(d))),
        opt(day()),
        any::<bool>(),
    )
        .prop_map(|(at, today, recorded_on, strict)| CheckOptions {
            at,
            today,
            recorded_on,
            strict,
        })
}

/// The keys `(assignment, year, duty)` of the duty shortfalls and `(assignment, year)` of the
/// missing evaluations, as the yearly reports of 2019–2026 judge them on `today`.
type Keys = (
    std::collections::BTreeSet<(String, i64, String)>,
    std::collections::BTreeSet<(String, i64)>,
);

fn report_keys(ds: &Dataset, profile: &Profile, today: NaiveDate) -> Keys {
    let index = Index::new(ds);
    let (mut duties, mut evaluations) = Keys::default();
    for year in 2019..=2026 {
        let report = index.year_report(profile, year, Some(today)).unwrap();
        for row in &report.assignments {
            // A year part is judged once it has ended before the judged day.
            let due = row.period.to.is_some_and(|end| end < today);
            for d in row.duties.iter().filter(|d| due && !d.met) {
                duties.insert((row.assignment_id.clone(), i64::from(year), d.duty.clone()));
            }
            if row.evaluation.status == diaban::report::EvaluationState::Missing {
                evaluations.insert((row.assignment_id.clone(), i64::from(year)));
            }
        }
    }
    (duties, evaluations)
}

fn finding_keys(report: &Report) -> Keys {
    let (mut duties, mut evaluations) = Keys::default();
    for f in &report.findings {
        let year = f.details.get("year").and_then(serde_json::Value::as_i64);
        match (f.code, year.filter(|y| (2019..=2026).contains(y))) {
            (Code::DutyFrequencyUnmet, Some(y)) => {
                let duty = f.details["duty"].as_str().unwrap().to_owned();
                duties.insert((f.subject.id.clone(), y, duty));
            }
            (Code::EvaluationMissing, Some(y)) => {
                evaluations.insert((f.subject.id.clone(), y));
            }
            _ => {}
        }
    }
    (duties, evaluations)
}

/// The built-in profile without its end of life or territory, so that later years are judged.
fn continued() -> Profile {
    let mut p = Profile::bac_kan_1390();
    p.regulation.in_force_until = None;
    p.regulation.territory = None;
    p
}

/// The JSON form of a report: what users see (codes, subjects, dates, messages, details).
fn seen(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {:?} {:?} {:?} {} | {} | {:?}",
                f.code, f.severity, f.subject, f.from, f.to, f.message_en, f.message_vi, f.details
            )
        })
        .collect()
}

fn csv_of(ds: &Dataset) -> Vec<(&'static str, String)> {
    ds.to_csv_texts().unwrap()
}

fn from_csv(texts: &[(&'static str, String)]) -> Dataset {
    Dataset::from_csv_texts(texts.iter().map(|(n, t)| (*n, t.as_str()))).unwrap()
}

/// A generated dataset as the loaders store it (NFC, blank optional texts absent): the
/// generator may produce texts no file can hold, such as NFD or a blank note.
fn as_loaded(ds: &Dataset) -> Dataset {
    Dataset::from_json_str(&ds.to_json_string().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn findings_do_not_depend_on_the_order_of_records(
        (ds, shuffled) in dataset_and_shuffle(),
        opts in options(),
    ) {
        let profile = Profile::bac_kan_1390();
        let a = check(&ds, &profile, &opts);
        let b = check(&shuffled, &profile, &opts);
        prop_assert_eq!(seen(&a), seen(&b));
        prop_assert_eq!(a.summary, b.summary);
    }

    #[test]
    fn report_shortfalls_and_findings_coincide(
        ds in dataset(),
        today in (0u64..365 * 8).prop_map(|d| date!(2019, 1, 1) + chrono::Days::new(d)),
    ) {
        // Assignment ids are unique in a sound dataset; duplicates are a separate finding.
        let mut ds = ds;
        let mut seen_ids = std::collections::HashSet::new();
        ds.assignments.retain(|a| seen_ids.insert(a.id.clone()));
        for profile in [Profile::bac_kan_1390(), continued()] {
            let opts = CheckOptions { today: Some(today), ..CheckOptions::default() };
            let from_rules = finding_keys(&check(&ds, &profile, &opts));
            let from_report = report_keys(&ds, &profile, today);
            prop_assert_eq!(&from_report.0, &from_rules.0, "duty shortfalls");
            prop_assert_eq!(&from_report.1, &from_rules.1, "missing evaluations");
        }
    }

    #[test]
    fn checking_is_deterministic(ds in dataset(), opts in options()) {
        let profile = Profile::bac_kan_1390();
        let a = check(&ds, &profile, &opts);
        let b = check(&ds.clone(), &profile, &opts);
        prop_assert_eq!(&a, &b);
    }

    #[test]
    fn json_to_dataset_to_json_is_lossless(ds in dataset()) {
        let loaded = as_loaded(&ds);
        let json = loaded.to_json_string().unwrap();
        let back = Dataset::from_json_str(&json).unwrap();
        prop_assert_eq!(&back, &loaded);
        prop_assert_eq!(back.to_json_string().unwrap(), json);
    }

    #[test]
    fn csv_to_json_to_csv_is_lossless(ds in dataset()) {
        let loaded = as_loaded(&ds);
        let csv = csv_of(&loaded);
        let from_csv_ds = from_csv(&csv);
        prop_assert_eq!(&from_csv_ds, &loaded);
        let via_json = Dataset::from_json_str(&from_csv_ds.to_json_string().unwrap()).unwrap();
        prop_assert_eq!(csv_of(&via_json), csv);
    }

    #[test]
    fn loading_normalises_once_and_for_all(ds in dataset()) {
        // Whatever a JSON file holds, what loads is a fixed point of both formats.
        let once = as_loaded(&ds);
        prop_assert_eq!(&as_loaded(&once), &once);
        prop_assert_eq!(&from_csv(&csv_of(&once)), &once);
    }
}
