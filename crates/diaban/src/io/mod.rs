//! Reading and writing datasets: JSON documents, CSV folders and XLSX workbooks (the tables
//! and columns are listed in [`columns`] and described in `docs/data-format.md`).
//!
//! Loading fails only for input it cannot read, with an [`crate::Error::Load`] that names
//! the file, the line and the field (or the JSON path). Everything else is left to
//! validation, which reports findings.

pub(crate) mod cells;
pub mod columns;
pub mod csv;
pub mod json;
mod row_de;
mod row_ser;
pub(crate) mod rows;
pub(crate) mod tokens;
mod walk;
#[cfg(any(feature = "xlsx-read", feature = "xlsx-write"))]
pub mod xlsx;

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::Dataset;
use std::path::Path;

pub(crate) fn read_to_string(path: &Path) -> Result<String> {
    read_to_string_limited(path, &Limits::default(), &mut 0)
}

/// Reads a UTF-8 file, never more than the input cap allows: `total` counts the bytes read
/// so far in this load (all the files of a CSV folder share one cap).
pub(crate) fn read_to_string_limited(
    path: &Path,
    limits: &Limits,
    total: &mut u64,
) -> Result<String> {
    decode_text(path, read_bytes_limited(path, limits, total)?)
}

/// Reads a file's bytes, never more than the input cap allows (`total` as for
/// [`read_to_string_limited`]).
pub(crate) fn read_bytes_limited(path: &Path, limits: &Limits, total: &mut u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let allowed = limits.max_input_bytes.saturating_sub(*total);
    let here = || crate::error::Location::file(path.display().to_string());
    // The size the file claims, then what it really gives (a pipe or a device has no size).
    let claimed = file.metadata().map(|m| m.len()).unwrap_or(0);
    limits.check_input(total.saturating_add(claimed), here)?;
    let mut bytes = Vec::new();
    file.take(allowed.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    *total = total.saturating_add(bytes.len() as u64);
    limits.check_input(*total, here)?;
    Ok(bytes)
}

/// The text of a file's bytes: UTF-8 (a BOM is dropped later), or UTF-16 with its BOM (what
/// Excel's "Unicode Text" writes). Anything else is an error that names the file, the first
/// bad line, the likely encoding and how to save the file again as UTF-8.
fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let is_csv = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv") || x.eq_ignore_ascii_case("txt"));
    if let Some(text) = decode_utf16(&bytes) {
        return text.ok_or_else(|| {
            Error::load(
                if is_csv {
                    crate::error::LoadErrorKind::CsvSyntax
                } else {
                    crate::error::LoadErrorKind::JsonSyntax
                },
                crate::error::Location::file(path.display().to_string()),
                crate::error::Msg::new(
                    "tệp bắt đầu bằng dấu thứ tự byte UTF-16 nhưng nội dung không phải UTF-16 hợp lệ",
                    "the file starts with a UTF-16 byte-order mark but is not valid UTF-16 text",
                ),
            )
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let prefix = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = 1 + prefix.iter().filter(|b| **b == b'\n').count() as u64;
        let encoding = likely_encoding(e.as_bytes());
        let message = if is_csv {
            crate::error::Msg::new(
                format!(
                    "tệp không phải văn bản UTF-8; có vẻ là {encoding} — hãy mở tệp trong Excel, chọn \
                     \"Lưu dưới dạng\" → \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nạp tệp vừa lưu"
                ),
                format!(
                    "the file is not UTF-8 text; it looks like {encoding} — in Excel, open it and use \
                     \"Lưu dưới dạng\" (Save As) → \"CSV UTF-8 (Comma delimited) (*.csv)\", then load that file"
                ),
            )
        } else {
            crate::error::Msg::new(
                format!("tệp không phải văn bản UTF-8 hợp lệ (có vẻ là {encoding}); hãy lưu lại với bảng mã UTF-8"),
                format!("the file is not valid UTF-8 text (it looks like {encoding}); save it again as UTF-8"),
            )
        };
        Error::load(
            if is_csv {
                crate::error::LoadErrorKind::CsvSyntax
            } else {
                crate::error::LoadErrorKind::JsonSyntax
            },
            crate::error::Location {
                file: Some(path.display().to_string()),
                line: Some(line),
                ..Default::default()
            },
            message,
        )
    })
}

/// `Some` when the bytes start with a UTF-16 byte-order mark: the decoded text, or `None`
/// when the rest is not valid UTF-16.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let (little, rest) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    if rest.len() % 2 != 0 {
        return Some(None);
    }
    let units: Vec<u16> = rest
        .chunks_exact(2)
        .map(|c| match c {
            [a, b] if little => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0,
        })
        .collect();
    Some(String::from_utf16(&units).ok())
}

/// A guess at the 8-bit encoding of text that is not UTF-8, found by trying: bytes that stand
/// for Vietnamese letters only in Windows-1258 (ă, đ, ơ, ư and the combining tone marks) say
/// Windows-1258; other high bytes say Windows-1252 (Western European); the old TCVN3 (ABC)
/// font encoding cannot be told apart from these by bytes alone, so it is named as well.
pub(crate) fn likely_encoding(bytes: &[u8]) -> &'static str {
    // Windows-1258 positions whose letter differs from Windows-1252 and is Vietnamese.
    const VIETNAMESE: &[u8] = &[
        0xC3, 0xE3, 0xD0, 0xF0, 0xD5, 0xF5, 0xDD, 0xFD, 0xCC, 0xEC, 0xD2, 0xF2, 0xDE, 0xFE,
    ];
    let high: Vec<u8> = bytes.iter().copied().filter(|b| *b >= 0x80).collect();
    if high.is_empty() {
        "an 8-bit encoding"
    } else if high.iter().any(|b| VIETNAMESE.contains(b)) {
        "Windows-1258 (the Vietnamese ANSI code page Excel uses for \"CSV (Comma delimited)\"), or TCVN3"
    } else {
        "Windows-1252 (Western European ANSI), or TCVN3"
    }
}

impl Dataset {
    /// Loads a dataset from a path: a JSON file, an XLSX workbook, or a folder of CSV files,
    /// under the default [`Limits`].
    pub fn load(path: impl AsRef<Path>) -> Result<Dataset> {
        Dataset::load_with_limits(path, &Limits::default())
    }

    /// Loads a dataset from a path (a JSON file, an XLSX workbook — known by its zip
    /// signature —, or a folder of CSV files) under the given caps; going past one is a
    /// `limit_exceeded` error. Never reads more than `limits.max_input_bytes` bytes (for a
    /// workbook: the file and every part it holds, uncompressed).
    pub fn load_with_limits(path: impl AsRef<Path>, limits: &Limits) -> Result<Dataset> {
        let path = path.as_ref();
        if path.is_dir() {
            return csv::read_dir_with_limits(path, limits);
        }
        let bytes = read_bytes_limited(path, limits, &mut 0)?;
        let name = path.display().to_string();
        // A zip archive is a workbook; an OLE compound file is an old (.xls) or a
        // password-protected workbook, which the workbook reader names as such.
        if bytes.starts_with(b"PK\x03\x04")
            || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
        {
            #[cfg(feature = "xlsx-read")]
            return xlsx::read_bytes(&name, &bytes, limits);
            #[cfg(not(feature = "xlsx-read"))]
            return Err(Error::load(
                crate::error::LoadErrorKind::XlsxSyntax,
                crate::error::Location::file(name),
                crate::error::Msg::new(
                    "bản diaban này không đọc sổ tính XLSX (được dựng không có tính năng `xlsx-read`)",
                    "this build of diaban reads no XLSX workbooks (built without the `xlsx-read` feature)",
                ),
            ));
        }
        if path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("xlsx") || x.eq_ignore_ascii_case("xls"))
        {
            return Err(Error::load(
                crate::error::LoadErrorKind::XlsxSyntax,
                crate::error::Location::file(name),
                crate::error::Msg::new(
                    "không phải sổ tính XLSX (tệp XLSX là một tệp nén zip; sổ tính .xls kiểu cũ phải được lưu lại dưới dạng .xlsx)",
                    "not an XLSX workbook (an XLSX file is a zip archive; an old .xls workbook must be saved again as .xlsx)",
                ),
            ));
        }
        let text = decode_text(path, bytes)?;
        json::dataset_from_str(&text, &name, limits)
    }

    /// Reads a dataset from the bytes of an XLSX workbook (one sheet per table) under the
    /// default [`Limits`].
    #[cfg(feature = "xlsx-read")]
    pub fn from_xlsx_bytes(bytes: &[u8]) -> Result<Dataset> {
        xlsx::read_bytes("workbook.xlsx", bytes, &Limits::default())
    }

    /// Reads a dataset from the bytes of an XLSX workbook under the given caps; `name` names
    /// the workbook in errors.
    #[cfg(feature = "xlsx-read")]
    pub fn from_xlsx_bytes_with_limits(
        name: &str,
        bytes: &[u8],
        limits: &Limits,
    ) -> Result<Dataset> {
        xlsx::read_bytes(name, bytes, limits)
    }

    /// The dataset as an XLSX workbook (one sheet per non-empty table, typed cells); reading
    /// it back gives an equal dataset.
    #[cfg(feature = "xlsx-write")]
    pub fn to_xlsx_bytes(&self) -> Result<Vec<u8>> {
        xlsx::write_bytes(self)
    }

    /// Reads a dataset from JSON text. Unknown fields are errors naming their JSON path.
    ///
    /// ```
    /// let ds = diaban::Dataset::from_json_str(r#"{"units": [
    ///     {"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh"}]}"#).unwrap();
    /// assert_eq!(ds.units.len(), 1);
    /// let err = diaban::Dataset::from_json_str(r#"{"units": [], "colour": 1}"#).unwrap_err();
    /// assert_eq!(err.code(), "unknown_field");
    /// ```
    pub fn from_json_str(text: &str) -> Result<Dataset> {
        Dataset::from_json_str_with_limits(text, &Limits::default())
    }

    /// Reads a dataset from JSON text under the given caps ([`Limits`]).
    ///
    /// Strings are stored in NFC (escaped `\uXXXX` sequences too), an optional text that is
    /// empty or blank is read as absent (as in a CSV file), and a required text that is empty
    /// or blank is a `missing_field` error (as in a CSV file), so that JSON and CSV agree.
    pub fn from_json_str_with_limits(text: &str, limits: &Limits) -> Result<Dataset> {
        json::dataset_from_str(text, "dataset", limits)
    }

    /// The dataset as pretty-printed JSON (lossless: reading it back gives an equal dataset).
    pub fn to_json_string(&self) -> Result<String> {
        json::to_string(self)
    }

    /// Reads a dataset from CSV files given by name (`units.csv`, `assignments.csv`…) and text.
    pub fn from_csv_texts<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Dataset> {
        csv::read_texts(files)
    }

    /// Reads a dataset from CSV files given by name and text under the given caps ([`Limits`]);
    /// the input cap applies to all the texts together.
    pub fn from_csv_texts_with_limits<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        limits: &Limits,
    ) -> Result<Dataset> {
        csv::read_texts_with_limits(files, limits)
    }

    /// The dataset as CSV files: `(file name, text)` for every non-empty table (always `units.csv`).
    pub fn to_csv_texts(&self) -> Result<Vec<(&'static str, String)>> {
        csv::write_texts(self)
    }
}
