//! JSON documents: the dataset and the profile, read with the JSON path of any error.

use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use crate::limits::Limits;
use crate::model::Dataset;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Reads `T` from JSON text under the default input cap; `file` names the input in error messages.
pub fn from_str<T: DeserializeOwned>(text: &str, file: &str) -> Result<T> {
    from_str_with_limits(text, file, &Limits::default())
}

/// Reads `T` from JSON text, refusing text longer than `limits.max_input_bytes`.
/// (Nesting deeper than 128 levels is a `json_syntax` error: serde_json's recursion limit.)
pub fn from_str_with_limits<T: DeserializeOwned>(
    text: &str,
    file: &str,
    limits: &Limits,
) -> Result<T> {
    limits.check_input(text.len() as u64, || Location::file(file))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The fast path parses without tracking the JSON path; only a document that fails is
    // read again with `serde_path_to_error`, to name the path of the fault.
    serde_json::from_str(text).map_err(|_| precise_error::<T>(text, file))
}

/// The error of a document that failed to parse, with its JSON path.
fn precise_error<T: DeserializeOwned>(text: &str, file: &str) -> Error {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(err) => convert(err, file),
        Ok(_) => match de.end() {
            Err(e) => syntax(&e, file),
            Ok(()) => Error::load(
                LoadErrorKind::JsonSyntax,
                Location::file(file),
                Msg::new("JSON không hợp lệ", "invalid JSON"),
            ),
        },
    }
}

fn syntax(e: &serde_json::Error, file: &str) -> Error {
    Error::load(
        LoadErrorKind::JsonSyntax,
        Location {
            file: Some(file.to_owned()),
            line: Some(e.line() as u64),
            column: Some(e.column() as u64),
            ..Location::default()
        },
        Msg::from_serde(&e.to_string()),
    )
}

fn convert(err: serde_path_to_error::Error<serde_json::Error>, file: &str) -> Error {
    let path = err.path().to_string();
    let inner = err.inner();
    let message = inner.to_string();
    let kind = match inner.classify() {
        serde_json::error::Category::Syntax
        | serde_json::error::Category::Eof
        | serde_json::error::Category::Io => LoadErrorKind::JsonSyntax,
        serde_json::error::Category::Data => {
            if message.starts_with("unknown field") {
                LoadErrorKind::UnknownField
            } else if message.starts_with("missing field") {
                LoadErrorKind::MissingField
            } else if message.starts_with("invalid date") {
                LoadErrorKind::InvalidDate
            } else {
                LoadErrorKind::InvalidValue
            }
        }
    };
    let field = match kind {
        LoadErrorKind::UnknownField | LoadErrorKind::MissingField => {
            message.split('`').nth(1).map(str::to_owned)
        }
        _ => path
            .rsplit('.')
            .next()
            .filter(|s| !s.is_empty() && *s != "?")
            .map(str::to_owned),
    };
    let message = Msg::from_serde(&message);
    let location = Location {
        file: Some(file.to_owned()),
        line: Some(inner.line() as u64),
        column: Some(inner.column() as u64),
        field,
        path: (path != "." && !path.is_empty()).then_some(path),
        ..Location::default()
    };
    Error::load(kind, location, message)
}

/// Reads a dataset from JSON text under `limits` (the model's text fields read texts in NFC
/// and a blank optional text as absent, as the CSV reader does; see
/// [`crate::Dataset::from_json_str_with_limits`]), then enforces the record and field caps
/// and refuses a blank required text, walking the tables without naming their fields.
pub(crate) fn dataset_from_str(text: &str, file: &str, limits: &Limits) -> Result<Dataset> {
    let ds: Dataset = from_str_with_limits(text, file, limits)?;
    super::walk::check(&ds, file, limits)?;
    Ok(ds)
}

/// Writes `value` as pretty JSON.
pub fn to_string<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| {
        Error::invalid_argument(
            "value",
            Msg::new(
                format!("không ghi được JSON (chi tiết kỹ thuật: {e})"),
                e.to_string(),
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::Dataset;

    #[test]
    fn errors_name_path_and_field() {
        let err = Dataset::from_json_str(
            r#"{"units":[{"code":"06","name":"x","type":"Tỉnh","valid_from":"2024-02-30"}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_date");
        let loc = err.location().unwrap();
        assert_eq!(loc.path.as_deref(), Some("units[0].valid_from"));
        assert_eq!(loc.field.as_deref(), Some("valid_from"));

        let err = Dataset::from_json_str(
            r#"{"units":[{"code":"06","name":"x","type":"Tỉnh","colour":1}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.code(), "unknown_field");
        assert_eq!(err.location().unwrap().field.as_deref(), Some("colour"));

        let err = Dataset::from_json_str(r#"{"units":[{"code":"06","name":"x","type":"Bang"}]}"#)
            .unwrap_err();
        assert_eq!(err.code(), "invalid_value");
        assert_eq!(
            err.location().unwrap().path.as_deref(),
            Some("units[0].type")
        );

        let err = Dataset::from_json_str("{\"units\":[]}\n x").unwrap_err();
        assert_eq!(
            (err.code(), err.location().unwrap().line),
            ("json_syntax", Some(2))
        );
    }

    /// Every text field of the model is read from JSON in NFC, a blank optional one as
    /// absent, and a blank required one is refused: the per-field hooks cannot be forgotten
    /// on a new text column.
    #[test]
    fn every_text_of_every_table_is_normalised_when_read_from_json() {
        use crate::io::columns::{ColumnType, TABLES};
        let decomposed = "Ba\u{0300} Ra";
        let value = |column: &crate::io::columns::Column, blank: bool| -> serde_json::Value {
            match column.ty {
                ColumnType::Text | ColumnType::Id | ColumnType::Code if blank => " ".into(),
                ColumnType::Text | ColumnType::Id | ColumnType::Code => decomposed.into(),
                ColumnType::Date => "2024-09-01".into(),
                ColumnType::Integer => 7.into(),
                ColumnType::Flag => true.into(),
                ColumnType::Word(name) => crate::vocabulary::vocabularies()
                    .into_iter()
                    .find(|(n, _)| *n == name)
                    .and_then(|(_, e)| e.first().map(|(w, _)| (*w).to_owned()))
                    .unwrap()
                    .into(),
            }
        };
        let texts = |c: &&crate::io::columns::Column| {
            matches!(c.ty, ColumnType::Text | ColumnType::Id | ColumnType::Code)
        };
        for table in TABLES {
            let record = |blank: &dyn Fn(&crate::io::columns::Column) -> bool| {
                let fields: serde_json::Map<String, serde_json::Value> = table
                    .columns
                    .iter()
                    .map(|c| (c.name.to_owned(), value(c, blank(c))))
                    .collect();
                let mut doc = serde_json::json!({ "units": [] });
                doc[table.name] = serde_json::json!([fields]);
                doc.to_string()
            };
            let written = |ds: &Dataset| -> Vec<String> {
                let rows = crate::io::rows::try_to_rows(ds).unwrap();
                let (_, rows) = rows
                    .into_iter()
                    .find(|(t, _)| t.name == table.name)
                    .unwrap();
                rows.into_iter().next().unwrap()
            };
            let ds = Dataset::from_json_str(&record(&|_| false)).unwrap();
            for (column, cell) in table.columns.iter().zip(written(&ds)) {
                if texts(&column) {
                    assert_eq!(cell, "B\u{e0} Ra", "{}.{}", table.name, column.name);
                }
            }
            let ds = Dataset::from_json_str(&record(&|c| !c.required)).unwrap();
            for (column, cell) in table.columns.iter().zip(written(&ds)) {
                if texts(&column) && !column.required {
                    assert_eq!(cell, "", "{}.{}", table.name, column.name);
                }
            }
            // A column that must be present may still hold an optional value (the new code
            // of an abolished unit): blank, it is either refused or read as absent.
            for column in table.columns.iter().filter(texts).filter(|c| c.required) {
                match Dataset::from_json_str(&record(&|c| c.name == column.name)) {
                    Err(e) => {
                        assert_eq!(e.code(), "missing_field", "{}.{}", table.name, column.name);
                        assert_eq!(
                            e.location().unwrap().path.as_deref(),
                            Some(format!("{}[0].{}", table.name, column.name).as_str())
                        );
                    }
                    Ok(ds) => {
                        let at = table.columns.iter().position(|c| c.name == column.name);
                        assert_eq!(
                            written(&ds).get(at.unwrap()).map(String::as_str),
                            Some(""),
                            "{}.{}",
                            table.name,
                            column.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn vietnamese_dates_accepted_and_nfd_normalised() {
        let ds = Dataset::from_json_str(
            "{\"units\":[{\"code\":\"06\",\"name\":\"Ba\u{0300} Ra\",\"type\":\"Tỉnh\",\"valid_from\":\"01/07/2025\"}]}",
        )
        .unwrap();
        assert_eq!(ds.units[0].name, "B\u{e0} Ra");
        assert_eq!(ds.units[0].valid_from, Some(crate::date!(2025, 7, 1)));
    }
}
