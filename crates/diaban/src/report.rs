//! The yearly compliance report (`diaban report --year Y`): per assignment, activities by
//! kind against what was required, proposals, the evaluation and its status; roll-ups per
//! district and per agency; and the rural-development programme's contributions.
//!
//! Each assignment-year is judged by [`crate::duties`]' own function, over the days the
//! regulation judges, so the report and the findings agree by construction.

use crate::collate::{cmp_vi, cmp_vi_opt};
use crate::duties::{judge_year, judged_years, ActivityIndex};
use crate::index::Index;
use crate::model::{ActivityKind, Assignment, ContributionKind, Rating};
use crate::period::Period;
use crate::profile::{Profile, Scheme};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub use crate::duties::{DutyRow, EvaluationState, EvaluationStatus};

/// One assignment in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssignmentYear {
    /// Assignment id.
    pub assignment_id: String,
    /// Scheme.
    pub scheme: String,
    /// Subject id.
    pub subject_id: String,
    /// Subject's name.
    pub subject_name: Option<String>,
    /// The subject's agency (the organisation of their post on the last assigned day of the year).
    pub agency_id: Option<String>,
    /// The agency's name.
    pub agency_name: Option<String>,
    /// Target.
    pub target: String,
    /// Target's name.
    pub target_name: Option<String>,
    /// District code of the target.
    pub district_code: Option<String>,
    /// District name of the target.
    pub district_name: Option<String>,
    /// The days of the year the regulation judges for this assignment (in force, in its
    /// territory).
    pub period: Period,
    /// How many days.
    pub days: i64,
    /// Duties, in profile order.
    pub duties: Vec<DutyRow>,
    /// Proposals made in the year.
    pub proposals: u32,
    /// The evaluation.
    pub evaluation: EvaluationStatus,
    /// True when some duty is not met or the evaluation is missing, late or rated unfulfilled.
    pub shortfall: bool,
}

/// Counts for a group of assignments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Rollup {
    /// District code or agency id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Assignments in the year.
    pub assignments: usize,
    /// Of which with a shortfall.
    pub with_shortfall: usize,
    /// Of which with a missing evaluation.
    pub evaluations_missing: usize,
    /// Evaluations by rating.
    #[schemars(extend("propertyNames" = {"$ref": "#/$defs/Rating"}))]
    pub ratings: BTreeMap<Rating, usize>,
}

/// A proposal made to a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProposalRow {
    /// Activity id.
    pub id: String,
    /// Day.
    pub date: NaiveDate,
    /// Who proposed.
    pub subject_id: String,
    /// Their name.
    pub subject_name: Option<String>,
    /// About which unit.
    pub target: String,
    /// To whom.
    pub recipient: Option<String>,
    /// What.
    pub note: Option<String>,
}

/// Totals of contributions of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Totals {
    /// Number of contribution records.
    pub records: u64,
    /// Sum of quantities.
    pub quantity: u64,
    /// Sum of values in đồng (records without a value count as 0).
    pub value_vnd: u64,
}

/// Contributions of one agency, commune or year, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ContributionTotals {
    /// Agency id, commune code or year.
    pub id: String,
    /// Its name.
    pub name: String,
    /// By contribution kind.
    #[schemars(extend("propertyNames" = {"$ref": "#/$defs/ContributionKind"}))]
    pub by_kind: BTreeMap<ContributionKind, Totals>,
}

/// The rural-development programme's contributions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Programme {
    /// Per helping agency, in the year, by name.
    pub by_agency: Vec<ContributionTotals>,
    /// Per commune, in the year, by name.
    pub by_commune: Vec<ContributionTotals>,
    /// Per year, every year recorded.
    pub by_year: Vec<ContributionTotals>,
}

/// The yearly report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct YearReport {
    /// The year.
    pub year: i32,
    /// The day deadlines were judged against.
    pub today: Option<NaiveDate>,
    /// The regulation.
    pub regulation: String,
    /// Every assignment of a scheme with duties that the regulation judges in the year, by
    /// scheme, then district and target name (Vietnamese alphabetical order).
    pub assignments: Vec<AssignmentYear>,
    /// Roll-up per district, by name (Vietnamese alphabetical order).
    pub districts: Vec<Rollup>,
    /// Roll-up per agency, by name (Vietnamese alphabetical order).
    pub agencies: Vec<Rollup>,
    /// Proposals made in the year.
    pub proposals: Vec<ProposalRow>,
    /// The programme's contributions.
    pub programme: Programme,
}

crate::words::word_enum! {
    /// What a column of a [`Table`] holds (so that a front end can type it: dates as dates).
    pub enum CellKind {
        /// Text (or empty).
        Text = "text",
        /// A whole number.
        Integer = "integer",
        /// `true` or `false`.
        Boolean = "boolean",
        /// A day, as ISO `YYYY-MM-DD` text.
        Date = "date",
    }
}

/// A column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Column {
    /// Its name (the CSV header, the DataFrame column).
    pub name: String,
    /// What it holds.
    pub kind: CellKind,
}

/// One table of a yearly report flattened for a spreadsheet: the one flattening every front
/// end uses (`diaban report --csv`, Python's `YearReport.to_dicts` and `to_pandas`).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// One list of cells per row, in the order of the columns: text, numbers, booleans, dates
    /// as ISO text, `null` for an empty cell.
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// An empty table with these columns (name, kind).
    #[must_use]
    pub fn new(columns: &[(&str, CellKind)]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, kind)| Column {
                    name: (*name).to_owned(),
                    kind: *kind,
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    fn column(&mut self, name: String, kind: CellKind) {
        self.columns.push(Column { name, kind });
    }

    /// Tables as one XLSX workbook, a sheet per table (sheet names are cut to Excel's 31
    /// characters): a bold header row frozen under an autofilter, typed cells (numbers as
    /// numbers, dates as date cells shown `dd/mm/yyyy`, booleans as TRUE/FALSE, the rest as
    /// text, so that codes such as `01954` keep their zeros), columns as wide as their content.
    ///
    /// # Errors
    /// `invalid_argument` if the workbook cannot be written (more rows than a sheet holds).
    #[cfg(feature = "xlsx-write")]
    pub fn workbook(sheets: &[(&str, &Table)]) -> crate::Result<Vec<u8>> {
        use crate::error::Msg;
        use chrono::Datelike as _;
        use rust_xlsxwriter::{Format, Workbook};
        let fail = |e: rust_xlsxwriter::XlsxError| {
            crate::Error::invalid_argument(
                "table",
                Msg::new(
                    format!("không ghi được sổ tính (chi tiết kỹ thuật: {e})"),
                    format!("cannot write the workbook: {e}"),
                ),
            )
        };
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let text = Format::new().set_num_format("@");
        for (name, table) in sheets {
            let sheet = book.add_worksheet();
            let name: String = name.chars().take(31).collect();
            sheet.set_name(&name).map_err(fail)?;
            let last_row = u32::try_from(table.rows.len()).map_err(|_| {
                crate::Error::invalid_argument(
                    "table",
                    Msg::new(
                        "nhiều hàng hơn một trang tính chứa được",
                        "more rows than a worksheet holds",
                    ),
                )
            })?;
            let mut widths: Vec<usize> = table
                .columns
                .iter()
                .map(|c| c.name.chars().count())
                .collect();
            for (c, column) in table.columns.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| {
                    crate::Error::invalid_argument(
                        "table",
                        Msg::new(
                            "nhiều cột hơn một trang tính chứa được",
                            "more columns than a worksheet holds",
                        ),
                    )
                })?;
                sheet
                    .write_string_with_format(0, c, &column.name, &bold)
                    .map_err(fail)?;
            }
            for (r, row) in table.rows.iter().enumerate() {
                let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
                for (c, (value, column)) in row.iter().zip(&table.columns).enumerate() {
                    let c16 = u16::try_from(c).unwrap_or(u16::MAX);
                    let shown = match value {
                        Value::Null => continue,
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    if let Some(w) = widths.get_mut(c) {
                        *w = (*w).max(shown.chars().count());
                    }
                    match (column.kind, value) {
                        (CellKind::Integer, Value::Number(n)) => {
                            let n = n.as_f64().unwrap_or_default();
                            sheet.write_number(r, c16, n).map_err(fail)?;
                        }
                        (CellKind::Boolean, Value::Bool(b)) => {
                            sheet.write_boolean(r, c16, *b).map_err(fail)?;
                        }
                        (CellKind::Date, Value::String(s)) => {
                            match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                                Ok(d) => {
                                    let d = rust_xlsxwriter::ExcelDateTime::from_ymd(
                                        u16::try_from(d.year()).unwrap_or(1900),
                                        u8::try_from(d.month()).unwrap_or(1),
                                        u8::try_from(d.day()).unwrap_or(1),
                                    )
                                    .map_err(fail)?;
                                    sheet
                                        .write_datetime_with_format(r, c16, &d, &date)
                                        .map_err(fail)?;
                                }
                                Err(_) => {
                                    sheet
                                        .write_string_with_format(r, c16, s, &text)
                                        .map_err(fail)?;
                                }
                            }
                        }
                        _ => {
                            sheet
                                .write_string_with_format(r, c16, &shown, &text)
                                .map_err(fail)?;
                        }
                    }
                }
            }
            for (c, w) in widths.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                // Wide enough for Vietnamese names, never wider than a screen.
                let width = (*w).clamp(6, 60) as f64 + 2.0;
                sheet.set_column_width(c, width).map_err(fail)?;
            }
            sheet.set_freeze_panes(1, 0).map_err(fail)?;
            if !table.columns.is_empty() {
                let last_col = u16::try_from(table.columns.len() - 1).unwrap_or(u16::MAX);
                sheet.autofilter(0, 0, last_row, last_col).map_err(fail)?;
            }
        }
        book.save_to_buffer().map_err(fail)
    }

    /// The table as CSV text: a header line, then one line per row (empty cells for `null`).
    ///
    /// # Errors
    /// Only if the CSV writer fails, which it does not on text in memory.
    pub fn to_csv(&self) -> crate::Result<String> {
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let fail = |e: &dyn std::fmt::Display| {
            crate::Error::invalid_argument(
                "table",
                crate::error::Msg::new(
                    format!("không ghi được CSV (chi tiết kỹ thuật: {e})"),
                    format!("cannot write CSV: {e}"),
                ),
            )
        };
        w.write_record(self.columns.iter().map(|c| c.name.as_str()))
            .map_err(|e| fail(&e))?;
        for row in &self.rows {
            w.write_record(row.iter().map(|cell| match cell {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }))
            .map_err(|e| fail(&e))?;
        }
        let bytes = w.into_inner().map_err(|e| fail(&e))?;
        String::from_utf8(bytes).map_err(|e| fail(&e))
    }
}

fn day(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn text(t: Option<&str>) -> Value {
    t.map_or(Value::Null, |t| Value::String(t.to_owned()))
}

impl YearReport {
    /// The names of the tables [`YearReport::table`] gives.
    pub const TABLES: &'static [&'static str] = &[
        "assignments",
        "districts",
        "agencies",
        "proposals",
        "programme_by_agency",
        "programme_by_commune",
        "programme_by_year",
    ];

    /// The whole report as an XLSX workbook: one sheet per table of [`YearReport::TABLES`]
    /// (the assignments with a column triple for each of `duties`, e.g. the profile's).
    ///
    /// # Errors
    /// As [`Table::workbook`].
    #[cfg(feature = "xlsx-write")]
    pub fn to_xlsx_bytes(&self, duties: &[&str]) -> crate::Result<Vec<u8>> {
        let mut tables: Vec<(&str, Table)> = vec![("assignments", self.assignments_table(duties))];
        for name in Self::TABLES.iter().skip(1) {
            tables.push((name, self.table(name)?));
        }
        let sheets: Vec<(&str, &Table)> = tables.iter().map(|(n, t)| (*n, t)).collect();
        Table::workbook(&sheets)
    }

    /// The duties of the report's assignments, in the order they first appear (profile order
    /// within a scheme).
    #[must_use]
    pub fn duty_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for d in self.assignments.iter().flat_map(|a| &a.duties) {
            if !ids.contains(&d.duty.as_str()) {
                ids.push(&d.duty);
            }
        }
        ids
    }

    /// One table of the report, flattened: `assignments` (one row per assignment-year, three
    /// columns `{duty}_done`, `{duty}_required`, `{duty}_met` per duty of the report),
    /// `districts` and `agencies` (one `rating_{rating}` column per rating), `proposals`, or
    /// `programme_by_agency`, `programme_by_commune`, `programme_by_year` (one row per
    /// contribution kind).
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let report = diaban::Index::new(&ds).year_report(&diaban::Profile::bac_kan_1390(), 2024, Some(diaban::date!(2026, 1, 1))).unwrap();
    /// let table = report.table("assignments").unwrap();
    /// assert_eq!(table.columns[0].name, "year");
    /// assert_eq!(table.rows.len(), report.assignments.len());
    /// assert_eq!(report.table("nope").unwrap_err().code(), "invalid_argument");
    /// ```
    ///
    /// # Errors
    /// `invalid_argument` for a name not in [`YearReport::TABLES`].
    pub fn table(&self, name: &str) -> crate::Result<Table> {
        match name {
            "assignments" => Ok(self.assignments_table(&self.duty_ids())),
            "districts" => Ok(rollup_table(&self.districts)),
            "agencies" => Ok(rollup_table(&self.agencies)),
            "proposals" => Ok(self.proposals_table()),
            "programme_by_agency" => Ok(totals_table(&self.programme.by_agency)),
            "programme_by_commune" => Ok(totals_table(&self.programme.by_commune)),
            "programme_by_year" => Ok(totals_table(&self.programme.by_year)),
            _ => Err(crate::Error::invalid_argument(
                "table",
                crate::error::Msg::new(
                    format!(
                        "không có bảng `{name}` (các bảng: {})",
                        Self::TABLES.join(", ")
                    ),
                    format!(
                        "unknown table `{name}` (expected one of {})",
                        Self::TABLES.join(", ")
                    ),
                ),
            )),
        }
    }

    /// The `assignments` table with the duty columns of `duties`, in that order (a front end
    /// that knows the profile passes all its duties, so that the columns do not depend on the
    /// year's data).
    #[must_use]
    pub fn assignments_table(&self, duties: &[&str]) -> Table {
        use CellKind::{Boolean, Date, Integer, Text};
        let mut t = Table::new(&[
            ("year", Integer),
            ("assignment_id", Text),
            ("scheme", Text),
            ("subject_id", Text),
            ("subject_name", Text),
            ("agency_id", Text),
            ("agency_name", Text),
            ("target", Text),
            ("target_name", Text),
            ("district_code", Text),
            ("district_name", Text),
            ("from", Date),
            ("to", Date),
            ("days", Integer),
        ]);
        for d in duties {
            t.column(format!("{d}_done"), Integer);
            t.column(format!("{d}_required"), Integer);
            t.column(format!("{d}_met"), Boolean);
        }
        for (name, kind) in [
            ("proposals", Integer),
            ("evaluation_status", Text),
            ("evaluation_id", Text),
            ("rating", Text),
            ("submitted_on", Date),
            ("evaluation_due", Date),
            ("shortfall", Boolean),
        ] {
            t.column(name.to_owned(), kind);
        }
        for a in &self.assignments {
            let mut row = vec![
                Value::from(self.year),
                Value::from(a.assignment_id.as_str()),
                Value::from(a.scheme.as_str()),
                Value::from(a.subject_id.as_str()),
                text(a.subject_name.as_deref()),
                text(a.agency_id.as_deref()),
                text(a.agency_name.as_deref()),
                Value::from(a.target.as_str()),
                text(a.target_name.as_deref()),
                text(a.district_code.as_deref()),
                text(a.district_name.as_deref()),
                day(Some(a.period.from)),
                day(a.period.to),
                Value::from(a.days),
            ];
            for d in duties {
                match a.duties.iter().find(|x| x.duty == *d) {
                    Some(x) => row.extend([x.done.into(), x.required.into(), x.met.into()]),
                    None => row.extend([Value::Null, Value::Null, Value::Null]),
                }
            }
            let e = &a.evaluation;
            row.extend([
                Value::from(a.proposals),
                Value::from(e.status.as_str()),
                text(e.evaluation_id.as_deref()),
                text(e.rating.map(Rating::as_str)),
                day(e.submitted_on),
                day(e.due),
                Value::from(a.shortfall),
            ]);
            t.rows.push(row);
        }
        t
    }

    fn proposals_table(&self) -> Table {
        use CellKind::{Date, Text};
        let mut t = Table::new(&[
            ("id", Text),
            ("date", Date),
            ("subject_id", Text),
            ("subject_name", Text),
            ("target", Text),
            ("recipient", Text),
            ("note", Text),
        ]);
        for p in &self.proposals {
            t.rows.push(vec![
                Value::from(p.id.as_str()),
                day(Some(p.date)),
                Value::from(p.subject_id.as_str()),
                text(p.subject_name.as_deref()),
                Value::from(p.target.as_str()),
                text(p.recipient.as_deref()),
                text(p.note.as_deref()),
            ]);
        }
        t
    }
}

/// A roll-up table: one `rating_{rating}` column for every rating, 0 where none was given.
fn rollup_table(rollups: &[Rollup]) -> Table {
    use CellKind::{Integer, Text};
    let mut t = Table::new(&[
        ("id", Text),
        ("name", Text),
        ("assignments", Integer),
        ("with_shortfall", Integer),
        ("evaluations_missing", Integer),
    ]);
    for rating in Rating::ALL {
        t.column(format!("rating_{rating}"), Integer);
    }
    for r in rollups {
        let mut row = vec![
            Value::from(r.id.as_str()),
            Value::from(r.name.as_str()),
            Value::from(r.assignments),
            Value::from(r.with_shortfall),
            Value::from(r.evaluations_missing),
        ];
        row.extend(
            Rating::ALL
                .iter()
                .map(|k| Value::from(r.ratings.get(k).copied().unwrap_or(0))),
        );
        t.rows.push(row);
    }
    t
}

/// A programme table: one row per contributor (or commune, or year) and kind.
fn totals_table(list: &[ContributionTotals]) -> Table {
    use CellKind::{Integer, Text};
    let mut t = Table::new(&[
        ("id", Text),
        ("name", Text),
        ("kind", Text),
        ("records", Integer),
        ("quantity", Integer),
        ("value_vnd", Integer),
    ]);
    for c in list {
        for (kind, totals) in &c.by_kind {
            t.rows.push(vec![
                Value::from(c.id.as_str()),
                Value::from(c.name.as_str()),
                Value::from(kind.as_str()),
                Value::from(totals.records),
                Value::from(totals.quantity),
                Value::from(totals.value_vnd),
            ]);
        }
    }
    t
}

fn add(
    totals: &mut BTreeMap<ContributionKind, Totals>,
    kind: ContributionKind,
    quantity: Option<u64>,
    value: Option<u64>,
) {
    let t = totals.entry(kind).or_default();
    t.records = t.records.saturating_add(1);
    t.quantity = t.quantity.saturating_add(quantity.unwrap_or(0));
    t.value_vnd = t.value_vnd.saturating_add(value.unwrap_or(0));
}

impl<'d> Index<'d> {
    /// The yearly report for `year`, with deadlines judged against `today`.
    ///
    /// Fails with an invalid-argument error for a year outside 1 to 9999 (there is no such
    /// calendar year to report on).
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let index = diaban::Index::new(&ds);
    /// let report = index.year_report(&diaban::Profile::bac_kan_1390(), 2023, Some(diaban::date!(2026, 1, 1))).unwrap();
    /// let si_binh = report.programme.by_commune.iter().find(|c| c.id == "01978").unwrap();
    /// assert_eq!(si_binh.by_kind[&diaban::ContributionKind::Bicycles].quantity, 56);
    /// ```
    pub fn year_report(
        &self,
        profile: &Profile,
        year: i32,
        today: Option<NaiveDate>,
    ) -> crate::Result<YearReport> {
        let the_year = Period::year(year).ok_or_else(|| {
            crate::Error::invalid_argument(
                "year",
                crate::error::Msg::new(
                    format!("{year} không phải là một năm từ 1 đến 9999"),
                    format!("{year} is not a calendar year between 1 and 9999"),
                ),
            )
        })?;
        let activities = ActivityIndex::new(self.dataset);
        let jurisdiction = crate::roles::Jurisdiction::new(self, profile);
        let mut rows: Vec<AssignmentYear> = Vec::new();
        let mut evals: BTreeMap<(&str, i32), Vec<&crate::model::Evaluation>> = BTreeMap::new();
        for e in &self.dataset.evaluations {
            evals
                .entry((e.assignment_id.as_str(), e.year))
                .or_default()
                .push(e);
        }
        // The same year parts and the same judgement as the rules (`duties::judge_year`).
        let until = the_year.to.unwrap_or(the_year.from);
        for scheme in profile.schemes.iter().filter(|s| !s.duties.is_empty()) {
            for a in self
                .dataset
                .assignments
                .iter()
                .filter(|a| a.scheme == scheme.id && !a.period().is_inverted())
            {
                let Some(part) = judged_years(self, &jurisdiction, scheme, a, until)
                    .into_iter()
                    .find(|(y, _)| *y == year)
                    .map(|(_, p)| p)
                else {
                    continue;
                };
                let found = evals
                    .get(&(a.id.as_str(), year))
                    .map_or(&[][..], Vec::as_slice);
                let j = judge_year(
                    scheme,
                    a,
                    year,
                    part,
                    &activities,
                    found,
                    today,
                    jurisdiction.life.to,
                );
                rows.push(self.assignment_year(scheme, a, &j, &activities));
            }
        }
        // The order a reader expects: by scheme, then district and commune in Vietnamese
        // alphabetical order (codes only break ties), then by date.
        rows.sort_by(|x, y| {
            x.scheme
                .cmp(&y.scheme)
                .then_with(|| cmp_vi_opt(x.district_name.as_deref(), y.district_name.as_deref()))
                .then_with(|| x.district_code.cmp(&y.district_code))
                .then_with(|| cmp_vi_opt(x.target_name.as_deref(), y.target_name.as_deref()))
                .then_with(|| x.target.cmp(&y.target))
                .then_with(|| x.period.from.cmp(&y.period.from))
                .then_with(|| x.assignment_id.cmp(&y.assignment_id))
        });
        let rollup = |key: &dyn Fn(&AssignmentYear) -> Option<(String, String)>| -> Vec<Rollup> {
            let mut map: BTreeMap<String, Rollup> = BTreeMap::new();
            for r in &rows {
                let Some((id, name)) = key(r) else { continue };
                let e = map.entry(id.clone()).or_insert_with(|| Rollup {
                    id,
                    name,
                    ..Rollup::default()
                });
                e.assignments += 1;
                e.with_shortfall += usize::from(r.shortfall);
                e.evaluations_missing +=
                    usize::from(r.evaluation.status == EvaluationState::Missing);
                if let Some(rating) = r.evaluation.rating {
                    *e.ratings.entry(rating).or_default() += 1;
                }
            }
            let mut list: Vec<Rollup> = map.into_values().collect();
            list.sort_by(|x, y| cmp_vi(&x.name, &y.name).then_with(|| x.id.cmp(&y.id)));
            list
        };
        let districts = rollup(&|r| {
            Some((
                r.district_code.clone()?,
                r.district_name.clone().unwrap_or_default(),
            ))
        });
        let agencies = rollup(&|r| {
            Some((
                r.agency_id.clone()?,
                r.agency_name.clone().unwrap_or_default(),
            ))
        });

        let mut proposals: Vec<ProposalRow> = self
            .dataset
            .activities
            .iter()
            .filter(|a| a.kind == ActivityKind::Proposal && the_year.contains(a.date))
            .map(|a| ProposalRow {
                id: a.id.as_str().to_owned(),
                date: a.date,
                subject_id: a.subject_id.as_str().to_owned(),
                subject_name: self.subject_name(&a.subject_id).map(str::to_owned),
                target: a.target.as_str().to_owned(),
                recipient: a.recipient.as_deref().map(str::to_owned),
                note: a.note.as_deref().map(str::to_owned),
            })
            .collect();
        proposals.sort_by(|x, y| (x.date, &x.id).cmp(&(y.date, &y.id)));

        let mut by_agency: BTreeMap<String, BTreeMap<ContributionKind, Totals>> = BTreeMap::new();
        let mut by_commune: BTreeMap<String, BTreeMap<ContributionKind, Totals>> = BTreeMap::new();
        let mut by_year: BTreeMap<i32, BTreeMap<ContributionKind, Totals>> = BTreeMap::new();
        for a in self
            .dataset
            .activities
            .iter()
            .filter(|a| a.kind == ActivityKind::Contribution)
        {
            let Some(kind) = a.contribution else { continue };
            add(
                by_year.entry(chrono::Datelike::year(&a.date)).or_default(),
                kind,
                a.quantity,
                a.value_vnd,
            );
            if the_year.contains(a.date) {
                add(
                    by_agency
                        .entry(a.subject_id.as_str().to_owned())
                        .or_default(),
                    kind,
                    a.quantity,
                    a.value_vnd,
                );
                add(
                    by_commune.entry(a.target.as_str().to_owned()).or_default(),
                    kind,
                    a.quantity,
                    a.value_vnd,
                );
            }
        }
        let name_of = |id: &str| {
            self.subject_name(id)
                .map(str::to_owned)
                .or_else(|| self.unit_near(id, None).map(|u| u.name.as_str().to_owned()))
                .unwrap_or_else(|| id.to_owned())
        };
        let by_name = |map: BTreeMap<String, BTreeMap<ContributionKind, Totals>>| {
            let mut list: Vec<ContributionTotals> = map
                .into_iter()
                .map(|(id, by_kind)| ContributionTotals {
                    name: name_of(&id),
                    id,
                    by_kind,
                })
                .collect();
            list.sort_by(|x, y| cmp_vi(&x.name, &y.name).then_with(|| x.id.cmp(&y.id)));
            list
        };
        let programme = Programme {
            by_agency: by_name(by_agency),
            by_commune: by_name(by_commune),
            by_year: by_year
                .into_iter()
                .map(|(y, by_kind)| ContributionTotals {
                    id: y.to_string(),
                    name: y.to_string(),
                    by_kind,
                })
                .collect(),
        };
        Ok(YearReport {
            year,
            today,
            regulation: profile.regulation.number.clone(),
            assignments: rows,
            districts,
            agencies,
            proposals,
            programme,
        })
    }

    fn assignment_year(
        &self,
        scheme: &Scheme,
        a: &Assignment,
        j: &crate::duties::YearJudgement,
        activities: &ActivityIndex<'_>,
    ) -> AssignmentYear {
        let part = j.part;
        let proposals = activities.count(&a.subject_id, &a.target, ActivityKind::Proposal, &part);
        let last_day = part.to.unwrap_or(part.from);
        let agency = self
            .posts(&a.subject_id)
            .iter()
            .filter(|p| p.validity().contains(last_day))
            .filter_map(|p| self.organization(&p.organization_id))
            .find(|o| {
                scheme.subject.value.organization_kinds.is_empty()
                    || scheme.subject.value.organization_kinds.contains(&o.kind)
            })
            .or_else(|| {
                self.posts(&a.subject_id)
                    .first()
                    .and_then(|p| self.organization(&p.organization_id))
            });
        let district = self
            .district_of(&a.target, Some(last_day))
            .filter(|d| d.code != a.target);
        let shortfall = j.shortfall();
        AssignmentYear {
            assignment_id: a.id.as_str().to_owned(),
            scheme: scheme.id.clone(),
            subject_id: a.subject_id.as_str().to_owned(),
            subject_name: self.subject_name(&a.subject_id).map(str::to_owned),
            agency_id: agency.map(|o| o.id.as_str().to_owned()),
            agency_name: agency.map(|o| o.name.as_str().to_owned()),
            target: a.target.as_str().to_owned(),
            target_name: self
                .unit_near(&a.target, Some(last_day))
                .map(|u| u.name.as_str().to_owned())
                .or_else(|| {
                    self.organization(&a.target)
                        .map(|o| o.name.as_str().to_owned())
                }),
            district_code: district.map(|d| d.code.as_str().to_owned()),
            district_name: district.map(|d| d.name.as_str().to_owned()),
            period: part,
            days: j.days,
            duties: j.duties.clone(),
            proposals,
            evaluation: j.evaluation.clone(),
            shortfall,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{date, Dataset, Index};

    fn report(year: i32) -> YearReport {
        let ds = Dataset::demo();
        Index::new(&ds)
            .year_report(&Profile::bac_kan_1390(), year, Some(date!(2026, 1, 1)))
            .unwrap()
    }

    #[test]
    fn every_table_has_one_cell_per_column_and_typed_cells() {
        let r = report(2024);
        for name in YearReport::TABLES {
            let t = r.table(name).unwrap();
            for row in &t.rows {
                assert_eq!(row.len(), t.columns.len(), "{name}");
                for (cell, column) in row.iter().zip(&t.columns) {
                    let fits = match column.kind {
                        CellKind::Text => cell.is_string(),
                        CellKind::Integer => cell.is_i64() || cell.is_u64(),
                        CellKind::Boolean => cell.is_boolean(),
                        CellKind::Date => cell
                            .as_str()
                            .is_some_and(|d| crate::parse_date(d).is_some()),
                    };
                    assert!(fits || cell.is_null(), "{name}.{}: {cell}", column.name);
                }
            }
        }
        assert!(!r.table("programme_by_year").unwrap().rows.is_empty());
    }

    #[test]
    fn the_assignments_table_reads_like_the_report() {
        let r = report(2024);
        let duties = r.duty_ids();
        assert!(!duties.is_empty());
        let t = r.table("assignments").unwrap();
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
        assert_eq!(&names[..3], ["year", "assignment_id", "scheme"]);
        let first = &r.assignments[0];
        let row = &t.rows[0];
        assert_eq!(row[at("assignment_id")], first.assignment_id.as_str());
        assert_eq!(row[at("from")], first.period.from.to_string().as_str());
        let d = &first.duties[0];
        assert_eq!(row[at(&format!("{}_done", d.duty))], d.done);
        assert_eq!(row[at(&format!("{}_met", d.duty))], d.met);
        assert_eq!(row[at("shortfall")], first.shortfall);
        // Duties the caller names come out even with no row having them.
        let t = report(1990).assignments_table(&["visits"]);
        assert!(t.rows.is_empty());
        assert!(t.columns.iter().any(|c| c.name == "visits_required"));
        let csv = t.to_csv().unwrap();
        assert!(csv.starts_with("year,assignment_id,scheme,"), "{csv}");
        assert_eq!(csv.lines().count(), 1);
    }

    #[test]
    fn rollups_have_a_column_per_rating_and_csv_quotes_what_it_must() {
        let r = report(2024);
        let t = r.table("districts").unwrap();
        let ratings: Vec<&str> = t.columns[5..].iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            ratings,
            [
                "rating_excellent",
                "rating_good",
                "rating_fulfilled",
                "rating_unfulfilled"
            ]
        );
        let mut t = Table::new(&[("a", CellKind::Text), ("b", CellKind::Integer)]);
        t.rows.push(vec![Value::from("x, \"y\""), Value::Null]);
        assert_eq!(t.to_csv().unwrap(), "a,b\n\"x, \"\"y\"\"\",\n");
    }
}
