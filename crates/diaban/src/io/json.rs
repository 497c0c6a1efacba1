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

/// Reads a dataset from JSON text under `limits`, then normalises it as the CSV reader would
/// (see [`crate::Dataset::from_json_str_with_limits`]) and enforces the record and field caps.
pub(crate) fn dataset_from_str(text: &str, file: &str, limits: &Limits) -> Result<Dataset> {
    let mut ds: Dataset = from_str_with_limits(text, file, limits)?;
    Normalizer { file, limits }.dataset(&mut ds)?;
    Ok(ds)
}

/// Walks every text of a freshly read dataset: caps, NFC, blank optional → absent,
/// blank required → `missing_field`. The JSON path of a fault is built only when one is found.
struct Normalizer<'a> {
    file: &'a str,
    limits: &'a Limits,
}

impl Normalizer<'_> {
    fn at(&self, table: &str, i: usize, field: &str) -> Location {
        Location {
            file: Some(self.file.to_owned()),
            field: Some(field.to_owned()),
            path: Some(format!("{table}[{i}].{field}")),
            ..Location::default()
        }
    }

    fn text(&self, table: &str, i: usize, field: &str, value: &mut String) -> Result<()> {
        self.limits
            .check_field(value.len(), || self.at(table, i, field))?;
        if value.trim().is_empty() {
            return Err(Error::load(
                LoadErrorKind::MissingField,
                self.at(table, i, field),
                Msg::new(
                    format!("trường `{field}` không được để trống"),
                    format!("`{field}` must not be empty"),
                ),
            ));
        }
        nfc_in_place(value);
        Ok(())
    }

    fn opt(&self, table: &str, i: usize, field: &str, value: &mut Option<String>) -> Result<()> {
        if let Some(text) = value {
            self.limits
                .check_field(text.len(), || self.at(table, i, field))?;
            if text.trim().is_empty() {
                *value = None;
            } else {
                nfc_in_place(text);
            }
        }
        Ok(())
    }

    fn count(&self, table: &str, len: usize) -> Result<()> {
        self.limits.check_records(table, len, || Location {
            file: Some(self.file.to_owned()),
            path: Some(table.to_owned()),
            ..Location::default()
        })
    }

    fn dataset(&self, ds: &mut Dataset) -> Result<()> {
        self.count("units", ds.units.len())?;
        self.count("organizations", ds.organizations.len())?;
        self.count("people", ds.people.len())?;
        self.count("terms", ds.terms.len())?;
        self.count("assignments", ds.assignments.len())?;
        self.count("activities", ds.activities.len())?;
        self.count("evaluations", ds.evaluations.len())?;
        self.count("reorganizations", ds.reorganizations.len())?;
        self.count("ntm_statuses", ds.ntm_statuses.len())?;
        for (i, x) in ds.units.iter_mut().enumerate() {
            let t = "units";
            self.text(t, i, "code", &mut x.code)?;
            self.text(t, i, "name", &mut x.name)?;
            self.opt(t, i, "parent_code", &mut x.parent_code)?;
        }
        for (i, x) in ds.organizations.iter_mut().enumerate() {
            let t = "organizations";
            self.text(t, i, "id", &mut x.id)?;
            self.text(t, i, "name", &mut x.name)?;
            self.opt(t, i, "unit_code", &mut x.unit_code)?;
            self.opt(t, i, "parent_id", &mut x.parent_id)?;
        }
        for (i, x) in ds.people.iter_mut().enumerate() {
            let t = "people";
            self.text(t, i, "id", &mut x.id)?;
            self.text(t, i, "name", &mut x.name)?;
            self.text(t, i, "title", &mut x.title)?;
            self.text(t, i, "organization_id", &mut x.organization_id)?;
        }
        for (i, x) in ds.terms.iter_mut().enumerate() {
            let t = "terms";
            self.text(t, i, "id", &mut x.id)?;
            self.text(t, i, "organization_id", &mut x.organization_id)?;
            self.text(t, i, "label", &mut x.label)?;
            self.opt(t, i, "ordinal", &mut x.ordinal)?;
        }
        for (i, x) in ds.assignments.iter_mut().enumerate() {
            let t = "assignments";
            self.text(t, i, "id", &mut x.id)?;
            self.text(t, i, "scheme", &mut x.scheme)?;
            self.text(t, i, "subject_id", &mut x.subject_id)?;
            self.text(t, i, "target", &mut x.target)?;
            self.opt(t, i, "term_id", &mut x.term_id)?;
            self.opt(t, i, "decision_number", &mut x.decision_number)?;
            self.opt(t, i, "replaces", &mut x.replaces)?;
            self.opt(t, i, "category", &mut x.category)?;
        }
        for (i, x) in ds.activities.iter_mut().enumerate() {
            let t = "activities";
            self.text(t, i, "id", &mut x.id)?;
            self.text(t, i, "subject_id", &mut x.subject_id)?;
            self.text(t, i, "target", &mut x.target)?;
            self.opt(t, i, "duty", &mut x.duty)?;
            self.opt(t, i, "note", &mut x.note)?;
            self.opt(t, i, "recipient", &mut x.recipient)?;
        }
        for (i, x) in ds.evaluations.iter_mut().enumerate() {
            let t = "evaluations";
            self.text(t, i, "id", &mut x.id)?;
            self.text(t, i, "assignment_id", &mut x.assignment_id)?;
            self.text(t, i, "author_id", &mut x.author_id)?;
            self.opt(t, i, "note", &mut x.note)?;
        }
        for (i, x) in ds.reorganizations.iter_mut().enumerate() {
            let t = "reorganizations";
            self.text(t, i, "old_code", &mut x.old_code)?;
            self.opt(t, i, "new_code", &mut x.new_code)?;
            self.opt(t, i, "new_name", &mut x.new_name)?;
            self.opt(t, i, "basis", &mut x.basis)?;
        }
        for (i, x) in ds.ntm_statuses.iter_mut().enumerate() {
            self.text("ntm_statuses", i, "unit_code", &mut x.unit_code)?;
        }
        Ok(())
    }
}

fn nfc_in_place(text: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    if !crate::words::is_nfc(text) {
        *text = text.nfc().collect();
    }
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
