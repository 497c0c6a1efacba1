//! The CSV folder: one file per table (`units.csv`, `assignments.csv`…), a header row, UTF-8
//! (a BOM is tolerated; UTF-16 with its BOM is read too). The separator is `,`, `;` or a
//! tab, found from the header line (or given). Every file is optional except `units.csv`.
//! Headers may be the canonical column names or their Vietnamese aliases, and words their
//! Vietnamese forms (see [`super::columns`] and [`crate::words`]). Unknown, duplicate or
//! missing columns, ragged rows, stray quotes, bad dates and bad words are load errors
//! naming the file, the line and the column.

use super::columns;
use super::rows::{self, HeaderCell, Source};
use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use crate::limits::Limits;
use crate::model::*;
use std::collections::BTreeMap;
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

/// The separators a CSV file may use.
pub const DELIMITERS: &[u8] = b",;\t";

/// Reads the rows of one `reorganizations.csv` text on its own (an event file); `file` names it in errors.
pub fn read_reorganizations(file: &str, text: &str) -> Result<Vec<ReorganizationEdge>> {
    let limits = Limits::default();
    limits.check_input(text.len() as u64, || Location::file(file))?;
    let mut ds = Dataset::default();
    read_table(
        &mut ds,
        &limits,
        file,
        text,
        &columns::REORGANIZATIONS,
        None,
    )?;
    Ok(ds.reorganizations)
}

/// Reads every known file of a CSV folder. Files with other names are an error (a typo
/// such as `asignments.csv` must not be silently ignored); `README*` files are allowed.
pub fn read_dir(dir: &Path) -> Result<Dataset> {
    read_dir_with_limits(dir, &Limits::default())
}

/// [`read_dir`] under the given caps: all the files together may not pass `limits.max_input_bytes`.
pub fn read_dir_with_limits(dir: &Path, limits: &Limits) -> Result<Dataset> {
    read_dir_with(dir, limits, None)
}

/// [`read_dir_with_limits`] with a separator for every file (`,` `;` or tab), instead of
/// finding each file's from its header line.
pub fn read_dir_with(dir: &Path, limits: &Limits, delimiter: Option<u8>) -> Result<Dataset> {
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
                Msg::new(
                    format!(
                        "thư mục CSV có tệp lạ `{name}` (các tệp được đọc: {})",
                        FILES.join(", ")
                    ),
                    format!(
                        "unknown file `{name}` in a CSV folder (known: {})",
                        FILES.join(", ")
                    ),
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
        delimiter,
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
    read_named(limits, None, files, str::to_owned)
}

/// [`read_texts_with_limits`] with a separator for every file (`,` `;` or tab; `None`: found
/// from each file's header line).
pub fn read_texts_with<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    limits: &Limits,
    delimiter: Option<u8>,
) -> Result<Dataset> {
    read_named(limits, delimiter, files, str::to_owned)
}

fn read_named<'a>(
    limits: &Limits,
    delimiter: Option<u8>,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    display: impl Fn(&str) -> String,
) -> Result<Dataset> {
    if let Some(d) = delimiter.filter(|d| !DELIMITERS.contains(d)) {
        return Err(Error::invalid_argument(
            "delimiter",
            Msg::new(
                format!(
                    "`{}` không phải là dấu phân cách CSV mà diaban đọc được (`,` `;` hoặc tab)",
                    char::from(d).escape_default()
                ),
                format!(
                    "`{}` is not a CSV separator diaban reads (`,` `;` or tab)",
                    char::from(d).escape_default()
                ),
            ),
        ));
    }
    let mut by_name: BTreeMap<usize, (&str, &str)> = BTreeMap::new();
    let mut total = 0u64;
    for (name, text) in files {
        total = total.saturating_add(text.len() as u64);
        limits.check_input(total, || Location::file(display(name)))?;
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let Some(known) = FILES.iter().position(|f| *f == base) else {
            return Err(Error::load(
                LoadErrorKind::UnknownField,
                Location::file(display(name)),
                Msg::new(
                    format!("tệp lạ `{base}` (các tệp được đọc: {})", FILES.join(", ")),
                    format!("unknown file `{base}` (known: {})", FILES.join(", ")),
                ),
            ));
        };
        if by_name.insert(known, (name, text)).is_some() {
            return Err(Error::load(
                LoadErrorKind::InvalidValue,
                Location::file(display(name)),
                Msg::new("tệp này được đưa vào hai lần", "this file is given twice"),
            ));
        }
    }
    if !by_name.contains_key(&0) {
        return Err(Error::load(
            LoadErrorKind::MissingField,
            Location::file(display("units.csv")),
            Msg::new(
                "cần có tệp `units.csv` (danh sách đơn vị hành chính)",
                "`units.csv` is required",
            ),
        ));
    }
    let mut ds = Dataset::default();
    for (i, (name, text)) in &by_name {
        let Some(table) = columns::TABLES.get(*i) else {
            continue;
        };
        read_table(&mut ds, limits, &display(name), text, table, delimiter)?;
    }
    Ok(ds)
}

/// The separator of a CSV text: the one of `,` `;` tab that occurs most often outside quotes
/// on the header line (`,` when none does).
#[must_use]
pub fn detect_delimiter(text: &str) -> u8 {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\r' | '\n' if !in_quotes => break,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = (b',', 0usize);
    for (d, n) in DELIMITERS.iter().zip(counts) {
        if n > best.1 {
            best = (*d, n);
        }
    }
    best.0
}

/// Checks the raw text for quotes that do not open or close a field (RFC 4180), which the
/// CSV reader would otherwise accept silently. Returns the 1-based line of the first one.
fn stray_quote_line(text: &str, delimiter: u8) -> Option<u64> {
    let delimiter = char::from(delimiter);
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
            c if c == delimiter => {
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

/// Reads one CSV text as `table` into the dataset.
fn read_table(
    ds: &mut Dataset,
    limits: &Limits,
    file: &str,
    text: &str,
    table: &'static columns::Table,
    delimiter: Option<u8>,
) -> Result<()> {
    let text = crate::words::nfc(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(text));
    if let Some(line) = stray_quote_line(text, delimiter) {
        return Err(Error::load(
            LoadErrorKind::CsvSyntax,
            Location { file: Some(file.to_owned()), line: Some(line), ..Location::default() },
            Msg::new(
                "dấu ngoặc kép thừa hoặc chưa đóng: một ô trong ngoặc kép phải mở và đóng bằng `\"` (viết `\"\"` cho dấu ngoặc kép bên trong)",
                "a stray or unclosed quote: a quoted field must start and end with `\"` (write `\"\"` for a quote inside it)",
            ),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = Lines::new(text);
    let cells: Vec<HeaderCell> = reader
        .headers()
        .map_err(|e| csv_error(file, &e, &mut lines))?
        .iter()
        .enumerate()
        .map(|(i, h)| (u32::try_from(i).unwrap_or(u32::MAX), h.to_owned()))
        .collect();
    let src = Source {
        file: file.to_owned(),
        sheet: None,
    };
    let mut records = reader.into_records().map(|r| match r {
        Ok(record) => {
            let line = record.position().map_or(0, |p| lines.line_of(p.byte()));
            Ok((line, record))
        }
        Err(e) => Err(csv_error(file, &e, &mut lines)),
    });
    rows::fill(ds, limits, &src, table, &cells, 1, &mut records)
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
        } => Msg::new(
            format!("hàng này có {len} ô nhưng dòng tiêu đề có {expected_len} cột"),
            format!("this row has {len} fields but the header has {expected_len}"),
        ),
        csv::ErrorKind::Utf8 { .. } => Msg::new(
            "văn bản không phải UTF-8 (hãy lưu lại tệp với bảng mã UTF-8)",
            "invalid UTF-8",
        ),
        _ => Msg::new(
            format!("CSV không hợp lệ (chi tiết kỹ thuật: {e})"),
            e.to_string(),
        ),
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

/// Writes the dataset as CSV texts, one per non-empty table (`units.csv` always), UTF-8
/// without a BOM, `,` separators, canonical headers and words (see [`write_texts_for_people`]).
pub fn write_texts(ds: &Dataset) -> Result<Vec<(&'static str, String)>> {
    write_texts_with(ds, b',', false)
}

/// [`write_texts`] for people who open the files in Excel: each text starts with a UTF-8
/// byte-order mark, without which Excel shows Vietnamese letters garbled. diaban reads such
/// files back unchanged.
pub fn write_texts_for_people(ds: &Dataset) -> Result<Vec<(&'static str, String)>> {
    write_texts_with(ds, b',', true)
}

/// Writes the dataset as CSV texts with the given separator, with or without a BOM.
pub fn write_texts_with(
    ds: &Dataset,
    delimiter: u8,
    bom: bool,
) -> Result<Vec<(&'static str, String)>> {
    rows::to_rows(ds)
        .into_iter()
        .map(|(table, rows)| {
            let name = FILES
                .iter()
                .copied()
                .find(|f| f.strip_suffix(".csv") == Some(table.name))
                .unwrap_or("units.csv");
            let mut writer = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(Vec::new());
            let fail = |e: csv::Error| {
                Error::invalid_argument(
                    "dataset",
                    Msg::new(
                        format!("không ghi được CSV (chi tiết kỹ thuật: {e})"),
                        format!("cannot write CSV: {e}"),
                    ),
                )
            };
            writer
                .write_record(table.columns.iter().map(|c| c.name))
                .map_err(fail)?;
            for row in &rows {
                writer.write_record(row).map_err(fail)?;
            }
            let bytes = writer.into_inner().map_err(|e| {
                Error::invalid_argument(
                    "dataset",
                    Msg::new(
                        format!("không ghi được CSV (chi tiết kỹ thuật: {e})"),
                        format!("cannot write CSV: {e}"),
                    ),
                )
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::invalid_argument(
                    "dataset",
                    Msg::new(
                        format!("không ghi được CSV (chi tiết kỹ thuật: {e})"),
                        e.to_string(),
                    ),
                )
            })?;
            Ok((name, if bom { format!("\u{feff}{text}") } else { text }))
        })
        .collect()
}

/// Writes the dataset as a CSV folder (creating it if needed), without BOMs.
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
