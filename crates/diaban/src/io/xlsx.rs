//! XLSX workbooks: one sheet per table, named as the table (`assignments`) or by its
//! Vietnamese name (`Phân công`), the header on the sheet's first filled row. Each sheet
//! becomes a header and rows of text, read into records the same way as CSV files (`rows`),
//! so the formats cannot drift.
//!
//! Reading is bounded by [`Limits`] before and while it happens: the workbook's file size and
//! the uncompressed size of every part it holds (checked against what each part really
//! expands to, not only what it declares: a zip bomb stops at the cap), the number of zip
//! entries, sheets, non-empty cells and shared strings. Cells are read one at a time and kept
//! sparse, so a `dimension` that lies or a cell at row 1,048,576 costs nothing. Before calamine
//! reads anything, every part is scanned with the same XML reader: one XML event (a text, a
//! tag) over 16 MiB, shared formulas spanning more than a million cells, and cell references
//! outside A1…XFD1048576 (where calamine's arithmetic would overflow) are refused. An encrypted
//! workbook or an Excel 97–2003 file is named as such.
//!
//! Cells: text is read as typed (in NFC); a whole number as its digits; a date cell, or a
//! number in a date column, as a date in the workbook's own system (1900 or 1904); a date
//! typed as text as in CSV (`YYYY-MM-DD` or `DD/MM/YYYY`). A number in a code column is an
//! error (Excel drops the leading zeros of `01954`), as are a cell holding an error value
//! (`#REF!`), a formula without a computed value, a date with a time of day, and merged cells
//! in a table (their value would stand for several rows). A sheet named as a table is read
//! even when hidden (hiding a sheet does not remove its records). Sheets with other names are an
//! error, unless they are hidden, empty, or named as notes ("Hướng dẫn", "Ghi chú", "README",
//! or starting with `_`).

#[cfg(feature = "xlsx-read")]
use super::cells::{column_letters, HeaderCell, Source};
use super::columns::ColumnType;
#[cfg(feature = "xlsx-read")]
use super::columns::{self, Table};
use super::rows;
use crate::error::{Error, Result};
#[cfg(feature = "xlsx-read")]
use crate::error::{LoadErrorKind, Location, Msg};
#[cfg(feature = "xlsx-read")]
use crate::limits::Limits;
use crate::model::Dataset;
#[cfg(feature = "xlsx-read")]
use calamine::{DataRef, Reader, SheetVisible, Xlsx};
use chrono::NaiveDate;
#[cfg(feature = "xlsx-read")]
use std::collections::BTreeMap;
#[cfg(feature = "xlsx-read")]
use std::io::{Cursor, Read};

#[cfg(feature = "xlsx-read")]
/// Most entries in a workbook's zip archive: a dataset workbook has a few dozen.
const MAX_ZIP_ENTRIES: usize = 10_000;

#[cfg(feature = "xlsx-read")]
/// A plain number in a date column is read as a serial day only between 1950-01-01 and
/// 2100-12-31 (1900 system): a year typed alone (2024) or an amount is not taken for a date.
const PLAIN_SERIALS: (f64, f64) = (18_264.0, 73_415.0);

/// The largest whole number an `f64` cell holds exactly (2^53).
const EXACT_F64: f64 = 9_007_199_254_740_992.0;

#[cfg(feature = "xlsx-read")]
fn load_error(kind: LoadErrorKind, location: Location, message: Msg) -> Error {
    Error::load(kind, location, message)
}

#[cfg(feature = "xlsx-read")]
fn syntax(file: &str, message: Msg) -> Error {
    load_error(LoadErrorKind::XlsxSyntax, Location::file(file), message)
}

#[cfg(feature = "xlsx-read")]
/// Most cells that the shared formulas of a workbook may span together: calamine keeps one
/// entry per spanned cell (about 50 bytes), so a formula claiming `A1:XFD1048576` would take
/// hours and gigabytes. A real workbook's shared formulas span a few columns of its rows.
const MAX_SHARED_FORMULA_CELLS: u64 = 1_000_000;

#[cfg(feature = "xlsx-read")]
/// Highest shared-formula index (`si`): calamine allocates a slot for every index up to it.
const MAX_SHARED_FORMULA_INDEX: u64 = 100_000;

#[cfg(feature = "xlsx-read")]
/// The signature of an OLE compound file (CFB): an Excel 97–2003 workbook (`.xls`), or an
/// XLSX workbook encrypted with a password (the zip is then a stream inside the CFB).
const CFB_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

#[cfg(feature = "xlsx-read")]
/// Whether `bytes` hold the UTF-16LE text `name` (a stream name in a CFB directory).
fn has_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

#[cfg(feature = "xlsx-read")]
/// The error for a file in another spreadsheet format than XLSX, if it is one: a workbook
/// encrypted with a password, an Excel 97–2003 (`.xls`) workbook, another OLE file.
fn foreign_format(file: &str, bytes: &[u8]) -> Option<Error> {
    const SAVE_AS: &str =
        "open it in Excel (or LibreOffice) and save it as \"Excel Workbook (.xlsx)\"";
    const SAVE_AS_VI: &str =
        "hãy mở tệp trong Excel (hoặc LibreOffice) và lưu lại dưới dạng \"Excel Workbook (.xlsx)\"";
    let message = if bytes.starts_with(CFB_SIGNATURE) {
        if has_utf16(bytes, "EncryptedPackage") || has_utf16(bytes, "EncryptionInfo") {
            Msg::new(
                "sổ tính được đặt mật khẩu (mã hóa) nên không đọc được: hãy mở trong Excel, bỏ mật khẩu (File › Info › Protect Workbook › Encrypt with Password, để trống), lưu lại rồi nạp lại",
                "the workbook is password-protected (encrypted), so it cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, leave it empty), save it, and load it again",
            )
        } else if has_utf16(bytes, "Workbook") || has_utf16(bytes, "Book") {
            Msg::new(
                format!("đây là sổ tính Excel 97–2003 (.xls), không phải XLSX: {SAVE_AS_VI}"),
                format!("an Excel 97–2003 workbook (.xls), not an XLSX workbook: {SAVE_AS}"),
            )
        } else {
            Msg::new(
                format!("đây là tệp OLE (như tệp Word hoặc Excel kiểu cũ), không phải sổ tính XLSX: {SAVE_AS_VI}"),
                format!("an OLE compound file (such as an old Word or Excel file), not an XLSX workbook: {SAVE_AS}"),
            )
        }
    } else if matches!(bytes, [0x09, 0x00 | 0x02 | 0x04 | 0x08, ..]) {
        // A BIFF stream without its CFB container (Excel 2.1 to 4.0).
        Msg::new(
            format!("đây là sổ tính Excel kiểu cũ (.xls, BIFF), không phải XLSX: {SAVE_AS_VI}"),
            format!("an old Excel workbook (.xls, BIFF), not an XLSX workbook: {SAVE_AS}"),
        )
    } else {
        return None;
    };
    Some(syntax(file, message))
}

#[cfg(feature = "xlsx-read")]
/// Checks the zip archive of a workbook before anything is parsed: the number of entries, the
/// sizes they declare and the sizes they really expand to, all within `limits`; and, in each
/// XML part, what calamine would expand or mis-read (see [`scan_xml`]).
fn check_archive(file: &str, bytes: &[u8], limits: &Limits) -> Result<()> {
    let here = || Location::file(file);
    if let Some(e) = foreign_format(file, bytes) {
        return Err(e);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        syntax(
            file,
            Msg::new(
                "không phải sổ tính XLSX (không phải tệp nén zip hợp lệ)".to_owned(),
                format!("not an XLSX workbook (not a zip archive: {e})"),
            ),
        )
    })?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(load_error(
            LoadErrorKind::LimitExceeded,
            here(),
            Msg::new(
                format!(
                    "tệp nén của sổ tính có {} phần, nhiều hơn {MAX_ZIP_ENTRIES}",
                    zip.len()
                ),
                format!(
                    "the workbook's archive holds {} parts, more than {MAX_ZIP_ENTRIES}",
                    zip.len()
                ),
            ),
        ));
    }
    let mut total = bytes.len() as u64;
    let mut declared = total;
    let mut shared = SharedFormulas::default();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| {
            syntax(
                file,
                Msg::new(
                    format!("không đọc được một phần của sổ tính (chi tiết kỹ thuật: {e})"),
                    format!("a part of the workbook cannot be read: {e}"),
                ),
            )
        })?;
        declared = declared.saturating_add(entry.size());
        limits.check_input(declared, here)?;
        let name = entry.name().to_owned();
        // What the part really expands to, never reading more than the cap allows.
        let allowed = limits.max_input_bytes.saturating_sub(total);
        let mut counter = Counter::default();
        let progress = Progress::default();
        let mut metered = Metered {
            inner: entry.take(allowed.saturating_add(1)),
            counter: &mut counter,
            progress: &progress,
        };
        // Every part is read as calamine would read XML, whatever its name: a relationship
        // may name any part as a sheet. A part that is not XML stops the scan at once.
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(&mut metered));
        let config = xml.config_mut();
        // As calamine reads it, so that both see the same elements.
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        scan_xml(file, &name, &mut xml, limits, &mut shared, &progress)?;
        progress.event_start.set(None);
        std::io::copy(&mut xml.into_inner(), &mut std::io::sink()).map_err(|e| {
            syntax(
                file,
                Msg::new(
                    format!("không đọc được phần `{name}` của sổ tính (chi tiết kỹ thuật: {e})"),
                    format!("the part `{name}` cannot be read: {e}"),
                ),
            )
        })?;
        total = total.saturating_add(counter.bytes);
        limits.check_input(total, here)?;
        if name.ends_with("sharedStrings.xml") {
            limits.check_cells("shared strings", counter.strings, here)?;
        }
    }
    Ok(())
}

#[cfg(feature = "xlsx-read")]
/// The shared formulas seen so far in a workbook: the cells they span together.
#[derive(Default)]
struct SharedFormulas {
    cells: u64,
}

#[cfg(feature = "xlsx-read")]
/// A cell reference (`B12`) as calamine reads it, 0-based (row, column); `None` unless it
/// is a cell of a sheet (A1 to XFD1048576): calamine's own arithmetic would overflow (a panic
/// in a debug build, a value in the wrong cell in a release build) on a reference past it.
fn cell_ref(text: &[u8]) -> Option<(u64, u64)> {
    let letters = text.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (col_text, row_text) = text.split_at(letters);
    if !(1..=3).contains(&letters)
        || !(1..=7).contains(&row_text.len())
        || !row_text.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let col = col_text.iter().fold(0u64, |c, b| {
        c * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = row_text
        .iter()
        .fold(0u64, |r, b| r * 10 + u64::from(b - b'0'));
    ((1..=16_384).contains(&col) && (1..=1_048_576).contains(&row)).then(|| (row - 1, col - 1))
}

#[cfg(feature = "xlsx-read")]
/// A range (`A1:C20`, or one cell) as calamine reads it: its first and last cells; `None`
/// unless both are cells of a sheet and the first is not after the last.
fn range_ref(text: &[u8]) -> Option<((u64, u64), (u64, u64))> {
    let mut parts = text.split(|b| *b == b':');
    let start = cell_ref(parts.next()?)?;
    let end = match parts.next() {
        Some(p) => cell_ref(p)?,
        None => start,
    };
    (parts.next().is_none() && start.0 <= end.0 && start.1 <= end.1).then_some((start, end))
}

#[cfg(feature = "xlsx-read")]
/// Reads one XML part of a workbook as calamine would and refuses, before calamine reads it:
/// a cell or row reference past the sheet's last cell, a reversed range in a `dimension` or a
/// merge, and shared formulas spanning more than [`MAX_SHARED_FORMULA_CELLS`] cells (or the
/// workbook's cell cap) or indexed past [`MAX_SHARED_FORMULA_INDEX`]. A part that is not
/// well-formed XML is left to calamine, which reports it when it reads that part.
fn scan_xml<R: std::io::BufRead>(
    file: &str,
    part: &str,
    xml: &mut quick_xml::Reader<R>,
    limits: &Limits,
    shared: &mut SharedFormulas,
    progress: &Progress,
) -> Result<()> {
    use quick_xml::events::Event;
    let mut buf = Vec::new();
    let bad_ref = |element: &str, value: &[u8]| {
        syntax(file, {
            let reference = String::from_utf8_lossy(value)
                .chars()
                .take(40)
                .collect::<String>();
            Msg::new(
                    format!(
                        "phần `{part}` có `{element}` với tham chiếu `{reference}` không phải là ô hay vùng ô của một trang tính (A1 đến XFD1048576)"
                    ),
                    format!(
                        "the part `{part}` has a `{element}` whose reference `{reference}` is not a cell or range of a sheet (A1 to XFD1048576)"
                    ),
                )
        })
    };
    loop {
        buf.clear();
        progress.event_start.set(Some(progress.bytes.get()));
        let e = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => e,
            Ok(_) if progress.event_too_long.get() => break,
            Err(_) if progress.event_too_long.get() => break,
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => continue,
        };
        let local = e.local_name();
        let element = local.as_ref();
        if !matches!(element, b"c" | b"row" | b"dimension" | b"mergeCell" | b"f") {
            continue;
        }
        let (mut r, mut reference, mut t, mut si) = (None, None, None, None);
        for a in e.attributes().flatten() {
            let slot = match a.key.as_ref() {
                b"r" => &mut r,
                b"ref" => &mut reference,
                b"t" => &mut t,
                b"si" => &mut si,
                _ => continue,
            };
            *slot = Some(a.value.into_owned());
        }
        match element {
            b"c" => {
                if let Some(v) = r.filter(|v| cell_ref(v).is_none()) {
                    return Err(bad_ref("cell", &v));
                }
            }
            b"row" => {
                let row_ok = |v: &[u8]| {
                    (1..=7).contains(&v.len())
                        && v.iter().all(u8::is_ascii_digit)
                        && cell_ref(&[b"A".as_slice(), v].concat()).is_some()
                };
                if let Some(v) = r.filter(|v| !row_ok(v)) {
                    return Err(bad_ref("row", &v));
                }
            }
            b"dimension" | b"mergeCell" => {
                if let Some(v) = reference.filter(|v| range_ref(v).is_none()) {
                    return Err(bad_ref(
                        if element == b"dimension" {
                            "dimension"
                        } else {
                            "mergeCell"
                        },
                        &v,
                    ));
                }
            }
            _ if t.as_deref() == Some(b"shared".as_slice()) => {
                let index = si
                    .as_deref()
                    .and_then(|v| std::str::from_utf8(v).ok())
                    .and_then(|v| v.parse::<u64>().ok());
                if index.is_some_and(|i| i > MAX_SHARED_FORMULA_INDEX) {
                    return Err(load_error(
                        LoadErrorKind::LimitExceeded,
                        Location::file(file),
                        Msg::new(
                            format!("phần `{part}` có công thức dùng chung đánh số quá {MAX_SHARED_FORMULA_INDEX}"),
                            format!("the part `{part}` has a shared formula numbered past {MAX_SHARED_FORMULA_INDEX}"),
                        ),
                    ));
                }
                let Some(v) = reference else { continue };
                let ((r0, c0), (r1, c1)) =
                    range_ref(&v).ok_or_else(|| bad_ref("shared formula", &v))?;
                let cells = (r1 - r0 + 1) * (c1 - c0 + 1);
                shared.cells = shared.cells.saturating_add(cells);
                let cap = MAX_SHARED_FORMULA_CELLS.min(limits.max_cells);
                if shared.cells > cap {
                    return Err(load_error(
                        LoadErrorKind::LimitExceeded,
                        Location::file(file),
                        Msg::new(
                            format!(
                                "phần `{part}` có các công thức dùng chung trải trên hơn {cap} ô (công thức cuối trên `{}`), vượt giới hạn `max_cells` hoặc {MAX_SHARED_FORMULA_CELLS}",
                                String::from_utf8_lossy(&v)
                            ),
                            format!(
                                "the part `{part}` has shared formulas spanning more than {cap} cells (the last over `{}`), the limit `max_cells` or {MAX_SHARED_FORMULA_CELLS}",
                                String::from_utf8_lossy(&v)
                            ),
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    Err(load_error(
        LoadErrorKind::LimitExceeded,
        Location::file(file),
        Msg::new(
            format!(
                "phần `{part}` có hơn {MAX_XML_EVENT_BYTES} byte liền không có thẻ (một đoạn văn bản, thẻ hoặc chú thích); một ô chứa nhiều nhất 32.767 ký tự"
            ),
            format!(
                "the part `{part}` holds more than {MAX_XML_EVENT_BYTES} bytes without markup (one text, tag or comment); a cell holds at most 32,767 characters"
            ),
        ),
    ))
}

#[cfg(feature = "xlsx-read")]
/// Most bytes of one XML event (a text between two tags, a tag, a comment) in a workbook's
/// part: calamine's XML reader holds an event whole, so a zip bomb of one run of spaces would
/// otherwise take as much memory as the input cap allows (8 GiB on the desktop). A cell's
/// text is at most 32,767 characters (about 200 KiB of XML at worst).
const MAX_XML_EVENT_BYTES: u64 = 16 * 1024 * 1024;

#[cfg(feature = "xlsx-read")]
/// How far the reading of one part has come, shared by [`Metered`] and [`scan_xml`].
#[derive(Default)]
struct Progress {
    /// Bytes of the part read so far.
    bytes: std::cell::Cell<u64>,
    /// Where the XML event being read started (while the part is scanned).
    event_start: std::cell::Cell<Option<u64>>,
    /// Whether an event grew past [`MAX_XML_EVENT_BYTES`].
    event_too_long: std::cell::Cell<bool>,
}

#[cfg(feature = "xlsx-read")]
/// A reader that passes every byte it reads to a [`Counter`], and fails once the XML event
/// being scanned grows past [`MAX_XML_EVENT_BYTES`].
struct Metered<'a, R> {
    inner: R,
    counter: &'a mut Counter,
    progress: &'a Progress,
}

#[cfg(feature = "xlsx-read")]
impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        std::io::Write::write_all(self.counter, buf.get(..n).unwrap_or_default())?;
        let bytes = self.progress.bytes.get().saturating_add(n as u64);
        self.progress.bytes.set(bytes);
        if let Some(start) = self.progress.event_start.get() {
            if bytes.saturating_sub(start) > MAX_XML_EVENT_BYTES {
                self.progress.event_too_long.set(true);
                return Err(std::io::Error::other("an XML event too long"));
            }
        }
        Ok(n)
    }
}

#[cfg(feature = "xlsx-read")]
/// Counts bytes and shared-string entries (`<si>` or `<si/>`) as a part streams by.
#[derive(Default)]
struct Counter {
    bytes: u64,
    strings: u64,
    tail: Vec<u8>,
}

#[cfg(feature = "xlsx-read")]
impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Keep the last three bytes so that a tag cut between two writes is still seen.
        let mut joined = std::mem::take(&mut self.tail);
        joined.extend_from_slice(buf);
        self.strings += joined
            .windows(4)
            .filter(|w| matches!(w, [b'<', b's', b'i', b'>' | b' ' | b'/']))
            .count() as u64;
        let keep = joined.len().saturating_sub(3);
        self.tail = joined.split_off(keep);
        self.bytes = self.bytes.saturating_add(buf.len() as u64);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(feature = "xlsx-read")]
/// Whether a sheet with no table's name may be left unread.
fn is_note_sheet(name: &str) -> bool {
    let folded = crate::words::fold(name);
    name.starts_with('_')
        || [
            "hướng dẫn",
            "ghi chú",
            "readme",
            "read me",
            "notes",
            "danh mục",
        ]
        .iter()
        .any(|p| folded.starts_with(&crate::words::fold(p)))
}

#[cfg(feature = "xlsx-read")]
/// The cells of one sheet as text, row by row (sparse: only rows with a filled cell).
struct SheetCells {
    /// 0-based row → (0-based column, text, the raw cell kind), in column order.
    rows: BTreeMap<u32, Vec<(u32, CellText)>>,
}

#[cfg(feature = "xlsx-read")]
/// A cell's text and what it was in the workbook.
#[derive(Debug, Clone)]
enum CellText {
    /// Text as typed (also a boolean).
    Text(String),
    /// A number, with its text (whole numbers without a decimal point).
    Number(f64, String),
    /// A date cell (serial number in the workbook's system).
    Date(f64),
}

#[cfg(feature = "xlsx-read")]
impl CellText {
    fn raw(&self) -> &str {
        match self {
            CellText::Text(t) | CellText::Number(_, t) => t,
            CellText::Date(_) => "",
        }
    }
}

#[cfg(feature = "xlsx-read")]
/// The date of an Excel serial day number in the 1900 or 1904 system; `None` when it is not
/// a whole day (a time of day) or is outside the calendar.
pub(crate) fn serial_date(serial: f64, is_1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || serial.fract() != 0.0 || !(0.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let days = serial as i64;
    let (epoch, days) = if is_1904 {
        (NaiveDate::from_ymd_opt(1904, 1, 1)?, days)
    } else if days >= 61 {
        // Excel counts 1900-02-29, which did not exist: from 1 March 1900 on, day 1 is 1899-12-31 + 1 - 1.
        (NaiveDate::from_ymd_opt(1899, 12, 30)?, days)
    } else if days == 60 || days == 0 {
        return None;
    } else {
        (NaiveDate::from_ymd_opt(1899, 12, 31)?, days)
    };
    epoch.checked_add_signed(chrono::Duration::days(days))
}

#[cfg(feature = "xlsx-write")]
/// The 1900-system serial number of a date (for writing); `None` before 1900-03-01.
fn date_serial(date: NaiveDate) -> Option<f64> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = (date - epoch).num_days();
    (days >= 61).then_some(days as f64)
}

#[cfg(feature = "xlsx-read")]
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < EXACT_F64 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(feature = "xlsx-read")]
/// Reads a dataset from the bytes of an XLSX workbook; `file` names it in errors.
pub fn read_bytes(file: &str, bytes: &[u8], limits: &Limits) -> Result<Dataset> {
    limits.check_input(bytes.len() as u64, || Location::file(file))?;
    check_archive(file, bytes, limits)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        syntax(
            file,
            Msg::new(
                format!("không đọc được sổ tính (chi tiết kỹ thuật: {e})"),
                format!("the workbook cannot be read: {e}"),
            ),
        )
    })?;
    let is_1904 = book.has_1904_epoch();
    let sheets = book.sheets_metadata().to_vec();
    limits.check_sheets(sheets.len(), || Location::file(file))?;
    book.load_merged_regions().map_err(|e| {
        syntax(
            file,
            Msg::new(
                format!("không đọc được các ô đã gộp của sổ tính (chi tiết kỹ thuật: {e})"),
                format!("the workbook's merged cells cannot be read: {e}"),
            ),
        )
    })?;

    // Which sheet is which table.
    let mut tables: Vec<(usize, &'static Table, String)> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    for sheet in &sheets {
        match columns::table(&sheet.name) {
            Some(table) => {
                let index = columns::TABLES
                    .iter()
                    .position(|t| t.name == table.name)
                    .unwrap_or(usize::MAX);
                if let Some((_, _, first)) = tables.iter().find(|(i, _, _)| *i == index) {
                    return Err(load_error(
                        LoadErrorKind::InvalidValue,
                        Location {
                            sheet: Some(sheet.name.clone()),
                            ..Location::file(file)
                        },
                        Msg::new(
                            format!(
                                "hai trang tính cùng chứa bảng `{}`: `{first}` và `{}`",
                                table.name, sheet.name
                            ),
                            format!(
                                "two sheets hold `{}`: `{first}` and `{}`",
                                table.name, sheet.name
                            ),
                        ),
                    ));
                }
                tables.push((index, table, sheet.name.clone()));
            }
            None if sheet.visible != SheetVisible::Visible || is_note_sheet(&sheet.name) => {}
            None => others.push(sheet.name.clone()),
        }
    }
    tables.sort_by_key(|(i, _, _)| *i);
    if sheets.is_empty() {
        // Excel always keeps one sheet: a workbook listing none is damaged.
        return Err(syntax(
            file,
            Msg::new(
                "sổ tính không có trang tính nào (phần `xl/workbook.xml` bị thiếu hoặc trống): tệp bị hỏng, hoặc không phải là bảng tính",
                "the workbook lists no sheets (its part `xl/workbook.xml` is missing or empty): a damaged file, or not a spreadsheet",
            ),
        ));
    }
    if !tables.iter().any(|(_, t, _)| t.name == "units") {
        return Err(load_error(
            LoadErrorKind::MissingField,
            Location::file(file),
            {
                let names = sheets
                    .iter()
                    .map(|s| format!("`{}`", s.name))
                    .collect::<Vec<_>>()
                    .join(", ");
                Msg::new(
                    format!("sổ tính không có trang tính `units` (hoặc \"Đơn vị\"); các trang tính: {names}"),
                    format!("the workbook has no `units` sheet (or \"Đơn vị\"); its sheets: {names}"),
                )
            },
        ));
    }

    let mut cells_seen = 0u64;
    // A sheet with another name is an error unless it is empty.
    for name in &others {
        let cells = read_cells(file, &mut book, name, None, limits, &mut cells_seen)?;
        if !cells.rows.is_empty() {
            return Err(load_error(
                LoadErrorKind::UnknownField,
                Location {
                    sheet: Some(name.clone()),
                    ..Location::file(file)
                },
                {
                    let known = columns::TABLES
                        .iter()
                        .map(|t| t.name)
                        .collect::<Vec<_>>()
                        .join(", ");
                    Msg::new(
                        format!(
                            "trang tính lạ `{name}` (các trang tính được đọc: {known}; tên tiếng Việt như \"Phân công\" cũng được; trang tính tên \"Hướng dẫn\" hoặc \"Ghi chú\", trang tính ẩn hoặc trống được bỏ qua)"
                        ),
                        format!(
                            "unknown sheet `{name}` (known: {known}; Vietnamese names such as \"Phân công\" are accepted; sheets named \"Hướng dẫn\" or \"Ghi chú\", hidden or empty sheets are skipped)"
                        ),
                    )
                },
            ));
        }
    }

    let mut ds = Dataset::default();
    for (_, table, name) in &tables {
        let src = Source {
            file: file.to_owned(),
            sheet: Some(name.clone()),
        };
        if let Some((_, _, region)) = book.merged_regions_by_sheet(name).first() {
            return Err(load_error(
                LoadErrorKind::InvalidValue,
                src.at(u64::from(region.start.0) + 1, Some(region.start.1), None),
                {
                    let range = format!(
                        "{}{}:{}{}",
                        column_letters(region.start.1),
                        region.start.0 + 1,
                        column_letters(region.end.1),
                        region.end.0 + 1
                    );
                    Msg::new(
                        format!("các ô {range} đã bị gộp: ô của một bảng không được gộp (hãy bỏ gộp và điền đủ từng hàng)"),
                        format!("merged cells {range}: a table's cells must not be merged (unmerge them and fill every row)"),
                    )
                },
            ));
        }
        let cells = read_cells(file, &mut book, name, Some(table), limits, &mut cells_seen)?;
        let mut rows_iter = cells.rows.into_iter();
        let Some((header_row, header)) = rows_iter.next() else {
            if table.name == "units" {
                return Err(load_error(
                    LoadErrorKind::MissingField,
                    src.at(1, None, None),
                    Msg::new(
                        "trang tính `units` trống: cần có dòng tiêu đề và danh sách đơn vị",
                        "the `units` sheet is empty: it needs a header row and the units",
                    ),
                ));
            }
            continue;
        };
        let header_cells: Vec<HeaderCell> = header
            .iter()
            .map(|(col, text)| (*col, text.raw().to_owned()))
            .collect();
        let flat = table.name == "units" && super::cells::is_flat_units(&header_cells);
        let layout: &'static Table = if flat { &columns::UNITS_FLAT } else { table };
        // Header position → the column type, to read each cell by what it holds.
        let types: BTreeMap<u32, ColumnType> = header_cells
            .iter()
            .filter_map(|(p, h)| layout.column(h).map(|c| (*p, c.ty)))
            .collect();
        let positions: Vec<u32> = header_cells.iter().map(|(p, _)| *p).collect();
        let src_ref = &src;
        let types_ref = &types;
        let positions_ref = &positions;
        let mut records = rows_iter.map(move |(row, cells)| {
            let line = u64::from(row) + 1;
            let mut fields = vec![String::new(); positions_ref.len()];
            for (col, cell) in cells {
                let at = || src_ref.at(line, Some(col), None);
                let Some(slot) = positions_ref
                    .iter()
                    .position(|p| *p == col)
                    .and_then(|i| fields.get_mut(i))
                else {
                    // A value right of or between the header's cells.
                    let text = match &cell {
                        CellText::Date(s) => number_text(*s),
                        other => other.raw().to_owned(),
                    };
                    return Err(load_error(
                        LoadErrorKind::UnknownField,
                        at(),
                        Msg::new(
                            format!("có giá trị (`{text}`) trong một cột không có tiêu đề"),
                            format!("a value (`{text}`) in a column without a header"),
                        ),
                    ));
                };
                let ty = types_ref.get(&col).copied().unwrap_or(ColumnType::Text);
                *slot = cell_text(cell, ty, is_1904, at)?;
            }
            Ok((line, fields))
        });
        rows::fill(
            &mut ds,
            limits,
            &src,
            table,
            &header_cells,
            u64::from(header_row) + 1,
            &mut records,
        )?;
    }
    Ok(ds)
}

#[cfg(feature = "xlsx-read")]
/// The text a cell stands for in a column of type `ty`.
fn cell_text(
    cell: CellText,
    ty: ColumnType,
    is_1904: bool,
    at: impl Fn() -> Location,
) -> Result<String> {
    match (cell, ty) {
        (CellText::Number(serial, text), ColumnType::Date)
            if !(PLAIN_SERIALS.0..=PLAIN_SERIALS.1).contains(&serial) =>
        {
            Err(load_error(
                LoadErrorKind::InvalidDate,
                at(),
                Msg::new(
                    format!("ô có số {text} ở chỗ cần một ngày: hãy gõ ngày (dd/mm/yyyy) hoặc định dạng ô là ngày"),
                    format!("the number {text} where a date is expected: type the date (dd/mm/yyyy) or format the cell as a date"),
                ),
            ))
        }
        (CellText::Date(serial), ColumnType::Date) | (CellText::Number(serial, _), ColumnType::Date) => {
            serial_date(serial, is_1904)
                .map(|d| d.to_string())
                .ok_or_else(|| {
                    load_error(
                        LoadErrorKind::InvalidDate,
                        at(),
                        Msg::new(
                            format!("ô chứa `{}`, không phải một ngày trọn (ngày không kèm giờ)", number_text(serial)),
                            format!("the cell holds `{}`, not a whole day (a date without a time of day)", number_text(serial)),
                        ),
                    )
                })
        }
        (CellText::Date(serial), _) => serial_date(serial, is_1904)
            .map(|d| d.to_string())
            .ok_or_else(|| {
                load_error(
                    LoadErrorKind::InvalidValue,
                    at(),
                    Msg::new(
                        format!("ô có ngày giờ (`{}`) ở chỗ cần văn bản", number_text(serial)),
                        format!("a date and time (`{}`) where text is expected", number_text(serial)),
                    ),
                )
            }),
        (CellText::Number(n, text), ColumnType::Code) => Err(load_error(
            LoadErrorKind::InvalidValue,
            at(),
            Msg::new(
                format!(
                    "mã đang là số ({text}): Excel bỏ các số 0 đứng đầu của mã như 01954, nên mã phải là văn bản — hãy định dạng cột là Text (hoặc gõ dấu nháy đơn trước: '0{})",
                    number_text(n)
                ),
                format!(
                    "the code is a number ({text}): Excel drops the leading zeros of codes such as 01954, so a code must be text — format the column as Text (or type an apostrophe first: '0{})",
                    number_text(n)
                ),
            ),
        )),
        (CellText::Number(_, text), _) | (CellText::Text(text), _) => Ok(text),
    }
}

#[cfg(feature = "xlsx-read")]
/// Reads the cells of one sheet (sparse), within the cell cap shared by the whole workbook.
fn read_cells<RS: Read + std::io::Seek>(
    file: &str,
    book: &mut Xlsx<RS>,
    name: &str,
    table: Option<&Table>,
    limits: &Limits,
    seen: &mut u64,
) -> Result<SheetCells> {
    let src = Source {
        file: file.to_owned(),
        sheet: Some(name.to_owned()),
    };
    let bad = |e: calamine::XlsxError| {
        let message = match e {
            calamine::XlsxError::WorksheetNotFound(_) => Msg::new(
                "không đọc được trang tính: phần chứa các ô của nó bị thiếu trong sổ tính (tệp bị hỏng: hãy mở trong Excel và lưu lại)",
                "the sheet cannot be read: the part that holds its cells is missing from the workbook (a damaged file: open it in Excel, save it again)",
            ),
            e => Msg::new(
                format!("không đọc được trang tính (chi tiết kỹ thuật: {e})"),
                format!("the sheet cannot be read: {e}"),
            ),
        };
        load_error(LoadErrorKind::XlsxSyntax, src.at(1, None, None), message)
    };
    let mut rows: BTreeMap<u32, Vec<(u32, CellText)>> = BTreeMap::new();
    {
        let mut reader = match book.worksheet_cells_reader(name) {
            Ok(r) => r,
            // A chart sheet or a dialog sheet holds no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(SheetCells { rows }),
            Err(e) => return Err(bad(e)),
        };
        while let Some(cell) = reader.next_cell().map_err(bad)? {
            let (row, col) = cell.get_position();
            let at = || src.at(u64::from(row) + 1, Some(col), None);
            let value = match cell.get_value() {
                DataRef::Empty => continue,
                DataRef::String(s) => CellText::Text(crate::words::nfc(s).into_owned()),
                DataRef::SharedString(s) => CellText::Text(crate::words::nfc(s).into_owned()),
                DataRef::Int(i) => CellText::Number(*i as f64, i.to_string()),
                DataRef::Float(f) => CellText::Number(*f, number_text(*f)),
                DataRef::Bool(b) => CellText::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
                DataRef::DateTime(d) => CellText::Date(d.as_f64()),
                DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => CellText::Text(s.clone()),
                DataRef::Error(e) => {
                    return Err(load_error(
                        LoadErrorKind::InvalidValue,
                        at(),
                        Msg::new(
                            format!("ô có giá trị lỗi {e}: hãy sửa công thức hoặc gõ giá trị"),
                            format!("the cell holds the error value {e}: correct the formula or type the value"),
                        ),
                    ))
                }
            };
            if value.raw().trim().is_empty() && !matches!(value, CellText::Date(_)) {
                continue;
            }
            *seen = seen.saturating_add(1);
            limits.check_cells("non-empty cells", *seen, at)?;
            limits.check_field(value.raw().len(), at)?;
            rows.entry(row).or_default().push((col, value));
        }
    }
    if table.is_some() {
        // A formula whose result was never computed (a file written by a program, not saved
        // by Excel) would read as an empty cell: refuse it rather than lose the value.
        let mut reader = book.worksheet_cells_reader(name).map_err(bad)?;
        while let Some(cell) = reader.next_formula().map_err(bad)? {
            let (row, col) = cell.get_position();
            if cell.get_value().is_empty() {
                continue;
            }
            let has_value = rows
                .get(&row)
                .is_some_and(|cells| cells.iter().any(|(c, _)| *c == col));
            if !has_value {
                return Err(load_error(
                    LoadErrorKind::InvalidValue,
                    src.at(u64::from(row) + 1, Some(col), None),
                    Msg::new(
                        format!(
                            "công thức `={}` chưa có giá trị tính sẵn: hãy mở sổ tính trong Excel (hoặc LibreOffice), lưu lại rồi nạp lại",
                            cell.get_value()
                        ),
                        format!(
                            "the formula `={}` has no computed value: open the workbook in Excel (or LibreOffice), save it, and load it again",
                            cell.get_value()
                        ),
                    ),
                ));
            }
        }
    }
    for cells in rows.values_mut() {
        cells.sort_by_key(|(c, _)| *c);
    }
    Ok(SheetCells { rows })
}

#[cfg(feature = "xlsx-write")]
/// The workbook of a dataset: one sheet per non-empty table (`units` always), named as the
/// table, with a bold header row of the canonical column names, frozen under the header, an
/// autofilter, and typed cells (dates as dates shown `dd/mm/yyyy`, numbers as numbers, codes
/// and ids as text); columns are as wide as their longest value.
pub fn write_bytes(ds: &Dataset) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| {
        Error::invalid_argument(
            "dataset",
            crate::error::Msg::new(
                format!("không ghi được sổ tính (chi tiết kỹ thuật: {e})"),
                format!("cannot write the workbook: {e}"),
            ),
        )
    };
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let text = Format::new().set_num_format("@");
    for (table, rows) in rows::try_to_rows(ds)? {
        if rows.len() >= 1_048_576 {
            return Err(Error::invalid_argument(
                "dataset",
                crate::error::Msg::new(
                    format!(
                        "bảng `{}` có {} hàng, nhiều hơn một trang tính chứa được (1.048.575 hàng dưới tiêu đề)",
                        table.name,
                        rows.len()
                    ),
                    format!(
                        "`{}` has {} rows, more than a worksheet holds (1,048,575 under the header)",
                        table.name,
                        rows.len()
                    ),
                ),
            ));
        }
        let sheet = book.add_worksheet();
        sheet.set_name(table.name).map_err(fail)?;
        let mut widths: Vec<usize> = table
            .columns
            .iter()
            .map(|c| c.name.chars().count())
            .collect();
        for (c, column) in table.columns.iter().enumerate() {
            let c16 = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .write_string_with_format(0, c16, column.name, &bold)
                .map_err(fail)?;
        }
        for (r, row) in rows.iter().enumerate() {
            let r32 = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, (value, column)) in row.iter().zip(table.columns).enumerate() {
                let c16 = u16::try_from(c).unwrap_or(u16::MAX);
                if value.is_empty() {
                    continue;
                }
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(value.chars().count());
                }
                if value.chars().count() > 32_767 {
                    return Err(Error::invalid_argument(
                        "dataset",
                        crate::error::Msg::new(
                            format!("một giá trị `{}` trong bảng `{}` dài hơn 32.767 ký tự, mức tối đa của một ô Excel", column.name, table.name),
                            format!("a `{}` value in `{}` is longer than the 32,767 characters an Excel cell holds", column.name, table.name),
                        ),
                    ));
                }
                match column.ty {
                    ColumnType::Date => {
                        match crate::period::parse_date(value).and_then(date_serial) {
                            Some(serial) => sheet.write_number_with_format(r32, c16, serial, &date),
                            // Before March 1900 Excel has no date: kept as ISO text, read back the same.
                            None => sheet.write_string_with_format(r32, c16, value, &text),
                        }
                    }
                    ColumnType::Integer => match value.parse::<f64>() {
                        Ok(n) if n.abs() < EXACT_F64 && n.fract() == 0.0 => {
                            sheet.write_number(r32, c16, n)
                        }
                        _ => sheet.write_string_with_format(r32, c16, value, &text),
                    },
                    _ => sheet.write_string_with_format(r32, c16, value, &text),
                }
                .map_err(fail)?;
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let c16 = u16::try_from(c).unwrap_or(u16::MAX);
            // Dates show as dd/mm/yyyy (10 characters); text is as wide as its longest value.
            let ty = table.columns.get(c).map(|col| col.ty);
            let chars = if ty == Some(ColumnType::Date) {
                (*w).max(10)
            } else {
                *w
            };
            sheet
                .set_column_width(c16, (chars.min(60) + 2) as f64)
                .map_err(fail)?;
        }
        // New rows typed under the table keep the column's kind: codes stay text (leading zeros).
        for (c, column) in table.columns.iter().enumerate() {
            let c16 = u16::try_from(c).unwrap_or(u16::MAX);
            match column.ty {
                ColumnType::Date => sheet.set_column_format(c16, &date),
                ColumnType::Integer => Ok(&mut *sheet),
                _ => sheet.set_column_format(c16, &text),
            }
            .map_err(fail)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
        let last_col = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(0);
        let last_row = u32::try_from(rows.len()).unwrap_or(0);
        sheet.autofilter(0, 0, last_row, last_col).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(feature = "xlsx-read", feature = "xlsx-write"))]
    fn serial_days_in_both_systems() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(serial_date(45_536.0, false), d(2024, 9, 1));
        assert_eq!(serial_date(44_074.0, true), d(2024, 9, 1));
        assert_eq!(serial_date(1.0, false), d(1900, 1, 1));
        assert_eq!(serial_date(59.0, false), d(1900, 2, 28));
        assert_eq!(serial_date(60.0, false), None);
        assert_eq!(serial_date(61.0, false), d(1900, 3, 1));
        assert_eq!(serial_date(0.0, true), d(1904, 1, 1));
        assert_eq!(serial_date(45_536.5, false), None);
        assert_eq!(serial_date(f64::NAN, false), None);
        assert_eq!(serial_date(-1.0, false), None);
        assert_eq!(
            date_serial(NaiveDate::from_ymd_opt(2024, 9, 1).unwrap_or_default()),
            Some(45_536.0)
        );
    }

    #[test]
    #[cfg(feature = "xlsx-read")]
    fn shared_strings_are_counted_across_writes() {
        use std::io::Write;
        let mut c = Counter::default();
        c.write_all(b"<sst><si><t>a</t></si><s").unwrap();
        c.write_all(b"i/><s").unwrap();
        c.write_all(b"i><t>b</t></si></sst>").unwrap();
        assert_eq!(c.strings, 3);
    }
}
