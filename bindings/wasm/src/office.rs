//! Workbooks written in the browser (the office module, `xlsx-write` feature): tables a page
//! shows (the findings, the yearly report) as a workbook a person opens in Excel or
//! LibreOffice and prints.
//!
//! The page decides the sheets, headers and labels (the words it shows on screen, in the
//! language it shows); this module writes them with typed cells: dates as dates shown
//! `dd/mm/yyyy`, numbers as numbers, everything else as text (a unit code keeps its leading
//! zeros). Each sheet has an optional bold title line, a bold header row frozen under the
//! panes, an autofilter, columns as wide as their values (up to a cap), and a print setup for
//! A4 landscape, fitted to the page width, with the header row repeated on every page.

use crate::convert::from_js;
use crate::error::argument;
use chrono::NaiveDate;
use diaban::error::Msg;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// How a column's cells are written.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    /// Text, shown as typed.
    #[default]
    Text,
    /// An ISO day (`YYYY-MM-DD`), written as a date cell shown `dd/mm/yyyy`.
    Date,
    /// A number.
    Number,
}

/// One column of a sheet.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Column {
    header: String,
    #[serde(default, rename = "type")]
    kind: Kind,
}

/// One sheet: a title line (optional), the header row and the rows.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sheet {
    name: String,
    #[serde(default)]
    title: Option<String>,
    columns: Vec<Column>,
    #[serde(default)]
    rows: Vec<Vec<Value>>,
}

/// The workbook: its sheets, in order.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tables {
    sheets: Vec<Sheet>,
}

/// Rows a worksheet holds, the header included.
const MAX_ROWS: usize = 1_048_576;
/// Characters an Excel cell holds.
const MAX_CELL: usize = 32_767;
/// The widest column, in characters.
const MAX_WIDTH: usize = 60;
/// Excel's day 0 of the 1900 date system, as the serial numbers count from March 1900 on.
const EPOCH: Option<NaiveDate> = NaiveDate::from_ymd_opt(1899, 12, 30);

fn fail(e: XlsxError) -> JsValue {
    argument(
        "tables",
        Msg::new(
            format!("không ghi được sổ tính (chi tiết kỹ thuật: {e})"),
            format!("cannot write the workbook: {e}"),
        ),
    )
}

/// The serial number of a day in Excel's 1900 system (days from 1900-03-01 on: before that,
/// Excel counts a 29 February 1900 that never was).
fn serial(day: NaiveDate) -> Option<f64> {
    let first = NaiveDate::from_ymd_opt(1900, 3, 1)?;
    (day >= first).then_some(())?;
    Some((day - EPOCH?).num_days() as f64)
}

fn index16(i: usize) -> Result<u16, JsValue> {
    u16::try_from(i).map_err(|_| {
        argument(
            "tables",
            Msg::new(
                "nhiều cột hơn một trang tính chứa được",
                "more columns than a worksheet holds",
            ),
        )
    })
}

fn index32(i: usize) -> Result<u32, JsValue> {
    u32::try_from(i).map_err(|_| {
        argument(
            "tables",
            Msg::new(
                "nhiều hàng hơn một trang tính chứa được",
                "more rows than a worksheet holds",
            ),
        )
    })
}

/// The text of a cell, as a person reads it (`null` and `""` are an empty cell).
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn write_sheet(book: &mut Workbook, spec: &Sheet) -> Result<(), JsValue> {
    let bold = Format::new().set_bold();
    let title_format = Format::new().set_bold().set_font_size(13);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let text = Format::new().set_num_format("@").set_text_wrap();
    let sheet = book.add_worksheet();
    sheet.set_name(&spec.name).map_err(fail)?;
    let header_row: u32 = if spec.title.is_some() { 2 } else { 0 };
    if let Some(title) = &spec.title {
        sheet
            .write_string_with_format(0, 0, title, &title_format)
            .map_err(fail)?;
    }
    if spec.rows.len() + 1 + header_row as usize > MAX_ROWS {
        return Err(argument(
            "tables",
            Msg::new(
                format!(
                    "trang tính `{}` có {} hàng, nhiều hơn một trang tính chứa được",
                    spec.name,
                    spec.rows.len()
                ),
                format!(
                    "sheet `{}` has {} rows, more than a worksheet holds",
                    spec.name,
                    spec.rows.len()
                ),
            ),
        ));
    }
    let mut widths: Vec<usize> = spec
        .columns
        .iter()
        .map(|c| c.header.chars().count())
        .collect();
    for (c, column) in spec.columns.iter().enumerate() {
        sheet
            .write_string_with_format(header_row, index16(c)?, &column.header, &bold)
            .map_err(fail)?;
    }
    for (r, row) in spec.rows.iter().enumerate() {
        if row.len() > spec.columns.len() {
            return Err(argument(
                "tables",
                Msg::new(
                    format!(
                        "hàng {} của trang tính `{}` có {} ô cho {} cột",
                        r + 1,
                        spec.name,
                        row.len(),
                        spec.columns.len()
                    ),
                    format!(
                        "row {} of sheet `{}` has {} cells for {} columns",
                        r + 1,
                        spec.name,
                        row.len(),
                        spec.columns.len()
                    ),
                ),
            ));
        }
        let r32 = index32(r + 1)? + header_row;
        for (c, (value, column)) in row.iter().zip(&spec.columns).enumerate() {
            let c16 = index16(c)?;
            let Some(shown) = text_of(value) else {
                continue;
            };
            if shown.chars().count() > MAX_CELL {
                return Err(argument(
                    "tables",
                    Msg::new(
                        format!(
                            "một ô của cột `{}` trong trang tính `{}` dài hơn {MAX_CELL} ký tự, mức tối đa của một ô Excel",
                            column.header, spec.name
                        ),
                        format!(
                            "a cell of column `{}` in sheet `{}` is longer than the {MAX_CELL} characters an Excel cell holds",
                            column.header, spec.name
                        ),
                    ),
                ));
            }
            let width = match column.kind {
                Kind::Date => match NaiveDate::parse_from_str(&shown, "%Y-%m-%d")
                    .ok()
                    .and_then(serial)
                {
                    Some(n) => {
                        sheet
                            .write_number_with_format(r32, c16, n, &date)
                            .map_err(fail)?;
                        10
                    }
                    None => {
                        sheet
                            .write_string_with_format(r32, c16, &shown, &text)
                            .map_err(fail)?;
                        shown.chars().count()
                    }
                },
                Kind::Number => match value.as_f64() {
                    Some(n) => {
                        sheet.write_number(r32, c16, n).map_err(fail)?;
                        shown.chars().count()
                    }
                    None => {
                        sheet
                            .write_string_with_format(r32, c16, &shown, &text)
                            .map_err(fail)?;
                        shown.chars().count()
                    }
                },
                Kind::Text => {
                    sheet
                        .write_string_with_format(r32, c16, &shown, &text)
                        .map_err(fail)?;
                    shown.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(index16(c)?, ((*w).min(MAX_WIDTH) + 2) as f64)
            .map_err(fail)?;
    }
    sheet.set_freeze_panes(header_row + 1, 0).map_err(fail)?;
    if let Some(last) = spec.columns.len().checked_sub(1) {
        let last_row = index32(spec.rows.len())? + header_row;
        sheet
            .autofilter(header_row, 0, last_row, index16(last)?)
            .map_err(fail)?;
    }
    // Printed on A4 (paper 9) across, as wide as the page, the header on every page.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet
        .set_repeat_rows(header_row, header_row)
        .map_err(fail)?;
    Ok(())
}

/// Writes tables as an XLSX workbook: `{sheets: [{name, title?, columns: [{header, type?}],
/// rows: [[cell, ...], ...]}]}`, `type` being `text` (the default), `date` (ISO days) or
/// `number`. Returns the workbook's bytes.
#[wasm_bindgen(js_name = writeTables)]
pub fn write_tables(tables: JsValue) -> Result<Vec<u8>, JsValue> {
    let tables: Tables = from_js(tables, "tables")?;
    if tables.sheets.is_empty() {
        return Err(argument(
            "tables",
            Msg::new(
                "một sổ tính cần ít nhất một trang tính",
                "a workbook needs at least one sheet",
            ),
        ));
    }
    let mut book = Workbook::new();
    for sheet in &tables.sheets {
        write_sheet(&mut book, sheet)?;
    }
    book.save_to_buffer().map_err(fail)
}

/// Printable Word documents (`docx` feature): the yearly report and the coverage list of a
/// day, as `diaban report --out X.docx` and `diaban coverage --out X.docx` write them (in
/// Vietnamese, with the letterhead of the Organisation Board of the profile's issuer).
#[cfg(feature = "docx")]
mod documents {
    use crate::api::{CoverageArgs, RawDataset, ReportArgs};
    use crate::convert::from_js;
    use crate::error::to_js_error;
    use diaban::docx::{self, Letterhead};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(js_class = RawDataset)]
    impl RawDataset {
        /// The yearly report as the bytes of a Word document: `{year, today, profile}` as for
        /// `report` (`today` defaults to the system date).
        #[wasm_bindgen(js_name = reportDocx)]
        pub fn report_docx(&self, options: JsValue) -> Result<Vec<u8>, JsValue> {
            let args: ReportArgs = from_js(options, "options")?;
            let (year, today, profile) = args.resolve()?;
            self.inner.with_index(|index| {
                let report = index
                    .year_report(&profile, year, Some(today))
                    .map_err(|e| to_js_error(&e))?;
                let head = Letterhead::organisation_board(&profile);
                docx::year_report(index, &profile, &report, &head).map_err(|e| to_js_error(&e))
            })
        }

        /// The coverage list of a day as the bytes of a Word document: `{at, scheme, profile}`
        /// as for `coverage` (`at` is required).
        #[wasm_bindgen(js_name = coverageDocx)]
        pub fn coverage_docx(&self, options: JsValue) -> Result<Vec<u8>, JsValue> {
            let args: CoverageArgs = from_js(options, "options")?;
            let (at, profile) = args.resolve()?;
            self.inner.with_index(|index| {
                let coverage = index
                    .coverage(&profile, args.scheme.as_deref(), at)
                    .map_err(|e| to_js_error(&e))?;
                let head = Letterhead::organisation_board(&profile);
                docx::coverage(&profile, &coverage, &head).map_err(|e| to_js_error(&e))
            })
        }
    }
}
