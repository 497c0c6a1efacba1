//! The one path from rows of text to records, shared by the CSV and XLSX readers (a CSV file
//! and a workbook sheet both become a header and rows of strings), and the one path from
//! records to rows of text for the writers, so the formats cannot drift.
//!
//! Both go through the model's own serde: a row is read by the record's `Deserialize` from a
//! [`RowDe`] (a map of the header's columns to their cells, each cell read by its column's
//! type), and written by its `Serialize` into a [`RecordSer`](super::row_ser::RecordSer) (each
//! field's cell under its column). A table is thus spelled once, in `model.rs`, plus its
//! column metadata in [`columns`]. Only the flat GSO layout of `units` (three units from one
//! row) has a hand-written reader, `flat_unit`.

use super::columns::{self, Table};
use super::row_de::RowDe;
use super::row_ser::{DatasetSer, Tables};
use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use crate::limits::Limits;
use crate::model::*;
use crate::words::{describe, parse_word, Aliased};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashSet;

use super::cells::{header, is_flat_units, Fields, Header, HeaderCell, Source};

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
            .index(column)
            .and_then(|i| self.header.position(i));
        self.src.at(self.line, position, Some(column))
    }

    fn opt(&self, column: &str) -> Option<&'r str> {
        let i = self.header.index(column)?;
        self.fields.field(i).filter(|v| !v.trim().is_empty())
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

    fn opt_date(&self, column: &str) -> Result<Option<NaiveDate>> {
        self.opt(column)
            .map(|t| self.date_in(column, t))
            .transpose()
    }

    fn word<T: Aliased>(&self, column: &str) -> Result<T> {
        let text = self.req(column)?;
        self.parse_word(column, text)
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
}

/// The rows of one table: `(line or sheet row, fields)`, in order.
pub(crate) type Rows<'a, F> = &'a mut dyn Iterator<Item = Result<(u64, F)>>;

/// Reads the rows of a table with `make`: blank rows are skipped, fields and record counts
/// are checked against the limits, and a value under an empty header cell is an error.
fn read_rows_with<T, F: Fields>(
    limits: &Limits,
    src: &Source,
    table: &'static Table,
    header: &Header,
    rows: Rows<'_, F>,
    make: impl Fn(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    // A reader that knows how many records it can hold at most (a part of a large table) has
    // the list sized once instead of grown by doubling, copying what it holds each time.
    // At most 64 MiB reserved so (a text of empty lines promises many records), and never an
    // abort if even that cannot be had: the list then grows as it would have.
    const MOST: usize = 64 << 20;
    let upper = rows.size_hint().1.unwrap_or(0);
    let mut out = Vec::new();
    let _ = out.try_reserve_exact(
        upper
            .min(limits.max_records_per_table)
            .min(MOST / std::mem::size_of::<T>().max(1)),
    );
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

/// Reads the rows of a table as records of the model through their `Deserialize`
/// ([`RowDe`]: each row is a map from the columns present to their cells).
fn read_records<T: DeserializeOwned, F: Fields>(
    limits: &Limits,
    src: &Source,
    table: &'static Table,
    cells: &[HeaderCell],
    line: u64,
    rows: Rows<'_, F>,
) -> Result<Vec<T>> {
    let header = header(src, table, cells, line)?;
    read_rows_with(limits, src, table, &header, rows, |row| {
        T::deserialize(RowDe {
            src: row.src,
            line: row.line,
            fields: row.fields,
            header: row.header,
        })
        .map_err(|e| e.into_error(|field| src.at(row.line, None, field)))
    })
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
    macro_rules! read {
        () => {
            read_records(limits, src, table, cells, line, rows)?
        };
    }
    match table.name {
        "units" if is_flat_units(cells) => {
            let header = header(src, &columns::UNITS_FLAT, cells, line)?;
            let rows = read_rows_with(limits, src, &columns::UNITS_FLAT, &header, rows, flat_unit)?;
            let mut seen: HashSet<crate::model::SmolStr> = HashSet::new();
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
        "units" => ds.units = read!(),
        "organizations" => ds.organizations = read!(),
        "people" => ds.people = read!(),
        "terms" => ds.terms = read!(),
        "assignments" => ds.assignments = read!(),
        "activities" => ds.activities = read!(),
        "evaluations" => ds.evaluations = read!(),
        "reorganizations" => ds.reorganizations = read!(),
        "ntm_statuses" => ds.ntm_statuses = read!(),
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

fn flat_unit(row: &Row<'_>) -> Result<(Option<Unit>, Unit, Unit)> {
    let valid_from = row.opt_date("valid_from")?;
    let valid_to = row.opt_date("valid_to")?;
    let province = match row.opt("province_code") {
        Some(code) => Some(Unit {
            code: code.into(),
            name: row.string("province_name")?.into(),
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
        code: row.string("district_code")?.into(),
        name: district_name.into(),
        unit_type: district_type,
        parent_code: province.as_ref().map(|p| p.code.clone()),
        valid_from,
        valid_to,
    };
    let commune = Unit {
        code: row.string("code")?.into(),
        name: row.string("name")?.into(),
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

/// The dataset as rows of text, one list per non-empty table (`units` always), in the
/// column order of [`columns::TABLES`]: what the CSV and XLSX writers write. The model's
/// `Serialize` names each field and the cell goes under its column; the error of a record the
/// rows cannot hold (a model field without a column, which the tests rule out).
pub(crate) fn try_to_rows(ds: &Dataset) -> Result<Tables> {
    ds.serialize(DatasetSer).map_err(|e| {
        Error::invalid_argument(
            "dataset",
            Msg::new(
                format!("không viết được bộ dữ liệu thành bảng (chi tiết kỹ thuật: {e})"),
                format!("cannot write the dataset as tables: {e}"),
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::columns::{Column, ColumnType};

    /// A value a person could write in a column (the first word of a vocabulary).
    fn sample(column: &Column) -> String {
        match column.ty {
            ColumnType::Text | ColumnType::Id | ColumnType::Code => format!("{}-1", column.name),
            ColumnType::Date => "2024-09-01".to_owned(),
            ColumnType::Integer => "7".to_owned(),
            ColumnType::Flag => "true".to_owned(),
            ColumnType::Word(name) => crate::vocabulary::vocabularies()
                .into_iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, entries)| entries.first().map(|(w, _)| (*w).to_owned()))
                .unwrap_or_else(|| panic!("no vocabulary `{name}`")),
        }
    }

    /// Reads one table from a header and rows into a fresh dataset.
    fn read(table: &'static Table, header: &[&str], rows: Vec<Vec<String>>) -> Result<Dataset> {
        let src = Source {
            file: table.file(),
            sheet: None,
        };
        let cells: Vec<HeaderCell> = (0u32..)
            .zip(header.iter().map(|h| (*h).to_owned()))
            .collect();
        let mut rows = (2u64..).zip(rows).map(Ok);
        let mut ds = Dataset::default();
        fill(
            &mut ds,
            &Limits::default(),
            &src,
            table,
            &cells,
            1,
            &mut rows,
        )?;
        Ok(ds)
    }

    /// The model and the column lists cannot drift apart: a row with every column of a table
    /// filled is read (so every column is a field of the model: the model refuses unknown
    /// fields) and written back cell for cell (so every field has its column, and is written
    /// under it); a row with only the required columns is read too (so a field the model
    /// requires has a required column).
    #[test]
    fn every_field_has_its_column_and_every_column_its_field() {
        let mut written = Vec::new();
        for table in columns::TABLES {
            let names: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
            let row: Vec<String> = table.columns.iter().map(sample).collect();
            let ds = read(table, &names, vec![row.clone()])
                .unwrap_or_else(|e| panic!("{}: {e}", table.name));
            let tables = try_to_rows(&ds).unwrap_or_else(|e| panic!("{}: {e}", table.name));
            let (_, rows) = tables
                .into_iter()
                .find(|(t, _)| t.name == table.name)
                .unwrap_or_else(|| panic!("{} not written", table.name));
            assert_eq!(rows, vec![row], "{}", table.name);

            let required: Vec<&Column> = table.columns.iter().filter(|c| c.required).collect();
            let names: Vec<&str> = required.iter().map(|c| c.name).collect();
            let row: Vec<String> = required.iter().map(|c| sample(c)).collect();
            read(table, &names, vec![row]).unwrap_or_else(|e| panic!("{}: {e}", table.name));
            written.push(table.name);
        }
        assert_eq!(written.len(), columns::TABLES.len());
    }

    /// The writers write the tables in the order of [`columns::TABLES`] (the dataset's lists
    /// in the same order), skipping empty ones but `units`.
    #[test]
    fn tables_are_written_in_the_order_of_the_table_list() {
        let order = |ds: &Dataset| -> Vec<&'static str> {
            try_to_rows(ds)
                .unwrap()
                .iter()
                .map(|(t, _)| t.name)
                .collect()
        };
        assert_eq!(order(&Dataset::default()), ["units"]);
        let demo = Dataset::demo();
        let names = order(&demo);
        let expected: Vec<&str> = columns::TABLES
            .iter()
            .map(|t| t.name)
            .filter(|n| names.contains(n))
            .collect();
        assert_eq!(names, expected);
        assert!(names.len() >= 7, "{names:?}");
    }

    #[test]
    fn written_rows_follow_the_column_lists() {
        for (table, rows) in try_to_rows(&crate::Dataset::demo()).unwrap() {
            for row in rows {
                assert_eq!(row.len(), table.columns.len(), "{}", table.name);
            }
        }
    }
}
