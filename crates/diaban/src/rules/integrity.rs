//! Integrity of the records, judged whatever the regulation's reach and kept in every `at`
//! view: `duplicate_id`, `unknown_reference`, `invalid_period`, and `unit_code_overlap` (two
//! versions of one unit code in force on the same days).
//!
//! Topic: the integrity of the records (no article of the regulation).

use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::messages::{field_label, Args, Key};
use crate::period::{self, Period};
use crate::profile::{Scheme, SubjectKind, TargetKind};
use foldhash::HashMap;
use smol_str::SmolStr;
use std::collections::BTreeMap;

/// Duplicate ids, invalid periods and references to records the dataset lacks.
pub(super) fn records(ctx: &mut Ctx<'_, '_>) {
    let ds = ctx.index.dataset;
    duplicates(
        ctx,
        "organization",
        ds.organizations.iter().map(|o| o.id.as_str()),
    );
    duplicates(ctx, "term", ds.terms.iter().map(|o| o.id.as_str()));
    duplicates(
        ctx,
        "assignment",
        ds.assignments.iter().map(|o| o.id.as_str()),
    );
    duplicates(ctx, "activity", ds.activities.iter().map(|o| o.id.as_str()));
    duplicates(
        ctx,
        "evaluation",
        ds.evaluations.iter().map(|o| o.id.as_str()),
    );

    let inverted = ds
        .units
        .iter()
        .map(|u| ("unit", u.code.as_str(), u.validity()))
        .chain(
            ds.organizations
                .iter()
                .map(|o| ("organization", o.id.as_str(), o.validity())),
        )
        .chain(
            ds.people
                .iter()
                .map(|p| ("person", p.id.as_str(), p.validity())),
        )
        .chain(ds.terms.iter().map(|t| ("term", t.id.as_str(), t.period())))
        .chain(
            ds.assignments
                .iter()
                .map(|a| ("assignment", a.id.as_str(), a.period())),
        )
        .filter(|(_, _, p)| p.is_inverted())
        .map(|(k, id, p)| (k, id.to_owned(), p))
        .collect::<Vec<_>>();
    for (kind, id, p) in inverted {
        let (from, to) = (p.from, p.to.unwrap_or(p.from));
        ctx.push(
            Draft::new(Code::InvalidPeriod, kind, &id)
                .say(
                    Key::InvalidPeriod,
                    Args::new()
                        .kind("record", kind)
                        .date("from", from)
                        .date("to", to),
                )
                .detail("valid_from", from.to_string())
                .detail("valid_to", to.to_string()),
        );
    }

    let mut missing: Vec<(&'static str, SmolStr, &'static str, SmolStr)> = Vec::new();
    let idx = ctx.index;
    for u in &ds.units {
        if let Some(parent) = &u.parent_code {
            if idx.unit_versions(parent).is_empty() {
                missing.push(("unit", u.code.clone(), "parent_code", parent.clone()));
            }
        }
    }
    for o in &ds.organizations {
        if let Some(code) = o
            .unit_code
            .as_ref()
            .filter(|c| idx.unit_versions(c).is_empty())
        {
            missing.push(("organization", o.id.clone(), "unit_code", code.clone()));
        }
        if let Some(parent) = o
            .parent_id
            .as_ref()
            .filter(|p| idx.organization(p).is_none())
        {
            missing.push(("organization", o.id.clone(), "parent_id", parent.clone()));
        }
    }
    for p in &ds.people {
        if idx.organization(&p.organization_id).is_none() {
            missing.push((
                "person",
                p.id.clone(),
                "organization_id",
                p.organization_id.clone(),
            ));
        }
    }
    for t in &ds.terms {
        if idx.organization(&t.organization_id).is_none() {
            missing.push((
                "term",
                t.id.clone(),
                "organization_id",
                t.organization_id.clone(),
            ));
        }
    }
    let schemes: HashMap<&str, &Scheme> = ctx
        .profile
        .schemes
        .iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    for a in &ds.assignments {
        let Some(scheme) = schemes.get(a.scheme.as_str()) else {
            missing.push(("assignment", a.id.clone(), "scheme", a.scheme.clone()));
            continue;
        };
        let subject_known = match scheme.subject.value.kind {
            SubjectKind::Person => !idx.posts(&a.subject_id).is_empty(),
            SubjectKind::Organization => idx.organization(&a.subject_id).is_some(),
        };
        if !subject_known {
            missing.push((
                "assignment",
                a.id.clone(),
                "subject_id",
                a.subject_id.clone(),
            ));
        }
        let target_known = match scheme.target.value.kind {
            TargetKind::Unit => !idx.unit_versions(&a.target).is_empty(),
            TargetKind::Organization => idx.organization(&a.target).is_some(),
        };
        if !target_known {
            missing.push(("assignment", a.id.clone(), "target", a.target.clone()));
        }
        if let Some(t) = a.term_id.as_ref().filter(|t| idx.term(t).is_none()) {
            missing.push(("assignment", a.id.clone(), "term_id", t.clone()));
        }
        if let Some(r) = a.replaces.as_ref().filter(|r| idx.assignment(r).is_none()) {
            missing.push(("assignment", a.id.clone(), "replaces", r.clone()));
        }
    }
    let known_any = |id: &str| {
        !idx.posts(id).is_empty()
            || idx.organization(id).is_some()
            || !idx.unit_versions(id).is_empty()
    };
    // Activities come in runs of one person on one unit: the last answer is kept for each.
    let mut last_subject: Option<(&str, bool)> = None;
    let mut last_target: Option<(&str, bool)> = None;
    for a in &ds.activities {
        let subject_known = match last_subject {
            Some((id, known)) if id == a.subject_id => known,
            _ => {
                let known = !idx.posts(&a.subject_id).is_empty()
                    || idx.organization(&a.subject_id).is_some();
                last_subject = Some((&a.subject_id, known));
                known
            }
        };
        if !subject_known {
            missing.push(("activity", a.id.clone(), "subject_id", a.subject_id.clone()));
        }
        let target_known = match last_target {
            Some((id, known)) if id == a.target => known,
            _ => {
                let known = known_any(&a.target);
                last_target = Some((&a.target, known));
                known
            }
        };
        if !target_known {
            missing.push(("activity", a.id.clone(), "target", a.target.clone()));
        }
        if let Some(r) = a
            .recipient
            .as_ref()
            .filter(|r| idx.organization(r).is_none() && idx.posts(r).is_empty())
        {
            missing.push(("activity", a.id.clone(), "recipient", r.clone()));
        }
    }
    for e in &ds.evaluations {
        if idx.assignment(&e.assignment_id).is_none() {
            missing.push((
                "evaluation",
                e.id.clone(),
                "assignment_id",
                e.assignment_id.clone(),
            ));
        }
        if idx.organization(&e.author_id).is_none() && idx.posts(&e.author_id).is_empty() {
            missing.push(("evaluation", e.id.clone(), "author_id", e.author_id.clone()));
        }
    }
    for n in &ds.ntm_statuses {
        if idx.unit_versions(&n.unit_code).is_empty() {
            missing.push((
                "ntm_status",
                format!("{}/{}", n.unit_code, n.year).into(),
                "unit_code",
                n.unit_code.clone(),
            ));
        }
    }
    for (kind, id, field, value) in missing {
        ctx.push(
            Draft::new(Code::UnknownReference, kind, &id)
                .say(
                    Key::UnknownReference,
                    Args::new()
                        .kind("record", kind)
                        .words(
                            "field",
                            field_label(field, crate::finding::Lang::Vi),
                            field_label(field, crate::finding::Lang::En),
                        )
                        .text("value", value.as_str()),
                )
                .detail("field", field)
                .detail("value", value.as_str()),
        );
    }
}

/// One `duplicate_id` per id used by more than one record of a table.
fn duplicates<'x>(
    ctx: &mut Ctx<'_, '_>,
    kind: &'static str,
    ids: impl Iterator<Item = &'x str> + Clone,
) {
    // Ids in strictly increasing order (an office's running numbers, zero-padded, as most
    // exports list them) cannot repeat: one pass over neighbours instead of a count of every
    // id in a hash table (on the national data, 1.56 million activities, that table was 6 %
    // of the whole check's samples). Any other order is counted.
    let mut previous: Option<&str> = None;
    let increasing = ids.clone().all(|id| {
        let after = previous.is_none_or(|p| p < id);
        previous = Some(id);
        after
    });
    if increasing {
        return;
    }
    let mut counts: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(ids.size_hint().0, Default::default());
    for id in ids {
        *counts.entry(id).or_default() += 1;
    }
    let mut dups: Vec<(&str, usize)> = counts.into_iter().filter(|(_, n)| *n > 1).collect();
    dups.sort_unstable();
    for (id, n) in dups {
        ctx.push(
            Draft::new(Code::DuplicateId, kind, id)
                .say(
                    Key::DuplicateId,
                    Args::new().count("count", n).kind("kind", kind),
                )
                .detail("count", n),
        );
    }
}

/// Days on which two versions of one unit code are in force.
pub(super) fn unit_code_overlap(ctx: &mut Ctx<'_, '_>) {
    let mut codes: BTreeMap<&str, Vec<Period>> = BTreeMap::new();
    for u in &ctx.index.dataset.units {
        codes.entry(u.code.as_str()).or_default().push(u.validity());
    }
    for (code, validities) in codes {
        if validities.len() < 2 {
            continue;
        }
        for p in period::overlaps(&validities) {
            let Some(p) = ctx.clip(&p) else { continue };
            ctx.push(
                Draft::new(Code::UnitCodeOverlap, "unit", code)
                    .period(p)
                    .say(Key::UnitCodeOverlap, Args::new().span("span", p)),
            );
        }
    }
}
