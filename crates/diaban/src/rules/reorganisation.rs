//! Records that outlive a reorganised unit: `open_after_reorganization` (an assignment,
//! activity or evaluation still on a unit after a reorganisation ended it), run when the
//! dataset records any reorganisation.
//!
//! Topic: the reorganisation of administrative units (cited: the reorganisation's own legal
//! basis).

use super::reform::{End, Ends};
use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::messages::{names, Args, Key};
use crate::model::Assignment;
use crate::period::Period;

/// Assignments, activities and evaluations still on a unit after a reorganisation ended it.
pub(super) fn rules(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    if ctx.index.dataset.reorganizations.is_empty() {
        return;
    }
    assignments(ctx, ends);
    activities(ctx, ends);
    evaluations(ctx, ends);
}

fn assignments(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for a in &index.dataset.assignments {
        if ends.of(&a.target).is_empty()
            || a.period().is_inverted()
            || index.organization(&a.target).is_some()
        {
            continue;
        }
        let (end, bad) = if let Some(end) = ends.gone(&a.target, a.valid_from) {
            (end, a.period())
        } else if let Some(end) = ends.after(&a.target, a.valid_from) {
            match a.period().intersect(&Period::starting(end.effective)) {
                Some(p) => (end, p),
                None => continue,
            }
        } else {
            continue;
        };
        let Some(bad) = ctx.clip(&bad) else { continue };
        push_open(ctx, "assignment", &a.id, &a.target, end, bad, Some(a));
    }
}

fn push_open(
    ctx: &mut Ctx<'_, '_>,
    kind: &'static str,
    id: &str,
    code: &str,
    end: &End,
    bad: Period,
    a: Option<&Assignment>,
) {
    let effective = end.effective;
    let last = end.day_before();
    let successors = if end.successors.is_empty() {
        vec![("không có".to_owned(), "none".to_owned())]
    } else {
        names(&end.successors, |a, code| {
            a.unit("n", ctx.index, code, Some(effective))
        })
    };
    let names = match a.and_then(|a| {
        ctx.profile
            .schemes
            .iter()
            .find(|s| s.id == a.scheme)
            .map(|s| (a, s))
    }) {
        Some((a, scheme)) => (
            Key::OpenAfterReorganizationAssignment,
            Args::new().assignment(ctx.index, scheme, a, last),
        ),
        None => (
            Key::OpenAfterReorganization,
            Args::new()
                .kind("record", kind)
                .unit("unit", ctx.index, code, Some(last)),
        ),
    };
    let mut draft = Draft::new(Code::OpenAfterReorganization, kind, id)
        .period(bad)
        .instrument(end.basis.clone())
        .say(
            names.0,
            names
                .1
                .span("span", bad)
                .date("effective", effective)
                .date("ended", last)
                .list("successors", &successors)
                .ids(&end.successors),
        )
        .detail("target", code.to_owned())
        .detail("effective", effective.to_string())
        .detail("successors", end.successors.clone())
        .detail("reorganization_basis", end.basis.clone());
    if let Some(a) = a {
        draft = draft.detail("scheme", a.scheme.as_str());
    }
    ctx.push(draft);
}

fn activities(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for act in &index.dataset.activities {
        if ends.of(&act.target).is_empty() || index.organization(&act.target).is_some() {
            continue;
        }
        let Some(end) = ends.gone(&act.target, act.date) else {
            continue;
        };
        let Some(day) = ctx.clip(&Period::day(act.date)) else {
            continue;
        };
        push_open(ctx, "activity", &act.id, &act.target, end, day, None);
    }
}

fn evaluations(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for ev in &index.dataset.evaluations {
        let Some(a) = index.assignment(&ev.assignment_id) else {
            continue;
        };
        if index.organization(&a.target).is_some() {
            continue;
        }
        let Some(end) = ends.after(&a.target, a.valid_from) else {
            continue;
        };
        // A year outside the calendar has no days to judge.
        let Some(year) = Period::year(ev.year) else {
            continue;
        };
        if year.from < end.effective {
            continue;
        }
        let Some(bad) = ctx.clip(&year) else { continue };
        push_open(ctx, "evaluation", &ev.id, &a.target, end, bad, None);
    }
}
