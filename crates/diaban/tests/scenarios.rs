//! Runs every shared scenario in `tests/scenarios/` (the same files the Python and
//! JavaScript suites run) and compares the findings exactly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diaban::{check, parse_date, CheckOptions, Dataset, Lang, Profile};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios")
}

fn date_opt(v: &Value, key: &str) -> Option<chrono::NaiveDate> {
    v.get(key).and_then(Value::as_str).and_then(parse_date)
}

fn load_dataset(s: &Value) -> diaban::Result<Dataset> {
    if let Some(d) = s.get("dataset") {
        Dataset::from_json_str(&d.to_string())
    } else if let Some(files) = s.get("csv").and_then(Value::as_object) {
        Dataset::from_csv_texts(
            files
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default())),
        )
    } else {
        Ok(Dataset::demo())
    }
}

fn load_profile(s: &Value) -> Profile {
    match s.get("profile") {
        None => Profile::bac_kan_1390(),
        Some(Value::String(p)) if p.ends_with(".json") => {
            Profile::from_json_str(&std::fs::read_to_string(scenarios_dir().join(p)).unwrap())
                .unwrap()
        }
        Some(Value::String(id)) => Profile::builtin(id).unwrap(),
        Some(obj) => Profile::from_json_str(&obj.to_string()).unwrap(),
    }
}

/// The projection every language compares.
fn project(report: &Value) -> Value {
    let findings: Vec<Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| json!({"code": f["code"], "severity": f["severity"], "subject": f["subject"], "from": f["from"], "to": f["to"]}))
        .collect();
    json!({"findings": findings, "summary": report["summary"]})
}

/// The projection of a relationship every language compares.
fn project_relations(rels: &Value) -> Value {
    Value::Array(
        rels.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let people: Vec<Value> = r["people"].as_array().unwrap().iter().map(|p| p["id"].clone()).collect();
                json!({"kind": r["kind"], "body_id": r["body_id"], "people": people, "article": r["article"], "unresolved": r["unresolved"]})
            })
            .collect(),
    )
}

fn run(path: &Path) -> Result<(), String> {
    let s: Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).map_err(|e| e.to_string())?;
    let expect = &s["expect"];
    let options = s.get("options").cloned().unwrap_or(json!({}));
    let dataset = match load_dataset(&s) {
        Ok(d) => d,
        Err(e) => {
            let want = expect
                .get("error")
                .ok_or_else(|| format!("unexpected load error: {e}"))?;
            let loc = e.location().cloned().unwrap_or_default();
            let got = json!({"code": e.code(), "file": loc.file, "line": loc.line, "field": loc.field, "path": loc.path});
            for (k, v) in want.as_object().unwrap() {
                if &got[k] != v {
                    return Err(format!("error {k}: expected {v}, got {} ({e})", got[k]));
                }
            }
            return Ok(());
        }
    };
    if expect.get("error").is_some() {
        return Err("expected a load error, the dataset loaded".into());
    }
    if date_opt(&options, "today").is_none() && date_opt(&options, "at").is_none() {
        // The front ends judge a check without either on the system date: not reproducible.
        return Err(
            "a scenario must name the day it is judged on: options.today or options.at".into(),
        );
    }
    let profile = load_profile(&s);
    let opts = CheckOptions {
        at: date_opt(&options, "at"),
        today: date_opt(&options, "today"),
        recorded_on: date_opt(&options, "recorded_on"),
    };
    let lang = if options.get("lang").and_then(Value::as_str) == Some("vi") {
        Lang::Vi
    } else {
        Lang::En
    };
    let mut got = project(&check(&dataset, &profile, &opts).to_json(lang));
    if let Some(q) = s.get("relations") {
        let day = date_opt(q, "at").ok_or("relations.at must be a date")?;
        let index = diaban::Index::new(&dataset);
        let person = q["person"]
            .as_str()
            .ok_or("relations.person must be a string")?;
        let rels = serde_json::to_value(index.relations(&profile, person, day))
            .map_err(|e| e.to_string())?;
        got["relations"] = project_relations(&rels);
    }
    if &got != expect {
        return Err(format!(
            "findings differ\n--- expected\n{}\n--- got\n{}",
            serde_json::to_string_pretty(expect).unwrap(),
            serde_json::to_string_pretty(&got).unwrap()
        ));
    }
    Ok(())
}

#[test]
fn every_shared_scenario_gives_the_expected_findings() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "too few scenarios: {}", paths.len());
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| run(p).err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}
