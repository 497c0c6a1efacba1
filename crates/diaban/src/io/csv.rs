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
            let load = move |_: &mut u64| Ok(Input::File(path));
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

/// A file of a dataset as [`read_named`] takes it: a text in memory, or a file on disk (read
/// in blocks when it is large).
enum Input<'a> {
    Text(&'a str),
    File(&'a Path),
}

/// Texts already in memory, as [`read_named`] takes them.
fn borrowed<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> impl Iterator<Item = (&'a str, u64, impl FnOnce(&mut u64) -> Result<Input<'a>>)> {
    files.into_iter().map(|(name, text)| {
        (name, text.len() as u64, move |total: &mut u64| {
            *total = total.saturating_add(text.len() as u64);
            Ok(Input::Text(text))
        })
    })
}

/// Reads the named files (name, size, how to get the text) in the order of [`FILES`]: the
/// names and the sizes are checked before any text is read, then each text is read, parsed
/// and dropped in turn.
fn read_named<'a, 'n, L: FnOnce(&mut u64) -> Result<Input<'a>>>(
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
        match text(&mut read)? {
            Input::Text(text) => {
                read_table(&mut ds, limits, &display(name), text, table, delimiter)?;
            }
            Input::File(path) => {
                read_file(
                    &mut ds,
                    limits,
                    &display(name),
                    path,
                    table,
                    delimiter,
                    &mut read,
                )?;
            }
        }
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

/// The cells of a header record, each with its 0-based position.
fn header_cells(header: &tokens::Record<'_>) -> Vec<HeaderCell> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| (u32::try_from(i).unwrap_or(u32::MAX), h.to_string()))
        .collect()
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
    let mut tokens = Tokens::new(text, 1, delimiter, file);
    let Some(first) = tokens.next() else {
        // An empty file: its table has no header, so no columns; `rows::fill` says what is missing.
        let src = Source::file(file);
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
    let cells = header_cells(&header);
    let src = Source::file(file);
    let body = tokens.position();
    let threads = crate::limits::threads();
    if text.len() < PARALLEL_FROM || threads < 2 {
        tokens.expect_width(cells.len());
        return rows::fill(ds, limits, &src, table, &cells, header_line, &mut tokens);
    }
    // Several threads, each reading whole records of its chunk into a dataset of its own;
    // the parts are then appended in order. On any error the text is read again from the
    // start by one thread, so the error reported is the first one, as a single reader sees it.
    let mut parts = tokens::chunks(text, body, tokens.line(), threads * 8).into_iter();
    let body = Body {
        limits,
        src: &src,
        table,
        cells: &cells,
        header_line,
        delimiter,
    };
    let next = || {
        parts.next().map(|(from, to, line)| {
            Ok((Cow::Borrowed(text.get(from..to).unwrap_or_default()), line))
        })
    };
    match read_in_parts(threads, next, &|text, line| body.read(text, line)) {
        Some((merged, records)) => {
            limits.check_records(table.name, records, || Location::file(file))?;
            append(ds, merged);
            Ok(())
        }
        None => {
            let mut tokens = Tokens::new(text, 1, delimiter, file);
            tokens.next();
            tokens.expect_width(cells.len());
            rows::fill(ds, limits, &src, table, &cells, header_line, &mut tokens)
        }
    }
}

/// What the parts of one table share: how to read records of its body.
struct Body<'b> {
    limits: &'b Limits,
    src: &'b Source,
    table: &'static columns::Table,
    cells: &'b [HeaderCell],
    header_line: u64,
    delimiter: u8,
}

impl Body<'_> {
    /// The records of a part of the body (whole records), whose first line is `line`.
    fn read(&self, text: &str, line: u64) -> Result<Dataset> {
        let mut part = Dataset::default();
        let mut t = Tokens::new(text, line, self.delimiter, &self.src.file);
        t.expect_width(self.cells.len());
        rows::fill(
            &mut part,
            self.limits,
            self.src,
            self.table,
            self.cells,
            self.header_line,
            &mut t,
        )?;
        Ok(part)
    }
}

/// The size of the blocks a large file is read in.
const BLOCK: usize = 8 << 20;

/// Reads one CSV file of a folder as `table`. A large file is read in blocks of whole records
/// that the workers parse while the next block is read, so that the file's text is never held
/// whole (at the national scale it was a quarter of the peak memory). Anything unusual (text
/// that is not UTF-8, a record in error, a cap passed, a read that fails) sends the whole file
/// down the ordinary path, which reports it exactly.
fn read_file(
    ds: &mut Dataset,
    limits: &Limits,
    file: &str,
    path: &Path,
    table: &'static columns::Table,
    delimiter: Option<u8>,
    total: &mut u64,
) -> Result<()> {
    let threads = crate::limits::threads();
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let before = *total;
    if threads >= 2 && size >= PARALLEL_FROM as u64 {
        if let Ok(Some((merged, records))) =
            stream_file(limits, file, path, table, delimiter, total, threads, BLOCK)
        {
            limits.check_records(table.name, records, || Location::file(file))?;
            append(ds, merged);
            return Ok(());
        }
        *total = before;
    }
    let text = super::read_to_string_limited(path, limits, total)?;
    read_table(ds, limits, file, &text, table, delimiter)
}

/// [`read_file`]'s block reading: `None` (or an error) when the file must be read the
/// ordinary way.
#[allow(clippy::too_many_arguments)]
fn stream_file(
    limits: &Limits,
    file: &str,
    path: &Path,
    table: &'static columns::Table,
    delimiter: Option<u8>,
    total: &mut u64,
    threads: usize,
    block: usize,
) -> Result<Option<(Dataset, usize)>> {
    let mut blocks = Blocks {
        file: std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?,
        carry: Vec::new(),
        eof: false,
        line: 1,
        block,
    };
    // UTF-16 (its byte-order mark) is decoded by the ordinary path.
    let mut head = [0u8; 2];
    if std::io::Read::read(&mut (&blocks.file), &mut head).map_or(true, |n| n < 2)
        || head == [0xFF, 0xFE]
        || head == [0xFE, 0xFF]
    {
        return Ok(None);
    }
    blocks.carry.extend_from_slice(&head);
    *total = total.saturating_add(2);
    let here = || Location::file(file);
    let Some((first, _)) = blocks.next_block(limits, total, &here)? else {
        return Ok(None);
    };
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&first));
    let mut tokens = Tokens::new(&first, 1, delimiter, file);
    let Some(Ok((header_line, header))) = tokens.next() else {
        return Ok(None);
    };
    let cells = header_cells(&header);
    let rest = first
        .get(tokens.position()..)
        .unwrap_or_default()
        .to_owned();
    let mut first_part = Some((Cow::Owned(rest), tokens.line()));
    let src = Source::file(file);
    let body = Body {
        limits,
        src: &src,
        table,
        cells: &cells,
        header_line,
        delimiter,
    };
    let next = || -> Option<Result<Part<'_>>> {
        if let Some(part) = first_part.take() {
            return Some(Ok(part));
        }
        blocks
            .next_block(limits, total, &here)
            .transpose()
            .map(|b| b.map(|(text, line)| (Cow::Owned(text), line)))
    };
    Ok(read_in_parts(threads, next, &|text, line| {
        body.read(text, line)
    }))
}

/// A file read in blocks that end at a record's end (a line end outside quotes).
struct Blocks {
    file: std::fs::File,
    /// What was read past the last block's end.
    carry: Vec<u8>,
    eof: bool,
    /// The line the next block starts on.
    line: u64,
    block: usize,
}

impl Blocks {
    /// The next block as NFC text and the line it starts on; `None` at the end of the file;
    /// an error for a read that fails, a cap passed or text that is not UTF-8.
    fn next_block(
        &mut self,
        limits: &Limits,
        total: &mut u64,
        here: &dyn Fn() -> Location,
    ) -> Result<Option<(String, u64)>> {
        let mut buf = std::mem::take(&mut self.carry);
        loop {
            let cut = if self.eof {
                (!buf.is_empty()).then_some(buf.len())
            } else {
                record_end(&buf)
            };
            if let Some(cut) = cut {
                self.carry = buf.split_off(cut);
                let line = self.line;
                self.line += tokens::line_ends(&buf);
                let text = String::from_utf8(buf).map_err(|_| {
                    Error::load(
                        LoadErrorKind::CsvSyntax,
                        here(),
                        Msg::new("văn bản không phải UTF-8", "not UTF-8 text"),
                    )
                })?;
                let text = match crate::words::nfc(&text) {
                    Cow::Borrowed(same) if same.len() == text.len() => text,
                    other => other.into_owned(),
                };
                return Ok(Some((text, line)));
            }
            if self.eof {
                return Ok(None);
            }
            let before = buf.len();
            // Room for the whole block up front: read_to_end would otherwise grow the buffer
            // by doubling, copying what it holds each time.
            buf.reserve(self.block);
            std::io::Read::read_to_end(
                &mut std::io::Read::take(&self.file, self.block as u64),
                &mut buf,
            )
            .map_err(|source| Error::Io {
                path: here().file.unwrap_or_default(),
                source,
            })?;
            let read = buf.len() - before;
            *total = total.saturating_add(read as u64);
            limits.check_input(*total, here)?;
            self.eof = read == 0;
        }
    }
}

/// The end of the last whole record in `buf`: just after its last line end outside quotes.
fn record_end(buf: &[u8]) -> Option<usize> {
    if memchr::memchr(b'"', buf).is_none() {
        return memchr::memrchr(b'\n', buf).map(|i| i + 1);
    }
    let mut inside = false;
    let mut last = None;
    for i in memchr::memchr2_iter(b'"', b'\n', buf) {
        if buf.get(i) == Some(&b'"') {
            inside = !inside;
        } else if !inside {
            last = Some(i + 1);
        }
    }
    last
}

/// One part of a table's text: the text (whole records) and the line it starts on.
type Part<'t> = (Cow<'t, str>, u64);

/// Reads the parts `next` gives on `threads` worker threads and appends them in order as they
/// come back, each dropped once appended, so that little more than the table is held at once
/// (a bounded queue makes `next` wait while the workers are busy). `None` when a part failed
/// to read or `next` gave an error: the caller reads the whole text again on one thread, so
/// that the error it reports is the first one, as a single reader finds it. Without threads
/// (a browser) every part is read on this one.
fn read_in_parts<'t>(
    threads: usize,
    mut next: impl FnMut() -> Option<Result<Part<'t>>>,
    read: &(dyn Fn(&str, u64) -> Result<Dataset> + Sync),
) -> Option<(Dataset, usize)> {
    use std::sync::mpsc;
    let (work, queue) = mpsc::sync_channel::<(usize, Part<'t>)>(threads.max(1));
    let queue = std::sync::Mutex::new(queue);
    let (send, done) = mpsc::channel::<(usize, Result<Dataset>)>();
    let mut merged = Dataset::default();
    let mut records = 0usize;
    let mut waiting: BTreeMap<usize, Dataset> = BTreeMap::new();
    let mut due = 0usize;
    let mut failed = false;
    let mut take = |(i, part): (usize, Result<Dataset>), failed: &mut bool| match part {
        Ok(part) => {
            waiting.insert(i, part);
            while let Some(part) = waiting.remove(&due) {
                records += append(&mut merged, part);
                due += 1;
            }
        }
        Err(_) => *failed = true,
    };
    let worker = |send: mpsc::Sender<(usize, Result<Dataset>)>| loop {
        let item = match queue.lock() {
            Ok(q) => q.recv(),
            Err(_) => break,
        };
        let Ok((i, (text, line))) = item else { break };
        if send.send((i, read(&text, line))).is_err() {
            break;
        }
    };
    let worker = &worker;
    std::thread::scope(|scope| {
        let spawned = (0..threads)
            .filter(|_| {
                let send = send.clone();
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || worker(send))
                    .is_ok()
            })
            .count();
        let mut i = 0usize;
        while !failed {
            let Some(part) = next() else { break };
            match part {
                Err(_) => failed = true,
                Ok((text, line)) if spawned == 0 => take((i, read(&text, line)), &mut failed),
                Ok(part) => {
                    if work.send((i, part)).is_err() {
                        failed = true;
                    }
                }
            }
            i += 1;
            while let Ok(result) = done.try_recv() {
                take(result, &mut failed);
            }
        }
        drop(work);
        drop(send);
        for result in done.iter() {
            take(result, &mut failed);
        }
    });
    (!failed).then_some((merged, records))
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

    /// An `activities.csv` text twice the size read in parts, with a BOM and CRLF line ends;
    /// every 1,000th note is quoted and spans two lines, with a doubled quote. Returns the text,
    /// its number of lines and of records.
    fn large_activities() -> (String, u64, usize) {
        let mut text = String::from("\u{feff}id,date,subject_id,target,kind,note\r\n");
        let mut lines = 1u64;
        let mut n = 0usize;
        while text.len() < PARALLEL_FROM * 2 {
            n += 1;
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
        (text, lines, n)
    }

    /// A large file of a folder is read in blocks: the same records as its text read at once,
    /// whatever the block size (blocks end inside quoted notes' runs of lines), and the same
    /// first error, on the same line.
    #[test]
    fn a_large_file_read_in_blocks_is_the_file_read_at_once() {
        let (text, lines, n) = large_activities();
        let dir = std::env::temp_dir().join(format!("diaban-blocks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("units.csv"), UNITS_OK).unwrap();
        std::fs::write(dir.join("activities.csv"), &text).unwrap();
        let whole = load(&[("units.csv", UNITS_OK), ("activities.csv", &text)]).unwrap();
        assert_eq!(read_dir(&dir).unwrap(), whole);
        for block in [1 << 10, 64 << 10, 1 << 20] {
            let (part, records) = stream_file(
                &Limits::default(),
                "activities.csv",
                &dir.join("activities.csv"),
                &columns::ACTIVITIES,
                None,
                &mut 0,
                2,
                block,
            )
            .unwrap()
            .unwrap();
            assert_eq!(
                (records, &part.activities),
                (n, &whole.activities),
                "{block}"
            );
        }
        let bad = format!("{text}a0,2024-02-30,p1,01954,committee_meeting,x\r\n");
        std::fs::write(dir.join("activities.csv"), &bad).unwrap();
        let e = read_dir(&dir).unwrap_err();
        assert_eq!(
            (e.code(), e.location().unwrap().line),
            ("invalid_date", Some(lines + 1))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A text over the threshold is read by several threads in chunks: the records, their
    /// order and the line of an error are those a single reader finds.
    #[test]
    fn a_large_text_read_in_chunks_is_the_text_read_at_once() {
        let (text, lines, n) = large_activities();
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
