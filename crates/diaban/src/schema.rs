//! JSON Schemas: of the dataset and profile formats (`diaban schema`), and of every output
//! shape the front ends return ([`outputs`]), from which the Python and TypeScript type
//! declarations are generated (`cargo xtask codegen`).

use crate::finding::{Basis, Code, Severity, SubjectRef, Summary};
use chrono::NaiveDate;
use schemars::{generate::SchemaSettings, JsonSchema, SchemaGenerator};
use serde_json::{Map, Value};

/// The JSON Schema of a dataset document.
#[must_use]
pub fn dataset() -> Value {
    schemars::schema_for!(crate::Dataset).to_value()
}

/// The JSON Schema of a profile document.
#[must_use]
pub fn profile() -> Value {
    schemars::schema_for!(crate::Profile).to_value()
}

/// One problem found in a dataset, as every front end returns it: the message in the language
/// asked for.
// The JSON document of `Finding::to_json`, described for the schema; a test checks they agree.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(rename = "Finding")]
struct FindingJson {
    /// Stable code.
    code: Code,
    /// How serious it is.
    severity: Severity,
    /// The message, in the language asked for.
    message: String,
    /// The record concerned.
    subject: SubjectRef,
    /// First day concerned, if the finding is about days.
    from: Option<NaiveDate>,
    /// Last day concerned (`null` with a `from`: still going on).
    to: Option<NaiveDate>,
    /// The article the rule rests on, where the regulation's text numbers it: the same as
    /// `basis.article`.
    article: Option<String>,
    /// What the rule rests on.
    basis: Basis,
    /// Structured details (ids, counts, the scheme…).
    details: Map<String, Value>,
}

/// The result of a check: every finding, in a deterministic order, and their counts.
// The JSON document of `Report::to_json`, described for the schema; a test checks they agree.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(rename = "Report")]
struct ReportJson {
    /// Every finding, ordered by code, subject, dates and details.
    findings: Vec<FindingJson>,
    /// Counts by severity.
    summary: Summary,
}

/// The stable code of an error, in every front end: the core's codes and the front ends' own
/// (`dataset_freed`, `unsupported`, `internal`).
// A test checks this list against `Error::code`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(rename_all = "snake_case")]
enum ErrorCode {
    /// The text is not well-formed JSON.
    JsonSyntax,
    /// The text is not well-formed CSV.
    CsvSyntax,
    /// The file is not a readable XLSX workbook.
    XlsxSyntax,
    /// A field or column the format does not know.
    UnknownField,
    /// A required field or column is absent or empty.
    MissingField,
    /// A date that is not a real date.
    InvalidDate,
    /// A value of the wrong type or outside its set of allowed words.
    InvalidValue,
    /// A limit on input size or record count was exceeded.
    LimitExceeded,
    /// A file or folder could not be read or written.
    Io,
    /// No built-in profile has this id.
    UnknownProfile,
    /// The profile has no scheme with this id.
    UnknownScheme,
    /// An argument is not acceptable.
    InvalidArgument,
    /// No record has this id or name.
    NotFound,
    /// Several records bear this name.
    AmbiguousName,
    /// (JavaScript) The dataset was freed.
    DatasetFreed,
    /// The module was built without the feature asked for.
    Unsupported,
    /// A bug in diaban.
    Internal,
}

/// Adds `T` to the generator's definitions under `name` (renaming the Rust name where the
/// front ends use another) and returns nothing: only the definitions are kept.
fn define<T: JsonSchema>(g: &mut SchemaGenerator, renames: &mut Vec<(String, &'static str)>) {
    let name = T::schema_name().into_owned();
    let _ = g.subschema_for::<T>();
    if let Some(public) = PUBLIC_NAMES
        .iter()
        .find(|(rust, _)| *rust == name)
        .map(|(_, p)| *p)
    {
        renames.push((name, public));
    }
}

/// Rust names whose front-end name differs.
const PUBLIC_NAMES: &[(&str, &str)] = &[("Code", "FindingCode")];

/// One JSON Schema (draft 2020-12) document whose `$defs` hold every output shape the front
/// ends return — the check's report and findings, the coverage table, assignment views, working
/// relationships, the yearly report, the changes of a reorganisation, lineage — and every
/// vocabulary they use (finding and error codes, severities, ratings, activity kinds…),
/// derived from the Rust types. `cargo xtask codegen` writes the Python `TypedDict`s and the
/// TypeScript interfaces from it.
///
/// ```
/// let schema = diaban::schema::outputs();
/// assert!(schema["$defs"]["YearReport"]["properties"]["assignments"].is_object());
/// assert!(schema["$defs"]["FindingCode"].is_object());
/// ```
#[must_use]
pub fn outputs() -> Value {
    use crate::{duties, model, profile, query, relations, reorg, report};
    let settings = SchemaSettings::draft2020_12().for_serialize();
    let mut g = settings.into_generator();
    let mut renames = Vec::new();
    let r = &mut renames;
    // The results, in the order a reader meets them.
    define::<ReportJson>(&mut g, r);
    define::<FindingJson>(&mut g, r);
    define::<query::Coverage<'_>>(&mut g, r);
    define::<query::AssignmentView<'_>>(&mut g, r);
    define::<relations::Relation>(&mut g, r);
    define::<report::YearReport>(&mut g, r);
    define::<report::Table>(&mut g, r);
    define::<reorg::Changes>(&mut g, r);
    define::<reorg::LineageReport>(&mut g, r);
    define::<model::ReorganizationEdge>(&mut g, r);
    define::<model::Unit>(&mut g, r);
    // The vocabularies, including those no result names directly.
    define::<Code>(&mut g, r);
    define::<ErrorCode>(&mut g, r);
    define::<Severity>(&mut g, r);
    define::<crate::Lang>(&mut g, r);
    define::<crate::Source>(&mut g, r);
    define::<model::ActivityKind>(&mut g, r);
    define::<model::ContributionKind>(&mut g, r);
    define::<model::Rating>(&mut g, r);
    define::<duties::EvaluationState>(&mut g, r);
    define::<model::EndReason>(&mut g, r);
    define::<model::Part>(&mut g, r);
    define::<model::UnitType>(&mut g, r);
    define::<model::Level>(&mut g, r);
    define::<model::OrgKind>(&mut g, r);
    define::<model::Rank>(&mut g, r);
    define::<model::NtmStatus>(&mut g, r);
    define::<profile::RelationKind>(&mut g, r);
    let mut defs: Map<String, Value> = g.take_definitions(true).into_iter().collect();
    for (rust, public) in renames {
        if let Some(def) = defs.remove(&rust) {
            defs.insert(public.to_owned(), def);
        }
    }
    // Sorted, so that the document (and the code generated from it) does not depend on the
    // order the generator met the types in.
    let mut entries: Vec<(String, Value)> = defs.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut defs = Value::Object(entries.into_iter().collect());
    rename_refs(&mut defs);
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "diaban outputs",
        "description": "Every result shape and vocabulary the diaban front ends (command line, Python, JavaScript) return.",
        "$defs": defs,
    })
}

/// Points every `$ref` to a renamed definition at its public name.
fn rename_refs(value: &mut Value) {
    match value {
        Value::Object(m) => {
            for (key, v) in m.iter_mut() {
                match v {
                    Value::String(target) if key == "$ref" => {
                        if let Some((_, public)) = PUBLIC_NAMES
                            .iter()
                            .find(|(rust, _)| target.strip_prefix("#/$defs/") == Some(*rust))
                        {
                            *target = format!("#/$defs/{public}");
                        }
                    }
                    _ => rename_refs(v),
                }
            }
        }
        Value::Array(list) => list.iter_mut().for_each(rename_refs),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{date, Dataset, Index, Lang, Profile};

    #[test]
    fn schemas_name_the_tables() {
        let d = super::dataset();
        assert!(d["properties"]["assignments"].is_object(), "{d}");
        assert!(super::profile()["properties"]["schemes"].is_object());
    }

    /// A validator for the part of JSON Schema that schemars writes, stricter than the
    /// standard in one way: an object with `properties` is closed (a member the schema does
    /// not declare is an error), so a field added to an output and not to its schema fails.
    fn validate(
        value: &Value,
        schema: &Value,
        defs: &Map<String, Value>,
        at: &str,
    ) -> Result<(), String> {
        let fail = |why: String| Err(format!("{at}: {why}"));
        if let Some(Value::String(r)) = schema.get("$ref") {
            let name = r.trim_start_matches("#/$defs/");
            let Some(def) = defs.get(name) else {
                return fail(format!("no definition {name}"));
            };
            validate(value, def, defs, at)?;
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(options)) = schema.get(key) {
                let errors: Vec<String> = options
                    .iter()
                    .filter_map(|o| validate(value, o, defs, at).err())
                    .collect();
                if errors.len() == options.len() {
                    return fail(format!("matches none of {key}: {}", errors.join(" | ")));
                }
            }
        }
        if let Some(c) = schema.get("const") {
            if c != value {
                return fail(format!("{value} is not {c}"));
            }
        }
        if let Some(Value::Array(words)) = schema.get("enum") {
            if !words.contains(value) {
                return fail(format!("{value} is not one of {words:?}"));
            }
        }
        if let Some(ty) = schema.get("type") {
            let types: Vec<&str> = match ty {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => return fail(format!("bad type {ty}")),
            };
            let fits = |t: &str| match t {
                "null" => value.is_null(),
                "boolean" => value.is_boolean(),
                "string" => value.is_string(),
                "integer" => value.is_i64() || value.is_u64(),
                "number" => value.is_number(),
                "array" => value.is_array(),
                "object" => value.is_object(),
                _ => false,
            };
            if !types.iter().any(|t| fits(t)) {
                return fail(format!("{value} is not of type {ty}"));
            }
        }
        if schema.get("format").and_then(Value::as_str) == Some("date") {
            if let Some(text) = value.as_str() {
                if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() {
                    return fail(format!("`{text}` is not a date"));
                }
            }
        }
        if let Some(min) = schema.get("minimum").and_then(Value::as_i64) {
            if value.as_i64().is_some_and(|v| v < min) {
                return fail(format!("{value} is below {min}"));
            }
        }
        if let (Some(items), Value::Array(list)) = (schema.get("items"), value) {
            for (i, v) in list.iter().enumerate() {
                validate(v, items, defs, &format!("{at}[{i}]"))?;
            }
        }
        if let Value::Object(members) = value {
            let properties = schema.get("properties").and_then(Value::as_object);
            if let Some(properties) = properties {
                for (k, v) in members {
                    match properties.get(k) {
                        Some(s) => validate(v, s, defs, &format!("{at}.{k}"))?,
                        None if schema.get("additionalProperties") == Some(&Value::Bool(true)) => {}
                        None => return fail(format!("member `{k}` is not in the schema")),
                    }
                }
            }
            if let Some(Value::Array(required)) = schema.get("required") {
                for k in required.iter().filter_map(Value::as_str) {
                    if !members.contains_key(k) {
                        return fail(format!("required member `{k}` is absent"));
                    }
                }
            }
            if let Some(extra @ Value::Object(_)) = schema.get("additionalProperties") {
                for (k, v) in members {
                    if properties.is_none_or(|p| !p.contains_key(k)) {
                        validate(v, extra, defs, &format!("{at}.{k}"))?;
                    }
                }
            }
            if let Some(names) = schema.get("propertyNames") {
                for k in members.keys() {
                    validate(
                        &Value::String(k.clone()),
                        names,
                        defs,
                        &format!("{at} key {k}"),
                    )?;
                }
            }
        }
        Ok(())
    }

    fn conforms(value: &Value, def: &str) {
        let schema = outputs();
        let defs = schema["$defs"].as_object().unwrap();
        assert!(defs.contains_key(def), "no definition {def}");
        let root = serde_json::json!({"$ref": format!("#/$defs/{def}")});
        if let Err(e) = validate(value, &root, defs, def) {
            panic!("{e}");
        }
    }

    fn list_of(value: Value, def: &str) -> usize {
        let list = value.as_array().unwrap();
        for v in list {
            conforms(v, def);
        }
        list.len()
    }

    #[test]
    fn what_the_front_ends_return_is_what_the_schema_says() {
        let ds = Dataset::demo();
        let profile = Profile::bac_kan_1390();
        let index = Index::new(&ds);
        for (today, strict) in [(date!(2026, 12, 1), true), (date!(2025, 3, 1), false)] {
            let options = crate::CheckOptions {
                today: Some(today),
                strict,
                ..crate::CheckOptions::default()
            };
            let report = crate::check(&ds, &profile, &options);
            assert!(!report.findings.is_empty());
            conforms(&report.to_json(Lang::En), "Report");
        }
        let day = date!(2024, 10, 1);
        let to = |v: &dyn erased::Ser| v.value();
        conforms(
            &to(&index.coverage(&profile, None, day).unwrap()),
            "Coverage",
        );
        assert!(list_of(to(&index.who_monitors("01954", day)), "AssignmentView") > 0);
        assert!(list_of(to(&index.history("01954")), "AssignmentView") > 0);
        let relations = index.relations(&profile, "p-ha-sy-thang", day);
        assert!(list_of(to(&relations), "Relation") > 0);
        assert!(
            list_of(
                to(&index.relations_towards(&profile, "062", day)),
                "Relation"
            ) > 0
        );
        for year in [2023, 2024, 2025] {
            let report = index
                .year_report(&profile, year, Some(date!(2026, 1, 1)))
                .unwrap();
            conforms(&to(&report), "YearReport");
            for name in crate::YearReport::TABLES {
                conforms(&to(&report.table(name).unwrap()), "Table");
            }
        }
        let (after, changes) = crate::reorg::apply(&ds, &crate::reorg::bac_kan_2025()).unwrap();
        assert!(!changes.assignments_closed.is_empty());
        conforms(&to(&changes), "Changes");
        let lineage = crate::Lineage::new(&after);
        conforms(
            &to(&lineage.report("01843", date!(2025, 7, 1))),
            "LineageReport",
        );
        conforms(
            &to(&lineage.report("01843", date!(2024, 10, 1))),
            "LineageReport",
        );
        assert!(list_of(to(&after.reorganizations), "ReorganizationEdge") > 100);
        assert!(list_of(to(&after.units), "Unit") > 100);
    }

    #[test]
    fn the_validator_rejects_what_the_schema_does_not_say() {
        let ds = Dataset::demo();
        let mut doc = crate::check(
            &ds,
            &Profile::bac_kan_1390(),
            &crate::CheckOptions::default(),
        )
        .to_json(Lang::Vi);
        doc["summary"]["unexpected"] = Value::from(1);
        let schema = outputs();
        let defs = schema["$defs"].as_object().unwrap();
        let root = serde_json::json!({"$ref": "#/$defs/Report"});
        assert!(validate(&doc, &root, defs, "Report").is_err());
        doc["summary"].as_object_mut().unwrap().remove("unexpected");
        assert!(validate(&doc, &root, defs, "Report").is_ok());
        doc["findings"] = serde_json::json!([{"code": "no_such_code"}]);
        assert!(validate(&doc, &root, defs, "Report").is_err());
    }

    #[test]
    fn every_error_code_of_the_core_is_in_the_vocabulary() {
        use crate::error::{Error, LoadErrorKind as K};
        let schema = outputs();
        let words: Vec<&str> = schema["$defs"]["ErrorCode"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|w| w["const"].as_str())
            .collect();
        let kinds = [
            K::JsonSyntax,
            K::CsvSyntax,
            K::UnknownField,
            K::MissingField,
            K::InvalidDate,
            K::InvalidValue,
            K::LimitExceeded,
            K::XlsxSyntax,
        ];
        for kind in kinds {
            // Exhaustive: a new kind fails to compile here until it is listed above.
            match kind {
                K::JsonSyntax
                | K::CsvSyntax
                | K::UnknownField
                | K::MissingField
                | K::InvalidDate
                | K::InvalidValue
                | K::LimitExceeded
                | K::XlsxSyntax => {}
            }
            let e = Error::load(
                kind,
                crate::Location::default(),
                crate::error::Msg::new("x", "x"),
            );
            assert!(words.contains(&e.code()), "{}", e.code());
        }
        let others = [
            Error::Io {
                path: "x".into(),
                source: std::io::Error::other("x"),
            },
            Error::UnknownProfile("x".into()),
            Error::UnknownScheme {
                scheme: "x".into(),
                known: "y".into(),
            },
            Error::invalid_argument("x", crate::error::Msg::new("y", "y")),
            Error::NotFound {
                argument: "x".into(),
                text: "y".into(),
            },
            Error::AmbiguousName {
                argument: "x".into(),
                text: "y".into(),
                candidates: Vec::new(),
            },
        ];
        for e in &others {
            match e {
                Error::Load { .. }
                | Error::Io { .. }
                | Error::UnknownProfile(_)
                | Error::UnknownScheme { .. }
                | Error::InvalidArgument { .. }
                | Error::NotFound { .. }
                | Error::AmbiguousName { .. } => {}
            }
            assert!(words.contains(&e.code()), "{}", e.code());
        }
    }

    #[test]
    fn every_finding_code_is_in_the_vocabulary_under_its_public_name() {
        let schema = outputs();
        let words: Vec<&str> = schema["$defs"]["FindingCode"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|w| w["const"].as_str())
            .collect();
        let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(words, all);
        assert!(schema["$defs"].get("Code").is_none());
        assert!(!schema.to_string().contains("#/$defs/Code\""));
    }

    /// Serialises the borrowed views and owned results alike.
    mod erased {
        pub trait Ser {
            fn value(&self) -> serde_json::Value;
        }
        impl<T: serde::Serialize> Ser for T {
            fn value(&self) -> serde_json::Value {
                serde_json::to_value(self).unwrap()
            }
        }
    }
}
