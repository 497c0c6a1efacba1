//! Every parameter of a profile is read: each leaf of the profile's JSON Schema (`diaban schema
//! profile`) is listed below with the source file that reads it and the expression it is read
//! by, or declared text for people (a title, a note: nothing judges by it). A field added to
//! the profile types without a reader, or a reader that stops reading its field, fails here:
//! a profile must never state a rule that nothing applies.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::Value;
use std::collections::BTreeSet;

/// How a leaf of the profile is used.
enum Use {
    /// Read by this source file (relative to `src/`, outside its tests), through this text.
    Read(&'static str, &'static str),
    /// Text for people (titles, notes) or a provenance tag of such text: shown with the
    /// profile, never judged by.
    Text,
}
use Use::{Read, Text};

/// Every leaf of a profile, as `a.b[].c` (a parameter's value stands for the parameter; the
/// fields every parameter shares are in [`PARAM_FIELDS`]).
const LEAVES: &[(&str, Use)] = &[
    ("id", Read("rules/roles.rs", "ctx.profile.id")),
    (
        "regulation.number",
        Read("profile.rs", "self.regulation.number"),
    ),
    ("regulation.title_vi", Read("docx.rs", "reg.title_vi")),
    ("regulation.title_en", Text),
    (
        "regulation.issuer",
        Read("docx.rs", "profile.regulation.issuer"),
    ),
    (
        "regulation.issuer_id",
        Read("roles.rs", "regulation.issuer_id"),
    ),
    (
        "regulation.territory",
        Read("roles.rs", "regulation.territory"),
    ),
    (
        "regulation.numbering",
        Read("engine.rs", "regulation.numbering"),
    ),
    ("regulation.signed", Read("docx.rs", "reg.signed")),
    (
        "regulation.effective",
        Read("profile.rs", "self.regulation.effective"),
    ),
    (
        "regulation.in_force_until",
        Read("profile.rs", "self.regulation.in_force_until"),
    ),
    ("regulation.in_force_until_source", Text),
    ("regulation.in_force_until_note", Text),
    (
        "regulation.repealed_on",
        Read("profile.rs", "self.regulation.repealed_on"),
    ),
    ("regulation.structure_note", Text),
    ("regulation.chapters[].id", Text),
    ("regulation.chapters[].title_vi", Text),
    ("regulation.chapters[].title_en", Text),
    // The articles a parameter may cite (checked when a profile is loaded).
    (
        "regulation.chapters[].articles[].id",
        Read("profile.rs", "c.articles.iter().map(|a| a.id"),
    ),
    ("regulation.chapters[].articles[].title_vi", Text),
    ("regulation.chapters[].articles[].title_en", Text),
    ("role_ids", Read("roles.rs", ".role_ids")),
    (
        "ntm_criteria.instrument",
        Read("rules/ntm.rs", "criteria.instrument"),
    ),
    (
        "ntm_criteria.count",
        Read("rules/ntm.rs", "criteria.count.value"),
    ),
    (
        "schemes[].id",
        Read("rules/evaluations.rs", "a.scheme == scheme.id"),
    ),
    (
        "schemes[].name_vi",
        Read("messages/mod.rs", "scheme.name_vi"),
    ),
    (
        "schemes[].name_en",
        Read("messages/mod.rs", "scheme.name_en"),
    ),
    ("schemes[].basis", Read("engine.rs", "scheme.basis")),
    (
        "schemes[].subject.value.kind",
        Read("rules/eligibility.rs", "scheme.subject.value.kind"),
    ),
    (
        "schemes[].subject.value.organization_kinds",
        Read("engine.rs", "rule.organization_kinds"),
    ),
    (
        "schemes[].subject.value.levels",
        Read("engine.rs", "rule.levels"),
    ),
    (
        "schemes[].subject.value.ranks",
        Read("engine.rs", "rule.ranks"),
    ),
    (
        "schemes[].target.value.kind",
        Read("rules/coverage.rs", "scheme.target.value.kind"),
    ),
    (
        "schemes[].target.value.unit_levels",
        Read("engine.rs", "rule.unit_levels"),
    ),
    (
        "schemes[].target.value.unit_types",
        Read("engine.rs", "rule.unit_types"),
    ),
    (
        "schemes[].target.value.organization_kinds",
        Read("rules/term_scope.rs", "rule.organization_kinds"),
    ),
    (
        "schemes[].target.value.designated_only",
        Read("rules/coverage.rs", "target.value.designated_only"),
    ),
    // 0 (none required) or 1 (every target covered); a larger minimum is refused on loading.
    (
        "schemes[].per_target.value.min",
        Read("rules/coverage.rs", "per_target.value.min"),
    ),
    (
        "schemes[].per_target.value.max",
        Read("rules/coverage.rs", "per_target.value.max"),
    ),
    // Only 0: a larger minimum is refused on loading (no rule judges it).
    (
        "schemes[].per_subject.value.min",
        Read("profile.rs", "per_subject.value.min > 0"),
    ),
    (
        "schemes[].per_subject.value.max",
        Read("rules/cardinality.rs", "per_subject.value.max"),
    ),
    (
        "schemes[].coverage.value.from",
        Read("profile.rs", "from: self.from"),
    ),
    (
        "schemes[].coverage.value.to",
        Read("profile.rs", "to: self.to"),
    ),
    (
        "schemes[].term_body",
        Read("rules/term_scope.rs", "scheme.term_body"),
    ),
    (
        "schemes[].under_regulation",
        Read("rules/term_scope.rs", "scheme.under_regulation.value"),
    ),
    (
        "schemes[].eligible_tenure",
        Read("rules/eligibility.rs", "scheme.eligible_tenure.value"),
    ),
    (
        "schemes[].acting_max_days",
        Read("rules/cardinality.rs", "scheme.acting_max_days"),
    ),
    ("schemes[].duties[].id", Read("engine.rs", "d.id == id")),
    (
        "schemes[].duties[].activity_kind",
        Read("duties.rs", "d.activity_kind"),
    ),
    (
        "schemes[].duties[].min_per_year",
        Read("duties.rs", "d.min_per_year.value"),
    ),
    (
        "schemes[].relationships[].kind",
        Read("relations.rs", "rel.kind"),
    ),
    (
        "schemes[].relationships[].counterpart.value.role",
        Read("relations.rs", "c.role"),
    ),
    (
        "schemes[].relationships[].counterpart.value.body",
        Read("relations.rs", "c.body"),
    ),
    (
        "schemes[].relationships[].counterpart.value.derived",
        Read("relations.rs", "c.derived"),
    ),
    (
        "schemes[].relationships[].counterpart.value.via_scheme",
        Read("relations.rs", "c.via_scheme"),
    ),
    (
        "schemes[].evaluation.author",
        Read("rules/evaluations.rs", "policy.author.value"),
    ),
    (
        "schemes[].evaluation.due.value.month",
        Read("duties.rs", "policy.due.value.month"),
    ),
    (
        "schemes[].evaluation.due.value.day",
        Read("duties.rs", "policy.due.value.day"),
    ),
    (
        "schemes[].evaluation.min_days_in_year",
        Read("duties.rs", "policy.min_days_in_year.value"),
    ),
    (
        "schemes[].evaluation.replace_within_days",
        Read("rules/evaluations.rs", "policy.replace_within_days.value"),
    ),
];

/// The fields every parameter (`Param`) has besides its value, and who reads them: a finding's
/// basis and severity come from them (`engine::finish`), the note is text for people.
const PARAM_FIELDS: &[(&str, Use)] = &[
    ("source", Read("profile.rs", "source: param.source")),
    ("article", Read("profile.rs", "article: param.article")),
    ("severity", Read("profile.rs", "severity: param.severity")),
    ("note", Text),
];

/// A source file of the crate without its unit tests (a test reading a field is no reader).
fn source(file: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn resolve<'s>(defs: &'s Value, mut node: &'s Value) -> &'s Value {
    while let Some(r) = node.get("$ref").and_then(Value::as_str) {
        node = &defs[r.rsplit('/').next().unwrap()];
    }
    node
}

fn is_param(node: &Value) -> bool {
    node.get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| {
            ["value", "source", "note"]
                .iter()
                .all(|k| p.contains_key(*k))
        })
}

/// The leaves under `node`, and the parameters' own field names met on the way.
fn leaves(
    defs: &Value,
    node: &Value,
    path: &str,
    out: &mut BTreeSet<String>,
    params: &mut BTreeSet<String>,
) {
    let node = resolve(defs, node);
    for alternatives in ["anyOf", "oneOf"] {
        if let Some(alts) = node.get(alternatives).and_then(Value::as_array) {
            let objects: Vec<&Value> = alts
                .iter()
                .map(|a| resolve(defs, a))
                .filter(|a| a.get("properties").is_some() || a.get("items").is_some())
                .collect();
            if objects.is_empty() {
                out.insert(path.to_owned()); // an enumeration, or an optional scalar
            }
            for a in objects {
                leaves(defs, a, path, out, params);
            }
            return;
        }
    }
    if let Some(items) = node.get("items") {
        let is_scalar_list = resolve(defs, items).get("properties").is_none();
        if is_scalar_list {
            out.insert(path.to_owned()); // a list of words is one parameter
        } else {
            leaves(defs, items, &format!("{path}[]"), out, params);
        }
        return;
    }
    let Some(props) = node.get("properties").and_then(Value::as_object) else {
        out.insert(path.to_owned());
        return;
    };
    if is_param(node) {
        params.extend(props.keys().filter(|k| *k != "value").cloned());
        let value = resolve(defs, &props["value"]);
        if value.get("properties").is_some() {
            leaves(defs, value, &format!("{path}.value"), out, params);
        } else {
            out.insert(path.to_owned());
        }
        return;
    }
    for (k, v) in props {
        let p = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        leaves(defs, v, &p, out, params);
    }
}

fn check(list: &[(&str, Use)], found: &BTreeSet<String>, what: &str) {
    let listed: BTreeSet<String> = list.iter().map(|(p, _)| (*p).to_owned()).collect();
    assert_eq!(
        found
            .iter()
            .filter(|p| !listed.contains(*p))
            .collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "{what} with no reader listed here: give each one the rule that reads it, or remove it"
    );
    assert_eq!(
        listed
            .iter()
            .filter(|p| !found.contains(*p))
            .collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "{what} listed here that the profile no longer has"
    );
    for (path, how) in list {
        if let Read(file, needle) = how {
            assert!(
                source(file).contains(needle),
                "{path}: src/{file} no longer reads it through `{needle}`"
            );
        }
    }
}

#[test]
fn every_profile_parameter_is_read() {
    let schema = diaban::schema::profile();
    let defs = &schema["$defs"];
    let mut found = BTreeSet::new();
    let mut param_fields = BTreeSet::new();
    leaves(defs, &schema, "", &mut found, &mut param_fields);
    check(LEAVES, &found, "profile fields");
    check(PARAM_FIELDS, &param_fields, "parameter fields");
}
