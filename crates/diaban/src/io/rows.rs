//! The one path from rows of text to records, shared by the CSV and XLSX readers (a CSV file
//! and a workbook sheet both become a header and rows of strings, then the same row readers
//! build the records), and the one path from records to rows of text for the writers, so the
//! formats cannot drift.

use super::columns::{self, Column, Table};
use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use crate::limits::Limits;
use crate::model::*;
use crate::words::{describe, parse_word, Aliased};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Where a table comes from, to name the place of an error as a person sees it.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The file (a path or a name).
    pub(crate) file: String,
    /// The sheet, for a workbook.
    pub(crate) sheet: Option<String>,
}

impl Source {
    /// The location of a whole row (`line` is the 1-based line or sheet row); `position` is
    /// the 0-based sheet column, when a cell is meant.
    pub(crate) fn at(&self, line: u64, position: Option<u32>, field: Option<&str>) -> Location {
        match &self.sheet {
            None => Location {
                file: Some(self.file.clone()),
                line: Some(line),
                field: field.map(str::to_owned),
                ..Location::default()
            },
            Some(sheet) => Location {
                file: Some(self.file.clone()),
                sheet: Some(sheet.clone()),
                cell: Some(match position {
                    Some(p) => format!("{}{line}", column_letters(p)),
                    None => line.to_string(),
                }),
                field: field.map(str::to_owned),
                ..Location::default()
            },
        }
    }
}

/// The letters of a 0-based sheet column as Excel shows them: 0 → `A`, 25 → `Z`, 26 → `AA`.
#[must_use]
pub(crate) fn column_letters(position: u32) -> String {
    let mut n = u64::from(position) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The fields of one row, by header index.
pub(crate) trait Fields {
    fn field(&self, i: usize) -> Option<&str>;
    fn count(&self) -> usize;
}

impl Fields for csv::StringRecord {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

impl Fields for Vec<String> {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i).map(String::as_str)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// A header cell: its 0-based position in the sheet (its index, in CSV) and its text.
pub(crate) type HeaderCell = (u32, String);

/// The header of a table matched against its columns.
pub(crate) struct Header {
    /// Canonical column name → header index.
    index: HashMap<&'static str, usize>,
    /// Header index → the column it stands for (`None`: an empty header cell).
    columns: Vec<Option<&'static Column>>,
    /// Header index → sheet position.
    positions: Vec<u32>,
}

impl Header {
    /// The column at a header index.
    pub(crate) fn column(&self, i: usize) -> Option<&'static Column> {
        self.columns.get(i).copied().flatten()
    }

    /// The sheet position of a header index.
    pub(crate) fn position(&self, i: usize) -> Option<u32> {
        self.positions.get(i).copied()
    }
}

/// True when the header names the flat GSO layout of `units` (a district code column).
pub(crate) fn is_flat_units(header: &[HeaderCell]) -> bool {
    header.iter().any(|(_, h)| {
        columns::UNITS_FLAT
            .column(h)
            .is_some_and(|c| c.name == "district_code")
    })
}

/// Matches header cells against a table's columns: unknown, repeated and missing columns
/// are errors. Empty header cells are allowed (a spreadsheet's formatted but unused
/// columns); a value under one is an error when the row is read.
pub(crate) fn header(
    src: &Source,
    table: &'static Table,
    cells: &[HeaderCell],
    line: u64,
) -> Result<Header> {
    let mut index = HashMap::new();
    let mut cols = Vec::with_capacity(cells.len());
    let mut positions = Vec::with_capacity(cells.len());
    for (i, (position, text)) in cells.iter().enumerate() {
        let name = text.trim();
        positions.push(*position);
        if name.is_empty() {
            cols.push(None);
            continue;
        }
        let at = || src.at(line, Some(*position), Some(name));
        let Some(column) = table.column(name) else {
            return Err(Error::load(
                LoadErrorKind::UnknownField,
                at(),
                Msg::new(
                    format!(
                        "cột lạ `{name}` trong bảng `{}` (các cột: {}; tiêu đề tiếng Việt tương ứng có trong docs/data-format.md)",
                        table.name,
                        table.columns.iter().map(|c| c.vi.first().copied().unwrap_or(c.name)).collect::<Vec<_>>().join(", "),
                    ),
                    format!(
                        "unknown column `{name}` in `{}` (known columns: {}; their Vietnamese headers are listed in docs/data-format.md)",
                        table.name,
                        table.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", "),
                    ),
                ),
            ));
        };
        if index.insert(column.name, i).is_some() {
            return Err(Error::load(
                LoadErrorKind::InvalidValue,
                at(),
                if column.name == name {
                    Msg::new(
                        format!("cột `{name}` xuất hiện hai lần"),
                        format!("column `{name}` appears twice"),
                    )
                } else {
                    Msg::new(
                        format!(
                            "cột `{name}` xuất hiện hai lần (cùng nghĩa với `{}`)",
                            column.name
                        ),
                        format!("column `{name}` appears twice (as `{}`)", column.name),
                    )
                },
            ));
        }
        cols.push(Some(column));
    }
    if let Some(missing) = table.required().find(|r| !index.contains_key(r)) {
        let vi_alias = table.column(missing).and_then(|c| c.vi.first());
        let alias = vi_alias
            .map(|v| format!(" (or \"{v}\")"))
            .unwrap_or_default();
        let alias_vi = vi_alias
            .map(|v| format!(" (hoặc \"{v}\")"))
            .unwrap_or_default();
        return Err(Error::load(
            LoadErrorKind::MissingField,
            Location {
                field: Some(missing.to_owned()),
                ..src.at(line, None, None)
            },
            Msg::new(
                format!("thiếu cột `{missing}`{alias_vi}"),
                format!("missing column `{missing}`{alias}"),
            ),
        ));
    }
    Ok(Header {
        index,
        columns: cols,
        positions,
    })
}

/// One data row, with what is needed to name the place of an error.
pub(crate) struct Row<'r> {
    src: &'r Source,
    line: u64,
    fields: &'r dyn Fields,
    header: &'r Header,
}

impl<'r> Row<'r> {
    fn at(&self, column: &str) -> Location {
        let position = self
            .header
            .index
            .get(column)
            .and_then(|i| self.header.position(*i));
        self.src.at(self.line, position, Some(column))
    }

    fn opt(&self, column: &str) -> Option<&'r str> {
        let i = *self.header.index.get(column)?;
        self.fields.field(i).filter(|v| !v.trim().is_empty())
    }

    fn text(&self, column: &str) -> Option<String> {
        self.opt(column).map(str::to_owned)
    }

    /// A yes/no column: `true`, `có`, `x`, `1` (any case) are yes; `false`, `không`, `0` or an
    /// empty cell are no; anything else is an error naming the column.
    fn flag(&self, column: &str) -> Result<bool> {
        let Some(text) = self.opt(column) else {
            return Ok(false);
        };
        match crate::words::fold(text).as_str() {
            "true" | "có" | "x" | "1" | "yes" => Ok(true),
            "false" | "không" | "0" | "no" => Ok(false),
            _ => Err(Error::load(
                LoadErrorKind::InvalidValue,
                self.at(column),
                Msg::new(
                    format!("`{text}` không phải là có hoặc không (viết có hoặc không; true hoặc false)"),
                    format!("`{text}` is not yes or no (write true or false; có or không)"),
                ),
            )),
        }
    }

    fn req(&self, column: &str) -> Result<&'r str> {
        self.opt(column).ok_or_else(|| {
            Error::load(
                LoadErrorKind::MissingField,
                self.at(column),
                Msg::new(
                    format!("ô `{column}` không được để trống"),
                    format!("`{column}` must not be empty"),
                ),
            )
        })
    }

    fn string(&self, column: &str) -> Result<String> {
        self.req(column).map(str::to_owned)
    }

    fn date_in(&self, column: &str, text: &str) -> Result<NaiveDate> {
        crate::period::parse_date(text).ok_or_else(|| {
            Error::load(
                LoadErrorKind::InvalidDate,
                self.at(column),
                Msg::new(
                    format!(
                        "`{text}` không phải là một ngày có thật: viết DD/MM/YYYY hoặc YYYY-MM-DD"
                    ),
                    format!(
                        "invalid date `{text}`: expected a real date as YYYY-MM-DD or DD/MM/YYYY"
                    ),
                ),
            )
        })
    }

    fn date(&self, column: &str) -> Result<NaiveDate> {
        self.date_in(column, self.req(column)?)
    }

    fn opt_date(&self, column: &str) -> Result<Option<NaiveDate>> {
        self.opt(column)
            .map(|t| self.date_in(column, t))
            .transpose()
    }

    fn word<T: Aliased>(&self, column: &str) -> Result<T> {
        let text = self.req(column)?;
        self.parse_word(column, text)
    }

    fn opt_word<T: Aliased>(&self, column: &str) -> Result<Option<T>> {
        self.opt(column)
            .map(|text| self.parse_word(column, text))
            .transpose()
    }

    fn parse_word<T: Aliased>(&self, column: &str, text: &str) -> Result<T> {
        parse_word::<T>(text).ok_or_else(|| {
            Error::load(
                LoadErrorKind::InvalidValue,
                self.at(column),
                Msg::new(
                    format!(
                        "giá trị `{text}` không có trong danh mục (các giá trị được nhận: {})",
                        describe::<T>()
                    ),
                    format!(
                        "unknown value `{text}` (expected one of: {})",
                        describe::<T>()
                    ),
                ),
            )
        })
    }

    fn number<T: std::str::FromStr>(&self, column: &str) -> Result<T> {
        let text = self.req(column)?;
        self.parse_number(column, text)
    }

    fn opt_number<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>> {
        self.opt(column)
            .map(|t| self.parse_number(column, t))
            .transpose()
    }

    fn parse_number<T: std::str::FromStr>(&self, column: &str, text: &str) -> Result<T> {
        text.trim().parse::<T>().map_err(|_| {
            Error::load(
                LoadErrorKind::InvalidValue,
                self.at(column),
                Msg::new(
                    format!("`{text}` không phải là một số nguyên trong khoảng cho phép"),
                    format!("`{text}` is not a whole number in the allowed range"),
                ),
            )
        })
    }
}

/// The rows of one table: `(line or sheet row, fields)`, in order.
pub(crate) type Rows<'a, F> = &'a mut dyn Iterator<Item = Result<(u64, F)>>;

/// Reads the rows of a table with `make`: blank rows are skipped, fields and record counts
/// are checked against the limits, and a value under an empty header cell is an error.
pub(crate) fn read_rows<T, F: Fields>(
    limits: &Limits,
    src: &Source,
    table: &'static Table,
    header: &Header,
    rows: Rows<'_, F>,
    make: impl Fn(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for row in rows {
        let (line, fields) = row?;
        if (0..fields.count()).all(|i| fields.field(i).is_none_or(|f| f.trim().is_empty())) {
            continue;
        }
        for i in 0..fields.count() {
            let value = fields.field(i).unwrap_or_default();
            let column = header.column(i);
            limits.check_field(value.len(), || {
                src.at(line, header.position(i), column.map(|c| c.name))
            })?;
            if column.is_none() && !value.trim().is_empty() {
                return Err(Error::load(
                    LoadErrorKind::UnknownField,
                    src.at(line, header.position(i), None),
                    Msg::new(
                        format!(
                            "có giá trị (`{}`) trong một cột không có tiêu đề",
                            value.trim()
                        ),
                        format!("a value (`{}`) in a column without a header", value.trim()),
                    ),
                ));
            }
        }
        limits.check_records(table.name, out.len().saturating_add(1), || {
            src.at(line, None, None)
        })?;
        out.push(make(&Row {
            src,
            line,
            fields: &fields,
            header,
        })?);
    }
    Ok(out)
}

/// Reads one table's rows into the dataset. `units` may come in the tree layout
/// (`parent_code`) or the flat GSO layout (each commune names its district and province).
pub(crate) fn fill<F: Fields>(
    ds: &mut Dataset,
    limits: &Limits,
    src: &Source,
    table: &'static Table,
    cells: &[HeaderCell],
    line: u64,
    rows: Rows<'_, F>,
) -> Result<()> {
    macro_rules! fill {
        ($field:ident, $make:expr) => {{
            let header = header(src, table, cells, line)?;
            ds.$field = read_rows(limits, src, table, &header, rows, $make)?;
        }};
    }
    match table.name {
        "units" if is_flat_units(cells) => {
            let header = header(src, &columns::UNITS_FLAT, cells, line)?;
            let rows = read_rows(limits, src, &columns::UNITS_FLAT, &header, rows, flat_unit)?;
            let mut seen: HashSet<String> = HashSet::new();
            let mut communes = Vec::with_capacity(rows.len());
            for (province, district, commune) in rows {
                for unit in [province, Some(district)].into_iter().flatten() {
                    if seen.insert(unit.code.clone()) {
                        ds.units.push(unit);
                    }
                }
                communes.push(commune);
            }
            ds.units.extend(communes);
        }
        "units" => fill!(units, unit),
        "organizations" => fill!(organizations, organization),
        "people" => fill!(people, post),
        "terms" => fill!(terms, term),
        "assignments" => fill!(assignments, assignment),
        "activities" => fill!(activities, activity),
        "evaluations" => fill!(evaluations, evaluation),
        "reorganizations" => fill!(reorganizations, reorganization),
        "ntm_statuses" => fill!(ntm_statuses, ntm),
        other => {
            return Err(Error::load(
                LoadErrorKind::UnknownField,
                Location::file(src.file.clone()),
                Msg::new(
                    format!("bảng lạ `{other}`"),
                    format!("unknown table `{other}`"),
                ),
            ))
        }
    }
    Ok(())
}

fn unit(row: &Row<'_>) -> Result<Unit> {
    Ok(Unit {
        code: row.string("code")?,
        name: row.string("name")?,
        unit_type: row.word::<UnitType>("type")?,
        parent_code: row.text("parent_code"),
        valid_from: row.opt_date("valid_from")?,
        valid_to: row.opt_date("valid_to")?,
    })
}

fn flat_unit(row: &Row<'_>) -> Result<(Option<Unit>, Unit, Unit)> {
    let valid_from = row.opt_date("valid_from")?;
    let valid_to = row.opt_date("valid_to")?;
    let province = match row.opt("province_code") {
        Some(code) => Some(Unit {
            code: code.to_owned(),
            name: row.string("province_name")?,
            unit_type: row.word::<UnitType>("province_type")?,
            parent_code: None,
            valid_from,
            valid_to,
        }),
        None => None,
    };
    let district_name = row.string("district_name")?;
    let district_type = match row.opt("district_type") {
        Some(t) => row.parse_word::<UnitType>("district_type", t)?,
        None => district_type_from_name(&district_name).ok_or_else(|| {
            Error::load(
                LoadErrorKind::MissingField,
                row.at("district_type"),
                Msg::new(
                    format!("không xác định được loại đơn vị cấp huyện `{district_name}` từ tên; hãy thêm cột `district_type` (loại đơn vị cấp huyện)"),
                    format!("cannot tell the type of district `{district_name}` from its name; add a `district_type` column"),
                ),
            )
        })?,
    };
    let district = Unit {
        code: row.string("district_code")?,
        name: district_name,
        unit_type: district_type,
        parent_code: province.as_ref().map(|p| p.code.clone()),
        valid_from,
        valid_to,
    };
    let commune = Unit {
        code: row.string("code")?,
        name: row.string("name")?,
        unit_type: row.word::<UnitType>("type")?,
        parent_code: Some(district.code.clone()),
        valid_from,
        valid_to,
    };
    Ok((province, district, commune))
}

fn district_type_from_name(name: &str) -> Option<UnitType> {
    let lower = name.to_lowercase();
    [
        ("huyện ", UnitType::RuralDistrict),
        ("quận ", UnitType::UrbanDistrict),
        ("thị xã ", UnitType::Town),
        ("thành phố ", UnitType::City),
    ]
    .into_iter()
    .find(|(prefix, _)| lower.starts_with(prefix))
    .map(|(_, t)| t)
}

fn organization(row: &Row<'_>) -> Result<Organization> {
    Ok(Organization {
        id: row.string("id")?,
        name: row.string("name")?,
        kind: row.word::<OrgKind>("kind")?,
        level: row.word::<Level>("level")?,
        unit_code: row.text("unit_code"),
        parent_id: row.text("parent_id"),
        valid_from: row.opt_date("valid_from")?,
        valid_to: row.opt_date("valid_to")?,
    })
}

fn post(row: &Row<'_>) -> Result<Post> {
    Ok(Post {
        id: row.string("id")?,
        name: row.string("name")?,
        title: row.string("title")?,
        organization_id: row.string("organization_id")?,
        rank: row.word::<Rank>("rank")?,
        valid_from: row.opt_date("valid_from")?,
        valid_to: row.opt_date("valid_to")?,
    })
}

fn term(row: &Row<'_>) -> Result<Term> {
    Ok(Term {
        id: row.string("id")?,
        organization_id: row.string("organization_id")?,
        label: row.string("label")?,
        ordinal: row.text("ordinal"),
        valid_from: row.date("valid_from")?,
        valid_to: row.opt_date("valid_to")?,
    })
}

fn assignment(row: &Row<'_>) -> Result<Assignment> {
    Ok(Assignment {
        id: row.string("id")?,
        scheme: row.string("scheme")?,
        subject_id: row.string("subject_id")?,
        target: row.string("target")?,
        valid_from: row.date("valid_from")?,
        valid_to: row.opt_date("valid_to")?,
        term_id: row.text("term_id"),
        decision_number: row.text("decision_number"),
        decision_date: row.opt_date("decision_date")?,
        end_reason: row.opt_word::<EndReason>("end_reason")?,
        replaces: row.text("replaces"),
        category: row.text("category"),
        acting: row.flag("acting")?,
    })
}

fn activity(row: &Row<'_>) -> Result<Activity> {
    Ok(Activity {
        id: row.string("id")?,
        date: row.date("date")?,
        subject_id: row.string("subject_id")?,
        target: row.string("target")?,
        kind: row.word::<ActivityKind>("kind")?,
        duty: row.text("duty"),
        note: row.text("note"),
        quantity: row.opt_number("quantity")?,
        value_vnd: row.opt_number("value_vnd")?,
        contribution: row.opt_word::<ContributionKind>("contribution")?,
        recipient: row.text("recipient"),
    })
}

fn evaluation(row: &Row<'_>) -> Result<Evaluation> {
    Ok(Evaluation {
        id: row.string("id")?,
        year: row.number("year")?,
        assignment_id: row.string("assignment_id")?,
        author_id: row.string("author_id")?,
        submitted_on: row.opt_date("submitted_on")?,
        rating: row.opt_word::<Rating>("rating")?,
        note: row.text("note"),
    })
}

fn reorganization(row: &Row<'_>) -> Result<ReorganizationEdge> {
    Ok(ReorganizationEdge {
        effective: row.date("effective")?,
        old_code: row.string("old_code")?,
        new_code: row.text("new_code"),
        new_name: row.text("new_name"),
        new_type: row.opt_word::<UnitType>("new_type")?,
        part: row.word::<Part>("part")?,
        basis: row.text("basis"),
    })
}

fn ntm(row: &Row<'_>) -> Result<NtmRecord> {
    Ok(NtmRecord {
        unit_code: row.string("unit_code")?,
        year: row.number("year")?,
        criteria_met: row.number("criteria_met")?,
        status: row.word::<NtmStatus>("status")?,
    })
}

fn d(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn o(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

fn w<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The dataset as rows of text, one list per non-empty table (`units` always), in the
/// column order of [`columns::TABLES`]: what the CSV and XLSX writers write.
pub(crate) fn to_rows(ds: &Dataset) -> Vec<(&'static Table, Vec<Vec<String>>)> {
    let mut out = vec![(
        &columns::UNITS,
        ds.units
            .iter()
            .map(|u| {
                vec![
                    u.code.clone(),
                    u.name.clone(),
                    u.unit_type.to_string(),
                    o(&u.parent_code),
                    d(u.valid_from),
                    d(u.valid_to),
                ]
            })
            .collect(),
    )];
    let mut add = |table: &'static Table, rows: Vec<Vec<String>>| {
        if !rows.is_empty() {
            out.push((table, rows));
        }
    };
    add(
        &columns::ORGANIZATIONS,
        ds.organizations
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.name.clone(),
                    x.kind.to_string(),
                    x.level.to_string(),
                    o(&x.unit_code),
                    o(&x.parent_id),
                    d(x.valid_from),
                    d(x.valid_to),
                ]
            })
            .collect(),
    );
    add(
        &columns::PEOPLE,
        ds.people
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.name.clone(),
                    x.title.clone(),
                    x.organization_id.clone(),
                    x.rank.to_string(),
                    d(x.valid_from),
                    d(x.valid_to),
                ]
            })
            .collect(),
    );
    add(
        &columns::TERMS,
        ds.terms
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.organization_id.clone(),
                    x.label.clone(),
                    o(&x.ordinal),
                    x.valid_from.to_string(),
                    d(x.valid_to),
                ]
            })
            .collect(),
    );
    add(
        &columns::ASSIGNMENTS,
        ds.assignments
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.scheme.clone(),
                    x.subject_id.clone(),
                    x.target.clone(),
                    x.valid_from.to_string(),
                    d(x.valid_to),
                    o(&x.term_id),
                    o(&x.decision_number),
                    d(x.decision_date),
                    w(x.end_reason),
                    o(&x.replaces),
                    o(&x.category),
                    if x.acting {
                        "true".to_owned()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect(),
    );
    add(
        &columns::ACTIVITIES,
        ds.activities
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.date.to_string(),
                    x.subject_id.clone(),
                    x.target.clone(),
                    x.kind.to_string(),
                    o(&x.duty),
                    o(&x.note),
                    w(x.quantity),
                    w(x.value_vnd),
                    w(x.contribution),
                    o(&x.recipient),
                ]
            })
            .collect(),
    );
    add(
        &columns::EVALUATIONS,
        ds.evaluations
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.year.to_string(),
                    x.assignment_id.clone(),
                    x.author_id.clone(),
                    d(x.submitted_on),
                    w(x.rating),
                    o(&x.note),
                ]
            })
            .collect(),
    );
    add(
        &columns::REORGANIZATIONS,
        ds.reorganizations
            .iter()
            .map(|x| {
                vec![
                    x.effective.to_string(),
                    x.old_code.clone(),
                    o(&x.new_code),
                    o(&x.new_name),
                    w(x.new_type),
                    x.part.to_string(),
                    o(&x.basis),
                ]
            })
            .collect(),
    );
    add(
        &columns::NTM_STATUSES,
        ds.ntm_statuses
            .iter()
            .map(|x| {
                vec![
                    x.unit_code.clone(),
                    x.year.to_string(),
                    x.criteria_met.to_string(),
                    x.status.to_string(),
                ]
            })
            .collect(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_are_as_excel_shows_them() {
        let got: Vec<String> = [0, 3, 25, 26, 27, 51, 52, 701, 702, 16383]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(
            got,
            ["A", "D", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]
        );
    }

    #[test]
    fn written_rows_follow_the_column_lists() {
        for (table, rows) in to_rows(&crate::Dataset::demo()) {
            for row in rows {
                assert_eq!(row.len(), table.columns.len(), "{}", table.name);
            }
        }
    }
}
