//! Reorganisations end to end: the real Bắc Kạn mapping on the demo dataset, lineage across
//! reforms, the rules, and the national reform of 1 July 2025 as a scale test.

// Test helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use diaban::reorg::{self, Lineage};
use diaban::{
    check, date, CheckOptions, Dataset, EndReason, Part, Profile, ReorganizationEdge, UnitType,
};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

fn national(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/national")
        .join(file)
}

fn options() -> CheckOptions {
    CheckOptions {
        today: Some(date!(2026, 1, 1)),
        ..CheckOptions::default()
    }
}

fn carried() -> (Dataset, reorg::Changes) {
    reorg::apply(&Dataset::demo(), &reorg::bac_kan_2025()).unwrap()
}

#[test]
fn bac_kan_108_units_become_37() {
    let demo = Dataset::demo();
    let (after, changes) = carried();
    let communes_ended: Vec<_> = changes
        .units_ended
        .iter()
        .filter(|u| u.unit.code.len() == 5)
        .collect();
    let communes_started: Vec<_> = changes
        .units_started
        .iter()
        .filter(|u| u.unit.code.len() == 5)
        .collect();
    assert_eq!(communes_ended.len(), 108);
    assert_eq!(communes_started.len(), 37);
    assert_eq!(
        changes
            .units_ended
            .iter()
            .filter(|u| u.unit.code.len() == 3)
            .count(),
        8,
        "the districts end"
    );
    assert!(changes.units_ended.iter().any(|u| u.unit.code == "06"));
    let province = changes
        .units_started
        .iter()
        .find(|u| u.unit.code == "19")
        .unwrap();
    assert_eq!(
        (province.unit.name.as_str(), province.unit.unit_type),
        ("Tỉnh Thái Nguyên", UnitType::Province)
    );
    for u in &communes_ended {
        assert_eq!(u.unit.valid_to, Some(date!(2025, 6, 30)), "{}", u.unit.code);
    }
    for u in &communes_started {
        assert_eq!(u.unit.valid_from, Some(date!(2025, 7, 1)));
        assert_eq!(
            u.unit.parent_code.as_deref(),
            Some("19"),
            "new communes belong to the new province"
        );
        assert!(matches!(
            u.unit.unit_type,
            UnitType::Commune | UnitType::Ward
        ));
    }
    assert_eq!(
        communes_started
            .iter()
            .filter(|u| u.unit.unit_type == UnitType::Ward)
            .count(),
        2
    );
    // nothing deleted: every unit of the demo is still there, 38 added
    assert_eq!(after.units.len(), demo.units.len() + 38);
    assert_eq!(after.assignments.len(), demo.assignments.len());
    assert_eq!(after.activities, demo.activities);
    assert_eq!(after.evaluations, demo.evaluations);
    assert_eq!(after.reorganizations.len(), 117);
}

#[test]
fn every_monitoring_assignment_open_on_june_30_ends_then() {
    let demo = Dataset::demo();
    let last = date!(2025, 6, 30);
    let open: HashSet<&str> = demo
        .assignments
        .iter()
        .filter(|a| {
            a.scheme == "commune-monitoring"
                && a.period().contains(last)
                && a.valid_to != Some(last)
        })
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        open.len(),
        108,
        "one monitor per unit on 2025-06-30 (replacements included)"
    );
    let (after, changes) = carried();
    for a in after
        .assignments
        .iter()
        .filter(|a| open.contains(a.id.as_str()))
    {
        assert_eq!(
            (a.valid_to, a.end_reason),
            (Some(last), Some(EndReason::Reorganized)),
            "{}",
            a.id
        );
    }
    // those that ended earlier keep their end and reason
    let before: HashMap<&str, _> = demo
        .assignments
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    for id in ["cm-01909", "cm-02131", "cm-02194"] {
        let a = after.assignments.iter().find(|a| a.id == id).unwrap();
        assert_eq!(
            a, before[id],
            "{id} ended before the reform and is untouched"
        );
        assert_eq!(a.end_reason, Some(EndReason::Replaced));
    }
    let closed: HashMap<&str, &reorg::ClosedAssignment> = changes
        .assignments_closed
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    assert_eq!(
        closed
            .values()
            .filter(|c| c.scheme == "commune-monitoring")
            .count(),
        108
    );
    assert_eq!(closed["cm-01834"].successors, ["01840"]);
    assert_eq!(closed["cm-01843"].successors, ["01843"]);
    assert_eq!(
        closed["cm-01843"].basis,
        ["Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 90"]
    );
    assert!(
        closed["dl-058"].successors.is_empty(),
        "an abolished district has no successor"
    );
    assert_eq!(
        closed["ntm-01858"].previous_valid_to,
        Some(date!(2025, 12, 31))
    );
    // A party cell is an organisation, not a unit: its attendance ends with the term of the
    // provincial committee that ended, not with a unit, so it has no successor unit.
    assert!(closed["ca-1"].successors.is_empty());
    assert_eq!(
        closed["ca-1"].basis,
        ["Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh (Bắc Kạn và Thái Nguyên thành tỉnh Thái Nguyên)"],
        "the basis of the province's edge"
    );
}

/// The built-in rules as if a regulation of the merged province kept them in force after Bắc
/// Kạn ended on 2025-06-30: the built-in profile itself judges nothing after that day, and a
/// regulation lapses with its issuer (`reorganize` ends Tỉnh ủy Bắc Kạn then), so the issuer is
/// the Tỉnh ủy Thái Nguyên that `reorganize` proposes.
fn continued() -> Profile {
    let mut p = Profile::bac_kan_1390();
    p.regulation.in_force_until = None;
    p.regulation.territory = None;
    p.role_ids
        .insert(diaban::profile::Role::Issuer, "tinh-uy-19-2025".into());
    p
}

#[test]
fn the_37_new_units_are_uncovered_from_july_first() {
    let (after, _) = carried();
    let report = check(&after, &continued(), &options());
    let gaps: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "coverage_gap")
        .collect();
    let new_codes: HashSet<&str> = after
        .units
        .iter()
        .filter(|u| u.valid_from == Some(date!(2025, 7, 1)) && u.code.len() == 5)
        .map(|u| u.code.as_str())
        .collect();
    assert_eq!(new_codes.len(), 37);
    let from_july: HashSet<&str> = gaps
        .iter()
        .filter(|f| f.from == Some(date!(2025, 7, 1)) && f.to == Some(date!(2026, 1, 1)))
        .map(|f| f.subject.id.as_str())
        .collect();
    assert_eq!(from_july, new_codes);
    // Up to the judged day (2026-01-01) a gap; after it, only "no monitor recorded from … on".
    let ending: HashSet<&str> = report
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "coverage_ending")
        .filter(|f| f.from == Some(date!(2026, 1, 2)) && f.to.is_none())
        .map(|f| f.subject.id.as_str())
        .collect();
    assert_eq!(ending, new_codes);
    assert!(gaps
        .iter()
        .all(|f| f.to.is_none_or(|t| t < date!(2025, 7, 1))
            || new_codes.contains(f.subject.id.as_str())));
    // the carried-over records do not run past the reform
    assert!(!report
        .findings
        .iter()
        .any(|f| f.code.as_str() == "open_after_reorganization" && f.subject.kind == "assignment"));
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.code.as_str() == "unit_code_overlap"),
        "code reuse never collides"
    );
}

#[test]
fn applying_twice_changes_nothing() {
    let (once, _) = carried();
    let (twice, changes) = reorg::apply(&once, &reorg::bac_kan_2025()).unwrap();
    assert!(changes.is_empty(), "{changes:?}");
    assert_eq!(twice, once);
}

#[test]
fn the_carried_dataset_round_trips_through_csv_and_json() {
    let (after, _) = carried();
    let texts = after.to_csv_texts().unwrap();
    let back = Dataset::from_csv_texts(texts.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
    assert_eq!(back, after);
    let json = after.to_json_string().unwrap();
    assert_eq!(Dataset::from_json_str(&json).unwrap(), after);
    let dir = std::env::temp_dir().join(format!("diaban-reorg-{}", std::process::id()));
    diaban::io::csv::write_dir(&after, &dir).unwrap();
    assert_eq!(Dataset::load(&dir).unwrap(), after);
    assert_eq!(reorg::load_events(&dir).unwrap(), after.reorganizations);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn lineage_of_phuong_bac_kan() {
    let (after, _) = carried();
    let lineage = Lineage::new(&after);
    let report = lineage.report("01843", date!(2025, 7, 1));
    assert_eq!(report.name.as_deref(), Some("Phường Bắc Kạn"));
    assert_eq!(report.valid_from, Some(date!(2025, 7, 1)));
    let names: Vec<&str> = report
        .predecessors
        .iter()
        .filter_map(|s| s.name.as_deref())
        .collect();
    assert_eq!(
        names,
        [
            "Phường Sông Cầu",
            "Phường Phùng Chí Kiên",
            "Xã Nông Thượng",
            "Phường Xuất Hóa"
        ]
    );
    assert!(report
        .predecessors
        .iter()
        .all(|s| s.depth == 1 && s.valid_to == Some(date!(2025, 6, 30)) && s.part == Part::Full));
    assert!(report.successors.is_empty());

    // the 01843 of 2024 and the 01843 of 2025 are different units
    let old = lineage.report("01843", date!(2024, 10, 1));
    assert_eq!(old.name.as_deref(), Some("Phường Phùng Chí Kiên"));
    assert_eq!(old.valid_to, Some(date!(2025, 6, 30)));
    assert_eq!(old.successors.len(), 1);
    assert_eq!(old.successors[0].code.as_deref(), Some("01843"));
    assert_eq!(old.successors[0].name.as_deref(), Some("Phường Bắc Kạn"));
    let index = diaban::Index::new(&after);
    let (u24, u25) = (
        index.unit_at("01843", date!(2024, 10, 1)).unwrap(),
        index.unit_at("01843", date!(2025, 7, 1)).unwrap(),
    );
    assert_ne!(u24, u25);
    assert!(!u24.validity().overlaps(&u25.validity()));
    assert_eq!(lineage.versions("01843"), [None, Some(date!(2025, 7, 1))]);

    // a district: abolished, no successor code
    let district = lineage.report("058", date!(2024, 10, 1));
    assert_eq!(district.successors.len(), 1);
    assert_eq!(
        (
            district.successors[0].code.as_ref(),
            district.successors[0].part
        ),
        (None, Part::Abolished)
    );
}

fn edge(
    effective: chrono::NaiveDate,
    old: &str,
    new: &str,
    name: &str,
    part: Part,
) -> ReorganizationEdge {
    ReorganizationEdge {
        effective,
        old_code: old.into(),
        new_code: Some(new.into()),
        new_name: Some(name.into()),
        new_type: Some(UnitType::Ward),
        part,
        basis: Some("Nghị quyết giả định, Điều 1".into()),
    }
}

#[test]
fn lineage_is_transitive_across_reforms_and_keeps_partial_splits() {
    let (after, _) = carried();
    let second = [
        edge(
            date!(2027, 1, 1),
            "01843",
            "01840",
            "Phường Hợp Nhất",
            Part::Full,
        ),
        edge(
            date!(2027, 1, 1),
            "01840",
            "01840",
            "Phường Hợp Nhất",
            Part::Partial,
        ),
        edge(
            date!(2027, 1, 1),
            "01840",
            "01999",
            "Phường Tách Ra",
            Part::Partial,
        ),
    ];
    let (later, changes) = reorg::apply(&after, &second).unwrap();
    assert_eq!(changes.units_started.len(), 2);
    let new = later
        .units
        .iter()
        .find(|u| u.code == "01840" && u.valid_from == Some(date!(2027, 1, 1)))
        .unwrap();
    assert_eq!(
        new.parent_code.as_deref(),
        Some("19"),
        "a merger inside the new province keeps its parent"
    );
    let lineage = Lineage::new(&later);
    let succ: Vec<(String, usize)> = lineage
        .successors("01837", date!(2024, 10, 1))
        .into_iter()
        .map(|s| (s.code.unwrap_or_default(), s.depth))
        .collect();
    assert_eq!(succ, [("01843".to_owned(), 1), ("01840".to_owned(), 2)]);
    let split: Vec<String> = lineage
        .successors("01840", date!(2026, 1, 1))
        .into_iter()
        .filter_map(|s| s.code)
        .collect();
    assert_eq!(split, ["01840", "01999"]);
    let pred = lineage.predecessors("01999", date!(2027, 6, 1));
    assert_eq!(pred[0].code.as_deref(), Some("01840"));
    assert_eq!(pred[0].part, Part::Partial);
    assert!(
        pred.iter()
            .any(|s| s.code.as_deref() == Some("01834") && s.depth == 2),
        "{pred:?}"
    );
    assert_eq!(
        lineage.versions("01840"),
        [None, Some(date!(2025, 7, 1)), Some(date!(2027, 1, 1))]
    );
    // idempotent with both events at once
    let both: Vec<ReorganizationEdge> = reorg::bac_kan_2025()
        .into_iter()
        .chain(second.iter().cloned())
        .collect();
    let (again, nothing) = reorg::apply(&later, &both).unwrap();
    assert!(nothing.is_empty());
    assert_eq!(again, later);
}

#[test]
fn recorded_but_not_applied_reform_is_reported() {
    let mut demo = Dataset::demo();
    demo.reorganizations = reorg::bac_kan_2025();
    let report = check(&demo, &continued(), &options());
    let open: Vec<_> = report
        .findings
        .iter()
        .filter(|f| {
            f.code.as_str() == "open_after_reorganization" && f.subject.kind == "assignment"
        })
        .collect();
    let cm = open
        .iter()
        .filter(|f| f.subject.id.starts_with("cm-"))
        .count();
    assert_eq!(cm, 108);
    let f = open.iter().find(|f| f.subject.id == "cm-01843").unwrap();
    assert_eq!((f.from, f.to), (Some(date!(2025, 7, 1)), None));
    assert_eq!(
        f.article.as_deref(),
        Some("Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 90")
    );
    // the provincial term is cut short by the province's reorganisation
    let term: Vec<_> = report
        .findings
        .iter()
        .filter(|f| {
            f.code.as_str() == "outside_term" && f.details.contains_key("reorganization_basis")
        })
        .collect();
    assert!(!term.is_empty());
    assert!(term.iter().all(|f| f.from == Some(date!(2025, 7, 1))
        && f.article
            .as_deref()
            .is_some_and(|a| a.contains("202/2025/QH15"))));
}

// --- the national reform --------------------------------------------------------------------

fn type_from_name(name: &str) -> UnitType {
    [
        ("Phường ", UnitType::Ward),
        ("Đặc khu ", UnitType::SpecialZone),
        ("Thị trấn ", UnitType::Township),
        ("Thành phố ", UnitType::CentralCity),
    ]
    .into_iter()
    .find(|(p, _)| name.starts_with(p))
    .map_or(UnitType::Commune, |(_, t)| t)
}

/// The national file as reorganisation edges: communes as given, every district abolished,
/// every province to its new province.
fn national_edges(units: &Dataset) -> (Vec<ReorganizationEdge>, usize, usize, usize) {
    let effective = date!(2025, 7, 1);
    let text = std::fs::read_to_string(national("vn_reform_2025-07-01.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut edges = Vec::new();
    let mut provinces: HashMap<String, (String, String)> = HashMap::new();
    let (mut rows, mut partial) = (0, 0);
    let mut new_codes = HashSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        let get = |i: usize| row.get(i).unwrap().trim().to_owned();
        let part = if get(7) == "partial" {
            Part::Partial
        } else {
            Part::Full
        };
        rows += 1;
        partial += usize::from(part == Part::Partial);
        new_codes.insert(get(3));
        provinces.insert(get(2), (get(5), get(6)));
        edges.push(ReorganizationEdge {
            effective,
            old_code: get(0).into(),
            new_code: Some(get(3).into()),
            new_name: Some(get(4).into()),
            new_type: Some(type_from_name(&get(4))),
            part,
            basis: None,
        });
    }
    for u in units.units.iter().filter(|u| u.code.len() == 3) {
        edges.push(ReorganizationEdge {
            effective,
            old_code: u.code.clone(),
            new_code: None,
            new_name: None,
            new_type: None,
            part: Part::Abolished,
            basis: None,
        });
    }
    let mut provinces: Vec<_> = provinces.into_iter().collect();
    provinces.sort();
    for (old, (new, name)) in provinces {
        let new_type = if name.starts_with("Thành phố") {
            UnitType::CentralCity
        } else {
            UnitType::Province
        };
        edges.push(ReorganizationEdge {
            effective,
            old_code: old.into(),
            new_code: Some(new.into()),
            new_name: Some(name.into()),
            new_type: Some(new_type),
            part: Part::Full,
            basis: None,
        });
    }
    (edges, rows, partial, new_codes.len())
}

#[test]
fn national_reform_at_scale() {
    let units = std::fs::read_to_string(national("vn_units_2025-03-01.csv")).unwrap();
    let mut ds = Dataset::from_csv_texts([("units.csv", units.as_str())]).unwrap();
    let communes: Vec<diaban::SmolStr> = ds
        .units
        .iter()
        .filter(|u| u.code.len() == 5)
        .map(|u| u.code.clone())
        .collect();
    assert_eq!(communes.len(), 10_047);
    // a national-size dataset: one monitor per commune
    for (i, code) in communes.iter().enumerate() {
        ds.assignments.push(diaban::Assignment {
            id: format!("cm-{code}").into(),
            scheme: "commune-monitoring".into(),
            subject_id: format!("p{i}").into(),
            target: code.clone(),
            valid_from: date!(2024, 9, 1),
            valid_to: None,
            term_id: None,
            decision_number: None,
            decision_date: None,
            end_reason: None,
            replaces: None,
            category: None,
            acting: false,
        });
    }
    let (edges, rows, partial, new_count) = national_edges(&ds);
    assert_eq!((rows, new_count), (10_599, 3_316));
    let started = std::time::Instant::now();
    let (after, changes) = reorg::apply(&ds, &edges).unwrap();
    let applied = started.elapsed();
    let lineage = Lineage::new(&after);
    let olds: HashSet<&str> = edges
        .iter()
        .filter(|e| e.old_code.len() == 5)
        .map(|e| e.old_code.as_str())
        .collect();
    let news: HashSet<&str> = edges
        .iter()
        .filter(|e| e.old_code.len() == 5)
        .filter_map(|e| e.new_code.as_deref())
        .collect();
    let before = date!(2025, 6, 30);
    for old in &olds {
        assert!(
            !lineage.successors(old, before).is_empty(),
            "{old} has no successor"
        );
    }
    for new in &news {
        assert!(
            !lineage.predecessors(new, date!(2025, 7, 1)).is_empty(),
            "{new} has no predecessor"
        );
    }
    let ended_communes = changes
        .units_ended
        .iter()
        .filter(|u| u.unit.code.len() == 5)
        .count();
    let started_communes = changes
        .units_started
        .iter()
        .filter(|u| u.unit.code.len() == 5)
        .count();
    assert_eq!(ended_communes, olds.len());
    assert_eq!(started_communes, new_count);
    assert_eq!(
        after
            .reorganizations
            .iter()
            .filter(|e| e.part == Part::Partial)
            .count(),
        partial,
        "partial splits kept"
    );
    assert_eq!(changes.assignments_closed.len(), olds.len());
    // a split unit's assignment names every unit that follows
    let split = edges.iter().find(|e| e.part == Part::Partial).unwrap();
    let closed = changes
        .assignments_closed
        .iter()
        .find(|c| c.target == split.old_code)
        .unwrap();
    assert!(
        closed.successors.len() >= 2
            || edges
                .iter()
                .filter(|e| e.old_code == split.old_code)
                .count()
                == 1
    );
    let new_parents: HashSet<&str> = changes
        .units_started
        .iter()
        .filter(|u| u.unit.code.len() == 5)
        .filter_map(|u| u.unit.parent_code.as_deref())
        .collect();
    assert_eq!(
        new_parents.len(),
        34,
        "the new communes belong to the 34 new provinces"
    );
    let started = std::time::Instant::now();
    let (_, again) = reorg::apply(&after, &edges).unwrap();
    assert!(again.is_empty());
    eprintln!(
        "national: {} units, {} assignments, {} edges: applied in {applied:?}, re-applied in {:?}; {olds_len} → {new_count} communes, {partial} partial edges",
        ds.units.len(),
        ds.assignments.len(),
        edges.len(),
        started.elapsed(),
        olds_len = olds.len()
    );
}

#[test]
fn the_reform_ends_the_old_committees_and_proposes_the_new_ones() {
    let demo = Dataset::demo();
    let (after, changes) = carried();
    let last = date!(2025, 6, 30);
    let ended: HashSet<&str> = changes
        .organizations_ended
        .iter()
        .map(|o| o.organization.id.as_str())
        .collect();
    // 108 commune committees, 8 district committees, the provincial committee and its
    // standing committee.
    assert_eq!(ended.len(), 118);
    assert!(["tinh-uy", "btv-tinh-uy", "huyen-uy-058", "dang-uy-01843"]
        .iter()
        .all(|id| ended.contains(id)));
    assert!(!ended.contains("ban-noi-chinh") && !ended.contains("so-cong-thuong"));
    assert!(
        !ended.contains("chi-bo-1"),
        "party cells outlive the merger"
    );
    for o in after
        .organizations
        .iter()
        .filter(|o| ended.contains(o.id.as_str()))
    {
        assert_eq!(o.valid_to, Some(last), "{}", o.id);
    }
    // Nothing is deleted: every organisation of the demo is still there.
    for o in &demo.organizations {
        let now = after.organizations.iter().find(|a| a.id == o.id).unwrap();
        assert_eq!(
            (&now.name, now.kind, &now.unit_code),
            (&o.name, o.kind, &o.unit_code)
        );
    }
    let created: HashMap<&str, &diaban::Organization> = changes
        .organizations_created
        .iter()
        .map(|o| (o.organization.id.as_str(), &o.organization))
        .collect();
    assert_eq!(
        created.len(),
        38,
        "37 commune-level committees and Tỉnh ủy Thái Nguyên"
    );
    let province = created["tinh-uy-19-2025"];
    assert_eq!(
        (province.name.as_str(), province.unit_code.as_deref()),
        ("Tỉnh ủy Thái Nguyên", Some("19"))
    );
    let bac_kan = created["dang-uy-01843-2025"];
    assert_eq!(bac_kan.name, "Đảng ủy phường Bắc Kạn");
    assert_eq!(bac_kan.parent_id.as_deref(), Some("tinh-uy-19-2025"));
    assert_eq!(bac_kan.valid_from, Some(date!(2025, 7, 1)));
    assert_eq!(created["dang-uy-01849-2025"].name, "Đảng ủy xã Phong Quang");
    // Every new commune-level unit has exactly one party committee on 1 July 2025, and no
    // old unit has one after 30 June.
    for u in after.units.iter().filter(|u| u.code.len() == 5) {
        let on = |day| {
            after
                .organizations
                .iter()
                .filter(|o| {
                    o.kind == diaban::OrgKind::PartyCommittee
                        && o.unit_code.as_deref() == Some(u.code.as_str())
                        && o.validity().contains(day)
                        && u.validity().contains(day)
                })
                .count()
        };
        if u.valid_from == Some(date!(2025, 7, 1)) {
            assert_eq!(on(date!(2025, 7, 1)), 1, "{}", u.code);
        } else {
            assert_eq!(on(last), 1, "{}", u.code);
        }
    }
    // The bodies under an ended committee are listed for a person, not moved.
    let left: HashSet<&str> = changes
        .left
        .iter()
        .filter(|r| r.kind == "organization")
        .map(|r| r.id.as_str())
        .collect();
    assert!(left.contains("ban-noi-chinh") && left.contains("chi-bo-1"));
    // The provincial committee's members attending party cells end with its term.
    let ca = after.assignments.iter().find(|a| a.id == "ca-1").unwrap();
    assert_eq!(
        (ca.valid_to, ca.end_reason),
        (Some(last), Some(EndReason::Reorganized))
    );
}

#[test]
fn committees_already_recorded_are_not_proposed_again() {
    let mut demo = Dataset::demo();
    // The office already entered the committee of Phường Bắc Kạn under its own id.
    demo.organizations.push(diaban::Organization {
        id: "du-phuong-bac-kan".into(),
        name: "Đảng ủy phường Bắc Kạn".into(),
        kind: diaban::OrgKind::PartyCommittee,
        level: diaban::Level::Commune,
        unit_code: Some("01843".into()),
        parent_id: None,
        valid_from: Some(date!(2025, 7, 1)),
        valid_to: None,
    });
    let (after, changes) = reorg::apply(&demo, &reorg::bac_kan_2025()).unwrap();
    assert_eq!(changes.organizations_created.len(), 37);
    assert!(!after
        .organizations
        .iter()
        .any(|o| o.id == "dang-uy-01843-2025"));
    let ours = after
        .organizations
        .iter()
        .find(|o| o.id == "du-phuong-bac-kan")
        .unwrap();
    assert_eq!(
        ours.valid_to, None,
        "a committee of the new unit is not ended"
    );
}

#[test]
fn successor_proposals_list_the_predecessors_monitors_and_round_trip() {
    let (after, _) = carried();
    let rows = reorg::successor_proposals(&after);
    let cm: Vec<&reorg::SuccessorProposal> = rows
        .iter()
        .filter(|r| r.scheme == "commune-monitoring")
        .collect();
    // Every monitor open on 30 June is a candidate for the new unit of their old unit.
    assert_eq!(cm.len(), 108);
    let units: HashSet<&str> = cm.iter().map(|r| r.new_unit.as_str()).collect();
    assert_eq!(units.len(), 37);
    let bac_kan: Vec<(&str, &str)> = cm
        .iter()
        .filter(|r| r.new_unit == "01843")
        .map(|r| (r.previous_unit.as_str(), r.previous_assignment.as_str()))
        .collect();
    assert_eq!(
        bac_kan,
        [
            ("01837", "cm-01837"),
            ("01843", "cm-01843"),
            ("01852", "cm-01852"),
            ("01855", "cm-01855")
        ]
    );
    let van_tung = cm.iter().find(|r| r.subject_id == "p-ha-sy-thang").unwrap();
    assert_eq!(van_tung.subject_name.as_deref(), Some("Hà Sỹ Thắng"));
    assert_eq!(van_tung.from, date!(2025, 7, 1));
    assert!(rows
        .iter()
        .all(|r| r.decision_number.is_none() && r.to.is_none()));

    // CSV: a BOM, Vietnamese labels with stable keys; read back identical.
    let csv = reorg::write_proposals_csv(&rows).unwrap();
    assert!(csv.starts_with("\u{feff}Mã đơn vị mới (new_unit),"));
    assert!(csv.contains("Số quyết định (decision_number)"));
    assert_eq!(reorg::read_proposals("p.csv", &csv).unwrap(), rows);
    let json = reorg::write_proposals_json(&rows).unwrap();
    assert_eq!(reorg::read_proposals("p.json", &json).unwrap(), rows);
}

/// The office's edit: one row per new monitored unit (the old monitor of the unit that keeps
/// the code, else the first), the decision filled in.
fn edited(after: &Dataset) -> Vec<reorg::SuccessorProposal> {
    let mut kept: Vec<reorg::SuccessorProposal> = Vec::new();
    for r in reorg::successor_proposals(after) {
        if r.scheme != "commune-monitoring" {
            continue;
        }
        let better = r.previous_unit == r.new_unit;
        match kept.iter_mut().find(|k| k.new_unit == r.new_unit) {
            Some(k) if better => *k = r,
            Some(_) => {}
            None => kept.push(r),
        }
    }
    for r in &mut kept {
        r.decision_number = Some("25-QĐ/TU".into());
        r.decision_date = Some(date!(2025, 7, 5));
    }
    kept
}

#[test]
fn an_edited_proposals_file_creates_the_successors_once() {
    let (after, _) = carried();
    let rows = edited(&after);
    assert_eq!(rows.len(), 37);
    let csv = reorg::write_proposals_csv(&rows).unwrap();
    let back = reorg::read_proposals("edited.csv", &csv).unwrap();
    assert_eq!(back, rows);
    // As a Vietnamese-locale Excel saves it: semicolons, DD/MM/YYYY dates (rows whose text
    // has no comma, so that a plain replacement is a faithful re-export).
    let plain: Vec<_> = rows
        .iter()
        .filter(|r| !r.subject_title.as_deref().unwrap_or_default().contains(','))
        .cloned()
        .collect();
    let excel = reorg::write_proposals_csv(&plain)
        .unwrap()
        .replace(',', ";")
        .replace("2025-07-05", "05/07/2025");
    assert_eq!(reorg::read_proposals("excel.csv", &excel).unwrap(), plain);
    // Excel also drops the leading zero of a code typed as a number: 01843 comes back as 1843.
    let mut shortened = rows.clone();
    for r in &mut shortened {
        r.new_unit = r.new_unit.trim_start_matches('0').to_owned();
    }
    let (from_excel, _) = reorg::accept_successors(&after, &shortened).unwrap();
    let (done, created) = reorg::accept_successors(&after, &back).unwrap();
    assert_eq!(created.len(), 37);
    assert_eq!(from_excel, done);
    let bac_kan = done
        .assignments
        .iter()
        .find(|a| a.id == "cm-01843-2025")
        .unwrap();
    assert_eq!(
        (
            bac_kan.target.as_str(),
            bac_kan.subject_id.as_str(),
            bac_kan.valid_from,
            bac_kan.valid_to,
            bac_kan.replaces.as_deref(),
            bac_kan.decision_number.as_deref(),
            bac_kan.decision_date,
        ),
        (
            "01843",
            "p-121",
            date!(2025, 7, 1),
            None,
            Some("cm-01843"),
            Some("25-QĐ/TU"),
            Some(date!(2025, 7, 5))
        )
    );
    // The new units are covered from the day of the reform; nothing else is proposed for them.
    let report = check(&done, &Profile::bac_kan_1390(), &options());
    assert!(!report
        .findings
        .iter()
        .any(|f| f.code.as_str() == "coverage_gap" && f.from == Some(date!(2025, 7, 1))));
    assert!(reorg::successor_proposals(&done)
        .iter()
        .all(|r| r.scheme != "commune-monitoring"));
    // Accepting the same file again changes nothing.
    let (again, none) = reorg::accept_successors(&done, &back).unwrap();
    assert!(none.is_empty());
    assert_eq!(again, done);
}

#[test]
fn a_proposals_file_that_is_not_decided_is_refused_whole() {
    let (after, _) = carried();
    let all = reorg::successor_proposals(&after);
    let refused = |rows: &[reorg::SuccessorProposal], needle: &str| {
        let err = reorg::accept_successors(&after, rows).unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        assert!(err.to_string().contains(needle), "{err}");
    };
    // The file as written: no decision filled in.
    refused(&all, "fill in the decision number and date");
    // Two candidates kept for one unit.
    let mut two: Vec<_> = all
        .iter()
        .filter(|r| r.new_unit == "01843")
        .cloned()
        .collect();
    for r in &mut two {
        r.decision_number = Some("25-QĐ/TU".into());
        r.decision_date = Some(date!(2025, 7, 5));
    }
    refused(&two[..2], "keep one row per new unit");
    // A unit that does not exist on the start day, an unknown person, a wrong old assignment.
    let mut one = two[0].clone();
    one.new_unit = "01837".into();
    refused(&[one], "no unit `01837` is in force on 2025-07-01");
    let mut one = two[0].clone();
    one.subject_id = "p-nobody".into();
    refused(&[one], "neither a person nor an organisation");
    let mut one = two[0].clone();
    one.previous_assignment = "cm-02131".into();
    refused(
        &[one],
        "not a `commune-monitoring` assignment ended by a reorganisation",
    );
    // An id already taken by another assignment.
    let mut one = two[0].clone();
    one.id = "cm-01834".into();
    refused(&[one], "already used");
    // A bad date or an unknown column in the CSV names the line and field.
    let csv = reorg::write_proposals_csv(&two[..1])
        .unwrap()
        .replace("2025-07-05", "31/02/2025");
    let err = reorg::read_proposals("e.csv", &csv).unwrap_err();
    assert_eq!(err.code(), "invalid_date");
    assert!(err.to_string().contains("e.csv, line 2"), "{err}");
    let err = reorg::read_proposals("e.csv", "colour\nred\n").unwrap_err();
    assert_eq!(err.code(), "unknown_field");
}
