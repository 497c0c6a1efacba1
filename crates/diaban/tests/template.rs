//! The template a new province starts from: its units come from the national lists shipped in
//! the crate, and a template filled in by a script (units kept, organisations, people, a term
//! and assignments added) reads back as the dataset written and gives exactly the findings the
//! data implies, none from the template itself.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(all(feature = "national", feature = "xlsx-read"))]

use diaban::model::{Assignment, Level, OrgKind, Organization, Post, Rank, Term, UnitType};
use diaban::{check, date, CheckOptions, Code, Dataset, Profile, Severity};

fn communes(ds: &Dataset) -> Vec<&diaban::Unit> {
    ds.units
        .iter()
        .filter(|u| {
            matches!(
                u.unit_type,
                UnitType::Commune | UnitType::Ward | UnitType::Township | UnitType::SpecialZone
            )
        })
        .collect()
}

/// Bắc Kạn's template of 1 October 2024, filled in as an office would: a Standing Committee
/// member in charge of each district and one department head per commune, assigned from 1
/// September 2024 under the provincial term; the assignment of `leave_out` (a commune code), if
/// any, left unrecorded.
fn filled(leave_out: Option<&str>) -> Dataset {
    let mut ds = diaban::template::dataset("06", date!(2024, 10, 1)).unwrap();
    ds.terms.push(Term {
        id: "tinh-uy-xii".into(),
        organization_id: "cap-uy-06".into(),
        label: "2020–2025".into(),
        ordinal: Some("XII".into()),
        valid_from: date!(2020, 10, 15),
        valid_to: Some(date!(2025, 10, 14)),
    });
    // A Standing Committee member in charge of each district (the district-lead scheme).
    let districts: Vec<diaban::SmolStr> = ds
        .units
        .iter()
        .filter(|u| u.parent_code.as_deref() == Some("06"))
        .map(|u| u.code.clone())
        .collect();
    for (i, code) in districts.iter().enumerate() {
        ds.people.push(Post {
            id: format!("btv-{i}").into(),
            name: format!("Trần Văn {i}").into(),
            title: "Ủy viên Ban Thường vụ Tỉnh ủy".into(),
            organization_id: "ban-thuong-vu-06".into(),
            rank: Rank::Member,
            valid_from: Some(date!(2020, 10, 28)),
            valid_to: None,
        });
        ds.assignments.push(assignment(
            format!("ph-{i}"),
            "district-lead",
            format!("btv-{i}"),
            code,
        ));
    }
    let codes: Vec<diaban::SmolStr> = communes(&ds).iter().map(|u| u.code.clone()).collect();
    for (i, code) in codes.iter().enumerate() {
        let org = format!("co-quan-{i:03}");
        ds.organizations.push(Organization {
            id: org.clone().into(),
            name: format!("Sở số {i}").into(),
            kind: OrgKind::Department,
            level: Level::Province,
            unit_code: Some("06".into()),
            parent_id: None,
            valid_from: None,
            valid_to: None,
        });
        ds.people.push(Post {
            id: format!("cb-{i:03}").into(),
            name: format!("Nguyễn Văn {i}").into(),
            title: format!("Giám đốc Sở số {i}").into(),
            organization_id: org.into(),
            rank: Rank::Head,
            valid_from: Some(date!(2021, 1, 1)),
            valid_to: None,
        });
        if leave_out == Some(code.as_str()) {
            continue;
        }
        ds.assignments.push(assignment(
            format!("pc-{i:03}"),
            "commune-monitoring",
            format!("cb-{i:03}"),
            code,
        ));
    }
    ds
}

/// An assignment from 1 September 2024 under the provincial term, by decision 1421-QĐ/TU.
fn assignment(id: String, scheme: &str, subject: String, target: &str) -> Assignment {
    Assignment {
        id: id.into(),
        scheme: scheme.into(),
        subject_id: subject.into(),
        target: target.into(),
        valid_from: date!(2024, 9, 1),
        valid_to: None,
        term_id: Some("tinh-uy-xii".into()),
        decision_number: Some("1421-QĐ/TU".into()),
        decision_date: Some(date!(2024, 8, 30)),
        end_reason: None,
        replaces: None,
        category: None,
        acting: false,
    }
}

#[test]
fn the_template_holds_the_real_units_of_the_day() {
    let ds = diaban::template::dataset("06", date!(2024, 10, 1)).unwrap();
    // data/national/PROVENANCE.md: 108 communes (95 Xã, 6 Phường, 7 Thị trấn) in 8 districts.
    let c = communes(&ds);
    assert_eq!(c.len(), 108);
    let count = |t| c.iter().filter(|u| u.unit_type == t).count();
    assert_eq!(
        (
            count(UnitType::Commune),
            count(UnitType::Ward),
            count(UnitType::Township)
        ),
        (95, 6, 7)
    );
    let districts: Vec<_> = ds
        .units
        .iter()
        .filter(|u| u.parent_code.as_deref() == Some("06"))
        .collect();
    assert_eq!(districts.len(), 8);
    let province = ds.units.iter().find(|u| u.parent_code.is_none()).unwrap();
    assert_eq!(province.name, "Tỉnh Bắc Kạn");
    let van_tung = ds.units.iter().find(|u| u.code == "01954").unwrap();
    assert_eq!(van_tung.name, "Thị trấn Vân Tùng");
    let district = van_tung.parent_code.as_deref().unwrap();
    assert_eq!(
        ds.units
            .iter()
            .find(|u| u.code == district)
            .unwrap()
            .parent_code
            .as_deref(),
        Some("06")
    );
    // Every commune has its party committee, under the district's.
    assert!(ds
        .organizations
        .iter()
        .any(|o| o.id == "cap-uy-01954" && o.parent_id.as_deref() == Some("cap-uy-062")));
}

#[test]
fn after_the_reform_the_province_is_the_merged_one() {
    let day = date!(2025, 7, 1);
    assert_eq!(diaban::template::provinces(day).unwrap().len(), 34);
    assert_eq!(
        diaban::template::provinces(date!(2025, 6, 30))
            .unwrap()
            .len(),
        63
    );
    // Bắc Kạn no longer exists: the error lists the provinces of the day.
    let err = diaban::template::dataset("06", day).unwrap_err();
    assert_eq!(err.code(), "invalid_argument");
    assert!(err.to_string().contains("19 Tỉnh Thái Nguyên"), "{err}");
    assert!(err.to_string().contains("34 provinces"), "{err}");
    // Thái Nguyên holds the new units Bắc Kạn's communes became (verified row by row in
    // data/national/bac_kan_reform_2025.csv), directly under the province.
    let ds = diaban::template::dataset("19", day).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/national/bac_kan_reform_2025.csv"
    ))
    .unwrap();
    let mut new: Vec<(&str, &str)> = text
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[2], f[3])
        })
        .collect();
    new.sort_unstable();
    new.dedup();
    assert_eq!(new.len(), 37);
    for (code, name) in new {
        let u = ds
            .units
            .iter()
            .find(|u| u.code == code)
            .unwrap_or_else(|| panic!("{code} {name}"));
        assert_eq!(
            diaban::words::fold(&u.name),
            diaban::words::fold(name),
            "{code}"
        );
        assert_eq!(u.parent_code.as_deref(), Some("19"));
    }
    assert!(ds
        .units
        .iter()
        .all(|u| u.unit_type != UnitType::RuralDistrict));
}

#[test]
fn a_filled_template_reads_back_and_gives_only_the_findings_its_data_implies() {
    let day = date!(2024, 10, 1);
    let options = CheckOptions {
        at: Some(day),
        ..CheckOptions::default()
    };
    let profile = Profile::bac_kan_1390();

    // Every commune covered: the day has no finding at all.
    let ds = filled(None);
    let bytes = diaban::template::write(&ds, day).unwrap();
    let back = Dataset::from_xlsx_bytes(&bytes).unwrap();
    assert_eq!(back, ds, "the template's layout reads back as written");
    let report = check(&back, &profile, &options);
    assert!(
        report.findings.is_empty(),
        "{:?}",
        report
            .findings
            .iter()
            .map(|f| (&f.code, f.message(diaban::Lang::En)))
            .collect::<Vec<_>>()
    );

    // One commune left without a monitor: exactly one coverage gap, on that commune.
    let ds = filled(Some("01954"));
    let back = Dataset::from_xlsx_bytes(&diaban::template::write(&ds, day).unwrap()).unwrap();
    let report = check(&back, &profile, &options);
    let got: Vec<(Code, Severity, &str)> = report
        .findings
        .iter()
        .map(|f| (f.code, f.severity, f.subject.id.as_str()))
        .collect();
    assert_eq!(got, vec![(Code::CoverageGap, Severity::Error, "01954")]);

    // The empty template itself: only the gaps its empty assignments sheet implies.
    let empty = diaban::template::workbook("06", day).unwrap();
    let back = Dataset::from_xlsx_bytes(&empty).unwrap();
    let report = check(&back, &profile, &options);
    assert_eq!(report.findings.len(), 108);
    assert!(report
        .findings
        .iter()
        .all(|f| f.code == Code::CoverageGap && f.severity == Severity::Error));
}

#[test]
fn every_province_of_every_list_makes_a_template_that_reads_back() {
    for day in [date!(2024, 10, 1), date!(2025, 3, 1), date!(2025, 7, 1)] {
        let provinces = diaban::template::provinces(day).unwrap();
        assert_eq!(
            provinces.len(),
            if day < date!(2025, 7, 1) { 63 } else { 34 }
        );
        for p in provinces {
            let ds = diaban::template::dataset(&p.code, day).unwrap();
            assert!(!communes(&ds).is_empty(), "{} {}", p.code, p.name);
            // Every unit but the province hangs under a unit of the template.
            assert!(ds.units.iter().all(|u| u
                .parent_code
                .as_ref()
                .is_none_or(|c| ds.units.iter().any(|v| &v.code == c))));
            assert_eq!(
                ds.units.iter().filter(|u| u.parent_code.is_none()).count(),
                1
            );
        }
    }
    // One workbook per list reads back as the dataset it was made from.
    for (code, day) in [("79", date!(2024, 10, 1)), ("01", date!(2025, 7, 1))] {
        let ds = diaban::template::dataset(code, day).unwrap();
        let back =
            Dataset::from_xlsx_bytes(&diaban::template::workbook(code, day).unwrap()).unwrap();
        assert_eq!(back, ds, "{code}");
    }
}

#[test]
fn an_unknown_province_names_how_to_find_the_codes() {
    let err = diaban::template::workbook("99", date!(2024, 10, 1)).unwrap_err();
    assert_eq!(err.code(), "invalid_argument");
    let text = err.to_string();
    assert!(text.contains("63 provinces"), "{text}");
    assert!(text.contains("06 Tỉnh Bắc Kạn"), "{text}");
}
