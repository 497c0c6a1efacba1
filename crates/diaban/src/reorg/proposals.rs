//! Successor proposals: who continues on a new unit after a reorganisation.
//!
//! The library proposes, the office decides: see "Who continues on a new unit" in the
//! [`crate::reorg`] docs.
//!
//! ```
//! use diaban::{reorg, Dataset};
//! let (after, _) = reorg::apply(&Dataset::demo(), &reorg::bac_kan_2025()).unwrap();
//! let mut rows = reorg::successor_proposals(&after);
//! // Phường Bắc Kạn (01843) was formed from four units: four candidates.
//! assert_eq!(rows.iter().filter(|r| r.new_unit == "01843" && r.scheme == "commune-monitoring").count(), 4);
//! // The office keeps one row for 01843 and confirms it by a decision.
//! rows.retain(|r| r.new_unit == "01843" && r.previous_unit == "01843" && r.scheme == "commune-monitoring");
//! rows[0].decision_number = Some("15-QĐ/TU".into());
//! rows[0].decision_date = Some(diaban::date!(2025, 7, 10));
//! let (done, created) = reorg::accept_successors(&after, &rows).unwrap();
//! assert_eq!(created[0].id, "cm-01843-2025");
//! assert_eq!(created[0].replaces.as_deref(), Some("cm-01843"));
//! assert!(reorg::accept_successors(&done, &rows).unwrap().1.is_empty());
//! ```

use crate::error::{Error, LoadErrorKind, Location, Result};
use crate::model::{dates, Assignment, Dataset, EndReason};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One candidate for a new unit: a subject whose assignment on a predecessor unit ended with
/// the reform. The office keeps one row per new unit and scheme and fills in the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SuccessorProposal {
    /// The id the new assignment gets: `<prefix of the old id>-<new code>-<year>`, e.g.
    /// `cm-01843-2025` (the office may change it).
    pub id: String,
    /// The scheme (the same as the ended assignment's).
    pub scheme: String,
    /// The new unit's code.
    pub new_unit: String,
    /// The new unit's name (for reading; not read back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_unit_name: Option<String>,
    /// First day of the new assignment: the day of the event, unless the office changes it.
    #[serde(deserialize_with = "dates::de")]
    pub from: NaiveDate,
    /// Last day, if the office sets one (proposed open: the reform erased the old end, if any).
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<NaiveDate>,
    /// The person or organisation proposed.
    pub subject_id: String,
    /// Their name (for reading; not read back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_name: Option<String>,
    /// Their post on the last day of the ended assignment (for reading; not read back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_title: Option<String>,
    /// The assignment the reform ended, which the new one replaces.
    pub previous_assignment: String,
    /// Its unit (a predecessor of the new unit).
    pub previous_unit: String,
    /// That unit's name (for reading; not read back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_unit_name: Option<String>,
    /// Number of the decision that confirms the row (filled in by the office).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_number: Option<String>,
    /// Day of that decision (filled in by the office).
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub decision_date: Option<NaiveDate>,
}

/// The candidates for every new unit of the dataset's recorded reorganisations, ordered by new
/// unit, scheme and old unit (see "Who continues on a new unit" in the [`crate::reorg`] docs).
#[must_use]
pub fn successor_proposals(ds: &Dataset) -> Vec<SuccessorProposal> {
    // (old code, effective) → the new codes that follow it.
    let mut next: HashMap<(&str, NaiveDate), Vec<&str>> = HashMap::new();
    for e in &ds.reorganizations {
        if let Some(new) = e.new_code.as_deref() {
            let codes = next.entry((e.old_code.as_str(), e.effective)).or_default();
            if !codes.contains(&new) {
                codes.push(new);
            }
        }
    }
    let mut units: HashMap<&str, Vec<&crate::model::Unit>> = HashMap::new();
    for u in &ds.units {
        units.entry(u.code.as_str()).or_default().push(u);
    }
    let unit_name = |code: &str, day: NaiveDate| {
        units
            .get(code)?
            .iter()
            .find(|u| u.validity().contains(day))
            .map(|u| u.name.as_str().to_owned())
    };
    let mut posts: HashMap<&str, Vec<&crate::model::Post>> = HashMap::new();
    for p in &ds.people {
        posts.entry(p.id.as_str()).or_default().push(p);
    }
    let organizations: HashMap<&str, &str> = ds
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    let subject = |id: &str, day: NaiveDate| -> (Option<String>, Option<String>) {
        let held = posts.get(id).map(Vec::as_slice).unwrap_or_default();
        if let Some(p) = held
            .iter()
            .find(|p| p.validity().contains(day))
            .or(held.first())
        {
            return (
                Some(p.name.as_str().to_owned()),
                Some(p.title.as_str().to_owned()),
            );
        }
        (organizations.get(id).map(|n| (*n).to_owned()), None)
    };
    // New units (per scheme) already given an assignment from the day of the event on: the
    // latest start of an assignment per scheme and target.
    let mut latest: HashMap<(&str, &str), NaiveDate> = HashMap::new();
    for a in &ds.assignments {
        let day = latest
            .entry((a.scheme.as_str(), a.target.as_str()))
            .or_insert(a.valid_from);
        *day = (*day).max(a.valid_from);
    }
    let decided = |scheme: &str, target: &str, effective: NaiveDate| {
        latest
            .get(&(scheme, target))
            .is_some_and(|day| *day >= effective)
    };
    let mut rows: BTreeMap<(String, String, String, String), SuccessorProposal> = BTreeMap::new();
    for a in &ds.assignments {
        let (Some(last), Some(EndReason::Reorganized)) = (a.valid_to, a.end_reason) else {
            continue;
        };
        let Some(effective) = last.succ_opt() else {
            continue;
        };
        let Some(codes) = next.get(&(a.target.as_str(), effective)) else {
            continue;
        };
        for &new in codes {
            if decided(&a.scheme, new, effective) {
                continue;
            }
            let prefix = a.id.split_once('-').map_or(a.scheme.as_str(), |(p, _)| p);
            let (subject_name, subject_title) = subject(&a.subject_id, last);
            rows.insert(
                (
                    new.to_owned(),
                    a.scheme.as_str().to_owned(),
                    a.target.as_str().to_owned(),
                    a.id.as_str().to_owned(),
                ),
                SuccessorProposal {
                    id: format!("{prefix}-{new}-{}", effective.year()),
                    scheme: a.scheme.as_str().to_owned(),
                    new_unit: new.to_owned(),
                    new_unit_name: unit_name(new, effective),
                    from: effective,
                    to: None,
                    subject_id: a.subject_id.as_str().to_owned(),
                    subject_name,
                    subject_title,
                    previous_assignment: a.id.as_str().to_owned(),
                    previous_unit: a.target.as_str().to_owned(),
                    previous_unit_name: unit_name(&a.target, last),
                    decision_number: None,
                    decision_date: None,
                },
            );
        }
    }
    rows.into_values().collect()
}

/// The CSV columns: stable key and Vietnamese label.
const COLUMNS: [(&str, &str); 14] = [
    ("new_unit", "Mã đơn vị mới"),
    ("new_unit_name", "Đơn vị mới"),
    ("scheme", "Hình thức phân công"),
    ("subject_id", "Mã cán bộ/cơ quan"),
    ("subject_name", "Họ tên/cơ quan"),
    ("subject_title", "Chức vụ"),
    ("previous_unit", "Mã đơn vị cũ"),
    ("previous_unit_name", "Đơn vị cũ"),
    ("previous_assignment", "Phân công cũ"),
    ("id", "Mã phân công mới"),
    ("from", "Từ ngày"),
    ("to", "Đến ngày"),
    ("decision_number", "Số quyết định"),
    ("decision_date", "Ngày quyết định"),
];

const REQUIRED: [&str; 6] = [
    "new_unit",
    "scheme",
    "subject_id",
    "previous_assignment",
    "id",
    "from",
];

fn internal(e: impl std::fmt::Display) -> Error {
    Error::invalid_argument(
        "proposals",
        crate::error::Msg::new(
            format!("không ghi được bảng đề xuất (chi tiết kỹ thuật: {e})"),
            e.to_string(),
        ),
    )
}

/// The proposals as CSV text: a UTF-8 BOM, a header of Vietnamese labels with the stable key in
/// brackets, ISO dates.
pub fn write_proposals_csv(rows: &[SuccessorProposal]) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(
        COLUMNS
            .iter()
            .map(|(key, label)| format!("{label} ({key})")),
    )
    .map_err(internal)?;
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in rows {
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        w.write_record([
            r.new_unit.clone(),
            text(&r.new_unit_name),
            r.scheme.clone(),
            r.subject_id.clone(),
            text(&r.subject_name),
            text(&r.subject_title),
            r.previous_unit.clone(),
            text(&r.previous_unit_name),
            r.previous_assignment.clone(),
            r.id.clone(),
            r.from.to_string(),
            day(r.to),
            text(&r.decision_number),
            day(r.decision_date),
        ])
        .map_err(internal)?;
    }
    let bytes = w.into_inner().map_err(internal)?;
    let body = String::from_utf8(bytes).map_err(internal)?;
    Ok(format!("\u{feff}{body}"))
}

/// The proposals as pretty JSON (a list).
pub fn write_proposals_json(rows: &[SuccessorProposal]) -> Result<String> {
    serde_json::to_string_pretty(rows).map_err(internal)
}

/// Reads proposals: a JSON list when `file` ends in `.json`, else CSV as written by
/// [`write_proposals_csv`] (header cells may be the label, the key, or both; `,` or `;`; a BOM
/// is allowed; empty rows are skipped).
pub fn read_proposals(file: &str, text: &str) -> Result<Vec<SuccessorProposal>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if file.to_lowercase().ends_with(".json") {
        let rows: Vec<SuccessorProposal> = crate::io::json::from_str(text, file)?;
        // A required text left empty is missing, as in CSV, never an empty code.
        for (i, r) in rows.iter().enumerate() {
            let required = [
                ("id", &r.id),
                ("scheme", &r.scheme),
                ("new_unit", &r.new_unit),
                ("subject_id", &r.subject_id),
                ("previous_assignment", &r.previous_assignment),
                ("previous_unit", &r.previous_unit),
            ];
            if let Some((key, _)) = required.iter().find(|(_, v)| v.trim().is_empty()) {
                return Err(Error::load(
                    LoadErrorKind::MissingField,
                    Location {
                        file: Some(file.to_owned()),
                        path: Some(format!("[{i}].{key}")),
                        field: Some((*key).to_owned()),
                        ..Location::default()
                    },
                    crate::error::Msg::new(
                        format!("ô `{key}` đang để trống"),
                        format!("`{key}` is empty"),
                    ),
                ));
            }
        }
        return Ok(rows);
    }
    // The dataset's CSV tokenizer: the same separators, quotes and line numbers as a dataset's
    // files (a row may be shorter than the header: its missing cells are empty).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = crate::io::csv::detect_delimiter(text);
    let mut records = crate::io::tokens::Tokens::new(text, 1, delimiter, file);
    let at = |line: u64, field: Option<&str>| Location {
        file: Some(file.to_owned()),
        line: Some(line),
        field: field.map(str::to_owned),
        ..Location::default()
    };
    let headers = match records.next() {
        Some(header) => header?.1,
        None => Vec::new(),
    };
    let mut keys: Vec<&'static str> = Vec::with_capacity(headers.len());
    for cell in &headers {
        let cell = cell.trim();
        let inner = cell
            .strip_suffix(')')
            .and_then(|c| c.rsplit_once('('))
            .map(|(_, k)| k.trim());
        let key = COLUMNS
            .iter()
            .find(|(key, label)| inner == Some(*key) || cell == *key || cell == *label)
            .map(|(key, _)| *key)
            .ok_or_else(|| {
                Error::load(
                    LoadErrorKind::UnknownField,
                    at(1, Some(cell)),
                    crate::error::Msg::new(
                        format!("cột lạ `{cell}`"),
                        format!("unknown column `{cell}`"),
                    ),
                )
            })?;
        keys.push(key);
    }
    if let Some(missing) = REQUIRED.iter().find(|k| !keys.contains(k)) {
        return Err(Error::load(
            LoadErrorKind::MissingField,
            at(1, Some(missing)),
            crate::error::Msg::new(
                format!("thiếu cột `{missing}`"),
                format!("the column `{missing}` is missing"),
            ),
        ));
    }
    let mut rows = Vec::new();
    for record in records {
        let (line, record) = record?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut values: HashMap<&str, String> = HashMap::new();
        for (key, value) in keys.iter().zip(record.iter()) {
            let value = crate::words::nfc(value.trim()).into_owned();
            if !value.is_empty() {
                values.insert(key, value);
            }
        }
        let required = |key: &'static str| {
            values.get(key).cloned().ok_or_else(|| {
                Error::load(
                    LoadErrorKind::MissingField,
                    at(line, Some(key)),
                    crate::error::Msg::new(
                        format!("ô `{key}` đang để trống"),
                        format!("`{key}` is empty"),
                    ),
                )
            })
        };
        let day = |key: &'static str| -> Result<Option<NaiveDate>> {
            values
                .get(key)
                .map(|v| {
                    crate::period::parse_date(v).ok_or_else(|| {
                        Error::load(
                            LoadErrorKind::InvalidDate,
                            at(line, Some(key)),
                            crate::error::Msg::new(
                                format!(
                                    "`{v}` không phải là một ngày (DD/MM/YYYY hoặc YYYY-MM-DD)"
                                ),
                                format!("`{v}` is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
                            ),
                        )
                    })
                })
                .transpose()
        };
        let from = day("from")?.ok_or_else(|| {
            Error::load(
                LoadErrorKind::MissingField,
                at(line, Some("from")),
                crate::error::Msg::new("ô `from` (từ ngày) đang để trống", "`from` is empty"),
            )
        })?;
        rows.push(SuccessorProposal {
            id: required("id")?,
            scheme: required("scheme")?,
            new_unit: required("new_unit")?,
            new_unit_name: values.get("new_unit_name").cloned(),
            from,
            to: day("to")?,
            subject_id: required("subject_id")?,
            subject_name: values.get("subject_name").cloned(),
            subject_title: values.get("subject_title").cloned(),
            previous_assignment: required("previous_assignment")?,
            previous_unit: required("previous_unit")?,
            previous_unit_name: values.get("previous_unit_name").cloned(),
            decision_number: values.get("decision_number").cloned(),
            decision_date: day("decision_date")?,
        });
    }
    Ok(rows)
}

/// The code of the unit in force on `day` that `code` names: the code itself, or, for a code of
/// digits that Excel shortened by dropping its leading zeros (`1843`), the GSO code of 5, 3 or 2
/// digits it came from (`01843`).
fn unit_code_on<'d>(ds: &'d Dataset, code: &str, day: NaiveDate) -> Option<&'d str> {
    let in_force = |c: &str| {
        ds.units
            .iter()
            .find(|u| u.code == c && u.validity().contains(day))
            .map(|u| u.code.as_str())
    };
    in_force(code).or_else(|| {
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        [5usize, 3, 2]
            .iter()
            .filter(|width| code.len() < **width)
            .find_map(|width| in_force(&format!("{code:0>width$}", width = *width)))
    })
}

/// Creates the confirmed successor assignments and returns the dataset and the assignments
/// created. Every row must carry a decision number and date, name an assignment that the
/// reform ended (same scheme), a unit in force on `from` and a known person or organisation;
/// a new unit may have only one row per scheme and start day. A row whose assignment already
/// exists unchanged is skipped, so accepting a file twice changes nothing; an id already used
/// by another assignment is refused. Nothing is written unless every row is acceptable.
pub fn accept_successors(
    ds: &Dataset,
    rows: &[SuccessorProposal],
) -> Result<(Dataset, Vec<Assignment>)> {
    let refuse = |i: usize, r: &SuccessorProposal, vi: String, en: String| {
        Error::invalid_argument(
            "accept",
            crate::error::Msg::new(
                format!("dòng {} (đơn vị mới {}, {}): {vi}", i + 1, r.new_unit, r.id),
                format!("row {} (new unit {}, {}): {en}", i + 1, r.new_unit, r.id),
            ),
        )
    };
    let assignments: HashMap<&str, &Assignment> =
        ds.assignments.iter().map(|a| (a.id.as_str(), a)).collect();
    let subjects: HashSet<&str> = ds
        .people
        .iter()
        .map(|p| p.id.as_str())
        .chain(ds.organizations.iter().map(|o| o.id.as_str()))
        .collect();
    let mut seen: HashMap<(&str, &str, NaiveDate), usize> = HashMap::new();
    let mut ids: HashSet<&str> = HashSet::new();
    let mut created: Vec<Assignment> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(j) = seen.insert((r.scheme.as_str(), r.new_unit.as_str(), r.from), i) {
            return Err(refuse(
                i,
                r,
                format!(
                    "dòng {} đề xuất cùng đơn vị, cùng hình thức phân công và cùng ngày: mỗi đơn vị mới chỉ giữ một dòng",
                    j + 1
                ),
                format!(
                    "row {} proposes the same unit for the same scheme and day: keep one row per new unit",
                    j + 1
                ),
            ));
        }
        if !ids.insert(r.id.as_str()) {
            return Err(refuse(
                i,
                r,
                "một dòng khác dùng cùng mã".into(),
                "another row uses the same id".into(),
            ));
        }
        let (Some(number), Some(signed)) = (
            r.decision_number.as_ref().filter(|n| !n.trim().is_empty()),
            r.decision_date,
        ) else {
            return Err(refuse(
                i,
                r,
                "điền số và ngày quyết định (Số quyết định, Ngày quyết định) để xác nhận dòng này, hoặc xóa dòng".into(),
                "fill in the decision number and date (Số quyết định, Ngày quyết định) to confirm the row, or delete it".into(),
            ));
        };
        let previous = assignments
            .get(r.previous_assignment.as_str())
            .copied()
            .ok_or_else(|| {
                refuse(
                    i,
                    r,
                    format!(
                        "không có phân công `{}` trong dữ liệu",
                        r.previous_assignment
                    ),
                    format!("no assignment `{}` in the dataset", r.previous_assignment),
                )
            })?;
        if previous.end_reason != Some(EndReason::Reorganized) || previous.scheme != r.scheme {
            return Err(refuse(
                i,
                r,
                format!(
                    "`{}` không phải là phân công `{}` chấm dứt do sắp xếp đơn vị hành chính",
                    previous.id, r.scheme
                ),
                format!(
                    "`{}` is not a `{}` assignment ended by a reorganisation",
                    previous.id, r.scheme
                ),
            ));
        }
        if r.to.is_some_and(|to| to < r.from) {
            return Err(refuse(
                i,
                r,
                "ngày kết thúc (`to`) trước ngày bắt đầu (`from`)".into(),
                "`to` is before `from`".into(),
            ));
        }
        let Some(target) = unit_code_on(ds, &r.new_unit, r.from) else {
            return Err(refuse(
                i,
                r,
                format!(
                    "không có đơn vị `{}` nào còn hiệu lực vào ngày {}",
                    r.new_unit,
                    r.from.format("%d/%m/%Y")
                ),
                format!("no unit `{}` is in force on {}", r.new_unit, r.from),
            ));
        };
        if !subjects.contains(r.subject_id.as_str()) {
            return Err(refuse(
                i,
                r,
                format!(
                    "`{}` không phải là cán bộ hay tổ chức nào trong dữ liệu",
                    r.subject_id
                ),
                format!(
                    "`{}` is neither a person nor an organisation of the dataset",
                    r.subject_id
                ),
            ));
        }
        let assignment = Assignment {
            id: r.id.clone().into(),
            scheme: r.scheme.clone().into(),
            subject_id: r.subject_id.clone().into(),
            target: target.into(),
            valid_from: r.from,
            valid_to: r.to,
            term_id: None,
            decision_number: Some(number.trim().into()),
            decision_date: Some(signed),
            end_reason: None,
            replaces: Some(previous.id.clone()),
            ..previous.clone()
        };
        match assignments.get(r.id.as_str()) {
            Some(existing) if **existing == assignment => {}
            Some(_) => {
                return Err(refuse(
                    i,
                    r,
                    format!("mã `{}` đã được một phân công khác dùng", r.id),
                    format!("the id `{}` is already used by another assignment", r.id),
                ))
            }
            None => created.push(assignment),
        }
    }
    let mut out = ds.clone();
    out.assignments.extend(created.iter().cloned());
    Ok((out, created))
}
