//! Reorganisations (sắp xếp đơn vị hành chính): events, applying them to a dataset, lineage.
//! The rules about records that outlive a reorganised unit are the `reorganisation` family of
//! `rules/`.
//!
//! An **event** is the set of [`ReorganizationEdge`]s that share an effective date `E`. Applying
//! it ([`apply`]) ends every old unit on `E − 1`, starts every new unit on `E` (its parent is the
//! successor of the old unit's nearest ancestor that is not abolished: with the districts
//! abolished in 2025, the new province), ends every assignment still running on an ended unit on
//! `E − 1` with reason [`EndReason::Reorganized`], and records the edges in
//! [`Dataset::reorganizations`], from which [`Lineage`] answers "what came before, what follows".
//! Nothing is deleted; a unit's identity is its code *and* its validity, so a code that a new unit
//! reuses (21 of Bắc Kạn's 37 new units do) never gets mixed up with the old unit of that code.
//! Applying an event a second time changes nothing.
//!
//! # Organisations
//!
//! The reform carries the party organisation with it. Applying an event also
//!
//! * **ends** (last day `E − 1`) every party committee and standing committee whose unit is
//!   ended by the event: the commune party committees (`Đảng ủy xã …`), the district committees
//!   (`Huyện ủy …`, `Thành ủy …`) and their standing committees, and, when the province itself is
//!   carried into another (06 → 19), the provincial committee and its standing committee
//!   ([`Changes::organizations_ended`]); standing committees whose parent committee ends end
//!   with it. Other bodies (party boards, departments, mass organisations, party cells) are not
//!   ended by a change of territory: they are merged by decisions of their own, so the ones
//!   whose parent committee ended are listed for a person in [`Changes::left`];
//! * **creates** the party committee of each new unit (`Đảng ủy xã/phường …` for a commune-level
//!   unit, `Tỉnh ủy …` for a new province), from `E`, with the id
//!   `<dang-uy|huyen-uy|tinh-uy>-<new code>-<year of E>` and the parent committee of the new
//!   unit's parent, unless the dataset already has a party committee on that unit on `E`. These
//!   are **proposals**: the regulation and the event say nothing of the committees' names or
//!   decisions, so [`Changes::organizations_created`] lists them for the Organisation Board to
//!   review (rename, or replace with the committee's real id) before the data is relied on.
//!
//! Nothing is deleted: an ended committee keeps its id and its history, and its evaluations
//! stay valid for the years it judged.
//!
//! # Who continues on a new unit
//!
//! The reform ends the assignments on the old units; who monitors a new unit is a decision of
//! the Standing Committee. [`successor_proposals`] lists the old units' monitors as candidates
//! for each new unit, [`write_proposals_csv`] writes them for the office, and
//! [`accept_successors`] creates the assignments the office confirmed:
//!
//! 1. [`successor_proposals`] lists, for each new unit and scheme, every subject whose
//!    assignment on one of its predecessor units ended with the reform (reason `reorganized`): a
//!    merger of four communes gives four candidate rows. Units that already have an assignment
//!    of the scheme starting on or after the day of the event are left out (already decided).
//! 2. [`write_proposals_csv`] / [`write_proposals_json`] write them: the CSV is UTF-8 with a BOM
//!    (Excel opens it with the Vietnamese intact), one header cell per column in Vietnamese with
//!    the stable key in brackets, e.g. `Số quyết định (decision_number)`.
//! 3. The office keeps **one row per new unit and scheme**, deletes the others, and fills in the
//!    decision number and date (and may change the start day or the proposed id).
//! 4. [`read_proposals`] reads the edited file back (CSV with `,` or `;`, ISO or `DD/MM/YYYY`
//!    dates; or JSON) and [`accept_successors`] creates those assignments (`replaces` names the
//!    assignment the reform ended; a unit code whose leading zeros Excel dropped, `1843`, is read
//!    as the GSO code it came from, `01843`). Nothing is created unless every row is acceptable;
//!    accepting the same file twice changes nothing.
//!
//! # Who evaluates an assignment that ended with the reform
//!
//! The yearly evaluation of an assignment-year is written by the party committee of the target
//! unit on the **last day of the judged part of that year** (for an assignment ended on
//! 30 June 2025 by the reform: the old commune's committee as it stood on 30 June 2025). When
//! that committee has ceased to exist by the submission date (as every commune committee of
//! Bắc Kạn did on 1 July 2025), the party committee, on the submission date, of a **successor
//! unit** in the reorganisation lineage ([`Lineage`]) is accepted as the author too: an
//! evaluation of the first half of 2025 for a monitor of Phùng Chí Kiên, sent in January 2026 by
//! the committee of Phường Bắc Kạn (`dang-uy-01843-2025`), is in order.
//!
//! ```
//! use diaban::{date, reorg, Dataset, EndReason};
//! let (after, changes) = reorg::apply(&Dataset::demo(), &reorg::bac_kan_2025()).unwrap();
//! assert_eq!(changes.units_started.iter().filter(|u| u.unit.code.len() == 5).count(), 37);
//! let cm = after.assignments.iter().find(|a| a.id == "cm-01954").unwrap();
//! assert_eq!((cm.valid_to, cm.end_reason), (Some(date!(2025, 6, 30)), Some(EndReason::Reorganized)));
//! let (again, nothing) = reorg::apply(&after, &reorg::bac_kan_2025()).unwrap();
//! assert!(nothing.is_empty() && again == after);
//! ```

mod lineage;
mod proposals;

pub use lineage::{Lineage, LineageReport, LineageStep};
pub use proposals::{
    accept_successors, read_proposals, successor_proposals, write_proposals_csv,
    write_proposals_json, SuccessorProposal,
};

use crate::error::{Error, Result};
use crate::model::{
    Dataset, EndReason, Level, OrgKind, Organization, Part, ReorganizationEdge, Unit, UnitType,
};
use chrono::NaiveDate;
use serde::Serialize;
use smol_str::SmolStr;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

const BAC_KAN_2025: &str = include_str!("../data/reform/bac_kan_2025.csv");

/// The built-in reform, read once. The file is compiled in and loaded by the tests: failing
/// here is a defect of the build, never of anyone's input, so it is not turned into an empty
/// list that would silently change nothing.
#[allow(clippy::expect_used)]
static BUILTIN_BAC_KAN_2025: std::sync::LazyLock<Vec<ReorganizationEdge>> =
    std::sync::LazyLock::new(|| {
        crate::io::csv::read_reorganizations("bac_kan_2025.csv", BAC_KAN_2025)
            .expect("the embedded bac-kan-2025 events load")
    });

/// Where the embedded Bắc Kạn event comes from, for display.
pub const BAC_KAN_2025_PROVENANCE: &str = "Nghị quyết 1683/NQ-UBTVQH15 (16/06/2025), Điều 1: Bắc Kạn's 108 commune-level \
units → 37 units of Thái Nguyên (GSO codes; mapping from dvhcvn/20250701 at dd94887ce323, MIT, verified row by row); \
districts 058–066 abolished (Luật 72/2025/QH15); province 06 → 19 Tỉnh Thái Nguyên (Nghị quyết 202/2025/QH15). \
See crates/diaban/data/reform/README.md.";

/// The ids of the built-in events, for [`builtin`].
pub const BUILTIN: &[&str] = &["bac-kan-2025"];

/// The embedded Bắc Kạn reform of 1 July 2025: 108 commune edges (all `full`), the 8 districts
/// `abolished`, and the province 06 → 19 Tỉnh Thái Nguyên (117 edges).
///
/// ```
/// let edges = diaban::reorg::bac_kan_2025();
/// assert_eq!(edges.len(), 117);
/// assert_eq!(edges[0].basis.as_deref(), Some("Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 89"));
/// ```
#[must_use]
pub fn bac_kan_2025() -> Vec<ReorganizationEdge> {
    BUILTIN_BAC_KAN_2025.clone()
}

/// A built-in event by id (`bac-kan-2025`).
pub fn builtin(id: &str) -> Result<Vec<ReorganizationEdge>> {
    match id {
        "bac-kan-2025" => Ok(bac_kan_2025()),
        _ => Err(Error::invalid_argument(
            "events",
            crate::error::Msg::new(
                format!(
                    "`{id}` không phải là tệp, cũng không phải sự kiện dựng sẵn (dựng sẵn: {})",
                    BUILTIN.join(", ")
                ),
                format!(
                    "`{id}` is neither a file nor a built-in event (built-in: {})",
                    BUILTIN.join(", ")
                ),
            ),
        )),
    }
}

/// Reads reorganisation edges from text: a JSON list of edges when `file` ends in `.json`,
/// else a `reorganizations.csv` text.
pub fn read_events(file: &str, text: &str) -> Result<Vec<ReorganizationEdge>> {
    if file.to_lowercase().ends_with(".json") {
        crate::io::json::from_str(text, file)
    } else {
        crate::io::csv::read_reorganizations(file, text)
    }
}

/// Reads reorganisation edges from a file: a JSON list (`*.json`), a `reorganizations.csv`
/// file, or a CSV folder (its `reorganizations.csv`).
pub fn load_events(path: &Path) -> Result<Vec<ReorganizationEdge>> {
    let file = if path.is_dir() {
        path.join("reorganizations.csv")
    } else {
        path.to_path_buf()
    };
    let text = crate::io::read_to_string(&file)?;
    read_events(&file.display().to_string(), &text)
}

/// Events named on a command line or in a call: a file (see [`load_events`]) when `arg` is
/// one, else a built-in id (see [`builtin`]).
pub fn load_or_builtin(arg: &str) -> Result<Vec<ReorganizationEdge>> {
    if Path::new(arg).exists() {
        load_events(Path::new(arg))
    } else {
        builtin(arg)
    }
}

/// A unit that an application ended or started, with the day of the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct UnitChange {
    /// The effective day of the event.
    pub effective: NaiveDate,
    /// The unit as it stands after the change.
    pub unit: Unit,
}

/// An assignment an application ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ClosedAssignment {
    /// Assignment id.
    pub id: String,
    /// Its scheme.
    pub scheme: String,
    /// The subject assigned.
    pub subject_id: String,
    /// The ended unit it was on.
    pub target: String,
    /// Its last day now (the day before the event).
    pub valid_to: NaiveDate,
    /// Its last day before the change (`None`: open).
    pub previous_valid_to: Option<NaiveDate>,
    /// The codes of the new units that follow its target (empty when the target was abolished).
    pub successors: Vec<String>,
    /// The legal basis of the edges that ended its target.
    pub basis: Vec<String>,
}

/// Why a record is left for a person ([`LeftRecord::reason`]): the reasons, as constants a
/// front end can translate.
pub mod reasons {
    /// No unit with the edge's old code is in force the day before the event.
    pub const NO_OLD_UNIT: &str = "no unit with this old code is in force the day before the event";
    /// An activity dated after its unit ended.
    pub const ACTIVITY_AFTER_END: &str =
        "dated after its unit ended (see open_after_reorganization)";
    /// An evaluation of a year that begins after its unit ended.
    pub const EVALUATION_AFTER_END: &str = "evaluates a year that begins after its unit ended";
    /// An organisation whose parent committee the event ended.
    pub const PARENT_COMMITTEE_ENDED: &str =
        "its parent committee ended with the reorganisation; attach it to the new unit's committee";
}
use reasons::{ACTIVITY_AFTER_END, EVALUATION_AFTER_END, NO_OLD_UNIT, PARENT_COMMITTEE_ENDED};

/// A record the application left alone but a person should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LeftRecord {
    /// `activity`, `evaluation`, `organization` or `reorganization`.
    pub kind: &'static str,
    /// Its id (for an edge, `effective:old_code`).
    pub id: String,
    /// Why it is listed.
    pub reason: &'static str,
}

/// An organisation that an application ended or created, with the day of the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OrganizationChange {
    /// The effective day of the event.
    pub effective: NaiveDate,
    /// The organisation as it stands after the change.
    pub organization: Organization,
}

/// What [`apply`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Changes {
    /// The effective days of the events applied, in order.
    pub events: Vec<NaiveDate>,
    /// Units ended (their last day set to the day before the event).
    pub units_ended: Vec<UnitChange>,
    /// Units started on the day of the event.
    pub units_started: Vec<UnitChange>,
    /// Party committees and standing committees ended with their unit (last day: the day
    /// before the event).
    pub organizations_ended: Vec<OrganizationChange>,
    /// Party committees created for the new units from the day of the event. They are
    /// **proposals** for the Organisation Board to review: names, ids and parents are derived
    /// from the new unit, not taken from a decision.
    pub organizations_created: Vec<OrganizationChange>,
    /// Assignments ended with reason `reorganized`.
    pub assignments_closed: Vec<ClosedAssignment>,
    /// Edges added to the dataset's `reorganizations`.
    pub edges_added: usize,
    /// Records left unchanged that need a person: activities dated after their unit ended,
    /// evaluations of a year after it, edges whose old unit is not in force the day before,
    /// organisations whose parent committee ended.
    pub left: Vec<LeftRecord>,
}

impl Changes {
    /// True when the application changed nothing (it had already been applied).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units_ended.is_empty()
            && self.units_started.is_empty()
            && self.organizations_ended.is_empty()
            && self.organizations_created.is_empty()
            && self.assignments_closed.is_empty()
            && self.edges_added == 0
    }
}

/// The edges grouped into events by effective day, in order.
#[must_use]
pub fn events(edges: &[ReorganizationEdge]) -> BTreeMap<NaiveDate, Vec<&ReorganizationEdge>> {
    let mut out: BTreeMap<NaiveDate, Vec<&ReorganizationEdge>> = BTreeMap::new();
    for e in edges {
        out.entry(e.effective).or_default().push(e);
    }
    out
}

/// Checks that the edges are well formed: an `abolished` edge has no new unit, any other edge has
/// a new code, name and type, and the edges of one new unit agree on its type (names may be
/// spelt differently; the first full edge, by old code, names the new unit).
pub fn validate_edges(edges: &[ReorganizationEdge]) -> Result<()> {
    let mut new_units: HashMap<(NaiveDate, &str), (&str, crate::model::UnitType)> = HashMap::new();
    for (i, e) in edges.iter().enumerate() {
        let new = e.new_code.as_deref().unwrap_or("–");
        let at = format!("edge {} ({} {} → {new})", i + 1, e.effective, e.old_code);
        let at_vi = format!(
            "dòng sắp xếp {} (ngày {}, {} → {new})",
            i + 1,
            e.effective.format("%d/%m/%Y"),
            e.old_code
        );
        match (e.part, &e.new_code, &e.new_name, e.new_type) {
            (Part::Abolished, None, None, None) => {}
            (Part::Abolished, _, _, _) => {
                return Err(Error::invalid_argument(
                    "events",
                    crate::error::Msg::new(
                        format!("{at_vi}: đơn vị bị giải thể thì không có mã, tên hay loại mới"),
                        format!("{at}: an abolished unit has no new code, name or type"),
                    ),
                ))
            }
            (_, Some(code), Some(name), Some(t)) => {
                // Names may differ in spelling between edges (Hoà/Hòa): codes and types decide.
                if let Some((n, ty)) = new_units.insert((e.effective, code), (name, t)) {
                    if ty != t {
                        return Err(Error::invalid_argument(
                            "events",
                            crate::error::Msg::new(
                                format!("{at_vi}: đơn vị mới {code} là {} (`{n}`) theo một dòng khác nhưng là {} (`{name}`) ở đây", crate::words::label_vi(ty), crate::words::label_vi(t)),
                                format!("{at}: new unit {code} is a {ty} (`{n}`) by another edge and a {t} (`{name}`) here"),
                            ),
                        ));
                    }
                }
            }
            _ => {
                return Err(Error::invalid_argument(
                    "events",
                    crate::error::Msg::new(
                        format!(
                            "{at_vi}: dòng loại `{}` cần có mã mới, tên mới và loại mới (new_code, new_name, new_type)",
                            e.part
                        ),
                        format!(
                            "{at}: a `{}` edge needs new_code, new_name and new_type",
                            e.part
                        ),
                    ),
                ))
            }
        }
    }
    Ok(())
}

fn edge_key(e: &ReorganizationEdge) -> (NaiveDate, SmolStr, Option<SmolStr>, Part) {
    (e.effective, e.old_code.clone(), e.new_code.clone(), e.part)
}

/// Applies reorganisation edges to a dataset, event by event in date order, and returns the
/// carried-over dataset and what changed. Fails only when the edges are malformed
/// ([`validate_edges`]). Linear in the size of the dataset and the edges per event.
pub fn apply(dataset: &Dataset, edges: &[ReorganizationEdge]) -> Result<(Dataset, Changes)> {
    validate_edges(edges)?;
    let mut ds = dataset.clone();
    let mut changes = Changes::default();
    for (effective, event) in events(edges) {
        apply_event(&mut ds, effective, &event, &mut changes);
    }
    Ok((ds, changes))
}

fn apply_event(
    ds: &mut Dataset,
    effective: NaiveDate,
    event: &[&ReorganizationEdge],
    changes: &mut Changes,
) {
    let Some(day_before) = effective.pred_opt() else {
        return;
    };
    changes.events.push(effective);
    // The version of each code in force on the day before (the old units' identities).
    let mut in_force: HashMap<&str, usize> = HashMap::with_capacity(ds.units.len());
    for (i, u) in ds.units.iter().enumerate() {
        if u.validity().contains(day_before) {
            in_force.entry(u.code.as_str()).or_insert(i);
        }
    }
    let mut by_old: BTreeMap<&str, Vec<&ReorganizationEdge>> = BTreeMap::new();
    for e in event {
        by_old.entry(e.old_code.as_str()).or_default().push(e);
    }
    // Parents of the new units, from the old units' ancestors as they stood the day before.
    let parent_of = |old: &str| -> Option<SmolStr> {
        let mut current = ds.units.get(*in_force.get(old)?)?.parent_code.clone();
        for _ in 0..8 {
            let code = current?;
            let Some(edges) = by_old.get(code.as_str()) else {
                return Some(code);
            };
            if let Some(next) = edges
                .iter()
                .filter(|e| e.part != Part::Abolished)
                .find_map(|e| e.new_code.clone())
            {
                return Some(next);
            }
            current = ds
                .units
                .get(*in_force.get(code.as_str())?)?
                .parent_code
                .clone();
        }
        None
    };
    let mut new_units: BTreeMap<&str, Unit> = BTreeMap::new();
    let mut ordered: Vec<&&ReorganizationEdge> = event.iter().collect();
    ordered.sort_by_key(|e| (e.part != Part::Full, e.old_code.as_str()));
    for e in ordered {
        let (Some(code), Some(name), Some(unit_type)) = (&e.new_code, &e.new_name, e.new_type)
        else {
            continue;
        };
        if new_units.contains_key(code.as_str()) {
            continue;
        }
        new_units.insert(
            code,
            Unit {
                code: code.clone(),
                name: name.clone(),
                unit_type,
                parent_code: parent_of(&e.old_code),
                valid_from: Some(effective),
                valid_to: None,
            },
        );
    }
    // End the old units.
    let mut ended: HashMap<&str, (Vec<SmolStr>, Vec<SmolStr>)> = HashMap::new();
    let mut to_end: Vec<usize> = Vec::new();
    for (old, edges) in &by_old {
        let Some(&i) = in_force.get(old) else {
            changes.left.push(LeftRecord {
                kind: "reorganization",
                id: format!("{effective}:{old}"),
                reason: NO_OLD_UNIT,
            });
            continue;
        };
        let mut successors: Vec<SmolStr> =
            edges.iter().filter_map(|e| e.new_code.clone()).collect();
        successors.sort_unstable();
        successors.dedup();
        let mut basis: Vec<SmolStr> = edges.iter().filter_map(|e| e.basis.clone()).collect();
        basis.sort_unstable();
        basis.dedup();
        ended.insert(old, (successors, basis));
        to_end.push(i);
    }
    // A new unit whose code stays in force across the event (not ended by it) is absorbed
    // into the continuing unit rather than started again; one that already starts on the
    // effective day was started by an earlier application.
    let continuing: HashSet<&str> = new_units
        .keys()
        .copied()
        .filter(|c| in_force.contains_key(c) && !ended.contains_key(c))
        .collect();
    let already: HashSet<&str> = ds
        .units
        .iter()
        .filter(|u| u.valid_from == Some(effective) && new_units.contains_key(u.code.as_str()))
        .map(|u| u.code.as_str())
        .collect();
    // The new units of the event (started now or by an earlier application), for their
    // party committees.
    let new_of_event: Vec<Unit> = new_units
        .iter()
        .filter(|(c, _)| !continuing.contains(*c))
        .map(|(_, u)| u.clone())
        .collect();
    let started: Vec<Unit> = new_units
        .into_iter()
        .filter(|(c, _)| !continuing.contains(c) && !already.contains(c))
        .map(|(_, u)| u)
        .collect();
    let ended_codes: EndedCodes = ended
        .into_iter()
        .map(|(k, v)| (SmolStr::new(k), v))
        .collect();
    for i in to_end {
        if let Some(u) = ds.units.get_mut(i) {
            if u.valid_to != Some(day_before) {
                u.valid_to = Some(day_before);
                changes.units_ended.push(UnitChange {
                    effective,
                    unit: u.clone(),
                });
            }
        }
    }
    // End the assignments still running on an ended unit.
    let organizations: HashSet<&str> = ds.organizations.iter().map(|o| o.id.as_str()).collect();
    let mut closed_ids: HashSet<SmolStr> = HashSet::new();
    for a in &mut ds.assignments {
        let Some((successors, basis)) = ended_codes.get(&a.target) else {
            continue;
        };
        if organizations.contains(a.target.as_str()) || a.period().is_inverted() {
            continue;
        }
        let runs_past = a.valid_from <= day_before && a.valid_to.is_none_or(|to| to > day_before);
        if !runs_past {
            continue;
        }
        changes.assignments_closed.push(ClosedAssignment {
            id: a.id.as_str().to_owned(),
            scheme: a.scheme.as_str().to_owned(),
            subject_id: a.subject_id.as_str().to_owned(),
            target: a.target.as_str().to_owned(),
            valid_to: day_before,
            previous_valid_to: a.valid_to,
            successors: successors.iter().map(|s| s.as_str().to_owned()).collect(),
            basis: basis.iter().map(|s| s.as_str().to_owned()).collect(),
        });
        closed_ids.insert(a.id.clone());
        a.valid_to = Some(day_before);
        a.end_reason = Some(EndReason::Reorganized);
    }
    // Records left alone: activities dated after their unit ended (unless a new unit reuses the
    // code), evaluations of a year that begins after.
    let reused: HashSet<&str> = started.iter().map(|u| u.code.as_str()).collect();
    for act in &ds.activities {
        if act.date > day_before
            && ended_codes.contains_key(&act.target)
            && !reused.contains(act.target.as_str())
        {
            changes.left.push(LeftRecord {
                kind: "activity",
                id: act.id.as_str().to_owned(),
                reason: ACTIVITY_AFTER_END,
            });
        }
    }
    let closed_or_ended: HashSet<&str> = ds
        .assignments
        .iter()
        .filter(|a| ended_codes.contains_key(&a.target) && a.valid_to == Some(day_before))
        .map(|a| a.id.as_str())
        .collect();
    for ev in &ds.evaluations {
        if closed_or_ended.contains(ev.assignment_id.as_str())
            // Starts after the day before the event, i.e. a later year: no date to build.
            && ev.year > chrono::Datelike::year(&day_before)
        {
            changes.left.push(LeftRecord {
                kind: "evaluation",
                id: ev.id.as_str().to_owned(),
                reason: EVALUATION_AFTER_END,
            });
        }
    }
    let committees = end_organizations(ds, effective, day_before, &ended_codes, changes);
    close_term_assignments(ds, day_before, &committees, &ended_codes, changes);
    create_committees(ds, effective, &new_of_event, changes);
    changes
        .units_started
        .extend(started.iter().map(|u| UnitChange {
            effective,
            unit: u.clone(),
        }));
    ds.units.extend(started);
    // Record the edges.
    let known: HashSet<_> = ds.reorganizations.iter().map(edge_key).collect();
    let mut added: HashSet<_> = HashSet::new();
    for e in event {
        let key = edge_key(e);
        if !known.contains(&key) && added.insert(key) {
            ds.reorganizations.push((*e).clone());
            changes.edges_added += 1;
        }
    }
}

/// True for the bodies that exist because of a territorial party organisation: party
/// committees and their standing committees.
fn is_committee(o: &Organization) -> bool {
    matches!(o.kind, OrgKind::PartyCommittee | OrgKind::StandingCommittee)
}

/// The successors and bases of each ended unit code.
type EndedCodes = HashMap<SmolStr, (Vec<SmolStr>, Vec<SmolStr>)>;

/// Ends the committees of the units ended by the event, and lists the bodies left under an
/// ended committee. Returns the ids of the committees that end the day before the event (with
/// their unit code), whether this application or an earlier one ended them.
fn end_organizations(
    ds: &mut Dataset,
    effective: NaiveDate,
    day_before: NaiveDate,
    ended_codes: &EndedCodes,
    changes: &mut Changes,
) -> HashMap<SmolStr, SmolStr> {
    let exists_then = |o: &Organization| o.validity().contains(day_before);
    // Committees of an ended unit, then standing committees whose parent is one of them.
    let mut ending: HashSet<SmolStr> = ds
        .organizations
        .iter()
        .filter(|o| is_committee(o) && exists_then(o))
        .filter(|o| {
            o.unit_code
                .as_deref()
                .is_some_and(|c| ended_codes.contains_key(c))
        })
        .map(|o| o.id.clone())
        .collect();
    let children: Vec<SmolStr> = ds
        .organizations
        .iter()
        .filter(|o| o.kind == OrgKind::StandingCommittee && exists_then(o))
        .filter(|o| o.parent_id.as_ref().is_some_and(|p| ending.contains(p)))
        .map(|o| o.id.clone())
        .collect();
    ending.extend(children);
    let unit_code: HashMap<&str, &str> = ds
        .organizations
        .iter()
        .filter_map(|o| Some((o.id.as_str(), o.unit_code.as_deref()?)))
        .collect();
    let mut unit_of: HashMap<SmolStr, SmolStr> = HashMap::new();
    for o in ds.organizations.iter().filter(|o| ending.contains(&o.id)) {
        let code = o
            .unit_code
            .as_deref()
            .or_else(|| unit_code.get(o.parent_id.as_deref()?).copied());
        if let Some(code) = code {
            unit_of.insert(o.id.clone(), code.into());
        }
    }
    for o in &mut ds.organizations {
        if ending.contains(&o.id) && exists_then(o) && o.valid_to != Some(day_before) {
            o.valid_to = Some(day_before);
            changes.organizations_ended.push(OrganizationChange {
                effective,
                organization: o.clone(),
            });
        }
    }
    for o in &ds.organizations {
        let after = o.valid_to.is_none_or(|to| to > day_before);
        if !ending.contains(&o.id)
            && after
            && o.parent_id.as_ref().is_some_and(|p| ending.contains(p))
        {
            changes.left.push(LeftRecord {
                kind: "organization",
                id: o.id.as_str().to_owned(),
                reason: PARENT_COMMITTEE_ENDED,
            });
        }
    }
    unit_of
}

/// Ends, with reason `reorganized`, the assignments still running after the event that belong
/// to a congress term of a committee the event ended (the provincial committee's members
/// attending party cells, say): the term ends with its committee, though their target (an
/// organisation) lives on.
fn close_term_assignments(
    ds: &mut Dataset,
    day_before: NaiveDate,
    committees: &HashMap<SmolStr, SmolStr>,
    ended_codes: &EndedCodes,
    changes: &mut Changes,
) {
    let terms: HashMap<&str, &str> = ds
        .terms
        .iter()
        .filter_map(|t| {
            committees
                .get(&t.organization_id)
                .map(|code| (t.id.as_str(), code.as_str()))
        })
        .collect();
    let mut closed: Vec<(usize, ClosedAssignment)> = Vec::new();
    for (i, a) in ds.assignments.iter().enumerate() {
        let Some(code) = a.term_id.as_deref().and_then(|t| terms.get(t)) else {
            continue;
        };
        let runs_past = a.valid_from <= day_before && a.valid_to.is_none_or(|to| to > day_before);
        if !runs_past || a.period().is_inverted() {
            continue;
        }
        let basis = ended_codes
            .get(*code)
            .map(|(_, b)| b.clone())
            .unwrap_or_default();
        closed.push((
            i,
            ClosedAssignment {
                id: a.id.as_str().to_owned(),
                scheme: a.scheme.as_str().to_owned(),
                subject_id: a.subject_id.as_str().to_owned(),
                target: a.target.as_str().to_owned(),
                valid_to: day_before,
                previous_valid_to: a.valid_to,
                successors: Vec::new(),
                basis: basis.iter().map(|s| s.as_str().to_owned()).collect(),
            },
        ));
    }
    for (i, c) in closed {
        if let Some(a) = ds.assignments.get_mut(i) {
            a.valid_to = Some(day_before);
            a.end_reason = Some(EndReason::Reorganized);
        }
        changes.assignments_closed.push(c);
    }
}

/// The conventional name of a unit's party committee: "Đảng ủy xã Bằng Vân", "Tỉnh ủy Thái
/// Nguyên" (the unit's name without its type word).
#[must_use]
pub fn committee_name(unit: &Unit) -> String {
    let (title, prefixes): (&str, &[&str]) = match unit.unit_type {
        UnitType::Province => ("Tỉnh ủy", &["Tỉnh"]),
        UnitType::CentralCity => ("Thành ủy", &["Thành phố Trung ương", "Thành phố"]),
        UnitType::RuralDistrict => ("Huyện ủy", &["Huyện"]),
        UnitType::UrbanDistrict => ("Quận ủy", &["Quận"]),
        UnitType::Town => ("Thị ủy", &["Thị xã"]),
        UnitType::City => ("Thành ủy", &["Thành phố"]),
        UnitType::Commune => ("Đảng ủy xã", &["Xã"]),
        UnitType::Ward => ("Đảng ủy phường", &["Phường"]),
        UnitType::Township => ("Đảng ủy thị trấn", &["Thị trấn"]),
        UnitType::SpecialZone => ("Đảng ủy đặc khu", &["Đặc khu"]),
    };
    let lower = unit.name.to_lowercase();
    let rest = prefixes
        .iter()
        .find_map(|p| {
            let p = format!("{} ", p.to_lowercase());
            lower
                .starts_with(&p)
                .then(|| unit.name.get(p.len()..))
                .flatten()
        })
        .unwrap_or(&unit.name)
        .trim();
    format!("{title} {rest}")
}

/// The id of the committee proposed for a new unit: `dang-uy-01843-2025`.
fn committee_id(unit: &Unit, effective: NaiveDate) -> String {
    let prefix = match unit.level() {
        Level::Province => "tinh-uy",
        Level::District => "huyen-uy",
        Level::Commune => "dang-uy",
    };
    format!(
        "{prefix}-{}-{}",
        unit.code,
        chrono::Datelike::year(&effective)
    )
}

/// Creates (as proposals) the party committees of the event's new units that have none on the
/// day of the event, provinces first so that communes can name their parent.
fn create_committees(
    ds: &mut Dataset,
    effective: NaiveDate,
    new_units: &[Unit],
    changes: &mut Changes,
) {
    let mut ordered: Vec<&Unit> = new_units.iter().collect();
    ordered.sort_by_key(|u| (u.level(), u.code.clone()));
    // The party committee of each unit code on the day of the event, and every id in use.
    let mut committee_on: HashMap<SmolStr, SmolStr> = HashMap::new();
    for o in &ds.organizations {
        if o.kind == OrgKind::PartyCommittee && o.validity().contains(effective) {
            if let Some(code) = &o.unit_code {
                committee_on
                    .entry(code.clone())
                    .or_insert_with(|| o.id.clone());
            }
        }
    }
    let mut ids: HashSet<SmolStr> = ds.organizations.iter().map(|o| o.id.clone()).collect();
    for unit in ordered {
        let id = committee_id(unit, effective);
        if committee_on.contains_key(&unit.code) || ids.contains(id.as_str()) {
            continue;
        }
        let parent_id = unit
            .parent_code
            .as_deref()
            .and_then(|p| committee_on.get(p).cloned());
        let organization = Organization {
            id: id.into(),
            name: committee_name(unit).into(),
            kind: OrgKind::PartyCommittee,
            level: unit.level(),
            unit_code: Some(unit.code.clone()),
            parent_id,
            valid_from: Some(effective),
            valid_to: None,
        };
        changes.organizations_created.push(OrganizationChange {
            effective,
            organization: organization.clone(),
        });
        committee_on.insert(unit.code.clone(), organization.id.clone());
        ids.insert(organization.id.clone());
        ds.organizations.push(organization);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    #[test]
    fn embedded_event_loads_with_117_edges() {
        let edges = crate::io::csv::read_reorganizations("bac_kan_2025.csv", BAC_KAN_2025).unwrap();
        assert_eq!(edges.len(), 117);
        validate_edges(&edges).unwrap();
        assert_eq!(
            edges.iter().filter(|e| e.part == Part::Abolished).count(),
            8
        );
        let new: HashSet<_> = edges
            .iter()
            .filter(|e| e.old_code.len() == 5)
            .filter_map(|e| e.new_code.clone())
            .collect();
        assert_eq!(new.len(), 37);
        assert!(edges
            .iter()
            .all(|e| e.effective == date!(2025, 7, 1) && e.basis.is_some()));
    }

    #[test]
    fn malformed_edges_are_refused() {
        let mut edges = bac_kan_2025();
        if let Some(e) = edges.iter_mut().find(|e| e.part == Part::Abolished) {
            e.new_code = Some("999".into());
        }
        assert_eq!(
            validate_edges(&edges).unwrap_err().code(),
            "invalid_argument"
        );
        let mut edges = bac_kan_2025();
        if let Some(e) = edges.iter_mut().find(|e| e.old_code == "01837") {
            e.new_type = Some(crate::model::UnitType::Commune);
        }
        assert!(validate_edges(&edges).is_err());
        assert!(builtin("nowhere").is_err());
    }
}
