//! Reading and writing datasets: JSON documents and CSV folders (DESIGN §6).
//!
//! Loading fails only for input it cannot read, with an [`crate::Error::Load`] that names
//! the file, the line and the field (or the JSON path). Everything else is left to
//! validation, which reports findings.

pub mod csv;
pub mod json;

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::Dataset;
use std::path::Path;

/// Text normalised to Unicode NFC (names are stored and compared in NFC), without a leading BOM.
pub(crate) fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_nfc(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// True when `text` is certainly in NFC. Fast path first: every character below U+0300 or in
/// Latin Extended Additional (U+1E00–U+1EFF, where Vietnamese precomposed letters live) is
/// NFC whatever follows it, and every character that composes with a preceding one is at
/// U+0300 or above; only other text goes through the Unicode quick check.
pub(crate) fn is_nfc(text: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    text.is_ascii()
        || text
            .chars()
            .all(|c| c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c))
        || is_nfc_quick(text.chars()) == IsNormalized::Yes
}

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
    String::from_utf8(bytes).map_err(|e| {
        let prefix = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = 1 + prefix.iter().filter(|b| **b == b'\n').count() as u64;
        let is_csv = path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("csv"));
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
            "the file is not valid UTF-8 text",
        )
    })
}

impl Dataset {
    /// Loads a dataset from a path: a JSON file, or a folder of CSV files, under the default
    /// [`Limits`].
    pub fn load(path: impl AsRef<Path>) -> Result<Dataset> {
        Dataset::load_with_limits(path, &Limits::default())
    }

    /// Loads a dataset from a path (a JSON file, or a folder of CSV files) under the given
    /// caps; going past one is a `limit_exceeded` error. Never reads more than
    /// `limits.max_input_bytes` bytes.
    pub fn load_with_limits(path: impl AsRef<Path>, limits: &Limits) -> Result<Dataset> {
        let path = path.as_ref();
        if path.is_dir() {
            csv::read_dir_with_limits(path, limits)
        } else {
            let text = read_to_string_limited(path, limits, &mut 0)?;
            json::dataset_from_str(&text, &path.display().to_string(), limits)
        }
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
