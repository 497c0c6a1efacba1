//! The CSV folder of DESIGN §6: one file per table, UTF-8 (a BOM is tolerated), a header
//! row, `,` separators. Every file is optional except `units.csv`. Unknown, duplicate or
//! missing columns, ragged rows, stray quotes, bad dates and bad words are load errors
//! naming the file, the line and the column.

use crate::error::{Error, LoadErrorKind, Location, Result};
use crate::limits::Limits;
use crate::model::*;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// The files of a CSV folder, in the order they are read and written.
pub const FILES: &[&str] = &[
    "units.csv",
    "organizations.csv",
    "people.csv",
    "terms.csv",
    "assignments.csv",
    "activities.csv",
    "evaluations.csv",
    "reorganizations.csv",
    "ntm_statuses.csv",
];

const UNITS: &[&str] = &[
    "code",
    "name",
    "type",
    "parent_code",
    "valid_from",
    "valid_to",
];
const UNITS_FLAT: &[&str] = &[
    "code",
    "name",
    "type",
    "district_code",
    "district_name",
    "district_type",
    "province_code",
    "province_name",
    "province_type",
    "valid_from",
    "valid_to",
];
const ORGANIZATIONS: &[&str] = &[
    "id",
    "name",
    "kind",
    "level",
    "unit_code",
    "parent_id",
    "valid_from",
    "valid_to",
];
const PEOPLE: &[&str] = &[
    "id",
    "name",
    "title",
    "organization_id",
    "rank",
    "valid_from",
    "valid_to",
];
const TERMS: &[&str] = &[
    "id",
    "organization_id",
    "label",
    "ordinal",
    "valid_from",
    "valid_to",
];
const ASSIGNMENTS: &[&str] = &[
    "id",
    "scheme",
    "subject_id",
    "target",
    "valid_from",
    "valid_to",
    "term_id",
    "decision_number",
    "decision_date",
    "end_reason",
    "replaces",
    "category",
    "acting",
];
const ACTIVITIES: &[&str] = &[
    "id",
    "date",
    "subject_id",
    "target",
    "kind",
    "duty",
    "note",
    "quantity",
    "value_vnd",
    "contribution",
    "recipient",
];
const EVALUATIONS: &[&str] = &[
    "id",
    "year",
    "assignment_id",
    "author_id",
    "submitted_on",
    "rating",
    "note",
];
const REORGANIZATIONS: &[&str] = &[
    "effective",
    "old_code",
    "new_code",
    "new_name",
    "new_type",
    "part",
    "basis",
];
const REORGANIZATIONS_REQUIRED: &[&str] = &[
    "effective",
    "old_code",
    "new_code",
    "new_name",
    "new_type",
    "part",
];
const NTM: &[&str] = &["unit_code", "year", "criteria_met", "status"];

/// Reads the rows of one `reorganizations.csv` text on its own (an event file); `file` names it in errors.
pub fn read_reorganizations(file: &str, text: &str) -> Result<Vec<ReorganizationEdge>> {
    let limits = Limits::default();
    limits.check_input(text.len() as u64, || Location::file(file))?;
    read_table(
        &limits,
        file,
        text,
        REORGANIZATIONS,
        REORGANIZATIONS_REQUIRED,
        reorganization,
    )
}

/// Reads every known file of a CSV folder. Files with other names are an error (a typo
/// such as `asignments.csv` must not be silently ignored); `README*` files are allowed.
pub fn read_dir(dir: &Path) -> Result<Dataset> {
    read_dir_with_limits(dir, &Limits::default())
}

/// [`read_dir`] under the given caps: all the files together may not pass `limits.max_input_bytes`.
pub fn read_dir_with_limits(dir: &Path, limits: &Limits) -> Result<Dataset> {
    let mut total = 0u64;
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut texts: Vec<(String, String)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if !path.is_file()
            || name.starts_with('.')
            || name.to_lowercase().starts_with("readme")
            || !name.ends_with(".csv")
        {
            continue;
        }
        if !FILES.contains(&name.as_str()) {
            return Err(Error::load(
                LoadErrorKind::UnknownField,
                Location::file(path.display().to_string()),
                format!(
                    "unknown file `{name}` in a CSV folder (known: {})",
                    FILES.join(", ")
                ),
            ));
        }
        texts.push((
            name,
            super::read_to_string_limited(&path, limits, &mut total)?,
        ));
    }
    let prefix = dir.display().to_string();
    read_named(
        limits,
        texts.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        |name| format!("{}/{name}", prefix.trim_end_matches('/')),
    )
}

/// Reads a dataset from `(file name, text)` pairs, as a browser gets them.
pub fn read_texts<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Dataset> {
    read_texts_with_limits(files, &Limits::default())
}

/// [`read_texts`] under the given caps: all the texts together may not pass `limits.max_input_bytes`.
pub fn read_texts_with_limits<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    limits: &Limits,
) -> Result<Dataset> {
    read_named(limits, files, str::to_owned)
}

fn read_named<'a>(
    limits: &Limits,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    display: impl Fn(&str) -> String,
) -> Result<Dataset> {
    let mut by_name: BTreeMap<&str, &str> = BTreeMap::new();
    let mut total = 0u64;
    for (name, text) in files {
        total = total.saturating_add(text.len() as u64);
        limits.check_input(total, || Location::file(display(name)))?;
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let Some(known) = FILES.iter().find(|f| **f == base) else {
            return Err(Error::load(
                LoadErrorKind::UnknownField,
                Location::file(display(name)),
                format!("unknown file `{base}` (known: {})", FILES.join(", ")),
            ));
        };
        if by_name.insert(known, text).is_some() {
            return Err(Error::load(
                LoadErrorKind::InvalidValue,
                Location::file(display(name)),
                "this file is given twice",
            ));
        }
    }
    let mut ds = Dataset::default();
    let Some(units) = by_name.get("units.csv") else {
        return Err(Error::load(
            LoadErrorKind::MissingField,
            Location::file(display("units.csv")),
            "`units.csv` is required",
        ));
    };
    read_units(limits, &display("units.csv"), units, &mut ds.units)?;
    for (name, text) in &by_name {
        let file = display(name);
        // Each file: the table it fills, its known and required columns, and its row reader.
        macro_rules! table {
            ($field:ident, $known:expr, $required:expr, $row:expr) => {
                ds.$field = read_table(limits, &file, text, $known, $required, $row)?
            };
        }
        match *name {
            "organizations.csv" => table!(
                organizations,
                ORGANIZATIONS,
                &["id", "name", "kind", "level"],
                organization
            ),
            "people.csv" => table!(
                people,
                PEOPLE,
                &["id", "name", "title", "organization_id", "rank"],
                post
            ),
            "terms.csv" => table!(
                terms,
                TERMS,
                &["id", "organization_id", "label", "valid_from"],
                term
            ),
            "assignments.csv" => {
                table!(
                    assignments,
                    ASSIGNMENTS,
                    &["id", "scheme", "subject_id", "target", "valid_from"],
                    assignment
                )
            }
            "activities.csv" => table!(
                activities,
                ACTIVITIES,
                &["id", "date", "subject_id", "target", "kind"],
                activity
            ),
            "evaluations.csv" => table!(
                evaluations,
                EVALUATIONS,
                &["id", "year", "assignment_id", "author_id"],
                evaluation
            ),
            "reorganizations.csv" => table!(
                reorganizations,
                REORGANIZATIONS,
                REORGANIZATIONS_REQUIRED,
                reorganization
            ),
            "ntm_statuses.csv" => table!(ntm_statuses, NTM, NTM, ntm),
            _ => {}
        }
    }
    Ok(ds)
}

/// Column name → index in a CSV file.
type Columns = HashMap<String, usize>;

/// One data row, with what is needed to name the place of an error.
struct Row<'r> {
    file: &'r str,
    line: u64,
    record: &'r csv::StringRecord,
    columns: &'r HashMap<String, usize>,
}

impl<'r> Row<'r> {
    fn at(&self, column: &str) -> Location {
        Location {
            file: Some(self.file.to_owned()),
            line: Some(self.line),
            field: Some(column.to_owned()),
            ..Location::default()
        }
    }

    fn opt(&self, column: &str) -> Option<&'r str> {
        let i = *self.columns.get(column)?;
        self.record.get(i).filter(|v| !v.trim().is_empty())
    }

    fn text(&self, column: &str) -> Option<String> {
        self.opt(column).map(str::to_owned)
    }

    fn req(&self, column: &str) -> Result<&'r str> {
        self.opt(column).ok_or_else(|| {
            Error::load(
                LoadErrorKind::MissingField,
                self.at(column),
                format!("`{column}` must not be empty"),
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
                format!("invalid date `{text}`: expected a real date as YYYY-MM-DD or DD/MM/YYYY"),
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

    fn word<T>(
        &self,
        column: &str,
        parse: impl Fn(&str) -> Option<T>,
        words: impl Fn() -> String,
    ) -> Result<T> {
        let text = self.req(column)?;
        self.parse_word(column, text, parse, words)
    }

    fn opt_word<T>(
        &self,
        column: &str,
        parse: impl Fn(&str) -> Option<T>,
        words: impl Fn() -> String,
    ) -> Result<Option<T>> {
        self.opt(column)
            .map(|text| self.parse_word(column, text, &parse, &words))
            .transpose()
    }

    fn parse_word<T>(
        &self,
        column: &str,
        text: &str,
        parse: impl Fn(&str) -> Option<T>,
        words: impl Fn() -> String,
    ) -> Result<T> {
        parse(text).ok_or_else(|| {
            Error::load(
                LoadErrorKind::InvalidValue,
                self.at(column),
                format!("unknown value `{text}` (expected one of: {})", words()),
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
                format!("`{text}` is not a whole number in the allowed range"),
            )
        })
    }
}

/// Checks the raw text for quotes that do not open or close a field (RFC 4180), which the
/// CSV reader would otherwise accept silently. Returns the 1-based line of the first one.
fn stray_quote_line(text: &str) -> Option<u64> {
    let mut line = 1u64;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut after_closing = false;
    let mut opened_on = 1u64;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => {
                    in_quotes = false;
                    after_closing = true;
                }
                '\r' if chars.peek() != Some(&'\n') => line += 1,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                opened_on = line;
                at_field_start = false;
            }
            '"' => return Some(line),
            ',' => {
                at_field_start = true;
                after_closing = false;
            }
            '\n' | '\r' => {
                if c == '\n' || chars.peek() != Some(&'\n') {
                    line += 1;
                }
                at_field_start = true;
                after_closing = false;
            }
            _ if after_closing => return Some(line),
            _ => at_field_start = false,
        }
    }
    in_quotes.then_some(opened_on)
}

fn open<'t>(
    file: &str,
    text: &'t str,
    known: &[&str],
    required: &[&str],
) -> Result<(csv::Reader<&'t [u8]>, Columns)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = stray_quote_line(text) {
        return Err(Error::load(
            LoadErrorKind::CsvSyntax,
            Location { file: Some(file.to_owned()), line: Some(line), ..Location::default() },
            "a stray or unclosed quote: a quoted field must start and end with `\"` (write `\"\"` for a quote inside it)",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(file, &e, &mut Lines::new(text)))?
        .clone();
    let mut columns = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let name = h.trim();
        let at = Location {
            file: Some(file.to_owned()),
            line: Some(1),
            field: Some(name.to_owned()),
            ..Location::default()
        };
        if !known.contains(&name) {
            return Err(Error::load(
                LoadErrorKind::UnknownField,
                at,
                format!(
                    "unknown column `{name}` (known columns: {})",
                    known.join(", ")
                ),
            ));
        }
        if columns.insert(name.to_owned(), i).is_some() {
            return Err(Error::load(
                LoadErrorKind::InvalidValue,
                at,
                format!("column `{name}` appears twice"),
            ));
        }
    }
    for r in required {
        if !columns.contains_key(*r) {
            return Err(Error::load(
                LoadErrorKind::MissingField,
                Location {
                    file: Some(file.to_owned()),
                    line: Some(1),
                    field: Some((*r).to_owned()),
                    ..Location::default()
                },
                format!("missing column `{r}`"),
            ));
        }
    }
    Ok((reader, columns))
}

/// The 1-based line of a byte offset, counting CRLF, LF and a lone CR each as one line end
/// (the CSV reader's own line count is off by one per CRLF). Offsets must be asked in
/// increasing order: the count goes on from the last one, so a whole file costs `O(n)`.
struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
    line: u64,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_of(&mut self, offset: u64) -> u64 {
        let to = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        if to < self.at {
            self.at = 0;
            self.line = 1;
        }
        for i in self.at..to {
            match self.bytes.get(i) {
                Some(b'\r') => self.line += 1,
                Some(b'\n') if i == 0 || self.bytes.get(i - 1) != Some(&b'\r') => self.line += 1,
                _ => {}
            }
        }
        self.at = to;
        self.line
    }
}

fn csv_error(file: &str, e: &csv::Error, lines: &mut Lines<'_>) -> Error {
    let line = e.position().map(|p| lines.line_of(p.byte()));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("this row has {len} fields but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_owned(),
        _ => e.to_string(),
    };
    Error::load(
        LoadErrorKind::CsvSyntax,
        Location {
            file: Some(file.to_owned()),
            line,
            ..Location::default()
        },
        message,
    )
}

fn read_table<T>(
    limits: &Limits,
    file: &str,
    text: &str,
    known: &[&str],
    required: &[&str],
    make: impl Fn(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let text = super::nfc(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (mut reader, columns) = open(file, text, known, required)?;
    let mut lines = Lines::new(text);
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| lines.line_of(p.byte()));
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                for (i, field) in record.iter().enumerate() {
                    limits.check_field(field.len(), || Location {
                        file: Some(file.to_owned()),
                        line: Some(line),
                        field: columns
                            .iter()
                            .find(|(_, c)| **c == i)
                            .map(|(name, _)| name.clone()),
                        ..Location::default()
                    })?;
                }
                limits.check_records(file, out.len().saturating_add(1), || Location {
                    file: Some(file.to_owned()),
                    line: Some(line),
                    ..Location::default()
                })?;
                out.push(make(&Row {
                    file,
                    line,
                    record: &record,
                    columns: &columns,
                })?);
            }
            Err(e) => return Err(csv_error(file, &e, &mut lines)),
        }
    }
    Ok(out)
}

fn read_units(limits: &Limits, file: &str, text: &str, units: &mut Vec<Unit>) -> Result<()> {
    let text = super::nfc(text);
    // The header ends at the first line end of any kind (CRLF, LF or a lone CR).
    let first_line = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .split(['\r', '\n'])
        .next()
        .unwrap_or_default();
    let flat = first_line
        .split(',')
        .any(|h| h.trim().trim_matches('"') == "district_code");
    if !flat {
        *units = read_table(
            limits,
            file,
            &text,
            UNITS,
            &["code", "name", "type"],
            |row| {
                Ok(Unit {
                    code: row.string("code")?,
                    name: row.string("name")?,
                    unit_type: row.word("type", UnitType::parse, UnitType::words)?,
                    parent_code: row.text("parent_code"),
                    valid_from: row.opt_date("valid_from")?,
                    valid_to: row.opt_date("valid_to")?,
                })
            },
        )?;
        return Ok(());
    }
    // The flat GSO layout: each commune row also names its district (and province).
    let mut seen: HashSet<String> = HashSet::new();
    let rows = read_table(
        limits,
        file,
        &text,
        UNITS_FLAT,
        &["code", "name", "type", "district_code", "district_name"],
        |row| {
            let valid_from = row.opt_date("valid_from")?;
            let valid_to = row.opt_date("valid_to")?;
            let province = match row.opt("province_code") {
                Some(code) => Some(Unit {
                    code: code.to_owned(),
                    name: row.string("province_name")?,
                    unit_type: row.word("province_type", UnitType::parse, UnitType::words)?,
                    parent_code: None,
                    valid_from,
                    valid_to,
                }),
                None => None,
            };
            let district_name = row.string("district_name")?;
            let district_type = match row.opt("district_type") {
            Some(t) => row.parse_word("district_type", t, UnitType::parse, UnitType::words)?,
            None => district_type_from_name(&district_name).ok_or_else(|| {
                Error::load(
                    LoadErrorKind::MissingField,
                    row.at("district_type"),
                    format!("cannot tell the type of district `{district_name}` from its name; add a `district_type` column"),
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
                unit_type: row.word("type", UnitType::parse, UnitType::words)?,
                parent_code: Some(district.code.clone()),
                valid_from,
                valid_to,
            };
            Ok((province, district, commune))
        },
    )?;
    let mut communes = Vec::with_capacity(rows.len());
    for (province, district, commune) in rows {
        for unit in [province, Some(district)].into_iter().flatten() {
            if seen.insert(unit.code.clone()) {
                units.push(unit);
            }
        }
        communes.push(commune);
    }
    units.extend(communes);
    Ok(())
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
        kind: row.word("kind", OrgKind::from_word, OrgKind::words)?,
        level: row.word("level", Level::from_word, Level::words)?,
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
        rank: row.word("rank", Rank::from_word, Rank::words)?,
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
        end_reason: row.opt_word("end_reason", EndReason::from_word, EndReason::words)?,
        replaces: row.text("replaces"),
        category: row.text("category"),
        acting: row
            .opt_word("acting", acting_word, || "true, false".to_owned())?
            .unwrap_or(false),
    })
}

/// The `acting` column: `true`/`false` (empty = false).
fn acting_word(text: &str) -> Option<bool> {
    match text.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

fn activity(row: &Row<'_>) -> Result<Activity> {
    Ok(Activity {
        id: row.string("id")?,
        date: row.date("date")?,
        subject_id: row.string("subject_id")?,
        target: row.string("target")?,
        kind: row.word("kind", ActivityKind::from_word, ActivityKind::words)?,
        duty: row.text("duty"),
        note: row.text("note"),
        quantity: row.opt_number("quantity")?,
        value_vnd: row.opt_number("value_vnd")?,
        contribution: row.opt_word(
            "contribution",
            ContributionKind::from_word,
            ContributionKind::words,
        )?,
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
        rating: row.opt_word("rating", Rating::from_word, Rating::words)?,
        note: row.text("note"),
    })
}

fn reorganization(row: &Row<'_>) -> Result<ReorganizationEdge> {
    Ok(ReorganizationEdge {
        effective: row.date("effective")?,
        old_code: row.string("old_code")?,
        new_code: row.text("new_code"),
        new_name: row.text("new_name"),
        new_type: row.opt_word("new_type", UnitType::parse, UnitType::words)?,
        part: row.word("part", Part::from_word, Part::words)?,
        basis: row.text("basis"),
    })
}

fn ntm(row: &Row<'_>) -> Result<NtmRecord> {
    Ok(NtmRecord {
        unit_code: row.string("unit_code")?,
        year: row.number("year")?,
        criteria_met: row.number("criteria_met")?,
        status: row.word("status", NtmStatus::from_word, NtmStatus::words)?,
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

fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<String> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let fail = |e: csv::Error| Error::invalid_argument("dataset", format!("cannot write CSV: {e}"));
    writer.write_record(header).map_err(fail)?;
    for row in rows {
        writer.write_record(&row).map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::invalid_argument("dataset", format!("cannot write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::invalid_argument("dataset", e.to_string()))
}

/// Writes the dataset as CSV texts, one per non-empty table (`units.csv` always).
pub fn write_texts(ds: &Dataset) -> Result<Vec<(&'static str, String)>> {
    let mut out = vec![(
        "units.csv",
        table(
            UNITS,
            ds.units.iter().map(|u| {
                vec![
                    u.code.clone(),
                    u.name.clone(),
                    u.unit_type.to_string(),
                    o(&u.parent_code),
                    d(u.valid_from),
                    d(u.valid_to),
                ]
            }),
        )?,
    )];
    let mut add = |name: &'static str, empty: bool, text: Result<String>| -> Result<()> {
        if !empty {
            out.push((name, text?));
        }
        Ok(())
    };
    add(
        "organizations.csv",
        ds.organizations.is_empty(),
        table(
            ORGANIZATIONS,
            ds.organizations.iter().map(|x| {
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
            }),
        ),
    )?;
    add(
        "people.csv",
        ds.people.is_empty(),
        table(
            PEOPLE,
            ds.people.iter().map(|x| {
                vec![
                    x.id.clone(),
                    x.name.clone(),
                    x.title.clone(),
                    x.organization_id.clone(),
                    x.rank.to_string(),
                    d(x.valid_from),
                    d(x.valid_to),
                ]
            }),
        ),
    )?;
    add(
        "terms.csv",
        ds.terms.is_empty(),
        table(
            TERMS,
            ds.terms.iter().map(|x| {
                vec![
                    x.id.clone(),
                    x.organization_id.clone(),
                    x.label.clone(),
                    o(&x.ordinal),
                    x.valid_from.to_string(),
                    d(x.valid_to),
                ]
            }),
        ),
    )?;
    add(
        "assignments.csv",
        ds.assignments.is_empty(),
        table(
            ASSIGNMENTS,
            ds.assignments.iter().map(|x| {
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
            }),
        ),
    )?;
    add(
        "activities.csv",
        ds.activities.is_empty(),
        table(
            ACTIVITIES,
            ds.activities.iter().map(|x| {
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
            }),
        ),
    )?;
    add(
        "evaluations.csv",
        ds.evaluations.is_empty(),
        table(
            EVALUATIONS,
            ds.evaluations.iter().map(|x| {
                vec![
                    x.id.clone(),
                    x.year.to_string(),
                    x.assignment_id.clone(),
                    x.author_id.clone(),
                    d(x.submitted_on),
                    w(x.rating),
                    o(&x.note),
                ]
            }),
        ),
    )?;
    add(
        "reorganizations.csv",
        ds.reorganizations.is_empty(),
        table(
            REORGANIZATIONS,
            ds.reorganizations.iter().map(|x| {
                vec![
                    x.effective.to_string(),
                    x.old_code.clone(),
                    o(&x.new_code),
                    o(&x.new_name),
                    w(x.new_type),
                    x.part.to_string(),
                    o(&x.basis),
                ]
            }),
        ),
    )?;
    add(
        "ntm_statuses.csv",
        ds.ntm_statuses.is_empty(),
        table(
            NTM,
            ds.ntm_statuses.iter().map(|x| {
                vec![
                    x.unit_code.clone(),
                    x.year.to_string(),
                    x.criteria_met.to_string(),
                    x.status.to_string(),
                ]
            }),
        ),
    )?;
    Ok(out)
}

/// Writes the dataset as a CSV folder (creating it if needed).
pub fn write_dir(ds: &Dataset, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    for (name, text) in write_texts(ds)? {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(files: &[(&str, &str)]) -> Result<Dataset> {
        read_texts(files.iter().copied())
    }

    const UNITS_OK: &str = "code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n";

    #[test]
    fn flat_layout_creates_districts_and_province() {
        let ds = load(&[(
            "units.csv",
            "\u{feff}code,name,type,district_code,district_name,district_type,province_code,province_name,province_type\r\n\
             01954,Thị trấn Vân Tùng,Thị trấn,062,Huyện Ngân Sơn,Huyện,06,Tỉnh Bắc Kạn,Tỉnh\r\n\
             01957,Xã Cốc Đán,Xã,062,Huyện Ngân Sơn,Huyện,06,Tỉnh Bắc Kạn,Tỉnh\r\n",
        )])
        .unwrap();
        let codes: Vec<&str> = ds.units.iter().map(|u| u.code.as_str()).collect();
        assert_eq!(codes, ["06", "062", "01954", "01957"]);
        assert_eq!(ds.units[2].parent_code.as_deref(), Some("062"));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let bad_date = load(&[
            ("units.csv", UNITS_OK),
            ("assignments.csv", "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,2024-09-01\na2,commune-monitoring,p2,01954,31/02/2024\n"),
        ])
        .unwrap_err();
        assert_eq!(bad_date.code(), "invalid_date");
        assert_eq!(bad_date.to_string(), "assignments.csv, line 3, field `valid_from`: invalid date `31/02/2024`: expected a real date as YYYY-MM-DD or DD/MM/YYYY");

        let unknown = load(&[("units.csv", "code,name,type,colour\n06,x,Tỉnh,red\n")]).unwrap_err();
        assert_eq!(
            (unknown.code(), unknown.location().unwrap().field.as_deref()),
            ("unknown_field", Some("colour"))
        );

        let missing = load(&[("units.csv", "code,name\n06,x\n")]).unwrap_err();
        assert_eq!(
            (missing.code(), missing.location().unwrap().field.as_deref()),
            ("missing_field", Some("type"))
        );

        let quote = load(&[("units.csv", "code,name,type\n06,Tỉnh \"Bắc Kạn,Tỉnh\n")]).unwrap_err();
        assert_eq!(
            (quote.code(), quote.location().unwrap().line),
            ("csv_syntax", Some(2))
        );

        let ragged = load(&[("units.csv", "code,name,type\n06,x,Tỉnh\n07,y\n")]).unwrap_err();
        assert_eq!(
            (ragged.code(), ragged.location().unwrap().line),
            ("csv_syntax", Some(3))
        );

        let word = load(&[("units.csv", "code,name,type\n06,x,Bang\n")]).unwrap_err();
        assert_eq!(word.code(), "invalid_value");

        let none = load(&[]).unwrap_err();
        assert_eq!(none.code(), "missing_field");
    }

    #[test]
    fn quoted_fields_with_quotes_and_commas_are_fine() {
        let ds = load(&[(
            "units.csv",
            "code,name,type\n06,\"Tỉnh \"\"Bắc\"\", Kạn\",Tỉnh\n",
        )])
        .unwrap();
        assert_eq!(ds.units[0].name, "Tỉnh \"Bắc\", Kạn");
    }

    #[test]
    fn round_trip_through_csv_texts() {
        let ds = crate::Dataset::demo();
        let texts = write_texts(&ds).unwrap();
        let back = read_texts(texts.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
        assert_eq!(back, ds);
    }
}
