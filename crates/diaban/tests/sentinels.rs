//! No placeholder values: every public function given bad input (a day that does not exist, a
//! year outside the calendar, an unknown built-in, an impossible period, empty or garbage text)
//! answers with an error or `None`, never with a plausible-looking value such as the earliest
//! representable day or an empty profile.
//!
//! Where a function returns a day, the test also looks at its JSON form: a placeholder day shows
//! there as a date no record can hold (year −262144 or 1970-01-01), so the same assertion catches
//! a placeholder whatever the Rust type.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use diaban::reorg::{self, Lineage};
use diaban::{api, date, parse_date, Dataset, Index, Period, Profile};
use serde_json::Value;

/// Every string in a JSON value, recursively.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The dates in a JSON value that no input can give: outside the years 1 to 9999.
fn impossible_days(v: &Value) -> Vec<String> {
    let mut all = Vec::new();
    strings(v, &mut all);
    all.into_iter()
        .filter(|s| s.starts_with('-') || s.starts_with('+') || s.starts_with("1970-01-01"))
        .collect()
}

const BAD_DATES: &[&str] = &[
    "",
    "   ",
    "2024-02-30",
    "2023-02-29",
    "31/02/2024",
    "0000-01-01",
    "00/01/2024",
    "10000-01-01",
    "-0001-01-01",
    "+1/+9/2024",
    "1/1/-2024",
    "2024-1-1",
    "2024-13-01",
    "2024-01-01T00:00:00",
    "31/12/99",
    "٢٠٢٤-٠١-٠١",
    "2024‐01‐01",
    "garbage",
    "\u{0}",
];

#[test]
fn text_that_is_not_a_day_is_not_a_day() {
    for text in BAD_DATES {
        assert_eq!(parse_date(text), None, "{text:?}");
        let e = api::date_arg("at", text).unwrap_err();
        assert_eq!(e.code(), "invalid_argument", "{text:?}");
    }
    // Blank means "not given" for an optional argument, never a day.
    assert_eq!(api::opt_date_arg("at", Some("  ")).unwrap(), None);
    for text in BAD_DATES.iter().filter(|t| !t.trim().is_empty()) {
        assert!(api::opt_date_arg("at", Some(text)).is_err(), "{text:?}");
        let args = api::CheckArgs {
            today: Some(text),
            ..api::CheckArgs::default()
        };
        assert!(
            api::check_options(&args, date!(2026, 1, 1)).is_err(),
            "{text:?}"
        );
        assert!(
            api::report_today(Some(text), date!(2026, 1, 1)).is_err(),
            "{text:?}"
        );
    }
}

#[test]
fn numbers_that_are_not_a_day_are_not_a_day() {
    use diaban::period::ymd;
    for (y, m, d) in [
        (2023, 2, 29),
        (2024, 2, 30),
        (2024, 13, 1),
        (2024, 0, 1),
        (2024, 1, 0),
        (0, 1, 1),
        (10_000, 1, 1),
        (-1, 1, 1),
        (i32::MAX, 1, 1),
        (i32::MIN, 1, 1),
    ] {
        assert_eq!(ymd(y, m, d), None, "{y}-{m}-{d}");
    }
    assert_eq!(ymd(1, 1, 1), parse_date("0001-01-01"));
    assert_eq!(ymd(9999, 12, 31), parse_date("9999-12-31"));
}

#[test]
fn a_year_outside_the_calendar_is_no_period() {
    for year in [0, -1, 10_000, i32::MIN, i32::MAX] {
        let json = serde_json::to_value(Period::year(year)).unwrap();
        assert_eq!(json, Value::Null, "year {year} gave {json}");
    }
    let json = serde_json::to_value(Period::year(2024)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"from": "2024-01-01", "to": "2024-12-31"})
    );
}

#[test]
fn a_period_ending_before_it_starts_is_an_error() {
    assert!(Period::new(date!(2024, 9, 2), Some(date!(2024, 9, 1))).is_err());
    assert!(Period::new(date!(9999, 12, 31), Some(date!(1, 1, 1))).is_err());
    // Read from records, an inverted period is a load error or a finding, never a silent swap.
    let units = "code,name,type,valid_from,valid_to\n01954,Xã A,Xã,2025-01-01,2024-01-01\n";
    match Dataset::from_csv_texts([("units.csv", units)]) {
        Err(_) => {}
        Ok(ds) => {
            let report = diaban::check(
                &ds,
                &Profile::bac_kan_1390(),
                &diaban::CheckOptions::default(),
            );
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.code.as_str() == "invalid_period"),
                "{:?}",
                report.findings
            );
        }
    }
}

#[test]
fn a_period_without_a_start_says_so() {
    assert_eq!(Period::always().start(), None);
    assert_eq!(Period::until(Some(date!(2025, 6, 30))).start(), None);
    assert_eq!(Period::between(None, None), Period::always());
    assert_eq!(
        Period::between(Some(date!(2024, 9, 1)), None).start(),
        Some(date!(2024, 9, 1))
    );
    // A unit without a recorded first day has a validity without a start.
    let ds = Dataset::from_csv_texts([("units.csv", "code,name,type\n01954,Xã A,Xã\n")]).unwrap();
    assert_eq!(ds.units[0].validity().start(), None);
}

#[test]
fn unknown_built_ins_are_errors_not_empty_values() {
    for id in [
        "",
        " ",
        "nope",
        "bac-kan-1391",
        "BAC-KAN-1390 ",
        "../profiles/x",
    ] {
        assert!(Profile::builtin(id).is_err(), "profile {id:?}");
        assert!(reorg::builtin(id).is_err(), "events {id:?}");
    }
    assert!(api::profile_arg(Some("no-such-profile")).is_err());
    assert!(api::events_arg("no-such-event").is_err());
    // The built-ins themselves are whole, never a fallback.
    let profile = Profile::builtin("bac-kan-1390").unwrap();
    assert!(!profile.schemes.is_empty());
    assert_eq!(reorg::builtin("bac-kan-2025").unwrap().len(), 117);
}

#[test]
fn empty_and_garbage_texts_are_errors() {
    for text in [
        "",
        " ",
        "null",
        "[]",
        "{",
        "garbage",
        "{\"units\": 3}",
        "\u{feff}",
    ] {
        assert!(Profile::from_json_str(text).is_err(), "profile {text:?}");
        assert!(Dataset::from_json_str(text).is_err(), "dataset {text:?}");
    }
    assert!(Profile::from_json_str("{}").is_err(), "an empty profile");
    for text in ["", "[", "{\"x\": 1}", "garbage"] {
        assert!(api::events_arg(text).is_err(), "{text:?}");
        assert!(reorg::read_events("events.json", text).is_err(), "{text:?}");
    }
    // A CSV value that is not a day is a load error naming the field, not a default day.
    for bad in ["2024-02-30", "garbage", "+1/+9/2024", "0000-01-01"] {
        let units = format!("code,name,type,valid_from\n01954,Xã A,Xã,{bad}\n");
        assert!(
            Dataset::from_csv_texts([("units.csv", units.as_str())]).is_err(),
            "{bad:?}"
        );
    }
    assert!(api::lang_arg(Some("klingon")).is_err());
}

#[test]
fn a_year_report_for_a_year_outside_the_calendar_is_an_error() {
    let ds = Dataset::demo();
    let index = Index::new(&ds);
    let profile = Profile::bac_kan_1390();
    for year in [0, -1, 10_000, i32::MIN, i32::MAX] {
        let report = index.year_report(&profile, year, Some(date!(2026, 1, 1)));
        let e = report.expect_err("no such year");
        assert_eq!(e.code(), "invalid_argument");
    }
}

#[test]
fn lineage_never_shows_a_day_no_record_holds() {
    let ds = Dataset::demo();
    let edges = reorg::bac_kan_2025();
    let lineage = Lineage::with_edges(&ds.units, edges.iter());
    // Thị trấn Vân Tùng's code had a version before the reform whose start is not recorded.
    let versions = serde_json::to_value(lineage.versions("01954")).unwrap();
    assert_eq!(
        impossible_days(&versions),
        Vec::<String>::new(),
        "{versions}"
    );
    assert_eq!(versions.as_array().map(Vec::len), Some(2), "{versions}");
    assert_eq!(versions[0], Value::Null);
    for report in lineage.reports("01954", None) {
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(impossible_days(&json), Vec::<String>::new(), "{json}");
    }
}

#[test]
fn findings_never_show_a_day_no_record_holds() {
    // The demo's units carry no first day; the findings' days are recorded days or absent,
    // never a stand-in for "since always".
    let ds = Dataset::demo();
    for strict in [false, true] {
        let report = diaban::check(
            &ds,
            &Profile::bac_kan_1390(),
            &diaban::CheckOptions {
                today: Some(date!(2026, 3, 1)),
                strict,
                ..diaban::CheckOptions::default()
            },
        );
        assert!(!report.findings.is_empty());
        let json = report.to_json(diaban::Lang::En);
        assert_eq!(impossible_days(&json), Vec::<String>::new());
    }
}

/// Parses every word of a vocabulary back, and refuses empty and garbage words.
fn vocabulary<T>(all: &[T])
where
    T: std::str::FromStr<Err = diaban::words::UnknownWord> + Copy + PartialEq + std::fmt::Debug,
    T: std::fmt::Display + diaban::words::Aliased,
{
    for v in all {
        assert_eq!(v.to_string().parse::<T>(), Ok(*v));
        assert_eq!(format!("  {v} ").parse::<T>(), Ok(*v));
        for alias in v.aliases() {
            assert_eq!(alias.parse::<T>(), Ok(*v), "{alias}");
        }
    }
    for bad in ["", " ", "garbage", "\u{0}", "xã xã", "1"] {
        let e = bad.parse::<T>().unwrap_err();
        assert_eq!(e.code(), "unknown_word");
        assert_eq!(e.word, bad);
    }
}

#[test]
fn vocabulary_words_parse_or_fail_with_a_code() {
    use diaban::model::*;
    vocabulary(UnitType::ALL);
    vocabulary(Level::ALL);
    vocabulary(OrgKind::ALL);
    vocabulary(Rank::ALL);
    vocabulary(EndReason::ALL);
    vocabulary(ActivityKind::ALL);
    vocabulary(ContributionKind::ALL);
    vocabulary(Rating::ALL);
    vocabulary(Part::ALL);
    vocabulary(NtmStatus::ALL);
}

#[test]
fn a_proposal_without_its_previous_unit_is_an_error_not_an_empty_code() {
    let (after, _) = reorg::apply(&Dataset::demo(), &reorg::bac_kan_2025()).unwrap();
    let mut rows = reorg::successor_proposals(&after);
    assert!(!rows.is_empty());
    let csv = reorg::write_proposals_csv(&rows).unwrap();
    assert_eq!(reorg::read_proposals("p.csv", &csv).unwrap(), rows);
    // The same file with the first row's previous unit left empty.
    rows[0].previous_unit = String::new();
    for (file, text) in [
        ("p.csv", reorg::write_proposals_csv(&rows).unwrap()),
        ("p.json", reorg::write_proposals_json(&rows).unwrap()),
    ] {
        match reorg::read_proposals(file, &text) {
            Err(e) => assert_eq!(e.code(), "missing_field", "{file}: {e}"),
            Ok(read) => panic!(
                "{file}: read {} rows with an empty previous unit",
                read.len()
            ),
        }
    }
}
