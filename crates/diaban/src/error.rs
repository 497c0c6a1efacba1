//! The one error type of the library, with a stable machine code per kind.

use std::fmt;

/// Where in the input a load error was found: file, line and column or field, or a JSON path.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// The file (a path, or a name such as `units.csv` for in-memory input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based line number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The 1-based column number (JSON input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// The field or CSV column at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The JSON path of the value at fault, such as `assignments[3].valid_from`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The workbook sheet (XLSX input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The cell as Excel names it (`D17`), or the row number when no one cell is meant (XLSX input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Location {
    /// A location naming only a file.
    #[must_use]
    pub fn file(file: impl Into<String>) -> Location {
        Location {
            file: Some(file.into()),
            ..Location::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        match (&self.sheet, &self.cell) {
            (Some(sheet), Some(cell)) if cell.bytes().all(|b| b.is_ascii_digit()) => {
                parts.push(format!("sheet `{sheet}`, row {cell}"));
            }
            (Some(sheet), Some(cell)) => parts.push(format!("{sheet}!{cell}")),
            (Some(sheet), None) => parts.push(format!("sheet `{sheet}`")),
            (None, _) => {}
        }
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(column) = self.column {
            parts.push(format!("column {column}"));
        }
        if let Some(path) = &self.path {
            parts.push(format!("at {path}"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("field `{field}`"));
        }
        if parts.is_empty() {
            f.write_str("input")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// What kind of load error: each has a stable snake_case code (see [`Error::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The text is not well-formed JSON.
    JsonSyntax,
    /// The text is not well-formed CSV (a stray quote, a ragged row, text that is not UTF-8).
    CsvSyntax,
    /// A field or column the format does not know.
    UnknownField,
    /// A required field or column is absent or empty.
    MissingField,
    /// A date that is not a real `YYYY-MM-DD` or `DD/MM/YYYY` date.
    InvalidDate,
    /// A value of the wrong type or outside its set of allowed words.
    InvalidValue,
    /// A configured limit on input size or record count was exceeded.
    LimitExceeded,
    /// The file is not a readable XLSX workbook (not a zip archive, a damaged part, XML
    /// that is not well formed).
    XlsxSyntax,
}

impl LoadErrorKind {
    /// The stable machine code of this kind.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            LoadErrorKind::JsonSyntax => "json_syntax",
            LoadErrorKind::CsvSyntax => "csv_syntax",
            LoadErrorKind::UnknownField => "unknown_field",
            LoadErrorKind::MissingField => "missing_field",
            LoadErrorKind::InvalidDate => "invalid_date",
            LoadErrorKind::InvalidValue => "invalid_value",
            LoadErrorKind::LimitExceeded => "limit_exceeded",
            LoadErrorKind::XlsxSyntax => "xlsx_syntax",
        }
    }
}

/// Every failure the library reports. Findings about the data are *not* errors; see [`crate::Finding`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read as a dataset or profile.
    #[error("{location}: {message}")]
    Load {
        /// The kind of problem.
        kind: LoadErrorKind,
        /// Where it was found (boxed to keep `Result`s small).
        location: Box<Location>,
        /// What is wrong, in plain words.
        message: String,
    },
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path concerned.
        path: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// No built-in profile has this id.
    #[error("unknown profile `{0}` (built in: bac-kan-1390)")]
    UnknownProfile(String),
    /// The profile has no scheme with this id.
    #[error("unknown scheme `{scheme}` (this profile has: {known})")]
    UnknownScheme {
        /// The id asked for.
        scheme: String,
        /// The ids the profile has, comma separated.
        known: String,
    },
    /// An argument to a query or command is not acceptable.
    #[error("invalid argument `{name}`: {message}")]
    InvalidArgument {
        /// The argument's name.
        name: String,
        /// Why it is not acceptable.
        message: String,
    },
}

impl Error {
    /// The stable snake_case machine code of this error.
    ///
    /// ```
    /// let err = diaban::Dataset::from_json_str("{").unwrap_err();
    /// assert_eq!(err.code(), "json_syntax");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::Load { kind, .. } => kind.code(),
            Error::Io { .. } => "io",
            Error::UnknownProfile(_) => "unknown_profile",
            Error::UnknownScheme { .. } => "unknown_scheme",
            Error::InvalidArgument { .. } => "invalid_argument",
        }
    }

    /// The location of a load error, if this is one.
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Load { location, .. } => Some(location.as_ref()),
            _ => None,
        }
    }

    /// True for errors caused by the input's content (the CLI exits 2 for these and for I/O errors).
    #[must_use]
    pub fn is_load_error(&self) -> bool {
        matches!(self, Error::Load { .. } | Error::Io { .. })
    }

    pub(crate) fn load(
        kind: LoadErrorKind,
        location: Location,
        message: impl Into<String>,
    ) -> Error {
        Error::Load {
            kind,
            location: Box::new(location),
            message: message.into(),
        }
    }

    pub(crate) fn invalid_argument(name: &str, message: impl Into<String>) -> Error {
        Error::InvalidArgument {
            name: name.to_owned(),
            message: message.into(),
        }
    }
}

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
