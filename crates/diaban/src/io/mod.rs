//! Reading and writing datasets: JSON documents and CSV folders (DESIGN §6).
//!
//! Loading fails only for input it cannot read, with an [`crate::Error::Load`] that names
//! the file, the line and the field (or the JSON path). Everything else is left to
//! validation, which reports findings.

pub mod csv;
pub mod json;

use crate::error::{Error, Result};
use crate::model::Dataset;
use std::path::Path;

/// Text normalised to Unicode NFC (names are stored and compared in NFC), without a leading BOM.
pub(crate) fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

pub(crate) fn read_to_string(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let prefix = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = 1 + prefix.iter().filter(|b| **b == b'\n').count() as u64;
        Error::load(
            crate::error::LoadErrorKind::CsvSyntax,
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
    /// Loads a dataset from a path: a JSON file, or a folder of CSV files.
    pub fn load(path: impl AsRef<Path>) -> Result<Dataset> {
        let path = path.as_ref();
        if path.is_dir() {
            csv::read_dir(path)
        } else {
            let text = read_to_string(path)?;
            json::from_str(&text, &path.display().to_string())
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
        json::from_str(text, "dataset")
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

    /// The dataset as CSV files: `(file name, text)` for every non-empty table (always `units.csv`).
    pub fn to_csv_texts(&self) -> Result<Vec<(&'static str, String)>> {
        csv::write_texts(self)
    }
}
