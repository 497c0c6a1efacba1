//! Round trips across every format are lossless: for any dataset the generator makes, CSV,
//! JSON and XLSX each read back exactly what they wrote, so every chain (CSV → JSON → XLSX →
//! CSV, and each pair) gives the same dataset.
//!
//! Loading normalises once and for all (texts to Unicode NFC, a blank optional text to absent):
//! the generator also makes texts no file keeps as they are (NFD, blanks), so the comparison is
//! with the dataset as loaded, and the three loaders must normalise it the same way.
//!
//! The generator aims at the edges of each field rather than at meaningful records: Vietnamese
//! text precomposed and decomposed, CSV and spreadsheet special characters (quotes, commas,
//! line ends, a leading `=`, `+`, `-` or `@`, digits with leading zeros, `TRUE`), empty
//! optional fields, days at the ends of the supported range and around the spreadsheet
//! calendars' quirks (1900-02-28/03-01, 1904-01-01), the largest numbers, and `acting`.
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

fn day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (0u64..365 * 8).prop_map(|d| date!(2019, 1, 1) + chrono::Days::new(d)),
        1 => select(vec![
            date!(1, 1, 1),
            date!(9999, 12, 31),
            date!(1899, 12, 31),
            date!(1900, 1, 1),
            date!(1900, 2, 28),
            date!(1900, 3, 1),
            date!(1904, 1, 1),
            date!(2024, 2, 29),
        ]),
    ]
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::weighted(0.6, s)
}

/// Free text: Vietnamese precomposed and decomposed, CSV's and spreadsheets' special
/// characters, blanks; or one of the values a spreadsheet likes to reinterpret.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ,\"';:\\r\\n\\t=+@#-]{0,6}[ằệữĐđƯơÝ\u{300}\u{301}\u{303}\u{306}\u{309}\u{323} a-z]{0,6}",
        1 => select(vec![
            "=1+1", "+84 912", "-5", "@sum", "0012", "01954", "1e5", "TRUE", "false", "NaN",
            "2024-09-01", "01/09/2024", "45536", "#REF!", "'quoted", "\"", "a\r\nb",
            "Xã Cao Sơn", "Xa\u{303} Cao So\u{31b}n", "Nguyễn Thị Ánh", "Nguye\u{302}\u{303}n", " ", "",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A required text: never blank (a blank required text is a load error, not a value).
fn required() -> impl Strategy<Value = String> {
    (text(), "[a-zA-Z0-9ạĐ]{1,3}").prop_map(|(t, tail)| format!("{t}{tail}"))
}

fn word<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    select(all)
}

fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => 0u64..1_000_000,
        1 => select(vec![0, 1, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, u64::MAX]),
    ]
}

fn year() -> impl Strategy<Value = i32> {
    prop_oneof![3 => 2019..2027i32, 1 => select(vec![1, 1900, 1904, 9999])]
}

fn unit() -> impl Strategy<Value = Unit> {
    (
        required(),
        required(),
        word(UnitType::ALL),
        opt(text()),
        opt(day()),
        opt(day()),
    )
        .prop_map(
            |(code, name, unit_type, parent_code, valid_from, valid_to)| Unit {
                code: code.into(),
                name: name.into(),
                unit_type,
                parent_code: parent_code.map(Into::into),
                valid_from,
                valid_to,
            },
        )
}

fn organization() -> impl Strategy<Value = Organization> {
    (
        (required(), required(), word(OrgKind::ALL), word(Level::ALL)),
        (opt(text()), opt(text()), opt(day()), opt(day())),
    )
        .prop_map(
            |((id, name, kind, level), (unit_code, parent_id, valid_from, valid_to))| {
                Organization {
                    id: id.into(),
                    name: name.into(),
                    kind,
                    level,
                    unit_code: unit_code.map(Into::into),
                    parent_id: parent_id.map(Into::into),
                    valid_from,
                    valid_to,
                }
            },
        )
}

fn post() -> impl Strategy<Value = Post> {
    (
        (required(), required(), required(), required()),
        (word(Rank::ALL), opt(day()), opt(day())),
    )
        .prop_map(
            |((id, name, title, organization_id), (rank, valid_from, valid_to))| Post {
                id: id.into(),
                name: name.into(),
                title: title.into(),
                organization_id: organization_id.into(),
                rank,
                valid_from,
                valid_to,
            },
        )
}

fn term() -> impl Strategy<Value = Term> {
    (
        required(),
        required(),
        required(),
        opt(text()),
        day(),
        opt(day()),
    )
        .prop_map(
            |(id, organization_id, label, ordinal, valid_from, valid_to)| Term {
                id: id.into(),
                organization_id: organization_id.into(),
                label: label.into(),
                ordinal: ordinal.map(Into::into),
                valid_from,
                valid_to,
            },
        )
}

fn assignment() -> impl Strategy<Value = Assignment> {
    (
        (required(), required(), required(), required(), day()),
        (opt(day()), opt(text()), opt(text()), opt(day())),
        (
            opt(word(EndReason::ALL)),
            opt(text()),
            opt(text()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (id, scheme, subject_id, target, valid_from),
                (valid_to, term_id, decision_number, decision_date),
                (end_reason, replaces, category, acting),
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
                acting,
            },
        )
}

fn activity() -> impl Strategy<Value = Activity> {
    (
        (
            required(),
            day(),
            required(),
            required(),
            word(ActivityKind::ALL),
        ),
        (
            opt(text()),
            opt(text()),
            opt(number()),
            opt(number()),
            opt(word(ContributionKind::ALL)),
            opt(text()),
        ),
    )
        .prop_map(
            |(
                (id, date, subject_id, target, kind),
                (duty, note, quantity, value_vnd, contribution, recipient),
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
        (required(), year(), required(), required()),
        (opt(day()), opt(word(Rating::ALL)), opt(text())),
    )
        .prop_map(
            |((id, year, assignment_id, author_id), (submitted_on, rating, note))| Evaluation {
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
        (day(), required(), opt(text()), opt(text())),
        (opt(word(UnitType::ALL)), word(Part::ALL), opt(text())),
    )
        .prop_map(
            |((effective, old_code, new_code, new_name), (new_type, part, basis))| {
                ReorganizationEdge {
                    effective,
                    old_code: old_code.into(),
                    new_code: new_code.map(Into::into),
                    new_name: new_name.map(Into::into),
                    new_type,
                    part,
                    basis: basis.map(Into::into),
                }
            },
        )
}

fn ntm() -> impl Strategy<Value = NtmRecord> {
    (required(), year(), any::<u8>(), word(NtmStatus::ALL)).prop_map(
        |(unit_code, year, criteria_met, status)| NtmRecord {
            unit_code: unit_code.into(),
            year,
            criteria_met,
            status,
        },
    )
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        (
            prop::collection::vec(unit(), 0..4),
            prop::collection::vec(organization(), 0..4),
            prop::collection::vec(post(), 0..4),
            prop::collection::vec(term(), 0..3),
        ),
        (
            prop::collection::vec(assignment(), 0..5),
            prop::collection::vec(activity(), 0..5),
            prop::collection::vec(evaluation(), 0..4),
            prop::collection::vec(reorganization(), 0..3),
            prop::collection::vec(ntm(), 0..3),
        ),
    )
        .prop_map(
            |(
                (units, organizations, people, terms),
                (assignments, activities, evaluations, reorganizations, ntm_statuses),
            )| Dataset {
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
        )
}

fn csv_texts(ds: &Dataset) -> Vec<(&'static str, String)> {
    ds.to_csv_texts().unwrap()
}

fn from_csv(texts: &[(&'static str, String)]) -> Dataset {
    Dataset::from_csv_texts(texts.iter().map(|(n, t)| (*n, t.as_str())))
        .unwrap_or_else(|e| panic!("CSV does not load back: {e}\n{texts:#?}"))
}

fn from_json(text: &str) -> Dataset {
    Dataset::from_json_str(text).unwrap_or_else(|e| panic!("JSON does not load back: {e}"))
}

fn from_xlsx(bytes: &[u8]) -> Dataset {
    Dataset::from_xlsx_bytes(bytes).unwrap_or_else(|e| panic!("XLSX does not load back: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_format_reads_back_what_it_wrote(raw in dataset()) {
        // The dataset as any loader stores it.
        let ds = from_json(&raw.to_json_string().unwrap());
        prop_assert_eq!(&from_json(&ds.to_json_string().unwrap()), &ds, "JSON");
        prop_assert_eq!(&from_csv(&csv_texts(&ds)), &ds, "CSV");
        prop_assert_eq!(&from_xlsx(&ds.to_xlsx_bytes().unwrap()), &ds, "XLSX");
        // The chain CSV → JSON → XLSX → CSV gives back the same files, byte for byte.
        let csv = csv_texts(&ds);
        let json = from_csv(&csv).to_json_string().unwrap();
        let xlsx = from_json(&json).to_xlsx_bytes().unwrap();
        prop_assert_eq!(csv_texts(&from_xlsx(&xlsx)), csv);
    }

    #[test]
    fn the_three_loaders_normalise_alike(raw in dataset()) {
        // Written without normalising (NFD, blank optional texts), each format loads the same
        // NFC dataset.
        let by_json = from_json(&raw.to_json_string().unwrap());
        prop_assert_eq!(&from_csv(&csv_texts(&raw)), &by_json, "CSV");
        prop_assert_eq!(&from_xlsx(&raw.to_xlsx_bytes().unwrap()), &by_json, "XLSX");
    }
}

#[test]
fn the_edges_survive_every_format() {
    // One record per table with every optional field empty, and one with every field at an edge.
    let mut ds = Dataset::default();
    ds.units.push(Unit {
        code: "01954".into(),
        name: "Thị trấn Vân Tùng".into(),
        unit_type: UnitType::ALL[0],
        parent_code: None,
        valid_from: None,
        valid_to: None,
    });
    ds.activities.push(Activity {
        id: "=1+1".into(),
        date: date!(1900, 2, 28),
        subject_id: "0012".into(),
        target: "TRUE".into(),
        kind: ActivityKind::ALL[0],
        duty: None,
        note: Some("a\r\nb, \"c\"".into()),
        quantity: Some(u64::MAX),
        value_vnd: Some((1 << 53) + 1),
        contribution: None,
        recipient: None,
    });
    ds.assignments.push(Assignment {
        id: "a1".into(),
        scheme: "commune-monitoring".into(),
        subject_id: "p1".into(),
        target: "01954".into(),
        valid_from: date!(1, 1, 1),
        valid_to: Some(date!(9999, 12, 31)),
        term_id: None,
        decision_number: None,
        decision_date: Some(date!(1904, 1, 1)),
        end_reason: None,
        replaces: None,
        category: None,
        acting: true,
    });
    let json = from_json(&ds.to_json_string().unwrap());
    assert_eq!(json, ds);
    assert_eq!(from_csv(&csv_texts(&ds)), ds);
    assert_eq!(from_xlsx(&ds.to_xlsx_bytes().unwrap()), ds);
}
