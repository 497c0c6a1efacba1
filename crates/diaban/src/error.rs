//! The one error type of the library, with a stable machine code per kind and its message in
//! both languages.
//!
//! [`Error`]'s `Display` is English (the convention for Rust errors); front ends show
//! [`Error::message_in`] in the reader's language, Vietnamese by default:
//!
//! ```
//! use diaban::Lang;
//! let err = diaban::Dataset::from_json_str(r#"{"units": [{"code": "01"}]}"#).unwrap_err();
//! assert_eq!(err.code(), "missing_field");
//! assert!(err.message_in(Lang::Vi).contains("thiếu trường `name`"), "{}", err.message_in(Lang::Vi));
//! assert!(err.message_in(Lang::En).contains("missing field `name`"), "{}", err.message_in(Lang::En));
//! ```

use crate::finding::Lang;
use std::fmt;

/// A message in both languages. `Display` shows the English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Msg {
    /// A message from its Vietnamese and English texts.
    #[must_use]
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

impl Msg {
    /// A serde or serde_json error message (`unknown field …`, `missing field …`,
    /// `invalid type: …`) in both languages: the Vietnamese names the problem the way the
    /// English does, keeping the field, value and expectation as written; a message of
    /// another shape is kept in brackets after a Vietnamese lead.
    ///
    /// ```
    /// let m = diaban::error::Msg::from_serde("missing field `name` at line 1 column 20");
    /// assert_eq!(m.vi, "thiếu trường `name`");
    /// assert_eq!(m.en, "missing field `name`");
    /// let m = diaban::error::Msg::from_serde("invalid value: integer `-1`, expected u32");
    /// assert_eq!(m.vi, "giá trị không hợp lệ: nhận được số nguyên `-1`, cần một số nguyên không âm");
    /// ```
    #[must_use]
    pub fn from_serde(en: &str) -> Msg {
        serde_msg(en)
    }
}

/// A serde or serde_json message in both languages: the Vietnamese names the problem the
/// way the English does (field, value and what was expected are kept as written).
pub(crate) fn serde_msg(en: &str) -> Msg {
    let en = en.split(" at line ").next().unwrap_or(en).to_owned();
    let tail = |prefix: &str| en.strip_prefix(prefix).map(str::to_owned);
    let vi = if let Some(rest) = tail("unknown field ") {
        match rest.split_once(", expected ") {
            Some((field, known)) => format!(
                "trường lạ {field} (các trường được nhận: {})",
                known.trim_start_matches("one of ")
            ),
            None => format!("trường lạ {rest}"),
        }
    } else if let Some(rest) = tail("unknown variant ") {
        match rest.split_once(", expected ") {
            Some((word, known)) => format!(
                "giá trị lạ {word} (các giá trị được nhận: {})",
                known.trim_start_matches("one of ")
            ),
            None => format!("giá trị lạ {rest}"),
        }
    } else if let Some(rest) = tail("missing field ") {
        format!("thiếu trường {rest}")
    } else if let Some(rest) = tail("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((got, want)) => format!(
                "sai kiểu dữ liệu: nhận được {}, cần {}",
                json_kind_vi(got),
                expected_vi(want)
            ),
            None => format!("sai kiểu dữ liệu: {rest}"),
        }
    } else if let Some(rest) = tail("invalid value: ") {
        match rest.split_once(", expected ") {
            Some((got, want)) => format!(
                "giá trị không hợp lệ: nhận được {}, cần {}",
                json_kind_vi(got),
                value_expected_vi(want)
            ),
            None => format!("giá trị không hợp lệ: {rest}"),
        }
    } else if let Some(rest) = tail("invalid length ") {
        format!("độ dài không hợp lệ: {rest}")
    } else if let Some(rest) = tail("invalid date ") {
        match rest.split_once(':') {
            Some((value, _)) => {
                format!("{value} không phải là một ngày có thật: viết DD/MM/YYYY hoặc YYYY-MM-DD")
            }
            None => format!("ngày không hợp lệ {rest}"),
        }
    } else if en.starts_with("EOF while parsing") {
        "văn bản JSON kết thúc giữa chừng (thiếu phần cuối)".to_owned()
    } else if en == "expected value" {
        "cần một giá trị JSON ở đây".to_owned()
    } else if en == "trailing comma" {
        "dấu phẩy thừa trước dấu đóng".to_owned()
    } else if en == "trailing characters" {
        "có ký tự thừa sau khi văn bản JSON đã kết thúc".to_owned()
    } else if let Some(rest) = tail("expected ") {
        format!("JSON không hợp lệ: cần {rest}")
    } else {
        format!("JSON không hợp lệ (chi tiết kỹ thuật: {en})")
    };
    Msg::new(vi, en)
}

/// What serde expected (`a string`, `u32`, `a sequence`, `struct Unit`…), in Vietnamese.
fn expected_vi(want: &str) -> String {
    let want = want.trim();
    let known = match want {
        "a string" | "string" => Some("một chuỗi văn bản"),
        "a sequence" | "a list" => Some("một mảng"),
        "a map" => Some("một đối tượng"),
        "a boolean" | "bool" => Some("giá trị đúng/sai (true/false)"),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            Some("một số nguyên")
        }
        "f32" | "f64" => Some("một số"),
        "a date" => Some("một ngày"),
        _ => None,
    };
    match known {
        Some(vi) => vi.to_owned(),
        None if want.starts_with("struct ") || want.starts_with("a map") => {
            "một đối tượng".to_owned()
        }
        None if want.starts_with("a sequence") || want.starts_with("an array") => {
            "một mảng".to_owned()
        }
        None if want.starts_with("a string") || want.starts_with("a text") => {
            "một chuỗi văn bản".to_owned()
        }
        None => format!("`{want}`"),
    }
}

/// What serde expected of a value of the right type but outside its range (`-1` for a
/// `u32`), in Vietnamese: the range of an unsigned number is what the reader must know.
fn value_expected_vi(want: &str) -> String {
    match want.trim() {
        "u8" => "một số nguyên từ 0 đến 255".to_owned(),
        "u16" | "u32" | "u64" | "usize" => "một số nguyên không âm".to_owned(),
        other => expected_vi(other),
    }
}

/// The kind of a JSON value as serde names it (`string "x"`, `integer `3``…), in Vietnamese.
fn json_kind_vi(got: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("string", "chuỗi"),
        ("integer", "số nguyên"),
        ("floating point", "số thực"),
        ("boolean", "giá trị đúng/sai"),
        ("map", "đối tượng"),
        ("sequence", "mảng"),
        ("null", "null"),
        ("unit value", "giá trị rỗng"),
    ];
    for (en, vi) in KINDS {
        if let Some(rest) = got.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    got.to_owned()
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

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

impl Location {
    /// Where, in `lang`: "units.csv, line 3, field `name`" / "units.csv, dòng 3, trường `name`".
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let mut parts: Vec<String> = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        match (&self.sheet, &self.cell) {
            (Some(sheet), Some(cell)) if cell.bytes().all(|b| b.is_ascii_digit()) => {
                parts.push(if vi {
                    format!("trang tính `{sheet}`, hàng {cell}")
                } else {
                    format!("sheet `{sheet}`, row {cell}")
                });
            }
            (Some(sheet), Some(cell)) => parts.push(format!("{sheet}!{cell}")),
            (Some(sheet), None) => parts.push(if vi {
                format!("trang tính `{sheet}`")
            } else {
                format!("sheet `{sheet}`")
            }),
            (None, _) => {}
        }
        if let Some(line) = self.line {
            parts.push(if vi {
                format!("dòng {line}")
            } else {
                format!("line {line}")
            });
        }
        if let Some(column) = self.column {
            parts.push(if vi {
                format!("cột {column}")
            } else {
                format!("column {column}")
            });
        }
        if let Some(path) = &self.path {
            parts.push(if vi {
                format!("tại {path}")
            } else {
                format!("at {path}")
            });
        }
        if let Some(field) = &self.field {
            parts.push(if vi {
                format!("trường `{field}`")
            } else {
                format!("field `{field}`")
            });
        }
        if parts.is_empty() {
            (if vi { "dữ liệu vào" } else { "input" }).to_owned()
        } else {
            parts.join(", ")
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
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

/// A record that bears a name typed by a person (see [`Error::AmbiguousName`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NameCandidate {
    /// The record's id (person id, unit code or organisation id).
    pub id: String,
    /// Its name as recorded.
    pub name: String,
    /// Where it belongs, to tell namesakes apart: a person's organisation, a commune's
    /// district, an organisation's unit.
    pub unit: Option<String>,
}

impl fmt::Display for NameCandidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.unit {
            Some(unit) => write!(f, "{} ({}, {unit})", self.name, self.id),
            None => write!(f, "{} ({})", self.name, self.id),
        }
    }
}

fn list(candidates: &[NameCandidate]) -> String {
    candidates
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
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
        /// What is wrong, in plain words, in both languages.
        message: Msg,
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
    /// No record has this id or name (`--person`, `--target` and the bindings' lookups).
    #[error("{argument} `{text}`: no record has this id or name")]
    NotFound {
        /// The argument (`person`, `target`).
        argument: String,
        /// What was typed.
        text: String,
    },
    /// Several records bear this name: the caller must give one of their ids.
    #[error("{argument} `{text}`: {} records bear this name, give one of their ids: {}", candidates.len(), list(candidates))]
    AmbiguousName {
        /// The argument (`person`, `target`).
        argument: String,
        /// What was typed.
        text: String,
        /// The records bearing the name, in Vietnamese alphabetical order.
        candidates: Vec<NameCandidate>,
    },
    /// An argument to a query or command is not acceptable.
    #[error("invalid argument `{name}`: {message}")]
    InvalidArgument {
        /// The argument's name.
        name: String,
        /// Why it is not acceptable, in both languages.
        message: Msg,
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
            Error::NotFound { .. } => "not_found",
            Error::AmbiguousName { .. } => "ambiguous_name",
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

    /// The whole message in `lang`: where, then what (for a load error), as the command line
    /// prints it after `error[code]: `.
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Error::Load {
                location, message, ..
            } => format!("{}: {}", location.describe(lang), message.get(lang)),
            Error::Io { path, source } => {
                if vi {
                    format!("{path}: {}", io_vi(source))
                } else {
                    format!("{path}: {source}")
                }
            }
            Error::UnknownProfile(id) => {
                if vi {
                    format!("không có quy định dựng sẵn `{id}` (dựng sẵn: bac-kan-1390)")
                } else {
                    self.to_string()
                }
            }
            Error::UnknownScheme { scheme, known } => {
                if vi {
                    format!("hồ sơ quy định không có hình thức phân công `{scheme}` (các hình thức có: {known})")
                } else {
                    self.to_string()
                }
            }
            Error::NotFound { argument, text } => {
                if vi {
                    format!("{argument} `{text}`: không có hồ sơ nào mang mã hoặc tên này")
                } else {
                    self.to_string()
                }
            }
            Error::AmbiguousName {
                argument,
                text,
                candidates,
            } => {
                if vi {
                    format!(
                        "{argument} `{text}`: có {} hồ sơ mang tên này, hãy ghi mã của một trong số đó: {}",
                        candidates.len(),
                        list(candidates)
                    )
                } else {
                    self.to_string()
                }
            }
            Error::InvalidArgument { name, message } => {
                if vi {
                    format!("tham số `{name}` không hợp lệ: {}", message.vi)
                } else {
                    format!("invalid argument `{name}`: {}", message.en)
                }
            }
        }
    }

    pub(crate) fn load(kind: LoadErrorKind, location: Location, message: Msg) -> Error {
        Error::Load {
            kind,
            location: Box::new(location),
            message,
        }
    }

    pub(crate) fn invalid_argument(name: &str, message: Msg) -> Error {
        Error::InvalidArgument {
            name: name.to_owned(),
            message,
        }
    }
}

/// An operating system error in Vietnamese: the kinds a person meets, else the system's text.
fn io_vi(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "không tìm thấy tệp hoặc thư mục này".to_owned(),
        K::PermissionDenied => "không có quyền đọc hoặc ghi".to_owned(),
        K::AlreadyExists => "đã có một tệp trùng tên".to_owned(),
        K::InvalidData => format!("nội dung không đọc được (chi tiết kỹ thuật: {e})"),
        K::IsADirectory => "đây là một thư mục, không phải tệp".to_owned(),
        K::NotADirectory => "đây là một tệp, không phải thư mục".to_owned(),
        K::StorageFull => "ổ đĩa đã đầy".to_owned(),
        _ => format!("lỗi của hệ điều hành (chi tiết kỹ thuật: {e})"),
    }
}

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
