//! JSON documents: the dataset and the profile, read with the JSON path of any error.

use crate::error::{Error, LoadErrorKind, Location, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Reads `T` from JSON text; `file` names the input in error messages.
pub fn from_str<T: DeserializeOwned>(text: &str, file: &str) -> Result<T> {
    let text = super::nfc(text);
    let mut de = serde_json::Deserializer::from_str(&text);
    let value: T = match serde_path_to_error::deserialize(&mut de) {
        Ok(v) => v,
        Err(err) => return Err(convert(err, file)),
    };
    de.end().map_err(|e| syntax(&e, file))?;
    Ok(value)
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
        e.to_string(),
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
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    let location = Location {
        file: Some(file.to_owned()),
        line: Some(inner.line() as u64),
        column: Some(inner.column() as u64),
        field,
        path: (path != "." && !path.is_empty()).then_some(path),
    };
    Error::load(kind, location, message)
}

/// Writes `value` as pretty JSON.
pub fn to_string<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::invalid_argument("value", e.to_string()))
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

    #[test]
    fn vietnamese_dates_accepted_and_nfd_normalised() {
        let ds = Dataset::from_json_str(
            "{\"units\":[{\"code\":\"06\",\"name\":\"Ba\u{0300} Ra\",\"type\":\"Tỉnh\",\"valid_from\":\"01/07/2025\"}]}",
        )
        .unwrap();
        assert_eq!(ds.units[0].name, "B\u{e0} Ra");
        assert_eq!(ds.units[0].valid_from, Some(crate::date(2025, 7, 1)));
    }
}
