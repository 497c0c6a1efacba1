//! Load and argument errors speak Vietnamese when asked (the default of every front end) and
//! English otherwise: each bad input below gives an error whose Vietnamese message names the
//! same place as the English one and contains no English sentence.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use diaban::{Dataset, Lang, Profile};

/// English words that must not appear in a Vietnamese message (outside backticks, where
/// column names and values are quoted as written).
const ENGLISH: &[&str] = &[
    " the ", " is ", " not ", "must", "expected", "unknown", "missing", "invalid", " line ",
    " column ", "field ", " of ", " and ", " or ", "empty", "sheet", " a ", " an ",
];

/// The text outside backticks (names and values quoted as written), without a labelled
/// technical detail ("chi tiết kỹ thuật: …", the words of another library).
fn outside_quotes(text: &str) -> String {
    let text = text.split("chi tiết kỹ thuật:").next().unwrap_or(text);
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

fn assert_vietnamese(what: &str, err: &diaban::Error) {
    let vi = err.message_in(Lang::Vi);
    let en = err.message_in(Lang::En);
    assert_ne!(
        vi, en,
        "{what}: the Vietnamese message is the English one: {vi}"
    );
    let plain = format!(" {} ", outside_quotes(&vi).to_lowercase());
    for word in ENGLISH {
        assert!(
            !plain.contains(word),
            "{what}: English word {word:?} in the Vietnamese message: {vi}"
        );
    }
    if let Some(loc) = err.location() {
        if let Some(line) = loc.line {
            assert!(vi.contains(&format!("dòng {line}")), "{what}: {vi}");
            assert!(en.contains(&format!("line {line}")), "{what}: {en}");
        }
        if let Some(file) = &loc.file {
            assert!(vi.contains(file.as_str()), "{what}: {vi}");
        }
    }
}

fn csv(files: &[(&str, &str)]) -> diaban::Error {
    Dataset::from_csv_texts(files.iter().copied()).unwrap_err()
}

const UNITS: &str = "code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n";

#[test]
fn every_kind_of_load_error_reads_in_vietnamese() {
    let cases: Vec<(&str, diaban::Error)> = vec![
        ("json syntax", Dataset::from_json_str("{\"units\": [\n").unwrap_err()),
        ("json trailing comma", Dataset::from_json_str("{\"units\": [],}").unwrap_err()),
        ("json unknown field", Dataset::from_json_str(r#"{"units": [], "colour": 1}"#).unwrap_err()),
        ("json missing field", Dataset::from_json_str(r#"{"units": [{"code": "06"}]}"#).unwrap_err()),
        (
            "json wrong type",
            Dataset::from_json_str(r#"{"units": [{"code": 6, "name": "x", "type": "province"}]}"#).unwrap_err(),
        ),
        (
            "json unknown word",
            Dataset::from_json_str(r#"{"units": [{"code": "06", "name": "x", "type": "planet"}]}"#).unwrap_err(),
        ),
        (
            "json bad date",
            Dataset::from_json_str(r#"{"units": [{"code": "06", "name": "x", "type": "province", "valid_from": "2024-02-30"}]}"#)
                .unwrap_err(),
        ),
        (
            "json empty text",
            Dataset::from_json_str(r#"{"units": [{"code": " ", "name": "x", "type": "province"}]}"#).unwrap_err(),
        ),
        ("csv stray quote", csv(&[("units.csv", "code,name,type\n06,\"Bắc Kạn,Tỉnh\n")])),
        ("csv ragged row", csv(&[("units.csv", "code,name,type\n06,Bắc Kạn\n")])),
        ("csv unknown column", csv(&[("units.csv", "code,name,type,colour\n06,Bắc Kạn,Tỉnh,red\n")])),
        ("csv missing column", csv(&[("units.csv", "code,type\n06,Tỉnh\n")])),
        ("csv twice", csv(&[("units.csv", "code,name,type\ncode,name,type\n")])),
        ("csv unknown file", csv(&[("units.csv", UNITS), ("colours.csv", "a\n1\n")])),
        ("csv no units", csv(&[("people.csv", "id,name\np1,An\n")])),
        ("csv bad word", csv(&[("units.csv", "code,name,type\n06,Bắc Kạn,hành tinh\n")])),
        ("csv bad date", csv(&[("units.csv", "code,name,type,valid_from\n06,Bắc Kạn,Tỉnh,31/02/2024\n")])),
        ("csv empty required", csv(&[("units.csv", "code,name,type\n06,,Tỉnh\n")])),
        (
            "csv bad number",
            csv(&[
                ("units.csv", UNITS),
                ("activities.csv", "id,date,subject_id,target,kind,quantity\na1,2024-01-01,p1,06,committee_meeting,many\n"),
            ]),
        ),
        ("csv value without header", csv(&[("units.csv", "code,name,type,\n06,Bắc Kạn,Tỉnh,x\n")])),
        ("profile json", Profile::from_json_str("{").unwrap_err()),
        ("unknown profile", Profile::builtin("nope").unwrap_err()),
        ("date argument", diaban::api::date_arg("at", "32/13/2024").unwrap_err()),
        ("language argument", diaban::api::lang_arg(Some("fr")).unwrap_err()),
        ("unknown events", diaban::reorg::builtin("nope").unwrap_err()),
        ("not a workbook", Dataset::from_xlsx_bytes(b"PK\x03\x04 not really").unwrap_err()),
        (
            "an .xls workbook",
            Dataset::from_xlsx_bytes(include_bytes!("workbooks/excel-97-2003.xls")).unwrap_err(),
        ),
        (
            "a password",
            Dataset::from_xlsx_bytes(include_bytes!("workbooks/password-protected.xlsx")).unwrap_err(),
        ),
    ];
    for (what, err) in &cases {
        assert_vietnamese(what, err);
    }
}

#[test]
fn lookups_that_fail_read_in_vietnamese() {
    let demo = Dataset::demo();
    let index = diaban::Index::new(&demo);
    let unknown = index.find_target("99999").unwrap_err();
    assert_eq!(unknown.code(), "not_found");
    assert_vietnamese("unknown target", &unknown);
    let ambiguous = index.find_target("Bắc Kạn").unwrap_err();
    assert_eq!(ambiguous.code(), "ambiguous_name");
    assert_vietnamese("ambiguous target", &ambiguous);
}

#[test]
fn english_stays_what_it_was() {
    let e = Dataset::from_json_str(r#"{"units": [{"code": "06"}]}"#).unwrap_err();
    assert_eq!(e.message_in(Lang::En), e.to_string());
    assert!(
        e.message_in(Lang::Vi).contains("thiếu trường `name`"),
        "{}",
        e.message_in(Lang::Vi)
    );
}
