//! The CSV folder: one file per table (`units.csv`, `assignments.csv`…), a header row, UTF-8
//! (a BOM is tolerated; UTF-16 with its BOM is read too). The separator is `,`, `;` or a
//! tab, found from the header line (or given). Every file is optional except `units.csv`.
//! Headers may be the canonical column names or their Vietnamese aliases, and words their
//! Vietnamese forms (see [`super::columns`] and [`crate::words`]). Unknown, duplicate or
//! missing columns, ragged rows, stray quotes, bad dates and bad words are load errors
//! naming the file, the line and the column.

use super::cells::{HeaderCell, Source};
use super::columns;
use super::rows;
use super::tokens::{self, Tokens};
use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use crate::limits::Limits;
use crate::model::*;
use std::borrow::Cow;
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
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut files: Vec<(String, u64, std::path::PathBuf)> = Vec::new();
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
        let size = entry.metadata().map_or(0, |m| m.len());
        files.push((name, size, path));
    }
    let prefix = dir.display().to_string();
    // Each file is read, parsed and dropped in turn, so that only one text is held at a time.
    read_named(
        limits,
        delimiter,
        files.iter().map(|(name, size, path)| {
            let load = move |total: &mut u64| {
                super::read_to_string_limited(path, limits, total).map(Cow::Owned)
            };
            (name.as_str(), *size, load)
        }),
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
    read_named(limits, None, borrowed(files), str::to_owned)
}

/// [`read_texts_with_limits`] with a separator for every file (`,` `;` or tab; `None`: found
/// from each file's header line).
pub fn read_texts_with<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    limits: &Limits,
    delimiter: Option<u8>,
) -> Result<Dataset> {
    read_named(limits, delimiter, borrowed(files), str::to_owned)
}

/// Texts already in memory, as [`read_named`] takes them.
fn borrowed<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> impl Iterator<Item = (&'a str, u64, impl FnOnce(&mut u64) -> Result<Cow<'a, str>>)> {
    files.into_iter().map(|(name, text)| {
        (name, text.len() as u64, move |total: &mut u64| {
            *total = total.saturating_add(text.len() as u64);
            Ok(Cow::Borrowed(text))
        })
    })
}

/// Reads the named files (name, size, how to get the text) in the order of [`FILES`]: the
/// names and the sizes are checked before any text is read, then each text is read, parsed
/// and dropped in turn.
fn read_named<'a, 'n, L: FnOnce(&mut u64) -> Result<Cow<'a, str>>>(
    limits: &Limits,
    delimiter: Option<u8>,
    files: impl IntoIterator<Item = (&'n str, u64, L)>,
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
    let mut by_name: BTreeMap<usize, (&str, L)> = BTreeMap::new();
    let mut total = 0u64;
    for (name, size, text) in files {
        total = total.saturating_add(size);
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
    let mut read = 0u64;
    for (i, (name, text)) in by_name {
        let Some(table) = columns::TABLES.get(i) else {
            continue;
        };
        let text = text(&mut read)?;
        read_table(&mut ds, limits, &display(name), &text, table, delimiter)?;
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

/// A text at least this long is read by several threads, in chunks of whole records.
const PARALLEL_FROM: usize = 4 << 20;

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
    let mut tokens = Tokens::new(text, 1, delimiter, file);
    let Some(first) = tokens.next() else {
        // An empty file: its table has no header, so no columns; `rows::fill` says what is missing.
        let src = Source {
            file: file.to_owned(),
            sheet: None,
        };
        return rows::fill(
            ds,
            limits,
            &src,
            table,
            &[],
            1,
            &mut std::iter::empty::<Result<(u64, tokens::Record<'_>)>>(),
        );
    };
    let (header_line, header) = first?;
    let cells: Vec<HeaderCell> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (u32::try_from(i).unwrap_or(u32::MAX), h.to_string()))
        .collect();
    let src = Source {
        file: file.to_owned(),
        sheet: None,
    };
    let body = tokens.position();
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if text.len() < PARALLEL_FROM || threads < 2 {
        tokens.expect_width(cells.len());
        return rows::fill(ds, limits, &src, table, &cells, header_line, &mut tokens);
    }
    // Several threads, each reading whole records of its chunk into a dataset of its own;
    // the parts are then appended in order. On any error the text is read again from the
    // start by one thread, so the error reported is the first one, as a single reader sees it.
    let parts = tokens::chunks(text, body, tokens.line(), threads * 8);
    let read = |(from, to, line): (usize, usize, u64)| -> Result<Dataset> {
        let mut part = Dataset::default();
        let mut t = Tokens::new(
            text.get(from..to).unwrap_or_default(),
            line,
            delimiter,
            file,
        );
        t.expect_width(cells.len());
        rows::fill(&mut part, limits, &src, table, &cells, header_line, &mut t)?;
        Ok(part)
    };
    // Workers take the chunks in turn and send each part back; this thread appends them in
    // order as they come, dropping each, so that little more than the table is held at once.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::channel::<(usize, Result<Dataset>)>();
    let mut merged = Dataset::default();
    let mut records = 0usize;
    let mut failed = false;
    let work = |send: std::sync::mpsc::Sender<(usize, Result<Dataset>)>| loop {
        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Some(part) = parts.get(i) else { break };
        let out = read(*part);
        let stop = out.is_err();
        if send.send((i, out)).is_err() || stop {
            next.store(parts.len(), std::sync::atomic::Ordering::Relaxed);
            break;
        }
    };
    let work = &work;
    std::thread::scope(|scope| {
        let spawned = (0..threads)
            .filter(|_| {
                let send = send.clone();
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || work(send))
                    .is_ok()
            })
            .count();
        if spawned == 0 {
            // No threads here (a browser): read every chunk on this one.
            work(send.clone());
        }
        drop(send);
        let mut waiting: BTreeMap<usize, Dataset> = BTreeMap::new();
        let mut due = 0usize;
        for (i, part) in receive {
            match part {
                Ok(part) => {
                    waiting.insert(i, part);
                    while let Some(part) = waiting.remove(&due) {
                        records += append(&mut merged, part);
                        due += 1;
                    }
                }
                Err(_) => {
                    failed = true;
                    next.store(parts.len(), std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
    });
    if failed {
        let mut tokens = Tokens::new(text, 1, delimiter, file);
        tokens.next();
        tokens.expect_width(cells.len());
        return rows::fill(ds, limits, &src, table, &cells, header_line, &mut tokens);
    }
    limits.check_records(table.name, records, || Location::file(file))?;
    append(ds, merged);
    Ok(())
}

/// Appends every record of `part` to `ds`, table by table; returns how many there were.
fn append(ds: &mut Dataset, part: Dataset) -> usize {
    fn add<T>(to: &mut Vec<T>, from: Vec<T>) -> usize {
        let n = from.len();
        if to.is_empty() {
            *to = from;
        } else {
            to.extend(from);
        }
        n
    }
    // Named field by field, so that a new table cannot be forgotten here.
    let Dataset {
        units,
        organizations,
        people,
        terms,
        assignments,
        activities,
        evaluations,
        reorganizations,
        ntm_statuses,
    } = part;
    add(&mut ds.units, units)
        + add(&mut ds.organizations, organizations)
        + add(&mut ds.people, people)
        + add(&mut ds.terms, terms)
        + add(&mut ds.assignments, assignments)
        + add(&mut ds.activities, activities)
        + add(&mut ds.evaluations, evaluations)
        + add(&mut ds.reorganizations, reorganizations)
        + add(&mut ds.ntm_statuses, ntm_statuses)
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
    rows::try_to_rows(ds)?
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

    /// A text over the threshold is read by several threads in chunks: the records, their
    /// order and the line of an error are those a single reader finds.
    #[test]
    fn a_large_text_read_in_chunks_is_the_text_read_at_once() {
        let mut text = String::from("id,date,subject_id,target,kind,note\r\n");
        let mut lines = 1u64;
        let mut n = 0usize;
        while text.len() < PARALLEL_FROM * 2 {
            n += 1;
            // Every 1,000th note is quoted and spans two lines, with a doubled quote.
            let note = if n.is_multiple_of(1000) {
                lines += 1;
                format!("\"họp \"\"chi bộ\"\"\nlần {n}\"")
            } else {
                format!("Dự họp lần {n}")
            };
            text.push_str(&format!(
                "a{n},2024-01-02,p1,01954,committee_meeting,{note}\r\n"
            ));
            lines += 1;
        }
        let ds = load(&[("units.csv", UNITS_OK), ("activities.csv", &text)]).unwrap();
        assert_eq!(ds.activities.len(), n);
        assert!(ds
            .activities
            .iter()
            .enumerate()
            .all(|(i, a)| a.id == format!("a{}", i + 1)));
        assert_eq!(
            ds.activities[999].note.as_deref(),
            Some("họp \"chi bộ\"\nlần 1000")
        );

        // A bad date on the last line, then a ragged row near the middle: the error is the first.
        let bad = format!("{text}a0,2024-02-30,p1,01954,committee_meeting,x\r\n");
        let e = load(&[("units.csv", UNITS_OK), ("activities.csv", &bad)]).unwrap_err();
        assert_eq!(
            (e.code(), e.location().unwrap().line),
            ("invalid_date", Some(lines + 1))
        );
        let middle = (text.len() / 2..)
            .find(|&i| text.is_char_boundary(i))
            .unwrap();
        let cut = middle + text[middle..].find("\r\n").unwrap() + 2;
        let line = 1 + text[..cut].matches('\n').count() as u64;
        let ragged = format!("{}x,y\r\n{}", &text[..cut], &text[cut..]);
        let e = load(&[("units.csv", UNITS_OK), ("activities.csv", &ragged)]).unwrap_err();
        assert_eq!(
            (e.code(), e.location().unwrap().line),
            ("csv_syntax", Some(line))
        );
    }

    #[test]
    fn round_trip_through_csv_texts() {
        let ds = crate::Dataset::demo();
        let texts = write_texts(&ds).unwrap();
        let back = read_texts(texts.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
        assert_eq!(back, ds);
    }
}
